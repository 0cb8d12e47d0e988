// Package gen writes large, deterministic API Gateway documents for
// benchmarks and for end-to-end checks of the linter: an OpenAPI 3.0
// document in YAML or JSON (the JSON twin is the same document), a Swagger
// 2.0 document, or a SAM template whose AWS::Serverless::Api carries the
// OpenAPI document in DefinitionBody.
//
// Each document has Options.Integrations operations with an
// x-amazon-apigateway-integration each, cycling through seven realistic
// kinds: a Lambda proxy (aws_proxy), an HTTP integration with path, query
// and static parameter mappings, cache keys and integration responses, an
// HTTP proxy with a mapped {id}, an HTTP proxy through a VPC link on a
// greedy {proxy+} path, a mock answering CORS preflights with declared
// response headers, and two AWS service integrations (SQS SendMessage and
// DynamoDB DeleteItem) with a role, mapping templates and selection
// patterns. Operations declare the parameters and responses their
// integrations refer to, some of them through $ref.
//
// With Options.PlantEvery = k > 0, every k-th integration carries exactly
// one known mistake; Planted tells how many findings of each rule the
// linter must report. With PlantEvery = 0 the document is clean.
//
// The same Options always give the same bytes; Seed changes names,
// region, account, hosts and timeouts, not the structure.
package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Format is the kind of document written.
type Format int

const (
	OpenAPI3YAML    Format = iota // OpenAPI 3.0.1, YAML
	OpenAPI3JSON                  // the same document as JSON, indented
	Swagger2YAML                  // Swagger 2.0, YAML
	SAMTemplateYAML               // a SAM template embedding the OpenAPI 3.0.1 document
	// Terraform is a Terraform module (one .tf file) of REST, HTTP and
	// WebSocket API resources (terraform.go); it takes no planted
	// mistakes, and Formats leaves it out: it is not an OpenAPI document.
	Terraform
)

var formatNames = [...]string{"openapi3-yaml", "openapi3-json", "swagger2-yaml", "sam-yaml", "terraform"}

func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return formatNames[f]
}

// Ext is the usual file name extension of the format, with its dot.
func (f Format) Ext() string {
	switch f {
	case OpenAPI3JSON:
		return ".json"
	case Terraform:
		return ".tf"
	}
	return ".yaml"
}

// Formats lists every format.
var Formats = []Format{OpenAPI3YAML, OpenAPI3JSON, Swagger2YAML, SAMTemplateYAML}

