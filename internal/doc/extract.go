package doc

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
)

// Content says what a file holds.
type Content int

const (
	ContentNone           Content = iota // no API Gateway content: skipped silently
	ContentOpenAPI                       // an OpenAPI 3 or Swagger 2 document
	ContentTemplate                      // a CloudFormation/SAM template
	ContentPutIntegration                // put-integration input JSON
	ContentGetIntegration                // get-integration output JSON
	ContentTerraform                     // a Terraform configuration file (internal/terraform)
	ContentV2Integration                 // apigatewayv2 create-/update-/get-integration JSON (v2.go)
)

func (c Content) String() string {
	return [...]string{"none", "OpenAPI", "CloudFormation template", "put-integration input", "get-integration output",
		"Terraform configuration", "apigatewayv2 integration"}[c]
}

// Result is everything the loader found in one file.
type Result struct {
	File         *File
	Content      Content
	APIs         []*API
	Integrations []*Integration
	// V2Routes are the AWS::ApiGatewayV2::Route resources of a template.
	V2Routes []*V2Route
	// TerraformModule is what the other files of a Terraform module add
	// (tfmodule.go); nil when not read.
	TerraformModule *TerraformModule

	decoder Decoder // passed to the APIs found
}

// HoldsAPIGateway reports whether the file is about API Gateway at all: an
// OpenAPI document or integration JSON, or a template that mentions an API
// Gateway (or SAM API) resource or extension anywhere, also in a value a
// duplicate key dropped. Checks of the file as a whole (keys written twice,
// later YAML documents) say nothing about other files: a template of S3
// buckets is not apigwlint's to judge.
func (r *Result) HoldsAPIGateway() bool {
	if r.Content == ContentTemplate && len(r.APIs) == 0 && len(r.Integrations) == 0 {
		return MentionsAPIGateway(r.File.Src)
	}
	return r.Content != ContentNone
}

// gatewayMarkers are text that only API Gateway content holds.
var gatewayMarkers = [][]byte{
	[]byte("x-amazon-apigateway-"), []byte("AWS::ApiGateway"), []byte("AWS::Serverless::Api"),
	[]byte("AWS::Serverless::HttpApi"), []byte("AWS::Serverless::WebSocketApi"),
}

// MentionsAPIGateway reports whether text holds an unmistakable API Gateway
// marker: an x-amazon-apigateway- extension or an API Gateway resource type.
func MentionsAPIGateway(src []byte) bool {
	for _, m := range gatewayMarkers {
		if bytes.Contains(src, m) {
			return true
		}
	}
	return false
}

// Extract finds the integrations of a parsed file, detecting its shape by
// content (never by file name). dec decodes the OpenAPI objects the model
// reads only in part (see Decoder).
func Extract(f *File, dec Decoder) *Result {
	r := &Result{File: f, decoder: dec}
	root := Resolve(f.Root)
	if root == nil || root.Kind != MappingNode {
		return r
	}
	switch {
	case isOpenAPI(root):
		r.Content = ContentOpenAPI
		r.addAPI(&API{File: f, Root: root, Decoder: dec})
	case isTemplate(root):
		r.Content = ContentTemplate
		r.walkTemplate(root)
	case isPutIntegration(root):
		r.Content = ContentPutIntegration
		r.Integrations = append(r.Integrations, newIntegration(f, ShapePutIntegration, nil, root, ""))
	case isGetIntegration(root):
		r.Content = ContentGetIntegration
		r.Integrations = append(r.Integrations, newIntegration(f, ShapeGetIntegration, nil, root, ""))
	case isV2Integration(root):
		r.Content = ContentV2Integration
		r.Integrations = append(r.Integrations, newV2JSON(f, root))
	}
	return r
}

// ContentOf says what a document root holds, as Extract decides it.
func ContentOf(root *Node) Content {
	switch {
	case root == nil || root.Kind != MappingNode:
		return ContentNone
	case isOpenAPI(root):
		return ContentOpenAPI
	case isTemplate(root):
		return ContentTemplate
	case isPutIntegration(root):
		return ContentPutIntegration
	case isGetIntegration(root):
		return ContentGetIntegration
	case isV2Integration(root):
		return ContentV2Integration
	}
	return ContentNone
}

func isOpenAPI(root *Node) bool {
	k1, _ := Get(root, "openapi")
	k2, _ := Get(root, "swagger")
	return k1 != nil || k2 != nil
}

func isTemplate(root *Node) bool {
	_, res := Get(root, "Resources")
	res = Resolve(res)
	return res != nil && res.Kind == MappingNode
}

