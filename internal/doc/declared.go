package doc

import (
	"strings"
	"sync"
)

// Declared is what an operation declares about its requests and responses,
// as far as integrations refer to it: request parameters by location and
// method responses with their headers.
//
// Parameter and response objects are decoded by the API's Decoder (the
// loader reads them from the tree) straight from the tree, only for the operations
// that need it, so the document is parsed once. Internal $refs are resolved
// against the same tree; external ones are never fetched.
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

	mu        sync.Mutex                 // guards responses: integrations may share an operation
	api       *API                       // nil for a CloudFormation method
	respNodes []*Node                    // an operation's responses, beside Codes, decoded on demand
	responses map[string]*MethodResponse // decoded responses, made on first use
}

// respNode returns the response node of a status code (the last, as a map
// filled in document order would hold).
func (d *Declared) respNode(code string) (*Node, bool) {
	for i := len(d.respNodes) - 1; i >= 0; i-- {
		if d.Codes[i] == code {
			return d.respNodes[i], true
		}
	}
	return nil, false
}

// addParam notes a declared parameter; Params is made on first use, as
// most operations declare none.
func (d *Declared) addParam(in, name string) {
	if d.Params == nil {
		d.Params = map[string]map[string]bool{}
	}
	if d.Params[in] == nil {
		d.Params[in] = map[string]bool{}
	}
	d.Params[in][name] = true
}

// MethodResponse is what a declared method response tells the checks: the
// names of its headers, as written.
type MethodResponse struct {
	Headers map[string]bool
}

// Parameter is a declared request parameter: its name and location.
type Parameter struct {
	Name, In string
}

// Decoder decodes the OpenAPI objects the model reads only in part. Each
// returns nil when the object cannot be read (a wrong type, a missing
// name); n is a mapping with every $ref already followed.
type Decoder interface {
	Parameter(n *Node) *Parameter
	Response(n *Node) *MethodResponse
}

// HasResponse reports whether a response with the status code is declared.
func (d *Declared) HasResponse(code string) bool {
	_, ok := d.responses[code]
	if !ok {
		_, ok = d.respNode(code)
	}
	return ok
}

// Response returns the declared method response for a status code, whose
// Headers are keyed as written; nil when there is none or it cannot be read.
// Only the responses a check asks for are decoded.
func (d *Declared) Response(code string) *MethodResponse {
	d.mu.Lock()
	defer d.mu.Unlock()
	if r, ok := d.responses[code]; ok {
		return r
	}
	n, ok := d.respNode(code)
	if !ok {
		return nil
	}
	r := d.api.decodeResponse(n)
	if d.responses == nil {
		d.responses = map[string]*MethodResponse{}
	}
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
	d := &Declared{Complete: true, api: o.API}
	addParams := func(list *Node) {
		list = Resolve(list)
		if list == nil {
			return
		}
		if list.Kind != SequenceNode {
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
			d.addParam(p.In, name)
		}
	}
	_, pp := Get(o.PathItem, "parameters")
	addParams(pp)
	_, op := Get(o.Node, "parameters")
	addParams(op)
	_, rs := Get(o.Node, "responses")
	if rs = Resolve(rs); rs != nil && rs.Kind != MappingNode {
		d.Complete = false
	}
	Pairs(rs, func(k, v *Node) {
		d.Codes = append(d.Codes, k.Value)
		d.respNodes = append(d.respNodes, v)
	})
	return d
}

// maxRefHops bounds chains of $ref, which also ends $ref loops.
const maxRefHops = 16

// deref follows a {$ref: "#/..."} node inside the document.
func deref(root, n *Node) *Node {
	n = Resolve(n)
	for i := 0; i < maxRefHops; i++ {
		_, ref := Get(n, "$ref")
		if ref = Resolve(ref); ref == nil {
			return n
		}
		if ref.Kind != ScalarNode || !strings.HasPrefix(ref.Value, "#/") {
			return nil // external refs are never fetched
		}
		n, _ = lookupPointer(root, ref.Value[1:])
		if n == nil {
			return nil
		}
	}
	return nil // a $ref loop
}

// decodeCache keeps what the Decoder decoded, per node: path item
// parameters and $ref'd components are shared by many operations and are
// decoded once.
type decodeCache struct {
	params    map[*Node]*Parameter
	responses map[*Node]*MethodResponse
}

// cachedDecode returns what decode gives for item, decoding it once per
// document; the cache is shared by the goroutines checking the document.
func cachedDecode[T any](a *API, cache *map[*Node]*T, item *Node, decode func(n *Node) *T) *T {
	a.mu.Lock()
	v, ok := (*cache)[item]
	a.mu.Unlock()
	if ok {
		return v
	}
	if n := deref(a.Root, item); n != nil && n.Kind == MappingNode {
		v = decode(n)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if *cache == nil {
		*cache = map[*Node]*T{}
	}
	(*cache)[item] = v
	return v
}

func (a *API) decodeParam(item *Node) *Parameter {
	return cachedDecode(a, &a.cache.params, item, func(n *Node) *Parameter {
		if a.Decoder == nil {
			return nil
		}
		return a.Decoder.Parameter(n)
	})
}

func (a *API) decodeResponse(item *Node) *MethodResponse {
	return cachedDecode(a, &a.cache.responses, item, func(n *Node) *MethodResponse {
		if a.Decoder == nil {
			return nil
		}
		return a.Decoder.Response(n)
	})
}

// methodRequestIn maps the location of a Method resource's RequestParameters
// key (method.request.LOCATION.NAME) to the OpenAPI location.
var methodRequestIn = map[string]string{"querystring": "query", "header": "header", "path": "path"}

// readMethodDeclared reads the declarations of an AWS::ApiGateway::Method
// resource: RequestParameters ({method.request.querystring.page: false})
// declares the method request parameters, MethodResponses ([{StatusCode,
// ResponseParameters: {method.response.header.X: true}}]) the method
// responses. Responses are given with their declared headers, as an OpenAPI
// operation's are.
func readMethodDeclared(o *Operation) *Declared {
	d := &Declared{Params: map[string]map[string]bool{}, responses: map[string]*MethodResponse{}, Complete: true}
	if k, rp := Get(o.Node, "RequestParameters"); k != nil {
		if Classify(rp).Kind != KindMap {
			d.Complete = Classify(rp).Kind == KindNull
		}
		Pairs(rp, func(k, _ *Node) {
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
		r := &MethodResponse{Headers: map[string]bool{}}
		_, params := Get(item, "ResponseParameters")
		if pv := Classify(params); pv.Kind != KindMap && pv.Kind != KindNull {
			d.Complete = false
		}
		Pairs(params, func(k, _ *Node) {
			if name, ok := strings.CutPrefix(k.Value, "method.response.header."); ok && name != "" {
				r.Headers[name] = true
			}
		})
		d.Codes = append(d.Codes, strings.TrimSpace(code.Text))
		d.responses[strings.TrimSpace(code.Text)] = r
	}
	return d
}
