package rules

import (
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

const (
	lambdaFunctionType   = "AWS::Lambda::Function"
	lambdaPermissionType = "AWS::Lambda::Permission"
)

// checkLambdaPermission: an integration of a template that invokes a Lambda
// function of the same template, without credentials, needs an
// AWS::Lambda::Permission letting apigateway.amazonaws.com invoke that
// function, or every call fails with a 500 ("Invalid permissions on Lambda
// function"). SAM creates the permission for the functions of Api and
// HttpApi events. Judged only when every permission of the template can be
// told apart: a permission whose function or principal the template does
// not settle, a SAM connector, a nested stack or another transform may
// grant it, and the rule then says nothing; so it does for a function
// whose ARN the template exports. A function with permissions whose
// SourceArn cannot match the integration is left to
// lambda-permission-source-arn, which reports at the SourceArn.
func checkLambdaPermission(p *FilePass) {
	checkTerraformLambdaPermission(p) // a Terraform module: terraform_stack.go
	g := lambdaGrantsOf(p.Result)
	if g == nil {
		return
	}
	for _, li := range g.invocations {
		if g.granted[li.function] || len(g.permissions[li.function]) > 0 {
			continue
		}
		name := li.function
		p.Report(li.at, li.uri.Pointer(), "the integration invokes the Lambda function %s of this template without credentials, and no AWS::Lambda::Permission lets apigateway.amazonaws.com invoke %s: every call fails with 500 (Invalid permissions on Lambda function); add the permission, or credentials with a role that may invoke it", name, name)
	}
}

// lambdaGrants is what a template says about who may invoke its Lambda
// functions, for lambda-permission and lambda-permission-source-arn.
type lambdaGrants struct {
	byName map[string]*doc.Resource
	// functions: logical id -> literal FunctionName ("" when none).
	functions map[string]string
	// granted: functions API Gateway may invoke whatever the integration
	// (SAM events, exported ARNs).
	granted map[string]bool
	// permissions: the AWS::Lambda::Permission resources for API Gateway
	// of each function, in document order.
	permissions map[string][]*doc.Resource
	// invocations: the integrations without credentials that invoke a
	// function of the template.
	invocations []lambdaInvocation
}

// lambdaInvocation is an integration invoking a function of the template.
type lambdaInvocation struct {
	in       *doc.Integration
	function string
	uri      *doc.Field
	at       *doc.Node
}

// lambdaGrantsOf reads the functions, permissions and Lambda integrations
// of a template; nil when the template may grant a permission the rules
// cannot see (see checkLambdaPermission).
func lambdaGrantsOf(res *doc.Result) *lambdaGrants {
	list, byName := res.Resources()
	if len(list) == 0 || otherTransform(res.File.Root) {
		return nil
	}
	g := &lambdaGrants{byName: byName, functions: map[string]string{}, permissions: map[string][]*doc.Resource{}}
	for _, r := range list {
		switch {
		case r.Type == lambdaFunctionType || r.Type == samFunctionType:
			_, name := r.Prop("FunctionName")
			g.functions[r.Name] = literalText(name)
		case r.Type == "AWS::Serverless::Connector", r.Type == "AWS::CloudFormation::Stack",
			r.Type == "AWS::Serverless::Application", r.Type == "":
			return nil // may grant a permission the rule cannot see
		}
		if k, _ := doc.Get(r.Node, "Connectors"); k != nil {
			return nil
		}
	}
	if len(g.functions) == 0 {
		return nil
	}
	g.granted = samEventsOf(list, byName).functions
	for _, r := range list {
		if r.Type != lambdaPermissionType {
			continue
		}
		_, principal := r.Prop("Principal")
		if pr := literalText(principal); pr != "" && pr != "*" && !strings.Contains(pr, "apigateway") {
			continue // another service's permission
		}
		_, fn := r.Prop("FunctionName")
		name, known := permissionTarget(fn, g.functions)
		if !known {
			return nil // a function the template does not settle: maybe any
		}
		if name != "" {
			g.permissions[name] = append(g.permissions[name], r)
		}
	}
	for name := range exported(res.File.Root) {
		g.granted[name] = true
	}
	for _, in := range res.Integrations {
		if in.Terraform() || in.Shape != doc.ShapeCloudFormation && in.Shape != doc.ShapeV2CloudFormation && in.API == nil {
			continue
		}
		if t := in.Type(); t != "AWS_PROXY" && t != "AWS" {
			continue
		}
		if in.Field("credentials") != nil {
			continue
		}
		uri := in.Field("uri")
		if uri == nil {
			continue
		}
		if name, at := invokedFunction(uri.Value, g.functions); name != "" {
			g.invocations = append(g.invocations, lambdaInvocation{in: in, function: name, uri: uri, at: at})
		}
	}
	return g
}

// otherTransform reports whether the template names a transform other than
// SAM's, which may add resources.
func otherTransform(root *doc.Node) bool {
	_, t := doc.Get(root, "Transform")
	other := false
	check := func(n *doc.Node) {
		if literalText(n) != "AWS::Serverless-2016-10-31" {
			other = true
		}
	}
	if v := doc.Resolve(t); v != nil && v.Kind == doc.SequenceNode {
		for _, item := range v.Content {
			check(item)
		}
	} else if t != nil {
		check(t)
	}
	return other
}

// exported returns the logical ids of the functions named by an output
// with an Export: another stack may grant permissions on them.
func exported(root *doc.Node) map[string]bool {
	out := map[string]bool{}
	_, outputs := doc.Get(root, "Outputs")
	doc.Pairs(outputs, func(_, o *doc.Node) {
		if k, _ := doc.Get(o, "Export"); k == nil {
			return
		}
		_, v := doc.Get(o, "Value")
		if id := doc.LogicalID(v); id != "" {
			out[id] = true
		}
		if t := doc.Classify(v); t.Kind == doc.KindTemplate {
			for _, m := range subResourceRef().FindAllStringSubmatch(t.Text, -1) {
				out[m[1]] = true
			}
		}
	})
	return out
}

// subResourceRef matches a ${X} or ${X.Attr} reference of a Fn::Sub template; the
// logical id is group 1.
var subResourceRef = lazyre.New(`\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}`)

// permissionTarget returns the function of the template the FunctionName
// of a permission names: "" when it names none of them (a literal name of
// another function), and known false when the template does not settle it.
func permissionTarget(fn *doc.Node, functions map[string]string) (name string, known bool) {
	if id := doc.LogicalID(fn); id != "" {
		if _, ok := functions[id]; ok {
			return id, true
		}
		return "", false // an alias, a version, a parameter
	}
	v := doc.Classify(fn)
	switch v.Kind {
	case doc.KindString:
		text := strings.TrimSpace(v.Text)
		for id, lit := range functions {
			if lit != "" && (text == lit || strings.Contains(text, ":function:"+lit) && literalFunctionARN(text, lit)) {
				return id, true
			}
		}
		return "", true
	case doc.KindTemplate:
		vars := doc.SubVariables(fn)
		for _, m := range subResourceRef().FindAllStringSubmatch(v.Text, -1) {
			id := m[1]
			if node, ok := vars[id]; ok {
				id = doc.LogicalID(node)
			}
			if _, ok := functions[id]; ok {
				return id, true
			}
		}
	}
	return "", false
}

// literalFunctionARN reports whether text is a function ARN of the function
// name, unqualified or with a version or alias.
func literalFunctionARN(text, name string) bool {
	_, after, ok := strings.Cut(text, ":function:")
	if !ok {
		return false
	}
	fn, _, _ := strings.Cut(after, ":")
	return fn == name
}

// invokedFunction returns the function of the template a Lambda
// integration's uri invokes, and the node to report at: a Fn::Sub of the
// invocation path naming ${F.Arn} or ${F} (directly or through a variable
// of the Sub), a Fn::Join holding Fn::GetAtt F.Arn, or the function's ARN
// itself (HTTP APIs accept it as the uri).
func invokedFunction(uri *doc.Node, functions map[string]string) (string, *doc.Node) {
	isFunction := func(id string) bool { _, ok := functions[id]; return id != "" && ok }
	if name, attr, ok := doc.GetAtt(uri); ok {
		if attr == "Arn" && isFunction(name) {
			return name, doc.Resolve(uri)
		}
		return "", nil
	}
	v := doc.Classify(uri)
	if v.Kind == doc.KindTemplate {
		if !strings.Contains(v.Text, ":lambda:path/") || !strings.Contains(v.Text, "/functions/") {
			return "", nil
		}
		_, after, _ := strings.Cut(v.Text, "/functions/")
		fn, _, _ := strings.Cut(after, "/invocations")
		m := subResourceRef().FindStringSubmatch(fn)
		if m == nil || strings.TrimSpace(fn) != m[0] {
			return "", nil // the function ARN is not one reference alone
		}
		id := m[1]
		if node, ok := doc.SubVariables(uri)[id]; ok {
			if n, attr, ok := doc.GetAtt(node); ok && attr == "Arn" {
				id = n
			} else {
				id = ""
			}
		} else if !strings.HasSuffix(m[0], ".Arn}") {
			return "", nil // ${F} of a function is its name, not an ARN
		}
		if isFunction(id) {
			return id, v.Node
		}
		return "", nil
	}
	n := doc.Resolve(uri)
	fn, arg := doc.IntrinsicOf(n)
	if n != nil && n.Tag == "!Join" {
		fn, arg = "Fn::Join", n
	}
	if fn != "Fn::Join" {
		return "", nil
	}
	arg = doc.Resolve(arg)
	if arg == nil || arg.Kind != doc.SequenceNode || len(arg.Content) != 2 {
		return "", nil
	}
	items := doc.Resolve(arg.Content[1])
	if items == nil || items.Kind != doc.SequenceNode {
		return "", nil
	}
	var text strings.Builder
	found := ""
	for _, item := range items.Content {
		if name, attr, ok := doc.GetAtt(item); ok && attr == "Arn" && isFunction(name) && found == "" {
			found = name
			continue
		}
		text.WriteString(literalText(item))
	}
	if found != "" && strings.Contains(text.String(), ":lambda:path/") {
		return found, n
	}
	return "", nil
}
