package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apigwlint/apigwlint/internal/clitest"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestSARIFSchema validates SARIF against the official schema: a run over
// all of testdata/ (every rule's golden inputs, the loader inputs, and the
// deliberately broken files, which become tool execution notifications), a
// clean run, and the golden report.
func TestSARIFSchema(t *testing.T) {
	sch := clitest.Schema(t)
	all := runCLI(t, "", "--format", "sarif", "testdata")
	if all.code != exitError {
		t.Errorf("testdata holds unparsable inputs: want exit 2, got %d", all.code)
	}
	clitest.Validate(t, sch, "the run over testdata/", all.stdout)
	clitest.Validate(t, sch, "a clean run", runCLI(t, "", "--format", "sarif", "testdata/e2e/clean.yaml").stdout)
	clitest.Validate(t, sch, "testdata/e2e/report.sarif.golden", clitest.ReadAll(t, "testdata/e2e/report.sarif.golden"))

	// The validator must catch what it is here to catch.
	for name, bad := range map[string][2]string{
		"startLine 0":           {`"startLine": 12,`, `"startLine": 0,`},
		"null shortDescription": {`"shortDescription": {`, `"shortDescription": null, "x": {`},
		"level fatal":           {`"level": "error"`, `"level": "fatal"`},
		"no version":            {`"version": "2.1.0",`, ``},
	} {
		mutated := strings.Replace(all.stdout, bad[0], bad[1], 1)
		if mutated == all.stdout {
			t.Fatalf("%s: %q not found in the report", name, bad[0])
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(mutated))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("a report with %s validates: the schema check is not working", name)
		}
	}
}

// sarifLog is the part of a SARIF log GitHub code scanning reads.
type sarifLog struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID                                string
					Name                              string
					ShortDescription, FullDescription *struct{ Text string }
					Help                              *struct{ Text, Markdown string }
					DefaultConfiguration              struct{ Level string }
				}
			}
		}
		Results *[]struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
		}
	}
}

