#!/bin/sh
# loaded.sh RUNS CSP UNIT_TESTS — `make test-loaded`: runs the whole of
# `make test` (tests/run.sh) RUNS times in a row on a machine made busy on
# purpose, as CI's loaded 2-core machine is: two CPU hogs (shell busy loops,
# so nothing needs installing) spin the whole time, and a second run.sh runs
# beside each run. A timing assertion that a stalled machine can break shows
# up here. Prints each run's closing line and ends with
# `N runs, N failed`; exits 1 when any run (either of the pair) failed.
[ $# -ge 3 ] || { echo "usage: $0 RUNS CSP UNIT_TESTS" >&2; exit 2; }
runs=$1
csp=$2
unit=$3
dir=$(dirname "$0")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_loaded.XXXXXX") || exit 2
hogs=""
cleanup() {
    for p in $hogs; do kill "$p" 2> /dev/null; done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 2' INT TERM
for _ in 1 2; do
    sh -c 'while :; do :; done' &
    hogs="$hogs $!"
done

failed=0
total=0
i=1
while [ "$i" -le "$runs" ]; do
    sh "$dir/run.sh" "$csp" "$unit" > "$TMP/beside.log" 2>&1 &
    beside=$!
    sh "$dir/run.sh" "$csp" "$unit" > "$TMP/main.log" 2>&1
    st_main=$?
    wait "$beside"
    st_beside=$?
    for which in main beside; do
        total=$((total + 1))
        eval st=\$st_$which
        echo "run $i ($which): $(tail -n 1 "$TMP/$which.log")"
        if [ "$st" != 0 ]; then
            failed=$((failed + 1))
            grep -E '^FAIL|^  ' "$TMP/$which.log" | head -n 40
            cp "$TMP/$which.log" "${TMPDIR:-/tmp}/csp_loaded_fail_${i}_$which.log"
        fi
    done
    i=$((i + 1))
done
echo "$total runs, $failed failed"
[ "$failed" = 0 ]
