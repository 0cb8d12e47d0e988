package terraform

import (
	"path/filepath"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// v2APIType is the HTTP or WebSocket API resource, read only for a body
// given by file(...) or templatefile(...).
const v2APIType = "aws_apigatewayv2_api"

// Body is an OpenAPI document that an API resource of a .tf file loads
// from another file: body = file("openapi.yaml") or body =
// templatefile("api.yaml.tpl", {...}), the path a literal, optionally
// after "${path.module}/". The caller reads the file (Load never reads
// one) and hands its text to LoadBody.
type Body struct {
	// Path is the referenced file: Rel joined to the folder of the .tf
	// file, as that file's path is written.
	Path string
	// Rel is the path as written, without its ${path.module}/ prefix.
	Rel string
	// Template is set for templatefile: the ${...} and %{...} of the text
	// are Terraform's, filled in (or expanded) before API Gateway sees it.
	Template bool
	// Kind is the kind of API the resource defines: REST for
	// aws_api_gateway_rest_api, HTTP for aws_apigatewayv2_api (its body
	// is supported for HTTP APIs only).
	Kind doc.APIKind
	// Resource is the resource's address (aws_api_gateway_rest_api.api).
	Resource string
	// From is the .tf file; Line and Col the position of the call there.
	From      string
	Line, Col int
}

// bodyRef records the file the body of an API resource loads, if it is
// given by file(...) or templatefile(...) with a path written as a
// literal (a path Terraform computes cannot be followed).
func (b *builder) bodyRef(blk *hclsyntax.Block, kind doc.APIKind) {
	a := blk.Body.Attributes["body"]
	if a == nil {
		return
	}
	call, ok := unwrap(a.Expr).(*hclsyntax.FunctionCallExpr)
	if !ok || call.ExpandFinal {
		return
	}
	tmpl := false
	switch {
	case call.Name == "file" && len(call.Args) == 1:
	case call.Name == "templatefile" && len(call.Args) == 2:
		tmpl = true
	default:
		return
	}
	rel, ok := modulePath(call.Args[0])
	if !ok {
		return
	}
	line, col := b.pos(call.NameRange.Start.Byte)
	b.bodies = append(b.bodies, Body{
		Path:     filepath.Join(filepath.Dir(b.file.Path), filepath.FromSlash(rel)),
		Rel:      rel,
		Template: tmpl,
		Kind:     kind,
		Resource: blk.Labels[0] + "." + blk.Labels[1],
		From:     b.file.Path,
		Line:     line,
		Col:      col,
	})
}

// modulePath returns the path an expression writes: a literal string, or
// "${path.module}/" followed by one. Anything else is computed.
func modulePath(e hclsyntax.Expression) (string, bool) {
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok {
		return "", false
	}
	parts := t.Parts
	prefix := false
	if len(parts) > 0 {
		if st, ok := parts[0].(*hclsyntax.ScopeTraversalExpr); ok {
			if !isPathModule(st.Traversal) {
				return "", false
			}
			prefix, parts = true, parts[1:]
		}
	}
	var b strings.Builder
	for _, p := range parts {
		lit, ok := p.(*hclsyntax.LiteralValueExpr)
		if !ok || !lit.Val.IsKnown() || lit.Val.IsNull() || lit.Val.Type() != cty.String {
			return "", false
		}
		b.WriteString(lit.Val.AsString())
	}
	rel := b.String()
	if prefix {
		if !strings.HasPrefix(rel, "/") {
			return "", false
		}
		rel = "." + rel
	}
	if strings.TrimSpace(rel) == "" {
		return "", false
	}
	return rel, true
}

// LoadBody reads the text of a file an API resource loads as its body: an
// OpenAPI document of the kind the resource settles, whose findings are
// that file's. For templatefile, a scalar holding a ${...} interpolation
// or a %{...} directive is a Terraform template (its holes unknown to the
// rules), and a text that is not YAML or JSON until Terraform renders it
// is skipped quietly; a file() body that does not parse is an input error
// of that file. A file that is not an OpenAPI document gives a Result
// whose Content is doc.ContentNone.
func LoadBody(b Body, src []byte) (*doc.Result, error) {
	f, err := loader.Parse(b.Path, src, loader.DefaultLimits)
	if err != nil {
		if b.Template {
			return &doc.Result{File: &doc.File{Path: b.Path, Src: src}}, nil
		}
		return nil, err
	}
	if b.Template {
		markHoles(f.Root, map[*doc.Node]bool{})
	}
	res := &doc.Result{File: f}
	// No Template: the document is linted as a file of its own (a plain
	// ${...} of a file() body reaches API Gateway as written), only its
	// kind is the resource's.
	if api := res.AddEmbeddedAPI(f.Root, "", b.Kind, nil, loader.Decoder); api != nil {
		api.Kind, api.KindCertain = b.Kind, true
		res.Content = doc.ContentOpenAPI
	}
	return res, nil
}

// markHoles tags the scalars of a templatefile text that Terraform fills
// in: one with ${...} becomes a Terraform template (Classify gives
// KindTemplate, whose holes no rule judges), one with a %{...} directive
// an unknown value.
func markHoles(n *doc.Node, seen map[*doc.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	if n.Kind == doc.ScalarNode {
		switch {
		case strings.Contains(n.Value, "%{"):
			n.Tag = doc.TerraformExprTag
		case strings.Contains(n.Value, "${"):
			n.Tag = doc.TerraformTemplateTag
		}
	}
	for _, c := range n.Content {
		markHoles(c, seen)
	}
	markHoles(n.Alias, seen)
}

// isPathModule reports whether a traversal is path.module.
func isPathModule(t hcl.Traversal) bool {
	if len(t) != 2 {
		return false
	}
	root, ok1 := t[0].(hcl.TraverseRoot)
	attr, ok2 := t[1].(hcl.TraverseAttr)
	return ok1 && ok2 && root.Name == "path" && attr.Name == "module"
}
