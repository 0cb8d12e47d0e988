package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"fmt"
	"testing"
)

// TestCloudFormationMethods checks that the Integration of each
// AWS::ApiGateway::Method resource is read in the CloudFormation shape
// (both outcomes of an Fn::If, none for AWS::NoValue or a method without
// one), with the method as its operation and the resource path worked out
// from the AWS::ApiGateway::Resource chain when the template settles it.
func TestCloudFormationMethods(t *testing.T) {
	r := mustLoad(t, "cloudformation/methods.yaml")
	if r.Content != doc.ContentTemplate || len(r.APIs) != 0 {
		t.Errorf("content %v with %d APIs, want a template without OpenAPI documents", r.Content, len(r.APIs))
	}
	var got []string
	for _, in := range r.Integrations {
		a := in.Anchor()
		got = append(got, fmt.Sprintf("%s %s | %s %s %q | %d:%d | %s",
			in.Shape, in.Pointer, in.Op.Resource, in.Op.Method, in.Op.Path, a.Line, a.Column, in.Type()))
	}
	diff(t, "integrations", got, []string{
		`CloudFormation /Resources/GetPet/Properties/Integration | GetPet GET "/pets/{id}" | 51:7 | AWS`,
		`CloudFormation /Resources/RootAny/Properties/Integration/1 | RootAny ANY "/" | 69:7 | MOCK`,
		`CloudFormation /Resources/RootAny/Properties/Integration/2 | RootAny ANY "/" | 69:7 | HTTP_PROXY`,
		`CloudFormation /Resources/OrphanPost/Properties/Integration/Fn::If/1 | OrphanPost  "" | 82:7 | MOCK`,
		`CloudFormation /Resources/LoopGet/Properties/Integration | LoopGet GET "" | 93:7 | MOCK`,
	})
	in := r.Integrations[0]
	if !in.Embedded() || in.Kind() != doc.REST || in.API != nil {
		t.Errorf("a Method integration is an embedded REST integration without an OpenAPI document: embedded %v kind %v", in.Embedded(), in.Kind())
	}
	want := "Type=type IntegrationHttpMethod=httpMethod Uri=uri RequestParameters=requestParameters IntegrationResponses=integrationResponses"
	if got := fieldNames(in); got != want {
		t.Errorf("fields:\n got %s\nwant %s", got, want)
	}
	if v := in.Val("httpMethod"); v.Text != "POST" {
		t.Errorf("canonical httpMethod (backend verb) = %q, want POST from IntegrationHttpMethod", v.Text)
	}
	if len(in.Responses) != 2 {
		t.Fatalf("%d responses, want 2", len(in.Responses))
	}
	r0, r1 := in.Responses[0], in.Responses[1]
	if r0.Key != nil || r0.Pattern != nil || r0.Pointer != "/Resources/GetPet/Properties/Integration/IntegrationResponses/0" || r0.Anchor() != r0.Node {
		t.Errorf("response 0: key %v pattern %v pointer %q", r0.Key, r0.Pattern, r0.Pointer)
	}
	if r1.Index != 1 || r1.Pattern == nil || r1.Pattern.Value != ".*Not Found.*" || r1.Field("statusCode").Val().Text != "404" {
		t.Errorf("response 1: index %d pattern %+v", r1.Index, r1.Pattern)
	}
	if f := r0.Field("responseParameters"); f == nil || f.Key.Value != "ResponseParameters" {
		t.Errorf("response 0 ResponseParameters not read as responseParameters: %+v", r0.All)
	}
}

