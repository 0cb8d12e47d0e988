package rules_test

import (
	"github.com/apigwlint/apigwlint/internal/loader"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestRulePanic checks that a rule that panics does not take the run down:
// Check returns an error of one line naming the rule, the panic and where
// in apigwlint it happened, with a request to report it, and no findings.
// The next file is checked normally.
func TestRulePanic(t *testing.T) {
	src := []byte("openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 1}\n")
	res, err := loader.Load("boom.yaml", src, loader.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	rules.WithRule("AGW999", "boom", func(p *rules.Pass) {
		var m map[string]int
		m[p.In.Type()]++ // assignment to a nil map
	}, func() {
		fs, err := rules.Check(res, nil)
		if err == nil {
			t.Fatalf("no error; findings %v", fs)
		}
		msg := err.Error()
		for _, want := range []string{"internal error in rule AGW999 (boom): assignment to entry in nil map", "rules/panic_test.go:", "please report this"} {
			if !strings.Contains(msg, want) {
				t.Errorf("error %q lacks %q", msg, want)
			}
		}
		if strings.Contains(msg, "\n") || strings.Contains(msg, "goroutine") {
			t.Errorf("error is not one line: %q", msg)
		}
	})
	// Without the rule, the same file is fine.
	res, _ = loader.Load("boom.yaml", src, loader.DefaultLimits)
	if fs, err := rules.Check(res, nil); err != nil || len(fs) == 0 {
		t.Errorf("after the panic: %v, %d findings", err, len(fs))
	}
}
