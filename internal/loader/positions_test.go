package loader

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// TestPositions checks the line and column of keys and values in inputs
// whose text makes positions easy to get wrong. Columns are 1-based and
// count Unicode code points of the original text (a tab is one column, a
// BOM is not a column). The expected numbers were counted by hand and
// cross-checked with Python's code-point string indexes.
func TestPositions(t *testing.T) {
	type at struct{ line, col int }
	tests := []struct {
		file, path string
		key, val   at
		endCol     int // exclusive end column of the value on its line
	}{
		// Everything on one line, no spaces.
		{"positions/minified.json", "openapi", at{1, 2}, at{1, 12}, 19},
		{"positions/minified.json", "paths|/a|get|x-amazon-apigateway-integration", at{1, 77}, at{1, 111}, 0},
		{"positions/minified.json", "paths|/a|get|x-amazon-apigateway-integration|type", at{1, 112}, at{1, 119}, 125},
		{"positions/minified.json", "paths|/a|get|x-amazon-apigateway-integration|httpMethod", at{1, 156}, at{1, 169}, 174},
		// Tab indentation: each tab is one column.
		{"positions/tabs.json", "openapi", at{2, 2}, at{2, 13}, 20},
		{"positions/tabs.json", "paths|/a|get|x-amazon-apigateway-integration", at{7, 5}, at{7, 40}, 0},
		{"positions/tabs.json", "paths|/a|get|x-amazon-apigateway-integration|type", at{8, 6}, at{8, 14}, 20},
		{"positions/tabs.json", "paths|/a|get|x-amazon-apigateway-integration|uri", at{9, 6}, at{9, 13}, 36},
		// "\/" escapes are two columns each in the source.
		{"positions/slash-escapes.json", "paths|/a|get|x-amazon-apigateway-integration|uri", at{5, 5}, at{5, 12}, 41},
		{"positions/slash-escapes.json", "paths|/a|get|x-amazon-apigateway-integration|type", at{5, 43}, at{5, 51}, 57},
		{"positions/slash-escapes.json", "paths|/a|get|x-amazon-apigateway-integration|httpMethod", at{5, 59}, at{5, 73}, 78},
		// "é€𝄞" is 3 code points (2, 3 and 4 bytes; 𝄞 is 2 UTF-16 units).
		{"positions/non-ascii.json", "paths|/a|get|x-amazon-apigateway-integration|requestTemplates|application/json", at{5, 26}, at{5, 46}, 51},
		{"positions/non-ascii.json", "paths|/a|get|x-amazon-apigateway-integration|type", at{5, 54}, at{5, 62}, 68},
		{"positions/non-ascii.json", "paths|/a|get|x-amazon-apigateway-integration|uri", at{5, 70}, at{5, 77}, 100},
		// "\ud83d\ude00" is 12 columns of source. Strict JSON is read by the
		// JSON parser, which takes surrogate pairs as they are written.
		{"positions/surrogates.json", "paths|/a|get|x-amazon-apigateway-integration|requestTemplates|application/json", at{5, 26}, at{5, 46}, 77},
		{"positions/surrogates.json", "paths|/a|get|x-amazon-apigateway-integration|type", at{5, 80}, at{5, 88}, 94},
		{"positions/surrogates.json", "paths|/a|get|x-amazon-apigateway-integration|uri", at{5, 96}, at{5, 103}, 117},
		{"positions/surrogates.json", "paths|/a|get|x-amazon-apigateway-integration|httpMethod", at{5, 119}, at{5, 133}, 138},
		// Not strict JSON (a trailing comma): the YAML parser reads it, after the
		// loader rewrote each pair to a 10-character escape, and columns must be
		// mapped back to the original text.
		{"positions/surrogates-lenient.json", "paths|/a|get|x-amazon-apigateway-integration|requestTemplates|application/json", at{5, 26}, at{5, 46}, 77},
		{"positions/surrogates-lenient.json", "paths|/a|get|x-amazon-apigateway-integration|type", at{5, 80}, at{5, 88}, 94},
		{"positions/surrogates-lenient.json", "paths|/a|get|x-amazon-apigateway-integration|uri", at{5, 96}, at{5, 103}, 117},
		{"positions/surrogates-lenient.json", "paths|/a|get|x-amazon-apigateway-integration|httpMethod", at{5, 119}, at{5, 133}, 138},
		// A UTF-8 BOM is dropped: the first key is at column 1 (YAML) or 2 (JSON).
		{"positions/bom.yaml", "openapi", at{1, 1}, at{1, 10}, 15},
		{"positions/bom.yaml", "paths|/a|get|x-amazon-apigateway-integration|uri", at{6, 53}, at{6, 58}, 81},
		{"positions/bom.json", "openapi", at{1, 2}, at{1, 13}, 20},
		{"positions/bom.json", "paths|/a|get|x-amazon-apigateway-integration|type", at{1, 83}, at{1, 91}, 97},
		// CRLF line ends: the CR is not part of the value.
		{"positions/crlf.yaml", "openapi", at{1, 1}, at{1, 10}, 15},
		{"positions/crlf.yaml", "paths|/a|get|x-amazon-apigateway-integration|uri", at{10, 9}, at{10, 14}, 35},
		{"positions/crlf.yaml", "paths|/a|get|x-amazon-apigateway-integration|httpMethod", at{14, 9}, at{14, 21}, 24},
	}
	for _, tt := range tests {
		t.Run(tt.file+":"+tt.path, func(t *testing.T) {
			f := mustParse(t, tt.file)
			k, v := lookup(t, f.Root, tt.path)
			if got := (at{k.Line, k.Column}); got != tt.key {
				t.Errorf("key at %v, want %v", got, tt.key)
			}
			if got := (at{v.Line, v.Column}); got != tt.val {
				t.Errorf("value at %v, want %v", got, tt.val)
			}
			s := f.SpanOf(v)
			want := doc.Span{Line: tt.val.line, Col: tt.val.col}
			if tt.endCol > 0 {
				want.EndLine, want.EndCol = tt.val.line, tt.endCol
			}
			if s != want {
				t.Errorf("SpanOf(value) = %+v, want %+v", s, want)
			}
		})
	}
}

