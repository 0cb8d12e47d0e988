package rules

// Shared by the document rules about the x-amazon-apigateway-* extensions
// other than the integration itself: where each extension takes effect,
// which kind of API uses it, and a linear walk over the places of an
// OpenAPI document where extensions are read.

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"sort"
	"strconv"
	"strings"
)

// extScope says which kind of API an extension is for.
type extScope int

const (
	extBoth extScope = iota
	extRESTOnly
	extHTTPOnly
)

type extInfo struct {
	places doc.Place // where the extension takes effect
	scope  extScope
	where  string // where it belongs, for messages
}

// extKnown lists the documented API Gateway extensions to OpenAPI (the
// developer guide's "OpenAPI extensions for API Gateway" table of contents),
// except the sub-objects that are not keys of their own.
var extKnown = map[string]extInfo{
	"x-amazon-apigateway-any-method":               {doc.PlacePathItem, extBoth, "in a path item"},
	"x-amazon-apigateway-api-key-source":           {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-auth":                     {doc.PlaceOperation, extBoth, "in an operation"},
	"x-amazon-apigateway-authorizer":               {doc.PlaceSecurityScheme, extBoth, "in a security scheme"},
	"x-amazon-apigateway-authtype":                 {doc.PlaceSecurityScheme, extBoth, "in a security scheme"},
	"x-amazon-apigateway-binary-media-types":       {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-cors":                     {doc.PlaceRoot, extHTTPOnly, "at the document root"},
	"x-amazon-apigateway-documentation":            {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-endpoint-access-mode":     {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-endpoint-configuration":   {doc.PlaceRoot | doc.PlaceServer, extBoth, "at the document root (Swagger 2.0) or in a servers entry (OpenAPI 3)"},
	"x-amazon-apigateway-gateway-responses":        {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-importexport-version":     {doc.PlaceRoot, extHTTPOnly, "at the document root"},
	"x-amazon-apigateway-integration":              {doc.PlaceOperation, extBoth, "in an operation"},
	"x-amazon-apigateway-integrations":             {doc.PlaceComponents, extHTTPOnly, "under components"},
	"x-amazon-apigateway-minimum-compression-size": {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-policy":                   {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-request-validator":        {doc.PlaceRoot | doc.PlaceOperation, extRESTOnly, "at the document root or in an operation"},
	"x-amazon-apigateway-request-validators":       {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-security-policy":          {doc.PlaceRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-tag-value":                {doc.PlaceTag, extHTTPOnly, "in a tags entry"},
}

// extNames is extKnown's keys, sorted, for deterministic suggestions.
var extNames = func() []string {
	out := make([]string, 0, len(extKnown))
	for k := range extKnown {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}()

// extKnownValue reports whether v is a literal the linter can judge: not an
// intrinsic function, not a Fn::Sub template, not a whole-value placeholder
// of another templating tool.
func extKnownValue(v doc.Value) bool {
	if !v.Known() {
		return false
	}
	if v.Kind == doc.KindString && isPlaceholder(v.Text) {
		return false
	}
	return true
}

// extKindName names a value kind for messages ("a string", "an array" ...).
func extKindName(k doc.ValueKind) string {
	switch k {
	case doc.KindString:
		return "a string"
	case doc.KindInt:
		return "an integer"
	case doc.KindFloat:
		return "a number"
	case doc.KindBool:
		return "a boolean"
	case doc.KindMap:
		return "an object"
	case doc.KindSeq:
		return "an array"
	case doc.KindNull:
		return "empty"
	}
	return k.String()
}

// extBool reports whether v is a boolean, also accepting the strings "true"
// and "false" that JSON parsers coerce.
func extBool(v doc.Value) bool {
	if v.Kind == doc.KindBool {
		return true
	}
	t := strings.ToLower(strings.TrimSpace(v.Text))
	return v.Kind == doc.KindString && (t == "true" || t == "false")
}

// extInt returns the integer a value holds: a YAML/JSON integer or a string
// of digits (which JSON parsers coerce). ok is false for anything else.
func extInt(v doc.Value) (n int64, ok bool) {
	if v.Kind != doc.KindInt && v.Kind != doc.KindString {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v.Text), 0, 64)
	return n, err == nil
}

// extMediaType matches a media type (type/subtype, wildcards allowed),
// optionally with parameters.
var extMediaType = lazyre.New(`^[A-Za-z0-9*][A-Za-z0-9!#$&^_.+*-]*/[A-Za-z0-9*][A-Za-z0-9!#$&^_.+*-]*(\s*;.*)?$`)

// extSubst replaces each ${...} of a string template (Fn::Sub variables,
// import-time ${AWS::Region}, Terraform template variables) with a neutral
// token, so that the literal parts can be checked against a grammar.
// ok is false when the text starts with a ${...}: then even its prefix is
// computed and nothing can be said.
func extSubst(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "${") || strings.HasPrefix(t, "{{") {
		return "", false
	}
	var b strings.Builder
	for {
		i := strings.Index(t, "${")
		if i < 0 {
			b.WriteString(t)
			break
		}
		j := strings.Index(t[i:], "}")
		if j < 0 {
			b.WriteString(t)
			break
		}
		b.WriteString(t[:i])
		b.WriteString("x0")
		t = t[i+j+1:]
	}
	return b.String(), true
}

// extTextOf returns the text of a string or Fn::Sub template value with its
// ${...} parts neutralised; ok is false when nothing can be judged.
func extTextOf(v doc.Value) (string, bool) {
	switch v.Kind {
	case doc.KindString:
		if isPlaceholder(v.Text) || strings.HasPrefix(strings.TrimSpace(v.Text), "REPLACE_ME") {
			return "", false
		}
		return extSubst(v.Text)
	case doc.KindTemplate:
		return extSubst(v.Text)
	}
	return "", false
}

// extCertainKind returns the kind of API a document defines when it is
// certain. A template resource's type decides. A standalone Swagger 2.0
// document is a REST API (HTTP APIs import OpenAPI 3 only). A standalone
// document the loader found HTTP-only features in (importexport-version,
// payloadFormatVersion, integrationSubtype) is an HTTP API only when nothing
// in it says REST: no REST-only extension at the root or in an operation, no
// non-proxy integration type, no token or Cognito authorizer. Copied
// fragments mix the two often enough that mixed signals are uncertain (ok
// false), and rules that depend on the kind stay silent.
func extCertainKind(api *doc.API, res *doc.Result) (kind doc.APIKind, ok bool) {
	if t := api.Template; t != nil {
		switch t.Type {
		case "AWS::ApiGateway::RestApi", "AWS::Serverless::Api", "aws_api_gateway_rest_api": // the last is Terraform's
			return doc.REST, true
		case "AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi":
			return doc.HTTP, true
		}
		return doc.REST, false
	}
	if api.Swagger2() {
		return doc.REST, true
	}
	if api.Kind != doc.HTTP || extRESTSignals(api, res) {
		return doc.REST, false
	}
	return doc.HTTP, true
}

// extRESTSignals reports whether a document uses anything only REST APIs
// have.
func extRESTSignals(api *doc.API, res *doc.Result) bool {
	found := false
	api.EachSite(func(s doc.Site) {
		if found || (s.Place != doc.PlaceRoot && s.Place != doc.PlaceOperation && s.Place != doc.PlaceSecurityScheme) {
			return
		}
		doc.Pairs(s.Node, func(k, v *doc.Node) {
			if info, ok := extKnown[k.Value]; ok && info.scope == extRESTOnly && info.places&s.Place != 0 {
				found = true
			}
			if k.Value == "x-amazon-apigateway-authorizer" {
				_, t := doc.Get(v, "type")
				if tv := doc.Classify(t); tv.Kind == doc.KindString {
					switch strings.ToLower(strings.TrimSpace(tv.Text)) {
					case "token", "cognito_user_pools":
						found = true
					}
				}
			}
		})
	})
	if found || res == nil {
		return found
	}
	for _, in := range res.Integrations {
		if in.API == api {
			switch in.Type() {
			case "AWS", "HTTP", "MOCK":
				return true
			}
		}
	}
	return false
}

// extSuggest returns the closest of names to s (case-insensitive) when it
// is a likely typo, or "".
func extSuggest(s string, names []string) string {
	best, bestD := "", 3
	ls := strings.ToLower(s)
	for _, n := range names {
		ln := strings.ToLower(n)
		if ls == ln {
			return n
		}
		if extAbs(len(ls)-len(ln)) >= bestD {
			continue
		}
		if d := editDistance(ls, ln); d < bestD && d*4 <= len(ln) {
			best, bestD = n, d
		}
	}
	return best
}

func extAbs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// extDidYouMean renders a suggestion suffix for a message.
func extDidYouMean(s string) string {
	if s == "" {
		return ""
	}
	return " (did you mean " + s + "?)"
}

// extUnknownKeys reports keys of mapping n that are not in known, at the
// severity of rep, with a suggestion when one is close.
func extUnknownKeys(rep *DocPass, n *doc.Node, ptr, what string, known []string) {
	for _, f := range doc.PairsOf(n, ptr) {
		if contains(known, f.Key.Value) || strings.HasPrefix(f.Key.Value, "x-") {
			continue
		}
		rep.Report(f.Key, f.Pointer, "%s has no property %q; expected %s%s",
			what, f.Key.Value, oneOf(known), extDidYouMean(extSuggest(f.Key.Value, known)))
	}
}
