package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"
)

// httpVerbs are the integration HTTP methods API Gateway accepts.
var httpVerbs = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"}

// checkBackendHTTPMethod: every REST integration type but MOCK needs the
// verb API Gateway calls the backend with, it must be an HTTP method, and a
// Lambda function is only ever invoked with POST.
func checkBackendHTTPMethod(p *Pass) {
	if p.In.Kind() == doc.HTTP {
		checkHTTPAPILambdaMethod(p) // HTTP APIs fill it in themselves when absent
		return
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
	if !isAWSType(t) || verb == "POST" {
		return
	}
	post := replaceValue(p.file, f.Value, "POST", "write POST")
	switch {
	case isWebSocket(p.In) && isLambdaInvocation(p.In):
		p.Fixed(post).ReportValue(f, "%s is %s, but a WebSocket API must call a Lambda integration with POST (V2 API reference, IntegrationMethod)", key, text)
	case isLambdaInvocation(p.In):
		p.Fixed(post).ReportValue(f, "%s is %s, but Lambda functions are invoked with POST; API Gateway fails such calls at run time", key, text)
	case isLambdaFunctionARN(p.In):
		// No fix: the uri must change as well.
		// aws-uri reports the uri; say that the verb is wrong too, so that
		// fixing one does not leave the other.
		p.ReportValue(f, "%s is %s, but the uri names a Lambda function, which is invoked with POST; fix both: the verb POST and the uri in the invoke form %s", key, text, lambdaURIForm)
	}
}

// checkHTTPAPILambdaMethod: an HTTP API AWS_PROXY integration without an
// integrationSubtype always invokes a Lambda function, whatever its uri
// looks like (a placeholder, a stage variable, an intrinsic), so an
// httpMethod, when given, is POST.
func checkHTTPAPILambdaMethod(p *Pass) {
	f := p.In.Field("httpMethod")
	if f == nil || !isLambdaProxy(p.In) || isFirehoseURI(p.In) {
		return
	}
	text, ok := literal(f)
	if !ok {
		return
	}
	if verb := strings.ToUpper(strings.TrimSpace(text)); contains(httpVerbs, verb) && verb != "POST" {
		p.Fixed(replaceValue(p.file, f.Value, "POST", "write POST")).ReportValue(f, "%s is %s, but an HTTP API AWS_PROXY integration without integrationSubtype invokes a Lambda function, which is invoked with POST; write POST (or leave %s out)", p.In.KeyName("httpMethod"), text, p.In.KeyName("httpMethod"))
	}
}

// lambdaFunctionARN is a bare Lambda function ARN, ${...} parts allowed.
var lambdaFunctionARN = lazyre.New(`^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:/]+(:[^:/]+)?$`)

// isLambdaFunctionARN reports whether the integration's uri is a bare Lambda
// function ARN (not the invoke ARN an AWS integration needs).
func isLambdaFunctionARN(in *doc.Integration) bool {
	v := in.Val("uri")
	return v.IsText() && lambdaFunctionARN().MatchString(replaceAll(strings.TrimSpace(v.Text), nextDollarVar, "VAR", false))
}

// isFirehoseURI reports whether the uri visibly names Firehose, the one
// other target AWS's error text names for AWS_PROXY.
func isFirehoseURI(in *doc.Integration) bool {
	v := in.Val("uri")
	return v.IsText() && strings.Contains(v.Text, ":firehose:")
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
