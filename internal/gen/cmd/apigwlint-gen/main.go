//go:build bench

// Command apigwlint-gen writes a generated API Gateway document (see
// package internal/gen) for benchmarks and scripts:
//
//	go run -tags bench ./internal/gen/cmd/apigwlint-gen -n 10000 -format openapi3-yaml -plant 100 -o big.yaml
//
// It is behind the bench build tag so that go build ./... and
// go install ./... only build apigwlint itself.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/apigwlint/apigwlint/internal/gen"
)

func main() {
	n := flag.Int("n", 1000, "number of integrations")
	format := flag.String("format", "openapi3-yaml", "openapi3-yaml, openapi3-json, swagger2-yaml, sam-yaml or terraform")
	seed := flag.Int64("seed", 1, "seed for names and values")
	plantEvery := flag.Int("plant", 0, "plant one mistake in every N-th integration (0: none)")
	out := flag.String("o", "-", "output file (- for standard output)")
	planted := flag.Bool("planted", false, "print the expected findings per rule (rule count) instead of the document")
	flag.Parse()
	if flag.NArg() > 0 {
		fail(fmt.Errorf("unexpected argument %q", flag.Arg(0)))
	}
	f, err := gen.ParseFormat(*format)
	if err != nil {
		fail(err)
	}
	opts := gen.Options{Integrations: *n, Format: f, Seed: *seed, PlantEvery: *plantEvery}
	var w io.Writer = os.Stdout
	var file *os.File
	if *out != "-" {
		if file, err = os.Create(*out); err != nil {
			fail(err)
		}
		w = file
	}
	if *planted {
		bw := bufio.NewWriter(w)
		counts := gen.Planted(opts)
		ids := make([]string, 0, len(counts))
		for id := range counts {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			fmt.Fprintf(bw, "%s %d\n", id, counts[id])
		}
		err = bw.Flush()
	} else {
		err = gen.Write(w, opts)
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "apigwlint-gen: %v\n", err)
	os.Exit(2)
}
