package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"sort"
	"strconv"
	"strings"
)

var extValidatorFields = []string{"validateRequestBody", "validateRequestParameters"}

// checkRequestValidator: x-amazon-apigateway-request-validators is a map of
// validator name to {validateRequestBody, validateRequestParameters}
// booleans, and every x-amazon-apigateway-request-validator (at the root or
// in an operation) names one of them. HTTP APIs have no request validation
// (extension-name notes that); they are not checked here.
func checkRequestValidator(p *DocPass) {
	if kind, certain := extCertainKind(p.API, p.Result); certain && kind == doc.HTTP {
		return
	}
	root := doc.Resolve(p.API.Root)
	// defined holds the validator names; nil when they cannot be known
	// (the map is computed by an intrinsic).
	defined := map[string]bool{}
	vf := doc.GetPair(root, p.API.Pointer, "x-amazon-apigateway-request-validators")
	if vf != nil {
		v := doc.Classify(vf.Value)
		switch {
		case !extKnownValue(v):
			defined = nil
		case v.Kind != doc.KindMap:
			extReport(p, *vf, "x-amazon-apigateway-request-validators must be a map of validator names to {validateRequestBody, validateRequestParameters}, not %s", extKindName(v.Kind))
			defined = nil
		default:
			for _, g := range doc.PairsOf(v.Node, vf.Pointer) {
				defined[g.Key.Value] = true
				extCheckValidator(p, g)
			}
		}
	}
	p.API.EachSite(func(s doc.Site) {
		if s.Place != doc.PlaceRoot && s.Place != doc.PlaceOperation {
			return
		}
		f := doc.GetPair(s.Node, s.Pointer, "x-amazon-apigateway-request-validator")
		if f == nil {
			return
		}
		v := doc.Classify(f.Value)
		if !extKnownValue(v) {
			return
		}
		if v.Kind != doc.KindString {
			extReport(p, *f, "x-amazon-apigateway-request-validator must be the name of a validator defined in x-amazon-apigateway-request-validators, not %s", extKindName(v.Kind))
			return
		}
		name := v.Text
		switch {
		case defined == nil || defined[name]:
		case vf == nil:
			extReport(p, *f, "request validator %q is not defined: the document has no x-amazon-apigateway-request-validators", name)
		default:
			names := make([]string, 0, len(defined))
			for n := range defined {
				names = append(names, n)
			}
			sort.Strings(names)
			extReport(p, *f, "request validator %q is not defined in x-amazon-apigateway-request-validators; expected %s%s",
				name, extQuotedList(names), extDidYouMean(extQuote(extSuggest(name, names))))
		}
	})
}

// extCheckValidator checks one entry of the validators map.
func extCheckValidator(p *DocPass, g doc.Pair) {
	v := doc.Classify(g.Value)
	if !extKnownValue(v) {
		return
	}
	if v.Kind != doc.KindMap {
		extReport(p, g, "request validator %q must be an object with validateRequestBody and validateRequestParameters, not %s", g.Key.Value, extKindName(v.Kind))
		return
	}
	extUnknownKeys(p.WithSeverity(Warning), v.Node, g.Pointer, "request validator "+extQuote(g.Key.Value), extValidatorFields)
	set := 0
	for _, name := range extValidatorFields {
		h := doc.GetPair(v.Node, g.Pointer, name)
		if h == nil {
			continue
		}
		set++
		if hv := doc.Classify(h.Value); extKnownValue(hv) && !extBool(hv) {
			extReport(p, *h, "%s must be true or false, not %s", name, extValueText(hv))
		}
	}
	if set == 0 {
		p.WithSeverity(Warning).Report(g.Key, g.Pointer, "request validator %q sets neither validateRequestBody nor validateRequestParameters, so it validates nothing", g.Key.Value)
	}
}

func extQuote(s string) string {
	if s == "" {
		return ""
	}
	return strconv.Quote(s)
}

// extQuotedList renders names for a message: "a", "b" or "c".
func extQuotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = extQuote(n)
	}
	if len(q) > 6 {
		q = append(q[:6], "...")
		return strings.Join(q, ", ")
	}
	return oneOf(q)
}
