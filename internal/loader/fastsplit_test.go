package loader

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/fuzzcheck"
	"github.com/apigwlint/apigwlint/internal/gen"
)

// fastSplitProblem scans text in pieces and whole with the fast scanner.
// It returns "" when the scan in pieces declined or built the same tree
// as the whole scan (kinds, styles, tags, values, positions, children,
// alias targets), and what differs otherwise; pieces is how many pieces
// it put together (0 when it declined or the rest was read whole).
func fastSplitProblem(text []byte, depth int) (accepted bool, pieces int, problem string) {
	split, pieces, ok := parseFastSplit(text, depth)
	if !ok {
		return false, 0, ""
	}
	whole, wok, why := parseFastYAML(text, depth)
	if !wok {
		return true, pieces, "the scan in pieces took a text the whole scan declines: " + why
	}
	return true, pieces, compareTrees(split, whole, "$", map[*doc.Node]*doc.Node{})
}

// splitTestTexts are the texts the split tests use: every YAML file of
// testdata and of the shared corpora (real, v2, terraform; skipped without
// ../shared), the loader's fuzz seeds, generated documents of each format,
// and the split edge cases.
func splitTestTexts(t *testing.T) map[string][]byte {
	shared := filepath.Join("..", "..", "..", "shared", "corpus")
	texts := map[string][]byte{}
	files := yamlFiles(filepath.Join("..", "..", "testdata"), filepath.Join(shared, "real"), filepath.Join(shared, "v2"), filepath.Join(shared, "terraform"))
	for _, p := range files {
		src, _ := os.ReadFile(p)
		texts[p] = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	}
	for i, s := range fuzzcheck.Seeds(filepath.Join("..", "..", "testdata"), filepath.Join(shared, "real")) {
		texts[fmt.Sprintf("fuzz seed %d", i)] = s
	}
	for _, f := range []gen.Format{gen.OpenAPI3YAML, gen.Swagger2YAML, gen.SAMTemplateYAML} {
		var buf bytes.Buffer
		if err := gen.Write(&buf, gen.Options{Integrations: 300, Format: f, Seed: 3, PlantEvery: 7}); err != nil {
			t.Fatal(err)
		}
		texts["generated "+f.String()] = buf.Bytes()
	}
	for _, tt := range splitEdges {
		texts["split edge "+tt.name] = []byte(tt.text)
	}
	for _, tt := range fastSplitEdges {
		texts["fast split edge "+tt.name] = []byte(tt.text)
	}
	return texts
}

// fastSplitEdges are texts where the scan in pieces must see what one
// scan sees, and whether it must put pieces together (false: it may
// decline, or read the text whole).
var fastSplitEdges = []struct {
	name, text string
	pieces     bool
}{
	{"anchor used in its piece", "paths:\n  /a: &x {m: 1}\n  /b:\n    c: &y 2\n    d: *y\n", true},
	{"anchor of a piece, alias in the rest", "paths:\n  /a: 1\n  /b: &x 2\nc: *x\n", false},
	{"anchor redefined in a piece", "a: &x 1\npaths:\n  /a: 1\n  /b: &x 2\nc: *x\n", false},
	{"alias in the rest, no anchor in a piece", "a: &x 1\nb: *x\npaths:\n  /a: 1\n  /b: 2\n", true},
	{"keep chomping at a cut", "paths:\n  /a: |+\n    x\n\n  /b: >+\n    y\n\n\n  /c: 1\n", true},
	{"block scalar at the end", "paths:\n  /a: 1\n  /b: |\n    x\n", true},
	{"plain scalar over lines at a cut", "paths:\n  /a: one\n    two\n  /b: three\n   four\n", true},
	{"tagged values", "Resources:\n  A: !Ref x\n  B:\n    Fn: !Sub\n      - a\n      - b\n  C: !GetAtt y.z\n", true},
	{"key in a literal scalar", "d: |\n  paths:\n    /a: 1\n    /b: 2\n", false},
	{"outdented comment ends no body", "x:\n  paths:\n    /a: 1\n# c\n    /b: 2\n  y: 3\n", true},
	{"comment after the key", "paths:   # routes\n  /a: 1\n  /b: 2\n", true},
	{"empty values", "paths:\n  /a:\n  /b:\n  /c: ~\n", true},
	{"sequence at the key's indentation", "paths:\n  /a:\n  - 1\n  - 2\n  /b: 2\n", false},
	{"quoted key over a cut", "paths:\n  \"/a\n  /b\": 1\n  /c: 2\n", false},
	{"duplicate of the split key", "paths:\n  /a: 1\n  /b: 2\npaths:\n  /c: 3\n  /d: 4\n", true},
	{"CRLF and comment", "paths: #x\r\n  /a: 1\r\n  # y\r\n  /b: 2\r\n", true},
	{"deep", "x:\n  Resources:\n    /a: [[[[[[1]]]]]]\n    /b: {c: [d]}\n", true},
}

// TestFastSplitMatchesWhole scans every text of splitTestTexts in pieces
// and whole and requires the same tree wherever the pieces are taken, at
// 4 and at 16 pieces; and, through Parse, the same result as the library.
func TestFastSplitMatchesWhole(t *testing.T) {
	splitAlways(t)
	texts := splitTestTexts(t)
	for _, procs := range []int{2, 8} {
		runtime.GOMAXPROCS(procs)
		accepted, joined := 0, 0
		for name, text := range texts {
			ok, pieces, problem := fastSplitProblem(text, DefaultLimits.MaxDepth)
			if problem != "" {
				t.Errorf("%d cores: %s: %s", procs, name, problem)
			}
			if ok {
				accepted++
			}
			if pieces > 0 {
				joined++
			} else if strings.HasPrefix(name, "generated") {
				t.Errorf("%d cores: %s: not scanned in pieces", procs, name)
			}
			if problem, _, _ := parseBoth(text, DefaultLimits); problem != "" {
				t.Errorf("%d cores: %s: Parse in pieces and the library differ: %s", procs, name, problem)
			}
		}
		t.Logf("%d cores: of %d texts, %d scanned in pieces, %d more read by the scan of the rest alone", procs, len(texts), joined, accepted-joined)
		if joined < 10 {
			t.Fatalf("only %d texts scanned in pieces: the comparison tests too little", joined)
		}
	}
	for _, tt := range fastSplitEdges {
		if _, pieces, _ := fastSplitProblem([]byte(tt.text), DefaultLimits.MaxDepth); (pieces > 0) != tt.pieces {
			t.Errorf("%s: pieces = %d, want them %v", tt.name, pieces, tt.pieces)
		}
	}
}

// TestFastSplitDepth checks that the scan in pieces never takes a text
// nested deeper than the whole scan allows, at every limit around the
// real depth.
func TestFastSplitDepth(t *testing.T) {
	splitAlways(t)
	text := []byte("x:\n  Resources:\n    /a: [[[[[[1]]]]]]\n    /b: {c: [d]}\n    /c: 1\n")
	joined := 0
	for depth := 1; depth <= 14; depth++ {
		_, pieces, problem := fastSplitProblem(text, depth)
		if problem != "" {
			t.Errorf("depth %d: %s", depth, problem)
		}
		if pieces > 0 {
			joined++
		}
	}
	if joined == 0 {
		t.Error("never scanned in pieces")
	}
}
