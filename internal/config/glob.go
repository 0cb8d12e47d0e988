package config

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Glob is an include, exclude or ignore pattern. A pattern with a slash
// matches the path from the configuration file's folder; one without
// matches a file or folder name at any depth, as in .gitignore. "**" matches
// any number of folders, and a pattern matching a folder matches every file
// in it.
type Glob struct {
	Text     string // as written, for messages
	re       *regexp.Regexp
	anywhere bool
}

// NewGlob compiles pattern p of the configuration file.
func NewGlob(p string) (*Glob, error) {
	p = strings.TrimPrefix(filepath.ToSlash(p), "./")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return nil, fmt.Errorf("empty pattern")
	}
	re, err := GlobRegexp(p)
	if err != nil {
		return nil, err
	}
	return &Glob{Text: p, re: re, anywhere: !strings.Contains(p, "/")}, nil
}

// Match reports whether rel, a slash path relative to the configuration
// file's folder, or one of the folders it is in, matches.
func (g *Glob) Match(rel string) bool {
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

// GlobRegexp compiles a path pattern: * and ? match within one path
// segment, ** any number of segments, [...] a class of characters. The
// command line's globs (internal/lint) and the configuration's patterns
// share it, so both read a pattern alike.
func GlobRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '*' && strings.HasPrefix(pattern[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case c == '*' && strings.HasPrefix(pattern[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(pattern[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("pattern has an unclosed [")
			}
			b.WriteString(pattern[i : i+j+1])
			i += j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}
