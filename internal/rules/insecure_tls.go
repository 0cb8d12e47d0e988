package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkInsecureTLS: tlsConfig.insecureSkipVerification: true turns off the
// check of the backend's certificate.
func checkInsecureTLS(p *Pass) {
	tls := p.In.Field("tlsConfig")
	if tls == nil {
		return
	}
	k, v := doc.Get(tls.Value, "insecureSkipVerification")
	if k == nil {
		return
	}
	f := &doc.Field{Name: "insecureSkipVerification", Known: true, Key: k, Value: v, Parent: tls.Pointer()}
	if val := f.Val(); val.Kind != doc.KindBool || val.Text != "true" {
		return
	}
	if p.In.Kind() == doc.HTTP {
		p.WithSeverity(Error).ReportKey(f, "insecureSkipVerification is a REST API setting; HTTP APIs do not support it")
		return
	}
	if t := p.In.Type(); t != "" && !isHTTPType(t) {
		p.WithSeverity(Note).ReportKey(f, "insecureSkipVerification only applies to HTTP and HTTP_PROXY integrations; it has no effect on %s", t)
		return
	}
	p.ReportValue(f, "insecureSkipVerification: true accepts any certificate from the backend, which exposes traffic to man-in-the-middle attacks; use a certificate from a supported authority instead")
}
