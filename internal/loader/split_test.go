package loader

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/gen"
	yaml "go.yaml.in/yaml/v4"
)

// splitAlways makes every text big enough to split, on at least two
// workers, for the rest of the test.
func splitAlways(t testing.TB) {
	old, procs := splitMinBytes, runtime.GOMAXPROCS(0)
	splitMinBytes = 0
	if procs < 2 {
		runtime.GOMAXPROCS(2)
	}
	t.Cleanup(func() {
		splitMinBytes = old
		runtime.GOMAXPROCS(procs)
	})
}

// wholeParse is the reference: one YAML load of the whole text.
func wholeParse(text []byte, depth int) (*yaml.Node, error) {
	ld, err := newLoader(text, depth)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	return &doc, ld.Load(&doc)
}

// splitProblem parses text both ways. It returns "" when the split parse
// declined or built the same tree as the whole parse (kinds, tags, styles,
// values, anchors, lines and columns), and what differs otherwise. split
// says whether the split parse was used.
func splitProblem(text []byte, depth int) (split bool, problem string) {
	doc, _, ok := parseSplit(text, depth)
	if !ok {
		return false, ""
	}
	whole, err := wholeParse(text, depth)
	if err != nil {
		return true, "the split parse succeeded where the whole parse fails: " + err.Error()
	}
	return true, compareYAML(doc, whole, "$")
}

// TestSplitMatchesWhole parses every YAML file of testdata and of the
// shared real-world corpus, and generated documents of each format, in
// pieces and whole, and requires the same tree wherever the split applies.
func TestSplitMatchesWhole(t *testing.T) {
	splitAlways(t)
	var files []string
	for _, root := range []string{filepath.Join("..", "..", "testdata"), filepath.Join("..", "..", "..", "shared", "corpus", "real")} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				files = append(files, p)
			}
			return nil
		})
	}
	texts := map[string][]byte{}
	for _, p := range files {
		src, _ := os.ReadFile(p)
		texts[p] = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	}
	for _, f := range []gen.Format{gen.OpenAPI3YAML, gen.Swagger2YAML, gen.SAMTemplateYAML} {
		var buf bytes.Buffer
		if err := gen.Write(&buf, gen.Options{Integrations: 300, Format: f, Seed: 3, PlantEvery: 7}); err != nil {
			t.Fatal(err)
		}
		texts["generated "+f.String()] = buf.Bytes()
	}
	splits := 0
	for name, text := range texts {
		split, problem := splitProblem(text, DefaultLimits.MaxDepth)
		if problem != "" {
			t.Errorf("%s: %s", name, problem)
		}
		if split {
			splits++
		} else if strings.HasPrefix(name, "generated") {
			t.Errorf("%s: not split", name)
		}
	}
	t.Logf("%d of %d texts split", splits, len(texts))
	if splits < 10 {
		t.Fatalf("only %d texts split: the comparison tests too little", splits)
	}
}

