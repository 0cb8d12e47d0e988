package clitest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The official SARIF 2.1.0 schema, vendored; testdata/README-sarif-schema.md
// says where it comes from.
// schemaPath is relative to the repository root, where the tests run.
const (
	schemaPath   = "testdata/sarif-schema-2.1.0.json"
	schemaSHA256 = "3a79f65f9a2042d1c08d7aefd7234972db8fbc5a1d4abdd940e17bd4cb0b9a7f"
)

func Schema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(raw); hex.EncodeToString(sum[:]) != schemaSHA256 {
		t.Fatalf("%s changed: sha256 %x, want %s (see testdata/README-sarif-schema.md)", schemaPath, sum, schemaSHA256)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func Validate(t testing.TB, sch *jsonschema.Schema, name, sarif string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(sarif))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s does not validate against the SARIF 2.1.0 schema:\n%v", name, err)
	}
}
