package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strconv"
	"strings"
)

// checkUndeclaredParameters: a method.request.* parameter used by
// requestParameters or cacheKeyParameters must be declared on the operation
// or its path item (the RequestParameters of an AWS::ApiGateway::Method);
// API Gateway only creates the method request parameters that are declared.
// A path parameter of the resource path, or of a resource path the template
// does not settle, is never reported.
func checkUndeclaredParameters(p *Pass) {
	if p.In.Op == nil || p.In.Kind() != doc.REST {
		return
	}
	// The pointer of a reported value is the field's and then key (a
	// mapping) or index (a cache key), built only on report.
	check := func(n *doc.Node, f *doc.Field, key string, index int, what string) {
		v := doc.Classify(n)
		if v.Kind != doc.KindString {
			return
		}
		in, name, ok := methodRequestRef(v.Text)
		if !ok || (in == "path" && (p.In.Op.Path == "" || inPathTemplate(p.In.Op.Path, name))) {
			return
		}
		d := declarations(p.In) // read only when a reference needs it
		if d.HasParam(in, name) {
			return
		}
		if !d.Complete {
			return // a parameter we could not read may be the one
		}
		if what == "cache key" {
			p.Report(n, doc.Join(f.Pointer(), strconv.Itoa(index)), "cache key %s is not declared by %s; %s (API Gateway: \"Invalid cache key parameter specified\")", v.Text, declarer(p.In), declareParamHint(p.In, in, name))
			return
		}
		p.Report(n, doc.Join(f.Pointer(), key), "%s is not declared by %s; %s (API Gateway: \"Invalid mapping expression parameter specified\")", v.Text, declarer(p.In), declareParamHint(p.In, in, name))
	}
	if f := p.In.Field("requestParameters"); f != nil {
		doc.Pairs(f.Value, func(k, v *doc.Node) {
			check(v, f, k.Value, 0, "mapping")
		})
	}
	if f := p.In.Field("cacheKeyParameters"); f != nil {
		if seq := doc.Resolve(f.Value); seq != nil && seq.Kind == doc.SequenceNode {
			for i, item := range seq.Content {
				check(item, f, "", i, "cache key")
			}
		}
	}
}

// inPathTemplate reports whether the resource path has a plain {name}
// segment, which AWS's own samples map from without declaring it
// (aws-samples/serverless-samples fargate-private-api). A greedy {name+}
// segment is not enough: mapping method.request.path.proxy of a {proxy+}
// resource whose method does not declare proxy fails the import with
// "Invalid mapping expression specified" (AWS Knowledge Center,
// api-gateway-proxy-path-parameter-error).
func inPathTemplate(path, name string) bool {
	return strings.Contains(path, "{"+name+"}")
}
