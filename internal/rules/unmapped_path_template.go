package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"regexp"
	"strings"
)

// uriTemplateVar finds {name} path templates; ${...} CloudFormation and
// stage variables and {{...}} placeholders of other tools are removed
// before it runs.
var (
	uriTemplateVar = regexp.MustCompile(`\{([A-Za-z0-9._-]+)\+?\}`)
	dollarVar      = regexp.MustCompile(`\$\{[^}]*\}`)
	mustacheVar    = regexp.MustCompile(`\{\{[^}]*\}\}`)
)

// checkUnmappedPathTemplate: in a REST API, a {name} in an HTTP or AWS uri is
// filled from integration.request.path.name; API Gateway does not fill it by
// itself (HTTP APIs do).
func checkUnmappedPathTemplate(p *Pass) {
	t := p.In.Type()
	if p.In.Kind() != doc.REST || !(isHTTPType(t) || t == "AWS") {
		return
	}
	f := p.In.Field("uri")
	v := f.Val()
	if !v.IsText() || isPlaceholder(v.Text) || isLambdaInvocation(p.In) {
		return // a {...} inside a Lambda function ARN is a placeholder, not a path
	}
	params := p.In.Field("requestParameters")
	mapped := map[string]bool{}
	if params != nil {
		pv := params.Val()
		if pv.Kind != doc.KindMap {
			return // computed mappings: cannot tell
		}
		for i := 0; i+1 < len(pv.Node.Content); i += 2 {
			if name, ok := strings.CutPrefix(pv.Node.Content[i].Value, "integration.request.path."); ok {
				mapped[name] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range uriTemplateVar.FindAllStringSubmatch(mustacheVar.ReplaceAllString(dollarVar.ReplaceAllString(v.Text, ""), ""), -1) {
		name := m[1]
		if mapped[name] || seen[name] {
			continue
		}
		seen[name] = true
		p.ReportValue(f, "%s uses {%s} but no %s entry integration.request.path.%s fills it; add one, e.g. integration.request.path.%s: method.request.path.%s", f.Key.Value, name, p.In.KeyName("requestParameters"), name, name, name)
	}
}
