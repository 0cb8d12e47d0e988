package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strconv"
	"strings"
)

var (
	extAuthorizerTypes = []string{"token", "request", "cognito_user_pools", "jwt"}
	// extLambdaInvokeURI is the form of a Lambda authorizer's authorizerUri,
	// after extSubst has neutralised ${...} parts.
	extLambdaInvokeURI = lazyre.New(`^arn:[^:]+:apigateway:[^:]+:lambda:path/\d{4}-\d{2}-\d{2}/functions/.+/invocations$`)
	extRoleARN         = lazyre.New(`^arn:[^:]+:iam::[^:]*:(role|user)/.+$`)
	extUserPoolARN     = lazyre.New(`^arn:[^:]+:cognito-idp:[^:]+:[^:]+:userpool/.+$`)
	extRESTIdentity    = lazyre.New(`^(method\.request\.(header|querystring|multivalueheader|multivaluequerystring|path)\.[^\s]+|stageVariables\.[A-Za-z0-9_.-]+|context\.[A-Za-z0-9_.-]+)$`)
	extHTTPIdentity    = lazyre.New(`^(\$request\.(header|querystring)\.[^\s]+|\$context\.[A-Za-z0-9_.-]+|\$stageVariables\.[A-Za-z0-9_.-]+)$`)
)

