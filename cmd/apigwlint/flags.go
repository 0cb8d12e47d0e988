package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// options are the command-line settings of one run: those of the run
// itself, and the flags that print something else instead.
type options struct {
	lint.Options
	version bool
	help    bool
	noColor bool
	// explain is set when the first path is the word explain, not after
	// "--": the explain subcommand, with flags before it.
	explain bool
}

// usage is the help text; the defaults of rule options come from the rules.
var usage = fmt.Sprintf(`Usage: apigwlint [flags] [PATH...]
       apigwlint explain RULE...
       apigwlint lsp [flags]    (a language server on standard input and output)

Lint Amazon API Gateway integrations before they are deployed: the
x-amazon-apigateway-integration blocks of OpenAPI 3 and Swagger 2 documents
(also inside CloudFormation and SAM templates and Terraform jsonencode
bodies), the Integration of AWS::ApiGateway::Method resources,
AWS::ApiGatewayV2::Integration resources, Terraform's
aws_api_gateway_integration resources, and the JSON of
"aws apigateway put-integration --cli-input-json", "get-integration" and
their apigatewayv2 counterparts.

PATH is a file, a folder (searched recursively for *.json, *.yaml, *.yml, *.tf
and *.tf.json),
a glob ("specs/**/*.yaml") or - for standard input. Files that hold no API
Gateway content are skipped silently. Without a PATH, the working folder is
linted. Flags may come before or after paths.

Flags:
  -f, --format FORMAT          text (default), json, sarif or github
  -o, --output FILE            write the report to FILE instead of standard output
      --sarif-output FILE      also write a SARIF report to FILE, whatever the
                               format, e.g. annotations and SARIF in one run
      --fail-level LEVEL       exit 1 on findings at least this severe:
                               error, warning (default) or note; never to
                               only report
      --timeout-ceiling MS     highest timeoutInMillis accepted for buffered REST
                               integrations (default %d; Regional and private
                               APIs can have it raised by a quota increase)
      --disable RULES          comma-separated rule ids or names to switch off
      --skip-unparsable        skip named files that do not parse unless they hold
                               an x-amazon-apigateway- extension or an API Gateway
                               resource type (for pre-commit, which names every
                               YAML and JSON file)
      --color WHEN             auto (default), always or never; NO_COLOR is respected
      --no-color               the same as --color never
      --pretty WHEN            auto (default: on a terminal), always or never: show
                               each finding's source line with a caret under the
                               column, and end with a summary line (text format)
      --config FILE            read the configuration from FILE instead of the
                               .apigwlint.yaml found from the working folder up
      --no-config              read no configuration file
      --baseline FILE          accept the findings listed in FILE (see --write-baseline);
                               report only new ones
      --write-baseline FILE    write the current findings to FILE as a baseline and exit
      --show-suppressed        also print findings that comments, the configuration's
                               ignore entries or the baseline suppress
      --stdin-filename PATH    lint standard input (-) as if it were the file PATH:
                               reported under PATH, with its configuration, ignore
                               entries and baseline, and read as Terraform if .tf
                               or .tf.json
      --fix                    apply the fixes of findings that have one (each rule's
                               page says), then report what is left
      --diff                   print those fixes as a unified diff instead; exit 1
                               when there is one
  -v, --verbose                add the documentation link of each finding's rule
      --list-rules             print the rules and exit
      --version                print the version and exit
  -h, --help                   print this help and exit

apigwlint explain RULE prints the documentation of a rule (id or name):
why it matters, and a failing and a fixed example with their output.

Exit codes: 0 no findings at or above the fail level, 1 findings,
2 usage error or a file that could not be read or parsed.
`, rules.TimeoutCeiling.Default)

