package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/clitest"
)

// fixInputs are the inputs of testdata/fix: each has NAME.fixed beside it,
// the file as --fix leaves it, and testdata/fix/diff.golden is what --diff
// prints for the folder.
func fixInputs(t *testing.T) []string {
	t.Helper()
	var out []string
	entries, err := os.ReadDir("testdata/fix")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if n := e.Name(); !strings.HasSuffix(n, ".golden") && !strings.HasSuffix(n, ".fixed") {
			out = append(out, n)
		}
	}
	return out
}

// TestDiff: --diff prints the fixes as a unified diff, writes nothing and
// exits 1; a file with nothing to fix gives no diff.
func TestDiff(t *testing.T) {
	before := map[string]string{}
	for _, n := range fixInputs(t) {
		before[n] = clitest.ReadAll(t, filepath.Join("testdata/fix", n))
	}
	r := runCLI(t, "", "--no-config", "--diff", "testdata/fix")
	if *update {
		os.WriteFile("testdata/fix/diff.golden", []byte(r.stdout), 0o644)
	}
	if want := clitest.ReadAll(t, "testdata/fix/diff.golden"); r.stdout != want || r.code != exitFindings {
		t.Errorf("exit %d, stderr %q, diff:\n%s", r.code, r.stderr, clitest.LineDiff(want, r.stdout))
	}
	for n, text := range before {
		if clitest.ReadAll(t, filepath.Join("testdata/fix", n)) != text {
			t.Errorf("--diff changed %s", n)
		}
	}
	if r := runCLI(t, "", "--no-config", "--diff", "testdata/e2e/clean.yaml"); r.code != exitClean || r.stdout != "" {
		t.Errorf("nothing to fix: exit %d, output %q", r.code, r.stdout)
	}
}

// TestFix: --fix rewrites each file to its NAME.fixed golden (comments,
// anchors, quoting, CRLF and a byte order mark kept; a suppressed finding
// not fixed), through a symbolic link without replacing it and keeping the
// file's permissions; a second --fix changes nothing.
func TestFix(t *testing.T) {
	dir := t.TempDir()
	var args []string
	for _, n := range fixInputs(t) {
		target := filepath.Join(dir, "real-"+n)
		os.WriteFile(target, []byte(clitest.ReadAll(t, filepath.Join("testdata/fix", n))), 0o600)
		link := filepath.Join(dir, n)
		if err := os.Symlink("real-"+n, link); err != nil {
			t.Skip("no symbolic links here")
		}
		args = append(args, link)
	}
	r := runCLI(t, "", append([]string{"--no-config", "--fix"}, args...)...)
	if r.code == exitError || !strings.Contains(r.stderr, "apigwlint: fixed ") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, n := range fixInputs(t) {
		got := clitest.ReadAll(t, filepath.Join(dir, "real-"+n))
		golden := filepath.Join("testdata/fix", n+".fixed")
		if *update {
			os.WriteFile(golden, []byte(got), 0o644)
		}
		if want := clitest.ReadAll(t, golden); got != want {
			t.Errorf("%s after --fix:\n%s", n, clitest.LineDiff(want, got))
		}
		if st, _ := os.Lstat(filepath.Join(dir, n)); st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced", n)
		}
		if st, _ := os.Stat(filepath.Join(dir, "real-"+n)); st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600 kept", n, st.Mode().Perm())
		}
	}
	again := runCLI(t, "", append([]string{"--no-config", "--fix"}, args...)...)
	if strings.Contains(again.stderr, "apigwlint: fixed ") {
		t.Errorf("a second --fix changed files: %q", again.stderr)
	}
	if r.stdout != again.stdout {
		t.Errorf("what is left differs after a second --fix:\n%s", clitest.LineDiff(r.stdout, again.stdout))
	}
	if r := runCLI(t, "", "--fix", "--diff", args[0]); r.code != exitError {
		t.Errorf("--fix with --diff: exit %d", r.code)
	}
	if r := runCLI(t, "x", "--fix", "-"); r.code != exitError || !strings.Contains(r.stderr, "standard input") {
		t.Errorf("--fix of standard input: exit %d, %q", r.code, r.stderr)
	}
}
