package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"regexp"
	"strconv"
	"strings"
)

// This file holds the grammar of REST API parameter mappings (API Gateway
// developer guide, "Parameter mapping source reference for REST APIs"),
// shared by the request-parameters, response-parameters and
// cache-key-parameters rules. HTTP APIs map parameters with a different
// language (overwrite:header.x, $request.body.x, PascalCase subtype
// parameters); none of this applies to them.

// mappingNameRE is what a parameter name must match (DG-MAP gives
// '^[a-zA-Z0-9._$-]+$').
var mappingNameRE = regexp.MustCompile(`^[a-zA-Z0-9._$-]+$`)

// mappingSide is one namespace of the grammar: "integration.request."
// followed by a location and a name, say.
type mappingSide struct {
	prefix    string   // e.g. "method.request."
	locations []string // locations followed by ".NAME"
	body      bool     // PREFIX + "body" and PREFIX + "body.JSONPATH" are allowed
}

var (
	mappingIntegrationRequest = mappingSide{prefix: "integration.request.", locations: []string{"path", "querystring", "header"}}
	mappingMethodRequest      = mappingSide{prefix: "method.request.", locations: []string{"path", "querystring", "multivaluequerystring", "header", "multivalueheader"}, body: true}
	mappingMethodResponse     = mappingSide{prefix: "method.response.", locations: []string{"header"}}
	mappingIntegrationResp    = mappingSide{prefix: "integration.response.", locations: []string{"header", "multivalueheader"}, body: true}
)

// form renders the side for a message: "integration.request.{path|querystring|header}.NAME".
func (s mappingSide) form() string {
	loc := s.locations[0]
	if len(s.locations) > 1 {
		loc = "{" + strings.Join(s.locations, "|") + "}"
	}
	return s.prefix + loc + ".NAME"
}

// problem returns why text, which starts with the side's prefix (in any
// letter case), is not a valid expression of the side, or "".
func (s mappingSide) problem(what, text string) string {
	rest := text[len(s.prefix):]
	if !strings.HasPrefix(text, s.prefix) {
		if loc, name, ok := strings.Cut(rest, "."); ok && (contains(s.locations, strings.ToLower(loc)) || s.body && strings.EqualFold(loc, "body")) {
			rest = strings.ToLower(loc) + "." + name
		} else if s.body && strings.EqualFold(rest, "body") {
			rest = "body"
		}
		return mapQ(what, text) + " must be written " + strconv.Quote(s.prefix+rest) + "; mapping expressions are case-sensitive"
	}
	if s.body && (rest == "body" || strings.HasPrefix(rest, "body.")) {
		jp := strings.TrimPrefix(strings.TrimPrefix(rest, "body"), ".")
		switch {
		case rest == "body":
		case jp == "":
			return mapQ(what, text) + " has an empty JSONPath; write " + s.prefix + "body for the whole body or " + s.prefix + "body.FIELD"
		case strings.HasPrefix(jp, "$"):
			return mapQ(what, text) + " starts its JSONPath with $; write it without the $ prefix, as " + s.prefix + "body." + strings.TrimLeft(jp, "$.")
		}
		return ""
	}
	loc, name, _ := strings.Cut(rest, ".")
	if !contains(s.locations, loc) {
		msg := mapQ(what, text) + " has the unknown location " + strconv.Quote(loc) + "; expected " + s.form()
		if s.body {
			msg += " or " + s.prefix + "body[.JSONPATH]"
		}
		return msg + mappingSuggestLocation(loc, s.locations)
	}
	if name == "" {
		return mapQ(what, text) + " names no parameter; expected " + s.prefix + loc + ".NAME"
	}
	if !mappingNameRE.MatchString(name) {
		return mapQ(what, text) + " has the invalid name " + strconv.Quote(name) + "; names may only contain letters, digits and . _ $ -"
	}
	return ""
}

// mappingSuggestLocation proposes a location for a misspelled one: OpenAPI's
// "query" is "querystring" here, "headers" is "header".
func mappingSuggestLocation(loc string, locations []string) string {
	switch strings.ToLower(loc) {
	case "query", "querystrings", "querystringparameters", "qs":
		if contains(locations, "querystring") {
			return " (did you mean querystring?)"
		}
	}
	if s := didYouMean(loc, locations); s != "" && s != loc {
		return " (did you mean " + s + "?)"
	}
	return ""
}

// mapQ renders `what "text"` for the start of a message.
func mapQ(what, text string) string { return what + " " + strconv.Quote(text) }

// mappingSource is the grammar of mapping values: the sides an expression
// may read besides stageVariables.NAME, context.NAME and 'static' values.
type mappingSource struct {
	side mappingSide
	// others are expressions that belong elsewhere, with the reason.
	others []mappingMisuse
}

type mappingMisuse struct{ prefix, why string }

