package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestVersionOfALocalBuild checks that a binary built from a git checkout
// names the commit it was built from, and says +dirty when the tree has
// changes, as internal/buildinfo promises: never a bare "devel". It builds
// from a fresh clone of HEAD (git worktrees and GOFLAGS=-buildvcs=false
// both leave a build without VCS information).
func TestVersionOfALocalBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds apigwlint twice")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout, or no git: %v", err)
	}
	clone := filepath.Join(t.TempDir(), "src")
	if out, err := exec.Command("git", "clone", "--quiet", "--no-hardlinks", ".", clone).CombinedOutput(); err != nil {
		t.Skipf("git clone: %v\n%s", err, out)
	}
	version := func() string {
		t.Helper()
		bin := filepath.Join(t.TempDir(), "apigwlint")
		if runtime.GOOS == "windows" {
			bin += ".exe"
		}
		cmd := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/apigwlint") // -trimpath: the build cache serves every clone
		cmd.Dir = clone
		cmd.Env = append(os.Environ(), "GOFLAGS=-buildvcs=true", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		out, err := exec.Command(bin, "--version").Output()
		if err != nil {
			t.Fatalf("--version: %v", err)
		}
		v, _, _ := strings.Cut(strings.TrimPrefix(string(out), "apigwlint "), " ")
		return v
	}
	rev := strings.TrimSpace(string(head))[:12]
	if v := version(); !strings.Contains(v, rev) || strings.Contains(v, "dirty") || v == "devel" {
		t.Errorf("a clean build of %s says it is %q; want its commit, not dirty", rev, v)
	}
	if err := os.WriteFile(filepath.Join(clone, "README.md"), []byte("changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if v := version(); !strings.Contains(v, rev) || !strings.HasSuffix(v, "+dirty") {
		t.Errorf("a build of %s with a changed file says it is %q; want its commit and +dirty", rev, v)
	}
}
