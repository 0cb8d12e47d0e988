package loader

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// parseJSON parses a JSON document straight into the same yaml node tree the
// YAML parser builds (kinds, tags, styles, 1-based lines and code-point
// columns), so rules cannot tell the two apart. It exists because most
// large API definitions are JSON and a dedicated scanner is several times
// faster than the general YAML one; it also takes UTF-16 surrogate pairs,
// which the YAML parser rejects, and reports errors at their exact position.
func parseJSON(src []byte, maxDepth int) (*doc.Node, *jsonError) {
	p := &jsonParser{src: src, line: 1, col: 1, maxDepth: maxDepth}
	p.space()
	if p.pos >= len(p.src) {
		return nil, nil
	}
	n := p.value(0)
	if p.err != nil {
		return nil, p.err
	}
	p.space()
	if p.pos < len(p.src) {
		p.fail("unexpected %s after the end of the JSON document", p.describe())
		return nil, p.err
	}
	return n, nil
}

type jsonError struct {
	line, col int
	msg       string
}

type jsonParser struct {
	src       []byte
	pos       int
	line, col int // of src[pos]
	maxDepth  int
	err       *jsonError
	slab      []doc.Node // nodes are carved from slabs to save allocations
	stack     []*doc.Node
}

func (p *jsonParser) fail(format string, args ...any) {
	p.failAt(p.line, p.col, format, args...)
}

func (p *jsonParser) failAt(line, col int, format string, args ...any) {
	if p.err == nil {
		p.err = &jsonError{line: line, col: col, msg: fmt.Sprintf(format, args...)}
	}
}

func (p *jsonParser) node(kind doc.Kind, tag string, style doc.Style, line, col int) *doc.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]doc.Node, 0, 1024)
	}
	p.slab = append(p.slab, doc.Node{Kind: kind, Tag: tag, Style: style, Line: line, Column: col})
	return &p.slab[len(p.slab)-1]
}

// advance moves past n bytes that hold no newline.
func (p *jsonParser) advance(n int) {
	for _, c := range p.src[p.pos : p.pos+n] {
		if c&0xc0 != 0x80 { // count characters, not UTF-8 continuation bytes
			p.col++
		}
	}
	p.pos += n
}

func (p *jsonParser) space() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\r':
			p.pos++
			p.col++
		case '\n':
			p.pos++
			p.line, p.col = p.line+1, 1
		default:
			return
		}
	}
}

func (p *jsonParser) describe() string {
	if p.pos >= len(p.src) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.src[p.pos:])
	return fmt.Sprintf("character %q", r)
}

func (p *jsonParser) value(depth int) *doc.Node {
	if p.err != nil {
		return nil
	}
	if depth >= p.maxDepth {
		p.fail("nesting deeper than %d levels", p.maxDepth)
		return nil
	}
	if p.pos >= len(p.src) {
		p.fail("unexpected end of file, expected a value")
		return nil
	}
	line, col := p.line, p.col
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.container(depth, doc.MappingNode, "!!map", '}', line, col)
	case c == '[':
		return p.container(depth, doc.SequenceNode, "!!seq", ']', line, col)
	case c == '"':
		s, ok := p.str()
		if !ok {
			return nil
		}
		n := p.node(doc.ScalarNode, "!!str", doc.DoubleQuotedStyle, line, col)
		n.Value = s
		return n
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number(line, col)
	default:
		for _, lit := range [...]struct{ word, tag string }{{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}} {
			if bytes.HasPrefix(p.src[p.pos:], []byte(lit.word)) {
				p.advance(len(lit.word))
				n := p.node(doc.ScalarNode, lit.tag, 0, line, col)
				n.Value = lit.word
				return n
			}
		}
		p.fail("unexpected %s, expected a value", p.describe())
		return nil
	}
}

