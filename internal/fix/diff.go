package fix

import (
	"bytes"
	"fmt"
	"io"
)

// context is the number of unchanged lines shown around a change.
const context = 3

// Diff writes the unified diff from old to new, which differ only inside
// the lines that edits touched, with path in the headers (a/path, b/path,
// as git writes them). Nothing is written when they are equal.
func Diff(w io.Writer, path string, old, new []byte) error {
	if bytes.Equal(old, new) {
		return nil
	}
	a, b := lines(old), lines(new)
	if _, err := fmt.Fprintf(w, "--- a/%s\n+++ b/%s\n", path, path); err != nil {
		return err
	}
	hunks := split(a, b)
	for _, h := range hunks {
		from := max(h.aStart-context, 0)
		to := min(h.aEnd+context, len(a))
		bFrom := h.bStart - (h.aStart - from)
		bTo := h.bEnd + (to - h.aEnd)
		fmt.Fprintf(w, "@@ -%s +%s @@\n", rangeOf(from, to-from), rangeOf(bFrom, bTo-bFrom))
		for _, l := range a[from:h.aStart] {
			writeLine(w, ' ', l)
		}
		if h.aEnd-h.aStart != h.bEnd-h.bStart {
			for _, l := range a[h.aStart:h.aEnd] {
				writeLine(w, '-', l)
			}
			for _, l := range b[h.bStart:h.bEnd] {
				writeLine(w, '+', l)
			}
		} else {
			// Line for line: unchanged lines between two changes are context,
			// each run of changed lines its old lines then its new ones.
			for i := h.aStart; i < h.aEnd; {
				if a[i] == b[i] {
					writeLine(w, ' ', a[i])
					i++
					continue
				}
				j := i
				for j < h.aEnd && a[j] != b[j] {
					j++
				}
				for _, l := range a[i:j] {
					writeLine(w, '-', l)
				}
				for _, l := range b[i:j] {
					writeLine(w, '+', l)
				}
				i = j
			}
		}
		for _, l := range a[h.aEnd:to] {
			writeLine(w, ' ', l)
		}
	}
	return nil
}

type hunk struct{ aStart, aEnd, bStart, bEnd int }

// split cuts the change into hunks. Fixes replace text within lines and
// never add or remove a line break, so the two sides have the same number
// of lines and line i of one stands for line i of the other: each run of
// changed lines is a hunk, and hunks closer than twice the context are one.
// When the sides differ in length, everything between their common first
// and last lines is one hunk.
func split(a, b []string) []hunk {
	if len(a) != len(b) {
		pre := 0
		for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
			pre++
		}
		suf := 0
		for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
			suf++
		}
		return []hunk{{pre, len(a) - suf, pre, len(b) - suf}}
	}
	var out []hunk
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if n := len(out); n > 0 && i-out[n-1].aEnd <= 2*context {
			out[n-1].aEnd, out[n-1].bEnd = i+1, i+1
			continue
		}
		out = append(out, hunk{i, i + 1, i, i + 1})
	}
	return out
}

func rangeOf(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// lines splits text into lines that keep their line breaks, so CRLF and a
// missing final newline survive the diff.
func lines(text []byte) []string {
	var out []string
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, string(text))
			break
		}
		out = append(out, string(text[:i+1]))
		text = text[i+1:]
	}
	return out
}

func writeLine(w io.Writer, mark byte, l string) {
	fmt.Fprintf(w, "%c%s", mark, l)
	if len(l) == 0 || l[len(l)-1] != '\n' {
		fmt.Fprint(w, "\n\\ No newline at end of file\n")
	}
}
