// Package mapping checks the parameter mapping expressions of REST API
// integrations: the keys and values of requestParameters and
// responseParameters (method.request.header.NAME, integration.response.
// body.JSONPATH, stageVariables.NAME, context.NAME, 'static' ...) and the
// entries of cacheKeyParameters. The grammar is the API Gateway developer
// guide's "Parameter mapping source reference for REST APIs"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html).
//
// HTTP APIs map parameters with a different language (overwrite:header.x,
// $request.body.x, PascalCase subtype parameters); none of this applies to
// them.
package mapping

import (
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"slices"
	"strconv"
	"strings"
)

// nameRE is what a parameter name must match (DG-MAP gives
// '^[a-zA-Z0-9._$-]+$').
var nameRE = lazyre.New(`^[a-zA-Z0-9._$-]+$`)

// Side is one namespace of the grammar: "integration.request." followed by
// a location and a name, say.
type Side struct {
	Prefix    string   // e.g. "method.request."
	Locations []string // locations followed by ".NAME"
	Body      bool     // Prefix + "body" and Prefix + "body.JSONPATH" are allowed
}

// The sides of a mapping: what integration requests, method requests,
// method responses and integration responses let a mapping name.
var (
	IntegrationRequest  = Side{Prefix: "integration.request.", Locations: []string{"path", "querystring", "header"}}
	MethodRequest       = Side{Prefix: "method.request.", Locations: []string{"path", "querystring", "multivaluequerystring", "header", "multivalueheader"}, Body: true}
	MethodResponse      = Side{Prefix: "method.response.", Locations: []string{"header"}}
	IntegrationResponse = Side{Prefix: "integration.response.", Locations: []string{"header", "multivalueheader"}, Body: true}
)

// Form renders the side for a message: "integration.request.{path|querystring|header}.NAME".
func (s Side) Form() string {
	loc := s.Locations[0]
	if len(s.Locations) > 1 {
		loc = "{" + strings.Join(s.Locations, "|") + "}"
	}
	return s.Prefix + loc + ".NAME"
}

// UnknownLocationError is the error of an expression whose location is not
// one of its side's, for a caller that suggests the one meant.
type UnknownLocationError struct {
	Location  string   // as written
	Locations []string // the side's
	msg       string
}

func (e *UnknownLocationError) Error() string { return e.msg }

// problem is a message of this grammar.
type problem string

func (p problem) Error() string { return string(p) }

// Check returns why text, which starts with the side's prefix in any letter
// case, is not a valid expression of the side, or nil. what names the text
// in the message ("cache key parameter").
func (s Side) Check(what, text string) error {
	rest := text[len(s.Prefix):]
	if !strings.HasPrefix(text, s.Prefix) {
		if loc, name, ok := strings.Cut(rest, "."); ok && (slices.Contains(s.Locations, strings.ToLower(loc)) || s.Body && strings.EqualFold(loc, "body")) {
			rest = strings.ToLower(loc) + "." + name
		} else if s.Body && strings.EqualFold(rest, "body") {
			rest = "body"
		}
		return problem(quote(what, text) + " must be written " + strconv.Quote(s.Prefix+rest) + "; mapping expressions are case-sensitive")
	}
	if s.Body && (rest == "body" || strings.HasPrefix(rest, "body.")) {
		jp := strings.TrimPrefix(strings.TrimPrefix(rest, "body"), ".")
		switch {
		case rest == "body":
		case jp == "":
			return problem(quote(what, text) + " has an empty JSONPath; write " + s.Prefix + "body for the whole body or " + s.Prefix + "body.FIELD")
		case strings.HasPrefix(jp, "$"):
			return problem(quote(what, text) + " starts its JSONPath with $; write it without the $ prefix, as " + s.Prefix + "body." + strings.TrimLeft(jp, "$."))
		}
		return nil
	}
	loc, name, _ := strings.Cut(rest, ".")
	if !slices.Contains(s.Locations, loc) {
		msg := quote(what, text) + " has the unknown location " + strconv.Quote(loc) + "; expected " + s.Form()
		if s.Body {
			msg += " or " + s.Prefix + "body[.JSONPATH]"
		}
		return &UnknownLocationError{Location: loc, Locations: s.Locations, msg: msg}
	}
	if name == "" {
		return problem(quote(what, text) + " names no parameter; expected " + s.Prefix + loc + ".NAME")
	}
	if !nameRE().MatchString(name) {
		return problem(quote(what, text) + " has the invalid name " + strconv.Quote(name) + "; names may only contain letters, digits and . _ $ -")
	}
	return nil
}

// quote renders `what "text"` for the start of a message.
func quote(what, text string) string { return what + " " + strconv.Quote(text) }

// misuse is an expression that is valid elsewhere: one starting with prefix
// (lower case) is wrong here, for the reason why.
type misuse struct{ prefix, why string }

// Source is the grammar of mapping values: the side an expression may read
// besides stageVariables.NAME, context.NAME and 'static' values.
type Source struct {
	side Side
	// others are expressions that belong elsewhere, with the reason.
	others []misuse
}

