package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"

	"encoding/json"
	"errors"
	"strings"

	"github.com/apigwlint/apigwlint/internal/vtl"
)

// checkMappingTemplate reads every request and response mapping template of
// a REST integration without running it (package vtl): its block structure must
// parse, the $util, $input and $context members it names must exist, and an
// application/json template without any VTL must be JSON. Templates computed
// by intrinsics are left alone; the template of a Fn::Sub has only its
// structure checked, once CloudFormation's ${...} are set aside.
func checkMappingTemplate(p *Pass) {
	if p.In.Kind() == doc.HTTP {
		return // HTTP APIs have no mapping templates
	}
	if f := p.In.Field("requestTemplates"); f != nil {
		checkTemplateMap(p, f, false)
	}
	for _, r := range p.In.Responses {
		if f := r.Field("responseTemplates"); f != nil {
			checkTemplateMap(p, f, true)
		}
	}
}

// mappingTemplate is one template under check.
type mappingTemplate struct {
	text     string     // the text Velocity will read
	node     *doc.Node  // the scalar whose value is the template, for positions; nil if unknown
	at       *doc.Node  // where findings go when no exact position is known
	field    *doc.Field // the requestTemplates or responseTemplates field
	key      string     // the media type
	response bool
	literal  bool // a plain string, not the template of a Fn::Sub
}

// pointer is the JSON pointer of the template, built only for a finding.
func (t *mappingTemplate) pointer() string { return doc.Join(t.field.Pointer(), t.key) }

func checkTemplateMap(p *Pass, f *doc.Field, response bool) {
	if doc.Classify(f.Value).Kind != doc.KindMap {
		return
	}
	doc.Pairs(f.Value, func(k, v *doc.Node) {
		t := &mappingTemplate{at: v, field: f, key: k.Value, response: response}
		cv := doc.Classify(v)
		switch cv.Kind {
		case doc.KindString:
			t.text, t.node, t.literal = cv.Text, cv.Node, true
		case doc.KindTemplate:
			text, ok := subAsVTL(cv)
			if !ok {
				return
			}
			t.text, t.node = text, subScalar(cv.Node)
		default:
			return // intrinsics, and values of the wrong type (value-type's business)
		}
		if v.Kind == doc.AliasNode {
			t.node = nil // the text is written elsewhere: report at the alias
		}
		if isPlaceholder(t.text) && !strings.ContainsAny(t.text, "$#") {
			return // {{body}}, <template>: filled in by another tool (an HTML template is checked)
		}
		checkTemplate(p, t)
	})
}

func checkTemplate(p *Pass, t *mappingTemplate) {
	sc := vtl.Scan(t.text)
	if pr := sc.Problem; pr != nil {
		p.ReportAt(templateSpan(p, t, pr.Off), t.pointer(), "%s", pr.Msg)
	}
	if !t.literal {
		return // a Fn::Sub: only its structure is certain
	}
	w := p.WithSeverity(Warning)
	for _, r := range sc.Refs {
		if msg := refProblem(r, sc); msg != "" {
			w.ReportAt(templateSpan(p, t, r.Off), t.pointer(), "%s", msg)
		}
	}
	if !sc.HasVTL && jsonMediaType(t.key) {
		checkTemplateJSON(p, t)
	}
}

