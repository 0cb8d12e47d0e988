package doc

import (
	"strings"
)

// ValueKind says what a value node holds, as far as a linter can know it
// before CloudFormation or another templating tool has run.
type ValueKind int

const (
	KindNull   ValueKind = iota // YAML null or "~"
	KindString                  // a plain string
	KindInt                     // an integer number
	KindFloat                   // a number with a fraction or exponent
	KindBool                    // true or false
	KindMap                     // a mapping that is not an intrinsic function
	KindSeq                     // a sequence
	// KindTemplate is a string template whose ${...} parts are filled in
	// later: the string of Fn::Sub / !Sub. Text holds the template.
	KindTemplate
	// KindUnknown is a value computed by an intrinsic function (Ref,
	// Fn::GetAtt, Fn::Join, Fn::If, Fn::ImportValue ...): nothing is certain.
	KindUnknown
)

func (k ValueKind) String() string {
	return [...]string{"null", "string", "integer", "number", "boolean", "object", "array", "template", "intrinsic"}[k]
}

// Value is a classified value node.
type Value struct {
	Kind ValueKind
	Text string // the scalar text, or the template of a Fn::Sub
	Node *Node  // the node the value was read from (aliases resolved)
	// Intrinsic names the CloudFormation function for KindTemplate and
	// KindUnknown values ("Fn::Sub", "!GetAtt" ...).
	Intrinsic string
}

// Known reports whether the value is a literal (not computed by a function).
func (v Value) Known() bool { return v.Kind != KindTemplate && v.Kind != KindUnknown }

// IsText reports whether the value is a string or a string template, the
// values a string field may take.
func (v Value) IsText() bool { return v.Kind == KindString || v.Kind == KindTemplate }

// Resolve follows alias nodes to the node they stand for.
func Resolve(n *Node) *Node {
	for i := 0; n != nil && n.Kind == AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// Classify returns what node n holds.
func Classify(n *Node) Value {
	n = Resolve(n)
	if n == nil {
		return Value{Kind: KindNull}
	}
	v := Value{Node: n, Text: n.Value}
	if fn := shortTag(n.Tag); fn != "" {
		v.Intrinsic = "!" + fn
		if fn == "Sub" || n.Tag == TerraformTemplateTag {
			if t, ok := subTemplate(n); ok {
				v.Kind, v.Text = KindTemplate, t
				return v
			}
		}
		v.Kind, v.Text = KindUnknown, ""
		return v
	}
	switch n.Kind {
	case MappingNode:
		if fn, arg := IntrinsicOf(n); fn != "" {
			v.Intrinsic, v.Text = fn, ""
			if fn == "Fn::Sub" {
				if t, ok := subTemplate(arg); ok {
					v.Kind, v.Text = KindTemplate, t
					return v
				}
			}
			v.Kind = KindUnknown
			return v
		}
		v.Kind, v.Text = KindMap, ""
	case SequenceNode:
		v.Kind, v.Text = KindSeq, ""
	case ScalarNode:
		switch n.Tag {
		case "!!null":
			v.Kind = KindNull
		case "!!int":
			v.Kind = KindInt
		case "!!float":
			v.Kind = KindFloat
		case "!!bool":
			v.Kind = KindBool
		default:
			v.Kind = KindString
		}
	default:
		v.Kind = KindNull
	}
	return v
}

// Tags of the scalars internal/terraform makes for values Terraform
// computes. A TerraformTemplateTag scalar is a string template whose ${...}
// parts Terraform fills in ("arn:aws:apigateway:${var.region}:..."):
// Classify gives KindTemplate with the scalar's text, as for a Fn::Sub.
// A TerraformExprTag scalar is any other expression (a reference, a function
// call, a conditional), its text the expression's source: KindUnknown, like
// every tag of this form.
const (
	TerraformTemplateTag = "!tf-template"
	TerraformExprTag     = "!tf-expr"
)

// shortTag returns the CloudFormation function name of a short-form tag such
// as !Sub or !GetAtt, or "" for standard YAML tags.
func shortTag(tag string) string {
	if strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") && len(tag) > 1 {
		return tag[1:]
	}
	return ""
}

// IntrinsicOf returns the function name and argument of a CloudFormation
// intrinsic written in its long form: a mapping with the single key Ref,
// Condition or Fn::Something.
func IntrinsicOf(n *Node) (string, *Node) {
	n = Resolve(n)
	if n == nil || n.Kind != MappingNode || len(n.Content) != 2 {
		return "", nil
	}
	k := n.Content[0].Value
	if k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::") {
		return k, n.Content[1]
	}
	return "", nil
}

