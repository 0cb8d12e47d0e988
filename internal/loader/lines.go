package loader

import (
	"bytes"

	yaml "go.yaml.in/yaml/v4"
)

// The YAML parser ends a line at CR, LF, CRLF and also at NEL (U+0085), LS
// (U+2028) and PS (U+2029), as YAML 1.1 did. apigwlint's lines are those of
// editors, git and the JSON parser: only LF ends a line (CRLF is LF with a
// CR before it). So a lone CR, or an LS in a description pasted from a word
// processor, shifted every position after it down a line, past the end of
// the file at the last line. yamlLines maps the parser's positions back.

// yamlLineStart is where, in apigwlint's lines and code-point columns, a
// line of the YAML parser starts.
type yamlLineStart struct{ line, col int }

// yamlBreaks reports whether text has a line break other than LF and CRLF,
// the only case where the parser's lines differ from apigwlint's.
func yamlBreaks(text []byte) bool {
	for i := bytes.IndexByte(text, '\r'); i >= 0; {
		if i+1 >= len(text) || text[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(text[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return bytes.Contains(text, []byte("\u0085")) || bytes.Contains(text, []byte("\u2028")) || bytes.Contains(text, []byte("\u2029"))
}

// yamlLineStarts returns, for each line of the YAML parser, where it starts.
func yamlLineStarts(text []byte) []yamlLineStart {
	starts := []yamlLineStart{{1, 1}}
	line, col := 1, 1
	for i := 0; i < len(text); {
		switch {
		case text[i] == '\n':
			line, col = line+1, 1
			starts = append(starts, yamlLineStart{line, col})
			i++
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			col++ // the CR of a CRLF: one break, at the LF
			i++
		case text[i] == '\r':
			col++
			starts = append(starts, yamlLineStart{line, col})
			i++
		case bytes.HasPrefix(text[i:], []byte("\u0085")), bytes.HasPrefix(text[i:], []byte("\u2028")), bytes.HasPrefix(text[i:], []byte("\u2029")):
			col++
			starts = append(starts, yamlLineStart{line, col})
			if text[i] == 0xc2 {
				i += 2
			} else {
				i += 3
			}
		default:
			if text[i]&0xc0 != 0x80 {
				col++
			}
			i++
		}
	}
	return starts
}

// realPos maps a 1-based line and column of the YAML parser to apigwlint's.
func (f *parse) realPos(line, col int) (int, int) {
	if f.yamlLines == nil || line < 1 || line > len(f.yamlLines) || col < 1 {
		return line, col
	}
	s := f.yamlLines[line-1]
	return s.line, s.col + col - 1
}

// remapLines moves every node written in the tree to apigwlint's lines.
func (f *parse) remapLines(n *yaml.Node) {
	if n == nil {
		return
	}
	n.Line, n.Column = f.realPos(n.Line, n.Column)
	for _, c := range n.Content {
		f.remapLines(c) // an alias's target is written, and moved, elsewhere
	}
}
