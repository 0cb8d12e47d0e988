package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strconv"
	"strings"
)

// checkHTTPAPIURI: in an HTTP API, the uri of a private integration
// (HTTP_PROXY with connectionType VPC_LINK) is the ARN of an ALB or NLB
// listener or of a Cloud Map service, and the uri of a Lambda proxy
// (AWS_PROXY without integrationSubtype) is the function's ARN or its
// invocation URI. The uri of a public HTTP_PROXY (an http(s) URL) is
// http-uri's business. Only literal parts are judged: a part filled in by
// Fn::Sub, a stage variable or another tool is unknown.
func checkHTTPAPIURI(p *Pass) {
	if !httpCertain(p.In) {
		return
	}
	f := p.In.Field("uri")
	v := f.Val()
	if !v.IsText() || isPlaceholder(v.Text) {
		return
	}
	text := strings.TrimSpace(v.Text)
	t := p.In.Type()
	ct := p.In.Val("connectionType")
	switch {
	case t == "HTTP_PROXY" && ct.Kind == doc.KindString && strings.EqualFold(strings.TrimSpace(ct.Text), "VPC_LINK"):
		if msg := privateURIProblem(text); msg != "" {
			p.ReportValue(f, "%s", msg)
		}
	case t == "AWS_PROXY" && isLambdaProxy(p.In):
		if msg := lambdaProxyURIProblem(text); msg != "" {
			p.ReportValue(f, "%s", msg)
		}
	}
}

// arnFields splits an ARN into partition, service, region, account and
// resource, with each ${...} of a template kept as written. ok is false for
// text that is not an ARN.
func arnFields(text string) (f [5]string, ok bool) {
	rest, found := strings.CutPrefix(text, "arn:")
	if !found {
		return f, false
	}
	// Cut on ":" outside ${...}.
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(rest); i++ {
		switch {
		case strings.HasPrefix(rest[i:], "${"):
			depth++
		case rest[i] == '}' && depth > 0:
			depth--
		case rest[i] == ':' && depth == 0 && len(parts) < 4:
			parts = append(parts, rest[start:i])
			start = i + 1
		}
	}
	parts = append(parts, rest[start:])
	if len(parts) != 5 {
		return f, false
	}
	copy(f[:], parts)
	return f, true
}

// holey reports whether part of a uri is filled in later.
func holey(s string) bool { return strings.Contains(s, "${") || strings.Contains(s, "{{") }

func isURL(text string) bool {
	l := strings.ToLower(text)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// privateURIProblem judges the uri of an HTTP API private integration.
func privateURIProblem(text string) string {
	const want = "the ARN of an ALB or NLB listener (arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app|net/NAME/ID/LISTENER_ID) or of a Cloud Map service (arn:aws:servicediscovery:REGION:ACCOUNT:service/srv-ID)"
	if isURL(text) {
		return "uri " + strconv.Quote(text) + " is a URL, but an HTTP API private integration (connectionType VPC_LINK) calls " + want + "; the URL form is for REST API VPC links"
	}
	f, ok := arnFields(text)
	if !ok || holey(f[1]) {
		return ""
	}
	res := f[4]
	switch f[1] {
	case "elasticloadbalancing":
		switch {
		case holey(res) || strings.HasPrefix(res, "listener/"):
			return ""
		case strings.HasPrefix(res, "loadbalancer/"):
			return "uri " + strconv.Quote(text) + " is a load balancer ARN; an HTTP API private integration calls one of its listeners: " + want
		}
		return "uri " + strconv.Quote(text) + " is not a listener ARN; an HTTP API private integration calls " + want
	case "servicediscovery":
		if holey(res) || strings.HasPrefix(res, "service/") {
			return ""
		}
		return "uri " + strconv.Quote(text) + " is not a Cloud Map service ARN; an HTTP API private integration calls " + want
	}
	return "uri " + strconv.Quote(text) + " is an ARN of " + f[1] + "; an HTTP API private integration calls " + want
}

// lambdaProxyURIProblem judges the uri of an HTTP API Lambda proxy.
func lambdaProxyURIProblem(text string) string {
	const want = "a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME) or its invocation URI (arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations)"
	if isURL(text) {
		return "uri " + strconv.Quote(text) + " is a URL, but an HTTP API AWS_PROXY integration invokes " + want + "; an HTTP backend is an HTTP_PROXY integration"
	}
	f, ok := arnFields(text)
	if !ok || holey(f[1]) {
		return ""
	}
	switch f[1] {
	case "lambda":
		if holey(f[4]) || strings.HasPrefix(f[4], "function:") {
			return ""
		}
		return "uri " + strconv.Quote(text) + " is not a Lambda function ARN; an HTTP API AWS_PROXY integration invokes " + want
	case "apigateway":
		svc := f[3] // arn:PARTITION:apigateway:REGION:SERVICE:path|action/...
		if i := strings.LastIndexByte(svc, '.'); i >= 0 {
			svc = svc[i+1:] // a subdomain.service form
		}
		if holey(svc) || svc == "lambda" {
			return "" // the invocation URI; aws-uri's grammar does not apply to HTTP APIs
		}
		return "uri " + strconv.Quote(text) + " calls " + svc + " through API Gateway, but an HTTP API AWS_PROXY integration without integrationSubtype only invokes Lambda; call SQS, EventBridge, Kinesis, Step Functions or AppConfig with an integrationSubtype"
	}
	return "uri " + strconv.Quote(text) + " is an ARN of " + f[1] + ", but an HTTP API AWS_PROXY integration without integrationSubtype invokes " + want
}
