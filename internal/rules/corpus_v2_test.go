package rules_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
)

// corpusV2Dir holds real public templates with API Gateway V2 resources
// (MANIFEST.tsv says where each came from). It sits beside the repository
// in the development workspace, not in it: without it the test skips. The
// test lives here, not beside cmd/apigwlint's corpus test, because it
// lints through the library (loader, rules, suppress, report) as that test
// does through the CLI.
var corpusV2Dir = filepath.Join("..", "..", "..", "shared", "corpus", "v2")

// TestCorpusV2 lints every file of the V2 corpus (folders included) with
// every rule at its default settings and records the findings in
// testdata/corpus-v2.golden, base paths relative to the corpus. Rewrite
// with -update, then review every finding against the AWS documentation:
// one on a valid real file is a false positive.
func TestCorpusV2(t *testing.T) {
	if _, err := os.Stat(corpusV2Dir); os.IsNotExist(err) {
		t.Skipf("no corpus at %s", corpusV2Dir)
	}
	var names []string
	err := filepath.WalkDir(corpusV2Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() != "MANIFEST.tsv" {
			rel, _ := filepath.Rel(corpusV2Dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 20 {
		t.Fatalf("only %d files in %s", len(names), corpusV2Dir)
	}
	var all bytes.Buffer
	cfg := &rules.Config{Options: rules.DefaultOptions}
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join(corpusV2Dir, name))
		if err != nil {
			t.Fatal(err)
		}
		res, err := loader.Load(name, src, loader.DefaultLimits)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		fs := suppress.Comments(res.File, rules.Check(res, cfg), cfg)
		if err := report.Text(&all, &report.Report{Findings: fs}, report.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	golden := filepath.Join("..", "..", "testdata", "corpus-v2.golden")
	if *update {
		if err := os.WriteFile(golden, all.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/rules -update)", err)
	}
	if got := all.String(); got != string(want) {
		t.Errorf("V2 corpus findings differ from %s (run with -update and review the diff)\n%s", golden, firstDiff(got, string(want)))
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range g {
		if i >= len(w) || g[i] != w[i] {
			return "got:  " + g[i]
		}
	}
	return "fewer findings than the golden"
}
