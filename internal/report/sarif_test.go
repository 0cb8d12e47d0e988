package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTruncate checks that long descriptions are cut to GitHub's limit of
// 1024 characters without splitting a multi-byte character.
func TestTruncate(t *testing.T) {
	long := strings.Repeat("é", 2000) // 2 bytes each
	got := truncate(long, 1024)
	if !utf8.ValidString(got) || utf8.RuneCountInString(got) != 1024 || !strings.HasSuffix(got, "…") {
		t.Errorf("truncate: %d runes, valid %v, ends %q", utf8.RuneCountInString(got), utf8.ValidString(got), got[len(got)-3:])
	}
	if s := strings.Repeat("a", 1024); truncate(s, 1024) != s {
		t.Errorf("a string at the limit was cut")
	}
}

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
