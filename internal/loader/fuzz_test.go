package loader_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/fuzzcheck"
	"github.com/apigwlint/apigwlint/internal/loader"
)

// FuzzLoad feeds arbitrary bytes to the loader (bytes -> integrations). It
// is seeded from every YAML and JSON file of testdata and, when it exists,
// of ../shared/corpus/real (read here, never copied into the repository).
// Run it longer with
//
//	go test -run='^$' -fuzz=FuzzLoad -fuzztime=10m ./internal/loader
//
// Asserted for every input: no panic (nor an "internal error" message); an
// error is a *loader.Error
// naming the file, its position inside the input when it has one; each
// integration's node lies inside the input and its JSON pointer resolves
// to it (to a node, when a key is written twice: the pointer then names
// the last); loading the same bytes again gives the same result.
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzcheck.Seeds("../../testdata", "../../../shared/corpus/real") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		first := loadSummary(t, src)
		if again := loadSummary(t, src); again != first {
			t.Fatalf("two loads differ:\n%s\n---\n%s", first, again)
		}
	})
}

// loadSummary loads src, checks the invariants and returns a text that
// identifies the result.
func loadSummary(t *testing.T, src []byte) string {
	res, err := loader.Load("fuzz.yaml", src, loader.DefaultLimits)
	if err != nil {
		var e *loader.Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is a %T, not a *loader.Error", err, err)
		}
		if e.Path != "fuzz.yaml" || strings.Contains(e.Msg, "internal error") {
			t.Fatalf("error %v", err)
		}
		if e.Line > 0 {
			text := src
			if len(text) >= 3 && string(text[:3]) == "\xef\xbb\xbf" {
				text = text[3:]
			}
			col := max(e.Col, 1)
			if !fuzzcheck.Inside(fuzzcheck.Lines(text), e.Line, col) {
				t.Fatalf("error at %d:%d outside the input: %v", e.Line, e.Col, err)
			}
		}
		return "error: " + err.Error()
	}
	lines := fuzzcheck.Lines(res.File.Src)
	dups := fuzzcheck.HasDuplicateKeys(res.File.Root)
	var b strings.Builder
	fmt.Fprintf(&b, "%v %d APIs\n", res.Content, len(res.APIs))
	for _, in := range res.Integrations {
		if p := fuzzcheck.SpanProblem(lines, res.File.SpanOf(in.Anchor())); p != "" {
			t.Fatalf("integration %s: %s", in.Pointer, p)
		}
		if n, ok := fuzzcheck.Resolve(res.File.Root, in.Pointer); !ok || !dups && doc.Resolve(n) != doc.Resolve(in.Node) {
			t.Fatalf("integration pointer %q does not resolve to the integration", in.Pointer)
		}
		for _, fl := range in.All {
			if p := fuzzcheck.SpanProblem(lines, res.File.SpanOf(fl.Value)); p != "" {
				t.Fatalf("field %s: %s", fl.Pointer(), p)
			}
			if n, ok := fuzzcheck.Resolve(res.File.Root, fl.Pointer()); !ok || n == nil {
				t.Fatalf("field pointer %q does not resolve", fl.Pointer())
			}
		}
		fmt.Fprintf(&b, "%s %v %d fields %d responses\n", in.Pointer, in.Shape, len(in.All), len(in.Responses))
	}
	for _, d := range res.File.Later {
		if d.Line > 0 && !fuzzcheck.Inside(lines, d.Line, max(d.Col, 1)) {
			t.Fatalf("later document at %d:%d outside the input", d.Line, d.Col)
		}
	}
	return b.String()
}
