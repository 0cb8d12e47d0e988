package loader

import (
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v4"
)

// Declared is what an operation declares about its requests and responses,
// as far as integrations refer to it: request parameters by location and
// method responses with their headers.
//
// It is read with kin-openapi, decoding only the operation's and path item's
// parameters and the operation's responses straight from the node tree the
// loader already has (kin-openapi's types decode from yaml v4 nodes), so the
// document is parsed once and only the operations that need it pay for it.
// Internal $refs are resolved against the same tree; external ones are never
// fetched.
type Declared struct {
	// Params maps an OpenAPI location ("path", "query", "header", "cookie",
	// "body", "formData") to the declared names. Header names are lower case
	// (HTTP headers are case-insensitive).
	Params map[string]map[string]bool
	// Codes are the declared response status codes ("200", "4XX",
	// "default") in document order.
	Codes []string
	// Complete is false when some parameter or response could not be read
	// (an unresolvable $ref, a value computed by CloudFormation): checks
	// that rely on absence must then stay quiet.
	Complete bool

	mu        sync.Mutex                    // guards responses: integrations may share an operation
	api       *API                          // nil for a CloudFormation method
	respNodes map[string]*yaml.Node         // an operation's responses, decoded on demand
	responses map[string]*openapi3.Response // decoded responses
}

// HasResponse reports whether a response with the status code is declared.
func (d *Declared) HasResponse(code string) bool {
	_, ok := d.responses[code]
	if !ok {
		_, ok = d.respNodes[code]
	}
	return ok
}

// Response returns the declared method response for a status code, whose
// Headers are keyed as written; nil when there is none or it cannot be read.
// Only the responses a check asks for are decoded.
func (d *Declared) Response(code string) *openapi3.Response {
	d.mu.Lock()
	defer d.mu.Unlock()
	if r, ok := d.responses[code]; ok {
		return r
	}
	n, ok := d.respNodes[code]
	if !ok {
		return nil
	}
	r := d.api.decodeResponse(n)
	d.responses[code] = r
	return r
}

// HasParam reports whether a parameter is declared in location in.
func (d *Declared) HasParam(in, name string) bool {
	if in == "header" {
		name = strings.ToLower(name)
	}
	return d.Params[in][name]
}

// Declared returns the operation's declarations, read once.
func (o *Operation) Declared() *Declared {
	o.declOnce.Do(func() {
		if o.Resource != "" {
			o.decl = readMethodDeclared(o)
		} else {
			o.decl = readDeclared(o)
		}
	})
	return o.decl
}

type opCache struct {
	declOnce sync.Once
	decl     *Declared
}

func readDeclared(o *Operation) *Declared {
	d := &Declared{Params: map[string]map[string]bool{}, Complete: true, api: o.API,
		respNodes: map[string]*yaml.Node{}, responses: map[string]*openapi3.Response{}}
	addParams := func(list *yaml.Node) {
		list = Resolve(list)
		if list == nil {
			return
		}
		if list.Kind != yaml.SequenceNode {
			d.Complete = false
			return
		}
		for _, item := range list.Content {
			p := o.API.decodeParam(item)
			if p == nil {
				d.Complete = false
				continue
			}
			name := p.Name
			if p.In == "header" {
				name = strings.ToLower(name)
			}
			if d.Params[p.In] == nil {
				d.Params[p.In] = map[string]bool{}
			}
			d.Params[p.In][name] = true
		}
	}
	_, pp := Get(o.PathItem, "parameters")
	addParams(pp)
	_, op := Get(o.Node, "parameters")
	addParams(op)
	_, rs := Get(o.Node, "responses")
	if rs = Resolve(rs); rs != nil && rs.Kind != yaml.MappingNode {
		d.Complete = false
	}
	Pairs(rs, func(k, v *yaml.Node) {
		d.Codes = append(d.Codes, k.Value)
		d.respNodes[k.Value] = v
	})
	return d
}

// maxRefHops bounds chains of $ref, which also ends $ref loops.
const maxRefHops = 16

// deref follows a {$ref: "#/..."} node inside the document.
func deref(root, n *yaml.Node) *yaml.Node {
	n = Resolve(n)
	for i := 0; i < maxRefHops; i++ {
		_, ref := Get(n, "$ref")
		if ref = Resolve(ref); ref == nil {
			return n
		}
		if ref.Kind != yaml.ScalarNode || !strings.HasPrefix(ref.Value, "#/") {
			return nil // external refs are never fetched
		}
		n, _ = lookupPointer(root, ref.Value[1:])
		if n == nil {
			return nil
		}
	}
	return nil // a $ref loop
}

// decodeCache keeps what kin-openapi decoded, per node: path item
// parameters and $ref'd components are shared by many operations and are
// decoded once.
type decodeCache struct {
	params    map[*yaml.Node]*openapi3.Parameter
	responses map[*yaml.Node]*openapi3.Response
}

