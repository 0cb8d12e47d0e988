//go:build bench

// Command floor-scan is the hardware floor of the performance comparison:
// it reads one file and finds every integration in it with a plain byte
// search for the extension's key, building nothing. No linter can do less
// and still see every integration, so the gap between apigwlint and this
// is what a tree (any tree) and the rules cost.
package main

import (
	"bytes"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor-scan FILE")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	key := []byte("x-amazon-apigateway-integration")
	n := 0
	for i := bytes.Index(src, key); i >= 0; {
		n++
		j := bytes.Index(src[i+len(key):], key)
		if j < 0 {
			break
		}
		i += len(key) + j
	}
	if n == 0 {
		fmt.Fprintln(os.Stderr, "floor-scan: no integration found")
		os.Exit(1)
	}
}
