#!/usr/bin/env bash
# Step "go" of the apigwlint action: decide how apigwlint is installed, and
# whether actions/setup-go must run.
#   - mode=download when the version (the version input, else the ref the
#     action is used at, github.action_ref) is a release tag such as v0.1.0:
#     the released binary is downloaded and its checksum verified; no Go;
#   - mode=build for a branch or a commit (or a local ./ checkout): built
#     from the action's source, with Go's module and build caches kept
#     between runs (cache-key names them). setup-go must run when the
#     go-version input asks for a version, or when the runner has no Go or
#     one older than the go directive of the action's go.mod;
#   - mode=prebuilt with APIGWLINT_BIN (the tests, runners that provide one).
# Outputs: mode, tag, setup (true or false), version (for actions/setup-go),
# cache-key.
set -euo pipefail

out=${GITHUB_OUTPUT:-/dev/null}
tag=${VERSION:-${ACTION_REF:-}}
mode=build
if [ -n "${APIGWLINT_BIN:-}" ]; then
	mode=prebuilt
elif [[ $tag =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
	mode=download
	echo "apigwlint $tag is a release: downloading its binary; Go is not needed."
	{
		echo "mode=$mode"
		echo "tag=$tag"
		echo "setup=false"
		echo "version="
		echo "cache-key="
	} >>"$out"
	exit 0
fi
need=$(sed -n 's/^go \([0-9][0-9.]*\).*/\1/p' "$GITHUB_ACTION_PATH/go.mod" | head -n 1)

# ver_ge A B: is version A at least version B? (1.26.8 >= 1.25.0; 1.27rc1 counts as 1.27)
ver_ge() {
	local IFS=. i x y
	local -a a b
	read -r -a a <<<"$1"
	read -r -a b <<<"$2"
	for i in 0 1 2; do
		x=${a[i]:-0} y=${b[i]:-0}
		x=${x%%[!0-9]*} y=${y%%[!0-9]*}
		x=${x:-0} y=${y:-0}
		if ((10#$x > 10#$y)); then return 0; fi
		if ((10#$x < 10#$y)); then return 1; fi
	done
	return 0
}

setup=false version=
if [ -n "${APIGWLINT_BIN:-}" ]; then
	echo "Using the prebuilt apigwlint in APIGWLINT_BIN; Go is not needed."
elif [ -n "${GO_VERSION:-}" ]; then
	setup=true version=$GO_VERSION
	echo "Go $GO_VERSION was asked for: installing it with actions/setup-go."
elif ! have=$(go env GOVERSION 2>/dev/null) || [ -z "$have" ]; then
	setup=true version=stable
	echo "The runner has no Go; apigwlint needs Go $need or later: installing the latest stable release with actions/setup-go."
else
	have=${have#devel } # "devel go1.27-abcdef Tue ..." for a toolchain built from source
	have=${have#go}
	have=${have%% *}
	if ver_ge "$have" "$need"; then
		echo "Using the runner's Go $have (apigwlint needs $need or later)."
	else
		setup=true version=stable
		echo "The runner's Go $have is older than $need, which apigwlint needs: installing the latest stable release with actions/setup-go."
	fi
fi
# The caches are keyed by the action's dependencies and the runner.
key=$(cksum <"$GITHUB_ACTION_PATH/go.sum" | cut -d ' ' -f 1)-$(uname -s)-$(uname -m)
{
	echo "mode=$mode"
	echo "tag=$tag"
	echo "setup=$setup"
	echo "version=$version"
	echo "cache-key=$key"
} >>"$out"
