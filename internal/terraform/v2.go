package terraform

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// HTTP and WebSocket APIs (API Gateway V2): aws_apigatewayv2_integration
// resources become integrations of shape doc.ShapeV2Terraform, with the
// V2 information the CloudFormation front-end gives an
// AWS::ApiGatewayV2::Integration (doc.V2Info):
//   - the protocol: the literal protocol_type of the aws_apigatewayv2_api
//     of this file its api_id names (aws_apigatewayv2_api.NAME.id), or
//     what its body or the route keys of its routes tell (see protocol); an
//     api_id of anything else (a variable, a data source, another module)
//     leaves it unknown, and protocol-dependent rules say nothing;
//   - its routes: the aws_apigatewayv2_route resources whose target is
//     "integrations/${aws_apigatewayv2_integration.NAME.id}", with their
//     literal route_key;
//   - its aws_apigatewayv2_integration_response resources (integration_id
//     = aws_apigatewayv2_integration.NAME.id).
//
// Every route becomes a doc.V2Route, for the route-target rule: the
// resource its target names, and the APIs of the route and that resource.
// aws_apigatewayv2_route_response has no counterpart in the model.

// The V2 resource types the front-end reads.
const (
	v2IntegrationType         = "aws_apigatewayv2_integration"
	v2RouteType               = "aws_apigatewayv2_route"
	v2IntegrationResponseType = "aws_apigatewayv2_integration_response"
)

// refName returns NAME when e is a reference TYPE.NAME.ATTR (or
// TYPE.NAME[KEY].ATTR, an instance of a counted resource) to a managed
// resource, with its type; ok is false for anything else (a variable, a
// data source, a function call, a template).
func refName(e hclsyntax.Expression, attr string) (typ, name string, ok bool) {
	e = unwrap(e)
	// TYPE.NAME[count.index].ATTR: an index that is not a literal makes
	// the reference a traversal from an index expression.
	if rt, isRel := e.(*hclsyntax.RelativeTraversalExpr); isRel && len(rt.Traversal) == 1 {
		ix, isIndex := rt.Source.(*hclsyntax.IndexExpr)
		last, isAttr := rt.Traversal[0].(hcl.TraverseAttr)
		if !isIndex || !isAttr || last.Name != attr {
			return "", "", false
		}
		coll, isRef := ix.Collection.(*hclsyntax.ScopeTraversalExpr)
		if !isRef || len(coll.Traversal) != 2 {
			return "", "", false
		}
		root, ok1 := coll.Traversal[0].(hcl.TraverseRoot)
		res, ok2 := coll.Traversal[1].(hcl.TraverseAttr)
		if !ok1 || !ok2 || !isResourceType(root.Name) {
			return "", "", false
		}
		return root.Name, res.Name, true
	}
	st, isRef := e.(*hclsyntax.ScopeTraversalExpr)
	if !isRef {
		return "", "", false
	}
	t := st.Traversal
	if len(t) < 3 || len(t) > 4 {
		return "", "", false
	}
	root, ok1 := t[0].(hcl.TraverseRoot)
	res, ok2 := t[1].(hcl.TraverseAttr)
	last, ok3 := t[len(t)-1].(hcl.TraverseAttr)
	if !ok1 || !ok2 || !ok3 || last.Name != attr || !isResourceType(root.Name) {
		return "", "", false
	}
	if len(t) == 4 {
		if _, ok := t[2].(hcl.TraverseIndex); !ok {
			return "", "", false
		}
	}
	return root.Name, res.Name, true
}

// isResourceType reports whether a reference's root names a resource type
// (aws_lambda_function), not var, local, module, data, each, count, path,
// self or terraform.
func isResourceType(root string) bool {
	switch root {
	case "var", "local", "module", "data", "each", "count", "path", "self", "terraform":
		return false
	}
	return strings.Contains(root, "_")
}

