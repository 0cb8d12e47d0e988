package main

import (
	"bytes"
	"strings"

	"github.com/apigwlint/apigwlint/internal/fileio"
)

// The documentation pages of the rules, docs/rules/<name>.md, are rendered
// by internal/ruledoc from the rule metadata (internal/rules/docs/<name>.md)
// with apigwlint's real output on each example, which lintExample gets by
// running the command on it. TestGeneratedDocs keeps the committed pages
// equal to that rendering (go test ./cmd/apigwlint -update rewrites them),
// and apigwlint explain prints it.

// docsDir is where the generated pages live, relative to the repository root.
const docsDir = "docs/rules"

// lintExample runs apigwlint on one example, given on standard input, and
// returns what it prints with the file shown as name, and its exit code.
func lintExample(name, src string) (string, int) {
	var stdout, stderr bytes.Buffer
	// No configuration: the page shows what the rule does by default,
	// whatever .apigwlint.yaml the reader's folder has.
	args := []string{"--no-config", "--color", "never", "-"}
	if strings.HasSuffix(name, ".tf") {
		// A Terraform example is read as the .tf file it is named.
		args = []string{"--no-config", "--color", "never", "--stdin-filename", name, "-"}
	}
	code := run(args, strings.NewReader(src), &stdout, &stderr)
	out := stdout.String() + stderr.String()
	return strings.ReplaceAll(out, fileio.StdinName+":", name+":"), code
}
