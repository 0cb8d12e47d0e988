package suppress

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/fileio"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// ignores suppresses the findings matched by an ignore entry of the
// configuration, and reports (as findings of the suppression rule, at the
// entry) entries that match no finding although their path matched a file
// that was linted: an entry for files this run did not see is not judged.
func ignores(c *config.File, cfg *rules.Config, rep *report.Report, linted []string) {
	if len(c.Ignore) == 0 {
		return
	}
	rels := map[string]string{}
	rel := func(path string) string {
		r, ok := rels[path]
		if !ok {
			r = c.Rel(path)
			rels[path] = r
		}
		return r
	}
	judged := map[*config.Ignore]bool{} // its path matched a file linted without an input error
	used := map[*config.Ignore]bool{}   // it suppressed a finding
	for _, e := range c.Ignore {
		for _, p := range linted {
			if p != fileio.StdinName && e.Path.Match(rel(p)) {
				judged[e] = true
				break
			}
		}
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		if f.Suppressed != nil || f.File == fileio.StdinName {
			continue
		}
		for _, e := range c.Ignore {
			if matches(e, f, rel(f.File)) {
				used[e] = true
				f.Suppressed = &rules.Suppression{Kind: "external", By: rules.ByConfig, Justification: e.Reason, File: c.Path, Line: e.Line, Col: e.Col}
				break
			}
		}
	}
	self := rules.ByID(rules.SuppressionRule)
	if cfg.Disabled[self.ID] {
		return
	}
	sev := self.Severity
	if s, ok := cfg.Severity[self.ID]; ok {
		sev = s
	}
	for _, e := range c.Ignore {
		if !judged[e] || used[e] || e.Rule != nil && cfg.Disabled[e.Rule.ID] {
			continue
		}
		rep.Findings = append(rep.Findings, rules.Finding{
			RuleID: self.ID, Rule: self.Name, Severity: sev, File: c.Path, Span: doc.Span{Line: e.Line, Col: e.Col},
			Message: fmt.Sprintf("the ignore entry %s suppresses nothing: no finding in the files linted matches it; remove it", describe(e)),
		})
	}
}

// matches reports whether the entry covers finding f, in the file whose
// path relative to the configuration file is rel. The pointer matches
// itself and everything below it, on whole reference tokens: /paths/~1a
// covers /paths/~1a/get but not /paths/~1ab.
func matches(e *config.Ignore, f *rules.Finding, rel string) bool {
	if e.Rule != nil && e.Rule.ID != f.RuleID {
		return false
	}
	if e.Pointer != "" && f.Pointer != e.Pointer && !strings.HasPrefix(f.Pointer, e.Pointer+"/") {
		return false
	}
	return e.Path.Match(rel)
}

func describe(e *config.Ignore) string {
	parts := []string{"path " + e.Path.Text}
	if e.Rule != nil {
		parts = append(parts, "rule "+e.Rule.ID)
	}
	if e.Pointer != "" {
		parts = append(parts, "pointer "+e.Pointer)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
