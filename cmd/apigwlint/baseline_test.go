package main

import (
	"encoding/json"
	"github.com/apigwlint/apigwlint/internal/clitest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaseline adopts apigwlint on an API with findings: --write-baseline
// records them (exit 0), --baseline then reports nothing new (exit 0); lines
// inserted above the findings, which moves them all, change nothing; a new
// error is reported (exit 1) while the old ones stay accepted; and fixing a
// finding leaves its entry "no longer found".
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	api := filepath.Join(dir, "specs", "api.yaml")
	if err := os.MkdirAll(filepath.Dir(api), 0o755); err != nil {
		t.Fatal(err)
	}
	src := clitest.ReadAll(t, "testdata/config/api.yaml")
	writeFile(t, api, src)
	t.Chdir(dir)

	w := runCLI(t, "", "--no-config", "--write-baseline", "baseline.json", "specs")
	wantRun(t, w, exitClean, nil, "apigwlint: wrote 3 findings to the baseline baseline.json\n")
	var b baselineFile
	if err := json.Unmarshal([]byte(clitest.ReadAll(t, "baseline.json")), &b); err != nil {
		t.Fatal(err)
	}
	if b.Version != 1 || len(b.Findings) != 3 {
		t.Fatalf("baseline: version %d, %d findings; want 1 and 3", b.Version, len(b.Findings))
	}
	for _, e := range b.Findings {
		if e.File != "specs/api.yaml" || !strings.HasPrefix(e.Pointer, "/paths/") || len(e.MessageHash) != 16 || e.Message == "" {
			t.Errorf("baseline entry %+v", e)
		}
	}
	if strings.Contains(clitest.ReadAll(t, "baseline.json"), `"line"`) {
		t.Error("the baseline holds line numbers")
	}

	read := func() result { return runCLI(t, "", "--no-config", "--baseline", "baseline.json", "specs") }
	wantRun(t, read(), exitClean, nil, "apigwlint: baseline baseline.json: 3 findings accepted\n")

	// Lines inserted above the findings move every one of them.
	moved := strings.Replace(src, "paths:\n", "tags:\n  - name: pets\n    description: |\n      Pets,\n      and more pets.\npaths:\n", 1)
	writeFile(t, api, moved)
	if r := runCLI(t, "", "--no-config", "specs"); !strings.Contains(r.stdout, "api.yaml:16:26:") {
		t.Fatalf("the findings did not move:\n%s", r.stdout)
	}
	wantRun(t, read(), exitClean, nil, "apigwlint: baseline baseline.json: 3 findings accepted\n")
	// Running from another folder, or with the file named: the same.
	t.Chdir("specs")
	wantRun(t, runCLI(t, "", "--no-config", "--baseline", "../baseline.json", "api.yaml"), exitClean, nil, "3 findings accepted")
	t.Chdir("..")

	// A new error is reported, with exit 1; the old ones stay accepted.
	added := moved + `  /new:
    post:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: POST
        uri: https://backend.example.com/new
        timeoutInMillis: 40
      responses:
        "200": {description: ok}
`
	writeFile(t, api, added)
	wantRun(t, read(), exitFindings,
		[]string{"specs/api.yaml:35:26: error: timeoutInMillis 40 is below the minimum of 50 ms [AGW108]"},
		"apigwlint: baseline baseline.json: 3 findings accepted\n")
	// The same problem changed at the same place is new too.
	writeFile(t, api, strings.Replace(moved, "timeoutInMillis: 30", "timeoutInMillis: 20", 1))
	wantRun(t, read(), exitFindings,
		[]string{"specs/api.yaml:16:26: error: timeoutInMillis 20 is below the minimum of 50 ms [AGW108]"},
		"apigwlint: baseline baseline.json: 2 findings accepted, 1 entry no longer found")
	// --show-suppressed prints the accepted ones too.
	r := runCLI(t, "", "--no-config", "--baseline", "baseline.json", "--show-suppressed", "specs")
	if n := strings.Count(r.stdout, "(suppressed by baseline: listed in the baseline baseline.json)"); n != 2 {
		t.Errorf("--show-suppressed shows %d baseline findings, want 2:\n%s", n, r.stdout)
	}
	// An entry for a file this run does not lint is not "no longer found".
	writeFile(t, "other.yaml", "openapi: 3.0.1\ninfo: {title: x, version: '1'}\npaths: {}\n")
	wantRun(t, runCLI(t, "", "--no-config", "--baseline", "baseline.json", "other.yaml"), exitClean, nil,
		"apigwlint: baseline baseline.json: 0 findings accepted\n")
}

