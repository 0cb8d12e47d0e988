// Package terraform is apigwlint's front-end for Terraform configuration
// files (.tf, native syntax, and .tf.json, the JSON syntax, read into the
// same tree: json.go): it reads the API Gateway resources of the AWS
// provider into the document model of internal/doc, so that the rules check
// them as they check OpenAPI and CloudFormation.
//
// What it reads:
//   - aws_api_gateway_integration: an integration of shape
//     doc.ShapeTerraform, its arguments keyed by their snake_case names (see
//     doc.TerraformFields);
//   - aws_api_gateway_method, aws_api_gateway_method_response and
//     aws_api_gateway_integration_response of the same method (the same
//     rest_api_id, resource_id and http_method, compared as source text
//     after following references between these resources): the method's
//     declared request parameters and responses, and the integration's
//     responses;
//   - aws_api_gateway_rest_api with body = jsonencode({...}): the object
//     becomes an embedded OpenAPI document; so does that of an
//     aws_apigatewayv2_api (an HTTP API's: a WebSocket API has no body);
//   - aws_api_gateway_rest_api and aws_apigatewayv2_api with body =
//     file("...") or templatefile("...", {...}), the path a literal or
//     "${path.module}/" and one: LoadAll returns the file as a Body, which
//     the caller reads and lints as a document of its own (LoadBody), of
//     the kind the resource settles (REST; HTTP for aws_apigatewayv2_api).
//
// Nothing is evaluated: there is no Terraform run. A literal is a literal;
// a string with interpolations is a template whose ${...} parts are
// unknown (Classify gives KindTemplate); a reference to a Lambda function's
// invoke_arn stands for an invocation ARN with unknown parts; every other
// expression (references, function calls, conditionals, for expressions,
// dynamic blocks, values of each.value or count.index) is unknown, and the
// rules stay quiet about it. Positions are those of the .tf file.
//
// One file is read at a time, while a Terraform module is a folder: a
// method or response the file does not hold may be in another file, so
// what the file does not show is never taken as absent. Not read yet: a
// body given through a local value or a computed path.
//
// HTTP and WebSocket APIs: aws_apigatewayv2_integration, with its
// aws_apigatewayv2_api, aws_apigatewayv2_route and
// aws_apigatewayv2_integration_response resources, is read into the V2
// model of internal/doc (see v2.go).
package terraform

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The resource types the front-end reads.
const (
	integrationType         = "aws_api_gateway_integration"
	methodType              = "aws_api_gateway_method"
	methodResponseType      = "aws_api_gateway_method_response"
	integrationResponseType = "aws_api_gateway_integration_response"
	restAPIType             = "aws_api_gateway_rest_api"
)

// Load parses a .tf or .tf.json file and reads its API Gateway resources. The error,
// when not nil, is a *loader.Error with the file's path and the position of
// the first syntax error. A file without any integration or embedded
// OpenAPI document gives a Result whose Content is doc.ContentNone. Load
// never panics.
func Load(path string, src []byte) (*doc.Result, error) {
	res, _, err := LoadAll(path, src)
	return res, err
}

// LoadAll is Load that also returns the files the API resources load
// their body from (see Body), in source order. It reads no file itself.
func LoadAll(path string, src []byte) (res *doc.Result, bodies []Body, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, bodies, err = nil, nil, &loader.Error{Path: path, Msg: fmt.Sprintf("%s: %v", internalError, r)}
		}
	}()
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	lim := loader.DefaultLimits
	if int64(len(src)) > lim.MaxBytes {
		return nil, nil, &loader.Error{Path: path, Msg: fmt.Sprintf("file is larger than %d bytes", lim.MaxBytes)}
	}
	c := newConv(src)
	if off, ok := tooDeep(src, lim.MaxDepth); ok {
		line, col := c.pos(off)
		return nil, nil, &loader.Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("nesting deeper than %d levels", lim.MaxDepth)}
	}
	var body *hclsyntax.Body
	if IsJSON(path) {
		if body, err = loadJSON(path, src, c); err != nil {
			return nil, nil, err
		}
	} else {
		f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
		if err := firstError(path, diags, c); err != nil {
			return nil, nil, err
		}
		var ok bool
		if body, ok = f.Body.(*hclsyntax.Body); !ok {
			return &doc.Result{File: &doc.File{Path: path, Src: src}}, nil, nil
		}
	}
	b := &builder{conv: c, file: &doc.File{Path: path, Src: src}}
	b.read(body)
	res = b.result()
	sort.SliceStable(b.bodies, func(i, j int) bool {
		return b.bodies[i].Line < b.bodies[j].Line || b.bodies[i].Line == b.bodies[j].Line && b.bodies[i].Col < b.bodies[j].Col
	})
	return res, b.bodies, nil
}

