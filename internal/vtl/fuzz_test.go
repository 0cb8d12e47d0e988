package vtl

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// fuzzSeeds are mapping templates as they are written in API definitions,
// and a few of the broken or ambiguous forms the scan must judge.
var fuzzSeeds = []string{
	`{"statusCode": 200}`,
	`#set($inputRoot = $input.path('$'))
{
  "items": [
#foreach($elem in $inputRoot.Items)
    {"id": "$elem.id.S", "name": "$util.escapeJavaScript($elem.name.S)"}#if($foreach.hasNext),#end
#end
  ]
}`,
	`{"TableName": "orders", "Key": {"id": {"S": "$input.params('id')"}}, "ExpressionAttributeNames": {"#n_owner": "owner"}}`,
	`#set($context.requestOverride.header.X-Amz-Target = "DynamoDB_20120810.Query")
#set($context.responseOverride.status = 404)`,
	`Action=SendMessage&MessageBody=$util.urlEncode($input.body)&Version=2012-11-05`,
	"## comment\n#* block *#\n#[[ #if raw ]]#\n${context.requestId} $!context.stage \\#end",
	`#macro(row $v)"$v"#end #row($a) #@row($b)body#end #define($blk)text#end$blk`,
	`#if($a == "#end)" || $b == ')')x#elseif($c)y#else z#end`,
	"#if($a)\nx",
	"#foreach($a in $b)x#else y#end",
	"%{ if x }#if($a)%{ endif }",
	`$a.b(`,
	`#set($k = "x\"y")`,
}

// FuzzScan scans templates of any shape. Asserted: no panic; a second scan
// gives the same result; a problem lies inside the template and its
// message names the template line it is at; every reference starts at a
// '$' inside the template with its root name, references come in the order
// of the text, and each name has its call flag; a template without VTL has
// neither references nor a problem; and LineCol stays inside the text.
func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := Scan(text)
		if again := Scan(text); !reflect.DeepEqual(r, again) {
			t.Fatalf("%q: two scans differ:\n%+v\n%+v", text, r, again)
		}
		if p := r.Problem; p != nil {
			if p.Off < 0 || p.Off >= len(text) {
				t.Fatalf("%q: problem offset %d outside the template: %s", text, p.Off, p.Msg)
			}
			if want := fmt.Sprintf("template line %d", Line(text, p.Off)); !strings.Contains(p.Msg, want) {
				t.Fatalf("%q: problem at offset %d does not name %s: %s", text, p.Off, want, p.Msg)
			}
		}
		last := -1
		for _, ref := range r.Refs {
			if ref.Off <= last || ref.Off >= len(text) || text[ref.Off] != '$' {
				t.Fatalf("%q: reference %v at offset %d (previous %d) is not at a '$' in order", text, ref.Names, ref.Off, last)
			}
			last = ref.Off
			if len(ref.Names) == 0 || len(ref.Names) != len(ref.Call) {
				t.Fatalf("%q: reference at %d has names %q and call flags %v", text, ref.Off, ref.Names, ref.Call)
			}
			rest := strings.TrimPrefix(strings.TrimPrefix(text[ref.Off+1:], "!"), "{")
			if !strings.HasPrefix(rest, ref.Names[0]) {
				t.Fatalf("%q: reference at %d has root %q, which is not written there", text, ref.Off, ref.Names[0])
			}
		}
		if !r.HasVTL && (len(r.Refs) > 0 || r.Problem != nil) {
			t.Fatalf("%q: no VTL, yet %d references and problem %v", text, len(r.Refs), r.Problem)
		}
		for _, off := range []int{0, len(text) / 2, len(text)} {
			line, col := LineCol(text, off)
			if line < 1 || line > strings.Count(text, "\n")+1 || col < 1 || col > len(text)+1 {
				t.Fatalf("%q: LineCol(%d) = %d:%d", text, off, line, col)
			}
		}
	})
}
