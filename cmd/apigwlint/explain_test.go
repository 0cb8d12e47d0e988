package main

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestExplain checks apigwlint explain: a rule by id (in any letter case)
// or name prints its page without the generated-file note, several rules
// print one page each, an unknown rule is exit 2 with a did-you-mean, and
// --help describes the subcommand.
func TestExplain(t *testing.T) {
	documented(t)
	r := rules.ByID("AGW108")
	page := ruledoc.Page(r, lintExample)
	want := strings.TrimLeft(page[strings.Index(page, "\n")+1:], "\n")
	for _, arg := range []string{"AGW108", "agw108", "timeout"} {
		got := runCLI(t, "", "explain", arg)
		if got.code != exitClean || got.stdout != want || got.stderr != "" {
			t.Errorf("explain %s: exit %d, stderr %q, stdout:\n%s", arg, got.code, got.stderr, got.stdout)
		}
	}
	if !strings.HasPrefix(want, "# timeout (AGW108)\n") || !strings.Contains(want, "bad.yaml:17:26: error: timeoutInMillis 60000 is above 29000 ms") {
		t.Errorf("the page does not start with the rule's heading or lacks the real output:\n%s", want)
	}
	two := runCLI(t, "", "explain", "AGW101", "timeout")
	if two.code != exitClean || strings.Count(two.stdout, "\n# ") != 1 || !strings.HasPrefix(two.stdout, "# integration-type (AGW101)\n") {
		t.Errorf("explain AGW101 timeout: exit %d:\n%s", two.code, two.stdout)
	}
	for arg, hint := range map[string]string{
		"tiemout":             `apigwlint explain: no rule "tiemout"; did you mean AGW108 (timeout)?`,
		"timeouts":            `apigwlint explain: no rule "timeouts"; did you mean AGW108 (timeout)?`,
		"nothing-like-a-rule": `apigwlint explain: no rule "nothing-like-a-rule" (`,
	} {
		got := runCLI(t, "", "explain", arg)
		if got.code != exitError || got.stdout != "" || !strings.HasPrefix(got.stderr, hint) {
			t.Errorf("explain %s: exit %d, stderr %q; want 2 and %q", arg, got.code, got.stderr, hint)
		}
	}
	if got := runCLI(t, "", "explain"); got.code != exitError || !strings.Contains(got.stderr, explainUsage) {
		t.Errorf("explain without a rule: exit %d, stderr %q", got.code, got.stderr)
	}
	if got := runCLI(t, "", "explain", "--help"); got.code != exitClean || got.stdout != explainUsage {
		t.Errorf("explain --help: exit %d, stdout %q", got.code, got.stdout)
	}
	if !strings.Contains(usage, "apigwlint explain RULE") {
		t.Errorf("--help does not mention apigwlint explain")
	}
}