// literalText returns the text of an expression that is a literal string
// (a quoted string without interpolation, or "${"x"}"), or false.
func literalText(e hclsyntax.Expression) (string, bool) {
	switch e := unwrap(e).(type) {
	case *hclsyntax.LiteralValueExpr:
		if e.Val.IsKnown() && !e.Val.IsNull() && e.Val.Type() == cty.String {
			return e.Val.AsString(), true
		}
	case *hclsyntax.TemplateExpr:
		var b strings.Builder
		for _, p := range e.Parts {
			lit, ok := p.(*hclsyntax.LiteralValueExpr)
			if !ok || !lit.Val.IsKnown() || lit.Val.IsNull() || lit.Val.Type() != cty.String {
				return "", false
			}
			b.WriteString(lit.Val.AsString())
		}
		return b.String(), true
	}
	return "", false
}

// routeTarget reads the target of a route: "integrations/${TYPE.NAME.id}"
// or join("/", ["integrations", TYPE.NAME.id]) gives the resource it
// names. A target written any other way (a literal id, a variable, another
// function) names none the file can settle.
func routeTarget(e hclsyntax.Expression) (typ, name string) {
	if call, ok := unwrap(e).(*hclsyntax.FunctionCallExpr); ok {
		if call.Name != "join" || len(call.Args) != 2 || call.ExpandFinal {
			return "", ""
		}
		list, ok := call.Args[1].(*hclsyntax.TupleConsExpr)
		if sep, ok2 := literalText(call.Args[0]); !ok || !ok2 || sep != "/" || len(list.Exprs) != 2 {
			return "", ""
		}
		if head, ok := literalText(list.Exprs[0]); !ok || head != "integrations" {
			return "", ""
		}
		typ, name, _ = refName(list.Exprs[1], "id")
		return typ, name
	}
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok || len(t.Parts) != 2 {
		return "", ""
	}
	if prefix, ok := literalText(t.Parts[0]); !ok || prefix != "integrations/" {
		return "", ""
	}
	typ, name, _ = refName(t.Parts[1], "id")
	return typ, name
}

// v2 builds the integrations and routes of HTTP and WebSocket APIs.
func (b *builder) v2(res *doc.Result) {
	type route struct {
		*doc.V2Route
		key  string // the literal route_key, or ""
		lit  bool   // the route key is a literal
		targ string // the name of the aws_apigatewayv2_integration it targets, or ""
	}
	var routes []route
	for _, r := range b.byType[v2RouteType] {
		rt := &doc.V2Route{Resource: v2RouteType + "." + r.name, Key: r.label, Props: r.node, Pointer: r.ptr}
		key, lit := literalText(r.attr("route_key"))
		rt.RouteKey = strings.TrimSpace(key)
		if k, v := doc.Get(r.node, "target"); k != nil {
			rt.Target, rt.TargetAt = v, v
			if e := r.attr("target"); e != nil {
				rt.TargetType, rt.TargetID = routeTarget(e)
			}
		}
		if typ, name, ok := refName(r.attr("api_id"), "id"); ok && typ == v2APIType {
			rt.APIRef = name
		}
		if rt.TargetType == v2IntegrationType {
			if blk := b.blocks[v2IntegrationType][rt.TargetID]; blk != nil {
				if a := blk.Body.Attributes["api_id"]; a != nil {
					if typ, name, ok := refName(a.Expr, "id"); ok && typ == v2APIType {
						rt.TargetAPI = name
					}
				}
			}
		}
		res.V2Routes = append(res.V2Routes, rt)
		targ := ""
		if rt.TargetType == v2IntegrationType {
			targ = rt.TargetID
		}
		routes = append(routes, route{rt, rt.RouteKey, lit, targ})
	}
	for _, r := range b.byType[v2IntegrationType] {
		in := doc.NewIntegration(b.file, doc.ShapeV2Terraform, r.label, r.node, r.ptr)
		in.V2 = &doc.V2Info{Resource: v2IntegrationType + "." + r.name, RouteKeysKnown: true}
		b.protocol(in.V2, r)
		for _, rt := range routes {
			switch {
			case rt.targ == r.name:
				if !rt.lit || rt.key == "" {
					in.V2.RouteKeysKnown = false
				}
				in.V2.RouteKeys = append(in.V2.RouteKeys, rt.key)
			case rt.targ == "" && rt.Target != nil:
				in.V2.RouteKeysKnown = false // a target the file does not settle
			}
		}
		for _, ir := range b.byType[v2IntegrationResponseType] {
			if typ, name, ok := refName(ir.attr("integration_id"), "id"); ok && typ == v2IntegrationType && name == r.name {
				in.V2.Responses = append(in.V2.Responses, ir.label)
				in.V2.ResponseNames = append(in.V2.ResponseNames, v2IntegrationResponseType+"."+ir.name)
				in.V2.ResponsePointers = append(in.V2.ResponsePointers, ir.ptr)
			}
		}
		res.Integrations = append(res.Integrations, in)
	}
}

