package lint

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"

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

// A soft memory limit proportional to the input caps the peak that the
// pacing alone would reach with one large file: what the rules and the
// report allocate is garbage soon, but GOGC 400 keeps all of it until the
// run ends. The factors are a little above the live heap of a lint (the
// tree, the source and the model), measured with GODEBUG=gctrace=1 and
// /usr/bin/time on generated OpenAPI 3 files, GOMAXPROCS=1, 2026-12-04 on
// the shared 2-core machine (peak RSS; CPU is user+sys and noisy):
//
//	file                    GOGC, no limit           with a limit
//	10,000 JSON (21.9 MB)   400: 195 MB, 1.2 s       400, 165 MiB: 166 MB, 1.3 s
//	10,000 YAML (16.5 MB)   400: 183 MB, 1.1 s       400, 165 MiB: 166 MB, 1.2 s
//	100,000 JSON (219 MB)   100: 1836 MB, 15.7 s     400, 1600 MiB: 1578 MB, 19.0 s
//	100,000 YAML (166 MB)   100: 1701 MB, 13.2 s     400, 1600 MiB: 1540 MB, 15.7 s
//
// The live heap is about 7× the input for JSON and 9× for YAML (more nodes
// a byte); a limit below it only makes the collector run back to back
// (100,000 JSON at 1450 MiB: 1570 MB, 19.6–22 s of CPU). Floors for
// comparison: encoding/json into any 117 MB (10,000) and 1165 MB (100,000),
// a yaml node decode 223 MB and 2236 MB. Many small files are never near
// the limit (it counts the whole input, and few files are in flight at a
// time), so for them only GOGC applies. GOMEMLIMIT in the environment wins.
const (
	memLimitBase = 16 << 20 // the runtime, the binary's data, the report
	memLimitJSON = 7.5      // bytes of limit per byte of .json input
	memLimitYAML = 9.5      // per byte of any other input
)

// tuneGC relaxes the collector for runs whose inputs total less than
// relaxedGCBelow bytes, and sets the soft memory limit from the input size.
func tuneGC(files []input) {
	var total, limit float64
	for _, f := range files {
		if f.stdin {
			continue // unknown until read; one document at most
		}
		if st, err := os.Stat(f.path); err == nil {
			size := float64(st.Size())
			total += size
			if strings.HasSuffix(strings.ToLower(f.path), ".json") {
				limit += memLimitJSON * size
			} else {
				limit += memLimitYAML * size
			}
		}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memLimitBase + int64(limit))
	}
	if os.Getenv("GOGC") == "" && total < relaxedGCBelow {
		debug.SetGCPercent(relaxedGCPercent)
	}
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