var (
	// mappingRequestSource is what requestParameters values may read.
	mappingRequestSource = mappingSource{side: mappingMethodRequest, others: []mappingMisuse{
		{"integration.request.", "names an integration request parameter, which is a mapping target; the key is the target and the value the source, are they swapped?"},
		{"integration.response.", "reads the integration response, which does not exist yet when the request is mapped"},
		{"method.response.", "names a method response header; request parameters are mapped from the method request"},
	}}
	// mappingResponseSource is what integration responseParameters values may read.
	mappingResponseSource = mappingSource{side: mappingIntegrationResp, others: []mappingMisuse{
		{"method.response.", "names a method response header, which is the mapping target; the key is the target and the value the source, are they swapped?"},
		{"method.request.", "reads the method request, which an integration response cannot map (gateway responses can)"},
		{"gatewayresponse.", "belongs to gateway responses (x-amazon-apigateway-gateway-responses), not to integration responses"},
	}}
)

// expressions renders the expressions a value may use, for a message.
func (src mappingSource) expressions() string {
	return src.side.form() + ", " + src.side.prefix + "body[.JSONPATH], stageVariables.NAME or context.NAME"
}

// valueProblem returns why a mapping value is not valid, or "". node is the
// value's node (its YAML quoting style tells whether YAML removed quotes).
func (src mappingSource) valueProblem(node *doc.Node, raw string) string {
	text := strings.TrimSpace(raw)
	if isPlaceholder(text) {
		return ""
	}
	literal := "'" + text + "'"
	switch {
	case text == "*" && node != nil && node.Style&doc.SingleQuotedStyle != 0:
		return `static value "*" has lost its single quotes to YAML, which reads '*' as the bare string *: write "'*'"`
	case text == "*":
		return `static value "*" needs single quotes inside the string: write "'*'" (in YAML too, where '*' alone is the bare string *)`
	case strings.HasPrefix(text, "'"):
		if len(text) < 2 || !strings.HasSuffix(text, "'") {
			return mapQ("static value", text) + " has no closing single quote; write " + strconv.Quote(text+"'")
		}
		return ""
	case strings.HasSuffix(text, "'"):
		return mapQ("static value", text) + " has no opening single quote; write " + strconv.Quote("'"+text)
	case len(text) >= 2 && strings.HasPrefix(text, `"`) && strings.HasSuffix(text, `"`):
		return mapQ("static value", text) + " is in double quotes; API Gateway takes static values in single quotes: " + strconv.Quote("'"+text[1:len(text)-1]+"'")
	}
	lower := strings.ToLower(text)
	if strings.HasPrefix(lower, src.side.prefix) {
		return src.side.problem("mapping value", text)
	}
	for _, ns := range []string{"stageVariables.", "context.", "$stageVariables.", "$context."} {
		if !strings.HasPrefix(lower, strings.ToLower(ns)) {
			continue
		}
		name := text[len(ns):]
		switch {
		case !strings.HasPrefix(text, ns):
			return mapQ("mapping value", text) + " must be written " + strconv.Quote(ns+name) + "; mapping expressions are case-sensitive"
		case name == "":
			return mapQ("mapping value", text) + " names no variable; expected " + ns + "NAME"
		case strings.ContainsAny(name, " \t\n"):
			return mapQ("mapping value", text) + " has white space in its variable name"
		}
		return ""
	}
	for _, m := range src.others {
		if strings.HasPrefix(lower, m.prefix) {
			return mapQ("mapping value", text) + " " + m.why
		}
	}
	if node != nil && node.Style&doc.SingleQuotedStyle != 0 {
		return mapQ("static value", text) + " has lost its single quotes to YAML: write " + strconv.Quote(literal) + " so that API Gateway receives them"
	}
	return mapQ("mapping value", text) + " is neither a mapping expression nor a static value in single quotes; write " + strconv.Quote(literal) + " for the literal text, or use " + src.expressions()
}

// mappingKeyProblem returns why key is not a valid mapping target of side,
// or "". misuses name expressions that are valid elsewhere.
func mappingKeyProblem(what string, side mappingSide, key string, misuses []mappingMisuse) string {
	text := strings.TrimSpace(key)
	if isPlaceholder(text) {
		return ""
	}
	lower := strings.ToLower(text)
	if strings.HasPrefix(lower, side.prefix) {
		return side.problem(what, text)
	}
	for _, m := range misuses {
		if strings.HasPrefix(lower, m.prefix) {
			return mapQ(what, text) + " " + m.why
		}
	}
	return mapQ(what, text) + " is not a valid mapping target; expected " + side.form()
}

// mappingIsHTTPAPI reports whether a requestParameters entry is written in
// the HTTP API mapping language (overwrite:header.x, $request.body.x), in a
// document the loader did not recognise as an HTTP API.
func mappingIsHTTPAPI(k, v *doc.Node) bool {
	for _, p := range []string{"overwrite:", "append:", "remove:"} {
		if strings.HasPrefix(k.Value, p) {
			return true
		}
	}
	val := doc.Classify(v)
	return val.Kind == doc.KindString && strings.HasPrefix(strings.TrimSpace(val.Text), "$request.")
}
