package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigwlint/apigwlint/internal/report"
)

// writeSARIFOutput writes the SARIF log of rep to --sarif-output, when it is
// set: a second sink beside the report on standard output or --output, so a
// CI step can annotate with --format github and upload SARIF from one run.
func writeSARIFOutput(o *options, rep *report.Report, stderr io.Writer) int {
	if o.sarifOutput == "" {
		return exitClean
	}
	if err := writeAtomic(o.sarifOutput, func(w io.Writer) error { return report.SARIF(w, rep) }); err != nil {
		fmt.Fprintf(stderr, "apigwlint: --sarif-output %s: %v\n", o.sarifOutput, err)
		return exitError
	}
	return exitClean
}

// sarifOutputConflict returns why the run must not start when
// --sarif-output names one of the files to lint, or the file --output
// writes: one report would replace the other, or an input.
func sarifOutputConflict(o *options, files []input) string {
	if o.sarifOutput == "" {
		return ""
	}
	if msg := outputIsInput(o.sarifOutput, files); msg != "" {
		return "--sarif-" + strings.TrimPrefix(msg, "--")
	}
	if o.output == "" {
		return ""
	}
	a, aerr := filepath.Abs(o.output)
	b, berr := filepath.Abs(o.sarifOutput)
	same := aerr == nil && berr == nil && a == b
	if sa, err := os.Stat(o.output); err == nil {
		if sb, err := os.Stat(o.sarifOutput); err == nil && os.SameFile(sa, sb) {
			same = true
		}
	}
	if same {
		return fmt.Sprintf("--output and --sarif-output both name %s; one report would replace the other", o.output)
	}
	return ""
}

// writeAtomic writes a file through write: into a temporary file in the same
// folder, renamed into place, so a failed run never leaves a truncated file.
// The file keeps the permissions of the one it replaces (rw-r--r-- when new).
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".apigwlint-*.tmp")
	if err != nil {
		return err
	}
	werr := write(tmp)
	if werr == nil {
		// CreateTemp makes the file private (0600); a report is not.
		werr = tmp.Chmod(outputMode(path))
	}
	cerr := tmp.Close()
	if werr == nil && cerr == nil {
		werr = os.Rename(tmp.Name(), path)
	} else if werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}
