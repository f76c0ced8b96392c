#!/usr/bin/env bash
# Times loctool's workflow on a generated corpus of news articles (by
# default 2,000 articles, 16 MB, a tenth of them Markdown: see
# bench/corpus), and the same steps of the other tools that are installed,
# on the same articles:
#
#   extract  loctool extract, fresh (no handoff files yet), and again over
#            the handoff files of the first run
#            Translate Toolkit: txt2po + posegment + po2xliff
#            po4a: po4a-updatepo, one article at a time, as many at once
#            as there are cores (po4a does not split sentences)
#            OmegaT: console-createpseudotranslatetmx (its segments)
#   merge    loctool merge of handoff files with every sentence translated
#            Translate Toolkit: po2txt
#            po4a: po4a-translate, one article at a time, in parallel
#            OmegaT: console-translate with a TMX of every segment
#
# Beside them, the copy floor: what the disk takes to write the same
# files, the least extract and merge could take.
#
#   extract  cp -r of the handoff files extract wrote (the locales
#            folder), then sync -f of the copy's file system
#   merge    cat of every handoff file to /dev/null, cp -r of the
#            articles, then sync -f of the copy's file system
#
# loctool's own runs end with the same sync: it syncs the file system of
# the files it writes (syncfs(2)) before it renames them into place, so
# both are timed with the data on disk. The files are in the page cache
# for both, as the runs before have just read or written them.
#
# The other tools read every article as plain text (Markdown articles
# too, renamed .md.txt); their translations are pseudo-translations made
# beforehand, untimed (podebug, msgen, OmegaT's own TMX).
#
# It prints the wall time and peak memory (RSS) of each step, and how many
# times faster loctool is than each tool. It installs nothing: a tool that
# is missing is left out, and said so. Wall times depend on the machine and
# what else it runs, and on the file system the corpus is written to:
# WORKDIR chooses it.
#
# Environment:
#   ARTICLES=2000   articles in the corpus
#   REPEAT=3        runs of each loctool step; the fastest counts
#   PEERS=all       or "none", or a list of: tt po4a omegat
#   WORKDIR=DIR     where the corpus is made (default: a new folder in $TMPDIR)
#   KEEP=1          keep the corpus and outputs
#
# Needs Go and GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
ARTICLES=${ARTICLES:-2000}
REPEAT=${REPEAT:-3}
PEERS=${PEERS:-all}

if [ ! -x /usr/bin/time ]; then
	echo "bench-workflow: needs GNU time at /usr/bin/time (Debian package \"time\")" >&2
	exit 1
fi

if [ -n "${WORKDIR:-}" ]; then
	mkdir -p "$WORKDIR"
	work=$(mktemp -d "$WORKDIR/loctool-bench.XXXXXX")
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/loctool-bench.XXXXXX")
fi
case "$work" in *" "*)
	echo "bench-workflow: $work has a space, which OmegaT's launcher cannot take: set WORKDIR" >&2
	exit 1
	;;
esac
if [ -z "${KEEP:-}" ]; then
	trap 'rm -rf "$work"' EXIT
else
	echo "keeping $work"
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus folder: $work ($(df -T "$work" | awk 'NR == 2 { print $2 }') file system)"

echo "building loctool and the corpus generator"
go build -o "$work/bin/loctool" ./cmd/loctool
(cd bench && go build -o "$work/bin/corpus" ./corpus)
loctool=$work/bin/loctool
corpus=$work/bin/corpus

proj=$work/project
"$corpus" gen -n "$ARTICLES" -repo "$repo" "$proj"
corpus_mb=$(du -sb "$proj/articles" | awk '{ printf "%.1f", $1 / 1e6 }')

# results: one line per step: step, tool, wall seconds, peak RSS in MB.
results=$work/results
: >"$results"

# measure NAME DIR COMMAND... runs COMMAND in DIR under GNU time, and
# sets wall (seconds, to the microsecond), cpu (user and system seconds)
# and rss (MB).
measure() {
	local name=$1 dir=$2
	shift 2
	local start end
	start=$EPOCHREALTIME
	if ! (cd "$dir" && /usr/bin/time -f '%M %U %S' -o "$work/time.$name" "$@" >"$work/log.$name" 2>&1); then
		echo "bench-workflow: $name failed:" >&2
		tail -20 "$work/log.$name" >&2
		exit 1
	fi
	end=$EPOCHREALTIME
	wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
	rss=$(awk 'END { printf "%.0f", $1 / 1024 }' "$work/time.$name")
	cpu=$(awk 'END { printf "%.2f", $2 + $3 }' "$work/time.$name")
}

# record STEP TOOL WALL RSS CPU
record() {
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$results"
	printf '  %-14s %-26s %9.3f s wall %8.2f s CPU %6d MB\n' "$1" "$2" "$3" "$5" "$4"
}

