package report

import (
	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// RuleTable renders the rule catalogue as the Markdown table embedded in the
// README between the "rules:begin" and "rules:end" markers.
func RuleTable(rs []*rules.Rule) string {
	var b strings.Builder
	b.WriteString("| ID | Name | Severity | What it checks |\n|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| %s | [%s](docs/rules/%s.md) | %s | %s |\n", r.ID, r.Name, r.Name, r.Severity, strings.ReplaceAll(r.Title, "|", "\\|"))
	}
	return b.String()
}
