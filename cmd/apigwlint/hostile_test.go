package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/clitest"
	"github.com/apigwlint/apigwlint/internal/loader"
)

// hostileAPI is an OpenAPI document with one finding (AGW108 at 10:26).
const hostileAPI = `openapi: 3.0.1
info: {title: hostile, version: "1"}
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://example.com/a
        timeoutInMillis: 30
`

// minifiedJSON is a one-line Swagger document of about size bytes, with
// multi-byte characters before every integration and, in the last one, a
// timeout below the minimum; it returns the document and the column of
// that timeout's value.
func minifiedJSON(size int) ([]byte, int) {
	var b strings.Builder
	b.WriteString(`{"swagger":"2.0","info":{"title":"minified é€😀","version":"1"},"paths":{`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `"/p%d/é€😀":{"get":{"x-amazon-apigateway-integration":{"type":"http_proxy","httpMethod":"GET","uri":"https://example.com/%d","timeoutInMillis":1000}}},`, i, i)
	}
	b.WriteString(`"/last":{"get":{"x-amazon-apigateway-integration":{"type":"http_proxy","httpMethod":"GET","uri":"https://example.com/last","timeoutInMillis":`)
	col := len([]rune(b.String())) + 1
	b.WriteString(`30}}}}}`)
	return []byte(b.String()), col
}

// billionLaughs nests ten aliases ten levels deep (10^10 nodes if
// expanded) into an integration's requestParameters.
func billionLaughs() []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\nx0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "x%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	b.WriteString("paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: mock\n        requestParameters: *a10\n")
	return []byte(b.String())
}

