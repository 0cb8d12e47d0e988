package doc

import "strings"

// The rules shared by every API Gateway V2 shape write their messages with
// the canonical field names (uri, payloadFormatVersion) or the V2 API's
// member names (IntegrationMethod, TimeoutInMillis). A message about a
// Terraform aws_apigatewayv2_integration speaks Terraform's argument names
// instead: TerraformV2Words respells those names, as whole words outside
// the quoted values a message cites. TerraformWords does the same for an
// aws_api_gateway_integration (REST), whose messages the rules write with
// the OpenAPI names (timeoutInMillis, tlsConfig.insecureSkipVerification).

// terraformV2Words maps each spelling a shared message may use to the
// argument of aws_apigatewayv2_integration (or the resource type) it
// stands for.
var terraformV2Words = func() map[string]string {
	m := map[string]string{
		"AWS::ApiGatewayV2::Integration":         "aws_apigatewayv2_integration",
		"AWS::ApiGatewayV2::IntegrationResponse": "aws_apigatewayv2_integration_response",
		"AWS::ApiGatewayV2::Route":               "aws_apigatewayv2_route",
		"serverNameToVerify":                     "server_name_to_verify",
		"ServerNameToVerify":                     "server_name_to_verify",
		"credentials":                            "credentials_arn",
	}
	for tf, canon := range TerraformV2Fields {
		if strings.HasPrefix(canon, "terraform:") || canon == "description" || canon == "type" {
			continue // meta-arguments; "type" is an English word in messages too
		}
		m[canon] = tf
	}
	for cfn, canon := range v2Fields {
		for tf, c := range TerraformV2Fields {
			if c == canon {
				m[cfn] = tf
			}
		}
	}
	m["contentHandlingStrategy"] = "content_handling_strategy"
	return m
}()

// terraformWords maps the OpenAPI names of the fields of a REST integration
// and of its responses to the arguments of aws_api_gateway_integration and
// aws_api_gateway_integration_response. Only camelCase names are respelled:
// those spelled alike (uri, credentials, type) are English words too.
var terraformWords = func() map[string]string {
	m := map[string]string{
		"insecureSkipVerification": "insecure_skip_verification",
		"integrationResponses":     "aws_api_gateway_integration_response",
	}
	for _, spec := range []fieldSpec{TerraformFields, TerraformResponseFields} {
		for tf, canon := range spec {
			if canon != tf && canon != strings.ToLower(canon) && !strings.HasPrefix(canon, "terraform:") {
				m[canon] = tf
			}
		}
	}
	return m
}()

// TerraformV2Words respells the field names of a message for an
// aws_apigatewayv2_integration: "uri" becomes "integration_uri",
// "TimeoutInMillis" "timeout_milliseconds". Text in double quotes (a value
// the message cites, with Go's escapes) is left as it is.
func TerraformV2Words(msg string) string { return respell(msg, terraformV2Words) }

// TerraformWords respells the field names of a message for an
// aws_api_gateway_integration as TerraformV2Words does for V2:
// "timeoutInMillis" becomes "timeout_milliseconds", "httpMethod"
// "integration_http_method", "insecureSkipVerification"
// "insecure_skip_verification".
func TerraformWords(msg string) string { return respell(msg, terraformWords) }

// respell replaces the whole words of msg that words maps, outside double
// quotes and not after a $ (a variable: $context.requestId).
func respell(msg string, words map[string]string) string {
	var b strings.Builder
	b.Grow(len(msg) + 16)
	word := func(c byte) bool {
		return c == '_' || c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := 0; i < len(msg); {
		c := msg[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(msg) && msg[j] != '"' {
				if msg[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(msg))
			b.WriteString(msg[i:j])
			i = j
		case word(c):
			j := i
			for j < len(msg) && word(msg[j]) {
				j++
			}
			w := msg[i:j]
			// A word may end in ":" or "::" ("uri: ..."), which is not part
			// of the name.
			name := strings.TrimRight(w, ":")
			if tf, ok := words[name]; ok && (i == 0 || msg[i-1] != '$') {
				b.WriteString(tf)
				b.WriteString(w[len(name):])
			} else {
				b.WriteString(w)
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}
