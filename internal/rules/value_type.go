package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strconv"
	"strings"
)

// jsonType is the JSON type a field's value must have.
type jsonType int

const (
	tString     jsonType = iota
	tInteger             // a whole number
	tBoolean             //
	tStringMap           // an object whose values are strings
	tObject              // an object with fields of its own
	tObjectMap           // an object whose values are objects
	tStringList          // an array of strings
	tVersion             // "1.0" or 2.0: a string or a number
	tObjectList          // an array of objects
)

var typeNames = map[jsonType]string{
	tString: "a string", tInteger: "an integer", tBoolean: "a boolean", tStringMap: "an object of strings",
	tObject: "an object", tObjectMap: "an object of objects", tStringList: "an array of strings", tVersion: "a string",
	tObjectList: "an array of objects",
}

// fieldTypes gives the type of every canonical field.
var fieldTypes = map[string]jsonType{
	"type": tString, "uri": tString, "httpMethod": tString, "connectionType": tString, "connectionId": tString,
	"credentials": tString, "passthroughBehavior": tString, "cacheNamespace": tString, "contentHandling": tString,
	"responseTransferMode": tString, "integrationTarget": tString, "integrationSubtype": tString,
	"methodHttpMethod": tString, "restApiId": tString, "resourceId": tString, "statusCode": tString,
	"selectionPattern": tString, "timeoutInMillis": tInteger, "requestParameters": tStringMap,
	"requestTemplates": tStringMap, "responseTemplates": tStringMap, "cacheKeyParameters": tStringList,
	"tlsConfig": tObject, "responses": tObjectMap, "integrationResponses": tObjectMap,
	"payloadFormatVersion": tVersion,
}

// checkValueTypes: every field holds a value of its JSON type. OpenAPI
// documents go through a lenient parser that turns numbers into strings
// (statusCode: 200 is common and fine) but not objects into strings; the AWS
// CLI checks types strictly. CloudFormation and Terraform convert between
// strings, numbers and booleans themselves; CloudFormation's
// IntegrationResponses is a list.
func checkValueTypes(p *Pass) {
	in := p.In
	if v := doc.Classify(in.Node); v.Kind != doc.KindMap {
		if v.Known() {
			p.Report(in.Node, in.Pointer, "the integration is %s; expected an object", article(v.Kind))
		}
		return
	}
	for _, f := range in.All {
		t, ok := fieldTypes[f.Name]
		if !f.Known || !ok {
			continue
		}
		// HTTP APIs map response headers per status code at integration level.
		if f.Name == "responseParameters" {
			t = tObjectMap
			if in.Shape == doc.ShapeV2Terraform {
				t = tObjectList // repeated response_parameters blocks
			}
		}
		if f.Name == "integrationResponses" && in.Shape == doc.ShapeCloudFormation {
			t = tObjectList
		}
		checkType(p, f, t)
	}
	for _, r := range in.Responses {
		if doc.Classify(r.Node).Kind != doc.KindMap {
			continue // reported as an entry of responses
		}
		for _, f := range r.All {
			t, ok := fieldTypes[f.Name]
			if f.Name == "responseParameters" {
				t, ok = tStringMap, true
			}
			if f.Known && ok {
				checkType(p, f, t)
			}
		}
	}
	if tls := in.Field("tlsConfig"); tls != nil {
		doc.Pairs(tls.Value, func(k, v *doc.Node) {
			f := &doc.Field{Name: k.Value, Known: true, Key: k, Value: v, Parent: tls.Pointer()}
			switch k.Value {
			case "insecureSkipVerification":
				checkType(p, f, tBoolean)
			case "serverNameToVerify":
				checkType(p, f, tString)
			}
		})
	}
}

