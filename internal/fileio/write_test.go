package fileio

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemp fails when a temporary file is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".apigwlint-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// TestWriteRegular: an existing file is replaced and keeps its permissions.
func TestWriteRegular(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.sarif")
	if err := os.WriteFile(p, []byte("old and longer"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, text("new")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "new" {
		t.Errorf("content %q", got)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	noTemp(t, dir)
}

// TestWriteMissing: a new file is created with what the umask allows, and
// a path in a folder that does not exist says so, naming the folder.
func TestWriteMissing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new.json")
	if err := Write(p, text("x")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "x" {
		t.Errorf("content %q", got)
	}
	want := os.FileMode(0o666) &^ umask()
	if st, _ := os.Stat(p); st.Mode().Perm() != want {
		t.Errorf("mode %v, want %v (0666 less the umask)", st.Mode().Perm(), want)
	}
	missing := filepath.Join(dir, "x", "y")
	err := Write(filepath.Join(missing, "r.json"), text("x"))
	if err == nil || err.Error() != "folder "+missing+" does not exist" {
		t.Errorf("got %v, want the missing folder named", err)
	}
	noTemp(t, dir)
}

// TestWriteSymlink: the link is followed and its target replaced; the
// link stays a link, also when the target does not exist yet.
func TestWriteSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.sarif")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.sarif")
	if err := os.Symlink("real.sarif", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Write(link, text("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got := read(t, target); got != "new" {
		t.Errorf("target holds %q", got)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v, want 0600 kept", st.Mode().Perm())
	}

	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink(filepath.Join(dir, "sub", "made.json"), dangling)
	if err := Write(dangling, text("made")); err == nil || err.Error() != "folder "+filepath.Join(dir, "sub")+" does not exist" {
		t.Errorf("a dangling link into a missing folder: got %v", err)
	}
	os.Remove(dangling)
	os.Symlink("made.json", dangling)
	if err := Write(dangling, text("made")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(dangling); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the dangling link was replaced by a file")
	}
	if got := read(t, filepath.Join(dir, "made.json")); got != "made" {
		t.Errorf("the link's target holds %q", got)
	}

	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	if err := Write(loop, text("x")); err == nil {
		t.Error("a symbolic link loop was written")
	}
	noTemp(t, dir)
}

// TestWriteFolder: a folder is refused, and left alone.
func TestWriteFolder(t *testing.T) {
	dir := t.TempDir()
	err := Write(dir, text("x"))
	if err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("got %v", err)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Error("the folder is gone")
	}
	noTemp(t, dir)
}

// TestWriteStandardStreams: /dev/stdout is the process's standard output,
// written, never replaced.
func TestWriteStandardStreams(t *testing.T) {
	for _, p := range []string{"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"} {
		if standardStream(p) != os.Stdout {
			t.Errorf("%s is not standard output", p)
		}
	}
	if standardStream("/dev/stderr") != os.Stderr || standardStream("report.txt") != nil {
		t.Error("standard error, or a plain file, misread")
	}
}

// TestWriteReadOnly: a file its owner made read-only is not replaced,
// although a rename could (only the folder's permissions count for it).
func TestWriteReadOnly(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "frozen.yaml")
	os.WriteFile(p, []byte("old"), 0o444)
	err := Write(p, text("new"))
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("got %v, want a read-only error", err)
	}
	if got := read(t, p); got != "old" {
		t.Errorf("the file holds %q", got)
	}
	noTemp(t, dir)
}
