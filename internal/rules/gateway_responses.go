package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"
)

// extGatewayResponseTypes is the API's GatewayResponseType enum.
var extGatewayResponseTypes = []string{
	"DEFAULT_4XX", "DEFAULT_5XX", "RESOURCE_NOT_FOUND", "UNAUTHORIZED", "INVALID_API_KEY", "ACCESS_DENIED",
	"AUTHORIZER_FAILURE", "AUTHORIZER_CONFIGURATION_ERROR", "INVALID_SIGNATURE", "EXPIRED_TOKEN",
	"MISSING_AUTHENTICATION_TOKEN", "INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT", "API_CONFIGURATION_ERROR",
	"UNSUPPORTED_MEDIA_TYPE", "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "REQUEST_TOO_LARGE", "THROTTLED",
	"QUOTA_EXCEEDED", "WAF_FILTERED",
}

var extGatewayResponseFields = []string{"statusCode", "responseParameters", "responseTemplates"}

var (
	extGRKey        = lazyre.New(`^gatewayresponse\.(header|path|querystring)\.([^\s]+)$`)
	extGRStatusCode = lazyre.New(`^[1-5]\d\d$`)
	extGRSource     = lazyre.New(`^(method\.request\.(header|querystring|path|multivalueheader|multivaluequerystring)\.[^\s]+|method\.request\.body(\..+)?|stageVariables\.[A-Za-z0-9_.-]+|context\.[A-Za-z0-9_.$-]+)$`)
)

// checkGatewayResponses: x-amazon-apigateway-gateway-responses maps
// response types of the documented set to {statusCode, responseParameters,
// responseTemplates}; parameters map gatewayresponse.{header|path|
// querystring}.NAME to a request parameter, stage variable, context
// variable or single-quoted static value; templates are keyed by media type.
func checkGatewayResponses(p *DocPass) {
	if kind, certain := extCertainKind(p.API, p.Result); certain && kind == doc.HTTP {
		return // REST only; extension-name notes it
	}
	f := doc.GetPair(doc.Resolve(p.API.Root), p.API.Pointer, "x-amazon-apigateway-gateway-responses")
	if f == nil {
		return
	}
	v, ok := extMapValue(p, f, "x-amazon-apigateway-gateway-responses must be a map of response types (DEFAULT_4XX, ACCESS_DENIED ...) to gateway responses, not %s")
	if !ok {
		return
	}
	for _, g := range doc.PairsOf(v.Node, f.Pointer) {
		typ := g.Key.Value
		if !contains(extGatewayResponseTypes, typ) {
			msg := "gateway response type %q is not valid; expected one of the response types such as DEFAULT_4XX, DEFAULT_5XX, ACCESS_DENIED or UNAUTHORIZED"
			if up := strings.ToUpper(typ); contains(extGatewayResponseTypes, up) {
				msg += " (response types are upper case: " + up + ")"
			} else {
				msg += extDidYouMean(extSuggest(typ, extGatewayResponseTypes))
			}
			p.Report(g.Key, g.Pointer, msg, typ)
		}
		gv := doc.Classify(g.Value)
		if !extKnownValue(gv) {
			continue
		}
		if gv.Kind != doc.KindMap {
			extReport(p, g, "gateway response %s must be an object (statusCode, responseParameters, responseTemplates), not %s", typ, extKindName(gv.Kind))
			continue
		}
		extUnknownKeys(p.WithSeverity(Warning), gv.Node, g.Pointer, "gateway response "+typ, extGatewayResponseFields)
		extCheckGRStatus(p, doc.GetPair(gv.Node, g.Pointer, "statusCode"))
		extCheckGRParameters(p, doc.GetPair(gv.Node, g.Pointer, "responseParameters"))
		extCheckGRTemplates(p, doc.GetPair(gv.Node, g.Pointer, "responseTemplates"))
	}
}

