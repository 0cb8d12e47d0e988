package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
)

// v2WebSocketOnly are the AWS::ApiGatewayV2::Integration fields the V2 API
// reference marks "Supported only for WebSocket APIs", by canonical name.
var v2WebSocketOnly = []string{"contentHandling", "passthroughBehavior", "requestTemplates", "templateSelectionExpression"}

// v2HTTPOnly are the fields it marks "Supported only for HTTP APIs"
// (ConnectionId is left out: see the rule's documentation).
var v2HTTPOnly = []string{"payloadFormatVersion", "integrationSubtype", "tlsConfig", "responseParameters"}

// checkV2ProtocolField: an API Gateway V2 integration of a known protocol
// uses only the fields of that protocol: no mapping templates, template
// selection, passthrough behavior, content handling or
// AWS::ApiGatewayV2::IntegrationResponse on an HTTP API, and no payload
// format version, subtype, TLS configuration or response parameter mapping
// on a WebSocket API.
func checkV2ProtocolField(p *Pass) {
	in := p.In
	if in.V2 == nil || !in.V2.ProtocolCertain {
		return
	}
	switch in.V2.Protocol {
	case doc.HTTP:
		for _, name := range v2WebSocketOnly {
			if f := in.Field(name); f != nil && !emptyValue(f) && !emptyCollection(f) {
				p.ReportKey(f, "%s is supported only for WebSocket APIs, and this integration belongs to an HTTP API%s; HTTP APIs pass requests through and change them with parameter mapping", f.Key.Value, v2Why(in))
			}
		}
		for i, k := range in.V2.Responses {
			name, ptr := k.Value, doc.Join("", "Resources", k.Value)
			if i < len(in.V2.ResponseNames) && i < len(in.V2.ResponsePointers) {
				name, ptr = in.V2.ResponseNames[i], in.V2.ResponsePointers[i]
			}
			p.Report(k, ptr, "integration response %s is for the integration %s of an HTTP API%s; integration responses are supported only for WebSocket APIs (HTTP APIs map responses with ResponseParameters)", name, in.V2.Resource, v2Why(in))
		}
	case doc.WebSocket:
		for _, name := range v2HTTPOnly {
			if f := in.Field(name); f != nil && !emptyValue(f) && !emptyCollection(f) {
				p.ReportKey(f, "%s is supported only for HTTP APIs, and this integration belongs to a WebSocket API%s", f.Key.Value, v2Why(in))
			}
		}
	}
}
