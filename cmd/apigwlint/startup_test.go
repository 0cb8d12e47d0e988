package main

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/lazyre"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestRegexpsCompile compiles every package-level pattern of the binary:
// they are compiled on first use (internal/lazyre), so a pattern that does
// not compile would otherwise only fail the first run that needs it.
func TestRegexpsCompile(t *testing.T) {
	if err := lazyre.CompileAll(); err != nil {
		t.Fatal(err)
	}
}

// documented returns every rule with its documentation (rules.Documented).
func documented(t testing.TB) []*rules.Rule {
	t.Helper()
	all, err := rules.Documented()
	if err != nil {
		t.Fatal(err)
	}
	return all
}
