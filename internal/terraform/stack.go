package terraform

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// The whole-stack facts of a module (doc.TerraformModule): which methods
// no integration of the module belongs to, which integrations invoke a
// Lambda function of the module without credentials, and the permissions
// that let API Gateway invoke each function. They are read from every
// file of the module, and only what the module settles is taken: a
// reference to a resource the module declares, a literal; a variable, a
// data source, a module output or a function call is unknown. What may act
// outside the resources the module declares makes its integrations and
// permissions unknown, and the facts are then not given at all: a module
// block (a module may create either), a provisioner (a local-exec running
// "aws apigateway put-integration" or "aws lambda add-permission"), a
// CloudFormation stack, a resource of the awscc provider, an external data
// source.

// The resource types the whole-stack facts read besides those of the
// front-end.
const (
	lambdaFunctionType   = "aws_lambda_function"
	lambdaAliasType      = "aws_lambda_alias"
	lambdaPermissionType = "aws_lambda_permission"
	apiResourceType      = "aws_api_gateway_resource"
)

// File is one file of a module: its path and contents.
type File struct {
	Path string
	Src  []byte
}

// modFile is a parsed file of the module.
type modFile struct {
	path    string
	here    bool // the linted file
	blocks  []*hclsyntax.Block
	opaque  bool            // it may act outside its resources (see opaque)
	outputs []hcl.Traversal // the references of its output values
}

// parseModuleFile parses a file of the module for its resource, module and
// output blocks; the error is the file's first syntax error.
func parseModuleFile(path string, src []byte) (f *modFile, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &loader.Error{Path: path, Msg: fmt.Sprintf("%s: %v", internalError, r)}
		}
	}()
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	lim := loader.DefaultLimits
	if int64(len(src)) > lim.MaxBytes {
		return nil, &loader.Error{Path: path, Msg: fmt.Sprintf("file is larger than %d bytes", lim.MaxBytes)}
	}
	c := newConv(src)
	if off, deep := tooDeep(src, lim.MaxDepth); deep {
		line, col := c.pos(off)
		return nil, &loader.Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("nesting deeper than %d levels", lim.MaxDepth)}
	}
	f = &modFile{path: path}
	var body *hclsyntax.Body
	if IsJSON(path) {
		if body, err = loadJSON(path, src, c); err != nil {
			return nil, err
		}
		jf, _ := hcljson.Parse(src, path) // parsed without error by loadJSON
		content, _, _ := jf.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
			{Type: "module", LabelNames: []string{"name"}},
			{Type: "output", LabelNames: []string{"name"}},
			{Type: "data", LabelNames: []string{"type", "name"}},
		}})
		for _, blk := range content.Blocks {
			switch {
			case blk.Type == "module" || blk.Type == "data" && blk.Labels[0] == "external":
				f.opaque = true
				continue
			case blk.Type == "data":
				continue
			}
			attrs, _ := blk.Body.JustAttributes()
			for _, a := range attrs {
				f.outputs = append(f.outputs, a.Expr.Variables()...)
			}
		}
	} else {
		hf, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
		if err := firstError(path, diags, c); err != nil {
			return nil, err
		}
		var ok bool
		if body, ok = hf.Body.(*hclsyntax.Body); !ok {
			return f, nil
		}
		for _, blk := range body.Blocks {
			switch blk.Type {
			case "module":
				f.opaque = true
			case "data":
				f.opaque = f.opaque || len(blk.Labels) == 2 && blk.Labels[0] == "external"
			case "output":
				for _, a := range blk.Body.Attributes {
					f.outputs = append(f.outputs, hclsyntax.Variables(a.Expr)...)
				}
			}
		}
	}
	for _, blk := range body.Blocks {
		if blk.Type == "resource" && len(blk.Labels) == 2 {
			f.blocks = append(f.blocks, blk)
			f.opaque = f.opaque || opaque(blk)
		}
	}
	sort.SliceStable(f.blocks, func(i, j int) bool { return f.blocks[i].TypeRange.Start.Byte < f.blocks[j].TypeRange.Start.Byte })
	return f, nil
}

