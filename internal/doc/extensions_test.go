package doc_test

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
)

// TestBranches lists the mappings a value stands for: itself, or each
// outcome of an Fn::If in either spelling, nested in any combination; a
// value computed by another function stands for none.
func TestBranches(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"v: {a: 1}", "/v"},
		{"v: {Fn::If: [C, {a: 1}, {b: 2}]}", "/v/Fn::If/1 /v/Fn::If/2"},
		{"v: !If [C, {a: 1}, {b: 2}]", "/v/1 /v/2"},
		{"v: {Fn::If: [C, !If [D, {a: 1}, {b: 2}], {c: 3}]}", "/v/Fn::If/1/1 /v/Fn::If/1/2 /v/Fn::If/2"},
		{"v: !If [C, {Fn::If: [D, {a: 1}, {b: 2}]}, {c: 3}]", "/v/1/Fn::If/1 /v/1/Fn::If/2 /v/2"},
		{"v: {Ref: X}", ""},
		{"v: !If [C, {a: 1}]", ""},
		{"v: [1]", ""},
	} {
		f, err := loader.Parse("t.yaml", []byte(tt.src), loader.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		_, v := doc.Get(f.Root, "v")
		var got []string
		doc.Branches(v, "/v", func(_ *doc.Node, ptr string) { got = append(got, ptr) })
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.src, strings.Join(got, " "), tt.want)
		}
	}
}

// TestEachSite lists the objects extensions are read from, in document
// order, with their places.
func TestEachSite(t *testing.T) {
	src := `openapi: 3.0.1
paths:
  /a:
    get: {}
    summary: not an operation
    x-amazon-apigateway-any-method: {}
components:
  securitySchemes:
    s: {type: apiKey}
servers: [{url: x}]
tags: [{name: t}]
securityDefinitions: {d: {type: apiKey}}
`
	res, err := loader.Load("t.yaml", []byte(src), loader.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	res.APIs[0].EachSite(func(s doc.Site) { got = append(got, s.Pointer+" "+s.Place.String()) })
	want := []string{
		" at the document root",
		"/paths/~1a in a path item",
		"/paths/~1a/get in an operation",
		"/paths/~1a/x-amazon-apigateway-any-method in an operation",
		"/components under components",
		"/components/securitySchemes/s in a security scheme",
		"/securityDefinitions/d in a security scheme",
		"/servers/0 in a servers entry",
		"/tags/0 in a tags entry",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
