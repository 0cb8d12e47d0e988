package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// httpVerbs are the integration HTTP methods API Gateway accepts.
var httpVerbs = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"}

// checkBackendHTTPMethod: every REST integration type but MOCK needs the
// verb API Gateway calls the backend with, it must be an HTTP method, and a
// Lambda function is only ever invoked with POST.
func checkBackendHTTPMethod(p *Pass) {
	if p.In.Kind() == doc.HTTP {
		return // HTTP APIs fill it in themselves
	}
	t := p.In.Type()
	key := p.In.KeyName("httpMethod") // integrationHttpMethod in put-integration input
	f := p.In.Field("httpMethod")
	// A WebSocket integration (AWS::ApiGatewayV2::Integration) needs
	// IntegrationMethod only as POST for Lambda: the V2 API reference asks
	// for nothing else, and AWS's own WebSocket samples leave it out.
	if f == nil && p.In.V2 != nil {
		return
	}
	if f == nil {
		if contains(integrationTypes, t) && t != "MOCK" {
			p.ReportMissing("%s integration has no %s, the verb API Gateway calls the backend with; every type but MOCK needs one", t, key)
		}
		return
	}
	text, ok := literal(f)
	if !ok {
		return
	}
	verb := strings.ToUpper(strings.TrimSpace(text))
	if !contains(httpVerbs, verb) {
		msg := "%s %q is not an HTTP method; expected one of %s"
		if s := didYouMean(text, httpVerbs); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		p.ReportValue(f, msg, key, text, oneOf(httpVerbs))
		return
	}
	if isWebSocket(p.In) && isAWSType(t) && verb != "POST" && isLambdaInvocation(p.In) {
		p.ReportValue(f, "%s is %s, but a WebSocket API must call a Lambda integration with POST (V2 API reference, IntegrationMethod)", key, text)
		return
	}
	if isAWSType(t) && verb != "POST" && isLambdaInvocation(p.In) {
		p.Fixed(replaceValue(p.file, f.Value, "POST", "write POST")).ReportValue(f, "%s is %s, but Lambda functions are invoked with POST; API Gateway fails such calls at run time", key, text)
	}
}

// isLambdaInvocation reports whether the integration's uri (a literal or a
// Fn::Sub template) is the Lambda invoke action.
func isLambdaInvocation(in *doc.Integration) bool {
	v := in.Val("uri")
	if !v.IsText() {
		return false
	}
	return strings.Contains(v.Text, ":lambda:path/") && strings.Contains(v.Text, "/functions/")
}
