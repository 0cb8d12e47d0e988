package rules

import (
	"encoding/json"
	"github.com/apigwlint/apigwlint/internal/doc"
	"strconv"
	"strings"
)

// checkExtensionValue: the values of the document-level extensions have the
// documented shape and, where the docs give one, a value from the documented
// set. Validators, gateway responses and authorizers have rules of their own.
// Extensions are judged where they take effect (extension-name reports the
// others); computed values (intrinsics, Fn::Sub, placeholders) are skipped.
func checkExtensionValue(p *DocPass) {
	p.API.EachSite(func(s doc.Site) {
		for _, f := range doc.ExtensionPairs(s.Node, s.Pointer) {
			info, ok := extKnown[f.Key.Value]
			if !ok || info.places&s.Place == 0 {
				continue
			}
			v := doc.Classify(f.Value)
			if !extKnownValue(v) {
				continue
			}
			switch f.Key.Value {
			case "x-amazon-apigateway-api-key-source":
				extCheckAPIKeySource(p, f, v)
			case "x-amazon-apigateway-binary-media-types":
				extCheckBinaryMediaTypes(p, f, v)
			case "x-amazon-apigateway-minimum-compression-size":
				extCheckCompression(p, f, v)
			case "x-amazon-apigateway-endpoint-configuration":
				extCheckEndpointConfiguration(p, f, v)
			case "x-amazon-apigateway-importexport-version":
				extCheckImportExportVersion(p, f, v)
			case "x-amazon-apigateway-auth":
				extCheckAuth(p, s, f, v)
			case "x-amazon-apigateway-policy":
				extCheckPolicy(p, f, v)
			case "x-amazon-apigateway-cors":
				extCheckCORS(p, f, v)
			case "x-amazon-apigateway-documentation":
				extCheckDocumentation(p, f, v)
			case "x-amazon-apigateway-tag-value", "x-amazon-apigateway-security-policy", "x-amazon-apigateway-endpoint-access-mode":
				if v.Kind == doc.KindMap || v.Kind == doc.KindSeq {
					extReport(p, f, "%s must be a string, not %s", f.Key.Value, extKindName(v.Kind))
				}
			case "x-amazon-apigateway-any-method":
				extCheckAnyMethod(p, f, v)
			}
		}
	})
}

// extReport reports a finding at the value of an extension field.
func extReport(p *DocPass, f doc.Pair, format string, args ...any) {
	p.Report(f.Value, f.Pointer, format, args...)
}

// extMapValue returns the value of an extension field that must be an
// object. ok is false when there is nothing to check: a computed value, or
// one that is not an object, which is reported with format (given the kind
// of value found).
func extMapValue(p *DocPass, f *doc.Pair, format string) (v doc.Value, ok bool) {
	v = doc.Classify(f.Value)
	if !extKnownValue(v) {
		return v, false
	}
	if v.Kind != doc.KindMap {
		extReport(p, *f, format, extKindName(v.Kind))
		return v, false
	}
	return v, true
}

var extAPIKeySources = []string{"HEADER", "AUTHORIZER"}

func extCheckAPIKeySource(p *DocPass, f doc.Pair, v doc.Value) {
	if v.Kind != doc.KindString {
		extReport(p, f, "x-amazon-apigateway-api-key-source must be a string: HEADER or AUTHORIZER, not %s", extKindName(v.Kind))
		return
	}
	t := strings.TrimSpace(v.Text)
	up := strings.ToUpper(t)
	switch {
	case !contains(extAPIKeySources, up):
		extReport(p, f, "x-amazon-apigateway-api-key-source %q is not valid; expected HEADER or AUTHORIZER%s", t, extDidYouMean(didYouMean(t, extAPIKeySources)))
	case t != up:
		extReport(p.WithSeverity(Note), f, "x-amazon-apigateway-api-key-source %q: AWS documents only the upper-case %s; use it to be safe", t, up)
	}
}

