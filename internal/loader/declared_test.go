package loader

import "testing"

func TestDeclared(t *testing.T) {
	src := `swagger: "2.0"
info: {title: t, version: "1"}
parameters:
  limit: {name: limit, in: query, type: integer}
  loop: {$ref: "#/parameters/loop"}
responses:
  Err: {description: error, headers: {X-Error: {type: string}}}
paths:
  /pets/{id}:
    parameters:
      - {name: id, in: path, required: true, type: string}
    get:
      parameters:
        - $ref: "#/parameters/limit"
        - {name: X-Api-Key, in: header, type: string}
        - $ref: "#/parameters/loop"
      responses:
        "200":
          description: ok
          headers:
            Access-Control-Allow-Origin: {type: string}
        default: {$ref: "#/responses/Err"}
      x-amazon-apigateway-integration: {type: mock}
`
	res, err := Load("t.yaml", []byte(src), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	d := res.Integrations[0].Op.Declared()
	for _, c := range []struct {
		in, name string
		want     bool
	}{
		{"path", "id", true}, {"query", "limit", true}, {"header", "x-api-key", true},
		{"header", "X-API-KEY", true}, {"query", "id", false}, {"path", "limit", false},
	} {
		if got := d.HasParam(c.in, c.name); got != c.want {
			t.Errorf("HasParam(%s, %s) = %v, want %v", c.in, c.name, got, c.want)
		}
	}
	if d.Complete {
		t.Error("a $ref loop among the parameters must make the declarations incomplete")
	}
	if r := d.Response("200"); r == nil || r.Headers["Access-Control-Allow-Origin"] == false {
		t.Errorf("response 200 with its header not read: %+v", d.Codes)
	}
	if r := d.Response("default"); r == nil || r.Headers["X-Error"] == false {
		t.Errorf("$ref'd default response not resolved: %+v", d.Codes)
	}
}
