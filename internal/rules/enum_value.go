package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// enumField is a field whose value is one of a fixed set.
type enumField struct {
	values []string
	// modelEnum: the API validates the value against an enum, so CLI JSON
	// must use the exact upper-case spelling. passthroughBehavior is a plain
	// string in the model, and exports write it in lower case; the AWS
	// provider for Terraform validates it in upper case like the others.
	modelEnum bool
	// caseNote: a non-canonical letter case in OpenAPI gets a note, since
	// only upper case appears in AWS's documents and exports.
	caseNote bool
}

var enumFields = map[string]enumField{
	"passthroughBehavior":  {values: []string{"WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER"}},
	"connectionType":       {values: []string{"INTERNET", "VPC_LINK"}, modelEnum: true, caseNote: true},
	"contentHandling":      {values: []string{"CONVERT_TO_BINARY", "CONVERT_TO_TEXT"}, modelEnum: true, caseNote: true},
	"responseTransferMode": {values: []string{"BUFFERED", "STREAM"}, modelEnum: true, caseNote: true},
}

// checkEnumValues: enumerated fields of the integration and of each
// integration response hold one of their values.
func checkEnumValues(p *Pass) {
	for _, name := range []string{"passthroughBehavior", "connectionType", "contentHandling", "responseTransferMode"} {
		checkEnum(p, p.In.Field(name), name)
	}
	for _, r := range p.In.Responses {
		checkEnum(p, r.Field("contentHandling"), "contentHandling")
	}
	if f := p.In.Field("payloadFormatVersion"); f != nil {
		v := f.Val()
		if (v.Kind == doc.KindString || v.Kind == doc.KindFloat || v.Kind == doc.KindInt) && !isPlaceholder(v.Text) {
			if t := strings.TrimSpace(v.Text); t != "1.0" && t != "2.0" {
				p.ReportValue(f, "payloadFormatVersion %q is not valid; expected \"1.0\" or \"2.0\"", t)
			}
		}
	}
}

func checkEnum(p *Pass, f *doc.Field, name string) {
	text, ok := literal(f)
	if !ok {
		return
	}
	spec := enumFields[name]
	t := strings.TrimSpace(text)
	up := strings.ToUpper(t)
	if !contains(spec.values, up) {
		msg := "%s %q is not valid; expected %s"
		if s := didYouMean(t, spec.values); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		p.Fixed(choiceFix(p, f, t, spec.values)).ReportValue(f, msg, f.Key.Value, t, oneOf(spec.values))
		return
	}
	if t == up {
		return
	}
	switch {
	case p.In.Shape != doc.ShapeOpenAPI && spec.modelEnum, p.In.Shape.Terraform():
		p.Fixed(replaceValue(p.file, f.Value, up, "write "+up)).ReportValue(f, "%s %q must be upper case in %s: %s", f.Key.Value, t, shapeWhere(p.In.Shape), up)
	case p.In.Shape == doc.ShapeCloudFormation:
		p.WithSeverity(Warning).Fixed(replaceValue(p.file, f.Value, up, "write "+up)).ReportValue(f, "%s %q: the CloudFormation schema of AWS::ApiGateway::Method lists only the upper-case %s", f.Key.Value, t, up)
	case p.In.Shape != doc.ShapeOpenAPI:
		p.WithSeverity(Note).ReportValue(f, "%s %q is written in upper case by the API: %s", f.Key.Value, t, up)
	case spec.caseNote:
		p.WithSeverity(Note).ReportValue(f, "%s %q: AWS documents and exports only the upper-case %s; use it to be safe", f.Key.Value, t, up)
	}
}