# best STEP TOOL DIR PREPARE COMMAND... runs PREPARE then COMMAND (timed)
# REPEAT times, and records the fastest run and the highest peak.
best() {
	local step=$1 tool=$2 dir=$3 prepare=$4
	shift 4
	local bw="" bc="" br=0
	for _ in $(seq "$REPEAT"); do
		eval "$prepare"
		measure "$step" "$dir" "$@"
		if [ -z "$bw" ] || awk -v a="$wall" -v b="$bw" 'BEGIN { exit !(a < b) }'; then bw=$wall bc=$cpu; fi
		if [ "$rss" -gt "$br" ]; then br=$rss; fi
	done
	record "$step" "$tool" "$bw" "$br" "$bc"
}

echo
echo "== loctool, $ARTICLES articles, $corpus_mb MB (best of $REPEAT runs)"
best extract "loctool" "$proj" 'rm -rf "$proj/locales"' "$loctool" extract
cp -r "$proj/locales" "$work/locales.fresh"
best extract-again "loctool (files exist)" "$proj" : "$loctool" extract
if ! diff -r "$work/locales.fresh" "$proj/locales" >/dev/null; then
	echo "bench-workflow: extracting again changed the handoff files" >&2
	exit 1
fi
"$corpus" translate "$proj/locales" >/dev/null
best merge "loctool" "$proj" 'rm -rf "$proj/build"' "$loctool" merge
best merge-again "loctool (outputs exist)" "$proj" : "$loctool" merge
handoff_mb=$(du -sb "$proj/locales" | awk '{ printf "%.1f", $1 / 1e6 }')
echo "  (handoff files: $handoff_mb MB of XLIFF 1.2; merged articles in $proj/build)"

echo
echo "== the copy floor: the same files copied, and synced (best of $REPEAT runs)"
floor=$work/floor
best extract "copy floor" "$proj" 'rm -rf "$floor"' sh -c 'cp -r "$1" "$2" && sync -f "$2"' sh "$work/locales.fresh" "$floor"
best merge "copy floor" "$proj" 'rm -rf "$floor"' sh -c 'find locales -type f -name "*.xlf" -exec cat {} + >/dev/null && cp -r articles "$1" && sync -f "$1"' sh "$floor"
rm -rf "$floor"

# The other tools read a copy of the articles, every one a .txt file.
peers=$work/peers
mkdir -p "$peers"
cp -r "$proj/articles" "$peers/src"
find "$peers/src" -name '*.md' -exec sh -c 'for f; do mv "$f" "$f.txt"; done' sh {} +

wanted() {
	case " $PEERS " in
	*" all "*) return 0 ;;
	*" none "*) return 1 ;;
	*" $1 "*) return 0 ;;
	esac
	return 1
}
missing=()
cores=$(nproc)

if wanted tt; then
	if command -v txt2po >/dev/null && command -v posegment >/dev/null && command -v po2xliff >/dev/null && command -v po2txt >/dev/null; then
		echo
		echo "== Translate Toolkit $(txt2po --version 2>&1 | awk '{ print $NF }')"
		tt=$peers/tt
		mkdir -p "$tt"
		measure tt-txt2po "$tt" txt2po --progress=none -i "$peers/src" -o "$tt/po"
		w1=$wall r1=$rss c1=$cpu
		measure tt-posegment "$tt" posegment --progress=none -l ru -i "$tt/po" -o "$tt/seg"
		w2=$wall r2=$rss c2=$cpu
		measure tt-po2xliff "$tt" po2xliff --progress=none -i "$tt/seg" -o "$tt/xlf"
		w3=$wall r3=$rss c3=$cpu
		echo "  (txt2po $w1 s, posegment $w2 s, po2xliff $w3 s)"
		record extract "Translate Toolkit" "$(awk -v a="$w1" -v b="$w2" -v c="$w3" 'BEGIN { printf "%.3f", a + b + c }')" \
			"$(printf '%s\n' "$r1" "$r2" "$r3" | sort -n | tail -1)" "$(awk -v a="$c1" -v b="$c2" -v c="$c3" 'BEGIN { printf "%.2f", a + b + c }')"
		podebug --progress=none --rewrite=unicode -i "$tt/po" -o "$tt/trpo" >/dev/null 2>&1
		measure tt-po2txt "$tt" po2txt --progress=none -t "$peers/src" -i "$tt/trpo" -o "$tt/out"
		record merge "Translate Toolkit" "$wall" "$rss" "$cpu"
	else
		missing+=("Translate Toolkit (txt2po, posegment, po2xliff, po2txt)")
	fi
fi

if wanted po4a; then
	if command -v po4a-updatepo >/dev/null && command -v po4a-translate >/dev/null && command -v msgen >/dev/null; then
		echo
		echo "== po4a $(dpkg-query -W -f '${Version}' po4a 2>/dev/null || echo '?'), $cores articles at once"
		p4=$peers/po4a
		mkdir -p "$p4"
		(cd "$peers/src" && find . -name '*.txt' | sort) >"$p4/list"
		# One article at a time: po4a-one.sh extract|prepare|translate SRC PATH
		cat >"$p4/po4a-one.sh" <<'EOF'
