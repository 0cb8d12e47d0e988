package lint

import (
	"io"
	"os"
	"path/filepath"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
)

// Document lints one document held in memory, an editor's buffer, as if it
// were the file at path: the configuration is the one found from path's
// folder up (as a run finds it from the working folder), its include and
// exclude patterns, rules and ignore entries apply, and so do the
// document's own apigwlint:ignore comments. o gives the flags (flag values
// override the configuration as on the command line); it is not changed.
//
// It returns the findings in the document (suppressed ones marked), and the
// input error when the text cannot be read as a document; skipped is true
// when the configuration excludes path. A panic is recovered as in a run.
func Document(o Options, path string, src []byte) (findings []rules.Finding, ierr *loader.Error, skipped bool, err error) {
	if o.Config == "" && !o.NoConfig {
		if abs, aerr := filepath.Abs(path); aerr == nil {
			wd, _ := os.Getwd()
			if o.Config, err = config.FindFrom(filepath.Dir(abs), wd); err != nil {
				return nil, nil, false, err
			}
			o.NoConfig = o.Config == ""
		}
	}
	if err := o.Resolve(); err != nil {
		return nil, nil, false, err
	}
	if o.File.Dir != "" && !o.File.Keeps(o.File.Rel(path)) {
		return nil, nil, true, nil
	}
	st := fileStages{load: load, check: rules.Check}
	res := st.lintSource(path, src, o.Rules)
	if res.err != nil {
		return nil, res.err, false, nil
	}
	rep := &report.Report{Findings: res.findings}
	if _, err := suppress.Run(suppress.Settings{Config: o.File, Rules: o.Rules}, rep, []string{path}, io.Discard); err != nil {
		return nil, nil, false, err
	}
	for _, f := range rep.Findings {
		if f.File == path { // not the configuration's own findings
			findings = append(findings, f)
		}
	}
	return findings, nil, false, nil
}
