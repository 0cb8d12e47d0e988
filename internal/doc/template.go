package doc

// What whole-template rules read: the resources of a CloudFormation or SAM
// template by logical id, and the references between them.

// Resource is one resource of a CloudFormation or SAM template.
type Resource struct {
	Name    string // the logical id
	Key     *Node  // the logical id key, where findings about the whole resource go
	Node    *Node  // the resource mapping
	Type    string // the literal Type, or "" when it is not a string
	Props   *Node  // its Properties (nil when absent)
	Pointer string // JSON pointer of Props
}

// Prop returns the key and value of a property, or nils.
func (r *Resource) Prop(name string) (k, v *Node) { return Get(r.Props, name) }

// Resources returns the resources of a template in document order, with
// the same by logical id; both are empty for any other content. A Fn::If
// around a whole resource is not a resource CloudFormation accepts, so only
// mappings count.
func (r *Result) Resources() ([]*Resource, map[string]*Resource) {
	byName := map[string]*Resource{}
	if r.Content != ContentTemplate {
		return nil, byName
	}
	var list []*Resource
	_, res := Get(r.File.Root, "Resources")
	Pairs(res, func(k, v *Node) {
		rs := &Resource{Name: k.Value, Key: k, Node: v, Pointer: Join("", "Resources", k.Value, "Properties")}
		_, t := Get(v, "Type")
		if tv := Classify(t); tv.Kind == KindString {
			rs.Type = tv.Text
		}
		_, rs.Props = Get(v, "Properties")
		list = append(list, rs)
		byName[rs.Name] = rs
	})
	return list, byName
}

// GetAtt returns the logical id and attribute a Fn::GetAtt names, in any of
// its spellings (!GetAtt X.attr, Fn::GetAtt: [X, attr], Fn::GetAtt: X.attr).
func GetAtt(n *Node) (name, attr string, ok bool) { return getAtt(n) }

// RefName returns the logical id (or parameter) a {Ref: X} or !Ref X names,
// or "".
func RefName(n *Node) string { return refName(n) }

// SubVariables returns the variables of a Fn::Sub written in its list form
// ([template, {Name: value}]) by name; nil for the string form or any other
// value.
func SubVariables(n *Node) map[string]*Node {
	n = Resolve(n)
	if n == nil {
		return nil
	}
	arg := n
	if fn, a := IntrinsicOf(n); fn == "Fn::Sub" {
		arg = a
	} else if n.Tag != "!Sub" {
		return nil
	}
	arg = Resolve(arg)
	if arg == nil || arg.Kind != SequenceNode || len(arg.Content) != 2 {
		return nil
	}
	out := map[string]*Node{}
	Pairs(arg.Content[1], func(k, v *Node) { out[k.Value] = v })
	return out
}
