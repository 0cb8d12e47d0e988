package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/clitest"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// goldenInputs are linted in every format: findings of both severities, a
// clean file, and a file that does not parse (an input error).
var goldenInputs = []string{"testdata/e2e/api.yaml", "testdata/e2e/warnings.yaml", "testdata/e2e/clean.yaml", "testdata/e2e/broken.json"}

const brokenStderr = "testdata/e2e/broken.json:5:1: input error: cannot parse JSON: unexpected end of file, expected ',' or '}' (the object opened at line 4, column 60)\n"

// TestFormats compares each output format with its golden file
// testdata/e2e/report.<format>.golden. The broken input makes the run exit
// 2, yet the other files are still reported; the input error goes to
// standard error, and into the report for the sarif and github formats.
func TestFormats(t *testing.T) {
	for _, format := range report.Formats {
		t.Run(format, func(t *testing.T) {
			r := runCLI(t, "", append([]string{"--format", format}, goldenInputs...)...)
			if r.code != exitError {
				t.Errorf("exit code %d, want %d", r.code, exitError)
			}
			if r.stderr != brokenStderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, brokenStderr)
			}
			golden(t, filepath.Join("testdata", "e2e", "report."+format+".golden"), normalize(r.stdout))
			for _, in := range []string{"api.yaml", "warnings.yaml"} {
				if !strings.Contains(r.stdout, "testdata/e2e/"+in) {
					t.Errorf("%s is not in the report", in)
				}
			}
		})
	}
}

// TestTextFormat checks the text line format gcc-style tools and editors
// parse: path:line:col: severity: message [ID].
func TestTextFormat(t *testing.T) {
	r := runCLI(t, "", "testdata/e2e/api.yaml")
	line := regexp.MustCompile(`^testdata/e2e/api\.yaml:\d+:\d+: (error|warning|note): .+ \[AGW\d{3}\]$`)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("want at least 3 findings, got:\n%s", r.stdout)
	}
	for _, l := range lines {
		if !line.MatchString(l) {
			t.Errorf("line does not match %s: %q", line, l)
		}
	}
	// timeoutInMillis: 30 at line 12, the value starts at column 26.
	if !strings.Contains(r.stdout, "testdata/e2e/api.yaml:12:26: error: timeoutInMillis 30 is below the minimum of 50 ms [AGW108]\n") {
		t.Errorf("missing the timeout finding at 12:26:\n%s", r.stdout)
	}
}

// TestJSONFormat checks the fields of the JSON report.
func TestJSONFormat(t *testing.T) {
	r := runCLI(t, "", "--format", "json", "testdata/e2e/warnings.yaml")
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	want := map[string]any{
		"kind": "finding", "rule": "AGW118", "name": "unknown-field", "severity": "warning",
		"file": "testdata/e2e/warnings.yaml", "line": 12.0, "column": 9.0, "endLine": 12.0, "endColumn": 23.0,
		"pointer": "/paths/~1orders/get/x-amazon-apigateway-integration/timeoutInMilis",
	}
	if len(got) != 1 {
		t.Fatalf("want 1 finding, got %d", len(got))
	}
	for k, v := range want {
		if got[0][k] != v {
			t.Errorf("%s = %v, want %v", k, got[0][k], v)
		}
	}
	if msg, _ := got[0]["message"].(string); !strings.Contains(msg, "timeoutInMilis") {
		t.Errorf("message = %q", msg)
	}
	// Input errors follow the findings, with every field a finding has.
	r = runCLI(t, "", "--format", "json", "testdata/e2e/broken.json", "testdata/e2e/warnings.yaml", "testdata/e2e/missing.yaml")
	got = nil
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != exitError {
		t.Fatalf("exit %d, not JSON: %v\n%s", r.code, err, r.stdout)
	}
	if len(got) != 3 || got[0]["kind"] != "finding" || got[1]["kind"] != "inputError" || got[2]["kind"] != "inputError" {
		t.Fatalf("want a finding and two input errors, got %v", got)
	}
	for _, e := range got[1:] {
		for _, k := range []string{"rule", "name", "severity", "message", "file", "line", "column", "pointer"} {
			if _, ok := e[k]; !ok {
				t.Errorf("input error %v lacks %s", e, k)
			}
		}
	}
	if got[1]["file"] != "testdata/e2e/broken.json" || got[1]["line"].(float64) < 1 || got[1]["severity"] != "error" || got[2]["message"] != "no such file or folder" {
		t.Errorf("input errors: %v", got[1:])
	}
	// A clean run is an empty array, not null.
	if r := runCLI(t, "", "--format", "json", "testdata/e2e/clean.yaml"); r.stdout != "[]\n" || r.code != exitClean {
		t.Errorf("clean run: exit %d, output %q; want 0 and []", r.code, r.stdout)
	}
}

