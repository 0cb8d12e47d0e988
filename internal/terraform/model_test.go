package terraform_test

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

// integration loads a file holding one integration and returns it.
func integration(t *testing.T, src string) *doc.Integration {
	t.Helper()
	res, err := terraform.Load("t.tf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Integrations) != 1 || res.Content != doc.ContentTerraform {
		t.Fatalf("%d integrations, content %v; want one", len(res.Integrations), res.Content)
	}
	return res.Integrations[0]
}

// TestValues: what each kind of HCL expression classifies as.
func TestValues(t *testing.T) {
	in := integration(t, `resource "aws_api_gateway_integration" "i" {
  type                    = "AWS"
  uri                     = aws_lambda_function.fn.invoke_arn
  integration_http_method = "${aws_api_gateway_method.m.http_method}"
  cache_namespace_x       = "${jsonencode({ a = 1 })}-x"
  credentials             = "arn:aws:iam::${var.account}:role/${lookup(var.roles, "api")}"
  connection_id           = aws_api_gateway_vpc_link.link.id
  timeout_milliseconds    = -1
  cache_namespace         = "$${literal}"
  content_handling        = var.binary ? "CONVERT_TO_BINARY" : null
  request_templates = {
    "application/json" = <<EOT
{"a": 1}
EOT
  }
  request_parameters = { (local.key) = "'x'" }
  cache_key_parameters = ["method.request.path.id", 2 * 3]
  passthrough_behavior = null
}`)
	tests := []struct {
		field string
		kind  doc.ValueKind
		text  string
	}{
		{"type", doc.KindString, "AWS"},
		{"uri", doc.KindTemplate, "arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${aws_lambda_function.fn.arn}/invocations"},
		{"httpMethod", doc.KindUnknown, ""},
		{"credentials", doc.KindTemplate, `arn:aws:iam::${var.account}:role/${lookup(var.roles, "api")}`},
		{"connectionId", doc.KindUnknown, ""},
		{"timeoutInMillis", doc.KindInt, "-1"},
		{"cacheNamespace", doc.KindString, "${literal}"},
		{"contentHandling", doc.KindUnknown, ""},
		{"requestParameters", doc.KindUnknown, ""},
		{"cacheKeyParameters", doc.KindSeq, ""},
		{"passthroughBehavior", doc.KindNull, "null"},
	}
	for _, tt := range tests {
		v := in.Val(tt.field)
		if v.Kind != tt.kind || v.Text != tt.text {
			t.Errorf("%s: %v %q; want %v %q", tt.field, v.Kind, v.Text, tt.kind, tt.text)
		}
	}
	if _, v := doc.Get(in.Node, "cache_namespace_x"); doc.Classify(v).Text != "${tf_expr}-x" {
		t.Errorf("an interpolation with braces: %q; want ${tf_expr}-x", doc.Classify(v).Text)
	}
	_, tmpl := doc.Get(in.Field("requestTemplates").Value, "application/json")
	if v := doc.Classify(tmpl); v.Kind != doc.KindString || v.Text != "{\"a\": 1}\n" {
		t.Errorf("heredoc: %v %q", v.Kind, v.Text)
	}
	if v := doc.Classify(in.Field("cacheKeyParameters").Value.Content[1]); v.Kind != doc.KindInt || v.Text != "6" {
		t.Errorf("2 * 3: %v %q; want the integer 6", v.Kind, v.Text)
	}
}

// TestPositions: keys and values are where they are written, columns
// counted in code points (a tab and an é are one column each).
func TestPositions(t *testing.T) {
	in := integration(t, "resource \"aws_api_gateway_integration\" \"i\" {\n\ttype = \"HTTP\" # é\n  request_templates = { \"é/ü\" = \"x\" }\n}\n")
	f := in.Field("type")
	if f.Key.Line != 2 || f.Key.Column != 2 || f.Value.Line != 2 || f.Value.Column != 9 {
		t.Errorf("type at %d:%d = %d:%d; want 2:2 = 2:9", f.Key.Line, f.Key.Column, f.Value.Line, f.Value.Column)
	}
	if s := in.File.SpanOf(f.Value); s.EndCol != 15 {
		t.Errorf("the span of \"HTTP\" ends at column %d; want 15", s.EndCol)
	}
	m := in.Field("requestTemplates").Value
	if k, v := m.Content[0], m.Content[1]; k.Column != 25 || v.Column != 33 {
		t.Errorf("template key at column %d, value at %d; want 25 and 33", k.Column, v.Column)
	}
	if a := in.Anchor(); a.Line != 1 || a.Column != 40 || a.Value != "i" {
		t.Errorf("anchor %q at %d:%d; want the name label at 1:40", a.Value, a.Line, a.Column)
	}
}

