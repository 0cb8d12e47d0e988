package lint

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/apigwlint/apigwlint/internal/loader"
)

// Garbage collection is most of the time apigwlint spends beside parsing:
// a parsed document is a large tree of small nodes that the collector scans
// again at every cycle while it grows. When what is live at a time is small
// enough that memory is no concern, collecting less often makes a run
// markedly faster; for very large inputs the default pacing keeps peak
// memory near what parsing alone needs, and a large file's tree, once
// loaded, makes the pacing tighter still (afterLoad). GOGC set in the
// environment always wins.
//
// What is live is the trees of the files in flight (one a core, about 9
// times each file's size) and the findings kept so far, so the relaxed
// pacing applies when the whole input is small, or when every file is:
// 2,000 generated files of 5 to 150 integrations (153 MB in all, none
// above 0.3 MB) linted in 4.0–5.4 s on one core and 2.9 s on two at the
// default pacing, 3.4 s and 1.9 s at GOGC 400 (2026-12-04).
const (
	relaxedGCPercent  = 400
	relaxedGCBelow    = 128 << 20 // total input size up to which it applies
	relaxedGCFileSize = 4 << 20   // ... or the largest file's size
)

// gcTuned is set when GOGC is the environment's or tuneGC relaxed it:
// afterLoad then leaves the pacing alone.
var gcTuned atomic.Bool

// A soft memory limit a little above what a lint keeps live (the source,
// the tree and the model) caps the peak of a run over one large file,
// whatever the pacing: what the rules and the report allocate is garbage
// soon, and the collector only runs more often once the heap nears the
// limit. The live heap is about 7 times a JSON input and 9 times a YAML
// one (more nodes a byte), measured with GODEBUG=gctrace=1 on generated
// OpenAPI 3 files (2026-12-04); a limit below it only makes the collector
// run back to back (100,000-integration JSON at 1450 MiB: 19.6–22 s of CPU
// against 15.7 s). Many small files never come near it (it counts the
// whole input, and few files are in flight at a time). GOMEMLIMIT in the
// environment wins.
const (
	memLimitBase = 16 << 20 // the runtime, the binary's data, the report
	memLimitJSON = 7.5      // bytes of limit per byte of .json input
	memLimitYAML = 9.5      // per byte of any other input
)

// tuneGC sets the soft memory limit from the inputs' sizes, and relaxes
// the collector for runs whose inputs total less than relaxedGCBelow
// bytes or whose files are all smaller than relaxedGCFileSize.
func tuneGC(files []input) {
	var total, largest int64
	limit := float64(memLimitBase)
	for _, f := range files {
		if f.stdin {
			continue // unknown until read; one document at most
		}
		if st, err := os.Stat(f.path); err == nil {
			total += st.Size()
			largest = max(largest, st.Size())
			if strings.HasSuffix(strings.ToLower(f.path), ".json") {
				limit += memLimitJSON * float64(st.Size())
			} else {
				limit += memLimitYAML * float64(st.Size())
			}
		}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(limit))
	}
	switch {
	case os.Getenv("GOGC") != "":
		gcTuned.Store(true)
	case total < relaxedGCBelow || largest < relaxedGCFileSize:
		debug.SetGCPercent(relaxedGCPercent)
		gcTuned.Store(true)
	}
}

// The loader's scanners (the JSON and the fast YAML one) build the tree
// straight from the text and leave next to no garbage: a collection after
// every large load, which a run once did because the YAML library's tree
// was garbage as soon as it was copied, would only mark the whole new tree
// again (about 30 ms for 10,000 integrations, 0.3 s for 100,000, the run
// waiting). It is kept for the texts the library still parses (loader.
// LibraryParsed), from collectAfterLoadFrom bytes: collected there, their
// garbage's memory serves the rules; left to the relaxed pacing, it adds
// to the peak. Below it, the collection costs more than it saves.
const collectAfterLoadFrom = 4 << 20

func init() {
	loader.LibraryParsed = func(size int) {
		if size >= collectAfterLoadFrom {
			runtime.GC()
		}
	}
}

// What stays live after a large YAML file is loaded is mostly its tree
// (about 5 times the text); the rules then add to it, with much garbage.
// With the default pacing the heap may grow to twice what was live at the
// last collection, which made the peak of a 165 MB, 100,000-integration
// file (2.2 GB) exceed that of a plain yaml node decode of it. Once such a
// file is loaded, the rest of the run collects at 1.5 times the live heap
// instead: a few more collections while the rules run, about 10% less
// peak memory. The parse itself keeps the default, as it makes little
// garbage and more collections would only mark the growing tree again.
const (
	tightGCPercent = 50
	tightGCFrom    = 32 << 20 // size of a file whose load tightens the pacing
)

var tighten sync.Once

// afterLoad tightens the pacing after a large file is loaded, in runs
// whose pacing is the default (see tightGCPercent).
func afterLoad(size int) {
	if size >= tightGCFrom && !gcTuned.Load() {
		tighten.Do(func() { debug.SetGCPercent(tightGCPercent) })
	}
}
