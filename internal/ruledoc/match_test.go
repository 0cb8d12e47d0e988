package ruledoc_test

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/ruledoc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// TestMatch: each message API Gateway or CloudFormation answers with, as
// recorded or as AWS prints it (wrapped, with ids, paths, numbers and quotes
// of its own), finds the rule that records it first; text that is no such
// message finds nothing.
func TestMatch(t *testing.T) {
	all, err := rules.Documented()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text  string
		first string   // the best rule's name (of equals, the lowest id), "" for no match
		also  []string // other rules that must be among the matches
	}{
		{"Invalid mapping expression specified", "request-parameters", []string{"response-parameters", "undeclared-parameter"}},
		{"Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.request.path.proxy]", "undeclared-parameter", []string{"request-parameters"}},
		{"Invalid mapping expression parameter specified", "undeclared-parameter", []string{"undeclared-response-header"}},
		{"Errors found during import: Unable to put integration response on 'GET' for resource at path '/pets': Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.Location]", "undeclared-response-header", nil},
		{"Invalid ARN specified in the request", "uri-placeholder", []string{"credentials"}},
		{"Invalid ARN specified in the request (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException; Request ID: 0f3c9a1e-1234-4cde-9876-0123456789ab)", "uri-placeholder", []string{"credentials"}},
		{"AWS ARN for integration must contain path or action", "aws-uri", nil},
		{"Errors found during import:\n- Unable to put integration on 'GET' for resource at path '/subject': AWS ARN for integration must contain path or action", "aws-uri", nil},
		{"No integration defined for method", "extension-name", nil},
		{`Resource handler returned message: "No integration defined for method (Service: ApiGateway, Status Code: 400, Request ID: abc)" (RequestToken: def, HandlerErrorCode: InvalidRequest)`, "extension-name", nil},
		{"No method response exists for method.", "missing-method-response", nil},
		{"Timeout should be between 50 ms and 29000 ms", "timeout", nil},
		{"Timeout should be between 50 ms and 900000 ms", "timeout", nil},
		{"Enumeration value for HttpMethod must be non-empty", "backend-http-method", nil},
		{"Invalid HTTP endpoint specified for URI", "uri-required", []string{"http-uri"}},
		{"Invalid cache key parameter specified", "cache-key-parameters", nil},
		{"Invalid regex pattern specified", "selection-pattern", nil},
		{"'Invalid regex pattern specified'", "selection-pattern", nil},
		{"Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.", "aws-proxy-target", nil},
		{"ConnectionId should be set to the vpcLinkId or stage variable on connection type VPC_LINK", "vpc-link", nil},
		{"the deployment went fine", "", nil},
		{"timeout", "", nil},
		{"Invalid", "", nil},
	} {
		got := ruledoc.Match(all, c.text)
		if c.first == "" {
			if len(got) != 0 {
				t.Errorf("Match(%q) = %v, want nothing", c.text, names(got))
			}
			continue
		}
		if len(got) == 0 || got[0].Name != c.first {
			t.Errorf("Match(%q) = %v, want %s first", c.text, names(got), c.first)
			continue
		}
		for _, a := range c.also {
			found := false
			for _, r := range got {
				found = found || r.Name == a
			}
			if !found {
				t.Errorf("Match(%q) = %v, want %s among them", c.text, names(got), a)
			}
		}
	}
}

func names(rs []*rules.Rule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return out
}
