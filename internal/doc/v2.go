package doc

import (
	"strings"
)

// API Gateway V2 (HTTP and WebSocket APIs) integrations written without an
// OpenAPI document: AWS::ApiGatewayV2::Integration resources of a
// CloudFormation/SAM template, and the JSON of aws apigatewayv2
// create-integration / update-integration (--cli-input-json) and
// get-integration. Their fields are mapped onto the canonical (OpenAPI)
// names where the meaning is the same, so that the rules shared with REST
// and HTTP API bodies (timeout, enum-value, the HTTP API rules ...) read
// them unchanged; the V2-only fields keep their own names.

// V2 resource types of CloudFormation.
const (
	V2APIType                 = "AWS::ApiGatewayV2::Api"
	V2IntegrationType         = "AWS::ApiGatewayV2::Integration"
	V2RouteType               = "AWS::ApiGatewayV2::Route"
	V2IntegrationResponseType = "AWS::ApiGatewayV2::IntegrationResponse"
	samHTTPAPIType            = "AWS::Serverless::HttpApi"
)

// v2Fields are the properties of AWS::ApiGatewayV2::Integration (the V2
// API's member names) and their canonical names.
var v2Fields = fieldSpec{
	"ApiId": "apiId", "ConnectionId": "connectionId", "ConnectionType": "connectionType",
	"ContentHandlingStrategy": "contentHandling", "CredentialsArn": "credentials", "Description": "description",
	"IntegrationMethod": "httpMethod", "IntegrationSubtype": "integrationSubtype", "IntegrationType": "type",
	"IntegrationUri": "uri", "PassthroughBehavior": "passthroughBehavior", "PayloadFormatVersion": "payloadFormatVersion",
	"RequestParameters": "requestParameters", "RequestTemplates": "requestTemplates",
	"ResponseParameters": "responseParameters", "TemplateSelectionExpression": "templateSelectionExpression",
	"TimeoutInMillis": "timeoutInMillis", "TlsConfig": "tlsConfig",
}

// V2CloudFormationFields are the properties of an
// AWS::ApiGatewayV2::Integration resource.
var V2CloudFormationFields = v2Fields

// v2OutputFields are the members get-integration adds to those of
// create-integration, and update-integration's integration id.
var v2OutputFields = fieldSpec{
	"IntegrationId": "integrationId", "ApiGatewayManaged": "apiGatewayManaged",
	"IntegrationResponseSelectionExpression": "integrationResponseSelectionExpression",
}

// V2JSONFields are the keys of apigatewayv2 create-/update-/get-integration
// JSON. The AWS CLI spells them in PascalCase both ways: the
// --cli-input-json skeleton of create-integration and update-integration
// (what --generate-cli-skeleton prints) and the output of get-integration
// use the service model's member names (ApiId, IntegrationType,
// IntegrationUri; botocore apigatewayv2/2018-11-29/service-2.json, and the
// get-integration example of the CLI reference,
// https://docs.aws.amazon.com/cli/latest/reference/apigatewayv2/get-integration.html).
// camelCase (apiId, integrationType) is the wire format of the V2 REST API
// (each member's locationName), which the API Gateway V2 API Reference and
// hand-written requests use. Both are read; the CLI's is the PascalCase.
var V2JSONFields = func() fieldSpec {
	m := fieldSpec{}
	for _, spec := range []fieldSpec{v2Fields, v2OutputFields} {
		for k, c := range spec {
			m[k] = c
			m[lowerFirst(k)] = c
		}
	}
	return m
}()

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// V2Info is what a V2 integration knows about its API and routes.
type V2Info struct {
	// Resource is the logical id of the AWS::ApiGatewayV2::Integration;
	// "" for CLI JSON.
	Resource string
	// Protocol is HTTP or WebSocket when ProtocolCertain; otherwise it is
	// not known (the API is a parameter, an import, another stack, or the
	// integration is CLI JSON) and rules that depend on it say nothing.
	Protocol        APIKind
	ProtocolCertain bool
	// ProtocolWhy says how the protocol was found, for messages: "the
	// ProtocolType of the AWS::ApiGatewayV2::Api WsApi".
	ProtocolWhy string
	// RouteKeys are the literal route keys of the AWS::ApiGatewayV2::Route
	// resources whose Target names this integration; RouteKeysKnown is
	// false when some route targeting it (or maybe targeting it) has a key
	// or target that is not a literal.
	RouteKeys      []string
	RouteKeysKnown bool
	// Responses are the logical id keys of the
	// AWS::ApiGatewayV2::IntegrationResponse resources of this integration
	// (the name labels of its aws_apigatewayv2_integration_response
	// resources in Terraform).
	Responses []*Node
	// ResponseNames and ResponsePointers name each of Responses and give
	// its pointer, where they are not its logical id and
	// /Resources/<logical id> (Terraform: the resource address, and
	// /resource/<type>/<name>).
	ResponseNames, ResponsePointers []string
	// Pascal: CLI JSON written with the PascalCase member names.
	Pascal bool
	// Update: update-integration input (an integrationId beside the
	// apiId), which holds only the fields it changes.
	Update bool
}

