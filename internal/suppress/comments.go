package suppress

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// directive is one "# apigwlint:ignore RULE[,RULE] reason" comment.
type directive struct {
	line, col, endCol int // of the comment
	rules             []*rules.Rule
	used              []bool // per rule: it suppressed a finding
	reason            string
	from, to          int // the lines (1-based) it applies to; 0 when none
}

// Comments is the Suppress stage's part for one file, run while its source
// is in memory: it marks the findings of rules.Check that an
// apigwlint:ignore comment of the file suppresses, and adds the findings of
// the suppression rule (unless it is disabled): comments without a reason
// (note; such a comment is not applied), naming no or unknown rules, or
// suppressing nothing (stale). A comment naming a rule that is switched off
// is not judged stale. The result is sorted as rules.Check sorts.
func Comments(f *doc.File, out []rules.Finding, cfg *rules.Config) []rules.Finding {
	if !mentionsTool(f.Src) {
		return out // the fast path for nearly every file
	}
	self := rules.ByID(rules.SuppressionRule)
	if cfg == nil {
		cfg = &rules.Config{Options: rules.DefaultOptions}
	}
	var own []rules.Finding
	report := func(sev rules.Severity, line, col, endCol int, format string, args ...any) {
		fd := rules.Finding{
			RuleID: self.ID, Rule: self.Name, Severity: sev, Message: fmt.Sprintf(format, args...), File: f.Path,
			Span: doc.Span{Line: line, Col: col, EndLine: line, EndCol: endCol},
		}
		if s, ok := cfg.Severity[self.ID]; ok {
			fd.Severity = s
		}
		for _, o := range own {
			if o.Line == fd.Line && o.Col == fd.Col && o.Message == fd.Message {
				return // reported once, as rules.Check reports identical findings
			}
		}
		own = append(own, fd)
	}
	var lines []srcLine
	if isHCL(f.Path) {
		lines = scanHCLLines(f.Src)
	} else {
		lines = scanLines(f.Src)
	}
	var dirs []*directive
	for i, l := range lines {
		if l.comment < 0 {
			continue
		}
		mark := max(l.mark, 1)
		text := string(bytes.TrimRight(f.Src[l.comment+mark:l.end], " \t"))
		body := strings.TrimLeft(text, " \t")
		if len(body) < len("apigwlint") || !strings.EqualFold(body[:len("apigwlint")], "apigwlint") {
			continue
		}
		col := utf8.RuneCount(f.Src[l.start:l.comment]) + 1
		endCol := col + mark + utf8.RuneCountInString(text)
		word, rest := body, ""
		if k := strings.IndexAny(body, " \t"); k >= 0 {
			word, rest = body[:k], body[k:]
		}
		if miss, ok := nearMiss(body); ok && word != "apigwlint:ignore" {
			report(self.Severity, i+1, col, endCol, "unknown directive %q; did you mean apigwlint:ignore?", miss)
			continue
		}
		if !strings.HasPrefix(body, "apigwlint:") {
			continue // a comment that mentions apigwlint
		}
		if word != "apigwlint:ignore" {
			if len(word) > len("apigwlint:") {
				hint := ""
				if rules.Closest(word, []string{"apigwlint:ignore"}) != "" {
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
		given := map[*rules.Rule]string{} // how each rule was named
		for _, n := range names {
			r := rules.ByID(n)
			switch {
			case r != nil && given[r] != "":
				report(self.Severity, i+1, col, endCol, "apigwlint:ignore names %s (%s) twice, as %q and %q; name each rule once", r.ID, r.Name, given[r], n)
			case r == nil:
				report(self.Severity, i+1, col, endCol, "apigwlint:ignore names no rule %q%s", n, rules.SuggestRule(n))
			case r == self:
				report(self.Severity, i+1, col, endCol, "apigwlint:ignore cannot suppress %s (%s) itself; switch the rule off in the configuration instead", r.ID, r.Name)
			default:
				d.rules = append(d.rules, r)
				given[r] = n
			}
		}
		if len(d.rules) == 0 {
			continue
		}
		if reason == "" {
			report(rules.Note, i+1, col, endCol, "apigwlint:ignore %s gives no reason, so it is not applied; write why after the rule id", ruleList(d.rules))
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
				fd.Suppressed = &rules.Suppression{Kind: "inSource", By: rules.ByComment, Justification: d.reason, File: f.Path, Line: d.line, Col: d.col}
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
	if cfg.Disabled[self.ID] || len(own) == 0 {
		return out
	}
	out = append(out, own...)
	rules.Sort(out)
	return out
}

// mentionsTool reports whether src holds apigwlint in the letter cases a
// directive, or a near miss of one, is written in.
func mentionsTool(src []byte) bool {
	for _, s := range [][]byte{[]byte("apigwlint"), []byte("APIGWLINT"), []byte("Apigwlint"), []byte("ApiGwLint")} {
		for rest, at := src, 0; ; {
			i := bytes.Index(rest, s)
			if i < 0 {
				break
			}
			if afterHash(src, at+i) {
				return true
			}
			rest, at = rest[i+len(s):], at+i+len(s)
		}
	}
	return false
}

// afterHash reports whether the text at i follows a '#' (or HCL's "//") on
// its line, with only spaces or tabs between: where a comment directive
// starts. The word elsewhere (an API titled "apigwlint demo") does not
// make a file pay for the comment scan.
func afterHash(src []byte, i int) bool {
	for i--; i >= 0 && (src[i] == ' ' || src[i] == '\t'); i-- {
	}
	return i >= 0 && (src[i] == '#' || i >= 1 && src[i] == '/' && src[i-1] == '/')
}

// nearMiss reports whether comment text body, which starts with apigwlint in
// some letter case, is a mistyped apigwlint:ignore: another letter case,
// spaces or a dash or underscore instead of the colon (apigwlint: ignore,
// apigwlint-ignore, APIGWLINT:IGNORE), or a misspelt ignore
// (apigwlint:ingore). It returns the directive as written.
func nearMiss(body string) (string, bool) {
	i := len("apigwlint")
	j := i
	for j < len(body) && strings.IndexByte(" \t:-_", body[j]) >= 0 {
		j++
	}
	sep := body[i:j]
	k := j
	for k < len(body) && isWordByte(body[k]) && body[k] != '-' && body[k] != '_' {
		k++
	}
	w := strings.ToLower(body[j:k])
	if w == "" || strings.TrimLeft(sep, " \t") == "" && w != "ignore" {
		return "", false // "apigwlint is ...": a comment about the tool
	}
	if w != "ignore" && rules.Closest(w, []string{"ignore"}) == "" {
		return "", false
	}
	return body[:k], body[:k] != "apigwlint:ignore"
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

func ruleIndex(rs []*rules.Rule, id string) int {
	for i, r := range rs {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func ruleList(rs []*rules.Rule) string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ",")
}
