package loader

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// treeDecoder reads the two OpenAPI objects the model needs in part, a
// parameter's name and location and a response's header names, straight
// from the tree. A general OpenAPI library would decode them as well, at
// the price of its start-up (kin-openapi initialises a JSON-schema
// compiler in every process, most of a one-file pre-commit run) for two
// fields of one object and the keys of another.
type treeDecoder struct{}

// Decoder is the doc.Decoder of every API the loader reads.
var Decoder doc.Decoder = treeDecoder{}

// Parameter reads name and in, both required and both strings (a number
// or a boolean written plain reads as its text, as YAML decoding into a
// string does); a parameter without them cannot be read.
func (treeDecoder) Parameter(n *doc.Node) *doc.Parameter {
	name, ok1 := scalarText(n, "name")
	in, ok2 := scalarText(n, "in")
	if !ok1 || !ok2 || name == "" || in == "" {
		return nil
	}
	return &doc.Parameter{Name: name, In: in}
}

// Response reads the names of the headers a response declares; headers
// that are not a mapping make the response unreadable.
func (treeDecoder) Response(n *doc.Node) *doc.MethodResponse {
	r := &doc.MethodResponse{Headers: map[string]bool{}}
	k, headers := doc.Get(n, "headers")
	if k == nil {
		return r
	}
	switch doc.Classify(headers).Kind {
	case doc.KindNull:
		return r
	case doc.KindMap:
		doc.Pairs(headers, func(k, _ *doc.Node) { r.Headers[k.Value] = true })
		return r
	}
	return nil
}

// scalarText returns the text of the scalar under key in mapping n.
func scalarText(n *doc.Node, key string) (string, bool) {
	_, v := doc.Get(n, key)
	v = doc.Resolve(v)
	if v == nil || v.Kind != doc.ScalarNode || v.Tag == "!!null" || strings.HasPrefix(v.Tag, "!") && !strings.HasPrefix(v.Tag, "!!") {
		return "", false
	}
	return v.Value, true
}