// opaque reports whether a resource may act outside what the module
// declares: a provisioner (a block, or in JSON syntax an argument), a
// CloudFormation stack, a resource of the awscc provider (whose
// awscc_apigateway_method holds its integration).
func opaque(blk *hclsyntax.Block) bool {
	switch typ := blk.Labels[0]; {
	case strings.HasPrefix(typ, "awscc_"), strings.HasPrefix(typ, "aws_cloudformation_stack"),
		typ == "aws_serverlessapplicationrepository_cloudformation_stack":
		return true
	}
	if blk.Body.Attributes["provisioner"] != nil {
		return true
	}
	for _, b := range blk.Body.Blocks {
		if b.Type == "provisioner" {
			return true
		}
	}
	return false
}

// modRes is a resource of the module.
type modRes struct {
	typ, name string
	blk       *hclsyntax.Block
	file      *modFile
}

func (r *modRes) attr(name string) hclsyntax.Expression {
	if a := r.blk.Body.Attributes[name]; a != nil {
		return a.Expr
	}
	return nil
}

func (r *modRes) addr() string { return r.typ + "." + r.name }

// module is every file of a module, its resources indexed.
type module struct {
	files  []*modFile
	list   []*modRes                     // in module order: files by path, resources in source order
	res    map[string]map[string]*modRes // by type and name: the first declaration
	opaque bool
}

func newModule(files []*modFile) *module {
	sort.SliceStable(files, func(i, j int) bool { return files[i].path < files[j].path })
	m := &module{files: files, res: map[string]map[string]*modRes{}}
	for _, f := range files {
		m.opaque = m.opaque || f.opaque
		for _, blk := range f.blocks {
			typ, name := blk.Labels[0], blk.Labels[1]
			if m.res[typ][name] != nil {
				continue // Terraform rejects the duplicate
			}
			if m.res[typ] == nil {
				m.res[typ] = map[string]*modRes{}
			}
			r := &modRes{typ: typ, name: name, blk: blk, file: f}
			m.res[typ][name] = r
			m.list = append(m.list, r)
		}
	}
	return m
}

func (m *module) get(typ, name string) *modRes { return m.res[typ][name] }

func (m *module) byType(typ string) []*modRes {
	var out []*modRes
	for _, r := range m.list {
		if r.typ == typ {
			out = append(out, r)
		}
	}
	return out
}

// refOf reads a reference to an attribute of a managed resource:
// TYPE.NAME.ATTR, also with an instance index (TYPE.NAME[0].ATTR,
// TYPE.NAME[count.index].ATTR). The index is dropped: the facts are about
// the resource, whatever its instances.
func refOf(e hclsyntax.Expression) (typ, name, attr string, ok bool) {
	var t hcl.Traversal
	switch x := unwrap(e).(type) {
	case *hclsyntax.ScopeTraversalExpr:
		t = x.Traversal
	case *hclsyntax.RelativeTraversalExpr:
		ix, isIndex := x.Source.(*hclsyntax.IndexExpr)
		if !isIndex {
			return "", "", "", false
		}
		coll, isRef := ix.Collection.(*hclsyntax.ScopeTraversalExpr)
		if !isRef || len(coll.Traversal) != 2 {
			return "", "", "", false
		}
		t = append(append(append(hcl.Traversal{}, coll.Traversal...), hcl.TraverseIndex{}), x.Traversal...)
	default:
		return "", "", "", false
	}
	var steps []string
	for i, s := range t {
		switch s := s.(type) {
		case hcl.TraverseRoot:
			steps = append(steps, s.Name)
		case hcl.TraverseAttr:
			steps = append(steps, s.Name)
		case hcl.TraverseIndex:
			if i != 2 {
				return "", "", "", false
			}
		default:
			return "", "", "", false
		}
	}
	if len(steps) != 3 || !isResourceType(steps[0]) {
		return "", "", "", false
	}
	return steps[0], steps[1], steps[2], true
}

