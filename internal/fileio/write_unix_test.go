//go:build unix

package fileio

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

// TestWriteFIFO: a FIFO is written, not replaced: its reader gets the text.
func TestWriteFIFO(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := Write(p, text("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("the reader got %q", s)
	}
	if st, _ := os.Lstat(p); st.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	noTemp(t, dir)
}

// TestWriteDevice: a character device (a null device made in a temporary
// folder, which needs root) is written and stays a device: as root, the
// old atomic rename replaced /dev/null itself with a regular file.
func TestWriteDevice(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("making a device needs root")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "null")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, int(mkdev(1, 3))); err != nil {
		t.Skip("cannot make a device here:", err)
	}
	if err := Write(p, text("discarded")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Lstat(p)
	if st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device became %v", st.Mode())
	}
	noTemp(t, dir)
}

// mkdev is Linux's makedev for small numbers.
func mkdev(major, minor uint32) uint64 {
	return uint64(major)<<8 | uint64(minor)
}
