package main

import "github.com/apigwlint/apigwlint/internal/buildinfo"

// toolVersion is the version of this binary, from its build information
// (internal/buildinfo): never set with -ldflags.
func toolVersion() string { return buildinfo.Version() }
