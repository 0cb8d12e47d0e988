package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"fmt"
	"strings"
	"testing"
)

// TestShapes checks, for each kind of input, what Load detects: the content
// kind, each API (pointer, version, REST or HTTP, template resource) and each
// integration (shape, JSON pointer, operation, anchor position, type).
func TestShapes(t *testing.T) {
	tests := []struct {
		file    string
		content doc.Content
		apis    []string // "pointer version kind [resource type]"
		ins     []string // "shape pointer | method path | line:col | TYPE"
	}{
		{"shapes/openapi30.yaml", doc.ContentOpenAPI,
			[]string{` 3.0.1 REST API`},
			[]string{
				`OpenAPI /paths/~1pets/get/x-amazon-apigateway-integration | get /pets | 8:7 | HTTP_PROXY`,
				`OpenAPI /paths/~1pets/post/x-amazon-apigateway-integration | post /pets | 16:7 | AWS`,
			}},
		{"shapes/openapi30.json", doc.ContentOpenAPI,
			[]string{` 3.0.1 REST API`},
			[]string{`OpenAPI /paths/~1pets/get/x-amazon-apigateway-integration | get /pets | 7:9 | HTTP_PROXY`}},
		{"shapes/openapi31.yaml", doc.ContentOpenAPI,
			[]string{` 3.1.0 REST API`},
			[]string{`OpenAPI /paths/~1pets~1{id}/delete/x-amazon-apigateway-integration | delete /pets/{id} | 9:7 | MOCK`}},
		{"shapes/openapi31.json", doc.ContentOpenAPI,
			[]string{` 3.1.0 REST API`},
			[]string{`OpenAPI /paths/~1pets~1{id}/delete/x-amazon-apigateway-integration | delete /pets/{id} | 2:38 | MOCK`}},
		{"shapes/swagger20.yaml", doc.ContentOpenAPI,
			[]string{` 2.0 REST API`},
			[]string{`OpenAPI /paths/~1pets/put/x-amazon-apigateway-integration | put /pets | 9:7 | AWS_PROXY`}},
		{"shapes/swagger20.json", doc.ContentOpenAPI,
			[]string{` 2.0 REST API`},
			[]string{`OpenAPI /paths/~1pets/put/x-amazon-apigateway-integration | put /pets | 7:9 | AWS_PROXY`}},
		{"shapes/sam-api.yaml", doc.ContentTemplate,
			[]string{`/Resources/PetsApi/Properties/DefinitionBody 3.0.1 REST API [PetsApi AWS::Serverless::Api]`},
			[]string{`OpenAPI /Resources/PetsApi/Properties/DefinitionBody/paths/~1pets/get/x-amazon-apigateway-integration | get /pets | 21:15 | AWS_PROXY`}},
		{"shapes/restapi-body.json", doc.ContentTemplate,
			[]string{`/Resources/Api/Properties/Body 2.0 REST API [Api AWS::ApiGateway::RestApi]`},
			[]string{`OpenAPI /Resources/Api/Properties/Body/paths/~1pets/get/x-amazon-apigateway-integration | get /pets | 14:17 | HTTP_PROXY`}},
		{"shapes/sam-httpapi.yaml", doc.ContentTemplate,
			[]string{`/Resources/HttpApi/Properties/DefinitionBody 3.0.1 HTTP API [HttpApi AWS::Serverless::HttpApi]`},
			[]string{`OpenAPI /Resources/HttpApi/Properties/DefinitionBody/paths/~1pets/get/x-amazon-apigateway-integration | get /pets | 14:15 | AWS_PROXY`}},
		// Fn::If around the whole DefinitionBody: both outcomes are APIs.
		{"shapes/fnif-body.yaml", doc.ContentTemplate,
			[]string{
				`/Resources/Api/Properties/DefinitionBody/Fn::If/1 3.0.1 REST API [Api AWS::Serverless::Api]`,
				`/Resources/Api/Properties/DefinitionBody/Fn::If/2 3.0.1 REST API [Api AWS::Serverless::Api]`,
			},
			[]string{
				`OpenAPI /Resources/Api/Properties/DefinitionBody/Fn::If/1/paths/~1a/get/x-amazon-apigateway-integration | get /a | 17:19 | HTTP_PROXY`,
				`OpenAPI /Resources/Api/Properties/DefinitionBody/Fn::If/2/paths/~1a/get/x-amazon-apigateway-integration | get /a | 26:19 | MOCK`,
			}},
		// The !If short form around the DefinitionBody; the second outcome
		// (AWS::NoValue) is no API.
		{"shapes/fnif-short.yaml", doc.ContentTemplate,
			[]string{`/Resources/Api/Properties/DefinitionBody/1 3.0.1 REST API [Api AWS::Serverless::Api]`},
			[]string{`OpenAPI /Resources/Api/Properties/DefinitionBody/1/paths/~1a/get/x-amazon-apigateway-integration | get /a | 16:17 | HTTP_PROXY`}},
		// Fn::If around a path item, and !If around an integration.
		{"shapes/fnif-pathitem.yaml", doc.ContentTemplate,
			[]string{`/Resources/Api/Properties/DefinitionBody 2.0 REST API [Api AWS::Serverless::Api]`},
			[]string{
				`OpenAPI /Resources/Api/Properties/DefinitionBody/paths/~1a/Fn::If/1/get/x-amazon-apigateway-integration | get /a | 17:19 | MOCK`,
				`OpenAPI /Resources/Api/Properties/DefinitionBody/paths/~1a/Fn::If/2/get/x-amazon-apigateway-integration | get /a | 20:19 | HTTP_PROXY`,
				`OpenAPI /Resources/Api/Properties/DefinitionBody/paths/~1b/get/x-amazon-apigateway-integration/1 | get /b | 26:15 | MOCK`,
				`OpenAPI /Resources/Api/Properties/DefinitionBody/paths/~1b/get/x-amazon-apigateway-integration/2 | get /b | 26:15 | HTTP_PROXY`,
			}},
		// x-amazon-apigateway-any-method is an operation; parameters and
		// summary are not.
		{"shapes/any-method.yaml", doc.ContentOpenAPI,
			[]string{` 3.0.1 REST API`},
			[]string{`OpenAPI /paths/~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration | x-amazon-apigateway-any-method /{proxy+} | 11:7 | HTTP_PROXY`}},
		// A $ref is followed to the reusable integration; one no operation
		// uses is still checked, without an operation. payloadFormatVersion
		// makes the document an HTTP API.
		{"shapes/ref-integrations.yaml", doc.ContentOpenAPI,
			[]string{` 3.0.1 HTTP API`},
			[]string{
				`OpenAPI /components/x-amazon-apigateway-integrations/pets | get /pets | 6:7 | AWS_PROXY`,
				`OpenAPI /components/x-amazon-apigateway-integrations/unused | - | 15:5 | HTTP_PROXY`,
			}},
		// Merge keys and aliases are followed.
		{"shapes/anchors.yaml", doc.ContentOpenAPI,
			[]string{` 3.0.1 REST API`},
			[]string{
				`OpenAPI /paths/~1a/get/x-amazon-apigateway-integration | get /a | 10:7 | HTTP_PROXY`,
				`OpenAPI /paths/~1b/get/x-amazon-apigateway-integration | get /b | 15:7 | HTTP_PROXY`,
				`OpenAPI /paths/~1c/get/x-amazon-apigateway-integration | get /c | 21:7 | HTTP_PROXY`,
			}},
		{"shapes/put-integration.json", doc.ContentPutIntegration, nil,
			[]string{`put-integration input  | - | 1:1 | AWS`}},
		{"shapes/get-integration.json", doc.ContentGetIntegration, nil,
			[]string{`get-integration output  | - | 1:1 | AWS`}},
		// Files that are not API Gateway content.
		{"shapes/k8s.yaml", doc.ContentNone, nil, nil},
		{"shapes/package.json", doc.ContentNone, nil, nil},
		{"shapes/empty.yaml", doc.ContentNone, nil, nil},
		{"shapes/whitespace.yaml", doc.ContentNone, nil, nil},
		{"shapes/newlines.json", doc.ContentNone, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := mustLoad(t, tt.file)
			if r.Content != tt.content {
				t.Errorf("content %v, want %v", r.Content, tt.content)
			}
			var apis, ins []string
			for _, a := range r.APIs {
				s := fmt.Sprintf("%s %s %s", a.Pointer, a.Version, a.Kind)
				if a.Template != nil {
					s += fmt.Sprintf(" [%s %s]", a.Template.Resource, a.Template.Type)
				}
				apis = append(apis, s)
				if a.File != r.File {
					t.Errorf("API %s does not point back to its file", a.Pointer)
				}
			}
			for _, in := range r.Integrations {
				op := "-"
				if in.Op != nil {
					op = in.Op.Method + " " + in.Op.Path
				}
				a := in.Anchor()
				ins = append(ins, fmt.Sprintf("%s %s | %s | %d:%d | %s", in.Shape, in.Pointer, op, a.Line, a.Column, in.Type()))
			}
			diff(t, "APIs", apis, tt.apis)
			diff(t, "integrations", ins, tt.ins)
		})
	}
}