// TestDecodedValues checks that the rewriting done for positions does not
// change what values mean.
func TestDecodedValues(t *testing.T) {
	tests := []struct{ file, path, want string }{
		{"positions/slash-escapes.json", "paths|/a|get|x-amazon-apigateway-integration|uri", "https://example.com/a/b"},
		{"positions/non-ascii.json", "paths|/a|get|x-amazon-apigateway-integration|requestTemplates|application/json", "é€𝄞"},
		{"positions/surrogates.json", "paths|/a|get|x-amazon-apigateway-integration|requestTemplates|application/json", "😀 and 😀"},
		{"positions/surrogates.json", "paths|/a|get|x-amazon-apigateway-integration|uri", "😀"},
		{"positions/crlf.yaml", "paths|/a|get|x-amazon-apigateway-integration|requestTemplates|application/json", "{\"a\": 1}\n"},
		{"positions/span.yaml", "paths|/a|get|x-amazon-apigateway-integration|httpMethod", `P"OéT`},
	}
	for _, tt := range tests {
		f := mustParse(t, tt.file)
		if _, v := lookup(t, f.Root, tt.path); v.Value != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.file, tt.path, v.Value, tt.want)
		}
	}
}

// TestSourceKeepsOriginalText checks that File.Src is the text as written
// (minus a BOM), not the text rewritten for the parser, since spans and
// snippets are computed from it.
func TestSourceKeepsOriginalText(t *testing.T) {
	f := mustParse(t, "positions/surrogates.json")
	if want := `"\ud83d\ude00"`; !containsBytes(f.Src, want) {
		t.Errorf("Src lost the original escape %s", want)
	}
	f = mustParse(t, "positions/bom.yaml")
	if string(f.Src[:7]) != "openapi" {
		t.Errorf("Src starts with %q, want the BOM dropped", f.Src[:7])
	}
}

