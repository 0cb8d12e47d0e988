package rules

import (
	"fmt"
	"github.com/apigwlint/apigwlint/internal/doc"
	"regexp"
	"strings"
	"unicode"
)

// This file holds what the four URI rules (uri-required, http-uri, aws-uri,
// uri-placeholder) share: a uri read as literal text with holes, the parts
// that are filled in later, and the AWS partition table.

// holeKind says who fills a hole of a uri, and so what it may expand to.
type holeKind int

const (
	holeNone holeKind = iota // not a hole
	// holeStageVar is ${stageVariables.name}, filled per stage at request
	// time. Its value may hold ":" and "/".
	holeStageVar
	// holeImportVar is ${AWS::Region}, ${AWS::Partition} or
	// ${AWS::AccountId}: resolved on import (or by Fn::Sub) to one ARN field,
	// never holding ":" or "/".
	holeImportVar
	// holeSub is any other ${...} of a Fn::Sub template, filled by
	// CloudFormation (a resource attribute, a parameter, a Sub variable).
	holeSub
	// holeOther is any other ${...} in a plain string: another tool's
	// placeholder (Terraform templatefile, envsubst, AWS::Include) or a
	// CloudFormation reference that nothing will fill.
	holeOther
	// holeParam is a {name} or {name+} path template parameter, or a
	// {{name}} mustache token.
	holeParam
)

// uriImportVars are the variables API Gateway resolves when an OpenAPI
// definition is imported (developer guide, "AWS variables for OpenAPI
// import").
var uriImportVars = []string{"AWS::Region", "AWS::Partition", "AWS::AccountId"}

// uriPiece is a run of literal text or one hole of a uri.
type uriPiece struct {
	text string // as written, holes with their ${ } or { }
	hole holeKind
}

// uriTmpl is a uri read as literal text with holes, so that a rule can check
// what is certain and leave the rest as unknown.
type uriTmpl []uriPiece

// parseURITmpl splits s into literal text and holes. sub says s is the template
// of a Fn::Sub, whose ${...} CloudFormation fills in (${!x} is the literal
// text ${x}).
func parseURITmpl(s string, sub bool) uriTmpl {
	var t uriTmpl
	var lit strings.Builder
	add := func(text string, k holeKind) {
		if lit.Len() > 0 {
			t = append(t, uriPiece{text: lit.String()})
			lit.Reset()
		}
		t = append(t, uriPiece{text: text, hole: k})
	}
	for i := 0; i < len(s); {
		rest := s[i:]
		if strings.HasPrefix(rest, "${") {
			if j := strings.IndexByte(rest, '}'); j > 2 && !strings.ContainsAny(rest[2:j], "${") {
				add(rest[:j+1], uriDollarHole(rest[2:j], sub))
				i += j + 1
				continue
			}
		}
		if strings.HasPrefix(rest, "{{") {
			if j := strings.Index(rest, "}}"); j > 2 && !strings.ContainsAny(rest[2:j], "{}") {
				add(rest[:j+2], holeParam)
				i += j + 2
				continue
			}
		}
		if c := rest[0]; (c >= 'A' && c <= 'Z' || c == '<') && (i == 0 || !uriWordByte(s[i-1])) {
			if m := uriDocPlaceholder.FindString(rest); m != "" {
				add(m, holeParam) // ACCOUNT_ID, REPLACE_ME_HOST, <region>: filled in by hand
				i += len(m)
				continue
			}
		}
		if rest[0] == '{' {
			if j := strings.IndexByte(rest, '}'); j > 1 && !strings.ContainsAny(rest[1:j], "{$/ \t\r\n") {
				add(rest[:j+1], holeParam)
				i += j + 1
				continue
			}
		}
		lit.WriteByte(s[i])
		i++
	}
	if lit.Len() > 0 {
		t = append(t, uriPiece{text: lit.String()})
	}
	return t
}

// uriDocPlaceholder is a placeholder of documentation and workshop files:
// an all-caps word with an underscore (ACCOUNT_ID, REPLACE_ME_NLB_DNS), an
// all-caps word of five letters or more (REGION), or a <word>. It is not a mistake in the uri's grammar but a gap to fill.
var uriDocPlaceholder = regexp.MustCompile(`^(?:[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b|[A-Z]{5,}\b|<[A-Za-z0-9_.:-]+>)`)

func uriWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// uriDollarHole classifies the body of a ${...}.
func uriDollarHole(body string, sub bool) holeKind {
	name := strings.TrimSpace(body)
	if sub && strings.HasPrefix(name, "!") {
		return uriDollarHole(name[1:], false) // the literal text ${x} reaches API Gateway
	}
	switch {
	case contains(uriImportVars, name):
		return holeImportVar
	case sub:
		return holeSub
	case strings.HasPrefix(name, "stageVariables."):
		return holeStageVar
	}
	return holeOther
}

// opaque reports whether a hole may expand to any text, separators included.
func (k holeKind) opaque() bool { return k != holeNone && k != holeImportVar }

// String returns the uri as written.
func (t uriTmpl) String() string {
	var b strings.Builder
	for _, p := range t {
		b.WriteString(p.text)
	}
	return b.String()
}

// literal returns the text when t has no hole.
func (t uriTmpl) literal() (string, bool) {
	for _, p := range t {
		if p.hole != holeNone {
			return "", false
		}
	}
	return t.String(), true
}

// opaque reports whether t has a hole that may expand to any text.
func (t uriTmpl) opaque() bool {
	for _, p := range t {
		if p.hole.opaque() {
			return true
		}
	}
	return false
}

// startsOpaque reports whether t begins with a hole that may expand to any
// text, so that nothing is known about its start.
func (t uriTmpl) startsOpaque() bool { return len(t) > 0 && t[0].hole.opaque() }

// endsWithHole reports whether t ends with a hole.
func (t uriTmpl) endsWithHole() bool { return len(t) > 0 && t[len(t)-1].hole != holeNone }

// hasPrefix reports whether t certainly begins with the literal text p.
func (t uriTmpl) hasPrefix(p string) bool {
	return len(t) > 0 && t[0].hole == holeNone && strings.HasPrefix(t[0].text, p)
}

// cutPrefix removes the literal prefix p.
func (t uriTmpl) cutPrefix(p string) (uriTmpl, bool) {
	if !t.hasPrefix(p) {
		return t, false
	}
	out := append(uriTmpl{}, t...)
	out[0].text = out[0].text[len(p):]
	if out[0].text == "" {
		out = out[1:]
	}
	return out, true
}

// trimLeft removes the leading literal characters in cutset.
func (t uriTmpl) trimLeft(cutset string) uriTmpl {
	if len(t) == 0 || t[0].hole != holeNone {
		return t
	}
	out := append(uriTmpl{}, t...)
	out[0].text = strings.TrimLeft(out[0].text, cutset)
	if out[0].text == "" {
		out = out[1:]
	}
	return out
}

// split cuts t around the literal separator sep into at most n fields (all
// of them when n < 0), like strings.SplitN. Holes are never cut.
func (t uriTmpl) split(sep string, n int) []uriTmpl {
	var out []uriTmpl
	var cur uriTmpl
	for _, p := range t {
		if p.hole != holeNone {
			cur = append(cur, p)
			continue
		}
		text := p.text
		for n < 0 || len(out) < n-1 {
			i := strings.Index(text, sep)
			if i < 0 {
				break
			}
			if i > 0 {
				cur = append(cur, uriPiece{text: text[:i]})
			}
			out = append(out, cur)
			cur = nil
			text = text[i+len(sep):]
		}
		if text != "" {
			cur = append(cur, uriPiece{text: text})
		}
	}
	return append(out, cur)
}

// cutLast cuts t around the last literal occurrence of sep.
func (t uriTmpl) cutLast(sep string) (before, after uriTmpl, ok bool) {
	for i := len(t) - 1; i >= 0; i-- {
		p := t[i]
		if p.hole != holeNone {
			continue
		}
		j := strings.LastIndex(p.text, sep)
		if j < 0 {
			continue
		}
		before = append(before, t[:i]...)
		if j > 0 {
			before = append(before, uriPiece{text: p.text[:j]})
		}
		if rest := p.text[j+len(sep):]; rest != "" {
			after = append(after, uriPiece{text: rest})
		}
		after = append(after, t[i+1:]...)
		return before, after, true
	}
	return t, nil, false
}

// uriOfPass returns the uri field of the integration and its text read as a
// template, when it is a string or a Fn::Sub template worth checking: not
// absent, not empty, not a whole-value placeholder of another tool.
func uriOfPass(p *Pass) (*doc.Field, doc.Value, uriTmpl, bool) {
	// Four rules read the uri: it is parsed once per integration.
	r := p.In.Memo(uriMemoKey{}, func() any {
		f, v, t, ok := parseURIOf(p)
		return uriMemo{f, v, t, ok}
	}).(uriMemo)
	return r.f, r.v, r.t, r.ok
}

