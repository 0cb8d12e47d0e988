package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocSources: rule documentation is rendered into docs/rules/ and into
// the help of every SARIF log, so it must cite what users can open. No page
// may name the project's private research notes (api-gateway-facts) or a
// ../shared path, and each page's "## Sources" section must hold at least
// one https:// Markdown link.
func TestDocSources(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("docs", "*.md"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no rule docs found: %v", err)
	}
	private := regexp.MustCompile(`(?i)api-gateway-facts|\.\./shared`)
	link := regexp.MustCompile(`\]\(https://[^)\s]+\)`)
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(b)
		if m := private.FindString(doc); m != "" {
			t.Errorf("%s mentions %q: cite public sources instead", p, m)
		}
		_, sources, ok := strings.Cut(doc, "\n## Sources\n")
		if !ok {
			t.Errorf("%s has no '## Sources' section", p)
			continue
		}
		if i := strings.Index(sources, "\n## "); i >= 0 {
			sources = sources[:i]
		}
		if !link.MatchString(sources) {
			t.Errorf("%s: its Sources section has no https:// link", p)
		}
	}
}