// TestExitCodes checks 0 (clean), 1 (findings at or above the fail level)
// and 2 (usage errors and unreadable or unparsable inputs).
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas string // "" means stdout must be empty
		stderrHas string // "" means stderr must be empty
	}{
		{"clean", []string{"testdata/e2e/clean.yaml"}, 0, "", ""},
		{"errors", []string{"testdata/e2e/api.yaml"}, 1, "[AGW108]", ""},
		{"warnings fail by default", []string{"testdata/e2e/warnings.yaml"}, 1, "warning:", ""},
		{"warnings under --fail-level error", []string{"--fail-level", "error", "testdata/e2e/warnings.yaml"}, 0, "warning:", ""},
		{"errors under --fail-level error", []string{"--fail-level", "error", "testdata/e2e/api.yaml"}, 1, "error:", ""},
		{"warnings under --fail-level note", []string{"--fail-level=note", "testdata/e2e/warnings.yaml"}, 1, "warning:", ""},
		{"rule disabled by id", []string{"--disable", "AGW118", "testdata/e2e/warnings.yaml"}, 0, "", ""},
		{"rule disabled by name", []string{"--disable", "unknown-field,integration-type", "testdata/e2e/warnings.yaml"}, 0, "", ""},
		{"unknown flag", []string{"--nope", "testdata/e2e/clean.yaml"}, 2, "", "apigwlint: unknown flag --nope (see apigwlint --help)\n"},
		{"flag without value", []string{"testdata/e2e/clean.yaml", "--format"}, 2, "", "flag --format needs a value"},
		{"unknown format", []string{"--format", "xml", "testdata/e2e/clean.yaml"}, 2, "", `unknown --format "xml"`},
		{"unknown fail level", []string{"--fail-level", "fatal", "testdata/e2e/clean.yaml"}, 2, "", `--fail-level: unknown level "fatal" (want error, warning, note or never)`},
		{"unknown color", []string{"--color", "sometimes", "testdata/e2e/clean.yaml"}, 2, "", `unknown --color "sometimes"`},
		{"unknown rule", []string{"--disable", "AGW999", "testdata/e2e/clean.yaml"}, 2, "", `--disable: no rule "AGW999"`},
		{"timeout ceiling too low", []string{"--timeout-ceiling", "10", "testdata/e2e/clean.yaml"}, 2, "", "--timeout-ceiling must be at least 50"},
		{"timeout ceiling not a number", []string{"--timeout-ceiling", "lots", "testdata/e2e/clean.yaml"}, 2, "", "invalid value"},
		// The other files are still linted and reported.
		{"missing file", []string{"testdata/e2e/missing.yaml", "testdata/e2e/warnings.yaml"}, 2, "testdata/e2e/warnings.yaml:12:9: warning:",
			"testdata/e2e/missing.yaml: input error: no such file or folder\n"},
		{"unparsable file", []string{"testdata/e2e/broken.json", "testdata/e2e/api.yaml"}, 2, "testdata/e2e/api.yaml:12:26:", brokenStderr},
		{"unparsable file, nothing else to report", []string{"testdata/e2e/broken.json", "testdata/e2e/clean.yaml"}, 2, "", brokenStderr},
		{"glob matching nothing", []string{"testdata/e2e/nothing/*.yaml"}, 2, "", "testdata/e2e/nothing/*.yaml: input error: no file matches this pattern\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			check := func(stream, got, want string) {
				if want == "" && got != "" {
					t.Errorf("%s should be empty, got:\n%s", stream, got)
				}
				if !strings.Contains(got, want) {
					t.Errorf("%s lacks %q:\n%s", stream, want, got)
				}
			}
			check("stdout", r.stdout, tt.stdoutHas)
			check("stderr", r.stderr, tt.stderrHas)
		})
	}
}

