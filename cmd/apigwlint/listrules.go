package main

import (
	"io"

	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// listRules prints the rule catalogue: a table by default, JSON with
// --format json, or the Markdown table the README embeds with --format
// markdown.
func listRules(w io.Writer, format string) error {
	switch format {
	case "json":
		return ruledoc.ListJSON(w, rules.All)
	case "markdown":
		_, err := io.WriteString(w, ruledoc.Table(rules.All))
		return err
	}
	return ruledoc.ListText(w, rules.All)
}
