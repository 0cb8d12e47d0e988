package lsp

import (
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// position is an LSP position: a 0-based line and a character offset in
// UTF-16 code units, as the protocol requires by default.
type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

// lineIndex maps apigwlint's positions (1-based lines counted by LF,
// 1-based columns in code points) to LSP's.
type lineIndex struct {
	text   string
	starts []int
}

func newLineIndex(text string) *lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text, starts}
}

// line returns line n (1-based) without its line break; "" past the end.
func (x *lineIndex) line(n int) string {
	if n < 1 || n > len(x.starts) {
		return ""
	}
	end := len(x.text)
	if n < len(x.starts) {
		end = x.starts[n] - 1
	}
	return strings.TrimSuffix(x.text[x.starts[n-1]:end], "\r")
}

// position converts a 1-based line and code-point column. A column past the
// line's end stays at the end.
func (x *lineIndex) position(line, col int) position {
	if line < 1 {
		line, col = 1, 1
	}
	if line > len(x.starts) {
		line = len(x.starts)
	}
	text := x.line(line)
	units := 0
	for i, c := 0, 1; i < len(text) && c < col; c++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r >= 0x10000 {
			units += 2 // a surrogate pair
		} else {
			units++
		}
		i += size
	}
	return position{Line: line - 1, Character: units}
}

// offsetPosition converts a byte offset of the text (the loader drops a
// byte order mark, and an editor's text has none in front) to a position.
func (x *lineIndex) offsetPosition(off int) position {
	off = max(0, min(off, len(x.text)))
	line := sort.SearchInts(x.starts, off+1) - 1
	units := 0
	for _, r := range x.text[x.starts[line]:off] {
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
	}
	return position{Line: line, Character: units}
}

// span converts a finding's span; an unknown end ends the range at the
// end of the start line, so that an editor underlines something.
func (x *lineIndex) span(line, col, endLine, endCol int) lspRange {
	start := x.position(line, col)
	if endLine == 0 {
		end := x.position(line, col+utf8.RuneCountInString(x.line(line)))
		if end.Character == start.Character {
			end.Character++ // an empty line: one character wide
		}
		return lspRange{start, end}
	}
	return lspRange{start, x.position(endLine, endCol)}
}

// uriPath returns the file path of a file:// URI, or the URI itself for
// another scheme (an untitled buffer), which is then only a name.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/x on Windows
		p = p[1:]
	}
	return filepath.FromSlash(p)
}
