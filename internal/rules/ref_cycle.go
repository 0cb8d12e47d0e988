package rules

import (
	"bytes"
	"fmt"
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// maxCycleShown bounds the references a message lists.
const maxCycleShown = 6

// checkRefCycles: a {$ref: "#/..."} whose chain of references comes back to
// itself without reaching a definition (A refers to B, B to A; or R to
// itself). Such a reference resolves to nothing: the parameter, response
// or integration it stands for does not exist. Each $ref mapping of the
// document is followed once (every one has at most one target), so the
// check is linear; each cycle is reported once, at its first $ref in the
// document. References to other files are never followed.
func checkRefCycles(p *DocPass) {
	if !bytes.Contains(p.API.File.Src, []byte("$ref")) {
		return // the fast path for most files
	}
	type ref struct {
		index int       // in document order
		node  *doc.Node // the {$ref: ...} mapping
		value *doc.Node // its $ref value
		state int8      // 0 not followed yet, 1 on the chain being followed, 2 done
	}
	refs := make(map[*doc.Node]*ref, len(p.API.File.Refs))
	order := make([]*ref, 0, len(p.API.File.Refs))
	// refs are carved from slabs: one allocation for many, and a slab is
	// never moved, so the pointers stay valid.
	var slab []ref
	add := func(n *doc.Node) {
		if n.Kind != doc.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == doc.ScalarNode && k.Value == "$ref" {
				if v := doc.Resolve(n.Content[i+1]); v != nil && v.Kind == doc.ScalarNode {
					if len(slab) == cap(slab) {
						slab = make([]ref, 0, max(64, min(2*cap(slab), 4096)))
					}
					slab = append(slab, ref{index: len(order), node: n, value: n.Content[i+1]})
					r := &slab[len(slab)-1]
					refs[n] = r
					order = append(order, r)
				}
			}
		}
	}
	if p.API.Pointer == "" {
		// A standalone document: the loader's walk already listed them.
		for _, n := range p.API.File.Refs {
			add(n)
		}
	} else {
		w := &writtenWalk{base: p.API.Pointer}
		w.walk(p.API.Root, add)
	}
	next := func(r *ref) *ref {
		return refs[doc.LookupRef(p.API.Root, strings.TrimSpace(doc.Resolve(r.value).Value))]
	}
	var report []*ref // the first $ref of each cycle
	var chain []*ref
	for _, start := range order {
		chain = chain[:0]
		r := start
		for r != nil && r.state == 0 {
			r.state = 1
			chain = append(chain, r)
			r = next(r)
		}
		if r != nil && r.state == 1 { // back on the chain: r starts a cycle
			first := r
			for c := next(r); c != r; c = next(c) {
				if c.index < first.index {
					first = c
				}
			}
			report = append(report, first)
		}
		for _, c := range chain {
			c.state = 2
		}
	}
	if len(report) == 0 {
		return
	}
	at := map[*doc.Node]*ref{}
	for _, r := range report {
		at[r.node] = r
	}
	w := &writtenWalk{base: p.API.Pointer}
	w.walk(p.API.Root, func(n *doc.Node) {
		r := at[n]
		if r == nil {
			return
		}
		texts := []string{}
		c := r
		for i := 0; i < maxCycleShown; i++ {
			texts = append(texts, fmt.Sprintf("%q", doc.Resolve(c.value).Value))
			if c = next(c); c == r {
				texts = append(texts, texts[0])
				break
			}
		}
		if c != r {
			texts = append(texts, "…")
		}
		p.Report(r.value, w.pointer("$ref"), "$ref %s is part of a cycle of references that never reaches a definition: %s",
			texts[0], strings.Join(texts, " → "))
	})
}
