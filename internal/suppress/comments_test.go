package suppress

import (
	"fmt"
	"strings"
	"testing"
)

// comments renders where scanLines finds comments: "line:text" for each.
func comments(src string) string {
	var out []string
	for i, l := range scanLines([]byte(src)) {
		if l.comment >= 0 {
			out = append(out, fmt.Sprintf("%d:%s", i+1, src[l.comment:l.end]))
		}
	}
	return strings.Join(out, " | ")
}

// TestScanLinesComments checks that '#' is taken for a comment exactly where
// YAML takes it: not inside quoted strings (also over several lines), block
// scalars or plain words, and yes after them.
func TestScanLinesComments(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"own line and trailing", "# a\nk: v # b\n", "1:# a | 2:# b"},
		{"no space before #", "k: v#x\nu: http://h/#frag\n", ""},
		{"tab before #", "k: v\t# c\n", "1:# c"},
		{"double quotes", `k: "a # b" # c` + "\n", "1:# c"},
		{"escaped double quote", `k: "a \" # b" # c` + "\n", "1:# c"},
		{"single quotes with ''", "k: 'it''s # b' # c\n", "1:# c"},
		{"apostrophe in a plain scalar", "k: it's # c\nj: don't 'x # d\n", "1:# c | 2:# d"},
		{"double quotes over lines", "k: \"a\n  # not\n  b\" # c\nj: 1 # d\n", "3:# c | 4:# d"},
		{"single quotes over lines", "k: 'a\n  # not\n  b' # c\n", "3:# c"},
		{"flow sequence", "k: [\"# a\", '# b'] # c\n", "1:# c"},
		{"JSON", "{\"k\":\"# a\", \"j\": [\"#b\"]}\n", ""},
		{"sequence entry quote", "- \"# a\" # c\n- '# b'\n", "1:# c"},
		{"dash inside a word", "k: a-'# b\n", ""},
		{"literal block", "k: |\n  # not\n  #set($a = 1)\n\n  x\nj: 1 # c\n", "6:# c"},
		{"folded block with indicators", "k: >-2 # c\n    # not\nj: 1\n", "1:# c"},
		{"block in a sequence", "- |\n  # not\n- x # c\n", "3:# c"},
		{"block under a dashed key", "- k: |\n    # not\n  j: 1 # c\n", "3:# c"},
		{"block with a tag", "k: !!str |\n  # not\n", ""},
		{"comment ends a block", "k: |\n  x\n# c\n", "3:# c"},
		{"CRLF", "k: v # c\r\n# d\r\n", "1:# c | 2:# d"},
	}
	for _, tt := range tests {
		if got := comments(tt.src); got != tt.want {
			t.Errorf("%s: comments %q, want %q\n%s", tt.name, got, tt.want, tt.src)
		}
	}
}

// TestReach checks which lines a directive covers.
func TestReach(t *testing.T) {
	src := `a:
  # d3 (line 2) covers b and its value
  b:
    c: 1 # d4
    e: |
      text
  # d7, then a blank line: covers nothing

  f: 2
  # d10
  # another comment
  g:
  - 1
  - 2
h: 3
# d16 at the end
`
	lines := scanLines([]byte(src))
	for _, tt := range []struct{ line, from, to int }{
		{2, 3, 6}, {4, 4, 4}, {7, 0, 0}, {10, 12, 14}, {16, 0, 0},
	} {
		from, to := reach(lines, tt.line-1)
		if from != tt.from || to != tt.to {
			t.Errorf("directive on line %d reaches %d-%d, want %d-%d", tt.line, from, to, tt.from, tt.to)
		}
	}
}

