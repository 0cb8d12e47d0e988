package lint

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadSized checks that reading with the size from stat gets every
// byte whether the file kept that size, grew or shrank while it was read.
func TestReadSized(t *testing.T) {
	text := strings.Repeat("openapi: 3.0.0\n", 1000)
	for _, size := range []int64{int64(len(text)), 0, 10, int64(len(text)) * 2, -1} {
		got, err := readSized(iotest.OneByteReader(strings.NewReader(text)), size)
		if err != nil || string(got) != text {
			t.Errorf("size %d: read %d bytes, err %v; want %d bytes", size, len(got), err, len(text))
		}
	}
	if _, err := readSized(iotest.ErrReader(errors.New("disk on fire")), 10); err == nil || err.Error() != "disk on fire" {
		t.Errorf("error = %v", err)
	}
}