// jsonMediaType reports whether a template key is application/json, with
// or without parameters.
func jsonMediaType(key string) bool {
	mt, _, _ := strings.Cut(key, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/json")
}

// checkTemplateJSON: a template without VTL is its own output. Under
// application/json it is the JSON body a client receives (response), the
// JSON a MOCK integration reads its statusCode from, or, when it starts like
// JSON, the JSON body sent to the backend. A request template of another
// integration may legitimately produce something else (Action=SendMessage&...
// for an SQS action), so only text starting with { or [ is judged there.
func checkTemplateJSON(p *Pass, t *mappingTemplate) {
	s := strings.TrimSpace(t.text)
	if s == "" {
		return
	}
	var why string
	switch {
	case t.response:
		why = "clients receive it as is under Content-Type application/json"
	case p.In.Type() == "MOCK":
		why = "a MOCK integration reads its statusCode from this JSON"
	case s[0] == '{' || s[0] == '[':
		why = "the backend receives it as is"
	default:
		return
	}
	var v any
	err := json.Unmarshal([]byte(t.text), &v)
	if err == nil {
		return
	}
	off := len(t.text) - 1
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > 0 && int(se.Offset) <= len(t.text) {
		off = int(se.Offset) - 1
	}
	kind, r := "request", p
	if t.response {
		// API Gateway accepts the template and sends it as it is: the
		// client gets a broken body, nothing fails. A warning.
		kind, r = "response", p.WithSeverity(Warning)
	}
	r.ReportAt(templateSpan(p, t, off), t.pointer(), "application/json %s template is not valid JSON (%s, template line %d); %s", kind, err, vtl.Line(t.text, off), why)
}

// Documented names (API Gateway developer guide, "Variables for data
// transformations for API Gateway").
var (
	utilFunctions = []string{"escapeJavaScript", "parseJson", "urlEncode", "urlDecode", "base64Encode", "base64Decode"}
	inputMembers  = []string{"body", "json", "path", "params"}
	// contextMembers are the top-level $context members of the data
	// transformation list, plus those of the access logging, HTTP API and
	// WebSocket lists, so that no documented name is taken for a typo.
	contextMembers = []string{
		"accountId", "apiId", "authorizer", "awsEndpointRequestId", "deploymentId", "domainName",
		"domainPrefix", "error", "extendedRequestId", "httpMethod", "identity", "isCanaryRequest",
		"path", "protocol", "requestId", "requestOverride", "requestTime", "requestTimeEpoch",
		"resourceId", "resourcePath", "responseOverride", "stage", "wafResponseCode", "webaclArn",
		"xrayTraceId",
		// access logging, HTTP APIs and WebSocket APIs
		"authenticate", "authorize", "awsEndpointRequestId2", "connectedAt", "connectionId",
		"customDomain", "dataProcessed", "disconnectReason", "disconnectStatusCode", "eventType",
		"integration", "integrationErrorMessage", "integrationLatency", "integrationStatus",
		"messageDirection", "messageId", "responseLatency", "responseLength", "routeKey", "status", "waf",
		"cipherSuite", "tlsVersion",
	}
	identityMembers = []string{
		"accountId", "apiKey", "apiKeyId", "caller", "clientCert", "cognitoAuthenticationProvider",
		"cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId",
		"sourceIp", "user", "userAgent", "userArn", "vpcId", "vpceId",
	}
	// contextMisplaced are members written at the top of $context that live
	// one level down.
	contextMisplaced = func() map[string]string {
		m := map[string]string{"principalId": "authorizer.principalId", "claims": "authorizer.claims"}
		for _, n := range identityMembers {
			if !contains(contextMembers, n) {
				m[n] = "identity." + n
			}
		}
		return m
	}()
	builtinRoots = []string{"input", "util", "context", "stageVariables"}
)

// refProblem returns what is wrong with a reference to a built-in
// variable, or "". Variables the template defines itself are never judged,
// nor are unknown user variables.
func refProblem(r vtl.Ref, sc *vtl.Result) string {
	root := r.Names[0]
	if sc.Vars[root] || strings.Contains(strings.Join(r.Names, "."), "-") {
		return "" // a hyphen makes a 1.7-only identifier: leave it alone
	}
	member := func(i int) string {
		if i >= len(r.Names) {
			return ""
		}
		return r.Names[i]
	}
	switch root {
	case "util":
		m := member(1)
		if m == "" || contains(utilFunctions, m) {
			return ""
		}
		if s := closeName(m, utilFunctions); s != "" {
			return "$util." + m + " is not a $util function; expected $util." + s
		}
	case "input":
		m := member(1)
		if m == "" || contains(inputMembers, m) {
			return ""
		}
		msg := "$input." + m + " is not an $input member; $input has body, json(), path() and params()"
		if s := closeName(m, inputMembers); s != "" {
			msg = "$input." + m + " is not an $input member; expected $input." + s
		}
		return msg
	case "context":
		m := member(1)
		switch {
		case m == "" || sc.ContextSet[m]:
		case contains(contextMembers, m):
			if id := member(2); m == "identity" && id != "" && !contains(identityMembers, id) {
				if s := closeName(id, identityMembers); s != "" && strings.EqualFold(s, id) {
					return "$context.identity." + id + " is not a context variable; expected $context.identity." + s + " (names are case-sensitive)"
				}
			}
		case contextMisplaced[m] != "":
			return "$context." + m + " is not a context variable; expected $context." + contextMisplaced[m]
		default:
			if s := closeName(m, contextMembers); s != "" {
				return "$context." + m + " is not a context variable; expected $context." + s
			}
		}
	default:
		return rootProblem(r)
	}
	return ""
}

// rootProblem reports a variable that is not defined and is a misspelt
// built-in: $Context, or $inputs.json(...) whose member shows what was meant.
func rootProblem(r vtl.Ref) string {
	root := r.Names[0]
	if contains(builtinRoots, root) {
		return ""
	}
	for _, b := range builtinRoots {
		if strings.EqualFold(root, b) {
			return "$" + root + " is not defined; expected $" + b + " (variable names are case-sensitive)"
		}
	}
	if s := didYouMean(root, []string{"stageVariables"}); s != "" {
		return "$" + root + " is not defined; expected $" + s
	}
	if len(r.Names) < 2 {
		return ""
	}
	members := map[string][]string{"input": inputMembers, "util": utilFunctions, "context": contextMembers}
	for _, b := range builtinRoots[:3] {
		if editDistance(strings.ToLower(root), b) == 1 && contains(members[b], r.Names[1]) {
			return "$" + root + " is not defined; expected $" + b
		}
	}
	return ""
}

// closeName returns the candidate s is a misspelling of: the same name in
// another letter case, or a close one (didYouMean); "" otherwise.
func closeName(s string, candidates []string) string {
	for _, c := range candidates {
		if strings.EqualFold(s, c) {
			return c
		}
	}
	return didYouMean(s, candidates)
}

// subAsVTL returns the text Velocity will read once CloudFormation has
// substituted a Fn::Sub template: each ${Name} stands for a value without
// VTL, written here as x's of the same length, and ${!Literal} becomes
// ${Literal}, written " ${Literal}" so that offsets are kept. ok is false
// when a ${...} cannot be known: a variable of the Fn::Sub's own map (its
// value could hold VTL) or a malformed one.
func subAsVTL(v doc.Value) (string, bool) {
	vars, ok := subVariables(v.Node)
	if !ok {
		return "", false
	}
	s := v.Text
	var b strings.Builder
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "${")
		if k < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+k])
		i += k
		if strings.HasPrefix(s[i:], "${!") {
			b.WriteString(" ${")
			i += 3
			continue
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return "", false
		}
		name := strings.TrimSpace(s[i+2 : i+end])
		if vars[name] || !cfnVarRE().MatchString(name) {
			return "", false
		}
		b.WriteString(strings.Repeat("x", end+1))
		i += end + 1
	}
	return b.String(), true
}

