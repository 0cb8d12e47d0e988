package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// maxSourceWidth is the most characters of a source line shown under a
// finding; a longer line (minified JSON) is shown around the column.
const maxSourceWidth = 120

// sourceSnippet writes the line of f, as Source holds it, and a caret under
// its column, as actionlint does:
//
//	12 |         timeoutInMillis: 30
//	   |                          ^~
//
// Tabs count one column and are shown as one space; control characters are
// escaped (OneLine), the caret moved to match.
func sourceSnippet(w io.Writer, r *Report, f rules.Finding, color bool) {
	text, ok := r.Source[f.File][f.Line]
	if !ok || f.Col < 1 {
		return
	}
	runes := []rune(strings.ReplaceAll(text, "\t", " "))
	col := min(f.Col-1, len(runes)) // 0-based
	width := 1
	if f.EndLine == f.Line && f.EndCol > f.Col {
		width = f.EndCol - f.Col
	}
	from, to := 0, len(runes)
	pre, post := "", ""
	if len(runes) > maxSourceWidth {
		from = max(0, col-maxSourceWidth/3)
		to = min(len(runes), from+maxSourceWidth)
		if from > 0 {
			pre = "…"
		}
		if to < len(runes) {
			post = "…"
		}
	}
	lead := pre + OneLine(string(runes[from:col]))
	shown := lead + OneLine(string(runes[col:to])) + post
	width = max(1, min(width, utf8.RuneCountInString(OneLine(string(runes[col:to])))))
	num := fmt.Sprint(f.Line)
	gutter := strings.Repeat(" ", len(num))
	caret := "^" + strings.Repeat("~", width-1)
	if color {
		caret = severityColor(f.Severity) + caret + ansiReset
	}
	fmt.Fprintf(w, " %s | %s\n %s | %s%s\n", num, shown, gutter, strings.Repeat(" ", utf8.RuneCountInString(lead)), caret)
}

// summary is the last line of a text report on a terminal:
// "12 findings in 3 files: 10 errors, 2 warnings", and the files that
// could not be read. Nothing for a clean run.
func summary(r *Report) string {
	if len(r.Findings) == 0 && len(r.Errors) == 0 {
		return ""
	}
	files := map[string]bool{}
	count := map[rules.Severity]int{}
	for _, f := range r.Findings {
		files[f.File] = true
		count[f.Severity]++
	}
	s := plural(len(r.Findings), "finding") + " in " + plural(len(files), "file")
	var parts []string
	for _, sev := range []rules.Severity{rules.Error, rules.Warning, rules.Note} {
		if n := count[sev]; n > 0 {
			parts = append(parts, plural(n, sev.String()))
		}
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	if len(r.Errors) > 0 {
		s += "; " + plural(len(r.Errors), "input error") + " (see above)"
	}
	return s
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// SourceLines returns the text of the lines of src (1-based) that findings
// point at, for Report.Source: only those lines are kept, not the file.
func SourceLines(src []byte, findings []rules.Finding) map[int]string {
	want := map[int]bool{}
	for _, f := range findings {
		if f.Line > 0 {
			want[f.Line] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	out := make(map[int]string, len(want))
	line, start := 1, 0
	for i := 0; i <= len(src); i++ {
		if i < len(src) && src[i] != '\n' {
			continue
		}
		if want[line] {
			text := string(src[start:i])
			text = strings.TrimSuffix(text, "\r")
			if line == 1 {
				text = strings.TrimPrefix(text, "\ufeff")
			}
			out[line] = text
		}
		line, start = line+1, i+1
		if len(out) == len(want) {
			break
		}
	}
	return out
}
