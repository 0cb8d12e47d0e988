package suppress

import "bytes"

// lineKind classifies a source line for comment-based suppression.
type lineKind uint8

const (
	lineBlank   lineKind = iota // nothing but spaces
	lineComment                 // only a comment
	lineCode                    // YAML text, perhaps followed by a comment
	lineContent                 // inside a block scalar or a multi-line quoted string
)

// srcLine is one line of a YAML (or JSON) source as the suppression scanner
// sees it.
type srcLine struct {
	start, end int // byte offsets of the line, without its line break
	indent     int // leading spaces
	kind       lineKind
	comment    int // byte offset in the source of the '#' opening a comment, or -1
	mark       int // the length of what opens the comment: 1 for '#', 2 for HCL's "//"; 0 read as 1
	// openValue is set for a line whose text ends with ':', a key whose
	// value starts on the next lines (which may be a sequence at the key's
	// own indentation).
	openValue bool
	dash      bool // the line's text starts with a sequence entry "- "
}

// scanLines splits src into lines and finds the comments a YAML parser would
// see. It is a line scanner, independent of how the parser attaches comments
// to nodes, that knows enough YAML to avoid false comments: a '#' is a
// comment only at the start of a line or after a space; not inside a quoted
// string (which may span lines), nor inside a block scalar (| or >), whose
// lines are text even when they start with '#' (as VTL templates' do).
func scanLines(src []byte) []srcLine {
	var out []srcLine
	var quote byte // the quote of a string left open at the end of a line
	inBlock, blockIndent := false, 0
	for start := 0; start < len(src); {
		var l srcLine
		l, start = nextLine(src, start)
		text := src[l.start:l.end]
		blank := len(bytes.TrimSpace(text)) == 0
		if inBlock {
			if blank || l.indent > blockIndent {
				l.kind = lineContent
				out = append(out, l)
				continue
			}
			inBlock = false
		}
		if quote == 0 && blank {
			out = append(out, l)
			continue
		}
		if quote == 0 && l.indent == 0 && (bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("..."))) &&
			(len(text) == 3 || text[3] == ' ' || text[3] == '\t') {
			// A document marker; whatever follows "---" is rare enough to
			// read as code.
			l.kind = lineCode
			out = append(out, l)
			continue
		}
		i := 0
		continued := quote != 0
		prev, prevAt := byte(0), -1 // last non-space character before i, and where
		if continued {
			j, closed := closeQuote(text, 0, quote)
			if !closed {
				l.kind = lineContent
				out = append(out, l)
				continue
			}
			prev, prevAt, i, quote = text[j], j, j+1, 0
		}
	scan:
		for i < len(text) {
			c := text[i]
			switch {
			case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t'):
				l.comment = l.start + i
				break scan
			case (c == '"' || c == '\'') && opensQuote(text, prev, prevAt, i):
				j, closed := closeQuote(text, i+1, c)
				if !closed {
					quote = c
					i = len(text)
					break scan
				}
				prev, prevAt, i = c, j, j+1
				continue
			}
			if c != ' ' && c != '\t' {
				prev, prevAt = c, i
			}
			i++
		}
		codeEnd := len(text)
		if l.comment >= 0 {
			codeEnd = l.comment - l.start
		}
		code := bytes.TrimRight(text[:codeEnd], " \t")
		switch {
		case continued:
			l.kind = lineContent
		case len(bytes.TrimSpace(code)) == 0:
			l.kind = lineComment
		default:
			l.kind = lineCode
		}
		if quote == 0 && l.kind == lineCode {
			l.openValue = bytes.HasSuffix(code, []byte(":"))
			rest := code[l.indent:]
			l.dash = len(rest) > 0 && rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t')
			if ind, ok := blockScalarParent(code, l.indent); ok {
				inBlock, blockIndent = true, ind
			}
		}
		out = append(out, l)
	}
	return out
}

// opensQuote reports whether the quote at text[i] starts a quoted scalar
// rather than being a character of a plain one (as in "it's"): it must come
// first on the line, or after an indicator, ':', '[', '{' or ','; a '-' or '?'
// counts only as an indicator followed by a space.
func opensQuote(text []byte, prev byte, prevAt, i int) bool {
	switch prev {
	case 0, ':', '[', '{', ',':
		return true
	case '-', '?':
		return prevAt+1 < i && (prevAt == 0 || text[prevAt-1] == ' ' || text[prevAt-1] == '\t')
	}
	return false
}

// closeQuote finds the quote closing a string that started before text[from],
// with YAML's escapes: a backslash in double quotes, a doubled quote in single quotes.
func closeQuote(text []byte, from int, q byte) (int, bool) {
	for j := from; j < len(text); j++ {
		switch {
		case q == '"' && text[j] == '\\':
			j++
		case text[j] == q && q == '\'' && j+1 < len(text) && text[j+1] == '\'':
			j++
		case text[j] == q:
			return j, true
		}
	}
	return 0, false
}

// blockScalarParent reports whether the code of a line ends with a block
// scalar header (|, >, with chomping and indentation indicators), and if so
// the indentation its content lines must exceed: that of the key ("key: |"),
// of the sequence dash ("- |"), or one less than the header's own when it
// stands alone on its line.
func blockScalarParent(code []byte, indent int) (int, bool) {
	t := bytes.LastIndexAny(code, " \t")
	tok := code[t+1:]
	if len(tok) == 0 || (tok[0] != '|' && tok[0] != '>') {
		return 0, false
	}
	for _, c := range tok[1:] {
		if c != '+' && c != '-' && (c < '0' || c > '9') {
			return 0, false
		}
	}
	before := bytes.TrimRight(code[:t+1], " \t")
	// Skip a tag or anchor written before the header: "key: !!str |".
	for len(before) > 0 {
		s := bytes.LastIndexAny(before, " \t")
		w := before[s+1:]
		if w[0] != '!' && w[0] != '&' {
			break
		}
		before = bytes.TrimRight(before[:s+1], " \t")
	}
	switch {
	case len(before) <= indent:
		return max(indent-1, -1), true
	case before[len(before)-1] == '-':
		return len(before) - 1, true
	}
	// "key: |" or "- key: |": the key starts after any sequence dashes.
	k := indent
	for k+1 < len(code) && code[k] == '-' && (code[k+1] == ' ' || code[k+1] == '\t') {
		k += 2
		for k < len(code) && (code[k] == ' ' || code[k] == '\t') {
			k++
		}
	}
	return k, true
}

// nextLine returns the line of src that starts at byte start (its end
// without the line break, CR LF included, its indentation in spaces, no
// comment yet) and where the next line starts.
func nextLine(src []byte, start int) (srcLine, int) {
	end := bytes.IndexByte(src[start:], '\n')
	next := 0
	if end < 0 {
		end, next = len(src), len(src)
	} else {
		end += start
		next = end + 1
	}
	if end > start && src[end-1] == '\r' {
		end--
	}
	l := srcLine{start: start, end: end, comment: -1}
	for l.start+l.indent < end && src[l.start+l.indent] == ' ' {
		l.indent++
	}
	return l, next
}
