package terraform_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/fuzzcheck"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// testdata is the folder of the hand-made Terraform cases; corpus the
// folder of real files, read in place when it exists (never copied).
const (
	testdata = "../../testdata/terraform"
	corpus   = "../../../shared/corpus/terraform"
)

// lint loads a .tf file, runs every rule with the default configuration,
// applies the file's apigwlint:ignore comments and renders the findings
// they leave one a line: "line:col rule message". A file that does not
// load gives one line "input error: ...".
func lint(t testing.TB, name string, src []byte) string {
	t.Helper()
	res, err := terraform.Load(name, src)
	if err != nil {
		var le *loader.Error
		if !errors.As(err, &le) {
			t.Fatalf("%s: the error is a %T, not a *loader.Error", name, err)
		}
		return "input error: " + err.Error() + "\n"
	}
	cfg := &rules.Config{Options: rules.DefaultOptions}
	fs := suppress.Comments(res.File, rules.Check(res, cfg), cfg)
	var b strings.Builder
	for _, f := range fs {
		if f.Suppressed != nil {
			continue // suppressed by an apigwlint:ignore comment of the file
		}
		fmt.Fprintf(&b, "%d:%d %s %s\n", f.Line, f.Col, f.Rule, f.Message)
	}
	return b.String()
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/terraform -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// TestGoldens lints each testdata/terraform/NAME.tf (and NAME.tf.json, in
// Terraform's JSON syntax) and compares the findings with NAME.tf.golden
// (NAME.tf.json.golden) beside it. Inputs named good-* must give none,
// bad-* at least one.
func TestGoldens(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join(testdata, "*.tf"))
	jsonInputs, _ := filepath.Glob(filepath.Join(testdata, "*.tf.json"))
	inputs = append(inputs, jsonInputs...)
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in %s: %v", testdata, err)
	}
	for _, in := range inputs {
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := lint(t, name, src)
			golden(t, in+".golden", got)
			switch {
			case strings.HasPrefix(name, "good-") && got != "":
				t.Errorf("a good input must produce no finding")
			case strings.HasPrefix(name, "bad-") && got == "":
				t.Errorf("a bad input must produce a finding")
			}
		})
	}
}

// TestCorpus loads every real .tf file of the corpus: each must load
// without error, and its findings are kept in testdata/terraform/
// corpus.golden, one block a file, for review.
func TestCorpus(t *testing.T) {
	var files []string
	_ = filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")) {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skipf("no Terraform corpus at %s", corpus)
	}
	var b strings.Builder
	seen := map[string]bool{}
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(corpus, p)
		rel = filepath.ToSlash(rel)
		got := lint(t, rel, src)
		if strings.HasPrefix(got, "input error") {
			t.Errorf("%s: %s", rel, got)
		}
		if got != "" {
			fmt.Fprintf(&b, "== %s\n%s", rel, got)
		}
		// The files its API resources load their body from, once each.
		_, bodies, _ := terraform.LoadAll(p, src)
		for _, body := range bodies {
			brel, err := filepath.Rel(corpus, body.Path)
			if err != nil || strings.HasPrefix(brel, "..") || seen[brel] {
				continue
			}
			seen[brel] = true
			bsrc, err := os.ReadFile(body.Path)
			if err != nil {
				continue // not in the corpus
			}
			body.Path = filepath.ToSlash(brel)
			res, err := terraform.LoadBody(body, bsrc)
			if err != nil {
				t.Errorf("%s: %v", brel, err)
				continue
			}
			var bb strings.Builder
			for _, f := range rules.Check(res, &rules.Config{Options: rules.DefaultOptions}) {
				fmt.Fprintf(&bb, "%d:%d %s %s\n", f.Line, f.Col, f.Rule, f.Message)
			}
			if bb.Len() > 0 {
				fmt.Fprintf(&b, "== %s (body of %s)\n%s", body.Path, body.Resource, bb.String())
			}
		}
	}
	golden(t, filepath.Join(testdata, "corpus.golden"), b.String())
}

