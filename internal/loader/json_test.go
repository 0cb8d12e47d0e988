package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"
)

// TestJSONMatchesYAML parses every JSON file of the repository's testdata
// and of the shared real-world corpus both with the JSON fast path and with
// the YAML parser, and requires identical trees: same kinds, tags, styles,
// values, lines and columns. Rules must not be able to tell which parser
// read a file.
func TestJSONMatchesYAML(t *testing.T) {
	var files []string
	for _, root := range []string{filepath.Join("..", "..", "testdata"), filepath.Join("..", "..", "..", "shared", "corpus", "real")} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
				files = append(files, p)
			}
			return nil
		})
	}
	compared := 0
	for _, p := range files {
		src, _ := os.ReadFile(p)
		src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
		if bytes.Contains(src, []byte(`\u`)) || bytes.Contains(src, []byte(`\U`)) {
			continue // the YAML parser cannot read surrogate pairs: nothing to compare with
		}
		var ydoc yaml.Node
		if yaml.Unmarshal(src, &ydoc) != nil || len(ydoc.Content) == 0 {
			continue
		}
		got, jerr := parseJSON(src, 1000)
		if jerr != nil {
			// Only YAML flow style that is not JSON may fail here.
			continue
		}
		if diff := compareNodes(got, fromYAML(ydoc.Content[0]), "$"); diff != "" {
			t.Errorf("%s: %s", p, diff)
		}
		compared++
	}
	if compared < 5 {
		t.Fatalf("only %d JSON files compared", compared)
	}
}

func compareNodes(a, b *doc.Node, path string) string {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column || a.Style != b.Style {
		return fmt.Sprintf("%s: json %v %s %q %d:%d style %v, yaml %v %s %q %d:%d style %v",
			path, a.Kind, a.Tag, a.Value, a.Line, a.Column, a.Style, b.Kind, b.Tag, b.Value, b.Line, b.Column, b.Style)
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: %d children, yaml has %d", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := compareNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// TestJSONEscapes checks what the YAML parser cannot do: surrogate pairs,
// lone surrogates, and the columns after them.
func TestJSONEscapes(t *testing.T) {
	src := `{"a": "\ud83d\ude00\u00e9\/\n", "b": "\udc00", "c": 1}`
	root, err := parseJSON([]byte(src), 10)
	if err != nil {
		t.Fatal(err.msg)
	}
	if got := root.Content[1].Value; got != "😀é/\n" {
		t.Errorf("a = %q", got)
	}
	if got := root.Content[3].Value; got != "\uFFFD" {
		t.Errorf("b = %q", got)
	}
	if c := root.Content[4]; c.Line != 1 || c.Column != strings.Index(src, `"c"`)+1 {
		t.Errorf("c at %d:%d", c.Line, c.Column)
	}
}

// TestJSONErrors checks positions and messages of malformed JSON.
func TestJSONErrors(t *testing.T) {
	for _, tt := range []struct {
		src       string
		line, col int
		msg       string
	}{
		{`{"a": 01}`, 1, 7, "invalid number"},
		{"{\"a\": \"x\ny\"}", 1, 9, "unterminated string"},
		{`{"a": "\q"}`, 1, 8, `invalid escape \q`},
		{`{"a": tru}`, 1, 7, "expected a value"},
		{`[1, 2] 3`, 1, 8, "after the end of the JSON document"},
		{`[[[[1]]]]`, 1, 4, "nesting deeper than 3 levels"},
		{"{\"é\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"},
	} {
		_, err := parseJSON([]byte(tt.src), 3)
		if err == nil || err.line != tt.line || err.col != tt.col || !strings.Contains(err.msg, tt.msg) {
			t.Errorf("%s: got %+v, want %d:%d %q", tt.src, err, tt.line, tt.col, tt.msg)
		}
	}
}
