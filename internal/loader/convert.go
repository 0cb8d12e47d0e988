package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	yaml "go.yaml.in/yaml/v4"
)

// fromYAML copies a YAML node tree into the document model's tree, the only
// tree the rest of apigwlint sees. The nodes are carved from two slabs sized
// by a first count, so the copy costs two allocations however large the
// tree. Aliases are copied as aliases (their targets are written, and so
// copied, elsewhere), so the copy is linear in what is written even for an
// alias bomb, which checkAliases then refuses.
func fromYAML(y *yaml.Node) *doc.Node {
	if y == nil {
		return nil
	}
	nodes, children := countYAML(y)
	c := &converter{nodes: make([]doc.Node, 0, nodes), children: make([]*doc.Node, 0, children)}
	n := c.node(y)
	c.resolveAliases()
	return n
}

type converter struct {
	nodes    []doc.Node
	children []*doc.Node // the Content of every collection, one after another
	anchored map[*yaml.Node]*doc.Node
	aliases  []*yaml.Node // alias nodes, in the order their copies were made
	copies   []*doc.Node
}

// countYAML counts the nodes written in the tree and the children of its
// collections.
func countYAML(y *yaml.Node) (nodes, children int) {
	nodes = 1
	if y.Kind == yaml.AliasNode {
		return nodes, 0
	}
	children = len(y.Content)
	for _, c := range y.Content {
		n, ch := countYAML(c)
		nodes += n
		children += ch
	}
	return nodes, children
}

func (c *converter) node(y *yaml.Node) *doc.Node {
	c.nodes = append(c.nodes, doc.Node{
		Kind: doc.Kind(y.Kind), Style: doc.Style(y.Style), Tag: y.Tag, Value: y.Value,
		Line: y.Line, Column: y.Column,
	})
	n := &c.nodes[len(c.nodes)-1]
	if y.Anchor != "" {
		if c.anchored == nil {
			c.anchored = map[*yaml.Node]*doc.Node{}
		}
		c.anchored[y] = n
	}
	if y.Kind == yaml.AliasNode {
		c.aliases, c.copies = append(c.aliases, y), append(c.copies, n)
		return n
	}
	if len(y.Content) > 0 {
		start := len(c.children)
		c.children = c.children[:start+len(y.Content)]
		content := c.children[start : start+len(y.Content) : start+len(y.Content)]
		for i, child := range y.Content {
			content[i] = c.node(child)
		}
		n.Content = content
	}
	return n
}

// resolveAliases points each alias copy at the copy of its target. The
// parser only makes aliases to anchors written before them, so every target
// has been copied; one that was not (which would be a parser bug) is copied
// on its own.
func (c *converter) resolveAliases() {
	for i, y := range c.aliases {
		if y.Alias == nil {
			continue
		}
		t, ok := c.anchored[y.Alias]
		if !ok {
			t = fromYAML(y.Alias)
		}
		c.copies[i].Alias = t
	}
}
