package loader

import (
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// Scalars of the fast YAML path, read as the library's scanner reads them
// (scanPlainScalar, scanFlowScalar, scanBlockScalar in go.yaml.in/yaml/v4's
// internal/libyaml/scanner.go): the same folding of lines, the same
// escapes, the same chomping. A scalar that is its source text, as most
// are, shares the source's bytes.

// How a line of a plain scalar in block context ends.
const (
	stopBreak   = iota // at the line break or the end of the text
	stopColon          // at ": " or ":" before the break: a key ends there
	stopComment        // at " #"
)

// plainLine scans a line of a plain scalar from i: end is after its last
// non-space character. A tab declines: YAML reads it as content in some
// places and refuses it in others.
func (p *fastYAML) plainLine(i int) (end, stop int) {
	end = i
	for ; i < len(p.src); i++ {
		switch c := p.src[i]; c {
		case '\n', '\r':
			return end, stopBreak
		case ':':
			if p.blankAt(i + 1) {
				return end, stopColon
			}
		case '#':
			if p.src[i-1] == ' ' {
				return end, stopComment
			}
		case '\t':
			p.decline("tab in a plain scalar")
		case ' ':
			continue
		}
		end = i + 1
	}
	return end, stopBreak
}

// plainScalar reads a plain scalar in block context, over several lines
// when the next lines are indented more than the enclosing collection.
func (p *fastYAML) plainScalar(collIndent, line, col int, pr props) *doc.Node {
	start := p.pos
	end, stop := p.plainLine(start)
	if stop == stopColon {
		p.decline("a key where a value is expected")
	}
	n := p.newNode(doc.ScalarNode, "", line, col)
	more := false
	if stop == stopBreak {
		_, _, _, more = p.plainContinues(end, collIndent)
	}
	if more {
		n.Value = p.plainLines(start, end, collIndent)
	} else {
		n.Value = p.text(start, end)
		p.pos = end
	}
	if pr.set {
		pr.apply(p, n)
	}
	if n.Tag == "" {
		n.Tag = resolvePlain(n.Value)
	}
	return n
}

// plainContinues reports whether the plain scalar whose line ends at end
// goes on: its next non-blank line is indented more than the collection,
// and is not a comment or a document marker. It returns where that line
// starts, where its content does, and how many blank lines come before it.
func (p *fastYAML) plainContinues(end, collIndent int) (lineStart, at, blanks int, ok bool) {
	i := end
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	for {
		if i >= len(p.src) {
			return 0, 0, 0, false
		}
		if p.src[i] == '\r' {
			i++
		}
		i++ // the LF
		lineStart = i
		tab := false
		for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
			tab = tab || p.src[i] == '\t'
			i++
		}
		if i >= len(p.src) {
			return 0, 0, 0, false
		}
		switch p.src[i] {
		case '\n', '\r':
			blanks++ // tabs may fill a blank line
			continue
		case '#':
			return 0, 0, 0, false
		}
		if tab {
			p.decline("tab in a plain scalar's indentation")
		}
		if i == lineStart && p.docMarkerAt(i) {
			return 0, 0, 0, false
		}
		return lineStart, i, blanks, i-lineStart > collIndent
	}
}

// plainLines reads a plain scalar over several lines, folding them: one
// line break becomes a space, n+1 of them n newlines.
func (p *fastYAML) plainLines(start, end, collIndent int) string {
	buf := append(p.scratch[:0], p.src[start:end]...)
	for {
		lineStart, at, blanks, ok := p.plainContinues(end, collIndent)
		if !ok {
			break
		}
		p.line += 1 + blanks
		p.lineStart = lineStart
		if blanks == 0 {
			buf = append(buf, ' ')
		}
		for range blanks {
			buf = append(buf, '\n')
		}
		var stop int
		end, stop = p.plainLine(at)
		if stop == stopColon {
			p.decline("a key inside a plain scalar")
		}
		buf = append(buf, p.src[at:end]...)
		if stop != stopBreak {
			break
		}
	}
	p.pos = end
	p.scratch = buf
	return p.keep(buf)
}

// quotedNode reads a single- or double-quoted scalar and moves past its
// closing quote.
func (p *fastYAML) quotedNode(collIndent, line, col int, pr props) *doc.Node {
	n := p.newNode(doc.ScalarNode, "!!str", line, col)
	q := p.src[p.pos]
	if q == '"' {
		n.Style = doc.DoubleQuotedStyle
	} else {
		n.Style = doc.SingleQuotedStyle
	}
	// The common case: one line, no escapes.
	for i := p.pos + 1; i < len(p.src); i++ {
		c := p.src[i]
		if c == q {
			if q == '\'' && i+1 < len(p.src) && p.src[i+1] == '\'' {
				break
			}
			n.Value = p.text(p.pos+1, i)
			p.pos = i + 1
			pr.apply(p, n)
			return n
		}
		if c == '\\' && q == '"' || c == '\n' || c == '\r' {
			break
		}
	}
	n.Value = p.quotedSlow(q == '\'', collIndent)
	pr.apply(p, n)
	return n
}

