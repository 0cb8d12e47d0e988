package loader

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/fuzzcheck"
)

// fastCases are small texts for each construct the fast path reads, and
// for what it must decline. Each must give the reference path's result;
// take says whether the fast path must take it.
var fastCases = []struct {
	name, text string
	take       bool
}{
	{"mapping", "a: 1\nb: two\n", true},
	{"nested mapping", "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", true},
	{"sequence", "- a\n- b\n", true},
	{"compact mapping in a sequence", "- a: 1\n  b: 2\n- c: 3\n", true},
	{"sequence in a sequence", "- - x\n  - y\n- z\n", true},
	{"sequence at the key's indentation", "a:\n- 1\n- 2\nb: 3\n", true},
	{"sequence of mappings at the key's indentation", "a:\n- x: 1\n  y: 2\n- z: 3\nb: 4\n", true},
	{"quoted value with a colon", "key: \"a: b\"\n", true},
	{"plain without space after the colon", "key:value\n", true},
	{"url", "u: http://example.com:8080/a#frag\n", true},
	{"hash inside a scalar", "a: b#c\nd: 'e # f'\n", true},
	{"comment after a value", "a: b # c\n# own line\nd: e\n", true},
	{"comment after a key", "a: # c\n  b: 1\n", true},
	{"trailing spaces", "a: b   \nc:   \n", true},
	{"CRLF", "a: b\r\nc:\r\n  - d\r\n  - 'e'\r\n", true},
	{"CRLF block scalar", "a: |\r\n  x\r\n  y\r\nb: 1\r\n", true},
	{"empty values", "a:\nb:\nc: ~\nd: null\n", true},
	{"empty sequence entries", "- \n-\n- x\n", true},
	{"only comments", "# nothing\n\n# here\n", true},
	{"empty text", "", true},
	{"leading document marker", "---\na: 1\n", true},
	{"resolved tags", "a: 1\nb: 1.5\nc: true\nd: False\ne: 0x1f\nf: 1_000\ng: .inf\nh: -0\ni: 2001-12-14\nj: 2001-12-14T21:59:43.10-05:00\nk: yes\nl: +12\nm: 1e3\nn: '1'\n", true},
	{"integer keys", "responses:\n  200: ok\n  '404': missing\n", true},
	{"merge key", "a: &x {m: 1}\nb:\n  <<: *x\n  n: 2\n", true},
	{"single quotes", "a: 'it''s'\nb: ''\n", true},
	{"double-quoted escapes", `a: "tab\there \"q\" \\ \/ \x41 \u00e9 \U0001F600 \N \_ \L \P \0 \e \a \b \v \f \r \n \ end"` + "\n", true},
	{"escaped tab", "a: \"x\\\ty\"\n", true},
	{"multi-line plain", "a: one\n  two\n\n  three\n\n\n  four\nb: 1\n", true},
	{"multi-line plain in a sequence", "- one\n  two\n- three\n", true},
	{"multi-line single-quoted", "a: 'one\n  two\n\n  three'\n", true},
	{"multi-line double-quoted", "a: \"one\n  two \\\n  three\\n\n\n  four\"\n", true},
	{"literal", "a: |\n  line 1\n    indented\n\n  line 3\nb: 1\n", true},
	{"literal keep", "a: |+\n  x\n\n\nb: 1\n", true},
	{"literal strip", "a: |-\n  x\n\nb: 1\n", true},
	{"folded", "a: >\n  one\n  two\n\n  three\n    more\n  four\nb: 1\n", true},
	{"folded with indicator", "a: >2-\n    x\n   y\nb: 1\n", true},
	{"indicator then chomping", "a: |1+\n  x\nb: 1\n", true},
	{"block scalar with a comment", "a: | # c\n  x\n", true},
	{"block scalar in a sequence", "- |\n  x\n- >-\n  y\n  z\n", true},
	{"block scalar with leading blank lines", "a: |\n\n  x\n", true},
	{"block scalar more indented blank", "a: |\n     \n  x\n", false},
	{"block scalar with spaces on a blank line", "a: |\n  x\n   \n  y\n", true},
	{"empty block scalar", "a: |\nb: 1\n", true},
	{"flow", "a: {b: 1, c: [x, 'y', \"z\"], d: {}}\ne: []\n", true},
	{"flow over lines", "a: [\n  1,\n  2,\n]\nb: {\n  c: d\n}\n", true},
	{"flow json keys", "a: {\"b\":[1,{\"c\": true}]}\n", true},
	{"flow trailing comma", "a: [1, 2,]\n", true},
	{"flow with tags", "a: !Join ['', [!Ref X, '-y']]\n", true},
	{"tags", "a: !Sub 'x'\nb: !Ref y\nc: !GetAtt A.Arn\nd: !!str 1\ne: !!int '2'\n", true},
	{"tag on a collection", "a: !Sub\n  - x\n  - y: 1\nb: !!map\n  c: 1\n", true},
	{"tag on a sequence at the key's indentation", "a: !Sub\n- x\n- y\n", true},
	{"anchors and aliases", "a: &x 1\nb: *x\nc: &y\n  d: 1\ne: *y\nf: [*x, *y]\n", true},
	{"anchor and tag", "a: &x !Ref y\nb: !Ref &z w\n", true},
	{"alias inside its anchor", "a: &x\n  b: *x\n", true},
	{"redefined anchor", "a: &x 1\nb: &x\n  c: *x\n", true},
	{"key with spaces before the colon", "a  : 1\n", true},
	{"quoted keys", "\"a b\": 1\n'c': 2\n", true},
	{"dash scalars", "- -1\n- -x\n- :x\n- ?y\n", true},
	{"unicode columns", "é: ü\nñ: [ä, ö]\n", true},
	{"top-level scalar", "hello\n", true},
	{"top-level multi-line scalar", "hello\nworld\n", true},
	{"duplicate keys", "a: 1\nb: 2\na: 3\n", true},
	{"no final newline", "a: b", true},
	{"tab on a blank line", "a: 1\n\t\nb: 2\n", true},
	{"tab on a blank line in a plain scalar", "a: one\n \t \n  two\n", true},
	{"deep", "a:\n  b:\n    c:\n      d: [[[1]]]\n", true},

	{"explicit key", "? a\n: 1\n", false},
	{"complex key", "[a]: 1\n", false},
	{"tab indentation", "a:\n\tb: 1\n", false},
	{"tab after a value", "a: b\t\n", false},
	{"second document", "a: 1\n---\nb: 2\n", false},
	{"document end", "a: 1\n...\n", false},
	{"directive", "%YAML 1.2\n---\na: 1\n", false},
	{"mapping in a value", "a: b: c\n", false},
	{"unknown alias", "a: *x\n", false},
	{"bad escape", "a: \"\\q\"\n", false},
	{"unterminated quote", "a: 'x\n", false},
	{"bad indentation", "a: 1\n  b: 2\n", false},
	{"single-pair flow mapping", "a: [b: c]\n", false},
	{"key without value in flow", "a: {b}\n", false},
	{"verbatim tag", "a: !<tag:x> b\n", false},
	{"only a document marker", "---\n", false},
	{"block scalar at the end without a newline", "a: |\n  x", false},
	{"wrong dedent", "a:\n    b: 1\n  c: 2\n", false},
}