// TestSARIFForGitHub checks what GitHub code scanning requires beyond the
// schema, on the run over all of testdata/: columns in code points; every
// rule with a name, short and full descriptions of at most 1024 characters,
// help text and a level; results present; each result with its rule's index,
// a message, and a location with a relative URI and a start line and column.
func TestSARIFForGitHub(t *testing.T) {
	out := runCLI(t, "", "--format", "sarif", "testdata").stdout
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q, want unicodeCodePoints", run.ColumnKind)
	}
	if run.Tool.Driver.Name != "apigwlint" {
		t.Errorf("driver name %q", run.Tool.Driver.Name)
	}
	ruleSet := run.Tool.Driver.Rules
	if len(ruleSet) != len(rules.All) {
		t.Errorf("%d rules described, want all %d", len(ruleSet), len(rules.All))
	}
	for i, r := range ruleSet {
		switch {
		case r.ShortDescription == nil || r.ShortDescription.Text == "":
			t.Errorf("rule %s: no shortDescription.text", r.ID)
		case utf8.RuneCountInString(r.ShortDescription.Text) > 1024:
			t.Errorf("rule %s: shortDescription is longer than 1024 characters", r.ID)
		}
		switch {
		case r.FullDescription == nil || r.FullDescription.Text == "":
			t.Errorf("rule %s: no fullDescription.text", r.ID)
		case utf8.RuneCountInString(r.FullDescription.Text) > 1024:
			t.Errorf("rule %s: fullDescription is longer than 1024 characters", r.ID)
		case !utf8.ValidString(r.FullDescription.Text) || strings.ContainsRune(r.FullDescription.Text, utf8.RuneError):
			t.Errorf("rule %s: fullDescription holds a broken character", r.ID)
		}
		if r.Help == nil || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %s: no help text and markdown", r.ID)
		} else if strings.ContainsRune(r.Help.Text, utf8.RuneError) {
			t.Errorf("rule %s: help text holds a broken character", r.ID)
		}
		if r.Name == "" || len(r.Name) > 255 {
			t.Errorf("rule %s: name %q", r.ID, r.Name)
		}
		if l := r.DefaultConfiguration.Level; l != "error" && l != "warning" && l != "note" {
			t.Errorf("rule %s: level %q", r.ID, l)
		}
		if i < len(rules.All) && r.ID != rules.All[i].ID {
			t.Errorf("rule %d is %s, want %s", i, r.ID, rules.All[i].ID)
		}
	}
	if run.Results == nil {
		t.Fatal("results is missing; GitHub requires it even when empty")
	}
	results := *run.Results
	if len(results) == 0 || len(results) > 25000 {
		t.Errorf("%d results over testdata/, want some and at most 25000", len(results))
	}
	for _, res := range results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(ruleSet) || ruleSet[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s: ruleIndex %d points at another rule", res.RuleID, res.RuleIndex)
		}
		if res.Message.Text == "" {
			t.Errorf("result %s: no message text", res.RuleID)
		}
		if len(res.Locations) == 0 {
			t.Errorf("result %s (%s): no location", res.RuleID, res.Message.Text)
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		uri, reg := loc.ArtifactLocation.URI, loc.Region
		if uri == "" || strings.Contains(uri, ":") || strings.HasPrefix(uri, "/") || strings.Contains(uri, `\`) {
			t.Errorf("result %s: artifact URI %q is not a relative slash-separated path", res.RuleID, uri)
		} else if _, err := os.Stat(filepath.FromSlash(uri)); err != nil {
			t.Errorf("result %s: artifact URI %q does not name a file relative to the repository root", res.RuleID, uri)
		}
		if reg.StartLine < 1 || reg.StartColumn < 1 {
			t.Errorf("result %s at %s: startLine %d startColumn %d", res.RuleID, uri, reg.StartLine, reg.StartColumn)
		}
		if reg.EndLine != 0 && (reg.EndLine < reg.StartLine || reg.EndLine == reg.StartLine && reg.EndColumn <= reg.StartColumn) {
			t.Errorf("result %s at %s:%d: region ends at %d:%d, before it starts", res.RuleID, uri, reg.StartLine, reg.EndLine, reg.EndColumn)
		}
		if res.PartialFingerprints["apigwlint/v1"] == "" {
			t.Errorf("result %s at %s: no apigwlint/v1 fingerprint", res.RuleID, uri)
		}
		if _, ok := res.PartialFingerprints["primaryLocationLineHash"]; ok {
			t.Errorf("result %s: primaryLocationLineHash is left to upload-sarif", res.RuleID)
		}
	}
}

// TestSARIFLocations checks, on a real run that validates against the
// schema, that artifact locations are relative to the working folder and
// cleaned, that %SRCROOT% is declared as the working folder, and that a
// file outside it is named by an absolute URI without a base.
func TestSARIFLocations(t *testing.T) {
	src := clitest.ReadAll(t, "testdata/e2e/api.yaml")
	sch := clitest.Schema(t) // before leaving the repository
	root := t.TempDir()
	for _, p := range []string{"work/specs/api.yaml", "elsewhere/api.yaml"} {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(root, "work"))
	r := runCLI(t, "", "--no-config", "--format", "sarif", "specs/../specs/api.yaml", "../elsewhere/api.yaml")
	clitest.Validate(t, sch, "a run with .. in paths", r.stdout)
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF log with one run: %v", err)
	}
	run := log.Runs[0]
	wd, _ := os.Getwd()
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(got, "file://") || !strings.HasSuffix(got, "/work/") || !strings.Contains(got, filepath.ToSlash(filepath.Base(filepath.Dir(wd)))) {
		t.Errorf("%%SRCROOT%% is %q, want the working folder %s as a file:// URI ending in /", got, wd)
	}
	seen := map[string]bool{}
	for _, res := range run.Results {
		a := res.Locations[0].PhysicalLocation.ArtifactLocation
		seen[a.URI+" "+a.URIBaseID] = true
		if strings.Contains(a.URI, "..") {
			t.Errorf("uri %q is not cleaned", a.URI)
		}
	}
	outside := report.ArtifactURI(filepath.Join(root, "elsewhere", "api.yaml"))
	for _, want := range []string{"specs/api.yaml %SRCROOT%", outside + " "} {
		if !seen[want] {
			t.Errorf("no result at %q; have %v", want, seen)
		}
	}
}
