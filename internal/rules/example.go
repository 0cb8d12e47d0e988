package rules

import "strings"

// Outcome is what happens without the rule: when API Gateway itself would
// find the mistake, if ever.
type Outcome struct {
	Short string // a few words, for tables: "the deployment fails"
	Long  string // a sentence, for the rule's page
}

// Outcomes are the values of a rule document's "fails" front matter.
var Outcomes = map[string]Outcome{
	"import":         {"the import fails", "API Gateway rejects it when the definition is imported or the integration is put"},
	"deploy":         {"the deployment fails", "API Gateway accepts the definition, but the deployment fails"},
	"cli":            {"the AWS CLI refuses it", "The AWS CLI refuses the input before anything reaches API Gateway"},
	"import warning": {"the import warns", "The import only warns, and fails when it is run with failOnWarnings"},
	"run time":       {"requests fail", "API Gateway accepts it; the mistake only shows when requests arrive"},
	"ignored":        {"silently ignored", "API Gateway accepts it and silently ignores what is wrong: nothing fails, and the setting never takes effect"},
	"accepted":       {"accepted as is", "API Gateway accepts it without a word; the risk is the one described above"},
	"unsupported":    {"unsupported", "AWS documents it as unsupported; how API Gateway reacts (an import error, a warning or a failure at run time) is not documented"},
}

// ExampleDocument is the OpenAPI document that integration examples are
// placed in: a path with a declared id parameter and a 200 response with a
// CORS header, as most real documents have.
const ExampleDocument = `openapi: 3.0.1
info: {title: example, version: "1"}
paths:
  /pets/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    get:
      responses:
        "200":
          description: ok
          headers:
            Access-Control-Allow-Origin: {schema: {type: string}}
`

// Ext is the file name ending of an example: its fence's language, and tf
// for Terraform (fenced as hcl).
func (e Example) Ext() string {
	if e.Lang == "hcl" || e.Lang == "terraform" {
		return "tf"
	}
	return e.Lang
}

// Terraform reports whether the example is a Terraform configuration.
func (e Example) Terraform() bool { return e.Ext() == "tf" }

// Source is the whole file an example stands for: an example that starts
// with an x-amazon-apigateway- key is a fragment of an operation, placed into
// ExampleDocument; any other example is a file of its own, as written.
func (e Example) Source() string {
	if !strings.HasPrefix(strings.TrimSpace(e.Code), "x-amazon-apigateway-") {
		return e.Code
	}
	lines := strings.Split(strings.TrimRight(e.Code, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "      " + l
		}
	}
	return ExampleDocument + strings.Join(lines, "\n") + "\n"
}
