package loader

import "github.com/apigwlint/apigwlint/internal/doc"

// The block structure of the fast YAML path: mappings, sequences (also
// "- key: v" and "- - x" on one line, and sequences at the indentation of
// their key) and node properties. Every reader here starts at the first
// character of its node and returns at the start of the line after it
// (or at the content of that line, once nextContentLine has looked), so
// the reader of the enclosing collection sees that line's indentation.
// Indentations are in spaces (0-based); collIndent is the indentation of
// the enclosing block collection, -1 at the top.

// props are a node's anchor and tag, written before it.
type props struct {
	set       bool
	tag       string
	anchor    string
	line, col int // where the first property starts: the node's position
}

// apply gives node n its properties and registers its anchor. A
// collection is registered before its children are read, as the library
// does, so that an alias inside the node it names is found (and refused
// by checkAliases).
func (pr *props) apply(p *fastYAML, n *doc.Node) {
	if !pr.set {
		return
	}
	n.Line, n.Column = pr.line, pr.col
	if pr.tag != "" {
		n.Tag = pr.tag
		n.Style |= doc.TaggedStyle
	}
	if pr.anchor != "" {
		if p.anchors == nil {
			p.anchors = map[string]*doc.Node{}
		}
		p.anchors[pr.anchor] = n
	}
}

// readProps reads the anchor and tag (at most one of each) at p.pos.
func (p *fastYAML) readProps(flow bool) props {
	var pr props
	for p.pos < len(p.src) && (p.src[p.pos] == '&' || p.src[p.pos] == '!') {
		if !pr.set {
			pr.set, pr.line, pr.col = true, p.line, p.col(p.pos)
		}
		if p.src[p.pos] == '&' {
			if pr.anchor != "" {
				p.decline("two anchors")
			}
			p.pos++
			pr.anchor = p.name(flow)
		} else {
			if pr.tag != "" {
				p.decline("two tags")
			}
			pr.tag = p.tagName()
		}
		p.skipSpaces()
	}
	return pr
}

// name reads an anchor or alias name: the plain ASCII names people write.
// Other characters decline.
func (p *fastYAML) name(flow bool) string {
	start := p.pos
	for p.pos < len(p.src) && isNameChar(p.src[p.pos]) {
		p.pos++
	}
	if p.pos == start || !p.blankAt(p.pos) && !(flow && isFlowEnd(p.src[p.pos])) {
		p.decline("anchor or alias name")
	}
	return p.text(start, p.pos)
}

func isNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

func isFlowEnd(c byte) bool { return c == ',' || c == ']' || c == '}' }

// tagName reads a tag: !Name (CloudFormation's short forms) or !!name
// (the YAML types). The library records both as written; verbatim tags,
// named handles and escapes decline.
func (p *fastYAML) tagName() string {
	start := p.pos
	p.pos++
	if p.pos < len(p.src) && p.src[p.pos] == '!' {
		p.pos++
	}
	suffix := p.pos
	for p.pos < len(p.src) && isNameChar(p.src[p.pos]) {
		p.pos++
	}
	if p.pos == suffix || !p.blankAt(p.pos) {
		p.decline("tag")
	}
	return p.text(start, p.pos)
}

// blockNode reads the node whose first line has indentation ind, at its
// first character.
func (p *fastYAML) blockNode(collIndent, ind, depth int) *doc.Node {
	if p.src[p.pos] == '-' && p.blankAt(p.pos+1) {
		return p.blockSequence(ind, depth, props{})
	}
	if p.keyAhead() {
		return p.blockMapping(ind, depth, props{})
	}
	return p.inlineValue(collIndent, depth, false)
}