// internalError starts the message of an error Load makes of a panic (a
// bug), which the fuzz test looks for.
const internalError = "internal error reading Terraform"

// tooDeep reports where brackets, or a run of unary operators, nest deeper
// than max: the HCL parser recurses on them without a limit. Brackets in
// strings and comments are counted too, which only errs on the safe side.
func tooDeep(src []byte, max int) (int, bool) {
	depth, run := 0, 0
	for i, ch := range src {
		switch ch {
		case '(', '[', '{':
			depth++
			run = 0
		case ')', ']', '}':
			depth--
			run = 0
		case '!', '-':
			run++
		case ' ', '\t', '\r', '\n':
		default:
			run = 0
		}
		if depth > max || run > max {
			return i, true
		}
	}
	return 0, false
}

// resource is one resource block read into the model.
type resource struct {
	typ, name string
	block     *hclsyntax.Block
	label     *doc.Node // the name label: where findings about the resource as a whole go
	node      *doc.Node // the body as a mapping
	ptr       string    // JSON pointer of the body, as Terraform's JSON syntax would have it
}

// attr returns the expression of an argument, or nil.
func (r *resource) attr(name string) hclsyntax.Expression {
	if a := r.block.Body.Attributes[name]; a != nil {
		return a.Expr
	}
	return nil
}

// builder reads the resources of one file.
type builder struct {
	*conv
	file      *doc.File
	resources []*resource
	byType    map[string][]*resource
	keys      map[*resource]string              // memo of methodKey
	byKey     map[string]map[string][]*resource // resources by type and methodKey
	bodies    []Body                            // the files API resources load their body from
}

// read converts the resources of the types the front-end reads.
func (b *builder) read(body *hclsyntax.Body) {
	b.byType = map[string][]*resource{}
	blocks := append([]*hclsyntax.Block(nil), body.Blocks...)
	sort.SliceStable(blocks, func(i, j int) bool { return blocks[i].TypeRange.Start.Byte < blocks[j].TypeRange.Start.Byte })
	b.blocks = map[string]map[string]*hclsyntax.Block{}
	for _, blk := range blocks {
		if blk.Type == "resource" && len(blk.Labels) == 2 && len(blk.LabelRanges) == 2 {
			if b.blocks[blk.Labels[0]] == nil {
				b.blocks[blk.Labels[0]] = map[string]*hclsyntax.Block{}
			}
			b.blocks[blk.Labels[0]][blk.Labels[1]] = blk
		}
	}
	seen := map[[2]string]bool{}
	for _, blk := range blocks {
		if blk.Type != "resource" || len(blk.Labels) != 2 || len(blk.LabelRanges) != 2 {
			continue
		}
		// Terraform rejects a second resource of the same type and name
		// ("Duplicate resource"); only the first is read, so that the tree
		// has one key for it and every pointer names one resource.
		if id := [2]string{blk.Labels[0], blk.Labels[1]}; seen[id] {
			continue
		} else {
			seen[id] = true
		}
		switch typ := blk.Labels[0]; typ {
		case v2APIType:
			if !inlineBody(blk) {
				b.bodyRef(blk, doc.HTTP)
				continue
			}
			fallthrough // its body is a document written in the file: part of the tree
		case integrationType, methodType, methodResponseType, integrationResponseType, restAPIType,
			v2IntegrationType, v2RouteType, v2IntegrationResponseType, lambdaPermissionType:
			r := &resource{typ: typ, name: blk.Labels[1], block: blk,
				ptr: doc.Join("", "resource", typ, blk.Labels[1])}
			r.label = b.scalar(blk.LabelRanges[1], "!!str", doc.DoubleQuotedStyle, r.name)
			r.node = b.body(blk.Body, blk.OpenBraceRange, nil, nestedOf(typ))
			b.resources = append(b.resources, r)
			b.byType[typ] = append(b.byType[typ], r)
		}
	}
}

