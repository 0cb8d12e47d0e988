package doc

// Node is one value of a parsed document, as written: a mapping, a
// sequence, a scalar or an alias, with the position where it starts. It has
// the shape rules need and nothing of a particular parser: the loader fills
// it from YAML or JSON, and a faster tree can replace what fills it without
// any rule noticing.
type Node struct {
	Kind  Kind
	Style Style
	// Tag is the resolved tag ("!!str", "!!int", "!!map" ...) or the one
	// written ("!Sub", "!Ref" for CloudFormation's short forms).
	Tag   string
	Value string // a scalar's text (unescaped); an alias's anchor name
	// Content holds a mapping's keys and values alternately, a sequence's
	// items, or a document's root.
	Content []*Node
	// Alias is the anchored node an alias stands for; nil for other kinds.
	// (Anchor names are not kept: nothing checks them, and a node is
	// smaller without.)
	Alias *Node
	// Line and Column are where the node starts, 1-based, counting lines by
	// LF and columns in characters.
	Line, Column int
}

// Kind is the kind of a node. The values are those of the YAML library the
// loader uses, so that filling a tree is a copy.
type Kind uint32

const (
	DocumentNode Kind = 1 << iota
	SequenceNode
	MappingNode
	ScalarNode
	AliasNode
)

// Style is how a node was written, where that matters to a check (a quoted
// scalar is a string whatever it says; a block scalar spans lines).
type Style uint32

const (
	TaggedStyle Style = 1 << iota
	DoubleQuotedStyle
	SingleQuotedStyle
	LiteralStyle
	FoldedStyle
	FlowStyle
)
