package loader

import (
	"bytes"
	"io"
	"runtime"
	"sync"

	yaml "go.yaml.in/yaml/v4"
)

// Parsing YAML is most of what a lint of a large document costs, and the
// YAML parser uses one core. A large OpenAPI document is almost all one
// block mapping, its paths (or, in a template, its Resources), whose
// entries start at lines of one indentation. Those entries are parsed here
// in pieces, on all cores, and put back together into the tree one parse
// of the whole text builds; the rest of the document is parsed with the
// lines of the mapping's entries left blank, so every line number holds.
//
// The split is only ever an optimisation: it is tried when the text is
// plain enough that each piece's lines mean what they mean in the whole
// (no tabs or sequence, explicit-key or value indicators at the entries'
// indentation, one document, no aliases in the pieces, nor anchors when the
// rest has an alias), and whenever a
// piece or the rest does not parse, parseSplit reports failure and the
// caller parses the whole text as one, so errors, and what YAML makes of
// odd input, are exactly those of one parse. A boundary that fell inside a
// token (a quoted scalar or flow collection running over several lines)
// leaves the piece before it unterminated, which does not parse.
// TestSplitMatchesWhole compares both ways on every YAML file of testdata
// and the corpus; FuzzSplit on arbitrary text. The fast scanner cuts its
// large texts the same way (planPieces, fastsplit.go).

// splitMinBytes is the size from which a YAML text is parsed in pieces;
// below it, starting goroutines costs more than it saves. A variable so
// tests can split small files.
var splitMinBytes = 1 << 20

// splitKeys are the mappings worth splitting, by key.
var splitKeys = [][]byte{[]byte("paths"), []byte("Resources")}

// splitPlan is where the entries of the mapping to split are.
type splitPlan struct {
	keyLine   int   // 1-based line of the key ("paths:")
	keyIndent int   // its indentation, in spaces
	bodyStart int   // offset of the line after the key
	bodyEnd   int   // offset of the first line after the mapping (or len)
	endLine   int   // its line
	cuts      []cut // where pieces start: lines of entries
}

type cut struct{ off, line int }

// parseSplit parses text as parseWhole would, in pieces. ok is false when
// the text does not qualify or any piece fails; the caller then parses it
// whole.
func parseSplit(text []byte, depth int) (doc *yaml.Node, ld *yaml.Loader, ok bool) {
	plan, workers, ok := planPieces(text)
	if !ok {
		return nil, nil, false
	}
	// The rest: the same text with the body's lines left empty.
	nl := bytes.Count(text[plan.bodyStart:plan.bodyEnd], []byte{'\n'})
	rest := make([]byte, 0, plan.bodyStart+nl+len(text)-plan.bodyEnd)
	rest = append(rest, text[:plan.bodyStart]...)
	for range nl {
		rest = append(rest, '\n')
	}
	if plan.bodyEnd < len(text) {
		rest = append(rest, text[plan.bodyEnd:]...)
	}
	ld, err := newLoader(rest, depth)
	if err != nil {
		return nil, nil, false
	}
	doc = new(yaml.Node)
	if err := ld.Load(doc); err != nil {
		return nil, nil, false
	}
	holder, at, level := findNullValue(doc, plan.keyLine, plan.keyIndent+1, 0)
	if holder == nil || level >= depth {
		return nil, nil, false
	}
	// Each piece is parsed with the depth left below the mapping, less one
	// for safety: a piece that hits it falls back to the whole parse. When
	// the rest holds an alias, a piece may not hold an anchor: the alias
	// may stand for it (the last anchor of a name before an alias wins).
	restAliased := !shiftLines(doc, 0, false)
	roots := make([]*yaml.Node, len(plan.cuts)) // nil for a piece that failed
	inParallel(len(plan.cuts), workers, func(i int) {
		start, end, line := plan.piece(i)
		roots[i] = parsePiece(text[start:end], line-1, depth-level-1, restAliased)
	})
	total := 0
	for _, r := range roots {
		if r == nil {
			return nil, nil, false
		}
		total += len(r.Content)
	}
	merged := roots[0]
	content := make([]*yaml.Node, 0, total)
	for _, r := range roots {
		content = append(content, r.Content...)
	}
	merged.Content = content
	holder.Content[at] = merged
	return doc, ld, true
}