func extCheckBinaryMediaTypes(p *DocPass, f doc.Pair, v doc.Value) {
	if v.Kind != doc.KindSeq {
		extReport(p, f, "x-amazon-apigateway-binary-media-types must be an array of media types such as image/png, not %s", extKindName(v.Kind))
		return
	}
	for i, item := range v.Node.Content {
		iv := doc.Classify(item)
		ptr := doc.Join(f.Pointer, strconv.Itoa(i))
		switch {
		case !extKnownValue(iv):
		case iv.Kind != doc.KindString:
			p.Report(item, ptr, "binary media type must be a string such as image/png, not %s", extKindName(iv.Kind))
		case !extMediaType().MatchString(strings.TrimSpace(iv.Text)) && !strings.Contains(iv.Text, "~1"):
			p.Report(item, ptr, "binary media type %q is not a media type; expected type/subtype such as image/png or */*", iv.Text)
		}
	}
}

const extMaxCompression = 10485760

func extCheckCompression(p *DocPass, f doc.Pair, v doc.Value) {
	n, ok := extInt(v)
	if !ok {
		extReport(p, f, "x-amazon-apigateway-minimum-compression-size must be an integer between 0 and %d (bytes), not %s", extMaxCompression, extValueText(v))
		return
	}
	if n < 0 || n > extMaxCompression {
		extReport(p, f, "x-amazon-apigateway-minimum-compression-size %d is out of range; expected 0 to %d (bytes)", n, extMaxCompression)
	}
}

// extValueText shows a wrong value in a message: a scalar quoted, anything
// else by its kind.
func extValueText(v doc.Value) string {
	if v.Node != nil && v.Node.Kind == doc.ScalarNode && v.Kind != doc.KindNull {
		return strconv.Quote(v.Text)
	}
	return extKindName(v.Kind)
}

func extCheckEndpointConfiguration(p *DocPass, f doc.Pair, v doc.Value) {
	if v.Kind != doc.KindMap {
		extReport(p, f, "x-amazon-apigateway-endpoint-configuration must be an object (disableExecuteApiEndpoint, vpcEndpointIds), not %s", extKindName(v.Kind))
		return
	}
	if g := doc.GetPair(v.Node, f.Pointer, "disableExecuteApiEndpoint"); g != nil {
		if gv := doc.Classify(g.Value); extKnownValue(gv) && !extBool(gv) {
			extReport(p, *g, "disableExecuteApiEndpoint must be true or false, not %s", extValueText(gv))
		}
	}
	if g := doc.GetPair(v.Node, f.Pointer, "vpcEndpointIds"); g != nil {
		gv := doc.Classify(g.Value)
		switch {
		case !extKnownValue(gv):
		case gv.Kind != doc.KindSeq:
			extReport(p, *g, "vpcEndpointIds must be an array of VPC endpoint IDs (vpce-...), not %s", extKindName(gv.Kind))
		default:
			for i, item := range gv.Node.Content {
				iv := doc.Classify(item)
				ptr := doc.Join(g.Pointer, strconv.Itoa(i))
				if !extKnownValue(iv) {
					continue
				}
				if iv.Kind != doc.KindString {
					p.Report(item, ptr, "a VPC endpoint ID must be a string (vpce-...), not %s", extKindName(iv.Kind))
				} else if t := strings.TrimSpace(iv.Text); !strings.HasPrefix(t, "vpce-") && !strings.Contains(t, "${") {
					p.Report(item, ptr, "%q is not a VPC endpoint ID; expected vpce- followed by its identifier", t)
				}
			}
		}
	}
	if g := doc.GetPair(v.Node, f.Pointer, "ipAddressType"); g != nil {
		gv := doc.Classify(g.Value)
		if extKnownValue(gv) {
			if t := strings.TrimSpace(gv.Text); gv.Kind != doc.KindString || (t != "ipv4" && t != "dualstack") {
				extReport(p, *g, "ipAddressType %s is not valid; expected ipv4 or dualstack", extValueText(gv))
			}
		}
	}
}

