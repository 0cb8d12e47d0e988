package terraform

import (
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// methodAttrs are the arguments that name the method a resource belongs to.
var methodAttrs = []string{"rest_api_id", "resource_id", "http_method"}

// linkTypes are the resources whose method arguments other resources refer
// to (http_method = aws_api_gateway_method.get.http_method).
var linkTypes = map[string]bool{methodType: true, integrationType: true, methodResponseType: true, integrationResponseType: true}

// maxLinks bounds a chain of such references, which also ends a loop.
const maxLinks = 8

// instanceRef finds each.key, each.value and count.index: a value that
// differs per instance of a resource with for_each or count.
var instanceRef = lazyre.New(`\b(each|count)\.`)

// methodKey identifies the method a resource belongs to: its rest_api_id,
// resource_id and http_method as source text (white space removed), each
// followed through references to the same argument of another resource
// this file holds. A value that differs per instance is qualified by the
// for_each or count it comes from. It is "" when an argument is missing.
func (b *builder) methodKey(r *resource) string {
	if k, ok := b.keys[r]; ok {
		return k
	}
	if b.keys == nil {
		b.keys = map[*resource]string{}
	}
	b.keys[r] = "" // a loop of references settles nothing
	parts := make([]string, len(methodAttrs))
	for i, a := range methodAttrs {
		t, ok := b.attrKey(r, a, 0)
		if !ok {
			return ""
		}
		parts[i] = t
	}
	k := strings.Join(parts, "\x00")
	b.keys[r] = k
	return k
}

func (b *builder) attrKey(r *resource, name string, depth int) (string, bool) {
	e := r.attr(name)
	if e == nil {
		return "", false
	}
	e = unwrap(e)
	if st, ok := e.(*hclsyntax.ScopeTraversalExpr); ok && depth < maxLinks {
		if target := b.referenced(st.Traversal, name); target != nil && target != r {
			return b.attrKey(target, name, depth+1)
		}
	}
	text := strings.Join(strings.Fields(b.text(e.Range())), "")
	if instanceRef().MatchString(text) {
		for _, meta := range []string{"for_each", "count"} {
			if m := r.attr(meta); m != nil {
				text = meta + "=" + strings.Join(strings.Fields(b.text(m.Range())), "") + "|" + text
			}
		}
	}
	return text, true
}

// unwrap returns what "${x}" and (x) stand for.
func unwrap(e hclsyntax.Expression) hclsyntax.Expression {
	for range maxLinks {
		switch w := e.(type) {
		case *hclsyntax.TemplateWrapExpr:
			e = w.Wrapped
		case *hclsyntax.ParenthesesExpr:
			e = w.Expression
		default:
			return e
		}
	}
	return e
}

// referenced returns the resource of this file that a reference to its
// argument name designates (TYPE.NAME.name or TYPE.NAME[i].name), or nil.
func (b *builder) referenced(t hcl.Traversal, name string) *resource {
	if len(t) < 3 || len(t) > 4 {
		return nil
	}
	root, ok1 := t[0].(hcl.TraverseRoot)
	res, ok2 := t[1].(hcl.TraverseAttr)
	attr, ok3 := t[len(t)-1].(hcl.TraverseAttr)
	if !ok1 || !ok2 || !ok3 || attr.Name != name || !linkTypes[root.Name] {
		return nil
	}
	if len(t) == 4 {
		if _, ok := t[2].(hcl.TraverseIndex); !ok {
			return nil
		}
	}
	for _, r := range b.byType[root.Name] {
		if r.name == res.Name {
			return r
		}
	}
	return nil
}

// sameMethod returns the resources of type typ that belong to the method
// of r.
func (b *builder) sameMethod(r *resource, typ string) []*resource {
	key := b.methodKey(r)
	if key == "" {
		return nil
	}
	if b.byKey == nil { // indexed once: a generated module has thousands of methods
		b.byKey = map[string]map[string][]*resource{}
		for t, rs := range b.byType {
			b.byKey[t] = map[string][]*resource{}
			for _, o := range rs {
				if k := b.methodKey(o); k != "" {
					b.byKey[t][k] = append(b.byKey[t][k], o)
				}
			}
		}
	}
	var out []*resource
	for _, o := range b.byKey[typ][key] {
		if o != r {
			out = append(out, o)
		}
	}
	return out
}

// operation makes the operation of an integration from its
// aws_api_gateway_method: a node shaped as the Properties of an
// AWS::ApiGateway::Method, whose RequestParameters, AuthorizationType and
// MethodResponses are the method's request_parameters, its authorization
// and the aws_api_gateway_method_response resources of the method (their
// status_code and response_parameters), so that doc reads its
// declarations as it reads a CloudFormation method's. The values are the
// nodes of the .tf file.
//
// Without the method (in another file, or more than one match), the
// declarations are unknown: Declared is incomplete. Without any method
// response in the file, MethodResponses is left out: the method declares
// no response that the file shows, and rules do not judge responses
// against an empty list outside CloudFormation.
func (b *builder) operation(in *resource) *doc.Operation {
	op := &doc.Operation{Pointer: in.ptr, Resource: methodType}
	n := &doc.Node{Kind: doc.MappingNode, Tag: "!!map", Line: in.label.Line, Column: in.label.Column}
	op.Node = n
	add := func(at *doc.Node, key string, v *doc.Node) {
		k := &doc.Node{Kind: doc.ScalarNode, Tag: "!!str", Value: key, Line: at.Line, Column: at.Column}
		n.Content = append(n.Content, k, v)
	}
	methods := b.sameMethod(in, methodType)
	if len(methods) != 1 {
		unknown := &doc.Node{Kind: doc.ScalarNode, Tag: doc.TerraformExprTag, Value: methodType, Line: in.label.Line, Column: in.label.Column}
		add(in.label, "RequestParameters", unknown)
		add(in.label, "AuthorizationType", unknown)
		return op
	}
	m := methods[0]
	op.Resource, op.Pointer = methodType+"."+m.name, m.ptr
	if _, v := doc.Get(m.node, "http_method"); doc.Classify(v).Kind == doc.KindString {
		op.Method = strings.TrimSpace(v.Value)
	}
	for _, p := range [][2]string{{"request_parameters", "RequestParameters"}, {"authorization", "AuthorizationType"}} {
		if k, v := doc.Get(m.node, p[0]); k != nil {
			add(k, p[1], v)
		}
	}
	responses := b.sameMethod(in, methodResponseType)
	if len(responses) == 0 {
		return op
	}
	seq := &doc.Node{Kind: doc.SequenceNode, Tag: "!!seq", Line: m.label.Line, Column: m.label.Column}
	for _, mr := range responses {
		item := &doc.Node{Kind: doc.MappingNode, Tag: "!!map", Line: mr.label.Line, Column: mr.label.Column}
		for _, p := range [][2]string{{"status_code", "StatusCode"}, {"response_parameters", "ResponseParameters"}} {
			if k, v := doc.Get(mr.node, p[0]); k != nil {
				item.Content = append(item.Content, &doc.Node{Kind: doc.ScalarNode, Tag: "!!str", Value: p[1], Line: k.Line, Column: k.Column}, v)
			}
		}
		seq.Content = append(seq.Content, item)
	}
	add(m.label, "MethodResponses", seq)
	return op
}
