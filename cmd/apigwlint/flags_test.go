package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/clitest"
	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestRuleOptions checks that every option a rule declares is a flag and a
// configuration key of its name, whose default (in the flag and the help)
// is the rule's, and that the timeout finding names the setting, not a flag.
func TestRuleOptions(t *testing.T) {
	fs := newFlagSet(&options{})
	n := 0
	for _, r := range rules.All {
		for _, opt := range r.Options {
			n++
			f := fs.Lookup(opt.Name)
			if f == nil || f.DefValue != fmt.Sprint(opt.Default) {
				t.Errorf("%s: option %s: flag %v, want the default %d", r.Name, opt.Name, f, opt.Default)
			}
			if !slices.Contains(config.Keys, opt.Name) {
				t.Errorf("%s: option %s is not a configuration key", r.Name, opt.Name)
			}
			if want := fmt.Sprintf("--%s ", opt.Name); !strings.Contains(usage, want) || !strings.Contains(usage, fmt.Sprintf("(default %d;", opt.Default)) {
				t.Errorf("%s: the help does not give %s and its default %d", r.Name, want, opt.Default)
			}
		}
	}
	if n == 0 {
		t.Error("no rule declares an option")
	}
	got := runCLI(t, "", "--no-config", "--timeout-ceiling", "40000", "testdata/config/api.yaml")
	want := "timeoutInMillis 45000 is above the configured ceiling of 40000 ms: API Gateway fails the deployment above the account's quota (lower the timeout, or raise the quota and then the timeout-ceiling setting) [AGW108]"
	if !strings.Contains(got.stdout, want) {
		t.Errorf("a configured ceiling: want %q in\n%s", want, got.stdout)
	}
	if strings.Contains(got.stdout, "--timeout") {
		t.Errorf("a finding names a flag:\n%s", got.stdout)
	}
}

