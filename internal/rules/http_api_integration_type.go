package rules

// checkHTTPAPIIntegrationType: an HTTP API integration is AWS_PROXY (a
// Lambda function, or an AWS service through integrationSubtype) or
// HTTP_PROXY; the import warns about any other type. Only documents that
// are certainly HTTP APIs are judged: REST documents carrying a field copied
// from an HTTP API example exist, and their AWS, HTTP and MOCK integrations
// are fine.
func checkHTTPAPIIntegrationType(p *Pass) {
	if !httpCertain(p.In) {
		return
	}
	t := p.In.Type()
	if t == "" || isProxy(t) || !contains(integrationTypes, t) {
		return // absent or misspelled: integration-type's business
	}
	f := p.In.Field("type")
	hint := "an HTTP backend is HTTP_PROXY, a Lambda function AWS_PROXY"
	switch t {
	case "AWS":
		hint = "a Lambda function is AWS_PROXY, and SQS, EventBridge, Kinesis, Step Functions and AppConfig actions are AWS_PROXY with an integrationSubtype"
	case "MOCK":
		hint = "HTTP APIs have no mock integrations"
	}
	if p.In.V2 != nil { // an AWS::ApiGatewayV2::Integration: no import
		p.ReportValue(f, "HTTP APIs support only AWS_PROXY and HTTP_PROXY integrations, not %s%s; %s", t, v2Why(p.In), hint)
		return
	}
	p.ReportValue(f, "HTTP APIs support only AWS_PROXY and HTTP_PROXY integrations, not %s; the import reports a warning (and fails with fail-on-warnings); %s", t, hint)
}
