package main

import (
	"fmt"
	"os"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// check is rules.Check; tests replace it to make the checking of one file
// panic and see the run survive it.
var check = rules.Check

// outputIsInput returns why the run must not start when a file apigwlint
// is to write (--output, --sarif-output, --write-baseline) is one of the
// files to lint, by any path, links included: a file named on the command
// line, or one found by a walk or a glob that holds API content. apigwlint
// never writes to what it reads. A file found by a walk that holds no API
// content (the report of the previous run) may be replaced: see
// withoutOutputs.
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
		if st, err := os.Stat(in.path); err == nil && os.SameFile(out, st) && (in.explicit || holdsAPI(in)) {
			return fmt.Sprintf("--output %s is %s, one of the files to lint; the report would replace it", output, in.path)
		}
	}
	return ""
}

// holdsAPI reports whether a file found by a walk is one apigwlint would
// lint (or fail to parse and report): anything but that is not an input.
func holdsAPI(in input) bool {
	src, rerr := readInput(in, nil, loader.DefaultLimits)
	if rerr != nil {
		return true // cannot tell: keep it safe
	}
	res, err := loader.Load(in.path, src, loader.DefaultLimits)
	if err != nil {
		return mentionsAPI(src)
	}
	return res.Content != loader.ContentNone
}

// withoutOutputs drops from files the ones that a file apigwlint writes
// names: the report or baseline of a previous run, found by walking the
// folder it was written to, is replaced, not linted.
func withoutOutputs(files []input, outputs ...string) []input {
	var outs []os.FileInfo
	for _, o := range outputs {
		if o == "" {
			continue
		}
		if st, err := os.Stat(o); err == nil {
			outs = append(outs, st)
		}
	}
	if len(outs) == 0 {
		return files
	}
	kept := files[:0:0]
	for _, in := range files {
		drop := false
		if !in.stdin {
			if st, err := os.Stat(in.path); err == nil {
				for _, o := range outs {
					drop = drop || os.SameFile(o, st)
				}
			}
		}
		if !drop {
			kept = append(kept, in)
		}
	}
	return kept
}
