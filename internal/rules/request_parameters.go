package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"strings"

	"github.com/apigwlint/apigwlint/internal/mapping"
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
	rest := restCertain(p.In)
	httpSyntax := false
	doc.Pairs(f.Value, func(k, v *doc.Node) { httpSyntax = httpSyntax || mappingIsHTTPAPI(k, v) })
	if httpSyntax && rest == "" {
		return // HTTP API mappings in a document the loader took for REST
	}
	doc.Pairs(f.Value, func(k, v *doc.Node) {
		ptr := func() string { return doc.Join(f.Pointer(), k.Value) } // only for a finding
		if msg := mappingKeyProblem("request parameter key", mapping.RequestTarget, k.Value); msg != "" {
			if strings.HasPrefix(strings.ToLower(k.Value), "integration.request.body") {
				msg = mapQ("request parameter key", k.Value) + " targets the request body, which is not a parameter; shape the body with requestTemplates"
			}
			p.Report(k, ptr(), "%s", msg)
		}
		if val := doc.Classify(v); rest != "" && val.Kind == doc.KindString && strings.HasPrefix(strings.TrimSpace(val.Text), "$") && !strings.HasPrefix(strings.TrimSpace(val.Text), "${") {
			if to := httpToRESTSource(val.Text); to != "" {
				p.Report(v, ptr(), "mapping value %q is HTTP API syntax, but this is a REST API (%s); a REST API reads the same value as %s", val.Text, rest, to)
				return
			}
		}
		if val := doc.Classify(v); val.Kind == doc.KindString {
			if msg := mappingValueProblem(mapping.RequestSource, val.Node, val.Text); msg != "" {
				p.Fixed(staticQuoteFix(p.file, val.Node, val.Text)).Report(v, ptr(), "%s", msg)
			}
		}
	})
}