func diff(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got: %s\nwant: %s", what, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

// fieldNames lists "written=canonical" for each key of an integration, in
// document order, with a * on keys the shape does not define.
func fieldNames(in *doc.Integration) string {
	var out []string
	for _, f := range in.All {
		s := f.Key.Value + "=" + f.Name
		if !f.Known {
			s += "*"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// TestPutIntegrationNames checks the field-name trap of put-integration
// input: its httpMethod is the method's own verb and integrationHttpMethod
// is the backend verb, which OpenAPI calls httpMethod.
func TestPutIntegrationNames(t *testing.T) {
	in := mustLoad(t, "shapes/put-integration.json").Integrations[0]
	if got := in.Val("httpMethod").Text; got != "POST" {
		t.Errorf("canonical httpMethod (backend verb) = %q, want POST from integrationHttpMethod", got)
	}
	if f := in.Field("httpMethod"); f == nil || f.Key.Value != "integrationHttpMethod" || f.Pointer() != "/integrationHttpMethod" {
		t.Errorf("canonical httpMethod should be read from the key integrationHttpMethod, got %+v", f)
	}
	if got := in.Val("methodHttpMethod").Text; got != "GET" {
		t.Errorf("methodHttpMethod = %q, want GET", got)
	}
	want := "restApiId=restApiId resourceId=resourceId httpMethod=methodHttpMethod type=type integrationHttpMethod=httpMethod " +
		"uri=uri credentials=credentials requestTemplates=requestTemplates passthroughBehavior=passthroughBehavior timeoutInMillis=timeoutInMillis"
	if got := fieldNames(in); got != want {
		t.Errorf("fields:\n got %s\nwant %s", got, want)
	}
	if in.Kind() != doc.REST || in.Embedded() || in.API != nil || in.Op != nil || in.Key != nil {
		t.Errorf("put-integration JSON is a bare REST integration: kind %v embedded %v", in.Kind(), in.Embedded())
	}
}

// TestGetIntegrationResponses checks that get-integration output keeps
// httpMethod as the backend verb and reads integrationResponses, keyed by
// status code, with selectionPattern as the pattern.
func TestGetIntegrationResponses(t *testing.T) {
	in := mustLoad(t, "shapes/get-integration.json").Integrations[0]
	if f := in.Field("httpMethod"); f == nil || f.Key.Value != "httpMethod" || f.Val().Text != "POST" {
		t.Errorf("httpMethod = %+v, want the backend verb POST", f)
	}
	if len(in.Responses) != 2 {
		t.Fatalf("%d responses, want 2", len(in.Responses))
	}
	r200, r400 := in.Responses[0], in.Responses[1]
	if r200.Key.Value != "200" || r200.Pattern != nil || r200.Pointer != "/integrationResponses/200" {
		t.Errorf("response 200: key %q pattern %v pointer %q", r200.Key.Value, r200.Pattern, r200.Pointer)
	}
	if r400.Pattern == nil || r400.Pattern.Value != `4\d{2}` || r400.Pattern.Line != 16 || r400.Pattern.Column != 33 {
		t.Errorf("response 400: pattern %+v, want 4\\d{2} at 16:33", r400.Pattern)
	}
	if f := r400.Field("statusCode"); f == nil || f.Val().Text != "400" {
		t.Errorf("response 400 statusCode = %+v", f)
	}
}

// TestOpenAPIResponses checks the responses map of an OpenAPI integration:
// "default" has no pattern, any other key is the pattern.
func TestOpenAPIResponses(t *testing.T) {
	in := mustLoad(t, "shapes/openapi30.yaml").Integrations[1]
	if len(in.Responses) != 2 {
		t.Fatalf("%d responses, want 2", len(in.Responses))
	}
	if d := in.Responses[0]; d.Key.Value != "default" || d.Pattern != nil {
		t.Errorf("default response: key %q pattern %v", d.Key.Value, d.Pattern)
	}
	p := in.Responses[1]
	if p.Pattern == nil || p.Pattern.Value != `4\d{2}` || p.Pointer != `/paths/~1pets/post/x-amazon-apigateway-integration/responses/4\d{2}` {
		t.Errorf("pattern response: %+v %q", p.Pattern, p.Pointer)
	}
	if f := p.Field("statusCode"); f == nil || f.Val().Text != "400" || f.Val().Kind != doc.KindString {
		t.Errorf("statusCode = %+v", f)
	}
}

// TestMergeKeys checks that merged keys are visible, that a key written in
// the mapping wins over a merged one, and that an alias to a whole
// integration reads the same node.
func TestMergeKeys(t *testing.T) {
	r := mustLoad(t, "shapes/anchors.yaml")
	a, b, c := r.Integrations[0], r.Integrations[1], r.Integrations[2]
	if got := fieldNames(a); got != "uri=uri type=type httpMethod=httpMethod timeoutInMillis=timeoutInMillis" {
		t.Errorf("/a fields: %s", got)
	}
	if v := a.Val("timeoutInMillis"); v.Kind != doc.KindInt || v.Text != "10000" {
		t.Errorf("/a timeoutInMillis = %+v, want the merged 10000", v)
	}
	if v := b.Val("timeoutInMillis"); v.Text != "5000" || v.Node.Line != 18 {
		t.Errorf("/b timeoutInMillis = %q at line %d, want its own 5000 at line 18", v.Text, v.Node.Line)
	}
	if v := b.Val("type"); v.Node.Line != 4 {
		t.Errorf("/b type read at line %d, want the anchor's line 4", v.Node.Line)
	}
	if c.Node != a.Node {
		t.Errorf("/c is an alias of /a's integration and should share its node")
	}
}

// TestFieldsAndValues checks the classification of values in templates:
// !Sub and Fn::Sub are templates, !GetAtt is unknown, and
// payloadFormatVersion marks an HTTP API.
func TestFieldsAndValues(t *testing.T) {
	sam := mustLoad(t, "shapes/sam-api.yaml").Integrations[0]
	if v := sam.Val("uri"); v.Kind != doc.KindTemplate || v.Intrinsic != "!Sub" || !strings.HasPrefix(v.Text, "arn:aws:apigateway:${AWS::Region}") {
		t.Errorf("!Sub uri = %+v", v)
	}
	if !sam.Embedded() {
		t.Errorf("an integration in a SAM template is embedded")
	}
	body := mustLoad(t, "shapes/restapi-body.json").Integrations[0]
	if v := body.Val("uri"); v.Kind != doc.KindTemplate || v.Intrinsic != "Fn::Sub" || v.Text != "https://${Backend}/pets" {
		t.Errorf("Fn::Sub uri = %+v", v)
	}
	httpAPI := mustLoad(t, "shapes/sam-httpapi.yaml").Integrations[0]
	if v := httpAPI.Val("uri"); v.Kind != doc.KindUnknown || v.Intrinsic != "!GetAtt" {
		t.Errorf("!GetAtt uri = %+v", v)
	}
	if httpAPI.Kind() != doc.HTTP {
		t.Errorf("SAM HttpApi integration kind = %v", httpAPI.Kind())
	}
}
