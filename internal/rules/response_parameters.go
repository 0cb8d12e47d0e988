package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"github.com/apigwlint/apigwlint/internal/mapping"
)

// checkResponseParameters: in each integration response, every
// responseParameters key is a method response header
// (method.response.header.NAME) and every value reads the integration
// response, a stage or context variable, or is a 'quoted' static value.
func checkResponseParameters(p *Pass) {
	if p.In.Kind() == doc.HTTP {
		return
	}
	for _, r := range p.In.Responses {
		f := r.Field("responseParameters")
		if f == nil || doc.Classify(f.Value).Kind != doc.KindMap {
			continue
		}
		doc.Pairs(f.Value, func(k, v *doc.Node) {
			ptr := func() string { return doc.Join(f.Pointer(), k.Value) } // only for a finding
			if msg := mappingKeyProblem("response parameter key", mapping.ResponseTarget, k.Value); msg != "" {
				p.Report(k, ptr(), "%s", msg)
			}
			if val := doc.Classify(v); val.Kind == doc.KindString {
				if msg := mappingValueProblem(mapping.ResponseSource, val.Node, val.Text); msg != "" {
					p.Fixed(staticQuoteFix(p.file, val.Node, val.Text)).Report(v, ptr(), "%s", msg)
				}
			}
		})
	}
}