// stackNeeded reports whether the file holds a resource the whole-stack
// facts are about: a method, a Lambda permission, or an integration that
// may invoke a Lambda function without credentials.
func stackNeeded(res *doc.Result) bool {
	_, types := doc.Get(res.File.Root, "resource")
	for _, typ := range []string{methodType, lambdaPermissionType} {
		if k, _ := doc.Get(types, typ); k != nil {
			return true
		}
	}
	for _, in := range res.Integrations {
		if in.Shape.Terraform() && (in.Type() == "AWS_PROXY" || in.Type() == "AWS") && in.Field("credentials") == nil {
			return true
		}
	}
	return false
}

// stack works out the whole-stack facts of the linted file (m.files holds
// it, here) into res. Nothing is given when something may add
// integrations or permissions the module does not declare.
func (m *module) stack(res *doc.Result) {
	if m.opaque {
		return
	}
	res.TerraformModule = &doc.TerraformModule{Orphans: m.orphans(res), Lambda: m.lambda(res)}
}

// node returns the body of a resource of the linted file, and its name
// label.
func node(res *doc.Result, typ, name string) (label, body *doc.Node) {
	_, types := doc.Get(res.File.Root, "resource")
	_, byName := doc.Get(types, typ)
	return doc.Get(byName, name)
}

// argKey settles an argument naming a method (rest_api_id, resource_id,
// parent_id, http_method): "api:NAME" for an aws_api_gateway_rest_api of
// the module, "root:NAME" for its root_resource_id, "res:NAME" for an
// aws_api_gateway_resource, "M:GET" for a literal method, following
// references to the same argument of another resource of the module;
// false when the module does not settle it.
func (m *module) argKey(r *modRes, attr string, depth int) (string, bool) {
	e := r.attr(attr)
	if e == nil || depth > maxLinks {
		return "", false
	}
	if attr == "http_method" {
		if s, ok := literalText(e); ok {
			return "M:" + strings.ToUpper(strings.TrimSpace(s)), true
		}
	}
	if target := m.eachOf(r, e, attr); target != nil {
		return m.argKey(target, attr, depth+1)
	}
	typ, name, at, ok := refOf(e)
	if !ok {
		return "", false
	}
	target := m.get(typ, name)
	if target == nil {
		return "", false
	}
	switch {
	case typ == restAPIType && at == "id" && attr == "rest_api_id":
		return "api:" + name, true
	case typ == restAPIType && at == "root_resource_id" && (attr == "resource_id" || attr == "parent_id"):
		return "root:" + name, true
	case typ == apiResourceType && at == "id" && (attr == "resource_id" || attr == "parent_id"):
		return "res:" + name, true
	case at == attr && (linkTypes[typ] || typ == apiResourceType):
		return m.argKey(target, attr, depth+1)
	}
	return "", false
}

