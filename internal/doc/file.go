package doc

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
)

// File is one parsed input file: its text, its tree and what the loader
// noticed while building the tree. Positions are read from the text.
type File struct {
	Path string // the path as shown to the user (slash-separated)
	Src  []byte // the bytes as read (after a leading BOM is dropped)
	// BOM is the length of the byte order mark dropped before Src (0 or
	// 3): what a byte offset of Src is short of an offset in the file.
	BOM  int
	Root *Node // the first document's content node; nil for an empty file
	// Later are documents after the first, which are not checked: the
	// first that is not empty and the first with API content, when there
	// are such. LaterCount is the number of non-empty later documents.
	Later      []LaterDoc
	LaterCount int
	// Duplicates are the keys written again later in their mapping, which
	// Parse drops from the tree (see dropDuplicates).
	Duplicates []Duplicate
	// Refs are the mappings written with a $ref key, in document order
	// (found by the same walk as the duplicates).
	Refs []*Node

	lineOnce   sync.Once
	lineStarts []uint32      // byte offset at which each line starts (Parse refuses 4 GiB)
	longLines  map[int][]int // checkpoints of long lines, see checkpoints
	longMu     sync.Mutex
}

// Duplicate is a key written again later in the same mapping. The loader
// keeps the last one, as most parsers do, and drops the earlier ones from
// the tree, so that every walk (Pairs included) and every JSON pointer agree
// on which value counts. The duplicate-key rule reports them.
type Duplicate struct {
	Key, Value *Node  // the dropped key and its value
	Last       *Node  // the key written last, which is kept
	LastValue  *Node  // its value
	Pointer    string // JSON pointer of the key (naming the kept value)
}

// LaterDoc is a YAML document after the first one of a file. apigwlint
// checks only the first document; the rules say so when a later one holds
// something (see File.Later).
type LaterDoc struct {
	Index     int     // 2 for the second document of the file, and so on
	Line, Col int     // where it starts: its --- marker
	Content   Content // what it holds, as the first document would be judged
	Err       string  // why it does not parse; the documents after it are not read
}

