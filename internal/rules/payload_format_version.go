package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkPayloadFormatVersion: in an HTTP API, payloadFormatVersion 2.0 is
// for Lambda proxy integrations only; HTTP_PROXY integrations and AWS
// service integrations (integrationSubtype) take 1.0. A Lambda proxy of a
// document that is certainly an HTTP API states its version: the developer
// guide calls the field required for HTTP APIs, and it decides the event
// the function receives. Values other than 1.0 and 2.0 are enum-value's
// business; REST APIs ignore the field (http-api-only-field).
func checkPayloadFormatVersion(p *Pass) {
	if p.In.Kind() != doc.HTTP {
		return
	}
	t := p.In.Type()
	f := p.In.Field("payloadFormatVersion")
	if f == nil {
		switch {
		case !httpCertain(p.In) || !isLambdaProxy(p.In):
		case p.In.Shape == doc.ShapeV2Terraform:
			// The AWS provider sends 1.0 when the argument is left out.
			p.WithSeverity(Warning).ReportMissing("Lambda proxy integration has no payload_format_version, so the AWS provider sends \"1.0\" (the console's default is \"2.0\"); state the format of the event the function expects and of the response it returns")
		default:
			p.WithSeverity(Warning).ReportMissing("Lambda proxy integration has no payloadFormatVersion, which HTTP APIs require; set \"2.0\" or \"1.0\", the format of the event the function receives and of the response it returns")
		}
		return
	}
	v := f.Val()
	if v.Kind != doc.KindString && v.Kind != doc.KindFloat && v.Kind != doc.KindInt {
		return
	}
	if strings.TrimSpace(v.Text) != "2.0" {
		return
	}
	switch sub, hasSub, _ := subtypeOf(p.In); {
	case t == "HTTP_PROXY":
		p.ReportValue(f, "payloadFormatVersion 2.0 is only for Lambda proxy integrations; HTTP_PROXY integrations take \"1.0\"")
	case t == "AWS_PROXY" && hasSub:
		what := "AWS service integrations (integrationSubtype)"
		if sub != "" {
			what = "AWS service integrations such as " + sub
		}
		p.ReportValue(f, "payloadFormatVersion 2.0 is only for Lambda proxy integrations; %s take \"1.0\"", what)
	}
}
