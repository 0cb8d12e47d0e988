package ruledoc

import (
	"fmt"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// Match returns the rules whose recorded message (the front matter
// "message": what API Gateway or CloudFormation answers when it rejects the
// mistake) matches text, an error pasted from a failed import or deploy,
// best first. It is tolerant of what AWS inserts around and inside its
// messages: an "Errors found during import" wrapper, the method and path,
// ids, ARNs, names, numbers and quotes. Those are never required: a word of
// a recorded message holding a digit, a quote, a bracket or a dot, colon or
// slash inside it (method.request.path.page, 29000, 'AWS_PROXY') stands for
// whatever AWS puts there, and only its plain words must appear in text.
// A rule matches when at least three quarters of its plain words (and two
// of them at least) do; more of them, then more words in all, rank first,
// and a placeholder whose stable part (method.request.path.) appears in text
// breaks a tie.
func Match(rs []*rules.Rule, text string) []*rules.Rule {
	have := map[string]bool{}
	for _, w := range words(text) {
		have[w] = true
	}
	lower := strings.ToLower(text)
	type scored struct {
		r               *rules.Rule
		share           float64
		matched, prefix int
	}
	var out []scored
	for _, r := range rs {
		if r.Message == "" {
			continue
		}
		plain, stable := messageParts(r.Message)
		n := 0
		for _, w := range plain {
			if have[w] {
				n++
			}
		}
		if len(plain) == 0 || n < 2 || 4*n < 3*len(plain) {
			continue
		}
		s := scored{r: r, share: float64(n) / float64(len(plain)), matched: n}
		for _, p := range stable {
			if strings.Contains(lower, p) {
				s.prefix++
			}
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.share != b.share:
			return a.share > b.share
		case a.matched != b.matched:
			return a.matched > b.matched
		case a.prefix != b.prefix:
			return a.prefix > b.prefix
		}
		return a.r.ID < b.r.ID
	})
	rules := make([]*rules.Rule, len(out))
	for i, s := range out {
		rules[i] = s.r
	}
	return rules
}

// messageParts splits a recorded message into its plain words (lower case)
// and the stable parts of its placeholders: "method.request.path." of
// method.request.path.page, a dotted expression whose last part is only an
// example.
func messageParts(msg string) (plain, stable []string) {
	for _, field := range strings.Fields(msg) {
		w := strings.Trim(field, ",;:.!?()")
		if w == "" {
			continue
		}
		if !placeholder(w) {
			plain = append(plain, words(w)...)
			continue
		}
		if i := strings.LastIndex(w, "."); i > 0 && !strings.ContainsAny(w, "'\"[]{}") {
			stable = append(stable, strings.ToLower(w[:i+1]))
		}
	}
	return plain, stable
}

// placeholder reports whether a word of a recorded message is one AWS fills
// in: it holds a digit, a quote, a bracket, or a dot, colon or slash.
func placeholder(w string) bool {
	return strings.ContainsAny(w, "0123456789'\"[]{}.:/$")
}

// words splits text into lower-case words of letters, digits and
// underscores.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')
	})
}

// Matches renders the answer of apigwlint explain MESSAGE: the rules Match
// found, best first, each with its title (what to look for in the file) and
// the message it records, and how to read its whole page.
func Matches(text string, rs []*rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Rules that catch the mistake behind %q, best first:\n", strings.TrimSpace(text))
	for _, r := range rs {
		fmt.Fprintf(&b, "\n%s %s (%s)\n  look for: %s\n  API Gateway says: %q\n", r.ID, r.Name, r.Severity, r.Title, r.Message)
	}
	fmt.Fprintf(&b, "\napigwlint explain %s prints a rule's whole page.\n", rs[0].ID)
	return b.String()
}
