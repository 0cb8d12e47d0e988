package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// Exit codes.
const (
	exitClean    = 0 // no findings at or above the fail level
	exitFindings = 1 // findings at or above the fail level
	exitError    = 2 // usage error, or an input that could not be read or parsed
)

// run is the whole command; main only passes it the process's streams.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "explain" {
		return explain(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "lsp" {
		return serveLSP(args[1:], stdin, stdout, stderr)
	}
	o, err := parseArgs(args)
	if err != nil {
		return fail(stderr, err)
	}
	if o.explain { // flags before explain: apigwlint --color always explain AGW108
		return explain(explainArgs(o), stdout, stderr)
	}
	switch {
	case o.help:
		fmt.Fprint(stdout, usage)
		return exitClean
	case o.version:
		fmt.Fprintf(stdout, "apigwlint %s (%s, %s/%s)\n", toolVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return exitClean
	}
	if rules.BuildError != nil {
		fmt.Fprintf(stderr, "apigwlint: internal error: %v (please report this)\n", rules.BuildError)
		return exitError
	}
	if len(o.Paths) == 0 && o.StdinFilename != "" {
		o.Paths = []string{"-"} // what --stdin-filename names
	}
	o.Version = toolVersion()
	if err := o.Resolve(); err != nil { // with .apigwlint.yaml
		return fail(stderr, err)
	}
	if o.ListRules {
		if err := lint.WriteOutput(&o.Options, stdout, func(w io.Writer) error { return listRules(w, o.Format) }); err != nil {
			return fail(stderr, err)
		}
		return exitClean
	}
	if len(o.Paths) == 0 {
		o.Paths = []string{"."} // as the Action's default
	}
	res, err := lint.Run(&o.Options, stdin, stdout, stderr)
	if err != nil {
		return fail(stderr, err)
	}
	if o.Diff {
		return min(res.Diffs, exitFindings) // 1 when a file would change
	}
	return exitCode(res, o.Fail)
}

// exitCode is the exit-code policy: 2 when a file could not be linted, else
// 1 when a finding that is not suppressed is at or above the fail level
// (none is reported when the baseline was written), else 0.
func exitCode(res *lint.Result, failLevel rules.Severity) int {
	if len(res.Report.Errors) > 0 {
		return exitError
	}
	if res.WroteBaseline {
		return exitClean
	}
	for _, f := range res.Report.Findings {
		if f.Severity >= failLevel && f.Suppressed == nil {
			return exitFindings
		}
	}
	return exitClean
}

// fail reports an error that stops the run.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "apigwlint: %v\n", err)
	return exitError
}
