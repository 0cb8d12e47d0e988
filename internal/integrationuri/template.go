// Package integrationuri reads the uri of an API Gateway integration as
// literal text with holes: the
// arn:{partition}:apigateway:{region}:{service}:path|action/{service_api}
// ARN of an AWS integration or the http(s) URL of an HTTP one (the uri
// property in the API Gateway REST API reference,
// https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html),
// with the parts that stage variables, OpenAPI import, CloudFormation or
// another tool fill in later set apart as holes. A check built on it judges
// what is certain and leaves the holes as unknowns. It also knows the AWS
// partitions and the shape of their region names (botocore partitions.json).
package integrationuri

import (
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"regexp"
	"slices"
	"strings"
)

// HoleKind says who fills a hole of a uri, and so what it may expand to.
type HoleKind int

const (
	NoHole HoleKind = iota // not a hole
	// HoleStageVar is ${stageVariables.name}, filled per stage at request
	// time. Its value may hold ":" and "/".
	HoleStageVar
	// HoleImportVar is ${AWS::Region}, ${AWS::Partition} or
	// ${AWS::AccountId}: resolved on import (or by Fn::Sub) to one ARN field,
	// never holding ":" or "/".
	HoleImportVar
	// HoleSub is any other ${...} of a Fn::Sub template, filled by
	// CloudFormation (a resource attribute, a parameter, a Sub variable).
	HoleSub
	// HoleOther is any other ${...} in a plain string: another tool's
	// placeholder (Terraform templatefile, envsubst, AWS::Include) or a
	// CloudFormation reference that nothing will fill.
	HoleOther
	// HoleParam is a {name} or {name+} path template parameter, or a
	// {{name}} mustache token.
	HoleParam
)

// importVars are the variables API Gateway resolves when an OpenAPI
// definition is imported (developer guide, "AWS variables for OpenAPI
// import").
var importVars = []string{"AWS::Region", "AWS::Partition", "AWS::AccountId"}

// Piece is a run of literal text or one hole of a uri.
type Piece struct {
	Text string   // as written, holes with their ${ } or { }
	Hole HoleKind // NoHole for literal text
}

// Template is a uri read as literal text with holes, so that a rule can check
// what is certain and leave the rest as unknown.
type Template []Piece

// Parse splits s into literal text and holes. sub says s is the template
// of a Fn::Sub, whose ${...} CloudFormation fills in (${!x} is the literal
// text ${x}).
func Parse(s string, sub bool) Template {
	var t Template
	lit := 0 // start of the literal text before i: a run of s, not a copy
	add := func(i int, text string, k HoleKind) {
		if lit < i {
			t = append(t, Piece{Text: s[lit:i]})
		}
		t = append(t, Piece{Text: text, Hole: k})
		lit = i + len(text)
	}
	for i := 0; i < len(s); {
		rest := s[i:]
		if strings.HasPrefix(rest, "${") {
			if j := strings.IndexByte(rest, '}'); j > 2 && !strings.ContainsAny(rest[2:j], "${") {
				add(i, rest[:j+1], dollarHole(rest[2:j], sub))
				i += j + 1
				continue
			}
		}
		if strings.HasPrefix(rest, "{{") {
			if j := strings.Index(rest, "}}"); j > 2 && !strings.ContainsAny(rest[2:j], "{}") {
				add(i, rest[:j+2], HoleParam)
				i += j + 2
				continue
			}
		}
		if c := rest[0]; (c >= 'A' && c <= 'Z' || c == '<') && (i == 0 || !isWordByte(s[i-1])) {
			if m := docPlaceholder().FindString(rest); m != "" {
				add(i, m, HoleParam) // ACCOUNT_ID, REPLACE_ME_HOST, <region>: filled in by hand
				i += len(m)
				continue
			}
		}
		if rest[0] == '{' {
			if j := strings.IndexByte(rest, '}'); j > 1 && !strings.ContainsAny(rest[1:j], "{$/ \t\r\n") {
				add(i, rest[:j+1], HoleParam)
				i += j + 1
				continue
			}
		}
		i++
	}
	if lit < len(s) {
		t = append(t, Piece{Text: s[lit:]})
	}
	return t
}

// docPlaceholder is a placeholder of documentation and workshop files:
// an all-caps word with an underscore (ACCOUNT_ID, REPLACE_ME_NLB_DNS), an
// all-caps word of five letters or more (REGION), or a <word>. It is not a
// mistake in the uri's grammar but a gap to fill.
var docPlaceholder = lazyre.New(`^(?:[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b|[A-Z]{5,}\b|<[A-Za-z0-9_.:-]+>)`)

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// dollarHole classifies the body of a ${...}.
func dollarHole(body string, sub bool) HoleKind {
	name := strings.TrimSpace(body)
	if sub && strings.HasPrefix(name, "!") {
		return dollarHole(name[1:], false) // the literal text ${x} reaches API Gateway
	}
	switch {
	case slices.Contains(importVars, name):
		return HoleImportVar
	case sub:
		return HoleSub
	case strings.HasPrefix(name, "stageVariables."):
		return HoleStageVar
	}
	return HoleOther
}