func containsBytes(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}

// TestSpanOfScalarStyles checks the end column SpanOf gives for each scalar
// style (exclusive, in code points), that a tag or anchor before the value
// is skipped, and that values spanning lines (block scalars, multi-line
// quoted or plain scalars) get no end.
func TestSpanOfScalarStyles(t *testing.T) {
	f := mustParse(t, "positions/span.yaml")
	const in = "paths|/a|get|x-amazon-apigateway-integration|"
	tests := []struct {
		path string
		want doc.Span
	}{
		{"type", doc.Span{Line: 7, Col: 15, EndLine: 7, EndCol: 24}},                  // plain: aws_proxy
		{"uri", doc.Span{Line: 8, Col: 14, EndLine: 8, EndCol: 26}},                   // single-quoted with '' inside
		{"httpMethod", doc.Span{Line: 9, Col: 21, EndLine: 9, EndCol: 34}},            // double-quoted with \" and \u00e9
		{"credentials", doc.Span{Line: 10, Col: 27, EndLine: 10, EndCol: 66}},         // !Sub 'x': the span is the quoted string
		{"connectionId", doc.Span{Line: 11, Col: 30, EndLine: 11, EndCol: 34}},        // !Ref   Link: spaces after the tag
		{"cacheNamespace", doc.Span{Line: 12, Col: 31, EndLine: 12, EndCol: 35}},      // &ns   café: anchor skipped, é is one column
		{"passthroughBehavior", doc.Span{Line: 14, Col: 30, EndLine: 14, EndCol: 45}}, // a trailing comment is not included
		{"timeoutInMillis", doc.Span{Line: 15, Col: 26, EndLine: 15, EndCol: 31}},     // an integer
		{"connectionType", doc.Span{Line: 25, Col: 31, EndLine: 25, EndCol: 39}},      // !!str INTERNET
		{"integrationTarget", doc.Span{Line: 27, Col: 11, EndLine: 27, EndCol: 54}},   // !Sub, a comment, the value on the next line
		{"requestTemplates|application/json", doc.Span{Line: 17, Col: 29}},            // literal block |
		{"requestTemplates|text/plain", doc.Span{Line: 19, Col: 23}},                  // folded block >-
		{"requestTemplates|text/xml", doc.Span{Line: 21, Col: 21}},                    // double-quoted over two lines
		{"requestTemplates|text/csv", doc.Span{Line: 23, Col: 21}},                    // plain over two lines
	}
	for _, tt := range tests {
		_, v := lookup(t, f.Root, in+tt.path)
		if got := f.SpanOf(v); got != tt.want {
			t.Errorf("%s: SpanOf = %+v, want %+v", tt.path, got, tt.want)
		}
	}
	// Flow sequence items.
	_, seq := lookup(t, f.Root, in+"cacheKeyParameters")
	want := []doc.Span{{Line: 13, Col: 31, EndLine: 13, EndCol: 34}, {Line: 13, Col: 37, EndLine: 13, EndCol: 40}, {Line: 13, Col: 43, EndLine: 13, EndCol: 44}}
	for i, item := range seq.Content {
		if got := f.SpanOf(item); got != want[i] {
			t.Errorf("cacheKeyParameters[%d]: SpanOf = %+v, want %+v", i, got, want[i])
		}
	}
	// Collections get a start only; a nil node points at the file's start.
	_, m := lookup(t, f.Root, in+"requestTemplates")
	if got := f.SpanOf(m); got != (doc.Span{Line: 17, Col: 11}) {
		t.Errorf("mapping: SpanOf = %+v, want start only at 17:11", got)
	}
	if got := f.SpanOf(nil); got != (doc.Span{Line: 1, Col: 1}) {
		t.Errorf("SpanOf(nil) = %+v, want 1:1", got)
	}
}