// eachOf returns the resource whose instances a resource's for_each goes
// over (for_each = aws_api_gateway_method.get) when e is each.value.ATTR
// of the same argument: the argument is then that resource's.
func (m *module) eachOf(r *modRes, e hclsyntax.Expression, attr string) *modRes {
	st, ok := unwrap(e).(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(st.Traversal) != 3 || st.Traversal.RootName() != "each" {
		return nil
	}
	v, ok1 := st.Traversal[1].(hcl.TraverseAttr)
	a, ok2 := st.Traversal[2].(hcl.TraverseAttr)
	fe, ok3 := unwrap(r.attr("for_each")).(*hclsyntax.ScopeTraversalExpr)
	if !ok1 || !ok2 || !ok3 || v.Name != "value" || a.Name != attr || len(fe.Traversal) != 2 {
		return nil
	}
	root, ok1 := fe.Traversal[0].(hcl.TraverseRoot)
	name, ok2 := fe.Traversal[1].(hcl.TraverseAttr)
	if !ok1 || !ok2 || !linkTypes[root.Name] && root.Name != apiResourceType {
		return nil
	}
	if t := m.get(root.Name, name.Name); t != r {
		return t
	}
	return nil
}

// orphans returns the methods of the linted file that no integration of
// the module can belong to.
func (m *module) orphans(res *doc.Result) []*doc.TerraformMethod {
	type key struct {
		parts [3]string
		known [3]bool
	}
	keyOf := func(r *modRes) key {
		var k key
		for i, a := range methodAttrs {
			k.parts[i], k.known[i] = m.argKey(r, a, 0)
		}
		return k
	}
	var integrations []key
	for _, r := range m.byType(integrationType) {
		integrations = append(integrations, keyOf(r))
	}
	var out []*doc.TerraformMethod
	for _, r := range m.byType(methodType) {
		if !r.file.here {
			continue
		}
		k := keyOf(r)
		if !k.known[0] || !k.known[1] || !k.known[2] {
			continue
		}
		if api := m.get(restAPIType, strings.TrimPrefix(k.parts[0], "api:")); api == nil || api.attr("body") != nil {
			continue // a body may define the method and its integration
		}
		covered := false
		for _, in := range integrations {
			same := true
			for i := range in.parts {
				same = same && (!in.known[i] || in.parts[i] == k.parts[i])
			}
			covered = covered || same
		}
		if covered {
			continue
		}
		label, _ := node(res, methodType, r.name)
		if label == nil {
			continue
		}
		out = append(out, &doc.TerraformMethod{Resource: r.addr(), Label: label,
			Pointer: doc.Join("", "resource", methodType, r.name), Method: strings.TrimPrefix(k.parts[2], "M:")})
	}
	return out
}

// lambda works out the invocations and permissions of the module's Lambda
// functions; nil when a permission for API Gateway names a function the
// module does not settle.
func (m *module) lambda(res *doc.Result) *doc.TerraformLambda {
	functions := map[string]string{} // name -> literal function_name, "" when not a literal
	for _, r := range m.byType(lambdaFunctionType) {
		lit, _ := literalText(r.attr("function_name"))
		functions[r.name] = strings.TrimSpace(lit)
	}
	if len(functions) == 0 {
		return nil
	}
	// aliasOf returns the function an aws_lambda_alias is of, or "".
	aliasOf := func(name string) string {
		a := m.get(lambdaAliasType, name)
		if a == nil {
			return ""
		}
		if typ, fn, _, ok := refOf(a.attr("function_name")); ok && typ == lambdaFunctionType {
			if _, ok := functions[fn]; ok {
				return fn
			}
		}
		if lit, ok := literalText(a.attr("function_name")); ok {
			return byLiteral(functions, strings.TrimSpace(lit))
		}
		return ""
	}
	// unknown: functions whose permissions the module does not settle: an
	// output exposes them (a caller may grant a permission), or a
	// permission's literal function_name may be their computed name.
	unknown := map[string]bool{}
	for _, f := range m.files {
		for _, t := range f.outputs {
			if len(t) < 2 {
				continue
			}
			root, ok1 := t[0].(hcl.TraverseRoot)
			attr, ok2 := t[1].(hcl.TraverseAttr)
			if !ok1 || !ok2 {
				continue
			}
			switch root.Name {
			case lambdaFunctionType:
				unknown[attr.Name] = true
			case lambdaAliasType:
				unknown[aliasOf(attr.Name)] = true
			}
		}
	}
	l := &doc.TerraformLambda{Permissions: map[string][]*doc.LambdaPermission{}}
	for _, r := range m.byType(lambdaPermissionType) {
		if pr, ok := literalText(r.attr("principal")); ok {
			if pr = strings.TrimSpace(pr); pr != "*" && !strings.Contains(pr, "apigateway") {
				continue // another service's permission
			}
		}
		fn, known := "", false
		e := r.attr("function_name")
		if typ, name, _, ok := refOf(e); ok {
			switch typ {
			case lambdaFunctionType:
				if _, ok := functions[name]; ok {
					fn, known = name, true
				}
			case lambdaAliasType:
				fn = aliasOf(name)
				known = fn != ""
			}
		} else if lit, ok := literalText(e); ok {
			fn, known = byLiteral(functions, strings.TrimSpace(lit)), true
			if fn == "" {
				for name, lit := range functions {
					if lit == "" {
						unknown[name] = true
					}
				}
			}
		} else if t, ok := unwrap(e).(*hclsyntax.TemplateExpr); ok {
			for _, part := range t.Parts {
				if typ, name, _, ok := refOf(part); ok && !known {
					switch typ {
					case lambdaFunctionType:
						if _, ok := functions[name]; ok {
							fn, known = name, true
						}
					case lambdaAliasType:
						fn = aliasOf(name)
						known = fn != ""
					}
				}
			}
		}
		if !known {
			return nil // a function the module does not settle: maybe any
		}
		if fn == "" {
			continue // a function of elsewhere
		}
		p := &doc.LambdaPermission{Resource: r.addr(), Here: r.file.here}
		if e := r.attr("source_arn"); e != nil {
			p.HasSourceArn = true
			p.Pattern = arnPattern(e)
		}
		if p.Here {
			_, body := node(res, lambdaPermissionType, r.name)
			_, p.SourceArn = doc.Get(body, "source_arn")
			p.Pointer = doc.Join("", "resource", lambdaPermissionType, r.name)
		}
		l.Permissions[fn] = append(l.Permissions[fn], p)
	}
	for _, r := range m.list {
		var inv *doc.LambdaInvocation
		switch r.typ {
		case integrationType:
			inv = m.restInvocation(r, functions, aliasOf)
		case v2IntegrationType:
			inv = m.v2Invocation(r, functions, aliasOf)
		}
		if inv == nil || unknown[inv.Function] {
			continue
		}
		inv.Resource = r.addr()
		inv.Function = lambdaFunctionType + "." + inv.Function
		if r.file.here {
			inv.Pointer = doc.Join("", "resource", r.typ, r.name)
		}
		l.Invocations = append(l.Invocations, inv)
	}
	perms := map[string][]*doc.LambdaPermission{}
	for fn, ps := range l.Permissions {
		perms[lambdaFunctionType+"."+fn] = ps
	}
	l.Permissions = perms
	return l
}

// byLiteral returns the function whose literal function_name is name, or
// whose ARN (unqualified, or with a version or alias) name is; "" when
// none.
func byLiteral(functions map[string]string, name string) string {
	fn := name
	if _, after, ok := strings.Cut(name, ":function:"); ok {
		fn, _, _ = strings.Cut(after, ":")
	}
	names := make([]string, 0, len(functions))
	for n := range functions {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if lit := functions[n]; lit != "" && lit == fn {
			return n
		}
	}
	return ""
}

// invoked returns the function of the module an integration's uri
// invokes: a reference to its invoke ARN (or, for v2, its ARN, which HTTP
// APIs accept) or an alias's, or an invocation path "arn:...:lambda:path/
// 2015-03-31/functions/${aws_lambda_function.X.arn}/invocations"; "" when
// none.
func invoked(e hclsyntax.Expression, v2 bool, functions map[string]string, aliasOf func(string) string) string {
	if e == nil {
		return ""
	}
	fnOf := func(typ, name string) string {
		switch typ {
		case lambdaFunctionType:
			if _, ok := functions[name]; ok {
				return name
			}
		case lambdaAliasType:
			return aliasOf(name)
		}
		return ""
	}
	if typ, name, attr, ok := refOf(e); ok {
		switch attr {
		case "invoke_arn", "qualified_invoke_arn":
			return fnOf(typ, name)
		case "arn", "qualified_arn":
			if v2 {
				return fnOf(typ, name)
			}
		}
		return ""
	}
	t, ok := unwrap(e).(*hclsyntax.TemplateExpr)
	if !ok || len(t.Parts) != 3 {
		return ""
	}
	head, ok1 := literalText(t.Parts[0])
	tail, ok2 := literalText(t.Parts[2])
	if !ok1 || !ok2 || !strings.Contains(head, ":lambda:path/") || !strings.HasSuffix(head, "/functions/") || tail != "/invocations" {
		return ""
	}
	if typ, name, attr, ok := refOf(t.Parts[1]); ok && (attr == "arn" || attr == "qualified_arn") {
		return fnOf(typ, name)
	}
	return ""
}

// restInvocation reads an aws_api_gateway_integration that invokes a
// function of the module without credentials, or nil.
func (m *module) restInvocation(r *modRes, functions map[string]string, aliasOf func(string) string) *doc.LambdaInvocation {
	t, ok := literalText(r.attr("type"))
	if t = strings.ToUpper(strings.TrimSpace(t)); !ok || t != "AWS_PROXY" && t != "AWS" || r.attr("credentials") != nil {
		return nil
	}
	fn := invoked(r.attr("uri"), false, functions, aliasOf)
	if fn == "" {
		return nil
	}
	inv := &doc.LambdaInvocation{Function: fn, REST: true}
	if k, ok := m.argKey(r, "rest_api_id", 0); ok {
		inv.API = restAPIType + "." + strings.TrimPrefix(k, "api:")
	}
	if k, ok := m.argKey(r, "http_method", 0); ok {
		if inv.Method = strings.TrimPrefix(k, "M:"); inv.Method == "ANY" {
			inv.Method = ""
		}
	}
	inv.Path = m.path(r)
	return inv
}

// path returns the resource path of a REST integration or method from the
// path_part and parent_id of the aws_api_gateway_resource chain its
// resource_id names; "" when the module does not settle it.
func (m *module) path(r *modRes) string {
	k, ok := m.argKey(r, "resource_id", 0)
	var segs []string
	for range 64 {
		switch {
		case !ok:
			return ""
		case strings.HasPrefix(k, "root:"):
			for i, j := 0, len(segs)-1; i < j; i, j = i+1, j-1 {
				segs[i], segs[j] = segs[j], segs[i]
			}
			return "/" + strings.Join(segs, "/")
		}
		res := m.get(apiResourceType, strings.TrimPrefix(k, "res:"))
		if res == nil {
			return ""
		}
		part, lit := literalText(res.attr("path_part"))
		if !lit || part == "" || strings.Contains(part, "/") {
			return ""
		}
		segs = append(segs, part)
		k, ok = m.argKey(res, "parent_id", 0)
	}
	return ""
}

// v2Invocation reads an aws_apigatewayv2_integration that invokes a
// function of the module without credentials, or nil.
func (m *module) v2Invocation(r *modRes, functions map[string]string, aliasOf func(string) string) *doc.LambdaInvocation {
	t, ok := literalText(r.attr("integration_type"))
	if t = strings.ToUpper(strings.TrimSpace(t)); !ok || t != "AWS_PROXY" && t != "AWS" || r.attr("credentials_arn") != nil {
		return nil
	}
	fn := invoked(r.attr("integration_uri"), true, functions, aliasOf)
	if fn == "" {
		return nil
	}
	inv := &doc.LambdaInvocation{Function: fn}
	if typ, name, attr, ok := refOf(r.attr("api_id")); ok && typ == v2APIType && attr == "id" && m.get(typ, name) != nil {
		inv.API = typ + "." + name
	}
	return inv
}

// arnPattern reads a source_arn into literal text and references; nil
// when it is not one the module settles (a reference or a function call
// as a whole).
func arnPattern(e hclsyntax.Expression) []doc.ArnPart {
	e = unwrap(e)
	if s, ok := literalText(e); ok {
		return []doc.ArnPart{{Text: s}}
	}
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok {
		return nil
	}
	var out []doc.ArnPart
	for _, part := range t.Parts {
		if s, ok := literalText(part); ok {
			out = append(out, doc.ArnPart{Text: s})
			continue
		}
		if typ, name, attr, ok := refOf(part); ok {
			out = append(out, doc.ArnPart{Ref: typ + "." + name + "." + attr})
			continue
		}
		out = append(out, doc.ArnPart{})
	}
	return out
}
