package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/clitest"
	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestGeneratedDocs is the generator of docs/rules/: each rule's page is
// rendered from its metadata with apigwlint's real output on its examples
// (rulePage), and must equal the committed page; go test ./cmd/apigwlint
// -update rewrites the pages and the index, and removes pages of rules that
// no longer exist. It also checks what the pages promise: every rule says
// what happens without it, its failing example makes apigwlint report the
// rule, and its fixed example gives no finding at all, from any rule.
func TestGeneratedDocs(t *testing.T) {
	all := documented(t)
	want := map[string]string{filepath.Join(docsDir, "README.md"): ruledoc.Index(all)}
	for _, r := range all {
		if _, ok := rules.Outcomes[r.Fails]; !ok {
			t.Errorf("internal/rules/docs/%s.md: fails: %q is not one of %v", r.Name, r.Fails, outcomeNames())
		}
		if strings.ContainsAny(r.Message, "\n`") {
			t.Errorf("internal/rules/docs/%s.md: message must be one line of plain text", r.Name)
		}
		for _, ex := range r.Examples {
			out, code := lintExample("x."+ex.Ext(), ex.Source())
			switch {
			case ex.Good && (out != "" || code != exitClean):
				t.Errorf("%s: the fixed example gives exit %d:\n%s", r.Name, code, out)
			case !ex.Good && !strings.Contains(out, "["+r.ID+"]"):
				t.Errorf("%s: the failing example gives no %s finding (exit %d):\n%s", r.Name, r.ID, code, out)
			}
		}
		want[filepath.Join(docsDir, r.Name+".md")] = ruledoc.Page(r, lintExample)
	}

	if *update {
		if err := os.MkdirAll(docsDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(docsDir)
	if err != nil && !*update {
		t.Fatalf("%v (run go test ./cmd/apigwlint -update)", err)
	}
	for _, e := range entries {
		path := filepath.Join(docsDir, e.Name())
		if _, ok := want[path]; ok {
			continue
		}
		if *update {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s documents no rule (run go test ./cmd/apigwlint -update to remove it)", path)
	}
	for path, page := range want {
		if *update {
			if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run go test ./cmd/apigwlint -update)", err)
			continue
		}
		if string(got) != page {
			t.Errorf("%s is stale (run go test ./cmd/apigwlint -update and review the diff):\n%s", path, clitest.LineDiff(page, string(got)))
		}
	}
}

func outcomeNames() []string {
	var names []string
	for k := range rules.Outcomes {
		names = append(names, k)
	}
	return names
}

// TestHelpLinks checks that every link to a rule's documentation (the help
// URL of SARIF and --verbose, the README's rule table and the docs index)
// leads to its generated page.
func TestHelpLinks(t *testing.T) {
	all := documented(t)
	const base = "https://github.com/apigwlint/apigwlint/blob/main/"
	for _, r := range all {
		page := filepath.Join(docsDir, r.Name+".md")
		if r.HelpURL() != base+filepath.ToSlash(page) {
			t.Errorf("%s: HelpURL %s, want %s", r.Name, r.HelpURL(), base+filepath.ToSlash(page))
		}
		if _, err := os.Stat(page); err != nil {
			t.Errorf("%s: %v", r.Name, err)
		}
	}
	link := regexp.MustCompile(`\]\(([^)#]+\.md)\)`)
	for _, m := range link.FindAllStringSubmatch(ruledoc.Table(all), -1) {
		if _, err := os.Stat(m[1]); err != nil {
			t.Errorf("README rule table: %v", err)
		}
	}
	for _, m := range link.FindAllStringSubmatch(ruledoc.Index(all), -1) {
		if _, err := os.Stat(filepath.Join(docsDir, m[1])); err != nil {
			t.Errorf("%s/README.md: %v", docsDir, err)
		}
	}
	r := runCLI(t, "", "-v", "testdata/e2e/api.yaml")
	if want := "    timeout: " + rules.ByID("AGW108").HelpURL() + "\n"; !strings.Contains(r.stdout, want) {
		t.Errorf("--verbose does not link the page: want %q in\n%s", want, r.stdout)
	}
	sarif := runCLI(t, "", "--format", "sarif", "testdata/e2e/clean.yaml")
	if !strings.Contains(sarif.stdout, `"helpUri": "`+rules.ByID("AGW108").HelpURL()+`"`) {
		t.Errorf("the SARIF rule descriptors do not link the pages")
	}
}
