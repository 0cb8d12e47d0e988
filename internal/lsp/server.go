// Package lsp is apigwlint's language server: the Language Server Protocol
// over standard input and output, so an editor shows findings as the user
// types. It lints the editor's text (not the file on disk) through the same
// stages as a run (internal/lint.Document), with the configuration found
// from the document's folder, and publishes the findings as diagnostics.
//
// The few messages it needs are framed and decoded here with the standard
// library: the maintained LSP libraries for Go bring a JSON-RPC framework
// and generated protocol types for hundreds of messages, more than a
// linter's diagnostics and one code action use.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// debounce is how long after the last change a document is linted: typing
// does not start a lint per key.
const debounce = 250 * time.Millisecond

// Server is one language server session.
type Server struct {
	in      *reader
	out     *writer
	opts    lint.Options
	version string
	delay   time.Duration

	mu          sync.Mutex
	docs        map[string]*document // by URI
	initialized bool
	shutdown    bool
	lints       sync.WaitGroup
}

// document is an open text document.
type document struct {
	uri, path string
	text      string
	version   int
	gen       int // raised by every change: a lint of an older text is dropped
	timer     *time.Timer
	// fixes are the fixes of the published diagnostics, for code actions:
	// the diagnostic's code and range, and the edits in LSP positions.
	fixes []published
}

// published is a fix of one published diagnostic.
type published struct {
	code        string
	rng         lspRange
	description string
	edits       []textEdit
}

type textEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

// New returns a server reading requests from in and writing to out; opts
// are the settings of the command line (flags), version apigwlint's.
func New(in io.Reader, out io.Writer, opts lint.Options, version string) *Server {
	return &Server{
		in: &reader{bufio.NewReader(in)}, out: &writer{w: out},
		opts: opts, version: version, delay: debounce, docs: map[string]*document{},
	}
}

// Serve answers requests until the client sends exit or closes the stream.
// It reports whether shutdown was requested first (the exit code is then 0,
// as the protocol asks), and an error only when the stream breaks.
func (s *Server) Serve() (clean bool, err error) {
	defer s.lints.Wait()
	for {
		body, err := s.in.read()
		if errors.Is(err, io.EOF) {
			return s.isShutdown(), nil
		}
		if err != nil {
			return false, err
		}
		if exit := s.handle(body); exit {
			return s.isShutdown(), nil
		}
	}
}

func (s *Server) isShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown
}

// handle answers one message; it reports whether it was exit. A message
// that is not valid JSON-RPC gets an error response, never a crash.
func (s *Server) handle(body []byte) (exit bool) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		s.reply(json.RawMessage("null"), nil, &rpcError{codeParseError, "cannot parse the message: " + err.Error()})
		return false
	}
	request := len(m.ID) > 0 && string(m.ID) != "null"
	if m.Method == "" {
		if request {
			s.reply(m.ID, nil, &rpcError{codeInvalidRequest, "a request needs a method"})
		}
		return false // a response to a request of ours: none are sent
	}
	defer func() {
		if v := recover(); v != nil && request {
			s.reply(m.ID, nil, &rpcError{codeInvalidParams, fmt.Sprintf("internal error: %v", v)})
		}
	}()
	s.mu.Lock()
	ready, down := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "exit":
		return true
	case m.Method == "initialize":
		s.mu.Lock()
		s.initialized = true
		s.mu.Unlock()
		s.reply(m.ID, s.capabilities(), nil)
		return false
	case !ready:
		if request {
			s.reply(m.ID, nil, &rpcError{codeServerNotReady, "the server is not initialized"})
		}
		return false
	case down && request:
		s.reply(m.ID, nil, &rpcError{codeInvalidAfter, "the server is shutting down"})
		return false
	}
	result, rerr := s.dispatch(m.Method, m.Params)
	if request {
		s.reply(m.ID, result, rerr)
	}
	return false
}

// dispatch runs one method. Unknown notifications (and $/ ones such as
// $/cancelRequest) are ignored; unknown requests get MethodNotFound.
func (s *Server) dispatch(method string, params json.RawMessage) (any, *rpcError) {
	switch method {
	case "initialized", "workspace/didChangeConfiguration":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "textDocument/didOpen":
		var p struct {
			TextDocument struct {
				URI     string `json:"uri"`
				Version int    `json:"version"`
				Text    string `json:"text"`
			} `json:"textDocument"`
		}
		if err := json.Unmarshal(params, &p); err != nil || p.TextDocument.URI == "" {
			return nil, badParams(method, err)
		}
		s.update(p.TextDocument.URI, p.TextDocument.Version, p.TextDocument.Text, 0)
	case "textDocument/didChange":
		var p struct {
			TextDocument struct {
				URI     string `json:"uri"`
				Version int    `json:"version"`
			} `json:"textDocument"`
			ContentChanges []struct {
				Text  string          `json:"text"`
				Range json.RawMessage `json:"range"`
			} `json:"contentChanges"`
		}
		if err := json.Unmarshal(params, &p); err != nil || p.TextDocument.URI == "" || len(p.ContentChanges) == 0 {
			return nil, badParams(method, err)
		}
		// Full synchronisation (see capabilities): the last change is the
		// whole text.
		s.update(p.TextDocument.URI, p.TextDocument.Version, p.ContentChanges[len(p.ContentChanges)-1].Text, s.delay)
	case "textDocument/didSave":
		uri, err := documentURI(params)
		if err != nil {
			return nil, badParams(method, err)
		}
		s.relint(uri) // the configuration may have changed
	case "textDocument/didClose":
		uri, err := documentURI(params)
		if err != nil {
			return nil, badParams(method, err)
		}
		s.close(uri)
	case "textDocument/codeAction":
		return s.codeActions(params)
	default:
		if strings.HasPrefix(method, "$/") {
			return nil, nil
		}
		return nil, &rpcError{codeMethodNotFound, "method not supported: " + method}
	}
	return nil, nil
}

