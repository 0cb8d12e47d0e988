package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkProxyIgnored: proxy integrations pass requests and responses through
// unchanged, so request templates and response mappings on them have no
// effect. What API Gateway's own exports write on proxy integrations
// (responses with a bare statusCode, passthroughBehavior, contentHandling,
// cacheNamespace, cacheKeyParameters) is never reported.
func checkProxyIgnored(p *Pass) {
	t := p.In.Type()
	if !isProxy(t) || p.In.Kind() != doc.REST {
		return
	}
	if f := p.In.Field("requestTemplates"); f != nil && nonEmptyMap(f.Value) {
		p.ReportKey(f, "%s integrations pass the request through unchanged: %s have no effect", t, f.Key.Value)
	}
	for _, r := range p.In.Responses {
		for _, name := range []string{"responseTemplates", "responseParameters"} {
			if f := r.Field(name); f != nil && nonEmptyMap(f.Value) {
				p.ReportKey(f, "%s integrations return the backend's response unchanged: %s have no effect", t, f.Key.Value)
			}
		}
	}
}

func nonEmptyMap(n *doc.Node) bool {
	v := doc.Classify(n)
	return v.Kind == doc.KindMap && len(v.Node.Content) > 0
}
