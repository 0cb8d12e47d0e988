package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/rules"
)

// The documentation pages of the rules, docs/rules/<name>.md, are rendered
// here from the rule metadata (rules/docs/<name>.md) with apigwlint's real
// output on each example, which rulePage gets by running the command on it.
// TestGeneratedDocs keeps the committed pages equal to this rendering (go
// test ./cmd/apigwlint -update rewrites them), and apigwlint explain prints it.

// docsDir is where the generated pages live, relative to the repository root.
const docsDir = "docs/rules"

// generatedNote heads every generated page.
func generatedNote(source string) string {
	return "<!-- Generated from " + source + " by `go test ./cmd/apigwlint -update`; edit that file, not this one. -->\n"
}

// rulePage renders the documentation page of r.
func rulePage(r *rules.Rule) string {
	var b strings.Builder
	b.WriteString(generatedNote("rules/docs/" + r.Name + ".md"))
	fmt.Fprintf(&b, "\n# %s (%s)\n\n", r.Name, r.ID)
	fmt.Fprintf(&b, "%s.\n\n", r.Title)
	fmt.Fprintf(&b, "Default severity: **%s**. Without apigwlint: %s.\n\n", r.Severity, rules.Outcomes[r.Fails].Short)
	b.WriteString("## Why it matters\n\n" + r.Rationale + "\n\n")

	b.WriteString("## What it prevents\n\n" + rules.Outcomes[r.Fails].Long)
	if r.Message != "" {
		b.WriteString(", with:\n\n```text\n" + r.Message + "\n```\n\n")
	} else {
		b.WriteString(".\n\n")
	}

	for _, good := range []bool{false, true} {
		for _, ex := range r.Examples {
			if ex.Good != good {
				continue
			}
			name, heading := "bad."+ex.Lang, "Failing example"
			if good {
				name, heading = "good."+ex.Lang, "Fixed example"
			}
			out, code := lintExample(name, ex.Source())
			fmt.Fprintf(&b, "## %s\n\n`%s`:\n\n```%s\n%s```\n\n", heading, name, ex.Lang, ex.Source())
			fmt.Fprintf(&b, "```console\n$ apigwlint %s\n%s```\n\n", name, out)
			if code == exitClean && out == "" {
				b.WriteString("No findings: apigwlint exits with status 0.\n\n")
			} else {
				fmt.Fprintf(&b, "apigwlint exits with status %d.\n\n", code)
			}
		}
	}

	b.WriteString("## Turning it off\n\n")
	fmt.Fprintf(&b, "`apigwlint --disable %s` (or `--disable %s`) turns the rule off for a run.", r.ID, r.Name)
	if s := rules.ByID("suppression"); s != nil && s != r {
		fmt.Fprintf(&b, " To accept one finding and keep the rule, see [%s](%s.md).", s.Name, s.Name)
	}
	b.WriteString("\n")

	// The sections after the examples (Sources), as written.
	sections := strings.Split(r.Doc, "\n## ")
	for _, s := range sections[1:] {
		title := strings.TrimSpace(strings.SplitN(s, "\n", 2)[0])
		if title == "Bad" || title == "Good" {
			continue
		}
		b.WriteString("\n## " + strings.TrimRight(s, "\n") + "\n")
	}
	return b.String()
}

// lintExample runs apigwlint on one example, given on standard input, and
// returns what it prints with the file shown as name, and its exit code.
func lintExample(name, src string) (string, int) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"--color", "never", "-"}, strings.NewReader(src), &stdout, &stderr)
	out := stdout.String() + stderr.String()
	return strings.ReplaceAll(out, stdinName+":", name+":"), code
}

// rulesIndex renders docs/rules/README.md, the list of the pages.
func rulesIndex() string {
	var b strings.Builder
	b.WriteString(generatedNote("the rule metadata in rules/docs/"))
	b.WriteString("\n# apigwlint rules\n\n")
	b.WriteString("One page per rule: why it matters, what API Gateway says without it, and a\n" +
		"failing and a fixed example with apigwlint's real output. `apigwlint explain\n" +
		"RULE` prints the same page in a terminal.\n\n")
	b.WriteString("| ID | Name | Severity | What it checks | Without apigwlint |\n|---|---|---|---|---|\n")
	for _, r := range rules.All {
		fmt.Fprintf(&b, "| %s | [%s](%s.md) | %s | %s | %s |\n", r.ID, r.Name, r.Name, r.Severity,
			strings.ReplaceAll(r.Title, "|", "\\|"), rules.Outcomes[r.Fails].Short)
	}
	return b.String()
}
