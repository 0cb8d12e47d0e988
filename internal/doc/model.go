package doc

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Shape is the kind of document an integration was written in. The shapes
// name the same things differently (httpMethod is the method's verb in
// put-integration input and the backend verb elsewhere); the loader maps
// them all onto the canonical OpenAPI names.
type Shape int

const (
	ShapeOpenAPI        Shape = iota // x-amazon-apigateway-integration in OpenAPI/Swagger
	ShapePutIntegration              // aws apigateway put-integration --cli-input-json
	ShapeGetIntegration              // aws apigateway get-integration output
	ShapeCloudFormation              // Properties.Integration of an AWS::ApiGateway::Method resource
	// ShapeTerraform is the body of a Terraform aws_api_gateway_integration
	// resource, read by internal/terraform: snake_case arguments, put
	// through PutIntegration by the AWS provider (no import).
	ShapeTerraform
	// API Gateway V2 (HTTP and WebSocket APIs) integrations written without
	// an OpenAPI document (v2.go).
	ShapeV2CloudFormation // Properties of an AWS::ApiGatewayV2::Integration resource
	ShapeV2JSON           // aws apigatewayv2 create-/update-/get-integration JSON
	// ShapeV2Terraform is the body of a Terraform aws_apigatewayv2_integration
	// resource (internal/terraform): snake_case arguments, created through
	// CreateIntegration by the AWS provider.
	ShapeV2Terraform
)

func (s Shape) String() string {
	return [...]string{"OpenAPI", "put-integration input", "get-integration output", "CloudFormation", "Terraform",
		"AWS::ApiGatewayV2::Integration", "apigatewayv2 integration", "Terraform"}[s]
}

// APIKind tells REST APIs (API Gateway v1) from HTTP and WebSocket APIs
// (v2), whose integrations follow different rules.
type APIKind int

const (
	REST APIKind = iota
	HTTP
	// WebSocket APIs have no OpenAPI form: their integrations are only
	// AWS::ApiGatewayV2::Integration resources and apigatewayv2 JSON.
	WebSocket
)

func (k APIKind) String() string { return [...]string{"REST API", "HTTP API", "WebSocket API"}[k] }

// Template describes the CloudFormation or SAM resource an embedded OpenAPI
// document belongs to, or the Terraform resource whose body it is.
type Template struct {
	Resource string // logical id, e.g. "MyApi"; a Terraform resource's name
	Type     string // e.g. "AWS::Serverless::Api", or "aws_api_gateway_rest_api"
}

// Terraform reports whether the resource is a Terraform resource (its type
// is spelled aws_..., never AWS::...).
func (t *Template) Terraform() bool { return t != nil && strings.HasPrefix(t.Type, "aws_") }

// API is one OpenAPI or Swagger document: a file of its own, or the Body /
// DefinitionBody of a template resource.
type API struct {
	File    *File
	Root    *Node  // the document's root mapping
	Pointer string // JSON pointer of Root in the file ("" for a standalone document)
	Version string // the value of "swagger" or "openapi"
	Kind    APIKind
	// KindCertain reports whether Kind is settled: by the template resource
	// type, by Swagger 2.0 (HTTP APIs import OpenAPI 3 only), or, in a
	// standalone OpenAPI 3 document, by HTTP API markers with nothing
	// REST-only beside them (see httpMarked). A standalone document without
	// markers, or with REST-only features, is taken for a REST API,
	// uncertainly.
	KindCertain bool
	Template    *Template // nil for a standalone document
	// IntegrationRefs are the {$ref: ...} values written as an operation's
	// x-amazon-apigateway-integration, resolved or not.
	IntegrationRefs []*IntegrationRef

	// Decoder reads parameter and response objects for Operation.Declared;
	// the front-end that built the API sets it.
	Decoder Decoder

	mu    sync.Mutex // guards cache and memo: integration rules run in parallel
	cache decodeCache
	memo  map[any]any
}

// Memo returns the value stored under key for this document, computing it
// with fn the first time. Rules use it to share work on one document, such
// as the list of places extensions are read from. It is safe for concurrent
// use; fn must not call Memo of the same document.
func (a *API) Memo(key any, fn func() any) any {
	a.mu.Lock()
	defer a.mu.Unlock()
	if v, ok := a.memo[key]; ok {
		return v
	}
	if a.memo == nil {
		a.memo = map[any]any{}
	}
	v := fn()
	a.memo[key] = v
	return v
}