// cachedDecode returns what decode gives for item, decoding it once per
// document; the cache is shared by the goroutines checking the document.
func cachedDecode[T any](a *API, cache *map[*yaml.Node]*T, item *yaml.Node, decode func(n *yaml.Node) *T) *T {
	a.mu.Lock()
	v, ok := (*cache)[item]
	a.mu.Unlock()
	if ok {
		return v
	}
	if n := deref(a.Root, item); n != nil && n.Kind == yaml.MappingNode {
		v = decode(n)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if *cache == nil {
		*cache = map[*yaml.Node]*T{}
	}
	(*cache)[item] = v
	return v
}

func (a *API) decodeParam(item *yaml.Node) *openapi3.Parameter {
	return cachedDecode(a, &a.cache.params, item, func(n *yaml.Node) *openapi3.Parameter {
		var p openapi3.Parameter
		if err := only(n, "name", "in").Decode(&p); err != nil || p.Name == "" || p.In == "" {
			return nil
		}
		return &p
	})
}

// only returns a shallow copy of mapping n with just the given keys, so
// that decoding skips what the checks never read (schemas, examples, content
// can be most of a large document).
func only(n *yaml.Node, keys ...string) *yaml.Node {
	c := *n
	c.Content = nil
	Pairs(n, func(k, v *yaml.Node) {
		for _, want := range keys {
			if k.Value == want {
				c.Content = append(c.Content, k, v)
			}
		}
	})
	return &c
}

func (a *API) decodeResponse(item *yaml.Node) *openapi3.Response {
	return cachedDecode(a, &a.cache.responses, item, func(n *yaml.Node) *openapi3.Response {
		// Only the header names are read: their schemas are left out of
		// the decode, which would otherwise cost most of it.
		trimmed := only(n, "description", "headers")
		for i := 1; i < len(trimmed.Content); i += 2 {
			if trimmed.Content[i-1].Value == "headers" {
				trimmed.Content[i] = headerNames(trimmed.Content[i])
			}
		}
		var r openapi3.Response
		if err := trimmed.Decode(&r); err != nil {
			return nil
		}
		return &r
	})
}

// headerNames returns a copy of a headers mapping whose values are empty
// header objects.
func headerNames(headers *yaml.Node) *yaml.Node {
	headers = Resolve(headers)
	if headers == nil || headers.Kind != yaml.MappingNode {
		return headers
	}
	c := *headers
	c.Content = nil
	Pairs(headers, func(k, _ *yaml.Node) {
		c.Content = append(c.Content, k, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	})
	return &c
}

// methodRequestIn maps the location of a Method resource's RequestParameters
// key (method.request.LOCATION.NAME) to the OpenAPI location.
var methodRequestIn = map[string]string{"querystring": "query", "header": "header", "path": "path"}

// readMethodDeclared reads the declarations of an AWS::ApiGateway::Method
// resource: RequestParameters ({method.request.querystring.page: false})
// declares the method request parameters, MethodResponses ([{StatusCode,
// ResponseParameters: {method.response.header.X: true}}]) the method
// responses. Responses are given as openapi3.Response values with the
// declared headers, as an OpenAPI operation's are.
func readMethodDeclared(o *Operation) *Declared {
	d := &Declared{Params: map[string]map[string]bool{}, responses: map[string]*openapi3.Response{}, Complete: true}
	if k, rp := Get(o.Node, "RequestParameters"); k != nil {
		if Classify(rp).Kind != KindMap {
			d.Complete = Classify(rp).Kind == KindNull
		}
		Pairs(rp, func(k, _ *yaml.Node) {
			rest, ok := strings.CutPrefix(k.Value, "method.request.")
			loc, name, found := strings.Cut(rest, ".")
			in := methodRequestIn[loc]
			if !ok || !found || in == "" || name == "" {
				return // a malformed key declares nothing
			}
			if in == "header" {
				name = strings.ToLower(name)
			}
			if d.Params[in] == nil {
				d.Params[in] = map[string]bool{}
			}
			d.Params[in][name] = true
		})
	}
	k, mr := Get(o.Node, "MethodResponses")
	if k == nil {
		return d
	}
	list := Resolve(mr)
	if v := Classify(list); v.Kind != KindSeq {
		d.Complete = v.Kind == KindNull
		return d
	}
	for _, item := range list.Content {
		if Classify(item).Kind != KindMap {
			d.Complete = false // Fn::If, or a wrong type
			continue
		}
		_, sc := Get(item, "StatusCode")
		code := Classify(sc)
		if code.Kind != KindString && code.Kind != KindInt {
			d.Complete = false
			continue
		}
		r := &openapi3.Response{Headers: openapi3.Headers{}}
		_, params := Get(item, "ResponseParameters")
		if pv := Classify(params); pv.Kind != KindMap && pv.Kind != KindNull {
			d.Complete = false
		}
		Pairs(params, func(k, _ *yaml.Node) {
			if name, ok := strings.CutPrefix(k.Value, "method.response.header."); ok && name != "" {
				r.Headers[name] = &openapi3.HeaderRef{Value: &openapi3.Header{}}
			}
		})
		d.Codes = append(d.Codes, strings.TrimSpace(code.Text))
		d.responses[strings.TrimSpace(code.Text)] = r
	}
	return d
}
