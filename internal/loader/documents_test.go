package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"strings"
	"testing"
)

// TestLaterDocuments checks what Parse records about the documents after
// the first of a YAML stream, which are not checked: the first non-empty
// one and the first with API content, with their position and kind, the
// number of non-empty ones, and a later document that does not parse (the
// first document is still read).
func TestLaterDocuments(t *testing.T) {
	const api = "openapi: 3.0.1\npaths: {}\n"
	tests := []struct {
		name  string
		src   string
		count int
		want  []doc.LaterDoc
	}{
		{"single", api, 0, nil},
		{"leading marker", "---\n" + api, 0, nil},
		{"trailing markers", api + "---\n...\n---\n# only a comment\n", 0, nil},
		{"two APIs", api + "---\n" + api, 1, []doc.LaterDoc{{Index: 2, Line: 3, Col: 1, Content: doc.ContentOpenAPI}}},
		{"manifest then API", "kind: ConfigMap\n---\nkind: Service\n---\n" + api + "--- # more\nx: 1\n", 3, []doc.LaterDoc{
			{Index: 2, Line: 2, Col: 1}, {Index: 3, Line: 4, Col: 1, Content: doc.ContentOpenAPI}}},
		{"empty ones between", api + "---\n---\n---\nrestApiId: a\n", 1, []doc.LaterDoc{{Index: 4, Line: 5, Col: 1, Content: doc.ContentPutIntegration}}},
		{"later one broken", api + "---\nb: [\n", 1, []doc.LaterDoc{{Index: 2, Line: 5, Col: 1, Err: "did not find expected node content"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("multi.yaml", []byte(tt.src), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if f.LaterCount != tt.count || len(f.Later) != len(tt.want) {
				t.Fatalf("LaterCount %d, Later %+v; want %d, %+v", f.LaterCount, f.Later, tt.count, tt.want)
			}
			for i, w := range tt.want {
				g := f.Later[i]
				if g.Index != w.Index || g.Line != w.Line || g.Col != w.Col || g.Content != w.Content || !strings.HasPrefix(g.Err, w.Err) || (w.Err == "") != (g.Err == "") {
					t.Errorf("Later[%d] = %+v, want %+v", i, g, w)
				}
			}
			if r := doc.Extract(f, Decoder); r.File.Root == nil {
				t.Errorf("the first document was not read")
			}
		})
	}
}
