package mapping

import (
	"errors"
	"testing"
)

// msg is an error's text, "" for nil.
func msg(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestForm(t *testing.T) {
	for s, want := range map[*Side]string{
		&IntegrationRequest:  "integration.request.{path|querystring|header}.NAME",
		&MethodResponse:      "method.response.header.NAME",
		&IntegrationResponse: "integration.response.{header|multivalueheader}.NAME",
	} {
		if got := s.Form(); got != want {
			t.Errorf("Form() = %q, want %q", got, want)
		}
	}
}

func TestSideCheck(t *testing.T) {
	tests := []struct {
		side       Side
		text, want string
		unknownLoc string
	}{
		{MethodRequest, "method.request.header.X-Api-Key", "", ""},
		{MethodRequest, "method.request.multivaluequerystring.ids", "", ""},
		{MethodRequest, "method.request.path.id$._-", "", ""},
		{MethodRequest, "method.request.body", "", ""},
		{MethodRequest, "method.request.body.order.items[0]", "", ""},
		{MethodRequest, "Method.Request.Header.x", `p "Method.Request.Header.x" must be written "method.request.header.x"; mapping expressions are case-sensitive`, ""},
		{MethodRequest, "METHOD.REQUEST.BODY", `p "METHOD.REQUEST.BODY" must be written "method.request.body"; mapping expressions are case-sensitive`, ""},
		{MethodRequest, "method.request.body.", `p "method.request.body." has an empty JSONPath; write method.request.body for the whole body or method.request.body.FIELD`, ""},
		{MethodRequest, "method.request.body.$.a", `p "method.request.body.$.a" starts its JSONPath with $; write it without the $ prefix, as method.request.body.a`, ""},
		{MethodRequest, "method.request.query.q", `p "method.request.query.q" has the unknown location "query"; expected method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.NAME or method.request.body[.JSONPATH]`, "query"},
		{IntegrationRequest, "integration.request.body", `p "integration.request.body" has the unknown location "body"; expected integration.request.{path|querystring|header}.NAME`, "body"},
		{MethodResponse, "method.response.header", `p "method.response.header" names no parameter; expected method.response.header.NAME`, ""},
		{MethodResponse, "method.response.header.a b", `p "method.response.header.a b" has the invalid name "a b"; names may only contain letters, digits and . _ $ -`, ""},
	}
	for _, tt := range tests {
		err := tt.side.Check("p", tt.text)
		if got := msg(err); got != tt.want {
			t.Errorf("Check(%q)\n got %s\nwant %s", tt.text, got, tt.want)
		}
		var u *UnknownLocationError
		if errors.As(err, &u) != (tt.unknownLoc != "") || u != nil && (u.Location != tt.unknownLoc || len(u.Locations) != len(tt.side.Locations)) {
			t.Errorf("Check(%q): unknown location %+v, want %q", tt.text, u, tt.unknownLoc)
		}
	}
}

func TestCheckValue(t *testing.T) {
	tests := []struct {
		src        Source
		raw        string
		quotesLost bool
		want       string
	}{
		{RequestSource, "method.request.querystring.q", false, ""},
		{RequestSource, " 'static' ", false, ""},
		{RequestSource, "stageVariables.host", false, ""},
		{RequestSource, "$context.requestId", false, ""},
		{ResponseSource, "integration.response.body.errorMessage", false, ""},
		{ResponseSource, "integration.response.multivalueheader.Set-Cookie", false, ""},
		{RequestSource, "*", true, `static value "*" has lost its single quotes to YAML, which reads '*' as the bare string *: write "'*'"`},
		{RequestSource, "*", false, `static value "*" needs single quotes inside the string: write "'*'" (in YAML too, where '*' alone is the bare string *)`},
		{RequestSource, "'open", false, `static value "'open" has no closing single quote; write "'open'"`},
		{RequestSource, "'", false, `static value "'" has no closing single quote; write "''"`},
		{RequestSource, "close'", false, `static value "close'" has no opening single quote; write "'close'"`},
		{RequestSource, `"double"`, false, `static value "\"double\"" is in double quotes; API Gateway takes static values in single quotes: "'double'"`},
		{RequestSource, "StageVariables.x", false, `mapping value "StageVariables.x" must be written "stageVariables.x"; mapping expressions are case-sensitive`},
		{RequestSource, "context.", false, `mapping value "context." names no variable; expected context.NAME`},
		{RequestSource, "context.a b", false, `mapping value "context.a b" has white space in its variable name`},
		{RequestSource, "integration.request.header.x", false, `mapping value "integration.request.header.x" names an integration request parameter, which is a mapping target; the key is the target and the value the source, are they swapped?`},
		{ResponseSource, "method.request.header.x", false, `mapping value "method.request.header.x" reads the method request, which an integration response cannot map (gateway responses can)`},
		{ResponseSource, "integration.response.headers.x", false, `mapping value "integration.response.headers.x" has the unknown location "headers"; expected integration.response.{header|multivalueheader}.NAME or integration.response.body[.JSONPATH]`},
		{RequestSource, "application/json", true, `static value "application/json" has lost its single quotes to YAML: write "'application/json'" so that API Gateway receives them`},
		{RequestSource, "application/json", false, `mapping value "application/json" is neither a mapping expression nor a static value in single quotes; write "'application/json'" for the literal text, or use method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.NAME, method.request.body[.JSONPATH], stageVariables.NAME or context.NAME`},
	}
	for _, tt := range tests {
		if got := msg(tt.src.CheckValue(tt.raw, tt.quotesLost)); got != tt.want {
			t.Errorf("CheckValue(%q, %v)\n got %s\nwant %s", tt.raw, tt.quotesLost, got, tt.want)
		}
	}
}

func TestCheckKey(t *testing.T) {
	tests := []struct {
		target    Target
		key, want string
	}{
		{RequestTarget, "integration.request.header.Authorization", ""},
		{RequestTarget, " integration.request.path.id ", ""},
		{ResponseTarget, "method.response.header.Access-Control-Allow-Origin", ""},
		{RequestTarget, "method.request.header.x", `k "method.request.header.x" names a method request parameter, which is a mapping source; the key is the integration request target and the value the source, are they swapped?`},
		{RequestTarget, "Integration.Request.Header.x", `k "Integration.Request.Header.x" must be written "integration.request.header.x"; mapping expressions are case-sensitive`},
		{ResponseTarget, "gatewayresponse.header.x", `k "gatewayresponse.header.x" belongs to gateway responses (x-amazon-apigateway-gateway-responses); an integration response maps method.response.header.NAME`},
		{ResponseTarget, "header.x", `k "header.x" is not a valid mapping target; expected method.response.header.NAME`},
	}
	for _, tt := range tests {
		if got := msg(tt.target.CheckKey("k", tt.key)); got != tt.want {
			t.Errorf("CheckKey(%q)\n got %s\nwant %s", tt.key, got, tt.want)
		}
	}
}