func extCheckImportExportVersion(p *DocPass, f doc.Pair, v doc.Value) {
	ok := false
	switch v.Kind {
	case doc.KindString, doc.KindFloat, doc.KindInt:
		n, err := strconv.ParseFloat(strings.TrimSpace(v.Text), 64)
		ok = err == nil && n == 1
	}
	if !ok {
		extReport(p, f, "x-amazon-apigateway-importexport-version %s is not supported; the only version is \"1.0\"", extValueText(v))
	}
}

var extAuthTypes = []string{"NONE", "AWS_IAM"}

// extCheckAuth checks the x-amazon-apigateway-auth of operation s.
func extCheckAuth(p *DocPass, s doc.Site, f doc.Pair, v doc.Value) {
	if v.Kind != doc.KindMap {
		extReport(p, f, "x-amazon-apigateway-auth must be an object with a type (NONE or AWS_IAM), not %s", extKindName(v.Kind))
		return
	}
	t := doc.GetPair(v.Node, f.Pointer, "type")
	if t == nil {
		p.Report(f.Key, f.Pointer, "x-amazon-apigateway-auth has no type; expected NONE or AWS_IAM")
		return
	}
	tv := doc.Classify(t.Value)
	if !extKnownValue(tv) {
		return
	}
	if tv.Kind != doc.KindString {
		extReport(p, *t, "x-amazon-apigateway-auth type must be NONE or AWS_IAM, not %s", extKindName(tv.Kind))
		return
	}
	text := strings.TrimSpace(tv.Text)
	if contains(extAuthTypes, strings.ToUpper(text)) {
		return
	}
	msg := "x-amazon-apigateway-auth type %q is not valid; expected NONE or AWS_IAM (case-insensitive)"
	switch up := strings.ToUpper(text); up {
	case "COGNITO_USER_POOLS", "CUSTOM":
		// The authorization types of the Method resource: the import passes
		// them through, and they are what the operation's security
		// requirement sets anyway when it names a defined authorizer.
		if name := extAuthorizerRequirement(p.API, s.Node); name != "" {
			extReport(p.WithSeverity(Note), *t, "x-amazon-apigateway-auth type %q is not one of the documented values (NONE, AWS_IAM); the operation's security requirement %q already applies its authorizer, so this key can go", text, name)
			return
		}
		fallthrough
	case "JWT", "TOKEN", "REQUEST":
		msg += "; Lambda, Cognito and JWT authorizers are applied through the operation's security requirement"
	default:
		msg += extDidYouMean(didYouMean(text, extAuthTypes))
	}
	extReport(p, *t, msg, text)
}

func extCheckPolicy(p *DocPass, f doc.Pair, v doc.Value) {
	switch v.Kind {
	case doc.KindMap:
	case doc.KindString:
		var doc map[string]any
		if err := json.Unmarshal([]byte(v.Text), &doc); err != nil {
			extReport(p, f, "x-amazon-apigateway-policy is a string that is not a JSON policy document (%v); write the policy as an object", err)
		}
	default:
		extReport(p, f, "x-amazon-apigateway-policy must be a resource policy document (an object with Version and Statement), not %s", extKindName(v.Kind))
	}
}

var extCORSFields = []string{"allowOrigins", "allowCredentials", "exposeHeaders", "maxAge", "allowMethods", "allowHeaders"}