// TestNoAPIGateway: a file without API Gateway resources is quietly
// skipped.
func TestNoAPIGateway(t *testing.T) {
	res, err := terraform.Load("s3.tf", []byte(`resource "aws_s3_bucket" "b" { bucket = "x" }`))
	if err != nil {
		t.Fatal(err)
	}
	if res.Content != doc.ContentNone || len(res.Integrations) != 0 {
		t.Errorf("content %v with %d integrations; want none", res.Content, len(res.Integrations))
	}
}

// TestSyntaxError: an HCL error is a *loader.Error at the position of the
// problem, columns counted in code points.
func TestSyntaxError(t *testing.T) {
	_, err := terraform.Load("x.tf", []byte("resource \"a\" \"b\" {\n  é = \"x\" = 1\n}\n"))
	var le *loader.Error
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T); want a *loader.Error", err, err)
	}
	if le.Path != "x.tf" || le.Line != 2 || le.Col != 11 || le.Msg == "" {
		t.Errorf("error at %s:%d:%d %q; want x.tf:2:11", le.Path, le.Line, le.Col, le.Msg)
	}
}

// FuzzLoad reads arbitrary bytes as a .tf file and lints the result.
// Asserted: Load never panics (it turns a panic into an error, which is
// reported here); every finding lies inside the input and its message is
// one line; its pointer resolves in the file's tree. Seeded from the
// hand-made cases and, when present, the corpus. Run it longer with
//
//	go test -run='^$' -fuzz=FuzzLoad -fuzztime=5m ./internal/terraform
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzcheck.Seeds(testdata, corpus) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzLoad(t, "fuzz.tf", src)
	})
}

// FuzzLoadJSON is FuzzLoad for Terraform's JSON syntax (.tf.json).
func FuzzLoadJSON(f *testing.F) {
	for _, s := range fuzzcheck.Seeds(testdata, corpus) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzLoad(t, "fuzz.tf.json", src)
	})
}

func fuzzLoad(t *testing.T, name string, src []byte) {
	{
		res, err := terraform.Load(name, src)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		fs := rules.Check(res, nil)
		lines := fuzzcheck.Lines(res.File.Src)
		for _, f := range fs {
			if p := fuzzcheck.FindingProblem(lines, res.File.Root, f); p != "" {
				t.Fatal(p)
			}
		}
	}
}