// IntegrationRef is an x-amazon-apigateway-integration written as a $ref
// (HTTP APIs: "#/components/x-amazon-apigateway-integrations/NAME").
type IntegrationRef struct {
	Key, Value *Node  // the $ref key and its value
	Pointer    string // JSON pointer of the value
	Target     *Node  // what it resolves to inside the document; nil if nothing
}

// Swagger2 reports whether the document is Swagger 2.0 (not OpenAPI 3).
func (a *API) Swagger2() bool {
	k, _ := Get(a.Root, "swagger")
	return k != nil
}

// Operation is one method of one path of an API: an OpenAPI operation, or
// an AWS::ApiGateway::Method resource of a CloudFormation template.
type Operation struct {
	API *API // nil for an AWS::ApiGateway::Method resource
	// Path is the resource path, e.g. "/pets/{id}". For an
	// AWS::ApiGateway::Method it is worked out from the ResourceId and the
	// AWS::ApiGateway::Resource chain, and is "" when that is not possible
	// (a parameter, an imported id ...): checks that need it then stay quiet.
	Path     string
	PathItem *Node // the path item mapping; nil for a Method resource
	// Method is the key as written ("get", "x-amazon-apigateway-any-method")
	// or a Method resource's literal HttpMethod ("" when computed).
	Method string
	// Node is the operation mapping, or the Properties of a Method resource.
	Node    *Node
	Pointer string
	// Resource is the logical id of an AWS::ApiGateway::Method resource; ""
	// for an OpenAPI operation.
	Resource string

	opCache
}

// Field is one key of an integration (or of an integration response).
type Field struct {
	Name   string // canonical (OpenAPI) name; the key as written is Key.Value
	Known  bool   // false for a key the shape does not define
	Key    *Node
	Value  *Node
	Parent string // JSON pointer of the mapping that holds the field

	val     Value // cache of Val: rules ask for the same values many times
	valRead bool
}

// Pointer is the JSON pointer of the field's value. It is built on demand:
// most fields are never reported, and a large document has hundreds of
// thousands of them.
func (f *Field) Pointer() string { return Join(f.Parent, f.Key.Value) }

// Val classifies the field's value.
func (f *Field) Val() Value {
	if f == nil {
		return Value{Kind: KindNull}
	}
	if !f.valRead {
		f.val, f.valRead = Classify(f.Value), true
	}
	return f.val
}

// Integration is one integration in the canonical model.
type Integration struct {
	File  *File
	Shape Shape
	API   *API       // nil for put/get-integration JSON
	Op    *Operation // nil for put/get-integration JSON and unreferenced components
	// Key is the x-amazon-apigateway-integration key; nil for put/get JSON,
	// where the integration is the whole file.
	Key     *Node
	Node    *Node // the integration mapping (or whatever value stands there)
	Pointer string

	// All is every key in document order, known or not; Field finds a
	// known one by its canonical name. (A scan of a few fields, not a map:
	// a large document has tens of thousands of integrations.)
	All       []*Field
	Responses []*Response
	// V2 is set for API Gateway V2 shapes (ShapeV2CloudFormation,
	// ShapeV2JSON): the protocol, the routes and the integration responses.
	V2 *V2Info

	typ      string // cache of Type
	typeRead bool
	memo     []memoEntry
}

// memoEntry is one value of Integration.Memo: rules memoise one or two
// values per integration, so a slice is smaller and faster than a map.
type memoEntry struct{ key, val any }

// Memo returns the value stored under key for this integration, computing
// it with fn the first time, so that rules reading the same derived value
// (a parsed uri, say) compute it once. An integration is checked by one
// goroutine, so no lock is taken.
func (in *Integration) Memo(key any, fn func() any) any {
	for _, e := range in.memo {
		if e.key == key {
			return e.val
		}
	}
	v := fn()
	in.memo = append(in.memo, memoEntry{key, v})
	return v
}

// Field returns the known field with the canonical name, or nil.
func (in *Integration) Field(name string) *Field { return knownField(in.All, name) }

