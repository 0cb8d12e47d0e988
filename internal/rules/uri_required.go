package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkURIRequired: every integration type but MOCK needs a uri, private
// (VPC_LINK) integrations included. HTTP API aws_proxy integrations with an
// integrationSubtype call the service named by the subtype and need none.
func checkURIRequired(p *Pass) {
	t := p.In.Type()
	if !isHTTPType(t) && !isAWSType(t) {
		return // MOCK needs no uri; an unknown or misspelled type is integration-type's business
	}
	if p.In.Kind() == doc.HTTP && t == "AWS_PROXY" && p.In.Field("integrationSubtype") != nil {
		return
	}
	f := p.In.Field("uri")
	v := f.Val()
	switch {
	case f == nil:
		p.ReportMissing("integration of type %s has no uri; expected %s", t, expectedURIFor(p, t))
	case v.Kind == doc.KindNull || v.Kind == doc.KindString && strings.TrimSpace(v.Text) == "":
		p.ReportValue(f, "uri of the %s integration is empty; expected %s", t, expectedURIFor(p, t))
	}
}

// expectedURIFor says what the uri of an integration of type t should be.
func expectedURIFor(p *Pass, t string) string {
	vpcLink := strings.EqualFold(strings.TrimSpace(p.In.Val("connectionType").Text), "VPC_LINK")
	switch {
	case p.In.Kind() == doc.HTTP && t == "AWS_PROXY":
		return "a Lambda function ARN, or an integrationSubtype for a service integration"
	case p.In.Kind() == doc.HTTP && vpcLink:
		return "the ARN of a load balancer listener or Cloud Map service"
	case vpcLink:
		return `an http(s) URL naming the load balancer: with VPC_LINK it sets the Host header and TLS server name, and API Gateway rejects a missing one ("Invalid integration URI specified")`
	case isHTTPType(t):
		return "an absolute http(s) URL of the backend"
	}
	return "arn:aws:apigateway:{region}:{service}:path|action/{service_api}, e.g. arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function-arn}/invocations"
}
