package rules

import (
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkMethodAuthorizerType: the AuthorizationType of an
// AWS::ApiGateway::Method fits the AWS::ApiGateway::Authorizer its
// AuthorizerId names: CUSTOM needs a TOKEN or REQUEST authorizer,
// COGNITO_USER_POOLS a COGNITO_USER_POOLS one, and an AuthorizerId is only
// used with one of those two authorization types. Only literal types of an
// authorizer of the same template are judged. The operations of OpenAPI
// documents are checked by checkBodySecurity.
func checkMethodAuthorizerType(p *FilePass) {
	for _, api := range p.Result.APIs {
		checkBodySecurity(p, api)
	}
	list, byName := p.Result.Resources()
	for _, r := range list {
		if r.Type != doc.MethodResourceType {
			continue
		}
		_, id := r.Prop("AuthorizerId")
		auth := byName[doc.LogicalID(id)]
		if auth == nil || auth.Type != "AWS::ApiGateway::Authorizer" {
			continue
		}
		_, at := auth.Prop("Type")
		authType := strings.ToUpper(literalText(at))
		if authType == "" {
			continue
		}
		tk, tv := r.Prop("AuthorizationType")
		method := strings.ToUpper(literalText(tv))
		ptr := doc.Join(r.Pointer, "AuthorizationType")
		switch {
		case tk == nil:
			p.WithSeverity(Warning).Report(id, doc.Join(r.Pointer, "AuthorizerId"), "%s names the %s authorizer %s but has no AuthorizationType (NONE): the authorizer is not used; set AuthorizationType: %s", r.Name, authType, auth.Name, fitting(authType))
		case method == "":
			// computed
		case method == "CUSTOM" && authType != "TOKEN" && authType != "REQUEST",
			method == "COGNITO_USER_POOLS" && authType != "COGNITO_USER_POOLS":
			p.Report(tv, ptr, "AuthorizationType %s does not fit the %s authorizer %s named by AuthorizerId; API Gateway rejects the method: use %s", method, authType, auth.Name, fitting(authType))
		case method != "CUSTOM" && method != "COGNITO_USER_POOLS":
			p.WithSeverity(Warning).Report(tv, ptr, "AuthorizationType %s ignores the %s authorizer %s named by AuthorizerId: an authorizer is only used with CUSTOM or COGNITO_USER_POOLS; use %s", method, authType, auth.Name, fitting(authType))
		}
	}
}

// fitting is the authorization type a method needs for an authorizer of
// type authType.
func fitting(authType string) string {
	if authType == "COGNITO_USER_POOLS" {
		return "COGNITO_USER_POOLS"
	}
	return "CUSTOM" // TOKEN and REQUEST (Lambda) authorizers
}

// checkBodySecurity is checkMethodAuthorizerType for the operations of an
// OpenAPI document (REST APIs): each name of an operation's security
// requirement is a security scheme of the document, and a scheme that
// says it is an authorizer (an x-amazon-apigateway-authtype other than
// the aws* values of IAM authorization) defines one with
// x-amazon-apigateway-authorizer. Root-level security is not read: REST
// API import ignores it. A SAM API with Auth adds the schemes of its
// authorizers to the body, so names are not judged there, nor in a
// document that defines no scheme at all.
func checkBodySecurity(p *FilePass, api *doc.API) {
	if api.KindCertain && api.Kind != doc.REST {
		return
	}
	schemesKey := "components.securitySchemes"
	schemesPtr := doc.Join(api.Pointer, "components", "securitySchemes")
	if k, _ := doc.Get(api.Root, "securityDefinitions"); k != nil {
		schemesKey, schemesPtr = "securityDefinitions", doc.Join(api.Pointer, "securityDefinitions")
	}
	schemes := securitySchemes(api)
	// A document without any scheme may be completed by the tool that
	// deploys it (SAM adds api_key for ApiKeyRequired, and the AWS SAM CLI
	// deploys such DefinitionUri documents in its own tests): names are
	// only judged against schemes the document writes itself.
	schemesKnown := schemes != nil && doc.Classify(schemes).Kind == doc.KindMap
	if api.Template != nil && (api.Template.Type == samAPIType || api.Template.Type == "AWS::Serverless::HttpApi") {
		res, _ := templateResource(api.File.Root, api.Template.Resource)
		if k, _ := doc.Get(res, "Auth"); k != nil {
			schemesKnown = false
		}
	}
	var names []string
	doc.Pairs(schemes, func(k, _ *doc.Node) { names = append(names, k.Value) })
	reported := map[string]bool{}
	_, paths := doc.Get(api.Root, "paths")
	doc.Pairs(paths, func(pk, item *doc.Node) {
		doc.Pairs(item, func(mk, op *doc.Node) {
			if !doc.OperationKeys[mk.Value] {
				return
			}
			_, sec := doc.Get(op, "security")
			sec = doc.Resolve(sec)
			if sec == nil || sec.Kind != doc.SequenceNode {
				return
			}
			secPtr := doc.Join(api.Pointer, "paths", pk.Value, mk.Value, "security")
			method := verbOf(mk.Value) + " " + pk.Value
			for i, req := range sec.Content {
				doc.Pairs(req, func(name, _ *doc.Node) {
					_, scheme := doc.Get(schemes, name.Value)
					if scheme == nil {
						if schemesKnown {
							p.WithSeverity(Warning).Report(name, doc.Join(secPtr, strconv.Itoa(i), name.Value), "the security requirement of %s names %q, which %s does not define: API Gateway has no authorizer or authorization type to apply for it, so the method does not get the protection the document asks for; define the scheme or fix the name%s", method, name.Value, schemesKey, extDidYouMean(extSuggest(name.Value, names)))
						}
						return
					}
					if reported[name.Value] {
						return
					}
					if rk, _ := doc.Get(scheme, "$ref"); rk != nil {
						return
					}
					tk, tv := doc.Get(scheme, "x-amazon-apigateway-authtype")
					authtype := literalText(tv)
					if tk == nil || authtype == "" || strings.HasPrefix(strings.ToLower(authtype), "aws") {
						return
					}
					if ak, _ := doc.Get(scheme, "x-amazon-apigateway-authorizer"); ak != nil {
						return
					}
					reported[name.Value] = true
					p.Report(tv, doc.Join(schemesPtr, name.Value, "x-amazon-apigateway-authtype"), "the security scheme %s has x-amazon-apigateway-authtype %q but no x-amazon-apigateway-authorizer, and %s names it: API Gateway creates no authorizer from it, and the methods whose security names it are not created on import; add the x-amazon-apigateway-authorizer, or remove the authtype (awsSigv4 is the one for IAM authorization)", name.Value, authtype, method)
				})
			}
		})
	})
}
