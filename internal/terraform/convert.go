package terraform

import (
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// conv turns HCL syntax into doc nodes, each at the position of what it was
// read from (1-based lines counted by LF, columns in code points, as the
// rest of apigwlint counts them; HCL's own columns count grapheme clusters).
type conv struct {
	src        []byte
	lineStarts []int // byte offset at which each line starts
	// The position last computed: nodes are made mostly in source order, so
	// the next column is counted from there, not from the line's start (a
	// minified one-line body would otherwise cost the square of its length).
	line, off, col int

	// blocks are the resource blocks of the file by type and name, whose
	// literal arguments a reference may stand for (see follow); hops counts
	// the references being followed.
	blocks map[string]map[string]*hclsyntax.Block
	hops   int
}

func newConv(src []byte) *conv {
	c := &conv{src: src, lineStarts: []int{0}}
	for i, b := range src {
		if b == '\n' {
			c.lineStarts = append(c.lineStarts, i+1)
		}
	}
	return c
}

// pos returns the line and column of a byte offset.
func (c *conv) pos(off int) (line, col int) {
	off = max(0, min(off, len(c.src)))
	line = sort.Search(len(c.lineStarts), func(i int) bool { return c.lineStarts[i] > off })
	start := c.lineStarts[line-1]
	if c.line == line && c.off <= off {
		col = c.col + utf8.RuneCount(c.src[c.off:off])
	} else {
		col = 1 + utf8.RuneCount(c.src[start:off])
	}
	c.line, c.off, c.col = line, off, col
	return line, col
}

// node makes a node of kind k at the start of r.
func (c *conv) node(r hcl.Range, k doc.Kind) *doc.Node {
	n := &doc.Node{Kind: k}
	n.Line, n.Column = c.pos(r.Start.Byte)
	return n
}

func (c *conv) scalar(r hcl.Range, tag string, style doc.Style, value string) *doc.Node {
	n := c.node(r, doc.ScalarNode)
	n.Tag, n.Style, n.Value = tag, style, value
	return n
}

// text returns the source text of a range.
func (c *conv) text(r hcl.Range) string {
	s, e := max(0, min(r.Start.Byte, len(c.src))), max(0, min(r.End.Byte, len(c.src)))
	if s > e {
		return ""
	}
	return string(c.src[s:e])
}

// unknown is the node of an expression whose value Terraform computes: a
// scalar Classify reports as KindUnknown, holding the expression's source.
func (c *conv) unknown(e hclsyntax.Expression) *doc.Node {
	return c.scalar(e.Range(), doc.TerraformExprTag, 0, strings.TrimSpace(c.text(e.Range())))
}

// expr converts an expression. Literals become plain values; a string with
// interpolations becomes a Terraform template; a reference whose meaning is
// certain (a Lambda function's invoke_arn) a template standing for what it
// evaluates to; everything else an unknown.
func (c *conv) expr(e hclsyntax.Expression) *doc.Node {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return c.literal(e.Val, e.SrcRange)
	case *hclsyntax.TemplateExpr:
		return c.template(e)
	case *hclsyntax.TemplateWrapExpr:
		// "${x}" alone is x itself, not a string made of it; the value is
		// written where the quote is.
		n := c.expr(e.Wrapped)
		n.Line, n.Column = c.pos(e.SrcRange.Start.Byte)
		return n
	case *hclsyntax.ParenthesesExpr:
		return c.expr(e.Expression)
	case *hclsyntax.ObjectConsExpr:
		return c.object(e)
	case *hclsyntax.TupleConsExpr:
		n := c.node(e.SrcRange, doc.SequenceNode)
		n.Tag, n.Style = "!!seq", doc.FlowStyle
		for _, item := range e.Exprs {
			n.Content = append(n.Content, c.expr(item))
		}
		return n
	case *hclsyntax.ScopeTraversalExpr:
		if text, ok := knownReference(e.Traversal, c.text(e.SrcRange)); ok {
			return c.scalar(e.SrcRange, doc.TerraformTemplateTag, 0, text)
		}
		if n := c.follow(e); n != nil {
			return n
		}
	}
	if v, ok := constant(e); ok {
		return c.literal(v, e.Range())
	}
	return c.unknown(e)
}