// baselineFile is the baseline's format as its readers see it.
type baselineFile struct {
	Version  int `json:"version"`
	Findings []struct {
		File, Pointer, MessageHash, Message string
	} `json:"findings"`
}

// TestBaselineErrors checks a missing, malformed or foreign baseline (exit 2).
func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	for name, tt := range map[string]struct{ content, err string }{
		"missing":   {"", "no such file or folder (write one with --write-baseline)"},
		"not JSON":  {"findings: []", "not an apigwlint baseline"},
		"foreign":   {`{"version": 1, "runs": []}`, `not an apigwlint baseline: json: unknown field "runs"`},
		"version 2": {`{"version": 2, "tool": "apigwlint", "findings": []}`, "baseline version 2 is not supported"},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		if tt.content != "" {
			writeFile(t, path, tt.content)
		}
		r := runCLI(t, "", "--no-config", "--baseline", path, "testdata/config/api.yaml")
		if r.code != exitError || !strings.Contains(r.stderr, "apigwlint: --baseline "+path+": "+tt.err) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", name, r.code, r.stderr, tt.err)
		}
	}
	// --write-baseline into a folder that does not exist fails, and leaves
	// no temporary file behind.
	r := runCLI(t, "", "--no-config", "--write-baseline", filepath.Join(dir, "no", "b.json"), "testdata/config/api.yaml")
	if r.code != exitError || !strings.Contains(r.stderr, "--write-baseline") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	// --write-baseline replaces a baseline atomically, keeping no stale entry.
	b := filepath.Join(dir, "b.json")
	writeFile(t, b, strings.Repeat("x", 10000))
	if r := runCLI(t, "", "--no-config", "--write-baseline", b, "testdata/config/suppressed.yaml"); r.code != exitClean {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var bf baselineFile
	if err := json.Unmarshal([]byte(clitest.ReadAll(t, b)), &bf); err != nil {
		t.Fatalf("the rewritten baseline is not JSON: %v", err)
	}
	// Findings suppressed by comments are not written; the ones left are.
	if len(bf.Findings) != 4 {
		t.Errorf("%d entries, want the 4 unsuppressed findings", len(bf.Findings))
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".apigwlint-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// TestBaselineKey checks the baseline key of .apigwlint.yaml: a path
// relative to the configuration file's folder, read from any folder below
// it; --baseline wins over it; --write-baseline writes a new one without
// reading it.
func TestBaselineKey(t *testing.T) {
	dir := t.TempDir()
	api := filepath.Join(dir, "specs", "api.yaml")
	if err := os.MkdirAll(filepath.Dir(api), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, api, clitest.ReadAll(t, "testdata/config/api.yaml"))
	writeFile(t, filepath.Join(dir, ".apigwlint.yaml"), "baseline: ci/baseline.json\n")
	if err := os.Mkdir(filepath.Join(dir, "ci"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	wantRun(t, runCLI(t, "", "--write-baseline", "ci/baseline.json", "specs"), exitClean, nil, "wrote 3 findings to the baseline ci/baseline.json")
	wantRun(t, runCLI(t, "", "specs"), exitClean, nil, "apigwlint: baseline ci/baseline.json: 3 findings accepted\n")
	t.Chdir("specs")
	wantRun(t, runCLI(t, "", "api.yaml"), exitClean, nil, "apigwlint: baseline "+filepath.Join("..", "ci", "baseline.json")+": 3 findings accepted\n")
	t.Chdir("..")
	// The flag wins: an empty baseline accepts nothing.
	writeFile(t, "empty.json", `{"version": 1, "findings": []}`+"\n")
	if r := runCLI(t, "", "--baseline", "empty.json", "specs"); r.code != exitFindings {
		t.Errorf("--baseline over the key: exit %d, stderr %q; want 1", r.code, r.stderr)
	}
	// A bad value is a configuration error with its position.
	writeFile(t, ".apigwlint.yaml", "baseline: [a, b]\n")
	if r := runCLI(t, "", "specs"); r.code != exitError || !strings.Contains(r.stderr, ".apigwlint.yaml:1:11: baseline must be the path of a baseline file") {
		t.Errorf("baseline: [a, b]: exit %d, stderr %q", r.code, r.stderr)
	}
}
