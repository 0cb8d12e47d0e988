// Package loader turns the bytes of one input file into the integrations it
// holds. It parses every input (YAML and JSON alike) into a doc tree once
// (strict JSON and most YAML with scanners of its own, other YAML with the
// YAML library), so that every value keeps its exact line and column, works
// out which of the
// supported shapes the file is (OpenAPI/Swagger, a CloudFormation or SAM
// template embedding one, put-integration input JSON, get-integration output
// JSON), and normalises the shapes into one Integration model for the rules.
//
// Columns are 1-based and count Unicode code points (a tab is one column), as
// the YAML parser does; SARIF output declares columnKind "unicodeCodePoints".
package loader

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/doc"
	yaml "go.yaml.in/yaml/v4"
	"go.yaml.in/yaml/v4/plugin/loaderlimits"
)

// Limits bound the work done on one file, so that a hostile input fails with
// a clear error instead of exhausting time or memory.
type Limits struct {
	MaxBytes int64 // a larger file is rejected before it is parsed
	MaxDepth int   // nesting depth of mappings and sequences
	// AliasNodes is how many nodes the YAML aliases of a document may stand
	// for in all, at least; more when the document is large: 10 times the
	// nodes written (see checkAliases).
	AliasNodes int
}

// DefaultLimits are generous enough for the largest generated APIs seen in
// practice (hundreds of MB) and small enough to stop pathological input.
var DefaultLimits = Limits{MaxBytes: 512 << 20, MaxDepth: 1000, AliasNodes: 100_000}

type shift struct{ col, delta int }

// Error is an input error: a file that cannot be read or parsed, with the
// position of the problem when one is known. It is not a finding: it makes
// the run exit 2.
type Error struct {
	Path      string
	Line, Col int // 0 when unknown
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// parse is the state of one Parse: the file being built, and what maps the
// YAML parser's positions back to the text when they differ from it.
type parse struct {
	*doc.File
	// colShift records, per line, edits made to JSON escapes before parsing
	// that changed the text length, so positions can be mapped back.
	colShift map[int][]shift
	// yamlLines maps the YAML parser's lines back when they differ from
	// apigwlint's (see lines.go); nil when they do not.
	yamlLines []yamlLineStart
	hasAlias  bool // the tree has alias nodes (see checkAliases)
}

// LibraryParsed, when not nil, is called when Parse returns after the
// YAML library parsed a text of size bytes (the scanners of this package
// declined it): the library's tree, several times the size of the text
// and copied into the File, is then garbage. The scanners leave next to
// none. A run sets it to collect that garbage at once (internal/lint).
var LibraryParsed func(size int)

// Parse parses src (YAML or JSON) into a File. Only the first YAML document
// of a multi-document stream is read. A panic (a bug) is left to the
// caller: a run makes it an input error of the file (internal/lint). The
// File keeps src (positions are read from it, and JSON values share its
// bytes), so the caller must not modify src afterwards.
func Parse(path string, src []byte, lim Limits) (f *doc.File, err error) {
	maxBytes := int64(math.MaxUint32) // line offsets are kept as uint32
	if lim.MaxBytes > 0 {
		maxBytes = min(maxBytes, lim.MaxBytes)
	}
	if int64(len(src)) > maxBytes {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes, larger than the limit of %d bytes", len(src), maxBytes)}
	}
	bom := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		src, bom = src[3:], 3
	}
	if line, col, msg := findBadBytes(src); msg != "" {
		return nil, &Error{Path: path, Line: line, Col: col, Msg: msg}
	}
	p := &parse{File: &doc.File{Path: path, Src: src, BOM: bom}}
	text := src
	depth := lim.MaxDepth
	if depth <= 0 {
		depth = DefaultLimits.MaxDepth
	}
	var jsonErr *jsonError
	if looksLikeJSON(src) {
		// Strict JSON takes the fast path. Anything else that starts like
		// JSON (YAML flow style, trailing commas) goes to the YAML parser,
		// and if that fails too the JSON error, being the more precise,
		// is the one reported.
		root, jerr := parseJSON(src, depth)
		if jerr == nil {
			p.Root = root
			p.dropDuplicates()
			return p.File, nil
		}
		jsonErr = jerr
		text, p.colShift = fixJSONEscapes(src)
	}
	if yamlBreaks(text) {
		p.yamlLines = yamlLineStarts(text)
	} else if useFastYAML && p.colShift == nil {
		// In pieces on all cores when the text is large, else (or when
		// that declines) whole, else (below) with the library.
		root, _, ok := parseFastSplit(text, depth)
		if !ok {
			root, ok, _ = parseFastYAML(text, depth)
		}
		if ok {
			p.Root = root
			return p.finish(lim)
		}
	}
	if LibraryParsed != nil {
		// Deferred: the library's tree is garbage once Parse returns.
		defer LibraryParsed(len(text))
	}
	ydoc, ld, err := loadFirst(text, depth, jsonErr == nil)
	if ld == nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	if err != nil {
		if errors.Is(err, io.EOF) {
			return p.File, nil // empty or whitespace-only file
		}
		if jsonErr != nil {
			return nil, &Error{Path: path, Line: jsonErr.line, Col: jsonErr.col, Msg: "cannot parse JSON: " + jsonErr.msg}
		}
		return nil, p.loadError(err)
	}
	var yroot *yaml.Node
	if ydoc.Kind == yaml.DocumentNode && len(ydoc.Content) > 0 {
		yroot = ydoc.Content[0]
	} else if ydoc.Kind != 0 && ydoc.Kind != yaml.DocumentNode {
		yroot = ydoc
	}
	if p.yamlLines != nil {
		p.remapLines(yroot)
	}
	if p.colShift != nil && yroot != nil {
		p.unshift(yroot, map[*yaml.Node]bool{})
	}
	p.Root = fromYAML(yroot)
	if _, err := p.finish(lim); err != nil {
		return nil, err
	}
	p.readLaterDocs(ld)
	return p.File, nil
}

