package rules

import (
	"fmt"
	"path"
	"runtime"
	"strings"
)

// internalError turns a panic recovered while checking a file into an
// error of one line: which rule panicked, with what, and where in
// apigwlint's code, with a request to report it. The CLI shows it as an
// input error of the file (exit 2), and the other files are still checked.
func internalError(r *Rule, v any) error {
	who := "the rule engine"
	if r != nil {
		who = fmt.Sprintf("rule %s (%s)", r.ID, r.Name)
	}
	site := ""
	if s := panicSite(); s != "" {
		site = " at " + s
	}
	return fmt.Errorf("internal error in %s: %v%s; please report this at https://github.com/apigwlint/apigwlint/issues with the file", who, v, site)
}

// panicSite returns file:line of the innermost frame of apigwlint's own code
// below the panic, or "". It is called from the deferred recover, while
// the panicking frames are still on the stack.
func panicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
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
