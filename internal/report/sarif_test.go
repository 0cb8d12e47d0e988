package report

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestArtifactURI checks relative, percent-encoded, slash-separated URIs.
func TestArtifactURI(t *testing.T) {
	for in, want := range map[string]string{
		"api.yaml":             "api.yaml",
		"./specs/api.yaml":     "specs/api.yaml",
		"specs/my api#1%.yaml": "specs/my%20api%231%25.yaml",
		"specs/ünïcode.json":   "specs/%C3%BCn%C3%AFcode.json",
		"/abs/path/api.yaml":   "file:///abs/path/api.yaml",
		"a:b.yaml":             "./a:b.yaml",
	} {
		if got := ArtifactURI(in); got != want {
			t.Errorf("ArtifactURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestArtifactLocations checks that SARIF names a file relative to the
// working folder, cleaned, against %SRCROOT%, and a file outside it by an
// absolute file:// URI without a base.
func TestArtifactLocations(t *testing.T) {
	wd := filepath.Join(t.TempDir(), "work")
	outside := filepath.Join(filepath.Dir(wd), "other", "api.yaml")
	loc := newLocator(wd)
	if want := ArtifactURI(wd) + "/"; loc.root != want {
		t.Errorf("root %q, want %q", loc.root, want)
	}
	for _, tc := range []struct {
		path, uri string
		base      bool
	}{
		{"api.yaml", "api.yaml", true},
		{"./specs/api.yaml", "specs/api.yaml", true},
		{"specs/../api.yaml", "api.yaml", true},
		{"specs/./v1//api.yaml", "specs/v1/api.yaml", true},
		{filepath.Join(wd, "specs", "api.yaml"), "specs/api.yaml", true},
		{"../other/api.yaml", ArtifactURI(outside), false},
		{outside, ArtifactURI(outside), false},
		{"<stdin>", "%3Cstdin%3E", true},
	} {
		a := loc.artifact(tc.path)
		if a.URI == nil || *a.URI != tc.uri || (a.URIBaseId != nil) != tc.base {
			t.Errorf("%s: uri %v, base %v; want %q, base %v", tc.path, deref(a.URI), deref(a.URIBaseId), tc.uri, tc.base)
		}
		if tc.base && strings.Contains(*a.URI, "..") {
			t.Errorf("%s: %q is not cleaned", tc.path, *a.URI)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
