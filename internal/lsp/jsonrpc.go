package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
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
	tp := textproto.NewReader(r.r)
	h, err := tp.ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(h) == 0 {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("%w: %v", errFraming, err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(h.Get("Content-Length")))
	if err != nil || n < 0 || n > maxMessage {
		return nil, fmt.Errorf("%w: Content-Length %q", errFraming, h.Get("Content-Length"))
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r.r, body); err != nil {
		return nil, fmt.Errorf("%w: %v", errFraming, err)
	}
	return body, nil
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
