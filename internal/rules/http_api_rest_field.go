package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// httpAPIUnused are the integration fields only REST APIs read, with what
// stands for them in an HTTP API. tlsConfig.insecureSkipVerification
// (insecure-tls) and responseTransferMode STREAM (response-streaming) are
// reported by their own rules.
var httpAPIUnused = []struct{ name, instead string }{
	{"requestTemplates", "HTTP APIs have no mapping templates; change requests with requestParameters, such as append:header.NAME"},
	{"passthroughBehavior", "HTTP APIs pass request bodies through unchanged"},
	{"contentHandling", "HTTP APIs pass payloads through unchanged"},
	{"cacheNamespace", "HTTP APIs have no integration cache"},
	{"cacheKeyParameters", "HTTP APIs have no integration cache"},
	{"responses", "HTTP APIs return the integration's response; change it with responseParameters, keyed by status code"},
	{"integrationTarget", "an HTTP API private integration names its load balancer listener in uri"},
	{"responseTransferMode", "HTTP APIs do not stream responses"},
}

// checkHTTPAPIRESTField: REST-only integration fields in an HTTP API are
// valid OpenAPI that the import reports as info and ignores. Empty values
// (responses: {} as SAM writes them) are not reported.
func checkHTTPAPIRESTField(p *Pass) {
	if !httpCertain(p.In) {
		return
	}
	for _, u := range httpAPIUnused {
		f := p.In.Field(u.name)
		if f == nil || emptyValue(f) || emptyCollection(f) {
			continue
		}
		if u.name == "responseTransferMode" && isStream(p.In) {
			continue // response-streaming reports it
		}
		p.ReportKey(f, "%s is a REST API field, which the HTTP API import ignores: %s", f.Key.Value, u.instead)
	}
}

// emptyCollection reports whether a field holds an empty object or array.
func emptyCollection(f *doc.Field) bool {
	v := f.Val()
	return (v.Kind == doc.KindMap || v.Kind == doc.KindSeq) && len(v.Node.Content) == 0 ||
		v.Kind == doc.KindString && strings.TrimSpace(v.Text) == ""
}
