package rules

import "testing"

// TestHelpURL: a test binary is a development build, so the help links
// (and the goldens) point at main; which ref a release gets is
// buildinfo.RefOf's table test.
func TestHelpURL(t *testing.T) {
	// A test binary is a development build: the goldens link to main.
	if docsRef() != "main" {
		t.Errorf("docsRef of a test build is %q, want main", docsRef())
	}
	want := "https://github.com/apigwlint/apigwlint/blob/main/docs/rules/timeout.md"
	if got := ByID("AGW108").HelpURL(); got != want {
		t.Errorf("HelpURL %s, want %s", got, want)
	}
}
