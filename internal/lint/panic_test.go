package lint

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/terraform"
	"runtime"
)

// panicShape is the one message of a panic while linting a file, whichever
// stage or rule panicked (internal/rules' TestRulePanic checks it for a
// rule, through Run).
var panicShape = regexp.MustCompile(`^internal error in (rule AGW\d+ \([a-z-]+\)|the [A-Za-z ]+): .+ at [a-z]+/[a-z_]+\.go:\d+; please report this at https://github\.com/apigwlint/apigwlint/issues with the file$`)

// testOptions are the options of a run without configuration file.
func testOptions(t *testing.T, paths ...string) *Options {
	t.Helper()
	o := &Options{Paths: paths, Format: "text", Color: "never", FailLevel: "warning", TimeoutCeiling: 29000, NoConfig: true}
	if err := o.Resolve(); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestPanicInOneFile checks that a panic while checking one file becomes
// an input error of that file, in the one shape, located by its path; every
// other file, linted in parallel with it, is still reported.
func TestPanicInOneFile(t *testing.T) {
	st := fileStages{load: noBodies(loader.Load), check: func(res *doc.Result, cfg *rules.Config) []rules.Finding {
		if strings.Contains(res.File.Path, "warnings") {
			panic("injected failure")
		}
		return rules.Check(res, cfg)
	}}
	o := testOptions(t, "../../testdata/e2e/api.yaml", "../../testdata/e2e/warnings.yaml", "../../testdata/hostile/finding.yaml")
	var stdout, stderr bytes.Buffer
	res, err := run(o, st, nil, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Errors) != 1 || res.Report.Errors[0].Path != "../../testdata/e2e/warnings.yaml" {
		t.Fatalf("errors %v; want one, of warnings.yaml", res.Report.Errors)
	}
	msg := res.Report.Errors[0].Msg
	if !panicShape.MatchString(msg) || !strings.HasPrefix(msg, "internal error in the rule engine: injected failure at lint/panic_test.go:") {
		t.Errorf("message %q", msg)
	}
	if want := "../../testdata/e2e/warnings.yaml: input error: " + msg + "\n"; stderr.String() != want {
		t.Errorf("stderr %q; want %q", stderr.String(), want)
	}
	for _, f := range []string{"testdata/e2e/api.yaml:12:26:", "testdata/hostile/finding.yaml:10:26:"} {
		if !strings.Contains(stdout.String(), f) {
			t.Errorf("the other files were not reported: no %q in\n%s", f, stdout.String())
		}
	}
	if strings.Contains(stdout.String(), "warnings.yaml") {
		t.Errorf("findings reported for the file that panicked:\n%s", stdout.String())
	}
}

// TestPanicShape checks that a panicking parse, a panic in the rule engine
// and a rule's panic (as rules.Check re-raises it) all give the one shape,
// naming the rule when a rule panicked.
func TestPanicShape(t *testing.T) {
	boom := func() { var m map[string]int; m["x"]++ } // assignment to a nil map
	timeout := rules.ByID("timeout")
	for _, tt := range []struct {
		name   string
		st     fileStages
		prefix string
	}{
		{"parse", fileStages{
			load: func(string, []byte, loader.Limits) (*doc.Result, []terraform.Body, error) {
				boom()
				return nil, nil, nil
			},
			check: rules.Check,
		}, "internal error in the loader: assignment to entry in nil map at lint/panic_test.go:"},
		{"engine", fileStages{load: noBodies(loader.Load), check: func(*doc.Result, *rules.Config) []rules.Finding {
			boom()
			return nil
		}}, "internal error in the rule engine: assignment to entry in nil map at lint/panic_test.go:"},
		{"rule", fileStages{load: noBodies(loader.Load), check: func(*doc.Result, *rules.Config) []rules.Finding {
			defer func() { panic(&rules.RulePanic{Rule: timeout, Value: recover(), Stack: stack()}) }()
			boom()
			return nil
		}}, "internal error in rule " + timeout.ID + " (timeout): assignment to entry in nil map at lint/panic_test.go:"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := run(testOptions(t, "-"), tt.st, strings.NewReader("openapi: 3.0.1\n"), io.Discard, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Report.Errors) != 1 {
				t.Fatalf("errors %v; want one", res.Report.Errors)
			}
			if msg := res.Report.Errors[0].Msg; !panicShape.MatchString(msg) || !strings.HasPrefix(msg, tt.prefix) {
				t.Errorf("message %q; want the shape, starting %q", msg, tt.prefix)
			}
		})
	}
}

// stack is the stack of a panic being recovered, as rules.Check keeps it.
func stack() []uintptr {
	pcs := make([]uintptr, 64)
	return pcs[:runtime.Callers(2, pcs)]
}

// noBodies makes a Load stage of a loader that reads no Terraform.
func noBodies(load func(string, []byte, loader.Limits) (*doc.Result, error)) func(string, []byte, loader.Limits) (*doc.Result, []terraform.Body, error) {
	return func(p string, src []byte, lim loader.Limits) (*doc.Result, []terraform.Body, error) {
		res, err := load(p, src, lim)
		return res, nil, err
	}
}