func checkType(p *Pass, f *doc.Field, t jsonType) {
	v := f.Val()
	if !v.Known() || v.Kind == doc.KindNull {
		return // computed by CloudFormation, or explicitly empty
	}
	// CloudFormation (V2 resources too) and Terraform convert scalars
	// without a word (status_code = 200 is the string "200" to the AWS
	// provider).
	converted := p.In.Shape.CloudFormation() || p.In.Shape.Terraform()
	strict := p.In.Shape != doc.ShapeOpenAPI && !converted
	scalar := v.Kind == doc.KindString || v.Kind == doc.KindInt || v.Kind == doc.KindFloat || v.Kind == doc.KindBool
	wrong := func() {
		p.ReportValue(f, "%s is %s; expected %s", f.Key.Value, article(v.Kind), typeNames[t])
	}
	switch t {
	case tString, tVersion:
		switch {
		case !scalar:
			wrong()
		case strict && v.Kind != doc.KindString:
			wrong()
		}
	case tInteger:
		switch v.Kind {
		case doc.KindInt:
		case doc.KindString:
			if isPlaceholder(v.Text) {
				return
			}
			if _, err := strconv.ParseInt(strings.TrimSpace(v.Text), 10, 64); err == nil && !strict {
				if !converted {
					p.WithSeverity(Warning).ReportValue(f, "%s is the string %q; write it as a number", f.Key.Value, v.Text)
				}
				return
			}
			wrong()
		default:
			wrong()
		}
	case tBoolean:
		switch {
		case v.Kind == doc.KindBool:
		case v.Kind == doc.KindString && !strict && (strings.EqualFold(v.Text, "true") || strings.EqualFold(v.Text, "false")):
			if !converted {
				p.WithSeverity(Warning).ReportValue(f, "%s is the string %q; write it as a boolean", f.Key.Value, v.Text)
			}
		default:
			wrong()
		}
	case tObject, tObjectMap, tStringMap:
		if v.Kind != doc.KindMap {
			wrong()
			return
		}
		doc.Pairs(v.Node, func(k, val *doc.Node) {
			ev := doc.Classify(val)
			if !ev.Known() || ev.Kind == doc.KindNull {
				return
			}
			if t == tStringMap && ev.Kind == doc.KindString || t != tStringMap && ev.Kind == doc.KindMap {
				return // the common case: nothing to report, no pointer to build
			}
			sub := &doc.Field{Name: k.Value, Known: true, Key: k, Value: val, Parent: f.Pointer()}
			switch {
			case t == tObjectMap && ev.Kind != doc.KindMap:
				p.ReportValue(sub, "%s entry %q is %s; expected an object", f.Key.Value, k.Value, article(ev.Kind))
			case t == tStringMap && ev.Kind != doc.KindString && (strict || ev.Kind == doc.KindMap || ev.Kind == doc.KindSeq):
				p.ReportValue(sub, "%s entry %q is %s; expected a string", f.Key.Value, k.Value, article(ev.Kind))
			case t == tStringMap && ev.Kind != doc.KindString:
				// The importer drops a non-string mapping with only a warning.
				p.WithSeverity(Warning).ReportValue(sub, "%s entry %q is %s, which API Gateway drops on import with a warning; write a string (a static value goes in single quotes)", f.Key.Value, k.Value, article(ev.Kind))
			}
		})
	case tObjectList:
		if v.Kind != doc.KindSeq {
			wrong()
			return
		}
		for i, e := range v.Node.Content {
			if ev := doc.Classify(e); ev.Known() && ev.Kind != doc.KindMap {
				p.Report(e, doc.Join(f.Pointer(), strconv.Itoa(i)), "%s item %d is %s; expected an object", f.Key.Value, i, article(ev.Kind))
			}
		}
	case tStringList:
		if v.Kind != doc.KindSeq {
			wrong()
			return
		}
		for i, e := range v.Node.Content {
			ev := doc.Classify(e)
			if ev.Known() && ev.Kind != doc.KindString {
				p.Report(e, doc.Join(f.Pointer(), strconv.Itoa(i)), "%s item %d is %s; expected a string", f.Key.Value, i, article(ev.Kind))
			}
		}
	}
}

// article names a value kind for a message: "an object", "a number".
func article(k doc.ValueKind) string {
	switch k {
	case doc.KindInt:
		return "a number"
	case doc.KindFloat:
		return "a fractional number"
	case doc.KindMap:
		return "an object"
	case doc.KindSeq:
		return "an array"
	case doc.KindBool:
		return "a boolean"
	case doc.KindNull:
		return "null"
	}
	return "a string"
}
