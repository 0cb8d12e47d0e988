package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkIntegrationType: type is required and one of the IntegrationType
// enum. OpenAPI accepts any letter case (AWS's own exports write
// "aws_proxy"); put-integration and get-integration JSON use the API's
// upper-case values.
func checkIntegrationType(p *Pass) {
	f := p.In.Field("type")
	if f == nil {
		if p.In.V2 != nil && p.In.V2.Update {
			return // update-integration input changes only what it names
		}
		p.ReportMissing("integration has no %s; expected one of %s", p.In.KeyName("type"), oneOf(integrationTypes))
		return
	}
	v := f.Val()
	if v.Kind != doc.KindString {
		return // templates, intrinsics and wrong types are value-type's business
	}
	t := strings.TrimSpace(v.Text)
	if isPlaceholder(t) {
		return
	}
	up := strings.ToUpper(t)
	if !contains(integrationTypes, up) {
		msg := "integration type %q is not valid; expected one of %s"
		if s := didYouMean(t, integrationTypes); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		p.Fixed(choiceFix(p, f, t, integrationTypes)).ReportValue(f, msg, t, oneOf(integrationTypes))
		return
	}
	if p.In.Shape != doc.ShapeOpenAPI && t != up {
		p.Fixed(replaceValue(p.file, f.Value, up, "write "+up)).ReportValue(f, "integration type %q must be upper case in %s: %s", t, shapeWhere(p.In.Shape), up)
	}
}
