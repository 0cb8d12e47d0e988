package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// A reference is unknown like any other, except where what it evaluates to
// has a form the rules must know: a Lambda function's invocation ARN tells
// them the backend is Lambda (POST only, the invoke uri grammar), and a
// function's own ARN in a uri is a classic mistake. Such a reference becomes
// a Terraform template of that form whose holes are the parts Terraform
// fills in, named after the resource so that messages read well.

// lambdaForms maps resource type and attribute to the form of its value;
// {ref} is the resource address (aws_lambda_function.api), {fn} the ARN
// of the function, qualified for an alias.
var lambdaForms = map[string]string{
	"aws_lambda_function.invoke_arn":                    invokeForm,
	"aws_lambda_function.qualified_invoke_arn":          invokeForm,
	"aws_lambda_alias.invoke_arn":                       invokeForm,
	"aws_lambda_function.response_streaming_invoke_arn": streamForm,
	"aws_lambda_alias.response_streaming_invoke_arn":    streamForm,
	"aws_lambda_function.arn":                           functionARN,
	"aws_lambda_function.qualified_arn":                 functionARN + ":${{ref}.version}",
	"aws_lambda_alias.arn":                              functionARN + ":${{ref}.name}",
}

const (
	functionARN = "arn:${partition}:lambda:${region}:${account}:function:${{ref}.function_name}"
	invokeForm  = "arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${{ref}.arn}/invocations"
	streamForm  = "arn:${partition}:apigateway:${region}:lambda:path/2021-11-15/functions/${{ref}.arn}/response-streaming-invocations"
)

// knownReference returns the template a reference stands for, when its
// meaning is certain: aws_lambda_function.NAME.invoke_arn (also with an
// index, or as a data source) and the others of lambdaForms.
func knownReference(t hcl.Traversal, src string) (string, bool) {
	steps := make([]string, 0, len(t))
	for i, s := range t {
		switch s := s.(type) {
		case hcl.TraverseRoot:
			steps = append(steps, s.Name)
		case hcl.TraverseAttr:
			steps = append(steps, s.Name)
		case hcl.TraverseIndex:
			if i != 2 && !(i == 3 && len(steps) > 0 && steps[0] == "data") {
				return "", false // only the instance of a counted resource is indexed
			}
		default:
			return "", false
		}
	}
	if len(steps) > 0 && steps[0] == "data" {
		steps = steps[1:]
	}
	if len(steps) != 3 {
		return "", false
	}
	form, ok := lambdaForms[steps[0]+"."+steps[2]]
	if !ok {
		return "", false
	}
	ref := strings.TrimSpace(src)
	if i := strings.LastIndexByte(ref, '.'); i > 0 {
		ref = ref[:i] // the resource, without the attribute
	}
	if strings.ContainsAny(ref, "${}\n") {
		return "", false
	}
	return strings.ReplaceAll(form, "{ref}", ref), true
}
