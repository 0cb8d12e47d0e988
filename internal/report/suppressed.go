package report

import "github.com/apigwlint/apigwlint/internal/rules"

// Unsuppressed returns r without its suppressed findings (r itself when it
// has none), for the formats that show only what needs attention.
func Unsuppressed(r *Report) *Report {
	n := 0
	for _, f := range r.Findings {
		if f.Suppressed == nil {
			n++
		}
	}
	if n == len(r.Findings) {
		return r
	}
	c := *r
	c.Findings = make([]rules.Finding, 0, n)
	for _, f := range r.Findings {
		if f.Suppressed == nil {
			c.Findings = append(c.Findings, f)
		}
	}
	return &c
}

// suffix is what text and GitHub output add to the message of a suppressed
// finding shown with --show-suppressed.
func suffix(f rules.Finding) string {
	if f.Suppressed == nil {
		return ""
	}
	return " (suppressed by " + f.Suppressed.By + ": " + f.Suppressed.Justification + ")"
}