// knownField returns the last known field of all with the canonical name
// (the last, as a map filled in document order would hold), or nil.
func knownField(all []*Field, name string) *Field {
	for i := len(all) - 1; i >= 0; i-- {
		if f := all[i]; f.Known && f.Name == name {
			return f
		}
	}
	return nil
}

// Val classifies the value of a known field; absent fields are KindNull with
// a nil Node.
func (in *Integration) Val(name string) Value { return in.Field(name).Val() }

// Kind returns the API kind the integration belongs to. put-integration and
// get-integration JSON are REST by definition. A V2 integration whose
// protocol is not known answers HTTP: check KindCertain.
func (in *Integration) Kind() APIKind {
	if in.V2 != nil {
		if !in.V2.ProtocolCertain {
			return HTTP
		}
		return in.V2.Protocol
	}
	if in.API == nil {
		return REST
	}
	return in.API.Kind
}

// KindCertain reports whether Kind is settled (see API.KindCertain and
// V2Info.ProtocolCertain).
func (in *Integration) KindCertain() bool {
	switch {
	case in.V2 != nil:
		return in.V2.ProtocolCertain
	case in.API != nil:
		return in.API.KindCertain
	}
	return true
}

// Anchor is where a finding about a missing field is reported: the
// x-amazon-apigateway-integration key, or the root of a JSON document.
func (in *Integration) Anchor() *Node {
	if in.Key != nil {
		return in.Key
	}
	return in.Node
}

// Type returns the integration type in upper case when it is a literal
// string, or "" when it is absent or not known before deployment.
func (in *Integration) Type() string {
	if !in.typeRead { // every rule asks: read it once
		in.typeRead = true
		if v := in.Val("type"); v.Kind == KindString {
			in.typ = strings.ToUpper(strings.TrimSpace(v.Text))
		}
	}
	return in.typ
}

// Embedded reports whether the integration sits in a CloudFormation or SAM
// template, where ${...} in a plain string is not substituted. Terraform
// fills every ${...} of a string itself (the front-end makes such a string
// a KindTemplate), so nothing read from Terraform is embedded in this sense.
func (in *Integration) Embedded() bool {
	return in.Shape.CloudFormation() || in.API != nil && in.API.Template != nil && !in.API.Template.Terraform()
}

// Terraform reports whether the integration was read from a Terraform
// configuration: an aws_api_gateway_integration or
// aws_apigatewayv2_integration resource, or the OpenAPI body of a Terraform
// resource.
func (in *Integration) Terraform() bool {
	return in.Shape.Terraform() || in.API != nil && in.API.Template.Terraform()
}

// Terraform reports whether the shape is the body of a Terraform resource
// (aws_api_gateway_integration or aws_apigatewayv2_integration), whose
// values the AWS provider validates and converts.
func (s Shape) Terraform() bool { return s == ShapeTerraform || s == ShapeV2Terraform }

// KeyName returns how the integration's shape spells the field with the
// canonical name, for messages: the key as written when the field is there,
// else the shape's own spelling ("IntegrationHttpMethod" in CloudFormation,
// "integrationHttpMethod" in put-integration input, "integration_http_method"
// in Terraform for the canonical httpMethod; "IntegrationResponses" for
// responses, which Terraform writes as aws_api_gateway_integration_response
// resources). Names of nested fields (statusCode, responseParameters ...) are
// capitalised for CloudFormation and snake_cased for Terraform.
func (in *Integration) KeyName(canonical string) string {
	if f := in.Field(canonical); f != nil {
		return f.Key.Value
	}
	if canonical == "responses" || canonical == "integrationResponses" {
		switch in.Shape {
		case ShapeOpenAPI:
			return "responses"
		case ShapeCloudFormation:
			return "IntegrationResponses"
		case ShapeTerraform:
			return "aws_api_gateway_integration_response"
		}
		return "integrationResponses"
	}
	if in.Shape == ShapeV2Terraform {
		if canonical == "responses" || canonical == "integrationResponses" {
			return "aws_apigatewayv2_integration_response"
		}
		for _, k := range sortedKeys(TerraformV2Fields) {
			if TerraformV2Fields[k] == canonical {
				return k
			}
		}
		return snakeCase(canonical)
	}
	if in.Shape.isV2() {
		// One spelling per canonical name: the resource's PascalCase, or
		// the JSON's own case.
		for _, spec := range []fieldSpec{v2Fields, v2OutputFields} {
			for _, k := range sortedKeys(spec) {
				if spec[k] == canonical {
					if in.Shape == ShapeV2JSON && (in.V2 == nil || !in.V2.Pascal) {
						return lowerFirst(k)
					}
					return k
				}
			}
		}
		return canonical
	}
	spec := in.spec()
	if spec[canonical] == canonical {
		return canonical
	}
	for _, k := range sortedKeys(spec) {
		if spec[k] == canonical {
			return k
		}
	}
	if in.Shape == ShapeCloudFormation && canonical != "" {
		return strings.ToUpper(canonical[:1]) + canonical[1:]
	}
	if in.Shape == ShapeTerraform {
		return snakeCase(canonical)
	}
	return canonical
}

