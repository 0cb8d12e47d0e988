package rules_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestRulePanic checks that a rule that panics does not take the run down:
// rules.Check re-raises the panic naming the rule (panic.go), also from the
// goroutines that check a large file, and the run (internal/lint) makes it
// an input error of the file in one line: the rule, the panic and where in
// apigwlint it happened, with a request to report it. The next run, without
// the rule, checks the same file normally.
func TestRulePanic(t *testing.T) {
	small := "openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 1}\n"
	var large strings.Builder // enough integrations to be checked in parallel
	large.WriteString("openapi: 3.0.1\npaths:\n")
	for i := range 600 {
		fmt.Fprintf(&large, "  /a%d:\n    get:\n      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 1}\n", i)
	}
	for name, src := range map[string]string{"small": small, "large": large.String()} {
		t.Run(name, func(t *testing.T) {
			rules.WithRule("AGW999", "boom", func(p *rules.Pass) {
				var m map[string]int
				m[p.In.Type()]++ // assignment to a nil map
			}, func() {
				res := lintStdin(t, src)
				if len(res.Report.Errors) != 1 {
					t.Fatalf("errors %v; want one", res.Report.Errors)
				}
				msg := res.Report.Errors[0].Msg
				want := "internal error in rule AGW999 (boom): assignment to entry in nil map at rules/panic_test.go:"
				if !strings.HasPrefix(msg, want) || !strings.HasSuffix(msg, "; please report this at https://github.com/apigwlint/apigwlint/issues with the file") {
					t.Errorf("error %q; want it to start %q", msg, want)
				}
				if strings.Contains(msg, "\n") || strings.Contains(msg, "goroutine") {
					t.Errorf("error is not one line: %q", msg)
				}
			})
			// Without the rule, the same file is fine.
			if res := lintStdin(t, src); len(res.Report.Errors) != 0 || len(res.Report.Findings) == 0 {
				t.Errorf("after the panic: %v, %d findings", res.Report.Errors, len(res.Report.Findings))
			}
		})
	}
}

// lintStdin runs apigwlint on src as standard input, without configuration.
func lintStdin(t *testing.T, src string) *lint.Result {
	t.Helper()
	o := &lint.Options{Paths: []string{"-"}, Format: "text", Color: "never", FailLevel: "warning", TimeoutCeiling: 29000, NoConfig: true}
	if err := o.Resolve(); err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(o, strings.NewReader(src), io.Discard, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
