package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"fmt"
	"strings"
	"unicode"

	"github.com/apigwlint/apigwlint/internal/integrationuri"
)

// This file holds what the four URI rules (uri-required, http-uri, aws-uri,
// uri-placeholder) share besides package integrationuri: the uri of the
// integration read once, and the checks of an ARN's partition and region
// fields, for messages.

// uriOfPass returns the uri field of the integration and its text read as a
// template, when it is a string or a Fn::Sub template worth checking: not
// absent, not empty, not a whole-value placeholder of another tool.
func uriOfPass(p *Pass) (*doc.Field, doc.Value, integrationuri.Template, bool) {
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
	t  integrationuri.Template
	ok bool
}

func parseURIOf(p *Pass) (*doc.Field, doc.Value, integrationuri.Template, bool) {
	f := p.In.Field("uri")
	v := f.Val()
	switch v.Kind {
	case doc.KindString:
		if strings.TrimSpace(v.Text) == "" || isPlaceholder(v.Text) {
			return f, v, nil, false
		}
		return f, v, integrationuri.Parse(v.Text, false), true
	case doc.KindTemplate:
		if strings.TrimSpace(v.Text) == "" {
			return f, v, nil, false
		}
		return f, v, integrationuri.Parse(v.Text, true), true
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

// awsPartitionNames lists the known partitions.
var awsPartitionNames = integrationuri.Partitions()

// arnPartitionProblem checks an ARN's partition field; "" when it is a known
// partition or not a literal.
func arnPartitionProblem(field integrationuri.Template, what string) string {
	part, ok := field.Literal()
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
func arnRegionProblem(regionField, partField integrationuri.Template, what string) string {
	region, ok := regionField.Literal()
	if !ok {
		return ""
	}
	if region == "" {
		return fmt.Sprintf("%s has no region; expected one such as us-east-1", what)
	}
	belongs := integrationuri.PartitionOfRegion(region)
	part, known := partField.Literal()
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
