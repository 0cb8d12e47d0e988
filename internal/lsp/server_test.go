package lsp

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// client is the editor's end of an in-process session.
type client struct {
	t    *testing.T
	in   io.WriteCloser // to the server
	msgs chan map[string]any
	done chan bool // Serve's clean result
	next int
}

func startServer(t *testing.T) *client {
	t.Helper()
	toServer, serverIn := io.Pipe()
	serverOut, fromServer := io.Pipe()
	opts := lint.Options{Format: "text", FailLevel: "warning", TimeoutCeiling: rules.TimeoutCeiling.Default, Color: "never", NoConfig: true}
	s := New(toServer, fromServer, opts, "test")
	s.delay = 10 * time.Millisecond
	c := &client{t: t, in: serverIn, msgs: make(chan map[string]any, 100), done: make(chan bool, 1)}
	go func() {
		clean, err := s.Serve()
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
		fromServer.Close()
		c.done <- clean
	}()
	go func() {
		r := &reader{bufio.NewReader(serverOut)}
		for {
			body, err := r.read()
			if err != nil {
				close(c.msgs)
				return
			}
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("the server wrote invalid JSON: %s", body)
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() { serverIn.Close() })
	return c
}

func (c *client) send(raw string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, "Content-Length: "+itoa(len(raw))+"\r\n\r\n"+raw); err != nil {
		c.t.Fatal(err)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// request sends a request and returns its response.
func (c *client) request(method string, params any) map[string]any {
	c.t.Helper()
	c.next++
	p, _ := json.Marshal(params)
	c.send(`{"jsonrpc":"2.0","id":` + itoa(c.next) + `,"method":"` + method + `","params":` + string(p) + `}`)
	return c.wait(func(m map[string]any) bool { return m["id"] == float64(c.next) })
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	p, _ := json.Marshal(params)
	c.send(`{"jsonrpc":"2.0","method":"` + method + `","params":` + string(p) + `}`)
}

// wait returns the first message that want accepts, within a few seconds.
func (c *client) wait(want func(map[string]any) bool) map[string]any {
	c.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatal("the server closed its output")
			}
			if want(m) {
				return m
			}
		case <-timeout:
			c.t.Fatal("no answer within 5 s")
		}
	}
}

// diagnostics waits for the diagnostics of uri at version.
func (c *client) diagnostics(uri string, version float64) []any {
	c.t.Helper()
	m := c.wait(func(m map[string]any) bool {
		p, _ := m["params"].(map[string]any)
		return m["method"] == "textDocument/publishDiagnostics" && p["uri"] == uri && (version < 0 || p["version"] == version)
	})
	return m["params"].(map[string]any)["diagnostics"].([]any)
}

// utf16Col is the LSP character of byte offset off in line, computed
// independently of the server's conversion.
func utf16Col(line string, off int) float64 {
	return float64(len(utf16.Encode([]rune(line[:off]))))
}

const api = `openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      x-amazon-apigateway-integration: {type: mock, passthroughBehavior: "é😀x", timeoutInMillis: 10, requestTemplates: {application/json: '{"statusCode": 200}'}}
`

