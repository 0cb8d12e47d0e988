package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"

	"fmt"
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/integrationuri"
)

// checkHTTPURI: the uri of an HTTP or HTTP_PROXY integration is an absolute,
// encoded http(s) URL (RFC 3986) on port 80, 443 or above 1024. Stage
// variables, placeholders and {param} templates are unknowns: only the text
// around them is judged. HTTP API private integrations take a listener or
// Cloud Map ARN instead.
func checkHTTPURI(p *Pass) {
	if !isHTTPType(p.In.Type()) {
		return
	}
	f, v, t, ok := uriOfPass(p)
	if !ok {
		return
	}
	if msg := uriWhitespaceProblem(v); msg != "" {
		p.ReportValue(f, "%s", msg)
		return
	}
	if t.HasPrefix("arn:") {
		if msg := httpARNProblem(p, v.Text); msg != "" {
			p.ReportValue(f, "%s", msg)
		}
		return
	}
	if msg := httpURLProblem(t, p.In.Kind() == doc.REST); msg != "" {
		p.ReportValue(f, "%s", msg)
	}
}

// httpARNProblem judges an ARN as the uri of an HTTP integration: right for
// an HTTP API private integration, wrong everywhere else.
func httpARNProblem(p *Pass, uri string) string {
	if p.In.Kind() == doc.HTTP {
		ct := p.In.Val("connectionType")
		if ct.Kind != doc.KindString || strings.EqualFold(strings.TrimSpace(ct.Text), "VPC_LINK") {
			return "" // a load balancer listener or Cloud Map service ARN, or not known
		}
		return fmt.Sprintf("uri %q is an ARN, which an HTTP API integration takes only with connectionType VPC_LINK (a load balancer listener or Cloud Map service); expected an absolute http(s) URL", uri)
	}
	return fmt.Sprintf(`uri %q is an ARN, not an http(s) URL; API Gateway rejects it ("Invalid HTTP endpoint specified for URI"); an ARN needs type AWS or AWS_PROXY`, uri)
}

// uriTok is one character of a uri, or one hole.
type uriTok struct {
	r    rune
	hole bool
}

func uriToks(t integrationuri.Template) []uriTok {
	n := 0
	for _, p := range t {
		n += len(p.Text) // bytes: at least as many as runes, so one allocation
	}
	out := make([]uriTok, 0, n)
	for _, p := range t {
		if p.Hole != integrationuri.NoHole {
			out = append(out, uriTok{hole: true})
			continue
		}
		for _, r := range p.Text {
			out = append(out, uriTok{r: r})
		}
	}
	return out
}

func uriToksString(ts []uriTok) string {
	var b strings.Builder
	for _, t := range ts {
		if t.hole {
			b.WriteString("…")
			continue
		}
		b.WriteRune(t.r)
	}
	return b.String()
}

func uriHasHole(ts []uriTok) bool {
	for _, t := range ts {
		if t.hole {
			return true
		}
	}
	return false
}

var uriSchemePattern = lazyre.New(`^[A-Za-z][A-Za-z0-9+.-]*$`)

// httpURLProblem checks t as an absolute http(s) URL (RFC 3986
// "absolute-URI" with an authority), returning "" when nothing is certainly
// wrong. rest applies the REST API port rule.
func httpURLProblem(t integrationuri.Template, rest bool) string {
	uri := t.String()
	ts := uriToks(t)
	// scheme ":"
	colon := -1
	for i, c := range ts {
		if c.hole {
			return uriCharProblem(ts, false) // scheme not known: only the characters can be judged
		}
		if c.r == ':' {
			colon = i
			break
		}
		if c.r == '/' || c.r == '?' || c.r == '#' {
			break
		}
	}
	if colon < 0 || !uriSchemePattern().MatchString(uriToksString(ts[:colon])) {
		return fmt.Sprintf(`uri %q is not an absolute URL; API Gateway rejects it ("Invalid HTTP endpoint specified for URI"); expected http://host/path or https://host/path`, uri)
	}
	scheme := uriToksString(ts[:colon])
	if s := strings.ToLower(scheme); s != "http" && s != "https" {
		return fmt.Sprintf("uri %q has scheme %q; an HTTP integration calls an http or https URL", uri, scheme)
	}
	ts = ts[colon+1:]
	if len(ts) < 2 || ts[0] != (uriTok{r: '/'}) || ts[1] != (uriTok{r: '/'}) {
		return fmt.Sprintf("uri %q has no // after %q; expected %s://host/path", uri, scheme+":", scheme)
	}
	ts = ts[2:]
	end := len(ts)
	for i, c := range ts {
		if !c.hole && (c.r == '/' || c.r == '?' || c.r == '#') {
			end = i
			break
		}
	}
	if msg := uriAuthorityProblem(uri, ts[:end], rest); msg != "" {
		return msg
	}
	return uriCharProblem(ts[end:], true)
}

