package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"slices"
	"strings"
	"sync"
)

//go:embed docs/*.md
var docsFS embed.FS

// All is every rule, sorted by ID. It is built at start-up from checks, the
// list of every rule's code below, and the id and severity lines of each
// rule's documentation in docs/ (index); the rest of the documentation is
// parsed, and the whole set validated, by Documented, which the views of the
// documentation call and TestRegistry checks, so a rule without complete
// documentation cannot ship.
var All []*Rule

// check is a rule's code: it checks each integration, each OpenAPI
// document as a whole, or the whole file (see filepass.go). A rule with no
// function (suppression) reports from the engine itself.
type check struct {
	name        string // the rule's name: its documentation is docs/<name>.md
	integration func(*Pass)
	document    func(*DocPass)
	file        func(*FilePass)
	options     []*Option // the settings the rule declares
	// v2 says whether an integration rule also checks API Gateway V2
	// integrations (AWS::ApiGatewayV2::Integration, apigatewayv2 JSON; see
	// v2_util.go). The REST rules do not: V2 has its own mapping and
	// template semantics.
	v2 v2Scope
}

// checks is every rule's code, sorted by name; each has its documentation
// in docs/<name>.md, and build pairs them into All.
var checks = []check{
	{name: "authorizer", document: checkAuthorizer},
	{name: "aws-proxy-target", integration: checkAWSProxyTarget},
	{name: "aws-uri", integration: checkAWSURI, v2: v2Certain},
	{name: "backend-http-method", integration: checkBackendHTTPMethod, v2: v2Certain},
	{name: "body-and-method-resources", file: checkBodyAndMethodResources},
	{name: "cache-key-parameters", integration: checkCacheKeyParameters},
	{name: "caller-credentials", integration: checkCallerCredentials},
	{name: "cli-parameters", integration: checkCLIParameters},
	{name: "credentials", integration: checkCredentials},
	{name: "duplicate-key", file: checkDuplicateKeys},
	{name: "enum-value", integration: checkEnumValues, v2: v2Any},
	{name: "extension-name", document: checkExtensionName},
	{name: "extension-value", document: checkExtensionValue},
	{name: "gateway-responses", document: checkGatewayResponses},
	{name: "http-api-integration-type", integration: checkHTTPAPIIntegrationType, v2: v2Certain},
	{name: "http-api-only-field", integration: checkHTTPAPIOnlyField},
	{name: "http-api-parameter-mapping", integration: checkHTTPAPIParameterMapping},
	{name: "http-api-rest-field", integration: checkHTTPAPIRESTField},
	{name: "http-api-uri", integration: checkHTTPAPIURI, v2: v2Certain},
	{name: "http-uri", integration: checkHTTPURI, v2: v2Certain},
	{name: "insecure-tls", integration: checkInsecureTLS},
	{name: "integration-ref", document: checkIntegrationRef},
	{name: "integration-subtype", integration: checkIntegrationSubtype, v2: v2Certain},
	{name: "integration-type", integration: checkIntegrationType, v2: v2Any},
	{name: "lambda-permission", file: checkLambdaPermission},
	{name: "lambda-permission-source-arn", file: checkLambdaPermissionSourceArn},
	{name: "mapping-template", integration: checkMappingTemplate},
	{name: "method-authorizer-type", file: checkMethodAuthorizerType},
	{name: "method-without-integration", file: checkMethodWithoutIntegration},
	{name: "missing-method-response", integration: checkMissingMethodResponse},
	{name: "multi-document", file: checkMultiDocument},
	{name: "path-item", document: checkPathItem},
	{name: "payload-format-version", integration: checkPayloadFormatVersion, v2: v2Certain},
	{name: "proxy-ignored", integration: checkProxyIgnored},
	{name: "ref-cycle", document: checkRefCycles},
	{name: "request-parameters", integration: checkRequestParameters},
	{name: "request-templates", integration: checkRequestTemplates},
	{name: "request-validator", document: checkRequestValidator},
	{name: "response-parameters", integration: checkResponseParameters},
	{name: "response-status-code", integration: checkResponseStatusCode},
	{name: "response-streaming", integration: checkResponseStreaming},
	{name: "route-target", file: checkRouteTarget},
	{name: "selection-pattern", integration: checkSelectionPattern},
	{name: "sub-variable", integration: checkSubVariable},
	{name: "suppression"}, // no check: Check reports on the comments after every other rule has run
	{name: "timeout", integration: checkTimeout, options: []*Option{TimeoutCeiling}, v2: v2Any},
	{name: "undeclared-parameter", integration: checkUndeclaredParameters},
	{name: "undeclared-response-header", integration: checkUndeclaredResponseHeader},
	{name: "unknown-field", integration: checkUnknownFields, v2: v2Any},
	{name: "unmapped-path-template", integration: checkUnmappedPathTemplate},
	{name: "uri-placeholder", integration: checkURIPlaceholder},
	{name: "uri-required", integration: checkURIRequired},
	{name: "v2-protocol-field", integration: checkV2ProtocolField, v2: v2Certain},
	{name: "value-type", integration: checkValueTypes, v2: v2Any},
	{name: "vpc-link", integration: checkVPCLink},
	{name: "websocket-parameter-mapping", integration: checkWebSocketParameterMapping, v2: v2Certain},
}

