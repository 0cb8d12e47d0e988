package terraform_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

// lintModule lints every file of a module folder as apigwlint does, each
// with the other files of the folder as its module, and renders the
// findings: "FILE:line:col rule message", files in name order.
func lintModule(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	files := terraform.ModuleFiles(names)
	var b strings.Builder
	for _, n := range files {
		src, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		res, _, err := terraform.LoadAllIn(n, src, func() ([]terraform.File, bool) {
			var out []terraform.File
			for _, o := range files {
				if o == n {
					continue
				}
				osrc, err := os.ReadFile(filepath.Join(dir, o))
				if err != nil {
					return nil, false
				}
				out = append(out, terraform.File{Path: o, Src: osrc})
			}
			return out, true
		})
		if err != nil {
			fmt.Fprintf(&b, "%s: input error: %v\n", n, err)
			continue
		}
		cfg := &rules.Config{Options: rules.DefaultOptions}
		for _, f := range suppress.Comments(res.File, rules.Check(res, cfg), cfg) {
			if f.Suppressed == nil {
				fmt.Fprintf(&b, "%s:%d:%d %s %s\n", n, f.Line, f.Col, f.Rule, f.Message)
			}
		}
	}
	return b.String()
}

// TestStack lints each module folder of testdata/terraform/stack (a
// Terraform module is a folder) and compares the findings with
// findings.golden in it: the whole-stack rules (method-without-
// integration, lambda-permission, lambda-permission-source-arn) judge
// what the files of a module say together. Folders named good-* must give
// no finding of those rules, bad-* at least one.
func TestStack(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(testdata, "stack", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no module folders in %s/stack: %v", testdata, err)
	}
	stack := []string{"method-without-integration", "lambda-permission ", "lambda-permission-source-arn"}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			got := lintModule(t, dir)
			golden(t, filepath.Join(dir, "findings.golden"), got)
			judged := false
			for _, r := range stack {
				judged = judged || strings.Contains(got, " "+r)
			}
			switch {
			case strings.HasPrefix(name, "good-") && judged:
				t.Errorf("a good module must produce no whole-stack finding")
			case strings.HasPrefix(name, "bad-") && !judged:
				t.Errorf("a bad module must produce a whole-stack finding")
			}
		})
	}
}
