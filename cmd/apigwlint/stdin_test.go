package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/clitest"
)

// TestStdinFilename: standard input linted as the file it names: reported
// under that path, with the configuration's exclude patterns and ignore
// entries applied to it, and read as Terraform when the path ends in .tf.
func TestStdinFilename(t *testing.T) {
	api := "openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 10}\n"
	r := runCLI(t, api, "--no-config", "--stdin-filename", "specs/api.yaml", "-")
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, "specs/api.yaml:5:70: error: timeoutInMillis 10") {
		t.Errorf("exit %d, output %q", r.code, r.stdout)
	}
	if r := runCLI(t, api, "--no-config", "--stdin-filename", "specs/api.yaml"); r.code != exitFindings {
		t.Errorf("without -: exit %d, %q", r.code, r.stderr)
	}
	if r := runCLI(t, api, "--no-config", "--stdin-filename", "x.yaml", "testdata/e2e/clean.yaml"); r.code != exitError || !strings.Contains(r.stderr, "give - as the path") {
		t.Errorf("a name for standard input that is not read: exit %d, %q", r.code, r.stderr)
	}

	dir := t.TempDir()
	cfg := filepath.Join(dir, ".apigwlint.yaml")
	os.WriteFile(cfg, []byte("exclude: [generated/**]\nignore:\n  - {path: specs/legacy.yaml, rule: timeout, reason: the mock answers at once}\n"), 0o644)
	abs := func(p string) string { return filepath.Join(dir, p) }
	if r := runCLI(t, api, "--config", cfg, "--stdin-filename", abs("generated/api.yaml"), "-"); r.code != exitClean || r.stdout != "" {
		t.Errorf("an excluded path: exit %d, output %q", r.code, r.stdout)
	}
	if r := runCLI(t, api, "--config", cfg, "--stdin-filename", abs("specs/legacy.yaml"), "-"); r.code != exitClean {
		t.Errorf("an ignored finding: exit %d, output %q", r.code, r.stdout)
	}
	if r := runCLI(t, api, "--config", cfg, "--stdin-filename", abs("specs/other.yaml"), "-"); r.code != exitFindings {
		t.Errorf("another path: exit %d, output %q", r.code, r.stdout)
	}

	tf := clitest.ReadAll(t, "testdata/examples/orders.tf")
	r = runCLI(t, tf, "--no-config", "--stdin-filename", "modules/orders.tf", "-")
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, "modules/orders.tf:27:29: error: integration_http_method is GET") {
		t.Errorf("Terraform on standard input: exit %d, output %q", r.code, r.stdout)
	}
}

// TestIgnoreTerraformResource: an ignore entry addresses a Terraform
// resource, or one of its arguments, by the pointer of Terraform's JSON
// syntax.
func TestIgnoreTerraformResource(t *testing.T) {
	dir := t.TempDir()
	tf := filepath.Join(dir, "orders.tf")
	os.WriteFile(tf, []byte(clitest.ReadAll(t, "testdata/examples/orders.tf")), 0o644)
	cfg := filepath.Join(dir, ".apigwlint.yaml")
	os.WriteFile(cfg, []byte(`ignore:
  - {path: orders.tf, pointer: /resource/aws_api_gateway_integration/get_order, reason: the function takes GET}
  - {path: orders.tf, pointer: /resource/aws_api_gateway_integration/list_orders/request_parameters, rule: undeclared-parameter, reason: declared in another module}
`), 0o644)
	r := runCLI(t, "", "--config", cfg, tf)
	if r.code != exitClean || r.stdout != "" {
		t.Errorf("exit %d, output %q", r.code, r.stdout)
	}
	r = runCLI(t, "", "--config", cfg, "--show-suppressed", "--format", "json", tf)
	if n := strings.Count(r.stdout, `"suppressedBy": "config"`); n != 2 {
		t.Errorf("%d findings suppressed by the configuration, want 2:\n%s", n, r.stdout)
	}
}
