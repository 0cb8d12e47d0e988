package terraform_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/fuzzcheck"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// testdata is the folder of the hand-made Terraform cases; corpus the
// folder of real files, read in place when it exists (never copied).
const (
	testdata = "../../testdata/terraform"
	corpus   = "../../../shared/corpus/terraform"
)

// lint loads a .tf file, runs every rule with the default configuration
// and renders the findings one a line: "line:col rule message". A file
// that does not load gives one line "input error: ...".
func lint(t testing.TB, name string, src []byte) string {
	t.Helper()
	res, err := terraform.Load(name, src)
	if err != nil {
		var le *loader.Error
		if !errors.As(err, &le) {
			t.Fatalf("%s: the error is a %T, not a *loader.Error", name, err)
		}
		return "input error: " + err.Error() + "\n"
	}
	fs := rules.Check(res, &rules.Config{Options: rules.DefaultOptions})
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d %s %s\n", f.Line, f.Col, f.Rule, f.Message)
	}
	return b.String()
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/terraform -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// TestGoldens lints each testdata/terraform/NAME.tf and compares the
// findings with NAME.tf.golden beside it. Inputs named good-* must give
// none, bad-* at least one.
func TestGoldens(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join(testdata, "*.tf"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in %s: %v", testdata, err)
	}
	for _, in := range inputs {
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := lint(t, name, src)
			golden(t, in+".golden", got)
			switch {
			case strings.HasPrefix(name, "good-") && got != "":
				t.Errorf("a good input must produce no finding")
			case strings.HasPrefix(name, "bad-") && got == "":
				t.Errorf("a bad input must produce a finding")
			}
		})
	}
}

// TestCorpus loads every real .tf file of the corpus: each must load
// without error, and its findings are kept in testdata/terraform/
// corpus.golden, one block a file, for review.
func TestCorpus(t *testing.T) {
	var files []string
	_ = filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tf") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skipf("no Terraform corpus at %s", corpus)
	}
	var b strings.Builder
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(corpus, p)
		rel = filepath.ToSlash(rel)
		got := lint(t, rel, src)
		if strings.HasPrefix(got, "input error") {
			t.Errorf("%s: %s", rel, got)
		}
		if got != "" {
			fmt.Fprintf(&b, "== %s\n%s", rel, got)
		}
	}
	golden(t, filepath.Join(testdata, "corpus.golden"), b.String())
}

// TestNoAPIGateway: a file without API Gateway resources is quietly
// skipped.
func TestNoAPIGateway(t *testing.T) {
	res, err := terraform.Load("s3.tf", []byte(`resource "aws_s3_bucket" "b" { bucket = "x" }`))
	if err != nil {
		t.Fatal(err)
	}
	if res.Content != doc.ContentNone || len(res.Integrations) != 0 {
		t.Errorf("content %v with %d integrations; want none", res.Content, len(res.Integrations))
	}
}

// TestSyntaxError: an HCL error is a *loader.Error at the position of the
// problem, columns counted in code points.
func TestSyntaxError(t *testing.T) {
	_, err := terraform.Load("x.tf", []byte("resource \"a\" \"b\" {\n  é = \"x\" = 1\n}\n"))
	var le *loader.Error
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T); want a *loader.Error", err, err)
	}
	if le.Path != "x.tf" || le.Line != 2 || le.Col != 11 || le.Msg == "" {
		t.Errorf("error at %s:%d:%d %q; want x.tf:2:11", le.Path, le.Line, le.Col, le.Msg)
	}
}

// FuzzLoad reads arbitrary bytes as a .tf file and lints the result.
// Asserted: Load never panics (it turns a panic into an error, which is
// reported here); every finding lies inside the input and its message is
// one line; its pointer resolves in the file's tree. Seeded from the
// hand-made cases and, when present, the corpus. Run it longer with
//
//	go test -run='^$' -fuzz=FuzzLoad -fuzztime=5m ./internal/terraform
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzcheck.Seeds(testdata, corpus) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := terraform.Load("fuzz.tf", src)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		fs := rules.Check(res, nil)
		lines := fuzzcheck.Lines(res.File.Src)
		for _, f := range fs {
			if p := fuzzcheck.FindingProblem(lines, res.File.Root, f); p != "" {
				t.Fatal(p)
			}
		}
	})
}
