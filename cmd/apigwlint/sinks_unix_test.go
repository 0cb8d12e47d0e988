//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutputsNeverDestroy runs the command with every file it writes named
// by a path that is not a plain file: a character device (as root, the
// old rename replaced /dev/null itself), a symbolic link and a dangling
// one. Each keeps what it is; only a regular file is ever replaced.
func TestOutputsNeverDestroy(t *testing.T) {
	dir := t.TempDir()
	device := filepath.Join(dir, "null")
	haveDevice := os.Geteuid() == 0 && syscall.Mknod(device, syscall.S_IFCHR|0o666, 1<<8|3) == nil
	target := filepath.Join(dir, "report.sarif")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "latest.sarif")
	dangling := filepath.Join(dir, "baseline-link.json")
	if os.Symlink("report.sarif", link) != nil || os.Symlink("baseline.json", dangling) != nil {
		t.Skip("no symbolic links here")
	}
	out := filepath.Join(dir, "out.txt")
	if haveDevice {
		out = device
	}
	r := runCLI(t, "", "-o", out, "--sarif-output", link, "testdata/e2e/api.yaml")
	if r.code != exitFindings {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	// --write-baseline writes the baseline and no report.
	if r = runCLI(t, "", "--write-baseline", dangling, "testdata/e2e/api.yaml"); r.code != exitClean {
		t.Fatalf("--write-baseline: exit %d, stderr %q", r.code, r.stderr)
	}
	if haveDevice {
		if st, _ := os.Lstat(device); st.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("the device became %v", st.Mode())
		}
	}
	for _, l := range []string{link, dangling} {
		if st, _ := os.Lstat(l); st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link", l)
		}
	}
	if s, _ := os.ReadFile(target); !strings.Contains(string(s), `"version": "2.1.0"`) {
		t.Errorf("the link's target holds no SARIF log: %.40q", s)
	}
	if s, _ := os.ReadFile(filepath.Join(dir, "baseline.json")); !strings.Contains(string(s), "findings") {
		t.Errorf("the dangling link's target holds no baseline: %.40q", s)
	}
	// A folder as --output is refused (exit 2) and left alone.
	r = runCLI(t, "", "-o", dir, "testdata/e2e/clean.yaml")
	if r.code != exitError || !strings.Contains(r.stderr, "is a folder") {
		t.Errorf("output to a folder: exit %d, stderr %q", r.code, r.stderr)
	}
}
