package lint

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigwlint/apigwlint/internal/loader"
)

// outputsAreNotInputs refuses the run when a file apigwlint is to write
// (--output, --sarif-output, --write-baseline) is one of the files to lint.
func outputsAreNotInputs(o *Options, files []input) error {
	if msg := outputIsInput(o.Output, files); msg != "" {
		return errors.New(msg)
	}
	if msg := sarifOutputConflict(o, files); msg != "" {
		return errors.New(msg)
	}
	if msg := outputIsInput(o.WriteBaseline, files); msg != "" {
		return errors.New("--write-baseline" + strings.TrimPrefix(msg, "--output"))
	}
	return nil
}

// outputIsInput returns why the run must not start when a file apigwlint
// is to write (--output, --sarif-output, --write-baseline) is one of the
// files to lint, by any path, links included: a file named on the command
// line, or one found by a walk or a glob that holds API content. apigwlint
// never writes to what it reads. A file found by a walk that holds no API
// content (the report of the previous run) may be replaced: see
// withoutOutputs.
func outputIsInput(output string, files []input) string {
	if output == "" {
		return ""
	}
	out, err := os.Stat(output)
	if err != nil {
		return "" // a new file cannot be an input
	}
	for _, in := range files {
		if in.stdin {
			continue
		}
		if st, err := os.Stat(in.path); err == nil && os.SameFile(out, st) && (in.explicit || holdsAPI(in)) {
			return fmt.Sprintf("--output %s is %s, one of the files to lint; the report would replace it", output, in.path)
		}
	}
	return ""
}

// holdsAPI reports whether a file found by a walk is one apigwlint would
// lint (or fail to parse and report): anything but that is not an input.
func holdsAPI(in input) bool {
	src, rerr := readInput(in, nil, loader.DefaultLimits)
	if rerr != nil {
		return true // cannot tell: keep it safe
	}
	res, err := loader.Load(in.path, src, loader.DefaultLimits)
	if err != nil {
		return mentionsAPI(src)
	}
	return res.Content != doc.ContentNone
}

// withoutOutputs drops from files the ones that a file apigwlint writes
// names: the report or baseline of a previous run, found by walking the
// folder it was written to, is replaced, not linted.
func withoutOutputs(files []input, outputs ...string) []input {
	var outs []os.FileInfo
	for _, o := range outputs {
		if o == "" {
			continue
		}
		if st, err := os.Stat(o); err == nil {
			outs = append(outs, st)
		}
	}
	if len(outs) == 0 {
		return files
	}
	kept := files[:0:0]
	for _, in := range files {
		drop := false
		if !in.stdin {
			if st, err := os.Stat(in.path); err == nil {
				for _, o := range outs {
					drop = drop || os.SameFile(o, st)
				}
			}
		}
		if !drop {
			kept = append(kept, in)
		}
	}
	return kept
}

// sarifOutputConflict returns why the run must not start when
// --sarif-output names one of the files to lint, or the file --output
// writes: one report would replace the other, or an input.
func sarifOutputConflict(o *Options, files []input) string {
	if o.SARIFOutput == "" {
		return ""
	}
	if msg := outputIsInput(o.SARIFOutput, files); msg != "" {
		return "--sarif-" + strings.TrimPrefix(msg, "--")
	}
	if o.Output == "" {
		return ""
	}
	a, aerr := filepath.Abs(o.Output)
	b, berr := filepath.Abs(o.SARIFOutput)
	same := aerr == nil && berr == nil && a == b
	if sa, err := os.Stat(o.Output); err == nil {
		if sb, err := os.Stat(o.SARIFOutput); err == nil && os.SameFile(sa, sb) {
			same = true
		}
	}
	if same {
		return fmt.Sprintf("--output and --sarif-output both name %s; one report would replace the other", o.Output)
	}
	return ""
}
