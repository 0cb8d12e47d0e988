package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"sort"
	"strings"
)

// integrationTypes are the values of the API's IntegrationType enum.
var integrationTypes = []string{"AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK"}

// isProxy reports whether an integration type passes requests through
// unchanged (no mapping templates, no integration responses).
func isProxy(t string) bool { return t == "AWS_PROXY" || t == "HTTP_PROXY" }

// isHTTPType reports whether t is an HTTP backend type.
func isHTTPType(t string) bool { return t == "HTTP" || t == "HTTP_PROXY" }

// isAWSType reports whether t is an AWS service backend type.
func isAWSType(t string) bool { return t == "AWS" || t == "AWS_PROXY" }

// shapeWhere names, for messages, an input whose enum values reach the API
// as written: "put-integration input JSON", "a CloudFormation template",
// "a Terraform configuration".
func shapeWhere(s doc.Shape) string {
	switch {
	case s.CloudFormation(): // AWS::ApiGateway::Method or AWS::ApiGatewayV2::Integration
		return "a CloudFormation template"
	case s.Terraform():
		return "a Terraform configuration"
	}
	return s.String() + " JSON"
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// oneOf renders an enum for a message: "A, B or C".
func oneOf(list []string) string {
	if len(list) == 1 {
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " or " + list[len(list)-1]
}

// didYouMean returns the candidate closest to s when it is close enough to
// be a typo (case-insensitive edit distance of at most a third of its
// length, and at most 3), or "".
func didYouMean(s string, candidates []string) string {
	best, bestD := "", 4
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(c))
		if d < bestD && d*3 <= len(c) {
			best, bestD = c, d
		}
	}
	return best
}

// uniqueMatch is didYouMean when no other candidate is as close: the only
// suggestion certain enough for a fix to apply.
func uniqueMatch(s string, candidates []string) string {
	best := didYouMean(s, candidates)
	if best == "" {
		return ""
	}
	ls, d := strings.ToLower(s), editDistance(strings.ToLower(s), strings.ToLower(best))
	for _, c := range candidates {
		if c != best && editDistance(ls, strings.ToLower(c)) == d {
			return ""
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each count one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// keysOf returns the keys of a field spec, sorted.
func keysOf(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// isPlaceholder reports whether a whole string value is a placeholder that
// another tool fills in before the file reaches API Gateway: ${name}
// (Terraform templatefile, envsubst), {{name}} (mustache, Jinja) or an
// all-caps REPLACE_ME-style token. Such a value is unknown, not wrong.
func isPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "${") && strings.IndexByte(s, '}') == len(s)-1:
		return true // one ${...} token and nothing else
	case strings.HasPrefix(s, "{{") && strings.HasSuffix(s, "}}"):
		return true
	case strings.HasPrefix(s, "REPLACE_ME") || angleToken().MatchString(s):
		return true
	}
	return false
}

// angleToken is a documentation placeholder such as <account-id>.
var angleToken = lazyre.New(`^<[A-Za-z0-9_.:-]+>$`)

// literal returns the text of a field whose value is a literal string that
// is not a whole-value placeholder; ok is false otherwise.
func literal(f *doc.Field) (text string, ok bool) {
	v := f.Val()
	if f == nil || v.Kind != doc.KindString || isPlaceholder(v.Text) {
		return "", false
	}
	return v.Text, true
}
