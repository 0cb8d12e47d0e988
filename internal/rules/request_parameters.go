package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkRequestParameters: every requestParameters key is an integration
// request target (integration.request.{path|querystring|header}.NAME) and
// every value a mapping expression or a 'quoted' static value. Values
// computed by intrinsics and values of other types are not judged here.
func checkRequestParameters(p *Pass) {
	f := p.In.Field("requestParameters")
	if f == nil || p.In.Kind() == doc.HTTP || doc.Classify(f.Value).Kind != doc.KindMap {
		return
	}
	httpSyntax := false
	doc.Pairs(f.Value, func(k, v *doc.Node) { httpSyntax = httpSyntax || mappingIsHTTPAPI(k, v) })
	if httpSyntax {
		return // HTTP API mappings in a document the loader took for REST
	}
	keyMisuses := []mappingMisuse{
		{"method.request.", "names a method request parameter, which is a mapping source; the key is the integration request target and the value the source, are they swapped?"},
		{"integration.response.", "is a response mapping; requestParameters keys are integration request targets"},
		{"method.response.", "is a response mapping; put it in the responseParameters of an integration response"},
	}
	doc.Pairs(f.Value, func(k, v *doc.Node) {
		ptr := doc.Join(f.Pointer(), k.Value)
		if msg := mappingKeyProblem("request parameter key", mappingIntegrationRequest, k.Value, keyMisuses); msg != "" {
			if strings.HasPrefix(strings.ToLower(k.Value), "integration.request.body") {
				msg = mapQ("request parameter key", k.Value) + " targets the request body, which is not a parameter; shape the body with requestTemplates"
			}
			p.Report(k, ptr, "%s", msg)
		}
		if val := doc.Classify(v); val.Kind == doc.KindString {
			if msg := mappingRequestSource.valueProblem(val.Node, val.Text); msg != "" {
				p.Report(v, ptr, "%s", msg)
			}
		}
	})
}