// constant evaluates an expression that names no variable and calls no
// function (-1, 2 * 1000, "a" == "a"), when it gives a known value.
func constant(e hclsyntax.Expression) (cty.Value, bool) {
	if len(hclsyntax.Variables(e)) > 0 {
		return cty.NilVal, false
	}
	calls := false
	hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		_, call := n.(*hclsyntax.FunctionCallExpr)
		calls = calls || call
		return nil
	})
	if calls {
		return cty.NilVal, false
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsMarked() || !v.Type().IsPrimitiveType() {
		return cty.NilVal, false
	}
	return v, true
}

// literal converts a primitive value: a string, a number, a bool or null.
func (c *conv) literal(v cty.Value, r hcl.Range) *doc.Node {
	switch {
	case v.IsNull():
		return c.scalar(r, "!!null", 0, "null")
	case !v.IsKnown() || v.IsMarked():
		return c.scalar(r, doc.TerraformExprTag, 0, strings.TrimSpace(c.text(r)))
	case v.Type() == cty.String:
		return c.scalar(r, "!!str", doc.DoubleQuotedStyle, v.AsString())
	case v.Type() == cty.Bool:
		return c.scalar(r, "!!bool", 0, strconv.FormatBool(v.True()))
	case v.Type() == cty.Number:
		return c.number(v.AsBigFloat(), r)
	}
	return c.scalar(r, doc.TerraformExprTag, 0, strings.TrimSpace(c.text(r)))
}

// number converts a number, keeping its text as written when that reads
// back as the same number (so that spans cover it), else its decimal form.
func (c *conv) number(f *big.Float, r hcl.Range) *doc.Node {
	src := strings.TrimSpace(c.text(r))
	if f.IsInt() {
		if _, err := strconv.ParseInt(src, 10, 64); err == nil {
			return c.scalar(r, "!!int", 0, src)
		}
		i, _ := f.Int(nil)
		return c.scalar(r, "!!int", 0, i.String())
	}
	if _, err := strconv.ParseFloat(src, 64); err == nil {
		return c.scalar(r, "!!float", 0, src)
	}
	return c.scalar(r, "!!float", 0, f.Text('g', -1))
}

// template converts a quoted string or a heredoc. A heredoc's text spans
// lines and is written after its <<MARKER, so it is a plain scalar whose
// span is its start.
func (c *conv) template(e *hclsyntax.TemplateExpr) *doc.Node {
	style := doc.Style(0)
	if r := e.SrcRange; r.Start.Byte < len(c.src) && c.src[r.Start.Byte] == '"' {
		style = doc.DoubleQuotedStyle
	}
	var b strings.Builder
	literal := true
	for _, part := range e.Parts {
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() {
			b.WriteString(lit.Val.AsString())
			continue
		}
		literal = false
	}
	if literal {
		return c.scalar(e.SrcRange, "!!str", style, b.String())
	}
	b.Reset()
	for _, part := range e.Parts {
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() {
			// A literal ${ (written $${) is written ${! as in a Fn::Sub
			// template, so that no rule takes it for a hole.
			b.WriteString(strings.ReplaceAll(lit.Val.AsString(), "${", "${!"))
			continue
		}
		b.WriteString(hole(c.text(part.Range())))
	}
	return c.scalar(e.SrcRange, doc.TerraformTemplateTag, style, b.String())
}

// hole writes an interpolation of a template: ${ and its source, or
// ${tf_expr} when the source would not read back as one ${...} (braces
// inside, a directive, several lines).
func hole(src string) string {
	src = strings.TrimSpace(src)
	if src == "" || strings.ContainsAny(src, "${}%\n\r") {
		return "${tf_expr}"
	}
	return "${" + src + "}"
}

