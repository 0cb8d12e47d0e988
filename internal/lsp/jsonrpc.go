package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// message is one JSON-RPC 2.0 message: a request (ID and Method), a
// notification (Method, no ID) or a response (ID, Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  any             `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// rpcError is a JSON-RPC error object.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// The JSON-RPC and LSP error codes used.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeServerNotReady = -32002 // a request before initialize
	codeInvalidAfter   = -32600 // a request after shutdown
)

// maxMessage bounds one message's body: an editor sends whole documents,
// and apigwlint reads files up to 512 MiB; a larger Content-Length is a
// broken or hostile client.
const maxMessage = 512 << 20

// reader reads messages framed by LSP's base protocol: headers (of which
// only Content-Length matters), a blank line, then the JSON body.
type reader struct {
	r *bufio.Reader
}

// errFraming is a header that cannot be read: the stream is lost.
var errFraming = errors.New("lsp: bad message framing")

// read returns the next message's body, or io.EOF when the client closed
// the stream.
func (r *reader) read() ([]byte, error) {
	length, err := r.header()
	if err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(length))
	if err != nil || n < 0 || n > maxMessage {
		return nil, fmt.Errorf("%w: Content-Length %q", errFraming, length)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r.r, body); err != nil {
		return nil, fmt.Errorf("%w: %v", errFraming, err)
	}
	return body, nil
}

// header reads a message's header lines up to the blank line that ends
// them, as net/textproto's ReadMIMEHeader reads them (lines ended by LF or
// CRLF, a line starting with a space or a tab continuing the one before,
// keys matched in any letter case), and returns the value of the first
// Content-Length. It is written out here because importing net/textproto
// links package net, which made every apigwlint built with cgo a
// dynamically linked program, and its start-up slower.
func (r *reader) header() (length string, err error) {
	found, lines := false, 0
	var key, value string
	flush := func() {
		if key != "" && !found && strings.EqualFold(key, "Content-Length") {
			length, found = strings.TrimSpace(value), true
		}
		key, value = "", ""
	}
	for {
		line, err := r.r.ReadString('\n')
		if err != nil {
			if errors.Is(err, io.EOF) && lines == 0 && line == "" {
				return "", io.EOF
			}
			return "", fmt.Errorf("%w: %v", errFraming, err)
		}
		lines++
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		switch {
		case line == "":
			flush()
			return length, nil
		case line[0] == ' ' || line[0] == '\t':
			if lines == 1 {
				return "", fmt.Errorf("%w: malformed MIME header initial line: %s", errFraming, line)
			}
			value += " " + strings.TrimSpace(line)
			continue
		}
		flush()
		k, v, ok := strings.Cut(line, ":")
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			return "", fmt.Errorf("%w: malformed MIME header line: %s", errFraming, line)
		}
		key, value = k, strings.TrimSpace(v)
	}
}

// writer writes framed messages; it is safe for concurrent use (diagnostics
// are published from the goroutines that lint).
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *writer) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, err := fmt.Fprintf(w.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = w.w.Write(body)
	return err
}
