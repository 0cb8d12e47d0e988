package rules

import (
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/loader"
)

// Integration timeout limits, in milliseconds.
const (
	minTimeout       = 50
	restTimeout      = 29000  // REST default maximum; Regional/private may be raised by quota
	streamTimeout    = 900000 // responseTransferMode STREAM: up to 15 minutes
	httpAPITimeout   = 30000  // HTTP APIs, not increasable
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
	case loader.KindInt, loader.KindString:
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
	case p.In.Kind() == loader.HTTP:
		if n > httpAPITimeout {
			p.ReportValue(f, "%s %d is above %d ms, the maximum for HTTP APIs (it cannot be raised)", key, n, httpAPITimeout)
		}
	case isStream(p.In):
		if n > streamTimeout {
			p.ReportValue(f, "%s %d is above %d ms (15 minutes), the maximum for %s STREAM", key, n, streamTimeout, p.In.KeyName("responseTransferMode"))
		}
	default:
		ceiling := int64(p.Opts.TimeoutCeiling)
		if ceiling <= 0 {
			ceiling = restTimeout
		}
		if n <= ceiling {
			return
		}
		if ceiling == restTimeout {
			p.ReportValue(f, "%s %d is above %d ms, the default maximum; only Regional and private REST APIs can go higher, after a quota increase (then raise the ceiling with --timeout-ceiling or timeout-ceiling in .apigwlint.yaml)", key, n, restTimeout)
		} else {
			p.ReportValue(f, "%s %d is above the configured ceiling of %d ms (--timeout-ceiling or timeout-ceiling in .apigwlint.yaml)", key, n, ceiling)
		}
	}
}

// isStream reports whether the integration streams its response.
func isStream(in *loader.Integration) bool {
	v := in.Val("responseTransferMode")
	return v.Kind == loader.KindString && strings.EqualFold(strings.TrimSpace(v.Text), "STREAM")
}