// object converts an object constructor. A key Terraform computes makes the
// whole object unknown: what it holds cannot be told.
func (c *conv) object(e *hclsyntax.ObjectConsExpr) *doc.Node {
	n := c.node(e.SrcRange, doc.MappingNode)
	n.Tag, n.Style = "!!map", doc.FlowStyle
	for _, item := range e.Items {
		k := c.key(item.KeyExpr)
		if k == nil {
			return c.unknown(e)
		}
		n.Content = append(n.Content, k, c.expr(item.ValueExpr))
	}
	return n
}

// key converts an object key: a bare name, a literal string or a number.
// It returns nil for a key Terraform computes.
func (c *conv) key(e hclsyntax.Expression) *doc.Node {
	force := false
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		e, force = k.Wrapped, k.ForceNonLiteral
	}
	if !force {
		if name := hcl.ExprAsKeyword(e); name != "" {
			return c.scalar(e.Range(), "!!str", 0, name)
		}
	}
	switch n := c.expr(e); {
	case n.Kind != doc.ScalarNode || n.Tag == doc.TerraformExprTag || n.Tag == doc.TerraformTemplateTag || n.Tag == "!!null":
		return nil
	default:
		n.Tag = "!!str" // a number or bool key is its text
		return n
	}
}

// body converts a block body: its attributes and nested blocks in source
// order, as a mapping. A dynamic block stands for blocks of the type its
// label names, made by Terraform: an unknown value under that name. rename
// spells names the canonical way, and kids gives the renames of the nested
// blocks by type (see nested). A block type of repeated (V2's
// response_parameters) is a list: its blocks are one sequence, under the
// first one's name.
func (c *conv) body(b *hclsyntax.Body, open hcl.Range, rename map[string]string, kids map[string]map[string]string) *doc.Node {
	n := c.node(open, doc.MappingNode)
	n.Tag = "!!map"
	type item struct {
		at   int
		k, v func() *doc.Node
	}
	var items []item
	for _, a := range b.Attributes {
		items = append(items, item{a.NameRange.Start.Byte,
			func() *doc.Node { return c.name(a.NameRange, a.Name, rename) },
			func() *doc.Node { return c.expr(a.Expr) }})
	}
	lists := map[string]*doc.Node{}
	for _, blk := range b.Blocks {
		if repeated[blk.Type] {
			if seq := lists[blk.Type]; seq != nil {
				if seq.Tag == "!!seq" {
					seq.Content = append(seq.Content, c.body(blk.Body, blk.OpenBraceRange, nil, nil))
				}
				continue
			}
			seq := c.node(blk.TypeRange, doc.SequenceNode)
			seq.Tag = "!!seq"
			seq.Content = []*doc.Node{c.body(blk.Body, blk.OpenBraceRange, nil, nil)}
			lists[blk.Type] = seq
			items = append(items, item{blk.TypeRange.Start.Byte,
				func() *doc.Node { return c.name(blk.TypeRange, blk.Type, rename) },
				func() *doc.Node { return seq }})
			continue
		}
		if blk.Type == "dynamic" && len(blk.Labels) == 1 && len(blk.LabelRanges) == 1 {
			if repeated[blk.Labels[0]] {
				if seq := lists[blk.Labels[0]]; seq != nil {
					// blocks and a dynamic block of the type: a list
					// Terraform computes
					*seq = *c.scalar(blk.OpenBraceRange, doc.TerraformExprTag, 0, "dynamic "+strconv.Quote(blk.Labels[0]))
					continue
				}
				seq := c.scalar(blk.OpenBraceRange, doc.TerraformExprTag, 0, "dynamic "+strconv.Quote(blk.Labels[0]))
				lists[blk.Labels[0]] = seq
				items = append(items, item{blk.TypeRange.Start.Byte,
					func() *doc.Node {
						k := c.name(blk.LabelRanges[0], blk.Labels[0], rename)
						k.Style = doc.DoubleQuotedStyle
						return k
					},
					func() *doc.Node { return seq }})
				continue
			}
			items = append(items, item{blk.TypeRange.Start.Byte,
				func() *doc.Node {
					k := c.name(blk.LabelRanges[0], blk.Labels[0], rename)
					k.Style = doc.DoubleQuotedStyle
					return k
				},
				func() *doc.Node {
					return c.scalar(blk.OpenBraceRange, doc.TerraformExprTag, 0, "dynamic "+strconv.Quote(blk.Labels[0]))
				}})
			continue
		}
		items = append(items, item{blk.TypeRange.Start.Byte,
			func() *doc.Node { return c.name(blk.TypeRange, blk.Type, rename) },
			func() *doc.Node { return c.body(blk.Body, blk.OpenBraceRange, kids[blk.Type], nil) }})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].at < items[j].at })
	for _, it := range items {
		k := it.k()
		n.Content = append(n.Content, k, it.v())
	}
	return n
}

