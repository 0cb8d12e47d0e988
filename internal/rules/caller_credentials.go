package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/loader"
	yaml "go.yaml.in/yaml/v4"
)

// checkCallerCredentials: credentials arn:aws:iam::*:user/* forwards the
// caller's identity, which exists only when the method is authorised with
// AWS_IAM: x-amazon-apigateway-auth type AWS_IAM, or a security requirement
// on a SigV4 security scheme.
func checkCallerCredentials(p *Pass) {
	f := p.In.Field("credentials")
	text, ok := literal(f)
	if !ok || !callerARN.MatchString(strings.TrimSpace(text)) || p.In.Op == nil || p.In.Kind() != loader.REST {
		return
	}
	if iamAuthorised(p.In) {
		return
	}
	fix := "add x-amazon-apigateway-auth: {type: AWS_IAM} or a SigV4 security requirement"
	if p.In.Shape == loader.ShapeCloudFormation {
		fix = "set AuthorizationType: AWS_IAM on the method"
	}
	p.ReportValue(f, "%s %s forwards the caller's identity, which needs AWS_IAM authorization on the method; %s", f.Key.Value, text, fix)
}

// iamAuthorised reports whether the operation is (or may be) authorised with
// AWS_IAM. A SAM Api with an Auth property may set it outside the document,
// so it counts as authorised.
func iamAuthorised(in *loader.Integration) bool {
	op, api := in.Op, in.API
	if api == nil {
		// An AWS::ApiGateway::Method resource: its AuthorizationType.
		_, t := loader.Get(op.Node, "AuthorizationType")
		v := loader.Classify(t)
		return !v.Known() || strings.EqualFold(strings.TrimSpace(v.Text), "AWS_IAM")
	}
	_, auth := loader.Get(op.Node, "x-amazon-apigateway-auth")
	if _, t := loader.Get(auth, "type"); t != nil {
		v := loader.Classify(t)
		return !v.Known() || strings.EqualFold(strings.TrimSpace(v.Text), "AWS_IAM")
	}
	if api.Template != nil && api.Template.Type == "AWS::Serverless::Api" {
		res, _ := templateResource(in.File.Root, api.Template.Resource)
		if _, a := loader.Get(res, "Auth"); a != nil {
			return true
		}
	}
	_, sec := loader.Get(op.Node, "security")
	sec = loader.Resolve(sec)
	if sec == nil || sec.Kind != yaml.SequenceNode {
		return false
	}
	schemes := securitySchemes(api)
	for _, req := range sec.Content {
		found := false
		loader.Pairs(req, func(k, _ *yaml.Node) {
			_, s := loader.Get(schemes, k.Value)
			_, at := loader.Get(s, "x-amazon-apigateway-authtype")
			if at = loader.Resolve(at); at != nil && strings.EqualFold(at.Value, "awsSigv4") {
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
func securitySchemes(api *loader.API) *yaml.Node {
	if _, s := loader.Get(api.Root, "securityDefinitions"); s != nil {
		return s
	}
	_, c := loader.Get(api.Root, "components")
	_, s := loader.Get(c, "securitySchemes")
	return s
}

// templateResource returns the Properties of a template resource.
func templateResource(root *yaml.Node, name string) (*yaml.Node, string) {
	_, res := loader.Get(root, "Resources")
	_, r := loader.Get(res, name)
	_, props := loader.Get(r, "Properties")
	return props, loader.Join("", "Resources", name, "Properties")
}
