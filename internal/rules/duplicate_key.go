package rules

import (
	"bytes"
	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkDuplicateKeys: a key written twice in the same mapping (JSON object
// or YAML mapping). Parsers keep one of the values, usually the last, and
// drop the other without a word; YAML 1.2 forbids it outright. The loader
// keeps the last one too, and lists the others (doc.Duplicate), found in
// one pass over the file: each is reported where it is written, since that
// is the value that is lost. Files without API content (a Kubernetes
// manifest with duplicates) are not ours to judge.
func checkDuplicateKeys(p *FilePass) {
	if !p.Result.HoldsAPIGateway() {
		return
	}
	f := p.File()
	for _, d := range f.Duplicates {
		if sameTree(d.Value, d.LastValue, 0) {
			// Nothing is lost, but one of the two can go.
			p.WithSeverity(Note).Report(d.Key, d.Pointer, "key %q is written again, with the same value, at line %d, column %d of this %s; remove one of them",
				d.Key.Value, d.Last.Line, d.Last.Column, objectWord(f))
			continue
		}
		p.Report(d.Key, d.Pointer, "key %q is written again at line %d, column %d of this %s; parsers keep only one of the values, usually the last (so does apigwlint), so this one is silently lost",
			d.Key.Value, d.Last.Line, d.Last.Column, objectWord(f))
	}
}

// objectWord is how a mapping is called in the file's own syntax.
func objectWord(f *doc.File) string {
	if t := bytes.TrimLeft(f.Src, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return "object"
	}
	return "mapping"
}

// sameTree reports whether two values are written alike: the same kinds,
// tags and text all the way down (styles and positions aside).
func sameTree(a, b *doc.Node, depth int) bool {
	switch {
	case a == nil || b == nil:
		return a == b
	case depth > 100:
		return false // deeper than any real mapping: call it different
	case a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || len(a.Content) != len(b.Content):
		return false
	}
	for i := range a.Content {
		if !sameTree(a.Content[i], b.Content[i], depth+1) {
			return false
		}
	}
	return true
}
