package terraform_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/terraform"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// module generates a Terraform module of n REST methods, each a resource,
// a method declaring a query parameter, an integration (Lambda proxy, HTTP
// with a mapping template, or mock in turn), a method response and an
// integration response.
func module(n int) []byte {
	var b strings.Builder
	b.WriteString("resource \"aws_api_gateway_rest_api\" \"api\" {\n  name = \"generated\"\n}\n\n")
	for i := range n {
		fmt.Fprintf(&b, `resource "aws_api_gateway_resource" "r%[1]d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "items%[1]d"
}

resource "aws_api_gateway_method" "m%[1]d" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.r%[1]d.id
  http_method   = "GET"
  authorization = "NONE"
  request_parameters = {
    "method.request.querystring.page" = false
  }
}

`, i)
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, `resource "aws_api_gateway_integration" "i%[1]d" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r%[1]d.id
  http_method             = aws_api_gateway_method.m%[1]d.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.f%[1]d.invoke_arn
  timeout_milliseconds    = 10000
}

`, i)
		case 1:
			fmt.Fprintf(&b, `resource "aws_api_gateway_integration" "i%[1]d" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r%[1]d.id
  http_method             = aws_api_gateway_method.m%[1]d.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://${var.host}/items/%[1]d"
  request_parameters = {
    "integration.request.querystring.page" = "method.request.querystring.page"
  }
  request_templates = {
    "application/json" = <<-EOT
      #set($page = $input.params('page'))
      { "page": "$util.escapeJavaScript($page)" }
    EOT
  }
}

`, i)
		default:
			fmt.Fprintf(&b, `resource "aws_api_gateway_integration" "i%[1]d" {
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_resource.r%[1]d.id
  http_method       = aws_api_gateway_method.m%[1]d.http_method
  type              = "MOCK"
  request_templates = { "application/json" = "{\"statusCode\": 200}" }
}

`, i)
		}
		fmt.Fprintf(&b, `resource "aws_api_gateway_method_response" "ok%[1]d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r%[1]d.id
  http_method = aws_api_gateway_method.m%[1]d.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "ok%[1]d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r%[1]d.id
  http_method = aws_api_gateway_method.m%[1]d.http_method
  status_code = aws_api_gateway_method_response.ok%[1]d.status_code
  depends_on  = [aws_api_gateway_integration.i%[1]d]
}

`, i)
	}
	return []byte(b.String())
}

// BenchmarkTerraform compares parsing a generated module of 1,000
// integrations with hclsyntax alone and linting it (terraform.Load, then
// every rule).
func BenchmarkTerraform(b *testing.B) {
	src := module(1000)
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, diags := hclsyntax.ParseConfig(src, "gen.tf", hcl.InitialPos); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	})
	b.Run("lint", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			res, err := terraform.Load("gen.tf", src)
			if err != nil {
				b.Fatal(err)
			}
			rules.Check(res, nil)
		}
	})
}

// TestGeneratedModule: the benchmark's module is clean and fully linked.
func TestGeneratedModule(t *testing.T) {
	src := module(30)
	res, err := terraform.Load("gen.tf", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Integrations) != 30 {
		t.Fatalf("%d integrations; want 30", len(res.Integrations))
	}
	for _, in := range res.Integrations {
		if d := in.Op.Declared(); !d.Complete || len(d.Codes) != 1 || len(in.Responses) != 1 {
			t.Fatalf("%s: not linked to its method and responses (complete %v, codes %v, %d responses)", in.Pointer, d.Complete, d.Codes, len(in.Responses))
		}
	}
	if got := lint(t, "gen.tf", src); got != "" {
		t.Errorf("findings on the generated module:\n%s", got)
	}
}
