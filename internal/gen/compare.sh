#!/usr/bin/env bash
# compare.sh: how far apigwlint is from the floor, in one run.
#
# Usage: internal/gen/compare.sh [-r ROUNDS] [--big] [--keep]
#
#   -r ROUNDS  repetitions of each measurement (default 5); the medians are
#              printed
#   --big      also measure 100,000-integration files (about 165 MB of YAML
#              and 220 MB of JSON; takes a few minutes)
#   --keep     keep the temporary folder with binaries, inputs and outputs
#
# It builds apigwlint and the floor programs once (go build -tags bench into
# a temporary folder), generates documents with internal/gen (seed 1, one
# planted mistake in every 100 integrations), checks that apigwlint reports
# exactly the planted mistakes, and then measures, in alternating rounds so
# that a slow moment of the machine hits every program alike:
#
# 1. size: a 10,000-integration OpenAPI 3 YAML file and its JSON twin (and,
#    with --big, 100,000): in each round floor-yaml (decode into a
#    go.yaml.in/yaml/v4 node tree), apigwlint --format sarif on the YAML,
#    floor-json (encoding/json into any), apigwlint --format sarif on the
#    JSON. It prints the median wall time and peak RSS of each and the
#    ratios apigwlint/floor. Targets (issue 6): YAML at most 1.5x (never 2x)
#    the yaml floor, JSON at most 3x the json floor, 100,000 integrations at
#    most 2x the floor's memory.
# 2. many files: 1,000 copies of a 50-integration file in one folder, linted
#    with GOMAXPROCS=1 and with all cores; the ratio all/one (target at most
#    0.6) and whether the two reports are byte-identical.
# 3. pre-commit: one 50-integration file, process start to exit, median of
#    20 runs (target under 50 ms).
# 4. peers: Spectral and vacuum with the ruleset in internal/gen/peers/, on
#    the 10,000-integration YAML and JSON files, when they are on PATH.
#
# Wall time is taken with bash's time keyword (TIMEFORMAT=%3R, millisecond
# resolution). Peak RSS comes from GNU time (/usr/bin/time -f %M); without
# it, RSS is printed as "-". Nothing outside the temporary folder is
# written.
set -euo pipefail

rounds=5
big=0
keep=0
while [[ $# -gt 0 ]]; do
	case $1 in
	-r) rounds=${2:?-r needs a number}; shift 2 ;;
	--big) big=1; shift ;;
	--keep) keep=1; shift ;;
	-h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
	*) echo "compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
done

cd "$(dirname "$0")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/apigwlint-compare.XXXXXX")
if [[ $keep == 0 ]]; then
	trap 'rm -rf "$tmp"' EXIT
else
	trap 'echo "kept $tmp"' EXIT
fi
bin=$tmp/bin
mkdir -p "$bin"

gnutime=
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	gnutime=/usr/bin/time
fi

echo "building apigwlint and the floor programs ..."
go build -tags bench -o "$bin/" ./cmd/apigwlint ./internal/gen/cmd/...

# measure CMD...: runs CMD (output to $tmp/last.out), sets wall (seconds)
# and rss (KB, or "-"). apigwlint exits 1 on findings; 2 and up is a failure.
measure() {
	local rc=0 TIMEFORMAT=%3R
	if [[ -n $gnutime ]]; then
		{ time "$gnutime" -f %M -o "$tmp/rss" "$@" >"$tmp/last.out" 2>&1 || rc=$?; } 2>"$tmp/wall"
		rss=$(tail -n 1 "$tmp/rss")
	else
		{ time "$@" >"$tmp/last.out" 2>&1 || rc=$?; } 2>"$tmp/wall"
		rss=-
	fi
	wall=$(tail -n 1 "$tmp/wall")
	if [[ $rc -gt 1 ]]; then
		echo "compare.sh: $* failed (exit $rc):" >&2
		head -n 20 "$tmp/last.out" >&2
		exit 1
	fi
}

# record KEY: appends the last measurement to the samples of KEY.
declare -A walls rsses
record() {
	walls[$1]+="$wall "
	rsses[$1]+="$rss "
}

median() { # median of the numbers in $1, or "-"
	tr ' ' '\n' <<<"$1" | grep -E '^[0-9.]+$' | sort -g | awk '{v[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'
}

ratio() { # $1/$2, or "-"
	awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2fx", a/b}'
}

mb() { # KB to MB
	awk -v k="$1" 'BEGIN {if (k == "-") print "-"; else printf "%.0f", k/1024}'
}

size() { awk -v b="$(wc -c <"$1")" 'BEGIN {printf "%.1f MB", b/1e6}'; }

# planted FILE FORMAT N: apigwlint must report exactly the planted findings.
planted() {
	local want got
	want=$("$bin/apigwlint-gen" -n "$3" -format "$2" -plant 100 -planted)
	"$bin/apigwlint" --format text "$1" >"$tmp/check.txt" 2>&1 || [[ $? == 1 ]] || { cat "$tmp/check.txt" >&2; exit 1; }
	got=$(sed -n 's/.*\[\(AGW[0-9]*\)\]$/\1/p' "$tmp/check.txt" | sort | uniq -c | awk '{print $2, $1}')
	if [[ $got == "$want" ]]; then
		echo "  $(basename "$1"): all $(awk '{s += $2} END {print s}' <<<"$want") planted findings found, nothing else"
	else
		echo "  $(basename "$1"): FINDINGS DIFFER FROM THE PLANTED ONES"
		diff <(echo "$want") <(echo "$got") | sed 's/^/    /' || true
	fi
}

