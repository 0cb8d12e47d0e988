package lint

import (
	"os"
	"runtime"
	"runtime/debug"

	"github.com/apigwlint/apigwlint/internal/loader"
)

// Garbage collection is most of the time apigwlint spends beside parsing:
// a parsed document is a large tree of small nodes that the collector scans
// again at every cycle while it grows. When the inputs are small enough
// that memory is no concern, collecting less often makes a run markedly
// faster; for very large inputs the default pacing keeps peak memory near
// what parsing alone needs. GOGC set in the environment always wins.
const (
	relaxedGCPercent = 400
	relaxedGCBelow   = 128 << 20 // total input size up to which it applies
)

// tuneGC relaxes the collector for runs whose inputs total less than
// relaxedGCBelow bytes.
func tuneGC(files []input) {
	if os.Getenv("GOGC") != "" {
		return
	}
	var total int64
	for _, f := range files {
		if f.stdin {
			continue // unknown until read; one document at most
		}
		if st, err := os.Stat(f.path); err == nil {
			total += st.Size()
		}
		if total >= relaxedGCBelow {
			return
		}
	}
	debug.SetGCPercent(relaxedGCPercent)
}

// collectAfterLoadFrom is the size from which a file's load is followed by
// a collection: parsing YAML builds the parser's node tree and then
// apigwlint's own (doc), and the first is garbage as soon as the second is
// built. Collected there, its memory serves the rules; left to the relaxed
// pacing, it adds to the peak. Below it, the collection costs more than it
// saves.
const collectAfterLoadFrom = 4 << 20

// afterLoad runs a collection after loading a large file (see
// collectAfterLoadFrom) that YAML was parsed from. A file that starts like
// JSON is, but for rare exceptions, strict JSON, which the loader parses
// straight into apigwlint's tree: there is nothing to collect, and a
// collection would only mark the whole tree once for nothing.
func afterLoad(src []byte) {
	if len(src) >= collectAfterLoadFrom && !loader.StartsLikeJSON(src) {
		runtime.GC()
	}
}