// subTemplate returns the template string of a Fn::Sub argument: the string
// itself, or the first element of the [template, {vars}] list form.
func subTemplate(arg *Node) (string, bool) {
	arg = Resolve(arg)
	if arg == nil {
		return "", false
	}
	if arg.Kind == ScalarNode {
		return arg.Value, true
	}
	if arg.Kind == SequenceNode && len(arg.Content) > 0 {
		first := Resolve(arg.Content[0])
		if first != nil && first.Kind == ScalarNode {
			return first.Value, true
		}
	}
	return "", false
}

// Pairs calls fn for each key/value pair of mapping n in document order,
// following aliases and YAML merge keys (<<). A key written in the mapping
// itself wins over a merged one. Only scalar keys count: a complex key
// ({a: 1}: x) or an alias used as a key is skipped, as Get never finds it.
func Pairs(n *Node, fn func(k, v *Node)) {
	n = Resolve(n)
	if n == nil || n.Kind != MappingNode {
		return
	}
	if !hasMergeKey(n) {
		// The common case, without the bookkeeping of merges: fn is only
		// called here (never handed on), so a caller's closure and what it
		// captures stay on the caller's stack.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == ScalarNode {
				fn(k, n.Content[i+1])
			}
		}
		return
	}
	for _, p := range mergedPairs(n, 0, map[*Node]bool{}) {
		fn(p[0], p[1])
	}
}

func IsMergeKey(k *Node) bool {
	return k.Tag == "!!merge" || (k.Kind == ScalarNode && k.Value == "<<" && k.Style == 0)
}

// mergedPairs returns the pairs of a mapping with merge keys, in the order
// Pairs gives them. It visits each merged mapping once: merging the same
// mapping again adds no key, and revisiting it would make a chain of merges
// of merges (a "billion laughs" of << keys) take exponential time.
func mergedPairs(n *Node, depth int, visited map[*Node]bool) [][2]*Node {
	if n == nil || n.Kind != MappingNode || depth > 20 || visited[n] {
		return nil
	}
	visited[n] = true
	var out [][2]*Node
	var merges []*Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if IsMergeKey(k) {
			merges = append(merges, v)
			continue
		}
		if k.Kind != ScalarNode {
			continue // a complex or alias key ({a: 1}: x) names nothing a pointer can reach
		}
		out = append(out, [2]*Node{k, v})
	}
	if merges == nil {
		return out
	}
	own := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		own[n.Content[i].Value] = true
	}
	for _, m := range merges {
		m = Resolve(m)
		srcs := []*Node{m}
		if m != nil && m.Kind == SequenceNode {
			srcs = m.Content
		}
		for _, s := range srcs {
			for _, p := range mergedPairs(Resolve(s), depth+1, visited) {
				if !own[p[0].Value] {
					own[p[0].Value] = true
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// hasMergeKey reports whether mapping n has a YAML merge key (<<).
func hasMergeKey(n *Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if IsMergeKey(n.Content[i]) {
			return true
		}
	}
	return false
}

// Get returns the key and value nodes of key in mapping n, or nils. When a
// key is written twice, the last one wins, as in API Gateway's own parser.
func Get(n *Node, key string) (k, v *Node) {
	n = Resolve(n)
	if n == nil || n.Kind != MappingNode {
		return nil, nil
	}
	merged := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		kk := n.Content[i]
		if kk.Value == key && kk.Kind == ScalarNode && !IsMergeKey(kk) {
			k, v = kk, n.Content[i+1]
		}
		merged = merged || IsMergeKey(kk)
	}
	if k != nil || !merged {
		return k, v
	}
	Pairs(n, func(kk, vv *Node) {
		if kk.Value == key {
			k, v = kk, vv
		}
	})
	return k, v
}

// pointerEscape escapes one JSON pointer reference token (RFC 6901).
func pointerEscape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// Join appends reference tokens to a JSON pointer.
func Join(ptr string, tokens ...string) string {
	size := len(ptr)
	for _, t := range tokens {
		size += 1 + len(pointerEscape(t))
	}
	var b strings.Builder
	b.Grow(size) // one allocation: pointers are built for every field
	b.WriteString(ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(pointerEscape(t))
	}
	return b.String()
}