// planPieces plans the split of text, for parseSplit and for the fast
// scanner's parseFastSplit alike: ok is false when text is too small to
// be worth it, there is one core, its line breaks are not only LF and
// CRLF (the parsers' lines are then not the ones cut here), or planSplit
// declines. workers is how many goroutines to use.
func planPieces(text []byte) (plan splitPlan, workers int, ok bool) {
	workers = runtime.GOMAXPROCS(0)
	if len(text) < splitMinBytes || workers < 2 || yamlBreaks(text) {
		return splitPlan{}, 0, false
	}
	plan, ok = planSplit(text, 2*workers)
	return plan, workers, ok
}

// piece returns where piece i of the plan starts and ends in the text,
// and the 1-based line it starts at.
func (p *splitPlan) piece(i int) (start, end, line int) {
	end = p.bodyEnd
	if i+1 < len(p.cuts) {
		end = p.cuts[i+1].off
	}
	return p.cuts[i].off, end, p.cuts[i].line
}

// inParallel calls fn(i) for every i below n, on up to workers goroutines,
// and returns when all calls have.
func inParallel(n, workers int, fn func(i int)) {
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// parsePiece parses the lines of some entries of the split mapping and
// moves their line numbers down by offset. It returns nil when the piece
// does not parse into one block mapping, or holds an alias (whose anchor
// may be in another piece), or an anchor when noAnchors is set.
func parsePiece(piece []byte, offset, depth int, noAnchors bool) (root *yaml.Node) {
	defer func() {
		if recover() != nil {
			root = nil
		}
	}()
	if depth < 1 {
		return nil
	}
	ld, err := newLoader(piece, depth)
	if err != nil {
		return nil
	}
	var doc yaml.Node
	if err := ld.Load(&doc); err != nil || len(doc.Content) != 1 {
		return nil
	}
	var more yaml.Node
	if err := ld.Load(&more); err != io.EOF {
		return nil
	}
	root = doc.Content[0]
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || !shiftLines(root, offset, noAnchors) {
		return nil
	}
	return root
}

// shiftLines adds offset to the line of every node; false if there is an
// alias, or an anchor when noAnchors is set.
func shiftLines(n *yaml.Node, offset int, noAnchors bool) bool {
	if n.Kind == yaml.AliasNode || noAnchors && n.Anchor != "" {
		return false
	}
	n.Line += offset
	for _, c := range n.Content {
		if !shiftLines(c, offset, noAnchors) {
			return false
		}
	}
	return true
}

// findNullValue finds the mapping holding the key written at line:col
// whose value is empty, as the body left blank makes it: the mapping, the
// index of the value in its Content, and the nesting depth of the value.
func findNullValue(n *yaml.Node, line, col, level int) (holder *yaml.Node, at, depth int) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			if h, i, d := findNullValue(c, line, col, level+1); h != nil {
				return h, i, d
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Line == line && k.Column == col {
				if k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" && v.Anchor == "" {
					return n, i + 1, level + 1
				}
				return nil, 0, 0
			}
			if k.Line > line {
				break
			}
			if h, j, d := findNullValue(v, line, col, level+1); h != nil {
				return h, j, d
			}
		}
	}
	return nil, 0, 0
}

