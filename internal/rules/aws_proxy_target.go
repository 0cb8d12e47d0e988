package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
)

// apigatewayService reads the service of an AWS integration uri:
// arn:PARTITION:apigateway:REGION:SERVICE:path|action/...
var apigatewayService = lazyre.New(`^arn:[^:]*:apigateway:[^:]*:(?:[a-z0-9-]+\.)?([A-Za-z0-9-]+):(?:path|action)/`)

// checkAWSProxyTarget: a REST AWS_PROXY integration invokes a Lambda
// function (or, by AWS's own error text, a Firehose stream); every other AWS
// service needs type AWS with mapping templates.
func checkAWSProxyTarget(p *Pass) {
	if p.In.Kind() != doc.REST || p.In.Type() != "AWS_PROXY" {
		return
	}
	f := p.In.Field("uri")
	v := f.Val()
	if !v.IsText() {
		return
	}
	m := apigatewayService().FindStringSubmatch(replaceAll(v.Text, nextDollarVar, "VAR", false))
	if m == nil {
		return // not an API Gateway service ARN: aws-uri judges it
	}
	switch m[1] {
	case "lambda", "firehose":
		return
	}
	p.ReportValue(f, "AWS_PROXY integrations only invoke Lambda functions, not %s; use type AWS with a mapping template (API Gateway: \"Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations\")", m[1])
}