func isPutIntegration(root *Node) bool {
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
func isGetIntegration(root *Node) bool {
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

func (r *Result) walkTemplate(root *Node) {
	_, res := Get(root, "Resources")
	Pairs(res, func(k, v *Node) {
		_, t := Get(v, "Type")
		t = Resolve(t)
		if t == nil || t.Kind != ScalarNode {
			return
		}
		if t.Value == MethodResourceType {
			r.addMethod(root, k.Value, v)
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
				r.addAPI(&API{File: r.File, Decoder: r.decoder, Root: b.node, Pointer: b.ptr, Kind: kind,
					Template: &Template{Resource: k.Value, Type: t.Value}})
			}
		}
	})
	r.addV2(root) // AWS::ApiGatewayV2::Integration and ::Route resources (v2.go)
}

// AddEmbeddedAPI adds the OpenAPI document at root, embedded in a resource
// another front-end read (the body of a Terraform aws_api_gateway_rest_api),
// with its operations and integrations, as Extract does for the Body of a
// CloudFormation resource. The resource settles the API kind; ptr is the
// JSON pointer of root. It returns nil, adding nothing, when root is not an
// OpenAPI or Swagger document.
func (r *Result) AddEmbeddedAPI(root *Node, ptr string, kind APIKind, res *Template, dec Decoder) *API {
	root = Resolve(root)
	if root == nil || root.Kind != MappingNode || !isOpenAPI(root) {
		return nil
	}
	api := &API{File: r.File, Decoder: dec, Root: root, Pointer: ptr, Kind: kind, Template: res}
	r.addAPI(api)
	return api
}

type branch struct {
	node *Node
	ptr  string
}

// branchesOf returns the mappings a value may stand for: the value itself,
// or each outcome of an Fn::If (see Branches).
func branchesOf(n *Node, ptr string) []branch {
	var out []branch
	Branches(n, ptr, func(n *Node, ptr string) { out = append(out, branch{n, ptr}) })
	return out
}

// IntegrationKey is the OpenAPI extension this linter is about.
const IntegrationKey = "x-amazon-apigateway-integration"

func (r *Result) addAPI(api *API) {
	if k, v := Get(api.Root, "openapi"); k != nil {
		api.Version = Resolve(v).Value
	} else if _, v := Get(api.Root, "swagger"); v != nil {
		api.Version = Resolve(v).Value
	}
	// HTTP APIs import OpenAPI 3 only; in a template the resource type
	// decides.
	standalone3 := api.Template == nil && !api.Swagger2()
	r.APIs = append(r.APIs, api)
	first := len(r.Integrations)
	referenced := map[*Node]bool{}
	_, paths := Get(api.Root, "paths")
	Pairs(paths, func(pk, pv *Node) {
		for _, item := range branchesOf(pv, Join(api.Pointer, "paths", pk.Value)) {
			Pairs(item.node, func(mk, mv *Node) {
				if !OperationKeys[mk.Value] {
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
	Pairs(reusable, func(k, v *Node) {
		v = Resolve(v)
		if referenced[v] || v == nil || v.Kind != MappingNode {
			return
		}
		in := newIntegration(r.File, ShapeOpenAPI, k, v, Join(api.Pointer, "components", "x-amazon-apigateway-integrations", k.Value))
		in.API = api
		r.Integrations = append(r.Integrations, in)
	})
	// A standalone OpenAPI 3 document is an HTTP API when it has the
	// importexport-version extension or its integrations use HTTP-API-only
	// fields, unless it also uses what only REST APIs have: REST documents
	// carrying fields copied from HTTP API examples are common.
	if standalone3 {
		ins := r.Integrations[first:]
		if k, _ := Get(api.Root, "x-amazon-apigateway-importexport-version"); k != nil {
			api.Kind = HTTP
		}
		for _, in := range ins {
			if in.Field("payloadFormatVersion") != nil || in.Field("integrationSubtype") != nil {
				api.Kind = HTTP
			}
		}
		if api.Kind == HTTP && restUsed(ins) {
			api.Kind = REST
		}
	}
	api.KindCertain = !standalone3 || api.Kind == HTTP && httpMarked(api, r.Integrations[first:])
}

// restUsed reports whether integrations use what only REST APIs have: an
// AWS, HTTP or MOCK type, integration responses, mapping templates.
func restUsed(ins []*Integration) bool {
	nonEmpty := func(f *Field) bool {
		v := f.Val()
		return (v.Kind == KindMap || v.Kind == KindSeq) && len(v.Node.Content) > 0
	}
	for _, in := range ins {
		if t := in.Type(); t == "AWS" || t == "HTTP" || t == "MOCK" {
			return true
		}
		if f := in.Field("responses"); f != nil && nonEmpty(f) {
			return true
		}
		if f := in.Field("requestTemplates"); f != nil && nonEmpty(f) {
			return true
		}
	}
	return false
}

// httpMarked reports whether a standalone OpenAPI 3 document taken for an
// HTTP API certainly is one: it has a marker only HTTP APIs use (the
// importexport-version or cors extension, reusable integrations, an
// integrationSubtype, a mapping key such as overwrite:header.x, the $default
// route). payloadFormatVersion alone is no proof: REST documents with the
// field copied from an HTTP API example are common.
func httpMarked(api *API, ins []*Integration) bool {
	marked := false
	for _, k := range []string{"x-amazon-apigateway-importexport-version", "x-amazon-apigateway-cors"} {
		if kk, _ := Get(api.Root, k); kk != nil {
			marked = true
		}
	}
	_, comps := Get(api.Root, "components")
	_, paths := Get(api.Root, "paths")
	if k, _ := Get(comps, "x-amazon-apigateway-integrations"); k != nil {
		marked = true
	}
	if k, _ := Get(paths, "$default"); k != nil {
		marked = true
	}
	for _, in := range ins {
		if in.Field("integrationSubtype") != nil {
			marked = true
		}
		if f := in.Field("requestParameters"); f != nil {
			Pairs(f.Value, func(k, _ *Node) {
				for _, a := range []string{"append:", "overwrite:", "remove:"} {
					marked = marked || strings.HasPrefix(k.Value, a)
				}
			})
		}
	}
	return marked
}

// integrationBranches resolves an integration value: Fn::If branches and,
// for HTTP APIs, a $ref to components/x-amazon-apigateway-integrations.
func (r *Result) integrationBranches(api *API, v *Node, ptr string) []branch {
	v = Resolve(v)
	if v == nil {
		return nil
	}
	if v.Tag == "!If" && v.Kind == SequenceNode {
		return branchesOf(v, ptr) // the short form of Fn::If: a sequence
	}
	if v.Kind != MappingNode {
		return []branch{{v, ptr}} // a wrong type; reported by the value-type rule
	}
	if rk, ref := Get(v, "$ref"); ref != nil {
		ref = Resolve(ref)
		ir := &IntegrationRef{Key: rk, Value: ref, Pointer: Join(ptr, "$ref")}
		api.IntegrationRefs = append(api.IntegrationRefs, ir)
		if ref.Kind == ScalarNode && strings.HasPrefix(ref.Value, "#/") {
			if target, tptr := lookupPointer(api.Root, ref.Value[1:]); target != nil {
				ir.Target = target
				return []branch{{target, Join(api.Pointer) + tptr}}
			}
		}
		return nil // the integration-ref rule reports it
	}
	if fn, _ := IntrinsicOf(v); fn != "" && fn != "Fn::If" {
		return []branch{{v, ptr}}
	}
	return branchesOf(v, ptr)
}

// lookupPointer resolves a JSON pointer ("/a/b", "/paths/~1pets/get/parameters/0")
// inside root and returns the node with the pointer as resolved. A $ref
// is a URI, so its fragment may be percent-encoded ("~1pets~1%7Bid%7D",
// RFC 6901 section 6); the pointer is tried as written first, so that a key
// with a literal "%" still resolves.
func lookupPointer(root *Node, ptr string) (*Node, string) {
	if n := walkPointer(root, ptr); n != nil {
		return n, ptr
	}
	if dec, err := url.PathUnescape(ptr); err == nil && dec != ptr {
		if n := walkPointer(root, dec); n != nil {
			return n, dec
		}
	}
	return nil, ""
}

func walkPointer(root *Node, ptr string) *Node {
	n := root
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		if seq := Resolve(n); seq != nil && seq.Kind == SequenceNode {
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(seq.Content) || tok != strconv.Itoa(i) {
				return nil // not an index (RFC 6901: no sign, no leading zero)
			}
			n = seq.Content[i]
			continue
		}
		_, n = Get(n, tok)
		if n == nil {
			return nil
		}
	}
	return Resolve(n)
}

// MethodResourceType is the CloudFormation resource that defines a REST
// method and its integration directly, without an OpenAPI document.
const MethodResourceType = "AWS::ApiGateway::Method"

// addMethod adds the integration of an AWS::ApiGateway::Method resource
// (both outcomes of an Fn::If around it), with the method as its operation.
func (r *Result) addMethod(root *Node, name string, res *Node) {
	_, props := Get(res, "Properties")
	props = Resolve(props)
	if props == nil || props.Kind != MappingNode {
		return
	}
	ik, iv := Get(props, "Integration")
	if ik == nil {
		return
	}
	ptr := Join("", "Resources", name, "Properties")
	op := &Operation{Node: props, Pointer: ptr, Resource: name, Path: resourcePath(root, props)}
	if _, m := Get(props, "HttpMethod"); Classify(m).Kind == KindString {
		op.Method = strings.TrimSpace(Classify(m).Text)
	}
	var bs []branch
	v := Resolve(iv)
	switch fn, _ := IntrinsicOf(v); {
	case v == nil:
	case v.Kind == SequenceNode && v.Tag == "!If", fn == "Fn::If":
		bs = branchesOf(v, Join(ptr, "Integration"))
	default:
		bs = []branch{{v, Join(ptr, "Integration")}} // an object, or a value for value-type to judge
	}
	for _, b := range bs {
		in := newIntegration(r.File, ShapeCloudFormation, ik, b.node, b.ptr)
		in.Op = op
		r.Integrations = append(r.Integrations, in)
	}
}

// maxResourceDepth bounds the walk up a chain of AWS::ApiGateway::Resource
// parents, which also ends a loop of ParentIds.
const maxResourceDepth = 64

// resourcePath works out the resource path of a Method resource by
// following ResourceId to AWS::ApiGateway::Resource resources (PathPart,
// ParentId) up to a RestApi's RootResourceId. It returns "" when any step is
// not a literal the template itself settles.
func resourcePath(root, props *Node) string {
	_, res := Get(root, "Resources")
	_, id := Get(props, "ResourceId")
	var parts []string
	for depth := 0; depth < maxResourceDepth; depth++ {
		if isRootResourceID(id) {
			if len(parts) == 0 {
				return "/"
			}
			var b strings.Builder
			for i := len(parts) - 1; i >= 0; i-- {
				b.WriteString("/" + parts[i])
			}
			return b.String()
		}
		name := refName(id)
		if name == "" {
			return ""
		}
		_, rr := Get(res, name)
		_, t := Get(rr, "Type")
		if t = Resolve(t); t == nil || t.Value != "AWS::ApiGateway::Resource" {
			return ""
		}
		_, rp := Get(rr, "Properties")
		_, part := Get(rp, "PathPart")
		pv := Classify(part)
		if pv.Kind != KindString || pv.Text == "" || strings.Contains(pv.Text, "/") {
			return ""
		}
		parts = append(parts, pv.Text)
		_, id = Get(rp, "ParentId")
	}
	return ""
}

// refName returns the logical id a {Ref: X} or !Ref X value names, or "".
func refName(n *Node) string {
	n = Resolve(n)
	if n == nil {
		return ""
	}
	if n.Tag == "!Ref" && n.Kind == ScalarNode {
		return n.Value
	}
	if fn, arg := IntrinsicOf(n); fn == "Ref" {
		if arg = Resolve(arg); arg != nil && arg.Kind == ScalarNode {
			return arg.Value
		}
	}
	return ""
}

// isRootResourceID reports whether n is Fn::GetAtt of a RestApi's
// RootResourceId, in any of its spellings.
func isRootResourceID(n *Node) bool {
	_, attr, ok := getAtt(n)
	return ok && attr == "RootResourceId"
}

// getAtt returns the logical id and attribute of a Fn::GetAtt, in any of
// its spellings (!GetAtt X.attr, Fn::GetAtt: [X, attr], Fn::GetAtt: X.attr).
func getAtt(n *Node) (name, attr string, ok bool) {
	n = Resolve(n)
	if n == nil {
		return "", "", false
	}
	var arg *Node
	switch fn, a := IntrinsicOf(n); {
	case n.Tag == "!GetAtt":
		arg = n
	case fn == "Fn::GetAtt":
		arg = Resolve(a)
	default:
		return "", "", false
	}
	switch {
	case arg == nil:
	case arg.Kind == ScalarNode:
		return strings.Cut(arg.Value, ".")
	case arg.Kind == SequenceNode && len(arg.Content) == 2:
		x, y := Resolve(arg.Content[0]), Resolve(arg.Content[1])
		if x != nil && y != nil && x.Kind == ScalarNode && y.Kind == ScalarNode {
			return x.Value, y.Value, true
		}
	}
	return "", "", false
}