var (
	// RequestSource is what requestParameters values may read.
	RequestSource = Source{side: MethodRequest, others: []misuse{
		{"integration.request.", "names an integration request parameter, which is a mapping target; the key is the target and the value the source, are they swapped?"},
		{"integration.response.", "reads the integration response, which does not exist yet when the request is mapped"},
		{"method.response.", "names a method response header; request parameters are mapped from the method request"},
	}}
	// ResponseSource is what integration responseParameters values may read.
	ResponseSource = Source{side: IntegrationResponse, others: []misuse{
		{"method.response.", "names a method response header, which is the mapping target; the key is the target and the value the source, are they swapped?"},
		{"method.request.", "reads the method request, which an integration response cannot map (gateway responses can)"},
		{"gatewayresponse.", "belongs to gateway responses (x-amazon-apigateway-gateway-responses), not to integration responses"},
	}}
)

// expressions renders the expressions a value may use, for a message.
func (src Source) expressions() string {
	return src.side.Form() + ", " + src.side.Prefix + "body[.JSONPATH], stageVariables.NAME or context.NAME"
}

// CheckValue returns why a mapping value is not valid, or nil. quotesLost
// says the value was written in single quotes that the file format took
// away: YAML reads '*' as the bare string *.
func (src Source) CheckValue(raw string, quotesLost bool) error {
	text := strings.TrimSpace(raw)
	literal := "'" + text + "'"
	switch {
	case text == "*" && quotesLost:
		return problem(`static value "*" has lost its single quotes to YAML, which reads '*' as the bare string *: write "'*'"`)
	case text == "*":
		return problem(`static value "*" needs single quotes inside the string: write "'*'" (in YAML too, where '*' alone is the bare string *)`)
	case strings.HasPrefix(text, "'"):
		if len(text) < 2 || !strings.HasSuffix(text, "'") {
			return problem(quote("static value", text) + " has no closing single quote; write " + strconv.Quote(text+"'"))
		}
		return nil
	case strings.HasSuffix(text, "'"):
		return problem(quote("static value", text) + " has no opening single quote; write " + strconv.Quote("'"+text))
	case len(text) >= 2 && strings.HasPrefix(text, `"`) && strings.HasSuffix(text, `"`):
		return problem(quote("static value", text) + " is in double quotes; API Gateway takes static values in single quotes: " + strconv.Quote("'"+text[1:len(text)-1]+"'"))
	}
	lower := strings.ToLower(text)
	if strings.HasPrefix(lower, src.side.Prefix) {
		return src.side.Check("mapping value", text)
	}
	for _, ns := range []string{"stageVariables.", "context.", "$stageVariables.", "$context."} {
		if !strings.HasPrefix(lower, strings.ToLower(ns)) {
			continue
		}
		name := text[len(ns):]
		switch {
		case !strings.HasPrefix(text, ns):
			return problem(quote("mapping value", text) + " must be written " + strconv.Quote(ns+name) + "; mapping expressions are case-sensitive")
		case name == "":
			return problem(quote("mapping value", text) + " names no variable; expected " + ns + "NAME")
		case strings.ContainsAny(name, " \t\n"):
			return problem(quote("mapping value", text) + " has white space in its variable name")
		}
		return nil
	}
	for _, m := range src.others {
		if strings.HasPrefix(lower, m.prefix) {
			return problem(quote("mapping value", text) + " " + m.why)
		}
	}
	if quotesLost {
		return problem(quote("static value", text) + " has lost its single quotes to YAML: write " + strconv.Quote(literal) + " so that API Gateway receives them")
	}
	return problem(quote("mapping value", text) + " is neither a mapping expression nor a static value in single quotes; write " + strconv.Quote(literal) + " for the literal text, or use " + src.expressions())
}

// Target is the grammar of mapping keys: the side a key names, and the
// expressions that are valid elsewhere.
type Target struct {
	side    Side
	misuses []misuse
}

var (
	// RequestTarget is what requestParameters keys may name.
	RequestTarget = Target{side: IntegrationRequest, misuses: []misuse{
		{"method.request.", "names a method request parameter, which is a mapping source; the key is the integration request target and the value the source, are they swapped?"},
		{"integration.response.", "is a response mapping; requestParameters keys are integration request targets"},
		{"method.response.", "is a response mapping; put it in the responseParameters of an integration response"},
	}}
	// ResponseTarget is what integration responseParameters keys may name.
	ResponseTarget = Target{side: MethodResponse, misuses: []misuse{
		{"gatewayresponse.", "belongs to gateway responses (x-amazon-apigateway-gateway-responses); an integration response maps method.response.header.NAME"},
		{"integration.response.", "names an integration response header, which is a mapping source; the key is the method response header and the value the source, are they swapped?"},
		{"method.request.", "is a request mapping; integration responses map method.response.header.NAME"},
		{"integration.request.", "is a request mapping; put it in the integration's requestParameters"},
	}}
)

// CheckKey returns why key is not a valid mapping target, or nil. what
// names the key in the message ("request parameter key").
func (t Target) CheckKey(what, key string) error {
	text := strings.TrimSpace(key)
	lower := strings.ToLower(text)
	if strings.HasPrefix(lower, t.side.Prefix) {
		return t.side.Check(what, text)
	}
	for _, m := range t.misuses {
		if strings.HasPrefix(lower, m.prefix) {
			return problem(quote(what, text) + " " + m.why)
		}
	}
	return problem(quote(what, text) + " is not a valid mapping target; expected " + t.side.Form())
}
