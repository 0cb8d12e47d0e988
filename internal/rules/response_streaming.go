package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// checkResponseStreaming: responseTransferMode STREAM is a REST proxy
// feature, and a streamed Lambda proxy must call the response-streaming
// invocation (API version 2021-11-15); that invocation in turn only makes
// sense when the response is streamed.
func checkResponseStreaming(p *Pass) {
	mode := p.In.Field("responseTransferMode")
	uri := p.In.Val("uri")
	streamingURI := uri.IsText() && strings.Contains(uri.Text, "/response-streaming-invocations")
	t := p.In.Type()
	key := p.In.KeyName("responseTransferMode")
	if isStream(p.In) {
		switch {
		case p.In.Kind() == doc.HTTP:
			p.ReportValue(mode, "%s STREAM is a REST API feature; HTTP APIs do not stream responses", key)
		case t != "" && !isProxy(t):
			p.ReportValue(mode, "%s STREAM only works with AWS_PROXY and HTTP_PROXY integrations, not %s", key, t)
		case t == "AWS_PROXY" && uri.IsText() && isLambdaInvocation(p.In) && !streamingURI:
			p.ReportValue(p.In.Field("uri"), "a streamed Lambda proxy must call .../2021-11-15/functions/FUNCTION_ARN/response-streaming-invocations, not the buffered invocations action")
		}
		return
	}
	if streamingURI && (mode == nil || mode.Val().Kind == doc.KindString) {
		p.WithSeverity(Warning).ReportValue(p.In.Field("uri"), "the response-streaming invocation is meant for %s: STREAM, which this integration does not set", key)
	}
}
