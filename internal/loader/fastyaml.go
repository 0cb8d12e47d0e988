package loader

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"unsafe"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// The fast YAML path. Decoding with the YAML library, and copying its tree
// into doc.Nodes, is most of what a lint of a large YAML document costs. The
// YAML that API definitions are written in uses a small part of the
// language: block mappings and sequences, scalars of every style, flow
// collections, comments, CloudFormation's tags and, rarely, anchors. The
// scanner here reads that part straight into doc.Nodes, with the positions,
// styles, tags and values the library gives, and declines everything else
// (directives, several documents, explicit keys, tabs where they are not
// plain content, anything it is not sure of, and every syntax error). A
// declined text is parsed by the library as before, so correctness never
// depends on this file: it only has to be exact when it accepts.
// TestFastYAMLMatchesReference compares both on every YAML file of testdata
// and the corpus, FuzzFastYAML on arbitrary text.

// useFastYAML turns the fast path off, for the tests that compare it with
// the reference path and for benchmarks.
var useFastYAML = true

// fastDecline is the panic value that abandons the fast path; why says
// what was met, for the tests' statistics.
type fastDecline struct{ why string }

// fastYAML is the state of one fast parse.
type fastYAML struct {
	src       []byte
	pos       int
	line      int // 1-based line of pos
	lineStart int // offset of the line holding pos
	colAt     int // a position on the current line whose column is known ...
	colVal    int // ... and that column, so columns cost the line once
	maxDepth  int
	sawStart  bool // the document began with ---

	nodes    []doc.Node  // the current node slab
	kids     []*doc.Node // the current slab of collections' Content
	slabSize int
	stack    []*doc.Node // children of the collections being read
	anchors  map[string]*doc.Node
	arena    []byte // text of scalars that differ from their source
	scratch  []byte

	// For the scan in pieces (fastsplit.go): the body that the scan of the
	// rest of the text skips (nil in other scans), the deepest collection
	// opened, and whether an alias was read.
	hole    *fastHole
	deepest int
	aliased bool
}

// parseFastYAML parses text (not JSON-edited, with only LF and CRLF line
// breaks) into the tree the reference path builds, or declines: ok is
// false and why says what it met. A nil root with ok means a text of only
// comments and blank lines. It never panics: a bug declines too (why then
// starts with "bug:", which the tests fail on).
func parseFastYAML(text []byte, maxDepth int) (root *doc.Node, ok bool, why string) {
	if why := unprintable(text); why != "" {
		return nil, false, why
	}
	lines := bytes.Count(text, []byte{'\n'})
	p := newFastYAML(text, 0, 1, lines, maxDepth)
	return p.run(p.document)
}

// newFastYAML starts a scan of src from offset off, the start of line
// line; lines is about how many lines it will read (it sizes the slabs).
func newFastYAML(src []byte, off, line, lines, maxDepth int) *fastYAML {
	return &fastYAML{src: src, pos: off, line: line, lineStart: off, colAt: off, colVal: 1, maxDepth: maxDepth, slabSize: min(max(lines+16, 64), maxSlab)}
}

// run runs read, turning a decline into ok false with the reason, and a
// bug into a decline whose why starts with "bug:".
func (p *fastYAML) run(read func() *doc.Node) (root *doc.Node, ok bool, why string) {
	defer func() {
		if r := recover(); r != nil {
			root, ok = nil, false
			if d, isDecline := r.(fastDecline); isDecline {
				why = d.why
			} else {
				why = fmt.Sprintf("bug: %v\n%s", r, debug.Stack())
			}
		}
	}()
	return read(), true, ""
}

func (p *fastYAML) decline(why string) { panic(fastDecline{why}) }

