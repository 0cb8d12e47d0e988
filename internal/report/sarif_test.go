package report

import "testing"

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
