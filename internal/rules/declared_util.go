package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"
)

// methodRequestLocations maps the location of a method.request expression to
// the OpenAPI "in" that declares it.
var methodRequestLocations = map[string]string{
	"path": "path", "querystring": "query", "multivaluequerystring": "query",
	"header": "header", "multivalueheader": "header",
}

// methodRequestRef splits "method.request.querystring.page" into the OpenAPI
// location ("query") and the name ("page"); ok is false for other
// expressions (body, context, stage variables, static values).
func methodRequestRef(expr string) (in, name string, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(expr), "method.request.")
	if !found {
		return "", "", false
	}
	loc, name, found := strings.Cut(rest, ".")
	in, known := methodRequestLocations[loc]
	if !found || !known || name == "" {
		return "", "", false
	}
	return in, name, true
}

// declarations returns what the integration's operation declares, or nil
// when there is no operation to compare with: put/get-integration JSON,
// reusable HTTP API integrations, HTTP APIs (which map parameters
// themselves).
func declarations(in *doc.Integration) *doc.Declared {
	if in.Op == nil || in.Kind() != doc.REST {
		return nil
	}
	return in.Op.Declared()
}

// declarer names what declares the integration's method request parameters
// and responses, for messages.
func declarer(in *doc.Integration) string {
	if in.Op != nil && in.Op.Resource != "" {
		return "the method"
	}
	return "the operation"
}

// declareParamHint says how to declare method request parameter name at
// OpenAPI location loc: a parameters entry in OpenAPI, a RequestParameters
// key of an AWS::ApiGateway::Method, a request_parameters key of a
// Terraform aws_api_gateway_method.
func declareParamHint(in *doc.Integration, loc, name string) string {
	if in.Op == nil || in.Op.Resource == "" {
		return "add {name: " + name + ", in: " + loc + "} to its parameters or its path item's"
	}
	where, required := loc, "false"
	switch loc {
	case "query":
		where = "querystring"
	case "path":
		required = "true"
	}
	if in.Shape == doc.ShapeTerraform {
		return `add "method.request.` + where + "." + name + `" = ` + required + " to the request_parameters of " + in.Op.Resource
	}
	return "add method.request." + where + "." + name + ": " + required + " to the method's RequestParameters"
}

// statusPattern is the API model's pattern of an HTTP status code.
var statusPattern = lazyre.New(`^[1-5]\d\d$`)

// statusCodeOf returns an integration response's literal status code.
func statusCodeOf(r *doc.Response) (string, bool) {
	v := r.Field("statusCode").Val()
	if v.Kind != doc.KindString && v.Kind != doc.KindInt {
		return "", false
	}
	return strings.TrimSpace(v.Text), true
}

// methodResponse finds the method response declared for a status code:
// exactly, or through an OpenAPI 3 range such as "2XX". The bool is false
// when none is declared.
func methodResponse(d *doc.Declared, code string) (string, bool) {
	if d.HasResponse(code) {
		return code, true
	}
	if len(code) == 3 {
		for _, k := range d.Codes {
			if strings.EqualFold(k, code[:1]+"XX") {
				return k, true
			}
		}
	}
	return "", false
}
