package doc_test

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
)

// TestPositionIn locates text inside scalars written in every style, and
// gives no position where the text cannot be mapped back exactly.
func TestPositionIn(t *testing.T) {
	tests := []struct {
		name, src string
		key       string // the key whose value is the template
		needle    string // the text to locate in the value
		line, col int    // 0 when no exact position may be given
	}{
		{name: "literal", src: "a: |\n  x\n  #end\n", key: "a", needle: "#end", line: 3, col: 3},
		{name: "literal keeps inner indentation", src: "a: |\n  x\n    #end\n", key: "a", needle: "#end", line: 3, col: 5},
		{name: "literal with indicator and comment", src: "a: |2- # note\n    x #end\n", key: "a", needle: "#end", line: 2, col: 7},
		{name: "tagged literal", src: "a: !Sub |\n  ${X}\n  #end\n", key: "a", needle: "#end", line: 3, col: 3},
		{name: "crlf", src: "a: |\r\n  x\r\n  #end\r\n", key: "a", needle: "#end", line: 3, col: 3},
		{name: "plain", src: "a: x.#end\n", key: "a", needle: "#end", line: 1, col: 6},
		{name: "double quoted with escapes", src: `a: "\"\U0001F600\" \n#end"` + "\n", key: "a", needle: "#end", line: 1, col: 22},
		{name: "double quoted multi-byte", src: "a: \"é\\t#end\"\n", key: "a", needle: "#end", line: 1, col: 8},
		{name: "single quoted", src: "a: 'it''s #end'\n", key: "a", needle: "#end", line: 1, col: 11},
		{name: "json", src: `{"a": "x\n#end"}`, key: "a", needle: "#end", line: 1, col: 11},
		{name: "folded", src: "a: >\n  x\n  #end\n", key: "a", needle: "#end"},
		{name: "double quoted over two lines", src: "a: \"x\n  #end\"\n", key: "a", needle: "#end"},
		{name: "plain over two lines", src: "a: x\n  y#end\n", key: "a", needle: "#end"},
		{name: "tag on its own line", src: "a: !Sub\n  |\n  x #end\n", key: "a", needle: "#end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := loader.Parse("t.yaml", []byte(tt.src), loader.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			_, v := doc.Get(f.Root, tt.key)
			off := strings.Index(v.Value, tt.needle)
			if off < 0 {
				t.Fatalf("%q not in %q", tt.needle, v.Value)
			}
			line, col, ok := f.PositionIn(v, off)
			if tt.line == 0 {
				if ok {
					t.Errorf("got %d:%d, want no exact position", line, col)
				}
				return
			}
			if !ok || line != tt.line || col != tt.col {
				t.Errorf("got %d:%d (ok %v), want %d:%d", line, col, ok, tt.line, tt.col)
			}
		})
	}
}

func TestUnescape(t *testing.T) {
	for esc, want := range map[string]struct {
		r rune
		n int
	}{
		`\ud83d\ude00x`: {0x1f600, 12}, // a JSON surrogate pair is one code point
		`\ud83dx`:       {0xfffd, 6},   // a lone surrogate, as the loader reads it
		`\U0001F600`:    {0x1f600, 10},
		`\x41`:          {'A', 4},
		`\/`:            {'/', 2},
	} {
		r, n, ok := doc.Unescape(esc)
		if !ok || r != want.r || n != want.n {
			t.Errorf("%s: got %U %d %v, want %U %d", esc, r, n, ok, want.r, want.n)
		}
	}
	if _, _, ok := doc.Unescape(`\q`); ok {
		t.Error(`\q decoded`)
	}
}
