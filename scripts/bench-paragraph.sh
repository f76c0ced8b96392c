#!/usr/bin/env bash
# Times loctool on an article that is one long paragraph: extract (fresh,
# then again over its own handoff files), merge of a pseudo-translation,
# status and check, in XLIFF 1.2 and 2.1, for paragraphs of 1, 2 and 10
# MB by default. The paragraph is plain text, sentences of about 50
# bytes, or Markdown, sentences of about 90 bytes with bold, italic, a
# link and a line break each, so that every sentence has codes. Each
# line gives the wall time and the peak memory (RSS) of one step.
#
# Environment:
#   SIZES="1 2 10"        paragraph sizes in MB
#   FORMATS="xliff-1.2 xliff-2.1"
#   KINDS="txt md"        the articles: plain text, Markdown
#   STEPS="extract extract-again merge status check"
#   TIMEOUT=300           seconds a step may take before it is stopped
#   WORKDIR=DIR           where the projects are made (default: $TMPDIR)
#   KEEP=1                keep the projects
#   LOCTOOL=PATH          a loctool binary to time instead of one built here,
#                         such as an earlier version's
#
# Needs Go and GNU time (/usr/bin/time, Debian package "time").
#
# Measured on 2 shared cores (load average 2 to 9, so single figures
# vary by 2x), STEPS="extract merge", wall time and peak RSS; "before"
# is the version before text runs were joined at once, codes looked up
# by index in the Markdown and HTML writers, and repeated XLIFF 1.2 code
# IDs named by a counter; ">60 s" was stopped:
#
#   paragraph       format     extract before   after          merge before   after
#   1 MB text       1.2        4.5 s 130 MB     1.1 s  89 MB   10.2 s 130 MB  1.8 s 123 MB
#   1 MB text       2.1        0.4 s  85 MB     1.3 s  80 MB    9.3 s 130 MB  2.2 s 122 MB
#   1 MB Markdown   1.2        1.0 s 130 MB     1.4 s 130 MB   38.1 s 176 MB  8.9 s 189 MB
#   1 MB Markdown   2.1        0.9 s 130 MB     1.6 s 129 MB   34.9 s 168 MB  8.7 s 165 MB
#   2 MB text       1.2       45.0 s 137 MB     0.9 s 127 MB   >60 s          1.5 s 129 MB
#   2 MB text       2.1        0.6 s 108 MB     0.7 s 128 MB   >60 s          1.4 s 129 MB
#   2 MB Markdown   1.2        4.6 s 175 MB     7.8 s 176 MB   >60 s         36.0 s 357 MB
#   2 MB Markdown   2.1        2.3 s 149 MB     6.7 s 148 MB   >60 s         31.9 s 286 MB
#   10 MB text      1.2       >60 s            20.6 s 183 MB   -             26.1 s 377 MB
#   10 MB text      2.1        -                7.4 s 183 MB   -             18.0 s 481 MB
#   10 MB Markdown  1.2        -              125.8 s 747 MB   -            266.0 s 1607 MB
#   10 MB Markdown  2.1        -               34.0 s 602 MB   -             50.6 s 1395 MB
#
# The Markdown rows still grow faster than the paragraph: no function
# stands out in a profile, half the time is the garbage collector's, on
# a heap of a code object and a map of its markup per code.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZES=${SIZES:-1 2 10}
FORMATS=${FORMATS:-xliff-1.2 xliff-2.1}
STEPS=${STEPS:-extract extract-again merge status check}
KINDS=${KINDS:-txt md}
TIMEOUT=${TIMEOUT:-300}

if [ ! -x /usr/bin/time ]; then
	echo "bench-paragraph: needs GNU time at /usr/bin/time (Debian package \"time\")" >&2
	exit 1
fi
work=$(mktemp -d "${WORKDIR:-${TMPDIR:-/tmp}}/loctool-paragraph.XXXXXX")
if [ -z "${KEEP:-}" ]; then
	trap 'rm -rf "$work"' EXIT
else
	echo "keeping $work"
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${LOCTOOL:-}" ]; then
	cp "$LOCTOOL" "$work/loctool"
else
	go build -o "$work/loctool" ./cmd/loctool
fi
(cd bench && go build -o "$work/corpus" ./corpus)

# paragraph KIND MB writes one paragraph of about MB megabytes.
paragraph() {
	awk -v kind="$1" -v n="$(($2 * 1000000))" 'BEGIN {
		if (kind == "md") printf "# A long paragraph\n\n"
		for (i = 1; size < n; i++) {
			if (kind == "md") s = sprintf("Sentence %d has **bold** and _italic_ words, a [link](https://iwpr.net/%d) and a break  \nhere. ", i, i)
			else s = sprintf("Sentence %d has plain words in it, and a comma. ", i)
			printf "%s", s
			size += length(s)
		}
		printf "\n"
	}'
}

# step NAME DIR COMMAND... runs COMMAND in DIR under GNU time and prints
# its wall time and peak RSS; a step that fails or runs out of time says
# so, and its output is kept in DIR/NAME.log.
step() {
	local name=$1 dir=$2
	shift 2
	local start end rc=0
	start=$EPOCHREALTIME
	(cd "$dir" && /usr/bin/time -f '%M' -o "$dir/$name.time" timeout "$TIMEOUT" "$@" >"$dir/$name.log" 2>&1) || rc=$?
	end=$EPOCHREALTIME
	local wall rss
	wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
	rss=$(awk 'END { printf "%.0f", $1 / 1024 }' "$dir/$name.time")
	case $rc in
	0) printf '  %-14s %8s s %6s MB\n' "$name" "$wall" "$rss" ;;
	124) printf '  %-14s  > %s s (stopped)\n' "$name" "$TIMEOUT" ;;
	1) if [ "$name" = check ]; then # findings: the pseudo-translation mixes scripts
		printf '  %-14s %8s s %6s MB  (findings)\n' "$name" "$wall" "$rss"
	else
		printf '  %-14s %8s s %6s MB  exit 1: %s\n' "$name" "$wall" "$rss" "$(head -1 "$dir/$name.log" | cut -c1-160)"
	fi ;;
	*) printf '  %-14s %8s s %6s MB  exit %s: %s\n' "$name" "$wall" "$rss" "$rc" "$(head -1 "$dir/$name.log" | cut -c1-160)" ;;
	esac
}

for mb in $SIZES; do
	for kind in $KINDS; do
		for format in $FORMATS; do
			proj=$work/$kind-$format-$mb
			mkdir -p "$proj/articles"
			paragraph "$kind" "$mb" >"$proj/articles/long.$kind"
			printf 'source: en\ntargets: [ru]\narticles: [articles/*.%s]\nlocales: locales\noutput: build\nformat: %s\nlimits:\n  max-size: 1GB\n' "$kind" "$format" >"$proj/config.yaml"
			echo "== $format, one paragraph of $mb MB of $kind ($(grep -o 'Sentence' "$proj/articles/long.$kind" | wc -l) sentences)"
			for s in $STEPS; do
				case $s in
				extract) step extract "$proj" "$work/loctool" extract ;;
				extract-again) step extract-again "$proj" "$work/loctool" extract ;;
				merge)
					"$work/corpus" translate "$proj/locales" >/dev/null
					step merge "$proj" "$work/loctool" merge
					;;
				status) step status "$proj" "$work/loctool" status ;;
				check) step check "$proj" "$work/loctool" check ;;
				esac
			done
			rm -rf "$proj"
		done
	done
done
