package loader

import (
	"fmt"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// The YAML parser keeps an alias (*name) as a node pointing at the anchored
// node (&name) it stands for, and every walk of the tree follows it. A few
// lines of nested aliases (the "billion laughs" document) can so stand for
// billions of nodes, and an alias written inside the node it names makes
// the tree a cycle. checkAliases rejects both right after parsing, so that
// no walk needs a guard of its own.

// aliasRatio is how many times the nodes written YAML aliases may stand for
// in all, above the floor of Limits.AliasNodes.
const aliasRatio = 10

// aliasLimit is the number of nodes the aliases of a document with written
// nodes may stand for in all.
func aliasLimit(lim Limits, written int) int {
	floor := lim.AliasNodes
	if floor <= 0 {
		floor = DefaultLimits.AliasNodes
	}
	return max(floor, aliasRatio*written)
}

// saturated caps node counts, which grow exponentially in an alias bomb.
const saturated = 1 << 50

// checkAliases returns an error for an alias inside the node it names and
// for aliases (merge keys included) that expand the document beyond
// aliasLimit. It walks each written node once: an anchor always comes
// before its aliases, so the size of the node an alias names is known when
// the alias is reached.
func (f *parse) checkAliases(lim Limits) *Error {
	targets := map[*doc.Node]bool{}
	written := countWritten(f.Root, targets)
	w := &aliasWalk{size: map[*doc.Node]int{}, open: map[*doc.Node]bool{}, targets: targets, limit: aliasLimit(lim, written)}
	w.walk(f.Root)
	if w.at == nil {
		return nil
	}
	// Parse has mapped node positions back to the text as written already.
	e := &Error{Path: f.Path, Line: w.at.Line, Col: w.at.Column}
	if w.cycle {
		e.Msg = fmt.Sprintf("cannot parse: alias *%s stands for a node that contains it, so it never ends", w.at.Value)
	} else {
		e.Msg = fmt.Sprintf("cannot parse: the YAML aliases up to this one stand for more than %d nodes in all, "+
			"the limit for a document of %d nodes as written; is this an alias bomb?", w.limit, written)
	}
	return e
}

// countWritten counts the nodes written in the tree and records in targets
// the nodes aliases stand for (the anchored ones that are used).
func countWritten(n *doc.Node, targets map[*doc.Node]bool) int {
	if n == nil {
		return 0
	}
	if n.Kind == doc.AliasNode {
		if n.Alias != nil {
			targets[n.Alias] = true
		}
		return 0
	}
	c := 1
	for _, k := range n.Content {
		c += countWritten(k, targets)
	}
	return c
}

type aliasWalk struct {
	size     map[*doc.Node]int  // expanded size of each alias target walked
	open     map[*doc.Node]bool // alias targets being walked
	targets  map[*doc.Node]bool // the nodes aliases stand for
	limit    int
	expanded int       // nodes the aliases walked so far stand for
	at       *doc.Node // the alias that broke a rule
	cycle    bool      // ... by standing for a node that contains it
}

// walk returns the number of nodes n stands for, aliases expanded.
func (w *aliasWalk) walk(n *doc.Node) int {
	if n == nil || w.at != nil {
		return 0
	}
	if n.Kind == doc.AliasNode {
		t := n.Alias
		if t == nil {
			return 1
		}
		if w.open[t] {
			w.at, w.cycle = n, true
			return 0
		}
		s, ok := w.size[t]
		if !ok {
			// Not met before this alias (never so in a document the
			// parser accepts): count it as a copy.
			s = w.walk(t)
		}
		w.expanded = min(w.expanded+s, saturated)
		if w.expanded > w.limit {
			w.at = n
		}
		return s
	}
	target := w.targets[n]
	if target {
		w.open[n] = true
	}
	s := 1
	for _, c := range n.Content {
		s = min(s+w.walk(c), saturated)
	}
	if target {
		delete(w.open, n)
		w.size[n] = s
	}
	return s
}
