package rules

// Shared by the HTTP API rules (AGW150-AGW157): how sure a document's kind
// is, the integration subtypes of HTTP APIs and the HTTP API parameter
// mapping language, which is not the REST one of package mapping.

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"sort"
	"strings"
)

// httpCertain reports whether the integration belongs to a document that is
// certainly an HTTP API: the Body of an AWS::ApiGatewayV2::Api or
// AWS::Serverless::HttpApi, or a standalone OpenAPI 3 document with HTTP
// API markers and no REST-only integration type.
// An AWS::ApiGatewayV2::Integration is one when its protocol is known to be
// HTTP (v2_util.go).
func httpCertain(in *doc.Integration) bool {
	if in.V2 != nil {
		return in.V2.ProtocolCertain && in.V2.Protocol == doc.HTTP
	}
	return in.API != nil && in.API.Kind == doc.HTTP && in.API.KindCertain
}

// restExplicit reports why an API is explicitly a REST API ("" when it is
// not): the resource type of the template around it, or its Swagger 2.0
// version (HTTP APIs import OpenAPI 3 only).
func restExplicit(api *doc.API) string {
	if api == nil || api.Kind != doc.REST || !api.KindCertain {
		return ""
	}
	if api.Template != nil {
		return "the document is the body of the " + api.Template.Type + " " + api.Template.Resource
	}
	if api.Swagger2() {
		return "a Swagger 2.0 document can only be imported as a REST API"
	}
	return ""
}

// subtypeSpec lists the request parameters of an integration subtype
// (developer guide, "Integration subtype reference").
type subtypeSpec struct {
	required, optional []string
}

// integrationSubtypes are the integration subtypes of HTTP APIs, all of
// version 1.0. The reference names SQS-ReceiveMessage's parameter
// AttributeNames (AttributeName in its 2023 edition): both are accepted.
var integrationSubtypes = map[string]subtypeSpec{
	"EventBridge-PutEvents":            {[]string{"Detail", "DetailType", "Source"}, []string{"Time", "EventBusName", "Resources", "Region", "TraceHeader"}},
	"SQS-SendMessage":                  {[]string{"QueueUrl", "MessageBody"}, []string{"DelaySeconds", "MessageAttributes", "MessageDeduplicationId", "MessageGroupId", "MessageSystemAttributes", "Region"}},
	"SQS-ReceiveMessage":               {[]string{"QueueUrl"}, []string{"AttributeNames", "AttributeName", "MaxNumberOfMessages", "MessageAttributeNames", "ReceiveRequestAttemptId", "VisibilityTimeout", "WaitTimeSeconds", "Region"}},
	"SQS-DeleteMessage":                {[]string{"ReceiptHandle", "QueueUrl"}, []string{"Region"}},
	"SQS-PurgeQueue":                   {[]string{"QueueUrl"}, []string{"Region"}},
	"AppConfig-GetConfiguration":       {[]string{"Application", "Environment", "Configuration", "ClientId"}, []string{"ClientConfigurationVersion", "Region"}},
	"Kinesis-PutRecord":                {[]string{"StreamName", "Data", "PartitionKey"}, []string{"SequenceNumberForOrdering", "ExplicitHashKey", "Region"}},
	"StepFunctions-StartExecution":     {[]string{"StateMachineArn"}, []string{"Name", "Input", "Region"}},
	"StepFunctions-StartSyncExecution": {[]string{"StateMachineArn"}, []string{"Name", "Input", "Region", "TraceHeader"}},
	"StepFunctions-StopExecution":      {[]string{"ExecutionArn"}, []string{"Cause", "Error", "Region"}},
}

// subtypeNames is integrationSubtypes' keys, sorted.
var subtypeNames = func() []string {
	out := make([]string, 0, len(integrationSubtypes))
	for k := range integrationSubtypes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}()

// subtypeOf returns the integration's literal integrationSubtype as
// written, whether it has one at all, and whether it is a literal.
func subtypeOf(in *doc.Integration) (name string, present, literal bool) {
	f := in.Field("integrationSubtype")
	if f == nil {
		return "", false, false
	}
	v := f.Val()
	if v.Kind != doc.KindString || isPlaceholder(v.Text) {
		return "", true, false
	}
	return strings.TrimSpace(v.Text), true, true
}

// isLambdaProxy reports whether the integration is an HTTP API Lambda proxy:
// AWS_PROXY without an integrationSubtype.
func isLambdaProxy(in *doc.Integration) bool {
	_, sub, _ := subtypeOf(in)
	return in.Type() == "AWS_PROXY" && !sub
}

// HTTP API parameter mapping (developer guide, "Transforming API requests
// and responses" for HTTP APIs).

// httpMapActions are the actions of a mapping key.
var httpMapActions = []string{"append", "overwrite", "remove"}

