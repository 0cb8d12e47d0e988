package terraform

import (
	"bytes"
	"encoding/json"

	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// Terraform's JSON syntax (.tf.json) is parsed with hcl's JSON parser and
// turned into the native syntax tree the builder reads: each resource a
// block, each property an attribute, each string a template parsed from
// its text (JSON strings hold Terraform templates: "${var.x}"), so that
// both syntaxes give the same model at the positions of the file.
//
// The template parser reads a string's value, not its source: a JSON
// escape (\" \n \u00e9) makes the value shorter than its source. conv reads
// text from a shadow of the file in which each string holding an escape is
// written unescaped and padded with spaces to its length, so that the
// ranges of a template index the text they were parsed from; positions
// inside such a string after an escape are off by the escape's length.

// IsJSON reports whether path names a Terraform file in JSON syntax.
func IsJSON(path string) bool {
	n := len(path)
	return n >= 8 && bytes.EqualFold([]byte(path[n-8:]), []byte(".tf.json"))
}

// loadJSON parses a .tf.json file into a native syntax body.
func loadJSON(path string, src []byte, c *conv) (*hclsyntax.Body, error) {
	f, diags := hcljson.Parse(src, path)
	if err := firstError(path, diags, c); err != nil {
		return nil, err
	}
	c.src = shadow(src)
	content, _, diags := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}},
	}})
	if err := firstError(path, diags, c); err != nil {
		return nil, err
	}
	jc := &jsonConv{path: path, src: c.src}
	body := &hclsyntax.Body{}
	for _, blk := range content.Blocks {
		if len(blk.Labels) != 2 || len(blk.LabelRanges) != 2 {
			continue
		}
		attrs, _ := blk.Body.JustAttributes()
		b := &hclsyntax.Block{Type: blk.Type, Labels: blk.Labels, LabelRanges: blk.LabelRanges,
			TypeRange: blk.LabelRanges[1], OpenBraceRange: blk.DefRange,
			Body: &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: blk.DefRange}}
		for name, a := range attrs {
			if _, ok := nestedOf(blk.Labels[0])[name]; ok {
				if inner := jc.block(name, a); inner != nil {
					b.Body.Blocks = append(b.Body.Blocks, inner)
					continue
				}
			}
			b.Body.Attributes[name] = &hclsyntax.Attribute{Name: name, Expr: jc.expr(a.Expr),
				NameRange: a.NameRange, SrcRange: a.Range}
		}
		body.Blocks = append(body.Blocks, b)
	}
	return body, nil
}

// firstError is the first error of diags as a located input error.
func firstError(path string, diags hcl.Diagnostics, c *conv) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		e := &loader.Error{Path: path, Msg: d.Summary}
		if d.Subject != nil {
			e.Line, e.Col = c.pos(d.Subject.Start.Byte)
		}
		return e
	}
	return nil
}

// jsonConv converts JSON expressions into native ones.
type jsonConv struct {
	path string
	src  []byte
}

// block converts a property written as a nested block (tls_config: an
// object, or a list of one), or returns nil.
func (jc *jsonConv) block(name string, a *hcl.Attribute) *hclsyntax.Block {
	e := a.Expr
	if jc.first(e) == '[' {
		items, _ := hcl.ExprList(e)
		if len(items) != 1 {
			return nil
		}
		e = items[0]
	}
	if jc.first(e) != '{' {
		return nil
	}
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: e.Range()}
	pairs, _ := hcl.ExprMap(e)
	for _, kv := range pairs {
		k := jc.keyText(kv.Key)
		body.Attributes[k] = &hclsyntax.Attribute{Name: k, Expr: jc.expr(kv.Value),
			NameRange: kv.Key.Range(), SrcRange: hcl.RangeBetween(kv.Key.Range(), kv.Value.Range())}
	}
	return &hclsyntax.Block{Type: name, TypeRange: a.NameRange, OpenBraceRange: e.Range(), Body: body}
}

// first returns the first byte of an expression's source.
func (jc *jsonConv) first(e hcl.Expression) byte {
	if i := e.Range().Start.Byte; i >= 0 && i < len(jc.src) {
		return jc.src[i]
	}
	return 0
}

func (jc *jsonConv) keyText(e hcl.Expression) string {
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() {
		return ""
	}
	return v.AsString()
}

// expr converts a JSON value: an object or an array into its constructor,
// a string into the template it holds, anything else into a literal.
func (jc *jsonConv) expr(e hcl.Expression) hclsyntax.Expression {
	r := e.Range()
	switch jc.first(e) {
	case '{':
		obj := &hclsyntax.ObjectConsExpr{SrcRange: r, OpenRange: e.StartRange()}
		pairs, _ := hcl.ExprMap(e)
		for _, kv := range pairs {
			key := jc.expr(kv.Key)
			obj.Items = append(obj.Items, hclsyntax.ObjectConsItem{
				KeyExpr:   &hclsyntax.ObjectConsKeyExpr{Wrapped: key, ForceNonLiteral: true},
				ValueExpr: jc.expr(kv.Value)})
		}
		return obj
	case '[':
		tup := &hclsyntax.TupleConsExpr{SrcRange: r, OpenRange: e.StartRange()}
		items, _ := hcl.ExprList(e)
		for _, item := range items {
			tup.Exprs = append(tup.Exprs, jc.expr(item))
		}
		return tup
	case '"':
		v, diags := e.Value(nil)
		if diags.HasErrors() || !v.IsKnown() || v.IsNull() {
			break
		}
		start := r.Start
		start.Byte++
		start.Column++
		t, diags := hclsyntax.ParseTemplate([]byte(v.AsString()), jc.path, start)
		if diags.HasErrors() {
			return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: r}
		}
		switch t := t.(type) {
		case *hclsyntax.TemplateExpr:
			t.SrcRange = r // the quotes are the string's
		case *hclsyntax.TemplateWrapExpr:
			t.SrcRange = r
		}
		return t
	}
	v, _ := e.Value(nil)
	return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: r}
}

// shadow returns src with each JSON string that holds an escape written
// unescaped, padded with spaces to its length (see above); src itself when
// no string does.
func shadow(src []byte) []byte {
	if bytes.IndexByte(src, '\\') < 0 {
		return src
	}
	out := append([]byte(nil), src...)
	for i := 0; i < len(src); i++ {
		if src[i] != '"' {
			continue
		}
		j, esc := i+1, false
		for ; j < len(src) && src[j] != '"'; j++ {
			if src[j] == '\\' {
				esc = true
				j++
			}
		}
		if j >= len(src) {
			break
		}
		if esc {
			var s string
			if json.Unmarshal(src[i:j+1], &s) == nil && len(s) <= j-i-1 {
				n := copy(out[i+1:j], s)
				for k := i + 1 + n; k < j; k++ {
					out[k] = ' '
				}
			}
		}
		i = j
	}
	return out
}
