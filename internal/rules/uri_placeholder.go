package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"

	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/internal/integrationuri"
)

// checkURIPlaceholder: a ${...} in a plain-string uri reaches API Gateway
// as written, unless it is a stage variable (filled per request) or one of
// the import-time variables ${AWS::Region}, ${AWS::Partition} and
// ${AWS::AccountId}. Inside a CloudFormation or SAM template nothing fills
// it (Fn::Sub would), so the import fails: an error. In a standalone
// OpenAPI file another step may fill it (Fn::Transform AWS::Include, a
// templating tool): a note that it must be resolved before import. A uri
// that is one whole placeholder is another tool's value, and Fn::Sub
// templates are CloudFormation's: neither is judged. The Uri of an
// AWS::ApiGateway::Method is never imported, so there the import-time
// variables are placeholders like any other; nor is the uri of a Terraform
// aws_api_gateway_integration. In Terraform a plain string holds a ${...}
// only when written $${ (Terraform's escape for a literal ${): nothing
// fills it in, an error.
func checkURIPlaceholder(p *Pass) {
	if p.In.Type() == "MOCK" {
		return // API Gateway does not use the uri of a mock integration
	}
	for _, name := range []string{"credentials", "uri"} {
		if f := p.In.Field(name); f != nil {
			if fillIns := fillInPlaceholders(p.In, f.Val(), name == "uri"); len(fillIns) > 0 {
				p.WithSeverity(Note).ReportValue(f, "%s has %s, which nothing resolves: API Gateway takes it as written; it must be filled in before import or deploy", f.Key.Value, placeholderWhat(fillIns))
			}
		}
	}
	f := p.In.Field("uri")
	v := f.Val()
	if v.Kind != doc.KindString {
		return
	}
	t := integrationuri.Parse(strings.TrimSpace(v.Text), false)
	if len(t) == 1 && t[0].Hole != integrationuri.NoHole || isPlaceholder(v.Text) && !strings.HasPrefix(strings.TrimSpace(v.Text), "${") {
		// One whole placeholder: another tool's value. (isPlaceholder also
		// takes "${uri}/{id}" for one, which is a partial placeholder.)
		return
	}
	var names []string
	seen := map[string]bool{}
	method := p.In.Shape == doc.ShapeCloudFormation || p.In.Shape == doc.ShapeTerraform
	for _, pc := range t {
		if (pc.Hole == integrationuri.HoleOther || method && pc.Hole == integrationuri.HoleImportVar) && !seen[pc.Text] {
			seen[pc.Text] = true
			names = append(names, pc.Text)
		}
	}
	if len(names) == 0 {
		return
	}
	what := placeholderWhat(names)
	hint := ""
	for _, n := range names {
		if strings.HasPrefix(n, "${AWS::") && !method {
			hint = " (import resolves only ${AWS::Region}, ${AWS::Partition} and ${AWS::AccountId})"
			break
		}
	}
	if p.In.Terraform() {
		p.ReportValue(f, "%s has %s%s: $${ is Terraform's escape for a literal ${, so it reaches API Gateway as written and nothing fills it in; write ${...} for Terraform to interpolate",
			f.Key.Value, what, hint)
		return
	}
	if p.In.Embedded() {
		fails := ""
		switch {
		case isHTTPType(p.In.Type()):
		case method:
			fails = ` and the method is not created ("Invalid ARN specified in the request")`
		default:
			fails = ` and the import fails ("Invalid ARN specified in the request")`
		}
		p.ReportValue(f, "%s has %s%s, which CloudFormation fills only under Fn::Sub; as a plain string it reaches API Gateway as written%s; write the %s with !Sub",
			f.Key.Value, what, hint, fails, f.Key.Value)
		return
	}
	p.WithSeverity(Note).ReportValue(f, "uri has %s%s, which API Gateway does not resolve on import; it must be filled in before import (Fn::Transform AWS::Include or a templating tool)",
		what, hint)
}

// placeholderWhat names the placeholders of a message: placeholder "x", or
// placeholders "x" and "y".
func placeholderWhat(names []string) string {
	if len(names) > 1 {
		return fmt.Sprintf("placeholders %s", uriQuoteList(names))
	}
	return fmt.Sprintf("placeholder %s", uriQuoteList(names))
}