// cfnVarRE is what a Fn::Sub variable looks like: a parameter or logical
// id, Resource.Attribute, or a pseudo parameter such as AWS::Region.
var cfnVarRE = lazyre.New(`^(AWS::)?[A-Za-z0-9_]+(\.[A-Za-z0-9_.]+)?$`)

// subArg returns the argument of a Fn::Sub or !Sub node.
func subArg(n *doc.Node) *doc.Node {
	n = doc.Resolve(n)
	if fn, arg := doc.IntrinsicOf(n); fn != "" {
		return doc.Resolve(arg)
	}
	return n // !Sub: the tagged node is the argument
}

// subVariables returns the names of a Fn::Sub's variable map (the second
// element of its list form); ok is false when the map is not a literal.
func subVariables(n *doc.Node) (map[string]bool, bool) {
	arg := subArg(n)
	vars := map[string]bool{}
	if arg == nil || arg.Kind != doc.SequenceNode || len(arg.Content) < 2 {
		return vars, true
	}
	m := doc.Resolve(arg.Content[1])
	if doc.Classify(m).Kind != doc.KindMap {
		return nil, false
	}
	doc.Pairs(m, func(k, _ *doc.Node) { vars[k.Value] = true })
	return vars, true
}

// subScalar returns the scalar node holding the template of a Fn::Sub.
func subScalar(n *doc.Node) *doc.Node {
	arg := subArg(n)
	if arg != nil && arg.Kind == doc.SequenceNode && len(arg.Content) > 0 {
		arg = doc.Resolve(arg.Content[0])
	}
	if arg == nil || arg.Kind != doc.ScalarNode {
		return nil
	}
	return arg
}

// templateSpan returns where byte offset off of the template stands in the
// source, or the template value's span when the exact position is not
// certain.
func templateSpan(p *Pass, t *mappingTemplate, off int) doc.Span {
	if t.node != nil {
		if line, col, ok := p.file.PositionIn(t.node, off); ok {
			return doc.Span{Line: line, Col: col}
		}
	}
	return p.file.SpanOf(t.at)
}