// uriAuthorityProblem checks [userinfo "@"] host [":" port].
func uriAuthorityProblem(uri string, auth []uriTok, rest bool) string {
	if len(auth) == 0 {
		return fmt.Sprintf("uri %q has no host; expected http(s)://host/path", uri)
	}
	for i := len(auth) - 1; i >= 0; i-- {
		if !auth[i].hole && auth[i].r == '@' {
			if msg := uriPartChars(auth[:i], "userinfo", ":"); msg != "" {
				return msg
			}
			auth = auth[i+1:]
			break
		}
	}
	host, port := auth, []uriTok(nil)
	if len(auth) > 0 && !auth[0].hole && auth[0].r == '[' {
		end := -1
		for i, c := range auth {
			if !c.hole && c.r == ']' {
				end = i
				break
			}
		}
		if end < 0 {
			return fmt.Sprintf("uri %q has an IPv6 host without its closing ]", uri)
		}
		for _, c := range auth[1:end] {
			if !c.hole && !strings.ContainsRune("0123456789abcdefABCDEF:.", c.r) {
				return fmt.Sprintf("uri %q has IPv6 host %q with character %q", uri, uriToksString(auth[:end+1]), string(c.r))
			}
		}
		host, port = auth[:end+1], auth[end+1:]
		if len(port) > 0 {
			if port[0].hole || port[0].r != ':' {
				return fmt.Sprintf("uri %q has %q after its IPv6 host; expected :port or a path", uri, uriToksString(port))
			}
			port = port[1:]
		}
	} else {
		for i := len(auth) - 1; i >= 0; i-- {
			if !auth[i].hole && auth[i].r == ':' {
				host, port = auth[:i], auth[i+1:]
				break
			}
		}
		if len(host) == 0 {
			return fmt.Sprintf("uri %q has no host; expected http(s)://host/path", uri)
		}
		if msg := uriPartChars(host, "host", ""); msg != "" {
			return msg
		}
	}
	return uriPortProblem(uri, port, rest)
}

// uriPortProblem checks the port of a URL: digits, and for REST APIs 80, 443
// or above 1024 ("Standard 80 and 443 ports are supported as well as custom
// ports above 1024", API Gateway API reference).
func uriPortProblem(uri string, port []uriTok, rest bool) string {
	if len(port) == 0 || uriHasHole(port) {
		return ""
	}
	s := uriToksString(port)
	for _, r := range s {
		if r < '0' || r > '9' {
			return fmt.Sprintf("uri %q has port %q, which is not a number", uri, s)
		}
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil || n > 65535:
		return fmt.Sprintf("uri %q has port %s, above the highest port 65535", uri, s)
	case rest && n != 80 && n != 443 && n <= 1024:
		return fmt.Sprintf("uri %q uses port %s; API Gateway calls ports 80, 443 and those above 1024 only", uri, s)
	}
	return ""
}

// uriPartChars checks the characters of a host or userinfo: unreserved,
// percent-encoded or sub-delims (plus extra), as RFC 3986 allows there.
func uriPartChars(ts []uriTok, what, extra string) string {
	for i, c := range ts {
		if c.hole {
			continue
		}
		if c.r == '%' {
			if !uriPctEncoded(ts, i) {
				return uriPctMessage(ts, i)
			}
			continue
		}
		if !uriUnreserved(c.r) && !uriSubDelim(c.r) && !strings.ContainsRune(extra, c.r) {
			return uriEncodeMessage(c.r, what)
		}
	}
	return ""
}

// uriCharProblem checks path, query and fragment characters (RFC 3986 pchar,
// "/" and "?"), which must otherwise be percent-encoded. pathFirst says ts
// starts at the path; when false the position is not known and only
// characters that are wrong everywhere are reported.
func uriCharProblem(ts []uriTok, pathFirst bool) string {
	section := "path"
	if !pathFirst {
		section = ""
	}
	for i, c := range ts {
		if c.hole {
			continue
		}
		r := c.r
		switch {
		case r == '%':
			if !uriPctEncoded(ts, i) {
				return uriPctMessage(ts, i)
			}
		case uriUnreserved(r) || uriSubDelim(r) || r == ':' || r == '@' || r == '/':
		case r == '?':
			if section == "path" {
				section = "query"
			}
		case r == '#':
			if section == "fragment" {
				return uriEncodeMessage(r, "fragment")
			}
			if section != "" {
				section = "fragment"
			}
		default:
			where := section
			if where == "" {
				where = "uri"
			}
			return uriEncodeMessage(r, where)
		}
	}
	return ""
}

func uriUnreserved(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~", r)
}

func uriSubDelim(r rune) bool { return strings.ContainsRune("!$&'()*+,;=", r) }

func uriHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

// uriPctEncoded reports whether the % at ts[i] starts a percent-encoding (a
// hole right after it is given the benefit of the doubt).
func uriPctEncoded(ts []uriTok, i int) bool {
	for k := 1; k <= 2; k++ {
		if i+k >= len(ts) {
			return false
		}
		if ts[i+k].hole {
			return true
		}
		if !uriHex(ts[i+k].r) {
			return false
		}
	}
	return true
}

func uriPctMessage(ts []uriTok, i int) string {
	end := min(i+3, len(ts))
	return fmt.Sprintf("uri has %q, which is not a percent-encoding; a %% must start %%XX with two hex digits (write a literal %% as %%25)", uriToksString(ts[i:end]))
}

// uriEncodeMessage says that character r must be percent-encoded.
func uriEncodeMessage(r rune, where string) string {
	var enc strings.Builder
	for _, b := range []byte(string(r)) {
		fmt.Fprintf(&enc, "%%%02X", b)
	}
	what := fmt.Sprintf("character %q", string(r))
	if r == ' ' {
		what = "a space"
	}
	if where == "uri" {
		return fmt.Sprintf(`uri has %s, which must be percent-encoded as %q (RFC 3986); API Gateway rejects it ("Invalid HTTP endpoint specified for URI")`, what, enc.String())
	}
	return fmt.Sprintf(`uri %s has %s, which must be percent-encoded as %q (RFC 3986); API Gateway rejects it ("Invalid HTTP endpoint specified for URI")`, where, what, enc.String())
}
