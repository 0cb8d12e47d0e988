package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/mapping"
)

// checkCacheKeyParameters: every cacheKeyParameters entry names a request
// parameter, method.request.{location}.NAME, or an integration request
// parameter, integration.request.{path|querystring|header}.NAME (the way to
// key the cache on a body field is to map it to an integration request
// header and list that header). Whether the parameter is declared is a
// cross-check of its own.
func checkCacheKeyParameters(p *Pass) {
	f := p.In.Field("cacheKeyParameters")
	if f == nil || p.In.Kind() == doc.HTTP {
		return
	}
	list := doc.Classify(f.Value)
	if list.Kind != doc.KindSeq {
		return // intrinsics, and other types for value-type
	}
	for i, e := range list.Node.Content {
		v := doc.Classify(e)
		if v.Kind != doc.KindString {
			continue
		}
		if msg := cacheKeyProblem(v.Text); msg != "" {
			p.Report(e, doc.Join(f.Pointer(), strconv.Itoa(i)), "%s", msg)
		}
	}
}

// cacheKeyMethodRequest is the method request side without the body, which
// cannot be a cache key.
var cacheKeyMethodRequest = mapping.Side{Prefix: mapping.MethodRequest.Prefix, Locations: mapping.MethodRequest.Locations}

// cacheKeyProblem returns why s is not a valid cache key parameter, or "".
func cacheKeyProblem(s string) string {
	text := strings.TrimSpace(s)
	if isPlaceholder(text) {
		return ""
	}
	lower := strings.ToLower(text)
	expected := "; expected " + mapping.MethodRequest.Form() + " or " + mapping.IntegrationRequest.Form()
	switch {
	case lower == "method.request.body" || strings.HasPrefix(lower, "method.request.body."):
		return mapQ("cache key parameter", text) + " is the request body, which cannot key the cache; map it to an integration request header (integration.request.header.X: " + text + ") and list that header"
	case strings.HasPrefix(lower, mapping.MethodRequest.Prefix):
		return mappingSideProblem(cacheKeyMethodRequest, "cache key parameter", text)
	case strings.HasPrefix(lower, mapping.IntegrationRequest.Prefix):
		return mappingSideProblem(mapping.IntegrationRequest, "cache key parameter", text)
	case strings.HasPrefix(lower, "request."):
		return mapQ("cache key parameter", text) + " lacks its prefix" + expected + " (did you mean " + strconv.Quote("method."+text) + "?)"
	}
	if loc, _, ok := strings.Cut(text, "."); ok && contains(mapping.MethodRequest.Locations, loc) {
		return mapQ("cache key parameter", text) + " lacks its prefix" + expected + " (did you mean " + strconv.Quote("method.request."+text) + "?)"
	}
	return mapQ("cache key parameter", text) + " is not a request parameter" + expected
}