// ParseFormat reads a format name as printed by String; "yaml", "json",
// "swagger2" and "sam" are accepted too.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "yaml":
		return OpenAPI3YAML, nil
	case "json":
		return OpenAPI3JSON, nil
	case "swagger2", "swagger":
		return Swagger2YAML, nil
	case "sam":
		return SAMTemplateYAML, nil
	case "tf", "hcl":
		return Terraform, nil
	}
	for i, n := range formatNames {
		if strings.EqualFold(s, n) {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("unknown format %q (want %s)", s, strings.Join(formatNames[:], ", "))
}

// Options describe a document.
type Options struct {
	Integrations int    // number of operations, each with one integration
	Format       Format // kind of document
	Seed         int64  // varies names and values, not the structure
	// PlantEvery plants one mistake in every PlantEvery-th integration
	// (the PlantEvery-th, the 2·PlantEvery-th ...); 0 plants none.
	PlantEvery int
}

// Write writes the document described by opts to w.
func Write(w io.Writer, opts Options) error {
	if opts.Integrations < 0 || opts.PlantEvery < 0 {
		return fmt.Errorf("gen: Integrations and PlantEvery must not be negative")
	}
	if opts.Format < 0 || int(opts.Format) >= len(formatNames) {
		return fmt.Errorf("gen: unknown format %d", opts.Format)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if opts.Format == Terraform {
		if opts.PlantEvery > 0 {
			return fmt.Errorf("gen: the terraform format takes no planted mistakes")
		}
		writeTerraform(bw, opts)
		return bw.Flush()
	}
	g := newDoc(opts)
	var root any
	if opts.Format == SAMTemplateYAML {
		root = g.samTemplate()
	} else {
		root = g.document()
	}
	if opts.Format == OpenAPI3JSON {
		jsonEnc{bw}.value(root, 0)
		bw.WriteByte('\n')
	} else {
		yamlEnc{bw}.mapping(root, 0, false)
	}
	return bw.Flush()
}

// Planted returns, per rule id, how many findings the linter must report
// on the document described by opts: one per planted integration. Nothing
// else in a generated document is a finding, at any severity.
func Planted(opts Options) map[string]int {
	out := map[string]int{}
	if opts.Format == Terraform {
		return out
	}
	for i := 0; i < opts.Integrations; i++ {
		if p, ok := plantAt(opts, i); ok {
			out[p.rule]++
		}
	}
	return out
}

// variant is one of the kinds of operation the generator cycles through.
type variant int

const (
	vLambda    variant = iota // aws_proxy to a Lambda function, POST /res
	vHTTP                     // http with mappings and responses, GET /res/{id}
	vHTTPProxy                // http_proxy, PUT /res/{id}
	vVPCLink                  // http_proxy over VPC_LINK, ANY /res/proxy/{proxy+}
	vMock                     // mock CORS preflight, OPTIONS /res
	vSQS                      // aws SQS SendMessage, POST /res/queue
	vDynamo                   // aws DynamoDB DeleteItem, DELETE /res/{id}
	nVariants
)

// suffix and method place each variant in its resource; no two variants
// share both, so one group of nVariants operations never collides.
var variantPath = [nVariants]struct{ suffix, method string }{
	vLambda:    {"", "post"},
	vHTTP:      {"/{id}", "get"},
	vHTTPProxy: {"/{id}", "put"},
	vVPCLink:   {"/proxy/{proxy+}", "x-amazon-apigateway-any-method"},
	vMock:      {"", "options"},
	vSQS:       {"/queue", "post"},
	vDynamo:    {"/{id}", "delete"},
}

// plantKind is one kind of planted mistake: the rule that must report it
// and the variant it is planted in.
type plantKind int

const (
	pNone plantKind = iota
	pTimeout
	pLambdaARN
	pNoHTTPMethod
	pUndeclaredParam
	pBareStar
	pNoConnectionID
	pBadPassthrough
	pPolicyCredentials
	pBadSelectionPattern
	pMissingMethodResponse
	pUndeclaredHeader
	pMisspelledField
	pBareCacheKey
)

type plant struct {
	kind    plantKind
	rule    string
	variant variant
	what    string
}

// plants are planted in this order, round robin.
var plants = []plant{
	{pTimeout, "AGW108", vLambda, "timeoutInMillis 30000, above the 29000 ms REST maximum"},
	{pLambdaARN, "AGW105", vLambda, "a Lambda function ARN (!GetAtt Fn.Arn in SAM) as an aws_proxy uri"},
	{pNoHTTPMethod, "AGW102", vHTTPProxy, "httpMethod missing on http_proxy"},
	{pUndeclaredParam, "AGW120", vHTTPProxy, "mapping from an undeclared method.request.path parameter"},
	{pBareStar, "AGW116", vMock, "a bare * (not '*') as a static response header value"},
	{pNoConnectionID, "AGW107", vVPCLink, "VPC_LINK without connectionId"},
	{pBadPassthrough, "AGW109", vSQS, "passthroughBehavior WHEN_NO_MATCHES"},
	{pPolicyCredentials, "AGW110", vDynamo, "credentials is a policy ARN, not a role ARN"},
	{pBadSelectionPattern, "AGW115", vHTTP, "selection pattern that is not a valid regular expression"},
	{pMissingMethodResponse, "AGW121", vSQS, "integration response status 503 without a method response"},
	{pUndeclaredHeader, "AGW122", vMock, "response header set but not declared in the method response"},
	{pMisspelledField, "AGW118", vHTTP, "misspelled integration field timeoutInMilis"},
	{pBareCacheKey, "AGW113", vHTTP, "cache key parameter that is a bare name"},
}

// plantAt returns the mistake planted in integration i, if any.
func plantAt(opts Options, i int) (plant, bool) {
	if opts.PlantEvery <= 0 || (i+1)%opts.PlantEvery != 0 {
		return plant{}, false
	}
	return plants[(i/opts.PlantEvery)%len(plants)], true
}

var words = []string{
	"orders", "customers", "invoices", "payments", "shipments", "products", "carts", "reviews",
	"accounts", "sessions", "devices", "tickets", "bookings", "routes", "stores", "coupons",
	"refunds", "reports", "alerts", "users", "teams", "projects", "documents", "subscriptions",
	"inventory", "vehicles", "drivers", "quotes", "claims", "policies", "messages", "webhooks",
}

var regions = []string{"us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2", "eu-central-1", "sa-east-1"}

// doc holds what is fixed for a whole document.
type doc struct {
	opts    Options
	swagger bool
	sam     bool
	region  string
	account string
	title   string
}

// functions is the number of AWS::Serverless::Function resources of a SAM
// template; Lambda integrations call them in turn.
const functions = 8

func newDoc(opts Options) *doc {
	r := rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15))
	return &doc{
		opts:    opts,
		swagger: opts.Format == Swagger2YAML,
		sam:     opts.Format == SAMTemplateYAML,
		region:  regions[r.IntN(len(regions))],
		account: fmt.Sprintf("%012d", r.Int64N(1e12)),
		title:   words[r.IntN(len(words))],
	}
}

