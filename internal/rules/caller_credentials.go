package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkCallerCredentials: credentials arn:aws:iam::*:user/* forwards the
// caller's identity, which exists only when the method is authorised with
// AWS_IAM: x-amazon-apigateway-auth type AWS_IAM, or a security requirement
// on a SigV4 security scheme.
func checkCallerCredentials(p *Pass) {
	f := p.In.Field("credentials")
	text, ok := literal(f)
	if !ok || !callerARN().MatchString(strings.TrimSpace(text)) || p.In.Op == nil || p.In.Kind() != doc.REST {
		return
	}
	if iamAuthorised(p.In) {
		return
	}
	fix := "add x-amazon-apigateway-auth: {type: AWS_IAM} or a SigV4 security requirement"
	switch p.In.Shape {
	case doc.ShapeCloudFormation:
		fix = "set AuthorizationType: AWS_IAM on the method"
	case doc.ShapeTerraform:
		fix = `set authorization = "AWS_IAM" on the aws_api_gateway_method`
	}
	p.ReportValue(f, "%s %s forwards the caller's identity, which needs AWS_IAM authorization on the method; %s", f.Key.Value, text, fix)
}

// iamAuthorised reports whether the operation is (or may be) authorised with
// AWS_IAM. A SAM Api with an Auth property may set it outside the document,
// so it counts as authorised.
func iamAuthorised(in *doc.Integration) bool {
	op, api := in.Op, in.API
	if api == nil {
		// An AWS::ApiGateway::Method resource, or a Terraform
		// aws_api_gateway_method read into that shape: its AuthorizationType.
		_, t := doc.Get(op.Node, "AuthorizationType")
		v := doc.Classify(t)
		return !v.Known() || strings.EqualFold(strings.TrimSpace(v.Text), "AWS_IAM")
	}
	_, auth := doc.Get(op.Node, "x-amazon-apigateway-auth")
	if _, t := doc.Get(auth, "type"); t != nil {
		v := doc.Classify(t)
		return !v.Known() || strings.EqualFold(strings.TrimSpace(v.Text), "AWS_IAM")
	}
	if api.Template != nil && api.Template.Type == "AWS::Serverless::Api" {
		res, _ := templateResource(in.File.Root, api.Template.Resource)
		if _, a := doc.Get(res, "Auth"); a != nil {
			return true
		}
	}
	_, sec := doc.Get(op.Node, "security")
	sec = doc.Resolve(sec)
	if sec == nil || sec.Kind != doc.SequenceNode {
		return false
	}
	schemes := securitySchemes(api)
	for _, req := range sec.Content {
		found := false
		doc.Pairs(req, func(k, _ *doc.Node) {
			_, s := doc.Get(schemes, k.Value)
			_, at := doc.Get(s, "x-amazon-apigateway-authtype")
			if at = doc.Resolve(at); at != nil && strings.EqualFold(at.Value, "awsSigv4") {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}

// securitySchemes returns the document's security schemes mapping (OpenAPI
// 3 components.securitySchemes or Swagger 2 securityDefinitions).
func securitySchemes(api *doc.API) *doc.Node {
	if _, s := doc.Get(api.Root, "securityDefinitions"); s != nil {
		return s
	}
	_, c := doc.Get(api.Root, "components")
	_, s := doc.Get(c, "securitySchemes")
	return s
}

// templateResource returns the Properties of a template resource.
func templateResource(root *doc.Node, name string) (*doc.Node, string) {
	_, res := doc.Get(root, "Resources")
	_, r := doc.Get(res, name)
	_, props := doc.Get(r, "Properties")
	return props, doc.Join("", "Resources", name, "Properties")
}
