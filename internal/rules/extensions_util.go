package rules

// Shared by the document rules about the x-amazon-apigateway-* extensions
// other than the integration itself: where each extension takes effect,
// which kind of API uses it, and a linear walk over the places of an
// OpenAPI document where extensions are read.

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// extPlace is a kind of object of an OpenAPI document that API Gateway reads
// extensions from.
type extPlace int

const (
	extRoot extPlace = 1 << iota
	extPathItem
	extOperation
	extComponents
	extSecurityScheme
	extServer
	extTag
)

func (p extPlace) String() string {
	switch p {
	case extRoot:
		return "at the document root"
	case extPathItem:
		return "in a path item"
	case extOperation:
		return "in an operation"
	case extComponents:
		return "under components"
	case extSecurityScheme:
		return "in a security scheme"
	case extServer:
		return "in a servers entry"
	case extTag:
		return "in a tags entry"
	}
	return "?"
}

// extScope says which kind of API an extension is for.
type extScope int

const (
	extBoth extScope = iota
	extRESTOnly
	extHTTPOnly
)

type extInfo struct {
	places extPlace // where the extension takes effect
	scope  extScope
	where  string // where it belongs, for messages
}

// extKnown lists the documented API Gateway extensions to OpenAPI (the
// developer guide's "OpenAPI extensions for API Gateway" table of contents),
// except the sub-objects that are not keys of their own.
var extKnown = map[string]extInfo{
	"x-amazon-apigateway-any-method":               {extPathItem, extBoth, "in a path item"},
	"x-amazon-apigateway-api-key-source":           {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-auth":                     {extOperation, extBoth, "in an operation"},
	"x-amazon-apigateway-authorizer":               {extSecurityScheme, extBoth, "in a security scheme"},
	"x-amazon-apigateway-authtype":                 {extSecurityScheme, extBoth, "in a security scheme"},
	"x-amazon-apigateway-binary-media-types":       {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-cors":                     {extRoot, extHTTPOnly, "at the document root"},
	"x-amazon-apigateway-documentation":            {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-endpoint-access-mode":     {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-endpoint-configuration":   {extRoot | extServer, extBoth, "at the document root (Swagger 2.0) or in a servers entry (OpenAPI 3)"},
	"x-amazon-apigateway-gateway-responses":        {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-importexport-version":     {extRoot, extHTTPOnly, "at the document root"},
	"x-amazon-apigateway-integration":              {extOperation, extBoth, "in an operation"},
	"x-amazon-apigateway-integrations":             {extComponents, extHTTPOnly, "under components"},
	"x-amazon-apigateway-minimum-compression-size": {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-policy":                   {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-request-validator":        {extRoot | extOperation, extRESTOnly, "at the document root or in an operation"},
	"x-amazon-apigateway-request-validators":       {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-security-policy":          {extRoot, extRESTOnly, "at the document root"},
	"x-amazon-apigateway-tag-value":                {extTag, extHTTPOnly, "in a tags entry"},
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

// extOperationKeys are the path item keys holding an operation.
var extOperationKeys = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true,
	"patch": true, "trace": true, "x-amazon-apigateway-any-method": true,
}

// extSite is one object extensions are read from.
type extSite struct {
	place extPlace
	node  *doc.Node // a mapping
	ptr   string
}

// extSites calls fn for every object of the document where API Gateway
// reads extensions: the root, path items and operations (through Fn::If
// branches), components, security schemes (OpenAPI 3 and Swagger 2.0),
// servers and tags entries. Schemas and other deep objects are not visited,
// so the walk is linear in the size of those objects' key lists.
func extSites(api *doc.API, fn func(s extSite)) {
	// Several rules walk the same sites: the list is built once per document.
	sites := api.Memo(extSitesKey{}, func() any {
		var list []extSite
		walkExtSites(api, func(s extSite) { list = append(list, s) })
		return list
	}).([]extSite)
	for _, s := range sites {
		fn(s)
	}
}

type extSitesKey struct{}

func walkExtSites(api *doc.API, fn func(s extSite)) {
	root := doc.Resolve(api.Root)
	fn(extSite{extRoot, root, api.Pointer})
	_, paths := doc.Get(root, "paths")
	doc.Pairs(paths, func(pk, pv *doc.Node) {
		extBranches(pv, doc.Join(api.Pointer, "paths", pk.Value), func(item *doc.Node, iptr string) {
			fn(extSite{extPathItem, item, iptr})
			doc.Pairs(item, func(mk, mv *doc.Node) {
				if !extOperationKeys[mk.Value] {
					return
				}
				extBranches(mv, doc.Join(iptr, mk.Value), func(op *doc.Node, optr string) {
					fn(extSite{extOperation, op, optr})
				})
			})
		})
	})
	if _, comps := doc.Get(root, "components"); extIsMap(comps) {
		cptr := doc.Join(api.Pointer, "components")
		fn(extSite{extComponents, doc.Resolve(comps), cptr})
		_, schemes := doc.Get(comps, "securitySchemes")
		doc.Pairs(schemes, func(k, v *doc.Node) {
			if extIsMap(v) {
				fn(extSite{extSecurityScheme, doc.Resolve(v), doc.Join(cptr, "securitySchemes", k.Value)})
			}
		})
	}
	_, defs := doc.Get(root, "securityDefinitions")
	doc.Pairs(defs, func(k, v *doc.Node) {
		if extIsMap(v) {
			fn(extSite{extSecurityScheme, doc.Resolve(v), doc.Join(api.Pointer, "securityDefinitions", k.Value)})
		}
	})
	for _, key := range []string{"servers", "tags"} {
		place := extServer
		if key == "tags" {
			place = extTag
		}
		_, seq := doc.Get(root, key)
		seq = doc.Resolve(seq)
		if seq == nil || seq.Kind != doc.SequenceNode {
			continue
		}
		for i, item := range seq.Content {
			if extIsMap(item) {
				fn(extSite{place, doc.Resolve(item), doc.Join(api.Pointer, key, strconv.Itoa(i))})
			}
		}
	}
}

// extBranches calls fn with the mapping n stands for, or with both outcomes
// of an Fn::If (long form or !If tag), nested ones included.
func extBranches(n *doc.Node, ptr string, fn func(*doc.Node, string)) {
	extBranchesDepth(n, ptr, fn, 0)
}

func extBranchesDepth(n *doc.Node, ptr string, fn func(*doc.Node, string), depth int) {
	n = doc.Resolve(n)
	if n == nil || depth > 10 {
		return
	}
	var args *doc.Node
	switch {
	case n.Tag == "!If" && n.Kind == doc.SequenceNode:
		args = n
	case n.Kind == doc.MappingNode:
		fnName, arg := doc.IntrinsicOf(n)
		if fnName == "" {
			fn(n, ptr)
			return
		}
		if fnName != "Fn::If" {
			return
		}
		args, ptr = doc.Resolve(arg), doc.Join(ptr, "Fn::If")
	default:
		return
	}
	if args == nil || args.Kind != doc.SequenceNode || len(args.Content) != 3 {
		return
	}
	extBranchesDepth(args.Content[1], doc.Join(ptr, "1"), fn, depth+1)
	extBranchesDepth(args.Content[2], doc.Join(ptr, "2"), fn, depth+1)
}

// extField is one key/value pair of an extension object.
type extField struct {
	key, val *doc.Node
	ptr      string
}

// extFields returns the pairs of mapping n in document order.
func extFields(n *doc.Node, ptr string) []extField {
	var out []extField
	doc.Pairs(n, func(k, v *doc.Node) {
		out = append(out, extField{k, v, doc.Join(ptr, k.Value)})
	})
	return out
}

// extSiteFields returns the pairs of mapping n whose key starts like an
// extension ("x-", "x_", any case): at a site such as an operation, the
// other keys are plain OpenAPI and need no pointer built for them.
func extSiteFields(n *doc.Node, ptr string) []extField {
	var out []extField
	doc.Pairs(n, func(k, v *doc.Node) {
		if len(k.Value) > 1 && (k.Value[0] == 'x' || k.Value[0] == 'X') && (k.Value[1] == '-' || k.Value[1] == '_') {
			out = append(out, extField{k, v, doc.Join(ptr, k.Value)})
		}
	})
	return out
}

// extGet returns the pair with key name in mapping n, or nil.
func extGet(n *doc.Node, ptr, name string) *extField {
	k, v := doc.Get(n, name)
	if k == nil {
		return nil
	}
	return &extField{k, v, doc.Join(ptr, name)}
}

func extIsMap(n *doc.Node) bool {
	return doc.Classify(n).Kind == doc.KindMap
}

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
var extMediaType = regexp.MustCompile(`^[A-Za-z0-9*][A-Za-z0-9!#$&^_.+*-]*/[A-Za-z0-9*][A-Za-z0-9!#$&^_.+*-]*(\s*;.*)?$`)

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
		case "AWS::ApiGateway::RestApi", "AWS::Serverless::Api":
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
	extSites(api, func(s extSite) {
		if found || (s.place != extRoot && s.place != extOperation && s.place != extSecurityScheme) {
			return
		}
		doc.Pairs(s.node, func(k, v *doc.Node) {
			if info, ok := extKnown[k.Value]; ok && info.scope == extRESTOnly && info.places&s.place != 0 {
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
	for _, f := range extFields(n, ptr) {
		if contains(known, f.key.Value) || strings.HasPrefix(f.key.Value, "x-") {
			continue
		}
		rep.Report(f.key, f.ptr, "%s has no property %q; expected %s%s",
			what, f.key.Value, oneOf(known), extDidYouMean(extSuggest(f.key.Value, known)))
	}
}