// unprintable reports characters the YAML reader refuses that Parse's own
// check lets through: C1 controls other than NEL, a BOM after the start,
// and U+FFFE/U+FFFF.
func unprintable(text []byte) string {
	// Two byte searches (vectorised) cost less than one pass that looks
	// at every byte, and find nothing in the common ASCII text.
	for _, lead := range []byte{0xc2, 0xef} {
		for i := 0; ; i++ {
			j := bytes.IndexByte(text[i:], lead)
			if j < 0 {
				break
			}
			i += j
			if i+1 < len(text) && lead == 0xc2 && text[i+1] >= 0x80 && text[i+1] <= 0x9f {
				return "C1 control character"
			}
			if i+2 < len(text) && lead == 0xef && (text[i+1] == 0xbb && text[i+2] == 0xbf || text[i+1] == 0xbf && text[i+2] >= 0xbe) {
				return "BOM or noncharacter"
			}
		}
	}
	return ""
}

// document reads the one document of the text.
func (p *fastYAML) document() *doc.Node {
	if bytes.HasPrefix(p.src, []byte("---")) && (len(p.src) == 3 || isBlankOrBreak(p.src[3])) {
		p.sawStart = true
		p.pos = 3
		p.endOfLine()
	}
	ind := p.nextContentLine()
	if ind < 0 {
		if p.sawStart {
			p.decline("empty document after ---")
		}
		return nil
	}
	root := p.blockNode(-1, ind, 0)
	if p.nextContentLine() >= 0 {
		p.decline("content after the root node")
	}
	return root
}

// --- positions and lines ---

func isBlankOrBreak(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// blankAt reports whether i is past the end or at a space, tab or line
// break: what must follow an indicator such as "-" or ":".
func (p *fastYAML) blankAt(i int) bool { return i >= len(p.src) || isBlankOrBreak(p.src[i]) }

// breakAt reports whether a line ends at i (LF, CRLF or the end of text).
func (p *fastYAML) breakAt(i int) bool {
	return i >= len(p.src) || p.src[i] == '\n' || p.src[i] == '\r' && i+1 < len(p.src) && p.src[i+1] == '\n'
}

// col returns the 1-based column, in code points, of offset i on the
// current line.
func (p *fastYAML) col(i int) int {
	if p.colAt < p.lineStart || i < p.colAt {
		p.colAt, p.colVal = p.lineStart, 1
	}
	for _, c := range p.src[p.colAt:i] {
		if c&0xc0 != 0x80 {
			p.colVal++
		}
	}
	p.colAt = i
	return p.colVal
}

// skipBreak moves past the line break at p.pos (LF or CRLF).
func (p *fastYAML) skipBreak() {
	if p.src[p.pos] == '\r' {
		p.pos++
	}
	p.pos++
	p.line++
	p.lineStart = p.pos
}

// skipSpaces moves past spaces; a tab, which YAML allows in some of these
// places and forbids in others, declines.
func (p *fastYAML) skipSpaces() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos < len(p.src) && p.src[p.pos] == '\t' {
		p.decline("tab")
	}
}

// atLineEnd reports whether only spaces and a comment are left on the line
// after p.pos (which follows spaces or starts a line).
func (p *fastYAML) atLineEnd() bool {
	return p.breakAt(p.pos) || p.src[p.pos] == '#'
}

// endOfLine moves past the rest of the line after a node: spaces, a
// comment (after a space) and the line break.
func (p *fastYAML) endOfLine() {
	p.skipSpaces()
	if p.pos < len(p.src) && p.src[p.pos] == '#' {
		if p.pos > p.lineStart && p.src[p.pos-1] != ' ' {
			p.decline("comment without a space before it")
		}
		for !p.breakAt(p.pos) {
			p.pos++
		}
	}
	if !p.breakAt(p.pos) {
		p.decline("more after a node on its line")
	}
	if p.pos < len(p.src) {
		p.skipBreak()
	}
}