// V2Route is an AWS::ApiGatewayV2::Route resource.
type V2Route struct {
	Resource string
	Key      *Node  // the logical id key
	Props    *Node  // its Properties
	Pointer  string // JSON pointer of Props
	RouteKey string // the literal RouteKey, or ""
	// Target is the Target property (nil when absent); TargetID is the
	// logical id it names through "integrations/<id>" (Fn::Join, Fn::Sub,
	// Ref), "" when it names none the template can settle.
	Target   *Node
	TargetID string
	// TargetAt is the node that names TargetID (the Ref, or the Sub
	// string), for findings.
	TargetAt *Node
	// APIRef is the logical id the route's ApiId names, or "".
	APIRef string

	// Terraform (an aws_apigatewayv2_route): TargetType is the resource
	// type the target "integrations/${TYPE.NAME.id}" names (TargetID is
	// NAME), and TargetAPI the api_id of that resource when the file holds
	// it and its api_id names an aws_apigatewayv2_api (APIRef is then the
	// name of the route's own). TargetAbsent is set when the whole module
	// was read and declares no resource TYPE.NAME.
	TargetType   string
	TargetAPI    string
	TargetAbsent bool
}

// isV2 reports whether the integration is an API Gateway V2 resource or
// CLI JSON.
func (s Shape) isV2() bool {
	return s == ShapeV2CloudFormation || s == ShapeV2JSON || s == ShapeV2Terraform
}

// V2 reports whether the shape is an API Gateway V2 integration
// (AWS::ApiGatewayV2::Integration, apigatewayv2 JSON or a Terraform
// aws_apigatewayv2_integration).
func (s Shape) V2() bool { return s.isV2() }

// CloudFormation reports whether the shape is a resource property of a
// template, whose scalars CloudFormation converts between types.
func (s Shape) CloudFormation() bool {
	return s == ShapeCloudFormation || s == ShapeV2CloudFormation
}

// isV2Integration recognises apigatewayv2 integration JSON: an
// integrationType (REST spells it type), or the apiId and integrationId of
// update-integration input, next to another V2 member, and nothing of the
// REST shapes (restApiId, resourceId, integrationHttpMethod, type).
func isV2Integration(root *Node) bool {
	has := func(name string) bool {
		k1, _ := Get(root, name)
		k2, _ := Get(root, lowerFirst(name))
		return k1 != nil || k2 != nil
	}
	for _, rest := range []string{"restApiId", "resourceId", "integrationHttpMethod", "type"} {
		if k, _ := Get(root, rest); k != nil {
			return false
		}
	}
	others := 0
	for k := range v2Fields {
		if k != "IntegrationType" && has(k) {
			others++
		}
	}
	for k := range v2OutputFields {
		if has(k) {
			others++
		}
	}
	switch {
	case has("IntegrationType"):
		return others >= 1
	case has("ApiId") && has("IntegrationId"):
		return others >= 3 // apiId, integrationId and a field to update
	}
	return false
}

// newV2JSON builds the integration of apigatewayv2 CLI JSON. The protocol
// cannot be known from the file.
func newV2JSON(f *File, root *Node) *Integration {
	in := newIntegration(f, ShapeV2JSON, nil, root, "")
	in.V2 = &V2Info{}
	for _, fl := range in.All {
		if fl.Known && fl.Key.Value != "" && fl.Key.Value[0] >= 'A' && fl.Key.Value[0] <= 'Z' {
			in.V2.Pascal = true
		}
	}
	if in.Field("apiId") != nil && in.Field("integrationId") != nil {
		in.V2.Update = true
	}
	return in
}

// v2Template holds what the V2 resources of one template say about each
// other, gathered once by walkTemplate.
type v2Template struct {
	root   *Node
	res    *Node               // Resources
	routes []*V2Route          // every Route
	resps  map[string][]*Node  // integration logical id -> IntegrationResponse keys
	byAPI  map[string][]string // API logical id -> literal route keys of its routes
}

