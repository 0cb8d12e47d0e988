package lint

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/apigwlint/apigwlint/internal/fileio"
	"github.com/apigwlint/apigwlint/internal/loader"
)

// notRegular is the error for a path that names something other than a
// regular file.
const notRegular = "not a regular file (a FIFO, socket or device cannot be linted)"

// readInput reads one input with the size limit applied before reading.
func readInput(in input, stdin io.Reader, lim loader.Limits) ([]byte, *loader.Error) {
	var r io.Reader
	size := int64(-1) // unknown
	if in.stdin {
		r = stdin
	} else {
		// Stat first: opening a FIFO blocks until something writes to it.
		// openFlags also makes the open itself non-blocking where it can,
		// in case the file is replaced between the two.
		if st, err := os.Stat(in.path); err != nil {
			return nil, &loader.Error{Path: in.path, Msg: fileio.Describe(err)}
		} else if !st.Mode().IsRegular() {
			return nil, &loader.Error{Path: in.path, Msg: notRegular}
		}
		f, err := os.OpenFile(in.path, openFlags, 0)
		if err != nil {
			return nil, &loader.Error{Path: in.path, Msg: fileio.Describe(err)}
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, &loader.Error{Path: in.path, Msg: fileio.Describe(err)}
		}
		if !st.Mode().IsRegular() {
			return nil, &loader.Error{Path: in.path, Msg: notRegular}
		}
		if st.Size() > lim.MaxBytes {
			return nil, &loader.Error{Path: in.path, Msg: fmt.Sprintf("file is %d bytes, larger than the limit of %d bytes", st.Size(), lim.MaxBytes)}
		}
		r = f
		size = st.Size()
	}
	data, err := readSized(io.LimitReader(r, lim.MaxBytes+1), size)
	if err != nil {
		return nil, &loader.Error{Path: in.path, Msg: "cannot read: " + err.Error()}
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &loader.Error{Path: in.path, Msg: fmt.Sprintf("input is larger than the limit of %d bytes", lim.MaxBytes)}
	}
	return data, nil
}

// readSized reads r to its end. When the size is known (a regular file), the
// buffer is allocated once at that size, plus one byte to see the end:
// io.ReadAll's doubling would leave a huge input's buffer up to a quarter
// larger than the file, for the whole run, and copy it several times.
func readSized(r io.Reader, size int64) ([]byte, error) {
	if size < 0 {
		return io.ReadAll(r)
	}
	buf := make([]byte, 0, size+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) { // the file grew while read
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// apiMarkers are texts that only API Gateway, OpenAPI and CloudFormation
// files contain. A file found by walking a folder that fails to parse is an
// error only when it holds one; other unparsable files (Helm charts,
// templates of other tools) are not ours to judge.
var apiMarkers = [][]byte{
	[]byte("x-amazon-apigateway"), []byte("swagger"), []byte("openapi"), []byte("AWS::ApiGateway"),
	[]byte("AWS::Serverless"), []byte("restApiId"), []byte("integrationHttpMethod"),
	[]byte("aws_api_gateway_"), []byte("aws_apigatewayv2_"),
}

func mentionsAPI(src []byte) bool {
	for _, m := range apiMarkers {
		if bytes.Contains(src, m) {
			return true
		}
	}
	return false
}
