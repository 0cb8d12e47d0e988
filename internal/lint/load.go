package lint

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

// load is the Load stage: the front-end that owns a file reads it into the
// doc model. Terraform is chosen by the file's ending (.tf, and .tf.json
// for its JSON syntax), as Terraform itself does; YAML and JSON are told apart by their content. A
// .tf file also gives the files its API resources load their body from
// (bodies.go lints each once, after the .tf files).
func load(path string, src []byte, lim loader.Limits) (*doc.Result, []terraform.Body, error) {
	if isTerraform(path) {
		return terraform.LoadAllIn(path, src, func() ([]terraform.File, bool) { return siblings(path, lim) })
	}
	res, err := loader.Load(path, src, lim)
	return res, nil, err
}

// isTerraform reports whether path names a Terraform configuration file,
// in HCL syntax (.tf) or JSON syntax (.tf.json).
func isTerraform(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".tf") || terraform.IsJSON(path)
}

// siblings reads the other Terraform files of path's folder (its
// module); false when one of them cannot be read, or the folder cannot be
// listed: the module is then not seen whole.
func siblings(path string, lim loader.Limits) ([]terraform.File, bool) {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	var out []terraform.File
	self, _ := os.Stat(path)
	for _, n := range terraform.ModuleFiles(names) {
		p := filepath.Join(dir, n)
		if st, err := os.Stat(p); err == nil && self != nil && os.SameFile(st, self) {
			continue
		}
		src, rerr := readInput(input{path: p}, nil, lim)
		if rerr != nil {
			return nil, false
		}
		out = append(out, terraform.File{Path: p, Src: src})
	}
	return out, true
}