// name is the key node of an attribute or block name.
func (c *conv) name(r hcl.Range, name string, rename map[string]string) *doc.Node {
	if canon, ok := rename[name]; ok {
		name = canon
	}
	return c.scalar(r, "!!str", 0, name)
}

// nested maps a nested block type to the canonical spelling of its
// arguments. Rules read tlsConfig.insecureSkipVerification by its API name;
// the node keeps the position of Terraform's insecure_skip_verification.
var nested = map[string]map[string]string{
	"tls_config": {"insecure_skip_verification": "insecureSkipVerification"},
}

// nestedV2 is nested for aws_apigatewayv2_integration, whose tls_config
// holds server_name_to_verify.
var nestedV2 = map[string]map[string]string{
	"tls_config":          {"server_name_to_verify": "serverNameToVerify"},
	"response_parameters": nil,
}

// repeated are the nested block types that a resource may repeat, read
// as a list.
var repeated = map[string]bool{"response_parameters": true}

// follow returns the literal a reference to an argument of an API Gateway
// resource of this file stands for (status_code =
// aws_api_gateway_method_response.ok.status_code is "200" when that
// resource writes status_code = "200"), written where the reference is; nil
// when the argument is not a literal. Such an argument is configuration,
// so the attribute is what is written.
func (c *conv) follow(e *hclsyntax.ScopeTraversalExpr) *doc.Node {
	t := e.Traversal
	if len(t) < 3 || len(t) > 4 || c.hops >= maxLinks {
		return nil
	}
	root, ok1 := t[0].(hcl.TraverseRoot)
	name, ok2 := t[1].(hcl.TraverseAttr)
	attr, ok3 := t[len(t)-1].(hcl.TraverseAttr)
	if !ok1 || !ok2 || !ok3 || !linkTypes[root.Name] {
		return nil
	}
	if _, ok := t[2].(hcl.TraverseIndex); len(t) == 4 && !ok {
		return nil
	}
	blk := c.blocks[root.Name][name.Name]
	if blk == nil || blk.Body.Attributes[attr.Name] == nil {
		return nil
	}
	// Only a literal, or a reference to one, is followed: converting any
	// other expression there could follow references again from each of
	// its parts, exponentially.
	var n *doc.Node
	switch target := unwrap(blk.Body.Attributes[attr.Name].Expr).(type) {
	case *hclsyntax.ScopeTraversalExpr:
		c.hops++
		n = c.follow(target)
		c.hops--
	case *hclsyntax.LiteralValueExpr, *hclsyntax.TemplateExpr:
		n = c.expr(target)
	}
	if n == nil {
		return nil
	}
	switch n.Tag {
	case "!!str", "!!int", "!!float", "!!bool":
	default:
		return nil
	}
	out := *n
	out.Style = 0 // written elsewhere: no quotes here
	out.Line, out.Column = c.pos(e.SrcRange.Start.Byte)
	return &out
}

// nestedOf returns the nested block renames of a resource type.
func nestedOf(typ string) map[string]map[string]string {
	if typ == v2IntegrationType {
		return nestedV2
	}
	return nested
}