// checkAuthorizer: each x-amazon-apigateway-authorizer of a security scheme
// has a documented type (token, request, cognito_user_pools for REST APIs;
// request, jwt for HTTP APIs), a Lambda invocation URI for Lambda
// authorizers, an IAM role ARN as credentials, identity sources in the
// grammar of its kind of API, a cache TTL of 0 to 3600 seconds, user pool
// ARNs for Cognito and a jwtConfiguration for JWT authorizers.
func checkAuthorizer(p *DocPass) {
	docKind, certain := extCertainKind(p.API, p.Result)
	p.API.EachSite(func(s doc.Site) {
		if s.Place != doc.PlaceSecurityScheme {
			return
		}
		extCheckAuthtype(p, s)
		f := doc.GetPair(s.Node, s.Pointer, "x-amazon-apigateway-authorizer")
		if f == nil {
			return
		}
		v, ok := extMapValue(p, f, "x-amazon-apigateway-authorizer must be an object with a type, not %s")
		if !ok {
			return
		}
		a := v.Node
		get := func(name string) *doc.Pair { return doc.GetPair(a, f.Pointer, name) }
		lit := func(g *doc.Pair) (doc.Value, bool) {
			if g == nil {
				return doc.Value{}, false
			}
			gv := doc.Classify(g.Value)
			// An empty string is how some generators (Pulumi) write "not set".
			empty := gv.Kind == doc.KindString && strings.TrimSpace(gv.Text) == ""
			return gv, extKnownValue(gv) && !empty
		}

		// The kind of API the authorizer is for: the document's when certain,
		// else what the authorizer's own properties say.
		kind, kindKnown := docKind, certain
		// AWS's own REST example carries "enableSimpleResponses": false, so
		// only a true value says HTTP API.
		if !certain {
			simple := false
			if g := get("enableSimpleResponses"); g != nil {
				simple = strings.EqualFold(strings.TrimSpace(doc.Classify(g.Value).Text), "true")
			}
			if simple || get("jwtConfiguration") != nil || get("authorizerPayloadFormatVersion") != nil {
				kind, kindKnown = doc.HTTP, true
			}
		}

		typ := ""
		tf := get("type")
		if tf == nil {
			p.Report(f.Key, f.Pointer, "x-amazon-apigateway-authorizer has no type; expected %s", extTypesFor(kind, kindKnown))
		} else if tv, ok := lit(tf); ok {
			t := strings.TrimSpace(tv.Text)
			switch {
			case tv.Kind != doc.KindString:
				extReport(p, *tf, "authorizer type must be a string (%s), not %s", extTypesFor(kind, kindKnown), extKindName(tv.Kind))
			case !contains(extAuthorizerTypes, strings.ToLower(t)):
				extReport(p, *tf, "authorizer type %q is not valid; expected %s%s", t, extTypesFor(kind, kindKnown), extDidYouMean(extSuggest(t, extAuthorizerTypes)))
			default:
				typ = strings.ToLower(t)
				if !kindKnown {
					switch typ {
					case "jwt":
						kind, kindKnown = doc.HTTP, true
					case "token", "cognito_user_pools":
						kind, kindKnown = doc.REST, true
					}
				}
				if certain && docKind == doc.REST && typ == "jwt" {
					extReport(p, *tf, "authorizer type %q is for HTTP APIs only; a REST API supports token, request and cognito_user_pools authorizers", t)
				}
				if certain && docKind == doc.HTTP && (typ == "token" || typ == "cognito_user_pools") {
					extReport(p, *tf, "authorizer type %q is for REST APIs only; an HTTP API supports request (Lambda) and jwt authorizers", t)
				}
			}
		}

		lambda := typ == "token" || typ == "request"
		if uf := get("authorizerUri"); uf != nil && (lambda || typ == "") {
			if uv := doc.Classify(uf.Value); uv.Known() && uv.Kind != doc.KindString && uv.Kind != doc.KindNull {
				extReport(p, *uf, "authorizerUri must be a string, not %s", extKindName(uv.Kind))
			} else if text, ok := extTextOf(uv); ok && text != "" && !extLambdaInvokeURI().MatchString(text) {
				msg := "authorizerUri %q is not a Lambda invocation URI; expected arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations"
				if strings.Contains(text, ":lambda:") && !strings.Contains(text, ":apigateway:") {
					msg += " (a function ARN goes inside it, not in its place)"
				}
				extReport(p, *uf, msg, strings.TrimSpace(uv.Text))
			}
		} else if uf == nil && lambda {
			p.Report(f.Key, f.Pointer, "%s authorizer has no authorizerUri; a Lambda authorizer needs the invocation URI of its function", typ)
		}

		if cf := get("authorizerCredentials"); cf != nil {
			if cv, ok := lit(cf); ok && cv.Kind == doc.KindString && !strings.Contains(cv.Text, "${") && !strings.HasPrefix(strings.TrimSpace(cv.Text), "REPLACE_ME") {
				t := strings.TrimSpace(cv.Text)
				if !extRoleARN().MatchString(t) {
					extReport(p, *cf, "authorizerCredentials %q is not an IAM role ARN; expected arn:aws:iam::ACCOUNT_ID:role/NAME", t)
				}
			}
		}

		if tf := get("authorizerResultTtlInSeconds"); tf != nil {
			if tv, ok := lit(tf); ok {
				if n, isInt := extInt(tv); !isInt || n < 0 || n > 3600 {
					extReport(p, *tf, "authorizerResultTtlInSeconds %s is not valid; expected an integer from 0 (no caching) to 3600", extValueText(tv))
				}
			}
		}

		if typ == "request" || typ == "jwt" {
			if sf := get("identitySource"); sf != nil {
				if sv, ok := lit(sf); ok {
					extCheckIdentitySource(p, *sf, sv, kind, kindKnown)
				}
			}
		}

		var version string
		if vf := get("authorizerPayloadFormatVersion"); vf != nil {
			if vv, ok := lit(vf); ok {
				version = strings.TrimSpace(vv.Text)
				if n, err := strconv.ParseFloat(version, 64); vv.Kind == doc.KindMap || vv.Kind == doc.KindSeq || err != nil || (n != 1 && n != 2) {
					extReport(p, *vf, "authorizerPayloadFormatVersion %s is not valid; expected \"1.0\" or \"2.0\"", extValueText(vv))
					version = ""
				}
			}
		}
		if ef := get("enableSimpleResponses"); ef != nil {
			if ev, ok := lit(ef); ok {
				switch {
				case !extBool(ev):
					extReport(p, *ef, "enableSimpleResponses must be true or false, not %s", extValueText(ev))
				case strings.EqualFold(strings.TrimSpace(ev.Text), "true") && version != "" && version[0] == '1':
					extReport(p, *ef, "enableSimpleResponses needs authorizerPayloadFormatVersion \"2.0\"; with %q the authorizer must return an IAM policy", version)
				}
			}
		}

		if typ == "cognito_user_pools" {
			pf := get("providerARNs")
			if pf == nil {
				p.Report(f.Key, f.Pointer, "cognito_user_pools authorizer has no providerARNs; expected the ARNs of its Cognito user pools")
			} else if pv, ok := lit(pf); ok {
				if pv.Kind != doc.KindSeq {
					extReport(p, *pf, "providerARNs must be an array of Cognito user pool ARNs, not %s", extKindName(pv.Kind))
				} else {
					for i, item := range pv.Node.Content {
						iv := doc.Classify(item)
						if text, ok := extTextOf(iv); ok && !strings.Contains(text, "REPLACE_ME") && !extUserPoolARN().MatchString(text) {
							p.Report(item, doc.Join(pf.Pointer, strconv.Itoa(i)), "%q is not a Cognito user pool ARN; expected arn:aws:cognito-idp:REGION:ACCOUNT_ID:userpool/POOL_ID", strings.TrimSpace(iv.Text))
						}
					}
				}
			}
		}

		if typ == "jwt" {
			extCheckJWT(p, s, *f, get("jwtConfiguration"), get("openIdConnectUrl") != nil)
		}

		if lambda || typ == "cognito_user_pools" {
			if !certain || docKind == doc.REST {
				extCheckSchemeShape(p, s, typ)
			}
		}
	})
}

