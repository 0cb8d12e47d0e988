package rules

// Suppression says why a finding is accepted instead of reported. A
// suppressed finding does not count for the exit code and is left out of
// text and GitHub output, but machine-readable reports keep it, marked.
type Suppression struct {
	// Kind is SARIF's suppression kind: "inSource" for a comment in the
	// linted file, "external" for a config ignore entry or a baseline.
	Kind string
	// By is what suppressed the finding: "comment", "config" or "baseline".
	By            string
	Justification string
	// Where the suppression is written: the comment, or the ignore entry of
	// the config file. Empty for a baseline.
	File      string
	Line, Col int
}

// The values of Suppression.By.
const (
	ByComment  = "comment"
	ByConfig   = "config"
	ByBaseline = "baseline"
)

// SuppressionRule is the name of the rule that reports suppressions which
// are malformed, lack a reason, or suppress nothing.
const SuppressionRule = "suppression"
