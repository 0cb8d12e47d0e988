package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

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
