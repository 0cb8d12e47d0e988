package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strconv"
	"strings"
)

// checkHTTPAPIOnlyField: integrationSubtype, payloadFormatVersion and
// tlsConfig.serverNameToVerify exist only in HTTP APIs. In a document that
// is explicitly a REST API (the body of an AWS::ApiGateway::RestApi or
// AWS::Serverless::Api, or Swagger 2.0, which HTTP APIs do not import) they
// are ignored, which is never what their author meant. The integration-level
// responseParameters of HTTP APIs is unknown-field's business.
func checkHTTPAPIOnlyField(p *Pass) {
	why := restExplicit(p.In.API)
	if why == "" || p.In.Shape != doc.ShapeOpenAPI {
		return
	}
	if f := p.In.Field("integrationSubtype"); f != nil {
		p.ReportKey(f, "integrationSubtype is an HTTP API field, which a REST API ignores (%s); a REST API calls an AWS service with type AWS, a uri such as arn:aws:apigateway:REGION:sqs:path/ACCOUNT/QUEUE and a mapping template", why)
	}
	if f := p.In.Field("payloadFormatVersion"); f != nil {
		lambda := ""
		if p.In.Type() == "AWS_PROXY" {
			lambda = "; a REST Lambda proxy always receives the 1.0 event format"
		}
		// "1.0" asks for what a REST API does anyway (its Lambda proxy event
		// is the 1.0 format): harmless, so a note. Any other value asks for
		// something the REST API will not do.
		r := p
		if v := f.Val(); v.Known() && v.Kind != doc.KindMap && v.Kind != doc.KindSeq {
			if n, err := strconv.ParseFloat(strings.TrimSpace(v.Text), 64); err == nil && n == 1 {
				r = p.WithSeverity(Note)
			}
		}
		r.ReportKey(f, "payloadFormatVersion is an HTTP API field, which a REST API ignores (%s)%s", why, lambda)
	}
	if tls := p.In.Field("tlsConfig"); tls != nil {
		if k, v := doc.Get(tls.Value, "serverNameToVerify"); k != nil {
			f := &doc.Field{Name: "serverNameToVerify", Known: true, Key: k, Value: v, Parent: tls.Pointer()}
			p.ReportKey(f, "tlsConfig.serverNameToVerify is an HTTP API field, which a REST API ignores (%s); a REST private integration verifies the name in its uri", why)
		}
	}
}
