package rules

import (
	"fmt"
	"github.com/apigwlint/apigwlint/internal/doc"
)

// checkMultiDocument: apigwlint reads the first YAML document of a file
// only. Say so when that leaves something unchecked: a later document of a
// file whose first one is API content (a note), or a later document that
// is API content after a first one that is not (a warning: nothing of the
// API is checked).
func checkMultiDocument(p *FilePass) {
	f := p.File()
	if len(f.Later) == 0 {
		return
	}
	first := p.Result.HoldsAPIGateway()
	for _, d := range f.Later {
		if !first && d.Content == doc.ContentNone {
			continue // neither this one nor the first is ours to judge
		}
		at := doc.Span{Line: max(d.Line, 1), Col: max(d.Col, 1)}
		others := ""
		if n := f.LaterCount - 1; n > 0 && first {
			others = fmt.Sprintf(", nor are the %d after it", n)
			if n == 1 {
				others = ", nor is the one after it"
			}
		}
		switch {
		case !first:
			p.WithSeverity(Warning).ReportAt(at, "", "document %d of this YAML file is %s, but apigwlint checks only the first document of a file, and that one holds no API; move it to a file of its own",
				d.Index, contentName(d.Content))
		case d.Err != "":
			p.ReportAt(at, "", "apigwlint checks only the first YAML document of a file: document %d, which does not even parse (%s), is not checked%s",
				d.Index, d.Err, others)
		default:
			p.ReportAt(at, "", "apigwlint checks only the first YAML document of a file: document %d is not checked%s; put each document in a file of its own",
				d.Index, others)
		}
		return
	}
}

// contentName names what a document holds, for a message.
func contentName(c doc.Content) string {
	switch c {
	case doc.ContentOpenAPI:
		return "an OpenAPI document"
	case doc.ContentTemplate:
		return "a CloudFormation template"
	}
	return c.String() + " JSON"
}
