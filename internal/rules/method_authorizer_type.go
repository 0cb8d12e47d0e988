package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkMethodAuthorizerType: the AuthorizationType of an
// AWS::ApiGateway::Method fits the AWS::ApiGateway::Authorizer its
// AuthorizerId names: CUSTOM needs a TOKEN or REQUEST authorizer,
// COGNITO_USER_POOLS a COGNITO_USER_POOLS one, and an AuthorizerId is only
// used with one of those two authorization types. Only literal types of an
// authorizer of the same template are judged.
func checkMethodAuthorizerType(p *FilePass) {
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
