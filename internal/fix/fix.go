// Package fix applies the fixes of findings to a file's text and shows them
// as a unified diff (apigwlint --fix and --diff). Edits are byte ranges of
// the text: everything they do not name is kept, byte for byte.
package fix

import (
	"bytes"
	"sort"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// Apply applies the first fix of each finding to src, the file as read
// (edits count a byte order mark, which stays). Fixes are applied in the order of their
// first edit; a fix whose edits overlap one already applied is skipped (it
// is reported again by the next run, when it may no longer apply). It
// returns the new text and, per finding, whether its fix was applied.
func Apply(src []byte, findings []rules.Finding) ([]byte, []bool) {
	type candidate struct {
		i   int
		fix rules.Fix
	}
	var cands []candidate
	for i, f := range findings {
		if len(f.Fixes) > 0 && len(f.Fixes[0].Edits) > 0 {
			cands = append(cands, candidate{i, f.Fixes[0]})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return first(cands[a].fix) < first(cands[b].fix) })
	applied := make([]bool, len(findings))
	var edits []rules.Edit
	for _, c := range cands {
		if !valid(c.fix, len(src)) || overlaps(c.fix.Edits, edits) {
			continue
		}
		edits = append(edits, c.fix.Edits...)
		applied[c.i] = true
	}
	sort.Slice(edits, func(a, b int) bool { return edits[a].Start < edits[b].Start })
	var out bytes.Buffer
	out.Grow(len(src))
	at := 0
	for _, e := range edits {
		out.Write(src[at:e.Start])
		out.WriteString(e.New)
		at = e.End
	}
	out.Write(src[at:])
	return out.Bytes(), applied
}

func first(f rules.Fix) int {
	m := f.Edits[0].Start
	for _, e := range f.Edits {
		m = min(m, e.Start)
	}
	return m
}

// valid reports whether every edit lies inside a text of n bytes and the
// fix's own edits do not overlap.
func valid(f rules.Fix, n int) bool {
	for i, e := range f.Edits {
		if e.Start < 0 || e.End < e.Start || e.End > n || overlaps(f.Edits[i+1:], []rules.Edit{e}) {
			return false
		}
	}
	return true
}

// overlaps reports whether an edit of a overlaps one of b. Two insertions
// at the same place overlap too: their order would be a guess.
func overlaps(a, b []rules.Edit) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End || x.Start == y.Start {
				return true
			}
		}
	}
	return false
}
