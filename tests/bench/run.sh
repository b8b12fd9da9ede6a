#!/bin/sh
# run.sh — interpretation benchmarks for `make bench`.
#
# Usage: tests/bench/run.sh CSP_BINARY [RUNS]
#
# Every NAME.csp here has a NAME.lua and NAME.py doing the identical work and
# printing the identical result. Each implementation runs RUNS times (default
# 3) and the median wall time is reported: csp, Lua 5.4, CPython 3, and Go
# (the .csp copied to a scratch dir as main.go and built once outside the
# timing; reported for reference, never required). A reference that is not
# installed is shown as "-". Outputs are compared with csp's; a mismatch is
# flagged with "!" after the time. This is a measurement, not a test: it
# exits 0 unless csp itself fails to run a benchmark.
#
# Ratios: csp/lua > 1 means csp is slower than Lua; python/csp > 1 means csp
# is faster than CPython.

[ $# -ge 1 ] || { echo "usage: $0 CSP_BINARY [RUNS]" >&2; exit 2; }
CSP=$1
RUNS=${2:-3}
case $CSP in /*) ;; *) CSP=$(pwd)/$CSP ;; esac
DIR=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_bench.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM

LUA=$(command -v lua5.4 || command -v lua54 || true)
PY=$(command -v python3 || true)
GO=$(command -v go || true)

# timed_median OUTFILE CMD...: runs CMD $RUNS times, stdout to OUTFILE;
# prints the median wall time in seconds, or "fail" when CMD failed.
timed_median() {
    out=$1
    shift
    : > "$TMP/times"
    i=0
    while [ $i -lt "$RUNS" ]; do
        t0=$(date +%s.%N)
        if ! "$@" > "$out" 2> "$TMP/stderr"; then
            echo fail
            return
        fi
        t1=$(date +%s.%N)
        echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }' >> "$TMP/times"
        i=$((i + 1))
    done
    sort -n "$TMP/times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# ratio A B: prints A/B with two decimals, or "-" when either is not a number.
ratio() {
    echo "$1 $2" | awk '$1 + 0 > 0 && $2 + 0 > 0 { printf "%.2f", $1 / $2; exit }
                        { printf "-" }'
}

# mark TIME OUTFILE: TIME, plus "!" when OUTFILE differs from csp's output.
mark() {
    if [ "$1" = - ] || [ "$1" = fail ] || cmp -s "$2" "$TMP/csp.out"; then
        printf '%s' "$1"
    else
        printf '%s!' "$1"
    fi
}

status=0
printf '%-10s %9s %9s %9s %9s %9s %11s\n' benchmark "csp s" "lua s" \
    "python s" "go s" "csp/lua" "python/csp"
for src in "$DIR"/*.csp; do
    name=$(basename "${src%.csp}")
    tc=$(timed_median "$TMP/csp.out" "$CSP" "$src")
    [ "$tc" = fail ] && status=1
    tl=- tp=- tg=-
    if [ -n "$LUA" ] && [ -f "$DIR/$name.lua" ]; then
        tl=$(timed_median "$TMP/lua.out" "$LUA" "$DIR/$name.lua")
    fi
    if [ -n "$PY" ] && [ -f "$DIR/$name.py" ]; then
        tp=$(timed_median "$TMP/py.out" "$PY" "$DIR/$name.py")
    fi
    if [ -n "$GO" ]; then
        mkdir -p "$TMP/go_$name"
        cp "$src" "$TMP/go_$name/main.go"
        if (cd "$TMP/go_$name" && GO111MODULE=off "$GO" build -o prog main.go) \
            > /dev/null 2>&1; then
            tg=$(timed_median "$TMP/go.out" "$TMP/go_$name/prog")
        fi
    fi
    printf '%-10s %9s %9s %9s %9s %9s %11s\n' "$name" "$tc" \
        "$(mark "$tl" "$TMP/lua.out")" "$(mark "$tp" "$TMP/py.out")" \
        "$(mark "$tg" "$TMP/go.out")" "$(ratio "$tc" "$tl")" "$(ratio "$tp" "$tc")"
done
exit $status
