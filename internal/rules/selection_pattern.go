package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"github.com/apigwlint/apigwlint/internal/javaregex"
)

// checkSelectionPattern: every selection pattern compiles as a Java regular
// expression, which is how API Gateway reads it. Constructs that Go's RE2
// lacks but Java has (lookaround, atomic groups, possessive quantifiers,
// backreferences, \p{javaLowerCase}, \Z, \h ...) are valid; see
// javaregex.Check for what is not judged.
func checkSelectionPattern(p *Pass) {
	if p.In.Kind() == doc.HTTP {
		return
	}
	for _, r := range p.In.Responses {
		if r.Pattern == nil {
			continue // "default" in OpenAPI; no selectionPattern in get-integration
		}
		node, text, ptr := r.Pattern, r.Pattern.Value, r.Pointer
		if p.In.Shape != doc.ShapeOpenAPI {
			f := r.Field("selectionPattern")
			v := f.Val()
			if v.Kind != doc.KindString {
				continue // intrinsics, and other types for value-type
			}
			node, text, ptr = f.Value, v.Text, f.Pointer()
		}
		if isPlaceholder(text) {
			continue
		}
		if why := javaregex.Check(text); why != nil {
			p.Report(node, ptr, "selection pattern %q is not a valid Java regular expression (%s); API Gateway rejects it with \"Invalid regex pattern specified\"", text, why)
		}
	}
}
