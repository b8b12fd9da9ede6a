#!/bin/sh
# run_fuzz.sh REPLAY — the fuzz regression corpus: every file of
# fuzz/regress/ (crashers the fuzzers found, minimized, once fixed) through
# every fuzz target, and the compile-error cases through the front-end
# targets, with fuzz_replay (fuzz/replay.c: the libFuzzer entries built
# with the normal compiler). A case passes when the entry returns (no
# signal, no sanitizer report, no exit) within 60 s.
#
# Usage: tests/run_fuzz.sh FUZZ_REPLAY
# Ends with exactly `N passed, N failed`; exits 1 when anything failed.
replay=$1
root=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# one TARGET FILE...: replays the files; each must print `ok FILE`.
one() {
    target=$1
    shift
    timeout -k 10 60 "$replay" "$target" "$@" > "$out" 2>&1
    st=$?
    for f in "$@"; do
        if grep -qxF "ok $f" "$out"; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "FAIL fuzz $target $f (status $st)"
            tail -n 5 "$out" | sed 's/^/    /'
            return
        fi
    done
}

regress=$(ls "$root"/fuzz/regress/*.csp 2>/dev/null)
for t in parse check compile run; do
    # shellcheck disable=SC2086
    [ -n "$regress" ] && one $t $regress
done
for t in parse check compile; do
    one $t "$root"/tests/errors/*.csp
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
