package main

import (
	"fmt"
	"io"

	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

const explainUsage = `Usage: apigwlint explain RULE...

Print the documentation of each RULE, given by id (AGW108) or name
(timeout): why it matters, what API Gateway says without it, and a failing
and a fixed example with apigwlint's real output on them. The same pages are
in docs/rules/ and behind the links of --verbose and SARIF.
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
	if rules.BuildError != nil {
		fmt.Fprintf(stderr, "apigwlint: internal error: %v (please report this)\n", rules.BuildError)
		return exitError
	}
	var rs []*rules.Rule
	for _, a := range args {
		r := rules.ByID(a)
		if r == nil {
			fmt.Fprintf(stderr, "apigwlint explain: no rule %q%s (apigwlint --list-rules lists them)\n", a, rules.SuggestRule(a))
			return exitError
		}
		rs = append(rs, r)
	}
	fmt.Fprint(stdout, ruledoc.Explain(rs, lintExample))
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