func (d *doc) document() obj {
	paths := lazy(func(yield func(kv)) {
		for g := 0; g*int(nVariants) < d.opts.Integrations; g++ {
			d.group(g, yield)
		}
	})
	info := obj{
		{"title", d.title + " API"},
		{"description", fmt.Sprintf("Generated by apigwlint internal/gen: %d integrations, seed %d.", d.opts.Integrations, d.opts.Seed)},
		{"version", "2024-06-01"},
	}
	if d.swagger {
		return obj{
			{"swagger", "2.0"},
			{"info", info},
			{"host", "api." + d.title + ".example.com"},
			{"basePath", "/prod"},
			{"schemes", arr{"https"}},
			{"securityDefinitions", obj{{"api_key", apiKeyScheme}}},
			{"paths", paths},
			{"parameters", obj{{"Id", obj{{"name", "id"}, {"in", "path"}, {"required", true}, {"type", "string"}}}}},
			{"definitions", obj{{"Item", itemSchema()}, {"Error", errorSchema()}}},
		}
	}
	return obj{
		{"openapi", "3.0.1"},
		{"info", info},
		{"servers", arr{obj{{"url", "https://api." + d.title + ".example.com/{basePath}"}, {"variables", obj{{"basePath", obj{{"default", "prod"}}}}}}}},
		{"paths", paths},
		{"components", obj{
			{"securitySchemes", obj{{"api_key", apiKeyScheme}}},
			{"parameters", obj{{"Id", obj{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", obj{{"type", "string"}}}}}}},
			{"schemas", obj{{"Item", itemSchema()}, {"Error", errorSchema()}}},
		}},
	}
}

// apiKeyScheme is the API key security scheme every operation uses.
var apiKeyScheme = obj{{"type", "apiKey"}, {"name", "x-api-key"}, {"in", "header"}}

func itemSchema() obj {
	return obj{
		{"type", "object"},
		{"required", arr{"id", "name"}},
		{"properties", obj{
			{"id", obj{{"type", "string"}}},
			{"name", obj{{"type", "string"}, {"maxLength", 200}}},
			{"quantity", obj{{"type", "integer"}, {"minimum", 0}}},
			{"tags", obj{{"type", "array"}, {"items", obj{{"type", "string"}}}}},
		}},
	}
}

func errorSchema() obj {
	return obj{{"type", "object"}, {"properties", obj{{"message", obj{{"type", "string"}}}}}}
}

func (d *doc) samTemplate() obj {
	res := obj{{"Api", obj{
		{"Type", "AWS::Serverless::Api"},
		{"Properties", obj{
			{"StageName", "prod"},
			{"DefinitionBody", d.document()},
		}},
	}}}
	for k := 0; k < functions; k++ {
		res = append(res, kv{fmt.Sprintf("Fn%d", k), obj{
			{"Type", "AWS::Serverless::Function"},
			{"Properties", obj{
				{"Handler", "app.handler"},
				{"Runtime", "python3.12"},
				{"CodeUri", fmt.Sprintf("src/fn%d/", k)},
				{"MemorySize", 256},
			}},
		}})
		// The API invokes the function without credentials: it needs the
		// permission (lambda-permission, AGW181).
		res = append(res, kv{fmt.Sprintf("Fn%dPermission", k), obj{
			{"Type", "AWS::Lambda::Permission"},
			{"Properties", obj{
				{"Action", "lambda:InvokeFunction"},
				{"FunctionName", tagged{"!GetAtt", fmt.Sprintf("Fn%d.Arn", k)}},
				{"Principal", "apigateway.amazonaws.com"},
			}},
		}})
	}
	return obj{
		{"AWSTemplateFormatVersion", "2010-09-09"},
		{"Transform", "AWS::Serverless-2016-10-31"},
		{"Description", d.title + " API (generated)"},
		{"Resources", res},
	}
}

// op is one generated operation.
type op struct {
	path, method string
	node         obj
}

// group writes the path items of integrations g·nVariants ... in order.
// Unplanted integrations of a group share resources (POST and OPTIONS on
// /res, GET, PUT and DELETE on /res/{id}); a planted one gets a resource of
// its own, since it may repeat a variant of its group.
func (d *doc) group(g int, yield func(kv)) {
	word := words[(g+int(d.opts.Seed%int64(len(words)))+len(words))%len(words)]
	base := fmt.Sprintf("/%s-%d", word, g)
	var order []string
	items := map[string]obj{}
	for i := g * int(nVariants); i < min((g+1)*int(nVariants), d.opts.Integrations); i++ {
		v := variant(i % int(nVariants))
		p, planted := plantAt(d.opts, i)
		res := base
		if planted {
			v = p.variant
			res = fmt.Sprintf("%s/p%d", base, i)
		}
		o := d.operation(i, v, p.kind, word, res)
		if _, ok := items[o.path]; !ok {
			order = append(order, o.path)
		}
		items[o.path] = append(items[o.path], kv{o.method, o.node})
	}
	for _, path := range order {
		yield(kv{path, items[path]})
	}
}

// ctx is what building one operation needs.
type ctx struct {
	*doc
	i    int
	r    *rand.Rand
	p    plantKind
	word string
}

func (d *doc) operation(i int, v variant, p plantKind, word, res string) op {
	c := &ctx{doc: d, i: i, p: p, word: word, r: rand.New(rand.NewPCG(uint64(d.opts.Seed), uint64(i)))}
	vp := variantPath[v]
	path := res + vp.suffix
	var node obj
	switch v {
	case vLambda:
		node = c.lambda()
	case vHTTP:
		node = c.http()
	case vHTTPProxy:
		node = c.httpProxy()
	case vVPCLink:
		node = c.vpcLink()
	case vMock:
		node = c.mock()
	case vSQS:
		node = c.sqs()
	case vDynamo:
		node = c.dynamo()
	}
	return op{path: path, method: vp.method, node: node}
}

// head is the start of every operation.
func (c *ctx) head(verb, summary string) obj {
	return obj{
		{"operationId", fmt.Sprintf("%s%s%d", verb, strings.ToUpper(c.word[:1])+c.word[1:], c.i)},
		{"summary", summary},
		{"description", lit(fmt.Sprintf("%s.\n\nOperation %d of the generated API. The %s service owns the backend\ncontract, its error codes and its rate limits; ask its on-call before changing them.", summary, c.i, c.word))},
		{"tags", arr{c.word}},
		{"security", arr{obj{{"api_key", arr{}}}}},
	}
}

// pathParam declares a required string path parameter.
func (c *ctx) pathParam(name string) obj {
	desc := "The " + name + " of the " + c.word + " resource, as returned on creation."
	if c.swagger {
		return obj{{"name", name}, {"in", "path"}, {"description", desc}, {"required", true}, {"type", "string"}}
	}
	return obj{{"name", name}, {"in", "path"}, {"description", desc}, {"required", true}, {"schema", obj{{"type", "string"}}}}
}

func (c *ctx) param(name, in, typ string) obj {
	if c.swagger {
		return obj{{"name", name}, {"in", in}, {"required", false}, {"type", typ}}
	}
	return obj{{"name", name}, {"in", in}, {"required", false}, {"schema", obj{{"type", typ}}}}
}

func (c *ctx) idRef() obj {
	if c.swagger {
		return obj{{"$ref", "#/parameters/Id"}}
	}
	return obj{{"$ref", "#/components/parameters/Id"}}
}

func (c *ctx) schemaRef(name string) obj {
	if c.swagger {
		return obj{{"$ref", "#/definitions/" + name}}
	}
	return obj{{"$ref", "#/components/schemas/" + name}}
}

// body adds the request body of the operation: requestBody in OpenAPI 3, a
// body parameter in Swagger 2 (appended to params).
func (c *ctx) body(o obj, params arr) (obj, arr) {
	if c.swagger {
		return o, append(params, obj{{"name", "body"}, {"in", "body"}, {"required", true}, {"schema", c.schemaRef("Item")}})
	}
	return append(o, kv{"requestBody", obj{
		{"required", true},
		{"content", obj{{"application/json", obj{{"schema", c.schemaRef("Item")}}}}},
	}}), params
}

// response declares one method response; headers are declared as strings.
func (c *ctx) response(desc, schema string, headers ...string) obj {
	r := obj{{"description", desc}}
	if len(headers) > 0 {
		h := obj{}
		for _, name := range headers {
			if c.swagger {
				h = append(h, kv{name, obj{{"type", "string"}}})
			} else {
				h = append(h, kv{name, obj{{"schema", obj{{"type", "string"}}}}})
			}
		}
		r = append(r, kv{"headers", h})
	}
	if schema != "" {
		if c.swagger {
			r = append(r, kv{"schema", c.schemaRef(schema)})
		} else {
			r = append(r, kv{"content", obj{{"application/json", obj{{"schema", c.schemaRef(schema)}}}}})
		}
	}
	return r
}

func (c *ctx) timeout() int { return (1 + c.r.IntN(29)) * 1000 }

func (c *ctx) host() string {
	return fmt.Sprintf("%s-%d.internal.example.com", c.word, c.r.IntN(40))
}

func (c *ctx) token(n int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[c.r.IntN(len(alphabet))]
	}
	return string(b)
}

// sub is an ARN or URI: a !Sub template in a SAM template, where the region
// and account come from pseudo parameters, a literal otherwise.
func (c *ctx) sub(format string) any {
	if c.sam {
		return tagged{"!Sub", strings.NewReplacer("{region}", "${AWS::Region}", "{account}", "${AWS::AccountId}").Replace(format)}
	}
	return strings.NewReplacer("{region}", c.region, "{account}", c.account).Replace(format)
}

func (c *ctx) lambda() obj {
	fn := c.r.IntN(functions)
	name := fmt.Sprintf("%s-%s-%d", c.title, c.word, fn)
	var uri any
	switch {
	case c.p == pLambdaARN && c.sam:
		uri = tagged{"!GetAtt", fmt.Sprintf("Fn%d.Arn", fn)}
	case c.p == pLambdaARN:
		uri = fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", c.region, c.account, name)
	case c.sam:
		uri = tagged{"!Sub", fmt.Sprintf("arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn%d.Arn}/invocations", fn)}
	default:
		uri = fmt.Sprintf("arn:aws:apigateway:%s:lambda:path/2015-03-31/functions/arn:aws:lambda:%s:%s:function:%s/invocations", c.region, c.region, c.account, name)
	}
	timeout := c.timeout()
	if c.p == pTimeout {
		timeout = 30000
	}
	in := obj{
		{"type", "aws_proxy"},
		{"httpMethod", "POST"},
		{"uri", uri},
		{"passthroughBehavior", "when_no_match"},
		{"timeoutInMillis", timeout},
	}
	if c.i%2 == 0 {
		in = append(in, kv{"responses", obj{{"default", obj{{"statusCode", "200"}}}}})
	}
	o, params := c.body(c.head("create", "Create one of "+c.word+" (Lambda proxy)"), nil)
	if len(params) > 0 {
		o = append(o, kv{"parameters", params})
	}
	return append(o,
		kv{"responses", obj{
			{"200", c.response("Created", "Item")},
			{"400", c.response("Invalid input", "Error")},
		}},
		kv{"x-amazon-apigateway-integration", in})
}

func (c *ctx) http() obj {
	id := c.pathParam("id")
	if c.i%2 == 0 {
		id = c.idRef()
	}
	o := c.head("get", "Read one of "+c.word+" from the backend")
	o = append(o,
		kv{"parameters", arr{id, c.param("limit", "query", "integer")}},
		kv{"responses", obj{
			{"200", c.response("OK", "Item", "X-Request-Id")},
			{"404", c.response("Not found", "Error")},
			{"502", c.response("Bad gateway", "Error")},
		}})
	cacheKey := "method.request.path.id"
	if c.p == pBareCacheKey {
		cacheKey = "id"
	}
	timeoutKey := "timeoutInMillis"
	if c.p == pMisspelledField {
		timeoutKey = "timeoutInMilis"
	}
	notFound := `4\d{2}`
	if c.p == pBadSelectionPattern {
		notFound = `4\d{2`
	}
	in := obj{
		{"type", "http"},
		{"httpMethod", "GET"},
		{"uri", fmt.Sprintf("https://%s/%s/{id}", c.host(), c.word)},
		{"requestParameters", obj{
			{"integration.request.path.id", "method.request.path.id"},
			{"integration.request.querystring.limit", "method.request.querystring.limit"},
			{"integration.request.header.X-Source", "'apigateway'"},
		}},
		{"passthroughBehavior", "when_no_templates"},
		{"cacheNamespace", c.token(6)},
		{"cacheKeyParameters", arr{cacheKey}},
		{timeoutKey, c.timeout()},
		{"responses", obj{
			{notFound, obj{
				{"statusCode", "404"},
				{"responseTemplates", obj{{"application/json", `{"message": "not found"}`}}},
			}},
			{`5\d{2}`, obj{{"statusCode", "502"}}},
			{"default", obj{
				{"statusCode", "200"},
				{"responseParameters", obj{{"method.response.header.X-Request-Id", "integration.response.header.X-Request-Id"}}},
			}},
		}},
	}
	return append(o, kv{"x-amazon-apigateway-integration", in})
}

func (c *ctx) httpProxy() obj {
	o, params := c.body(c.head("put", "Replace one of "+c.word+" (HTTP proxy)"),
		arr{c.pathParam("id"), c.param("X-Correlation-Id", "header", "string")})
	o = append(o,
		kv{"parameters", params},
		kv{"responses", obj{
			{"200", c.response("Replaced", "Item")},
			{"400", c.response("Invalid input", "Error")},
		}})
	source := "method.request.path.id"
	if c.p == pUndeclaredParam {
		source = "method.request.path.itemId"
	}
	in := obj{{"type", "http_proxy"}}
	if c.p != pNoHTTPMethod {
		in = append(in, kv{"httpMethod", "PUT"})
	}
	in = append(in,
		kv{"uri", fmt.Sprintf("https://%s/v2/%s/{id}", c.host(), c.word)},
		kv{"connectionType", "INTERNET"},
		kv{"requestParameters", obj{
			{"integration.request.path.id", source},
			{"integration.request.header.X-Correlation-Id", "method.request.header.X-Correlation-Id"},
		}},
		kv{"passthroughBehavior", "when_no_match"},
		kv{"timeoutInMillis", c.timeout()})
	return append(o, kv{"x-amazon-apigateway-integration", in})
}

func (c *ctx) vpcLink() obj {
	o := c.head("proxy", "Everything under "+c.word+", through the VPC link")
	o = append(o,
		kv{"parameters", arr{c.pathParam("proxy")}},
		kv{"responses", obj{{"200", c.response("Proxied", "")}}})
	in := obj{
		{"type", "http_proxy"},
		{"httpMethod", "ANY"},
		{"uri", fmt.Sprintf("https://nlb-%s.elb.%s.amazonaws.com/%s/{proxy}", c.token(8), c.region, c.word)},
		{"connectionType", "VPC_LINK"},
	}
	if c.p != pNoConnectionID {
		if c.i%2 == 0 {
			in = append(in, kv{"connectionId", "${stageVariables.vpcLinkId}"})
		} else {
			in = append(in, kv{"connectionId", c.token(6)})
		}
	}
	in = append(in,
		kv{"requestParameters", obj{{"integration.request.path.proxy", "method.request.path.proxy"}}},
		kv{"cacheKeyParameters", arr{"method.request.path.proxy"}},
		kv{"passthroughBehavior", "when_no_match"},
		kv{"timeoutInMillis", c.timeout()},
		kv{"tlsConfig", obj{{"insecureSkipVerification", false}}})
	return append(o, kv{"x-amazon-apigateway-integration", in})
}

func (c *ctx) mock() obj {
	o := c.head("preflight", "CORS preflight for "+c.word)
	o = append(o, kv{"responses", obj{{"200", c.response("CORS preflight", "",
		"Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers")}}})
	origin := "'*'"
	if c.p == pBareStar {
		origin = "*"
	}
	params := obj{
		{"method.response.header.Access-Control-Allow-Headers", "'Content-Type,Authorization,X-Amz-Date,X-Api-Key'"},
		{"method.response.header.Access-Control-Allow-Methods", "'OPTIONS,POST'"},
		{"method.response.header.Access-Control-Allow-Origin", origin},
	}
	if c.p == pUndeclaredHeader {
		params = append(params, kv{"method.response.header.Access-Control-Max-Age", "'600'"})
	}
	in := obj{
		{"type", "mock"},
		{"requestTemplates", obj{{"application/json", `{"statusCode": 200}`}}},
		{"passthroughBehavior", "when_no_match"},
		{"responses", obj{{"default", obj{
			{"statusCode", "200"},
			{"responseParameters", params},
			{"responseTemplates", obj{{"application/json", "{}"}}},
		}}}},
	}
	return append(o, kv{"x-amazon-apigateway-integration", in})
}

func (c *ctx) sqs() obj {
	o, params := c.body(c.head("enqueue", "Queue one of "+c.word+" to SQS"), nil)
	if len(params) > 0 {
		o = append(o, kv{"parameters", params})
	}
	o = append(o, kv{"responses", obj{
		{"200", c.response("Queued", "")},
		{"400", c.response("Rejected", "Error")},
		{"500", c.response("Queue error", "Error")},
	}})
	passthrough := "never"
	if c.p == pBadPassthrough {
		passthrough = "WHEN_NO_MATCHES"
	}
	serverError := "500"
	if c.p == pMissingMethodResponse {
		serverError = "503"
	}
	queue := fmt.Sprintf("%s-%s", c.word, c.token(4))
	in := obj{
		{"type", "aws"},
		{"httpMethod", "POST"},
		{"uri", c.sub("arn:aws:apigateway:{region}:sqs:path/{account}/" + queue)},
		{"credentials", c.sub("arn:aws:iam::{account}:role/" + c.word + "-apigw-sqs")},
		{"requestParameters", obj{{"integration.request.header.Content-Type", "'application/x-www-form-urlencoded'"}}},
		{"requestTemplates", obj{{"application/json", "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"}}},
		{"passthroughBehavior", passthrough},
		{"timeoutInMillis", c.timeout()},
		{"responses", obj{
			{"default", obj{
				{"statusCode", "200"},
				{"responseTemplates", obj{{"application/json", lit(
					"#set($r = $input.path('$.SendMessageResponse.SendMessageResult'))\n{\n  \"messageId\": \"$r.MessageId\"\n}")}}},
			}},
			{`4\d{2}`, obj{{"statusCode", "400"}}},
			{`5\d{2}`, obj{{"statusCode", serverError}}},
		}},
	}
	return append(o, kv{"x-amazon-apigateway-integration", in})
}

func (c *ctx) dynamo() obj {
	o := c.head("delete", "Delete one of "+c.word+" from DynamoDB")
	o = append(o,
		kv{"parameters", arr{c.pathParam("id")}},
		kv{"responses", obj{
			{"200", c.response("Deleted", "")},
			{"400", c.response("Rejected", "Error")},
		}})
	role := "arn:aws:iam::{account}:role/" + c.word + "-apigw-dynamodb"
	if c.p == pPolicyCredentials {
		role = "arn:aws:iam::{account}:policy/" + c.word + "-dynamodb"
	}
	table := fmt.Sprintf("%s-%s", c.word, c.token(5))
	in := obj{
		{"type", "aws"},
		{"httpMethod", "POST"},
		{"uri", c.sub("arn:aws:apigateway:{region}:dynamodb:action/DeleteItem")},
		{"credentials", c.sub(role)},
		{"requestTemplates", obj{{"application/json", lit(fmt.Sprintf(
			"{\n  \"TableName\": \"%s\",\n  \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}},\n  \"ReturnValues\": \"ALL_OLD\"\n}", table))}}},
		{"passthroughBehavior", "when_no_templates"},
		{"contentHandling", "CONVERT_TO_TEXT"},
		{"timeoutInMillis", c.timeout()},
		{"responses", obj{
			{"default", obj{
				{"statusCode", "200"},
				{"responseTemplates", obj{{"application/json", `{"deleted": "$input.params('id')"}`}}},
			}},
			{`4\d{2}`, obj{
				{"statusCode", "400"},
				{"responseTemplates", obj{{"application/json", `{"message": "$input.path('$.message')"}`}}},
			}},
		}},
	}
	return append(o, kv{"x-amazon-apigateway-integration", in})
}
