//go:build unix

package lint

import (
	"os"
	"syscall"
)

// openFlags opens inputs without blocking: a FIFO put where a regular file
// was found a moment before must not hang the run (the file type is then
// checked on the open file).
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