// documentURI reads the textDocument.uri of a notification's params.
func documentURI(params json.RawMessage) (string, error) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
	}
	err := json.Unmarshal(params, &p)
	return p.TextDocument.URI, err
}

func badParams(method string, err error) *rpcError {
	msg := "invalid params for " + method
	if err != nil {
		msg += ": " + err.Error()
	}
	return &rpcError{codeInvalidParams, msg}
}

// capabilities are what the server does: full text synchronisation, open
// and close, save, and quick fixes.
func (s *Server) capabilities() any {
	return map[string]any{
		"capabilities": map[string]any{
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    1, // full
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix"}},
		},
		"serverInfo": map[string]any{"name": "apigwlint", "version": s.version},
	}
}

func (s *Server) reply(id json.RawMessage, result any, err *rpcError) {
	m := &message{ID: id, Error: err}
	if err == nil {
		if result == nil {
			result = json.RawMessage("null") // a response has a result, null included
		}
		m.Result = result
	}
	s.out.write(m)
}

func (s *Server) notify(method string, params any) {
	raw, _ := json.Marshal(params)
	s.out.write(&message{Method: method, Params: raw})
}

// update records a document's new text and lints it after delay.
func (s *Server) update(uri string, version int, text string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		d = &document{uri: uri, path: uriPath(uri)}
		s.docs[uri] = d
	}
	d.text, d.version = text, version
	d.gen++
	s.schedule(d, delay)
}

// relint lints an open document again now.
func (s *Server) relint(uri string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[uri]; d != nil {
		d.gen++
		s.schedule(d, 0)
	}
}

// schedule starts a lint of d after delay, replacing one not started yet.
// The lint runs off the request loop, so a large document never holds up
// the next message. s.mu is held.
func (s *Server) schedule(d *document, delay time.Duration) {
	if d.timer != nil && d.timer.Stop() {
		s.lints.Done() // the replaced lint will not run
	}
	gen, text, version := d.gen, d.text, d.version
	s.lints.Add(1)
	d.timer = time.AfterFunc(delay, func() {
		defer s.lints.Done()
		diags, fixes := s.diagnose(d.path, text)
		s.mu.Lock()
		current := s.docs[d.uri] == d && d.gen == gen
		if current {
			d.fixes = fixes
		}
		s.mu.Unlock()
		if current {
			s.notify("textDocument/publishDiagnostics", map[string]any{"uri": d.uri, "version": version, "diagnostics": diags})
		}
	})
}

// close forgets a document and clears its diagnostics.
func (s *Server) close(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil {
		if d.timer != nil && d.timer.Stop() {
			s.lints.Done()
		}
		delete(s.docs, uri)
	}
	s.mu.Unlock()
	s.notify("textDocument/publishDiagnostics", map[string]any{"uri": uri, "diagnostics": []any{}})
}

// diagnostic is an LSP diagnostic.
type diagnostic struct {
	Range           lspRange          `json:"range"`
	Severity        int               `json:"severity"`
	Code            string            `json:"code,omitempty"`
	CodeDescription map[string]string `json:"codeDescription,omitempty"`
	Source          string            `json:"source"`
	Message         string            `json:"message"`
}

// diagnose lints text as the file at path and returns its diagnostics and
// the fixes they carry.
func (s *Server) diagnose(path, text string) ([]diagnostic, []published) {
	x := newLineIndex(text)
	findings, ierr, _, err := lint.Document(s.opts, path, []byte(text))
	out := []diagnostic{}
	switch {
	case err != nil: // the configuration: say so at the top of the document
		return append(out, diagnostic{Range: x.span(1, 1, 0, 0), Severity: 1, Source: "apigwlint", Message: "configuration: " + err.Error()}), nil
	case ierr != nil:
		return append(out, inputDiagnostic(x, ierr)), nil
	}
	var fixes []published
	for _, f := range findings {
		if f.Suppressed != nil {
			continue
		}
		d := diagnostic{
			Range: x.span(f.Line, f.Col, f.EndLine, f.EndCol), Severity: severity(f.Severity),
			Code: f.RuleID, Source: "apigwlint", Message: f.Message,
		}
		if r := rules.ByID(f.RuleID); r != nil {
			d.CodeDescription = map[string]string{"href": r.HelpURL()}
		}
		out = append(out, d)
		for _, fx := range f.Fixes {
			p := published{code: d.Code, rng: d.Range, description: fx.Description}
			for _, e := range fx.Edits {
				p.edits = append(p.edits, textEdit{Range: lspRange{x.offsetPosition(e.Start), x.offsetPosition(e.End)}, NewText: e.New})
			}
			fixes = append(fixes, p)
		}
	}
	return out, fixes
}

func inputDiagnostic(x *lineIndex, e *loader.Error) diagnostic {
	line, col := max(e.Line, 1), max(e.Col, 1)
	return diagnostic{Range: x.span(line, col, 0, 0), Severity: 1, Source: "apigwlint", Message: "input error: " + e.Msg}
}

// severity maps apigwlint's severities to LSP's (1 error, 2 warning,
// 3 information).
func severity(s rules.Severity) int {
	switch s {
	case rules.Error:
		return 1
	case rules.Warning:
		return 2
	}
	return 3
}
