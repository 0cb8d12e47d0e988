package lint

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"

	"github.com/apigwlint/apigwlint/internal/fileio"
	"github.com/apigwlint/apigwlint/internal/fix"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
)

// fixStage is the Fix stage (--fix, --diff), run before the rest: it lints
// the files (and the body files of their Terraform resources), applies the fixes of the findings that no comment, ignore
// entry or baseline accepts, and writes each changed file in place (--fix;
// as every output is written, so a link stays a link and permissions are
// kept) or prints its unified diff (--diff). A file whose text changed
// since it was linted is left alone. It returns the number of files
// changed (or that would be).
func fixStage(o *Options, st fileStages, stdout, stderr io.Writer) (int, error) {
	files, errs, err := discover(o)
	if err != nil {
		return 0, err
	}
	for _, f := range files {
		if f.stdin {
			return 0, fmt.Errorf("--fix and --diff need files: standard input cannot be written back")
		}
	}
	st.sums = true
	// As a run without --fix lints them: the body files the Terraform
	// files load are linted as those bodies, and fixed too.
	files, results, berrs := st.lintInputs(files, nil, o.Rules, o.File)
	rep := &report.Report{Errors: append(errs, berrs...)}
	paths := make([]string, len(files))
	for i, r := range results {
		paths[i] = files[i].path
		rep.Findings = append(rep.Findings, r.findings...)
	}
	s := suppress.Settings{Config: o.File, Rules: o.Rules, Baseline: o.Baseline}
	if _, err := suppress.Run(s, rep, paths, io.Discard); err != nil {
		return 0, err
	}
	byFile := map[string][]rules.Finding{}
	for _, f := range rep.Findings {
		if f.Suppressed == nil && len(f.Fixes) > 0 {
			byFile[f.File] = append(byFile[f.File], f)
		}
	}
	changed := 0
	for i, in := range files {
		fs := byFile[in.path]
		if len(fs) == 0 || results[i].err != nil {
			continue
		}
		old, err := os.ReadFile(in.path)
		if err != nil || sha256.Sum256(old) != results[i].sum {
			fmt.Fprintf(stderr, "apigwlint: %s changed since it was linted; not fixed\n", report.OneLine(in.path))
			continue
		}
		new, _ := fix.Apply(old, fs)
		if bytes.Equal(old, new) {
			continue
		}
		changed++
		if o.Diff {
			if err := fix.Diff(stdout, in.path, old, new); err != nil {
				return changed, fmt.Errorf("writing the diff: %v", err)
			}
			continue
		}
		if err := fileio.Write(in.path, func(w io.Writer) error { _, err := w.Write(new); return err }); err != nil {
			return changed, fmt.Errorf("--fix %s: %v", in.path, err)
		}
	}
	return changed, nil
}
