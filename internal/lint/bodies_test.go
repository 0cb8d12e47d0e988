package lint

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/rules"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// runText lints paths with the default configuration and returns the text
// report and standard error.
func runText(t *testing.T, paths ...string) (string, string) {
	t.Helper()
	o := &Options{Paths: paths, Format: "text", NoConfig: true, Pretty: "never", Color: "never", FailLevel: "warning", TimeoutCeiling: rules.TimeoutCeiling.Default}
	if err := o.Resolve(); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	done := make(chan error, 1)
	go func() {
		_, err := Run(o, nil, &out, &errb)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run hangs")
	}
	return out.String(), errb.String()
}

// TestBodyFiles lints testdata/terraform/bodies, whose main.tf loads its
// API bodies with file() and templatefile(): each body file is linted once,
// as its own file, of the kind its resource settles (http.yaml is an HTTP
// API only because an aws_apigatewayv2_api loads it); the template's
// ${...} are never reported; a missing file is an input error at the
// call; computed paths and paths outside the tree are skipped. The
// findings are kept in bodies.golden beside the inputs, for the folder
// and for main.tf alone (which adds the body files it loads).
func TestBodyFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "terraform", "bodies")
	got := folderGolden(t, dir, "main.tf", "bodies.golden")
	if n := strings.Count(got, "openapi.yaml:12:26:"); n != 2 {
		t.Errorf("openapi.yaml reported %d times in two runs; want once a run", n)
	}
	if strings.Contains(got, "${") {
		t.Errorf("a finding on a template variable:\n%s", got)
	}
}

// TestBodyFileSafety: a body path that leaves the tree (by .., or through a
// link) is skipped without being read; a link loop, a FIFO and a missing
// file are input errors at the call; nothing hangs.
func TestBodyFileSafety(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links and FIFOs")
	}
	root := t.TempDir()
	outside := filepath.Join(root, "outside.yaml")
	api := "openapi: \"3.0.1\"\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        httpMethod: GET\n        uri: https://example.com\n        timeoutInMillis: 1\n"
	if err := os.WriteFile(outside, []byte(api), 0o644); err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(root, "mod")
	if err := os.Mkdir(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("loop-b.yaml", filepath.Join(mod, "loop-a.yaml")))
	must(os.Symlink("loop-a.yaml", filepath.Join(mod, "loop-b.yaml")))
	must(os.Symlink(outside, filepath.Join(mod, "link-out.yaml")))
	must(syscall.Mkfifo(filepath.Join(mod, "fifo.yaml"), 0o644))
	tf := ""
	for i, p := range []string{"../outside.yaml", "link-out.yaml", "loop-a.yaml", "fifo.yaml", "missing.yaml", outside} {
		tf += fmt.Sprintf("resource \"aws_api_gateway_rest_api\" \"r%d\" {\n  body = file(\"%s\")\n}\n", i, p)
	}
	must(os.WriteFile(filepath.Join(mod, "main.tf"), []byte(tf), 0o644))
	wd, _ := os.Getwd()
	must(os.Chdir(mod))
	defer os.Chdir(wd)
	out, errs := runText(t, "main.tf")
	if out != "" {
		t.Errorf("a file outside the tree was linted:\n%s", out)
	}
	want := "main.tf:8:10: input error: cannot read the body of aws_api_gateway_rest_api.r2, file(\"loop-a.yaml\"): "
	if !strings.Contains(errs, want) {
		t.Errorf("stderr lacks the link loop error %q:\n%s", want, errs)
	}
	for _, w := range []string{
		"main.tf:11:10: input error: cannot read the body of aws_api_gateway_rest_api.r3, file(\"fifo.yaml\"): " + notRegular,
		"main.tf:14:10: input error: cannot read the body of aws_api_gateway_rest_api.r4, file(\"missing.yaml\"): no such file or folder",
	} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if n := strings.Count(errs, "input error"); n != 3 {
		t.Errorf("%d input errors; want 3 (loop, FIFO, missing):\n%s", n, errs)
	}
}

// folderGolden lints folder dir and then its file one alone, as text, and
// compares what both runs print (paths relative to dir) with the golden
// file beside the inputs; -update rewrites it. It returns the output.
func folderGolden(t *testing.T, dir, one, goldenName string) string {
	t.Helper()
	var b strings.Builder
	for _, p := range []string{dir, filepath.Join(dir, one)} {
		out, errs := runText(t, p)
		b.WriteString("== " + filepath.ToSlash(p) + "\n" + out + "-- stderr\n" + errs)
	}
	got := strings.ReplaceAll(b.String(), filepath.ToSlash(dir)+"/", "")
	golden := filepath.Join(dir, goldenName)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/lint -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s\n--- got\n%s--- want\n%s", golden, got, want)
	}
	return got
}