// opaque reports whether a hole may expand to any text, separators included.
func (k HoleKind) opaque() bool { return k != NoHole && k != HoleImportVar }

// String returns the uri as written.
func (t Template) String() string {
	switch len(t) {
	case 0:
		return ""
	case 1:
		return t[0].Text // most uris are one piece: no copy
	}
	n := 0
	for _, p := range t {
		n += len(p.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range t {
		b.WriteString(p.Text)
	}
	return b.String()
}

// literal returns the text when t has no hole.
func (t Template) Literal() (string, bool) {
	for _, p := range t {
		if p.Hole != NoHole {
			return "", false
		}
	}
	return t.String(), true
}

// opaque reports whether t has a hole that may expand to any text.
func (t Template) Opaque() bool {
	for _, p := range t {
		if p.Hole.opaque() {
			return true
		}
	}
	return false
}

// startsOpaque reports whether t begins with a hole that may expand to any
// text, so that nothing is known about its start.
func (t Template) StartsOpaque() bool { return len(t) > 0 && t[0].Hole.opaque() }

// endsWithHole reports whether t ends with a hole.
func (t Template) EndsWithHole() bool { return len(t) > 0 && t[len(t)-1].Hole != NoHole }

// hasPrefix reports whether t certainly begins with the literal text p.
func (t Template) HasPrefix(p string) bool {
	return len(t) > 0 && t[0].Hole == NoHole && strings.HasPrefix(t[0].Text, p)
}

// cutPrefix removes the literal prefix p.
func (t Template) CutPrefix(p string) (Template, bool) {
	if !t.HasPrefix(p) {
		return t, false
	}
	out := append(Template{}, t...)
	out[0].Text = out[0].Text[len(p):]
	if out[0].Text == "" {
		out = out[1:]
	}
	return out, true
}

// trimLeft removes the leading literal characters in cutset.
func (t Template) TrimLeft(cutset string) Template {
	if len(t) == 0 || t[0].Hole != NoHole {
		return t
	}
	out := append(Template{}, t...)
	out[0].Text = strings.TrimLeft(out[0].Text, cutset)
	if out[0].Text == "" {
		out = out[1:]
	}
	return out
}

// split cuts t around the literal separator sep into at most n fields (all
// of them when n < 0), like strings.SplitN. Holes are never cut.
func (t Template) Split(sep string, n int) []Template {
	var out []Template
	var cur Template
	for _, p := range t {
		if p.Hole != NoHole {
			cur = append(cur, p)
			continue
		}
		text := p.Text
		for n < 0 || len(out) < n-1 {
			i := strings.Index(text, sep)
			if i < 0 {
				break
			}
			if i > 0 {
				cur = append(cur, Piece{Text: text[:i]})
			}
			out = append(out, cur)
			cur = nil
			text = text[i+len(sep):]
		}
		if text != "" {
			cur = append(cur, Piece{Text: text})
		}
	}
	return append(out, cur)
}

// cutLast cuts t around the last literal occurrence of sep.
func (t Template) CutLast(sep string) (before, after Template, ok bool) {
	for i := len(t) - 1; i >= 0; i-- {
		p := t[i]
		if p.Hole != NoHole {
			continue
		}
		j := strings.LastIndex(p.Text, sep)
		if j < 0 {
			continue
		}
		before = append(before, t[:i]...)
		if j > 0 {
			before = append(before, Piece{Text: p.Text[:j]})
		}
		if rest := p.Text[j+len(sep):]; rest != "" {
			after = append(after, Piece{Text: rest})
		}
		after = append(after, t[i+1:]...)
		return before, after, true
	}
	return t, nil, false
}

// partitions maps each AWS partition to the pattern of its region names
// (botocore partitions.json).
var partitions = []struct {
	name   string
	region func() *regexp.Regexp // lazyre.New
}{
	{"aws", lazyre.New(`^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$`)},
	{"aws-cn", lazyre.New(`^cn-\w+-\d+$`)},
	{"aws-us-gov", lazyre.New(`^us-gov-\w+-\d+$`)},
	{"aws-iso", lazyre.New(`^us-iso-\w+-\d+$`)},
	{"aws-iso-b", lazyre.New(`^us-isob-\w+-\d+$`)},
	{"aws-iso-e", lazyre.New(`^eu-isoe-\w+-\d+$`)},
	{"aws-iso-f", lazyre.New(`^us-isof-\w+-\d+$`)},
	{"aws-eusc", lazyre.New(`^eusc-(de)-\w+-\d+$`)},
}

// Partitions returns the names of the known AWS partitions, "aws" first.
func Partitions() []string {
	var out []string
	for _, p := range partitions {
		out = append(out, p.name)
	}
	return out
}

// PartitionOfRegion returns the partition whose region names region
// follows, or "" when it follows none of them.
func PartitionOfRegion(region string) string {
	for _, p := range partitions {
		if p.region().MatchString(region) {
			return p.name
		}
	}
	return ""
}
