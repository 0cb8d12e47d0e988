package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkCLIParameters: put-integration input names the method it integrates:
// restApiId, resourceId and httpMethod (the method's own verb) are required
// by the CLI before any request is sent.
func checkCLIParameters(p *Pass) {
	if p.In.Shape != doc.ShapePutIntegration {
		return
	}
	for _, name := range []string{"restApiId", "resourceId"} {
		f := p.In.Field(name)
		if f == nil {
			p.ReportMissing("put-integration input has no %s; the AWS CLI requires it", name)
		} else if emptyValue(f) {
			p.ReportValue(f, "%s is empty; the AWS CLI requires it", name)
		}
	}
	f := p.In.Field("methodHttpMethod")
	if f == nil {
		p.ReportMissing("put-integration input has no httpMethod (the verb of the method being integrated); the AWS CLI requires it")
		return
	}
	text, ok := literal(f)
	if !ok {
		return
	}
	if verb := strings.ToUpper(strings.TrimSpace(text)); !contains(httpVerbs, verb) {
		p.ReportValue(f, "httpMethod %q is not the verb of a method; expected one of %s", text, oneOf(httpVerbs))
	}
}