type uriMemoKey struct{}

type uriMemo struct {
	f  *doc.Field
	v  doc.Value
	t  uriTmpl
	ok bool
}

func parseURIOf(p *Pass) (*doc.Field, doc.Value, uriTmpl, bool) {
	f := p.In.Field("uri")
	v := f.Val()
	switch v.Kind {
	case doc.KindString:
		if strings.TrimSpace(v.Text) == "" || isPlaceholder(v.Text) {
			return f, v, nil, false
		}
		return f, v, parseURITmpl(v.Text, false), true
	case doc.KindTemplate:
		if strings.TrimSpace(v.Text) == "" {
			return f, v, nil, false
		}
		return f, v, parseURITmpl(v.Text, true), true
	}
	return f, v, nil, false
}

// uriWhitespaceProblem describes leading or trailing white space in a uri, or
// "" when there is none.
func uriWhitespaceProblem(v doc.Value) string {
	if strings.TrimSpace(v.Text) == v.Text {
		return ""
	}
	msg := fmt.Sprintf("uri %q has leading or trailing white space; remove it", v.Text)
	if v.Node != nil && v.Node.Style&(doc.LiteralStyle|doc.FoldedStyle) != 0 {
		msg += " (a YAML block scalar keeps its final line break unless written |- or >-)"
	}
	return msg
}

// uriHasSpace reports whether s holds white space.
func uriHasSpace(s string) bool { return strings.IndexFunc(s, unicode.IsSpace) >= 0 }

// awsPartitions maps each AWS partition to the pattern of its region names
// (botocore partitions.json).
var awsPartitions = []struct {
	name   string
	region *regexp.Regexp
}{
	{"aws", regexp.MustCompile(`^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$`)},
	{"aws-cn", regexp.MustCompile(`^cn-\w+-\d+$`)},
	{"aws-us-gov", regexp.MustCompile(`^us-gov-\w+-\d+$`)},
	{"aws-iso", regexp.MustCompile(`^us-iso-\w+-\d+$`)},
	{"aws-iso-b", regexp.MustCompile(`^us-isob-\w+-\d+$`)},
	{"aws-iso-e", regexp.MustCompile(`^eu-isoe-\w+-\d+$`)},
	{"aws-iso-f", regexp.MustCompile(`^us-isof-\w+-\d+$`)},
	{"aws-eusc", regexp.MustCompile(`^eusc-(de)-\w+-\d+$`)},
}

// awsPartitionNames lists the known partitions.
var awsPartitionNames = func() []string {
	var out []string
	for _, p := range awsPartitions {
		out = append(out, p.name)
	}
	return out
}()

// awsPartitionOfRegion returns the partition whose region pattern region
// matches, or "".
func awsPartitionOfRegion(region string) string {
	for _, p := range awsPartitions {
		if p.region.MatchString(region) {
			return p.name
		}
	}
	return ""
}

// arnPartitionProblem checks an ARN's partition field; "" when it is a known
// partition or not a literal.
func arnPartitionProblem(field uriTmpl, what string) string {
	part, ok := field.literal()
	if !ok || contains(awsPartitionNames, part) {
		return ""
	}
	msg := fmt.Sprintf("%s has unknown partition %q; expected %s", what, part, oneOf(awsPartitionNames))
	if s := didYouMean(part, awsPartitionNames); s != "" {
		msg += " (did you mean " + s + "?)"
	}
	return msg
}

// arnRegionProblem checks an ARN's region field against its partition field;
// "" when they fit or are not literals.
func arnRegionProblem(regionField, partField uriTmpl, what string) string {
	region, ok := regionField.literal()
	if !ok {
		return ""
	}
	if region == "" {
		return fmt.Sprintf("%s has no region; expected one such as us-east-1", what)
	}
	belongs := awsPartitionOfRegion(region)
	part, known := partField.literal()
	if !known || !contains(awsPartitionNames, part) {
		if belongs == "" {
			return fmt.Sprintf("%s has region %q, which is not an AWS region name such as us-east-1", what, region)
		}
		return ""
	}
	if belongs == part {
		return ""
	}
	if belongs == "" {
		return fmt.Sprintf("%s has region %q, which is not a region of partition %q", what, region, part)
	}
	return fmt.Sprintf("%s has region %q of partition %q in an ARN of partition %q", what, region, belongs, part)
}

// uriQuoteList renders values for a message: "a", "a" and "b", "a", "b" and "c".
func uriQuoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
