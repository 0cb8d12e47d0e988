package integration

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/clitest"
)

// The exit codes of apigwlint (cmd/apigwlint).
const (
	exitFindings = 1
	exitError    = 2
)

// TestMain runs the tests from the repository root, where action.yml,
// .pre-commit-hooks.yaml and testdata are, and where users run apigwlint.
func TestMain(m *testing.M) {
	if err := os.Chdir(".."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

// result is the outcome of one run of the built apigwlint.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the built apigwlint with args and standard input stdin: what
// the action's and the hooks' output is compared with.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(builtCLI(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errOut.String()}
}

// normalize replaces the tool version, which depends on how the binary was
// built, with a fixed marker.
func normalize(t *testing.T, s string) string {
	t.Helper()
	v, _, _ := strings.Cut(strings.TrimPrefix(runCLI(t, "", "--version").stdout, "apigwlint "), " ")
	return clitest.NormalizeSARIFRoot(strings.ReplaceAll(s, `"version": "`+v+`"`, `"version": "VERSION"`))
}
