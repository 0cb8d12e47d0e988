#!/usr/bin/env bash
# Step "install" of the apigwlint action: put apigwlint in BIN_DIR and on
# PATH for the job's later steps, as the step "go" decided (MODE):
#   - download: the release archive of TAG for the runner's system and
#     processor, from APIGWLINT_RELEASE_URL (default: the GitHub release of TAG),
#     verified against the release's checksums.txt before it is unpacked;
#     a mismatch fails the step;
#   - build: from the action's own checkout (so the binary matches the
#     version of the action used), with GOMODCACHE and GOCACHE in CACHE_DIR,
#     which the step before restores;
#   - prebuilt: APIGWLINT_BIN names the binary (the action's tests use it).
# Output: path, the binary.
set -euo pipefail

fail() {
	echo "::error title=apigwlint::$1"
	exit 1
}

exe=
if [ "${RUNNER_OS:-}" = Windows ]; then exe=.exe; fi

case ${MODE:-build} in
prebuilt)
	bin=$APIGWLINT_BIN
	;;
download)
	case ${RUNNER_OS:-} in
	Linux) os=linux ;;
	macOS) os=darwin ;;
	Windows) os=windows ;;
	*) fail "no apigwlint release for the runner system \"${RUNNER_OS:-}\"" ;;
	esac
	case ${RUNNER_ARCH:-} in
	X64) arch=amd64 ;;
	ARM64) arch=arm64 ;;
	*) fail "no apigwlint release for the runner processor \"${RUNNER_ARCH:-}\"" ;;
	esac
	format=tar.gz
	if [ "$os" = windows ]; then format=zip; fi
	archive=apigwlint_${TAG#v}_${os}_${arch}.$format
	base=${APIGWLINT_RELEASE_URL:-https://github.com/apigwlint/apigwlint/releases/download/$TAG}
	dl=$BIN_DIR/download
	mkdir -p "$dl"
	echo "Downloading $base/$archive"
	for f in "$archive" checksums.txt; do
		curl --fail --silent --show-error --location --retry 3 --connect-timeout 20 --max-time 300 \
			--output "$dl/$f" "$base/$f" || fail "could not download $f of apigwlint $TAG from $base"
	done
	want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$dl/checksums.txt")
	if [ -z "$want" ]; then fail "checksums.txt of apigwlint $TAG has no entry for $archive"; fi
	if command -v sha256sum >/dev/null 2>&1; then
		got=$(sha256sum "$dl/$archive" | cut -d ' ' -f 1)
	else
		got=$(shasum -a 256 "$dl/$archive" | cut -d ' ' -f 1)
	fi
	if [ "$got" != "$want" ]; then
		fail "checksum mismatch for $archive of apigwlint $TAG: SHA-256 $got, checksums.txt says $want; not running it"
	fi
	echo "Checksum verified: $archive SHA-256 $got"
	if [ "$format" = zip ]; then
		unzip -q -o "$dl/$archive" -d "$dl"
	else
		tar -xzf "$dl/$archive" -C "$dl"
	fi
	bin=$BIN_DIR/apigwlint$exe
	mv "$dl/apigwlint$exe" "$bin"
	chmod +x "$bin"
	rm -rf "$dl"
	echo "$BIN_DIR" >>"${GITHUB_PATH:-/dev/null}"
	;;
*)
	mkdir -p "$BIN_DIR"
	bin=$BIN_DIR/apigwlint$exe
	echo "Building apigwlint from $GITHUB_ACTION_PATH"
	# The workflow's own Go settings (a vendor folder, a go.work, a newer
	# toolchain to download) are not the action's; the action's checkout is
	# not a git repository, so there is no VCS information to stamp. The
	# module and build caches are the action's own, kept between runs.
	if [ -n "${CACHE_DIR:-}" ]; then
		export GOMODCACHE=$CACHE_DIR/mod GOCACHE=$CACHE_DIR/build
	fi
	(cd "$GITHUB_ACTION_PATH" && GOFLAGS=-buildvcs=false GOWORK=off GOTOOLCHAIN=local go build -trimpath -o "$bin" ./cmd/apigwlint)
	echo "$BIN_DIR" >>"${GITHUB_PATH:-/dev/null}"
	;;
esac
"$bin" --version
echo "path=$bin" >>"${GITHUB_OUTPUT:-/dev/null}"
