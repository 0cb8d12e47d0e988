package lint

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestTerraformModule: a route whose target names an integration that no
// file of its module (folder) declares is reported, whether the folder or
// the file alone is linted; the integration another file declares is not.
// When a file of the module does not parse, the module is not seen whole
// and nothing is said about absence.
func TestTerraformModule(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "terraform", "module")
	got := folderGolden(t, dir, "routes.tf", "module.golden")
	if strings.Count(got, "[AGW172]") != 2 || strings.Contains(got, "integration.a") {
		t.Errorf("want the route to aws_apigatewayv2_integration.typo reported, once a run, and nothing else of AGW172:\n%s", got)
	}

	// The same module with a file that does not parse: absence is not
	// judged.
	tmp := t.TempDir()
	for _, n := range []string{"api.tf", "routes.tf", "integrations.tf"} {
		src, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, n), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, "broken.tf"), []byte("resource \"x\" {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _ := runText(t, filepath.Join(tmp, "routes.tf")); strings.Contains(out, "AGW172") {
		t.Errorf("a module with an unparsable file is not seen whole; got:\n%s", out)
	}
	// A FIFO in the module is not read (and does not hang the run).
	if err := os.Remove(filepath.Join(tmp, "broken.tf")); err != nil {
		t.Fatal(err)
	}
	if syscall.Mkfifo(filepath.Join(tmp, "pipe.tf"), 0o644) == nil {
		if out, _ := runText(t, filepath.Join(tmp, "routes.tf")); strings.Contains(out, "AGW172") {
			t.Errorf("a module with a FIFO is not seen whole; got:\n%s", out)
		}
		if err := os.Remove(filepath.Join(tmp, "pipe.tf")); err != nil {
			t.Fatal(err)
		}
	}
	// A symlink loop: not seen whole either.
	if os.Symlink("loop.tf", filepath.Join(tmp, "loop.tf")) == nil {
		if out, _ := runText(t, filepath.Join(tmp, "routes.tf")); strings.Contains(out, "AGW172") {
			t.Errorf("a module with a symlink loop is not seen whole; got:\n%s", out)
		}
	}
}

// TestTerraformModuleStack: the whole-stack rules judge a Terraform module
// only when every file of its folder is read and parsed: the module of
// testdata/terraform/stack/bad-lambda-permission gives its findings,
// linted as a folder or file by file, and none once a file of the folder
// does not parse.
func TestTerraformModuleStack(t *testing.T) {
	src := filepath.Join("..", "..", "testdata", "terraform", "stack", "bad-lambda-permission")
	tmp := t.TempDir()
	for _, n := range []string{"api.tf", "http.tf", "lambda.tf"} {
		b, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, _ := runText(t, tmp); strings.Count(out, "[AGW181]") != 2 {
		t.Errorf("want the two integrations of the module reported; got:\n%s", out)
	}
	if out, _ := runText(t, filepath.Join(tmp, "http.tf")); strings.Count(out, "[AGW181]") != 1 {
		t.Errorf("want the integration of http.tf reported; got:\n%s", out)
	}
	if err := os.WriteFile(filepath.Join(tmp, "broken.tf"), []byte("resource \"x\" {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _ := runText(t, filepath.Join(tmp, "http.tf")); strings.Contains(out, "AGW181") {
		t.Errorf("a module with an unparsable file is not seen whole; got:\n%s", out)
	}
}
