package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestParseErrors checks that an input the parser rejects gives an *Error
// with the file's path and the line and column of the problem (in code
// points of the original text), and no result.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		file      string
		line, col int
		msg       string
	}{
		// The stream ends inside an object: reported at the end of file.
		{"errors/truncated.json", 5, 1, "unexpected end of file, expected a string key"},
		// `"HTTP" "uri"`: the position is that of the second string.
		{"errors/missing-comma.json", 1, 98, "expected ',' or '}'"},
		// Surrogate pairs before the error count as the characters they are
		// written with.
		{"errors/surrogate-error.json", 1, 84, "expected ',' or '}'"},
		// A tab used for indentation.
		{"errors/tab-indent.yaml", 4, 1, "found character that cannot start any token"},
		{"errors/nul.yaml", 6, 17, "NUL byte"},
		// caf\xe9: a Latin-1 é.
		{"errors/invalid-utf8.yaml", 3, 13, "invalid UTF-8"},
		{"errors/unclosed-quote.yaml", 8, 1, "found unexpected end of stream (while scanning a quoted scalar at line 6)"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(testdata, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Load(tt.file, src, DefaultLimits)
			if r != nil {
				t.Errorf("got a result %+v with the error", r)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want *loader.Error", err, err)
			}
			if e.Path != tt.file || e.Line != tt.line || e.Col != tt.col {
				t.Errorf("error at %s:%d:%d, want %s:%d:%d (%s)", e.Path, e.Line, e.Col, tt.file, tt.line, tt.col, e.Msg)
			}
			if !strings.HasPrefix(e.Msg, "cannot parse") || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q, want it to contain %q", e.Msg, tt.msg)
			}
			if want := tt.file + ":"; !strings.HasPrefix(e.Error(), want) {
				t.Errorf("Error() = %q, want it to start with %q", e.Error(), want)
			}
		})
	}
}

// TestControlCharacters checks characters other than NUL that no YAML or
// JSON file may hold, and that tab, CR and LF are allowed.
func TestControlCharacters(t *testing.T) {
	_, err := Parse("bell.yaml", []byte("a: 1\nb: x\x07y\n"), DefaultLimits)
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || e.Col != 5 || !strings.Contains(e.Msg, "control character 0x07") {
		t.Errorf("BEL: got %v, want an error at 2:5 naming 0x07", err)
	}
	if _, err := Parse("ok.yaml", []byte("a: \"x\ty\"\r\nb: 2\r\n"), DefaultLimits); err != nil {
		t.Errorf("tab and CRLF: %v", err)
	}
}

// TestEmptyInputs checks that empty and whitespace-only files (and a
// lone BOM) are no content, not errors.
func TestEmptyInputs(t *testing.T) {
	for name, src := range map[string]string{
		"empty":      "",
		"spaces":     "   \n\t\n  ",
		"newlines":   "\n\n\n",
		"crlf":       "\r\n\r\n",
		"bom":        "\xef\xbb\xbf",
		"bom+spaces": "\xef\xbb\xbf \n",
		"comment":    "# only a comment\n",
		"doc marker": "---\n",
	} {
		r, err := Load(name, []byte(src), DefaultLimits)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if r.Content != doc.ContentNone || len(r.Integrations) != 0 {
			t.Errorf("%s: content %v with %d integrations, want none", name, r.Content, len(r.Integrations))
		}
	}
}

// TestFirstDocumentOnly checks that only the first document of a YAML
// stream is read, as documented.
func TestFirstDocumentOnly(t *testing.T) {
	src := "openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n---\n" +
		"openapi: 3.0.1\npaths:\n  /b:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n"
	r, err := Load("multi.yaml", []byte(src), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Integrations) != 1 || r.Integrations[0].Op.Path != "/a" {
		t.Errorf("got %d integrations, want only /a from the first document", len(r.Integrations))
	}
}

// TestLimits checks that the size and depth limits reject input with an
// error instead of exhausting resources.
func TestLimits(t *testing.T) {
	_, err := Parse("big.yaml", []byte("a: 123456789\n"), Limits{MaxBytes: 5, MaxDepth: 10})
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "larger than the limit of 5 bytes") {
		t.Errorf("size limit: got %v", err)
	}
	deep := strings.Repeat("[", 50) + strings.Repeat("]", 50)
	if _, err := Parse("deep.json", []byte(deep), Limits{MaxBytes: 1 << 20, MaxDepth: 20}); err == nil {
		t.Errorf("depth 50 with a limit of 20 was accepted")
	}
	if _, err := Parse("deep.json", []byte(deep), DefaultLimits); err != nil {
		t.Errorf("depth 50 under the default limit: %v", err)
	}
	if DefaultLimits.MaxBytes != 512<<20 || DefaultLimits.MaxDepth != 1000 {
		t.Errorf("DefaultLimits changed to %+v: update the README's Limits section", DefaultLimits)
	}
}

// TestMergeKeyBomb checks chains of mappings each merging the previous one
// several times. Walks follow merge keys like any alias, so 8^18 paths
// through the merges are an alias bomb, rejected at once with a located
// error; 4^6 are within the alias limit, and the merged keys are found,
// each merged mapping being visited once.
func TestMergeKeyBomb(t *testing.T) {
	bomb := func(levels, width int) []byte {
		var b strings.Builder
		b.WriteString("openapi: 3.0.1\nx0: &a0 {type: mock}\n")
		for i := 1; i <= levels; i++ {
			ref := fmt.Sprintf("*a%d", i-1)
			fmt.Fprintf(&b, "x%d: &a%d\n  <<: [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(ref+", ", width), ", "))
		}
		fmt.Fprintf(&b, "paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: *a%d\n", levels)
		return []byte(b.String())
	}
	type outcome struct {
		r   *doc.Result
		err error
	}
	load := func(src []byte) outcome {
		done := make(chan outcome, 1)
		go func() {
			r, err := Load("bomb.yaml", src, DefaultLimits)
			done <- outcome{r, err}
		}()
		select {
		case o := <-done:
			return o
		case <-time.After(10 * time.Second):
			t.Fatal("merge keys are walked in exponential time")
		}
		return outcome{}
	}
	o := load(bomb(18, 8))
	var e *Error
	if !errors.As(o.err, &e) || e.Line == 0 || !strings.Contains(e.Msg, "alias bomb") {
		t.Errorf("8^18 merges: got %v, want a located alias bomb error", o.err)
	}
	o = load(bomb(6, 4))
	if o.err != nil || len(o.r.Integrations) != 1 || o.r.Integrations[0].Type() != "MOCK" {
		t.Errorf("4^6 merges: want one MOCK integration through the merges, got %+v, %v", o.r, o.err)
	}
}

// TestErrorAtEndWithoutNewline checks that an error at the end of a file
// that does not end in a newline points after its last character, not at a
// line that does not exist.
func TestErrorAtEndWithoutNewline(t *testing.T) {
	for src, want := range map[string][2]int{
		`{"openapi": "3.0.1", `:       {1, 22},
		"{\n  \"a\": [1, 2,\n  \"é\"": {3, 6},
		"a: 1\nb: [1, 2":              {2, 9},
	} {
		_, err := Parse("x", []byte(src), DefaultLimits)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: no error", src)
			continue
		}
		if e.Line != want[0] || e.Col != want[1] {
			t.Errorf("%q: error at %d:%d, want %d:%d (%s)", src, e.Line, e.Col, want[0], want[1], e.Msg)
		}
	}
}