// TestHostileInputs lints, next to a file with one finding, each kind of
// malformed or hostile input of the README's table: the run must end in
// bounded time, report the input error (exit 2) or the findings at the
// exact place the table says, and still report the other file. Big inputs
// are generated here rather than committed.
func TestHostileInputs(t *testing.T) {
	minified, minCol := minifiedJSON(4 << 20)
	tests := []struct {
		name   string
		file   string // name of the input in the temporary folder
		src    []byte
		code   int
		stdout string // a line the report must hold (PATH is the input's path); "" for none
		stderr string // the input error, PATH included; "" for none
		within time.Duration
	}{
		{"empty", "empty.yaml", nil, exitFindings, "", "", 0},
		{"whitespace only", "blank.yaml", []byte(" \n\t\r\n  \n"), exitFindings, "", "", 0},
		{"BOM", "bom.yaml", []byte("\xef\xbb\xbf" + hostileAPI), exitFindings, "PATH:10:26: error: timeoutInMillis 30", "", 0},
		{"BOM before JSON", "bom.json", []byte("\xef\xbb\xbf" + `{"restApiId":"a","resourceId":"b","httpMethod":"GET","type":"MOCK","timeoutInMillis":1}`), exitFindings,
			"PATH:1:86: error: timeoutInMillis 1 is below the minimum of 50 ms", "", 0},
		{"invalid UTF-8", "latin1.yaml", []byte("openapi: 3.0.1\ninfo: {title: caf\xe9}\n"), exitError, "", "PATH:2:18: input error: cannot parse: invalid UTF-8\n", 0},
		{"binary", "image.json", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), exitError, "", "PATH:1:1: input error: cannot parse: invalid UTF-8\n", 0},
		{"NUL byte", "nul.yaml", []byte("openapi: 3.0.1\npaths: {}\nx: a\x00b\n"), exitError, "", "PATH:3:5: input error: cannot parse: NUL byte (this looks like a binary file)\n", 0},
		{"truncated JSON", "cut.json", []byte(`{"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "MO`), exitError, "",
			"PATH:1:94: input error: cannot parse JSON: unterminated string at the end of the file\n", 0},
		{"truncated YAML", "cut.yaml", []byte(hostileAPI[:len(hostileAPI)-30] + "\n        requestTemplates: {application/json: '{\"a\""), exitError, "",
			"PATH:10:51: input error: cannot parse: found unexpected end of stream (while scanning a quoted scalar at line 10)\n", 0},
		{"several YAML documents", "multi.yaml", []byte(hostileAPI + "---\n" + hostileAPI), exitFindings,
			"PATH:11:1: note: apigwlint checks only the first YAML document of a file: document 2 is not checked; put each document in a file of its own [AGW161]", "", 0},
		{"duplicate keys, JSON", "dup.json", []byte(`{"restApiId":"a","resourceId":"b","httpMethod":"GET","type":"HTTP","type":"MOCK"}`), exitFindings,
			`PATH:1:54: warning: key "type" is written again at line 1, column 68 of this object;`, "", 0},
		{"duplicate keys, YAML", "dup.yaml", []byte(strings.Replace(hostileAPI, "type: http_proxy", "type: http_proxy\n        type: mock", 1)), exitFindings,
			`PATH:7:9: warning: key "type" is written again at line 8, column 9 of this mapping;`, "", 0},
		{"tab indentation", "tabs.yaml", []byte("openapi: 3.0.1\npaths:\n\t/a: {}\n"), exitError, "", "PATH:3:1: input error: cannot parse: found character that cannot start any token", 0},
		{"minified JSON of 4 MB", "minified.json", minified, exitFindings, fmt.Sprintf("PATH:1:%d: error: timeoutInMillis 30 is below the minimum of 50 ms", minCol), "", 20 * time.Second},
		{"100,000 levels of JSON arrays", "deep.json", []byte(`{"openapi":"3.0.1","x":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}"), exitError, "",
			"PATH:1:1023: input error: cannot parse JSON: nesting deeper than 1000 levels\n", 5 * time.Second},
		{"100,000 levels of YAML flow mappings", "deep.yaml", []byte("openapi: 3.0.1\nx: " + strings.Repeat("{a: ", 100000) + strings.Repeat("}", 100000) + "\n"), exitError, "",
			"PATH:2:4004: input error: cannot parse: exceeded max depth of 1000", 5 * time.Second},
		{"100,000 levels of YAML block sequences", "dashes.yaml", []byte("openapi: 3.0.1\nx:\n  " + strings.Repeat("- ", 100000) + "x\n"), exitError, "",
			"PATH:3:2001: input error: cannot parse: exceeded max depth of 1000", 5 * time.Second},
		{"billion laughs", "laughs.yaml", billionLaughs(), exitError, "",
			"PATH:6:45: input error: cannot parse: the YAML aliases up to this one stand for more than 100000 nodes in all", 5 * time.Second},
		{"recursive alias", "loop.yaml", []byte("openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: &i {Fn::If: [c, *i, *i]}\n"), exitError, "",
			"PATH:5:56: input error: cannot parse: alias *i stands for a node that contains it, so it never ends\n", 5 * time.Second},
		{"$ref cycle", "refs.yaml", []byte("openapi: 3.0.1\ncomponents:\n  parameters:\n    a: {$ref: '#/components/parameters/b'}\n    b: {$ref: '#/components/parameters/a'}\n"), exitFindings,
			`PATH:4:15: error: $ref "#/components/parameters/b" is part of a cycle of references that never reaches a definition`, "", 0},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, tt.src, 0o644); err != nil {
				t.Fatal(err)
			}
			within := tt.within
			if within == 0 {
				within = 5 * time.Second
			}
			if raceEnabled {
				within *= 10
			}
			start := time.Now()
			r := runCLI(t, "", path, "testdata/hostile/finding.yaml")
			if d := time.Since(start); d > within {
				t.Errorf("took %v, more than %v", d, within)
			}
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, "testdata/hostile/finding.yaml:10:26: error: timeoutInMillis 30") {
				t.Errorf("the other file was not reported:\n%s", r.stdout)
			}
			if want := strings.ReplaceAll(tt.stdout, "PATH", path); !strings.Contains(r.stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
			}
			if tt.stdout == "" && strings.Contains(r.stdout, path) {
				t.Errorf("findings for %s:\n%s", tt.file, r.stdout)
			}
			want := strings.ReplaceAll(tt.stderr, "PATH", path)
			if want == "" && r.stderr != "" || !strings.HasPrefix(r.stderr, want) {
				t.Errorf("stderr %q, want %q", r.stderr, want)
			}
		})
	}
}

// TestOverSizeLimit checks that a file over the 512 MiB limit is an input
// error naming its size before it is read: a sparse file of 600 MiB takes
// no disk, and reading it would take seconds and the memory it stands for.
func TestOverSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(600 << 20); err != nil {
		t.Skipf("no sparse file: %v", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	r := runCLI(t, "", path, "testdata/hostile/finding.yaml")
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	want := path + ": input error: file is 629145600 bytes, larger than the limit of 536870912 bytes\n"
	if r.code != exitError || r.stderr != want || !strings.Contains(r.stdout, "finding.yaml:10:26:") {
		t.Errorf("exit %d, stderr %q; want 2, %q and the other file reported", r.code, r.stderr, want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 || elapsed > 5*time.Second {
		t.Errorf("allocated %d MB in %v: the file was read", alloc>>20, elapsed)
	}
	// Through standard input, where the size is not known in advance, the
	// limit stops the reading at 512 MiB + 1 byte (not tested with that
	// many bytes: readInput's LimitReader does it).
}

// TestREADMELimits checks that the README's table of hostile input states
// the limits the code enforces, and that .ci/run fuzzes both targets.
func TestREADMELimits(t *testing.T) {
	doc := clitest.ReadAll(t, "README.md")
	comma := func(n int) string {
		s := fmt.Sprint(n)
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
		return s
	}
	for _, s := range []string{
		"| a file larger than 512 MiB |",
		"at most " + comma(loader.DefaultLimits.AliasNodes) + " nodes in all, or 10 times the nodes written",
		fmt.Sprintf("at most %d levels deep", loader.DefaultLimits.MaxDepth),
		"chains of at most 16 `$ref`s",
	} {
		if !strings.Contains(doc, s) {
			t.Errorf("README lacks %q", s)
		}
	}
	dev := clitest.ReadAll(t, "docs/development.md")
	for _, s := range []string{"-fuzz=FuzzLoad -fuzztime=10m ./internal/loader", "-fuzz=FuzzLint -fuzztime=10m ./internal/rules"} {
		if !strings.Contains(dev, s) {
			t.Errorf("docs/development.md lacks %q", s)
		}
	}
	ci := clitest.ReadAll(t, ".ci/run")
	for _, s := range []string{"-fuzz=FuzzLoad -fuzztime=15s ./internal/loader\n", "-fuzz=FuzzLint -fuzztime=15s ./internal/rules\n"} {
		if !strings.Contains(ci, s) {
			t.Errorf(".ci/run lacks %q", s)
		}
	}
}
