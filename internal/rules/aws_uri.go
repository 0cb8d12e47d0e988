package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"

	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/internal/integrationuri"
)

// awsURIForm is the grammar of an AWS integration uri, for messages.
const awsURIForm = "arn:{partition}:apigateway:{region}:{service}:path|action/{service_api}"

// lambdaURIForm is the uri of the Lambda Invoke action, for messages.
const lambdaURIForm = "arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{function-arn}/invocations"

// checkAWSURI: the uri of a REST AWS or AWS_PROXY integration is an API
// Gateway service-action ARN, and the Lambda Invoke form names a well-formed
// function ARN. HTTP APIs take a plain Lambda function ARN there and are
// not judged.
func checkAWSURI(p *Pass) {
	t := p.In.Type()
	if !isAWSType(t) || p.In.Kind() == doc.HTTP {
		return
	}
	v := p.In.Val("uri")
	if v.Kind == doc.KindUnknown {
		if res, ok := getAttArnOf(v); ok {
			p.ReportValue(p.In.Field("uri"), "uri is the ARN of resource %q (%s %s.Arn), not an API Gateway integration ARN; for a Lambda function write !Sub %s",
				res, v.Intrinsic, res, strings.Replace(lambdaSubForm, "{fn}", res, 1))
		}
		return
	}
	f, v, tm, ok := uriOfPass(p)
	if !ok {
		return
	}
	if msg := uriWhitespaceProblem(v); msg != "" {
		p.ReportValue(f, "%s", msg)
		return
	}
	if msg := awsURIProblem(p, t, v, tm); msg != "" {
		p.Fixed(invokeARNFix(p, f, v)).ReportValue(f, "%s", msg)
	}
}

// fullFunctionARN is a Lambda function ARN written out in full: a known
// partition, a region and an account, so the invoke ARN around it is
// certain.
var fullFunctionARN = lazyre.New(`^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):lambda:([a-z]{2}(?:-[a-z]+)+-\d):\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$`)

// invokeARNFix is the fix of a uri that is a literal Lambda function ARN:
// the invoke ARN of that function, in the function's own partition and
// region. nil for anything else.
func invokeARNFix(p *Pass, f *doc.Field, v doc.Value) *Fix {
	if v.Kind != doc.KindString {
		return nil
	}
	uri := strings.TrimSpace(v.Text)
	m := fullFunctionARN().FindStringSubmatch(uri)
	if m == nil {
		return nil
	}
	invoke := fmt.Sprintf("arn:%s:apigateway:%s:lambda:path/2015-03-31/functions/%s/invocations", m[1], m[2], uri)
	return replaceValue(p.file, f.Value, invoke, "wrap the function ARN in its invoke ARN")
}

// lambdaSubForm is the Fn::Sub template of a Lambda invoke uri.
const lambdaSubForm = "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${{fn}.Arn}/invocations"

// getAttArnOf returns the resource of a Fn::GetAtt of its Arn attribute: the
// ARN of a resource, never an API Gateway integration ARN.
func getAttArnOf(v doc.Value) (string, bool) {
	arg := v.Node
	switch v.Intrinsic {
	case "!GetAtt":
	case "Fn::GetAtt":
		_, arg = doc.IntrinsicOf(v.Node)
	default:
		return "", false
	}
	arg = doc.Resolve(arg)
	if arg == nil {
		return "", false
	}
	var res, attr string
	switch arg.Kind {
	case doc.ScalarNode:
		res, attr, _ = strings.Cut(arg.Value, ".")
	case doc.SequenceNode:
		if len(arg.Content) != 2 {
			return "", false
		}
		a, b := doc.Resolve(arg.Content[0]), doc.Resolve(arg.Content[1])
		if a == nil || b == nil || a.Kind != doc.ScalarNode || b.Kind != doc.ScalarNode {
			return "", false
		}
		res, attr = a.Value, b.Value
	}
	return res, res != "" && attr == "Arn"
}

var subArnURIPattern = lazyre.New(`^\$\{([A-Za-z0-9]+)\.Arn\}$`)

