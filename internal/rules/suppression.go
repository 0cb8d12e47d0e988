package rules

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/loader"
)

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

// directive is one "# apigwlint:ignore RULE[,RULE] reason" comment.
type directive struct {
	line, col, endCol int // of the comment
	rules             []*Rule
	used              []bool // per rule: it suppressed a finding
	reason            string
	from, to          int // the lines (1-based) it applies to; 0 when none
}

// applyComments marks the findings that an apigwlint:ignore comment of the
// file suppresses, and adds the findings of the suppression rule (unless it
// is disabled): comments without a reason (note; such a comment is not
// applied), naming no or unknown rules, or suppressing nothing (stale). A
// comment naming a rule that is switched off is not judged stale.
func applyComments(f *loader.File, out []Finding, cfg *Config) []Finding {
	if !bytes.Contains(f.Src, []byte("apigwlint:")) {
		return out // the fast path for nearly every file
	}
	self := ByID(SuppressionRule)
	var own []Finding
	report := func(sev Severity, line, col, endCol int, format string, args ...any) {
		own = append(own, Finding{
			RuleID: self.ID, Rule: self.Name, Severity: sev, Message: fmt.Sprintf(format, args...), File: f.Path,
			Span: loader.Span{Line: line, Col: col, EndLine: line, EndCol: endCol},
		})
	}
	lines := scanLines(f.Src)
	var dirs []*directive
	for i, l := range lines {
		if l.comment < 0 {
			continue
		}
		text := string(bytes.TrimRight(f.Src[l.comment+1:l.end], " \t"))
		body := strings.TrimLeft(text, " \t")
		if !strings.HasPrefix(body, "apigwlint:") {
			continue
		}
		col := utf8.RuneCount(f.Src[l.start:l.comment]) + 1
		endCol := col + 1 + utf8.RuneCountInString(text)
		word, rest := body, ""
		if k := strings.IndexAny(body, " \t"); k >= 0 {
			word, rest = body[:k], body[k:]
		}
		if word != "apigwlint:ignore" {
			if len(word) > len("apigwlint:") {
				hint := ""
				if Closest(word, []string{"apigwlint:ignore"}) != "" {
					hint = "; did you mean apigwlint:ignore?"
				}
				report(self.Severity, i+1, col, endCol, "unknown directive %q%s", word, hint)
			}
			continue
		}
		names, reason := splitDirective(rest)
		if len(names) == 0 {
			report(self.Severity, i+1, col, endCol, `apigwlint:ignore names no rule; write "# apigwlint:ignore RULE-ID reason"`)
			continue
		}
		d := &directive{line: i + 1, col: col, endCol: endCol, reason: reason}
		for _, n := range names {
			r := ByID(n)
			switch {
			case r == nil:
				report(self.Severity, i+1, col, endCol, "apigwlint:ignore names no rule %q%s", n, SuggestRule(n))
			case r == self:
				report(self.Severity, i+1, col, endCol, "apigwlint:ignore cannot suppress %s (%s) itself; switch the rule off in the configuration instead", r.ID, r.Name)
			default:
				d.rules = append(d.rules, r)
			}
		}
		if len(d.rules) == 0 {
			continue
		}
		if reason == "" {
			report(Note, i+1, col, endCol, "apigwlint:ignore %s gives no reason, so it is not applied; write why after the rule id", ruleList(d.rules))
			continue
		}
		d.used = make([]bool, len(d.rules))
		d.from, d.to = reach(lines, i)
		dirs = append(dirs, d)
	}
	for i := range out {
		fd := &out[i]
		if fd.Suppressed != nil || fd.RuleID == self.ID {
			continue
		}
		for _, d := range dirs {
			if fd.Line < d.from || fd.Line > d.to {
				continue
			}
			if k := ruleIndex(d.rules, fd.RuleID); k >= 0 {
				d.used[k] = true
				fd.Suppressed = &Suppression{Kind: "inSource", By: ByComment, Justification: d.reason, File: f.Path, Line: d.line, Col: d.col}
				break
			}
		}
	}
	for _, d := range dirs {
		for k, r := range d.rules {
			if !d.used[k] && !cfg.Disabled[r.ID] {
				report(self.Severity, d.line, d.col, d.endCol,
					"apigwlint:ignore %s suppresses nothing: no %s finding on the line it applies to or in the value that line starts; remove it", r.ID, r.Name)
			}
		}
	}
	if cfg.Disabled[self.ID] {
		return out
	}
	return append(out, own...)
}

// splitDirective splits the text after "apigwlint:ignore" into rule ids or
// names (separated by commas, spaces allowed around them) and the reason.
// A separator before the reason ("--", "-", ":") is dropped.
func splitDirective(s string) (names []string, reason string) {
	s = strings.TrimLeft(s, " \t")
	for {
		j := 0
		for j < len(s) && (isWordByte(s[j])) {
			j++
		}
		if j == 0 {
			break
		}
		names = append(names, s[:j])
		s = s[j:]
		t := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(t, ",") {
			break
		}
		s = strings.TrimLeft(t[1:], " \t")
	}
	reason = strings.TrimSpace(s)
	for _, sep := range []string{"--", "—", "-", ":"} {
		if strings.HasPrefix(reason, sep) {
			reason = strings.TrimSpace(reason[len(sep):])
			break
		}
	}
	return names, reason
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// reach returns the lines (1-based) a directive on line i (0-based) applies
// to. A comment after YAML text applies to that line; a comment on a line of
// its own applies to the next line of YAML text (other comments may stand
// between them, a blank line may not). Either way it also covers the value
// that line starts: the lines below indented deeper than it (a key's
// mapping, a block scalar, a sequence entry's content), so a comment above
// "uri:" reaches a finding on the uri's value, and a comment above
// x-amazon-apigateway-integration reaches the whole integration.
func reach(lines []srcLine, i int) (from, to int) {
	t := i
	if lines[i].kind == lineComment {
		t = -1
		for j := i + 1; j < len(lines); j++ {
			if lines[j].kind == lineComment {
				continue
			}
			if lines[j].kind == lineCode {
				t = j
			}
			break
		}
		if t < 0 {
			return 0, 0
		}
	}
	k, end := lines[t].indent, t
	for j := t + 1; j < len(lines); j++ {
		l := lines[j]
		switch {
		case l.kind == lineBlank || l.kind == lineComment:
			continue
		case l.kind == lineContent || l.indent > k || lines[t].openValue && l.indent == k && l.dash:
			end = j
			continue
		}
		break
	}
	return t + 1, end + 1
}

func ruleIndex(rs []*Rule, id string) int {
	for i, r := range rs {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func ruleList(rs []*Rule) string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ",")
}
