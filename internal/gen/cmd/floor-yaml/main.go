//go:build bench

// Command floor-yaml is the YAML floor of the performance comparison: it
// reads one file and decodes it into a go.yaml.in/yaml/v4 node tree, the
// least any YAML linter that reports positions must do, and prints nothing.
package main

import (
	"fmt"
	"os"

	yaml "go.yaml.in/yaml/v4"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor-yaml FILE")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
