package main

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// configNames are the names of the configuration file, in the order they
// are looked for in each folder.
var configNames = []string{".apigwlint.yaml", ".apigwlint.yml"}

// configKeys are the top-level keys of the configuration file.
var configKeys = []string{"rules", "timeout-ceiling", "include", "exclude", "fail-level", "ignore"}

// ignoreKeys are the keys of one entry of the ignore list.
var ignoreKeys = []string{"path", "rule", "pointer", "reason"}

// fileConfig is a parsed .apigwlint.yaml. The zero value (no file) changes
// nothing.
type fileConfig struct {
	path string // as shown in messages and findings
	dir  string // absolute folder of the file: globs are relative to it

	rules          map[string]string // rule id -> off, error, warning or note
	timeoutCeiling int               // 0 when not set
	failLevel      string            // "" when not set
	include        []*pathGlob
	exclude        []*pathGlob
	ignore         []*ignoreEntry
}

// ignoreEntry is one item of the ignore list: findings in files matching
// path, of rule (any when nil), at pointer or below it (anywhere when "").
type ignoreEntry struct {
	path      *pathGlob
	rule      *rules.Rule
	pointer   string
	reason    string
	line, col int // of the entry in the configuration file

	judged bool // its path matched a file linted without an input error
	used   bool // it suppressed a finding
}

// pathGlob is an include, exclude or ignore pattern. A pattern with a slash
// matches the path from the configuration file's folder; one without
// matches a file or folder name at any depth, as in .gitignore. "**" matches
// any number of folders, and a pattern matching a folder matches every file
// in it.
type pathGlob struct {
	text     string
	re       *regexp.Regexp
	anywhere bool
}

func newPathGlob(p string) (*pathGlob, error) {
	p = strings.TrimPrefix(filepath.ToSlash(p), "./")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return nil, fmt.Errorf("empty pattern")
	}
	re, err := globRegexp(p)
	if err != nil {
		return nil, err
	}
	return &pathGlob{text: p, re: re, anywhere: !strings.Contains(p, "/")}, nil
}

// match reports whether rel, a slash path relative to the configuration
// file's folder, or one of the folders it is in, matches.
func (g *pathGlob) match(rel string) bool {
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return false // outside the configuration's folder
	}
	for p := rel; p != "." && p != ""; p = pathDir(p) {
		name := p
		if g.anywhere {
			name = p[strings.LastIndex(p, "/")+1:]
		}
		if g.re.MatchString(name) {
			return true
		}
	}
	return false
}

func pathDir(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[:i]
	}
	return ""
}

// rel returns path (as given on the command line or found by walking)
// relative to the configuration file's folder, with forward slashes.
func (c *fileConfig) rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	r, err := filepath.Rel(c.dir, abs)
	if err != nil {
		return "../" + filepath.ToSlash(abs) // another volume: outside
	}
	return filepath.ToSlash(r)
}

// setup is configure with the configuration file applied: the file's
// settings where no flag gives one, its rule settings under --disable.
func setup(o *options) (*rules.Config, rules.Severity, *fileConfig, error) {
	fc, err := loadConfig(o)
	if err != nil {
		return nil, 0, nil, err
	}
	if fc.failLevel != "" && !o.set["fail-level"] {
		o.failLevel = fc.failLevel
	}
	if fc.timeoutCeiling != 0 && !o.set["timeout-ceiling"] {
		o.timeoutCeiling = fc.timeoutCeiling
	}
	cfg, fail, err := configure(o)
	if err != nil {
		return nil, 0, nil, err
	}
	for id, v := range fc.rules {
		if v == "off" {
			cfg.Disabled[id] = true
			continue
		}
		if cfg.Severity == nil {
			cfg.Severity = map[string]rules.Severity{}
		}
		cfg.Severity[id], _ = rules.ParseSeverity(v)
	}
	return cfg, fail, fc, nil
}

// loadConfig reads the file of --config, or the one discovered from the
// working folder up; without either it returns an empty configuration.
func loadConfig(o *options) (*fileConfig, error) {
	switch {
	case o.noConfig && o.config != "":
		return nil, fmt.Errorf("--config and --no-config contradict each other")
	case o.noConfig:
		return &fileConfig{}, nil
	case o.config != "":
		return parseConfigFile(o.config)
	}
	path, err := discoverConfig()
	if err != nil || path == "" {
		return &fileConfig{}, err
	}
	return parseConfigFile(path)
}

