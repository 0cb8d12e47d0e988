package rules

import (
	"encoding/json"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// Fix is an edit of the linted file that resolves a finding, attached only
// where it is certain and local (in the spirit of go/analysis's
// SuggestedFix): applying it changes the bytes its edits name and nothing
// else, so comments, key order, quoting, indentation and line endings stay.
type Fix struct {
	Description string // what it does, e.g. "replace GET with POST"
	Edits       []Edit
}

// Edit replaces the bytes [Start, End) of the file, as it is on disk (a
// byte order mark included), with New.
type Edit struct {
	Start, End int
	New        string
}

// Fixed returns a copy of the pass whose findings carry fix; a nil fix (one
// that could not be made safely) attaches nothing.
func (p *Pass) Fixed(fix *Fix) *Pass {
	q := *p
	q.reporter.fix = fix
	return &q
}

// Fixed is Pass.Fixed for document rules.
func (p *DocPass) Fixed(fix *Fix) *DocPass {
	q := *p
	q.reporter.fix = fix
	return &q
}

// plainSafe is a value that YAML reads as the same string when written
// plain: a word of letters, digits and _.-/: without spaces (so no ": "),
// that starts with a letter and does not end with a colon, and is not a
// YAML keyword (checked apart): an identifier, an enum value, an ARN.
var plainSafe = lazyre.New(`^[A-Za-z](?:[A-Za-z0-9_.\-/:]*[A-Za-z0-9_.\-/])?$`)

// replaceValue is the fix that writes value in place of scalar n, in n's
// own quoting: JSON and double-quoted YAML as a JSON string, single-quoted
// YAML with doubled quotes, plain YAML plain when that reads back as the
// same string (else double-quoted). nil when n is not a one-line scalar,
// or is computed (a tag such as !Sub).
func replaceValue(f *doc.File, n *doc.Node, value, description string) *Fix {
	if n == nil || n.Kind != doc.ScalarNode || n.Style&doc.TaggedStyle != 0 || strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return nil
	}
	start, end, ok := f.ValueBytes(n)
	if !ok {
		return nil
	}
	var text string
	switch {
	case n.Style&doc.SingleQuotedStyle != 0:
		text = "'" + strings.ReplaceAll(value, "'", "''") + "'"
	case n.Style&doc.DoubleQuotedStyle != 0 || !plainSafe().MatchString(value) || yamlKeyword(value):
		b, _ := json.Marshal(value)
		text = string(b)
	default:
		text = value
	}
	return &Fix{Description: description, Edits: []Edit{{Start: f.BOM + start, End: f.BOM + end, New: text}}}
}

// renameKey is the fix that renames key node k to name, keeping its
// quoting; nil when the key cannot be edited safely.
func renameKey(f *doc.File, k *doc.Node, name, description string) *Fix {
	return replaceValue(f, k, name, description)
}

// yamlKeyword reports whether a plain scalar would not read as a string.
func yamlKeyword(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~":
		return true
	}
	return false
}

// choiceFix is the fix of a value that is none of choices: the one choice
// it is a typo of (uniqueMatch), in upper case as the choices are; nil when
// no single choice is close.
func choiceFix(p *Pass, f *doc.Field, text string, choices []string) *Fix {
	to := uniqueMatch(text, choices)
	if to == "" {
		return nil
	}
	return replaceValue(p.file, f.Value, to, "write "+to)
}

// staticQuoteFix is the fix of a static mapping value that lost its single
// quotes to YAML ('*' reads as the bare string *), or of the bare * that
// can only be meant as the static value '*': the value written as a
// double-quoted string holding the single-quoted text ("'*'"), in YAML and
// JSON alike. nil for any other mapping value, whose intent is not certain.
func staticQuoteFix(f *doc.File, n *doc.Node, text string) *Fix {
	text = strings.TrimSpace(text)
	if n == nil || text != "*" && n.Style&doc.SingleQuotedStyle == 0 || strings.ContainsAny(text, "'\n") {
		return nil
	}
	if n.Style&doc.SingleQuotedStyle != 0 && (strings.Contains(text, ".") || strings.HasPrefix(text, "$")) {
		return nil // 'method.request...' in quotes is an expression YAML unquoted, not a static value
	}
	fix := replaceValue(f, n, "'"+text+"'", "write the static value '"+text+"'")
	if fix != nil {
		b, _ := json.Marshal("'" + text + "'")
		fix.Edits[0].New = string(b) // always double quotes around the single-quoted text
	}
	return fix
}
