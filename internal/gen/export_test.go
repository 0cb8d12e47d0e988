package gen

// PlantedRule returns the rule id of the mistake planted in integration i
// (0-based), or "" when none is.
func PlantedRule(opts Options, i int) string {
	p, ok := plantAt(opts, i)
	if !ok {
		return ""
	}
	return p.rule
}
