package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/apigwlint/apigwlint/internal/javaregex"
)

// checkSelectionPattern: every selection pattern compiles as a Java regular
// expression, which is how API Gateway reads it. Constructs that Go's RE2
// lacks but Java has (lookaround, atomic groups, possessive quantifiers,
// backreferences, \p{javaLowerCase}, \Z, \h ...) are valid; see
// javaregex.Check for what is not judged.
func checkSelectionPattern(p *Pass) {
	if p.In.Kind() == doc.HTTP {
		return
	}
	for _, r := range p.In.Responses {
		if r.Pattern == nil {
			continue // "default" in OpenAPI; no selectionPattern in get-integration
		}
		node, text, ptr := r.Pattern, r.Pattern.Value, r.Pointer
		if p.In.Shape != doc.ShapeOpenAPI {
			f := r.Field("selectionPattern")
			v := f.Val()
			if v.Kind != doc.KindString {
				continue // intrinsics, and other types for value-type
			}
			node, text, ptr = f.Value, v.Text, f.Pointer()
		}
		if isPlaceholder(text) {
			continue
		}
		if why := javaregex.Check(text); why != nil {
			p.Report(node, ptr, "selection pattern %q is not a valid Java regular expression (%s); API Gateway rejects it with \"Invalid regex pattern specified\"", text, why)
			continue
		}
		if statusMatched(p.In) && neverMatchesStatus(text) {
			p.WithSeverity(Warning).Report(node, ptr, "selection pattern %q can never match: for a%s backend API Gateway matches it against the three-digit HTTP status code (error messages are matched only for Lambda), so this response is never chosen; write a status pattern such as 4\\d{2}", text, backendName(p.In))
		}
	}
	checkLambdaDefault(p)
}

// statusMatched reports whether the integration's selection patterns are
// matched against the backend's HTTP status code: an HTTP integration, or
// an AWS integration whose uri visibly calls a service other than Lambda.
func statusMatched(in *doc.Integration) bool {
	switch in.Type() {
	case "HTTP":
		return true
	case "AWS":
		v := in.Val("uri")
		if !v.IsText() || isLambdaInvocation(in) {
			return false
		}
		m := apigatewayService().FindStringSubmatch(replaceAll(strings.TrimSpace(v.Text), nextDollarVar, "VAR", false))
		return m != nil && m[1] != "lambda" && m[1] != "VAR"
	}
	return false
}

func backendName(in *doc.Integration) string {
	if in.Type() == "HTTP" {
		return "n HTTP"
	}
	return "n AWS service"
}

// javaOnly are constructs whose meaning Go's regexp does not share (class
// intersections, quoting, Java's own classes): such a pattern is not run.
var javaOnly = []string{"&&", `\Q`, `\p`, `\P`, `\h`, `\v`, `\R`, `\X`, `\G`, `\Z`, `\z`, `\e`, `\c`, "(?x", "(?<", "(?>", "(?=", "(?!"}

// neverMatchesStatus reports whether a selection pattern matches no
// three-digit status code, whether API Gateway applies it to the whole code
// or looks for it inside: it finds nothing in any of 100 to 999. A pattern
// Go's regexp reads differently from Java, or cannot read, is not judged.
func neverMatchesStatus(pattern string) bool {
	if v, ok := neverMatchesCache.Load(pattern); ok {
		return v.(bool)
	}
	never := judgeNeverMatches(pattern)
	if neverMatchesCount.Add(1) <= maxCachedPatterns {
		neverMatchesCache.Store(pattern, never)
	}
	return never
}

// neverMatchesCache keeps the verdict on each selection pattern seen: a
// large API repeats a handful of patterns thousands of times, and judging
// one runs it against 900 codes. It holds at most maxCachedPatterns
// patterns, so a hostile file of distinct patterns cannot grow it without
// bound.
var (
	neverMatchesCache sync.Map
	neverMatchesCount atomic.Int64
)

const maxCachedPatterns = 10_000

func judgeNeverMatches(pattern string) bool {
	for _, c := range javaOnly {
		if strings.Contains(pattern, c) {
			return false
		}
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return false
	}
	for code := 100; code <= 999; code++ {
		if re.MatchString(strconv.Itoa(code)) {
			return false
		}
	}
	return true
}

// checkLambdaDefault: a Lambda custom (AWS, non-proxy) integration matches
// selection patterns against the error message of a failed invocation; a
// successful one has none, so it always takes the default response. A
// default that maps to a 4xx or 5xx status, with no response mapping to
// 2xx, turns every success into an error.
func checkLambdaDefault(p *Pass) {
	if p.In.Type() != "AWS" || !isLambdaInvocation(p.In) {
		return
	}
	var def *doc.Response
	var defStatus string
	for _, r := range p.In.Responses {
		st, ok := responseStatus(r)
		if !ok {
			return // a computed status: cannot tell
		}
		if st != "" && st[0] == '2' {
			return
		}
		if r.Pattern == nil && def == nil {
			def, defStatus = r, st
		}
	}
	if def == nil || defStatus == "" || (defStatus[0] != '4' && defStatus[0] != '5') {
		return
	}
	f := def.Field("statusCode")
	p.WithSeverity(Warning).ReportValue(f, "the default response of a Lambda custom integration maps to %s, and no response maps to a 2xx status: a successful invocation has no error message to match, so it always takes the default and every success reaches the client as %s", defStatus, defStatus)
}

// responseStatus is the literal statusCode of an integration response ("" if
// it has none); ok is false when it is computed.
func responseStatus(r *doc.Response) (string, bool) {
	f := r.Field("statusCode")
	if f == nil {
		return "", true
	}
	v := f.Val()
	switch v.Kind {
	case doc.KindString, doc.KindInt:
		return strings.TrimSpace(v.Text), true
	}
	return "", false
}
