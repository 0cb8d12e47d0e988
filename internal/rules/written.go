package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strconv"
)

// writtenWalk visits every node written in a tree once, in document
// order, keeping the path from the root so that a JSON pointer can be
// built for what is reported (and only then). Aliases are not followed:
// what they stand for is written, and visited, where its anchor is. The
// tree's depth is bounded by the parser (doc.Limits.MaxDepth), so the
// recursion is too.
type writtenWalk struct {
	base string     // JSON pointer of the root
	path []pathStep // from the root to the node being visited
}

// pathStep is a mapping key (index < 0) or a sequence index.
type pathStep struct {
	key   string
	index int
}

// pointer returns the JSON pointer of the node being visited, with extra
// tokens appended.
func (w *writtenWalk) pointer(extra ...string) string {
	tokens := make([]string, 0, len(w.path)+len(extra))
	for _, s := range w.path {
		if s.index >= 0 {
			tokens = append(tokens, strconv.Itoa(s.index))
		} else {
			tokens = append(tokens, s.key)
		}
	}
	return doc.Join(w.base, append(tokens, extra...)...)
}

// walk calls visit for n and every node written below it, parents first.
func (w *writtenWalk) walk(n *doc.Node, visit func(n *doc.Node)) {
	if n == nil || n.Kind == doc.AliasNode {
		return
	}
	visit(n)
	switch n.Kind {
	case doc.DocumentNode:
		for _, c := range n.Content {
			w.walk(c, visit)
		}
	case doc.SequenceNode:
		for i, c := range n.Content {
			w.path = append(w.path, pathStep{index: i})
			w.walk(c, visit)
			w.path = w.path[:len(w.path)-1]
		}
	case doc.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != doc.ScalarNode {
				continue // no pointer reaches below a complex key, nor does doc.Pairs
			}
			w.path = append(w.path, pathStep{key: k.Value, index: -1})
			w.walk(v, visit)
			w.path = w.path[:len(w.path)-1]
		}
	}
}
