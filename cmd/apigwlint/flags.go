package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"strconv"
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

// usage is the help text (usage.txt); the defaults of rule options come
// from the rules.
var usage = strings.ReplaceAll(usageText, "{timeout-ceiling}", strconv.Itoa(rules.TimeoutCeiling.Default))

//go:embed usage.txt
var usageText string

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
