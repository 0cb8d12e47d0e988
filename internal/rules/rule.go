// Package rules holds apigwlint's checks. Each rule is a value: its code
// lives in rules/<name>.go, listed with its options in registry.go's checks,
// and everything a user reads about it (id, title, severity, rationale,
// examples, sources) lives in internal/rules/docs/<name>.md. The README rule
// table, --list-rules, the pages of docs/rules, explain and the SARIF rule
// descriptors are all rendered from those places by internal/ruledoc.
package rules

import (
	"fmt"
	"github.com/apigwlint/apigwlint/internal/buildinfo"
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
	"sync"
)

// Severity is how serious a finding is, in SARIF's vocabulary.
type Severity int

const (
	Note Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// ParseSeverity reads "error", "warning" or "note" ("info" is taken for note).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "note", "info":
		return Note, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or note)", s)
}

// Example is a failing or passing snippet from a rule's documentation.
type Example struct {
	Good bool
	Lang string // "yaml" or "json"
	Code string
}

// Rule is one check and its documentation. ID, Name, Severity and Options
// are set in every Rule of All; the documentation (Title, Rationale,
// Examples, Doc, Fails, Message) is parsed only for the views that show it,
// and is empty until Documented has been called.
type Rule struct {
	ID       string   // stable code, e.g. "AGW101"; never reused
	Name     string   // kebab-case slug, e.g. "integration-type"
	Severity Severity // default severity of its findings
	// Options are the settings the rule declares (registry.go's checks).
	Options []*Option

	// Set by Documented:
	Title     string // one line: lowercase, no trailing period
	Rationale string // why it matters (Markdown, first section of the doc)
	Examples  []Example
	Doc       string // the whole Markdown documentation, front matter removed
	// Fails says when API Gateway itself would find the mistake (a key of
	// Outcomes), and Message is what it then says, verbatim, when known:
	// the error the rule saves its users from meeting at import or deploy.
	Fails   string
	Message string

	check check
}

// Option is a setting a rule declares, with its default. Its name is both
// the key of the configuration file and the command-line flag that set it.
type Option struct {
	Name    string // e.g. "timeout-ceiling"
	Default int
}

// HelpURL is where the rule's documentation is published: the page
// docs/rules/<name>.md generated from internal/rules/docs/<name>.md, as it
// is in the release the running build was made from (docsRef).
func (r *Rule) HelpURL() string {
	return "https://github.com/apigwlint/apigwlint/blob/" + docsRef() + "/docs/rules/" + r.Name + ".md"
}

// docsRef is the git ref whose documentation the help links show: the
// module version of a released build, so that a user reads the page of the
// rule as their version has it, and main for any other build. It is read
// from the build information on first use: only SARIF and the
// documentation views show help links.
var docsRef = sync.OnceValue(buildinfo.DocsRef)

// Finding is one problem found in one file.
type Finding struct {
	RuleID   string
	Rule     string // the rule's name
	Severity Severity
	Message  string // one line: what is wrong and what is expected
	File     string
	doc.Span
	Pointer string // JSON pointer to the offending value
	// Suppressed is set when a comment, the configuration or a baseline
	// accepts the finding (see suppression.go).
	Suppressed *Suppression
	// Fixes resolve the finding when applied (--fix); most findings have
	// none: a fix is attached only where it is certain (see fix.go).
	Fixes []Fix
}

// Options tune rules whose limits depend on the user's account.
type Options struct {
	// TimeoutCeiling is the highest timeoutInMillis accepted for buffered REST
	// integrations: the timeout rule's option TimeoutCeiling, higher than
	// its default for Regional and private APIs whose account has a raised
	// quota.
	TimeoutCeiling int
}

// DefaultOptions are the options when nothing is configured: each rule
// option's default.
var DefaultOptions = Options{TimeoutCeiling: TimeoutCeiling.Default}

// reporter records findings of one rule in one file; both kinds of pass
// embed it.
type reporter struct {
	rule *Rule
	file *doc.File
	out  *[]Finding
	fix  *Fix // attached to the findings reported (see Pass.Fixed)
	// speak respells a message for the input it is about: the field names
	// of a Terraform aws_apigatewayv2_integration (doc.TerraformV2Words) or
	// aws_api_gateway_integration (doc.TerraformWords).
	speak func(string) string
}

// Report records a finding at node n, whose JSON pointer is ptr.
func (r *reporter) Report(n *doc.Node, ptr, format string, args ...any) {
	r.ReportAt(r.file.SpanOf(n), ptr, format, args...)
}

// ReportAt records a finding at a position found without a node: inside a
// scalar (a mapping template's line), or where a later YAML document
// starts.
func (r *reporter) ReportAt(at doc.Span, ptr, format string, args ...any) {
	f := Finding{
		RuleID:   r.rule.ID,
		Rule:     r.rule.Name,
		Severity: r.rule.Severity,
		Message:  fmt.Sprintf(format, args...),
		File:     r.file.Path,
		Span:     at,
		Pointer:  ptr,
	}
	if r.speak != nil {
		f.Message = r.speak(f.Message)
	}
	if r.fix != nil {
		f.Fixes = []Fix{*r.fix}
	}
	*r.out = append(*r.out, f)
}

// ReportValue records a finding at the value of field f.
func (r *reporter) ReportValue(f *doc.Field, format string, args ...any) {
	r.Report(f.Value, f.Pointer(), format, args...)
}

// ReportKey records a finding at the key of field f (for a field that must
// not be there).
func (r *reporter) ReportKey(f *doc.Field, format string, args ...any) {
	r.Report(f.Key, f.Pointer(), format, args...)
}

// withSeverity returns a reporter whose findings have severity s instead of
// the rule's default.
func (r reporter) withSeverity(s Severity) reporter {
	rule := *r.rule
	rule.Severity = s
	r.rule = &rule
	return r
}

// Pass is what a rule sees while checking one integration.
type Pass struct {
	reporter
	In   *doc.Integration
	Opts *Options
}

// ReportMissing records a finding about a field the integration lacks, at
// the x-amazon-apigateway-integration key (or the JSON root).
func (p *Pass) ReportMissing(format string, args ...any) {
	p.Report(p.In.Anchor(), p.In.Pointer, format, args...)
}

// WithSeverity returns a copy of the pass that reports at severity s
// instead of the rule's default, for rules whose findings differ in weight.
func (p *Pass) WithSeverity(s Severity) *Pass {
	q := *p
	q.reporter = p.reporter.withSeverity(s)
	return &q
}

// DocPass is what a document rule sees: one OpenAPI document (standalone or
// embedded in a template) with everything around it.
type DocPass struct {
	reporter
	API    *doc.API
	Result *doc.Result // the whole file, e.g. the template around the API
	Opts   *Options
}

// WithSeverity is Pass.WithSeverity for document rules.
func (p *DocPass) WithSeverity(s Severity) *DocPass {
	q := *p
	q.reporter = p.reporter.withSeverity(s)
	return &q
}
