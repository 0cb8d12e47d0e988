package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
)

// What the whole-stack rules (AGW180-AGW183) share: the SAM events of a
// template, which make SAM add integrations and Lambda permissions the
// template does not spell out.

const (
	samAPIType      = "AWS::Serverless::Api"
	samFunctionType = "AWS::Serverless::Function"
	restAPIType     = "AWS::ApiGateway::RestApi"
	// samImplicitAPI is the logical id of the API SAM makes for Api events
	// without a RestApiId.
	samImplicitAPI = "ServerlessRestApi"
)

// samEvents is what the Api events of a template's SAM functions add to
// the REST APIs they name.
type samEvents struct {
	// unsettled: an Api event whose API the template does not settle (a
	// parameter, an import, an Fn::If): it may add to any API.
	unsettled bool
	// whole: APIs an event adds to at a path or method that is not a
	// literal.
	whole map[string]bool
	// ops: API logical id -> "path method" (method as an OpenAPI
	// operation key) of the integrations SAM adds.
	ops map[string]map[string]bool
	// functions: functions with an Api or HttpApi event, for which SAM
	// creates a Lambda permission for API Gateway.
	functions map[string]bool
}

// samEventsOf reads the events of every AWS::Serverless::Function.
func samEventsOf(list []*doc.Resource, byName map[string]*doc.Resource) *samEvents {
	ev := &samEvents{whole: map[string]bool{}, ops: map[string]map[string]bool{}, functions: map[string]bool{}}
	for _, r := range list {
		if r.Type != samFunctionType {
			continue
		}
		_, events := r.Prop("Events")
		if v := doc.Classify(events); v.Kind != doc.KindMap && v.Kind != doc.KindNull {
			ev.unsettled = true // events computed: anything may be there
			ev.functions[r.Name] = true
			continue
		}
		doc.Pairs(events, func(_, e *doc.Node) {
			_, t := doc.Get(e, "Type")
			tv := doc.Classify(t)
			if tv.Kind != doc.KindString {
				ev.unsettled = true
				ev.functions[r.Name] = true
				return
			}
			switch tv.Text {
			case "Api", "HttpApi":
				ev.functions[r.Name] = true
			}
			if tv.Text != "Api" {
				return
			}
			_, props := doc.Get(e, "Properties")
			k, id := doc.Get(props, "RestApiId")
			api := samImplicitAPI
			if k != nil {
				api = doc.LogicalID(id)
				if api == "" || byName[api] == nil {
					ev.unsettled = true // a parameter, an import, a literal id
					return
				}
			}
			_, path := doc.Get(props, "Path")
			_, method := doc.Get(props, "Method")
			pv, mv := doc.Classify(path), doc.Classify(method)
			if pv.Kind != doc.KindString || mv.Kind != doc.KindString {
				ev.whole[api] = true
				return
			}
			m := strings.ToLower(strings.TrimSpace(mv.Text))
			if m == "any" {
				m = "x-amazon-apigateway-any-method"
			}
			if ev.ops[api] == nil {
				ev.ops[api] = map[string]bool{}
			}
			ev.ops[api][pv.Text+" "+m] = true
		})
	}
	return ev
}

// adds reports whether SAM may add an integration to the operation of the
// API at path and method (an OpenAPI operation key).
func (ev *samEvents) adds(api, path, method string) bool {
	return ev.unsettled || ev.whole[api] || ev.ops[api][path+" "+strings.ToLower(method)]
}

// verbOf spells an operation key as a method: GET, or ANY for
// x-amazon-apigateway-any-method.
func verbOf(key string) string {
	if key == "x-amazon-apigateway-any-method" {
		return "ANY"
	}
	return strings.ToUpper(key)
}

// literalText returns the text of a literal string, trimmed, or "".
func literalText(n *doc.Node) string {
	if v := doc.Classify(n); v.Kind == doc.KindString {
		return strings.TrimSpace(v.Text)
	}
	return ""
}
