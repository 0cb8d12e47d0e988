package doc_test

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// TestTerraformWords: messages about Terraform resources name the
// arguments as Terraform spells them, leaving quoted values, variables and
// English words alone.
func TestTerraformWords(t *testing.T) {
	for _, c := range []struct{ in, rest, v2 string }{
		{"timeoutInMillis 20 is below the minimum of 50 ms",
			"timeout_milliseconds 20 is below the minimum of 50 ms",
			"timeout_milliseconds 20 is below the minimum of 50 ms"},
		{"insecureSkipVerification: true accepts any certificate",
			"insecure_skip_verification: true accepts any certificate",
			"insecureSkipVerification: true accepts any certificate"},
		{"httpMethod is GET, but the uri names a Lambda function",
			"integration_http_method is GET, but the uri names a Lambda function",
			"integration_method is GET, but the integration_uri names a Lambda function"},
		{`statusCode "2XX" is not a status code; the type of requestParameters`,
			`status_code "2XX" is not a status code; the type of request_parameters`,
			`statusCode "2XX" is not a status code; the type of request_parameters`},
		{`value "$context.requestId" of cacheKeyParameters`,
			`value "$context.requestId" of cache_key_parameters`,
			`value "$context.requestId" of cacheKeyParameters`},
	} {
		if got := doc.TerraformWords(c.in); got != c.rest {
			t.Errorf("TerraformWords(%q)\n got %q\nwant %q", c.in, got, c.rest)
		}
		if got := doc.TerraformV2Words(c.in); got != c.v2 {
			t.Errorf("TerraformV2Words(%q)\n got %q\nwant %q", c.in, got, c.v2)
		}
	}
}
