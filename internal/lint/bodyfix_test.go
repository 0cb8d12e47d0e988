package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestFixBodyFile: --fix and --diff follow a Terraform body reference as
// linting does: a fix for a finding inside the file a resource loads with
// file() edits that file, when the .tf file alone is named and when the
// folder is walked, and the body is linted as the body (a templatefile's
// ${...} are not placeholders there).
func TestFixBodyFile(t *testing.T) {
	const tf = `resource "aws_api_gateway_rest_api" "pets" {
  name = "pets"
  body = templatefile("${path.module}/api.yaml", { backend = var.backend })
}
`
	const api = `openapi: 3.0.1
info: {title: pets, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          headers:
            Access-Control-Allow-Origin: {schema: {type: string}}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://${backend}/pets
        responses:
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.Access-Control-Allow-Origin: "*"
`
	fixed := strings.Replace(api, `: "*"`, `: "'*'"`, 1)
	for _, target := range []string{"main.tf", "."} {
		for _, diff := range []bool{false, true} {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tf), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(api), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			o := &Options{Paths: []string{target}, Format: "text", NoConfig: true, Pretty: "never", Color: "never",
				FailLevel: "warning", TimeoutCeiling: rules.TimeoutCeiling.Default, Fix: !diff, Diff: diff}
			if err := o.Resolve(); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			res, err := Run(o, nil, &out, &errb)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(filepath.Join(dir, "api.yaml"))
			switch {
			case diff && (res.Diffs != 1 || !strings.Contains(out.String(), `+              method.response.header.Access-Control-Allow-Origin: "'*'"`)):
				t.Errorf("--diff %s: %d diffs, output:\n%s%s", target, res.Diffs, out.String(), errb.String())
			case diff && string(got) != api:
				t.Errorf("--diff %s changed api.yaml", target)
			case !diff && string(got) != fixed:
				t.Errorf("--fix %s: api.yaml is\n%s\nstderr: %s", target, got, errb.String())
			case !diff && len(res.Report.Findings) != 0:
				t.Errorf("--fix %s: findings left: %v", target, res.Report.Findings)
			}
		}
	}
}
