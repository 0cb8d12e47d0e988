package loader

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/fuzzcheck"
	"github.com/apigwlint/apigwlint/internal/gen"
)

// parseBoth parses src with the fast path and with the reference path
// (the YAML library) and returns what differs ("" when nothing does),
// whether the fast path took the text, and why it declined.
func parseBoth(src []byte, lim Limits) (problem string, taken bool, why string) {
	taken, why = fastOutcome(src, lim)
	if strings.HasPrefix(why, "bug:") {
		return "the fast path panicked: " + why, false, why
	}
	old := useFastYAML
	defer func() { useFastYAML = old }()
	useFastYAML = true
	fast, ferr := Parse("f.yaml", src, lim)
	useFastYAML = false
	ref, rerr := Parse("f.yaml", src, lim)
	if fmt.Sprint(ferr) != fmt.Sprint(rerr) {
		return fmt.Sprintf("errors differ: fast %v, reference %v", ferr, rerr), taken, why
	}
	if ferr != nil {
		return "", taken, why
	}
	if d := compareTrees(fast.Root, ref.Root, "$", map[*doc.Node]*doc.Node{}); d != "" {
		return d, taken, why
	}
	if a, b := dupSummary(fast), dupSummary(ref); a != b {
		return fmt.Sprintf("duplicates differ:\nfast %s\nreference %s", a, b), taken, why
	}
	if len(fast.Refs) != len(ref.Refs) || len(fast.Later) != len(ref.Later) || fast.LaterCount != ref.LaterCount {
		return "refs or later documents differ", taken, why
	}
	return "", taken, why
}

// fastOutcome tells whether Parse would take the fast path for src, and
// why not.
func fastOutcome(src []byte, lim Limits) (bool, string) {
	text := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if _, _, msg := findBadBytes(text); msg != "" {
		return false, "not text"
	}
	if looksLikeJSON(text) {
		if _, err := parseJSON(text, lim.MaxDepth); err == nil {
			return false, "JSON"
		}
		if _, shifts := fixJSONEscapes(text); shifts != nil {
			return false, "JSON escapes"
		}
	}
	if yamlBreaks(text) {
		return false, "line breaks other than LF and CRLF"
	}
	_, ok, why := parseFastYAML(text, lim.MaxDepth)
	return ok, why
}

// compareTrees compares two trees as doc.Nodes: kinds, styles, tags,
// values, positions, children and alias targets (seen maps the nodes of a
// to those of b met so far; an anchor comes before its aliases).
func compareTrees(a, b *doc.Node, path string, seen map[*doc.Node]*doc.Node) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%s: fast %v, reference %v", path, a, b)
		}
		return ""
	}
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column {
		return fmt.Sprintf("%s: fast kind %d style %d %s %q at %d:%d, reference kind %d style %d %s %q at %d:%d",
			path, a.Kind, a.Style, a.Tag, a.Value, a.Line, a.Column, b.Kind, b.Style, b.Tag, b.Value, b.Line, b.Column)
	}
	seen[a] = b
	if a.Kind == doc.AliasNode {
		if a.Alias == nil || b.Alias == nil {
			return path + ": an alias without a target"
		}
		if t, ok := seen[a.Alias]; ok {
			if t != b.Alias {
				return path + ": alias targets differ"
			}
			return ""
		}
		// The target is not in the tree as kept (a duplicate key dropped
		// it): compare it where it stands.
		return compareTrees(a.Alias, b.Alias, path+"*", seen)
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: fast %d children, reference %d", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := compareTrees(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", path, i), seen); d != "" {
			return d
		}
	}
	return ""
}

func dupSummary(f *doc.File) string {
	var b strings.Builder
	pos := func(n *doc.Node) string { return fmt.Sprintf("%d:%d %q", n.Line, n.Column, n.Value) }
	for _, d := range f.Duplicates {
		fmt.Fprintf(&b, "%s %s %s %s %s; ", d.Pointer, pos(d.Key), pos(d.Value), pos(d.Last), pos(d.LastValue))
	}
	return b.String()
}

// yamlFiles lists the YAML files under the roots that exist.
func yamlFiles(roots ...string) []string {
	var files []string
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				files = append(files, p)
			}
			return nil
		})
	}
	return files
}

// TestFastYAMLMatchesReference parses every YAML file of testdata, of the
// shared corpora (when ../shared exists), the loader's fuzz seeds and
// generated documents both ways, and requires the same result wherever
// the fast path takes the text; it logs how many took it and why the
// others declined.
func TestFastYAMLMatchesReference(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "corpus")
	texts := map[string][]byte{}
	for _, p := range yamlFiles(filepath.Join("..", "..", "testdata")) {
		texts[p], _ = os.ReadFile(p)
	}
	corpus := yamlFiles(filepath.Join(shared, "real"), filepath.Join(shared, "v2"), filepath.Join(shared, "terraform"))
	for _, p := range corpus {
		texts[p], _ = os.ReadFile(p)
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
	var took, declined, corpusTook, corpusYAML int
	reasons := map[string][]string{}
	inCorpus := map[string]bool{}
	for _, p := range corpus {
		inCorpus[p] = true
	}
	for name, src := range texts {
		problem, taken, why := parseBoth(src, DefaultLimits)
		if problem != "" {
			t.Errorf("%s: %s", name, problem)
		}
		if why == "JSON" || why == "not text" {
			continue // not the fast YAML path's to take
		}
		if taken {
			took++
		} else {
			declined++
			reasons[why] = append(reasons[why], name)
		}
		if inCorpus[name] {
			corpusYAML++
			if taken {
				corpusTook++
			}
		}
		if strings.HasPrefix(name, "generated") && !taken {
			t.Errorf("%s: declined (%s)", name, why)
		}
	}
	t.Logf("fast YAML path: %d texts taken, %d declined; shared corpus: %d of %d", took, declined, corpusTook, corpusYAML)
	var whys []string
	for w := range reasons {
		whys = append(whys, w)
	}
	sort.Slice(whys, func(i, j int) bool { return len(reasons[whys[i]]) > len(reasons[whys[j]]) })
	for _, w := range whys {
		t.Logf("  declined %3d: %s (e.g. %s)", len(reasons[w]), w, reasons[w][0])
	}
	if corpusYAML > 0 && corpusTook*10 < corpusYAML*8 {
		t.Errorf("only %d of %d corpus files took the fast path", corpusTook, corpusYAML)
	}
}
