package loader

import (
	"errors"
	"io"
	"strings"

	"github.com/apigwlint/apigwlint/internal/doc"
	yaml "go.yaml.in/yaml/v4"
)

// maxLaterDocs bounds the later documents read, so that a stream of a
// million small documents costs no more than reading a few of them.
const maxLaterDocs = 10_000

// readLaterDocs reads the documents after the first one, for their
// position and kind only. Empty documents (a lone --- or a trailing
// "---\n") are not counted. It keeps the first non-empty one and the first
// with API content, and counts the others in f.LaterCount.
func (f *parse) readLaterDocs(ld *yaml.Loader) {
	for i := 2; i < maxLaterDocs+2; i++ {
		var ydoc yaml.Node
		err := ld.Load(&ydoc)
		if errors.Is(err, io.EOF) {
			return
		}
		d := doc.LaterDoc{Index: i}
		d.Line, d.Col = f.realPos(ydoc.Line, ydoc.Column)
		if err != nil {
			d.Err = err.Error()
			d.Line, d.Col = 0, 0
			if e := f.loadError(err); e != nil {
				d.Line, d.Col, d.Err = e.Line, e.Col, strings.TrimPrefix(e.Msg, "cannot parse: ")
			}
		} else {
			var root *yaml.Node
			if len(ydoc.Content) > 0 {
				root = ydoc.Content[0]
			}
			if root == nil || root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
				continue // an empty document
			}
			d.Content = doc.ContentOf(doc.Resolve(fromYAML(root)))
		}
		f.LaterCount++
		if len(f.Later) == 0 || d.Content != doc.ContentNone && !f.laterAPI() {
			f.Later = append(f.Later, d)
		}
		if err != nil {
			return
		}
	}
}

func (f *parse) laterAPI() bool {
	for _, d := range f.Later {
		if d.Content != doc.ContentNone {
			return true
		}
	}
	return false
}