func extCheckCORS(p *DocPass, f doc.Pair, v doc.Value) {
	if v.Kind != doc.KindMap {
		extReport(p, f, "x-amazon-apigateway-cors must be an object (allowOrigins, allowMethods, allowHeaders ...), not %s", extKindName(v.Kind))
		return
	}
	for _, g := range doc.PairsOf(v.Node, f.Pointer) {
		gv := doc.Classify(g.Value)
		name := g.Key.Value
		if !contains(extCORSFields, name) {
			if !strings.HasPrefix(name, "x-") {
				p.WithSeverity(Warning).Report(g.Key, g.Pointer, "x-amazon-apigateway-cors has no property %q, so it configures nothing; expected %s%s",
					name, oneOf(extCORSFields), extDidYouMean(extSuggest(name, extCORSFields)))
			}
			continue
		}
		if !extKnownValue(gv) {
			continue
		}
		switch name {
		case "allowCredentials":
			if !extBool(gv) {
				extReport(p, g, "allowCredentials must be true or false, not %s", extValueText(gv))
			}
		case "maxAge":
			if _, ok := extInt(gv); !ok {
				extReport(p, g, "maxAge must be an integer number of seconds, not %s", extValueText(gv))
			}
		default:
			extCheckStringArray(p, g, gv, name)
		}
	}
}

// extCheckStringArray reports a value that is not an array of strings.
func extCheckStringArray(p *DocPass, g doc.Pair, gv doc.Value, name string) {
	if gv.Kind != doc.KindSeq {
		hint := ""
		if gv.Kind == doc.KindString {
			hint = " (write [" + strconv.Quote(gv.Text) + "])"
		}
		extReport(p, g, "%s must be an array of strings, not %s%s", name, extKindName(gv.Kind), hint)
		return
	}
	for i, item := range gv.Node.Content {
		iv := doc.Classify(item)
		if extKnownValue(iv) && iv.Kind != doc.KindString {
			p.Report(item, doc.Join(g.Pointer, strconv.Itoa(i)), "%s entries must be strings, not %s", name, extKindName(iv.Kind))
		}
	}
}

func extCheckDocumentation(p *DocPass, f doc.Pair, v doc.Value) {
	if v.Kind != doc.KindMap {
		extReport(p, f, "x-amazon-apigateway-documentation must be an object with documentationParts and version, not %s", extKindName(v.Kind))
		return
	}
	if g := doc.GetPair(v.Node, f.Pointer, "documentationParts"); g != nil {
		if gv := doc.Classify(g.Value); extKnownValue(gv) && gv.Kind != doc.KindSeq {
			extReport(p, *g, "documentationParts must be an array of documentation parts, not %s", extKindName(gv.Kind))
		}
	}
	if g := doc.GetPair(v.Node, f.Pointer, "version"); g != nil {
		if gv := doc.Classify(g.Value); extKnownValue(gv) && (gv.Kind == doc.KindMap || gv.Kind == doc.KindSeq) {
			extReport(p, *g, "the documentation version must be a string, not %s", extKindName(gv.Kind))
		}
	}
}

func extCheckAnyMethod(p *DocPass, f doc.Pair, v doc.Value) {
	if v.Kind != doc.KindMap {
		return // an operation that is not an object is the OpenAPI validator's business
	}
	if g := doc.GetPair(v.Node, f.Pointer, "isDefaultRoute"); g != nil {
		if gv := doc.Classify(g.Value); extKnownValue(gv) && !extBool(gv) {
			extReport(p, *g, "isDefaultRoute must be true or false, not %s", extValueText(gv))
		}
	}
}

// extAuthorizerRequirement returns the name of a security scheme that the
// operation's own security requirement names and that defines an
// x-amazon-apigateway-authorizer, or "" if there is none.
func extAuthorizerRequirement(api *doc.API, op *doc.Node) string {
	_, sec := doc.Get(op, "security")
	sec = doc.Resolve(sec)
	if sec == nil || sec.Kind != doc.SequenceNode {
		return ""
	}
	schemes := doc.Resolve(securitySchemes(api))
	name := ""
	for _, req := range sec.Content {
		doc.Pairs(doc.Resolve(req), func(k, _ *doc.Node) {
			_, scheme := doc.Get(schemes, k.Value)
			if _, a := doc.Get(doc.Resolve(scheme), "x-amazon-apigateway-authorizer"); a != nil && name == "" {
				name = k.Value
			}
		})
	}
	return name
}
