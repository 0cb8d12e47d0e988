package loader

import (
	"bytes"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// The fast scanner in pieces. The fast scanner is several times quicker
// than the YAML library, but still one core's work; a large document is
// cut as split.go cuts it for the library (planPieces: the largest block
// mapping under paths or Resources, at lines of its entries), and the
// pieces are scanned on all cores, each from its offset and line in the
// one text, so positions are absolute and strings share the source as in
// one scan. The rest of the text is scanned at the same time, skipping
// the mapping's body (the hole); the mapping the pieces make is put where
// the hole was. Each piece keeps its own slabs.
//
// As with split.go, this is only an optimisation: whenever a piece or the
// rest declines, or what the pieces saw could mean something else in the
// whole (an alias whose anchor is in another piece: the piece declines; a
// piece's anchor that an alias of the rest might stand for; more depth
// than the limit allows below the hole), parseFastSplit reports failure
// and Parse scans the text whole (and, if that declines, hands it to the
// library). A cut inside a token (a quoted scalar or flow collection over
// several lines) leaves the piece before it unterminated, which declines.
// TestFastSplitMatchesWhole compares it with one scan on every YAML text
// the other tests use; FuzzFastYAML on arbitrary text.

// fastHole is the body of the mapping read in pieces: the scan of the rest
// skips from start to end (both at line starts), going on at line line.
type fastHole struct {
	start, end, line int
	node             *doc.Node // what stands for the mapping; nil until met
	depth            int       // the depth of the mapping's key
}

// skipHole is mappingValue at the key of the hole: the value is the
// mapping the pieces read, for which it returns a stand-in.
func (p *fastYAML) skipHole(depth int) *doc.Node {
	h := p.hole
	h.node = p.newNode(doc.MappingNode, "!!map", 0, 0)
	h.depth = depth
	p.pos, p.line, p.lineStart = h.end, h.line, h.end
	return h.node
}

// piece reads one piece: the entries of the split mapping from p.pos to
// the end of p.src, as blockNode would read the mapping in one scan.
func (p *fastYAML) piece() *doc.Node {
	ind := p.nextContentLine()
	if ind < 0 || !p.keyAhead() {
		p.decline("piece that does not start with a key")
	}
	root := p.blockMapping(ind, 0, props{})
	if p.nextContentLine() >= 0 {
		p.decline("piece with more than its mapping")
	}
	return root
}

// fastPiece is the outcome of scanning one piece.
type fastPiece struct {
	root    *doc.Node
	ok      bool
	deepest int  // the deepest collection opened, the piece's mapping being 1
	anchors bool // it defines an anchor
}

// parseFastSplit scans text as parseFastYAML does, in pieces on all cores.
// ok is false when the text does not qualify (small, one core, no mapping
// to cut) or any scan declines; the caller then scans it whole. pieces is
// how many pieces were put together (0 when the scan of the rest read the
// text whole).
func parseFastSplit(text []byte, maxDepth int) (root *doc.Node, pieces int, ok bool) {
	plan, workers, ok := planPieces(text)
	if !ok || unprintable(text) != "" {
		return nil, 0, false
	}
	nl := bytes.Count(text[plan.bodyStart:plan.bodyEnd], []byte{'\n'})
	hole := &fastHole{start: plan.bodyStart, end: plan.bodyEnd, line: plan.keyLine + 1 + nl}
	read := make([]fastPiece, len(plan.cuts))
	var rest struct {
		root    *doc.Node
		ok      bool
		aliased bool
	}
	// Task 0 is the rest, the others the pieces.
	inParallel(1+len(plan.cuts), workers, func(i int) {
		if i == 0 {
			lines := bytes.Count(text[:plan.bodyStart], []byte{'\n'}) + bytes.Count(text[plan.bodyEnd:], []byte{'\n'})
			p := newFastYAML(text, 0, 1, lines, maxDepth)
			p.hole = hole
			rest.root, rest.ok, _ = p.run(p.document)
			rest.aliased = p.aliased
			return
		}
		start, end, line := plan.piece(i - 1)
		next := plan.keyLine + 1 + nl // the line after the body
		if i < len(plan.cuts) {
			next = plan.cuts[i].line
		}
		p := newFastYAML(text[:end], start, line, next-line, maxDepth)
		pc := &read[i-1]
		pc.root, pc.ok, _ = p.run(p.piece)
		pc.deepest, pc.anchors = p.deepest, p.anchors != nil
	})
	if !rest.ok {
		return nil, 0, false
	}
	if hole.node == nil {
		// The rest never met the key (it was inside a block scalar, say):
		// it read the body itself and is the one scan.
		return rest.root, 0, true
	}
	total := 0
	for _, pc := range read {
		if !pc.ok || hole.depth+pc.deepest > maxDepth || pc.anchors && rest.aliased {
			return nil, 0, false
		}
		total += len(pc.root.Content)
	}
	content := make([]*doc.Node, 0, total)
	for _, pc := range read {
		content = append(content, pc.root.Content...)
	}
	// No alias can stand for the mapping: its key line has no anchor.
	*hole.node = *read[0].root
	hole.node.Content = content
	return rest.root, len(read), true
}
