package lsp

import (
	"bufio"
	"errors"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"testing"
)

// TestReadFraming checks that reader reads the headers of a message as
// net/textproto's ReadMIMEHeader, which it replaces, reads them: the same
// body or io.EOF, and a framing error where that reader fails.
func TestReadFraming(t *testing.T) {
	for _, in := range []string{
		"",
		"Content-Length: 2\r\n\r\n{}",
		"Content-Length: 2\n\n{}",
		"content-length: 2\r\n\r\n{}",
		"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}",
		"Content-Length:2\r\n\r\n{}",
		"Content-Length:   2  \r\n\r\n{}",
		"Content-Length: 2\r\nContent-Length: 5\r\n\r\n{}",
		"Content-Length:\r\n 2\r\n\r\n{}",
		"X-Other: a\r\n\tb\r\nContent-Length: 2\r\n\r\n{}",
		"\r\n{}",
		"Content-Length: 2",
		"Content-Length: 2\r\n",
		"Content-Length: 2\r\n\r\n{",
		"Content-Length 2\r\n\r\n{}",
		" Content-Length: 2\r\n\r\n{}",
		"Content-Length: -1\r\n\r\n{}",
		"Content-Length: x\r\n\r\n{}",
		"Content-Length: 99999999999\r\n\r\n{}",
		"Content-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]",
	} {
		got, gotErr := (&reader{bufio.NewReader(strings.NewReader(in))}).read()
		want, wantErr := textprotoRead(in)
		switch {
		case errors.Is(wantErr, io.EOF) != errors.Is(gotErr, io.EOF) || (wantErr == nil) != (gotErr == nil):
			t.Errorf("%q: error %v, textproto's reading %v", in, gotErr, wantErr)
		case wantErr != nil && !errors.Is(wantErr, io.EOF) && !errors.Is(gotErr, errFraming):
			t.Errorf("%q: error %v, want a framing error", in, gotErr)
		case string(got) != string(want):
			t.Errorf("%q: body %q, textproto's reading %q", in, got, want)
		}
	}
}

// textprotoRead is reader.read as it was written with net/textproto.
func textprotoRead(in string) ([]byte, error) {
	br := bufio.NewReader(strings.NewReader(in))
	h, err := textproto.NewReader(br).ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(h) == 0 {
			return nil, io.EOF
		}
		return nil, errFraming
	}
	n, err := strconv.Atoi(strings.TrimSpace(h.Get("Content-Length")))
	if err != nil || n < 0 || n > maxMessage {
		return nil, errFraming
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(br, body); err != nil {
		return nil, errFraming
	}
	return body, nil
}
