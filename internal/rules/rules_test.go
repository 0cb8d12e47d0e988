package rules_test

import (
	"bytes"
	"flag"
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// TestRuleGoldens runs each rule alone over its folder testdata/rules/<name>/.
// Every input there (bad-*.yaml, good-*.json ...) has a <input>.golden file
// beside it holding the exact text output: findings for bad-* inputs, nothing
// for good-* inputs. Run `go test ./internal/rules -update` to rewrite goldens, then
// review the diff.
func TestRuleGoldens(t *testing.T) {
	for _, r := range rules.All {
		t.Run(r.Name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "rules", r.Name)
			inputs := ruleInputs(t, dir)
			var good, bad int
			for _, in := range inputs {
				base := filepath.Base(in)
				switch {
				case strings.HasPrefix(base, "good-"):
					good++
				case strings.HasPrefix(base, "bad-"):
					bad++
				default:
					t.Errorf("%s: inputs are named bad-* or good-*", in)
				}
				got := lintOnly(t, r, dir, base)
				golden := in + ".golden"
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/rules -update)", err)
				}
				if got != string(want) {
					t.Errorf("%s: output differs from %s\n--- got\n%s--- want\n%s", in, golden, got, want)
				}
				if strings.HasPrefix(base, "good-") && got != "" {
					t.Errorf("%s: a good input must produce no finding", in)
				}
				if strings.HasPrefix(base, "bad-") && got == "" {
					t.Errorf("%s: a bad input must produce a finding", in)
				}
			}
			if good == 0 || bad == 0 {
				t.Errorf("%s: needs at least one bad-* and one good-* input", dir)
			}
		})
	}
}

func ruleInputs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("rule has no testdata folder: %v", err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".golden") {
			continue
		}
		out = append(out, filepath.Join(dir, e.Name()))
	}
	return out
}

// lintOnly runs rule r alone on dir/name and renders the text report, with
// the file shown by its base name so goldens hold no machine paths.
func lintOnly(t *testing.T, r *rules.Rule, dir, name string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	res, err := loader.Load(name, src, loader.DefaultLimits)
	if err != nil {
		return "input error: " + err.Error() + "\n"
	}
	cfg := &rules.Config{Options: rules.DefaultOptions, Disabled: map[string]bool{}}
	for _, other := range rules.All {
		cfg.Disabled[other.ID] = other != r
	}
	fs := rules.Check(res, cfg)
	fs = suppress.Comments(res.File, fs, cfg) // the suppression rule's findings, and what comments accept
	var buf bytes.Buffer
	if err := report.Text(&buf, &report.Report{Findings: fs}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestDocExamples runs each rule on the examples of its own documentation:
// the Bad example must produce a finding of the rule, the Good one none.
// Fragments under a path operation are placed into rules.ExampleDocument
// (Example.Source).
func TestDocExamples(t *testing.T) {
	all, err := rules.Documented()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		for i, ex := range r.Examples {
			var res *doc.Result
			var err error
			if ex.Terraform() {
				// An example is the whole module: the only file of its
				// folder, so that the whole-stack rules judge it.
				res, _, err = terraform.LoadAllIn("example.tf", []byte(ex.Source()), func() ([]terraform.File, bool) { return nil, true })
			} else {
				res, err = loader.Load("example."+ex.Lang, []byte(ex.Source()), loader.DefaultLimits)
			}
			if err != nil {
				t.Errorf("%s example %d does not parse: %v", r.Name, i, err)
				continue
			}
			cfg := &rules.Config{Options: rules.DefaultOptions, Disabled: map[string]bool{}}
			for _, other := range rules.All {
				cfg.Disabled[other.ID] = other != r
			}
			fs := rules.Check(res, cfg)
			fs = suppress.Comments(res.File, fs, cfg)
			if ex.Good && len(fs) > 0 {
				t.Errorf("%s: Good example %d produces %q", r.Name, i, fs[0].Message)
			}
			if !ex.Good && len(fs) == 0 {
				t.Errorf("%s: Bad example %d produces no finding", r.Name, i)
			}
			// A Terraform example is also clean of every other rule, so
			// that it can be copied as it is: the Bad one has only this
			// rule's findings, the Good one none.
			// What a comment of the example suppresses is not shown; the
			// suppression rule's Bad example is a comment that fails to
			// suppress a finding, which is shown.
			if ex.Terraform() && (ex.Good || r.Name != rules.SuppressionRule) {
				all := rules.Check(res, &rules.Config{Options: rules.DefaultOptions})
				all = suppress.Comments(res.File, all, &rules.Config{Options: rules.DefaultOptions})
				for _, f := range all {
					if f.Rule != r.Name && f.Suppressed == nil {
						t.Errorf("%s: Terraform example %d also has a %s finding: %s", r.Name, i, f.Rule, f.Message)
					}
				}
			}
		}
	}
}

// TestRegistry fails when a rule lacks valid documentation or a document
// has no rule.
func TestRegistry(t *testing.T) {
	if rules.BuildError != nil {
		t.Fatal(rules.BuildError)
	}
	all, err := rules.Documented()
	if err != nil {
		t.Fatal(err)
	}
	if err := rules.Validate(all); err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.All {
		if r.Title == "" {
			t.Errorf("%s: Documented left it without its documentation", r.Name)
		}
	}
}
