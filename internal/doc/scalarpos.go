package doc

import (
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"
	"unicode/utf8"
)

// line returns line n (1-based) of the source without its line break.
func (f *File) line(n int) (string, bool) {
	f.indexLines()
	if n < 1 || n > len(f.lineStarts) {
		return "", false
	}
	end := len(f.Src)
	if n < len(f.lineStarts) {
		end = int(f.lineStarts[n]) - 1
	}
	return strings.TrimSuffix(string(f.Src[f.lineStarts[n-1]:end]), "\r"), true
}

// blockHeaderRE is the rest of the line of a literal block scalar from the
// node's column: tag and anchor, the | indicator with its optional
// indentation and chomping indicators, and an optional comment.
var blockHeaderRE = lazyre.New(`^(?:[!&]\S*[ \t]+)*\|[1-9]?[-+]?[1-9]?[ \t]*(?:#.*)?$`)

// PositionIn returns the source line and column of byte offset off of the
// value of scalar n (a finding inside a mapping template, say), when the text can be mapped back exactly: a
// literal block scalar (each value line is one source line), or a plain,
// single- or double-quoted scalar written on one line. The mapping is
// verified against the value, so ok is false rather than wrong.
func (f *File) PositionIn(n *Node, off int) (line, col int, ok bool) {
	if off < 0 || off > len(n.Value) {
		return 0, 0, false
	}
	header, ok := f.line(n.Line)
	if !ok {
		return 0, 0, false
	}
	start, ok := runeIndex(header, n.Column)
	if !ok {
		return 0, 0, false
	}
	tl, tc := textLineCol(n.Value, off)
	if n.Style&LiteralStyle != 0 {
		if !blockHeaderRE().MatchString(header[start:]) {
			return 0, 0, false
		}
		text := strings.Split(n.Value, "\n")[tl-1]
		sl, ok := f.line(n.Line + tl)
		if !ok || !strings.HasSuffix(sl, text) || strings.Trim(sl[:len(sl)-len(text)], " ") != "" {
			return 0, 0, false
		}
		return n.Line + tl, utf8.RuneCountInString(sl[:len(sl)-len(text)]) + tc, true
	}
	// skip a tag or an anchor written before the value
	rest := header[start:]
	for len(rest) > 0 && (rest[0] == '!' || rest[0] == '&') {
		k := strings.IndexAny(rest, " \t")
		if k < 0 {
			return 0, 0, false
		}
		rest = strings.TrimLeft(rest[k:], " \t")
	}
	startCol := utf8.RuneCountInString(header[:len(header)-len(rest)]) + 1
	var cols []int // the source column of each code point of the value
	switch {
	case n.Style&DoubleQuotedStyle != 0:
		cols, ok = doubleQuotedColumns(rest, n.Value, startCol)
	case n.Style&SingleQuotedStyle != 0:
		cols, ok = singleQuotedColumns(rest, n.Value, startCol)
	case n.Style&^TaggedStyle == 0 && !strings.Contains(n.Value, "\n") && strings.HasPrefix(rest, n.Value):
		return n.Line, startCol + tc - 1, true
	default:
		return 0, 0, false
	}
	if !ok {
		return 0, 0, false
	}
	i := utf8.RuneCountInString(n.Value[:off])
	if i >= len(cols) {
		return 0, 0, false
	}
	return n.Line, cols[i], true
}

// runeIndex returns the byte index of 1-based code point column col of s.
func runeIndex(s string, col int) (int, bool) {
	c := 1
	for i := range s {
		if c == col {
			return i, true
		}
		c++
	}
	return len(s), c == col
}

// doubleQuotedColumns decodes the double-quoted scalar at the start of raw
// (whose first column is col) and returns the column of each code point of
// its value, provided the scalar ends on this line and decodes to want.
func doubleQuotedColumns(raw, want string, col int) ([]int, bool) {
	if !strings.HasPrefix(raw, `"`) {
		return nil, false
	}
	var cols []int
	var b strings.Builder
	c := col + 1
	for i := 1; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		switch r {
		case '"':
			return cols, b.String() == want
		case '\\':
			dec, n, ok := unescape(raw[i:])
			if !ok {
				return nil, false
			}
			cols = append(cols, c)
			b.WriteRune(dec)
			c += utf8.RuneCountInString(raw[i : i+n])
			i += n
			continue
		}
		cols = append(cols, c)
		b.WriteRune(r)
		c++
		i += size
	}
	return nil, false // not closed on this line
}

// unescape decodes the escape sequence at the start of s, returning the
// code point and the escape's length in bytes.
func unescape(s string) (rune, int, bool) {
	if len(s) < 2 {
		return 0, 0, false
	}
	simple := map[byte]rune{'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', '/': '/', '\\': '\\', '"': '"',
		'0': 0, 'a': '\a', 'v': '\v', 'e': 0x1b, ' ': ' ', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029, '\t': '\t'}
	if r, ok := simple[s[1]]; ok {
		return r, 2, true
	}
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
	if width == 0 || len(s) < 2+width {
		return 0, 0, false
	}
	r, ok := hexRune(s[2 : 2+width])
	if !ok {
		return 0, 0, false
	}
	if s[1] == 'u' && r >= 0xd800 && r <= 0xdbff && len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
		if lo, ok := hexRune(s[8:12]); ok && lo >= 0xdc00 && lo <= 0xdfff {
			return 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00), 12, true
		}
	}
	if r >= 0xd800 && r <= 0xdfff {
		r = utf8.RuneError
	}
	return r, 2 + width, true
}

func hexRune(s string) (rune, bool) {
	var r rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// singleQuotedColumns is doubleQuotedColumns for a single-quoted scalar,
// whose only escape is a doubled quote.
func singleQuotedColumns(raw, want string, col int) ([]int, bool) {
	if !strings.HasPrefix(raw, "'") {
		return nil, false
	}
	var cols []int
	var b strings.Builder
	c := col + 1
	for i := 1; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		if r == '\'' {
			if strings.HasPrefix(raw[i:], "''") {
				cols = append(cols, c)
				b.WriteByte('\'')
				c += 2
				i += 2
				continue
			}
			return cols, b.String() == want
		}
		cols = append(cols, c)
		b.WriteRune(r)
		c++
		i += size
	}
	return nil, false
}

// textLineCol returns the 1-based line and column (in code points) of byte
// offset off in s.
func textLineCol(s string, off int) (int, int) {
	off = min(off, len(s))
	start := strings.LastIndexByte(s[:off], '\n') + 1
	return 1 + strings.Count(s[:off], "\n"), 1 + utf8.RuneCountInString(s[start:off])
}
