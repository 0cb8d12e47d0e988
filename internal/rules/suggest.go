package rules

import "strings"

// Closest returns the candidate nearest to s when it is near enough to be a
// typo (see didYouMean), or "". The CLI uses it for configuration keys.
func Closest(s string, candidates []string) string { return didYouMean(s, candidates) }

// SuggestRule returns a "; did you mean ..." hint naming the rule whose id or
// name is nearest to s, or "" when none is near. Ids are not guessed at:
// they are dense, so a mistyped one is near several others.
func SuggestRule(s string) string {
	if idPattern().MatchString(strings.ToUpper(s)) {
		return ""
	}
	var cands []string
	for _, r := range All {
		cands = append(cands, r.Name)
	}
	c := didYouMean(s, cands)
	if c == "" {
		return ""
	}
	r := ByID(c)
	return "; did you mean " + r.ID + " (" + r.Name + ")?"
}
