package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// TestNoNetwork checks that external $refs are never fetched. At run time:
// a document whose parameters, responses, schemas and integration refer to
// a local HTTP server is linted, and the server must see no request. By
// construction: no package of apigwlint's own (tests and the benchmark
// tools aside) imports a networking or process package, and nothing the
// command is built from, dependencies included, is an HTTP client.
func TestNoNetwork(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "name: x\nin: query\n")
	}))
	defer srv.Close()
	doc := strings.ReplaceAll(`openapi: 3.0.1
info: {title: refs, version: "1"}
x-amazon-apigateway-importexport-version: "1.0"
paths:
  /a:
    parameters:
      - $ref: "URL/params.yaml#/limit"
    get:
      parameters:
        - $ref: "URL/params.yaml"
      responses:
        "200": {$ref: "URL/responses.yaml#/ok"}
        "400":
          description: bad
          content:
            application/json:
              schema: {$ref: "URL/schemas.json#/Error"}
      x-amazon-apigateway-integration:
        $ref: "URL/integrations.yaml#/a"
    post:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: POST
        uri: URL/backend
        payloadFormatVersion: "1.0"
components:
  x-amazon-apigateway-integrations:
    b: {$ref: "URL/integrations.yaml#/b"}
`, "URL", srv.URL)
	path := filepath.Join(t.TempDir(), "refs.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := runCLI(t, "", "--format", format, path)
		if r.code == exitError {
			t.Errorf("%s: exit 2: %s", format, r.stderr)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server got %d requests", n)
	}
	if r := runCLI(t, "", path); !strings.Contains(r.stdout, `points outside the document`) {
		t.Errorf("the external integration $ref is not reported:\n%s", r.stdout)
	}

	forbidden := map[string]bool{"net": true, "net/http": true, "net/rpc": true, "net/smtp": true, "os/exec": true, "crypto/tls": true, "plugin": true}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (p == "testdata" || p == ".git" || p == filepath.Join("internal", "gen") || p == filepath.Join("internal", "bench")) {
			return fs.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); forbidden[path] {
				t.Errorf("%s imports %s", p, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Nor does any dependency bring an HTTP client into the command.
	out, err := exec.Command("go", "list", "-deps", "./cmd/apigwlint").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "net/http" {
			t.Error("the command is built with net/http: something in it can fetch over the network")
		}
	}
}