// inlineValue reads a node that is not a block collection written from
// here: a scalar, a flow collection or an alias, with its properties, or
// properties whose block collection starts on the next line.
//
// mapValue says it is a block mapping's value, whose sequence may be
// written at the key's indentation ("key: !Sub\n- a").
func (p *fastYAML) inlineValue(collIndent, depth int, mapValue bool) *doc.Node {
	pr := p.readProps(false)
	if pr.set && p.atLineEnd() {
		p.endOfLine()
		ind := p.nextContentLine()
		dash := ind >= 0 && p.src[p.pos] == '-' && p.blankAt(p.pos+1)
		if ind < collIndent || ind == collIndent && !(mapValue && dash) {
			p.decline("properties of an empty node")
		}
		switch {
		case dash:
			return p.blockSequence(ind, depth, pr)
		case p.keyAhead():
			return p.blockMapping(ind, depth, pr)
		}
	}
	return p.leaf(collIndent, depth, pr)
}

// leaf reads a scalar, a flow collection or an alias, and the rest of its
// last line.
func (p *fastYAML) leaf(collIndent, depth int, pr props) *doc.Node {
	line, col := p.line, p.col(p.pos)
	var n *doc.Node
	switch c := p.src[p.pos]; c {
	case '*':
		if pr.set {
			p.decline("properties on an alias")
		}
		n = p.alias(false)
	case '|', '>':
		return p.blockScalar(collIndent, line, col, pr) // it reads its lines itself
	case '[', '{':
		n = p.flowCollection(collIndent, depth, line, col, pr)
	case '"', '\'':
		n = p.quotedNode(collIndent, line, col, pr)
	default:
		if !p.plainStart(p.pos, false) {
			p.decline("character that starts no plain scalar")
		}
		n = p.plainScalar(collIndent, line, col, pr)
	}
	p.endOfLine()
	return n
}

// alias reads *name; an anchor not (yet) defined declines: the library
// refuses it.
func (p *fastYAML) alias(flow bool) *doc.Node {
	n := p.newNode(doc.AliasNode, "", p.line, p.col(p.pos))
	p.pos++
	n.Value = p.name(flow)
	n.Alias = p.anchors[n.Value]
	if n.Alias == nil {
		p.decline("unknown anchor")
	}
	p.aliased = true
	return n
}

// emptyScalar is the null the library makes of a value not written.
func (p *fastYAML) emptyScalar(line, col int) *doc.Node {
	return p.newNode(doc.ScalarNode, "!!null", line, col)
}

// blockSequence reads the entries, at indentation ind, of a sequence that
// starts at p.pos ("- ").
func (p *fastYAML) blockSequence(ind, depth int, pr props) *doc.Node {
	d := p.enter(depth)
	n := p.newNode(doc.SequenceNode, "!!seq", p.line, p.col(p.pos))
	pr.apply(p, n)
	base := len(p.stack)
	for {
		dashLine, dashCol := p.line, p.col(p.pos)
		p.pos++
		p.skipSpaces()
		var item *doc.Node
		if p.atLineEnd() {
			p.endOfLine()
			if i := p.nextContentLine(); i > ind {
				item = p.blockNode(ind, i, d)
			} else {
				item = p.emptyScalar(dashLine, dashCol+1)
			}
		} else {
			// Only spaces and dashes are before p.pos on this line, so
			// its byte offset is its indentation.
			itemInd := p.pos - p.lineStart
			switch {
			case p.src[p.pos] == '-' && p.blankAt(p.pos+1):
				item = p.blockSequence(itemInd, d, props{})
			case p.keyAhead():
				item = p.blockMapping(itemInd, d, props{})
			default:
				item = p.inlineValue(ind, d, false)
			}
		}
		p.stack = append(p.stack, item)
		i := p.nextContentLine()
		if i > ind {
			p.decline("sequence entry indented more than the sequence")
		}
		if i < ind || p.src[p.pos] != '-' || !p.blankAt(p.pos+1) {
			break
		}
	}
	p.collect(n, base)
	return n
}

