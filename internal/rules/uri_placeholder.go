package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/internal/integrationuri"
)

// checkURIPlaceholder: a ${...} in a plain-string uri reaches API Gateway
// as written, unless it is a stage variable (filled per request) or one of
// the import-time variables ${AWS::Region}, ${AWS::Partition} and
// ${AWS::AccountId}. Inside a CloudFormation or SAM template nothing fills
// it (Fn::Sub would), so the import fails: an error. In a standalone
// OpenAPI file another step may fill it (Fn::Transform AWS::Include, a
// templating tool): a note that it must be resolved before import. A uri
// that is one whole placeholder is another tool's value, and Fn::Sub
// templates are CloudFormation's: neither is judged. The Uri of an
// AWS::ApiGateway::Method is never imported, so there the import-time
// variables are placeholders like any other; nor is the uri of a Terraform
// aws_api_gateway_integration. In Terraform a plain string holds a ${...}
// only when written $${ (Terraform's escape for a literal ${): nothing
// fills it in, an error.
func checkURIPlaceholder(p *Pass) {
	if p.In.Type() == "MOCK" {
		return // API Gateway does not use the uri of a mock integration
	}
	f := p.In.Field("uri")
	v := f.Val()
	if v.Kind != doc.KindString {
		return
	}
	t := integrationuri.Parse(strings.TrimSpace(v.Text), false)
	if len(t) == 1 && t[0].Hole != integrationuri.NoHole || isPlaceholder(v.Text) && !strings.HasPrefix(strings.TrimSpace(v.Text), "${") {
		// One whole placeholder: another tool's value. (isPlaceholder also
		// takes "${uri}/{id}" for one, which is a partial placeholder.)
		return
	}
	var names []string
	seen := map[string]bool{}
	method := p.In.Shape == doc.ShapeCloudFormation || p.In.Shape == doc.ShapeTerraform
	for _, pc := range t {
		if (pc.Hole == integrationuri.HoleOther || method && pc.Hole == integrationuri.HoleImportVar) && !seen[pc.Text] {
			seen[pc.Text] = true
			names = append(names, pc.Text)
		}
	}
	if len(names) == 0 {
		return
	}
	what := fmt.Sprintf("placeholder %s", uriQuoteList(names))
	if len(names) > 1 {
		what = fmt.Sprintf("placeholders %s", uriQuoteList(names))
	}
	hint := ""
	for _, n := range names {
		if strings.HasPrefix(n, "${AWS::") && !method {
			hint = " (import resolves only ${AWS::Region}, ${AWS::Partition} and ${AWS::AccountId})"
			break
		}
	}
	if p.In.Terraform() {
		p.ReportValue(f, "%s has %s%s: $${ is Terraform's escape for a literal ${, so it reaches API Gateway as written and nothing fills it in; write ${...} for Terraform to interpolate",
			f.Key.Value, what, hint)
		return
	}
	if p.In.Embedded() {
		fails := ""
		switch {
		case isHTTPType(p.In.Type()):
		case method:
			fails = ` and the method is not created ("Invalid ARN specified in the request")`
		default:
			fails = ` and the import fails ("Invalid ARN specified in the request")`
		}
		p.ReportValue(f, "%s has %s%s, which CloudFormation fills only under Fn::Sub; as a plain string it reaches API Gateway as written%s; write the %s with !Sub",
			f.Key.Value, what, hint, fails, f.Key.Value)
		return
	}
	p.WithSeverity(Note).ReportValue(f, "uri has %s%s, which API Gateway does not resolve on import; it must be filled in before import (Fn::Transform AWS::Include or a templating tool)",
		what, hint)
}
