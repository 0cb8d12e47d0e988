package loader

import "github.com/apigwlint/apigwlint/internal/doc"

// Flow collections ({a: 1}, [a, b]) of the fast YAML path, nested, over
// several lines. Keys are one-line plain or quoted scalars followed by ":";
// single-pair mappings in sequences ([a: b]), keys without values ({a}),
// empty values and "?" decline.

// flowCollection reads a flow mapping or sequence at p.pos.
func (p *fastYAML) flowCollection(collIndent, depth, line, col int, pr props) *doc.Node {
	d := p.enter(depth)
	seq := p.src[p.pos] == '['
	kind, tag, closer := doc.MappingNode, "!!map", byte('}')
	if seq {
		kind, tag, closer = doc.SequenceNode, "!!seq", ']'
	}
	n := p.newNode(kind, tag, line, col)
	n.Style = doc.FlowStyle
	pr.apply(p, n)
	p.pos++
	base := len(p.stack)
	for {
		p.flowSpace(collIndent)
		if p.src[p.pos] == closer {
			p.pos++
			break
		}
		if seq {
			item := p.flowNode(collIndent, d)
			p.flowSpace(collIndent)
			if p.src[p.pos] == ':' {
				p.decline("single-pair mapping in a flow sequence")
			}
			p.stack = append(p.stack, item)
		} else {
			quoted := p.src[p.pos] == '"' || p.src[p.pos] == '\''
			k := p.flowScalar(collIndent, props{})
			if k.Line != p.line {
				p.decline("flow key over several lines")
			}
			p.flowSpace(collIndent)
			// After a quoted key, ":" needs no space ({"a":1}, as in JSON).
			if p.src[p.pos] != ':' || !quoted && !p.blankAt(p.pos+1) {
				p.decline("flow key without ': '")
			}
			if p.col(p.pos) <= collIndent+1 {
				// The library refuses a ':' in a flow collection that is
				// not right of the enclosing block collection's column.
				p.decline("flow mapping value not indented")
			}
			p.pos++
			p.flowSpace(collIndent)
			if isFlowEnd(p.src[p.pos]) {
				p.decline("empty value in a flow mapping")
			}
			v := p.flowNode(collIndent, d)
			p.stack = append(p.stack, k, v)
		}
		p.flowSpace(collIndent)
		switch p.src[p.pos] {
		case ',':
			p.pos++
			continue
		case closer:
			p.pos++
		default:
			p.decline("no ',' between flow entries")
		}
		break
	}
	p.collect(n, base)
	return n
}

// flowSpace moves past spaces, line breaks and comments inside a flow
// collection, to the next token.
func (p *fastYAML) flowSpace(collIndent int) {
	for {
		if p.pos >= len(p.src) {
			p.decline("unterminated flow collection")
		}
		switch c := p.src[p.pos]; c {
		case ' ':
			p.pos++
		case '\t':
			p.decline("tab in a flow collection")
		case '\n', '\r':
			if !p.breakAt(p.pos) {
				p.decline("lone CR")
			}
			p.skipBreak()
			if p.docMarkerAt(p.pos) {
				p.decline("document marker in a flow collection")
			}
		case '#':
			if p.pos > p.lineStart && p.src[p.pos-1] != ' ' {
				p.decline("comment without a space before it")
			}
			for !p.breakAt(p.pos) {
				p.pos++
			}
		default:
			return
		}
	}
}

// flowNode reads an entry or value of a flow collection.
func (p *fastYAML) flowNode(collIndent, depth int) *doc.Node {
	pr := p.readProps(true)
	if pr.set && (p.pos >= len(p.src) || p.breakAt(p.pos) || isFlowEnd(p.src[p.pos])) {
		p.decline("properties of an empty node in a flow collection")
	}
	switch p.src[p.pos] {
	case '[', '{':
		line, col := p.line, p.col(p.pos)
		if pr.set {
			line, col = pr.line, pr.col
		}
		return p.flowCollection(collIndent, depth, line, col, pr)
	case '*':
		if pr.set {
			p.decline("properties on an alias")
		}
		return p.alias(true)
	}
	return p.flowScalar(collIndent, pr)
}

// flowScalar reads a quoted or plain scalar inside a flow collection. A
// plain one stays on its line: one that goes on past a line break
// declines.
func (p *fastYAML) flowScalar(collIndent int, pr props) *doc.Node {
	line, col := p.line, p.col(p.pos)
	if c := p.src[p.pos]; c == '"' || c == '\'' {
		return p.quotedNode(collIndent, line, col, pr)
	}
	if !p.plainStart(p.pos, true) {
		p.decline("character that starts no plain scalar")
	}
	start, end := p.pos, p.pos
	i := p.pos
scan:
	for ; i < len(p.src); i++ {
		switch c := p.src[i]; c {
		case '\n', '\r':
			break scan
		case ',', '[', ']', '{', '}':
			break scan
		case ':':
			if p.blankAt(i+1) || isFlowEnd(p.src[i+1]) {
				break scan
			}
		case '#':
			if p.src[i-1] == ' ' {
				break scan
			}
		case '\t':
			p.decline("tab in a plain scalar")
		case ' ':
			continue
		}
		end = i + 1
	}
	if p.breakAt(i) && i < len(p.src) {
		// The scalar would go on at the next token unless that ends it.
		j := i
		for j < len(p.src) && isBlankOrBreak(p.src[j]) {
			j++
		}
		if j < len(p.src) && !isFlowEnd(p.src[j]) && p.src[j] != '#' {
			p.decline("plain scalar over several lines in a flow collection")
		}
	}
	n := p.newNode(doc.ScalarNode, "", line, col)
	n.Value = p.text(start, end)
	p.pos = end
	pr.apply(p, n)
	if n.Tag == "" {
		n.Tag = resolvePlain(n.Value)
	}
	return n
}
