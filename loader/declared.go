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
	// Responses maps a status code ("200", "4XX", "default") to the method
	// response, whose Headers are keyed as written.
	Responses map[string]*openapi3.Response
	// Complete is false when some parameter or response could not be read
	// (an unresolvable $ref, a value computed by CloudFormation): checks
	// that rely on absence must then stay quiet.
	Complete bool
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
	d := &Declared{Params: map[string]map[string]bool{}, Responses: map[string]*openapi3.Response{}, Complete: true}
	root := o.API.Root
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
			p := decodeParam(root, item)
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
		if r := decodeResponse(root, v); r != nil {
			d.Responses[k.Value] = r
		} else {
			d.Complete = false
		}
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

func decodeParam(root, n *yaml.Node) *openapi3.Parameter {
	n = deref(root, n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var p openapi3.Parameter
	if err := only(n, "name", "in").Decode(&p); err != nil || p.Name == "" || p.In == "" {
		return nil
	}
	return &p
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

func decodeResponse(root, n *yaml.Node) *openapi3.Response {
	n = deref(root, n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var r openapi3.Response
	if err := only(n, "description", "headers").Decode(&r); err != nil {
		return nil
	}
	// Header $refs (#/components/headers/...) only matter by name here.
	return &r
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
	d := &Declared{Params: map[string]map[string]bool{}, Responses: map[string]*openapi3.Response{}, Complete: true}
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
		d.Responses[strings.TrimSpace(code.Text)] = r
	}
	return d
}
