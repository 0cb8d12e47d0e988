package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkVPCLink: a private integration (connectionType VPC_LINK) is an HTTP or
// HTTP_PROXY integration with a connectionId; connectionId and
// integrationTarget mean nothing without VPC_LINK.
func checkVPCLink(p *Pass) {
	ct := p.In.Field("connectionType")
	ctv := ct.Val()
	vpc := ctv.Kind == doc.KindString && strings.EqualFold(strings.TrimSpace(ctv.Text), "VPC_LINK")
	internet := ct == nil || ctv.Kind == doc.KindNull ||
		(ctv.Kind == doc.KindString && strings.EqualFold(strings.TrimSpace(ctv.Text), "INTERNET"))
	id := p.In.Field("connectionId")
	ctKey, idKey := p.In.KeyName("connectionType"), p.In.KeyName("connectionId")
	if vpc {
		if t := p.In.Type(); contains(integrationTypes, t) && !isHTTPType(t) {
			p.ReportValue(ct, "%s VPC_LINK is only for HTTP and HTTP_PROXY integrations, not %s", ctKey, t)
		}
		switch v := id.Val(); {
		case id == nil || v.Kind == doc.KindNull:
			p.ReportMissing("%s is VPC_LINK but %s is missing; set it to the VPC link id or a stage variable such as ${stageVariables.vpcLinkId}", ctKey, idKey)
		case v.Kind == doc.KindString && strings.TrimSpace(v.Text) == "":
			p.ReportValue(id, "%s is empty; set it to the VPC link id or a stage variable such as ${stageVariables.vpcLinkId}", idKey)
		}
		return
	}
	if !internet {
		return // connectionType is computed or invalid; enum-value judges the latter
	}
	if id != nil && !emptyValue(id) {
		p.ReportKey(id, "%s is set but %s is not VPC_LINK; a VPC link id is only used by private integrations (set %s: VPC_LINK or remove %s)", idKey, ctKey, ctKey, idKey)
	}
	if tgt := p.In.Field("integrationTarget"); tgt != nil && !emptyValue(tgt) {
		p.ReportKey(tgt, "%s is set but %s is not VPC_LINK; a load balancer target is only used by private integrations", tgt.Key.Value, ctKey)
	}
}

// emptyValue reports whether a field is null or an empty string, as in an
// unfilled CLI skeleton.
func emptyValue(f *doc.Field) bool {
	v := f.Val()
	return v.Kind == doc.KindNull || (v.Kind == doc.KindString && strings.TrimSpace(v.Text) == "")
}