// planSplit finds the largest mapping under one of splitKeys written in
// block style, and up to pieces cuts at its entries. It declines text that
// holds a document marker or directive, tabs before content, or lines at the
// entries' indentation that do not start a plain or quoted key.
func planSplit(text []byte, pieces int) (splitPlan, bool) {
	var best splitPlan
	found := false
	line := 1
	for off := 0; off < len(text); {
		end := lineEnd(text, off)
		ln := text[off:end]
		if off > 0 && (bytes.HasPrefix(ln, []byte("---")) || bytes.HasPrefix(ln, []byte("..."))) || len(ln) > 0 && ln[0] == '%' {
			return splitPlan{}, false // documents and directives: parse whole
		}
		if ind, ok := splitKeyLine(ln); ok {
			p, ok := planBody(text, end, line, ind)
			if ok && (!found || p.bodyEnd-p.bodyStart > best.bodyEnd-best.bodyStart) {
				best, found = p, true
			}
			if ok && p.bodyEnd > end {
				// A mapping nested in this one is smaller: go on after
				// it, which reads each line of a large body once. (Its
				// lines hold no document marker or directive: they are
				// indented.)
				line = p.endLine
				off = p.bodyEnd
				continue
			}
		}
		off = end + 1
		line++
	}
	if !found || len(best.cuts) < 2 {
		return splitPlan{}, false
	}
	// Keep the cuts nearest to equal shares of the body.
	size := best.bodyEnd - best.bodyStart
	var keep []cut
	j := 0
	for k := 0; k < pieces; k++ {
		want := best.bodyStart + k*size/pieces
		for j < len(best.cuts) && best.cuts[j].off < want {
			j++
		}
		if j == len(best.cuts) {
			break
		}
		if len(keep) == 0 || keep[len(keep)-1].off != best.cuts[j].off {
			keep = append(keep, best.cuts[j])
		}
	}
	keep[0] = best.cuts[0] // the first piece starts at the first entry
	if len(keep) < 2 {
		return splitPlan{}, false
	}
	best.cuts = keep
	return best, true
}

func lineEnd(text []byte, off int) int {
	if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(text)
}

// splitKeyLine reports whether ln is a line such as "  paths:" (with
// optional trailing spaces and comment), and its indentation.
func splitKeyLine(ln []byte) (int, bool) {
	ind := indentOf(ln)
	for _, k := range splitKeys {
		rest, ok := bytes.CutPrefix(ln[ind:], k)
		if !ok || len(rest) == 0 || rest[0] != ':' {
			continue
		}
		after := rest[1:]
		// A comment needs a space before it: "paths:#x" is one scalar.
		trimmed := bytes.TrimLeft(after, " \r")
		if len(trimmed) == 0 || trimmed[0] == '#' && len(trimmed) < len(after) {
			return ind, true
		}
	}
	return 0, false
}

func indentOf(ln []byte) int {
	i := 0
	for i < len(ln) && ln[i] == ' ' {
		i++
	}
	return i
}

// planBody reads the lines after a key line (which ends at keyEnd) up to
// the first line indented no more than the key, noting where entries start.
func planBody(text []byte, keyEnd, keyLine, keyIndent int) (splitPlan, bool) {
	p := splitPlan{keyLine: keyLine, keyIndent: keyIndent, bodyStart: min(keyEnd+1, len(text)), bodyEnd: len(text)}
	entryIndent := -1
	line := keyLine + 1
	for off := p.bodyStart; off < len(text); {
		end := lineEnd(text, off)
		ln := text[off:end]
		ind := indentOf(ln)
		if ind < len(ln) && ln[ind] != '#' && ln[ind] != '\r' {
			c := ln[ind]
			switch {
			case c == '\t':
				return p, false
			case ind <= keyIndent:
				p.bodyEnd, p.endLine = off, line
				return p, entryIndent >= 0
			case entryIndent < 0:
				entryIndent = ind
			case ind < entryIndent:
				return p, false
			}
			if ind == entryIndent {
				if c == '-' || c == '?' || c == ':' {
					return p, false
				}
				p.cuts = append(p.cuts, cut{off, line})
			}
		}
		off = end + 1
		line++
	}
	return p, entryIndent >= 0
}
