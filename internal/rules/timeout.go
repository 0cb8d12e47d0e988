package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strconv"
	"strings"
)

// TimeoutCeiling is the timeout rule's option: the highest timeoutInMillis
// accepted for buffered REST integrations. Its default is API Gateway's
// default maximum; Regional and private REST APIs can go higher after a
// quota increase, and their users raise the ceiling to match. The
// configuration file and the command line read its name and default here.
var TimeoutCeiling = &Option{Name: "timeout-ceiling", Default: 29000}

// Integration timeout limits, in milliseconds.
const (
	minTimeout       = 50
	streamTimeout    = 900000 // responseTransferMode STREAM: up to 15 minutes
	httpAPITimeout   = 30000  // HTTP APIs, not increasable
	webSocketTimeout = 29000  // WebSocket APIs (V2 API reference, TimeoutInMillis)
	timeoutFieldName = "timeoutInMillis"
)

// checkTimeout: timeoutInMillis lies between 50 ms and the ceiling that
// applies to the kind of integration.
func checkTimeout(p *Pass) {
	f := p.In.Field(timeoutFieldName)
	if f == nil {
		return
	}
	v := f.Val()
	var n int64
	switch v.Kind {
	case doc.KindInt, doc.KindString:
		var err error
		n, err = strconv.ParseInt(strings.TrimSpace(v.Text), 0, 64)
		if err != nil {
			return // not a whole number: value-type reports it
		}
	default:
		return
	}
	key := f.Key.Value // TimeoutInMillis in CloudFormation
	if n < minTimeout {
		p.ReportValue(f, "%s %d is below the minimum of %d ms", key, n, minTimeout)
		return
	}
	switch {
	case p.In.V2 != nil && !p.In.KindCertain():
		// An API Gateway V2 integration of an API whose protocol is not
		// known: only what neither protocol allows.
		if n > httpAPITimeout {
			p.ReportValue(f, "%s %d is above %d ms, the maximum for HTTP APIs (%d ms for WebSocket APIs); neither can be raised", key, n, httpAPITimeout, webSocketTimeout)
		}
	case p.In.Kind() == doc.WebSocket:
		if n > webSocketTimeout {
			p.ReportValue(f, "%s %d is above %d ms, the maximum for WebSocket APIs%s", key, n, webSocketTimeout, v2Why(p.In))
		}
	case p.In.Kind() == doc.HTTP:
		if n > httpAPITimeout {
			p.ReportValue(f, "%s %d is above %d ms, the maximum for HTTP APIs (it cannot be raised)", key, n, httpAPITimeout)
		}
	case isStream(p.In):
		if n > streamTimeout {
			p.ReportValue(f, "%s %d is above %d ms (15 minutes), the maximum for %s STREAM", key, n, streamTimeout, p.In.KeyName("responseTransferMode"))
		}
	default:
		def := int64(TimeoutCeiling.Default)
		ceiling := int64(p.Opts.TimeoutCeiling)
		if ceiling <= 0 {
			ceiling = def
		}
		if n <= ceiling {
			return
		}
		if ceiling == def {
			p.ReportValue(f, "%s %d is above %d ms, the default maximum: API Gateway fails the deployment; only Regional and private REST APIs can go higher, after a quota increase (then raise the %s setting to match)", key, n, def, TimeoutCeiling.Name)
		} else {
			p.ReportValue(f, "%s %d is above the configured ceiling of %d ms: API Gateway fails the deployment above the account's quota (lower the timeout, or raise the quota and then the %s setting)", key, n, ceiling, TimeoutCeiling.Name)
		}
	}
}

// isStream reports whether the integration streams its response.
func isStream(in *doc.Integration) bool {
	v := in.Val("responseTransferMode")
	return v.Kind == doc.KindString && strings.EqualFold(strings.TrimSpace(v.Text), "STREAM")
}
