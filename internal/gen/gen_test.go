package gen_test

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/gen"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
	yaml "go.yaml.in/yaml/v4"
)

func generate(t *testing.T, opts gen.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gen.Write(&buf, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lint runs the real loader and rules over a generated document.
func lint(t *testing.T, opts gen.Options) (*doc.Result, []rules.Finding) {
	t.Helper()
	name := "gen" + opts.Format.Ext()
	res, err := loader.Load(name, generate(t, opts), loader.DefaultLimits)
	if err != nil {
		t.Fatalf("%v: %v", opts.Format, err)
	}
	return res, rules.Check(res, &rules.Config{Options: rules.DefaultOptions})
}

// plantedIndex finds the integration a finding is about: a planted
// integration has a resource of its own, /<word>-<group>/p<index>...
var plantedIndex = regexp.MustCompile(`~1p(\d+)(?:~1|/)`)

// TestPlantedFindings runs the linter over generated documents of every
// format and checks that it reports exactly the planted mistakes: each at
// the planted integration, none missing, nothing else. This guards the
// generator (its documents are what the benchmarks measure) and the linter.
func TestPlantedFindings(t *testing.T) {
	for _, f := range gen.Formats {
		for _, seed := range []int64{1, -42} {
			// Every kind of plant several times, in every variant position.
			opts := gen.Options{Integrations: 7*13*2 + 5, Format: f, Seed: seed, PlantEvery: 3}
			t.Run(fmt.Sprintf("%v/seed=%d", f, seed), func(t *testing.T) {
				res, fs := lint(t, opts)
				if got := len(res.Integrations); got != opts.Integrations {
					t.Errorf("loader found %d integrations, want %d", got, opts.Integrations)
				}
				got := map[string]int{}
				for _, fd := range fs {
					got[fd.RuleID]++
					m := plantedIndex.FindStringSubmatch(fd.Pointer)
					if m == nil {
						t.Errorf("unplanted finding %s:%d:%d %s %s (%s)", fd.File, fd.Line, fd.Col, fd.RuleID, fd.Message, fd.Pointer)
						continue
					}
					i, _ := strconv.Atoi(m[1])
					if want := gen.PlantedRule(opts, i); want != fd.RuleID {
						t.Errorf("integration %d: got %s %q, planted %q", i, fd.RuleID, fd.Message, want)
					}
				}
				want := gen.Planted(opts)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("findings per rule:\n got %v\nwant %v", sorted(got), sorted(want))
				}
				total := 0
				for _, n := range want {
					total += n
				}
				if total != opts.Integrations/opts.PlantEvery {
					t.Errorf("Planted counts %d mistakes, want %d", total, opts.Integrations/opts.PlantEvery)
				}
			})
		}
	}
}

// TestCleanDocument: without plants, nothing is reported at any severity.
func TestCleanDocument(t *testing.T) {
	for _, f := range gen.Formats {
		opts := gen.Options{Integrations: 7 * 20, Format: f, Seed: 3}
		_, fs := lint(t, opts)
		for _, fd := range fs {
			t.Errorf("%v: %d:%d %s %s %s", f, fd.Line, fd.Col, fd.Severity, fd.RuleID, fd.Message)
		}
		if n := len(gen.Planted(opts)); n != 0 {
			t.Errorf("%v: Planted = %v without PlantEvery", f, gen.Planted(opts))
		}
	}
}

// TestJSONTwin: the JSON format is the same document as the OpenAPI YAML.
func TestJSONTwin(t *testing.T) {
	opts := gen.Options{Integrations: 50, Seed: 9, PlantEvery: 4}
	var fromYAML, fromJSON any
	if err := yaml.Unmarshal(generate(t, opts), &fromYAML); err != nil {
		t.Fatal(err)
	}
	opts.Format = gen.OpenAPI3JSON
	if err := yaml.Unmarshal(generate(t, opts), &fromJSON); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromYAML, fromJSON) {
		t.Error("the JSON twin differs from the YAML document")
	}
}

