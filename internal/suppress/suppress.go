// Package suppress is the Suppress stage of a run, the one owner of every
// way a finding is accepted instead of reported, in this order:
// apigwlint:ignore comments in the linted file (Comments), the ignore
// entries of .apigwlint.yaml, then the baseline (Run). It also makes the
// findings of the suppression rule about them: malformed, reasonless or
// stale comments, and ignore entries that match nothing.
//
// Comments runs for each file as soon as it is checked, while its source is
// in memory (keeping every file's source for later would raise a run's peak
// memory); Run runs once every file is checked, since an ignore entry or a
// baseline is judged against the findings of all the files.
package suppress

import (
	"fmt"
	"io"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// Settings are what the stage reads of a run's options.
type Settings struct {
	Config        *config.File // its ignore entries; an empty File has none
	Rules         *rules.Config
	Baseline      string // --baseline: the findings it lists are accepted
	WriteBaseline string // --write-baseline: the findings are written there instead of reported
}

// Run applies the configuration's ignore entries and then the baseline to
// the findings of rep, whose files were files (an input error leaves a
// file unjudged); with WriteBaseline it writes the baseline instead, and
// reports true: the run ends there. What it did is said on stderr.
func Run(s Settings, rep *report.Report, files []string, stderr io.Writer) (wroteBaseline bool, err error) {
	failed := map[string]bool{}
	for _, e := range rep.Errors {
		failed[e.Path] = true
	}
	var linted []string // files read and parsed: their findings are complete
	for _, f := range files {
		if !failed[f] {
			linted = append(linted, f)
		}
	}
	ignores(s.Config, s.Rules, rep, linted)
	if s.WriteBaseline != "" {
		n, err := writeBaseline(s.WriteBaseline, rep.Findings)
		if err != nil {
			return true, fmt.Errorf("--write-baseline %s: %v", s.WriteBaseline, err)
		}
		fmt.Fprintf(stderr, "apigwlint: wrote %d findings to the baseline %s\n", n, s.WriteBaseline)
		return true, nil
	}
	if s.Baseline != "" {
		matched, gone, err := applyBaseline(s.Baseline, rep, linted)
		if err != nil {
			return false, fmt.Errorf("--baseline %s: %v", s.Baseline, err)
		}
		msg := fmt.Sprintf("apigwlint: baseline %s: %d %s accepted", s.Baseline, matched, plural(matched, "finding", "findings"))
		if gone > 0 {
			msg += fmt.Sprintf(", %d %s no longer found (fixed, or changed: refresh it with --write-baseline)", gone, plural(gone, "entry", "entries"))
		}
		fmt.Fprintln(stderr, msg)
	}
	return false, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
