package rules

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
	"weak"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/vtl"
	yaml "go.yaml.in/yaml/v4"
)

var _ = register("mapping-template", checkMappingTemplate)

// checkMappingTemplate reads every request and response mapping template of
// a REST integration without running it (package vtl): its block structure must
// parse, the $util, $input and $context members it names must exist, and an
// application/json template without any VTL must be JSON. Templates computed
// by intrinsics are left alone; the template of a Fn::Sub has only its
// structure checked, once CloudFormation's ${...} are set aside.
func checkMappingTemplate(p *Pass) {
	if p.In.Kind() == loader.HTTP {
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
	node     *yaml.Node // the scalar whose value is the template, for positions; nil if unknown
	at       *yaml.Node // where findings go when no exact position is known
	ptr      string
	key      string // the media type
	response bool
	literal  bool // a plain string, not the template of a Fn::Sub
}

func checkTemplateMap(p *Pass, f *loader.Field, response bool) {
	if loader.Classify(f.Value).Kind != loader.KindMap {
		return
	}
	loader.Pairs(f.Value, func(k, v *yaml.Node) {
		t := &mappingTemplate{at: v, ptr: loader.Join(f.Pointer(), k.Value), key: k.Value, response: response}
		cv := loader.Classify(v)
		switch cv.Kind {
		case loader.KindString:
			t.text, t.node, t.literal = cv.Text, cv.Node, true
		case loader.KindTemplate:
			text, ok := subAsVTL(cv)
			if !ok {
				return
			}
			t.text, t.node = text, subScalar(cv.Node)
		default:
			return // intrinsics, and values of the wrong type (value-type's business)
		}
		if v.Kind == yaml.AliasNode {
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
		p.Report(templateSpot(p, t, pr.Off), t.ptr, "%s", pr.Msg)
	}
	if !t.literal {
		return // a Fn::Sub: only its structure is certain
	}
	w := p.WithSeverity(Warning)
	for _, r := range sc.Refs {
		if msg := refProblem(r, sc); msg != "" {
			w.Report(templateSpot(p, t, r.Off), t.ptr, "%s", msg)
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
	kind := "request"
	if t.response {
		kind = "response"
	}
	p.Report(templateSpot(p, t, off), t.ptr, "application/json %s template is not valid JSON (%s, template line %d); %s", kind, err, vtl.Line(t.text, off), why)
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
func subAsVTL(v loader.Value) (string, bool) {
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
		if vars[name] || !cfnVarRE.MatchString(name) {
			return "", false
		}
		b.WriteString(strings.Repeat("x", end+1))
		i += end + 1
	}
	return b.String(), true
}

// cfnVarRE is what a Fn::Sub variable looks like: a parameter or logical
// id, Resource.Attribute, or a pseudo parameter such as AWS::Region.
var cfnVarRE = regexp.MustCompile(`^(AWS::)?[A-Za-z0-9_]+(\.[A-Za-z0-9_.]+)?$`)

// subArg returns the argument of a Fn::Sub or !Sub node.
func subArg(n *yaml.Node) *yaml.Node {
	n = loader.Resolve(n)
	if fn, arg := loader.IntrinsicOf(n); fn != "" {
		return loader.Resolve(arg)
	}
	return n // !Sub: the tagged node is the argument
}

// subVariables returns the names of a Fn::Sub's variable map (the second
// element of its list form); ok is false when the map is not a literal.
func subVariables(n *yaml.Node) (map[string]bool, bool) {
	arg := subArg(n)
	vars := map[string]bool{}
	if arg == nil || arg.Kind != yaml.SequenceNode || len(arg.Content) < 2 {
		return vars, true
	}
	m := loader.Resolve(arg.Content[1])
	if loader.Classify(m).Kind != loader.KindMap {
		return nil, false
	}
	loader.Pairs(m, func(k, _ *yaml.Node) { vars[k.Value] = true })
	return vars, true
}

// subScalar returns the scalar node holding the template of a Fn::Sub.
func subScalar(n *yaml.Node) *yaml.Node {
	arg := subArg(n)
	if arg != nil && arg.Kind == yaml.SequenceNode && len(arg.Content) > 0 {
		arg = loader.Resolve(arg.Content[0])
	}
	if arg == nil || arg.Kind != yaml.ScalarNode {
		return nil
	}
	return arg
}

// templateSpot returns a node standing at byte offset off of the template,
// or the template's value node when the exact position is not certain.
func templateSpot(p *Pass, t *mappingTemplate, off int) *yaml.Node {
	if t.node == nil {
		return t.at
	}
	line, col, ok := scalarPosition(fileLines(p.file), t.node, off)
	if !ok {
		return t.at
	}
	// a node that is not a scalar: SpanOf gives its start and no end
	return &yaml.Node{Kind: yaml.MappingNode, Line: line, Column: col}
}

// srcLines is a source file with the offsets at which its lines start.
type srcLines struct {
	src    []byte
	starts []int
}

// line returns line number n (1-based) without its line break.
func (s srcLines) line(n int) (string, bool) {
	if n < 1 || n > len(s.starts) {
		return "", false
	}
	end := len(s.src)
	if n < len(s.starts) {
		end = s.starts[n] - 1
	}
	return strings.TrimSuffix(string(s.src[s.starts[n-1]:end]), "\r"), true
}

// lineCache keeps the line starts of the last few files findings were
// located in, so that a large file with many findings is indexed once. It
// holds the files weakly: a file done with is not kept alive by the cache.
var lineCache struct {
	sync.Mutex
	files  []weak.Pointer[loader.File]
	starts [][]int
}

func fileLines(f *loader.File) srcLines {
	lineCache.Lock()
	defer lineCache.Unlock()
	for i, w := range lineCache.files {
		if w.Value() == f {
			return srcLines{f.Src, lineCache.starts[i]}
		}
	}
	starts := []int{0}
	for i, c := range f.Src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	lineCache.files = append(lineCache.files, weak.Make(f))
	lineCache.starts = append(lineCache.starts, starts)
	if n := len(lineCache.files); n > 4 {
		lineCache.files, lineCache.starts = lineCache.files[n-4:], lineCache.starts[n-4:]
	}
	return srcLines{f.Src, starts}
}

// blockHeaderRE is the rest of the line of a literal block scalar from the
// node's column: tag and anchor, the | indicator with its optional
// indentation and chomping indicators, and an optional comment.
var blockHeaderRE = regexp.MustCompile(`^(?:[!&]\S*[ \t]+)*\|[1-9]?[-+]?[1-9]?[ \t]*(?:#.*)?$`)

// scalarPosition returns the source line and column of byte offset off of
// the value of scalar n, when the text can be mapped back exactly: a
// literal block scalar (each value line is one source line), or a plain,
// single- or double-quoted scalar written on one line. The mapping is
// verified against the value, so ok is false rather than wrong.
func scalarPosition(src srcLines, n *yaml.Node, off int) (line, col int, ok bool) {
	if off < 0 || off > len(n.Value) {
		return 0, 0, false
	}
	header, ok := src.line(n.Line)
	if !ok {
		return 0, 0, false
	}
	start, ok := runeIndex(header, n.Column)
	if !ok {
		return 0, 0, false
	}
	tl, tc := vtl.LineCol(n.Value, off)
	if n.Style&yaml.LiteralStyle != 0 {
		if !blockHeaderRE.MatchString(header[start:]) {
			return 0, 0, false
		}
		text := strings.Split(n.Value, "\n")[tl-1]
		sl, ok := src.line(n.Line + tl)
		if !ok || !strings.HasSuffix(sl, text) || strings.Trim(sl[:len(sl)-len(text)], " ") != "" {
			return 0, 0, false
		}
		return n.Line + tl, utf8.RuneCountInString(sl[:len(sl)-len(text)]) + tc, true
	}
	// skip a tag or an anchor written before the value
	rest := header[start:]
	for len(rest) > 0 && (rest[0] == '!' || rest[0] == '&') {
		k := strings.IndexAny(rest, " \t")
		if k < 0 {
			return 0, 0, false
		}
		rest = strings.TrimLeft(rest[k:], " \t")
	}
	startCol := utf8.RuneCountInString(header[:len(header)-len(rest)]) + 1
	var cols []int // the source column of each code point of the value
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		cols, ok = doubleQuotedColumns(rest, n.Value, startCol)
	case n.Style&yaml.SingleQuotedStyle != 0:
		cols, ok = singleQuotedColumns(rest, n.Value, startCol)
	case n.Style&^yaml.TaggedStyle == 0 && !strings.Contains(n.Value, "\n") && strings.HasPrefix(rest, n.Value):
		return n.Line, startCol + tc - 1, true
	default:
		return 0, 0, false
	}
	if !ok {
		return 0, 0, false
	}
	i := utf8.RuneCountInString(n.Value[:off])
	if i >= len(cols) {
		return 0, 0, false
	}
	return n.Line, cols[i], true
}

// runeIndex returns the byte index of 1-based code point column col of s.
func runeIndex(s string, col int) (int, bool) {
	c := 1
	for i := range s {
		if c == col {
			return i, true
		}
		c++
	}
	return len(s), c == col
}

// doubleQuotedColumns decodes the double-quoted scalar at the start of raw
// (whose first column is col) and returns the column of each code point of
// its value, provided the scalar ends on this line and decodes to want.
func doubleQuotedColumns(raw, want string, col int) ([]int, bool) {
	if !strings.HasPrefix(raw, `"`) {
		return nil, false
	}
	var cols []int
	var b strings.Builder
	c := col + 1
	for i := 1; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		switch r {
		case '"':
			return cols, b.String() == want
		case '\\':
			dec, n, ok := unescape(raw[i:])
			if !ok {
				return nil, false
			}
			cols = append(cols, c)
			b.WriteRune(dec)
			c += utf8.RuneCountInString(raw[i : i+n])
			i += n
			continue
		}
		cols = append(cols, c)
		b.WriteRune(r)
		c++
		i += size
	}
	return nil, false // not closed on this line
}

// unescape decodes the escape sequence at the start of s, returning the
// code point and the escape's length in bytes.
func unescape(s string) (rune, int, bool) {
	if len(s) < 2 {
		return 0, 0, false
	}
	simple := map[byte]rune{'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', '/': '/', '\\': '\\', '"': '"',
		'0': 0, 'a': '\a', 'v': '\v', 'e': 0x1b, ' ': ' ', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029, '\t': '\t'}
	if r, ok := simple[s[1]]; ok {
		return r, 2, true
	}
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
	if width == 0 || len(s) < 2+width {
		return 0, 0, false
	}
	r, ok := hexRune(s[2 : 2+width])
	if !ok {
		return 0, 0, false
	}
	if s[1] == 'u' && r >= 0xd800 && r <= 0xdbff && len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
		if lo, ok := hexRune(s[8:12]); ok && lo >= 0xdc00 && lo <= 0xdfff {
			return 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00), 12, true
		}
	}
	if r >= 0xd800 && r <= 0xdfff {
		r = utf8.RuneError
	}
	return r, 2 + width, true
}

func hexRune(s string) (rune, bool) {
	var r rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// singleQuotedColumns is doubleQuotedColumns for a single-quoted scalar,
// whose only escape is a doubled quote.
func singleQuotedColumns(raw, want string, col int) ([]int, bool) {
	if !strings.HasPrefix(raw, "'") {
		return nil, false
	}
	var cols []int
	var b strings.Builder
	c := col + 1
	for i := 1; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		if r == '\'' {
			if strings.HasPrefix(raw[i:], "''") {
				cols = append(cols, c)
				b.WriteByte('\'')
				c += 2
				i += 2
				continue
			}
			return cols, b.String() == want
		}
		cols = append(cols, c)
		b.WriteRune(r)
		c++
		i += size
	}
	return nil, false
}
