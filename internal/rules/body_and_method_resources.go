package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkBodyAndMethodResources: a REST API defined by an OpenAPI body (the
// Body or BodyS3Location of an AWS::ApiGateway::RestApi, any
// AWS::Serverless::Api, whose body SAM writes when the template does not,
// the body of a Terraform aws_api_gateway_rest_api) is not also given
// methods by separate Method resources: each import of the body in
// overwrite mode replaces the methods, so those resources drift and are
// lost. An API whose Mode (put_rest_api_mode) is merge, or not a literal,
// is not judged.
func checkBodyAndMethodResources(p *FilePass) {
	res := p.Result
	if res.Content == doc.ContentTerraform {
		checkTerraformBodyAndMethods(p)
		return
	}
	list, byName := res.Resources()
	_, globals := doc.Get(res.File.Root, "Globals")
	_, gapi := doc.Get(globals, "Api")
	for _, r := range list {
		if r.Type != doc.MethodResourceType {
			continue
		}
		_, id := r.Prop("RestApiId")
		api := byName[doc.LogicalID(id)]
		if api == nil {
			continue
		}
		var body string
		switch api.Type {
		case restAPIType:
			for _, prop := range []string{"Body", "BodyS3Location"} {
				if k, _ := api.Prop(prop); k != nil && body == "" {
					body = "its " + prop
				}
			}
		case samAPIType:
			body = "the OpenAPI definition SAM writes for it"
			for _, prop := range []string{"DefinitionBody", "DefinitionUri"} {
				if k, _ := api.Prop(prop); k != nil {
					body = "its " + prop
				}
			}
			if k, _ := doc.Get(gapi, "Mode"); k != nil {
				continue // a Mode for every Api
			}
		}
		if body == "" || !overwrites(api.Prop("Mode")) {
			continue
		}
		p.Report(id, doc.Join(r.Pointer, "RestApiId"), "the Method %s adds to the REST API %s, which %s defines: each import of the body overwrites the API's methods, so this one drifts and is lost on the next update of the body; define the method in the body, or set Mode: merge", r.Name, api.Name, body)
	}
}

// overwrites reports whether an API's Mode property (key k, value v) makes
// a body import overwrite the API: absent, or a literal overwrite.
func overwrites(k, v *doc.Node) bool {
	return k == nil || strings.EqualFold(literalText(v), "overwrite")
}

// checkTerraformBodyAndMethods is checkBodyAndMethodResources for a
// Terraform file: an aws_api_gateway_method whose rest_api_id references
// an aws_api_gateway_rest_api of the file that has a body.
func checkTerraformBodyAndMethods(p *FilePass) {
	_, types := doc.Get(p.Result.File.Root, "resource")
	_, apis := doc.Get(types, "aws_api_gateway_rest_api")
	_, methods := doc.Get(types, "aws_api_gateway_method")
	doc.Pairs(methods, func(mk, mv *doc.Node) {
		_, id := doc.Get(mv, "rest_api_id")
		id = doc.Resolve(id)
		if id == nil || id.Tag != doc.TerraformExprTag {
			return
		}
		name, ok := strings.CutPrefix(id.Value, "aws_api_gateway_rest_api.")
		if !ok {
			return
		}
		name, ok = strings.CutSuffix(name, ".id")
		if !ok || strings.ContainsAny(name, ".[ ") {
			return
		}
		_, api := doc.Get(apis, name)
		if k, b := doc.Get(api, "body"); k == nil || doc.Classify(b).Kind == doc.KindNull {
			return
		}
		if !overwrites(doc.Get(api, "put_rest_api_mode")) {
			return
		}
		p.Report(id, doc.Join("", "resource", "aws_api_gateway_method", mk.Value, "rest_api_id"), "the aws_api_gateway_method %s adds to the REST API %s, which its body defines: each import of the body (put_rest_api_mode overwrite) replaces the API's methods, so this one drifts; define the method in the body, or set put_rest_api_mode = \"merge\"", mk.Value, name)
	})
}
