package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkMethodWithoutIntegration: every method of a REST API has an
// integration, or API Gateway refuses to deploy the API ("No integration
// defined for method"). Judged where the whole API is in the file: an
// AWS::ApiGateway::Method resource without Integration, and an operation
// without x-amazon-apigateway-integration in the Body of an
// AWS::ApiGateway::RestApi or the DefinitionBody of an AWS::Serverless::Api
// (unless an Api event of a SAM function names its path and method, or the
// API's Cors makes SAM add the OPTIONS method), or in the body of a
// Terraform aws_api_gateway_rest_api. A standalone OpenAPI document is not
// judged: SAM fills in the integrations of a DefinitionUri file from the
// events of a template apigwlint does not see. HTTP APIs are not judged: an
// HTTP API route may have no integration.
func checkMethodWithoutIntegration(p *FilePass) {
	checkTerraformMethods(p) // a Terraform module: terraform_stack.go
	res := p.Result
	list, byName := res.Resources()
	ev := samEventsOf(list, byName)
	for _, r := range list {
		if r.Type != doc.MethodResourceType {
			continue
		}
		if v := doc.Classify(r.Props); v.Kind != doc.KindMap {
			continue // computed properties: unknown
		}
		if k, _ := r.Prop("Integration"); k != nil {
			continue
		}
		_, m := r.Prop("HttpMethod")
		verb := literalText(m)
		what := "the method"
		if verb != "" {
			what = "the " + strings.ToUpper(verb) + " method"
		}
		p.Report(r.Key, doc.Join("", "Resources", r.Name), "%s %s has no Integration; API Gateway refuses to deploy the API (No integration defined for method): add one (Type: MOCK for a method API Gateway answers itself)", what, r.Name)
	}
	for _, api := range res.APIs {
		if api.Template == nil || api.Kind != doc.REST {
			continue
		}
		if !bodyCovered(res, api) {
			continue
		}
		cors := samCors(res, byName[api.Template.Resource])
		_, paths := doc.Get(api.Root, "paths")
		doc.Pairs(paths, func(pk, pv *doc.Node) {
			doc.Branches(pv, doc.Join(api.Pointer, "paths", pk.Value), func(item *doc.Node, iptr string) {
				doc.Pairs(item, func(mk, mv *doc.Node) {
					if !doc.OperationKeys[mk.Value] {
						return
					}
					doc.Branches(mv, doc.Join(iptr, mk.Value), func(op *doc.Node, optr string) {
						if doc.Classify(op).Kind != doc.KindMap {
							return
						}
						if k, _ := doc.Get(op, doc.IntegrationKey); k != nil {
							return
						}
						if ev.adds(api.Template.Resource, pk.Value, mk.Value) || cors && mk.Value == "options" {
							return
						}
						sam := ""
						if api.Template.Type == samAPIType {
							sam = ", and no Api event of a function names this path and method"
						}
						p.Report(mk, optr, "the %s operation of %s has no %s%s; API Gateway refuses to deploy the API (No integration defined for method)", verbOf(mk.Value), pk.Value, doc.IntegrationKey, sam)
					})
				})
			})
		})
	}
}

// bodyCovered reports whether the body of a REST API is the whole API
// definition as the file shows it: a CloudFormation/SAM body, or a
// Terraform body put in overwrite mode (the default) in a file without
// aws_api_gateway_integration resources, which could add integrations to
// the methods of the body.
func bodyCovered(res *doc.Result, api *doc.API) bool {
	if !api.Template.Terraform() {
		return res.Content == doc.ContentTemplate
	}
	for _, in := range res.Integrations {
		if in.Shape == doc.ShapeTerraform {
			return false
		}
	}
	_, types := doc.Get(res.File.Root, "resource")
	_, apis := doc.Get(types, api.Template.Type)
	_, body := doc.Get(apis, api.Template.Resource)
	if k, mode := doc.Get(body, "put_rest_api_mode"); k != nil && !strings.EqualFold(literalText(mode), "overwrite") {
		return false
	}
	return true
}

// samCors reports whether SAM adds OPTIONS methods to the API: an
// AWS::Serverless::Api with Cors, or Cors in the Globals of every Api.
func samCors(res *doc.Result, r *doc.Resource) bool {
	if r == nil || r.Type != samAPIType {
		return false
	}
	if k, _ := r.Prop("Cors"); k != nil {
		return true
	}
	_, globals := doc.Get(res.File.Root, "Globals")
	_, api := doc.Get(globals, "Api")
	k, _ := doc.Get(api, "Cors")
	return k != nil
}
