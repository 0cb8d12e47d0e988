//go:build unix

package main

import (
	"github.com/apigwlint/apigwlint/internal/clitest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin runs the command and fails the test when it has not finished
// after d: an input that makes apigwlint wait (a FIFO opened for reading)
// must never hang a pre-commit hook or a CI job.
func runWithin(t *testing.T, d time.Duration, args ...string) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- runCLI(t, "", args...) }()
	select {
	case r := <-done:
		return r
	case <-time.After(d):
		t.Fatalf("apigwlint %q still running after %v", args, d)
	}
	return result{}
}

// specialTree makes a folder holding one API file with one finding and
// every kind of file that is not a regular file: a FIFO, a link to it, a
// link to a device, a symbolic link loop between two files, a link to the
// folder itself (a folder loop) and a dangling link, all with lintable
// names.
func specialTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	api := clitest.ReadAll(t, "testdata/hostile/finding.yaml")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(api), 0o644))
	must(syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644))
	must(os.Symlink("pipe.yaml", filepath.Join(dir, "pipe-link.json")))
	must(os.Symlink(os.DevNull, filepath.Join(dir, "device.yml")))
	must(os.Symlink("loop2.yaml", filepath.Join(dir, "loop1.yaml")))
	must(os.Symlink("loop1.yaml", filepath.Join(dir, "loop2.yaml")))
	must(os.Symlink(".", filepath.Join(dir, "self")))
	must(os.Symlink("missing.yaml", filepath.Join(dir, "dangling.yaml")))
	// If a run opens the FIFO anyway, let the test end: a writer unblocks it.
	t.Cleanup(func() {
		if f, err := os.OpenFile(filepath.Join(dir, "pipe.yaml"), os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	return dir
}

// TestSpecialFilesFound checks that FIFOs, devices, links to them, link
// loops and dangling links found by walking a folder or expanding a glob
// are skipped without being opened: the run ends at once, reports the one
// regular file and no input error.
func TestSpecialFilesFound(t *testing.T) {
	dir := specialTree(t)
	want := filepath.Join(dir, "api.yaml") + ":10:26: error: timeoutInMillis 30 is below the minimum of 50 ms [AGW108]\n"
	for _, arg := range []string{dir, filepath.Join(dir, "*"), filepath.Join(dir, "**"), filepath.Join(dir, "self")} {
		r := runWithin(t, 10*time.Second, arg)
		got := strings.ReplaceAll(r.stdout, filepath.Join(dir, "self", "api.yaml"), filepath.Join(dir, "api.yaml"))
		if r.code != exitFindings || got != want || r.stderr != "" {
			t.Errorf("%s: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 1 and only\n%s", arg, r.code, r.stdout, r.stderr, want)
		}
	}
}

// TestSpecialFilesNamed checks the same files named on the command line:
// each is an input error naming the path (the FIFO is not opened), and the
// regular file named with them is still linted.
func TestSpecialFilesNamed(t *testing.T) {
	dir := specialTree(t)
	for name, msg := range map[string]string{
		"pipe.yaml":      "not a regular file (a FIFO, socket or device cannot be linted)",
		"pipe-link.json": "not a regular file (a FIFO, socket or device cannot be linted)",
		"device.yml":     "not a regular file (a FIFO, socket or device cannot be linted)",
		"loop1.yaml":     "too many levels of symbolic links",
		"dangling.yaml":  "no such file or folder",
	} {
		p := filepath.Join(dir, name)
		r := runWithin(t, 10*time.Second, p, filepath.Join(dir, "api.yaml"))
		if r.code != exitError || r.stderr != p+": input error: "+msg+"\n" {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", name, r.code, r.stderr, msg)
		}
		if !strings.Contains(r.stdout, "api.yaml:10:26: error:") {
			t.Errorf("%s: the regular file named with it was not linted:\n%s", name, r.stdout)
		}
	}
	// A device named directly, not through a link.
	if r := runWithin(t, 10*time.Second, os.DevNull); r.code != exitError || !strings.Contains(r.stderr, "not a regular file") {
		t.Errorf("%s: exit %d, stderr %q", os.DevNull, r.code, r.stderr)
	}
}

// TestLinkedFolder checks that a folder named through a symbolic link is
// searched, as a user who names it expects, while links to folders found
// inside it are still not followed.
func TestLinkedFolder(t *testing.T) {
	dir := specialTree(t)
	link := filepath.Join(t.TempDir(), "specs")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	r := runWithin(t, 10*time.Second, link)
	want := filepath.Join(link, "api.yaml") + ":10:26: error:"
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, want) || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("exit %d, stdout:\n%s\nwant one finding starting %q", r.code, r.stdout, want)
	}
}