// TestSession walks a whole session: initialize, open a document with a
// finding after non-ASCII text (one character outside the BMP), check the
// UTF-16 range, rule code and link; ask for a quick fix; change the text
// so the finding is gone; close; shut down and exit.
func TestSession(t *testing.T) {
	c := startServer(t)
	init := c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	caps := init["result"].(map[string]any)["capabilities"].(map[string]any)
	if caps["textDocumentSync"].(map[string]any)["change"] != float64(1) || caps["codeActionProvider"] == nil {
		t.Fatalf("capabilities %v", caps)
	}
	c.notify("initialized", map[string]any{})
	uri := "file:///tmp/apigwlint-lsp-test/api.yaml"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": api}})
	diags := c.diagnostics(uri, 1)
	line := strings.Split(api, "\n")[5]
	var timeout map[string]any
	for _, d := range diags {
		d := d.(map[string]any)
		if d["code"] == "AGW108" {
			timeout = d
		}
	}
	if timeout == nil {
		t.Fatalf("no AGW108 diagnostic in %v", diags)
	}
	start := timeout["range"].(map[string]any)["start"].(map[string]any)
	end := timeout["range"].(map[string]any)["end"].(map[string]any)
	off := strings.Index(line, "10,")
	if start["line"] != float64(5) || start["character"] != utf16Col(line, off) || end["character"] != utf16Col(line, off+2) {
		t.Errorf("range %v-%v, want line 5, characters %v-%v", start, end, utf16Col(line, off), utf16Col(line, off+2))
	}
	if timeout["severity"] != float64(1) || timeout["source"] != "apigwlint" ||
		!strings.HasSuffix(timeout["codeDescription"].(map[string]any)["href"].(string), "/docs/rules/timeout.md") {
		t.Errorf("diagnostic %v", timeout)
	}

	actions := c.request("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": timeout["range"],
		"context": map[string]any{"diagnostics": []any{timeout}},
	})["result"].([]any)
	if len(actions) != 1 {
		t.Fatalf("code actions %v", actions)
	}
	edit := actions[0].(map[string]any)["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)[0].(map[string]any)
	if !strings.HasPrefix(edit["newText"].(string), "      # apigwlint:ignore AGW108 ") {
		t.Errorf("the fix inserts %q", edit["newText"])
	}

	fixed := strings.Replace(api, "timeoutInMillis: 10", "timeoutInMillis: 1000", 1)
	fixed = strings.Replace(fixed, `"é😀x"`, "WHEN_NO_MATCH", 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": fixed}}})
	if diags := c.diagnostics(uri, 2); len(diags) != 0 {
		t.Errorf("after the fix: %v", diags)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if diags := c.diagnostics(uri, -1); len(diags) != 0 {
		t.Errorf("after close: %v", diags)
	}
	if r := c.request("shutdown", nil); r["error"] != nil || r["result"] != nil {
		t.Errorf("shutdown answered %v", r)
	}
	c.notify("exit", nil)
	select {
	case clean := <-c.done:
		if !clean {
			t.Error("exit after shutdown is not clean")
		}
	case <-time.After(time.Second):
		t.Fatal("the server did not exit within a second")
	}
}

// TestBadMessages: malformed JSON, unknown methods, requests before
// initialize and bad params get JSON-RPC errors, and the server goes on.
func TestBadMessages(t *testing.T) {
	c := startServer(t)
	if r := c.request("textDocument/codeAction", map[string]any{}); r["error"].(map[string]any)["code"] != float64(codeServerNotReady) {
		t.Errorf("before initialize: %v", r)
	}
	c.request("initialize", map[string]any{})
	c.send(`{"jsonrpc":"2.0","id":99,"method":`)
	if m := c.wait(func(m map[string]any) bool { return m["error"] != nil }); m["error"].(map[string]any)["code"] != float64(codeParseError) {
		t.Errorf("malformed JSON: %v", m)
	}
	if r := c.request("workspace/symbol", map[string]any{}); r["error"].(map[string]any)["code"] != float64(codeMethodNotFound) {
		t.Errorf("unknown method: %v", r)
	}
	c.notify("$/cancelRequest", map[string]any{"id": 1}) // ignored
	c.notify("textDocument/didOpen", "not an object")    // a bad notification: no answer, no crash
	if r := c.request("textDocument/codeAction", "not an object"); r["error"].(map[string]any)["code"] != float64(codeInvalidParams) {
		t.Errorf("bad params: %v", r)
	}
	// The session is still alive: an input error becomes a diagnostic.
	uri := "file:///tmp/apigwlint-lsp-test/broken.yaml"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 7, "text": "openapi: 3.0.1\npaths: [\n"}})
	diags := c.diagnostics(uri, 7)
	if len(diags) != 1 || !strings.HasPrefix(diags[0].(map[string]any)["message"].(string), "input error: ") {
		t.Errorf("broken document: %v", diags)
	}
	c.notify("exit", nil)
	if clean := <-c.done; clean {
		t.Error("exit without shutdown reported clean")
	}
}

// TestPositions converts columns of lines with multi-byte and non-BMP
// characters, and columns past the end of a line.
func TestPositions(t *testing.T) {
	x := newLineIndex("ab\r\né😀c\n")
	for _, tt := range []struct {
		line, col int
		want      position
	}{
		{1, 1, position{0, 0}}, {1, 3, position{0, 2}}, {1, 9, position{0, 2}},
		{2, 2, position{1, 1}}, {2, 3, position{1, 3}}, {2, 4, position{1, 4}},
		{9, 1, position{2, 0}},
	} {
		if got := x.position(tt.line, tt.col); got != tt.want {
			t.Errorf("%d:%d = %v, want %v", tt.line, tt.col, got, tt.want)
		}
	}
	if p := uriPath("file:///tmp/a%20b/api.yaml"); p != "/tmp/a b/api.yaml" {
		t.Errorf("uriPath = %q", p)
	}
}

// TestFixAction: a diagnostic with a fix offers it as the preferred quick
// fix, with the edit at the value in UTF-16 positions (after non-ASCII
// text on the line), before the disable-here comment.
func TestFixAction(t *testing.T) {
	c := startServer(t)
	c.request("initialize", map[string]any{})
	uri := "file:///tmp/apigwlint-lsp-test/fix.yaml"
	text := `openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      x-amazon-apigateway-integration: {summary: "é😀", type: aws_proxy, httpMethod: GET, uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"}
`
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": text}})
	var diag map[string]any
	for _, d := range c.diagnostics(uri, 1) {
		if d := d.(map[string]any); d["code"] == "AGW102" {
			diag = d
		}
	}
	if diag == nil {
		t.Fatal("no AGW102 diagnostic")
	}
	actions := c.request("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": diag["range"],
		"context": map[string]any{"diagnostics": []any{diag}},
	})["result"].([]any)
	if len(actions) != 2 {
		t.Fatalf("actions %v, want the fix and the disable comment", actions)
	}
	fix := actions[0].(map[string]any)
	edit := fix["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)[0].(map[string]any)
	line := strings.Split(text, "\n")[5]
	off := strings.Index(line, "GET")
	start := edit["range"].(map[string]any)["start"].(map[string]any)
	if fix["isPreferred"] != true || edit["newText"] != "POST" || start["line"] != float64(5) || start["character"] != utf16Col(line, off) {
		t.Errorf("fix %v, edit %v; want POST at 5:%v", fix["title"], edit, utf16Col(line, off))
	}
}
