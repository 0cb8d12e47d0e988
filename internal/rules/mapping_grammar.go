package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"

	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/mapping"
)

// This file turns the REST API parameter mapping grammar (package mapping),
// shared by the request-parameters, response-parameters and
// cache-key-parameters rules, into messages: placeholders are not judged,
// an unknown location gets a suggestion, and YAML's quoting is read off the
// node.

// mappingMessage renders a mapping grammar error for a finding, "" for nil.
func mappingMessage(err error) string {
	if err == nil {
		return ""
	}
	var unknown *mapping.UnknownLocationError
	if errors.As(err, &unknown) {
		return err.Error() + mappingSuggestLocation(unknown.Location, unknown.Locations)
	}
	return err.Error()
}

// mappingSideProblem returns why text, which starts with the side's prefix
// (in any letter case), is not a valid expression of the side, or "".
func mappingSideProblem(side mapping.Side, what, text string) string {
	return mappingMessage(side.Check(what, text))
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

// mappingValueProblem returns why a mapping value is not valid for src, or
// "". node is the value's node (its YAML quoting style tells whether YAML
// removed quotes).
func mappingValueProblem(src mapping.Source, node *doc.Node, raw string) string {
	if m := stageVarBraces().FindStringSubmatch(strings.TrimSpace(raw)); m != nil {
		// ${stageVariables.x} is how a uri or credentials reads a stage
		// variable; a mapping value is an expression, not a template.
		return fmt.Sprintf("mapping value %q is not a mapping expression: a REST API mapping reads a stage variable as stageVariables.%s, without $ and braces", raw, m[1])
	}
	if isPlaceholder(raw) {
		return ""
	}
	return mappingMessage(src.CheckValue(raw, node != nil && node.Style&doc.SingleQuotedStyle != 0))
}

// mappingKeyProblem returns why key is not a valid mapping target, or "".
func mappingKeyProblem(what string, target mapping.Target, key string) string {
	if isPlaceholder(key) {
		return ""
	}
	return mappingMessage(target.CheckKey(what, key))
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

// stageVarBraces is a whole ${stageVariables.name} value.
var stageVarBraces = lazyre.New(`^\$\{stageVariables\.([A-Za-z0-9_.-]+)\}$`)

// httpToRESTSource rewrites an HTTP API mapping source ($request.body.id,
// $request.header.x ...) as the REST expression that reads the same value,
// or "" when there is none. $context.x and $stageVariables.x are not
// rewritten: the REST extension reference lists them as valid too.
func httpToRESTSource(v string) string {
	v = strings.TrimSpace(v)
	switch {
	case strings.HasPrefix(v, "$request.header."), strings.HasPrefix(v, "$request.querystring."),
		strings.HasPrefix(v, "$request.path."), strings.HasPrefix(v, "$request.body"):
		return "method." + strings.TrimPrefix(v, "$")
	}
	return ""
}

// restCertain says why an integration certainly belongs to a REST API, or
// "": its document is (restExplicit), it is put-integration or
// get-integration JSON (REST only), or it uses what HTTP APIs do not have:
// a non-proxy type, integration responses, request templates.
func restCertain(in *doc.Integration) string {
	if why := restExplicit(in.API); why != "" {
		return why
	}
	switch {
	case in.API == nil:
		return "put-integration and get-integration are REST API calls"
	case in.Type() == "AWS" || in.Type() == "HTTP" || in.Type() == "MOCK":
		return "type " + in.Type() + " is REST-only"
	case in.Field("requestTemplates") != nil:
		return "requestTemplates are REST-only"
	case len(in.Responses) > 0 && in.Field("responses") != nil:
		return "integration responses are REST-only"
	}
	return ""
}