// TestCloudFormationKeyName checks that messages can name a field the way
// the integration's shape spells it.
func TestCloudFormationKeyName(t *testing.T) {
	cfn := mustLoad(t, "cloudformation/methods.yaml").Integrations[0]
	put := mustLoad(t, "shapes/put-integration.json").Integrations[0]
	get := mustLoad(t, "shapes/get-integration.json").Integrations[0]
	oas := mustLoad(t, "shapes/openapi30.yaml").Integrations[0]
	for _, c := range []struct {
		in              *doc.Integration
		canonical, want string
	}{
		{cfn, "httpMethod", "IntegrationHttpMethod"}, {cfn, "timeoutInMillis", "TimeoutInMillis"},
		{cfn, "responses", "IntegrationResponses"}, {cfn, "statusCode", "StatusCode"},
		{cfn, "requestParameters", "RequestParameters"}, {cfn, "integrationTarget", "IntegrationTarget"},
		{put, "httpMethod", "integrationHttpMethod"}, {put, "methodHttpMethod", "httpMethod"},
		{put, "timeoutInMillis", "timeoutInMillis"}, {put, "cacheKeyParameters", "cacheKeyParameters"},
		{get, "responses", "integrationResponses"}, {get, "httpMethod", "httpMethod"},
		{oas, "httpMethod", "httpMethod"}, {oas, "responses", "responses"}, {oas, "integrationTarget", "integrationTarget"},
	} {
		if got := c.in.KeyName(c.canonical); got != c.want {
			t.Errorf("%s KeyName(%s) = %q, want %q", c.in.Shape, c.canonical, got, c.want)
		}
	}
}

// TestCloudFormationDeclared checks that a Method resource's
// RequestParameters and MethodResponses are its declarations, as an
// OpenAPI operation's parameters and responses are.
func TestCloudFormationDeclared(t *testing.T) {
	r := mustLoad(t, "cloudformation/methods.yaml")
	d := r.Integrations[0].Op.Declared()
	for _, c := range []struct {
		in, name string
		want     bool
	}{
		{"query", "page", true}, {"header", "x-api-key", true}, {"header", "X-API-KEY", true},
		{"path", "id", true}, {"query", "id", false}, {"querystring", "page", false},
	} {
		if got := d.HasParam(c.in, c.name); got != c.want {
			t.Errorf("HasParam(%s, %s) = %v, want %v", c.in, c.name, got, c.want)
		}
	}
	if !d.Complete {
		t.Error("literal RequestParameters and MethodResponses are complete")
	}
	if r := d.Response("200"); r == nil || r.Headers["Access-Control-Allow-Origin"] == false {
		t.Errorf("response 200 with its header not read: %+v", d.Codes)
	}
	if r := d.Response("404"); r == nil || len(r.Headers) != 0 {
		t.Errorf("response 404 not read: %+v", d.Codes)
	}
	if d := r.Integrations[3].Op.Declared(); d.Complete {
		t.Error("RequestParameters computed by Fn::If must make the declarations incomplete")
	}
	if d := r.Integrations[4].Op.Declared(); !d.Complete || len(d.Params) != 0 || len(d.Codes) != 0 {
		t.Errorf("a method without RequestParameters or MethodResponses declares nothing, completely: %+v", d)
	}
}

// TestCloudFormationJSON checks the same reading in a JSON template, where
// an unknown property is kept as an unknown field.
func TestCloudFormationJSON(t *testing.T) {
	r := mustLoad(t, "cloudformation/methods.json")
	if len(r.Integrations) != 1 {
		t.Fatalf("%d integrations, want 1", len(r.Integrations))
	}
	in := r.Integrations[0]
	if in.Op.Path != "/pets" || in.Op.Method != "POST" || in.Pointer != "/Resources/PostPets/Properties/Integration" {
		t.Errorf("op %q %q pointer %q", in.Op.Method, in.Op.Path, in.Pointer)
	}
	if a := in.Anchor(); a.Line != 15 || a.Column != 9 {
		t.Errorf("anchor at %d:%d, want the Integration key at 15:9", a.Line, a.Column)
	}
	if got := fieldNames(in); got != "Type=type IntegrationHttpMethod=httpMethod Uri=uri TimeoutInMillis=timeoutInMillis Uri2=Uri2* IntegrationResponses=integrationResponses" {
		t.Errorf("fields: %s", got)
	}
	if v := in.Val("timeoutInMillis"); v.Kind != doc.KindInt || v.Text != "5000" {
		t.Errorf("TimeoutInMillis = %+v", v)
	}
	if len(in.Responses) != 1 || in.Responses[0].Pattern == nil || in.Responses[0].Pattern.Value != `2\d{2}` {
		t.Errorf("responses: %+v", in.Responses)
	}
}
