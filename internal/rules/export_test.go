package rules

// WithRule runs fn with an extra rule, whose integration check is c,
// at the end of All: the tests' way to make a rule misbehave.
func WithRule(id, name string, c func(*Pass), fn func()) {
	All = append(All, &Rule{ID: id, Name: name, Title: name, Severity: Error, check: check{integration: c}})
	defer func() { All = All[:len(All)-1] }()
	fn()
}
