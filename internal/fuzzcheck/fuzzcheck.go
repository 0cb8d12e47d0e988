// Package fuzzcheck holds what the fuzz targets of the loader and of the
// whole lint assert about their results, and how they find their seeds.
// It is used by tests only.
package fuzzcheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// Lines splits src (as the loader keeps it: without a leading BOM) into
// lines, without their "\n".
func Lines(src []byte) [][]byte { return bytes.Split(src, []byte("\n")) }

// Inside reports whether a 1-based line and column lie inside the text:
// the line exists and the column is at most one past its last character
// (code points).
func Inside(lines [][]byte, line, col int) bool {
	return line >= 1 && line <= len(lines) && col >= 1 && col <= utf8.RuneCount(lines[line-1])+1
}

// SpanProblem returns what is wrong with a span in the text, or "".
func SpanProblem(lines [][]byte, s doc.Span) string {
	if !Inside(lines, s.Line, s.Col) {
		return fmt.Sprintf("start %d:%d is outside the input (%d lines)", s.Line, s.Col, len(lines))
	}
	if s.EndLine == 0 && s.EndCol == 0 {
		return ""
	}
	if !Inside(lines, s.EndLine, s.EndCol) {
		return fmt.Sprintf("end %d:%d is outside the input (%d lines)", s.EndLine, s.EndCol, len(lines))
	}
	if s.EndLine < s.Line || s.EndLine == s.Line && s.EndCol < s.Col {
		return fmt.Sprintf("end %d:%d is before the start %d:%d", s.EndLine, s.EndCol, s.Line, s.Col)
	}
	return ""
}

// MessageProblem returns what makes a message unsafe to print on one line
// of a report, or "": a line break or another control character, which
// could forge a line of text output or a workflow command.
func MessageProblem(msg string) string {
	for _, r := range msg {
		if r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return fmt.Sprintf("control character %U in the message %q", r, msg)
		}
	}
	return ""
}

// Resolve follows a JSON pointer from root, through mappings (the last of
// duplicate keys, merge keys followed, as doc.Get does), sequences and
// aliases. It reports false when a token names nothing.
func Resolve(root *doc.Node, ptr string) (*doc.Node, bool) {
	if ptr == "" {
		return root, true
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil, false
	}
	n := root
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		n = doc.Resolve(n)
		switch {
		case n == nil:
			return nil, false
		case n.Kind == doc.MappingNode:
			k, v := doc.Get(n, tok)
			if k == nil {
				return nil, false
			}
			n = v
		case n.Kind == doc.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil, false
			}
			n = n.Content[i]
		default:
			return nil, false
		}
	}
	return n, true
}

// maxSeed is the largest seed file used: bigger ones slow every execution
// the fuzzer derives from them.
const maxSeed = 64 << 10

// Seeds returns the contents of the YAML and JSON files (and the other
// files of corpus folders) below dirs, sorted by path, skipping missing
// folders, goldens, the SARIF schema and files over 64 KiB.
func Seeds(dirs ...string) [][]byte {
	var paths []string
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			name := d.Name()
			switch {
			case strings.HasSuffix(name, ".golden"), strings.HasSuffix(name, ".tsv"), strings.HasSuffix(name, ".md"),
				strings.Contains(name, "sarif-schema"), strings.HasSuffix(name, ".go"):
				return nil
			}
			if info, err := d.Info(); err == nil && info.Mode().IsRegular() && info.Size() <= maxSeed {
				paths = append(paths, p)
			}
			return nil
		})
	}
	var out [][]byte
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			out = append(out, b)
		}
	}
	return out
}

// HasDuplicateKeys reports whether a mapping written in the tree has a key
// twice (merge keys aside). A JSON pointer through such a key names the
// last one, as doc.Get does, while the loader also walks the others:
// then a pointer resolves, but not always to the node it was made for.
func HasDuplicateKeys(n *doc.Node) bool {
	if n == nil || n.Kind == doc.AliasNode {
		return false
	}
	if n.Kind == doc.MappingNode {
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != doc.ScalarNode || k.Value == "<<" || k.Tag == "!!merge" {
				continue
			}
			if seen[k.Value] {
				return true
			}
			seen[k.Value] = true
		}
	}
	for _, c := range n.Content {
		if HasDuplicateKeys(c) {
			return true
		}
	}
	return false
}

// FindingProblem returns what is wrong with a finding of a fuzzed input,
// or "": it lies outside the input (see SpanProblem), its message is not
// one clean line (MessageProblem), or its JSON pointer does not resolve in
// the file's tree.
func FindingProblem(lines [][]byte, root *doc.Node, f rules.Finding) string {
	if p := SpanProblem(lines, f.Span); p != "" {
		return fmt.Sprintf("%s finding %q: %s", f.RuleID, f.Message, p)
	}
	if p := MessageProblem(f.Message); p != "" {
		return fmt.Sprintf("%s finding: %s", f.RuleID, p)
	}
	if n, ok := Resolve(root, f.Pointer); !ok || n == nil && f.Pointer != "" {
		return fmt.Sprintf("%s finding %q: pointer %q does not resolve", f.RuleID, f.Message, f.Pointer)
	}
	return ""
}
