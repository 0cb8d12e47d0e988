package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkExtensionName: at every place of the document API Gateway reads
// extensions from, a key that is a misspelling of an extension is reported
// with the right spelling, a known extension where it takes no effect is
// reported with where it belongs, and an extension of the other kind of API
// is reported as the import treats it (ignored).
func checkExtensionName(p *DocPass) {
	kind, certain := extCertainKind(p.API, p.Result)
	p.API.EachSite(func(s doc.Site) {
		for _, f := range doc.ExtensionPairs(s.Node, s.Pointer) {
			name := f.Key.Value
			info, known := extKnown[name]
			if !known {
				if sug := extNameTypo(name); sug != "" {
					p.Report(f.Key, f.Pointer, "%q is not an API Gateway extension, so it is ignored; did you mean %s?", name, sug)
				}
				continue
			}
			if info.places&s.Place == 0 {
				extMisplaced(p, s, f, name, info)
				continue
			}
			if !certain {
				continue
			}
			switch {
			case info.scope == extRESTOnly && kind == doc.HTTP:
				p.WithSeverity(Note).Report(f.Key, f.Pointer, "%s is a REST API feature; the HTTP API import ignores it", name)
			case info.scope == extHTTPOnly && kind == doc.REST && name == "x-amazon-apigateway-cors":
				p.Report(f.Key, f.Pointer, "x-amazon-apigateway-cors configures CORS for HTTP APIs only; a REST API ignores it (answer OPTIONS and set the Access-Control-* headers in responses and gateway responses)")
			case info.scope == extHTTPOnly && kind == doc.REST:
				p.WithSeverity(Note).Report(f.Key, f.Pointer, "%s is an HTTP API feature; a REST API ignores it", name)
			}
		}
	})
}

// extMisplaced reports a known extension at a place where it has no effect.
func extMisplaced(p *DocPass, s doc.Site, f doc.Pair, name string, info extInfo) {
	switch {
	case name == "x-amazon-apigateway-integrations" && s.Place == doc.PlaceOperation:
		p.Report(f.Key, f.Pointer, "an operation's integration is x-amazon-apigateway-integration; under x-amazon-apigateway-integrations (the reusable integrations of components) the method has no integration")
	case name == "x-amazon-apigateway-request-validators" && s.Place == doc.PlaceOperation:
		p.Report(f.Key, f.Pointer, "x-amazon-apigateway-request-validators (the map of validators) only takes effect at the document root; an operation names its validator with x-amazon-apigateway-request-validator")
	case name == "x-amazon-apigateway-integration":
		p.Report(f.Key, f.Pointer, "x-amazon-apigateway-integration has no effect %s; it belongs in an operation (get, post ... or x-amazon-apigateway-any-method)", s.Place)
	case name == "x-amazon-apigateway-api-key-source" && extIsText(f.Value, "HEADER"):
		// HEADER is the default: ignored, it still gets what it asks for.
		p.WithSeverity(Note).Report(f.Key, f.Pointer, "%s has no effect %s; it belongs %s (HEADER is the default, so nothing is lost)", name, s.Place, info.where)
	default:
		p.Report(f.Key, f.Pointer, "%s has no effect %s; it belongs %s", name, s.Place, info.where)
	}
}

// extNameTypo returns the extension a key looks like a misspelling of: the
// same name in another letter case or with other separators
// ("x-amazon-api-gateway-auth", "X-Amazon-Apigateway-Auth"), or one at most
// two edits away ("x-amazon-apigateway-integraton"). It returns "" for
// anything else, including other vendors' extensions.
func extNameTypo(key string) string {
	lk := strings.ToLower(key)
	if !strings.HasPrefix(lk, "x-") && !strings.HasPrefix(lk, "x_") {
		return ""
	}
	// Every misspelling worth reporting keeps part of the vendor prefix;
	// other vendors' keys are not compared at all.
	if !strings.Contains(lk, "amaz") && !strings.Contains(lk, "amzn") && !strings.Contains(lk, "apig") &&
		!strings.Contains(lk, "api-g") && !strings.Contains(lk, "api_g") && !strings.Contains(lk, "gatew") {
		return ""
	}
	norm := strings.ReplaceAll(lk, "_", "-")
	compact := strings.ReplaceAll(norm, "-", "")
	best, bestD := "", 3
	for _, name := range extNames {
		if norm == name || compact == strings.ReplaceAll(name, "-", "") {
			return name
		}
		if extAbs(len(norm)-len(name)) >= bestD {
			continue
		}
		if d := editDistance(norm, name); d < bestD {
			best, bestD = name, d
		}
	}
	return best
}

// extIsText reports whether n is the literal string want, in any letter
// case.
func extIsText(n *doc.Node, want string) bool {
	v := doc.Classify(n)
	return v.Kind == doc.KindString && strings.EqualFold(strings.TrimSpace(v.Text), want)
}
