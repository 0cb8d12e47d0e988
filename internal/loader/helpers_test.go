package loader

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testdata is the folder of the loader's test inputs.
var testdata = filepath.Join("..", "..", "testdata", "loader")

// mustParse parses testdata/loader/<rel> and fails the test on any error.
func mustParse(t *testing.T, rel string) *doc.File {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(testdata, rel))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(rel, src, DefaultLimits)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return f
}

// mustLoad loads testdata/loader/<rel> and fails the test on any error.
func mustLoad(t *testing.T, rel string) *doc.Result {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(testdata, rel))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Load(rel, src, DefaultLimits)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return r
}

// lookup follows a slash-separated path of mapping keys ("paths|/a|get" with
// "|" as the separator, since keys contain slashes) from root and returns
// the last key and value nodes.
func lookup(t *testing.T, root *doc.Node, path string) (k, v *doc.Node) {
	t.Helper()
	v = root
	for _, key := range strings.Split(path, "|") {
		k, v = doc.Get(v, key)
		if k == nil {
			t.Fatalf("no key %q on the path %q", key, path)
		}
	}
	return k, v
}
