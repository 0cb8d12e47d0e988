package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
)

func TestSourceSnippet(t *testing.T) {
	long := strings.Repeat("x", 300) + "BAD" + strings.Repeat("y", 300)
	for _, tc := range []struct {
		name string
		line string
		span doc.Span
		want string
	}{
		{"one column", "  a: 1", doc.Span{Line: 7, Col: 6}, " 7 |   a: 1\n   |      ^\n"},
		{"a span", "  timeoutInMillis: 30", doc.Span{Line: 12, Col: 20, EndLine: 12, EndCol: 22}, " 12 |   timeoutInMillis: 30\n    |                    ^~\n"},
		{"a span over lines", "  t: |", doc.Span{Line: 3, Col: 6, EndLine: 5, EndCol: 2}, " 3 |   t: |\n   |      ^\n"},
		{"tabs are one column", "\t\ta: 1", doc.Span{Line: 1, Col: 5, EndLine: 1, EndCol: 6}, " 1 |   a: 1\n   |     ^\n"},
		{"escapes move the caret", "a\x1b[31m: 1", doc.Span{Line: 1, Col: 9}, " 1 | a\\x1b[31m: 1\n   | " + strings.Repeat(" ", 11) + "^\n"},
		{"past the end", "a:", doc.Span{Line: 1, Col: 3}, " 1 | a:\n   |   ^\n"},
		{"a long line", long, doc.Span{Line: 1, Col: 301, EndLine: 1, EndCol: 304},
			" 1 | …" + strings.Repeat("x", 40) + "BAD" + strings.Repeat("y", 77) + "…\n   |  " + strings.Repeat(" ", 40) + "^~~\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := rules.Finding{File: "f.yaml", Span: tc.span, Severity: rules.Error}
			r := &Report{Source: map[string]map[int]string{"f.yaml": {tc.span.Line: tc.line}}}
			var b bytes.Buffer
			sourceSnippet(&b, r, f, false)
			if b.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tc.want)
			}
		})
	}
	// No line kept, nothing shown.
	var b bytes.Buffer
	sourceSnippet(&b, &Report{}, rules.Finding{File: "f.yaml", Span: doc.Span{Line: 1, Col: 1}}, false)
	if b.Len() != 0 {
		t.Errorf("without the source: %q", b.String())
	}
}

func TestSummary(t *testing.T) {
	f := func(file string, s rules.Severity) rules.Finding { return rules.Finding{File: file, Severity: s} }
	for _, tc := range []struct {
		r    *Report
		want string
	}{
		{&Report{}, ""},
		{&Report{Findings: []rules.Finding{f("a", rules.Error)}}, "1 finding in 1 file: 1 error"},
		{&Report{Findings: []rules.Finding{f("a", rules.Error), f("a", rules.Warning), f("b", rules.Warning), f("c", rules.Note)}},
			"4 findings in 3 files: 1 error, 2 warnings, 1 note"},
		{&Report{Errors: make([]*loader.Error, 2)}, "0 findings in 0 files; 2 input errors (see above)"},
	} {
		if got := summary(tc.r); got != tc.want {
			t.Errorf("summary = %q, want %q", got, tc.want)
		}
	}
}

func TestSourceLines(t *testing.T) {
	src := []byte("\ufeffa: 1\r\nb: 2\nc: 3")
	got := SourceLines(src, []rules.Finding{{Span: doc.Span{Line: 1}}, {Span: doc.Span{Line: 3}}, {Span: doc.Span{Line: 3}}})
	if len(got) != 2 || got[1] != "a: 1" || got[3] != "c: 3" {
		t.Errorf("SourceLines = %q", got)
	}
}
