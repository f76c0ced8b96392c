#!/usr/bin/env bash
# Times loctool check against GNU grep on the same corpus: the 2,000
# generated articles of bench/corpus (16 MB) and a generated glossary of
# 10,000 people with Kazakh and Russian forms. grep looks for every Latin
# spelling loctool looks for (grep -r -c -w -F -f variants.txt); loctool
# check also generates those spellings from the Cyrillic forms, and looks
# for names spelt two ways. It prints the times and their ratios: loctool
# check cold (LOCTOOL_CACHE=off: the glossary parsed and its variants
# generated) and warm (the glossary from loctool's cache, as on every run
# after the first with the same glossary). With each time it prints the
# CPU time (user + system) and the peak memory (RSS) of the fastest run.
#
# Environment: ARTICLES=2000, CONCEPTS=10000, REPEAT=3 (the fastest
# counts), WORKDIR=DIR (default: a new folder in $TMPDIR), KEEP=1.
# Needs Go, GNU grep, GNU time (/usr/bin/time, Debian package "time") and bc.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
ARTICLES=${ARTICLES:-2000}
CONCEPTS=${CONCEPTS:-10000}
REPEAT=${REPEAT:-3}

if [ ! -x /usr/bin/time ]; then
	echo "bench-check: needs GNU time at /usr/bin/time (Debian package \"time\")" >&2
	exit 1
fi

work=$(mktemp -d "${WORKDIR:-${TMPDIR:-/tmp}}/loctool-check-bench.XXXXXX")
if [ -z "${KEEP:-}" ]; then
	trap 'rm -rf "$work"' EXIT
fi

echo "building loctool and the corpus generator"
go build -o "$work/loctool" ./cmd/loctool
(cd bench && go build -o "$work/corpus" ./corpus)
"$work/corpus" gen -n "$ARTICLES" -repo "$repo" "$work/project" >/dev/null
"$work/corpus" glossary -n "$CONCEPTS" "$work/project/people.yaml" "$work/variants.txt"

# best COMMAND... runs COMMAND REPEAT times and prints the fastest run's
# wall time (s), CPU time (s) and peak RSS (MB).
best() {
	local best="" cpu="" rss=""
	for _ in $(seq "$REPEAT"); do
		local s e t
		s=$(date +%s.%N)
		/usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null || true
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
			best=$t
			cpu=$(awk 'END { printf "%.2f", $1 + $2 }' "$work/time")
			rss=$(awk 'END { printf "%.0f", $3 / 1024 }' "$work/time")
		fi
	done
	printf '%.3f %s %s' "$best" "$cpu" "$rss"
}

cd "$work/project"
export LOCTOOL_CACHE="$work/cache"
"$work/loctool" check --glossary people.yaml --fail-on never >/dev/null # fills the cache
read -r grep_s grep_cpu grep_rss <<<"$(best grep -r -c -w -F -f "$work/variants.txt" articles)"
read -r warm_s warm_cpu warm_rss <<<"$(best "$work/loctool" check --glossary people.yaml --fail-on never)"
read -r cold_s cold_cpu cold_rss <<<"$(LOCTOOL_CACHE=off best "$work/loctool" check --glossary people.yaml --fail-on never)"
echo
printf '%-40s %8s %8s %8s\n' "" "wall s" "CPU s" "RSS MB"
printf '%-40s %8s %8s %8s\n' "grep -r -c -w -F ($(wc -l <"$work/variants.txt") spellings)" "$grep_s" "$grep_cpu" "$grep_rss"
printf '%-40s %8s %8s %8s  %5.1fx grep\n' "loctool check ($CONCEPTS concepts), warm" "$warm_s" "$warm_cpu" "$warm_rss" "$(echo "$warm_s / $grep_s" | bc -l)"
printf '%-40s %8s %8s %8s  %5.1fx grep\n' "loctool check ($CONCEPTS concepts), cold" "$cold_s" "$cold_cpu" "$cold_rss" "$(echo "$cold_s / $grep_s" | bc -l)"