// quotedSlow reads a quoted scalar with escapes or line breaks, as
// scanFlowScalar does.
func (p *fastYAML) quotedSlow(single bool, collIndent int) string {
	s := p.scratch[:0]
	var ws []byte
	quote := byte('"')
	if single {
		quote = '\''
	}
	p.pos++ // the opening quote
	for {
		if p.pos == p.lineStart && p.docMarkerAt(p.pos) {
			p.decline("document marker in a quoted scalar")
		}
		if p.pos >= len(p.src) {
			p.decline("unterminated quoted scalar")
		}
		leadingBlanks := false
		for p.pos < len(p.src) && !isBlankOrBreak(p.src[p.pos]) {
			c := p.src[p.pos]
			if single {
				if c == '\'' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '\'' {
					s = append(s, '\'')
					p.pos += 2
					continue
				}
				if c == '\'' {
					break
				}
			} else {
				if c == '"' {
					break
				}
				if c == '\\' && p.pos+1 < len(p.src) && (p.src[p.pos+1] == '\n' || p.src[p.pos+1] == '\r') {
					p.pos++
					p.skipBreak()
					leadingBlanks = true
					break
				}
				if c == '\\' {
					s = p.escape(s)
					continue
				}
			}
			s = append(s, c)
			p.pos++
		}
		if p.pos < len(p.src) && p.src[p.pos] == quote {
			break
		}
		// Blanks and line breaks.
		ws = ws[:0]
		leadingBreak, trailing := false, 0
		for p.pos < len(p.src) && isBlankOrBreak(p.src[p.pos]) {
			c := p.src[p.pos]
			if c == ' ' || c == '\t' {
				if !leadingBlanks {
					ws = append(ws, c)
				}
				p.pos++
				continue
			}
			if !p.breakAt(p.pos) {
				p.decline("lone CR")
			}
			if !leadingBlanks {
				ws = ws[:0]
				leadingBreak, leadingBlanks = true, true
			} else {
				trailing++
			}
			p.skipBreak()
		}
		if leadingBlanks {
			// A line of the scalar must be indented more than the
			// collection (a conservative reading: the library checks less).
			if p.pos < len(p.src) && p.pos-p.lineStart <= collIndent {
				p.decline("quoted scalar line not indented")
			}
			if leadingBreak && trailing == 0 {
				s = append(s, ' ')
			}
			for range trailing {
				s = append(s, '\n')
			}
		} else {
			s = append(s, ws...)
		}
	}
	p.pos++ // the closing quote
	p.scratch = s
	return p.keep(s)
}

