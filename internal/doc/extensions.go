package doc

import "strconv"

// Place is a kind of object of an OpenAPI document that API Gateway reads
// x-amazon-apigateway-* extensions from.
type Place int

const (
	PlaceRoot Place = 1 << iota
	PlacePathItem
	PlaceOperation
	PlaceComponents
	PlaceSecurityScheme
	PlaceServer
	PlaceTag
)

func (p Place) String() string {
	switch p {
	case PlaceRoot:
		return "at the document root"
	case PlacePathItem:
		return "in a path item"
	case PlaceOperation:
		return "in an operation"
	case PlaceComponents:
		return "under components"
	case PlaceSecurityScheme:
		return "in a security scheme"
	case PlaceServer:
		return "in a servers entry"
	case PlaceTag:
		return "in a tags entry"
	}
	return "?"
}

// OperationKeys are the path item keys that hold an operation.
var OperationKeys = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true,
	"patch": true, "trace": true, "x-amazon-apigateway-any-method": true,
}

// Site is one object of a document that extensions are read from.
type Site struct {
	Place   Place
	Node    *Node // a mapping
	Pointer string
}

// Pair is one key and its value, with the value's JSON pointer.
type Pair struct {
	Key, Value *Node
	Pointer    string
}

type sitesKey struct{}

// EachSite calls fn for every object of the document where API Gateway reads
// extensions: the root, path items and operations (through Fn::If
// branches), components, security schemes (OpenAPI 3 and Swagger 2.0),
// servers and tags entries. Schemas and other deep objects are not visited,
// so the walk is linear in the size of those objects' key lists. The list is
// built once per document: several rules read it.
func (a *API) EachSite(fn func(s Site)) {
	for _, s := range a.Memo(sitesKey{}, func() any { return a.walkSites() }).([]Site) {
		fn(s)
	}
}

func (a *API) walkSites() []Site {
	var out []Site
	add := func(p Place, n *Node, ptr string) { out = append(out, Site{p, n, ptr}) }
	root := Resolve(a.Root)
	add(PlaceRoot, root, a.Pointer)
	_, paths := Get(root, "paths")
	Pairs(paths, func(pk, pv *Node) {
		Branches(pv, Join(a.Pointer, "paths", pk.Value), func(item *Node, iptr string) {
			add(PlacePathItem, item, iptr)
			Pairs(item, func(mk, mv *Node) {
				if !OperationKeys[mk.Value] {
					return
				}
				Branches(mv, Join(iptr, mk.Value), func(op *Node, optr string) {
					add(PlaceOperation, op, optr)
				})
			})
		})
	})
	if _, comps := Get(root, "components"); isMap(comps) {
		cptr := Join(a.Pointer, "components")
		add(PlaceComponents, Resolve(comps), cptr)
		_, schemes := Get(comps, "securitySchemes")
		Pairs(schemes, func(k, v *Node) {
			if isMap(v) {
				add(PlaceSecurityScheme, Resolve(v), Join(cptr, "securitySchemes", k.Value))
			}
		})
	}
	_, defs := Get(root, "securityDefinitions")
	Pairs(defs, func(k, v *Node) {
		if isMap(v) {
			add(PlaceSecurityScheme, Resolve(v), Join(a.Pointer, "securityDefinitions", k.Value))
		}
	})
	for _, key := range []string{"servers", "tags"} {
		place := PlaceServer
		if key == "tags" {
			place = PlaceTag
		}
		_, seq := Get(root, key)
		seq = Resolve(seq)
		if seq == nil || seq.Kind != SequenceNode {
			continue
		}
		for i, item := range seq.Content {
			if isMap(item) {
				add(place, Resolve(item), Join(a.Pointer, key, strconv.Itoa(i)))
			}
		}
	}
	return out
}

func isMap(n *Node) bool { return Classify(n).Kind == KindMap }

// maxBranchDepth bounds nested Fn::If: real templates nest two or three.
const maxBranchDepth = 10

// Branches calls fn with the mapping n stands for, or with each outcome of
// an Fn::If (long form or !If tag, nested ones included), with its pointer.
// A value computed by another intrinsic function stands for no mapping.
func Branches(n *Node, ptr string, fn func(n *Node, ptr string)) {
	branchesDepth(n, ptr, fn, 0)
}

func branchesDepth(n *Node, ptr string, fn func(*Node, string), depth int) {
	n = Resolve(n)
	if n == nil || depth > maxBranchDepth {
		return
	}
	var args *Node
	switch {
	case n.Tag == "!If" && n.Kind == SequenceNode:
		args = n
	case n.Kind == MappingNode:
		fnName, arg := IntrinsicOf(n)
		if fnName == "" {
			fn(n, ptr)
			return
		}
		if fnName != "Fn::If" {
			return
		}
		args, ptr = Resolve(arg), Join(ptr, "Fn::If")
	default:
		return
	}
	if args == nil || args.Kind != SequenceNode || len(args.Content) != 3 {
		return
	}
	branchesDepth(args.Content[1], Join(ptr, "1"), fn, depth+1)
	branchesDepth(args.Content[2], Join(ptr, "2"), fn, depth+1)
}

// PairsOf returns the pairs of mapping n in document order.
func PairsOf(n *Node, ptr string) []Pair {
	var out []Pair
	Pairs(n, func(k, v *Node) {
		out = append(out, Pair{k, v, Join(ptr, k.Value)})
	})
	return out
}

// ExtensionPairs returns the pairs of mapping n whose key starts like an
// extension ("x-", "x_", any case): at a site such as an operation, the
// other keys are plain OpenAPI and need no pointer built for them.
func ExtensionPairs(n *Node, ptr string) []Pair {
	var out []Pair
	Pairs(n, func(k, v *Node) {
		if len(k.Value) > 1 && (k.Value[0] == 'x' || k.Value[0] == 'X') && (k.Value[1] == '-' || k.Value[1] == '_') {
			out = append(out, Pair{k, v, Join(ptr, k.Value)})
		}
	})
	return out
}

// GetPair returns the pair with key name in mapping n, or nil.
func GetPair(n *Node, ptr, name string) *Pair {
	k, v := Get(n, name)
	if k == nil {
		return nil
	}
	return &Pair{k, v, Join(ptr, name)}
}
