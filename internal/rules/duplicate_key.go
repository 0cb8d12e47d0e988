package rules

import (
	"bytes"

	"github.com/apigwlint/apigwlint/internal/loader"
)

// checkDuplicateKeys: a key written twice in the same mapping (JSON object
// or YAML mapping). Parsers keep one of the values, usually the last, and
// drop the other without a word; YAML 1.2 forbids it outright. The loader
// keeps the last one too, and lists the others (loader.Duplicate), found in
// one pass over the file: each is reported where it is written, since that
// is the value that is lost. Files without API content (a Kubernetes
// manifest with duplicates) are not ours to judge.
func checkDuplicateKeys(p *FilePass) {
	if p.Result.Content == loader.ContentNone {
		return
	}
	f := p.File()
	for _, d := range f.Duplicates {
		p.Report(d.Key, d.Pointer, "key %q is written again at line %d, column %d of this %s; parsers keep only one of the values, usually the last (so does apigwlint), so this one is silently lost",
			d.Key.Value, d.Last.Line, d.Last.Column, objectWord(f))
	}
}

// objectWord is how a mapping is called in the file's own syntax.
func objectWord(f *loader.File) string {
	if t := bytes.TrimLeft(f.Src, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return "object"
	}
	return "mapping"
}
