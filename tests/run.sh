#!/bin/sh
# run.sh CSP UNIT_TESTS — runs every suite (Check unit tests, golden scripts,
# compile-error cases, seed properties, the REPL, hostile inputs, quick stress) and prints
# one closing line `N passed, N failed`.
# Exits non-zero if anything failed.
csp=$1
unit=$2
dir=$(dirname "$0")
passed=0
failed=0

# add LOG — adds the counts of the `N passed, N failed` line a runner printed.
add() {
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
    if [ -z "$line" ]; then
        failed=$((failed + 1))
        return
    fi
    p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
    passed=$((passed + p))
    failed=$((failed + f))
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== unit tests"
"$unit" >"$log" 2>&1
status=$?
cat "$log"
# Check prints "100%: Checks: N, Failures: F, Errors: E"
summary=$(grep -E '^[0-9]+%: Checks: ' "$log" | tail -n 1)
if [ -n "$summary" ]; then
    n=$(echo "$summary" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
    f=$(echo "$summary" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
    e=$(echo "$summary" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
    passed=$((passed + n - f - e))
    failed=$((failed + f + e))
else
    failed=$((failed + 1))
fi
[ $status -ne 0 ] && [ -z "$summary" ] && echo "unit tests died with status $status"

# leaks: the goroutine-leak detector (run_leaks.sh).
# SUITES may drop the timing-heavy ones (props: seed programs whose output
# is decided by sleeps; repl: pseudo-terminal sessions), as CI's sanitizer
# runs do. sim: -seed, fake time and csp explore (run_sim.sh).
# gotest: `csp test` against go test (run_gotest.sh).
suites=${SUITES:-scripts errors props repl hostile race sim ffi fuzz leaks gotest}
for suite in $suites; do
    echo "== $suite"
    case $suite in
    repl) sh "$dir/repl/run.sh" "$csp" >"$log" 2>&1 ;;
    fuzz) sh "$dir/run_fuzz.sh" "$(dirname "$unit")/fuzz_replay" >"$log" 2>&1 ;;
    *) sh "$dir/run_$suite.sh" "$csp" >"$log" 2>&1 ;;
    esac
    cat "$log"
    add "$log"
done

# The runtime stress scripts at a reduced size (`make stress` runs them all).
echo "== stress (quick)"
case $csp in
*asan*) variant=asan ;;
*tsan*) variant=tsan ;;
*) variant=release ;;
esac
CSP=$csp sh "$dir/stress/run.sh" $variant quick >"$log" 2>&1
cat "$log"
add "$log"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