// finish checks the tree of the first document, whichever path built it.
// One walk of the written tree drops duplicate keys and notes whether
// there are aliases at all; only then are they checked (the walk does not
// follow them, so an alias bomb cannot hurt it).
func (p *parse) finish(lim Limits) (*doc.File, error) {
	p.dropDuplicates()
	if p.hasAlias {
		if e := p.checkAliases(lim); e != nil {
			return nil, e
		}
	}
	return p.File, nil
}

// loadFirst parses the first YAML document of text: in pieces when it may
// (see parseSplit), else whole. ld is the loader that later documents are
// read from; it is nil when none could be made, with err saying why.
func loadFirst(text []byte, depth int, maySplit bool) (doc *yaml.Node, ld *yaml.Loader, err error) {
	if maySplit {
		if doc, ld, ok := parseSplit(text, depth); ok {
			return doc, ld, nil
		}
	}
	ld, err = newLoader(text, depth)
	if err != nil {
		return nil, nil, err
	}
	doc = new(yaml.Node)
	return doc, ld, ld.Load(doc)
}

// newLoader reads YAML documents from text, nested at most depth deep.
func newLoader(text []byte, depth int) (*yaml.Loader, error) {
	return yaml.NewLoader(bytes.NewReader(text), yaml.WithPlugin(loaderlimits.New(loaderlimits.DepthValue(depth))))
}

// loadError converts a YAML parser error into an Error with its position.
func (f *parse) loadError(err error) *Error {
	e := &Error{Path: f.Path, Msg: "cannot parse: " + err.Error()}
	var le *yaml.LoadError
	if errors.As(err, &le) {
		e.Msg = "cannot parse: " + le.Message
		e.Line, e.Col = f.realPos(le.Mark.Line, le.Mark.Column)
		if e.Line > 0 && e.Col > 0 {
			e.Col = f.mapCol(e.Line, e.Col)
		}
		if le.ContextMsg != "" && le.ContextMark.Line > 0 {
			cl, _ := f.realPos(le.ContextMark.Line, max(le.ContextMark.Column, 1))
			e.Msg += fmt.Sprintf(" (%s at line %d)", le.ContextMsg, min(cl, bytes.Count(f.Src, []byte("\n"))+1))
		}
	}
	var les *yaml.LoadErrors
	if errors.As(err, &les) && len(les.Errors) > 0 {
		first := les.Errors[0]
		e.Msg = "cannot parse: " + first.Message
		e.Line, e.Col = f.realPos(first.Mark.Line, first.Mark.Column)
	}
	// At the end of a file without a final newline the parser reports the
	// start of a line that does not exist: point after the last character.
	if last := bytes.Count(f.Src, []byte("\n")) + 1; e.Line > last {
		e.Line = last
		e.Col = utf8.RuneCount(f.Src[bytes.LastIndexByte(f.Src, '\n')+1:]) + 1
	}
	return e
}

