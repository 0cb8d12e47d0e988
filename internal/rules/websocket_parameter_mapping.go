package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"
)

// WebSocket API parameter mapping (developer guide, "Set up data mapping
// for WebSocket APIs"). The guide writes the name pattern as
// '^[a-zA-Z0-9._$-]+$]', with a stray "]": its intent is read here.
var (
	wsMapKey    = lazyre.New(`^integration\.request\.(header|querystring|path)\.[a-zA-Z0-9._$-]+$`)
	wsParamName = lazyre.New(`^[a-zA-Z0-9._$-]+$`)
)

// wsConnectOnly are the route request locations that only the $connect
// route has: later messages have no headers or query string.
var wsConnectOnly = []string{"header", "querystring", "multivalueheader", "multivaluequerystring"}

// checkWebSocketParameterMapping: the RequestParameters of a WebSocket
// integration map integration.request.{header|querystring|path}.NAME from
// route.request.{header|querystring|multivalueheader|multivaluequerystring}.NAME
// (on the $connect route only), route.request.body.JSONPATH,
// context.NAME, stageVariables.NAME or a 'static' value.
func checkWebSocketParameterMapping(p *Pass) {
	if !isWebSocket(p.In) {
		return
	}
	f := p.In.Field("requestParameters")
	if f == nil || doc.Classify(f.Value).Kind != doc.KindMap {
		return
	}
	doc.Pairs(f.Value, func(k, v *doc.Node) {
		ptr := doc.Join(f.Pointer(), k.Value)
		if !isPlaceholder(k.Value) && !wsMapKey().MatchString(k.Value) {
			msg := "request parameter %q is not an integration request parameter; WebSocket APIs map keys of the form integration.request.{header|querystring|path}.NAME"
			if strings.HasPrefix(k.Value, "append:") || strings.HasPrefix(k.Value, "overwrite:") || strings.HasPrefix(k.Value, "remove:") {
				msg += " (append:, overwrite: and remove: are HTTP API parameter mapping)"
			}
			p.Report(k, ptr, msg, k.Value)
		}
		val := doc.Classify(v)
		if val.Kind != doc.KindString || isPlaceholder(val.Text) {
			return // computed by CloudFormation, or another tool's placeholder
		}
		text := strings.TrimSpace(val.Text)
		if strings.HasPrefix(text, "method.request.") {
			// The V2 API reference (RequestParameters) writes the source as
			// method.request.{location}.{name}, text copied from REST; the
			// WebSocket guide's table has route.request.*: a warning.
			p.WithSeverity(Warning).Report(v, ptr, "%s is REST API syntax; the WebSocket data mapping guide reads the route request as route.request.%s", mapQ("mapping value", text), strings.TrimPrefix(text, "method.request."))
			return
		}
		if msg := wsValueProblem(p.In, text); msg != "" {
			p.Report(v, ptr, "%s", msg)
		}
	})
}

// wsValueProblem judges one mapping value, or returns "".
func wsValueProblem(in *doc.Integration, text string) string {
	q := mapQ("mapping value", text)
	if len(text) >= 2 && text[0] == '\'' && text[len(text)-1] == '\'' {
		return "" // a static value
	}
	switch root, rest, _ := strings.Cut(text, "."); root {
	case "context", "stageVariables":
		if rest == "" {
			return q + " names no variable; expected " + root + ".NAME"
		}
		return ""
	case "route":
		loc, name, _ := strings.Cut(strings.TrimPrefix(rest, "request."), ".")
		if !strings.HasPrefix(rest, "request.") {
			break
		}
		switch {
		case loc == "body":
			return ""
		case contains(wsConnectOnly, loc):
			if !wsParamName().MatchString(name) {
				return q + " names no valid parameter; expected route.request." + loc + ".NAME"
			}
			keys := in.V2.RouteKeys
			if !in.V2.RouteKeysKnown || len(keys) == 0 {
				return "" // which routes use the integration is not known
			}
			for _, key := range keys {
				if key != "$connect" {
					return q + " reads the route request's " + loc + ", which only the $connect route has; this integration is also the target of the route " + key + " (later messages carry only a body: map route.request.body.JSONPATH)"
				}
			}
			return ""
		}
		return q + " has the unknown location route.request." + loc + "; expected route.request.{header|querystring|multivalueheader|multivaluequerystring}.NAME or route.request.body.JSONPATH"
	case "integration":
		return q + " reads the integration request it is mapping into; read the route request as route.request.{header|querystring|body}..."
	}
	if strings.HasPrefix(text, "$") {
		return q + " is HTTP API or mapping-template syntax; a WebSocket mapping value is route.request.*, context.NAME, stageVariables.NAME or a 'static' value in single quotes"
	}
	return q + " is not a mapping expression; wrap a static value in single quotes ('" + text + "'), or map route.request.*, context.NAME or stageVariables.NAME"
}
