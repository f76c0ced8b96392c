#!/usr/bin/env bash
# Times loctool check against GNU grep on the same corpus: the 2,000
# generated articles of bench/corpus (16 MB) and a generated glossary of
# 10,000 people with Kazakh and Russian forms. grep looks for every Latin
# spelling loctool looks for (grep -r -c -w -F -f variants.txt); loctool
# check also generates those spellings from the Cyrillic forms, and looks
# for names spelt two ways. It prints the times and their ratios: loctool
# check cold (LOCTOOL_CACHE=off: the glossary parsed and its variants
# generated) and warm (the glossary from loctool's cache, as on every run
# after the first with the same glossary).
#
# Environment: ARTICLES=2000, CONCEPTS=10000, REPEAT=3 (the fastest
# counts), WORKDIR=DIR (default: a new folder in $TMPDIR), KEEP=1.
# Needs Go, GNU grep and bc.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
ARTICLES=${ARTICLES:-2000}
CONCEPTS=${CONCEPTS:-10000}
REPEAT=${REPEAT:-3}

work=$(mktemp -d "${WORKDIR:-${TMPDIR:-/tmp}}/loctool-check-bench.XXXXXX")
if [ -z "${KEEP:-}" ]; then
	trap 'rm -rf "$work"' EXIT
fi

echo "building loctool and the corpus generator"
go build -o "$work/loctool" ./cmd/loctool
(cd bench && go build -o "$work/corpus" ./corpus)
"$work/corpus" gen -n "$ARTICLES" -repo "$repo" "$work/project" >/dev/null
"$work/corpus" glossary -n "$CONCEPTS" "$work/project/people.yaml" "$work/variants.txt"

best() { # best wall time in seconds of REPEAT runs of a command
	local best=""
	for _ in $(seq "$REPEAT"); do
		local s e t
		s=$(date +%s.%N)
		"$@" >/dev/null || true
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
	done
	printf '%.3f' "$best"
}

cd "$work/project"
export LOCTOOL_CACHE="$work/cache"
"$work/loctool" check --glossary people.yaml --fail-on never >/dev/null # fills the cache
grep_s=$(best grep -r -c -w -F -f "$work/variants.txt" articles)
warm_s=$(best "$work/loctool" check --glossary people.yaml --fail-on never)
cold_s=$(LOCTOOL_CACHE=off best "$work/loctool" check --glossary people.yaml --fail-on never)
echo
printf 'grep -r -c -w -F (%s spellings)    %8s s\n' "$(wc -l <"$work/variants.txt")" "$grep_s"
printf 'loctool check (%s concepts), warm  %8s s  %5.1fx grep\n' "$CONCEPTS" "$warm_s" "$(echo "$warm_s / $grep_s" | bc -l)"
printf 'loctool check (%s concepts), cold  %8s s  %5.1fx grep\n' "$CONCEPTS" "$cold_s" "$(echo "$cold_s / $grep_s" | bc -l)"