// TestFlagOrder checks that flags may follow paths, that "--" ends the
// flags, and that short and = forms work.
func TestFlagOrder(t *testing.T) {
	want := runCLI(t, "", "--format", "json", "testdata/e2e/warnings.yaml")
	for _, args := range [][]string{
		{"testdata/e2e/warnings.yaml", "--format", "json"},
		{"testdata/e2e/warnings.yaml", "--format=json"},
		{"testdata/e2e/warnings.yaml", "-f", "json"},
		{"--format", "json", "--", "testdata/e2e/warnings.yaml"},
		{"testdata/e2e/clean.yaml", "--format", "json", "testdata/e2e/warnings.yaml"},
	} {
		got := runCLI(t, "", args...)
		if got != want {
			t.Errorf("%q:\n%+v\nwant the same as --format json first:\n%+v", args, got, want)
		}
	}
	// After "--", a flag-like argument is a path.
	r := runCLI(t, "", "testdata/e2e/clean.yaml", "--", "--format", "json")
	if r.code != exitError || !strings.Contains(r.stderr, "--format: input error: no such file or folder") ||
		!strings.Contains(r.stderr, "json: input error: no such file or folder") {
		t.Errorf("after --: exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

// TestStdin checks "-" as the path of standard input, shown as <stdin>.
func TestStdin(t *testing.T) {
	src := clitest.ReadAll(t, "testdata/e2e/warnings.yaml")
	r := runCLI(t, src, "--format", "json", "-")
	if r.code != exitFindings || !strings.Contains(r.stdout, `"file": "<stdin>"`) || !strings.Contains(r.stdout, `"line": 12`) {
		t.Errorf("stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Named twice, standard input is read once.
	r = runCLI(t, src, "-", "-")
	if n := strings.Count(r.stdout, "\n"); n != 1 {
		t.Errorf("- - gave %d findings, want 1:\n%s", n, r.stdout)
	}
	// Standard input mixed with files.
	r = runCLI(t, src, "testdata/e2e/api.yaml", "-")
	if !strings.Contains(r.stdout, "<stdin>:12:9: warning:") || !strings.Contains(r.stdout, "testdata/e2e/api.yaml:12:26:") {
		t.Errorf("stdin and a file:\n%s", r.stdout)
	}
	// Not API content: nothing to say. Unparsable: an input error.
	if r := runCLI(t, "name: x\nitems: [1, 2]\n", "-"); r.code != exitClean || r.stdout != "" || r.stderr != "" {
		t.Errorf("non-API stdin: %+v", r)
	}
	if r := runCLI(t, `{"openapi": "3.0.1", `, "-"); r.code != exitError || !strings.HasPrefix(r.stderr, "<stdin>:1:22: input error: cannot parse JSON:") {
		t.Errorf("broken stdin: %+v", r)
	}
}

// TestOutputFile checks --output: the report goes to the file (and nothing
// to standard output), the exit code still reflects the findings, an
// existing longer file is replaced whole, and no temporary file is left.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.sarif")
	// A longer file at the destination must not leave trailing bytes.
	if err := os.WriteFile(out, []byte(strings.Repeat("X", 1<<20)), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o640); err != nil { // whatever the umask
		t.Fatal(err)
	}
	r := runCLI(t, "", "--format", "sarif", "--output", out, "testdata/e2e/api.yaml")
	if r.code != exitFindings || r.stdout != "" || r.stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and nothing printed", r.code, r.stdout, r.stderr)
	}
	direct := runCLI(t, "", "--format", "sarif", "testdata/e2e/api.yaml")
	if got := clitest.ReadAll(t, out); got != direct.stdout {
		t.Errorf("the file differs from the report on standard output (%d vs %d bytes)", len(got), len(direct.stdout))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only report.sarif", names)
	}

	// The replaced file keeps its mode; a new one is rw-r--r--, not the
	// private mode of the temporary file it was written to.
	fresh := filepath.Join(dir, "new.json")
	runCLI(t, "", "--format", "json", "--output", fresh, "testdata/e2e/clean.yaml")
	if runtime.GOOS != "windows" {
		for path, want := range map[string]os.FileMode{out: 0o640, fresh: 0o644} {
			if st, err := os.Stat(path); err != nil {
				t.Error(err)
			} else if st.Mode().Perm() != want {
				t.Errorf("%s: mode %v, want %v", filepath.Base(path), st.Mode().Perm(), want)
			}
		}
	}
	if got, err := os.ReadFile(fresh); err != nil || string(got) != "[]\n" {
		t.Errorf("new.json = %q (%v), want []", got, err)
	}
	// Colours never go to a file.
	colored := filepath.Join(dir, "report.txt")
	runCLI(t, "", "--color", "always", "-o", colored, "testdata/e2e/api.yaml")
	if strings.Contains(clitest.ReadAll(t, colored), "\x1b[") {
		t.Errorf("--color always wrote ANSI escapes to --output")
	}
	// A folder that does not exist: exit 2 and nothing created.
	bad := filepath.Join(dir, "missing", "report.json")
	r = runCLI(t, "", "--output", bad, "testdata/e2e/clean.yaml")
	if r.code != exitError || !strings.Contains(r.stderr, "--output") {
		t.Errorf("missing folder: exit %d, stderr %q", r.code, r.stderr)
	}
	// The destination is a folder: the rename fails, the temp file goes.
	r = runCLI(t, "", "--output", dir, "testdata/e2e/clean.yaml")
	if r.code != exitError {
		t.Errorf("output to a folder: exit %d, want 2", r.code)
	}
	entries, _ = os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// TestListRules checks --list-rules in its three forms.
func TestListRules(t *testing.T) {
	all := documented(t)
	r := runCLI(t, "", "--list-rules")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != exitClean || len(lines) != len(all)+1 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("text: exit %d, %d lines for %d rules:\n%s", r.code, len(lines), len(all), r.stdout)
	}
	for i, rule := range all {
		if f := strings.Fields(lines[i+1]); len(f) < 4 || f[0] != rule.ID || f[1] != rule.Name || f[2] != rule.Severity.String() {
			t.Errorf("text line %d = %q, want %s %s %s ...", i+1, lines[i+1], rule.ID, rule.Name, rule.Severity)
		}
	}

	r = runCLI(t, "", "--list-rules", "--format", "json")
	var got []struct{ ID, Name, Severity, Title, HelpURI string }
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != exitClean {
		t.Fatalf("json: exit %d, %v\n%s", r.code, err, r.stdout)
	}
	if len(got) != len(all) {
		t.Fatalf("json: %d rules, want %d", len(got), len(all))
	}
	for i, rule := range all {
		g := got[i]
		if g.ID != rule.ID || g.Name != rule.Name || g.Severity != rule.Severity.String() || g.Title != rule.Title || g.HelpURI != rule.HelpURL() {
			t.Errorf("json rule %d = %+v, want %s", i, g, rule.ID)
		}
	}

	r = runCLI(t, "", "--list-rules", "--format", "markdown")
	if r.code != exitClean || r.stdout != ruledoc.Table(all) {
		t.Errorf("markdown: exit %d, output is not ruledoc.Table:\n%s", r.code, r.stdout)
	}
	// Formats that have no rule listing are refused, as markdown is for findings.
	for _, args := range [][]string{{"--list-rules", "--format", "sarif"}, {"--list-rules", "--format", "github"}, {"--format", "markdown", "testdata/e2e/clean.yaml"}} {
		if r := runCLI(t, "", args...); r.code != exitError || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q; want 2 and nothing", args, r.code, r.stdout)
		}
	}
}

// TestVersionAndHelp checks --version and --help, and that the help text
// documents every flag the parser accepts and no other.
func TestVersionAndHelp(t *testing.T) {
	r := runCLI(t, "", "--version")
	want := regexp.MustCompile(`^apigwlint \S+ \(go[\d.]+\S*, \w+/\w+\)\n$`)
	if r.code != exitClean || !want.MatchString(r.stdout) || r.stderr != "" {
		t.Errorf("--version: exit %d, %q", r.code, r.stdout)
	}
	if !strings.Contains(r.stdout, " "+toolVersion()+" ") {
		t.Errorf("--version does not print toolVersion() %q: %q", toolVersion(), r.stdout)
	}
	for _, h := range []string{"--help", "-h"} {
		if r := runCLI(t, "", h); r.code != exitClean || r.stdout != usage || r.stderr != "" {
			t.Errorf("%s: exit %d, stdout is not the usage text", h, r.code)
		}
	}
	// Help wins over everything else, even a bad path.
	if r := runCLI(t, "", "missing.yaml", "--help"); r.code != exitClean || r.stdout != usage {
		t.Errorf("--help after a path: exit %d", r.code)
	}
	documented := regexp.MustCompile(`(?m)^\s+(?:-(\w), )?--([a-z-]+)`).FindAllStringSubmatch(usage, -1)
	var names []string
	for _, m := range documented {
		if m[1] != "" {
			names = append(names, m[1])
		}
		names = append(names, m[2])
	}
	var accepted []string
	newFlagSet(&options{}).VisitAll(func(f *flag.Flag) { accepted = append(accepted, f.Name) })
	slices.Sort(names)
	slices.Sort(accepted)
	if !slices.Equal(names, accepted) {
		t.Errorf("flags in --help %v, flags accepted %v", names, accepted)
	}
}

// TestFolderWalk checks that a folder is searched for .json, .yaml and .yml
// files, that node_modules is skipped, and that files without API Gateway
// content (a Kubernetes manifest, package.json, a Helm template that is not
// even valid YAML) are skipped silently.
func TestFolderWalk(t *testing.T) {
	r := runCLI(t, "", "testdata/e2e/tree")
	files := reportedFiles(r.stdout)
	want := []string{"testdata/e2e/tree/apis/nested/deeper/pets.json", "testdata/e2e/tree/apis/orders.yaml"}
	if !slices.Equal(files, want) {
		t.Errorf("files with findings %v, want %v", files, want)
	}
	if r.code != exitFindings || r.stderr != "" {
		t.Errorf("exit %d, stderr %q; want 1 and no input error", r.code, r.stderr)
	}
	// Named explicitly, the Helm template is an input error.
	r = runCLI(t, "", "testdata/e2e/tree/helm/templates/service.yaml")
	if r.code != exitError || !strings.HasPrefix(r.stderr, "testdata/e2e/tree/helm/templates/service.yaml:6:7: input error: cannot parse") {
		t.Errorf("explicit Helm template: exit %d, stderr %q", r.code, r.stderr)
	}
	// A trailing slash or ./ does not change the paths reported.
	if r2 := runCLI(t, "", "./testdata/e2e/tree/"); !slices.Equal(reportedFiles(r2.stdout), []string{
		"testdata/e2e/tree/apis/nested/deeper/pets.json", "testdata/e2e/tree/apis/orders.yaml"}) {
		t.Errorf("./testdata/e2e/tree/ reports %v", reportedFiles(r2.stdout))
	}
}

// TestGlob checks a quoted ** pattern: * stays within a path segment, **
// spans any number of them (zero included), folders in skipDirs are not
// searched, and a matched file that is not API content is skipped as in a
// folder walk.
func TestGlob(t *testing.T) {
	r := runCLI(t, "", "testdata/e2e/**/*.yaml")
	want := []string{"testdata/e2e/api.yaml", "testdata/e2e/tree/apis/orders.yaml", "testdata/e2e/warnings.yaml"}
	if got := reportedFiles(r.stdout); !slices.Equal(got, want) {
		t.Errorf("files with findings %v, want %v", got, want)
	}
	if r.code != exitFindings || r.stderr != "" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCLI(t, "", "testdata/e2e/tree/*/*.yaml", "testdata/e2e/tree/apis/nested/*/p?ts.json")
	want = []string{"testdata/e2e/tree/apis/nested/deeper/pets.json", "testdata/e2e/tree/apis/orders.yaml"}
	if got := reportedFiles(r.stdout); !slices.Equal(got, want) {
		t.Errorf("single-segment patterns: files %v, want %v", got, want)
	}
}

func reportedFiles(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if i := strings.Index(l, ":"); i > 0 && !slices.Contains(out, l[:i]) {
			out = append(out, l[:i])
		}
	}
	slices.Sort(out)
	return out
}

// TestColor checks --color and NO_COLOR. Colours are only ever used for
// the text format on a terminal; "always" forces them (an explicit flag
// beats NO_COLOR, as no-color.org asks), "never" and NO_COLOR turn them off
// (internal/lint's TestUseColor checks "auto" on a terminal).
func TestColor(t *testing.T) {
	r := runCLI(t, "", "--color", "always", "testdata/e2e/api.yaml")
	if !strings.Contains(r.stdout, "\x1b[31merror\x1b[0m") || !strings.Contains(r.stdout, "\x1b[33mwarning\x1b[0m") {
		t.Errorf("--color always: no ANSI colours:\n%q", r.stdout)
	}
	plain := runCLI(t, "", "testdata/e2e/api.yaml").stdout
	if stripped := regexp.MustCompile(`\x1b\[\d+m`).ReplaceAllString(r.stdout, ""); stripped != plain {
		t.Errorf("coloured text without its escapes differs from plain text")
	}
	for _, args := range [][]string{{"--color", "never"}, {"--color", "auto"}, {"--color", "always", "--format", "json"}, {"--color", "always", "--format", "github"}} {
		if r := runCLI(t, "", append(args, "testdata/e2e/api.yaml")...); strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("%q: ANSI escapes in the output", args)
		}
	}

}

// TestVerbose checks that -v adds each finding's documentation link.
func TestVerbose(t *testing.T) {
	r := runCLI(t, "", "-v", "testdata/e2e/warnings.yaml")
	want := "    unknown-field: " + rules.ByID("AGW118").HelpURL() + "\n"
	if !strings.HasSuffix(r.stdout, want) {
		t.Errorf("-v output:\n%s\nwant it to end with %q", r.stdout, want)
	}
}

// TestDeterministic checks that the parallel lint of a whole folder gives
// the same report every time.
func TestDeterministic(t *testing.T) {
	first := runCLI(t, "", "--format", "json", "testdata")
	for i := 0; i < 3; i++ {
		if again := runCLI(t, "", "--format", "json", "testdata"); again != first {
			t.Fatalf("run %d differs from the first", i+2)
		}
	}
}
