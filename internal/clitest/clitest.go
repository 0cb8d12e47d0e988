// Package clitest holds what the tests that run apigwlint and compare its
// output share: cmd/apigwlint's end-to-end tests and integration/'s runs of
// the Action and pre-commit. It is imported by tests only.
package clitest

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// LineDiff shows the first lines where want and got differ.
func LineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n   got %q\n", i+1, wl, gl)
			shown++
		}
	}
	if len(w) != len(g) {
		fmt.Fprintf(&b, "want %d lines, got %d\n", len(w), len(g))
	}
	return b.String()
}

// ReadAll reads a file or fails the test.
func ReadAll(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// srcRootURI matches the working folder SARIF names as %SRCROOT%.
var srcRootURI = regexp.MustCompile(`("%SRCROOT%": \{\s*"uri": ")[^"]*(")`)

// NormalizeSARIFRoot replaces the working folder of a SARIF log
// (originalUriBaseIds), which depends on where the test runs, with a fixed
// marker.
func NormalizeSARIFRoot(s string) string {
	return srcRootURI.ReplaceAllString(s, "${1}file:///SRCROOT/${2}")
}
