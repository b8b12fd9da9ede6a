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
#
# A second table compares the concurrency benchmarks of conc/ (issue 3, §7)
# with Go building the same file: csp/go > 1 means csp is slower. parked
# prints the memory per parked goroutine instead of a time; cpu8 runs at
# -procs 1 and 2 (and 4, 8, 16 where the machine has the CPUs; Go with
# GOMAXPROCS) and reports the speed-up over one P.
#
# The sync benchmarks of conc/ (issue 4; target: csp/go <= 3, aim 1.5):
# lockpair (10M uncontended Lock/Unlock pairs), mutex4 (a Mutex contended
# by 4 goroutines), rwread (4 readers x 1M RLock/RUnlock beside a rare
# writer), wg1m (a WaitGroup over 1M goroutines), timers (100k concurrent
# timers: AfterFunc that fire, NewTimer+Stop), ctxtree (cancelling a
# 10,000-node context tree, 20 rounds).
#
# A library table runs lib/*.csp (regexp) against Go building the same
# file: csp/go > 1 means csp is slower.
#
# A third table runs fib, loop, mapstr, pingpong and mutex again with -race
# (issue 13: at most 4x the time and 4x the peak memory of the same run
# without it; aim 2x): time and peak RSS (GNU time's %M, when installed)
# both ways, and the ratios.

# A third table, foreign calls (issue 11): ffi/abs.csp calls libc's abs()
# 10M times through //csp:extern and prints nanoseconds per call over the
# loop's own cost (target <= 150, aim ~50 as a cgo call); ffi/abs.py does
# the same through Python's ctypes, and ffi/cgo/abs.go through cgo where a
# C compiler lets Go build it. Each is the median of RUNS runs.

