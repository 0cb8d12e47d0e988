package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/apigwlint/apigwlint/internal/rules"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGray   = "\x1b[90m"
)

// Text writes one line per finding, in the gcc style editors and problem
// matchers understand:
//
//	path:line:col: severity: message [ID]
//
// Input errors are not written here: the CLI prints them on standard error.
func Text(w io.Writer, r *Report, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		sev := f.Severity.String()
		loc := fmt.Sprintf("%s:%d:%d:", OneLine(f.File), f.Line, f.Col)
		id := "[" + f.RuleID + "]"
		if opt.Color {
			loc = ansiBold + loc + ansiReset
			sev = severityColor(f.Severity) + sev + ansiReset
			id = ansiGray + id + ansiReset
		}
		fmt.Fprintf(bw, "%s %s: %s %s%s\n", loc, sev, OneLine(f.Message), id, suffix(f))
		if opt.Source {
			sourceSnippet(bw, r, f, opt.Color)
		}
		if opt.Verbose {
			if rule := rules.ByID(f.RuleID); rule != nil {
				fmt.Fprintf(bw, "    %s: %s\n", rule.Name, rule.HelpURL())
			}
		}
	}
	if s := summary(r); opt.Summary && s != "" {
		fmt.Fprintln(bw, s)
	}
	return bw.Flush()
}

func severityColor(s rules.Severity) string {
	switch s {
	case rules.Error:
		return ansiRed
	case rules.Warning:
		return ansiYellow
	}
	return ansiCyan
}
