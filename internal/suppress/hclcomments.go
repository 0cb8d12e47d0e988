package suppress

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// isHCL reports whether a file is Terraform in its native syntax, whose
// comments are HCL's: # and // to the end of the line (and /* */, which
// carries no directive).
func isHCL(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), ".tf")
}

// scanHCLLines is scanLines for HCL: the lines of src as the suppression
// scanner sees them, with the comments HCL's own lexer finds, so that a #
// or // inside a string or a heredoc is text. A line is code when a token
// starts on it; the lines of a heredoc (its closing marker included) and
// the further lines of a token that spans several are content, which a
// directive above the attribute reaches whatever their indentation.
// Terraform is indented by nesting, as YAML is, so reach applies as it is:
// a directive covers the line it is on, or the next line of code, and the
// lines below indented deeper (a block's body, an object's items).
func scanHCLLines(src []byte) []srcLine {
	var out []srcLine
	for start := 0; start < len(src); {
		var l srcLine
		l, start = nextLine(src, start)
		out = append(out, l)
	}
	code := make([]bool, len(out))
	content := make([]bool, len(out))
	comment := make([]bool, len(out))
	line := func(n int) int { return min(max(n-1, 0), len(out)-1) }
	toks, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	heredoc := false
	for _, tok := range toks {
		if len(out) == 0 {
			break
		}
		r := tok.Range
		first, last := line(r.Start.Line), line(r.End.Line)
		if r.End.Column == 1 && r.End.Line > r.Start.Line {
			last = line(r.End.Line - 1) // a line comment ends after its line break
		}
		switch tok.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
		case hclsyntax.TokenComment:
			at := r.Start.Byte
			mark := 0
			switch {
			case at < len(src) && src[at] == '#':
				mark = 1
			case at+1 < len(src) && src[at] == '/' && src[at+1] == '/':
				mark = 2
			}
			if mark > 0 && out[first].comment < 0 {
				out[first].comment, out[first].mark = at, mark
			}
			for i := first; i <= last; i++ {
				comment[i] = true
			}
		case hclsyntax.TokenOHeredoc:
			heredoc = true
			code[first] = true
		case hclsyntax.TokenCHeredoc:
			heredoc = false
			for i := first; i <= last; i++ {
				content[i] = true
			}
		default:
			if heredoc {
				for i := first; i <= last; i++ {
					content[i] = true
				}
				continue
			}
			code[first] = true
			for i := first + 1; i <= last; i++ {
				content[i] = true
			}
		}
	}
	for i := range out {
		switch {
		case code[i]:
			out[i].kind = lineCode
		case content[i]:
			out[i].kind = lineContent
			out[i].comment = -1
		case comment[i]:
			out[i].kind = lineComment
		default:
			out[i].kind = lineBlank
		}
	}
	return out
}
