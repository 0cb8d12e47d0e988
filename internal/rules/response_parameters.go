package rules

import (
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/mapping"
	yaml "go.yaml.in/yaml/v4"
)

var _ = register("response-parameters", checkResponseParameters)

// checkResponseParameters: in each integration response, every
// responseParameters key is a method response header
// (method.response.header.NAME) and every value reads the integration
// response, a stage or context variable, or is a 'quoted' static value.
func checkResponseParameters(p *Pass) {
	if p.In.Kind() == loader.HTTP {
		return
	}
	for _, r := range p.In.Responses {
		f := r.Field("responseParameters")
		if f == nil || loader.Classify(f.Value).Kind != loader.KindMap {
			continue
		}
		loader.Pairs(f.Value, func(k, v *yaml.Node) {
			ptr := loader.Join(f.Pointer(), k.Value)
			if msg := mappingKeyProblem("response parameter key", mapping.ResponseTarget, k.Value); msg != "" {
				p.Report(k, ptr, "%s", msg)
			}
			if val := loader.Classify(v); val.Kind == loader.KindString {
				if msg := mappingValueProblem(mapping.ResponseSource, val.Node, val.Text); msg != "" {
					p.Report(v, ptr, "%s", msg)
				}
			}
		})
	}
}
