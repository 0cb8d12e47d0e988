package lint

import (
	"fmt"
	"path"
	"runtime"
	"strings"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// The stages of a file a panic is said to be in, when no rule panicked.
const (
	stageRead     = "the reader"
	stageLoad     = "the loader"
	stageCheck    = "the rule engine"
	stageSuppress = "the Suppress stage"
)

// internalError is the one message of a panic while linting a file (a bug):
// who panicked, with what, where in apigwlint's code, and a request to
// report it. Who is the rule when a rule panicked (rules.Check re-raises a
// rule's panic as a *rules.RulePanic, with the stack of the panic), else
// the stage the file was in. The driver makes it an input error of the
// file (exit 2), and the other files are still linted. It must be called
// from the deferred function that recovered v, while the frames that
// panicked are still on the stack.
func internalError(stage string, v any) string {
	who := stage
	pcs := make([]uintptr, 64)
	stack := pcs[:runtime.Callers(2, pcs)]
	if p, ok := v.(*rules.RulePanic); ok {
		v, stack = p.Value, p.Stack
		if p.Rule != nil {
			who = fmt.Sprintf("rule %s (%s)", p.Rule.ID, p.Rule.Name)
		}
	}
	site := ""
	if s := panicSite(stack); s != "" {
		site = " at " + s
	}
	return fmt.Sprintf("internal error in %s: %v%s; please report this at https://github.com/apigwlint/apigwlint/issues with the file", who, v, site)
}

// panicSite returns file:line of the innermost frame of apigwlint's own code
// below the panic in stack, or "".
func panicSite(stack []uintptr) string {
	frames := runtime.CallersFrames(stack)
	panicking := false
	for {
		f, more := frames.Next()
		if f.Function == "runtime.gopanic" || strings.HasPrefix(f.Function, "runtime.panic") {
			panicking = true // frames below are the code that panicked
		} else if panicking && strings.HasPrefix(f.Function, "github.com/apigwlint/apigwlint/") {
			return path.Base(path.Dir(f.File)) + "/" + path.Base(f.File) + ":" + fmt.Sprint(f.Line)
		}
		if !more {
			return ""
		}
	}
}
