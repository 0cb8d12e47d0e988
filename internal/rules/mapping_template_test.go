package rules

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/vtl"
)

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
		f, err := loader.Parse("t.yaml", []byte(tt.src), loader.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		_, v := doc.Get(f.Root, "a")
		cv := doc.Classify(v)
		if cv.Kind != doc.KindTemplate {
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
