package main

import (
	"fmt"
	"io"

	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// listRules prints the rule catalogue: a table by default, JSON with
// --format json, or the Markdown table the README embeds with --format
// markdown.
func listRules(w io.Writer, format string) error {
	all, err := rules.Documented()
	if err != nil {
		return fmt.Errorf("internal error: %v (please report this)", err)
	}
	switch format {
	case "json":
		return ruledoc.ListJSON(w, all)
	case "markdown":
		_, err := io.WriteString(w, ruledoc.Table(all))
		return err
	}
	return ruledoc.ListText(w, all)
}
