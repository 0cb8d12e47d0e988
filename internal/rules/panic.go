package rules

import "runtime"

// RulePanic is a panic raised while Check ran, re-raised by Check with the
// rule that was running (nil outside any rule) and the stack where it
// happened. Check catches nothing: the driver's one recover per file
// (internal/lint) turns every panic of a file into one message, and this
// lets it name the rule, also for a panic in one of the goroutines that
// check a large file's integrations, which the driver's recover cannot see.
type RulePanic struct {
	Rule  *Rule
	Value any       // what was panicked with
	Stack []uintptr // program counters at the panic: where it happened
}

// tag makes v, a panic just recovered while r was running, a *RulePanic; one
// already tagged (re-raised from a goroutine) is kept as it is. It must be
// called from the deferred function that recovered v.
func tag(r *Rule, v any) *RulePanic {
	if p, ok := v.(*RulePanic); ok {
		return p
	}
	pcs := make([]uintptr, 64)
	return &RulePanic{Rule: r, Value: v, Stack: pcs[:runtime.Callers(2, pcs)]}
}
