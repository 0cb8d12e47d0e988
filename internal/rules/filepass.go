package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
)

// FilePass is what a file rule sees: the whole loaded file, whatever it
// holds (file rules judge the text itself, such as keys written twice).
type FilePass struct {
	reporter
	Result *doc.Result
	Opts   *Options
}

// File is the parsed file.
func (p *FilePass) File() *doc.File { return p.Result.File }

// WithSeverity is Pass.WithSeverity for file rules.
func (p *FilePass) WithSeverity(s Severity) *FilePass {
	q := *p
	q.reporter = p.reporter.withSeverity(s)
	return &q
}
