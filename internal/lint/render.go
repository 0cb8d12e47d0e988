package lint

import (
	"fmt"
	"io"
	"os"

	"github.com/apigwlint/apigwlint/internal/fileio"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/report"
)

// render is the Render stage: the report in --format to standard output or
// --output, and the SARIF log to --sarif-output when it is set, a second
// sink so that a CI step can annotate with --format github and upload SARIF
// from one run.
func render(o *Options, rep *report.Report, stdout io.Writer) error {
	pretty := usePretty(o, stdout)
	ropt := report.Options{Color: useColor(o.Color, stdout) && o.Output == "", Verbose: o.Verbose, ShowSuppressed: o.ShowSuppressed,
		Summary: pretty, Source: pretty}
	if err := WriteOutput(o, stdout, func(w io.Writer) error { return report.Write(w, o.Format, rep, ropt) }); err != nil {
		return err
	}
	if o.SARIFOutput == "" {
		return nil
	}
	if err := fileio.Write(o.SARIFOutput, func(w io.Writer) error { return report.SARIF(w, rep) }); err != nil {
		return fmt.Errorf("--sarif-output %s: %v", o.SARIFOutput, err)
	}
	return nil
}

// WriteOutput writes through write to standard output, or (see fileio.Write) to
// --output: the report, or the rule list of --list-rules.
func WriteOutput(o *Options, stdout io.Writer, write func(io.Writer) error) error {
	if o.Output == "" {
		if err := write(stdout); err != nil {
			return fmt.Errorf("writing the report: %v", err)
		}
		return nil
	}
	if err := fileio.Write(o.Output, write); err != nil {
		return fmt.Errorf("--output %s: %v", o.Output, err)
	}
	return nil
}

// printErrors writes the input errors to stderr, one line each, before the
// report: a file that could not be linted must not pass unnoticed.
func printErrors(errs []*loader.Error, stderr io.Writer) {
	for _, e := range errs {
		fmt.Fprintf(stderr, "%s: input error: %s\n", location(e), report.OneLine(e.Msg))
	}
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
	return isTerminal(w)
}

// usePretty decides on the summary line and the source lines of the text
// format (--pretty): by default only for a terminal, never for a file or
// a pipe, which tools and problem matchers read.
func usePretty(o *Options, stdout io.Writer) bool {
	switch {
	case o.Format != "text" || o.Pretty == "never":
		return false
	case o.Pretty == "always":
		return true
	}
	return o.Output == "" && isTerminal(stdout)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
