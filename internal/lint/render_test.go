package lint

import (
	"os"
	"runtime"
	"testing"
)

// TestUseColor checks --color auto: decided by the destination and the
// environment (NO_COLOR, TERM=dumb); always and never decide alone.
func TestUseColor(t *testing.T) {
	// /dev/null is a character device, like a terminal.
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil || runtime.GOOS == "windows" {
		t.Skip("no character device to stand in for a terminal")
	}
	defer tty.Close()
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("NO_COLOR", "")
	if !useColor("auto", tty) {
		t.Errorf("auto on a terminal: no colour")
	}
	if useColor("auto", os.Stderr) && !isCharDevice(os.Stderr) {
		t.Errorf("auto on a pipe or file: colour")
	}
	t.Setenv("NO_COLOR", "1")
	if useColor("auto", tty) {
		t.Errorf("auto with NO_COLOR=1: colour")
	}
	if !useColor("always", tty) {
		t.Errorf("always with NO_COLOR=1: no colour")
	}
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "dumb")
	if useColor("auto", tty) {
		t.Errorf("auto with TERM=dumb: colour")
	}
	if useColor("never", tty) {
		t.Errorf("never: colour")
	}
}

func isCharDevice(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