[ $# -ge 1 ] || { echo "usage: $0 CSP_BINARY [RUNS]" >&2; exit 2; }
CSP=$1
RUNS=${2:-3}
case $CSP in /*) ;; *) CSP=$(pwd)/$CSP ;; esac
DIR=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_bench.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM

LUA=$(command -v lua5.4 || command -v lua54 || true)
PY=$(command -v python3 || true)
# Go 1.26+ (go_find.sh: `go` on PATH or /usr/local/go/bin/go), else none.
. "$DIR/../go_find.sh"
go_find 2> /dev/null || GO=

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
        if go_build "$TMP/go_$name" prog > /dev/null 2>&1; then
            tg=$(timed_median "$TMP/go.out" "$TMP/go_$name/prog")
        fi
    fi
    printf '%-10s %9s %9s %9s %9s %9s %11s\n' "$name" "$tc" \
        "$(mark "$tl" "$TMP/lua.out")" "$(mark "$tp" "$TMP/py.out")" \
        "$(mark "$tg" "$TMP/go.out")" "$(ratio "$tc" "$tl")" "$(ratio "$tp" "$tc")"
done

# go_prog NAME SRC: builds SRC with Go into $TMP/go_NAME/prog; false if not.
go_prog() {
    [ -n "$GO" ] || return 1
    mkdir -p "$TMP/go_$1"
    cp "$2" "$TMP/go_$1/main.go"
    go_build "$TMP/go_$1" prog > /dev/null 2>&1
}

# csp_go_row NAME SRC GOPROG: one row of csp's median time on SRC beside
# Go's (GOPROG, when $hasgo is 1) and their ratio.
csp_go_row() {
    tc=$(timed_median "$TMP/csp.out" "$CSP" "$2")
    [ "$tc" = fail ] && status=1
    tg=-
    [ $hasgo = 1 ] && tg=$(timed_median "$TMP/go.out" "$3")
    printf '%-12s %9s %9s %9s\n' "$1" "$tc" "$(mark "$tg" "$TMP/go.out")" \
        "$(ratio "$tc" "$tg")"
}

echo
printf '%-12s %9s %9s %9s\n' concurrency "csp s" "go s" "csp/go"
for src in "$DIR"/conc/*.csp; do
    name=$(basename "${src%.csp}")
    hasgo=0
    go_prog "$name" "$src" && hasgo=1
    case $name in
    parked)
        "$CSP" "$src" > "$TMP/csp.out" 2>&1 || status=1
        tg=-
        [ $hasgo = 1 ] && tg=$("$TMP/go_$name/prog" 2>&1)
        printf '%-12s %s (csp), %s (go)\n' "$name" "$(cat "$TMP/csp.out")" "$tg"
        continue ;;
    cpu8)
        ncpu=$(nproc 2>/dev/null || echo 2)
        c1= g1=
        for p in 1 2 4 8 16; do
            [ $p -gt 2 ] && [ $p -gt "$ncpu" ] && break
            tc=$(timed_median "$TMP/csp.out" "$CSP" -procs $p "$src")
            tg=-
            [ $hasgo = 1 ] && tg=$(timed_median "$TMP/go.out" env GOMAXPROCS=$p "$TMP/go_$name/prog")
            [ $p = 1 ] && c1=$tc g1=$tg
            printf '%-12s %9s %9s %9s   speed-up over 1 P: csp %s, go %s\n' \
                "cpu8 -procs $p" "$tc" "$(mark "$tg" "$TMP/go.out")" \
                "$(ratio "$tc" "$tg")" "$(ratio "$c1" "$tc")" "$(ratio "$g1" "$tg")"
        done
        continue ;;
    esac
    csp_go_row "$name" "$src" "$TMP/go_$name/prog"
done

# Library benchmarks (lib/): a package whose work runs in C natives,
# against Go building the same file. regexp: FindAllString(`\w+`) over
# 1 MB of text, 10 times.
echo
printf '%-12s %9s %9s %9s\n' library "csp s" "go s" "csp/go"
for src in "$DIR"/lib/*.csp; do
    name=$(basename "${src%.csp}")
    hasgo=0
    go_prog "lib_$name" "$src" && hasgo=1
    csp_go_row "$name" "$src" "$TMP/go_lib_$name/prog"
done

# peak_kb CMD...: peak resident memory of one run in KiB, or "-".
peak_kb() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$TMP/rss" "$@" > /dev/null 2>&1
        tail -n 1 "$TMP/rss"
    else
        echo -
    fi
}

echo
printf '%-10s %9s %9s %7s %9s %9s %7s\n' "-race" "csp s" "race s" \
    "time x" "csp KiB" "race KiB" "mem x"
for src in "$DIR/fib.csp" "$DIR/loop.csp" "$DIR/mapstr.csp" \
           "$DIR/conc/pingpong.csp" "$DIR/conc/mutex.csp"; do
    name=$(basename "${src%.csp}")
    tc=$(timed_median "$TMP/csp.out" "$CSP" "$src")
    tr=$(timed_median "$TMP/race.out" "$CSP" -race "$src")
    [ "$tr" = fail ] && status=1
    mc=$(peak_kb "$CSP" "$src")
    mr=$(peak_kb "$CSP" -race "$src")
    printf '%-10s %9s %9s %7s %9s %9s %7s\n' "$name" "$tc" "$tr" \
        "$(ratio "$tr" "$tc")" "$mc" "$mr" "$(ratio "$mr" "$mc")"
done

# median_of CMD...: the median of $RUNS outputs (one number each) of CMD.
median_of() {
    : > "$TMP/vals"
    i=0
    while [ $i -lt "$RUNS" ]; do
        "$@" 2>/dev/null | tail -n 1 >> "$TMP/vals" || return 1
        i=$((i + 1))
    done
    sort -n "$TMP/vals" | awk '{ a[NR] = $1 } END { print (NR ? a[int((NR + 1) / 2)] : "-") }'
}

echo
printf '%-12s %14s %14s %14s\n' "foreign call" "csp ns/call" "ctypes ns/call" "cgo ns/call"
fc=$(median_of "$CSP" "$DIR/ffi/abs.csp")
case $fc in ''|*[!0-9.-]*) fc=fail status=1 ;; esac
fp=-
[ -n "$PY" ] && fp=$(median_of "$PY" "$DIR/ffi/abs.py")
fg=-
if [ -n "$GO" ]; then
    mkdir -p "$TMP/go_cgo"
    cp "$DIR/ffi/cgo/abs.go" "$TMP/go_cgo/main.go"
    if (cd "$TMP/go_cgo" && GO111MODULE=off CGO_ENABLED=1 "$GO" build -o prog main.go) \
        > /dev/null 2>&1; then
        fg=$(median_of "$TMP/go_cgo/prog")
    else
        fg="- (no cgo; published: ~50)"
    fi
fi
printf '%-12s %14s %14s %14s\n' "abs() x 10M" "$fc" "$fp" "$fg"
exit $status
