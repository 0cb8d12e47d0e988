package loader

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// TestV2Detection: apigatewayv2 integration JSON (camelCase as the V2 REST
// API writes it, PascalCase as the AWS CLI does) is told from REST
// put-integration input and get-integration output by content, both ways.
func TestV2Detection(t *testing.T) {
	tests := []struct {
		name, src string
		want      doc.Content
	}{
		{"v2 create camel", `{"apiId": "a1", "integrationType": "AWS_PROXY", "integrationUri": "arn:aws:lambda:us-east-1:1:function:f", "payloadFormatVersion": "2.0"}`, doc.ContentV2Integration},
		{"v2 create pascal", `{"ApiId": "a1", "IntegrationType": "HTTP_PROXY", "IntegrationMethod": "GET", "IntegrationUri": "https://x"}`, doc.ContentV2Integration},
		{"v2 get output", `{"IntegrationId": "i1", "IntegrationType": "MOCK", "ConnectionType": "INTERNET", "TimeoutInMillis": 29000}`, doc.ContentV2Integration},
		{"v2 update", `{"apiId": "a1", "integrationId": "i1", "timeoutInMillis": 5000}`, doc.ContentV2Integration},
		// REST shapes are never taken for V2, even with a V2-looking key.
		{"rest put", `{"restApiId": "r1", "resourceId": "x", "httpMethod": "GET", "type": "AWS_PROXY", "integrationHttpMethod": "POST", "uri": "arn:aws:apigateway:us-east-1:lambda:path/f"}`, doc.ContentPutIntegration},
		{"rest put with timeout", `{"restApiId": "r1", "type": "MOCK", "timeoutInMillis": 100, "connectionType": "INTERNET"}`, doc.ContentPutIntegration},
		{"rest get", `{"type": "AWS", "httpMethod": "POST", "uri": "arn:aws:apigateway:us-east-1:s3:path/b", "timeoutInMillis": 29000, "connectionType": "INTERNET"}`, doc.ContentGetIntegration},
		{"rest and v2 keys", `{"type": "AWS", "integrationType": "AWS", "uri": "x", "httpMethod": "POST"}`, doc.ContentGetIntegration},
		// Not enough to be V2.
		{"lonely type", `{"integrationType": "AWS_PROXY"}`, doc.ContentNone},
		{"ids only", `{"apiId": "a1", "integrationId": "i1"}`, doc.ContentNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Load("x.json", []byte(tt.src), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if r.Content != tt.want {
				t.Errorf("content %v, want %v", r.Content, tt.want)
			}
			if doc.ContentOf(r.File.Root) != tt.want {
				t.Errorf("ContentOf %v, want %v", doc.ContentOf(r.File.Root), tt.want)
			}
			for _, in := range r.Integrations {
				if (in.V2 != nil) != (tt.want == doc.ContentV2Integration) || in.Shape.V2() != (in.V2 != nil) {
					t.Errorf("shape %v, V2 %v", in.Shape, in.V2 != nil)
				}
				if in.V2 != nil && in.KindCertain() {
					t.Errorf("the protocol of CLI JSON cannot be known")
				}
			}
		})
	}
}

// TestV2Protocol: the protocol of an AWS::ApiGatewayV2::Integration comes
// from the API its ApiId names (Ref, GetAtt, ProtocolType, a Body, a SAM
// HttpApi) or the route keys of that API; otherwise it is not known.
func TestV2Protocol(t *testing.T) {
	src := `
Parameters:
  Imported: {Type: String}
Resources:
  Ws: {Type: AWS::ApiGatewayV2::Api, Properties: {ProtocolType: WEBSOCKET}}
  Http: {Type: AWS::ApiGatewayV2::Api, Properties: {ProtocolType: HTTP}}
  Body: {Type: AWS::ApiGatewayV2::Api, Properties: {Body: {openapi: 3.0.1, paths: {}}}}
  Sam: {Type: AWS::Serverless::HttpApi}
  ByRoutes: {Type: AWS::ApiGatewayV2::Api, Properties: {ProtocolType: !Ref Imported}}
  ByHttpRoutes: {Type: AWS::ApiGatewayV2::Api, Properties: {ProtocolType: !Ref Imported}}
  OnlyDefault: {Type: AWS::ApiGatewayV2::Api, Properties: {ProtocolType: !Ref Imported}}
  R1: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref ByRoutes, RouteKey: $disconnect}}
  R2: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref ByHttpRoutes, RouteKey: GET /pets, Target: !Sub "integrations/${I6}"}}
  R3: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref OnlyDefault, RouteKey: $default}}
  I1: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Ws, IntegrationType: MOCK}}
  I2: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: {"Fn::GetAtt": [Http, ApiId]}, IntegrationType: HTTP_PROXY}}
  I3: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !GetAtt Body.ApiId, IntegrationType: HTTP_PROXY}}
  I4: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: {Ref: Sam}, IntegrationType: HTTP_PROXY}}
  I5: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref ByRoutes, IntegrationType: MOCK}}
  I6: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref ByHttpRoutes, IntegrationType: HTTP_PROXY}}
  I7: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref OnlyDefault, IntegrationType: HTTP_PROXY}}
  I8: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Imported, IntegrationType: HTTP_PROXY}}
`
	r, err := Load("t.yaml", []byte(src), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"I1": "WebSocket API", "I2": "HTTP API", "I3": "HTTP API", "I4": "HTTP API",
		"I5": "WebSocket API", "I6": "HTTP API", "I7": "?", "I8": "?"}
	got := map[string]string{}
	for _, in := range r.Integrations {
		if in.V2 == nil {
			continue
		}
		got[in.V2.Resource] = "?"
		if in.KindCertain() {
			got[in.V2.Resource] = in.Kind().String()
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: protocol %q, want %q", k, got[k], w)
		}
	}
	for _, in := range r.Integrations {
		if in.V2 != nil && in.V2.Resource == "I6" && (len(in.V2.RouteKeys) != 1 || in.V2.RouteKeys[0] != "GET /pets") {
			t.Errorf("I6 route keys %v", in.V2.RouteKeys)
		}
	}
}
