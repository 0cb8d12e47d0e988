package loader

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// TestKindCertain checks an API's kind and when the loader is sure of it: a
// template resource type or Swagger 2.0 settle it; in a standalone OpenAPI 3
// document HTTP-only fields make an HTTP API unless REST-only ones are there
// too, and only markers HTTP APIs alone use make it certain.
func TestKindCertain(t *testing.T) {
	for _, c := range []struct {
		name, src string
		kind      doc.APIKind
		certain   bool
	}{
		{"markers", `{"openapi": "3.0.1", "x-amazon-apigateway-importexport-version": "1.0", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy", "uri": "arn:aws:lambda:us-east-1:123456789012:function:f", "payloadFormatVersion": "2.0"}}}}}`, doc.HTTP, true},
		// payloadFormatVersion alone is no proof: REST documents copy it.
		{"fields only", `{"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "https://example.com", "payloadFormatVersion": "1.0"}}}}}`, doc.HTTP, false},
		{"subtype", `{"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy", "integrationSubtype": "SQS-SendMessage", "payloadFormatVersion": "1.0"}}}}}`, doc.HTTP, true},
		{"mapping", `{"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "https://example.com", "payloadFormatVersion": "1.0", "requestParameters": {"overwrite:header.a": "b"}}}}}}`, doc.HTTP, true},
		// What a REST export writes on a proxy, beside a copied field.
		{"responses", `{"openapi": "3.0.1", "x-amazon-apigateway-importexport-version": "1.0", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy", "uri": "u", "payloadFormatVersion": "1.0", "responses": {"default": {"statusCode": "200"}}}}}}}`, doc.REST, false},
		// A REST document with a field copied from an HTTP API example.
		{"mixed", `{"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "http", "uri": "https://example.com", "httpMethod": "GET"}}}, "/b": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "https://example.com", "payloadFormatVersion": "1.0"}}}}}`, doc.REST, false},
		{"marked but REST", `{"openapi": "3.0.1", "x-amazon-apigateway-importexport-version": "1.0", "x-amazon-apigateway-cors": {}, "paths": {"/a": {"post": {"x-amazon-apigateway-integration": {"type": "aws", "uri": "arn:aws:apigateway:us-east-1:kinesis:action/PutRecord", "httpMethod": "POST", "requestTemplates": {"application/json": "{}"}}}}}}`, doc.REST, false},
		{"no markers", `{"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "https://example.com", "httpMethod": "GET"}}}}}`, doc.REST, false},
		// HTTP APIs import OpenAPI 3 only: Swagger 2.0 is a REST API
		// whatever fields its integrations carry.
		{"swagger", `{"swagger": "2.0", "x-amazon-apigateway-importexport-version": "1.0", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy", "uri": "u", "payloadFormatVersion": "2.0"}}}}}`, doc.REST, true},
		// In a template the resource type decides.
		{"template", `{"Resources": {"Api": {"Type": "AWS::Serverless::Api", "Properties": {"DefinitionBody": {"openapi": "3.0.1", "x-amazon-apigateway-importexport-version": "1.0", "paths": {}}}}}}`, doc.REST, true},
		{"http template", `{"Resources": {"Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Body": {"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "mock"}}}}}}}}}`, doc.HTTP, true},
	} {
		r, err := Load(c.name+".json", []byte(c.src), DefaultLimits)
		if err != nil || len(r.APIs) != 1 {
			t.Fatalf("%s: %v, %d APIs", c.name, err, len(r.APIs))
		}
		if a := r.APIs[0]; a.Kind != c.kind || a.KindCertain != c.certain {
			t.Errorf("%s: kind %v certain %v, want %v %v", c.name, a.Kind, a.KindCertain, c.kind, c.certain)
		}
	}
}

// TestIntegrationRefs checks that every $ref written as an integration is
// recorded, with its target when it resolves inside the document.
func TestIntegrationRefs(t *testing.T) {
	src := `openapi: 3.0.1
x-amazon-apigateway-importexport-version: "1.0"
paths:
  /a:
    get:
      x-amazon-apigateway-integration: {$ref: "#/components/x-amazon-apigateway-integrations/a"}
  /b:
    get:
      x-amazon-apigateway-integration: {$ref: "#/components/x-amazon-apigateway-integrations/missing"}
  /c:
    get:
      x-amazon-apigateway-integration: {$ref: "other.yaml#/integrations/c"}
components:
  x-amazon-apigateway-integrations:
    a: {type: http_proxy, uri: "https://example.com", payloadFormatVersion: "1.0"}
`
	r, err := Load("refs.yaml", []byte(src), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	refs := r.APIs[0].IntegrationRefs
	if len(refs) != 3 {
		t.Fatalf("%d refs, want 3", len(refs))
	}
	if refs[0].Target == nil || refs[0].Pointer != "/paths/~1a/get/x-amazon-apigateway-integration/$ref" || refs[0].Key.Value != "$ref" {
		t.Errorf("ref a: %+v", refs[0])
	}
	if refs[1].Target != nil || refs[1].Value.Value != "#/components/x-amazon-apigateway-integrations/missing" || refs[1].Value.Line != 9 {
		t.Errorf("ref b should not resolve: %+v", refs[1])
	}
	if refs[2].Target != nil {
		t.Errorf("an external ref is never fetched: %+v", refs[2])
	}
	if len(r.Integrations) != 1 || r.Integrations[0].Op == nil || r.Integrations[0].Op.Path != "/a" {
		t.Errorf("only /a has an integration: %d", len(r.Integrations))
	}
}
