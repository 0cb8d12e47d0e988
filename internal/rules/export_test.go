package rules

// WithRule runs fn with an extra rule, whose integration check is check,
// at the end of All: the tests' way to make a rule misbehave.
func WithRule(id, name string, check func(*Pass), fn func()) {
	All = append(All, &Rule{ID: id, Name: name, Title: name, Severity: Error, check: checker{integration: check}})
	defer func() { All = All[:len(All)-1] }()
	fn()
}
