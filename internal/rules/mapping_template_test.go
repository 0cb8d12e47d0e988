package rules

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/vtl"
	yaml "go.yaml.in/yaml/v4"
)

func TestScalarPosition(t *testing.T) {
	tests := []struct {
		name, src string
		key       string // the key whose value is the template
		needle    string // the text to locate in the value
		line, col int    // 0 when no exact position may be given
	}{
		{name: "literal", src: "a: |\n  x\n  #end\n", key: "a", needle: "#end", line: 3, col: 3},
		{name: "literal keeps inner indentation", src: "a: |\n  x\n    #end\n", key: "a", needle: "#end", line: 3, col: 5},
		{name: "literal with indicator and comment", src: "a: |2- # note\n    x #end\n", key: "a", needle: "#end", line: 2, col: 7},
		{name: "tagged literal", src: "a: !Sub |\n  ${X}\n  #end\n", key: "a", needle: "#end", line: 3, col: 3},
		{name: "crlf", src: "a: |\r\n  x\r\n  #end\r\n", key: "a", needle: "#end", line: 3, col: 3},
		{name: "plain", src: "a: x.#end\n", key: "a", needle: "#end", line: 1, col: 6},
		{name: "double quoted with escapes", src: `a: "\"\U0001F600\" \n#end"` + "\n", key: "a", needle: "#end", line: 1, col: 22},
		{name: "double quoted multi-byte", src: "a: \"é\\t#end\"\n", key: "a", needle: "#end", line: 1, col: 8},
		{name: "single quoted", src: "a: 'it''s #end'\n", key: "a", needle: "#end", line: 1, col: 11},
		{name: "json", src: `{"a": "x\n#end"}`, key: "a", needle: "#end", line: 1, col: 11},
		{name: "folded", src: "a: >\n  x\n  #end\n", key: "a", needle: "#end"},
		{name: "double quoted over two lines", src: "a: \"x\n  #end\"\n", key: "a", needle: "#end"},
		{name: "plain over two lines", src: "a: x\n  y#end\n", key: "a", needle: "#end"},
		{name: "tag on its own line", src: "a: !Sub\n  |\n  x #end\n", key: "a", needle: "#end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(tt.src), &doc); err != nil {
				t.Fatal(err)
			}
			_, v := loader.Get(doc.Content[0], tt.key)
			off := strings.Index(v.Value, tt.needle)
			if off < 0 {
				t.Fatalf("%q not in %q", tt.needle, v.Value)
			}
			line, col, ok := scalarPosition(fileLines(&loader.File{Src: []byte(tt.src)}), v, off)
			if tt.line == 0 {
				if ok {
					t.Errorf("got %d:%d, want no exact position", line, col)
				}
				return
			}
			if !ok || line != tt.line || col != tt.col {
				t.Errorf("got %d:%d (ok %v), want %d:%d", line, col, ok, tt.line, tt.col)
			}
		})
	}
}

func TestUnescape(t *testing.T) {
	for esc, want := range map[string]struct {
		r rune
		n int
	}{
		`\ud83d\ude00x`: {0x1f600, 12}, // a JSON surrogate pair is one code point
		`\ud83dx`:       {0xfffd, 6},   // a lone surrogate, as the loader reads it
		`\U0001F600`:    {0x1f600, 10},
		`\x41`:          {'A', 4},
		`\/`:            {'/', 2},
	} {
		r, n, ok := unescape(esc)
		if !ok || r != want.r || n != want.n {
			t.Errorf("%s: got %U %d %v, want %U %d", esc, r, n, ok, want.r, want.n)
		}
	}
	if _, _, ok := unescape(`\q`); ok {
		t.Error(`\q decoded`)
	}
}

func TestSubAsVTL(t *testing.T) {
	tests := []struct {
		src  string
		want string // "" when the template cannot be judged
	}{
		{src: `a: !Sub '#if($x)${Arn}#end'`, want: `#if($x)xxxxxx#end`},
		{src: `a: !Sub '${AWS::Region} ${Res.Attr} ${!stageVariables.x}'`, want: `xxxxxxxxxxxxxx xxxxxxxxxxx  ${stageVariables.x}`},
		{src: "a: {Fn::Sub: ['#end${V}', {V: x}]}"},
		{src: "a: {Fn::Sub: ['#end${W}', {V: x}]}", want: "#endxxxx"},
		{src: "a: {Fn::Sub: ['#end${W}', !Ref Vars]}"},
		{src: `a: !Sub '${unclosed'`},
		{src: `a: !Sub '${stageVariables[0]}'`},
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(tt.src), &doc); err != nil {
			t.Fatal(err)
		}
		_, v := loader.Get(doc.Content[0], "a")
		cv := loader.Classify(v)
		if cv.Kind != loader.KindTemplate {
			t.Fatalf("%s: kind %v", tt.src, cv.Kind)
		}
		got, ok := subAsVTL(cv)
		if tt.want == "" {
			if ok {
				t.Errorf("%s: got %q, want not judged", tt.src, got)
			}
			continue
		}
		if got != tt.want || len(got) != len(cv.Text) {
			t.Errorf("%s: got %q, want %q", tt.src, got, tt.want)
		}
		if n := subScalar(cv.Node); n == nil || n.Value != cv.Text {
			t.Errorf("%s: subScalar does not hold the template", tt.src)
		}
	}
}

func TestRefProblem(t *testing.T) {
	for tpl, want := range map[string]string{
		"$context.requestId":                         "",
		"$context.requestID":                         "$context.requestID is not a context variable; expected $context.requestId",
		"$context.authorizer.anyKey_1":               "",
		"$context.identity.anything":                 "",
		"$context.identity.userarn":                  "$context.identity.userarn is not a context variable; expected $context.identity.userArn (names are case-sensitive)",
		"$context.somethingNew":                      "",
		"#set($context.myFlag = 1)$context.myFlaq":   "",
		"$context.status $context.routeKey":          "",
		"$util.toJson($x)":                           "",
		"$util.escapeJavaScript":                     "",
		"$input.params().header.get('x')":            "",
		"$input.size()":                              "$input.size is not an $input member; $input has body, json(), path() and params()",
		"$input.jsn('$')":                            "$input.jsn is not an $input member; expected $input.json",
		"#set($input = {})$input.anything":           "",
		"#foreach($util in $list)$util.name#end":     "",
		"$inputRoot.x $in.json('$') $utils":          "",
		"$contex.requestId":                          "$contex is not defined; expected $context",
		"$contex.foo":                                "",
		"$STAGEVARIABLES.x":                          "$STAGEVARIABLES is not defined; expected $stageVariables (variable names are case-sensitive)",
		"$context.requestId-suffix":                  "",
		"$method.request.path.id $integration.x":     "",
		"#macro(m $contexts)$contexts.requestID#end": "",
	} {
		sc := vtl.Scan(tpl)
		var got []string
		for _, r := range sc.Refs {
			if msg := refProblem(r, sc); msg != "" {
				got = append(got, msg)
			}
		}
		if strings.Join(got, "; ") != want {
			t.Errorf("%s:\n got %q\nwant %q", tpl, got, want)
		}
	}
}
