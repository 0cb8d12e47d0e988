package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// listRules prints the rule catalogue: a table by default, JSON with
// --format json, or the Markdown table the README embeds with --format
// markdown.
func listRules(w io.Writer, format string) error {
	switch format {
	case "json":
		type rule struct {
			ID       string `json:"id"`
			Name     string `json:"name"`
			Severity string `json:"severity"`
			Title    string `json:"title"`
			HelpURL  string `json:"helpUri"`
		}
		var out []rule
		for _, r := range rules.All {
			out = append(out, rule{r.ID, r.Name, r.Severity.String(), r.Title, r.HelpURL()})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case "markdown":
		_, err := io.WriteString(w, report.RuleTable(rules.All))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE")
	for _, r := range rules.All {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, r.Title)
	}
	return tw.Flush()
}
