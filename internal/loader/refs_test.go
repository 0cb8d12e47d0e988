package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"testing"
)

// TestLookupRef resolves local $refs: keys with escapes, sequence indexes,
// percent-encoded fragments, and keys that hold a literal "%".
func TestLookupRef(t *testing.T) {
	src := "paths:\n  /a/{id}:\n    parameters: [{name: p0}, {name: p1}]\n  /b%20c: {name: pct}\n  a~b: {name: tilde}\nlist: [[x, {name: nested}]]\n"
	f, err := Parse("refs.yaml", []byte(src), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	root := f.Root
	for _, tt := range []struct{ ref, want string }{
		{"#/paths/~1a~1{id}/parameters/0", "p0"},
		{"#/paths/~1a~1{id}/parameters/1", "p1"},
		{"#/paths/~1a~1%7Bid%7D/parameters/1", "p1"},
		{"#/paths/~1b%20c", "pct"},
		{"#/paths/a~0b", "tilde"},
		{"#/list/0/1", "nested"},
		{"#/paths/~1a~1{id}/parameters/2", ""},
		{"#/paths/~1a~1{id}/parameters/01", ""},
		{"#/paths/~1a~1{id}/parameters/-1", ""},
		{"#/paths/~1a~1{id}/parameters/name", ""},
		{"#/paths/missing", ""},
		{"other.yaml#/paths", ""},
	} {
		got := ""
		if n := doc.LookupRef(root, tt.ref); n != nil {
			_, name := doc.Get(n, "name")
			if name == nil {
				t.Errorf("%s: found a node without a name", tt.ref)
				continue
			}
			got = name.Value
		}
		if got != tt.want {
			t.Errorf("LookupRef(%q) = %q, want %q", tt.ref, got, tt.want)
		}
	}
}
