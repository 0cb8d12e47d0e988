#!/usr/bin/env bash
# Step "install" of the apigwlint action: build apigwlint from the action's
# own checkout (so the binary always matches the version of the action that
# is used) into BIN_DIR, and put it on PATH for the job's later steps.
# APIGWLINT_BIN, when set, names a prebuilt binary to use instead (the
# action's tests use it, and so can runners that provide one).
# Output: path, the binary.
set -euo pipefail

if [ -n "${APIGWLINT_BIN:-}" ]; then
	bin=$APIGWLINT_BIN
else
	exe=
	if [ "${RUNNER_OS:-}" = Windows ]; then exe=.exe; fi
	mkdir -p "$BIN_DIR"
	bin=$BIN_DIR/apigwlint$exe
	echo "Building apigwlint from $GITHUB_ACTION_PATH"
	# The workflow's own Go settings (a vendor folder, a go.work, a newer
	# toolchain to download) are not the action's; the action's checkout is
	# not a git repository, so there is no VCS information to stamp.
	(cd "$GITHUB_ACTION_PATH" && GOFLAGS=-buildvcs=false GOWORK=off GOTOOLCHAIN=local go build -o "$bin" ./cmd/apigwlint)
	echo "$BIN_DIR" >>"${GITHUB_PATH:-/dev/null}"
fi
"$bin" --version
echo "path=$bin" >>"${GITHUB_OUTPUT:-/dev/null}"
