package loader

import (
	"errors"
	"io"
	"strings"

	yaml "go.yaml.in/yaml/v4"
)

// LaterDoc is a YAML document after the first one of a file. apigwlint
// checks only the first document; the rules say so when a later one holds
// something (see File.Later).
type LaterDoc struct {
	Index     int     // 2 for the second document of the file, and so on
	Line, Col int     // where it starts: its --- marker
	Content   Content // what it holds, as the first document would be judged
	Err       string  // why it does not parse; the documents after it are not read
}

// maxLaterDocs bounds the later documents read, so that a stream of a
// million small documents costs no more than reading a few of them.
const maxLaterDocs = 10_000

// readLaterDocs reads the documents after the first one, for their
// position and kind only. Empty documents (a lone --- or a trailing
// "---\n") are not counted. It keeps the first non-empty one and the first
// with API content, and counts the others in f.LaterCount.
func (f *File) readLaterDocs(ld *yaml.Loader) {
	for i := 2; i < maxLaterDocs+2; i++ {
		var doc yaml.Node
		err := ld.Load(&doc)
		if errors.Is(err, io.EOF) {
			return
		}
		d := LaterDoc{Index: i}
		d.Line, d.Col = f.realPos(doc.Line, doc.Column)
		if err != nil {
			d.Err = err.Error()
			d.Line, d.Col = 0, 0
			if e := f.loadError(err); e != nil {
				d.Line, d.Col, d.Err = e.Line, e.Col, strings.TrimPrefix(e.Msg, "cannot parse: ")
			}
		} else {
			var root *yaml.Node
			if len(doc.Content) > 0 {
				root = doc.Content[0]
			}
			if root == nil || root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
				continue // an empty document
			}
			d.Content = contentOf(Resolve(root))
		}
		f.LaterCount++
		if len(f.Later) == 0 || d.Content != ContentNone && !f.laterAPI() {
			f.Later = append(f.Later, d)
		}
		if err != nil {
			return
		}
	}
}

func (f *File) laterAPI() bool {
	for _, d := range f.Later {
		if d.Content != ContentNone {
			return true
		}
	}
	return false
}

// contentOf says what a document root holds, as Extract decides it.
func contentOf(root *yaml.Node) Content {
	switch {
	case root == nil || root.Kind != yaml.MappingNode:
		return ContentNone
	case isOpenAPI(root):
		return ContentOpenAPI
	case isTemplate(root):
		return ContentTemplate
	case isPutIntegration(root):
		return ContentPutIntegration
	case isGetIntegration(root):
		return ContentGetIntegration
	}
	return ContentNone
}
