package integration

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/clitest"
)

// TestNeovim runs `apigwlint lsp` under a real client: Neovim, headless,
// with its own LSP client (testdata/neovim-client.lua). The diagnostics it
// receives for the bundled OpenAPI example must be the findings the
// command line reports, at the same places. Skipped when nvim is not
// installed, except under CI=true (.ci/run installs it).
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is not installed; .ci/run installs Debian's neovim")
		}
		t.Skip("nvim is not installed (apt-get install neovim); the language server is not tested with a real client")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "openapi.yaml")
	if err := os.WriteFile(file, []byte(clitest.ReadAll(t, "testdata/examples/openapi.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "diagnostics.txt")
	script, _ := filepath.Abs("integration/testdata/neovim-client.lua")
	cmd := exec.Command(nvim, "--headless", "--clean", "-u", "NONE", "-c", "luafile "+script)
	cmd.Env = append(os.Environ(), "APIGWLINT_BIN="+builtCLI(t), "LINT_FILE="+file, "OUT_FILE="+out)
	done := make(chan error, 1)
	go func() { b, err := cmd.CombinedOutput(); done <- fmt.Errorf("%v: %s", err, b) }()
	select {
	case err := <-done:
		if !strings.HasPrefix(err.Error(), "<nil>") {
			t.Fatalf("nvim: %v", err)
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("nvim did not finish within 60 s")
	}
	got := strings.Split(strings.TrimSpace(clitest.ReadAll(t, out)), "\n")

	// The same findings from the command line, in the client's terms.
	cli := runCLI(t, "", "--no-config", "--format", "json", file)
	var want []string
	for _, f := range parseJSONFindings(t, cli.stdout) {
		want = append(want, fmt.Sprintf("%d:%d %s %s", f.Line-1, f.Column-1, f.Rule, f.Message))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Neovim received:\n%s\nthe command line reports:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// jsonFinding is what the test reads of a JSON report entry.
type jsonFinding struct {
	Kind, Rule, Message string
	Line, Column        int
}

// parseJSONFindings reads the findings of a JSON report.
func parseJSONFindings(t *testing.T, report string) []jsonFinding {
	t.Helper()
	var all []jsonFinding
	if err := json.Unmarshal([]byte(report), &all); err != nil {
		t.Fatalf("JSON report: %v\n%s", err, report)
	}
	var out []jsonFinding
	for _, f := range all {
		if f.Kind == "finding" {
			out = append(out, f)
		}
	}
	return out
}
