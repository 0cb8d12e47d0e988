//go:build !unix

package main

import "os"

// openFlags opens inputs; see open_unix.go.
const openFlags = os.O_RDONLY