func (p *jsonParser) container(depth int, kind doc.Kind, tag string, end byte, line, col int) *doc.Node {
	n := p.node(kind, tag, doc.FlowStyle, line, col)
	p.advance(1)
	base := len(p.stack)
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == end {
		p.advance(1)
		return n
	}
	for p.err == nil {
		if kind == doc.MappingNode {
			p.space()
			if p.pos >= len(p.src) || p.src[p.pos] != '"' {
				p.fail("unexpected %s, expected a string key", p.describe())
				break
			}
			kl, kc := p.line, p.col
			s, ok := p.str()
			if !ok {
				break
			}
			k := p.node(doc.ScalarNode, "!!str", doc.DoubleQuotedStyle, kl, kc)
			k.Value = s
			p.stack = append(p.stack, k)
			p.space()
			if p.pos >= len(p.src) || p.src[p.pos] != ':' {
				p.fail("unexpected %s, expected ':' after the key", p.describe())
				break
			}
			p.advance(1)
		}
		p.space()
		v := p.value(depth + 1)
		if v == nil {
			break
		}
		p.stack = append(p.stack, v)
		p.space()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.advance(1)
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == end {
			p.advance(1)
			break
		}
		p.fail("unexpected %s, expected ',' or '%c' (the %s opened at line %d, column %d)", p.describe(), end, map[doc.Kind]string{doc.MappingNode: "object", doc.SequenceNode: "array"}[kind], line, col)
	}
	n.Content = append([]*doc.Node(nil), p.stack[base:]...)
	p.stack = p.stack[:base]
	return n
}

// text returns src[start:end] as a string without copying it. The parser's
// input is the File's Src, which lives as long as the tree and is never
// written to, so the strings of a large document need no second copy of it.
func (p *jsonParser) text(start, end int) string {
	if start == end {
		return ""
	}
	return unsafe.String(&p.src[start], end-start)
}

// str reads a string token; p.pos is at its opening quote.
func (p *jsonParser) str() (string, bool) {
	start := p.pos + 1
	i := start
	for i < len(p.src) {
		c := p.src[i]
		if c == '"' {
			s := p.text(start, i)
			p.advance(i + 1 - p.pos)
			return s, true
		}
		if c == '\\' || c < 0x20 {
			break
		}
		i++
	}
	// slow path: escapes
	p.advance(i - p.pos)
	var b []byte
	b = append(b, p.src[start:i]...)
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.advance(1)
			return unsafe.String(unsafe.SliceData(b), len(b)), true // b is not used again
		case c == '\n':
			p.fail("unterminated string (a newline inside a string must be written \\n)")
			return "", false
		case c < 0x20:
			p.fail("control character 0x%02x inside a string (write it as an escape)", c)
			return "", false
		case c != '\\':
			_, size := utf8.DecodeRune(p.src[p.pos:])
			b = append(b, p.src[p.pos:p.pos+size]...)
			p.advance(size)
			continue
		}
		if p.pos+1 >= len(p.src) {
			break
		}
		e := p.src[p.pos+1]
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(p.src, p.pos+2, 'u')
			if !ok {
				p.fail("invalid \\u escape (four hex digits expected)")
				return "", false
			}
			size := 6
			if r >= 0xd800 && r <= 0xdbff {
				if lo, ok := hex4(p.src, p.pos+8, byteAt(p.src, p.pos+7)); ok && byteAt(p.src, p.pos+6) == '\\' && lo >= 0xdc00 && lo <= 0xdfff {
					r = int(utf16.DecodeRune(rune(r), rune(lo)))
					size = 12
				}
			}
			if r >= 0xd800 && r <= 0xdfff {
				r = utf8.RuneError // a lone surrogate
			}
			b = utf8.AppendRune(b, rune(r))
			p.advance(size)
			continue
		default:
			p.fail("invalid escape \\%c in a string", e)
			return "", false
		}
		p.advance(2)
	}
	p.fail("unterminated string at the end of the file")
	return "", false
}

func (p *jsonParser) number(line, col int) *doc.Node {
	start := p.pos
	i := p.pos
	if p.src[i] == '-' {
		i++
	}
	digits := func() int {
		j := i
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
		}
		return i - j
	}
	if n := digits(); n == 0 || (n > 1 && p.src[i-n] == '0') {
		p.failAt(line, col, "invalid number %q", p.src[start:i])
		return nil
	}
	tag := "!!int"
	if i < len(p.src) && p.src[i] == '.' {
		i++
		tag = "!!float"
		if digits() == 0 {
			p.failAt(line, col, "invalid number %q: digits expected after the decimal point", p.src[start:i])
			return nil
		}
	}
	if i < len(p.src) && (p.src[i] == 'e' || p.src[i] == 'E') {
		i++
		tag = "!!float"
		if i < len(p.src) && (p.src[i] == '+' || p.src[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.failAt(line, col, "invalid number %q: digits expected in the exponent", p.src[start:i])
			return nil
		}
	}
	p.advance(i - p.pos)
	n := p.node(doc.ScalarNode, tag, 0, line, col)
	n.Value = p.text(start, i)
	return n
}
