#!/usr/bin/env bash
# Step "lint" of the apigwlint action. One apigwlint run prints the findings
# as workflow commands (annotations) and writes the SARIF file; from those
# annotations the step
#   - says in a notice how many findings GitHub will not annotate (it shows
#     at most 10 errors, 10 warnings and 10 notices per step),
#   - prints the full report, as --format text writes it, in a collapsed
#     group,
#   - writes a Markdown table of the findings per rule to the job summary,
#   - sets the outputs findings, sarif-file and exit-code,
# and exits as apigwlint did.
#
# Inputs come through the environment, never through ${{ }} in the script:
# APIGWLINT (the binary), PATHS, CONFIG, FAIL_LEVEL, SARIF_FILE, BASELINE,
# ARGS (split on white space, never evaluated).
set -euo pipefail

docs=https://github.com/apigwlint/apigwlint/blob/main/docs/rules
tmp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
out=${GITHUB_OUTPUT:-/dev/null}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}

# escape_data escapes a workflow command's message (actions/toolkit).
escape_data() {
	local s=$1
	s=${s//'%'/%25}
	s=${s//$'\r'/%0D}
	s=${s//$'\n'/%0A}
	printf '%s' "$s"
}

fail() {
	echo "::error title=apigwlint::$(escape_data "$1")"
	exit 2
}

level=${FAIL_LEVEL:-warning}
case $level in
error | warning | note | never) ;;
*) fail "fail-level must be error, warning, note or never, not \"$level\"" ;;
esac

# Paths are separated by spaces or new lines; globs go to apigwlint unexpanded.
paths=()
read -r -d '' -a paths < <(printf '%s\0' "${PATHS:-.}") || true
if [ ${#paths[@]} -eq 0 ]; then paths=(.); fi

sarif=${SARIF_FILE:-}
if [ -z "$sarif" ]; then sarif=$tmp/apigwlint.sarif; fi
mkdir -p "$(dirname "$sarif")"

opts=()
if [ -n "${CONFIG:-}" ]; then opts+=(--config "$CONFIG"); fi
if [ -n "${BASELINE:-}" ]; then opts+=(--baseline "$BASELINE"); fi
extra=()
read -r -d '' -a extra < <(printf '%s\0' "${ARGS:-}") || true

annotations=$tmp/apigwlint-annotations.txt
errors=$tmp/apigwlint-stderr.txt
code=0
"$APIGWLINT" --format github --sarif-output "$sarif" --fail-level "$level" ${opts[@]+"${opts[@]}"} ${extra[@]+"${extra[@]}"} -- "${paths[@]}" >"$annotations" 2>"$errors" || code=$?
if [ -s "$errors" ]; then cat "$errors" >&2; fi
if [ "$code" -ge 2 ] && [ ! -s "$annotations" ]; then
	echo "exit-code=$code" >>"$out"
	fail "apigwlint could not run: $(head -n 1 "$errors")"
fi

# One pass over the annotations counts them by level, the input errors
# apart, and the findings by level and rule ("title=AGW108 timeout"), and
# writes them as the text report (path:line:col: severity: message [ID],
# their escapes undone; input errors are on standard error above).
counts=$tmp/apigwlint-counts.txt
rules=$tmp/apigwlint-rules.txt
text=$tmp/apigwlint-report.txt
awk -v rules="$rules" -v text="$text" '
	function undo(s, prop) {
		if (prop) { gsub(/%3A/, ":", s); gsub(/%2C/, ",", s) }
		gsub(/%0D/, "\\r", s); gsub(/%0A/, "\\n", s); gsub(/%25/, "%", s)
		return s
	}
	BEGIN { printf "" > text }
	substr($0, 1, 2) == "::" {
		sp = index($0, " ")
		if (sp == 0) next
		level = substr($0, 3, sp - 3)
		rest = substr($0, sp + 1)
		end = index(rest, "::")
		if (end == 0) next
		k = split(substr(rest, 1, end - 1), kv, ",")
		delete p
		for (i = 1; i <= k; i++) { eq = index(kv[i], "="); p[substr(kv[i], 1, eq - 1)] = substr(kv[i], eq + 1) }
		title = p["title"]
		shown[level]++
		if (title == "apigwlint input error") { input++; next }
		found[level]++
		n[level SUBSEP title]++
		t = undo(title, 1)
		printf "%s:%s:%s: %s: %s [%s]\n", undo(p["file"], 1), p["line"], p["col"], level == "notice" ? "note" : level, undo(substr(rest, end + 2), 0), substr(t, 1, index(t, " ") - 1) > text
	}
	END {
		printf "%d %d %d %d %d %d %d\n", shown["error"], shown["warning"], shown["notice"], found["error"], found["warning"], found["notice"], input
		for (key in n) {
			split(key, q, SUBSEP)
			rank = q[1] == "error" ? 1 : q[1] == "warning" ? 2 : 3
			printf "%d\t%s\t%s\t%d\n", rank, q[1], q[2], n[key] > rules
		}
		close(rules)
		close(text)
	}' "$annotations" >"$counts"
if [ ! -e "$rules" ]; then : >"$rules"; fi
read -r shown_e shown_w shown_n errs warns notes inputs <"$counts"
findings=$((errs + warns + notes))

# GitHub keeps the first 10 annotations of each level per step. This notice
# comes first, so that it is one of the 10 notices it keeps.
hidden=$(((shown_e > 10 ? shown_e - 10 : 0) + (shown_w > 10 ? shown_w - 10 : 0)))
if [ "$hidden" -gt 0 ] || [ "$shown_n" -gt 10 ]; then
	hidden=$((hidden + (shown_n > 9 ? shown_n - 9 : 0)))
	echo "::notice title=apigwlint::$hidden of $((shown_e + shown_w + shown_n)) findings are not shown as annotations (GitHub shows at most 10 errors, 10 warnings and 10 notices per step); the full report is in the log of this step and in the job summary"
fi
cat "$annotations"

# The full report, with workflow commands off so that no text in it can act
# as one.
token=apigwlint-$(od -An -tx1 -N16 /dev/urandom 2>/dev/null | tr -d ' \n' || true)$RANDOM$RANDOM
echo "::group::apigwlint report: $findings finding(s)"
echo "::stop-commands::$token"
cat "$text"
echo "::$token::"
echo "::endgroup::"

{
	echo "findings=$findings"
	echo "sarif-file=$sarif"
	echo "exit-code=$code"
} >>"$out"

status=$code

# The job summary: totals and a table of the findings per rule.
shown_paths=${PATHS:-.}
shown_paths=${shown_paths//'`'/}
shown_paths=${shown_paths//$'\n'/ }
{
	echo "### apigwlint"
	echo
	if [ "$findings" -eq 0 ] && [ "$inputs" -eq 0 ]; then
		echo "No findings in \`$shown_paths\`."
	else
		echo "**$findings finding(s)** in \`$shown_paths\`: $errs error(s), $warns warning(s), $notes note(s); fail level \`${FAIL_LEVEL:-warning}\`, exit status $code."
		echo
		echo "| Rule | Severity | Findings |"
		echo "|---|---|---|"
		sort -t "$(printf '\t')" -k1,1n -k3,3 "$rules" | while IFS=$'\t' read -r _ lvl title count; do
			id=${title%% *} name=${title#* }
			if [ "$lvl" = notice ]; then lvl=note; fi
			echo "| [$id $name]($docs/$name.md) | $lvl | $count |"
		done
		if [ "$inputs" -gt 0 ]; then echo "| input errors (files that could not be read or parsed) | error | $inputs |"; fi
		if [ "$hidden" -gt 0 ]; then
			echo
			echo "$hidden finding(s) are not shown as annotations: GitHub shows at most 10 of each level per step. The full report is in the log of the step, and in the SARIF file."
		fi
	fi
	echo
} >>"$summary"
exit "$status"
