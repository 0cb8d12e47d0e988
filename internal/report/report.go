// Package report renders findings in the formats apigwlint writes: text for
// people and editors, JSON for scripts, SARIF 2.1.0 for code scanning, and
// GitHub workflow commands for pull-request annotations.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// Report is the outcome of one run.
type Report struct {
	Tool     string // tool name
	Version  string // tool version
	Findings []rules.Finding
	// Errors are inputs that could not be read or parsed. They are not
	// findings: they make the run exit 2.
	Errors []*loader.Error
	// Baseline is set when the run compared findings with a baseline: SARIF
	// then gives every result a baselineState.
	Baseline bool
	// WorkDir is the absolute working folder, which relative paths in
	// findings are relative to: SARIF's %SRCROOT%. "" means the process's.
	WorkDir string
	// Source holds, per file, the text of the lines findings point at, for
	// Options.Source; nil when not asked for.
	Source map[string]map[int]string
}

// Formats lists the names accepted by Write.
var Formats = []string{"text", "json", "sarif", "github"}

// Options change how text is rendered.
type Options struct {
	Color   bool // ANSI colours (text only)
	Verbose bool // add each rule's help link (text only)
	// ShowSuppressed keeps suppressed findings in text and GitHub output,
	// which otherwise leave them out (JSON and SARIF always keep them).
	ShowSuppressed bool
	// Summary ends the text report with a line of totals ("12 findings in
	// 3 files: 10 errors, 2 warnings"); Source shows each finding's line
	// with a caret under its column (Report.Source). Text only.
	Summary, Source bool
}

// Write renders r in the named format.
func Write(w io.Writer, format string, r *Report, opt Options) error {
	if (format == "text" || format == "github") && !opt.ShowSuppressed {
		r = Unsuppressed(r)
	}
	switch format {
	case "text":
		return Text(w, r, opt)
	case "json":
		return JSON(w, r)
	case "sarif":
		return SARIF(w, r)
	case "github":
		return GitHub(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// SortErrors orders input errors by path and position, for stable output.
func SortErrors(errs []*loader.Error) {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
