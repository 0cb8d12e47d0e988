package rules

import (
	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkLambdaPermissionSourceArn: the AWS::Lambda::Permission resources
// that let API Gateway invoke a function of the template restrict the
// caller with a SourceArn, arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/
// STAGE/METHOD/RESOURCE_PATH, which Lambda compares with StringLike (* any
// run of characters, ? one). An integration of the template that invokes
// the function without credentials, and that none of them can match (they
// name another API of the template, or a method or path that excludes the
// integration's), fails at run time just as with no permission at all.
// lambda-permission reports a function without any permission; this rule
// reports at the SourceArn of a function that has some.
//
// Only what the template settles is judged: a part of the SourceArn that
// is a parameter, an import or a reference to anything but an API of the
// template matches anything, and so does a stage. The method and path are
// judged for REST APIs only (an operation of a Body or DefinitionBody, or
// an AWS::ApiGateway::Method whose path the template settles); for HTTP
// and WebSocket APIs only the API is. Letter case is not judged.
func checkLambdaPermissionSourceArn(p *FilePass) {
	checkTerraformSourceArn(p) // a Terraform module: terraform_stack.go
	g := lambdaGrantsOf(p.Result)
	if g == nil {
		return
	}
	sam := !otherTransform(p.Result.File.Root) && hasSAMTransform(p.Result.File.Root)
	for _, li := range g.invocations {
		perms := g.permissions[li.function]
		if g.granted[li.function] || len(perms) == 0 {
			continue
		}
		subj := sourceSubjectOf(li.in, g.byName)
		excluded := true
		var first *doc.Node
		why := ""
		for _, perm := range perms {
			k, arn := perm.Prop("SourceArn")
			if k == nil {
				excluded = false
				break
			}
			ok, reason := subj.mayMatch(sourcePattern(arn, g.byName, sam))
			if ok {
				excluded = false
				break
			}
			if first == nil {
				first, why = arn, reason
			}
		}
		if !excluded || first == nil {
			continue
		}
		at := perms[0]
		for _, perm := range perms {
			if _, arn := perm.Prop("SourceArn"); arn == first {
				at = perm
			}
		}
		others := ""
		switch n := len(perms) - 1; {
		case n == 1:
			others = fmt.Sprintf(", nor can the other permission for %s", li.function)
		case n > 1:
			others = fmt.Sprintf(", nor can the other %d permissions for %s", n, li.function)
		}
		p.Report(first, doc.Join(at.Pointer, "SourceArn"), "the SourceArn of %s cannot match %s, which invokes the Lambda function %s without credentials (%s%s): every call fails with 500 (Invalid permissions on Lambda function); give it a SourceArn such as %s", at.Name, subj.describe(), li.function, why, others, subj.suggest())
	}
}

// hasSAMTransform reports whether the template names the SAM transform,
// which makes the implicit APIs ServerlessRestApi and ServerlessHttpApi.
func hasSAMTransform(root *doc.Node) bool {
	_, t := doc.Get(root, "Transform")
	return t != nil
}

// apiResourceTypes are the resources whose Ref (and whose RestApiId or
// ApiId attribute) is an API's id.
var apiResourceTypes = map[string]bool{
	restAPIType: true, samAPIType: true, doc.V2APIType: true, "AWS::Serverless::HttpApi": true,
}

// sourceSubject is what API Gateway puts in the source ARN when the
// integration is invoked, as far as the template settles it.
type sourceSubject struct {
	api  string // logical id of the API; "" when unknown
	rest bool   // a REST API: the method and path are judged
	// method is the HTTP method in upper case, "" when unknown or ANY;
	// path the resource path, "" when unknown.
	method, path string
}

// sourceSubjectOf works out the subject of an integration.
func sourceSubjectOf(in *doc.Integration, byName map[string]*doc.Resource) sourceSubject {
	var s sourceSubject
	isAPI := func(id string) string {
		if r := byName[id]; r != nil && apiResourceTypes[r.Type] {
			return id
		}
		return ""
	}
	switch {
	case in.Shape == doc.ShapeCloudFormation && in.Op != nil:
		_, id := doc.Get(in.Op.Node, "RestApiId")
		s.api, s.rest = isAPI(doc.LogicalID(id)), true
		s.method, s.path = strings.ToUpper(in.Op.Method), in.Op.Path
	case in.Shape == doc.ShapeV2CloudFormation:
		if f := in.Field("apiId"); f != nil {
			s.api = isAPI(doc.LogicalID(f.Value))
		}
	case in.API != nil && in.API.Template != nil:
		s.api = isAPI(in.API.Template.Resource)
		s.rest = in.API.Kind == doc.REST && in.API.KindCertain
		if in.Op != nil {
			s.method, s.path = verbOf(in.Op.Method), in.Op.Path
		} else {
			s.rest = false
		}
	}
	if s.method == "ANY" {
		s.method = ""
	}
	return s
}

// describe names the subject for messages: "GET /pets of the API Api".
func (s sourceSubject) describe() string {
	api := "the API"
	if s.api != "" {
		api = "the API " + s.api
	}
	if !s.rest || s.path == "" {
		return api
	}
	m := s.method
	if m == "" {
		m = "ANY"
	}
	return m + " " + s.path + " of " + api
}

// suggest is a SourceArn that matches the subject.
func (s sourceSubject) suggest() string {
	api := "API_ID"
	if s.api != "" {
		api = "${" + s.api + "}"
	}
	return s.suggestFrom("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"+api, api)
}

// suggestFrom is a source ARN that matches the subject, after the
// execution ARN of its API (arn:...:API_ID), and, when that one names the
// stage, method and path, the one for the whole API, after short (what
// stands for the execution ARN in a short reminder).
func (s sourceSubject) suggestFrom(exec, short string) string {
	rest := "/*"
	if s.rest && s.path != "" {
		m := s.method
		if m == "" {
			m = "*"
		}
		var b strings.Builder
		for _, seg := range strings.Split(strings.TrimPrefix(s.path, "/"), "/") {
			if strings.HasPrefix(seg, "{") {
				seg = "*"
			}
			b.WriteString("/" + seg)
		}
		rest = "/*/" + m + b.String()
	}
	arn := exec + rest
	if rest != "/*" {
		arn += " (or " + short + "/* for every stage, method and path)"
	}
	return arn
}

// A pattern symbol: a literal byte, * (pStar: any run, also what the
// template does not settle), ? (pOne) or an API of the template (pAPI).
type psym struct {
	kind byte // pLit, pStar, pOne, pAPI
	c    byte
	api  string
}

const (
	pLit byte = iota
	pStar
	pOne
	pAPI
)

// sourcePattern reads a SourceArn into pattern symbols; nil when it is
// not one the template settles (the whole value a reference or a
// function), which matches anything.
func sourcePattern(n *doc.Node, byName map[string]*doc.Resource, sam bool) []psym {
	token := func(id, attr string) psym {
		r := byName[id]
		implicit := sam && r == nil && (id == samImplicitAPI || id == "ServerlessHttpApi")
		if (implicit || r != nil && apiResourceTypes[r.Type]) && (attr == "" || attr == "RestApiId" || attr == "ApiId") {
			return psym{kind: pAPI, api: id}
		}
		return psym{kind: pStar}
	}
	lit := litSyms
	var part func(n *doc.Node, out []psym) []psym
	part = func(n *doc.Node, out []psym) []psym {
		if id := doc.RefName(n); id != "" {
			return append(out, token(id, ""))
		}
		if id, attr, ok := doc.GetAtt(n); ok {
			return append(out, token(id, attr))
		}
		v := doc.Classify(n)
		switch v.Kind {
		case doc.KindString:
			return lit(out, v.Text)
		case doc.KindTemplate:
			vars := doc.SubVariables(n)
			text := v.Text
			for text != "" {
				i := strings.Index(text, "${")
				if i < 0 {
					return lit(out, text)
				}
				out = lit(out, text[:i])
				j := strings.Index(text[i:], "}")
				if j < 0 {
					return lit(out, text[i:])
				}
				name := text[i+2 : i+j]
				text = text[i+j+1:]
				switch {
				case strings.HasPrefix(name, "!"):
					out = lit(out, "${"+name[1:]+"}")
				case vars[name] != nil:
					out = part(vars[name], out)
				case strings.Contains(name, "::"):
					out = append(out, psym{kind: pStar}) // AWS::Region, AWS::AccountId ...
				default:
					id, attr, _ := strings.Cut(name, ".")
					out = append(out, token(id, attr))
				}
			}
			return out
		}
		fn, arg := doc.IntrinsicOf(n)
		if r := doc.Resolve(n); r != nil && r.Tag == "!Join" {
			fn, arg = "Fn::Join", r
		}
		if fn == "Fn::Join" {
			arg = doc.Resolve(arg)
			if arg != nil && arg.Kind == doc.SequenceNode && len(arg.Content) == 2 {
				delim := doc.Classify(arg.Content[0])
				items := doc.Resolve(arg.Content[1])
				if delim.Kind == doc.KindString && items != nil && items.Kind == doc.SequenceNode {
					for i, item := range items.Content {
						if i > 0 {
							out = lit(out, delim.Text)
						}
						out = part(item, out)
					}
					return out
				}
			}
		}
		return append(out, psym{kind: pStar})
	}
	if doc.RefName(n) != "" {
		return nil
	}
	if _, _, ok := doc.GetAtt(n); ok {
		return nil
	}
	return part(n, nil)
}

// litSyms appends the symbols of literal text: * and ? are StringLike's
// wildcards.
func litSyms(out []psym, text string) []psym {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '*':
			out = append(out, psym{kind: pStar})
		case '?':
			out = append(out, psym{kind: pOne})
		default:
			out = append(out, psym{kind: pLit, c: text[i]})
		}
	}
	return out
}

