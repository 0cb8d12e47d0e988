package config

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// configError is a mistake in the configuration file, at a position.
type configError struct {
	line, col int
	msg       string
}

// Parse validates the configuration file at path, whose content is src.
// Every mistake is reported, each with its line and column, and the run
// stops (exit 2).
func Parse(path string, src []byte) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	c := &File{Path: path, Dir: filepath.Dir(abs), Rules: map[string]string{}}
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
		bad(root, "the configuration must be a mapping of settings (%s)", strings.Join(Keys, ", "))
	}
	for key, val := range pairs(root, Keys, "setting", bad) {
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
				c.TimeoutCeiling = n
			}
		case "fail-level":
			if val.Kind == doc.ScalarNode && strings.EqualFold(val.Value, "never") {
				c.FailLevel = "never" // findings never fail the run
			} else if s, ok := severityName(val, false, bad); ok {
				c.FailLevel = s
			}
		case "include", "exclude":
			globs := c.parseGlobs(key.Value, val, bad)
			if key.Value == "include" {
				c.Include = globs
			} else {
				c.Exclude = globs
			}
		case "ignore":
			c.parseIgnore(val, bad)
		case "baseline":
			if val.Kind != doc.ScalarNode || val.Value == "" {
				bad(val, "baseline must be the path of a baseline file, relative to this file's folder")
			} else {
				c.Baseline = c.resolve(val.Value)
			}
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
			case !slices.Contains(known, k.Value):
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
	if n.Kind == doc.ScalarNode && slices.Contains(want, v) {
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

func (c *File) parseRules(m *doc.Node, bad func(*doc.Node, string, ...any)) {
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
		if _, dup := c.Rules[r.ID]; dup {
			bad(k, "rule %s (%s) is set twice", r.ID, r.Name)
			continue
		}
		if s, ok := severityName(v, true, bad); ok {
			c.Rules[r.ID] = s
		}
	}
}

func (c *File) parseGlobs(key string, n *doc.Node, bad func(*doc.Node, string, ...any)) []*Glob {
	if n.Kind != doc.SequenceNode {
		bad(n, "%s must be a list of path patterns, such as [\"specs/**/*.yaml\"]", key)
		return nil
	}
	var out []*Glob
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

func (c *File) glob(n *doc.Node) (*Glob, error) {
	if n.Kind != doc.ScalarNode || n.Tag == "!!null" {
		return nil, fmt.Errorf("a path pattern must be a string")
	}
	return NewGlob(n.Value)
}

func (c *File) parseIgnore(n *doc.Node, bad func(*doc.Node, string, ...any)) {
	if n.Kind != doc.SequenceNode {
		bad(n, "ignore must be a list of entries, each with path, reason and optionally rule and pointer")
		return
	}
	for _, m := range n.Content {
		if m.Kind != doc.MappingNode {
			bad(m, "an ignore entry must be a mapping with path, reason and optionally rule and pointer")
			continue
		}
		e := &Ignore{Line: m.Line, Col: m.Column}
		ok := true
		for k, v := range pairs(m, ignoreKeys, "ignore key", func(n *doc.Node, f string, a ...any) { ok = false; bad(n, f, a...) }) {
			if v.Kind != doc.ScalarNode || v.Tag == "!!null" {
				bad(v, "%s must be a string", k.Value)
				ok = false
				continue
			}
			switch k.Value {
			case "path":
				g, err := NewGlob(v.Value)
				if err != nil {
					bad(v, "path: %v", err)
					ok = false
				}
				e.Path = g
			case "rule":
				if e.Rule = rules.ByID(v.Value); e.Rule == nil {
					bad(v, "no rule %q%s (see apigwlint --list-rules)", v.Value, rules.SuggestRule(v.Value))
					ok = false
				}
			case "pointer":
				if msg := checkPointer(v.Value); msg != "" {
					bad(v, "pointer %q %s", v.Value, msg)
					ok = false
				}
				e.Pointer = strings.TrimSuffix(v.Value, "/")
			case "reason":
				e.Reason = strings.TrimSpace(v.Value)
				if e.Reason == "" {
					bad(v, "reason is empty; say why the findings are accepted")
					ok = false
				}
			}
		}
		if !ok {
			continue
		}
		switch {
		case e.Path == nil:
			bad(m, "this ignore entry has no path; give the files it applies to, such as path: specs/legacy.json")
		case e.Reason == "":
			bad(m, "this ignore entry has no reason; say why the findings are accepted (reason: ...)")
		default:
			c.Ignore = append(c.Ignore, e)
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

// resolve is path, relative to the configuration file's folder unless
// absolute, as shown to the user: relative to the working folder when that
// is shorter to read.
func (c *File) resolve(path string) string {
	path = filepath.FromSlash(path)
	if !filepath.IsAbs(path) {
		path = filepath.Join(c.Dir, path)
	}
	if wd, err := os.Getwd(); err == nil {
		return shown(wd, path)
	}
	return path
}
