package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// SARIF writes a SARIF 2.1.0 log with one run. Every rule is described in
// tool.driver.rules (as ruledoc.SARIF renders its metadata); each finding is
// a result with its region, a relative percent-encoded artifact URI and a
// partial fingerprint built from rule, file and JSON pointer, so that code
// scanning follows an alert across edits. Columns count Unicode code points.
// Input errors are tool execution notifications, and mark the invocation as
// unsuccessful.
func SARIF(w io.Writer, r *Report) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI(r.Tool, "https://github.com/apigwlint/apigwlint")
	run.Tool.Driver.WithVersion(r.Version)
	run.WithColumnKind("unicodeCodePoints")
	loc := newLocator(r.WorkDir)
	if loc.root != "" {
		run.OriginalUriBaseIDs = map[string]*sarif.ArtifactLocation{srcRoot: sarif.NewSimpleArtifactLocation(loc.root)}
	}
	all, err := rules.Documented()
	if err != nil {
		return err
	}
	index := map[string]int{}
	for i, rule := range all {
		index[rule.ID] = i
		d := ruledoc.SARIF(rule)
		run.AddRule(d.ID).
			WithName(d.Name).
			WithShortDescription(sarif.NewMultiformatMessageString(d.ShortDescription)).
			WithFullDescription(sarif.NewMultiformatMessageString(d.FullDescription)).
			WithHelpURI(d.HelpURI).
			WithHelp(sarif.NewMultiformatMessageString(d.HelpText).WithMarkdown(d.HelpMarkdown)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(d.Level)).
			WithProperties(d.Properties)
	}
	run.Results = []*sarif.Result{} // results must be present, even when empty
	for _, f := range r.Findings {
		region := sarif.NewRegion().WithStartLine(f.Line).WithStartColumn(f.Col)
		if f.EndLine > 0 {
			region.WithEndLine(f.EndLine).WithEndColumn(f.EndCol)
		}
		res := run.CreateResultForRule(f.RuleID).
			WithLevel(f.Severity.String()).
			WithRuleIndex(index[f.RuleID]).
			WithMessage(sarif.NewTextMessage(f.Message)).
			WithPartialFingerPrints(map[string]interface{}{"apigwlint/v1": Fingerprint(f)})
		res.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(loc.artifact(f.File)).
			WithRegion(region)))
		addFixes(res, f, loc.artifact(f.File))
		addSuppression(res, f, r.Baseline, loc)
	}
	inv := run.AddInvocation(len(r.Errors) == 0)
	for _, e := range r.Errors {
		n := sarif.NewNotification().WithLevel("error").WithTextMessage(e.Msg)
		pl := sarif.NewPhysicalLocation().WithArtifactLocation(loc.artifact(e.Path))
		if e.Line > 0 {
			reg := sarif.NewRegion().WithStartLine(e.Line)
			if e.Col > 0 {
				reg.WithStartColumn(e.Col)
			}
			pl.WithRegion(reg)
		}
		n.AddLocation(sarif.NewLocationWithPhysicalLocation(pl))
		inv.AddTToolExecutionNotification(n)
	}
	log.AddRun(run)
	return log.PrettyWrite(w)
}

// Fingerprint identifies a finding independently of its line: rule, file and
// JSON pointer. It is the key of partialFingerprints and of baselines.
func Fingerprint(f rules.Finding) string {
	sum := sha256.Sum256([]byte(f.RuleID + "|" + filepath.ToSlash(f.File) + "|" + f.Pointer))
	return hex.EncodeToString(sum[:16])
}

// srcRoot is the uriBaseId of the working folder, which GitHub code
// scanning and other viewers resolve to the checkout.
const srcRoot = "%SRCROOT%"

// locator writes the artifact locations of one log: paths relative to the
// working folder, cleaned, against %SRCROOT%; paths outside it as absolute
// file:// URIs without a base.
type locator struct {
	wd   string // absolute working folder; "" when unknown
	root string // its file:// URI, ending in /
}

// newLocator is the locator for working folder wd, or the process's own
// when wd is "".
func newLocator(wd string) locator {
	if wd == "" {
		wd, _ = os.Getwd()
	}
	if wd == "" || !filepath.IsAbs(wd) {
		return locator{}
	}
	root := ArtifactURI(wd)
	if !strings.HasSuffix(root, "/") {
		root += "/"
	}
	return locator{wd: filepath.Clean(wd), root: root}
}

// artifact is the artifact location of path, as reported (relative to the
// working folder, or absolute).
func (l locator) artifact(path string) *sarif.ArtifactLocation {
	if l.wd == "" {
		return sarif.NewSimpleArtifactLocation(ArtifactURI(path)).WithUriBaseId(srcRoot)
	}
	abs := path
	if !filepath.IsAbs(path) {
		abs = filepath.Join(l.wd, path)
	}
	rel, err := filepath.Rel(l.wd, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return sarif.NewSimpleArtifactLocation(ArtifactURI(filepath.Clean(abs)))
	}
	return sarif.NewSimpleArtifactLocation(ArtifactURI(rel)).WithUriBaseId(srcRoot)
}

// ArtifactURI turns a file path into a SARIF artifact URI: relative paths
// stay relative (GitHub resolves them against the checkout), with forward
// slashes and percent-encoding; absolute paths become file:// URIs.
func ArtifactURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // Windows drive letters
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: strings.TrimPrefix(p, "./")}).String()
}