// addV2 reads the V2 resources of a template: integrations (with their
// protocol, routes and integration responses) and routes.
func (r *Result) addV2(root *Node) {
	t := &v2Template{root: root, resps: map[string][]*Node{}, byAPI: map[string][]string{}}
	_, t.res = Get(root, "Resources")
	type integ struct {
		name string
		key  *Node
		res  *Node
	}
	var ints []integ
	Pairs(t.res, func(k, v *Node) {
		_, ty := Get(v, "Type")
		ty = Resolve(ty)
		if ty == nil || ty.Kind != ScalarNode {
			return
		}
		_, props := Get(v, "Properties")
		switch ty.Value {
		case V2IntegrationType:
			ints = append(ints, integ{k.Value, k, v})
		case V2RouteType:
			rt := &V2Route{Resource: k.Value, Key: k, Props: props, Pointer: Join("", "Resources", k.Value, "Properties")}
			if _, rk := Get(props, "RouteKey"); Classify(rk).Kind == KindString {
				rt.RouteKey = strings.TrimSpace(Classify(rk).Text)
			}
			_, rt.Target = Get(props, "Target")
			rt.TargetID, rt.TargetAt = integrationTarget(rt.Target)
			_, api := Get(props, "ApiId")
			rt.APIRef = logicalID(api)
			t.routes = append(t.routes, rt)
			if rt.APIRef != "" {
				t.byAPI[rt.APIRef] = append(t.byAPI[rt.APIRef], rt.RouteKey)
			}
		case V2IntegrationResponseType:
			_, id := Get(props, "IntegrationId")
			if name := logicalID(id); name != "" {
				t.resps[name] = append(t.resps[name], k)
			}
		}
	})
	r.V2Routes = t.routes
	for _, it := range ints {
		_, props := Get(it.res, "Properties")
		props = Resolve(props)
		if props == nil || props.Kind != MappingNode {
			continue
		}
		ptr := Join("", "Resources", it.name, "Properties")
		in := newIntegration(r.File, ShapeV2CloudFormation, it.key, props, ptr)
		in.V2 = &V2Info{Resource: it.name, Responses: t.resps[it.name], RouteKeysKnown: true}
		_, api := Get(props, "ApiId")
		t.protocol(in.V2, logicalID(api))
		for _, rt := range t.routes {
			switch {
			case rt.TargetID == it.name:
				if rt.RouteKey == "" {
					in.V2.RouteKeysKnown = false
				}
				in.V2.RouteKeys = append(in.V2.RouteKeys, rt.RouteKey)
			case rt.TargetID == "" && rt.Target != nil:
				in.V2.RouteKeysKnown = false // a target the template does not settle
			}
		}
		r.Integrations = append(r.Integrations, in)
	}
}

// protocol works out the protocol of the API an integration belongs to:
// the ProtocolType of the AWS::ApiGatewayV2::Api its ApiId names (an API
// with a Body and no ProtocolType is an HTTP API: only HTTP APIs import
// OpenAPI), an AWS::Serverless::HttpApi, or else the route keys of that
// API's routes: $connect and $disconnect, and any key that is not $default
// or "METHOD /path", exist only in WebSocket APIs; "METHOD /path" only in
// HTTP APIs. $default is in both.
func (t *v2Template) protocol(v *V2Info, api string) {
	if api == "" {
		return
	}
	_, res := Get(t.res, api)
	_, ty := Get(res, "Type")
	_, props := Get(res, "Properties")
	switch ty = Resolve(ty); {
	case ty == nil:
		return // a parameter, or nothing
	case ty.Value == samHTTPAPIType:
		v.Protocol, v.ProtocolCertain, v.ProtocolWhy = HTTP, true, "its ApiId names the AWS::Serverless::HttpApi "+api
		return
	case ty.Value == V2APIType:
		_, pt := Get(props, "ProtocolType")
		switch pv := Classify(pt); {
		case pv.Kind == KindString && strings.EqualFold(strings.TrimSpace(pv.Text), "WEBSOCKET"):
			v.Protocol, v.ProtocolCertain, v.ProtocolWhy = WebSocket, true, "the ProtocolType of the AWS::ApiGatewayV2::Api "+api+" is WEBSOCKET"
			return
		case pv.Kind == KindString && strings.EqualFold(strings.TrimSpace(pv.Text), "HTTP"):
			v.Protocol, v.ProtocolCertain, v.ProtocolWhy = HTTP, true, "the ProtocolType of the AWS::ApiGatewayV2::Api "+api+" is HTTP"
			return
		case pt == nil:
			k1, _ := Get(props, "Body")
			k2, _ := Get(props, "BodyS3Location")
			if k1 != nil || k2 != nil {
				v.Protocol, v.ProtocolCertain, v.ProtocolWhy = HTTP, true, "the AWS::ApiGatewayV2::Api "+api+" is imported from OpenAPI, which only HTTP APIs are"
				return
			}
		}
	default:
		return
	}
	ws, http := false, false
	for _, key := range t.byAPI[api] {
		switch kind, ok := RouteKeyKind(key); {
		case !ok:
		case kind == WebSocket:
			ws = true
		default:
			http = true
		}
	}
	switch {
	case ws && !http:
		v.Protocol, v.ProtocolCertain, v.ProtocolWhy = WebSocket, true, "the API "+api+" has WebSocket route keys"
	case http && !ws:
		v.Protocol, v.ProtocolCertain, v.ProtocolWhy = HTTP, true, "the API "+api+" has HTTP route keys (METHOD /path)"
	}
}

