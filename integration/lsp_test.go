package integration

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLanguageServer runs `apigwlint lsp` as an editor does: a subprocess
// spoken to over pipes in LSP's framing. It opens a document with a
// mistake, reads the diagnostic, changes the text to fix it, reads the
// empty diagnostics, closes it, and shuts the server down; the process must
// exit 0 within a second of exit.
func TestLanguageServer(t *testing.T) {
	cmd := exec.Command(builtCLI(t), "lsp", "--no-config")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	out := bufio.NewReader(stdout)
	id := 0
	send := func(method string, params any, request bool) {
		t.Helper()
		m := map[string]any{"jsonrpc": "2.0", "method": method, "params": params}
		if request {
			id++
			m["id"] = id
		}
		body, _ := json.Marshal(m)
		fmt.Fprintf(stdin, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	read := func() map[string]any {
		t.Helper()
		done := make(chan map[string]any, 1)
		go func() {
			h, err := textproto.NewReader(out).ReadMIMEHeader()
			if err != nil {
				done <- nil
				return
			}
			n, _ := strconv.Atoi(h.Get("Content-Length"))
			body := make([]byte, n)
			io.ReadFull(out, body)
			var m map[string]any
			json.Unmarshal(body, &m)
			done <- m
		}()
		select {
		case m := <-done:
			if m == nil {
				t.Fatal("the server closed its output")
			}
			return m
		case <-time.After(10 * time.Second):
			t.Fatal("no message from the server within 10 s")
		}
		return nil
	}
	diagnostics := func(version float64) []any {
		t.Helper()
		for {
			m := read()
			if p, ok := m["params"].(map[string]any); ok && m["method"] == "textDocument/publishDiagnostics" && p["version"] == version {
				return p["diagnostics"].([]any)
			}
		}
	}

	send("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}}, true)
	if r := read(); r["result"] == nil {
		t.Fatalf("initialize: %v", r)
	}
	send("initialized", map[string]any{}, false)
	uri := "file:///nonexistent/apigwlint/put.json"
	text := `{"type": "AWS_PROXY", "integrationHttpMethod": "GET", "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations", "restApiId": "a1b2c3", "resourceId": "r1", "httpMethod": "GET"}`
	send("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "json", "version": 1, "text": text}}, false)
	diags := diagnostics(1)
	if len(diags) != 1 || diags[0].(map[string]any)["code"] != "AGW102" {
		t.Fatalf("diagnostics %v, want one AGW102 (Lambda invoked with GET)", diags)
	}
	fixed := strings.Replace(text, `"integrationHttpMethod": "GET"`, `"integrationHttpMethod": "POST"`, 1)
	send("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": fixed}}}, false)
	if diags := diagnostics(2); len(diags) != 0 {
		t.Errorf("after the fix: %v", diags)
	}
	send("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}}, false)
	send("shutdown", nil, true)
	for {
		if m := read(); m["id"] == float64(id) {
			break
		}
	}
	send("exit", nil, false)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit after shutdown: %v, want status 0", err)
		}
	case <-time.After(time.Second):
		t.Error("the server did not exit within a second of exit")
	}
}
