#!/usr/bin/env bash
# Measures how loctool scales with the size of a project: the wall time
# and peak memory (RSS) of extract, merge, status and check on generated
# corpora of news articles (see bench/corpus) of 2,000, 20,000 and
# 100,000 articles of about 8 KB, first with nothing translated, then
# with every sentence translated:
#
#   extract          loctool extract, fresh (no handoff files yet)
#   merge            loctool merge --missing=source, nothing translated
#   status, check    nothing translated
#   status-cy, check-cy, merge-cy
#                    every sentence translated (corpus translate -style
#                    cyrillic): words in Cyrillic throughout, names
#                    spelled by ear, so check finds term.target on some
#   status-la, check-la, merge-la
#                    every sentence translated in look-alike letters
#                    (corpus translate -style lookalike), which leave
#                    most words in two alphabets: a finding on most
#                    sentences, millions of them (and as many lines of
#                    check's output, which goes to the disk)
#
# check exits 1 when it finds errors, which counts as done here. Wall
# times depend on the machine and what else it runs, and on the file
# system the corpus is written to: WORKDIR chooses it. The largest corpus
# takes about 800 MB of disk for the articles and as much again for the
# handoff files and outputs.
#
# Environment:
#   SIZES="2000 20000 100000"   the corpus sizes, in articles
#   TARGETS=ru                  target languages of the corpus
#   STYLES="cyrillic lookalike" the pseudo-translations measured, in order
#   WORKDIR=DIR                 where the corpora are made (default: $TMPDIR)
#   KEEP=1                      keep the corpora
#
# Needs Go and GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
SIZES=${SIZES:-2000 20000 100000}
TARGETS=${TARGETS:-ru}
STYLES=${STYLES:-cyrillic lookalike}

if [ ! -x /usr/bin/time ]; then
	echo "bench-scale: needs GNU time at /usr/bin/time (Debian package \"time\")" >&2
	exit 1
fi
work=$(mktemp -d "${WORKDIR:-${TMPDIR:-/tmp}}/loctool-scale.XXXXXX")
if [ -z "${KEEP:-}" ]; then
	trap 'rm -rf "$work"' EXIT
fi

echo "building loctool and the corpus generator"
go build -o "$work/bin/loctool" ./cmd/loctool
(cd bench && go build -o "$work/bin/corpus" ./corpus)
loctool=$work/bin/loctool
corpus=$work/bin/corpus

# measure NAME DIR OKCODES COMMAND... runs COMMAND in DIR under GNU time,
# taking its exit status as success when it is one of OKCODES ("0",
# "0 1"), and prints its wall time and peak RSS.
measure() {
	local name=$1 dir=$2 ok=$3
	shift 3
	local start end status=0
	start=$EPOCHREALTIME
	(cd "$dir" && /usr/bin/time -f '%M' -o "$work/time" "$@" >"$work/log" 2>&1) || status=$?
	end=$EPOCHREALTIME
	if [[ " $ok " != *" $status "* ]]; then
		echo "bench-scale: $name exited $status:" >&2
		tail -20 "$work/log" >&2
		exit 1
	fi
	local wall rss
	wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
	rss=$(awk '/^[0-9]+$/ { kb = $1 } END { printf "%.0f", kb / 1024 }' "$work/time")
	printf '%8s  %-10s %9s s %7s MB\n' "$articles" "$name" "$wall" "$rss"
}

printf '%8s  %-10s %11s %10s\n' articles step wall "peak RSS"
for articles in $SIZES; do
	proj=$work/p$articles
	"$corpus" gen -n "$articles" -targets "$TARGETS" -repo "$repo" "$proj" >/dev/null
	measure extract "$proj" 0 "$loctool" extract
	measure merge "$proj" 0 "$loctool" merge --missing=source
	measure status "$proj" 0 "$loctool" status
	measure check "$proj" "0 1" "$loctool" check
	for style in $STYLES; do
		"$corpus" translate -style "$style" "$proj/locales" >/dev/null
		case $style in
		lookalike) s=la ;;
		*) s=${style:0:2} ;;
		esac
		measure "status-$s" "$proj" 0 "$loctool" status
		measure "check-$s" "$proj" "0 1" "$loctool" check
		measure "merge-$s" "$proj" 0 "$loctool" merge
	done
	rm -rf "$proj"
done
