package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

const explainUsage = `Usage: apigwlint explain RULE...
       apigwlint explain "MESSAGE"

Print the documentation of each RULE, given by id (AGW108) or name
(timeout): why it matters, what API Gateway says without it, and a failing
and a fixed example with apigwlint's real output on them. The same pages are
in docs/rules/ and behind the links of --verbose and SARIF.

Any other argument is taken as an error message pasted from a failed import
or deploy: explain lists the rules that catch the mistake behind it, best
first (exit 2 when none does).
`

// explain is the "apigwlint explain RULE..." subcommand.
func explain(args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if a == "-h" || a == "--help" {
			fmt.Fprint(stdout, explainUsage)
			return exitClean
		}
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, "apigwlint explain: no RULE given\n\n"+explainUsage)
		return exitError
	}
	all, err := rules.Documented() // ByID's rules are documented from here on
	if err != nil {
		fmt.Fprintf(stderr, "apigwlint: internal error: %v (please report this)\n", err)
		return exitError
	}
	var out strings.Builder
	var rs []*rules.Rule
	for _, a := range args {
		if r := rules.ByID(a); r != nil {
			rs = append(rs, r)
			continue
		}
		// Not a rule: an error message AWS answered with.
		matches := ruledoc.Match(all, a)
		if len(matches) == 0 {
			if strings.TrimSpace(a) != "" && !strings.ContainsAny(strings.TrimSpace(a), " \t\n") {
				fmt.Fprintf(stderr, "apigwlint explain: no rule %q%s (apigwlint --list-rules lists them), and no rule records an API Gateway message like it\n", a, rules.SuggestRule(a))
			} else {
				fmt.Fprintf(stderr, "apigwlint explain: no rule records an API Gateway or CloudFormation message like %q (apigwlint --list-rules lists the rules)\n", a)
			}
			return exitError
		}
		if len(rs) > 0 {
			out.WriteString(ruledoc.Explain(rs, lintExample))
			rs = nil
		}
		out.WriteString(ruledoc.Matches(a, matches))
	}
	if len(rs) > 0 {
		out.WriteString(ruledoc.Explain(rs, lintExample))
	}
	fmt.Fprint(stdout, out.String())
	return exitClean
}

// explainArgs are the arguments of explain when flags came before it: the
// rules, and --help when it was given.
func explainArgs(o *options) []string {
	args := o.Paths[1:]
	if o.help {
		args = append(args, "--help")
	}
	return args
}