// nextContentLine moves from the start of a line past blank and comment
// lines to the first character of the next line with content, and returns
// its indentation; -1 at the end of the text. Document markers and
// directives decline.
func (p *fastYAML) nextContentLine() int {
	if p.pos < len(p.src) && p.pos > p.lineStart {
		// Already at the content of a line: an enclosing reader looked.
		return p.pos - p.lineStart
	}
	for p.pos < len(p.src) {
		i := p.pos
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		if i == len(p.src) {
			p.pos = i
			return -1
		}
		if p.src[i] == '\t' {
			// Tabs may fill a blank or comment line, never indent.
			for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
				i++
			}
			if i < len(p.src) && !isBlankOrBreak(p.src[i]) && p.src[i] != '#' {
				p.decline("tab in indentation")
			}
			if i == len(p.src) {
				p.pos = i
				return -1
			}
		}
		switch c := p.src[i]; {
		case c == '\n' || c == '\r':
			p.pos = i
			if !p.breakAt(i) {
				p.decline("lone CR")
			}
			p.skipBreak()
			continue
		case c == '#':
			p.pos = i
			for !p.breakAt(p.pos) {
				p.pos++
			}
			if p.pos < len(p.src) {
				p.skipBreak()
			}
			continue
		case i == p.lineStart && (c == '%' || p.docMarkerAt(i)):
			p.decline("document marker or directive")
		}
		p.pos = i
		return i - p.lineStart
	}
	return -1
}

// docMarkerAt reports a "---" or "..." at i followed by a blank.
func (p *fastYAML) docMarkerAt(i int) bool {
	if i+3 > len(p.src) {
		return false
	}
	s := p.src[i : i+3]
	return (string(s) == "---" || string(s) == "...") && p.blankAt(i+3)
}

// --- nodes, slabs and strings ---

// maxSlab is the most nodes one slab holds (1.4 MB). The last slab of a
// scan is partly used, and a text scanned in pieces has one per piece:
// slabs of 65,536 nodes (5.8 MB) left 13 MB unused at 10,000 integrations
// in 4 pieces; more, smaller slabs cost nothing measurable (the memory is
// zeroed either way).
const maxSlab = 1 << 14

// newNode carves a node from the slab, with the position of offset at on
// the current line.
func (p *fastYAML) newNode(kind doc.Kind, tag string, line, col int) *doc.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]doc.Node, 0, p.slabSize)
		p.slabSize = min(p.slabSize*2, maxSlab)
	}
	p.nodes = append(p.nodes, doc.Node{Kind: kind, Tag: tag, Line: line, Column: col})
	return &p.nodes[len(p.nodes)-1]
}

// collect moves the children pushed since base into a collection's
// Content, carved from the children slab.
func (p *fastYAML) collect(n *doc.Node, base int) {
	k := len(p.stack) - base
	if k == 0 {
		return
	}
	if cap(p.kids)-len(p.kids) < k {
		p.kids = make([]*doc.Node, 0, max(k, p.slabSize))
	}
	start := len(p.kids)
	p.kids = append(p.kids, p.stack[base:]...)
	n.Content = p.kids[start : start+k : start+k]
	clear(p.stack[base:])
	p.stack = p.stack[:base]
}

// text returns src[start:end] as a string sharing the source's bytes: the
// File keeps Src, and Parse's caller must not modify it.
func (p *fastYAML) text(start, end int) string {
	if start == end {
		return ""
	}
	return unsafe.String(&p.src[start], end-start)
}

// keep returns b as a string stored in the arena, so that the scalars
// that differ from their source cost no allocation each.
func (p *fastYAML) keep(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(p.arena)-len(p.arena) < len(b) {
		p.arena = make([]byte, 0, max(len(b), 64<<10))
	}
	start := len(p.arena)
	p.arena = append(p.arena, b...)
	return unsafe.String(&p.arena[start], len(b))
}

// enter returns the depth of a collection opened at depth, declining past
// the limit (where the reference path fails or may fail).
func (p *fastYAML) enter(depth int) int {
	if depth+1 > p.maxDepth {
		p.decline("too deep")
	}
	p.deepest = max(p.deepest, depth+1)
	return depth + 1
}
