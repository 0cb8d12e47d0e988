package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// GitHub writes one workflow command per finding, which GitHub Actions shows
// as an annotation on the file and line:
//
//	::error file=api.yaml,line=3,col=5,endColumn=9,title=AGW101 integration-type::message
//
// Input errors are annotated too, as errors without a rule.
func GitHub(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		props := []string{"file=" + escapeProperty(f.File), fmt.Sprintf("line=%d", f.Line), fmt.Sprintf("col=%d", f.Col)}
		// GitHub takes columns only for a one-line region; endColumn is inclusive there.
		if f.EndLine == f.Line && f.EndCol > f.Col {
			props = append(props, fmt.Sprintf("endColumn=%d", f.EndCol-1))
		}
		props = append(props, "title="+escapeProperty(f.RuleID+" "+f.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", command(f.Severity), strings.Join(props, ","), escapeData(f.Message+suffix(f)))
	}
	for _, e := range r.Errors {
		props := []string{"file=" + escapeProperty(e.Path)}
		if e.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", e.Line))
			if e.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", e.Col))
			}
		}
		props = append(props, "title=apigwlint input error")
		fmt.Fprintf(bw, "::error %s::%s\n", strings.Join(props, ","), escapeData(e.Msg))
	}
	return bw.Flush()
}

func command(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message (actions/toolkit).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command property value (actions/toolkit).
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
