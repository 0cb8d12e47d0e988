// Package config reads .apigwlint.yaml: where it is (Find), and what it
// says (Parse), every mistake reported with its line and column. It only
// parses: reading the file, and applying its settings to a run, are the
// driver's (internal/lint); its ignore entries are applied by the Suppress
// stage (internal/suppress).
package config

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// configNames are the names of the configuration file, in the order they
// are looked for in each folder.
var configNames = []string{".apigwlint.yaml", ".apigwlint.yml"}

// Keys are the top-level keys of the configuration file.
var Keys = []string{"rules", "timeout-ceiling", "include", "exclude", "fail-level", "ignore", "baseline"}

// ignoreKeys are the keys of one entry of the ignore list.
var ignoreKeys = []string{"path", "rule", "pointer", "reason"}

// File is a parsed .apigwlint.yaml. The zero value (no file) changes
// nothing.
type File struct {
	Path string // as shown in messages and findings
	Dir  string // absolute folder of the file: globs are relative to it

	Rules          map[string]string // rule id -> off, error, warning or note
	TimeoutCeiling int               // 0 when not set
	FailLevel      string            // "" when not set
	// Baseline is the baseline file of the baseline key, resolved against
	// the configuration file's folder and shown relative to the working
	// folder; "" when not set.
	Baseline string
	Include  []*Glob
	Exclude  []*Glob
	Ignore   []*Ignore
}

// Ignore is one item of the ignore list: findings in files matching Path,
// of Rule (any when nil), at Pointer or below it (anywhere when "").
type Ignore struct {
	Path      *Glob
	Rule      *rules.Rule
	Pointer   string
	Reason    string
	Line, Col int // of the entry in the configuration file
}

// Find looks for .apigwlint.yaml (or .yml) in the working folder
// and each folder above it, up to the root of the file system or the first
// folder holding .git (a repository's root), whichever comes first. It
// returns the path relative to the working folder, or "".
func Find() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", nil // nowhere to look from
	}
	return FindFrom(wd, wd)
}

// FindFrom is Find starting from the folder start (an editor's document's
// folder, say) instead of the working folder; the path is shown relative
// to wd when that is shorter.
func FindFrom(start, wd string) (string, error) {
	for dir := start; ; {
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

// rel returns path (as given on the command line or found by walking)
// relative to the configuration file's folder, with forward slashes.
func (c *File) Rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return "../" + filepath.ToSlash(abs) // another volume: outside
	}
	return filepath.ToSlash(r)
}

// Keeps reports whether the include and exclude patterns keep the file at
// rel, a slash path relative to the configuration file's folder.
func (c *File) Keeps(rel string) bool {
	if len(c.Include) > 0 && !anyMatch(c.Include, rel) {
		return false
	}
	return !anyMatch(c.Exclude, rel)
}

func anyMatch(gs []*Glob, rel string) bool {
	for _, g := range gs {
		if g.Match(rel) {
			return true
		}
	}
	return false
}
