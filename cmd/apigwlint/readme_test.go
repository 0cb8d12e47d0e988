package main

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/clitest"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// section returns the text of readme between the markers <!-- name:begin -->
// and <!-- name:end -->, and readme with that text replaced by repl.
func section(t *testing.T, readme, name, repl string) (got, updated string) {
	t.Helper()
	begin, end := "<!-- "+name+":begin -->\n", "<!-- "+name+":end -->"
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %s and %s markers", strings.TrimSpace(begin), end)
	}
	i += len(begin)
	return readme[i:j], readme[:i] + repl + readme[j:]
}

// checkSection compares a generated README section with the README,
// rewriting it with -update.
func checkSection(t *testing.T, name, want string) {
	t.Helper()
	readme := clitest.ReadAll(t, "README.md")
	got, updated := section(t, readme, name, want)
	if *update && got != want {
		if err := os.WriteFile("README.md", []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != want {
		t.Errorf("the README's %s section is stale; run go test ./cmd/apigwlint -update\n%s", name, clitest.LineDiff(want, got))
	}
}

// TestREADMERuleTable checks that the rule table in the README is the one
// rendered from the rules' metadata.
func TestREADMERuleTable(t *testing.T) {
	all := documented(t)
	checkSection(t, "rules", ruledoc.Table(all))
}

// TestREADMEExample runs the newcomer's first command and checks that the
// README shows its real output, and that it exits 1 as the README says.
func TestREADMEExample(t *testing.T) {
	r := runCLI(t, "", "testdata/examples")
	if r.code != exitFindings || r.stderr != "" {
		t.Errorf("apigwlint testdata/examples: exit %d, stderr %q; the README says it exits 1", r.code, r.stderr)
	}
	for _, f := range []string{"openapi.yaml", "template.yaml", "put-integration.json"} {
		if !strings.Contains(r.stdout, "testdata/examples/"+f+":") {
			t.Errorf("the example %s has no finding", f)
		}
	}
	checkSection(t, "example", "```text\n"+r.stdout+"```\n")
}

// TestREADMECommands checks that the README gives a newcomer exactly two
// commands, that the first is the one TestREADMEExample runs, and that the
// second is the test command .ci/run calls; and that the install command
// names this module.
func TestREADMECommands(t *testing.T) {
	readme := clitest.ReadAll(t, "README.md")
	i, j := strings.Index(readme, "\n## Try it\n"), strings.Index(readme, "\n## Usage\n")
	if i < 0 || j < i {
		t.Fatal("README.md lacks the Try it and Usage sections")
	}
	cmds := regexp.MustCompile("(?s)```console\n(.*?)\n```").FindAllStringSubmatch(readme[i:j], -1)
	var got []string
	for _, c := range cmds {
		got = append(got, c[1])
	}
	want := []string{"go run ./cmd/apigwlint testdata/examples", "go test ./..."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Try it gives the commands %q, want %q", got, want)
	}

	ci := clitest.ReadAll(t, ".ci/run")
	var lines []string
	for _, l := range strings.Split(ci, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	// The README's test command, then only short fuzz runs (README, Fuzzing).
	last := len(lines) - 1
	for last >= 0 && strings.HasPrefix(lines[last], "go test -run='^$' -fuzz=") {
		last--
	}
	if last < 0 || lines[last] != "go test ./..." || !strings.Contains(ci, "\ngo vet ./...\n") {
		t.Errorf(".ci/run must run go vet ./... and end with the README's test command go test ./... (and fuzz runs after it):\n%s", ci)
	}

	mod := regexp.MustCompile(`(?m)^module (\S+)$`).FindStringSubmatch(clitest.ReadAll(t, "go.mod"))
	if install := "go install " + mod[1] + "/cmd/apigwlint@latest"; !strings.Contains(readme, "\n"+install+"\n") {
		t.Errorf("README lacks the install command %q", install)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(clitest.ReadAll(t, "go.mod"))
	if !strings.Contains(readme, "needs Go "+goVersion[1]+" or later") {
		t.Errorf("README does not say it needs Go %s, the go.mod directive", goVersion[1])
	}
}

// TestREADMEReference checks that the README documents every flag, format,
// JSON field and limit the code has, with the values the code uses.
func TestREADMEReference(t *testing.T) {
	readme := clitest.ReadAll(t, "README.md")
	newFlagSet(&options{}).VisitAll(func(f *flag.Flag) {
		name := "--" + f.Name
		if len(f.Name) == 1 {
			name = "-" + f.Name
		}
		if !strings.Contains(readme, "`"+name) {
			t.Errorf("README does not document the flag %s", name)
		}
	})
	for _, f := range report.Formats {
		if !strings.Contains(readme, "\n**"+f+"**") {
			t.Errorf("README does not document the %s format", f)
		}
	}
	// Every JSON field, from a real report.
	var buf bytes.Buffer
	f := rules.Finding{RuleID: "AGW101", Rule: "integration-type", Severity: rules.Error, Message: "m", File: "f",
		Span: doc.Span{Line: 1, Col: 1, EndLine: 1, EndCol: 2}, Pointer: "/p"}
	ie := &loader.Error{Path: "f", Line: 1, Col: 1, Msg: "m"}
	if err := report.JSON(&buf, &report.Report{Findings: []rules.Finding{f}, Errors: []*loader.Error{ie}}); err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`"(\w+)": "?(\w*)`).FindAllStringSubmatch(buf.String(), -1) {
		if m[1] == "kind" && !strings.Contains(readme, "`kind: "+m[2]+"`") {
			t.Errorf("README does not document the JSON kind %s", m[2])
		}
		if !strings.Contains(readme, "`"+m[1]+"`") {
			t.Errorf("README does not document the JSON field %s", m[1])
		}
	}
	for _, s := range []string{
		fmt.Sprintf("larger than %d MiB", loader.DefaultLimits.MaxBytes>>20),
		fmt.Sprintf("at most %d levels deep", loader.DefaultLimits.MaxDepth),
		fmt.Sprintf("(default %d)", rules.DefaultOptions.TimeoutCeiling),
		"columnKind: unicodeCodePoints",
		"| 0 |", "| 1 |", "| 2 |",
	} {
		if !strings.Contains(readme, s) {
			t.Errorf("README lacks %q", s)
		}
	}
	if exitClean != 0 || exitFindings != 1 || exitError != 2 {
		t.Errorf("exit codes changed: update the README")
	}
}

// TestREADMESuppressionExample lints the README's suppression example, in
// an operation of a document: every comment in it suppresses a finding and
// none is reported.
func TestREADMESuppressionExample(t *testing.T) {
	readme := clitest.ReadAll(t, "README.md")
	m := regexp.MustCompile("(?s)### Suppression comments\n.*?```yaml\n(.*?)```").FindStringSubmatch(readme)
	if m == nil || !strings.Contains(m[1], "apigwlint:ignore") {
		t.Fatal("README.md has no suppression example")
	}
	src := "openapi: 3.0.1\ninfo: {title: t, version: \"1\"}\npaths:\n  /pets:\n    get:\n" + m[1] +
		"      responses:\n        \"200\": {description: ok}\n"
	path := filepath.Join(t.TempDir(), "api.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "--no-config", "--format", "json", path)
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range got {
		if f["suppressed"] != true {
			t.Errorf("the README's suppression example gives a finding: %v", f)
		}
		n++
	}
	if r.code != exitClean || n != strings.Count(m[1], "apigwlint:ignore") {
		t.Errorf("exit %d, %d suppressed findings; want 0 and one per comment:\n%s", r.code, n, r.stdout)
	}
}
