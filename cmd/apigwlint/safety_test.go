package main

import (
	"bytes"
	"github.com/apigwlint/apigwlint/internal/clitest"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// snapshot records the content, mode and modification time of every file
// below dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		b, _ := os.ReadFile(p)
		out[p] = st.Mode().String() + " " + st.ModTime().Format(time.RFC3339Nano) + " " + string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestInputsUntouched checks that linting never writes to what it reads: a
// copy of the test inputs (good, bad, broken and hostile files) keeps every
// byte, mode and modification time through runs in every format, with the
// report written by --output next to them, and --output naming one of the
// inputs (directly or through a link) is refused before anything is read.
func TestInputsUntouched(t *testing.T) {
	dir := t.TempDir()
	for _, src := range []string{"testdata/e2e", "testdata/hostile", "testdata/rules/duplicate-key"} {
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, p)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, dir)
	report := filepath.Join(t.TempDir(), "report")
	for _, format := range []string{"text", "json", "sarif", "github"} {
		runCLI(t, "", "--format", format, dir)
		runCLI(t, "", "--format", format, "--output", report, dir)
	}
	api := filepath.Join(dir, "testdata", "e2e", "api.yaml")
	link := filepath.Join(t.TempDir(), "link.yaml")
	if err := os.Symlink(api, link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--output", api, api},
		{"--output", api, dir},
		{"--output", link, api},
		{"--format", "json", "-o", api, filepath.Join(dir, "testdata", "e2e", "*.yaml")},
	} {
		r := runCLI(t, "", args...)
		if r.code != exitError || !strings.Contains(r.stderr, "one of the files to lint; the report would replace it") || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and a refusal", args, r.code, r.stdout, r.stderr)
		}
	}
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if after[p] != b {
			t.Errorf("%s changed", p)
		}
	}
	if !bytes.Contains([]byte(clitest.ReadAll(t, report)), []byte("::error")) {
		t.Errorf("the last --output report is not the github one")
	}
}

// TestOutputsInLintedFolder checks the files apigwlint writes inside the
// folder it lints: the report or baseline of a previous run (no API
// content) is replaced and not linted, run after run, while an API file
// found by the walk, or any file named on the command line, is never
// written: --output, --sarif-output and --write-baseline are refused.
func TestOutputsInLintedFolder(t *testing.T) {
	dir := t.TempDir()
	api := filepath.Join(dir, "api.yaml")
	if err := os.WriteFile(api, []byte(clitest.ReadAll(t, "testdata/hostile/finding.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	report, baseline := filepath.Join(dir, "report.json"), filepath.Join(dir, "baseline.json")
	for i := 0; i < 2; i++ {
		r := runCLI(t, "", "--format", "json", "--output", report, "--sarif-output", filepath.Join(dir, "report.sarif.json"), dir)
		if r.code != exitFindings || r.stderr != "" || strings.Count(clitest.ReadAll(t, report), `"rule"`) != 1 {
			t.Errorf("run %d with the report in the folder: exit %d, stderr %q, report:\n%s", i+1, r.code, r.stderr, clitest.ReadAll(t, report))
		}
		if r := runCLI(t, "", "--write-baseline", baseline, dir); r.code != exitClean || !strings.Contains(r.stderr, "wrote 1 findings") {
			t.Errorf("run %d writing the baseline in the folder: exit %d, stderr %q", i+1, r.code, r.stderr)
		}
	}
	before := clitest.ReadAll(t, api)
	for _, args := range [][]string{
		{"--output", api, dir},
		{"--sarif-output", api, dir},
		{"--write-baseline", api, dir},
		{"--write-baseline", api, api},
		{"--write-baseline", report, report}, // named, so an input, whatever it holds
	} {
		r := runCLI(t, "", args...)
		if r.code != exitError || !strings.Contains(r.stderr, args[0]+" ") || !strings.Contains(r.stderr, "one of the files to lint") {
			t.Errorf("%q: exit %d, stderr %q; want a refusal naming %s", args, r.code, r.stderr, args[0])
		}
	}
	if clitest.ReadAll(t, api) != before {
		t.Errorf("api.yaml was written to")
	}
}
