package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// TestReplaceAllMatchesRegexp checks the byte loops that stand in for
// dollarVar and mustacheVar against the regexps, on random text made of the
// characters that matter.
func TestReplaceAllMatchesRegexp(t *testing.T) {
	alphabet := []string{"$", "{", "}", "{{", "}}", "${", "a", "B", "/", ":", " ", "\n", "é"}
	rng := rand.New(rand.NewSource(1))
	inputs := []string{"", "${x}", "${x", "{{a}}", "{{a}b}}", "{{{a}}}", "${a}${b}{{c}}", "arn:aws:apigateway:${AWS::Region}:lambda:path/x"}
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	spaces := func(s string) string { return strings.Repeat(" ", len(s)) }
	for _, s := range inputs {
		if got, want := replaceAll(s, nextDollarVar, "VAR", false), dollarVar().ReplaceAllString(s, "VAR"); got != want {
			t.Fatalf("dollar %q: got %q, want %q", s, got, want)
		}
		if got, want := replaceAll(s, nextDollarVar, "", true), dollarVar().ReplaceAllStringFunc(s, spaces); got != want {
			t.Fatalf("dollar pad %q: got %q, want %q", s, got, want)
		}
		if got, want := replaceAll(s, nextMustacheVar, "", false), mustacheVar().ReplaceAllString(s, ""); got != want {
			t.Fatalf("mustache %q: got %q, want %q", s, got, want)
		}
	}
}
