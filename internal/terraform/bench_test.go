package terraform_test

import (
	"bytes"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/gen"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/terraform"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// module generates a Terraform module of n integrations (internal/gen's
// terraform format: REST, HTTP API and WebSocket API integrations with the
// resources around them).
func module(t testing.TB, n int) []byte {
	var b bytes.Buffer
	if err := gen.Write(&b, gen.Options{Integrations: n, Format: gen.Terraform, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// BenchmarkTerraform compares parsing a generated module of 1,000
// integrations with hclsyntax alone and linting it (terraform.Load, then
// every rule). The ratio of the two is the cost of the front-end and the
// rules over the parse:
//
//	go test -run='^$' -bench=Terraform -benchtime=20x ./internal/terraform
func BenchmarkTerraform(b *testing.B) {
	src := module(b, 1000)
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, diags := hclsyntax.ParseConfig(src, "gen.tf", hcl.InitialPos); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	})
	b.Run("lint", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			res, err := terraform.Load("gen.tf", src)
			if err != nil {
				b.Fatal(err)
			}
			rules.Check(res, nil)
		}
	})
}

// TestGeneratedModule: the benchmark's module is clean and fully linked:
// each REST integration to its method and responses, each V2 integration
// to its API's protocol and its route.
func TestGeneratedModule(t *testing.T) {
	src := module(t, 30)
	res, err := terraform.Load("gen.tf", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Integrations) != 30 {
		t.Fatalf("%d integrations; want 30", len(res.Integrations))
	}
	v2 := 0
	for _, in := range res.Integrations {
		if in.V2 != nil {
			v2++
			if !in.V2.ProtocolCertain || !in.V2.RouteKeysKnown || len(in.V2.RouteKeys) != 1 {
				t.Fatalf("%s: protocol or route not linked: %+v", in.Pointer, in.V2)
			}
			if in.V2.Protocol == doc.WebSocket && len(in.V2.Responses) != 1 {
				t.Fatalf("%s: integration response not linked", in.Pointer)
			}
			continue
		}
		if d := in.Op.Declared(); !d.Complete || len(d.Codes) != 1 || len(in.Responses) != 1 {
			t.Fatalf("%s: not linked to its method and responses (complete %v, codes %v, %d responses)", in.Pointer, d.Complete, d.Codes, len(in.Responses))
		}
	}
	if v2 != 12 {
		t.Errorf("%d V2 integrations; want 12", v2)
	}
	if got := lint(t, "gen.tf", src); got != "" {
		t.Errorf("findings on the generated module:\n%s", got)
	}
}
