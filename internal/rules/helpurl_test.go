package rules

import "testing"

// TestRefOf checks which git ref the help links of a build point at: the
// tag of a released version, main for anything else.
func TestRefOf(t *testing.T) {
	for v, want := range map[string]string{
		"v0.3.0":                               "v0.3.0",
		"v1.12.4":                              "v1.12.4",
		"v1.0.0-rc.1":                          "v1.0.0-rc.1",
		"(devel)":                              "main",
		"":                                     "main",
		"devel":                                "main",
		"v0.0.0-20250102150405-0123456789ab":   "main",
		"v0.3.1-0.20250102150405-0123456789ab": "main",
		"v1.0.0-rc.1.0.20250102150405-0123456789ab":  "main",
		"v0.3.1-0.20250102150405-0123456789ab+dirty": "main",
		"v0.3.0+dirty": "main",
	} {
		if got := refOf(v); got != want {
			t.Errorf("refOf(%q) = %q, want %q", v, got, want)
		}
	}
	// A test binary is a development build: the goldens link to main.
	if docsRef != "main" {
		t.Errorf("docsRef of a test build is %q, want main", docsRef)
	}
	want := "https://github.com/apigwlint/apigwlint/blob/main/docs/rules/timeout.md"
	if got := ByID("AGW108").HelpURL(); got != want {
		t.Errorf("HelpURL %s, want %s", got, want)
	}
}