func TestFastYAMLCases(t *testing.T) {
	for _, tt := range fastCases {
		t.Run(tt.name, func(t *testing.T) {
			problem, taken, why := parseBoth([]byte(tt.text), DefaultLimits)
			if problem != "" {
				t.Fatal(problem)
			}
			if taken != tt.take {
				t.Fatalf("taken = %v (%s), want %v", taken, why, tt.take)
			}
		})
	}
}

// TestFastYAMLDepth checks the depth limit at every value around the real
// depth: the fast path declines where the reference path fails.
func TestFastYAMLDepth(t *testing.T) {
	text := []byte("a:\n  b:\n  - c: [[{d: 1}]]\n")
	for depth := 1; depth <= 10; depth++ {
		if problem, _, _ := parseBoth(text, Limits{MaxDepth: depth}); problem != "" {
			t.Errorf("depth %d: %s", depth, problem)
		}
	}
}

// TestResolvePlainMatchesLibrary compares resolvePlain with the tags the
// library gives plain scalars.
func TestResolvePlainMatchesLibrary(t *testing.T) {
	for _, s := range []string{"", "~", "null", "NULL", "nULL", "true", "tRUE", "yes", "on", "1", "-1", "+1", "0x1F", "0o17", "017", "0b101", "1_000",
		"1.5", "1e3", "-.5", ".5", "1.", ".", "+", "1e", "9223372036854775808", "18446744073709551616", "-9223372036854775809",
		"2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-12-14 21:59:43.10 -5", "2001-1-1", "20011214",
		".nan", ".NaN", ".inf", "-.inf", "+.INF", "-0", "-0.0", "+0", "<<", "<", "0.1.2", "1_", "_1", "0x", "1__0"} {
		problem, taken, _ := parseBoth([]byte("k: "+s+"\n"), DefaultLimits)
		if problem != "" {
			t.Errorf("%q: %s", s, problem)
		}
		if !taken {
			t.Errorf("%q: declined", s)
		}
	}
}

// FuzzFastYAML checks on arbitrary text that the fast path never panics
// and, whenever it takes a text, gives exactly the reference path's
// result; and the same with every text cut in pieces (parseFastSplit),
// whose tree must also be the whole scan's.
//
//	go test -run='^$' -fuzz='^FuzzFastYAML$' -fuzztime=10m ./internal/loader
func FuzzFastYAML(f *testing.F) {
	for _, tt := range fastCases {
		f.Add([]byte(tt.text))
	}
	for _, s := range fuzzcheck.Seeds("../../testdata/loader", "../../testdata/rules") {
		f.Add(s)
	}
	for _, tt := range splitEdges {
		f.Add([]byte(tt.text))
	}
	for _, tt := range fastSplitEdges {
		f.Add([]byte(tt.text))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		if problem, _, _ := parseBoth(text, Limits{MaxDepth: 30}); problem != "" {
			t.Fatal(problem)
		}
		splitAlways(t)
		if _, _, problem := fastSplitProblem(text, 30); problem != "" {
			t.Fatal("in pieces: " + problem)
		}
		if problem, _, _ := parseBoth(text, Limits{MaxDepth: 30}); problem != "" {
			t.Fatal("in pieces: " + problem)
		}
	})
}
