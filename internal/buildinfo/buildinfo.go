// Package buildinfo says which apigwlint a binary is, from what the Go
// toolchain recorded in it (runtime/debug.ReadBuildInfo): the module
// version of a release, or the commit of a local build. Nothing is set with
// -ldflags, so go install, go build, GoReleaser and the Dockerfile all give
// the same answer for the same source.
package buildinfo

import (
	"github.com/apigwlint/apigwlint/internal/lazyre"
	"runtime/debug"
	"strings"
)

// Version is the version of the running binary (see Of).
func Version() string {
	bi, _ := debug.ReadBuildInfo()
	return Of(bi)
}

// DocsRef is the git ref whose documentation fits the running binary (see
// RefOf).
func DocsRef() string {
	bi, _ := debug.ReadBuildInfo()
	if bi == nil {
		return RefOf("")
	}
	return RefOf(bi.Main.Version)
}

// Of is the version recorded in bi:
//
//   - the module version when there is one: v0.1.0 for go install
//     ...@v0.1.0 or a build of a clean checkout of that tag, a
//     pseudo-version (with +dirty when the tree had changes) for a build of
//     another commit;
//   - otherwise (a build that records no module version) the commit, its
//     first 12 hex digits, with +dirty when the tree had changes;
//   - "unknown" when the binary records neither, as for go run and test
//     binaries, which stamp no VCS information.
//
// It is never a bare "devel" or "(devel)".
func Of(bi *debug.BuildInfo) string {
	if bi == nil {
		return "unknown"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "unknown"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "devel-" + rev
}

// pseudoVersion matches the end of a Go pseudo-version: a timestamp and a
// commit hash, which name no release.
var pseudoVersion = lazyre.New(`[-.]\d{14}-[0-9a-f]{12}$`)

// RefOf is the git ref of the documentation for module version v: the tag
// itself for a release (v0.3.0, v1.0.0-rc.1), main for a development build
// ("(devel)", "", a pseudo-version, or a version with build metadata such
// as +dirty, whose tag does not hold what was built).
func RefOf(v string) string {
	if !strings.HasPrefix(v, "v") || strings.Contains(v, "+") || pseudoVersion().MatchString(v) {
		return "main"
	}
	return v
}
