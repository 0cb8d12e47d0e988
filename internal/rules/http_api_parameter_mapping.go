package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strconv"
	"strings"
)

// checkHTTPAPIParameterMapping: HTTP API parameter mapping is its own
// language. requestParameters keys are append|overwrite|remove:header.NAME,
// append|overwrite|remove:querystring.NAME or overwrite:path (a subtype's
// PascalCase parameters instead, judged by integration-subtype);
// responseParameters maps status codes to append|overwrite|remove:header.NAME
// and overwrite:statuscode. Values read $request.{header|querystring|path|
// body}, $response.{header|body}, $context.NAME and $stageVariables.NAME, or
// are static text. REST API syntax (integration.request.header.x,
// method.request.path.id, 'quoted' statics) is reported: in an HTTP API it
// is an error or a literal string. Reserved headers cannot be mapped.
func checkHTTPAPIParameterMapping(p *Pass) {
	if !httpCertain(p.In) {
		return // REST documents with HTTP-looking fields map the REST way
	}
	_, subtype, _ := subtypeOf(p.In)
	value := func(v *doc.Node, ptr string, response bool) {
		val := doc.Classify(v)
		if val.Kind != doc.KindString {
			return
		}
		if msg, warn := httpValueProblem(val.Text, response); msg != "" {
			q := p
			if warn {
				q = p.WithSeverity(Warning)
			}
			q.Report(v, ptr, "%s", msg)
		}
	}
	if f := p.In.Field("requestParameters"); f != nil && doc.Classify(f.Value).Kind == doc.KindMap {
		doc.Pairs(f.Value, func(k, v *doc.Node) {
			ptr := doc.Join(f.Pointer(), k.Value)
			if !subtype {
				if msg := httpKeyProblem(k.Value, false); msg != "" {
					p.Report(k, ptr, "%s", msg)
					return
				}
				if strings.HasPrefix(strings.TrimSpace(k.Value), "remove:") {
					return // the value of a removal is not used
				}
			}
			value(v, ptr, false)
		})
	}
	f := p.In.Field("responseParameters")
	if f == nil || doc.Classify(f.Value).Kind != doc.KindMap {
		return
	}
	doc.Pairs(f.Value, func(code, m *doc.Node) {
		cptr := doc.Join(f.Pointer(), code.Value)
		c := strings.TrimSpace(code.Value)
		switch {
		case isPlaceholder(c):
			return
		case strings.HasPrefix(strings.ToLower(c), "method.response."):
			p.Report(code, cptr, "responseParameters key %q is REST API syntax; an HTTP API maps response parameters per status code: {\"200\": {\"overwrite:header.NAME\": ...}}%s", c, httpReservedHint(c))
			return
		case !statusPattern().MatchString(c):
			p.Report(code, cptr, "responseParameters key %q is not a status code; an HTTP API maps response parameters per status code of the integration's response, such as \"200\" or \"404\"", c)
			return
		}
		if doc.Classify(m).Kind != doc.KindMap {
			return // value-type's business
		}
		doc.Pairs(m, func(k, v *doc.Node) {
			ptr := doc.Join(cptr, k.Value)
			if msg := httpKeyProblem(k.Value, true); msg != "" {
				p.Report(k, ptr, "%s", msg)
				return
			}
			if !strings.HasPrefix(strings.TrimSpace(k.Value), "remove:") {
				value(v, ptr, true)
			}
		})
	})
}

// httpKeyProblem returns why key is not a mapping key of an HTTP API
// request (response false) or response mapping, or "".
func httpKeyProblem(key string, response bool) string {
	text := strings.TrimSpace(key)
	if isPlaceholder(text) {
		return ""
	}
	what := "request parameter key"
	form := "append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME or overwrite:path"
	locs := []string{"header", "querystring", "path"}
	if response {
		what, form, locs = "response parameter key", "append|overwrite|remove:header.NAME or overwrite:statuscode", []string{"header", "statuscode"}
	}
	lower := strings.ToLower(text)
	for _, rest := range []string{"integration.request.", "method.request.", "method.response.", "integration.response."} {
		if strings.HasPrefix(lower, rest) {
			return mapQ(what, text) + " is REST API syntax; HTTP APIs write " + form + httpRESTKeyHint(text)
		}
	}
	action, target, ok := strings.Cut(text, ":")
	if !ok {
		if loc, _, _ := strings.Cut(lower, "."); contains(locs, loc) {
			return mapQ(what, text) + " has no action; write append:, overwrite: or remove: before it, e.g. overwrite:" + text
		}
		return mapQ(what, text) + " is not a mapping key; expected " + form
	}
	if !contains(httpMapActions, action) {
		msg := mapQ(what, text) + " has the unknown action " + strconv.Quote(action) + "; expected append, overwrite or remove"
		if s := didYouMean(action, httpMapActions); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		return msg
	}
	loc, name, hasName := strings.Cut(target, ".")
	switch {
	case loc == "path" && !response:
		if hasName {
			return mapQ(what, text) + " names a path parameter; the path is overwritten whole with overwrite:path, e.g. overwrite:path: /items/$request.path." + name
		}
		if action != "overwrite" {
			return mapQ(what, text) + " cannot " + action + " the path; it can only be overwritten: overwrite:path"
		}
	case loc == "statuscode" && response:
		if hasName || action != "overwrite" {
			return mapQ(what, text) + " is not valid; the status code is set with overwrite:statuscode"
		}
	case loc == "header" || loc == "querystring" && !response:
		if name == "" {
			return mapQ(what, text) + " names no " + loc + "; expected " + action + ":" + loc + ".NAME"
		}
		if loc == "header" && httpReservedHeader(name) {
			return mapQ(what, text) + " maps the reserved header " + name + ", which HTTP APIs do not let mappings change"
		}
	default:
		msg := mapQ(what, text) + " has the unknown location " + strconv.Quote(loc) + "; expected " + form
		switch s := didYouMean(loc, locs); {
		case strings.EqualFold(loc, "query") && !response:
			msg += " (did you mean querystring?)"
		case s != "":
			msg += " (did you mean " + s + "?)"
		}
		return msg
	}
	return ""
}

// httpRESTKeyHint translates a REST request mapping key into the HTTP API
// one.
func httpRESTKeyHint(text string) string {
	if h := httpReservedHint(text); h != "" {
		return h
	}
	rest, ok := strings.CutPrefix(text, "integration.request.")
	if !ok {
		if name, ok := strings.CutPrefix(text, "method.response.header."); ok && name != "" {
			return " (here: overwrite:header." + name + ", under the status code)"
		}
		return ""
	}
	switch loc, name, _ := strings.Cut(rest, "."); {
	case (loc == "header" || loc == "querystring") && name != "":
		return " (here: overwrite:" + loc + "." + name + ")"
	case loc == "path":
		return " (the path is overwritten whole: overwrite:path)"
	}
	return ""
}

// httpReservedHint says, for a REST mapping key naming a header, that the
// header is reserved in HTTP APIs, and where CORS headers come from there.
func httpReservedHint(text string) string {
	i := strings.Index(text, ".header.")
	if i < 0 {
		return ""
	}
	name := text[i+len(".header."):]
	switch {
	case strings.HasPrefix(strings.ToLower(name), "access-control-"):
		return "; " + name + " is reserved there: an HTTP API sends CORS headers from its x-amazon-apigateway-cors configuration"
	case httpReservedHeader(name):
		return "; " + name + " is reserved there and cannot be mapped"
	}
	return ""
}