// escape appends what the escape at p.pos (a backslash) stands for.
func (p *fastYAML) escape(s []byte) []byte {
	if p.pos+1 >= len(p.src) {
		p.decline("escape at the end of the text")
	}
	codeLen := 0
	switch e := p.src[p.pos+1]; e {
	case '0':
		s = append(s, 0)
	case 'a':
		s = append(s, '\x07')
	case 'b':
		s = append(s, '\x08')
	case 't', '\t':
		s = append(s, '\x09')
	case 'n':
		s = append(s, '\x0A')
	case 'v':
		s = append(s, '\x0B')
	case 'f':
		s = append(s, '\x0C')
	case 'r':
		s = append(s, '\x0D')
	case 'e':
		s = append(s, '\x1B')
	case ' ':
		s = append(s, ' ')
	case '"', '/', '\\':
		s = append(s, e)
	case 'N':
		s = append(s, "\u0085"...)
	case '_':
		s = append(s, "\u00a0"...)
	case 'L':
		s = append(s, "\u2028"...)
	case 'P':
		s = append(s, "\u2029"...)
	case 'x':
		codeLen = 2
	case 'u':
		codeLen = 4
	case 'U':
		codeLen = 8
	default:
		p.decline("unknown escape")
	}
	p.pos += 2
	if codeLen == 0 {
		return s
	}
	v := 0
	for k := 0; k < codeLen; k++ {
		if p.pos+k >= len(p.src) {
			p.decline("short escape")
		}
		d := hexVal(p.src[p.pos+k])
		if d < 0 {
			p.decline("escape without hex digits")
		}
		v = v<<4 + d
	}
	if v >= 0xd800 && v <= 0xdfff || v > 0x10ffff {
		p.decline("invalid escaped code point")
	}
	p.pos += codeLen
	return utf8.AppendRune(s, rune(v))
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// blockScalar reads a literal (|) or folded (>) scalar, its header and
// its lines, and returns at the start of the first line after it.
func (p *fastYAML) blockScalar(collIndent, line, col int, pr props) *doc.Node {
	if collIndent < 0 {
		p.decline("block scalar at the top level")
	}
	literal := p.src[p.pos] == '|'
	p.pos++
	chomp, incr := 0, 0
	readChomp := func() {
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			chomp = 1
			if p.src[p.pos] == '-' {
				chomp = -1
			}
			p.pos++
		}
	}
	readIncr := func() {
		if p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			if p.src[p.pos] == '0' {
				p.decline("indentation indicator 0")
			}
			incr = int(p.src[p.pos] - '0')
			p.pos++
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
		readChomp()
		readIncr()
	} else {
		readIncr()
		readChomp()
	}
	headerEnd := p.pos
	p.skipSpaces()
	if p.pos < len(p.src) && p.src[p.pos] == '#' {
		if p.pos == headerEnd {
			p.decline("comment without a space before it")
		}
		for !p.breakAt(p.pos) {
			p.pos++
		}
	}
	if !p.breakAt(p.pos) || p.pos >= len(p.src) {
		p.decline("block scalar header")
	}
	p.skipBreak()

	// Columns here are 1-based, as in the library's code: only spaces
	// come before p.pos on its line, so they are byte offsets plus one.
	parentCol := collIndent + 1
	indent := 0
	if incr > 0 {
		indent = parentCol + incr
	}
	s := p.scratch[:0]
	trailing := p.blockBreaks(&indent, parentCol)
	leadingBreak, leadingBlank := false, false
	for p.pos < len(p.src) && p.pos-p.lineStart+1 == indent {
		trailingBlank := p.src[p.pos] == ' ' || p.src[p.pos] == '\t'
		if !literal && leadingBreak && !leadingBlank && !trailingBlank {
			if trailing == 0 {
				s = append(s, ' ')
			}
		} else if leadingBreak {
			s = append(s, '\n')
		}
		for range trailing {
			s = append(s, '\n')
		}
		leadingBlank = trailingBlank
		e := p.pos
		for !p.breakAt(e) {
			e++
		}
		s = append(s, p.src[p.pos:e]...)
		if e >= len(p.src) {
			p.decline("block scalar without a final line break")
		}
		p.pos = e
		p.skipBreak()
		leadingBreak = true
		trailing = p.blockBreaks(&indent, parentCol)
	}
	if chomp != -1 && leadingBreak {
		s = append(s, '\n')
	}
	if chomp == 1 {
		for range trailing {
			s = append(s, '\n')
		}
	}
	if p.pos < len(p.src) {
		p.pos = p.lineStart // the line that ended the scalar is read again
	}
	n := p.newNode(doc.ScalarNode, "!!str", line, col)
	n.Style = doc.FoldedStyle
	if literal {
		n.Style = doc.LiteralStyle
	}
	n.Value = p.keep(s)
	p.scratch = s
	pr.apply(p, n)
	return n
}

// blockBreaks moves past the indentation and the empty lines before a
// line of a block scalar (scanBlockScalarBreaks), returns how many line
// breaks it passed, and settles the indentation when not known yet.
func (p *fastYAML) blockBreaks(indent *int, parentCol int) int {
	maxIndent, breaks := 0, 0
	for {
		for (*indent == 0 || p.pos-p.lineStart+1 < *indent) && p.pos < len(p.src) && p.src[p.pos] == ' ' {
			p.pos++
		}
		col := p.pos - p.lineStart + 1
		maxIndent = max(maxIndent, col)
		if p.pos < len(p.src) && p.src[p.pos] == '\t' && (*indent == 0 && col <= parentCol || *indent > 0 && col < *indent) {
			p.decline("tab in a block scalar's indentation")
		}
		if p.pos >= len(p.src) || p.src[p.pos] != '\n' && p.src[p.pos] != '\r' {
			break
		}
		if !p.breakAt(p.pos) {
			p.decline("lone CR")
		}
		p.skipBreak()
		breaks++
	}
	if p.pos >= len(p.src) && p.pos > p.lineStart {
		p.decline("block scalar ends in spaces at the end of the text")
	}
	if *indent == 0 {
		*indent = max(maxIndent, parentCol+1, 1)
	}
	return breaks
}
