package main

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/apigwlint/apigwlint/internal/clitest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files (testdata/e2e/*.golden, testdata/corpus.golden, docs/rules/, the README rule table and example) from the current output")

// TestMain runs the tests from the repository root, so that paths in
// reports read "testdata/e2e/api.yaml", as a user running apigwlint from
// their checkout would see them.
func TestMain(m *testing.M) {
	flag.Parse()
	if err := os.Chdir(filepath.Join("..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

// result is the outcome of one in-process run of the command.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs apigwlint with args, standard input stdin, and captured
// output streams.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// normalize replaces the tool version, which depends on how the binary was
// built, and the working folder of SARIF, with fixed markers.
func normalize(s string) string {
	v := toolVersion()
	s = strings.ReplaceAll(s, `"version": "`+v+`"`, `"version": "VERSION"`)
	return clitest.NormalizeSARIFRoot(s)
}

// golden compares got with the golden file at path (relative to the
// repository root), rewriting it first with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/apigwlint -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/apigwlint -update and review the diff):\n%s", path, clitest.LineDiff(string(want), got))
	}
}