// awsURIProblem returns what is certainly wrong with an AWS integration uri,
// or "".
func awsURIProblem(p *Pass, typ string, v doc.Value, t integrationuri.Template) string {
	uri := v.Text
	if v.Kind == doc.KindTemplate {
		if m := subArnURIPattern().FindStringSubmatch(strings.TrimSpace(uri)); m != nil {
			return fmt.Sprintf("uri %q is the ARN of resource %q, not an API Gateway integration ARN; for a Lambda function write %s",
				uri, m[1], strings.Replace(lambdaSubForm, "{fn}", m[1], 1))
		}
	}
	if t.StartsOpaque() {
		return "" // the start is filled in later: nothing certain
	}
	for _, pc := range t {
		if pc.Hole == integrationuri.NoHole && uriHasSpace(pc.Text) {
			return fmt.Sprintf("uri %q has white space, which an ARN never holds", uri)
		}
	}
	if !t.HasPrefix("arn:") {
		if strings.Contains(t[0].Text, "://") {
			return fmt.Sprintf(`uri %q is a URL, not an ARN; API Gateway rejects it ("Invalid ARN specified in the request"); an AWS integration calls %s, an http(s) backend needs type HTTP or HTTP_PROXY`, uri, awsURIForm)
		}
		return fmt.Sprintf(`uri %q is not an ARN; API Gateway rejects it ("Invalid ARN specified in the request"); expected %s`, uri, awsURIForm)
	}
	// arn : partition : service : region : account : resource. In an
	// integration ARN the service is apigateway and the account field names
	// the AWS service called.
	fs := t.Split(":", 6)
	if svc, ok := fs[min(2, len(fs)-1)].Literal(); ok && len(fs) > 2 && svc != "apigateway" {
		return awsForeignARNProblem(uri, svc, fs)
	}
	if len(fs) < 6 {
		if t.Opaque() {
			return ""
		}
		return fmt.Sprintf(`uri %q is not a complete integration ARN; API Gateway reports "AWS ARN for integration must contain path or action"; expected %s`, uri, awsURIForm)
	}
	if msg := arnPartitionProblem(fs[1], fmt.Sprintf("uri %q", uri)); msg != "" {
		return msg
	}
	if msg := arnRegionProblem(fs[3], fs[1], fmt.Sprintf("uri %q", uri)); msg != "" {
		return msg
	}
	service, svcKnown := fs[4].Literal()
	if svcKnown && service == "" {
		return fmt.Sprintf(`uri %q has an empty service field ("::"), so API Gateway finds no path or action ("AWS ARN for integration must contain path or action"); expected %s`, uri, awsURIForm)
	}
	res := fs[5]
	if res.StartsOpaque() {
		return "" // a stage variable or placeholder for the whole action or path
	}
	kind := ""
	switch {
	case res.HasPrefix("path/"):
		kind = "path"
	case res.HasPrefix("action/"):
		kind = "action"
	default:
		head := res.String()
		if i := strings.IndexAny(head, "/:"); i >= 0 {
			head = head[:i+1]
		}
		if h := strings.ToLower(head); h == "path/" || h == "action/" {
			return fmt.Sprintf(`uri %q has %q after service %q where API Gateway needs lower-case path/ or action/ ("AWS ARN for integration must contain path or action")`, uri, head, fs[4].String())
		}
		return fmt.Sprintf(`uri %q has no path/ or action/ after service %q; API Gateway rejects it ("AWS ARN for integration must contain path or action"); expected %s`, uri, fs[4].String(), awsURIForm)
	}
	rest, _ := res.CutPrefix(kind + "/")
	if kind == "action" && len(rest) == 0 {
		return fmt.Sprintf("uri %q names no action after action/; expected action/{Action}[&{param}={value}...]", uri)
	}
	// AWS_PROXY calling a service other than Lambda (or Firehose) is
	// aws-proxy-target's business.
	svc := strings.ToLower(service)
	if svc != "lambda" {
		return ""
	}
	if kind == "action" {
		if typ == "AWS_PROXY" {
			return fmt.Sprintf("uri %q calls a Lambda action; a Lambda proxy integration uses %s", uri, lambdaURIForm)
		}
		return ""
	}
	return lambdaPathProblem(p, typ, uri, rest, fs[1])
}

