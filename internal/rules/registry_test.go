package rules

import (
	"strings"
	"testing"
)

// TestBuildChecks checks that build refuses a list of checks that is not
// sorted, names a rule twice or names a rule without documentation, and a
// document without a check.
func TestBuildChecks(t *testing.T) {
	timeout := check{name: "timeout", integration: checkTimeout}
	for _, tc := range []struct {
		name string
		cs   []check
		want string
	}{
		{"unsorted", []check{timeout, {name: "aws-uri", integration: checkAWSURI}}, `"aws-uri" comes after "timeout"`},
		{"twice", []check{timeout, timeout}, `"timeout" comes after "timeout"`},
		{"undocumented", []check{{name: "no-such-rule", integration: checkTimeout}}, `rule "no-such-rule" has no documentation`},
		{"unregistered", []check{timeout}, "docs/vpc-link.md documents no registered rule"},
	} {
		_, err := build(tc.cs)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	if rs, err := build(checks); err != nil || len(rs) != len(checks) {
		t.Errorf("build(checks): %d rules of %d, error %v", len(rs), len(checks), err)
	}
}
