package ruledoc

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
