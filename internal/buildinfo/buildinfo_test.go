package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestOf(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		name    string
		bi      *debug.BuildInfo
		want    string
		wantRef string
	}{
		{"no build info", nil, "unknown", "main"},
		{"go install @v0.1.0", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}, "v0.1.0", "v0.1.0"},
		{"release candidate", &debug.BuildInfo{Main: debug.Module{Version: "v0.2.0-rc.1"}}, "v0.2.0-rc.1", "v0.2.0-rc.1"},
		{"build of a clean tag, VCS stamped too", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}, Settings: vcs(rev, "false")}, "v0.1.0", "v0.1.0"},
		{"pseudo-version of a later commit", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20250102150405-0123456789ab"}}, "v0.1.1-0.20250102150405-0123456789ab", "main"},
		{"pseudo-version, dirty tree", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20250102150405-0123456789ab+dirty"}}, "v0.1.1-0.20250102150405-0123456789ab+dirty", "main"},
		{"local build, clean", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")}, "devel-0123456789ab", "main"},
		{"local build, dirty", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")}, "devel-0123456789ab+dirty", "main"},
		{"short revision", &debug.BuildInfo{Main: debug.Module{Version: ""}, Settings: vcs("abc", "true")}, "devel-abc+dirty", "main"},
		{"no VCS (go run, -buildvcs=false, a test)", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "unknown", "main"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Of(tc.bi)
			if got != tc.want {
				t.Errorf("Of = %q, want %q", got, tc.want)
			}
			if got == "devel" || got == "(devel)" || got == "" {
				t.Errorf("Of = %q: a bare devel says nothing", got)
			}
			v := ""
			if tc.bi != nil {
				v = tc.bi.Main.Version
			}
			if ref := RefOf(v); ref != tc.wantRef {
				t.Errorf("RefOf(%q) = %q, want %q", v, ref, tc.wantRef)
			}
		})
	}
}

func TestRefOf(t *testing.T) {
	for v, want := range map[string]string{
		"v0.3.0":                               "v0.3.0",
		"v1.12.4":                              "v1.12.4",
		"v1.0.0-rc.1":                          "v1.0.0-rc.1",
		"(devel)":                              "main",
		"":                                     "main",
		"devel":                                "main",
		"unknown":                              "main",
		"devel-0123456789ab":                   "main",
		"v0.0.0-20250102150405-0123456789ab":   "main",
		"v0.3.1-0.20250102150405-0123456789ab": "main",
		"v1.0.0-rc.1.0.20250102150405-0123456789ab":  "main",
		"v0.3.1-0.20250102150405-0123456789ab+dirty": "main",
		"v0.3.0+dirty": "main",
	} {
		if got := RefOf(v); got != want {
			t.Errorf("RefOf(%q) = %q, want %q", v, got, want)
		}
	}
	if got := DocsRef(); got != "main" {
		t.Errorf("DocsRef of a test binary = %q, want main", got)
	}
}