sizes=(10000)
[[ $big == 1 ]] && sizes+=(100000)

echo "generating inputs ..."
for n in "${sizes[@]}"; do
	"$bin/apigwlint-gen" -n "$n" -format openapi3-yaml -plant 100 -o "$tmp/api-$n.yaml"
	"$bin/apigwlint-gen" -n "$n" -format openapi3-json -plant 100 -o "$tmp/api-$n.json"
done
"$bin/apigwlint-gen" -n 50 -format openapi3-yaml -seed 7 -plant 10 -o "$tmp/small.yaml"
mkdir "$tmp/many"
for i in $(seq -w 0 999); do cp "$tmp/small.yaml" "$tmp/many/api-$i.yaml"; done

echo "checking results ..."
for n in "${sizes[@]}"; do
	planted "$tmp/api-$n.yaml" openapi3-yaml "$n"
	planted "$tmp/api-$n.json" openapi3-json "$n"
done

echo "measuring: $rounds alternating rounds ..."
identical=yes
for r in $(seq "$rounds"); do
	for n in "${sizes[@]}"; do
		measure "$bin/floor-yaml" "$tmp/api-$n.yaml" && record "floor-yaml/$n"
		measure "$bin/apigwlint" --format sarif -o "$tmp/out.sarif" "$tmp/api-$n.yaml" && record "lint-yaml/$n"
		measure "$bin/floor-json" "$tmp/api-$n.json" && record "floor-json/$n"
		measure "$bin/apigwlint" --format sarif -o "$tmp/out.sarif" "$tmp/api-$n.json" && record "lint-json/$n"
	done
	measure env GOMAXPROCS=1 "$bin/apigwlint" --format sarif -o "$tmp/many-1.sarif" "$tmp/many" && record many-1
	measure "$bin/apigwlint" --format sarif -o "$tmp/many-all.sarif" "$tmp/many" && record many-all
	cmp -s "$tmp/many-1.sarif" "$tmp/many-all.sarif" || identical=no
	echo "  round $r of $rounds done"
done

"$bin/apigwlint" "$tmp/small.yaml" >/dev/null 2>&1 || true # warm the file cache
for r in $(seq 20); do
	measure "$bin/apigwlint" "$tmp/small.yaml" && record precommit
done

peers=()
for peer in spectral vacuum; do
	if ! command -v "$peer" >/dev/null; then
		peers+=("$peer: not installed")
		continue
	fi
	for kind in yaml json; do
		measure "$peer" lint -r internal/gen/peers/spectral.yaml "$tmp/api-10000.$kind" && record "$peer-$kind"
		peers+=("$(printf '%-8s on 10000 %-4s  %8s s  %6s MB   %s the apigwlint median' "$peer" "$kind" "$wall" "$(mb "$rss")" \
			"$(ratio "$wall" "$(median "${walls[lint-$kind/10000]}")")")")
	done
done

m() { median "${walls[$1]}"; }
mr() { mb "$(median "${rsses[$1]}")"; }

echo
echo "apigwlint $(git describe --always --dirty 2>/dev/null || echo '?'), $(go env GOVERSION), $(nproc) cores; medians of $rounds alternating rounds (pre-commit: 20 runs)"
[[ -z $gnutime ]] && echo "(GNU time not found: peak RSS not measured)"
echo
printf '%-26s %-22s %9s %8s %10s %10s  %s\n' case program "wall s" "RSS MB" "wall ratio" "RSS ratio" target
for n in "${sizes[@]}"; do
	for kind in yaml json; do
		f=$tmp/api-$n.$kind
		label="$n $kind ($(size "$f"))"
		target="≤ 1.5× (never > 2×)"
		[[ $kind == json ]] && target="≤ 3×"
		[[ $n == 100000 ]] && target="$target; RSS ≤ 2×"
		printf '%-26s %-22s %9s %8s\n' "$label" "floor-$kind" "$(m "floor-$kind/$n")" "$(mr "floor-$kind/$n")"
		printf '%-26s %-22s %9s %8s %10s %10s  %s\n' "" "apigwlint -f sarif" "$(m "lint-$kind/$n")" "$(mr "lint-$kind/$n")" \
			"$(ratio "$(m "lint-$kind/$n")" "$(m "floor-$kind/$n")")" \
			"$(ratio "$(median "${rsses[lint-$kind/$n]}")" "$(median "${rsses[floor-$kind/$n]}")")" "$target"
	done
done
printf '%-26s %-22s %9s %8s\n' "1000 files x 50 (many)" "GOMAXPROCS=1" "$(m many-1)" "$(mr many-1)"
printf '%-26s %-22s %9s %8s %10s %10s  %s\n' "" "all $(nproc) cores" "$(m many-all)" "$(mr many-all)" \
	"$(ratio "$(m many-all)" "$(m many-1)")" "" "≤ 0.6×; reports identical: $identical"
printf '%-26s %-22s %9s %8s %10s %10s  %s\n' "1 file x 50 (pre-commit)" "apigwlint" "$(m precommit)" "$(mr precommit)" "" "" "< 0.050 s"
echo
for p in "${peers[@]}"; do echo "$p"; done
