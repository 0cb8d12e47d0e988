package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkMissingMethodResponse: each integration response maps to a method
// response, so its statusCode must be one of the operation's responses.
func checkMissingMethodResponse(p *Pass) {
	d := responseDeclarations(p.In)
	if d == nil || !d.Complete {
		return
	}
	if d.HasResponse("default") {
		return // how the importer maps a default response is not documented: no guess
	}
	for _, r := range p.In.Responses {
		code, ok := statusCodeOf(r)
		if !ok || !statusPattern().MatchString(code) {
			continue // response-status-code judges malformed codes
		}
		if _, ok := methodResponse(d, code); !ok {
			f := r.Field("statusCode")
			fix := "add it under responses"
			switch p.In.Shape {
			case doc.ShapeCloudFormation:
				fix = "add {StatusCode: \"" + code + "\"} to the method's MethodResponses"
			case doc.ShapeTerraform:
				fix = "add an aws_api_gateway_method_response with status_code = \"" + code + "\""
			}
			p.ReportValue(f, "integration response maps to status %s, but %s declares no %s response; %s (API Gateway: \"No method response exists for method\")", code, declarer(p.In), code, fix)
		}
	}
}

// checkUndeclaredResponseHeader: a method.response.header.NAME set by an
// integration response must be declared in the headers of that method
// response.
func checkUndeclaredResponseHeader(p *Pass) {
	d := responseDeclarations(p.In)
	if d == nil {
		return
	}
	for _, r := range p.In.Responses {
		code, ok := statusCodeOf(r)
		if !ok {
			continue
		}
		key, ok := methodResponse(d, code)
		if !ok {
			continue // missing-method-response reports it
		}
		f := r.Field("responseParameters")
		if f == nil {
			continue
		}
		mr := d.Response(key)
		if mr == nil {
			continue // a response that cannot be read: no guess about its headers
		}
		doc.Pairs(f.Value, func(k, _ *doc.Node) {
			name, found := strings.CutPrefix(k.Value, "method.response.header.")
			if !found || name == "" || hasHeader(mr.Headers, name) {
				return
			}
			fix := "add it under responses." + key + ".headers"
			switch p.In.Shape {
			case doc.ShapeCloudFormation:
				fix = "add " + k.Value + ": true to the ResponseParameters of its MethodResponses entry"
			case doc.ShapeTerraform:
				fix = `add "` + k.Value + `" = true to the response_parameters of its aws_api_gateway_method_response`
			}
			p.Report(k, doc.Join(f.Pointer(), k.Value), "header %s is not declared in %s's %s response; %s (API Gateway: \"Invalid mapping expression parameter specified: %s\")", name, declarer(p.In), key, fix, k.Value)
		})
	}
}

// responseDeclarations returns the operation's declarations when its
// integration responses are meant to be checked against them: not for proxy
// integrations, whose integration responses API Gateway does not use (its
// own exports write "default: statusCode 200" on proxies whose operation has
// no responses), nor for an OpenAPI operation that declares no response at
// all. An AWS::ApiGateway::Method without MethodResponses does declare none:
// its integration responses cannot be put.
func responseDeclarations(in *doc.Integration) *doc.Declared {
	t := in.Type()
	if t == "" || isProxy(t) || len(in.Responses) == 0 {
		return nil
	}
	d := declarations(in)
	if d == nil || len(d.Codes) == 0 && in.Shape != doc.ShapeCloudFormation {
		return nil
	}
	return d
}

func hasHeader[T any](headers map[string]T, name string) bool {
	for h := range headers {
		if strings.EqualFold(h, name) {
			return true
		}
	}
	return false
}
