package main

import (
	"fmt"
	"os"

	"github.com/apigwlint/apigwlint/rules"
)

// check is rules.Check; tests replace it to make the checking of one file
// panic and see the run survive it.
var check = rules.Check

// outputIsInput returns why the run must not start when --output names
// one of the files to lint (by any path, links included): the report
// would replace the file, and apigwlint never writes to what it reads.
func outputIsInput(output string, files []input) string {
	if output == "" {
		return ""
	}
	out, err := os.Stat(output)
	if err != nil {
		return "" // a new file cannot be an input
	}
	for _, in := range files {
		if in.stdin {
			continue
		}
		if st, err := os.Stat(in.path); err == nil && os.SameFile(out, st) {
			return fmt.Sprintf("--output %s is %s, one of the files to lint; the report would replace it", output, in.path)
		}
	}
	return ""
}
