package rules_test

import (
	"fmt"
	"github.com/apigwlint/apigwlint/internal/loader"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/fuzzcheck"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
)

// FuzzLint runs the whole lint of one document (bytes -> findings): the
// loader, then every rule, as the CLI does for each file. It is seeded from
// every YAML and JSON file of testdata and, when it exists, of
// ../shared/corpus/real (read here, never copied into the repository).
// Run it longer with
//
//	go test -run='^$' -fuzz=FuzzLint -fuzztime=10m ./internal/rules
//
// Asserted for every input that loads: no panic (Check recovers from one
// and returns it as its only error); every finding lies inside the input
// (line at most the number of lines, column at most the line's length in
// code points + 1, the end too, and not before the start); its message is
// one line without control characters, so that no report can be forged
// with a hostile value; its JSON pointer resolves to a node or is the
// root; and linting the same bytes again gives the same findings.
func FuzzLint(f *testing.F) {
	for _, s := range fuzzcheck.Seeds("../../testdata", "../../../shared/corpus/real") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		first := lintSummary(t, src)
		if again := lintSummary(t, src); again != first {
			t.Fatalf("two lints differ:\n%s\n---\n%s", first, again)
		}
	})
}

func lintSummary(t *testing.T, src []byte) string {
	res, err := loader.Load("fuzz.yaml", src, loader.DefaultLimits)
	if err != nil {
		return "input error: " + err.Error()
	}
	fs := rules.Check(res, nil)
	fs = suppress.Comments(res.File, fs, nil) // as a run does after Check
	lines := fuzzcheck.Lines(res.File.Src)
	var b strings.Builder
	for _, f := range fs {
		if p := fuzzcheck.FindingProblem(lines, res.File.Root, f); p != "" {
			t.Fatal(p)
		}
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s %s %s\n", f.Line, f.Col, f.EndLine, f.EndCol, f.RuleID, f.Severity, f.Pointer, f.Message)
	}
	return b.String()
}