// TestFlagErrors checks that flag errors spell flags as the help does, and
// suggest the flag or rule meant.
func TestFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--fail-levle", "error", "x.yaml"}, "apigwlint: unknown flag --fail-levle; did you mean --fail-level? (see apigwlint --help)\n"},
		{[]string{"-fail-levle", "error", "x.yaml"}, "apigwlint: unknown flag --fail-levle; did you mean --fail-level? (see apigwlint --help)\n"},
		{[]string{"--nocolor", "x.yaml"}, "apigwlint: unknown flag --nocolor; did you mean --no-color? (see apigwlint --help)\n"},
		{[]string{"-x", "x.yaml"}, "apigwlint: unknown flag -x (see apigwlint --help)\n"},
		{[]string{"x.yaml", "-o"}, "apigwlint: flag -o needs a value (see apigwlint --help)\n"},
		{[]string{"--timeout-ceiling", "lots", "x.yaml"}, "apigwlint: invalid value \"lots\" for --timeout-ceiling: parse error (see apigwlint --help)\n"},
		{[]string{"--disable", "unknown-feild", "x.yaml"}, "apigwlint: --disable: no rule \"unknown-feild\"; did you mean AGW118 (unknown-field)? (see apigwlint --list-rules)\n"},
		{[]string{"--fail-level", "warn1ng", "x.yaml"}, "apigwlint: --fail-level: unknown level \"warn1ng\"; did you mean warning? (want error, warning, note or never)\n"},
		{[]string{"--no-color", "--color", "always", "x.yaml"}, "apigwlint: --no-color and --color always contradict each other\n"},
	} {
		r := runCLI(t, "", append([]string{"--no-config"}, tc.args...)...)
		if r.code != exitError || r.stderr != tc.want || r.stdout != "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

// TestNoColor checks that --no-color is --color never, also on top of
// --color never.
func TestNoColor(t *testing.T) {
	for _, args := range [][]string{{"--no-color"}, {"--no-color", "--color", "never"}} {
		o, err := parseArgs(append(args, "x.yaml"))
		if err != nil || o.Color != "never" || !o.Set["color"] {
			t.Errorf("%q: color %q, set %v, err %v; want never", args, o.Color, o.Set["color"], err)
		}
	}
	r := runCLI(t, "", "--no-config", "--no-color", "testdata/e2e/api.yaml")
	if strings.Contains(r.stdout, "\x1b[") || r.code != exitFindings {
		t.Errorf("--no-color: exit %d, colours in %q", r.code, r.stdout)
	}
}

// TestExplainAfterFlags checks that flags may come before explain, which
// then runs explain rather than linting files named explain and AGW108;
// after "--", explain is a file name again.
func TestExplainAfterFlags(t *testing.T) {
	want := runCLI(t, "", "explain", "AGW108")
	for _, args := range [][]string{
		{"--color", "always", "explain", "AGW108"},
		{"--no-color", "explain", "timeout"},
		{"-v", "explain", "AGW108"},
	} {
		r := runCLI(t, "", args...)
		if r.code != exitClean || r.stdout != want.stdout || r.stderr != "" {
			t.Errorf("%q: exit %d, stderr %q; want explain's page", args, r.code, r.stderr)
		}
	}
	if r := runCLI(t, "", "--no-color", "explain", "--help"); r.code != exitClean || r.stdout != explainUsage {
		t.Errorf("--no-color explain --help: exit %d, stdout %q", r.code, r.stdout)
	}
	if r := runCLI(t, "", "--no-color", "explain", "tiemout"); r.code != exitError || !strings.Contains(r.stderr, "did you mean AGW108 (timeout)?") {
		t.Errorf("--no-color explain tiemout: exit %d, stderr %q", r.code, r.stderr)
	}
	r := runCLI(t, "", "--no-config", "--", "explain")
	if r.code != exitError || r.stderr != "explain: input error: no such file or folder\n" {
		t.Errorf("-- explain: exit %d, stderr %q; want the file explain linted", r.code, r.stderr)
	}
}

// TestFailLevelNever checks --fail-level never (and fail-level: never in
// the configuration): findings are reported and never fail the run; input
// errors still do.
func TestFailLevelNever(t *testing.T) {
	r := runCLI(t, "", "--no-config", "--fail-level", "never", "testdata/e2e/api.yaml")
	if r.code != exitClean || !strings.Contains(r.stdout, "error:") {
		t.Errorf("--fail-level never: exit %d, stdout %q; want 0 and the findings", r.code, r.stdout)
	}
	r = runCLI(t, "", "--no-config", "--fail-level", "never", "testdata/e2e/api.yaml", "testdata/e2e/missing.yaml")
	if r.code != exitError {
		t.Errorf("--fail-level never with a missing file: exit %d, want 2", r.code)
	}
	cfg := filepath.Join(t.TempDir(), "apigwlint.yaml")
	if err := os.WriteFile(cfg, []byte("fail-level: never\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "", "--config", cfg, "testdata/e2e/api.yaml"); r.code != exitClean {
		t.Errorf("fail-level: never in the configuration: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runCLI(t, "", "--config", cfg, "--fail-level", "error", "testdata/e2e/api.yaml"); r.code != exitFindings {
		t.Errorf("--fail-level error over fail-level: never: exit %d, want 1", r.code)
	}
}

// TestNoPathLintsTheWorkingFolder checks that apigwlint without a PATH lints
// ".", as the Action's default paths does.
func TestNoPathLintsTheWorkingFolder(t *testing.T) {
	src := clitest.ReadAll(t, "testdata/e2e/api.yaml")
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "specs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "specs", "api.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	r := runCLI(t, "", "--no-config")
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, filepath.Join("specs", "api.yaml")+":") || r.stderr != "" {
		t.Errorf("no PATH: exit %d, stdout %q, stderr %q; want the findings of specs/api.yaml", r.code, r.stdout, r.stderr)
	}
}

// TestPretty checks --pretty: off for output that is not a terminal (the
// goldens are such output), on with always, and only for the text format.
func TestPretty(t *testing.T) {
	plain := runCLI(t, "", "--no-config", "testdata/e2e/api.yaml")
	if r := runCLI(t, "", "--no-config", "--pretty", "auto", "testdata/e2e/api.yaml"); r.stdout != plain.stdout {
		t.Errorf("--pretty auto into a pipe changed the report:\n%s", r.stdout)
	}
	r := runCLI(t, "", "--no-config", "--pretty", "always", "testdata/e2e/api.yaml")
	want := "testdata/e2e/api.yaml:12:26: error: timeoutInMillis 30 is below the minimum of 50 ms [AGW108]\n" +
		" 12 |         timeoutInMillis: 30\n" +
		"    |                          ^~\n"
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, want) || !strings.HasSuffix(r.stdout, "\n3 findings in 1 file: 2 errors, 1 warning\n") {
		t.Errorf("--pretty always: exit %d, stdout:\n%s", r.code, r.stdout)
	}
	if r := runCLI(t, "", "--no-config", "--pretty", "always", "--format", "json", "testdata/e2e/api.yaml"); strings.Contains(r.stdout, "findings in") {
		t.Errorf("--pretty always changed the JSON report:\n%s", r.stdout)
	}
	if r := runCLI(t, "", "--no-config", "--pretty", "sometimes", "testdata/e2e/api.yaml"); r.code != exitError || !strings.Contains(r.stderr, `unknown --pretty "sometimes"`) {
		t.Errorf("--pretty sometimes: exit %d, stderr %q", r.code, r.stderr)
	}
}
