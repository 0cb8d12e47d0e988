package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// integrationsPrefix is where HTTP APIs keep reusable integrations.
const integrationsPrefix = "#/components/x-amazon-apigateway-integrations/"

// checkIntegrationRef: an x-amazon-apigateway-integration written as a $ref
// points to an entry of components.x-amazon-apigateway-integrations in the
// same document. One that resolves to nothing leaves the route without an
// integration; the import reads no other file.
func checkIntegrationRef(p *DocPass) {
	for _, r := range p.API.IntegrationRefs {
		v := doc.Classify(r.Value)
		if v.Kind != doc.KindString || isPlaceholder(v.Text) {
			continue // computed, or another tool's placeholder
		}
		ref := strings.TrimSpace(v.Text)
		switch {
		case r.Target == nil && !strings.HasPrefix(ref, "#/"):
			p.Report(r.Value, r.Pointer, "integration $ref %q points outside the document; API Gateway imports one document and resolves only refs inside it, such as %sNAME", ref, integrationsPrefix)
		case r.Target == nil:
			msg := "integration $ref %q points to nothing in the document, so the route has no integration; define it under components.x-amazon-apigateway-integrations"
			if name, ok := strings.CutPrefix(ref, integrationsPrefix); ok {
				if s := didYouMean(name, reusableIntegrations(p.API)); s != "" {
					msg += " (did you mean " + integrationsPrefix + s + "?)"
				}
			}
			p.Report(r.Value, r.Pointer, msg, ref)
		case !strings.HasPrefix(ref, integrationsPrefix):
			p.WithSeverity(Warning).Report(r.Value, r.Pointer, "integration $ref %q points outside components.x-amazon-apigateway-integrations, where API Gateway looks for reusable integrations", ref)
		}
	}
}

// reusableIntegrations lists the names under
// components.x-amazon-apigateway-integrations.
func reusableIntegrations(api *doc.API) []string {
	_, comps := doc.Get(api.Root, "components")
	_, ints := doc.Get(comps, "x-amazon-apigateway-integrations")
	var out []string
	doc.Pairs(ints, func(k, _ *doc.Node) { out = append(out, k.Value) })
	return out
}
