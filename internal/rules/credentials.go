package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"strings"
)

var (
	// roleARN is an IAM role ARN; "§" stands for a ${...} part of a Fn::Sub
	// template or a stage variable, which may fill any component.
	roleARN = lazyre.New(`^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc|§):iam::(\d{12}|§):role/[\w+=,.@/§-]+$`)
	// callerARN asks API Gateway to pass the caller's own credentials.
	callerARN  = lazyre.New(`^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc|§):iam::\*:user/\*$`)
	subVarExpr = lazyre.New(`\$\{[^}]*\}`)
	// docPlaceholder is an all-caps word with an underscore, as examples
	// and workshop files write ACCOUNT_ID or YOUR_ROLE_NAME.
	docPlaceholder = lazyre.New(`\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b|<[^>]+>|\{\{[^}]*\}\}`)
)

// checkCredentials: credentials is an IAM role ARN or the caller-passthrough
// ARN arn:aws:iam::*:user/*. A CloudFormation Ref of an AWS::IAM::Role gives
// the role's name, not its ARN: the classic way to get this wrong.
func checkCredentials(p *Pass) {
	f := p.In.Field("credentials")
	if f == nil {
		return
	}
	v := f.Val()
	if role := refToRole(p.In, v); role != "" {
		p.ReportValue(f, "Ref of the AWS::IAM::Role %q gives the role's name, not its ARN; use Fn::GetAtt %s.Arn", role, role)
		return
	}
	var text string
	fillIns := fillInPlaceholders(p.In, v, false) // uri-placeholder notes them
	switch v.Kind {
	case doc.KindString:
		text = strings.TrimSpace(v.Text)
		if isPlaceholder(text) || text == "" {
			return
		}
		text = strings.ReplaceAll(text, "${stageVariables.", "${")
		text = subVarExpr().ReplaceAllStringFunc(text, func(s string) string {
			if strings.HasPrefix(s, "${") && !strings.Contains(s, "::") && !strings.Contains(s, ".") {
				return "§" // a stage variable
			}
			return stageOrImportVar(s)
		})
		text = docPlaceholder().ReplaceAllString(text, "§")
	case doc.KindTemplate:
		text = subVarExpr().ReplaceAllString(strings.TrimSpace(v.Text), "§")
	default:
		return
	}
	for _, ph := range fillIns {
		text = strings.ReplaceAll(text, ph, "§")
	}
	if roleARN().MatchString(text) || callerARN().MatchString(text) {
		return
	}
	if strings.Contains(text, "§") && strings.HasPrefix(text, "§") {
		return // the whole ARN is computed
	}
	p.ReportValue(f, "%s %q is not an IAM role ARN; expected arn:aws:iam::ACCOUNT_ID:role/NAME, or arn:aws:iam::*:user/* to pass the caller's credentials (API Gateway answers \"Invalid ARN specified in the request\")", f.Key.Value, v.Text)
}

// stageOrImportVar maps import-time variables (${AWS::AccountId} ...) to the
// wildcard; anything else stays and will not match an ARN.
func stageOrImportVar(s string) string {
	switch s {
	case "${AWS::AccountId}", "${AWS::Partition}", "${AWS::Region}":
		return "§"
	}
	return s
}

// refToRole returns the logical id of an AWS::IAM::Role that value v refers
// to with Ref (or as a bare ${Role} in a Fn::Sub template), or "".
func refToRole(in *doc.Integration, v doc.Value) string {
	var name string
	switch {
	case v.Kind == doc.KindUnknown && v.Intrinsic == "!Ref":
		name = v.Node.Value
	case v.Kind == doc.KindUnknown && v.Intrinsic == "Ref":
		_, arg := doc.IntrinsicOf(v.Node)
		if arg = doc.Resolve(arg); arg != nil && arg.Kind == doc.ScalarNode {
			name = arg.Value
		}
	case v.Kind == doc.KindTemplate:
		t := strings.TrimSpace(v.Text)
		if strings.HasPrefix(t, "${") && strings.HasSuffix(t, "}") && strings.Count(t, "${") == 1 {
			name = t[2 : len(t)-1]
		}
	}
	if name == "" || !in.Embedded() {
		return ""
	}
	_, res := doc.Get(in.File.Root, "Resources")
	_, r := doc.Get(res, name)
	_, typ := doc.Get(r, "Type")
	if typ = doc.Resolve(typ); typ != nil && typ.Value == "AWS::IAM::Role" {
		return name
	}
	return ""
}
