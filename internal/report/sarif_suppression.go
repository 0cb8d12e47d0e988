package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// addSuppression records in a SARIF result why its finding is suppressed: a
// suppression of kind inSource (a comment, located) or external (the
// configuration, located in it, or a baseline) with the reason as its
// justification. When the run used a baseline every result also gets a
// baselineState: unchanged for a finding the baseline holds, new otherwise.
func addSuppression(res *sarif.Result, f rules.Finding, baseline bool, loc locator) {
	s := f.Suppressed
	if baseline {
		state := "new"
		if s != nil && s.By == rules.ByBaseline {
			state = "unchanged"
		}
		res.WithBaselineState(state)
	}
	if s == nil {
		return
	}
	// go-sarif v2 writes status, guid and location as null when they are
	// not set, which the schema rejects: set all three. The method's name
	// really is misspelt in go-sarif v2.
	sup := sarif.NewSuppression(s.Kind).WithJustifcation(s.Justification).WithStatus("accepted").
		WithGuid(suppressionGUID(f))
	pl := sarif.NewPhysicalLocation().
		WithArtifactLocation(loc.artifact(s.File))
	if s.Line > 0 {
		pl.WithRegion(sarif.NewRegion().WithStartLine(s.Line).WithStartColumn(max(s.Col, 1)))
	}
	sup.WithLocation(sarif.NewLocationWithPhysicalLocation(pl))
	res.AddSuppression(sup)
}

// suppressionGUID is a stable GUID (in the form of a version 5 UUID) for the
// suppression of f, so that the same input gives the same report.
func suppressionGUID(f rules.Finding) string {
	s := f.Suppressed
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%d|%s|%s|%d|%d", Fingerprint(f), f.Line, f.Col, s.By, s.File, s.Line, s.Col)))
	sum[6] = sum[6]&0x0f | 0x50
	sum[8] = sum[8]&0x3f | 0x80
	h := hex.EncodeToString(sum[:16])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}