// blockMapping reads the entries, at indentation ind, of a mapping whose
// first key starts at p.pos.
func (p *fastYAML) blockMapping(ind, depth int, pr props) *doc.Node {
	d := p.enter(depth)
	n := p.newNode(doc.MappingNode, "!!map", p.line, p.col(p.pos))
	pr.apply(p, n)
	base := len(p.stack)
	for {
		k, colonLine, colonCol := p.mappingKey()
		v := p.mappingValue(ind, d, colonLine, colonCol)
		p.stack = append(p.stack, k, v)
		i := p.nextContentLine()
		if i > ind {
			p.decline("mapping entry indented more than the mapping")
		}
		if i < ind {
			break
		}
		if !p.keyAhead() {
			p.decline("line in a mapping that is not a key")
		}
	}
	p.collect(n, base)
	return n
}

// mappingValue reads the value after a key's ":"; an empty one is a null
// at the end of the ":".
func (p *fastYAML) mappingValue(ind, depth, colonLine, colonCol int) *doc.Node {
	p.skipSpaces()
	if !p.atLineEnd() {
		return p.inlineValue(ind, depth, true)
	}
	p.endOfLine()
	if p.hole != nil && p.pos == p.hole.start {
		return p.skipHole(depth)
	}
	i := p.nextContentLine()
	switch {
	case i > ind:
		return p.blockNode(ind, i, depth)
	case i == ind && p.src[p.pos] == '-' && p.blankAt(p.pos+1):
		return p.blockSequence(ind, depth, props{}) // at the key's indentation
	}
	return p.emptyScalar(colonLine, colonCol)
}

// maxKeyBytes is below the library's limit on implicit keys (1024
// characters).
const maxKeyBytes = 1000

// mappingKey reads a block mapping's key (plain or quoted, on one line)
// and its ":"; it returns the position after the ":".
func (p *fastYAML) mappingKey() (k *doc.Node, colonLine, colonCol int) {
	start := p.pos
	line, col := p.line, p.col(p.pos)
	if c := p.src[p.pos]; c == '"' || c == '\'' {
		k = p.quotedNode(-1, line, col, props{})
		if p.line != line {
			p.decline("key over several lines")
		}
	} else {
		end, stop := p.plainLine(p.pos)
		if stop != stopColon {
			p.decline("not a key")
		}
		k = p.newNode(doc.ScalarNode, "", line, col)
		k.Value = p.text(p.pos, end)
		k.Tag = resolvePlain(k.Value)
		p.pos = end
	}
	p.skipSpaces()
	if p.pos >= len(p.src) || p.src[p.pos] != ':' || !p.blankAt(p.pos+1) {
		p.decline("no ':' after a key")
	}
	if p.pos-start > maxKeyBytes {
		p.decline("long key")
	}
	colonCol = p.col(p.pos) + 1
	p.pos++
	return k, p.line, colonCol
}

// keyAhead reports whether the line from p.pos starts with an implicit
// key: a plain or one-line quoted scalar followed by ": " or ":" at the
// end of the line.
func (p *fastYAML) keyAhead() bool {
	i := p.pos
	switch c := p.src[i]; {
	case c == '"' || c == '\'':
		i++
		for ; !p.breakAt(i); i++ {
			if p.src[i] == '\\' && c == '"' {
				i++
				if p.breakAt(i) {
					return false
				}
				continue
			}
			if p.src[i] == c {
				if c == '\'' && i+1 < len(p.src) && p.src[i+1] == '\'' {
					i++
					continue
				}
				break
			}
		}
		if p.breakAt(i) {
			return false
		}
		i++
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		return i < len(p.src) && p.src[i] == ':' && p.blankAt(i+1)
	case !p.plainStart(i, false):
		return false
	}
	_, stop := p.plainLine(i)
	return stop == stopColon
}

// plainStart reports whether a plain scalar may start at i. The indicators
// that start one when a non-blank follows ("-1", ":x", "?x") are taken
// inside flow collections only for "-" before a non-indicator.
func (p *fastYAML) plainStart(i int, flow bool) bool {
	switch p.src[i] {
	case '-':
		return !p.blankAt(i+1) && !(flow && isFlowIndicator(p.src[i+1]))
	case '?', ':':
		return !flow && !p.blankAt(i+1)
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ', '\t', '\r', '\n':
		return false
	}
	return true
}

func isFlowIndicator(c byte) bool { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}' }
