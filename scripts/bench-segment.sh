#!/usr/bin/env bash
# Measures loctool's sentence segmentation: the Go benchmarks of ./segment,
# then segcompare (bench/segcompare), which compares accuracy on the
# hand-checked cases and speed with real-world SRX rules and
# github.com/neurosnap/sentences. Needs Go and the module proxy; the SRX
# rows need the reference folder ../shared beside the repository.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Timings depend on what else the machine runs: say so in the output.
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo

echo "== go test -bench BenchmarkSegment ./segment (20 iterations, 5 times)"
go test -run '^$' -bench 'BenchmarkSegment' -benchtime 20x -count 5 ./segment >"$tmp/bench.txt"
grep -E '^(cpu:|Benchmark.*MB/s)' "$tmp/bench.txt"
echo
# The same throughputs summarised by benchstat, when it can be fetched. It
# is given the MB/s alone, and prints them in B/s with binary prefixes
# (Mi = 2^20), unlike go test and segcompare, whose MB/s are 10^6 bytes/s.
awk '/^Benchmark/ { for (i = 3; i < NF; i++) if ($(i + 1) == "MB/s") { print $1, $2, $i, "MB/s"; next } } !/^Benchmark/' \
	"$tmp/bench.txt" >"$tmp/segment"
if (cd "$tmp" && go run golang.org/x/perf/cmd/benchstat@latest segment) >"$tmp/benchstat.txt" 2>/dev/null; then
	echo "benchstat:"
	cat "$tmp/benchstat.txt"
else
	echo "(benchstat is not available: the lines above are the results)"
fi
echo

echo "== segcompare: accuracy and speed against other segmenters"
(cd bench && go run ./segcompare) | tee "$tmp/compare.txt"
echo

# The corpus MB/s is the last column of the table.
awk '$1 == "loctool-builtin" { a = $NF } $1 == "neurosnap-sentences" { b = $NF }
	END {
		if (a > 0 && b > 0) printf "corpus speed: loctool built-in rules %.2f MB/s / neurosnap-sentences %.2f MB/s = %.2fx\n", a, b, a / b
		else { print "corpus speed ratio: a row is missing from the segcompare table" > "/dev/stderr"; exit 1 }
	}' "$tmp/compare.txt"
