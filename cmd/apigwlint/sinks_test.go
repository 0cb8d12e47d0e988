package main

import (
	"github.com/apigwlint/apigwlint/internal/clitest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSARIFOutput checks the second sink: one run with --format github
// --sarif-output prints exactly the annotations of --format github and
// writes exactly the log of --format sarif, with the same exit code, also
// when an input error makes the run exit 2; and a SARIF file that cannot be
// written is exit 2 naming the flag.
func TestSARIFOutput(t *testing.T) {
	sch := clitest.Schema(t)
	for _, inputs := range [][]string{
		{"testdata/e2e/api.yaml", "testdata/e2e/warnings.yaml"},
		{"testdata/e2e/clean.yaml"},
		goldenInputs, // with broken.json: exit 2
	} {
		out := filepath.Join(t.TempDir(), "apigwlint.sarif")
		both := runCLI(t, "", append([]string{"--format", "github", "--sarif-output", out}, inputs...)...)
		github := runCLI(t, "", append([]string{"--format", "github"}, inputs...)...)
		sarif := runCLI(t, "", append([]string{"--format", "sarif"}, inputs...)...)
		if both.code != github.code || both.stdout != github.stdout || both.stderr != github.stderr {
			t.Errorf("%v: with --sarif-output: exit %d, stdout %q, stderr %q; without: exit %d, stdout %q, stderr %q",
				inputs, both.code, both.stdout, both.stderr, github.code, github.stdout, github.stderr)
		}
		got := clitest.ReadAll(t, out)
		if got != sarif.stdout {
			t.Errorf("%v: the --sarif-output file differs from --format sarif:\n%s", inputs, clitest.LineDiff(sarif.stdout, got))
		}
		clitest.Validate(t, sch, out, got)
	}

	// Both sinks to files: nothing on standard output.
	dir := t.TempDir()
	r := runCLI(t, "", "--format", "text", "-o", filepath.Join(dir, "report.txt"), "--sarif-output", filepath.Join(dir, "report.sarif"), "testdata/e2e/api.yaml")
	if r.code != exitFindings || r.stdout != "" || r.stderr != "" {
		t.Errorf("two files: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(clitest.ReadAll(t, filepath.Join(dir, "report.txt")), "[AGW108]") || !strings.Contains(clitest.ReadAll(t, filepath.Join(dir, "report.sarif")), `"ruleId": "AGW108"`) {
		t.Errorf("the two files do not both hold the findings")
	}

	// Never over an input, nor over the other report.
	input := filepath.Join(dir, "api.yaml")
	if err := os.WriteFile(input, []byte(clitest.ReadAll(t, "testdata/e2e/api.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "", "--sarif-output", input, input)
	if r.code != exitError || !strings.HasPrefix(r.stderr, "apigwlint: --sarif-output "+input+" is "+input+", one of the files to lint") || clitest.ReadAll(t, input) != clitest.ReadAll(t, "testdata/e2e/api.yaml") {
		t.Errorf("--sarif-output naming an input: exit %d, stderr %q", r.code, r.stderr)
	}
	same := filepath.Join(dir, "same.out")
	r = runCLI(t, "", "-o", same, "--sarif-output", dir+"/./same.out", "testdata/e2e/api.yaml")
	if r.code != exitError || !strings.Contains(r.stderr, "--output and --sarif-output both name") {
		t.Errorf("--output and --sarif-output naming one file: exit %d, stderr %q", r.code, r.stderr)
	}

	r = runCLI(t, "", "--sarif-output", filepath.Join(dir, "missing", "x.sarif"), "testdata/e2e/clean.yaml")
	if r.code != exitError || !strings.HasPrefix(r.stderr, "apigwlint: --sarif-output ") {
		t.Errorf("unwritable SARIF file: exit %d, stderr %q; want 2 and a message naming --sarif-output", r.code, r.stderr)
	}
}

// TestSkipUnparsable checks --skip-unparsable, which the pre-commit hooks
// use: a named file that does not parse and mentions no API Gateway marker
// (a Helm template) is skipped rather than an input error; one that does
// mention a marker, and standard input, are still input errors; findings in
// other files are reported as usual.
func TestSkipUnparsable(t *testing.T) {
	dir := t.TempDir()
	helm := filepath.Join(dir, "deployment.yaml")
	if err := os.WriteFile(helm, []byte("kind: Deployment\nmetadata:\n  labels:\n{{ include \"labels\" . | indent 4 }}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "", helm); r.code != exitError {
		t.Fatalf("without the flag a named Helm template is an input error; got exit %d", r.code)
	}
	if r := runCLI(t, "", "--skip-unparsable", helm, "testdata/e2e/clean.yaml"); r.code != exitClean || r.stdout != "" || r.stderr != "" {
		t.Errorf("--skip-unparsable: exit %d, stdout %q, stderr %q; want 0 and nothing", r.code, r.stdout, r.stderr)
	}
	want := runCLI(t, "", "testdata/e2e/api.yaml")
	if r := runCLI(t, "", "--skip-unparsable", helm, "testdata/e2e/api.yaml"); r.code != exitFindings || r.stdout != want.stdout {
		t.Errorf("--skip-unparsable with findings: exit %d, stdout %q", r.code, r.stdout)
	}
	hint := "; if this file is not meant to be linted, exclude it (exclude: in .apigwlint.yaml, or exclude: in the hook of .pre-commit-config.yaml)\n"
	if r := runCLI(t, "", "--skip-unparsable", "testdata/e2e/broken.json"); r.code != exitError || r.stderr != strings.TrimSuffix(brokenStderr, "\n")+hint {
		t.Errorf("a broken file with API Gateway content: exit %d, stderr %q; want 2 and how to exclude it", r.code, r.stderr)
	}
	// Only an unmistakable marker counts: a Helm chart embedding a spec, or
	// a broken document, that says openapi or swagger but has no
	// x-amazon-apigateway- extension nor API Gateway resource type, is
	// skipped. Without the flag, found in a folder, it is still an error.
	spec := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(spec, []byte("openapi: 3.0.1\npaths:\n{{ .Values.paths | toYaml | indent 2 }}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "", "--skip-unparsable", spec); r.code != exitClean || r.stderr != "" {
		t.Errorf("--skip-unparsable, a broken file saying only openapi: exit %d, stderr %q; want 0", r.code, r.stderr)
	}
	if r := runCLI(t, "", dir); r.code != exitError || !strings.Contains(r.stderr, "spec.yaml") || strings.Contains(r.stderr, "exclude it") {
		t.Errorf("found in a folder, a broken file saying openapi: exit %d, stderr %q; want 2, without the hint", r.code, r.stderr)
	}
	if r := runCLI(t, "kind: x\n  y: {{ z }}\n", "--skip-unparsable", "-"); r.code != exitError {
		t.Errorf("broken standard input: exit %d, want 2", r.code)
	}
}
