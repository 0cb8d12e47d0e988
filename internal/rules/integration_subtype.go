package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkIntegrationSubtype: an HTTP API AWS service integration names one of
// the documented subtypes, is of type AWS_PROXY, has credentials (the role
// API Gateway assumes to call the service) and maps every parameter the
// subtype requires, under the subtype's own PascalCase names.
func checkIntegrationSubtype(p *Pass) {
	if p.In.Kind() != doc.HTTP {
		return // a REST API ignores the field: http-api-only-field
	}
	f := p.In.Field("integrationSubtype")
	if f == nil {
		return
	}
	if t := p.In.Type(); t != "" && t != "AWS_PROXY" {
		p.ReportKey(f, "integrationSubtype is only for AWS_PROXY integrations, not %s", t)
	}
	name, _, literal := subtypeOf(p.In)
	if !literal {
		return
	}
	spec, ok := integrationSubtypes[name]
	if !ok {
		for _, known := range subtypeNames {
			if strings.EqualFold(known, name) {
				p.ReportValue(f, "integrationSubtype %q must be written %s", name, known)
				return
			}
		}
		msg := "integrationSubtype %q is not one API Gateway supports; expected one of %s"
		if s := didYouMean(name, subtypeNames); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		p.ReportValue(f, msg, name, oneOf(subtypeNames))
		return
	}
	if c := p.In.Field("credentials"); c == nil || emptyValue(c) {
		p.ReportMissing("integrationSubtype %s has no credentials; set the ARN of an IAM role that allows API Gateway to call %s", name, subtypeAction(name))
	}
	rp := p.In.Field("requestParameters")
	if rp == nil {
		p.ReportMissing("integrationSubtype %s has no requestParameters; it needs %s", name, andList(spec.required))
		return
	}
	if doc.Classify(rp.Value).Kind != doc.KindMap {
		return // computed, or a wrong type for value-type
	}
	known := append(append([]string{}, spec.required...), spec.optional...)
	have := map[string]bool{}
	doc.Pairs(rp.Value, func(k, _ *doc.Node) {
		have[k.Value] = true
		if contains(known, k.Value) || isPlaceholder(k.Value) {
			return
		}
		ptr := doc.Join(rp.Pointer(), k.Value)
		for _, r := range spec.required {
			if strings.EqualFold(r, k.Value) && !have[r] {
				have[r] = true // reported here rather than as missing
				p.Report(k, ptr, "%s request parameter %q must be written %s; the names are case-sensitive", name, k.Value, r)
				return
			}
		}
		msg := "%s does not take the request parameter %q; its parameters are %s"
		if s := didYouMean(k.Value, known); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		p.WithSeverity(Warning).Report(k, ptr, msg, name, k.Value, strings.Join(known, ", "))
	})
	var missing []string
	for _, r := range spec.required {
		if !have[r] {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		p.ReportKey(rp, "integrationSubtype %s needs the request parameter%s %s, which requestParameters does not map", name, plural(len(missing)), andList(missing))
	}
}

// subtypeAction names the service action of a subtype: "SQS SendMessage".
func subtypeAction(subtype string) string {
	svc, action, _ := strings.Cut(subtype, "-")
	return svc + " " + action
}

// andList renders a list for a message: "A", "A and B", "A, B and C".
func andList(list []string) string {
	if len(list) == 1 {
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
