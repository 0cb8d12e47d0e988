package rules

import (
	"bytes"

	"github.com/apigwlint/apigwlint/loader"
	yaml "go.yaml.in/yaml/v4"
)

var _ = registerFile("duplicate-key", checkDuplicateKeys)

// smallMapping is the number of keys up to which a mapping is searched
// for duplicates pair by pair; larger ones use a map. Either way the check
// is linear in the size of the file.
const smallMapping = 8

// checkDuplicateKeys: a key written twice in the same mapping (JSON object
// or YAML mapping). Parsers keep one of the values, usually the last, and
// drop the other without a word; YAML 1.2 forbids it outright. The whole
// file is walked once, in files with API content only (a Kubernetes
// manifest with duplicates is not ours to judge).
func checkDuplicateKeys(p *FilePass) {
	if p.Result.Content == loader.ContentNone {
		return
	}
	f := p.File()
	w := &writtenWalk{}
	var seen map[string]*yaml.Node
	w.walk(f.Root, func(n *yaml.Node) {
		if n.Kind != yaml.MappingNode || len(n.Content) < 4 {
			return
		}
		pairs := len(n.Content) / 2
		if pairs > smallMapping {
			if seen == nil || len(seen) > 1024 {
				seen = make(map[string]*yaml.Node, pairs) // a fresh map: clearing a big one costs its size
			} else {
				clear(seen)
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || isMergeKey(k) {
				continue
			}
			var first *yaml.Node
			if pairs > smallMapping {
				if first = seen[k.Value]; first == nil {
					seen[k.Value] = k
				}
			} else {
				for j := 0; j < i; j += 2 {
					if c := n.Content[j]; c.Kind == yaml.ScalarNode && c.Value == k.Value && !isMergeKey(c) {
						first = c
						break
					}
				}
			}
			if first != nil {
				p.Report(k, w.pointer(k.Value), "key %q is written twice in this %s (first at line %d, column %d); parsers keep only one of the values, usually the last, so the other is silently lost",
					k.Value, objectWord(f), first.Line, first.Column)
			}
		}
	})
}

// isMergeKey reports whether k is the YAML merge key <<, which may be
// written more than once.
func isMergeKey(k *yaml.Node) bool {
	return k.Tag == "!!merge" || k.Value == "<<" && k.Style == 0
}

// objectWord is how a mapping is called in the file's own syntax.
func objectWord(f *loader.File) string {
	if t := bytes.TrimLeft(f.Src, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return "object"
	}
	return "mapping"
}