// RouteKeyKind tells which protocol a literal route key belongs to: ok is
// false for "" and $default, which both have.
func RouteKeyKind(key string) (APIKind, bool) {
	switch {
	case key == "" || key == "$default":
		return 0, false
	case key == "$connect" || key == "$disconnect":
		return WebSocket, true
	}
	if verb, path, ok := strings.Cut(key, " "); ok && strings.HasPrefix(path, "/") && verb != "" && strings.ToUpper(verb) == verb {
		return HTTP, true
	}
	return WebSocket, true // a WebSocket route key chosen by the route selection expression
}

// LogicalID returns the logical id a value names: {Ref: X}, !Ref X,
// Fn::GetAtt [X, attr], !GetAtt X.attr; "" otherwise.
func LogicalID(n *Node) string { return logicalID(n) }

// logicalID returns the logical id a value names: {Ref: X}, !Ref X,
// Fn::GetAtt [X, attr], !GetAtt X.attr; "" otherwise.
func logicalID(n *Node) string {
	if name := refName(n); name != "" {
		return name
	}
	name, _, _ := getAtt(n)
	return name
}

// integrationTarget returns the logical id a route Target names through
// "integrations/<id>": Fn::Join (any delimiter) of "integrations" and a
// Ref/GetAtt, or Fn::Sub "integrations/${X}" (X not a variable of the Sub,
// nor a pseudo parameter), with the node naming it. It returns "" when the
// target names no logical id (a literal id, an import, a parameter is
// still returned: the caller tells resources from parameters).
func integrationTarget(n *Node) (string, *Node) {
	n = Resolve(n)
	if n == nil {
		return "", nil
	}
	fn, arg := IntrinsicOf(n)
	switch {
	case n.Tag == "!Join" || fn == "Fn::Join":
		if n.Tag == "!Join" {
			arg = n
		}
		arg = Resolve(arg)
		if arg == nil || arg.Kind != SequenceNode || len(arg.Content) != 2 {
			return "", nil
		}
		delim := Classify(arg.Content[0])
		list := Resolve(arg.Content[1])
		if delim.Kind != KindString || list == nil || list.Kind != SequenceNode {
			return "", nil
		}
		var b strings.Builder
		var id string
		var at *Node
		for i, item := range list.Content {
			if i > 0 {
				b.WriteString(delim.Text)
			}
			v := Classify(item)
			switch {
			case v.Kind == KindString:
				b.WriteString(v.Text)
			case id == "" && logicalID(item) != "":
				id, at = logicalID(item), Resolve(item)
				b.WriteString("\x00")
			default:
				return "", nil
			}
		}
		if id != "" && b.String() == "integrations/\x00" {
			return id, at
		}
	case n.Tag == "!Sub" || fn == "Fn::Sub":
		v := Classify(n)
		if v.Kind != KindTemplate {
			return "", nil
		}
		rest, ok := strings.CutPrefix(v.Text, "integrations/${")
		if !ok || !strings.HasSuffix(rest, "}") || strings.Count(rest, "}") != 1 {
			return "", nil
		}
		name, _, _ := strings.Cut(strings.TrimSuffix(rest, "}"), ".")
		if strings.Contains(name, "::") || strings.HasPrefix(name, "!") {
			return "", nil // a pseudo parameter, or ${!Literal}
		}
		if vars := subVars(n); vars[name] {
			return "", nil
		}
		return name, n
	}
	return "", nil
}

// subVars returns the variable names of a Fn::Sub list form.
func subVars(n *Node) map[string]bool {
	arg := n
	if _, a := IntrinsicOf(n); a != nil {
		arg = a
	}
	arg = Resolve(arg)
	out := map[string]bool{}
	if arg != nil && arg.Kind == SequenceNode && len(arg.Content) == 2 {
		Pairs(arg.Content[1], func(k, _ *Node) { out[k.Value] = true })
	}
	return out
}