// mayMatch reports whether a source ARN the subject makes may match the
// pattern, and, when it cannot, why.
func (s sourceSubject) mayMatch(pat []psym) (bool, string) {
	// The source ARN has five colons before its resource part, and a
	// resource path with a colon in it is not judged: the five literal
	// colons of the pattern then stand for those five, whatever the
	// wildcards between them.
	if pat == nil || strings.Contains(s.path, ":") {
		return true, ""
	}
	colons, start := 0, 0
	for i, c := range pat {
		if c.kind == pLit && c.c == ':' {
			colons++
			start = i + 1
		}
	}
	if colons != 5 {
		return true, ""
	}
	res := pat[start:]
	// The API id: the first segment of the resource part.
	end := 0
	for end < len(res) && !(res[end].kind == pLit && res[end].c == '/') {
		end++
	}
	idPart := res[:end]
	stripped := false
	switch {
	case len(idPart) == 1 && idPart[0].kind == pAPI:
		if s.api != "" && idPart[0].api != s.api {
			return false, "it names the API " + idPart[0].api
		}
		stripped = true
	case len(idPart) > 0 && allKind(idPart, pLit):
		stripped = true // a literal id: the template cannot tell
	}
	if !s.rest || s.path == "" {
		return true, ""
	}
	// The rest: /STAGE/METHOD/PATH, the stage unknown.
	var subj []ssym
	if stripped {
		res = res[end:]
	} else {
		subj = append(subj, ssym{kind: sSeg}) // the API id
	}
	subj = append(subj, ssym{kind: sLit, c: '/'}, ssym{kind: sSeg}, ssym{kind: sLit, c: '/'})
	if s.method == "" {
		subj = append(subj, ssym{kind: sSeg})
	} else {
		subj = appendLit(subj, strings.ToLower(s.method))
	}
	for _, seg := range strings.Split(strings.TrimPrefix(s.path, "/"), "/") {
		subj = append(subj, ssym{kind: sLit, c: '/'})
		switch {
		case strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "+}"):
			subj = append(subj, ssym{kind: sAny})
		case strings.HasPrefix(seg, "{"):
			subj = append(subj, ssym{kind: sSeg})
		default:
			subj = appendLit(subj, strings.ToLower(seg))
		}
	}
	if globIntersect(res, subj) {
		return true, ""
	}
	return false, "its stage, method and path pattern leaves that method out"
}

