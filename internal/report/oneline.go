package report

import (
	"strconv"
	"strings"
)

// OneLine escapes the characters that would break a line of text output
// or drive a terminal (control characters, NEL, LS, PS) as Go escapes
// (\n, \x1b, \u2028), leaving everything else as is. File names come from
// the repository being linted, which may be hostile: "a\nb.yaml:1:1:
// error: ..." must not print as a second, forged finding that a problem
// matcher would turn into an annotation.
func OneLine(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029
}
