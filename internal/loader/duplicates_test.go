package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"fmt"
	"strings"
	"testing"
)

// TestDuplicateKeys checks that Parse keeps the last of keys written twice
// in a mapping, in YAML and JSON, small mappings and large ones (above
// smallMapping), and lists the dropped ones with the pointer of the key:
// Pairs and Get then agree, and a pointer names the value that counts.
// Repeated merge keys are kept.
func TestDuplicateKeys(t *testing.T) {
	var big strings.Builder
	big.WriteString(`{"a": {`)
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&big, `"k%d": %d, `, i%12, i)
	}
	big.WriteString(`"z": 0}, "b": [{"x": 1, "x": 2}]}`)
	tests := []struct {
		name, src string
		want      []string // pointer@line:col of each dropped key
		pairs     string   // the pairs of the first mapping that has duplicates, as Pairs yields them
	}{
		{"yaml", "a: 1\nb: 2\na: 3\n", []string{"/a@1:1"}, "b=2 a=3"},
		{"three times", "a: 1\na: 2\na: 3\n", []string{"/a@1:1", "/a@2:1"}, "a=3"},
		{"nested", "p:\n  - {x: 1, y: 2, x: 3}\n", []string{"/p/0/x@2:6"}, "y=2 x=3"},
		{"json", `{"type": "MOCK", "uri": "u", "type": "HTTP"}`, []string{"/type@1:2"}, "uri=u type=HTTP"},
		{"merge keys", "d: &d {a: 1}\ne: &e {b: 2}\nm: {<<: *d, <<: *e, c: 3}\n", nil, ""},
		{"big json", big.String(), []string{"/a/k0@1:8", "/a/k1@1:17", "/a/k2@1:26", "/a/k3@1:35", "/a/k4@1:44", "/a/k5@1:53", "/a/k6@1:62", "/a/k7@1:71", "/b/0/x@1:216"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("dup", []byte(tt.src), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range f.Duplicates {
				got = append(got, fmt.Sprintf("%s@%d:%d", d.Pointer, d.Key.Line, d.Key.Column))
				if d.Last.Value != d.Key.Value || d.Last.Line < d.Key.Line {
					t.Errorf("%s: kept key %q at %d:%d", d.Pointer, d.Last.Value, d.Last.Line, d.Last.Column)
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("duplicates %v, want %v", got, tt.want)
			}
			if tt.pairs == "" {
				return
			}
			m := f.Root
			if len(f.Duplicates) > 0 && strings.HasPrefix(f.Duplicates[0].Pointer, "/p/") {
				m = m.Content[1].Content[0]
			}
			var pairs []string
			doc.Pairs(m, func(k, v *doc.Node) {
				pairs = append(pairs, k.Value+"="+v.Value)
				if _, gv := doc.Get(m, k.Value); gv != v {
					t.Errorf("Pairs and Get disagree on %q", k.Value)
				}
			})
			if strings.Join(pairs, " ") != tt.pairs {
				t.Errorf("pairs %q, want %q", strings.Join(pairs, " "), tt.pairs)
			}
		})
	}
}
