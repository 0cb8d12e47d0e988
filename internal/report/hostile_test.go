package report

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// hostileNames are file names a repository (a pull request from a fork)
// can hold: spaces, percent signs that look like escapes, commas and
// colons (workflow command separators), line breaks that would forge a
// line, an ANSI escape, Unicode line separators.
var hostileNames = []string{
	"specs/my api.yaml",
	"specs/100%25 done%0A.yaml",
	"a,b:c.yaml",
	"evil\n::error file=x.yaml,line=1::forged.yaml",
	"x.yaml:1:1: error: forged [AGW999]\nreal.yaml",
	"term\x1b[2Jcolor.yaml",
	"ls\u2028ps\u2029nel\u0085.json",
	"#frag?query.yaml",
}

// hostileMessage quotes values from the linted file the way rules do.
const hostileMessage = `uri "https://x/%0A::error::forged" has "100%" and a, comma: here`

func hostileReport() *Report {
	r := &Report{Tool: "apigwlint", Version: "test"}
	for i, name := range hostileNames {
		r.Findings = append(r.Findings, rules.Finding{RuleID: "AGW104", Rule: "http-uri", Severity: rules.Error, Message: hostileMessage,
			File: name, Span: doc.Span{Line: i + 1, Col: 2, EndLine: i + 1, EndCol: 5}, Pointer: "/paths/~1a/get"})
		r.Errors = append(r.Errors, &loader.Error{Path: name, Line: 1, Col: 1, Msg: "cannot parse: " + hostileMessage})
	}
	return r
}

// TestHostileNamesText checks that every finding is one line of text output
// however the file is named: control characters and line separators are
// escaped, everything else is left as written.
func TestHostileNamesText(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, hostileReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(hostileNames) {
		t.Fatalf("%d lines for %d findings:\n%s", len(lines), len(hostileNames), buf.String())
	}
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\x1b\u2028\u2029\u0085") || !strings.HasSuffix(l, hostileMessage+" [AGW104]") {
			t.Errorf("line %d: %q", i+1, l)
		}
	}
	if want := `evil\n::error file=x.yaml,line=1::forged.yaml:4:2: error: `; !strings.HasPrefix(lines[3], want) {
		t.Errorf("line 4 = %q, want it to start with %q", lines[3], want)
	}
	if OneLine("specs/my api.yaml") != "specs/my api.yaml" || OneLine("a\tb") != `a\tb` {
		t.Errorf("OneLine changes what it should not, or misses a tab")
	}
}

// TestHostileNamesGitHub checks that each finding and input error is one
// workflow command whose file property and message decode back to exactly
// what was reported (actions/toolkit escaping), so that no forged command
// and no misplaced annotation can come from a name or a value.
func TestHostileNamesGitHub(t *testing.T) {
	var buf bytes.Buffer
	if err := GitHub(&buf, hostileReport()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2*len(hostileNames) {
		t.Fatalf("%d commands for %d findings and errors:\n%s", len(lines), 2*len(hostileNames), buf.String())
	}
	unescape := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	for i, l := range lines {
		if !strings.HasPrefix(l, "::error ") {
			t.Errorf("line %d is not a command: %q", i+1, l)
			continue
		}
		props, msg, ok := strings.Cut(strings.TrimPrefix(l, "::error "), "::")
		if !ok {
			t.Errorf("line %d: no message: %q", i+1, l)
			continue
		}
		file, _, _ := strings.Cut(strings.TrimPrefix(props, "file="), ",")
		if got, want := unescape.Replace(file), hostileNames[i%len(hostileNames)]; got != want {
			t.Errorf("line %d: file %q decodes to %q, want %q", i+1, file, got, want)
		}
		if got := unescape.Replace(msg); !strings.HasSuffix(got, hostileMessage) {
			t.Errorf("line %d: message decodes to %q", i+1, got)
		}
	}
}

// TestHostileNamesSARIF checks that the SARIF log is valid JSON in which
// every artifact URI is a relative reference (no scheme, no fragment or
// query taken from the name) that decodes back to the file name, and every
// message is the reported text, byte for byte.
func TestHostileNamesSARIF(t *testing.T) {
	var buf bytes.Buffer
	if err := SARIF(&buf, hostileReport()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != len(hostileNames) {
		t.Fatalf("%d results", len(res))
	}
	for i, r := range res {
		uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		u, err := url.Parse(uri)
		if err != nil || u.Scheme != "" || u.Fragment != "" || u.RawQuery != "" {
			t.Errorf("%q: URI %q parses as %+v (%v)", hostileNames[i], uri, u, err)
			continue
		}
		if got := strings.TrimPrefix(u.Path, "./"); got != hostileNames[i] {
			t.Errorf("URI %q decodes to %q, want %q", uri, got, hostileNames[i])
		}
		if r.Message.Text != hostileMessage {
			t.Errorf("message %q", r.Message.Text)
		}
	}
}
