package report

import (
	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// jsonFix is the JSON form of a finding's fix: its edits are byte ranges of
// the file as it is on disk, replaced by text.
type jsonFix struct {
	Description string     `json:"description"`
	Edits       []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Start int    `json:"start"` // byte offset
	End   int    `json:"end"`   // exclusive
	Text  string `json:"text"`
}

func jsonFixes(fs []rules.Fix) []jsonFix {
	var out []jsonFix
	for _, f := range fs {
		j := jsonFix{Description: f.Description}
		for _, e := range f.Edits {
			j.Edits = append(j.Edits, jsonEdit{Start: e.Start, End: e.End, Text: e.New})
		}
		out = append(out, j)
	}
	return out
}

// addFixes adds a finding's fixes to its SARIF result: one artifactChange
// of the finding's file per fix, a replacement per edit with the deleted
// region in bytes (byteOffset, byteLength) and the inserted text.
func addFixes(res *sarif.Result, f rules.Finding, loc *sarif.ArtifactLocation) {
	for _, fx := range f.Fixes {
		change := sarif.NewArtifactChange(loc)
		for _, e := range fx.Edits {
			region := sarif.NewRegion().WithByteOffset(e.Start).WithByteLength(e.End - e.Start)
			change.WithReplacement(sarif.NewReplacement(region).WithInsertedContent(sarif.NewArtifactContent().WithText(e.New)))
		}
		res.AddFix(sarif.NewFix().WithDescriptionText(fx.Description).WithArtifactChanges([]*sarif.ArtifactChange{change}))
	}
}