func allKind(ps []psym, k byte) bool {
	for _, p := range ps {
		if p.kind != k {
			return false
		}
	}
	return true
}

// A subject symbol: a literal byte (lower case), a run of characters
// without "/" (sSeg: a stage, a method, a path parameter) or any run
// (sAny: a greedy path parameter).
type ssym struct {
	kind byte // sLit, sSeg, sAny
	c    byte
}

const (
	sLit byte = iota
	sSeg
	sAny
)

func appendLit(out []ssym, text string) []ssym {
	for i := 0; i < len(text); i++ {
		out = append(out, ssym{kind: sLit, c: text[i]})
	}
	return out
}

// globIntersect reports whether some string matches both the pattern (an
// API symbol standing for any run) and the subject; letters compare
// without case.
func globIntersect(p []psym, s []ssym) bool {
	memo := map[[2]int]bool{}
	seen := map[[2]int]bool{}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		key := [2]int{i, j}
		if seen[key] {
			return memo[key]
		}
		seen[key] = true
		r := false
		switch {
		case i == len(p) && j == len(s):
			r = true
		case i < len(p) && (p[i].kind == pStar || p[i].kind == pAPI):
			r = match(i+1, j) || j < len(s) && match(i, j+1)
		case j < len(s) && s[j].kind != sLit:
			r = match(i, j+1)
			if !r && i < len(p) {
				c := p[i]
				if c.kind == pOne || c.kind == pLit && (s[j].kind == sAny || c.c != '/') {
					r = match(i+1, j)
				}
			}
		case i < len(p) && j < len(s):
			c := p[i]
			r = (c.kind == pOne || c.kind == pLit && lowerByte(c.c) == s[j].c) && match(i+1, j+1)
		}
		memo[key] = r
		return r
	}
	return match(0, 0)
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
