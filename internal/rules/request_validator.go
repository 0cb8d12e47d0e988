package rules

import (
	"sort"
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/loader"
)

var extValidatorFields = []string{"validateRequestBody", "validateRequestParameters"}

// checkRequestValidator: x-amazon-apigateway-request-validators is a map of
// validator name to {validateRequestBody, validateRequestParameters}
// booleans, and every x-amazon-apigateway-request-validator (at the root or
// in an operation) names one of them. HTTP APIs have no request validation
// (extension-name notes that); they are not checked here.
func checkRequestValidator(p *DocPass) {
	if kind, certain := extCertainKind(p.API, p.Result); certain && kind == loader.HTTP {
		return
	}
	root := loader.Resolve(p.API.Root)
	// defined holds the validator names; nil when they cannot be known
	// (the map is computed by an intrinsic).
	defined := map[string]bool{}
	vf := extGet(root, p.API.Pointer, "x-amazon-apigateway-request-validators")
	if vf != nil {
		v := loader.Classify(vf.val)
		switch {
		case !extKnownValue(v):
			defined = nil
		case v.Kind != loader.KindMap:
			extReport(p, *vf, "x-amazon-apigateway-request-validators must be a map of validator names to {validateRequestBody, validateRequestParameters}, not %s", extKindName(v.Kind))
			defined = nil
		default:
			for _, g := range extFields(v.Node, vf.ptr) {
				defined[g.key.Value] = true
				extCheckValidator(p, g)
			}
		}
	}
	extSites(p.API, func(s extSite) {
		if s.place != extRoot && s.place != extOperation {
			return
		}
		f := extGet(s.node, s.ptr, "x-amazon-apigateway-request-validator")
		if f == nil {
			return
		}
		v := loader.Classify(f.val)
		if !extKnownValue(v) {
			return
		}
		if v.Kind != loader.KindString {
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
func extCheckValidator(p *DocPass, g extField) {
	v := loader.Classify(g.val)
	if !extKnownValue(v) {
		return
	}
	if v.Kind != loader.KindMap {
		extReport(p, g, "request validator %q must be an object with validateRequestBody and validateRequestParameters, not %s", g.key.Value, extKindName(v.Kind))
		return
	}
	extUnknownKeys(p.WithSeverity(Warning), v.Node, g.ptr, "request validator "+extQuote(g.key.Value), extValidatorFields)
	set := 0
	for _, name := range extValidatorFields {
		h := extGet(v.Node, g.ptr, name)
		if h == nil {
			continue
		}
		set++
		if hv := loader.Classify(h.val); extKnownValue(hv) && !extBool(hv) {
			extReport(p, *h, "%s must be true or false, not %s", name, extValueText(hv))
		}
	}
	if set == 0 {
		p.WithSeverity(Warning).Report(g.key, g.ptr, "request validator %q sets neither validateRequestBody nor validateRequestParameters, so it validates nothing", g.key.Value)
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
