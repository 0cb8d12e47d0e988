package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// templateKeyCommonTypes are proposed for misspelled requestTemplates keys.
var templateKeyCommonTypes = []string{
	"application/json", "application/xml", "application/x-www-form-urlencoded",
	"text/plain", "text/html", "text/xml", "multipart/form-data", "application/octet-stream",
}

// checkRequestTemplates: every requestTemplates key is a media type,
// type/subtype. Wildcards (*/*, image/*) and parameters (; charset=utf-8)
// are accepted: only keys that cannot be a media type at all are reported.
// The templates themselves are strings or intrinsics; other value types are
// value-type's business.
func checkRequestTemplates(p *Pass) {
	f := p.In.Field("requestTemplates")
	if f == nil || p.In.Kind() == doc.HTTP || doc.Classify(f.Value).Kind != doc.KindMap {
		return
	}
	doc.Pairs(f.Value, func(k, _ *doc.Node) {
		key := strings.TrimSpace(k.Value)
		if isPlaceholder(key) || templateKeyIsMediaType(key) {
			return
		}
		msg := "request template key %q is not a media type; expected type/subtype such as application/json"
		if s := didYouMean(key, templateKeyCommonTypes); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		p.Report(k, doc.Join(f.Pointer(), k.Value), msg, k.Value)
	})
}

// templateKeyIsMediaType reports whether s is type/subtype with optional parameters,
// both parts RFC 7230 tokens (which include the * of a wildcard).
func templateKeyIsMediaType(s string) bool {
	mt, _, _ := strings.Cut(s, ";")
	typ, sub, ok := strings.Cut(strings.TrimSpace(mt), "/")
	return ok && templateKeyToken(typ) && templateKeyToken(sub)
}

// templateKeyToken reports whether s is a non-empty RFC 7230 token.
func templateKeyToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.ContainsRune("!#$%&'*+-.^_`|~", c):
		default:
			return false
		}
	}
	return true
}