// result builds the file's tree and model.
func (b *builder) result() *doc.Result {
	b.file.Root = b.root()
	res := &doc.Result{File: b.file}
	for _, r := range b.byType[integrationType] {
		in := doc.NewIntegration(b.file, doc.ShapeTerraform, r.label, r.node, r.ptr)
		in.Op = b.operation(r)
		for _, ir := range b.sameMethod(r, integrationResponseType) {
			in.AddResponse(ir.label, ir.node, ir.ptr)
		}
		res.Integrations = append(res.Integrations, in)
	}
	for _, r := range b.byType[restAPIType] {
		b.addBody(res, r, doc.REST)
	}
	for _, r := range b.byType[v2APIType] {
		b.addBody(res, r, doc.HTTP)
	}
	b.v2(res)
	if len(res.Integrations) > 0 || len(res.APIs) > 0 || len(res.V2Routes) > 0 {
		res.Content = doc.ContentTerraform
	}
	return res
}

// root is the file's tree as Terraform's JSON syntax writes it, with the
// resources read: {"resource": {TYPE: {NAME: body}}}, so that every
// pointer resolves.
func (b *builder) root() *doc.Node {
	root := &doc.Node{Kind: doc.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	if len(b.resources) == 0 {
		return root
	}
	types := &doc.Node{Kind: doc.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	root.Content = []*doc.Node{{Kind: doc.ScalarNode, Tag: "!!str", Value: "resource", Line: 1, Column: 1}, types}
	byType := map[string]*doc.Node{}
	for _, r := range b.resources {
		m := byType[r.typ]
		if m == nil {
			m = &doc.Node{Kind: doc.MappingNode, Tag: "!!map", Line: r.label.Line, Column: r.label.Column}
			byType[r.typ] = m
			types.Content = append(types.Content, &doc.Node{Kind: doc.ScalarNode, Tag: "!!str", Value: r.typ, Line: r.label.Line, Column: r.label.Column}, m)
		}
		m.Content = append(m.Content, r.label, r.node)
	}
	return root
}

// inlineBody reports whether a resource's body is jsonencode of an
// expression written in the file (for an aws_apigatewayv2_api, one whose
// protocol_type is not WEBSOCKET: only HTTP APIs are imported from
// OpenAPI).
func inlineBody(blk *hclsyntax.Block) bool {
	a := blk.Body.Attributes["body"]
	if a == nil {
		return false
	}
	call, ok := a.Expr.(*hclsyntax.FunctionCallExpr)
	if !ok || call.Name != "jsonencode" || len(call.Args) != 1 || call.ExpandFinal {
		return false
	}
	if blk.Labels[0] == v2APIType {
		if pt := blk.Body.Attributes["protocol_type"]; pt != nil {
			if v, ok := literalText(pt.Expr); ok && strings.TrimSpace(v) == "WEBSOCKET" {
				return false
			}
		}
	}
	return true
}

// addBody adds the OpenAPI document of an aws_api_gateway_rest_api (kind
// REST) or aws_apigatewayv2_api (HTTP) whose body is jsonencode of an
// object written in the file, or records the file it loads the body from.
func (b *builder) addBody(res *doc.Result, r *resource, kind doc.APIKind) {
	if !inlineBody(r.block) {
		b.bodyRef(r.block, kind)
		return
	}
	call := r.attr("body").(*hclsyntax.FunctionCallExpr)
	root := b.expr(call.Args[0])
	if root.Kind != doc.MappingNode {
		return
	}
	for i := 0; i+1 < len(r.node.Content); i += 2 {
		if r.node.Content[i].Value == "body" {
			r.node.Content[i+1] = root // the pointers into the document resolve in the file's tree
		}
	}
	res.AddEmbeddedAPI(root, doc.Join(r.ptr, "body"), kind,
		&doc.Template{Resource: r.name, Type: r.typ}, loader.Decoder)
}
