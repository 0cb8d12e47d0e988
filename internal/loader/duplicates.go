package loader

import (
	"strconv"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// smallMapping is the number of pairs up to which a mapping is searched
// for duplicates pair by pair; larger ones use a map. Either way the pass
// is linear in the size of the file.
const smallMapping = 8

// dropDuplicates walks the written tree once (aliases are not followed:
// what they stand for is written, and walked, elsewhere) and drops every
// pair whose key is written again later in its mapping, recording it in
// f.Duplicates. Merge keys (<<) may be repeated and are kept.
func (f *parse) dropDuplicates() {
	d := &dupWalk{f: f}
	d.walk(f.Root)
}

type dupWalk struct {
	f    *parse
	path []string // tokens from the root to the node walked; "" entries are built lazily
	idx  []int    // per path entry: the sequence index, or -1 for a key
	last map[string]int
	seen map[string]bool
}

func (d *dupWalk) walk(n *doc.Node) {
	if n == nil {
		return
	}
	switch n.Kind {
	case doc.AliasNode:
		d.f.hasAlias = true
		return
	case doc.MappingNode:
		if len(n.Content) >= 4 {
			d.dedupe(n)
		}
		// The walk sees every mapping: it notes the $ref objects, so that
		// checks of references need no walk of their own.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Value == "$ref" && k.Kind == doc.ScalarNode {
				d.f.Refs = append(d.f.Refs, n)
				break
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Kind != doc.ScalarNode {
				continue // no pointer reaches below a complex key, nor does any walk
			}
			d.path, d.idx = append(d.path, n.Content[i].Value), append(d.idx, -1)
			d.walk(n.Content[i+1])
			d.path, d.idx = d.path[:len(d.path)-1], d.idx[:len(d.idx)-1]
		}
	case doc.SequenceNode:
		for i, c := range n.Content {
			d.path, d.idx = append(d.path, ""), append(d.idx, i)
			d.walk(c)
			d.path, d.idx = d.path[:len(d.path)-1], d.idx[:len(d.idx)-1]
		}
	default:
		for _, c := range n.Content {
			d.walk(c)
		}
	}
}

func dupCandidate(k *doc.Node) bool { return k.Kind == doc.ScalarNode && !doc.IsMergeKey(k) }

// hasDuplicate reports whether mapping n writes a key twice: the common
// answer is no, found without allocating.
func (d *dupWalk) hasDuplicate(n *doc.Node) bool {
	if len(n.Content)/2 <= smallMapping {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !dupCandidate(k) {
				continue
			}
			for j := i + 2; j+1 < len(n.Content); j += 2 {
				if c := n.Content[j]; c.Value == k.Value && dupCandidate(c) {
					return true
				}
			}
		}
		return false
	}
	if d.seen == nil || len(d.seen) > 1024 {
		d.seen = make(map[string]bool, len(n.Content)/2)
	} else {
		clear(d.seen)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; dupCandidate(k) {
			if d.seen[k.Value] {
				return true
			}
			d.seen[k.Value] = true
		}
	}
	return false
}

// dedupe drops the pairs of mapping n whose key comes again later.
func (d *dupWalk) dedupe(n *doc.Node) {
	if !d.hasDuplicate(n) {
		return
	}
	pairs := len(n.Content) / 2
	// laterOf returns the index of the last pair with the key of pair i,
	// when it is a later one.
	var laterOf func(i int) int
	if pairs <= smallMapping {
		laterOf = func(i int) int {
			k, at := n.Content[i], -1
			for j := i + 2; j+1 < len(n.Content); j += 2 {
				if c := n.Content[j]; c.Value == k.Value && dupCandidate(c) {
					at = j
				}
			}
			return at
		}
	} else {
		if d.last == nil || len(d.last) > 1024 {
			d.last = make(map[string]int, pairs) // a fresh map: clearing a big one costs its size
		} else {
			clear(d.last)
		}
		for j := 0; j+1 < len(n.Content); j += 2 {
			if c := n.Content[j]; dupCandidate(c) {
				d.last[c.Value] = j
			}
		}
		laterOf = func(i int) int {
			if j := d.last[n.Content[i].Value]; j > i {
				return j
			}
			return -1
		}
	}
	var kept []*doc.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		j := -1
		if dupCandidate(k) {
			j = laterOf(i)
		}
		if j < 0 {
			if kept != nil {
				kept = append(kept, k, n.Content[i+1])
			}
			continue
		}
		if kept == nil {
			kept = append(make([]*doc.Node, 0, len(n.Content)-2), n.Content[:i]...)
		}
		d.f.Duplicates = append(d.f.Duplicates, doc.Duplicate{Key: k, Value: n.Content[i+1], Last: n.Content[j], LastValue: n.Content[j+1], Pointer: d.pointer(k.Value)})
	}
	if kept != nil {
		n.Content = kept
	}
}

// pointer returns the JSON pointer of key in the mapping being walked.
func (d *dupWalk) pointer(key string) string {
	tokens := make([]string, 0, len(d.path)+1)
	for i, t := range d.path {
		if d.idx[i] >= 0 {
			t = strconv.Itoa(d.idx[i])
		}
		tokens = append(tokens, t)
	}
	return doc.Join("", append(tokens, key)...)
}