// protocol settles the protocol of an integration as the CloudFormation
// front-end does (doc/v2.go), for the aws_apigatewayv2_api its api_id names
// (aws_apigatewayv2_api.NAME.id): its literal protocol_type when this file
// declares it; else, the API certainly having a body, HTTP (only HTTP APIs are
// imported from OpenAPI); else the literal route keys of the routes of
// this file whose api_id names the same API: $connect, $disconnect and any
// key that is not $default or "METHOD /path" exist only in WebSocket APIs,
// "METHOD /path" only in HTTP APIs, and $default in both. The API may be
// declared in another file of the module: a reference to a managed
// resource names one API, wherever it is written. An api_id of anything
// else (a variable, a data source, a module output) settles nothing.
func (b *builder) protocol(v *doc.V2Info, r *resource) {
	typ, name, ok := refName(r.attr("api_id"), "id")
	if !ok || typ != v2APIType {
		return
	}
	api := v2APIType + "." + name
	if blk := b.blocks[v2APIType][name]; blk != nil {
		if a := blk.Body.Attributes["protocol_type"]; a != nil {
			if pt, ok := literalText(a.Expr); ok {
				why := "the protocol_type of " + api + " is "
				switch strings.TrimSpace(pt) {
				case "HTTP":
					v.Protocol, v.ProtocolCertain, v.ProtocolWhy = doc.HTTP, true, why+"HTTP"
				case "WEBSOCKET":
					v.Protocol, v.ProtocolCertain, v.ProtocolWhy = doc.WebSocket, true, why+"WEBSOCKET"
				}
				return // another literal: the provider rejects it
			}
		}
		if a := blk.Body.Attributes["body"]; a != nil && certainBody(a.Expr) {
			v.Protocol, v.ProtocolCertain, v.ProtocolWhy = doc.HTTP, true, api+" has a body, and only HTTP APIs are imported from OpenAPI"
			return
		}
	}
	ws, http := "", ""
	for _, rt := range b.byType[v2RouteType] {
		if t, n, ok := refName(rt.attr("api_id"), "id"); !ok || t != v2APIType || n != name {
			continue
		}
		key, lit := literalText(rt.attr("route_key"))
		if !lit {
			continue
		}
		key = strings.TrimSpace(key)
		switch kind, ok := doc.RouteKeyKind(key); {
		case !ok:
		case kind == doc.WebSocket && ws == "":
			ws = key
		case kind == doc.HTTP && http == "":
			http = key
		}
	}
	switch {
	case ws != "" && http == "":
		v.Protocol, v.ProtocolCertain, v.ProtocolWhy = doc.WebSocket, true, api+" has the WebSocket route key "+ws
	case http != "" && ws == "":
		v.Protocol, v.ProtocolCertain, v.ProtocolWhy = doc.HTTP, true, api+" has the HTTP route key "+http
	}
}

// certainBody reports whether a body argument certainly gives a document:
// a string, or jsonencode, file or templatefile of something. Any other
// expression may be null (body = var.body, or a conditional: a module that
// makes both kinds of API), which leaves the API without one.
func certainBody(e hclsyntax.Expression) bool {
	switch e := unwrap(e).(type) {
	case *hclsyntax.TemplateExpr:
		return true
	case *hclsyntax.LiteralValueExpr:
		return e.Val.Type() == cty.String && !e.Val.IsNull()
	case *hclsyntax.FunctionCallExpr:
		switch e.Name {
		case "jsonencode", "yamlencode", "file", "templatefile":
			return true
		}
	}
	return false
}
