package report

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"testing"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestGitHubEscaping checks the workflow-command escaping of
// actions/toolkit: %, CR and LF in the message; also : and , in properties.
// Columns are given only for a one-line region, and endColumn there is
// inclusive.
func TestGitHubEscaping(t *testing.T) {
	r := &Report{
		Findings: []rules.Finding{
			{RuleID: "AGW101", Rule: "integration-type", Severity: rules.Error, Message: "100% wrong\r\nsecond line, with: colon",
				File: "specs/a,b:c.yaml", Span: doc.Span{Line: 3, Col: 5, EndLine: 3, EndCol: 9}},
			{RuleID: "AGW118", Rule: "unknown-field", Severity: rules.Warning, Message: "w", File: "x.yaml", Span: doc.Span{Line: 7, Col: 2}},
			{RuleID: "AGW106", Rule: "uri-placeholder", Severity: rules.Note, Message: "n", File: "x.yaml", Span: doc.Span{Line: 8, Col: 1, EndLine: 8, EndCol: 2}},
		},
		Errors: []*loader.Error{{Path: "bad.json", Line: 2, Col: 1, Msg: "cannot parse: x"}, {Path: "gone.yaml", Msg: "no such file or folder"}},
	}
	var buf bytes.Buffer
	if err := GitHub(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := "::error file=specs/a%2Cb%3Ac.yaml,line=3,col=5,endColumn=8,title=AGW101 integration-type::100%25 wrong%0D%0Asecond line, with: colon\n" +
		"::warning file=x.yaml,line=7,col=2,title=AGW118 unknown-field::w\n" +
		"::notice file=x.yaml,line=8,col=1,endColumn=1,title=AGW106 uri-placeholder::n\n" +
		"::error file=bad.json,line=2,col=1,title=apigwlint input error::cannot parse: x\n" +
		"::error file=gone.yaml,title=apigwlint input error::no such file or folder\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}
