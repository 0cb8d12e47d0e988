package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkRouteTarget: the Target of an AWS::ApiGatewayV2::Route,
// "integrations/<id>" built with Fn::Join, Fn::Sub or a Ref, names an
// AWS::ApiGatewayV2::Integration of the same template, of the same API as
// the route. A target the template cannot settle (a literal id, a
// parameter, an import) is not judged.
func checkRouteTarget(p *FilePass) {
	res := p.Result
	if res.Content == doc.ContentTerraform {
		checkTerraformRouteTarget(p)
		return
	}
	if res.Content != doc.ContentTemplate || len(res.V2Routes) == 0 {
		return
	}
	root := res.File.Root
	_, resources := doc.Get(root, "Resources")
	_, params := doc.Get(root, "Parameters")
	for _, rt := range res.V2Routes {
		id := rt.TargetID
		if id == "" {
			continue
		}
		at := rt.TargetAt
		if at == nil {
			at = rt.Target
		}
		ptr := doc.Join(rt.Pointer, "Target")
		if k, _ := doc.Get(params, id); k != nil {
			continue // an integration id passed in
		}
		_, r := doc.Get(resources, id)
		if r == nil {
			p.Report(at, ptr, "route %s targets integrations/%s, but the template has no resource %s; CloudFormation rejects the template (unresolved resource dependency)", rt.Resource, id, id)
			continue
		}
		_, ty := doc.Get(r, "Type")
		t := doc.Classify(ty)
		if t.Kind != doc.KindString {
			continue
		}
		if t.Text != doc.V2IntegrationType {
			p.Report(at, ptr, "route %s targets integrations/%s, but %s is an %s, not an %s; a route's Target is integrations/ followed by an integration id", rt.Resource, id, id, t.Text, doc.V2IntegrationType)
			continue
		}
		_, props := doc.Get(r, "Properties")
		_, api := doc.Get(props, "ApiId")
		if ia := logicalIDOf(api); ia != "" && rt.APIRef != "" && ia != rt.APIRef {
			p.Report(at, ptr, "route %s of the API %s targets the integration %s, which belongs to the API %s; a route can only target an integration of its own API", rt.Resource, rt.APIRef, id, ia)
		}
	}
}

// checkTerraformRouteTarget: the target of an aws_apigatewayv2_route,
// "integrations/${TYPE.NAME.id}", names an aws_apigatewayv2_integration
// that the module declares, of the route's own API. A target written any
// other way is not judged; an integration the file does not hold is
// reported only when the whole module was read (TargetAbsent).
func checkTerraformRouteTarget(p *FilePass) {
	const integ = "aws_apigatewayv2_integration"
	for _, rt := range p.Result.V2Routes {
		if rt.TargetType == "" || rt.TargetAt == nil {
			continue
		}
		ptr := doc.Join(rt.Pointer, "target")
		addr := rt.TargetType + "." + rt.TargetID
		switch {
		case rt.TargetType != integ:
			p.Report(rt.TargetAt, ptr, "route %s targets integrations/${%s.id}, but %s is not an %s; a route's target is integrations/ followed by the id of an integration of its API", rt.Resource, addr, addr, integ)
		case rt.TargetAbsent:
			p.Report(rt.TargetAt, ptr, "route %s targets integrations/${%s.id}, but the module declares no resource %s; Terraform rejects the configuration (Reference to undeclared resource)", rt.Resource, addr, addr)
		case rt.APIRef != "" && rt.TargetAPI != "" && rt.APIRef != rt.TargetAPI:
			p.Report(rt.TargetAt, ptr, "route %s of the API aws_apigatewayv2_api.%s targets the integration %s, which belongs to the API aws_apigatewayv2_api.%s; a route can only target an integration of its own API", rt.Resource, rt.APIRef, addr, rt.TargetAPI)
		}
	}
}

// logicalIDOf returns the logical id a Ref or Fn::GetAtt names, or "".
func logicalIDOf(n *doc.Node) string { return doc.LogicalID(n) }