// TestKeyName: messages spell fields the Terraform way.
func TestKeyName(t *testing.T) {
	in := integration(t, `resource "aws_api_gateway_integration" "i" { type = "MOCK" }`)
	for canonical, want := range map[string]string{
		"type": "type", "httpMethod": "integration_http_method", "timeoutInMillis": "timeout_milliseconds",
		"methodHttpMethod": "http_method", "responseTemplates": "response_templates",
		"responses": "aws_api_gateway_integration_response", "statusCode": "status_code",
	} {
		if got := in.KeyName(canonical); got != want {
			t.Errorf("KeyName(%s) = %q; want %q", canonical, got, want)
		}
	}
	if in.Embedded() || !in.Terraform() {
		t.Errorf("Embedded %v, Terraform %v; want false, true", in.Embedded(), in.Terraform())
	}
}

// TestMethodNotFound: without its method in the file, an integration's
// declarations are incomplete, so that nothing is taken as undeclared.
func TestMethodNotFound(t *testing.T) {
	in := integration(t, `resource "aws_api_gateway_integration" "i" {
  rest_api_id = var.api
  resource_id = var.resource
  http_method = "GET"
  type        = "HTTP"
  request_parameters = { "integration.request.querystring.q" = "method.request.querystring.q" }
}`)
	if in.Op == nil || in.Op.Declared().Complete {
		t.Fatalf("operation %v: declarations must be incomplete", in.Op)
	}
}

// TestLinks: an integration finds its method, method responses and
// integration responses through references in either direction, and a
// reference to a literal argument stands for that literal.
func TestLinks(t *testing.T) {
	res, err := terraform.Load("t.tf", []byte(`
resource "aws_api_gateway_method" "m" {
  rest_api_id   = "${aws_api_gateway_rest_api.api.id}"
  resource_id   = aws_api_gateway_resource.r.id
  http_method   = "POST"
  authorization = "NONE"
  request_parameters = { "method.request.header.X-Id" = true }
}
resource "aws_api_gateway_integration" "i" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_method.m.resource_id
  http_method = "POST"
  type        = "AWS"
}
resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_integration.i.rest_api_id
  resource_id = aws_api_gateway_resource.r.id
  http_method = aws_api_gateway_method.m.http_method
  status_code = 200
}
resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r.id
  http_method = aws_api_gateway_integration.i.http_method
  status_code = aws_api_gateway_method_response.ok.status_code
}
resource "aws_api_gateway_method" "other" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.r.id
  http_method   = "GET"
  authorization = "NONE"
}`))
	if err != nil {
		t.Fatal(err)
	}
	in := res.Integrations[0]
	d := in.Op.Declared()
	if in.Op.Resource != "aws_api_gateway_method.m" || in.Op.Method != "POST" || !d.Complete || !d.HasParam("header", "x-id") {
		t.Errorf("operation %s %s, complete %v, params %v", in.Op.Resource, in.Op.Method, d.Complete, d.Params)
	}
	if len(d.Codes) != 1 || d.Codes[0] != "200" {
		t.Errorf("codes %v; want [200]", d.Codes)
	}
	if len(in.Responses) != 1 {
		t.Fatalf("%d responses; want 1", len(in.Responses))
	}
	if v := in.Responses[0].Field("statusCode").Val(); v.Kind != doc.KindInt || v.Text != "200" || v.Node.Line != 25 {
		t.Errorf("status code %v %q at line %d; want 200 at the reference, line 25", v.Kind, v.Text, v.Node.Line)
	}
}

// TestLimits: nesting the parser would recurse on without end is refused
// with a located error, not a crash.
func TestLimits(t *testing.T) {
	for name, src := range map[string]string{
		"brackets": "x = " + strings.Repeat("(", 5000),
		"unary":    "x = " + strings.Repeat("!", 5000) + "true",
	} {
		if _, err := terraform.Load("t.tf", []byte(src)); err == nil || !strings.Contains(err.Error(), "nesting deeper") {
			t.Errorf("%s: error %v; want one about nesting", name, err)
		}
	}
}

// TestReferenceLoop: references between arguments are followed along one
// chain only, so that a value made of many references to itself takes no
// time (it once took 6^8 conversions).
func TestReferenceLoop(t *testing.T) {
	refs := strings.Repeat("aws_api_gateway_method.m.x, ", 12)
	src := `resource "aws_api_gateway_method" "m" { x = [` + refs + `] }
resource "aws_api_gateway_integration" "i" { type = aws_api_gateway_method.m.x }`
	if _, err := terraform.Load("t.tf", []byte(src)); err != nil {
		t.Fatal(err)
	}
}
