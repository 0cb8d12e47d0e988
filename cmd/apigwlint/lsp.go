package main

import (
	"fmt"
	"io"

	"github.com/apigwlint/apigwlint/internal/lsp"
)

// serveLSP runs the language server on the process's standard streams.
// The flags that configure a lint (--config, --disable, --timeout-ceiling
// ...) apply to every document; paths are not taken: the editor names the
// documents. The exit code is 0 after shutdown and exit, 1 when the client
// exits without shutdown, as the protocol asks, and 2 on a broken stream.
func serveLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, err := parseArgs(args)
	if err != nil {
		return fail(stderr, err)
	}
	if len(o.Paths) > 0 {
		return fail(stderr, fmt.Errorf("lsp takes no PATH: the editor sends the documents"))
	}
	clean, err := lsp.New(stdin, stdout, o.Options, toolVersion()).Serve()
	switch {
	case err != nil:
		return fail(stderr, err)
	case !clean:
		return 1
	}
	return exitClean
}
