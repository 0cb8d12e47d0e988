package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v4"
)

// kinDecoder decodes parameter and response objects with kin-openapi, only
// the keys the checks read: schemas, examples and content can be most of a
// large document, and are left out of the decode.
type kinDecoder struct{}

// Decoder is the doc.Decoder of every API the loader reads.
var Decoder doc.Decoder = kinDecoder{}

func (kinDecoder) Parameter(n *doc.Node) *doc.Parameter {
	var p openapi3.Parameter
	if err := toYAML(only(n, "name", "in")).Decode(&p); err != nil || p.Name == "" || p.In == "" {
		return nil
	}
	return &doc.Parameter{Name: p.Name, In: p.In}
}

func (kinDecoder) Response(n *doc.Node) *doc.MethodResponse {
	// Only the header names are read: their schemas are left out of the
	// decode, which would otherwise cost most of it.
	trimmed := only(n, "description", "headers")
	for i := 1; i < len(trimmed.Content); i += 2 {
		if trimmed.Content[i-1].Value == "headers" {
			trimmed.Content[i] = headerNames(trimmed.Content[i])
		}
	}
	var r openapi3.Response
	if err := toYAML(trimmed).Decode(&r); err != nil {
		return nil
	}
	out := &doc.MethodResponse{Headers: make(map[string]bool, len(r.Headers))}
	for name := range r.Headers {
		out.Headers[name] = true
	}
	return out
}

// only returns a shallow copy of mapping n with just the given keys.
func only(n *doc.Node, keys ...string) *doc.Node {
	c := *n
	c.Content = nil
	doc.Pairs(n, func(k, v *doc.Node) {
		for _, want := range keys {
			if k.Value == want {
				c.Content = append(c.Content, k, v)
			}
		}
	})
	return &c
}

// headerNames returns a copy of a headers mapping whose values are empty
// header objects.
func headerNames(headers *doc.Node) *doc.Node {
	headers = doc.Resolve(headers)
	if headers == nil || headers.Kind != doc.MappingNode {
		return headers
	}
	c := *headers
	c.Content = nil
	doc.Pairs(headers, func(k, _ *doc.Node) {
		c.Content = append(c.Content, k, &doc.Node{Kind: doc.MappingNode, Tag: "!!map"})
	})
	return &c
}

// toYAML copies a (small, trimmed) tree back into YAML nodes for
// kin-openapi, whose types decode from them. Aliases are resolved on the
// way, so the copy is a plain tree.
func toYAML(n *doc.Node) *yaml.Node {
	return toYAMLDepth(n, 0)
}

// maxDecodeDepth bounds the copy; parameter and response objects are
// shallow once trimmed, and the loader has already refused deeper trees.
const maxDecodeDepth = 64

func toYAMLDepth(n *doc.Node, depth int) *yaml.Node {
	n = doc.Resolve(n)
	if n == nil || depth > maxDecodeDepth {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	y := &yaml.Node{Kind: yaml.Kind(n.Kind), Style: yaml.Style(n.Style), Tag: n.Tag, Value: n.Value, Line: n.Line, Column: n.Column}
	if len(n.Content) > 0 {
		y.Content = make([]*yaml.Node, len(n.Content))
		for i, c := range n.Content {
			y.Content[i] = toYAMLDepth(c, depth+1)
		}
	}
	return y
}
