package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"
)

// respStatusCodeRE is the StatusCode pattern of the API model.
var respStatusCodeRE = lazyre.New(`^[1-5]\d\d$`)

// checkResponseStatusCode: every integration response has a statusCode of
// three digits, 100 to 599 (a YAML integer such as 200 is fine). In
// get-integration output, integrationResponses is keyed by the status code,
// so the key and the statusCode must agree.
func checkResponseStatusCode(p *Pass) {
	if p.In.Kind() == doc.HTTP {
		return
	}
	for _, r := range p.In.Responses {
		if doc.Classify(r.Node).Kind != doc.KindMap {
			continue // value-type's business
		}
		f := r.Field("statusCode")
		if f == nil {
			if r.Key == nil {
				p.Report(r.Node, r.Pointer, "%s entry %d has no StatusCode; add the status code of the method response it maps to, such as StatusCode: \"200\" (CloudFormation requires it)", p.In.KeyName("responses"), r.Index)
				continue
			}
			p.Report(r.Key, r.Pointer, "integration response %q has no statusCode; add the status code of the method response it maps to, such as statusCode: \"200\"", r.Key.Value)
			continue
		}
		v := f.Val()
		if v.Kind != doc.KindString && v.Kind != doc.KindInt {
			continue // intrinsics, and other types for value-type
		}
		code := strings.TrimSpace(v.Text)
		if isPlaceholder(code) {
			continue
		}
		if !respStatusCodeRE().MatchString(code) {
			msg := "%s %q is not a status code; expected three digits from 100 to 599"
			if len(code) == 3 && respStatusCodeRE().MatchString(code[:1]+"00") && strings.Trim(strings.ToLower(code[1:]), "x") == "" {
				msg += " (a statusCode is one code; match a range of backend responses with the selection pattern)"
			}
			p.ReportValue(f, msg, f.Key.Value, code)
			continue
		}
		if p.In.Shape == doc.ShapeGetIntegration && strings.TrimSpace(r.Key.Value) != code {
			p.ReportValue(f, "statusCode %q differs from its integrationResponses key %q; the key is the status code", code, r.Key.Value)
		}
	}
}
