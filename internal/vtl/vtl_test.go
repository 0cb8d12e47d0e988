package vtl

import (
	"reflect"
	"strings"
	"testing"
)

func TestScanStructure(t *testing.T) {
	tests := []struct {
		name, tpl string
		want      string // the problem message, "" for none
		line      int    // the problem's template line
		unsure    bool
	}{
		{name: "empty", tpl: ""},
		{name: "plain json", tpl: `{"statusCode": 200}`},
		{name: "if else end", tpl: "#if($a)\nA\n#elseif($b)\nB\n#else\nC\n#end"},
		{name: "bracketed forms", tpl: "#{if}($a)x#{else}y#{end}"},
		{name: "nested", tpl: "#foreach($x in $l)\n#if($foreach.hasNext),#end\n#end"},
		{name: "macro and call", tpl: "#macro(row $v)\"$v\"#end\n#row($a) #@row($b)body#end"},
		{name: "define", tpl: "#define($blk)text#end$blk"},
		{name: "words that are not directives", tpl: `{"#endpoint": "#iffy", "#elsewhere": 1, "#end_x": "#if_a"}`},
		{name: "json hash", tpl: `{"color": "#fff", "#n_owner": "owner", "x": "#1 # #"}`},
		{name: "line comment", tpl: "## #if($a)\n{}"},
		{name: "block comment", tpl: "#* #if($a) *#{}"},
		{name: "unparsed", tpl: "#[[ #if($a) #end #end ]]#{}"},
		{name: "escaped directive", tpl: `\#end \#if($a) \#{else}`},
		{name: "even backslashes do not escape", tpl: `\\#end`, want: "#end at template line 1 closes no block; every #end must match an #if, #foreach, #macro or #define", line: 1},
		{name: "strings in conditions", tpl: `#if($a == "#end)" || $b == ')')x#end`},
		{name: "strings in calls", tpl: `$util.escapeJavaScript($input.json("$.a)")).replaceAll("\\'","'")`},
		{name: "set", tpl: `#set($x = $input.path('$'))#set ($y = "(")$x$y`},
		{name: "hash in set string", tpl: `#set($k = "#end")$k`},
		{name: "stray end", tpl: "{\n  \"a\": 1\n}\n#end", want: "#end at template line 4 closes no block; every #end must match an #if, #foreach, #macro or #define", line: 4},
		{name: "json end", tpl: `{"ExpressionAttributeNames": {"#end": "end"}}`, want: "#end at template line 1 closes no block; every #end must match an #if, #foreach, #macro or #define", line: 1},
		{name: "unclosed if", tpl: "#if($a)\nx", want: "#if at template line 1 is never closed; add its #end", line: 1},
		{name: "unclosed two", tpl: "#foreach($x in $l)\n  #if($x)\n  x\n", want: "#foreach at template line 1 and #if at template line 2 are never closed; add an #end for each", line: 2},
		{name: "else outside", tpl: "x\n#else\ny", want: "#else at template line 2 is outside any #if; it must sit between an #if and its #end", line: 2},
		{name: "elseif after else", tpl: "#if($a)\n#else\n#elseif($b)\n#end", want: "#elseif at template line 3 follows the #else of the #if at template line 1; #else must be the last branch", line: 3},
		{name: "two elses", tpl: "#if($a)\n#else\n#else\n#end", want: "#else at template line 3 follows the #else of the #if at template line 1; #else must be the last branch", line: 3},
		{name: "elseif in foreach", tpl: "#foreach($a in $b)\n#elseif($c)\n#end", want: "#elseif at template line 2 is inside #foreach (template line 1), not an #if; close the #foreach with #end first", line: 2},
		{name: "foreach else is version-dependent", tpl: "#foreach($a in $b)x#else y#end", unsure: true},
		{name: "if without condition", tpl: "{\"a\": \"#if you can\"}", want: "#if at template line 1 has no condition; expected #if(condition)", line: 1},
		{name: "if condition open", tpl: "#if($a == 1\nx\n#end", want: "condition of #if at template line 1 has an unclosed parenthesis; expected #if(condition)", line: 1},
		{name: "if call open", tpl: "#if($a.contains(\"x\")\n#end", want: "condition of #if at template line 1 has an unclosed parenthesis; expected #if(condition)", line: 1},
		{name: "if space before paren", tpl: "#if ($a)x#end"},
		{name: "set open", tpl: "#set($a = $input.path('$')\n{}", want: "#set at template line 1 has an unclosed parenthesis; expected #set($name = value)", line: 1},
		{name: "comment open", tpl: "{}\n#* note", want: "#* comment at template line 2 is never closed by *#", line: 2},
		{name: "unparsed open", tpl: "#[[ raw", want: "#[[ unparsed content at template line 1 is never closed by ]]#", line: 1},
		{name: "first problem only", tpl: "#end\n#end", want: "#end at template line 1 closes no block; every #end must match an #if, #foreach, #macro or #define", line: 1},
		{name: "escaped quote in condition", tpl: `#if($a == "x\"y")#end`, unsure: true},
		{name: "string across lines", tpl: "#if($a == \"x\ny\")#end", unsure: true},
		{name: "terraform directive", tpl: "%{ if x }#if($a)%{ endif }", unsure: true},
		{name: "unknown word with parens and quotes", tpl: `#fff ("it's") #end`, unsure: true},
		{name: "block macro not defined here", tpl: `#@outer() x #end`, unsure: true},
		{name: "open call in text", tpl: `$a.b(`, unsure: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := Scan(tt.tpl)
			if sc.Unsure != tt.unsure {
				t.Errorf("unsure = %v, want %v", sc.Unsure, tt.unsure)
			}
			got := ""
			if sc.Problem != nil {
				got = sc.Problem.Msg
				if l := Line(tt.tpl, sc.Problem.Off); l != tt.line {
					t.Errorf("problem on line %d, want %d", l, tt.line)
				}
			}
			if got != tt.want {
				t.Errorf("problem %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestScanRefs(t *testing.T) {
	tpl := `#set($inputRoot = $input.path('$'))
#foreach($item in $inputRoot.Items)"$util.escapeJavaScript($item.name)"#end
$context.authorizer.claims['cognito:username'].x ${context.requestId} $!context.stage
#set($context.requestOverride.header.X-Amz-Target = "x")
#set($msg = "id $context.requestID") \$context.ignored ## $context.comment
#macro(m $p)$p#end $1 $ x`
	sc := Scan(tpl)
	var got []string
	for _, r := range sc.Refs {
		s := strings.Join(r.Names, ".")
		if r.Call[len(r.Call)-1] {
			s += "()"
		}
		got = append(got, s)
	}
	want := []string{
		"inputRoot", "input.path()", "item", "inputRoot.Items", "util.escapeJavaScript()", "item.name",
		"context.authorizer.claims", "context.requestId", "context.stage",
		"context.requestOverride.header.X-Amz-Target", "msg", "context.requestID", "p", "p",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("refs\n got %q\nwant %q", got, want)
	}
	if !sc.Vars["inputRoot"] || !sc.Vars["item"] || !sc.Vars["msg"] || !sc.Vars["p"] || sc.Vars["context"] {
		t.Errorf("vars = %v", sc.Vars)
	}
	if !sc.ContextSet["requestOverride"] {
		t.Errorf("context set = %v", sc.ContextSet)
	}
	if sc.Problem != nil || sc.Unsure || !sc.HasVTL {
		t.Errorf("problem %v unsure %v HasVTL %v", sc.Problem, sc.Unsure, sc.HasVTL)
	}
	// offsets point at the '$'
	for _, r := range sc.Refs {
		if tpl[r.Off] != '$' {
			t.Errorf("ref %v: offset %d is %q", r.Names, r.Off, tpl[r.Off])
		}
	}
}

// An index left open is no index: what follows its '[' is text, and each
// reference in it is recorded once (the fuzzer found them recorded twice,
// which doubled mapping-template's warnings).
func TestScanOpenIndex(t *testing.T) {
	for tpl, want := range map[string][]int{
		"$A[$A":                {0, 3},
		"$x[$contex.requestId": {0, 3},
		`$a[$b.c("$d") $e`:     {0, 3, 9, 14},
		"$a[$b]$c":             {0, 3, 6},
		"#set($m = $a[$b)\n$c": {5, 10, 13, 17},
	} {
		var got []int
		for _, r := range Scan(tpl).Refs {
			got = append(got, r.Off)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: references at %v, want %v", tpl, got, want)
		}
	}
}

func TestScanPlain(t *testing.T) {
	for tpl, vtl := range map[string]bool{
		`{"statusCode": 200}`:         false,
		`{"color": "#fff", "#n": 1}`:  false,
		`{"price": "$5"}`:             true,
		"## note\n{}":                 true,
		`{"a": "\#fff"}`:              false,
		`{"a": "\#if"}`:               true,
		`{"a": "#fff(1)"}`:            true,
		"Action=ListQueues&Version=1": false,
	} {
		if got := Scan(tpl).HasVTL; got != vtl {
			t.Errorf("%q: HasVTL = %v, want %v", tpl, got, vtl)
		}
	}
}

func TestLineCol(t *testing.T) {
	s := "ab\nçd#end"
	if l, c := LineCol(s, strings.Index(s, "#")); l != 2 || c != 3 {
		t.Errorf("lineCol = %d:%d, want 2:3", l, c)
	}
}