func extCheckGRStatus(p *DocPass, f *doc.Pair) {
	if f == nil {
		return
	}
	v := doc.Classify(f.Value)
	if !extKnownValue(v) {
		return
	}
	if (v.Kind == doc.KindString || v.Kind == doc.KindInt) && extGRStatusCode().MatchString(strings.TrimSpace(v.Text)) {
		return
	}
	extReport(p, *f, "gateway response statusCode %s is not valid; expected an HTTP status code from 100 to 599 such as \"403\"", extValueText(v))
}

func extCheckGRParameters(p *DocPass, f *doc.Pair) {
	if f == nil {
		return
	}
	v, ok := extMapValue(p, f, "responseParameters must be a map of gatewayresponse.header.NAME to a value, not %s")
	if !ok {
		return
	}
	for _, g := range doc.PairsOf(v.Node, f.Pointer) {
		key := g.Key.Value
		m := extGRKey().FindStringSubmatch(key)
		switch {
		case strings.HasPrefix(key, "method.response.header.") || strings.HasPrefix(key, "integration."):
			p.Report(g.Key, g.Pointer, "gateway response parameter %q uses the method/integration namespace; a gateway response header is gatewayresponse.header.%s", key, key[strings.LastIndex(key, ".")+1:])
		case m == nil:
			p.Report(g.Key, g.Pointer, "gateway response parameter %q is not valid; expected gatewayresponse.header.NAME (or gatewayresponse.path.NAME, gatewayresponse.querystring.NAME)", key)
		case strings.HasPrefix(m[2], "method.response.header.") || strings.HasPrefix(m[2], "integration.response.header."):
			// Dots are valid in a header name, so the import may well accept
			// it; what is certain is that the intended header is never sent.
			p.WithSeverity(Warning).Report(g.Key, g.Pointer, "gateway response parameter %q sets a header literally named %q; a gateway response header is gatewayresponse.header.%s", key, m[2], m[2][strings.LastIndex(m[2], ".")+1:])
		}
		gv := doc.Classify(g.Value)
		if !extKnownValue(gv) {
			continue
		}
		if gv.Kind != doc.KindString {
			extReport(p, g, "gateway response parameter value must be a string (a request parameter, stage variable, context variable or a 'static' value in single quotes), not %s", extKindName(gv.Kind))
			continue
		}
		extCheckGRSource(p, g, gv.Text)
	}
}

// extCheckGRSource checks the value of a gateway response parameter.
func extCheckGRSource(p *DocPass, g doc.Pair, val string) {
	t := strings.TrimSpace(val)
	if len(t) >= 2 && strings.HasPrefix(t, "'") && strings.HasSuffix(t, "'") {
		return
	}
	if extGRSource().MatchString(t) {
		return
	}
	if strings.HasPrefix(t, "$") && extGRSource().MatchString(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(t, "$"), "{"), "}")) {
		extReport(p, g, "gateway response parameter value %q is not a mapping expression; write it without $ and braces: %s", t, strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(t, "$"), "{"), "}"))
		return
	}
	if strings.HasPrefix(t, "method.request.") {
		extReport(p, g, "gateway response parameter value %q is not valid; expected method.request.{header|querystring|path}.NAME", t)
		return
	}
	extReport(p, g, "gateway response parameter value %q is neither a mapping expression nor a static value; static values must be enclosed in single quotes: %q", t, "'"+strings.Trim(t, `"`)+"'")
}

func extCheckGRTemplates(p *DocPass, f *doc.Pair) {
	if f == nil {
		return
	}
	v, ok := extMapValue(p, f, "responseTemplates must be a map of media types to templates, not %s")
	if !ok {
		return
	}
	for _, g := range doc.PairsOf(v.Node, f.Pointer) {
		if !extMediaType().MatchString(g.Key.Value) {
			p.Report(g.Key, g.Pointer, "gateway response template key %q is not a media type; expected a content type such as application/json", g.Key.Value)
		}
		gv := doc.Classify(g.Value)
		if extKnownValue(gv) && gv.Kind != doc.KindString && gv.Kind != doc.KindNull {
			extReport(p, g, "a gateway response template must be a string, not %s", extKindName(gv.Kind))
		}
	}
}