#!/bin/sh
set -e
src=$2 f=$3
case $1 in
extract)
	mkdir -p "pot/$(dirname "$f")"
	po4a-updatepo -f text -M UTF-8 -m "$src/$f" -p "pot/$f.pot" ;;
prepare)
	mkdir -p "po/$(dirname "$f")"
	msgen -o "po/$f.po" "pot/$f.pot" ;;
translate)
	mkdir -p "out/$(dirname "$f")"
	po4a-translate -f text -M UTF-8 -L UTF-8 -k 0 -m "$src/$f" -p "po/$f.po" -l "out/$f" ;;
esac
EOF
		chmod +x "$p4/po4a-one.sh"
		measure po4a-updatepo "$p4" sh -c 'xargs -P "$1" -n 1 ./po4a-one.sh extract "$2" <list' sh "$cores" "$peers/src"
		record extract "po4a" "$wall" "$rss" "$cpu"
		(cd "$p4" && xargs -P "$cores" -n 1 ./po4a-one.sh prepare "$peers/src" <list >/dev/null 2>&1)
		measure po4a-translate "$p4" sh -c 'xargs -P "$1" -n 1 ./po4a-one.sh translate "$2" <list' sh "$cores" "$peers/src"
		record merge "po4a" "$wall" "$rss" "$cpu"
	else
		missing+=("po4a (po4a-updatepo, po4a-translate, gettext's msgen)")
	fi
fi

if wanted omegat; then
	if command -v omegat >/dev/null; then
		echo
		echo "== OmegaT $(dpkg-query -W -f '${Version}' omegat 2>/dev/null || echo '?'), sentence segmentation on"
		om=$peers/omegat
		mkdir -p "$om"/{target,tm/auto,glossary,dictionary,omegat}
		cp -r "$peers/src" "$om/source"
		cp "$repo/cmd/loctool/testdata/omegat/omegat.project" "$om/omegat.project"
		mkdir -p "$work/omegat-config"
		measure omegat-extract "$om" omegat "$om" --mode=console-createpseudotranslatetmx --config-dir="$work/omegat-config" \
			--pseudotranslatetmx="$om/equal.tmx" --pseudotranslatetype=equal
		if [ ! -s "$om/equal.tmx" ]; then
			echo "bench-workflow: OmegaT wrote no TMX; see $work/log.omegat-extract" >&2
			exit 1
		fi
		record extract "OmegaT" "$wall" "$rss" "$cpu"
		cp "$om/equal.tmx" "$om/tm/auto/"
		measure omegat-merge "$om" omegat "$om" --mode=console-translate --config-dir="$work/omegat-config"
		record merge "OmegaT" "$wall" "$rss" "$cpu"
		n=$(find "$om/target" -type f | wc -l)
		if [ "$n" -ne "$ARTICLES" ]; then
			echo "bench-workflow: OmegaT wrote $n articles, not $ARTICLES; see $work/log.omegat-merge" >&2
			exit 1
		fi
	else
		missing+=("OmegaT (omegat)")
	fi
fi

echo
echo "== summary: $ARTICLES articles, $corpus_mb MB, $cores cores"
awk -F'\t' -v cores="$cores" '
	{ step[NR] = $1; tool[NR] = $2; wall[NR] = $3; rss[NR] = $4; cpu[NR] = $5 }
	$2 == "loctool" { mine[$1] = $3; minecpu[$1] = $5 }
	$2 == "copy floor" { floor[$1] = $3 }
	END {
		printf "%-14s %-26s %9s %9s %8s %14s %14s\n", "step", "tool", "wall s", "CPU s", "peak MB", "faster (wall)", "faster (CPU)"
		for (i = 1; i <= NR; i++) {
			ratio = ""; cratio = ""
			if (tool[i] == "copy floor") {
				printf "%-14s %-26s %9.3f %9.2f %8d %14s\n", step[i], tool[i], wall[i], cpu[i], rss[i], "(the floor)"
				continue
			}
			if (tool[i] !~ /^loctool/ && mine[step[i]] > 0) ratio = sprintf("%.1fx", wall[i] / mine[step[i]])
			if (tool[i] !~ /^loctool/ && minecpu[step[i]] > 0) cratio = sprintf("%.1fx", cpu[i] / minecpu[step[i]])
			printf "%-14s %-26s %9.3f %9.2f %8d %14s %14s\n", step[i], tool[i], wall[i], cpu[i], rss[i], ratio, cratio
		}
		print ""
		print "\"faster\": how many times the tool'"'"'s time is loctool'"'"'s for the same step; CPU is user + system time on all cores."
		for (s in floor) if (mine[s] > 0 && floor[s] > 0)
			printf "loctool %s: %.2fx the copy floor (%.3f s against %.3f s; the aim is 1.5x at most)\n", s, mine[s] / floor[s], mine[s], floor[s]
	}' "$results"
if [ ${#missing[@]} -gt 0 ]; then
	echo
	echo "not installed, left out:"
	printf '  %s\n' "${missing[@]}"
fi
