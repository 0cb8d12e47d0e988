package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestYAMLLineBreaks checks positions in YAML text with line breaks the
// YAML parser counts and apigwlint (like editors, git and its JSON parser)
// does not: a lone CR, NEL, LS and PS. Only LF ends a line, so the value
// after one of them is on the same line, further right, and never on a
// line past the end of the file; CRLF files are unaffected.
func TestYAMLLineBreaks(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int // of the value of key "t"
	}{
		{"LF", "a: 1\nt: x\n", 2, 4},
		{"CRLF", "a: 1\r\nt: x\r\n", 2, 4},
		{"lone CR", "a: 1\rt: x\r", 1, 9},
		{"LS in a quoted value", "a: \"p\u2028q\"\nt: x\n", 2, 4},
		{"LS in a plain value", "a: p\u2028  q\nt: x\n", 2, 4},
		{"NEL in a comment", "# \u0085\na: 1\nt: x\n", 3, 4},
		{"PS, then CR", "a: 'p\u2029q'\rt: x\n", 1, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("breaks.yaml", []byte(tt.src), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			_, v := doc.Get(f.Root, "t")
			if v == nil {
				t.Fatalf("no key t in %q", tt.src)
			}
			if v.Line != tt.line || v.Column != tt.col {
				t.Errorf("t at %d:%d, want %d:%d", v.Line, v.Column, tt.line, tt.col)
			}
			if s := f.SpanOf(v); s.EndLine != tt.line || s.EndCol != tt.col+1 {
				t.Errorf("span %+v, want to end at %d:%d", s, tt.line, tt.col+1)
			}
		})
	}
	// An error after a lone CR, and a later document.
	_, err := Parse("cr.yaml", []byte("a: 1\rb: [\r"), DefaultLimits)
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 || e.Col < 6 {
		t.Errorf("error in a CR file: %v, want it on line 1", err)
	}
	f, err := Parse("cr.yaml", []byte("openapi: 3.0.1\r---\ropenapi: 3.0.1\r"), DefaultLimits)
	if err != nil || len(f.Later) != 1 || f.Later[0].Line != 1 || f.Later[0].Col != 16 {
		t.Errorf("later document in a CR file: %+v, %v; want it at 1:16", f.Later, err)
	}
}

// TestAliasErrorColumn checks the column of an alias error in JSON-like
// text that goes to the YAML parser with its surrogate pairs rewritten:
// the pair counts as the 12 characters it is written with, once.
func TestAliasErrorColumn(t *testing.T) {
	src := `{"s": "\ud83d\ude00", "a": &x [*x]}`
	_, err := Parse("x.json", []byte(src), DefaultLimits)
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 || e.Col != 32 || !strings.Contains(e.Msg, "alias *x") {
		t.Errorf("got %v, want the recursive alias *x at 1:32", err)
	}
}

// TestHasControlByte holds the word-wise hasControlByte to the byte-wise
// test: every byte value at every position of texts of 1 to 24 bytes.
func TestHasControlByte(t *testing.T) {
	for n := 1; n <= 24; n++ {
		for at := 0; at < n; at++ {
			for c := 0; c < 256; c++ {
				text := bytes.Repeat([]byte{'a'}, n)
				if at > 0 {
					text[at-1] = '\n' // allowed bytes beside it change nothing
				}
				text[at] = byte(c)
				if got, want := hasControlByte(text), isControlByte(byte(c)); got != want {
					t.Fatalf("%q: %v, want %v", text, got, want)
				}
			}
		}
	}
}
