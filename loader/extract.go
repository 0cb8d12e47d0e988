package loader

import (
	"strings"

	yaml "go.yaml.in/yaml/v4"
)

// Content says what a file holds.
type Content int

const (
	ContentNone           Content = iota // no API Gateway content: skipped silently
	ContentOpenAPI                       // an OpenAPI 3 or Swagger 2 document
	ContentTemplate                      // a CloudFormation/SAM template
	ContentPutIntegration                // put-integration input JSON
	ContentGetIntegration                // get-integration output JSON
)

func (c Content) String() string {
	return [...]string{"none", "OpenAPI", "CloudFormation template", "put-integration input", "get-integration output"}[c]
}

// Result is everything the loader found in one file.
type Result struct {
	File         *File
	Content      Content
	APIs         []*API
	Integrations []*Integration
}

// Load parses src and extracts its integrations. The error, when not nil,
// is an *Error with the file's path and the position of the problem.
func Load(path string, src []byte, lim Limits) (*Result, error) {
	f, err := Parse(path, src, lim)
	if err != nil {
		return nil, err
	}
	return Extract(f), nil
}

// Extract finds the integrations of a parsed file, detecting its shape by
// content (never by file name).
func Extract(f *File) *Result {
	r := &Result{File: f}
	root := Resolve(f.Root)
	if root == nil || root.Kind != yaml.MappingNode {
		return r
	}
	switch {
	case isOpenAPI(root):
		r.Content = ContentOpenAPI
		r.addAPI(&API{File: f, Root: root})
	case isTemplate(root):
		r.Content = ContentTemplate
		r.walkTemplate(root)
	case isPutIntegration(root):
		r.Content = ContentPutIntegration
		r.Integrations = append(r.Integrations, newIntegration(f, ShapePutIntegration, nil, root, ""))
	case isGetIntegration(root):
		r.Content = ContentGetIntegration
		r.Integrations = append(r.Integrations, newIntegration(f, ShapeGetIntegration, nil, root, ""))
	}
	return r
}

func isOpenAPI(root *yaml.Node) bool {
	k1, _ := Get(root, "openapi")
	k2, _ := Get(root, "swagger")
	return k1 != nil || k2 != nil
}

func isTemplate(root *yaml.Node) bool {
	_, res := Get(root, "Resources")
	res = Resolve(res)
	return res != nil && res.Kind == yaml.MappingNode
}

func isPutIntegration(root *yaml.Node) bool {
	for _, k := range []string{"restApiId", "resourceId", "integrationHttpMethod"} {
		if kk, _ := Get(root, k); kk != nil {
			return true
		}
	}
	return false
}

// isGetIntegration recognises get-integration output: a "type" next to at
// least two other integration fields, so that an unrelated file with a
// "type" key is not taken for one.
func isGetIntegration(root *yaml.Node) bool {
	if k, _ := Get(root, "type"); k == nil {
		return false
	}
	n := 0
	for _, k := range []string{"httpMethod", "uri", "integrationResponses", "cacheNamespace", "cacheKeyParameters",
		"passthroughBehavior", "timeoutInMillis", "connectionType", "requestTemplates", "requestParameters"} {
		if kk, _ := Get(root, k); kk != nil {
			n++
		}
	}
	return n >= 2
}

// templateBodies maps the resource types that embed an OpenAPI document to
// the property holding it and the kind of API it defines.
var templateBodies = map[string]struct {
	prop string
	kind APIKind
}{
	"AWS::ApiGateway::RestApi": {"Body", REST},
	"AWS::Serverless::Api":     {"DefinitionBody", REST},
	"AWS::Serverless::HttpApi": {"DefinitionBody", HTTP},
	"AWS::ApiGatewayV2::Api":   {"Body", HTTP},
}

func (r *Result) walkTemplate(root *yaml.Node) {
	_, res := Get(root, "Resources")
	Pairs(res, func(k, v *yaml.Node) {
		_, t := Get(v, "Type")
		t = Resolve(t)
		if t == nil || t.Kind != yaml.ScalarNode {
			return
		}
		body, ok := templateBodies[t.Value]
		if !ok {
			return
		}
		_, props := Get(v, "Properties")
		_, doc := Get(props, body.prop)
		ptr := Join("", "Resources", k.Value, "Properties", body.prop)
		for _, b := range branchesOf(doc, ptr) {
			if isOpenAPI(b.node) {
				kind := body.kind
				r.addAPI(&API{File: r.File, Root: b.node, Pointer: b.ptr, Kind: kind,
					Template: &Template{Resource: k.Value, Type: t.Value}})
			}
		}
	})
}

type branch struct {
	node *yaml.Node
	ptr  string
}

// branches returns the mappings a value may stand for: the value itself, or
// both outcomes of an Fn::If (nested ones too).
func branches(n *yaml.Node, ptr string) []branch {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var fnIf *yaml.Node
	if n.Tag == "!If" {
		fnIf = n // never a mapping in practice; kept for symmetry
	}
	if fn, arg := IntrinsicOf(n); fn == "Fn::If" {
		fnIf = Resolve(arg)
		ptr = Join(ptr, "Fn::If")
	} else if fn != "" {
		return nil
	}
	if fnIf == nil {
		return []branch{{n, ptr}}
	}
	var out []branch
	if fnIf.Kind == yaml.SequenceNode && len(fnIf.Content) == 3 {
		for i, c := range fnIf.Content[1:] {
			out = append(out, branches(c, Join(ptr, []string{"1", "2"}[i]))...)
		}
	}
	return out
}