// BuildError is why the rule set is incomplete: a rule without
// documentation, whose document gives no valid id or severity, or
// documentation without a rule. Such rules are left out of All; TestRegistry
// fails on it and the CLI refuses to run with it, so it never reaches a
// user. What the rest of a document holds is checked by Documented.
var BuildError error

func init() {
	All, BuildError = index(checks)
}

// index pairs each check with the id and default severity its document
// gives: all a run needs of the documentation, read from the front matter's
// id and severity lines only. Every check must have a document, every
// document a check, and the list must be sorted by name with no name twice.
// The rest of each document is parsed when it is shown (Documented).
func index(cs []check) ([]*Rule, error) {
	var errs []error
	known := make(map[string]bool, len(cs))
	slab := make([]Rule, len(cs)) // one allocation for all
	out := make([]*Rule, 0, len(cs))
	buf := make([]byte, 0, 1024)
	for i, c := range cs {
		if i > 0 && cs[i-1].name >= c.name {
			errs = append(errs, fmt.Errorf("rules: checks: %q comes after %q: keep the list sorted by name, each rule once", c.name, cs[i-1].name))
		}
		known[c.name] = true
		id, sev, err := identity(c.name, &buf)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r := &slab[i]
		*r = Rule{ID: id, Name: c.name, Severity: sev, Options: c.options, check: c}
		out = append(out, r)
	}
	entries, _ := docsFS.ReadDir("docs")
	for _, e := range entries {
		if !known[strings.TrimSuffix(e.Name(), ".md")] {
			errs = append(errs, fmt.Errorf("rules: internal/rules/docs/%s documents no registered rule", e.Name()))
		}
	}
	slices.SortFunc(out, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	for i := 1; i < len(out); i++ {
		if out[i].ID == out[i-1].ID {
			errs = append(errs, fmt.Errorf("rules: %s: id %s is used twice", out[i].Name, out[i].ID))
		}
	}
	return out, errors.Join(errs...)
}

// identity reads the id and the severity of the rule name from the front
// matter of its document, as parseFrontMatter reads them, without parsing
// the rest. buf is scratch space, reused from one call to the next.
func identity(name string, buf *[]byte) (id string, sev Severity, err error) {
	file := func() string { return "internal/rules/docs/" + name + ".md" }
	head, err := frontMatterOf(name, buf)
	if err != nil {
		return "", 0, err
	}
	var severity string
	for len(head) > 0 {
		line, rest, _ := bytes.Cut(head, []byte("\n"))
		head = rest
		key, raw, _ := bytes.Cut(line, []byte(":"))
		if string(key) != "id" && string(key) != "severity" {
			continue
		}
		v, err := frontMatterValue(strings.TrimSpace(string(raw)))
		if err != nil {
			return "", 0, fmt.Errorf("%s: front matter: %s: %v", file(), key, err)
		}
		if string(key) == "id" {
			id = v
		} else {
			severity = v
		}
	}
	if !validID(id) {
		return "", 0, fmt.Errorf("rules: %s: id %q is not of the form AGW123", name, id)
	}
	if sev, err = ParseSeverity(severity); err != nil {
		return "", 0, fmt.Errorf("%s: %v", file(), err)
	}
	return id, sev, nil
}

// frontMatterOf returns the front matter of the rule document of name (the
// text between the "---" lines, which parseDoc reads), reading only as much
// of the file as it takes into *buf.
func frontMatterOf(name string, buf *[]byte) ([]byte, error) {
	file := "internal/rules/docs/" + name + ".md"
	f, err := docsFS.Open(file[len("internal/rules/"):])
	if err != nil {
		return nil, fmt.Errorf("rules: rule %q has no documentation in %s", name, file)
	}
	defer f.Close()
	b := (*buf)[:0]
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		*buf = b
		if bytes.IndexByte(b, '\r') >= 0 { // as parseDoc, which reads \r\n as \n
			b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		}
		if !bytes.HasPrefix(b, []byte("---\n")) {
			if len(b) >= 4 || err != nil {
				return nil, fmt.Errorf("%s: no front matter", file)
			}
		} else if end := bytes.Index(b[4:], []byte("\n---\n")); end >= 0 {
			return b[4 : 4+end], nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: front matter is not closed", file)
		}
	}
}

