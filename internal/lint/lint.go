// Package lint runs apigwlint: one run takes the files through named
// stages, each a function of this package or of the package that owns it:
//
//   - Discover (discover): paths, folders and globs to files, with the
//     configuration's include and exclude, never a file apigwlint writes;
//   - Load (loader.Load): read and parse each file, find its integrations;
//   - Check (rules.Check): run the rules;
//   - Suppress (internal/suppress): apigwlint:ignore comments, for each file
//     right after Check, then the configuration's ignore entries and the
//     baseline over all findings;
//   - Render (render): the report in its format, and the SARIF log.
//
// With --fix or --diff, a Fix stage (fix.go) goes first: it lints the
// files, applies the findings' fixes, then the run reports what is left.
//
// Load, Check and the comments run for each file on all cores, under one
// recover per file (file.go). One Options value, built from the flags and
// the configuration file (Resolve), is all a run reads. The exit code is
// the caller's choice (cmd/apigwlint).
package lint

import (
	"fmt"
	"io"

	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
)

// Result is what a run found, for the exit code.
type Result struct {
	Report *report.Report
	// Diffs is the number of files --diff printed a change for.
	Diffs int
	// WroteBaseline is set when the findings went to --write-baseline
	// instead of a report.
	WroteBaseline bool
}

// Run lints the files of o.Paths (o resolved by Resolve), writes the report
// and returns what it found. Input errors are written to stderr and kept in
// the report; an error stops the run (a refused output, a baseline that
// cannot be read or written, a report that cannot be written).
func Run(o *Options, stdin io.Reader, stdout, stderr io.Writer) (*Result, error) {
	st := fileStages{load: load, check: rules.Check, keepLines: usePretty(o, stdout)}
	return run(o, st, stdin, stdout, stderr)
}

func run(o *Options, st fileStages, stdin io.Reader, stdout, stderr io.Writer) (*Result, error) {
	if o.Fix || o.Diff {
		n, err := fixStage(o, st, stdout, stderr)
		if err != nil || o.Diff {
			return &Result{Report: &report.Report{}, Diffs: n}, err
		}
		if n > 0 {
			fmt.Fprintf(stderr, "apigwlint: fixed %d file(s)\n", n)
		}
		// Then report what is left, as a run without --fix does.
		rest := *o
		rest.Fix = false
		o = &rest
	}
	files, errs, err := discover(o)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{Tool: "apigwlint", Version: o.Version, Errors: errs}
	tuneGC(files)
	files, results, berrs := st.lintInputs(files, stdin, o.Rules, o.File)
	rep.Errors = append(rep.Errors, berrs...)
	paths := make([]string, len(files))
	for i, r := range results {
		paths[i] = files[i].path
		rep.Findings = append(rep.Findings, r.findings...)
		if r.lines != nil {
			if rep.Source == nil {
				rep.Source = map[string]map[int]string{}
			}
			rep.Source[files[i].path] = r.lines
		}
		if r.err != nil {
			rep.Errors = append(rep.Errors, r.err)
		}
	}
	report.SortErrors(rep.Errors)
	printErrors(rep.Errors, stderr)
	s := suppress.Settings{Config: o.File, Rules: o.Rules, Baseline: o.Baseline, WriteBaseline: o.WriteBaseline}
	wrote, err := suppress.Run(s, rep, paths, stderr)
	if err != nil || wrote {
		return &Result{Report: rep, WroteBaseline: wrote}, err
	}
	return &Result{Report: rep}, render(o, rep, stdout)
}
