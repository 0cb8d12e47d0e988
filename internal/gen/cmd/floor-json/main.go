//go:build bench

// Command floor-json is the JSON floor of the performance comparison: it
// reads one file and decodes it with encoding/json into an any (no
// positions), and prints nothing.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor-json FILE")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var v any
	if err := json.Unmarshal(src, &v); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
