package mapping

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// FuzzCheck checks mapping values, keys and side expressions of any shape.
// Asserted: no panic; the same verdict twice; every message starts by
// naming the text it judges (trimmed, quoted); what is accepted has a form
// the grammar allows ('static', a side's exact prefix, a stage or context
// variable); an unknown location is not one of the side's; and every
// PREFIX.LOCATION.NAME whose name matches the documented pattern is
// accepted.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"method.request.header.X-Api-Key", "method.request.body.order.items", "'application/json'",
		"stageVariables.backend", "$context.requestId", "integration.response.body.errorMessage",
		"integration.request.querystring.q", "method.response.header.Access-Control-Allow-Origin",
		"Method.Request.Query.q", "*", "'open", `"double"`, "context.a b", "method.request.body.$.a",
		"gatewayresponse.header.x", "header.x", "application/json",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	sources := []Source{RequestSource, ResponseSource}
	targets := []Target{RequestTarget, ResponseTarget}
	sides := []Side{IntegrationRequest, MethodRequest, MethodResponse, IntegrationResponse}
	f.Fuzz(func(t *testing.T, s string, quotesLost bool) {
		text := strings.TrimSpace(s)
		for _, src := range sources {
			err := src.CheckValue(s, quotesLost)
			sameTwice(t, err, src.CheckValue(s, quotesLost))
			if err != nil {
				namesText(t, err, text, "static value", "mapping value")
				continue
			}
			static := len(text) >= 2 && text[0] == '\'' && text[len(text)-1] == '\''
			variable := false
			for _, ns := range []string{"stageVariables.", "context.", "$stageVariables.", "$context."} {
				variable = variable || strings.HasPrefix(text, ns) && len(text) > len(ns)
			}
			if !static && !variable && !strings.HasPrefix(text, src.side.Prefix) {
				t.Fatalf("CheckValue accepts %q", s)
			}
		}
		for _, tg := range targets {
			err := tg.CheckKey("key", s)
			sameTwice(t, err, tg.CheckKey("key", s))
			if err != nil {
				namesText(t, err, text, "key")
			} else if !strings.HasPrefix(text, tg.side.Prefix) {
				t.Fatalf("CheckKey accepts %q", s)
			}
		}
		for _, side := range sides {
			// Check takes text that starts with the prefix in any case
			expr := strings.ToUpper(side.Prefix) + s
			err := side.Check("p", expr)
			var u *UnknownLocationError
			if errors.As(err, &u) && slices.Contains(side.Locations, u.Location) {
				t.Fatalf("Check(%q): %q is one of the side's locations", expr, u.Location)
			}
			if err != nil {
				namesText(t, err, expr, "p")
			}
			if nameRE().MatchString(s) {
				for _, loc := range side.Locations {
					if err := side.Check("p", side.Prefix+loc+"."+s); err != nil {
						t.Fatalf("Check rejects a valid expression: %v", err)
					}
				}
			}
		}
	})
}

func sameTwice(t *testing.T, a, b error) {
	t.Helper()
	if (a == nil) != (b == nil) || a != nil && a.Error() != b.Error() {
		t.Fatalf("two checks differ: %v, then %v", a, b)
	}
}

// namesText fails unless err's message starts with one of whats and the
// quoted text.
func namesText(t *testing.T, err error, text string, whats ...string) {
	t.Helper()
	for _, w := range whats {
		if strings.HasPrefix(err.Error(), w+" "+strconv.Quote(text)) {
			return
		}
	}
	t.Fatalf("message does not name %q: %v", text, err)
}
