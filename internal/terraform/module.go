package terraform

import (
	"fmt"
	"sort"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// A Terraform module is a folder: a reference in one file may name a
// resource of another. Load reads one file and never takes what it does
// not show as absent. Where absence matters (a route targeting an
// integration no file declares; a method without an integration, a Lambda
// function without a permission: stack.go), LoadAllIn asks the caller,
// once and only then, for the other files of the module.

// Siblings returns the other .tf and .tf.json files of a module, and
// false when the module cannot be seen whole (a file that cannot be read,
// or a folder that cannot be listed). A file that does not parse makes the
// module not seen whole too.
type Siblings func() ([]File, bool)

// LoadAllIn is LoadAll for a file whose module the caller can see:
// siblings is called at most once, when a route of the file targets an
// aws_apigatewayv2_integration the file does not declare, or the file
// holds a resource the whole-stack facts are about (methods, integrations,
// Lambda permissions). Such a route is marked doc.V2Route.TargetAbsent when
// no file of the module declares the integration either, and
// Result.TerraformModule is set (see stack.go), when the module is seen
// whole. A nil siblings is LoadAll.
func LoadAllIn(path string, src []byte, siblings Siblings) (res *doc.Result, bodies []Body, err error) {
	res, bodies, err = LoadAll(path, src)
	if err != nil || siblings == nil {
		return res, bodies, err
	}
	defer func() {
		if r := recover(); r != nil {
			res, bodies, err = nil, nil, &loader.Error{Path: path, Msg: fmt.Sprintf("%s: %v", internalError, r)}
		}
	}()
	var mod *module
	asked := false
	// whole reads the module once: nil when it cannot be seen whole.
	whole := func() *module {
		if asked {
			return mod
		}
		asked = true
		others, ok := siblings()
		if !ok {
			return nil
		}
		self, err := parseModuleFile(path, src)
		if err != nil {
			return nil
		}
		self.here = true
		files := []*modFile{self}
		for _, o := range others {
			f, err := parseModuleFile(o.Path, o.Src)
			if err != nil {
				return nil
			}
			files = append(files, f)
		}
		mod = newModule(files)
		return mod
	}
	for _, rt := range res.V2Routes {
		if rt.TargetType != v2IntegrationType || rt.TargetID == "" || inFile(res, rt.TargetType, rt.TargetID) {
			continue
		}
		if m := whole(); m != nil && m.get(rt.TargetType, rt.TargetID) == nil {
			rt.TargetAbsent = true
		}
	}
	if stackNeeded(res) {
		if m := whole(); m != nil {
			m.stack(res)
		}
	}
	return res, bodies, nil
}

// inFile reports whether the file's tree holds the resource TYPE.NAME.
func inFile(res *doc.Result, typ, name string) bool {
	_, types := doc.Get(res.File.Root, "resource")
	_, byName := doc.Get(types, typ)
	k, _ := doc.Get(byName, name)
	return k != nil
}

// Declared returns the addresses (TYPE.NAME) of the resources a .tf or
// .tf.json file declares, or the file's first syntax error. It never
// panics.
func Declared(path string, src []byte) (out map[string]bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, &loader.Error{Path: path, Msg: fmt.Sprintf("%s: %v", internalError, r)}
		}
	}()
	c := newConv(src)
	if off, deep := tooDeep(src, loader.DefaultLimits.MaxDepth); deep {
		line, col := c.pos(off)
		return nil, &loader.Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("nesting deeper than %d levels", loader.DefaultLimits.MaxDepth)}
	}
	out = map[string]bool{}
	if IsJSON(path) {
		f, diags := hcljson.Parse(src, path)
		if err := firstError(path, diags, c); err != nil {
			return nil, err
		}
		content, _, diags := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
			{Type: "resource", LabelNames: []string{"type", "name"}},
		}})
		if err := firstError(path, diags, c); err != nil {
			return nil, err
		}
		for _, blk := range content.Blocks {
			out[blk.Labels[0]+"."+blk.Labels[1]] = true
		}
		return out, nil
	}
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if err := firstError(path, diags, c); err != nil {
		return nil, err
	}
	if body, ok := f.Body.(*hclsyntax.Body); ok {
		for _, blk := range body.Blocks {
			if blk.Type == "resource" && len(blk.Labels) == 2 {
				out[blk.Labels[0]+"."+blk.Labels[1]] = true
			}
		}
	}
	return out, nil
}

// ModuleFiles returns, sorted, the names in a folder listing that are
// Terraform files of the module, as Terraform chooses them: ending in .tf
// or .tf.json, and not an editor's file (starting with . or #, ending in ~
// or #).
func ModuleFiles(names []string) []string {
	var out []string
	for _, n := range names {
		if n == "" || n[0] == '.' || n[0] == '#' || n[len(n)-1] == '~' || n[len(n)-1] == '#' {
			continue
		}
		if len(n) > 3 && n[len(n)-3:] == ".tf" || len(n) > 8 && n[len(n)-8:] == ".tf.json" {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