// extTypesFor lists the authorizer types of a kind of API.
func extTypesFor(kind doc.APIKind, known bool) string {
	switch {
	case known && kind == doc.HTTP:
		return "request or jwt"
	case known:
		return "token, request or cognito_user_pools"
	}
	return "token, request or cognito_user_pools (REST APIs), or request or jwt (HTTP APIs)"
}

// extCheckIdentitySource checks the identity sources of a request or JWT
// authorizer against the grammar of its kind of API. A REST API takes one
// string of comma-separated expressions; an HTTP API also takes an array of
// them, the form AWS SAM generates for every HTTP API Lambda and JWT
// authorizer, so an array is only wrong where the API is certainly REST.
func extCheckIdentitySource(p *DocPass, f doc.Pair, v doc.Value, kind doc.APIKind, known bool) {
	type source struct {
		text string
		at   doc.Pair // where to report it: the string, or the array item
	}
	var sources []source
	split := func(text string, at doc.Pair) {
		for _, src := range strings.Split(text, ",") {
			sources = append(sources, source{strings.TrimSpace(src), at})
		}
	}
	switch {
	case v.Kind == doc.KindSeq && known && kind == doc.REST:
		extReport(p, f, "identitySource of a REST API authorizer must be a string of comma-separated mapping expressions, not an array (only HTTP APIs take an array)")
		return
	case v.Kind == doc.KindSeq:
		for i, item := range v.Node.Content {
			iv := doc.Classify(item)
			if iv.Kind != doc.KindString || strings.Contains(iv.Text, "${") || strings.Contains(iv.Text, "{{") {
				continue // an intrinsic or a placeholder: not judged
			}
			split(iv.Text, doc.Pair{Key: f.Key, Value: item, Pointer: doc.Join(f.Pointer, strconv.Itoa(i))})
		}
	case v.Kind != doc.KindString:
		extReport(p, f, "identitySource must be a string of comma-separated mapping expressions, not %s", extKindName(v.Kind))
		return
	case strings.Contains(v.Text, "${") || strings.Contains(v.Text, "{{"):
		return
	default:
		split(v.Text, f)
	}
	for _, s := range sources {
		src, f := s.text, s.at
		rest, http := extRESTIdentity().MatchString(src), extHTTPIdentity().MatchString(src)
		switch {
		case known && kind == doc.REST && !rest && http:
			extReport(p, f, "identity source %q is HTTP API syntax; a REST API expects %s", src, extToREST(src))
		case known && kind == doc.HTTP && !http && rest:
			extReport(p, f, "identity source %q is REST API syntax; an HTTP API expects %s", src, extToHTTP(src))
		case rest || http:
		case known && kind == doc.HTTP:
			extReport(p, f, "identity source %q is not valid; expected $request.header.NAME, $request.querystring.NAME, $context.NAME or $stageVariables.NAME", src)
		case known:
			extReport(p, f, "identity source %q is not valid; expected method.request.header.NAME, method.request.querystring.NAME, stageVariables.NAME or context.NAME", src)
		default:
			extReport(p, f, "identity source %q is not valid; expected method.request.header.NAME (REST APIs) or $request.header.NAME (HTTP APIs)", src)
		}
	}
}