// indexLines finds where each line starts, once: the one line index of the
// file, shared by every position asked of it.
func (f *File) indexLines() {
	f.lineOnce.Do(func() {
		f.lineStarts = make([]uint32, 1, bytes.Count(f.Src, []byte{'\n'})+1)
		for i := 0; ; {
			j := bytes.IndexByte(f.Src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			f.lineStarts = append(f.lineStarts, uint32(i))
		}
	})
}

// offset returns the byte offset of a 1-based line and column, or -1.
func (f *File) offset(line, col int) int {
	f.indexLines()
	if line < 1 || line > len(f.lineStarts) || col < 1 {
		return -1
	}
	off := int(f.lineStarts[line-1])
	c := 1
	if cps := f.checkpoints(line); cps != nil {
		i := min((col-1)/checkpointEvery, len(cps)-1)
		off, c = cps[i], i*checkpointEvery+1
	}
	for ; c < col; c++ {
		if off >= len(f.Src) || f.Src[off] == '\n' {
			return -1
		}
		_, size := utf8.DecodeRune(f.Src[off:])
		off += size
	}
	return off
}

// checkpointEvery is the spacing, in characters, of the byte offsets kept
// for a long line, so that finding a column on a minified one-line JSON file
// of many megabytes does not rescan the line for every finding.
const checkpointEvery = 1024

// checkpoints returns, for a line longer than a few checkpoints, the byte
// offset of every checkpointEvery-th character; nil for short lines.
func (f *File) checkpoints(line int) []int {
	start := int(f.lineStarts[line-1])
	end := len(f.Src)
	if line < len(f.lineStarts) {
		end = int(f.lineStarts[line])
	}
	if end-start < 4*checkpointEvery {
		return nil
	}
	f.longMu.Lock() // rules of one file may run in parallel
	defer f.longMu.Unlock()
	if cps, ok := f.longLines[line]; ok {
		return cps
	}
	var cps []int
	for off, c := start, 0; off < end; c++ {
		if c%checkpointEvery == 0 {
			cps = append(cps, off)
		}
		_, size := utf8.DecodeRune(f.Src[off:])
		off += size
	}
	if f.longLines == nil {
		f.longLines = map[int][]int{}
	}
	f.longLines[line] = cps
	return cps
}

// Span is a located region of the source. End is exclusive (the column after
// the last character) and zero when the end is not known exactly.
type Span struct {
	Line, Col       int
	EndLine, EndCol int
}

// SpanOf returns where node n stands in the source. For a scalar written on
// one line (plain or quoted) the end is exact; for anything else only the
// start is given. A tag or anchor written before the value is skipped, so the
// span covers the value itself.
func (f *File) SpanOf(n *Node) Span {
	if n == nil {
		return Span{Line: 1, Col: 1}
	}
	s := Span{Line: n.Line, Col: n.Column}
	if n.Kind != ScalarNode {
		return s
	}
	off := f.offset(n.Line, n.Column)
	if off < 0 {
		return s
	}
	// skip "!Tag " and "&anchor " prefixes
	for off < len(f.Src) && (f.Src[off] == '!' || f.Src[off] == '&') {
		for off < len(f.Src) && !isSpaceOrEOL(f.Src[off]) {
			off++
			s.Col++
		}
		for off < len(f.Src) && (f.Src[off] == ' ' || f.Src[off] == '\t') {
			off++
			s.Col++
		}
	}
	// "key: !Sub" with the value on a following line (a comment may follow
	// the tag): the value starts there.
	if s.Col != n.Column {
	skip:
		for off < len(f.Src) {
			switch c := f.Src[off]; c {
			case '#':
				for off < len(f.Src) && f.Src[off] != '\n' {
					off++
				}
			case '\n':
				off++
				s.Line, s.Col = s.Line+1, 1
			case ' ', '\t', '\r':
				off++
				s.Col++
			default:
				break skip
			}
		}
	}
	if off >= len(f.Src) {
		return Span{Line: n.Line, Col: n.Column}
	}
	width := scalarWidth(f.Src[off:], n)
	if width > 0 {
		s.EndLine, s.EndCol = s.Line, s.Col+width
	}
	return s
}

func isSpaceOrEOL(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scalarWidth returns the width in characters of the scalar token at the
// start of b, or 0 when it does not end on the same line.
func scalarWidth(b []byte, n *Node) int {
	switch b[0] {
	case '"':
		for i, w := 1, 1; i < len(b); w++ {
			switch b[i] {
			case '\n':
				return 0
			case '\\':
				i += 2
				w++
				continue
			case '"':
				return w + 1
			}
			_, size := utf8.DecodeRune(b[i:])
			i += size
		}
		return 0
	case '\'':
		for i, w := 1, 1; i < len(b); w++ {
			switch b[i] {
			case '\n':
				return 0
			case '\'':
				if i+1 < len(b) && b[i+1] == '\'' {
					i += 2
					w++
					continue
				}
				return w + 1
			}
			_, size := utf8.DecodeRune(b[i:])
			i += size
		}
		return 0
	case '|', '>':
		return 0
	}
	if strings.Contains(n.Value, "\n") || !bytes.HasPrefix(b, []byte(n.Value)) {
		return 0
	}
	return utf8.RuneCountInString(n.Value)
}

// Offset returns the byte offset in Src of a 1-based line and column, or
// -1 when the file has no such position.
func (f *File) Offset(line, col int) int { return f.offset(line, col) }

// ValueBytes returns the bytes of Src that hold scalar n as written: its
// token, quotes included, without a tag or an anchor before it. ok is
// false when the token spans lines (a block scalar, a folded plain
// scalar), whose bytes an edit could not replace safely.
func (f *File) ValueBytes(n *Node) (start, end int, ok bool) {
	s := f.SpanOf(n)
	if n == nil || n.Kind != ScalarNode || s.EndLine == 0 || s.EndLine != s.Line {
		return 0, 0, false
	}
	start, end = f.offset(s.Line, s.Col), f.offset(s.EndLine, s.EndCol)
	if end < 0 && start >= 0 { // the value ends the file, with no line break after it
		end = len(f.Src)
		if c := utf8.RuneCount(f.Src[start:]); c != s.EndCol-s.Col {
			return 0, 0, false
		}
	}
	return start, end, start >= 0 && end > start
}
