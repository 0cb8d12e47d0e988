package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkResponseParameters: in each integration response, every
// responseParameters key is a method response header
// (method.response.header.NAME) and every value reads the integration
// response, a stage or context variable, or is a 'quoted' static value.
func checkResponseParameters(p *Pass) {
	if p.In.Kind() == doc.HTTP {
		return
	}
	keyMisuses := []mappingMisuse{
		{"gatewayresponse.", "belongs to gateway responses (x-amazon-apigateway-gateway-responses); an integration response maps method.response.header.NAME"},
		{"integration.response.", "names an integration response header, which is a mapping source; the key is the method response header and the value the source, are they swapped?"},
		{"method.request.", "is a request mapping; integration responses map method.response.header.NAME"},
		{"integration.request.", "is a request mapping; put it in the integration's requestParameters"},
	}
	for _, r := range p.In.Responses {
		f := r.Field("responseParameters")
		if f == nil || doc.Classify(f.Value).Kind != doc.KindMap {
			continue
		}
		doc.Pairs(f.Value, func(k, v *doc.Node) {
			ptr := doc.Join(f.Pointer(), k.Value)
			if msg := mappingKeyProblem("response parameter key", mappingMethodResponse, k.Value, keyMisuses); msg != "" {
				p.Report(k, ptr, "%s", msg)
			}
			if val := doc.Classify(v); val.Kind == doc.KindString {
				if msg := mappingResponseSource.valueProblem(val.Node, val.Text); msg != "" {
					p.Report(v, ptr, "%s", msg)
				}
			}
		})
	}
}
