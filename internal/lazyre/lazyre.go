// Package lazyre defers compiling a package-level regular expression to its
// first use. Compiling every pattern of the program at start-up cost a
// one-file run several milliseconds of its start, for patterns most runs
// never match; with New a run compiles only the ones it uses.
package lazyre

import (
	"regexp"
	"sync"
)

// patterns is every expression given to New, for CompileAll. New is called
// from package-level variable declarations, so only during initialisation,
// which is single-threaded.
var patterns []string

// New returns a function that compiles expr on its first call (panicking,
// as regexp.MustCompile does, when it is not a valid expression) and returns
// that same *regexp.Regexp on every call. It is safe for concurrent use.
//
//	var idPattern = lazyre.New(`^AGW\d{3}$`)
//	...
//	if idPattern().MatchString(s) { ... }
func New(expr string) func() *regexp.Regexp {
	patterns = append(patterns, expr)
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// CompileAll compiles every expression given to New by the packages linked
// into the program and returns the first error: a test calls it, so that an
// invalid pattern fails the tests rather than the first run that uses it.
func CompileAll() error {
	for _, p := range patterns {
		if _, err := regexp.Compile(p); err != nil {
			return err
		}
	}
	return nil
}