// TestSplitDirective checks how the text after apigwlint:ignore splits into
// rules and reason.
func TestSplitDirective(t *testing.T) {
	for in, want := range map[string]string{
		" AGW108 slow backend":         "[AGW108]|slow backend",
		" AGW108,timeout  two rules":   "[AGW108 timeout]|two rules",
		" AGW108 , AGW101 -- spaced":   "[AGW108 AGW101]|spaced",
		" AGW108: colon":               "[AGW108]|colon",
		" AGW108":                      "[AGW108]|",
		"":                             "[]|",
		" AGW108 — em dash, then text": "[AGW108]|em dash, then text",
		" AGW108 reason, with a comma": "[AGW108]|reason, with a comma",
	} {
		names, reason := splitDirective(in)
		if got := fmt.Sprintf("%v|%s", names, reason); got != want {
			t.Errorf("splitDirective(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestNearMiss checks which comments are taken for a mistyped
// apigwlint:ignore: other letter cases, a space, dash or underscore for the
// colon, a misspelt ignore; not the directive itself, nor a comment that
// only mentions apigwlint.
func TestNearMiss(t *testing.T) {
	for body, want := range map[string]string{
		"apigwlint:ignore AGW108 why":   "",
		"apigwlint: ignore AGW108 why":  "apigwlint: ignore",
		"apigwlint:  ignore AGW108 why": "apigwlint:  ignore",
		"apigwlint-ignore AGW108 why":   "apigwlint-ignore",
		"apigwlint_ignore AGW108 why":   "apigwlint_ignore",
		"apigwlint ignore AGW108 why":   "apigwlint ignore",
		"APIGWLINT:IGNORE AGW108 why":   "APIGWLINT:IGNORE",
		"Apigwlint:Ignore AGW108 why":   "Apigwlint:Ignore",
		"apigwlint:ingore AGW108 why":   "apigwlint:ingore",
		"apigwlint:ignroe":              "apigwlint:ignroe",
		"apigwlint is run in CI":        "",
		"apigwlint: see the README":     "",
		"apigwlint:disable AGW108":      "",
		"apigwlint":                     "",
	} {
		got, ok := nearMiss(body)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("nearMiss(%q) = %q, want %q", body, got, want)
		}
	}
}

// TestMentionsTool: the comment scan runs only when a comment starts with
// the tool's name, not for the word elsewhere.
func TestMentionsTool(t *testing.T) {
	for src, want := range map[string]bool{
		"a: 1 # apigwlint:ignore AGW108 x\n": true,
		"#apigwlint-ignore\n":                true,
		"  #  \tAPIGWLINT: IGNORE x\n":       true,
		"info: {title: apigwlint demo}\n":    false,
		"a: 1\n":                             false,
		"apigwlint":                          false,
	} {
		if got := mentionsTool([]byte(src)); got != want {
			t.Errorf("mentionsTool(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestScanHCLLinesComments checks that # and // comments are found where
// HCL's lexer finds them: not inside quoted strings or heredocs, and the
// lines of a heredoc are content a directive above its attribute reaches.
func TestScanHCLLinesComments(t *testing.T) {
	hclComments := func(src string) string {
		var out []string
		for i, l := range scanHCLLines([]byte(src)) {
			if l.comment >= 0 {
				out = append(out, fmt.Sprintf("%d:%s", i+1, src[l.comment:l.end]))
			}
		}
		return strings.Join(out, " | ")
	}
	tests := []struct{ name, src, want string }{
		{"hash and slashes", "# a\nx = 1 // b\n// c\n", "1:# a | 2:// b | 3:// c"},
		{"in strings", "x = \"# a // b\" # c\nu = \"http://h/#f\"\n", "1:# c"},
		{"heredoc", "t = <<EOF\n# not\n// not\nEOF\ny = 1 # c\n", "5:# c"},
		{"indented heredoc", "t = <<-EOT\n  # not\n  EOT # c\n", ""},
		{"block comment", "/* # not */ x = 1\n/*\n# not\n*/\n", ""},
		{"CRLF", "x = 1 # c\r\n// d\r\n", "1:# c | 2:// d"},
	}
	for _, tt := range tests {
		if got := hclComments(tt.src); got != tt.want {
			t.Errorf("%s: comments %q, want %q\n%s", tt.name, got, tt.want, tt.src)
		}
	}
	// A directive above an attribute whose heredoc starts at column 1
	// reaches the heredoc's lines and the lines after it in the block.
	lines := scanHCLLines([]byte("r {\n  # d\n  t = <<EOF\nx\nEOF\n  y = 1\n}\n"))
	if from, to := reach(lines, 1); from != 3 || to != 5 {
		t.Errorf("reach %d..%d; want 3..5", from, to)
	}
}