// discoverConfig looks for .apigwlint.yaml (or .yml) in the working folder
// and each folder above it, up to the root of the file system or the first
// folder holding .git (a repository's root), whichever comes first. It
// returns the path relative to the working folder, or "".
func discoverConfig() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", nil // nowhere to look from
	}
	for dir := wd; ; {
		var found []string
		for _, n := range configNames {
			if st, err := os.Stat(filepath.Join(dir, n)); err == nil && st.Mode().IsRegular() {
				found = append(found, filepath.Join(dir, n))
			}
		}
		if len(found) > 1 {
			return "", fmt.Errorf("both %s and %s exist; keep one", shown(wd, found[0]), shown(wd, found[1]))
		}
		if len(found) == 1 {
			return shown(wd, found[0]), nil
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// shown is path relative to wd when that is shorter to read.
func shown(wd, path string) string {
	if r, err := filepath.Rel(wd, path); err == nil {
		return r
	}
	return path
}

// configError is a mistake in the configuration file, at a position.
type configError struct {
	line, col int
	msg       string
}

// parseConfigFile reads and validates a configuration file. Every mistake
// is reported, each with its line and column, and the run stops (exit 2).
func parseConfigFile(path string) (*fileConfig, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--config %s: %s", path, describe(err))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	c := &fileConfig{path: path, dir: filepath.Dir(abs), rules: map[string]string{}}
	var errs []configError
	bad := func(n *doc.Node, format string, args ...any) {
		errs = append(errs, configError{n.Line, n.Column, fmt.Sprintf(format, args...)})
	}
	f, err := loader.Parse(path, src, loader.DefaultLimits)
	if err != nil {
		return nil, err
	}
	// Parse keeps the last of keys written twice and lists the others.
	for _, d := range f.Duplicates {
		what := map[int]string{1: "setting", 2: "rule", 3: "ignore key"}[strings.Count(d.Pointer, "/")]
		bad(d.Last, "%s %q is given twice", cmp.Or(what, "key"), d.Key.Value)
	}
	root := f.Root
	switch {
	case root == nil || root.Tag == "!!null":
		return c, nil // an empty file configures nothing
	case root.Kind != doc.MappingNode:
		bad(root, "the configuration must be a mapping of settings (%s)", strings.Join(configKeys, ", "))
	}
	for key, val := range pairs(root, configKeys, "setting", bad) {
		if val.Kind == doc.ScalarNode && val.Tag == "!!null" {
			continue // "rules:" with nothing under it yet
		}
		switch key.Value {
		case "rules":
			c.parseRules(val, bad)
		case "timeout-ceiling":
			n, err := strconv.Atoi(val.Value)
			switch {
			case val.Kind != doc.ScalarNode || err != nil:
				bad(val, "timeout-ceiling must be a whole number of milliseconds, such as 60000")
			case n < 50:
				bad(val, "timeout-ceiling must be at least 50 (milliseconds), not %d", n)
			default:
				c.timeoutCeiling = n
			}
		case "fail-level":
			if s, ok := severityName(val, false, bad); ok {
				c.failLevel = s
			}
		case "include", "exclude":
			globs := c.parseGlobs(key.Value, val, bad)
			if key.Value == "include" {
				c.include = globs
			} else {
				c.exclude = globs
			}
		case "ignore":
			c.parseIgnore(val, bad)
		}
	}
	if len(errs) > 0 {
		lines := make([]string, len(errs))
		for i, e := range errs {
			lines[i] = fmt.Sprintf("%s:%d:%d: %s", path, e.line, e.col, e.msg)
		}
		return nil, errors.New(strings.Join(lines, "\napigwlint: "))
	}
	return c, nil
}

// pairs returns the key and value nodes of mapping m, reporting keys that
// are not in known (with the nearest known one) and keys given twice.
func pairs(m *doc.Node, known []string, what string, bad func(*doc.Node, string, ...any)) func(func(*doc.Node, *doc.Node) bool) {
	return func(yield func(*doc.Node, *doc.Node) bool) {
		if m.Kind != doc.MappingNode {
			return
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			switch {
			case !contains(known, k.Value):
				hint := ""
				if s := rules.Closest(k.Value, known); s != "" {
					hint = "; did you mean " + s + "?"
				}
				bad(k, "unknown %s %q%s (known: %s)", what, k.Value, hint, strings.Join(known, ", "))
				continue
			case seen[k.Value]:
				bad(k, "%s %q is given twice", what, k.Value)
				continue
			}
			seen[k.Value] = true
			if !yield(k, v) {
				return
			}
		}
	}
}

// severityName reads error, warning or note (and off, when allowed).
func severityName(n *doc.Node, allowOff bool, bad func(*doc.Node, string, ...any)) (string, bool) {
	want := []string{"error", "warning", "note"}
	if allowOff {
		want = append([]string{"off"}, want...)
	}
	v := strings.ToLower(n.Value)
	if n.Kind == doc.ScalarNode && contains(want, v) {
		return v, true
	}
	if s, err := rules.ParseSeverity(v); err == nil && n.Kind == doc.ScalarNode {
		return s.String(), true // warn, info: as --fail-level takes them
	}
	hint := ""
	if s := rules.Closest(n.Value, want); s != "" && n.Kind == doc.ScalarNode {
		hint = "; did you mean " + s + "?"
	}
	bad(n, "%q is not a severity%s (want %s)", n.Value, hint, strings.Join(want, ", "))
	return "", false
}

func (c *fileConfig) parseRules(m *doc.Node, bad func(*doc.Node, string, ...any)) {
	if m.Kind != doc.MappingNode {
		bad(m, "rules must be a mapping of rule ids or names to off, error, warning or note")
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		r := rules.ByID(k.Value)
		if r == nil {
			bad(k, "no rule %q%s (see apigwlint --list-rules)", k.Value, rules.SuggestRule(k.Value))
			continue
		}
		if _, dup := c.rules[r.ID]; dup {
			bad(k, "rule %s (%s) is set twice", r.ID, r.Name)
			continue
		}
		if s, ok := severityName(v, true, bad); ok {
			c.rules[r.ID] = s
		}
	}
}

func (c *fileConfig) parseGlobs(key string, n *doc.Node, bad func(*doc.Node, string, ...any)) []*pathGlob {
	if n.Kind != doc.SequenceNode {
		bad(n, "%s must be a list of path patterns, such as [\"specs/**/*.yaml\"]", key)
		return nil
	}
	var out []*pathGlob
	for _, e := range n.Content {
		g, err := c.glob(e)
		if err != nil {
			bad(e, "%s: %v", key, err)
			continue
		}
		out = append(out, g)
	}
	return out
}

func (c *fileConfig) glob(n *doc.Node) (*pathGlob, error) {
	if n.Kind != doc.ScalarNode || n.Tag == "!!null" {
		return nil, fmt.Errorf("a path pattern must be a string")
	}
	return newPathGlob(n.Value)
}

func (c *fileConfig) parseIgnore(n *doc.Node, bad func(*doc.Node, string, ...any)) {
	if n.Kind != doc.SequenceNode {
		bad(n, "ignore must be a list of entries, each with path, reason and optionally rule and pointer")
		return
	}
	for _, m := range n.Content {
		if m.Kind != doc.MappingNode {
			bad(m, "an ignore entry must be a mapping with path, reason and optionally rule and pointer")
			continue
		}
		e := &ignoreEntry{line: m.Line, col: m.Column}
		ok := true
		for k, v := range pairs(m, ignoreKeys, "ignore key", func(n *doc.Node, f string, a ...any) { ok = false; bad(n, f, a...) }) {
			if v.Kind != doc.ScalarNode || v.Tag == "!!null" {
				bad(v, "%s must be a string", k.Value)
				ok = false
				continue
			}
			switch k.Value {
			case "path":
				g, err := newPathGlob(v.Value)
				if err != nil {
					bad(v, "path: %v", err)
					ok = false
				}
				e.path = g
			case "rule":
				if e.rule = rules.ByID(v.Value); e.rule == nil {
					bad(v, "no rule %q%s (see apigwlint --list-rules)", v.Value, rules.SuggestRule(v.Value))
					ok = false
				}
			case "pointer":
				if msg := checkPointer(v.Value); msg != "" {
					bad(v, "pointer %q %s", v.Value, msg)
					ok = false
				}
				e.pointer = strings.TrimSuffix(v.Value, "/")
			case "reason":
				e.reason = strings.TrimSpace(v.Value)
				if e.reason == "" {
					bad(v, "reason is empty; say why the findings are accepted")
					ok = false
				}
			}
		}
		if !ok {
			continue
		}
		switch {
		case e.path == nil:
			bad(m, "this ignore entry has no path; give the files it applies to, such as path: specs/legacy.json")
		case e.reason == "":
			bad(m, "this ignore entry has no reason; say why the findings are accepted (reason: ...)")
		default:
			c.ignore = append(c.ignore, e)
		}
	}
}

// checkPointer returns what is wrong with a JSON pointer, or "".
func checkPointer(p string) string {
	if p == "" {
		return ""
	}
	if !strings.HasPrefix(p, "/") {
		return "must start with / (a JSON pointer, such as /paths/~1pets/get)"
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '~' && (i+1 == len(p) || p[i+1] != '0' && p[i+1] != '1') {
			return "has a ~ that is not ~0 (for ~) or ~1 (for /)"
		}
	}
	return ""
}

// filter drops the files the include and exclude patterns leave out, found
// by walking folders and named explicitly alike. Standard input is kept.
func (c *fileConfig) filter(files []input) []input {
	if len(c.include) == 0 && len(c.exclude) == 0 {
		return files
	}
	out := files[:0:0]
	for _, f := range files {
		if f.stdin || c.keeps(c.rel(f.path)) {
			out = append(out, f)
		}
	}
	return out
}

func (c *fileConfig) keeps(rel string) bool {
	if len(c.include) > 0 && !anyMatch(c.include, rel) {
		return false
	}
	return !anyMatch(c.exclude, rel)
}

func anyMatch(gs []*pathGlob, rel string) bool {
	for _, g := range gs {
		if g.match(rel) {
			return true
		}
	}
	return false
}
