package rules

import (
	"fmt"
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// httpAPIOnly are integration fields that only HTTP APIs define.
var httpAPIOnly = map[string]bool{"integrationSubtype": true, "payloadFormatVersion": true, "responseParameters": true}

// checkUnknownFields: every key is one the shape defines. The AWS CLI
// rejects unknown parameters; in OpenAPI an unknown key is ignored, which
// almost always means a typo or a field put at the wrong level.
func checkUnknownFields(p *Pass) {
	in := p.In
	var spec map[string]string
	var sev Severity
	switch in.Shape {
	case doc.ShapeOpenAPI:
		spec, sev = doc.OpenAPIFields, Warning
	case doc.ShapePutIntegration:
		spec, sev = doc.PutIntegrationFields, Error
	case doc.ShapeGetIntegration:
		spec, sev = doc.GetIntegrationFields, Note
	case doc.ShapeCloudFormation:
		spec, sev = doc.CloudFormationFields, Error
	case doc.ShapeTerraform:
		spec, sev = doc.TerraformFields, Error
	case doc.ShapeV2CloudFormation:
		spec, sev = doc.V2CloudFormationFields, Error
	case doc.ShapeV2Terraform:
		spec, sev = doc.TerraformV2Fields, Error
	case doc.ShapeV2JSON:
		// Input is rejected by the CLI, but get-integration output may
		// carry members newer than this list: a warning.
		spec, sev = doc.V2JSONFields, Warning
	}
	// The pass with the shape's severity and the candidate names are only
	// made when there is something to report.
	var q *Pass
	var candidates []string
	report := func(f *doc.Field, msg func() string, fix ...*Fix) {
		if q == nil {
			q, candidates = p.WithSeverity(sev), keysOf(spec)
		}
		if len(fix) > 0 {
			q.Fixed(fix[0]).ReportKey(f, "%s", msg())
			return
		}
		q.ReportKey(f, "%s", msg())
	}
	// rename is the fix of a misspelt key: the one close name, when the
	// mapping does not hold it already.
	rename := func(f *doc.Field, mapping *doc.Node, names []string) *Fix {
		to := uniqueMatch(f.Key.Value, names)
		if alt, ok := otherShapeNames[strings.ToLower(f.Key.Value)]; ok && in.Shape == doc.ShapeOpenAPI && mapping == in.Node {
			to = alt
		}
		if k, _ := doc.Get(mapping, to); to == "" || k != nil {
			return nil
		}
		return renameKey(p.file, f.Key, to, "rename "+f.Key.Value+" to "+to)
	}
	for _, f := range in.All {
		switch {
		case !f.Known:
			if strings.HasPrefix(f.Key.Value, "x-") && in.Shape == doc.ShapeOpenAPI {
				continue // vendor extensions are allowed anywhere in OpenAPI
			}
			report(f, func() string { return unknownMessage(in.Shape, "integration", f.Key.Value, candidates) }, rename(f, in.Node, keysOf(spec)))
		case in.Shape == doc.ShapeOpenAPI && in.Kind() == doc.REST && httpAPIOnly[f.Name] && f.Name == "responseParameters":
			report(f, func() string {
				return "responseParameters is not an integration field in a REST API; put it in responses.<pattern>.responseParameters"
			})
		}
	}
	var rspec map[string]string
	switch in.Shape {
	case doc.ShapeGetIntegration:
		rspec = doc.GetResponseFields
	case doc.ShapeCloudFormation:
		rspec = doc.CloudFormationResponseFields
	case doc.ShapeTerraform:
		rspec = doc.TerraformResponseFields
	default:
		rspec = doc.OpenAPIResponseFields
	}
	for _, r := range in.Responses {
		for _, f := range r.All {
			if f.Known || strings.HasPrefix(f.Key.Value, "x-") {
				continue
			}
			if strings.Contains(f.Key.Value, "/") && !strings.Contains(f.Key.Value, " ") {
				report(f, func() string {
					return fmt.Sprintf("%q in an integration response looks like a mapping template's media type; templates go under %s", f.Key.Value, in.KeyName("responseTemplates"))
				})
				continue
			}
			report(f, func() string { return unknownMessage(in.Shape, "integration response", f.Key.Value, keysOf(rspec)) }, rename(f, r.Node, keysOf(rspec)))
		}
	}
	if tls := in.Field("tlsConfig"); tls != nil && in.V2 == nil { // V2 spells it TlsConfig.ServerNameToVerify
		doc.Pairs(tls.Value, func(k, v *doc.Node) {
			if k.Value != "insecureSkipVerification" && k.Value != "serverNameToVerify" {
				f := &doc.Field{Key: k, Value: v, Parent: tls.Pointer()}
				report(f, func() string {
					return unknownMessage(in.Shape, "tlsConfig", k.Value, []string{"insecureSkipVerification", "serverNameToVerify"})
				})
			}
		})
	}
}

// otherShapeNames are keys of put-integration, get-integration or
// CloudFormation that OpenAPI spells differently.
var otherShapeNames = map[string]string{
	"integrationhttpmethod": "httpMethod", "integrationresponses": "responses",
}

// cfnMisplaced are keys written in the Integration of an
// AWS::ApiGateway::Method that belong elsewhere or do not exist there.
var cfnMisplaced = map[string]string{
	"httpmethod":      "HttpMethod is the method's own verb, a property of the AWS::ApiGateway::Method beside Integration; the verb API Gateway calls the backend with is IntegrationHttpMethod",
	"responses":       "integration responses are the IntegrationResponses list, [{StatusCode, SelectionPattern, ResponseParameters, ResponseTemplates}]",
	"tlsconfig":       "the Integration of an AWS::ApiGateway::Method has no TlsConfig property (TLS settings can only be made through the API or an OpenAPI definition)",
	"methodresponses": "MethodResponses is a property of the AWS::ApiGateway::Method beside Integration",
}

func unknownMessage(shape doc.Shape, where, key string, candidates []string) string {
	if alt, ok := otherShapeNames[strings.ToLower(key)]; ok && shape == doc.ShapeOpenAPI && where == "integration" {
		return fmt.Sprintf("%q is not read in OpenAPI, where it is spelled %s; API Gateway ignores it", key, alt)
	}
	if why, ok := cfnMisplaced[strings.ToLower(key)]; ok && shape == doc.ShapeCloudFormation && where == "integration" {
		return fmt.Sprintf("unknown Integration property %q; %s (CloudFormation rejects the template)", key, why)
	}
	msg := fmt.Sprintf("unknown %s field %q", where, key)
	switch shape {
	case doc.ShapePutIntegration:
		msg = fmt.Sprintf("unknown put-integration parameter %q; the AWS CLI rejects the whole input", key)
	case doc.ShapeOpenAPI:
		msg += "; API Gateway ignores it"
	case doc.ShapeCloudFormation:
		what := "Integration"
		if where == "integration response" {
			what = "IntegrationResponses entry"
		}
		msg = fmt.Sprintf("unknown %s property %q; CloudFormation rejects the template", what, key)
	case doc.ShapeV2CloudFormation:
		msg = fmt.Sprintf("unknown AWS::ApiGatewayV2::Integration property %q; CloudFormation rejects the template", key)
	case doc.ShapeV2JSON:
		msg = fmt.Sprintf("unknown apigatewayv2 integration parameter %q; the AWS CLI rejects it in create-integration and update-integration input", key)
	case doc.ShapeV2Terraform:
		msg = fmt.Sprintf("unknown aws_apigatewayv2_integration argument %q; Terraform rejects the configuration", key)
	case doc.ShapeTerraform:
		what := "aws_api_gateway_integration argument"
		switch where {
		case "integration response":
			what = "aws_api_gateway_integration_response argument"
		case "tlsConfig":
			what = "tls_config argument"
		}
		msg = fmt.Sprintf("unknown %s %q; Terraform rejects the configuration", what, key)
	}
	if s := didYouMean(key, candidates); s != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", s)
	}
	return msg
}