// hasControlByte reports whether src holds a control character other than
// tab, CR and LF. It looks at eight bytes at a time (a byte at a time was
// 8% of parsing a large YAML file in pieces, all of it before the pieces
// start); TestHasControlByte holds it to the byte-wise test.
func hasControlByte(src []byte) bool {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	// zero has the high bit of each byte of x that is 0, exactly (no
	// borrow from a neighbour).
	zero := func(x uint64) uint64 { return ^((x&lows + lows) | x) & highs }
	i := 0
	for ; i+8 <= len(src); i += 8 {
		w := binary.LittleEndian.Uint64(src[i:])
		below := ^((w&lows + 0x6060606060606060) | w) & highs // bytes below 0x20
		allowed := zero(w^('\t'*ones)) | zero(w^('\n'*ones)) | zero(w^('\r'*ones))
		if below&^allowed != 0 || zero(w^(0x7f*ones)) != 0 {
			return true
		}
	}
	for _, c := range src[i:] {
		if isControlByte(c) {
			return true
		}
	}
	return false
}

func isControlByte(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
}

// findBadBytes reports the first byte sequence that no YAML or JSON parser
// accepts: invalid UTF-8 and control characters other than tab, CR and LF.
// The YAML parser rejects these too, but without a position.
func findBadBytes(src []byte) (line, col int, msg string) {
	if utf8.Valid(src) && !hasControlByte(src) {
		return 0, 0, "" // the common case, at memory speed; positions only when needed
	}
	line, col = 1, 1
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line, col = line+1, 1
				i++
				continue
			case c == '\t' || c == '\r':
			case c < 0x20 || c == 0x7f:
				if c == 0 {
					return line, col, "cannot parse: NUL byte (this looks like a binary file)"
				}
				return line, col, fmt.Sprintf("cannot parse: control character 0x%02x is not allowed", c)
			}
			i++
			col++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return line, col, "cannot parse: invalid UTF-8"
		}
		i += size
		col++
	}
	return 0, 0, ""
}

func looksLikeJSON(src []byte) bool {
	t := bytes.TrimLeft(src, " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// fixJSONEscapes rewrites the JSON string escapes a YAML parser rejects: a
// UTF-16 surrogate pair (\ud83d\ude00) becomes one \U0001f600 escape, and a
// lone surrogate becomes \ufffd. It returns the edited text and, per line,
// where the text got shorter, so that node columns can be mapped back.
func fixJSONEscapes(src []byte) ([]byte, map[int][]shift) {
	if !bytes.Contains(src, []byte(`\u`)) && !bytes.Contains(src, []byte(`\U`)) {
		return src, nil
	}
	var out []byte
	var shifts map[int][]shift
	line, col := 1, 1
	for i := 0; i < len(src); {
		c := src[i]
		if c == '\n' {
			out = append(out, c)
			line, col = line+1, 1
			i++
			continue
		}
		if c == '\\' && i+1 < len(src) {
			if hi, ok := hex4(src, i+2, src[i+1]); ok && hi >= 0xd800 && hi <= 0xdfff {
				lo, ok2 := hex4(src, i+8, byteAt(src, i+7))
				if hi <= 0xdbff && byteAt(src, i+6) == '\\' && ok2 && lo >= 0xdc00 && lo <= 0xdfff {
					r := 0x10000 + (hi-0xd800)<<10 + (lo - 0xdc00)
					out = append(out, fmt.Sprintf(`\U%08x`, r)...)
					if shifts == nil {
						shifts = map[int][]shift{}
					}
					shifts[line] = append(shifts[line], shift{col: col + 10, delta: 2})
					i += 12
					col += 12
					continue
				}
				out = append(out, `\ufffd`...)
				i += 6
				col += 6
				continue
			}
			// copy any other escape whole, so that "\\u" is not misread
			out = append(out, c, src[i+1])
			i += 2
			col += 2
			continue
		}
		_, size := utf8.DecodeRune(src[i:])
		out = append(out, src[i:i+size]...)
		i += size
		col++
	}
	if out == nil {
		return src, nil
	}
	return out, shifts
}

func byteAt(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

func hex4(b []byte, at int, u byte) (int, bool) {
	if u != 'u' || at+4 > len(b) {
		return 0, false
	}
	v := 0
	for _, c := range b[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			v = v*16 + int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v*16 + int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v*16 + int(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// mapCol maps a column of the edited text back to the original text.
func (f *parse) mapCol(line, col int) int {
	for _, s := range f.colShift[line] {
		if col >= s.col {
			col += s.delta
		}
	}
	return col
}

func (f *parse) unshift(n *yaml.Node, seen map[*yaml.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	if _, ok := f.colShift[n.Line]; ok {
		n.Column = f.mapCol(n.Line, n.Column)
	}
	for _, c := range n.Content {
		f.unshift(c, seen)
	}
}

// Load parses src and extracts its integrations. The error, when not nil,
// is an *Error with the file's path and the position of the problem.
func Load(path string, src []byte, lim Limits) (*doc.Result, error) {
	f, err := Parse(path, src, lim)
	if err != nil {
		return nil, err
	}
	return doc.Extract(f, Decoder), nil
}
