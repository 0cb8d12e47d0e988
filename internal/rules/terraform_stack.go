package rules

import (
	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// The whole-stack rules on a Terraform module: the Terraform front-end
// reads every file of the module and gives what they settle together
// (doc.TerraformModule, nil when the module is not seen whole or a module
// block may add integrations or permissions). Each finding is reported in
// the file that holds what it points at: the method, the integration's
// uri, the permission's source_arn.

const (
	tfRestAPI = "aws_api_gateway_rest_api"
	tfV2API   = "aws_apigatewayv2_api"
)

// checkTerraformMethods reports the aws_api_gateway_method resources of
// the file that no aws_api_gateway_integration of the module belongs to.
func checkTerraformMethods(p *FilePass) {
	m := p.Result.TerraformModule
	if m == nil {
		return
	}
	for _, o := range m.Orphans {
		p.Report(o.Label, o.Pointer, "%s (%s) has no aws_api_gateway_integration in this module with its rest_api_id, resource_id and http_method; API Gateway refuses to deploy the API (No integration defined for method): add one (type = \"MOCK\" for a method API Gateway answers itself)", o.Resource, o.Method)
	}
}

// tfInvocationHere returns the integration of the file an invocation is,
// and its uri; nil when the file does not hold it.
func tfInvocationHere(res *doc.Result, inv *doc.LambdaInvocation) (*doc.Integration, *doc.Field) {
	if inv.Pointer == "" {
		return nil, nil
	}
	for _, in := range res.Integrations {
		if in.Shape.Terraform() && in.Pointer == inv.Pointer {
			if uri := in.Field("uri"); uri != nil {
				return in, uri
			}
		}
	}
	return nil, nil
}

// credentialsArg is the argument that gives an integration a role.
func credentialsArg(inv *doc.LambdaInvocation) string {
	if inv.REST {
		return "credentials"
	}
	return "credentials_arn"
}

// checkTerraformLambdaPermission reports the integrations of the file that
// invoke a Lambda function of the module without credentials when no
// aws_lambda_permission of the module lets API Gateway invoke it.
func checkTerraformLambdaPermission(p *FilePass) {
	m := p.Result.TerraformModule
	if m == nil || m.Lambda == nil {
		return
	}
	for _, inv := range m.Lambda.Invocations {
		if len(m.Lambda.Permissions[inv.Function]) > 0 {
			continue
		}
		in, uri := tfInvocationHere(p.Result, inv)
		if in == nil {
			continue
		}
		p.Report(uri.Value, uri.Pointer(), "%s invokes the Lambda function %s of this module without %s, and no aws_lambda_permission of the module with principal \"apigateway.amazonaws.com\" names it in its function_name: every call fails with 500 (Invalid permissions on Lambda function); add the permission (action \"lambda:InvokeFunction\", function_name = %s.function_name), or %s with a role that may invoke it", inv.Resource, inv.Function, credentialsArg(inv), inv.Function, credentialsArg(inv))
	}
}

// checkTerraformSourceArn reports, at the source_arn of the first of them,
// the permissions for API Gateway of a function that an integration of
// the module invokes without credentials when none of them can match the
// integration's source ARN.
func checkTerraformSourceArn(p *FilePass) {
	m := p.Result.TerraformModule
	if m == nil || m.Lambda == nil {
		return
	}
	for _, inv := range m.Lambda.Invocations {
		perms := m.Lambda.Permissions[inv.Function]
		if len(perms) == 0 || !perms[0].Here || perms[0].SourceArn == nil {
			continue
		}
		subj := sourceSubject{api: inv.API, rest: inv.REST, method: inv.Method, path: inv.Path}
		excluded := true
		why := ""
		for i, perm := range perms {
			if !perm.HasSourceArn {
				excluded = false
				break
			}
			ok, reason := subj.mayMatch(terraformPattern(perm.Pattern))
			if ok {
				excluded = false
				break
			}
			if i == 0 {
				why = reason
			}
		}
		if !excluded {
			continue
		}
		first := perms[0]
		others := ""
		switch n := len(perms) - 1; {
		case n == 1:
			others = fmt.Sprintf(", nor can the other permission for %s", inv.Function)
		case n > 1:
			others = fmt.Sprintf(", nor can the other %d permissions for %s", n, inv.Function)
		}
		api := inv.API
		if api == "" {
			api = tfRestAPI + ".API"
			if !inv.REST {
				api = tfV2API + ".API"
			}
		}
		exec := "${" + api + ".execution_arn}"
		p.Report(first.SourceArn, doc.Join(first.Pointer, "source_arn"), "the source_arn of %s cannot match %s (%s), which invokes the Lambda function %s without %s (%s%s): every call fails with 500 (Invalid permissions on Lambda function); give it a source_arn such as %s", first.Resource, inv.Resource, subj.describe(), inv.Function, credentialsArg(inv), why, others, subj.suggestFrom(exec, exec))
	}
}

// terraformPattern reads the source_arn of an aws_lambda_permission into
// pattern symbols: the execution_arn of an API of the module is
// arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID, its id API_ID, and any
// other reference or computed part matches anything. nil (a source_arn
// the module does not settle) matches anything.
func terraformPattern(parts []doc.ArnPart) []psym {
	if parts == nil {
		return nil
	}
	var out []psym
	for _, part := range parts {
		if part.Ref == "" {
			if part.Text == "" {
				out = append(out, psym{kind: pStar})
			}
			out = litSyms(out, part.Text)
			continue
		}
		i := strings.LastIndexByte(part.Ref, '.')
		addr, attr := part.Ref[:i], part.Ref[i+1:]
		typ, _, _ := strings.Cut(addr, ".")
		if typ != tfRestAPI && typ != tfV2API {
			out = append(out, psym{kind: pStar})
			continue
		}
		switch attr {
		case "execution_arn":
			out = litSyms(out, "arn:")
			out = append(out, psym{kind: pStar})
			out = litSyms(out, ":execute-api:")
			out = append(out, psym{kind: pStar})
			out = litSyms(out, ":")
			out = append(out, psym{kind: pStar})
			out = litSyms(out, ":")
			out = append(out, psym{kind: pAPI, api: addr})
		case "id":
			out = append(out, psym{kind: pAPI, api: addr})
		default:
			out = append(out, psym{kind: pStar})
		}
	}
	return out
}