// parseArgs reads flags and paths in any order ("--" ends the flags).
func parseArgs(args []string) (*options, error) {
	o := &options{}
	fs := newFlagSet(o)
	cur := args
	for {
		if err := fs.Parse(cur); err != nil {
			return nil, flagError(fs, err)
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		// Parse stops at the first path, or after "--". A path is taken and
		// parsing resumes, unless "--" said that everything else is a path.
		if consumed := len(cur) - len(left); consumed > 0 && cur[consumed-1] == "--" {
			o.Paths = append(o.Paths, left...)
			break
		}
		if len(o.Paths) == 0 && left[0] == "explain" {
			o.explain = true
		}
		o.Paths = append(o.Paths, left[0])
		cur = left[1:]
	}
	o.Set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.Set[f.Name] = true })
	if o.noColor {
		if o.Set["color"] && o.Color != "never" {
			return nil, fmt.Errorf("--no-color and --color %s contradict each other", o.Color)
		}
		o.Color, o.Set["color"] = "never", true
	}
	return o, nil
}

// flagError rewords an error of package flag as the help spells flags:
// --name (-f for the one-letter ones), with the nearest flag for an
// unknown one.
func flagError(fs *flag.FlagSet, err error) error {
	msg := strings.TrimPrefix(err.Error(), "flag: ")
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		msg = "unknown flag " + dashes(name)
		if c := rules.Closest(strings.TrimLeft(name, "-"), names); c != "" {
			msg += "; did you mean " + dashes(c) + "?"
		}
	} else if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		msg = "flag " + dashes(name) + " needs a value"
	} else if _, rest, ok := strings.Cut(msg, " for flag -"); ok && strings.HasPrefix(msg, "invalid ") {
		// invalid value "x" for flag -name: parse error
		name, why, _ := strings.Cut(rest, ": ")
		msg = strings.TrimSuffix(msg[:len(msg)-len(rest)], " for flag -") + " for " + dashes(name) + ": " + why
	}
	return fmt.Errorf("%s (see apigwlint --help)", msg)
}

// dashes is a flag's name as written on the command line: -f, --format.
func dashes(name string) string {
	name = strings.TrimLeft(name, "-")
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// newFlagSet defines the flags, storing their values in o.
func newFlagSet(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("apigwlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, name := range []string{"format", "f"} {
		fs.StringVar(&o.Format, name, "text", "")
	}
	for _, name := range []string{"output", "o"} {
		fs.StringVar(&o.Output, name, "", "")
	}
	fs.StringVar(&o.SARIFOutput, "sarif-output", "", "")
	fs.BoolVar(&o.SkipUnparsable, "skip-unparsable", false, "")
	fs.StringVar(&o.FailLevel, "fail-level", "warning", "")
	fs.IntVar(&o.TimeoutCeiling, "timeout-ceiling", rules.TimeoutCeiling.Default, "")
	fs.StringVar(&o.Disable, "disable", "", "")
	fs.StringVar(&o.Color, "color", "auto", "")
	fs.BoolVar(&o.noColor, "no-color", false, "")
	fs.StringVar(&o.Pretty, "pretty", "auto", "")
	fs.StringVar(&o.Config, "config", "", "")
	fs.BoolVar(&o.NoConfig, "no-config", false, "")
	fs.StringVar(&o.Baseline, "baseline", "", "")
	fs.StringVar(&o.WriteBaseline, "write-baseline", "", "")
	fs.BoolVar(&o.ShowSuppressed, "show-suppressed", false, "")
	fs.StringVar(&o.StdinFilename, "stdin-filename", "", "")
	fs.BoolVar(&o.Fix, "fix", false, "")
	fs.BoolVar(&o.Diff, "diff", false, "")
	for _, name := range []string{"verbose", "v"} {
		fs.BoolVar(&o.Verbose, name, false, "")
	}
	fs.BoolVar(&o.ListRules, "list-rules", false, "")
	fs.BoolVar(&o.version, "version", false, "")
	for _, name := range []string{"help", "h"} {
		fs.BoolVar(&o.help, name, false, "")
	}
	return fs
}
