package lint

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/fileio"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

// The body files of Terraform API resources (body = file("openapi.yaml"),
// body = templatefile("api.yaml.tpl", {...})) are linted as OpenAPI inputs
// of their own, so that findings point into them, each once:
//
//  1. the .tf files are linted first; each gives the files its API
//     resources load their body from (terraform.LoadAll);
//  2. each such file is resolved (links followed) to a key; the first
//     reference to it, in input order, settles how it is linted (the kind
//     of API, template or not);
//  3. the other inputs are linted next. An input found by the walk (or
//     named) whose key is that of a body file is linted as that body, not
//     as a standalone document, and a body file no input names is added
//     after the inputs. Either way each file is linted once.
//
// A body file is only read inside the linted tree: the working folder when
// the .tf file is in it, else the .tf file's own folder. A path that is
// absolute or leaves that folder (by .. or through a link) is skipped
// quietly: it is not part of what was asked to lint, and the configuration
// is not wrong for it. A file that cannot be read (missing, a link loop, a
// FIFO, a socket or a device, too large) is an input error at the file()
// call: Terraform could not read it either. Reading is readInput's: stat
// first, regular files only, a non-blocking open, the size limit.

// bodyInputs returns the inputs the body files of the .tf results add, and
// marks those of rest that are body files. Errors are those of body files
// that cannot be read.
func bodyInputs(tf []fileResult, rest []input, c *config.File) ([]input, []*loader.Error) {
	type ref struct {
		body terraform.Body
		done bool
	}
	var order []string
	refs := map[string]*ref{}
	var errs []*loader.Error
	for _, r := range tf {
		for _, b := range r.bodies {
			key, skip, msg := resolveBody(b)
			switch {
			case skip:
				continue
			case msg != "":
				errs = append(errs, bodyError(&b, msg))
				continue
			}
			if refs[key] == nil {
				refs[key] = &ref{body: b}
				order = append(order, key)
			}
		}
	}
	if len(refs) == 0 {
		return nil, errs
	}
	for i := range rest {
		if rest[i].stdin {
			continue
		}
		if r := refs[realPath(rest[i].path)]; r != nil && !r.done {
			r.done = true
			b := r.body
			rest[i].body, rest[i].explicit = &b, true
		}
	}
	var extra []input
	for _, key := range order {
		r := refs[key]
		if r.done {
			continue
		}
		b := r.body
		in := input{path: filepath.ToSlash(filepath.Clean(b.Path)), explicit: true, body: &b}
		if len(filter(c, []input{in})) == 0 {
			continue // excluded by the configuration
		}
		extra = append(extra, in)
	}
	return extra, errs
}

// realPath is the absolute path of p with its links followed, or "" when
// it cannot be resolved.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return ""
	}
	return real
}

// resolveBody returns the key (the real path) of a body file, whether it
// is to be skipped quietly (outside the linted tree), or why it cannot be
// read.
func resolveBody(b terraform.Body) (key string, skip bool, msg string) {
	if filepath.IsAbs(filepath.FromSlash(b.Rel)) || filepath.VolumeName(b.Rel) != "" {
		return "", true, ""
	}
	dir, err := filepath.Abs(filepath.Dir(b.From))
	if err != nil {
		return "", true, ""
	}
	tree := dir
	if wd, err := os.Getwd(); err == nil && within(wd, dir) {
		tree = wd
	}
	abs := filepath.Join(dir, filepath.FromSlash(b.Rel))
	if !within(tree, abs) {
		return "", true, ""
	}
	realTree, err := filepath.EvalSymlinks(tree)
	if err != nil {
		return "", true, ""
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", false, fileio.Describe(err)
	}
	if !within(realTree, real) {
		return "", true, ""
	}
	if st, err := os.Stat(real); err != nil {
		return "", false, fileio.Describe(err)
	} else if !st.Mode().IsRegular() {
		return "", false, notRegular
	}
	return real, false, ""
}

// within reports whether path p is dir or below it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// bodyError is the input error of a body file that cannot be read, at the
// file() or templatefile() call of the .tf file.
func bodyError(b *terraform.Body, msg string) *loader.Error {
	return &loader.Error{Path: b.From, Line: b.Line, Col: b.Col,
		Msg: fmt.Sprintf("cannot read the body of %s, %s(%q): %s", b.Resource, bodyCall(b), b.Rel, msg)}
}

func bodyCall(b *terraform.Body) string {
	if b.Template {
		return "templatefile"
	}
	return "file"
}

// lintInputs lints files in two passes: the .tf files, then the others
// with the body files the .tf files load (see above). The results are in
// the order of the files returned: the inputs as given, then the body
// files added.
func (st fileStages) lintInputs(files []input, stdin io.Reader, cfg *rules.Config, c *config.File) ([]input, []fileResult, []*loader.Error) {
	var tfIdx, restIdx []int
	var tf, rest []input
	for i, in := range files {
		if !in.stdin && isTerraform(in.path) {
			tfIdx, tf = append(tfIdx, i), append(tf, in)
		} else {
			restIdx, rest = append(restIdx, i), append(rest, in)
		}
	}
	if len(tf) == 0 {
		return files, st.lintAll(files, stdin, cfg), nil
	}
	tfResults := st.lintAll(tf, stdin, cfg)
	extra, errs := bodyInputs(tfResults, rest, c)
	rest = append(rest, extra...)
	restResults := st.lintAll(rest, stdin, cfg)
	out := make([]input, len(files)+len(extra))
	results := make([]fileResult, len(out))
	for j, i := range tfIdx {
		out[i], results[i] = tf[j], tfResults[j]
	}
	for j, in := range rest {
		i := len(files) + j - len(restIdx)
		if j < len(restIdx) {
			i = restIdx[j]
		}
		out[i], results[i] = in, restResults[j]
	}
	return out, results, errs
}
