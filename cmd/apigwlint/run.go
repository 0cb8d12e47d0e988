package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/report"
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
	o, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "apigwlint: %v\n", err)
		return exitError
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
	cfg, failLevel, fc, err := setup(o) // configure, with .apigwlint.yaml (config.go)
	if err != nil {
		fmt.Fprintf(stderr, "apigwlint: %v\n", err)
		return exitError
	}
	if o.listRules {
		return writeOutput(o, stdout, stderr, func(w io.Writer) error { return listRules(w, o.format) })
	}
	if len(o.paths) == 0 {
		fmt.Fprintf(stderr, "apigwlint: no PATH given; try apigwlint --help\n")
		return exitError
	}

	files, errs := expand(o.paths)
	if o.skipUnparsable {
		judgeLikeFound(files)
	}
	files = fc.filter(files) // include and exclude of the configuration
	// Nothing apigwlint writes may replace an input (safety.go)
	if msg := outputIsInput(o.output, files); msg != "" {
		fmt.Fprintf(stderr, "apigwlint: %s\n", msg)
		return exitError
	}
	if msg := sarifOutputConflict(o, files); msg != "" {
		fmt.Fprintf(stderr, "apigwlint: %s\n", msg)
		return exitError
	}
	if msg := outputIsInput(o.writeBaseline, files); msg != "" {
		fmt.Fprintf(stderr, "apigwlint: --write-baseline%s\n", strings.TrimPrefix(msg, "--output"))
		return exitError
	}
	files = withoutOutputs(files, o.output, o.sarifOutput, o.writeBaseline) // a previous report is replaced, not linted
	rep := &report.Report{Tool: "apigwlint", Version: toolVersion(), Errors: errs}
	tuneGC(files)
	for _, r := range lintAll(files, stdin, cfg) {
		rep.Findings = append(rep.Findings, r.findings...)
		if r.err != nil {
			rep.Errors = append(rep.Errors, r.err)
		}
	}
	report.SortErrors(rep.Errors)
	for _, e := range rep.Errors {
		fmt.Fprintf(stderr, "%s: input error: %s\n", location(e), report.OneLine(e.Msg))
	}
	if code, done := suppress(o, fc, cfg, rep, files, stderr); done { // ignore entries, baseline (suppress.go)
		return code
	}
	ropt := report.Options{Color: useColor(o.color, stdout) && o.output == "", Verbose: o.verbose, ShowSuppressed: o.showSuppressed}
	if code := writeOutput(o, stdout, stderr, func(w io.Writer) error { return report.Write(w, o.format, rep, ropt) }); code != exitClean {
		return code
	}
	if code := writeSARIFOutput(o, rep, stderr); code != exitClean {
		return code
	}
	if len(rep.Errors) > 0 {
		return exitError
	}
	for _, f := range rep.Findings {
		if f.Severity >= failLevel && f.Suppressed == nil {
			return exitFindings
		}
	}
	return exitClean
}

func location(e *loader.Error) string {
	path := report.OneLine(e.Path) // a hostile file name must not forge a line
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d", path, e.Line, e.Col)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d", path, e.Line)
	}
	return path
}

// configure turns flags into the rule configuration and fail level.
func configure(o *options) (*rules.Config, rules.Severity, error) {
	if o.listRules {
		if !contains([]string{"text", "json", "markdown"}, o.format) {
			return nil, 0, fmt.Errorf("--list-rules writes --format text, json or markdown, not %q", o.format)
		}
	} else if !contains(report.Formats, o.format) {
		return nil, 0, fmt.Errorf("unknown --format %q (want %s)", o.format, strings.Join(report.Formats, ", "))
	}
	if !contains([]string{"auto", "always", "never"}, o.color) {
		return nil, 0, fmt.Errorf("unknown --color %q (want auto, always or never)", o.color)
	}
	fail, err := rules.ParseSeverity(o.failLevel)
	if err != nil {
		return nil, 0, fmt.Errorf("--fail-level: %v", err)
	}
	if o.timeoutCeiling < 50 {
		return nil, 0, fmt.Errorf("--timeout-ceiling must be at least 50 (milliseconds), not %d", o.timeoutCeiling)
	}
	cfg := &rules.Config{Options: rules.Options{TimeoutCeiling: o.timeoutCeiling}, Disabled: map[string]bool{}}
	for _, id := range strings.Split(o.disable, ",") {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		r := rules.ByID(id)
		if r == nil {
			return nil, 0, fmt.Errorf("--disable: no rule %q (see apigwlint --list-rules)", id)
		}
		cfg.Disabled[r.ID] = true
	}
	return cfg, fail, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fileResult is the outcome of linting one file.
type fileResult struct {
	findings []rules.Finding
	err      *loader.Error
}

// lintAll lints files on all cores and returns the results in input order,
// so that output is the same whatever the scheduling.
func lintAll(files []input, stdin io.Reader, cfg *rules.Config) []fileResult {
	results := make([]fileResult, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(len(files), 1))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = lintOne(files[i], stdin, cfg)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// lintOne reads, parses and checks one file. It never panics: a panic is
// reported as an internal error for that file.
func lintOne(in input, stdin io.Reader, cfg *rules.Config) (res fileResult) {
	defer func() {
		if r := recover(); r != nil {
			res = fileResult{err: &loader.Error{Path: in.path, Msg: fmt.Sprintf("internal error: %v (please report this with the file)", r)}}
		}
	}()
	src, rerr := readInput(in, stdin, loader.DefaultLimits)
	if rerr != nil {
		return fileResult{err: rerr}
	}
	loaded, err := loader.Load(in.path, src, loader.DefaultLimits)
	if err != nil {
		if !in.explicit && !mentionsAPI(src) {
			return fileResult{} // not API Gateway content we could judge
		}
		return fileResult{err: err.(*loader.Error)}
	}
	findings, err := check(loaded, cfg)
	if err != nil {
		return fileResult{err: &loader.Error{Path: in.path, Msg: err.Error()}}
	}
	return fileResult{findings: findings}
}

// writeOutput writes the report to standard output, or atomically to
// --output (see writeAtomic).
func writeOutput(o *options, stdout, stderr io.Writer, write func(io.Writer) error) int {
	if o.output == "" {
		if err := write(stdout); err != nil {
			fmt.Fprintf(stderr, "apigwlint: writing the report: %v\n", err)
			return exitError
		}
		return exitClean
	}
	if err := writeAtomic(o.output, write); err != nil {
		fmt.Fprintf(stderr, "apigwlint: --output %s: %v\n", o.output, err)
		return exitError
	}
	return exitClean
}

// outputMode is the permission of a report written with --output: that of
// the file it replaces, or rw-r--r-- for a new one.
func outputMode(path string) os.FileMode {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		return st.Mode().Perm()
	}
	return 0o644
}

// useColor decides on ANSI colours: never for files or pipes, never when
// NO_COLOR is set (no-color.org) or TERM is dumb.
func useColor(when string, w io.Writer) bool {
	switch when {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