// httpReservedHeaders cannot be mapped; a trailing * matches any suffix.
var httpReservedHeaders = []string{
	"access-control-*", "apigw-*", "authorization", "connection", "content-encoding", "content-length",
	"content-location", "forwarded", "keep-alive", "origin", "proxy-authenticate", "proxy-authorization",
	"te", "trailers", "transfer-encoding", "upgrade", "x-amz-*", "x-amzn-*", "x-forwarded-for",
	"x-forwarded-host", "x-forwarded-proto", "via",
}

// httpReservedHeader reports whether header name is reserved.
func httpReservedHeader(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, r := range httpReservedHeaders {
		if p, wild := strings.CutSuffix(r, "*"); wild && strings.HasPrefix(n, p) || n == r {
			return true
		}
	}
	return false
}

// httpMapExpr finds the $-expressions of a mapping value: $name.rest or
// ${name.rest}.
var httpMapExpr = lazyre.New(`\$\{([^}]*)\}|\$([A-Za-z][A-Za-z0-9_]*(?:\.[^\s$,;'"]*)?)`)

// httpValueProblem returns why an HTTP API mapping value is wrong, or "".
// response says the value maps an integration response, which may also
// read $response. Static text is anything without $-expressions.
func httpValueProblem(raw string, response bool) (msg string, warn bool) {
	text := strings.TrimSpace(raw)
	if text == "" || isPlaceholder(text) {
		return "", false
	}
	lower := strings.ToLower(text)
	for _, rest := range []string{"method.request.", "integration.request.", "method.response.", "integration.response.", "stagevariables.", "context."} {
		if strings.HasPrefix(lower, rest) {
			return mapQ("mapping value", text) + " is REST API syntax; in an HTTP API it is the static text itself" + httpRESTValueHint(text), true
		}
	}
	if len(text) >= 2 && text[0] == '\'' && text[len(text)-1] == '\'' && !strings.Contains(text, "$") {
		return mapQ("static value", text) + " keeps its single quotes in an HTTP API, which writes static values without them: " + text[1:len(text)-1], true
	}
	for _, m := range httpMapExpr().FindAllStringSubmatch(text, -1) {
		expr := m[2]
		if m[1] != "" || strings.HasPrefix(m[0], "${") {
			expr = m[1]
		}
		if why := httpExprProblem(expr, response); why != "" {
			return mapQ("mapping value", text) + " " + why, false
		}
	}
	return "", false
}

// httpRESTValueHint translates a REST mapping value into the HTTP API one.
func httpRESTValueHint(text string) string {
	rest, ok := strings.CutPrefix(text, "method.request.")
	if !ok {
		if strings.HasPrefix(text, "stageVariables.") || strings.HasPrefix(text, "context.") {
			return "; write $" + text
		}
		return ""
	}
	switch loc, name, _ := strings.Cut(rest, "."); loc {
	case "header", "querystring", "path":
		if name != "" {
			return "; write $request." + loc + "." + name
		}
	case "multivalueheader", "multivaluequerystring":
		if name != "" {
			return "; write $request." + strings.TrimPrefix(loc, "multivalue") + "." + name
		}
	case "body":
		return "; write $request." + rest
	}
	return ""
}

// httpExprRoots are the roots of $-expressions; request and response take
// a location.
var httpExprRoots = []string{"request", "response", "context", "stageVariables"}

// httpExprProblem judges one expression (without its $ and braces).
func httpExprProblem(expr string, response bool) string {
	root, rest, _ := strings.Cut(expr, ".")
	switch root {
	case "context", "stageVariables":
		if rest == "" {
			return "names no variable after $" + root + "; expected $" + root + ".NAME"
		}
		return ""
	case "request", "response":
		if root == "response" && !response {
			return "reads $response, which a request mapping cannot: the integration has not answered yet"
		}
		loc, name, _ := strings.Cut(rest, ".")
		locs := []string{"header", "querystring", "path", "body"}
		if root == "response" {
			locs = []string{"header", "body"}
		}
		switch {
		case !contains(locs, loc):
			msg := "has the unknown location $" + root + "." + loc + "; expected $" + root + ".{" + strings.Join(locs, "|") + "}"
			if s := didYouMean(loc, locs); s != "" && loc != "" {
				msg += " (did you mean $" + root + "." + s + "?)"
			}
			return msg
		case name == "" && (loc == "header" || loc == "querystring"):
			return "names no " + loc + " after $" + root + "." + loc + "; expected $" + root + "." + loc + ".NAME"
		case loc == "body" && strings.HasPrefix(name, "."):
			return "uses recursive descent ($" + root + ".body..), which HTTP API mappings do not support"
		}
		return ""
	case "input", "util", "method", "integration":
		return "uses $" + root + ", which is REST API mapping-template (VTL) or mapping syntax; HTTP APIs map $request.header.NAME, $request.querystring.NAME, $request.path.NAME, $request.body.PATH, $context.NAME, $stageVariables.NAME"
	}
	if s := didYouMean(root, httpExprRoots); s != "" {
		return "has the unknown variable $" + root + " (did you mean $" + s + "?)"
	}
	return "" // a $ in static text
}