// awsForeignARNProblem describes an ARN of another service used as the uri:
// mostly a Lambda function ARN where the invoke ARN belongs.
func awsForeignARNProblem(uri, svc string, fs []integrationuri.Template) string {
	const importerMsg = `API Gateway rejects it ("AWS ARN for integration must contain path or action")`
	if svc == "lambda" && strings.Contains(uri, ":function:") {
		part, region := "{partition}", "{region}"
		if len(fs) > 1 {
			part = fs[1].String()
		}
		if len(fs) > 3 && fs[3].String() != "" {
			region = fs[3].String()
		}
		return fmt.Sprintf("uri %q is a Lambda function ARN, not an API Gateway integration ARN; %s; wrap it in the invoke ARN: %s",
			uri, importerMsg, fmt.Sprintf("arn:%s:apigateway:%s:lambda:path/2015-03-31/functions/%s/invocations", part, region, uri))
	}
	if s := didYouMean(svc, []string{"apigateway"}); s != "" {
		return fmt.Sprintf("uri %q has service %q where an integration ARN has apigateway (did you mean apigateway?); expected %s", uri, svc, awsURIForm)
	}
	return fmt.Sprintf("uri %q is an ARN of service %q, not an API Gateway integration ARN; %s; expected %s", uri, svc, importerMsg, awsURIForm)
}

// lambdaAPIVersions maps the Lambda API versions of the invoke uri to the
// action each ends with.
var lambdaAPIVersions = map[string]string{
	"2015-03-31": "invocations",
	"2021-11-15": "response-streaming-invocations", // response streaming
}

var lambdaDatePattern = lazyre.New(`^\d{4}-\d{2}-\d{2}$`)

// lambdaPathProblem checks the path of a Lambda uri (after "path/"):
// {version}/functions/{function-arn}/{action}. A custom (AWS) integration
// may call other Lambda API paths, so only an invocation is judged there.
func lambdaPathProblem(p *Pass, typ, uri string, rest, partField integrationuri.Template) string {
	rest = rest.TrimLeft("/") // path//2015-03-31/... is the put-integration reference's own form
	if rest.StartsOpaque() {
		return ""
	}
	parts := rest.Split("/", 3) // version, "functions", function-arn/action
	version, vKnown := parts[0].Literal()
	if typ == "AWS" && !strings.Contains(strings.ToLower(uri), "invocation") {
		// A custom integration may call another Lambda API (GetFunction,
		// ListFunctions ...); only POST to functions/{arn} is certainly an
		// invocation missing its /invocations.
		m := p.In.Val("httpMethod")
		post := m.Kind == doc.KindString && strings.EqualFold(strings.TrimSpace(m.Text), "POST")
		if _, _, sub := parts[len(parts)-1].CutLast("/"); !post || len(parts) < 3 || sub {
			return ""
		}
	}
	if vKnown && version == "functions" {
		return fmt.Sprintf("uri %q has no Lambda API version before functions/; expected %s", uri, lambdaURIForm)
	}
	wantAction, knownVersion := lambdaAPIVersions[version]
	if vKnown && !knownVersion {
		if lambdaDatePattern().MatchString(version) || typ == "AWS_PROXY" {
			return fmt.Sprintf("uri %q has Lambda API version %q; the invoke path is 2015-03-31/functions/{function-arn}/invocations (2021-11-15/.../response-streaming-invocations for response streaming)", uri, version)
		}
		return ""
	}
	if len(parts) < 3 {
		if rest.Opaque() {
			return ""
		}
		return fmt.Sprintf("uri %q does not name a function; expected %s", uri, lambdaURIForm)
	}
	if fn, ok := parts[1].Literal(); ok && fn != "functions" {
		return fmt.Sprintf("uri %q has %q where the invoke path has functions; expected %s", uri, fn, lambdaURIForm)
	}
	if s := parts[2].String(); strings.HasSuffix(s, "/") && !parts[2].EndsWithHole() {
		return fmt.Sprintf("uri %q ends in \"/\"; expected %s", uri, lambdaURIForm)
	}
	fnARN, action, hasAction := parts[2].CutLast("/")
	if !hasAction {
		if parts[2].EndsWithHole() {
			return ""
		}
		fnARN, action = parts[2], nil
	}
	if len(fnARN) == 0 {
		return fmt.Sprintf("uri %q names no function between functions/ and /%s; expected %s", uri, lambdaActionOr(wantAction), lambdaURIForm)
	}
	if msg := lambdaFunctionARNProblem(uri, fnARN, partField); msg != "" {
		return msg
	}
	act, actKnown := action.Literal()
	if !actKnown {
		return ""
	}
	if !vKnown {
		if act == "invocations" || act == "response-streaming-invocations" {
			return ""
		}
		wantAction = ""
	}
	switch {
	case act == wantAction:
		return ""
	case !hasAction:
		return fmt.Sprintf("uri %q does not end in /%s after the function ARN; expected %s", uri, lambdaActionOr(wantAction), lambdaURIForm)
	case act == "response-streaming-invocations" && version == "2015-03-31":
		return fmt.Sprintf("uri %q asks for response streaming with API version 2015-03-31; streaming uses path/2021-11-15/functions/{function-arn}/response-streaming-invocations", uri)
	case act == "invocations" && version == "2021-11-15":
		return fmt.Sprintf("uri %q uses the response-streaming API version 2021-11-15 with /invocations; expected .../2021-11-15/functions/{function-arn}/response-streaming-invocations or .../2015-03-31/functions/{function-arn}/invocations", uri)
	case strings.HasPrefix(act, "invocations:"):
		return fmt.Sprintf("uri %q puts qualifier %q after /invocations; a version or alias belongs on the function ARN: ...:function:{name}:%s/invocations", uri, act[len("invocations:"):], act[len("invocations:"):])
	}
	return fmt.Sprintf("uri %q ends in /%s after the function ARN; expected /%s", uri, act, lambdaActionOr(wantAction))
}