// splitEdges is text where a naive split would change the tree, and
// whether the split parse must apply (the fast scan in pieces is held to
// the same texts, TestFastSplitMatchesWhole).
var splitEdges = []struct {
	name  string
	text  string
	split bool // whether the split parse must apply
}{
	{"plain", "openapi: 3.0.0\npaths:\n  /a:\n    get: {}\n  /b:\n    get: {}\ninfo: {}\n", true},
	{"CRLF", "openapi: 3.0.0\r\npaths:\r\n  /a:\r\n    get: {}\r\n  /b:\r\n    get: {}\r\n", true},
	{"lone CR", "paths:\n  0:\r \n  0:", false},
	{"line separator", "paths:\n  /a: \u2028\n  /b: 2\n", false},
	{"comments and blank lines", "paths: # the routes\n\n  # first\n  /a: 1\n\n# outdented comment\n  /b: 2\n  # trailing\n", true},
	{"quoted keys", "paths:\n  \"/a\": 1\n  '/b': 2\nx: 3\n", true},
	{"nested in a template", "Resources:\n  Api:\n    Properties:\n      DefinitionBody:\n        paths:\n          /a: 1\n          /b: 2\n  Other: 1\n", true},
	{"leading document marker", "---\npaths:\n  /a: 1\n  /b: 2\n", true},
	{"quoted scalar over the cut", "paths:\n  /a: \"one\n  /b: two\"\n  /c: 3\n", false},
	{"flow mapping over the cut", "paths:\n  /a: {x: 1,\n  /b: 2}\n  /c: 3\n", false},
	{"alias to another piece", "paths:\n  /a: &x 1\n  /b: *x\n", false},
	{"alias into the rest", "paths:\n  /a: &x 1\n  /b: 2\nc: *x\n", false},
	{"anchor in the rest", "d: &x 1\npaths:\n  /a: *x\n  /b: 2\n", false},
	{"anchor redefined in a piece", "a: &x 1\npaths:\n  /a: 1\n  /b: &x 2\nc: *x\n", false},
	{"anchor in a piece, alias before", "a: &x 1\nb: *x\npaths:\n  /a: 1\n  /b: &x 2\n", false},
	{"merge key", "paths:\n  /a: &x {m: 1}\n  /b:\n    <<: *x\n", false},
	{"later document", "paths:\n  /a: 1\n  /b: 2\n---\nx: 1\n", false},
	{"directive", "%YAML 1.2\n---\npaths:\n  /a: 1\n  /b: 2\n", false},
	{"sequence", "paths:\n  - 1\n  - 2\n", false},
	{"compact sequence value", "paths:\n  /a:\n  - 1\n  /b: 2\n", false},
	{"explicit keys", "paths:\n  ? /a\n  : 1\n  ? /b\n  : 2\n", false},
	{"tab indentation", "paths:\n  /a: 1\n\t/b: 2\n", false},
	{"key in a block scalar", "d: |\n  paths:\n    /a: 1\n    /b: 2\npaths2: 1\n", false},
	{"flow value", "paths: {\n  /a: 1,\n  /b: 2}\n", false},
	{"value on the key line", "paths: x\n  /a: 1\n  /b: 2\n", false},
	{"ragged indentation", "paths:\n    /a: 1\n  /b: 2\n", false},
	{"duplicate keys across pieces", "paths:\n  /a: 1\n  /b: 2\n  /a: 3\n", true},
	{"no final newline", "paths:\n  /a: 1\n  /b: 2", true},
}

// TestSplitEdges covers text where a naive split would change the tree.
func TestSplitEdges(t *testing.T) {
	splitAlways(t)
	for _, tt := range splitEdges {
		t.Run(tt.name, func(t *testing.T) {
			split, problem := splitProblem([]byte(tt.text), DefaultLimits.MaxDepth)
			if problem != "" {
				t.Fatal(problem)
			}
			if split != tt.split {
				t.Fatalf("split = %v, want %v", split, tt.split)
			}
		})
	}
}

// TestSplitDepth checks that the split parse never accepts a text nested
// deeper than the whole parse allows, at every limit around the real depth.
func TestSplitDepth(t *testing.T) {
	splitAlways(t)
	text := []byte("x:\n  Resources:\n    /a: [[[[[[1]]]]]]\n    /b: {c: [d]}\n")
	splits := 0
	for depth := 1; depth <= 14; depth++ {
		split, problem := splitProblem(text, depth)
		if problem != "" {
			t.Errorf("depth %d: %s", depth, problem)
		}
		if split {
			splits++
		}
	}
	if splits == 0 {
		t.Error("never split")
	}
}

// FuzzSplit checks on arbitrary text that whenever the split parse applies
// it builds exactly the tree of one whole parse, and that it never accepts
// text the whole parse rejects.
//
//	go test -run='^$' -fuzz=FuzzSplit -fuzztime=1m ./internal/loader
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"paths:\n  /a:\n    get: {}\n  /b: 1\n",
		"paths:\n  /a: \"x\n  /b: y\"\n",
		"a: &x 1\npaths:\n  /a: *x\n  /b: [1,\n  2]\n",
		"Resources:\n  A:\n    Type: x\n  B: |\n    y\n  C: 'q\n  z'\n",
		"paths:\r\n  /a: 1\r\n  /b: 2\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		splitAlways(t)
		if _, problem := splitProblem(text, 20); problem != "" {
			t.Fatal(problem)
		}
	})
}

// compareYAML compares two YAML trees as the parser built them: kinds,
// tags, styles, values, anchors, lines and columns.
func compareYAML(a, b *yaml.Node, path string) string {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column || a.Style != b.Style || a.Anchor != b.Anchor {
		return fmt.Sprintf("%s: split %v %s %q %d:%d style %v &%s, whole %v %s %q %d:%d style %v &%s",
			path, a.Kind, a.Tag, a.Value, a.Line, a.Column, a.Style, a.Anchor, b.Kind, b.Tag, b.Value, b.Line, b.Column, b.Style, b.Anchor)
	}
	if a.Kind == yaml.AliasNode && (a.Alias == nil || b.Alias == nil || a.Alias.Line != b.Alias.Line || a.Alias.Column != b.Alias.Column) {
		return path + ": the aliases stand for different nodes"
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: %d children, the whole parse has %d", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := compareYAML(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
			return d
		}
	}
	return ""
}
