package report

import (
	"encoding/json"
	"io"
)

// jsonFinding is the stable JSON form of a finding. Fields are only ever
// added, never renamed or removed.
type jsonFinding struct {
	// Kind tells a finding from an input error (a file that could not be
	// read or parsed), which has no rule, name or pointer (""): findings
	// come first, then input errors.
	Kind      string `json:"kind"`
	Rule      string `json:"rule"`
	Name      string `json:"name"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine,omitempty"`
	EndColumn int    `json:"endColumn,omitempty"` // exclusive, as in SARIF
	Pointer   string `json:"pointer"`
	// Set for a finding accepted by a comment, the configuration or a
	// baseline (suppressedBy: comment, config or baseline).
	Suppressed    bool   `json:"suppressed,omitempty"`
	SuppressedBy  string `json:"suppressedBy,omitempty"`
	Justification string `json:"justification,omitempty"`
	// Fixes are the edits --fix would make for the finding.
	Fixes []jsonFix `json:"fixes,omitempty"`
}

// The kinds of JSON report entries.
const (
	KindFinding    = "finding"
	KindInputError = "inputError"
)

// JSON writes the findings, then the input errors, as a JSON array (empty:
// []).
func JSON(w io.Writer, r *Report) error {
	out := make([]jsonFinding, 0, len(r.Findings)+len(r.Errors))
	for _, f := range r.Findings {
		out = append(out, jsonFinding{
			Kind: KindFinding, Rule: f.RuleID, Name: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			File: f.File, Line: f.Line, Column: f.Col, EndLine: f.EndLine, EndColumn: f.EndCol,
			Pointer: f.Pointer, Fixes: jsonFixes(f.Fixes),
		})
		if s := f.Suppressed; s != nil {
			j := &out[len(out)-1]
			j.Suppressed, j.SuppressedBy, j.Justification = true, s.By, s.Justification
		}
	}
	for _, e := range r.Errors {
		out = append(out, jsonFinding{Kind: KindInputError, Severity: "error", Message: e.Msg, File: e.Path, Line: e.Line, Column: e.Col})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "<stdin>", "->" and "&" stay readable
	return enc.Encode(out)
}