// branchesOf is branches for values that may also be written with the !If
// short tag (a sequence node tagged !If).
func branchesOf(n *yaml.Node, ptr string) []branch {
	n = Resolve(n)
	if n != nil && n.Tag == "!If" && n.Kind == yaml.SequenceNode && len(n.Content) == 3 {
		var out []branch
		for i, c := range n.Content[1:] {
			out = append(out, branchesOf(c, Join(ptr, []string{"1", "2"}[i]))...)
		}
		return out
	}
	return branches(n, ptr)
}

// operationKeys are the path item keys that hold an operation.
var operationKeys = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true,
	"patch": true, "trace": true, "x-amazon-apigateway-any-method": true,
}

// IntegrationKey is the OpenAPI extension this linter is about.
const IntegrationKey = "x-amazon-apigateway-integration"

func (r *Result) addAPI(api *API) {
	if k, v := Get(api.Root, "openapi"); k != nil {
		api.Version = Resolve(v).Value
	} else if _, v := Get(api.Root, "swagger"); v != nil {
		api.Version = Resolve(v).Value
	}
	if k, _ := Get(api.Root, "x-amazon-apigateway-importexport-version"); k != nil {
		api.Kind = HTTP
	}
	r.APIs = append(r.APIs, api)
	first := len(r.Integrations)
	referenced := map[*yaml.Node]bool{}
	_, paths := Get(api.Root, "paths")
	Pairs(paths, func(pk, pv *yaml.Node) {
		for _, item := range branchesOf(pv, Join(api.Pointer, "paths", pk.Value)) {
			Pairs(item.node, func(mk, mv *yaml.Node) {
				if !operationKeys[mk.Value] {
					return
				}
				for _, op := range branchesOf(mv, Join(item.ptr, mk.Value)) {
					o := &Operation{API: api, Path: pk.Value, PathItem: item.node, Method: mk.Value, Node: op.node, Pointer: op.ptr}
					ik, iv := Get(op.node, IntegrationKey)
					if ik == nil {
						continue
					}
					for _, ib := range r.integrationBranches(api, iv, Join(op.ptr, IntegrationKey)) {
						referenced[ib.node] = true
						in := newIntegration(r.File, ShapeOpenAPI, ik, ib.node, ib.ptr)
						in.API, in.Op = api, o
						r.Integrations = append(r.Integrations, in)
					}
				}
			})
		}
	})
	// Reusable integrations of HTTP APIs that no operation refers to are
	// still checked, without an operation.
	_, comps := Get(api.Root, "components")
	_, reusable := Get(comps, "x-amazon-apigateway-integrations")
	Pairs(reusable, func(k, v *yaml.Node) {
		v = Resolve(v)
		if referenced[v] || v == nil || v.Kind != yaml.MappingNode {
			return
		}
		in := newIntegration(r.File, ShapeOpenAPI, k, v, Join(api.Pointer, "components", "x-amazon-apigateway-integrations", k.Value))
		in.API = api
		r.Integrations = append(r.Integrations, in)
	})
	// A standalone document is an HTTP API when its integrations use
	// HTTP-API-only fields; in a template the resource type decides.
	if api.Kind == REST && api.Template == nil {
		for _, in := range r.Integrations[first:] {
			if in.Fields["payloadFormatVersion"] != nil || in.Fields["integrationSubtype"] != nil {
				api.Kind = HTTP
				break
			}
		}
	}
}

// integrationBranches resolves an integration value: Fn::If branches and,
// for HTTP APIs, a $ref to components/x-amazon-apigateway-integrations.
func (r *Result) integrationBranches(api *API, v *yaml.Node, ptr string) []branch {
	v = Resolve(v)
	if v == nil {
		return nil
	}
	if v.Tag == "!If" && v.Kind == yaml.SequenceNode {
		return branchesOf(v, ptr) // the short form of Fn::If: a sequence
	}
	if v.Kind != yaml.MappingNode {
		return []branch{{v, ptr}} // a wrong type; reported by the value-type rule
	}
	if _, ref := Get(v, "$ref"); ref != nil {
		ref = Resolve(ref)
		if ref.Kind == yaml.ScalarNode && strings.HasPrefix(ref.Value, "#/") {
			if target, tptr := lookupPointer(api.Root, ref.Value[1:]); target != nil {
				return []branch{{target, Join(api.Pointer) + tptr}}
			}
		}
		return nil // unresolvable refs are the document's business, not an integration's
	}
	if fn, _ := IntrinsicOf(v); fn != "" && fn != "Fn::If" {
		return []branch{{v, ptr}}
	}
	return branchesOf(v, ptr)
}

// lookupPointer resolves a JSON pointer ("/a/b") inside root.
func lookupPointer(root *yaml.Node, ptr string) (*yaml.Node, string) {
	n := root
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		_, n = Get(n, tok)
		if n == nil {
			return nil, ""
		}
	}
	return Resolve(n), ptr
}