func lambdaActionOr(action string) string {
	if action == "" {
		return "invocations"
	}
	return action
}

var (
	lambdaNamePattern      = lazyre.New(`^[A-Za-z0-9_-]{1,64}$`)
	lambdaQualifierPattern = lazyre.New(`^(\$LATEST|[A-Za-z0-9_-]{1,128})$`)
	awsAccountPattern      = lazyre.New(`^\d{12}$`)
)

// lambdaFunctionARNProblem checks the function ARN inside a Lambda invoke uri:
// arn:{partition}:lambda:{region}:{account}:function:{name}[:{qualifier}],
// where variables may stand for any field.
func lambdaFunctionARNProblem(uri string, fn, apiPartition integrationuri.Template) string {
	if fn.StartsOpaque() {
		return "" // ${MyFunction.Arn}, a stage variable, a placeholder
	}
	text := fn.String()
	form := "arn:{partition}:lambda:{region}:{account-id}:function:{name}[:{alias-or-version}]"
	if !fn.HasPrefix("arn:") {
		return fmt.Sprintf("uri %q names function %q, which is not a function ARN; expected %s", uri, text, form)
	}
	fs := fn.Split(":", -1)
	if len(fs) != 7 && len(fs) != 8 {
		if fn.Opaque() {
			return ""
		}
		return fmt.Sprintf("uri %q has function ARN %q, which is not of the form %s", uri, text, form)
	}
	what := fmt.Sprintf("function ARN %q in uri", text)
	if msg := arnPartitionProblem(fs[1], what); msg != "" {
		return msg
	}
	fp, ok1 := fs[1].Literal()
	ap, ok2 := apiPartition.Literal()
	if ok1 && ok2 && fp != ap && contains(awsPartitionNames, ap) {
		return fmt.Sprintf("%s is in partition %q but the uri calls API Gateway in partition %q; a function is only invoked within its partition", what, fp, ap)
	}
	if s, ok := fs[2].Literal(); ok && s != "lambda" {
		return fmt.Sprintf("%s names service %q; expected %s", what, s, form)
	}
	if msg := arnRegionProblem(fs[3], fs[1], what); msg != "" {
		return msg
	}
	if s, ok := fs[4].Literal(); ok && !awsAccountPattern().MatchString(s) {
		return fmt.Sprintf("%s has account %q; expected a 12-digit account id", what, s)
	}
	if s, ok := fs[5].Literal(); ok && s != "function" {
		return fmt.Sprintf("%s has resource type %q; expected %s", what, s, form)
	}
	if s, ok := fs[6].Literal(); ok && !lambdaNamePattern().MatchString(s) {
		return fmt.Sprintf("%s has function name %q; a name is 1 to 64 letters, digits, hyphens and underscores", what, s)
	}
	if len(fs) == 8 {
		if s, ok := fs[7].Literal(); ok && !lambdaQualifierPattern().MatchString(s) {
			return fmt.Sprintf("%s has qualifier %q; expected a version number, an alias name or $LATEST", what, s)
		}
	}
	return ""
}