// TestJSONBody: a body loaded with file() in the JSON syntax, its path
// written with escaped quotes inside the template string.
func TestJSONBody(t *testing.T) {
	src := []byte(`{"resource": {"aws_api_gateway_rest_api": {"api": {
  "body": "${file(\"${path.module}/openapi.yaml\")}"
}}}}
`)
	_, bodies, err := terraform.LoadAll("m/main.tf.json", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 1 || filepath.ToSlash(bodies[0].Path) != "m/openapi.yaml" || bodies[0].Line != 2 || bodies[0].Col != 14 {
		t.Errorf("bodies %+v; want m/openapi.yaml at 2:14", bodies)
	}
}

// TestBodies: the files API resources load their body from, with the
// kind each resource settles and the position of the call; computed
// paths are not followed.
func TestBodies(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testdata, "bodies", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	_, bodies, err := terraform.LoadAll("m/main.tf", src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range bodies {
		got = append(got, fmt.Sprintf("%d:%d %s %s %s template=%v", b.Line, b.Col, b.Resource, filepath.ToSlash(b.Path), b.Kind, b.Template))
	}
	want := []string{
		"6:10 aws_api_gateway_rest_api.from_file m/openapi.yaml REST API template=false",
		"11:10 aws_api_gateway_rest_api.from_template m/api.yaml.tpl REST API template=true",
		"20:19 aws_apigatewayv2_api.http m/http.yaml HTTP API template=false",
		"26:10 aws_api_gateway_rest_api.again m/openapi.yaml REST API template=false",
		"38:10 aws_api_gateway_rest_api.outside ../../../../../../../etc/hostname REST API template=false",
		"43:10 aws_api_gateway_rest_api.absolute m/etc/hostname REST API template=false",
		"49:10 aws_api_gateway_rest_api.missing m/missing.yaml REST API template=false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bodies:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTemplateBody: in a templatefile body, ${...} and %{...} are
// Terraform's: no rule reports them, while the literal values around them
// are still checked.
func TestTemplateBody(t *testing.T) {
	src := []byte(`openapi: "3.0.1"
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        type: ${type}
        httpMethod: ${method}
        uri: "${uri}"
        timeoutInMillis: ${timeout}
        passthroughBehavior: "%{ if strict }never%{ else }when_no_match%{ endif }"
        requestParameters:
          integration.request.header.x: ${header}
    post:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: POST
        uri: https://${host}:99999/a
`)
	res, err := terraform.LoadBody(terraform.Body{Path: "api.yaml.tpl", Template: true, Kind: doc.REST}, src)
	if err != nil {
		t.Fatal(err)
	}
	if res.Content != doc.ContentOpenAPI || len(res.Integrations) != 2 || res.APIs[0].Kind != doc.REST || !res.APIs[0].KindCertain {
		t.Fatalf("content %v, %d integrations; want an OpenAPI REST API with 2", res.Content, len(res.Integrations))
	}
	for _, f := range rules.Check(res, &rules.Config{Options: rules.DefaultOptions}) {
		if f.Line < 17 {
			t.Errorf("finding on a template variable: %d:%d %s %s", f.Line, f.Col, f.Rule, f.Message)
		}
	}
	// The same text read by file() is not a template: its ${...} reach
	// API Gateway as written.
	res, err = terraform.LoadBody(terraform.Body{Path: "api.yaml", Kind: doc.REST}, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(rules.Check(res, &rules.Config{Options: rules.DefaultOptions})) == 0 {
		t.Errorf("file(): no finding on plain ${...} values")
	}
}

// TestLoadAllIn: the module's other files are asked for only when a route
// targets an integration this file does not declare (or the file holds a
// resource of the whole-stack facts, TestStack), once; the route is
// marked absent only when the module is seen whole and declares no such
// integration.
func TestLoadAllIn(t *testing.T) {
	src := []byte(`resource "aws_apigatewayv2_integration" "here" {
  api_id           = var.api
  integration_type = "MOCK"
}
resource "aws_apigatewayv2_route" "here" {
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.here.id}"
}
resource "aws_apigatewayv2_route" "there" {
  route_key = "a"
  target    = "integrations/${aws_apigatewayv2_integration.there.id}"
}
resource "aws_apigatewayv2_route" "nowhere" {
  route_key = "b"
  target    = join("/", ["integrations", aws_apigatewayv2_integration.nowhere[0].id])
}
`)
	for _, c := range []struct {
		whole bool
		want  string
	}{{true, "nowhere"}, {false, ""}} {
		calls := 0
		res, _, err := terraform.LoadAllIn("m.tf", src, func() ([]terraform.File, bool) {
			calls++
			return []terraform.File{{Path: "o.tf", Src: []byte(`resource "aws_apigatewayv2_integration" "there" {}`)}}, c.whole
		})
		if err != nil {
			t.Fatal(err)
		}
		var absent []string
		for _, rt := range res.V2Routes {
			if rt.TargetAbsent {
				absent = append(absent, rt.TargetID)
			}
		}
		if calls != 1 || strings.Join(absent, ",") != c.want {
			t.Errorf("whole=%v: %d calls, absent %v; want 1 call, %q", c.whole, calls, absent, c.want)
		}
	}
	calls := 0
	if _, _, err := terraform.LoadAllIn("m.tf", src[:strings.Index(string(src), `resource "aws_apigatewayv2_route" "there"`)], func() ([]terraform.File, bool) {
		calls++
		return nil, true
	}); err != nil || calls != 0 {
		t.Errorf("every target in the file: %d calls (%v); want none", calls, err)
	}
}

// TestDeclared: the resources a file declares, in both syntaxes; a syntax
// error is an error.
func TestDeclared(t *testing.T) {
	got, err := terraform.Declared("a.tf", []byte("resource \"a_b\" \"x\" {}\ndata \"a_b\" \"y\" {}\n"))
	if err != nil || len(got) != 1 || !got["a_b.x"] {
		t.Errorf("native: %v %v", got, err)
	}
	got, err = terraform.Declared("a.tf.json", []byte(`{"resource": {"a_b": {"x": {}, "z": {}}}}`))
	if err != nil || len(got) != 2 || !got["a_b.z"] {
		t.Errorf("JSON: %v %v", got, err)
	}
	if _, err := terraform.Declared("a.tf", []byte("resource \"a\" {")); err == nil {
		t.Errorf("no error for a syntax error")
	}
}