var (
	// mustachePlaceholder is a {{name}} of a templating tool.
	mustachePlaceholder = lazyre.New(`\{\{\s*[^{}\s]+\s*\}\}`)
	// anglePlaceholder is a documentation fill-in such as <FUNCTION_ARN>:
	// < and > never stand in a uri or an ARN.
	anglePlaceholder = lazyre.New(`<[A-Za-z][A-Za-z0-9_.:-]*>`)
	// bracePlaceholder is a single-brace {name}, a path template unless its
	// name says it is a fill-in (fillInName).
	bracePlaceholder = lazyre.New(`\{([A-Za-z][A-Za-z0-9_.-]*)\}`)
	// allCapsName is FUNCTION_ARN, ACCOUNT_ID: how examples write fill-ins.
	allCapsName = lazyre.New(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$`)
)

// fillInPlaceholders returns the fill-in values written in other spellings
// than ${...} in the text of v (a plain string or a Fn::Sub template):
// {{name}}, <NAME>, and a {name} that is no path template, because its name
// reads as a fill-in ({your-function-arn-here}, {FUNCTION_ARN},
// {LambdaArn}) and no integration.request.path.name mapping fills it. In a
// uri a {name} that a mapping fills is a path template; credentials never
// have path templates (uri false). A value that is one whole placeholder is
// another tool's value and is not returned.
func fillInPlaceholders(in *doc.Integration, v doc.Value, uri bool) []string {
	if !v.IsText() {
		return nil
	}
	text := strings.TrimSpace(v.Text)
	if !strings.ContainsAny(text, "{<") {
		return nil // no placeholder of any spelling: the common case, kept cheap
	}
	if isPlaceholder(text) || bracePlaceholder().FindString(text) == text {
		return nil
	}
	var mapped map[string]bool
	if uri {
		mapped = map[string]bool{}
		if rp := in.Field("requestParameters"); rp != nil {
			doc.Pairs(rp.Value, func(k, _ *doc.Node) {
				if name, ok := strings.CutPrefix(k.Value, "integration.request.path."); ok {
					mapped[name] = true
				}
			})
		}
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	rest := replaceAll(text, nextDollarVar, "", true)
	for _, m := range mustachePlaceholder().FindAllString(rest, -1) {
		add(m)
	}
	rest = mustachePlaceholder().ReplaceAllStringFunc(rest, func(s string) string { return strings.Repeat(" ", len(s)) })
	for _, m := range anglePlaceholder().FindAllString(rest, -1) {
		add(m)
	}
	// After the host of an http(s) URL a {NAME} in capitals may well be a
	// path parameter of that spelling; before it, and in an ARN, it cannot.
	pathStart := len(rest)
	if _, after, ok := strings.Cut(rest, "://"); ok {
		if i := strings.IndexByte(after, '/'); i >= 0 {
			pathStart = len(rest) - len(after) + i
		}
	}
	for _, m := range bracePlaceholder().FindAllStringSubmatchIndex(rest, -1) {
		name := rest[m[2]:m[3]]
		if mapped[name] || inPathTemplate(pathOf(in), name) || !fillInName(name, !uri || m[0] < pathStart) {
			continue
		}
		add(rest[m[0]:m[1]])
	}
	return out
}

// pathOf is the resource path of the integration's operation, or "".
func pathOf(in *doc.Integration) string {
	if in.Op == nil {
		return ""
	}
	return in.Op.Path
}

// fillInName reports whether a {name} reads as a value to fill in rather
// than a path parameter: it speaks to the reader (your, here), names an ARN,
// or, where caps is set, is written in capitals with underscores
// (FUNCTION_ARN).
func fillInName(name string, caps bool) bool {
	lower := strings.ToLower(name)
	for _, w := range strings.FieldsFunc(lower, func(c rune) bool { return c == '-' || c == '_' || c == '.' }) {
		if w == "your" || w == "here" {
			return true
		}
	}
	return strings.HasPrefix(lower, "your") || caps && allCapsName().MatchString(name) || strings.HasSuffix(lower, "arn")
}
