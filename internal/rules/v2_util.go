package rules

// Shared by the rules that read API Gateway V2 integrations
// (AWS::ApiGatewayV2::Integration resources and apigatewayv2 JSON): which
// rules run on them, and how sure their protocol is.

import "github.com/apigwlint/apigwlint/internal/doc"

// v2Scope says which API Gateway V2 integrations an integration rule
// checks.
type v2Scope int

const (
	// v2None: none; the rule is about REST APIs or OpenAPI bodies.
	v2None v2Scope = iota
	// v2Certain: those whose protocol (HTTP or WebSocket) is known; the rule
	// depends on it.
	v2Certain
	// v2Any: all of them; the rule holds for both protocols.
	v2Any
)

// applies reports whether a rule of scope s checks integration in.
func (s v2Scope) applies(in *doc.Integration) bool {
	if in.V2 == nil {
		return true
	}
	return s == v2Any || s == v2Certain && in.V2.ProtocolCertain
}

// isWebSocket reports whether the integration certainly belongs to a
// WebSocket API.
func isWebSocket(in *doc.Integration) bool {
	return in.V2 != nil && in.V2.ProtocolCertain && in.V2.Protocol == doc.WebSocket
}

// v2Why says, for messages, how the protocol of a V2 integration is known.
func v2Why(in *doc.Integration) string {
	if in.V2 == nil || in.V2.ProtocolWhy == "" {
		return ""
	}
	return " (" + in.V2.ProtocolWhy + ")"
}