// extToREST rewrites an HTTP API identity source in REST syntax.
func extToREST(src string) string {
	if strings.HasPrefix(src, "$request.") {
		return "method.request." + strings.TrimPrefix(src, "$request.")
	}
	return strings.TrimPrefix(src, "$")
}

// extToHTTP rewrites a REST identity source in HTTP API syntax.
func extToHTTP(src string) string {
	if strings.HasPrefix(src, "method.request.") {
		return "$request." + strings.TrimPrefix(src, "method.request.")
	}
	return "$" + src
}

// extCheckJWT: a JWT authorizer needs a jwtConfiguration with its audience
// and, unless discovered from an openIdConnectUrl, its issuer.
func extCheckJWT(p *DocPass, s doc.Site, f doc.Pair, jf *doc.Pair, authzOIDC bool) {
	if jf == nil {
		p.Report(f.Key, f.Pointer, "jwt authorizer has no jwtConfiguration; expected its audience and issuer")
		return
	}
	jv := doc.Classify(jf.Value)
	if !extKnownValue(jv) {
		return
	}
	if jv.Kind != doc.KindMap {
		extReport(p, *jf, "jwtConfiguration must be an object with audience and issuer, not %s", extKindName(jv.Kind))
		return
	}
	if af := doc.GetPair(jv.Node, jf.Pointer, "audience"); af == nil {
		p.Report(jf.Key, jf.Pointer, "jwtConfiguration has no audience; expected the list of accepted audiences (client IDs)")
	} else if av := doc.Classify(af.Value); extKnownValue(av) && av.Kind != doc.KindSeq {
		extReport(p, *af, "audience must be an array of strings, not %s", extKindName(av.Kind))
	}
	oidc := authzOIDC || doc.GetPair(s.Node, s.Pointer, "openIdConnectUrl") != nil
	if doc.GetPair(jv.Node, jf.Pointer, "issuer") == nil && !oidc {
		p.Report(jf.Key, jf.Pointer, "jwtConfiguration has no issuer and the security scheme has no openIdConnectUrl to discover it from")
	}
}

// extCheckSchemeShape: in a REST API, a security scheme with a Lambda or
// Cognito authorizer is of type apiKey, and a token authorizer reads its
// token from a header.
func extCheckSchemeShape(p *DocPass, s doc.Site, typ string) {
	tf := doc.GetPair(s.Node, s.Pointer, "type")
	if tf == nil {
		return
	}
	tv := doc.Classify(tf.Value)
	if !extKnownValue(tv) || tv.Kind != doc.KindString {
		return
	}
	if t := strings.TrimSpace(tv.Text); t != "apiKey" {
		extReport(p, *tf, "a security scheme with a %s authorizer must be of type apiKey, not %q", typ, t)
		return
	}
	if typ != "token" && typ != "cognito_user_pools" {
		return
	}
	if inf := doc.GetPair(s.Node, s.Pointer, "in"); inf != nil {
		if iv := doc.Classify(inf.Value); extKnownValue(iv) && iv.Kind == doc.KindString && strings.TrimSpace(iv.Text) != "header" {
			extReport(p, *inf, "a %s authorizer reads its token from a header: the security scheme needs in: header, not %q", typ, iv.Text)
		}
	}
}

// extCheckAuthtype: x-amazon-apigateway-authtype is a string; values
// starting with "aws" (awsSigv4) are reserved for IAM authorization, so a
// scheme that also defines a Lambda or Cognito authorizer contradicts it.
func extCheckAuthtype(p *DocPass, s doc.Site) {
	f := doc.GetPair(s.Node, s.Pointer, "x-amazon-apigateway-authtype")
	if f == nil {
		return
	}
	v := doc.Classify(f.Value)
	if !extKnownValue(v) {
		return
	}
	if v.Kind == doc.KindMap || v.Kind == doc.KindSeq {
		extReport(p, *f, "x-amazon-apigateway-authtype must be a string, not %s", extKindName(v.Kind))
		return
	}
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(v.Text)), "aws") && doc.GetPair(s.Node, s.Pointer, "x-amazon-apigateway-authorizer") != nil {
		p.WithSeverity(Warning).Report(f.Value, f.Pointer, "x-amazon-apigateway-authtype %q is reserved for IAM authorization, but this security scheme defines an x-amazon-apigateway-authorizer; use a custom label such as \"custom\"", strings.TrimSpace(v.Text))
	}
}
