//go:build !unix

package lint

import "os"

// openFlags opens inputs; see open_unix.go.
const openFlags = os.O_RDONLY
