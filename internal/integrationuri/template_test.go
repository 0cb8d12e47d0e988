package integrationuri

import (
	"reflect"
	"strings"
	"testing"
)

// render shows a template as its pieces, holes in brackets with their kind.
func render(t Template) string {
	var b strings.Builder
	for _, p := range t {
		if p.Hole == NoHole {
			b.WriteString(p.Text)
			continue
		}
		b.WriteString("[" + p.Text + " " + [...]string{"", "stage", "import", "sub", "other", "param"}[p.Hole] + "]")
	}
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		uri  string
		sub  bool
		want string
	}{
		{"", false, ""},
		{"https://example.com/pets", false, "https://example.com/pets"},
		{"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations", false,
			"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"},
		{"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations", true,
			"arn:[${AWS::Partition} import]:apigateway:[${AWS::Region} import]:lambda:path/2015-03-31/functions/[${Fn.Arn} sub]/invocations"},
		{"arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/${bucket}", false,
			"arn:[${AWS::Partition} import]:apigateway:[${AWS::Region} import]:s3:path/[${bucket} other]"},
		{"https://${stageVariables.host}/pets/{petId}", false, "https://[${stageVariables.host} stage]/pets/[{petId} param]"},
		{"${!Literal}/x", true, "[${!Literal} other]/x"},
		{"${!stageVariables.url}", true, "[${!stageVariables.url} stage]"},
		{"http://{{host}}/{proxy+}", false, "http://[{{host}} param]/[{proxy+} param]"},
		{"arn:aws:apigateway:REGION:lambda:path/functions/arn:aws:lambda:<region>:ACCOUNT_ID:function:f", false,
			"arn:aws:apigateway:[REGION param]:lambda:path/functions/arn:aws:lambda:[<region> param]:[ACCOUNT_ID param]:function:f"},
		{"https://API.example.com/ABCDEFG", false, "https://API.example.com/[ABCDEFG param]"},
		{"https://xREGION.example.com", false, "https://xREGION.example.com"},
		{"http://h/{a/b}/${}/{}/${a${b}}", false, "http://h/{a/b}/${}/{}/${a[${b} other]}"},
	}
	for _, tt := range tests {
		got := Parse(tt.uri, tt.sub)
		if r := render(got); r != tt.want {
			t.Errorf("Parse(%q, %v)\n got %s\nwant %s", tt.uri, tt.sub, r, tt.want)
		}
		if got.String() != tt.uri {
			t.Errorf("Parse(%q).String() = %q", tt.uri, got.String())
		}
	}
}

func TestTemplateMethods(t *testing.T) {
	tm := Parse("arn:aws:apigateway:${AWS::Region}:lambda:path//2015-03-31/functions/${stageVariables.fn}/invocations", false)
	if _, ok := tm.Literal(); ok {
		t.Error("Literal: ok for a template with holes")
	}
	if !tm.Opaque() || tm.StartsOpaque() || tm.EndsWithHole() || !tm.HasPrefix("arn:aws:") || tm.HasPrefix("arn:aws:apigateway:us") {
		t.Errorf("Opaque %v StartsOpaque %v EndsWithHole %v", tm.Opaque(), tm.StartsOpaque(), tm.EndsWithHole())
	}
	var fields []string
	for _, f := range tm.Split(":", 6) {
		fields = append(fields, render(f))
	}
	want := []string{"arn", "aws", "apigateway", "[${AWS::Region} import]", "lambda", "path//2015-03-31/functions/[${stageVariables.fn} stage]/invocations"}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("Split\n got %q\nwant %q", fields, want)
	}
	res := tm.Split(":", 6)[5]
	rest, ok := res.CutPrefix("path/")
	if !ok || render(rest.TrimLeft("/")) != "2015-03-31/functions/[${stageVariables.fn} stage]/invocations" {
		t.Errorf("CutPrefix/TrimLeft = %s, %v", render(rest.TrimLeft("/")), ok)
	}
	if _, ok := res.CutPrefix("action/"); ok {
		t.Error("CutPrefix: ok for a prefix that is not there")
	}
	before, after, ok := res.CutLast("/")
	if !ok || render(before) != "path//2015-03-31/functions/[${stageVariables.fn} stage]" || render(after) != "invocations" {
		t.Errorf("CutLast = %s | %s, %v", render(before), render(after), ok)
	}
	if _, _, ok := Parse("${stageVariables.a}", false).CutLast("/"); ok {
		t.Error("CutLast cut inside a hole")
	}
	if s, ok := Parse("https://example.com", false).Literal(); !ok || s != "https://example.com" {
		t.Errorf("Literal = %q, %v", s, ok)
	}
	imp := Parse("arn:aws:apigateway:${AWS::Region}:s3:path/b", false)
	if imp.Opaque() {
		t.Error("an import variable is one ARN field, not opaque")
	}
	if !Parse("${stageVariables.url}/x", false).StartsOpaque() || !Parse("x/{id}", false).EndsWithHole() {
		t.Error("StartsOpaque/EndsWithHole")
	}
}

func TestPartitions(t *testing.T) {
	names := Partitions()
	if len(names) == 0 || names[0] != "aws" {
		t.Fatalf("Partitions() = %q", names)
	}
	names[0] = "changed"
	if Partitions()[0] != "aws" {
		t.Error("Partitions() shares its slice")
	}
	for region, want := range map[string]string{
		"us-east-1":       "aws",
		"eu-central-2":    "aws",
		"il-central-1":    "aws",
		"cn-north-1":      "aws-cn",
		"us-gov-west-1":   "aws-us-gov",
		"us-iso-east-1":   "aws-iso",
		"us-isob-east-1":  "aws-iso-b",
		"eu-isoe-west-1":  "aws-iso-e",
		"us-isof-south-1": "aws-iso-f",
		"eusc-de-east-1":  "aws-eusc",
		"us-east":         "",
		"useast-1":        "",
		"US-EAST-1":       "",
		"":                "",
	} {
		if got := PartitionOfRegion(region); got != want {
			t.Errorf("PartitionOfRegion(%q) = %q, want %q", region, got, want)
		}
	}
}
