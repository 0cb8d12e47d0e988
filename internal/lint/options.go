package lint

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/fileio"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// Options are the settings of one run: the command line's flags, then, once
// Resolve has read the configuration file, what the stages read. Nothing
// else configures a run.
type Options struct {
	Paths          []string
	Format         string
	Output         string
	SARIFOutput    string
	SkipUnparsable bool
	FailLevel      string
	TimeoutCeiling int
	Disable        string
	Color          string
	Pretty         string // auto, always or never: the summary line and source lines of text output
	Verbose        bool
	ShowSuppressed bool
	ListRules      bool   // the run lists the rules: --format is text, json or markdown
	StdinFilename  string // the path standard input is linted as
	Fix            bool   // apply the findings' fixes to the files, then report what is left
	Diff           bool   // print the fixes as a unified diff instead of a report
	Config         string
	NoConfig       bool
	Baseline       string
	WriteBaseline  string
	Version        string          // of apigwlint, for the reports
	Set            map[string]bool // the flags given: the configuration file does not override them

	// Set by Resolve.
	Rules *rules.Config  // rule selection, severities and options
	Fail  rules.Severity // the fail level
	File  *config.File   // the configuration file; empty when there is none
}

// Resolve reads the configuration file (that of --config, or the one found
// from the working folder up) and applies it under the flags: the file's
// settings where no flag gives one, its rule settings under --disable.
func (o *Options) Resolve() error {
	c, err := readConfig(o)
	if err != nil {
		return err
	}
	if c.FailLevel != "" && !o.Set["fail-level"] {
		o.FailLevel = c.FailLevel
	}
	if c.TimeoutCeiling != 0 && !o.Set["timeout-ceiling"] {
		o.TimeoutCeiling = c.TimeoutCeiling
	}
	if c.Baseline != "" && !o.Set["baseline"] && o.WriteBaseline == "" {
		o.Baseline = c.Baseline // the key; --baseline wins, --write-baseline writes a new one
	}
	if err := o.validate(); err != nil {
		return err
	}
	for id, v := range c.Rules {
		if v == "off" {
			o.Rules.Disabled[id] = true
			continue
		}
		if o.Rules.Severity == nil {
			o.Rules.Severity = map[string]rules.Severity{}
		}
		o.Rules.Severity[id], _ = rules.ParseSeverity(v)
	}
	o.File = c
	return nil
}

// validate checks the flags and turns them into the rule configuration and
// fail level.
func (o *Options) validate() error {
	if o.ListRules {
		if !slices.Contains([]string{"text", "json", "markdown"}, o.Format) {
			return fmt.Errorf("--list-rules writes --format text, json or markdown, not %q", o.Format)
		}
	} else if !slices.Contains(report.Formats, o.Format) {
		return fmt.Errorf("unknown --format %q (want %s)", o.Format, strings.Join(report.Formats, ", "))
	}
	if o.StdinFilename != "" && !slices.Contains(o.Paths, "-") {
		return fmt.Errorf("--stdin-filename names standard input: give - as the path")
	}
	if o.Fix && o.Diff {
		return fmt.Errorf("--fix writes the fixes and --diff only shows them: give one")
	}
	if (o.Fix || o.Diff) && o.WriteBaseline != "" {
		return fmt.Errorf("--write-baseline records findings; it cannot be combined with --fix or --diff")
	}
	if !slices.Contains([]string{"auto", "always", "never"}, o.Color) {
		return fmt.Errorf("unknown --color %q (want auto, always or never)", o.Color)
	}
	if o.Pretty == "" {
		o.Pretty = "auto"
	}
	if !slices.Contains([]string{"auto", "always", "never"}, o.Pretty) {
		return fmt.Errorf("unknown --pretty %q (want auto, always or never)", o.Pretty)
	}
	fail, err := parseFailLevel(o.FailLevel)
	if err != nil {
		return err
	}
	if o.TimeoutCeiling < 50 {
		return fmt.Errorf("--timeout-ceiling must be at least 50 (milliseconds), not %d", o.TimeoutCeiling)
	}
	o.Fail = fail
	o.Rules = &rules.Config{Options: rules.Options{TimeoutCeiling: o.TimeoutCeiling}, Disabled: map[string]bool{}}
	for _, id := range strings.Split(o.Disable, ",") {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		r := rules.ByID(id)
		if r == nil {
			return fmt.Errorf("--disable: no rule %q%s (see apigwlint --list-rules)", id, rules.SuggestRule(id))
		}
		o.Rules.Disabled[r.ID] = true
	}
	return nil
}

// FailNever is the fail level "never": above every severity, so that no
// finding fails the run (input errors still do).
const FailNever = rules.Error + 1

// parseFailLevel reads --fail-level: a severity, or never.
func parseFailLevel(s string) (rules.Severity, error) {
	if strings.EqualFold(strings.TrimSpace(s), "never") {
		return FailNever, nil
	}
	fail, err := rules.ParseSeverity(s)
	if err != nil {
		hint := ""
		if c := rules.Closest(s, []string{"error", "warning", "note", "never"}); c != "" {
			hint = "; did you mean " + c + "?"
		}
		return 0, fmt.Errorf("--fail-level: unknown level %q%s (want error, warning, note or never)", s, hint)
	}
	return fail, nil
}

// readConfig reads the file of --config, or the one found from the working
// folder up; without either it returns an empty configuration. The file is
// parsed under the same recover as every linted file (panic.go).
func readConfig(o *Options) (c *config.File, err error) {
	path := o.Config
	switch {
	case o.NoConfig && o.Config != "":
		return nil, fmt.Errorf("--config and --no-config contradict each other")
	case o.NoConfig:
		return &config.File{}, nil
	case path == "":
		if path, err = config.Find(); err != nil || path == "" {
			return &config.File{}, err
		}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--config %s: %s", path, fileio.Describe(err))
	}
	defer func() {
		if v := recover(); v != nil {
			c, err = nil, fmt.Errorf("%s: %s", path, internalError(stageLoad, v))
		}
	}()
	return config.Parse(path, src)
}
