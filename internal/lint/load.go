package lint

import (
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
		return terraform.LoadAll(path, src)
	}
	res, err := loader.Load(path, src, lim)
	return res, nil, err
}

// isTerraform reports whether path names a Terraform configuration file,
// in HCL syntax (.tf) or JSON syntax (.tf.json).
func isTerraform(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".tf") || terraform.IsJSON(path)
}
