package main

import "runtime/debug"

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version recorded by go install is used.
var version = ""

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