// validID says whether id is of the form AGW123.
func validID(id string) bool {
	if len(id) != 6 || !strings.HasPrefix(id, "AGW") {
		return false
	}
	for _, c := range id[3:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Documented returns All with the documentation of every rule (Title,
// Rationale, Examples, Doc, Fails, Message) parsed from its document, and
// the error of any document that is incomplete or gives another id or
// severity than the one All has. The documents are parsed on the first
// call: a run reads only the ids and severities (index), and only the views
// of the documentation (explain, --list-rules, SARIF rule descriptors, the
// generated pages) call this. It is safe for concurrent use.
var Documented = sync.OnceValues(func() ([]*Rule, error) {
	return All, errors.Join(BuildError, document(All))
})

// build is index and document together: the rule set of cs, documented.
func build(cs []check) ([]*Rule, error) {
	rs, err := index(cs)
	return rs, errors.Join(err, document(rs))
}

// document fills in the documentation of each rule of rs from its
// document, and validates the set.
func document(rs []*Rule) error {
	var errs []error
	for _, r := range rs {
		src, err := docsFS.ReadFile("docs/" + r.Name + ".md")
		if err != nil {
			errs = append(errs, fmt.Errorf("rules: rule %q has no documentation in internal/rules/docs/%s.md", r.Name, r.Name))
			continue
		}
		d, err := parseDoc(r.Name, string(src))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if d.ID != r.ID || d.Severity != r.Severity {
			errs = append(errs, fmt.Errorf("rules: %s: the document gives %s %s, the index %s %s", r.Name, d.ID, d.Severity, r.ID, r.Severity))
			continue
		}
		r.Title, r.Rationale, r.Examples, r.Doc, r.Fails, r.Message = d.Title, d.Rationale, d.Examples, d.Doc, d.Fails, d.Message
	}
	if err := Validate(rs); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

var (
	idPattern   = lazyre.New(`^AGW\d{3}$`)
	namePattern = lazyre.New(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
)

// Validate checks the metadata of a rule set: unique well-formed ids and
// names, a one-line title, a severity, a rationale and both a failing and a
// passing example.
func Validate(rs []*Rule) error {
	ids, names := map[string]bool{}, map[string]bool{}
	for _, r := range rs {
		switch {
		case !idPattern().MatchString(r.ID):
			return fmt.Errorf("rules: %s: id %q is not of the form AGW123", r.Name, r.ID)
		case !namePattern().MatchString(r.Name):
			return fmt.Errorf("rules: %s: name is not kebab-case", r.Name)
		case ids[r.ID]:
			return fmt.Errorf("rules: %s: id %s is used twice", r.Name, r.ID)
		case names[r.Name]:
			return fmt.Errorf("rules: name %s is used twice", r.Name)
		case r.Title == "" || strings.HasSuffix(r.Title, ".") || strings.Contains(r.Title, "\n") || len(r.Title) > 80:
			return fmt.Errorf("rules: %s: title must be one line of at most 80 characters without a trailing period", r.Name)
		case r.Severity == 0:
			return fmt.Errorf("rules: %s: no severity", r.Name)
		case r.Rationale == "":
			return fmt.Errorf("rules: %s: no rationale", r.Name)
		}
		var good, bad bool
		for _, e := range r.Examples {
			good, bad = good || e.Good, bad || !e.Good
		}
		if !good || !bad {
			return fmt.Errorf("rules: %s: the doc needs a '## Bad' and a '## Good' example", r.Name)
		}
		ids[r.ID], names[r.Name] = true, true
	}
	return nil
}

// parseDoc reads a rule document: front matter (id, title, severity,
// fails, message; see parseFrontMatter) between "---" lines, the rationale
// up to the first "## " heading, and fenced examples under "## Bad" and
// "## Good".
func parseDoc(name, src string) (*Rule, error) {
	file := "internal/rules/docs/" + name + ".md"
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if !strings.HasPrefix(src, "---\n") {
		return nil, fmt.Errorf("%s: no front matter", file)
	}
	end := strings.Index(src[4:], "\n---\n")
	if end < 0 {
		return nil, fmt.Errorf("%s: front matter is not closed", file)
	}
	meta, err := parseFrontMatter(file, 2, src[4:4+end])
	if err != nil {
		return nil, err
	}
	sev, err := ParseSeverity(meta["severity"])
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	body := strings.TrimSpace(src[4+end+5:])
	r := &Rule{ID: meta["id"], Name: name, Title: meta["title"], Severity: sev, Doc: body, Fails: meta["fails"], Message: meta["message"]}
	r.Rationale = strings.TrimSpace(strings.SplitN(body, "\n## ", 2)[0])
	section := ""
	lines := strings.Split(body, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "## ") {
			section = strings.TrimSpace(l[3:])
			continue
		}
		if strings.HasPrefix(l, "```") && (section == "Bad" || section == "Good") {
			ex := Example{Good: section == "Good", Lang: strings.TrimSpace(l[3:])}
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
				code = append(code, lines[i])
			}
			ex.Code = strings.Join(code, "\n") + "\n"
			r.Examples = append(r.Examples, ex)
		}
	}
	return r, nil
}

// frontMatterKeys are the keys a rule document's front matter may have.
var frontMatterKeys = map[string]bool{"id": true, "title": true, "severity": true, "fails": true, "message": true}

// parseFrontMatter reads front matter whose first line is line first of
// file: one "key: value" a line, each key known and given once. A value is
// plain text, or a string in double quotes (with the escapes \" \\ \/ \n
// \t) or single quotes (two of them for one). Anything else, such as a plain
// value that YAML would read as something other than that text, is an
// error naming the file and line; a key not given is "".
func parseFrontMatter(file string, first int, text string) (map[string]string, error) {
	out := map[string]string{}
	for i, line := range strings.Split(text, "\n") {
		errorf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: front matter: "+format, append([]any{file, first + i}, args...)...)
		}
		key, raw, ok := strings.Cut(line, ":")
		switch {
		case !ok || !namePattern().MatchString(key):
			return nil, errorf("want key: value, not %q", line)
		case !frontMatterKeys[key]:
			return nil, errorf("unknown key %q", key)
		case out[key] != "": // values are never empty
			return nil, errorf("%s is given twice", key)
		case raw != "" && raw[0] != ' ':
			return nil, errorf("want a space after %s:", key)
		}
		v, err := frontMatterValue(strings.TrimSpace(raw))
		if err != nil {
			return nil, errorf("%s: %v", key, err)
		}
		if v == "" {
			return nil, errorf("%s has no value", key)
		}
		out[key] = v
	}
	return out, nil
}

// frontMatterValue is the text of a front matter value: a quoted string
// unquoted, or plain text as it is.
func frontMatterValue(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	switch q := v[0]; {
	case q == '"' || q == '\'':
		var b strings.Builder
		for i := 1; i < len(v); i++ {
			c := v[i]
			switch {
			case c == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
				b.WriteByte(c)
				i++
			case c == q:
				if i != len(v)-1 {
					return "", fmt.Errorf("text after the closing quote: %q", v[i+1:])
				}
				return b.String(), nil
			case c == '\\' && q == '"':
				if i+1 == len(v) {
					return "", fmt.Errorf("the string is not closed")
				}
				i++
				e, ok := map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'n': '\n', 't': '\t'}[v[i]]
				if !ok {
					return "", fmt.Errorf("unsupported escape \\%c", v[i])
				}
				b.WriteByte(e)
			default:
				b.WriteByte(c)
			}
		}
		return "", fmt.Errorf("the string is not closed")
	case strings.ContainsRune("-?:,[]{}#&*!|>%@`", rune(q)), strings.Contains(v, ": "), strings.Contains(v, " #"),
		strings.HasSuffix(v, ":"), v == "~", v == "null":
		return "", fmt.Errorf("quote the value %s: YAML would not read it as this text", v)
	}
	return v, nil
}

// ByID returns the rule with the id or name given, or nil.
func ByID(idOrName string) *Rule {
	for _, r := range All {
		if strings.EqualFold(r.ID, idOrName) || r.Name == idOrName {
			return r
		}
	}
	return nil
}
