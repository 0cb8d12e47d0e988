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
#    with --big, 100,000): in each round floor-scan (a plain byte search
#    that finds every integration and builds nothing: the hardware floor),
#    floor-yaml (decode into a go.yaml.in/yaml/v4 node tree, the library
#    that continues gopkg.in/yaml.v3 with the same decoder), apigwlint
#    --format sarif on the YAML with GOMAXPROCS=1 and with all cores,
#    floor-json (encoding/json into any), apigwlint --format sarif on the
#    JSON. It prints the median wall time and peak RSS of each and the
#    ratios to the floor. Targets (the compact-tree issue): YAML at most
#    0.5x the yaml floor on one core and 0.3x on all, at most 1.0x its
#    memory at 100,000 integrations; JSON at most 1.5x the json floor in
#    time and memory.
# 2. many files: 2,000 files of mixed size (5 to 150 integrations, each
#    generated with its own seed) in one folder, linted with GOMAXPROCS=1
#    and with all cores; the speed-up one/all (target at least 1.8 on two
#    cores) and whether the two reports are byte-identical.
# 3. pre-commit: one 20-integration file, process start to exit, median of
#    20 runs (target at most 25 ms).
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
"$bin/apigwlint-gen" -n 20 -format openapi3-yaml -seed 7 -plant 10 -o "$tmp/small.yaml"
mkdir "$tmp/many"
mix=(5 10 20 50 150)
for i in $(seq 0 1999); do
	"$bin/apigwlint-gen" -n "${mix[i % 5]}" -format openapi3-yaml -seed "$((i + 1))" -plant 10 -o "$tmp/many/api-$(printf %04d "$i").yaml"
done

echo "checking results ..."
for n in "${sizes[@]}"; do
	planted "$tmp/api-$n.yaml" openapi3-yaml "$n"
	planted "$tmp/api-$n.json" openapi3-json "$n"
done

echo "measuring: $rounds alternating rounds ..."
identical=yes
for r in $(seq "$rounds"); do
	for n in "${sizes[@]}"; do
		measure "$bin/floor-scan" "$tmp/api-$n.yaml" && record "floor-scan/$n"
		measure "$bin/floor-yaml" "$tmp/api-$n.yaml" && record "floor-yaml/$n"
		measure env GOMAXPROCS=1 "$bin/apigwlint" --format sarif -o "$tmp/out.sarif" "$tmp/api-$n.yaml" && record "lint1-yaml/$n"
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
row() { # CASE PROGRAM KEY [FLOOR-KEY TARGET]
	local wr='' rr=''
	if [[ -n ${4:-} ]]; then
		wr=$(ratio "$(m "$3")" "$(m "$4")")
		rr=$(ratio "$(median "${rsses[$3]}")" "$(median "${rsses[$4]}")")
	fi
	printf '%-26s %-24s %9s %8s %10s %10s  %s\n' "$1" "$2" "$(m "$3")" "$(mr "$3")" "$wr" "$rr" "${5:-}"
}
printf '%-26s %-24s %9s %8s %10s %10s  %s\n' case program "wall s" "RSS MB" "wall ratio" "RSS ratio" target
for n in "${sizes[@]}"; do
	rt=''
	[[ $n == 100000 ]] && rt='; RSS ≤ 1.0×'
	row "$n yaml ($(size "$tmp/api-$n.yaml"))" floor-scan "floor-scan/$n"
	row "" "floor-yaml" "floor-yaml/$n"
	row "" "apigwlint GOMAXPROCS=1" "lint1-yaml/$n" "floor-yaml/$n" "≤ 0.5×$rt"
	row "" "apigwlint all cores" "lint-yaml/$n" "floor-yaml/$n" "≤ 0.3×"
	row "" "  (against floor-scan)" "lint-yaml/$n" "floor-scan/$n"
	row "$n json ($(size "$tmp/api-$n.json"))" floor-json "floor-json/$n"
	row "" "apigwlint all cores" "lint-json/$n" "floor-json/$n" "≤ 1.5×, RSS ≤ 1.5×"
done
row "2000 files, mixed (many)" "GOMAXPROCS=1" many-1
printf '%-26s %-24s %9s %8s %10s %10s  %s\n' "" "all $(nproc) cores" "$(m many-all)" "$(mr many-all)" \
	"$(awk -v a="$(m many-1)" -v b="$(m many-all)" 'BEGIN {if (b > 0) printf "%.2fx", a/b}') faster" "" "≥ 1.8× faster; reports identical: $identical"
row "1 file x 20 (pre-commit)" apigwlint precommit "" ""
printf '%-26s %-24s %9s\n' "" "" "target ≤ 0.025 s"
echo
for p in "${peers[@]}"; do echo "$p"; done