// TestFileRefsNotRead checks that a $ref to another file is never
// followed: the file it names is a FIFO, which would hang any attempt to
// read it, next to the document; the run ends at once and reports the
// integration $ref that points outside the document.
func TestFileRefsNotRead(t *testing.T) {
	dir := specialTree(t)
	doc := `openapi: 3.0.1
info: {title: refs, version: "1"}
paths:
  /a:
    get:
      parameters:
        - $ref: "pipe.yaml#/limit"
        - $ref: "./pipe-link.json"
      responses:
        "200": {$ref: "pipe.yaml#/ok"}
      x-amazon-apigateway-integration:
        $ref: "pipe.yaml#/integration"
`
	path := filepath.Join(dir, "refs.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runWithin(t, 10*time.Second, path)
	if r.code != exitFindings || !strings.Contains(r.stdout, `refs.yaml:12:15: error: integration $ref "pipe.yaml#/integration" points outside the document`) {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestHostileFileNames checks that a file name with a line break, made to
// look like a finding, prints as one line of text output and of standard
// error (input errors), escaped, never as a forged finding.
func TestHostileFileNames(t *testing.T) {
	dir := t.TempDir()
	api := clitest.ReadAll(t, "testdata/hostile/finding.yaml")
	good := filepath.Join(dir, "x.yaml:1:1: error: forged [AGW999]\nreal.yaml")
	bad := filepath.Join(dir, "openapi\n\x1b[2J.yaml")
	if err := os.WriteFile(good, []byte(api), 0o644); err != nil {
		t.Skipf("no such file name here: %v", err)
	}
	if err := os.WriteFile(bad, []byte("openapi: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", dir)
	if strings.Count(r.stdout, "\n") != 1 || strings.Count(r.stderr, "\n") != 1 || strings.Contains(r.stdout+r.stderr, "\x1b") {
		t.Errorf("stdout %q\nstderr %q\nwant one line each, escaped", r.stdout, r.stderr)
	}
	if want := `forged [AGW999]\nreal.yaml:10:26: error: timeoutInMillis 30`; !strings.Contains(r.stdout, want) {
		t.Errorf("stdout %q lacks %q", r.stdout, want)
	}
}

// TestUnreadable checks that a file or folder that cannot be read is an
// input error naming it ("permission denied"), named or found by a walk,
// and that the other files are still linted. Root reads everything, so
// the test cannot run as root (as in this project's containers): it is
// skipped there rather than faked.
func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop root from reading")
	}
	dir := t.TempDir()
	api := clitest.ReadAll(t, "testdata/hostile/finding.yaml")
	secret := filepath.Join(dir, "secret.yaml")
	locked := filepath.Join(dir, "locked")
	if err := os.WriteFile(secret, []byte(api), 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(api), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runWithin(t, 10*time.Second, dir)
	for _, want := range []string{secret + ": input error: permission denied\n", locked + ": input error: permission denied\n"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr %q lacks %q", r.stderr, want)
		}
	}
	if r.code != exitError || !strings.Contains(r.stdout, "api.yaml:10:26:") {
		t.Errorf("exit %d, stdout %q; want 2 and api.yaml reported", r.code, r.stdout)
	}
	if r := runWithin(t, 10*time.Second, secret); r.code != exitError || r.stderr != secret+": input error: permission denied\n" {
		t.Errorf("named: exit %d, stderr %q", r.code, r.stderr)
	}
}
