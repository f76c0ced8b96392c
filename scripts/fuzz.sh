#!/usr/bin/env bash
# Runs each of loctool's fuzz targets (go test -fuzz) for FUZZTIME
# (default 10s): first its seed corpus, the inputs in testdata/fuzz/<target>
# that once failed among them, then new inputs. A failure leaves the input
# that caused it in testdata/fuzz/<target>: fix the bug and commit the
# input, which becomes a regression case that go test runs every time.
#
# Usage: scripts/fuzz.sh [PATTERN]   (only the targets whose name matches)
# Environment: FUZZTIME=10s.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
FUZZTIME=${FUZZTIME:-10s}
pattern=${1:-.}

# Each target as "package-folder target", from the test files.
mapfile -t targets < <(grep -rE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . |
	grep -v '^./bench/' |
	sed -E 's#^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*#\1 \2#' | sort)

# fuzz runs one target, and prints what it says but its progress lines.
fuzz() {
	go test -run '^$' -fuzz "^${2}\$" -fuzztime "$FUZZTIME" "./$1" >"$out" 2>&1
	local status=$?
	grep -v '^fuzz: elapsed' "$out"
	return $status
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT
failed=()
ran=0
for t in "${targets[@]}"; do
	read -r dir name <<<"$t"
	[[ $name =~ $pattern ]] || continue
	ran=$((ran + 1))
	echo "--- $name ($dir, $FUZZTIME)"
	if fuzz "$dir" "$name"; then
		continue
	fi
	# Go's fuzzing engine can time out as it stops, on a loaded machine,
	# with no input at fault ("context deadline exceeded"): that is tried
	# once more.
	if grep -q 'context deadline exceeded' "$out" && ! grep -q 'Failing input written' "$out"; then
		echo "fuzz.sh: $name stopped without a failing input; once more"
		fuzz "$dir" "$name" && continue
	fi
	failed+=("$name")
done
if ((${#failed[@]} > 0)); then
	echo "fuzz.sh: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
	exit 1
fi
echo "fuzz.sh: $ran targets, $FUZZTIME each: no failure"
