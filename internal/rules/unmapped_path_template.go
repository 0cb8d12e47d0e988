package rules

import (
	"fmt"
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"
)

// uriTemplateVar finds {name} path templates; ${...} CloudFormation and
// stage variables and {{...}} placeholders of other tools are removed
// before it runs.
var (
	uriTemplateVar = lazyre.New(`\{([A-Za-z0-9._-]+)\+?\}`)
	dollarVar      = lazyre.New(`\$\{[^}]*\}`)
	mustacheVar    = lazyre.New(`\{\{[^}]*\}\}`)
	// pathOverride is a #set of $context.requestOverride.path.NAME in a
	// request template: it fills {NAME} in the uri.
	pathOverride = lazyre.New(`#\{?set\}?\s*\(\s*\$!?\{?context\.requestOverride\.path\.([A-Za-z0-9._-]+?)\}?\s*=`)
)

// nextDollarVar returns the span of the first match of dollarVar in s at or
// after from ("${" to the next "}"), or -1s: the regexp's match, without
// the regexp, for the rules' hot paths.
func nextDollarVar(s string, from int) (lo, hi int) {
	i := strings.Index(s[from:], "${")
	if i < 0 {
		return -1, -1
	}
	lo = from + i
	j := strings.IndexByte(s[lo+2:], '}')
	if j < 0 {
		return -1, -1 // no "}" after this "${", nor after any later one
	}
	return lo, lo + 2 + j + 1
}

// nextMustacheVar is nextDollarVar for mustacheVar ("{{", no "}", "}}").
func nextMustacheVar(s string, from int) (lo, hi int) {
	for {
		i := strings.Index(s[from:], "{{")
		if i < 0 {
			return -1, -1
		}
		lo = from + i
		j := strings.IndexByte(s[lo+2:], '}')
		if j < 0 {
			return -1, -1
		}
		if k := lo + 2 + j; k+1 < len(s) && s[k+1] == '}' {
			return lo, k + 2
		}
		from = lo + 1 // no match starts here; the regexp tries the next byte
	}
}

// replaceAll is re.ReplaceAllString(s, repl) for a pattern whose matches
// next finds and a repl without $ expansions; s itself when nothing matches.
// pad replaces each match by as many spaces instead.
func replaceAll(s string, next func(string, int) (int, int), repl string, pad bool) string {
	lo, hi := next(s, 0)
	if lo < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for lo >= 0 {
		b.WriteString(s[last:lo])
		if pad {
			for range hi - lo {
				b.WriteByte(' ')
			}
		} else {
			b.WriteString(repl)
		}
		last = hi
		if hi >= len(s) {
			break
		}
		lo, hi = next(s, hi)
	}
	b.WriteString(s[last:])
	return b.String()
}

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
	overridden, known := pathOverrides(p.In)
	if !known {
		return // a computed request template may override any path parameter
	}
	for name := range overridden {
		mapped[name] = true
	}
	seen := map[string]bool{}
	for _, ph := range fillInPlaceholders(p.In, v, true) {
		seen[strings.Trim(ph, "{}")] = true // a value to fill in: uri-placeholder's note
	}
	for _, m := range uriTemplateVar().FindAllStringSubmatch(replaceAll(replaceAll(v.Text, nextDollarVar, "", false), nextMustacheVar, "", false), -1) {
		name := m[1]
		if mapped[name] || seen[name] {
			continue
		}
		seen[name] = true
		example := fmt.Sprintf("integration.request.path.%s: method.request.path.%s", name, name)
		if p.In.Shape.Terraform() {
			example = fmt.Sprintf("%q = %q", "integration.request.path."+name, "method.request.path."+name)
		}
		p.ReportValue(f, "%s uses {%s} but no %s entry integration.request.path.%s fills it; add one, e.g. %s", f.Key.Value, name, p.In.KeyName("requestParameters"), name, example)
	}
}

// pathOverrides returns the path parameters the integration's request
// templates override with #set($context.requestOverride.path.NAME = ...),
// which fill {NAME} in the uri as a mapping would. known is false when a
// template is computed (an intrinsic), so that what it sets cannot be seen.
func pathOverrides(in *doc.Integration) (names map[string]bool, known bool) {
	names = map[string]bool{}
	f := in.Field("requestTemplates")
	if f == nil {
		return names, true
	}
	v := f.Val()
	if v.Kind != doc.KindMap {
		return names, !(v.Kind == doc.KindUnknown || v.Kind == doc.KindTemplate)
	}
	for i := 1; i < len(v.Node.Content); i += 2 {
		tv := doc.Classify(v.Node.Content[i])
		if !tv.IsText() {
			if tv.Kind == doc.KindUnknown {
				return names, false
			}
			continue
		}
		for _, m := range pathOverride().FindAllStringSubmatch(tv.Text, -1) {
			names[m[1]] = true
		}
	}
	return names, true
}