// TestSAMWrapsOpenAPI: the SAM template's DefinitionBody is the OpenAPI
// document, but for the CloudFormation intrinsics of a template.
func TestSAMWrapsOpenAPI(t *testing.T) {
	opts := gen.Options{Integrations: 30, Format: gen.SAMTemplateYAML, Seed: 5}
	var doc yaml.Node
	if err := yaml.Unmarshal(generate(t, opts), &doc); err != nil {
		t.Fatal(err)
	}
	res, _ := lint(t, opts)
	if len(res.APIs) != 1 || res.APIs[0].Template == nil || res.APIs[0].Template.Type != "AWS::Serverless::Api" {
		t.Fatalf("want one API in an AWS::Serverless::Api, got %+v", res.APIs)
	}
	if res.APIs[0].Pointer != "/Resources/Api/Properties/DefinitionBody" {
		t.Errorf("API at %q", res.APIs[0].Pointer)
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range gen.Formats {
		opts := gen.Options{Integrations: 40, Format: f, Seed: 11, PlantEvery: 5}
		a, b := generate(t, opts), generate(t, opts)
		if !bytes.Equal(a, b) {
			t.Errorf("%v: two runs differ", f)
		}
		opts.Seed++
		if bytes.Equal(a, generate(t, opts)) {
			t.Errorf("%v: the seed changes nothing", f)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range gen.Formats {
		if g, err := gen.ParseFormat(f.String()); err != nil || g != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f.String(), g, err)
		}
	}
	if _, err := gen.ParseFormat("toml"); err == nil || !strings.Contains(err.Error(), "openapi3-yaml") {
		t.Errorf("ParseFormat(toml): %v", err)
	}
	if err := gen.Write(&bytes.Buffer{}, gen.Options{Format: 99}); err == nil {
		t.Error("Write accepted an unknown format")
	}
}

// TestEmpty: zero integrations is a valid, clean document.
func TestEmpty(t *testing.T) {
	for _, f := range gen.Formats {
		res, fs := lint(t, gen.Options{Format: f})
		if len(res.Integrations) != 0 || len(fs) != 0 {
			t.Errorf("%v: %d integrations, %d findings", f, len(res.Integrations), len(fs))
		}
		var doc map[string]any
		if err := yaml.Unmarshal(generate(t, gen.Options{Format: f}), &doc); err != nil {
			t.Fatal(err)
		}
		if f == gen.SAMTemplateYAML {
			doc = doc["Resources"].(map[string]any)["Api"].(map[string]any)["Properties"].(map[string]any)["DefinitionBody"].(map[string]any)
		}
		if paths, ok := doc["paths"].(map[string]any); !ok || len(paths) != 0 {
			t.Errorf("%v: paths is %#v, want an empty mapping", f, doc["paths"])
		}
	}
}

func sorted(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s:%d ", k, m[k])
	}
	return b.String()
}

// TestTerraformFormat: the terraform format is deterministic, named by
// ParseFormat, and refuses planted mistakes (its cleanliness and linking
// are tested in internal/terraform, TestGeneratedModule).
func TestTerraformFormat(t *testing.T) {
	f, err := gen.ParseFormat("terraform")
	if err != nil || f != gen.Terraform || f.Ext() != ".tf" || f.String() != "terraform" {
		t.Fatalf("ParseFormat(terraform) = %v %v", f, err)
	}
	a := generate(t, gen.Options{Integrations: 10, Format: gen.Terraform, Seed: 3})
	b := generate(t, gen.Options{Integrations: 10, Format: gen.Terraform, Seed: 3})
	if !bytes.Equal(a, b) || !bytes.Contains(a, []byte(`resource "aws_apigatewayv2_integration" "i9"`)) {
		t.Errorf("not deterministic, or not 10 integrations")
	}
	if err := gen.Write(io.Discard, gen.Options{Integrations: 10, Format: gen.Terraform, PlantEvery: 2}); err == nil {
		t.Errorf("planting in the terraform format: no error")
	}
}
