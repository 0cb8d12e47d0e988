package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strconv"
	"strings"
)

// subRef finds the ${...} references of a Fn::Sub template; ${!...} is
// CloudFormation's escape for a literal ${...} and is not one.
var subRef = lazyre.New(`\$\{([^!}][^}]*)\}`)

// apiGatewayVarRoots are the variables API Gateway (and its Velocity
// templates) read from ${...}: CloudFormation knows none of them.
var apiGatewayVarRoots = []string{"stageVariables", "context", "request", "input", "util"}

// checkSubVariable: inside Fn::Sub (or !Sub), ${Name} and ${Name.Attr} are
// CloudFormation references to a parameter, a resource (attribute) or a
// variable of the Sub's own map. An API Gateway variable written there,
// ${stageVariables.alias} or ${context.requestId}, is read as the
// attribute of a resource that does not exist, and the stack fails
// ("Unresolved resource dependencies"); CloudFormation keeps it for API
// Gateway only when written ${!stageVariables.alias}. Every Sub string of an
// integration is checked: uri, credentials, connectionId, templates and
// parameter mappings of the request and of each response.
func checkSubVariable(p *Pass) {
	if !p.In.Embedded() {
		return // Fn::Sub exists only in CloudFormation and SAM templates
	}
	defined := templateNames(p.In)
	var walk func(n *doc.Node, ptr string, depth int)
	walk = func(n *doc.Node, ptr string, depth int) {
		n = doc.Resolve(n)
		if n == nil || depth > 12 {
			return
		}
		v := doc.Classify(n)
		switch v.Kind {
		case doc.KindTemplate:
			checkSubText(p, v, ptr, defined)
			return
		case doc.KindUnknown:
			return // another intrinsic: its arguments are CloudFormation's
		case doc.KindMap:
			doc.Pairs(n, func(k, val *doc.Node) { walk(val, doc.Join(ptr, k.Value), depth+1) })
		case doc.KindSeq:
			for i, item := range n.Content {
				walk(item, doc.Join(ptr, strconv.Itoa(i)), depth+1)
			}
		}
	}
	walk(p.In.Node, p.In.Pointer, 0)
}

// checkSubText reports each API Gateway variable that a Fn::Sub template
// writes as ${...}.
func checkSubText(p *Pass, v doc.Value, ptr string, defined map[string]bool) {
	local, _ := subVariables(v.Node) // a computed map defines no API Gateway variable
	for _, m := range subRef().FindAllStringSubmatchIndex(v.Text, -1) {
		name := strings.TrimSpace(v.Text[m[2]:m[3]])
		root, _, _ := strings.Cut(name, ".")
		if !contains(apiGatewayVarRoots, root) || defined[root] || local[name] || local[root] {
			continue
		}
		at := p.file.SpanOf(v.Node)
		if line, col, ok := p.file.PositionIn(subScalar(v.Node), m[0]); ok {
			at = doc.Span{Line: line, Col: col}
		}
		p.ReportAt(at, ptr, "%s reads ${%s} as a reference to the attribute %q of a resource %q, which does not exist, so the stack fails (\"Unresolved resource dependencies [%s]\"); write ${!%s} to pass it to API Gateway as ${%s}",
			v.Intrinsic, name, strings.TrimPrefix(name, root+"."), root, root, name, name)
	}
}

// cfnNames are the parameter and resource names of a CloudFormation
// template (empty for any other document).
// templateNames is cfnNames of the integration's template, read once per
// document: every integration of a large body asks.
func templateNames(in *doc.Integration) map[string]bool {
	if in.API == nil {
		return cfnNames(in.File.Root)
	}
	return in.API.Memo(templateNamesKey{}, func() any { return cfnNames(in.File.Root) }).(map[string]bool)
}

type templateNamesKey struct{}

func cfnNames(root *doc.Node) map[string]bool {
	out := map[string]bool{}
	for _, section := range []string{"Parameters", "Resources"} {
		_, s := doc.Get(root, section)
		doc.Pairs(s, func(k, _ *doc.Node) { out[k.Value] = true })
	}
	return out
}