// snakeCase spells a camelCase name the Terraform way: statusCode becomes
// status_code.
func snakeCase(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// spec returns the field spec of the integration's shape.
func (in *Integration) spec() fieldSpec { return specOf(in.Shape) }

func specOf(s Shape) fieldSpec {
	switch s {
	case ShapePutIntegration:
		return PutIntegrationFields
	case ShapeGetIntegration:
		return GetIntegrationFields
	case ShapeCloudFormation:
		return CloudFormationFields
	case ShapeTerraform:
		return TerraformFields
	case ShapeV2CloudFormation:
		return V2CloudFormationFields
	case ShapeV2JSON:
		return V2JSONFields
	case ShapeV2Terraform:
		return TerraformV2Fields
	}
	return OpenAPIFields
}

func sortedKeys(m fieldSpec) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Response is one integration response: an entry of the OpenAPI "responses"
// map (keyed by selection pattern), of get-integration's
// "integrationResponses" (keyed by status code) or of CloudFormation's
// IntegrationResponses list.
type Response struct {
	Key     *Node // the map key; nil for an entry of a list
	Index   int   // the position in a list (CloudFormation); 0 otherwise
	Node    *Node // the response mapping
	Pointer string
	All     []*Field // every key in document order; Field finds a known one
	// Pattern is the node holding the selection pattern: the key itself in
	// OpenAPI (nil for "default"), the selectionPattern value otherwise.
	Pattern *Node
}

// Field returns the known response field with the canonical name, or nil.
func (r *Response) Field(name string) *Field { return knownField(r.All, name) }

// Anchor is where a finding about the whole response is reported: its map
// key, or the entry itself in a list.
func (r *Response) Anchor() *Node {
	if r.Key != nil {
		return r.Key
	}
	return r.Node
}

// fieldSpec lists the keys a shape defines and their canonical names.
type fieldSpec map[string]string

func names(list ...string) fieldSpec {
	m := fieldSpec{}
	for _, n := range list {
		m[n] = n
	}
	return m
}

// commonFields are the integration fields of the API Gateway model shared by
// every shape.
var commonFields = []string{
	"type", "uri", "httpMethod", "connectionType", "connectionId", "credentials",
	"requestParameters", "requestTemplates", "passthroughBehavior", "cacheNamespace",
	"cacheKeyParameters", "contentHandling", "timeoutInMillis", "tlsConfig",
	"responseTransferMode", "integrationTarget",
}

// OpenAPIFields are the keys of x-amazon-apigateway-integration (REST and
// HTTP APIs; rules decide which kind each belongs to).
var OpenAPIFields = func() fieldSpec {
	m := names(append(commonFields, "responses", "integrationSubtype", "payloadFormatVersion", "responseParameters")...)
	m["integration-target"] = "integrationTarget" // the spelling of one AWS doc example
	return m
}()

// PutIntegrationFields are the keys of put-integration --cli-input-json.
var PutIntegrationFields = func() fieldSpec {
	m := names(commonFields...)
	delete(m, "httpMethod")
	m["integrationHttpMethod"] = "httpMethod" // the backend verb
	m["httpMethod"] = "methodHttpMethod"      // the method's own verb
	m["restApiId"] = "restApiId"
	m["resourceId"] = "resourceId"
	return m
}()

// GetIntegrationFields are the keys of get-integration output (boto3 adds
// ResponseMetadata to every response).
var GetIntegrationFields = names(append(commonFields, "integrationResponses", "ResponseMetadata")...)

// CloudFormationFields are the properties of the Integration of an
// AWS::ApiGateway::Method resource (CloudFormation has no TlsConfig there).
// IntegrationResponses is a list, not a map.
var CloudFormationFields = fieldSpec{
	"Type": "type", "Uri": "uri", "IntegrationHttpMethod": "httpMethod", "ConnectionType": "connectionType",
	"ConnectionId": "connectionId", "Credentials": "credentials", "RequestParameters": "requestParameters",
	"RequestTemplates": "requestTemplates", "PassthroughBehavior": "passthroughBehavior",
	"CacheNamespace": "cacheNamespace", "CacheKeyParameters": "cacheKeyParameters",
	"ContentHandling": "contentHandling", "TimeoutInMillis": "timeoutInMillis",
	"IntegrationResponses": "integrationResponses", "ResponseTransferMode": "responseTransferMode",
	"IntegrationTarget": "integrationTarget",
}

// TerraformFields are the arguments of an aws_api_gateway_integration
// resource (AWS provider), tls_config being a nested block. http_method is
// the method's own verb, as in put-integration input. The meta-arguments
// every resource takes, and the provider's per-resource region, are known
// keys outside the API Gateway model: no rule reads them.
var TerraformFields = withTerraformMeta(fieldSpec{
	"type": "type", "uri": "uri", "integration_http_method": "httpMethod", "connection_type": "connectionType",
	"connection_id": "connectionId", "credentials": "credentials", "request_parameters": "requestParameters",
	"request_templates": "requestTemplates", "passthrough_behavior": "passthroughBehavior",
	"cache_namespace": "cacheNamespace", "cache_key_parameters": "cacheKeyParameters",
	"content_handling": "contentHandling", "timeout_milliseconds": "timeoutInMillis", "tls_config": "tlsConfig",
	"response_transfer_mode": "responseTransferMode", "integration_target": "integrationTarget",
	"rest_api_id": "restApiId", "resource_id": "resourceId", "http_method": "methodHttpMethod",
})

// TerraformV2Fields are the arguments of an aws_apigatewayv2_integration
// resource (AWS provider), by the canonical names of the V2 fields (see
// v2Fields): tls_config is a nested block, response_parameters a repeated
// block of status_code and mappings.
var TerraformV2Fields = withTerraformMeta(fieldSpec{
	"api_id": "apiId", "connection_id": "connectionId", "connection_type": "connectionType",
	"content_handling_strategy": "contentHandling", "credentials_arn": "credentials", "description": "description",
	"integration_method": "httpMethod", "integration_subtype": "integrationSubtype", "integration_type": "type",
	"integration_uri": "uri", "passthrough_behavior": "passthroughBehavior", "payload_format_version": "payloadFormatVersion",
	"request_parameters": "requestParameters", "request_templates": "requestTemplates",
	"response_parameters": "responseParameters", "template_selection_expression": "templateSelectionExpression",
	"timeout_milliseconds": "timeoutInMillis", "tls_config": "tlsConfig",
})

// terraformMeta are the meta-arguments of every Terraform resource and the
// AWS provider's region argument, with canonical names no rule reads.
var terraformMeta = fieldSpec{
	"count": "terraform:count", "for_each": "terraform:for_each", "depends_on": "terraform:depends_on",
	"provider": "terraform:provider", "lifecycle": "terraform:lifecycle", "provisioner": "terraform:provisioner",
	"connection": "terraform:connection", "region": "terraform:region",
}

// TerraformResponseFields are the arguments of an
// aws_api_gateway_integration_response resource.
var TerraformResponseFields = withTerraformMeta(fieldSpec{
	"status_code": "statusCode", "selection_pattern": "selectionPattern", "response_parameters": "responseParameters",
	"response_templates": "responseTemplates", "content_handling": "contentHandling",
	"rest_api_id": "restApiId", "resource_id": "resourceId", "http_method": "methodHttpMethod",
})

// withTerraformMeta adds the meta-arguments to the arguments of a resource.
func withTerraformMeta(m fieldSpec) fieldSpec {
	for k, v := range terraformMeta {
		m[k] = v
	}
	return m
}

// OpenAPIResponseFields, GetResponseFields and CloudFormationResponseFields
// are the keys of one integration response in each shape.
var (
	OpenAPIResponseFields        = names("statusCode", "responseParameters", "responseTemplates", "contentHandling")
	GetResponseFields            = names("statusCode", "selectionPattern", "responseParameters", "responseTemplates", "contentHandling")
	CloudFormationResponseFields = fieldSpec{
		"StatusCode": "statusCode", "SelectionPattern": "selectionPattern", "ResponseParameters": "responseParameters",
		"ResponseTemplates": "responseTemplates", "ContentHandling": "contentHandling",
	}
)

// collect reads the keys of mapping n into fields.
func collect(n *Node, ptr string, spec fieldSpec) []*Field {
	count := 0
	if m := Resolve(n); m != nil && m.Kind == MappingNode && !hasMergeKey(m) {
		count = len(m.Content) / 2
	} else {
		Pairs(n, func(_, _ *Node) { count++ })
	}
	// One allocation for all fields of the mapping: large documents have
	// hundreds of thousands of them.
	store := make([]Field, count)
	all := make([]*Field, count)
	i := 0
	Pairs(n, func(k, v *Node) {
		name, known := spec[k.Value]
		if !known {
			name = k.Value
		}
		f := &store[i]
		*f = Field{Name: name, Known: known, Key: k, Value: v, Parent: ptr}
		all[i] = f
		i++
	})
	return all[:i] // Pairs skips complex keys, which count counted
}

// NewIntegration builds the canonical model of the integration at node n,
// written in shape, for a front-end outside this package (internal/terraform
// builds the node tree of a resource body itself). Its responses, which
// Terraform writes as resources of their own, are added with AddResponse.
func NewIntegration(file *File, shape Shape, key, n *Node, ptr string) *Integration {
	return newIntegration(file, shape, key, n, ptr)
}

// AddResponse adds an integration response written as a mapping of its own
// (an aws_api_gateway_integration_response resource, whose name label is
// key), reading its fields with the response spec of the integration's
// shape.
func (in *Integration) AddResponse(key, n *Node, ptr string) *Response {
	spec := GetResponseFields
	if in.Shape == ShapeTerraform {
		spec = TerraformResponseFields
	}
	r := &Response{Key: key, Node: n, Pointer: ptr}
	r.All = collect(n, ptr, spec)
	if p := r.Field("selectionPattern"); p != nil {
		r.Pattern = p.Value
	}
	in.Responses = append(in.Responses, r)
	return r
}

// newIntegration builds the canonical model of the integration at node n.
func newIntegration(file *File, shape Shape, key, n *Node, ptr string) *Integration {
	in := &Integration{File: file, Shape: shape, Key: key, Node: n, Pointer: ptr}
	in.All = collect(n, ptr, specOf(shape))
	switch shape {
	case ShapeOpenAPI:
		if f := in.Field("responses"); f != nil {
			Pairs(f.Value, func(k, v *Node) {
				r := &Response{Key: k, Node: v, Pointer: Join(f.Pointer(), k.Value)}
				if k.Value != "default" {
					r.Pattern = k
				}
				r.All = collect(v, r.Pointer, OpenAPIResponseFields)
				in.Responses = append(in.Responses, r)
			})
		}
	case ShapeGetIntegration:
		if f := in.Field("integrationResponses"); f != nil {
			Pairs(f.Value, func(k, v *Node) {
				r := &Response{Key: k, Node: v, Pointer: Join(f.Pointer(), k.Value)}
				r.All = collect(v, r.Pointer, GetResponseFields)
				if p := r.Field("selectionPattern"); p != nil {
					r.Pattern = p.Value
				}
				in.Responses = append(in.Responses, r)
			})
		}
	case ShapeCloudFormation:
		if f := in.Field("integrationResponses"); f != nil {
			if seq := Resolve(f.Value); seq != nil && seq.Kind == SequenceNode {
				for i, item := range seq.Content {
					r := &Response{Node: item, Index: i, Pointer: Join(f.Pointer(), strconv.Itoa(i))}
					r.All = collect(item, r.Pointer, CloudFormationResponseFields)
					if p := r.Field("selectionPattern"); p != nil {
						r.Pattern = p.Value
					}
					in.Responses = append(in.Responses, r)
				}
			}
		}
	}
	return in
}
