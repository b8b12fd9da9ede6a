#!/bin/sh
# run.sh [release|tsan|asan] [quick] — stress tests of the runtime.
#
# 1. C-level scheduler/channel stress programs (stress_*.c, built by
#    `make stress` into build/VARIANT/stress/ with the whole runtime, as the
#    unit tests are) at -procs 1, 2 and 8.
# 2. csp stress scripts (*.csp here) run by the interpreter of the variant
#    (bin/csp, or build/VARIANT/csp; override with $CSP) at -procs 1, 2, 8:
#    chan_mix (thousands of goroutines, a million random sends, receives,
#    selects and closes, every message accounted for), preempt (`for {}`
#    goroutines never starve the others), park (1,000,000 parked goroutines
#    under 1 KiB each).
# `quick` skips the C programs and runs the scripts at a reduced size (what
# `make test` runs). Prints one closing line `N passed, N failed`; exits
# non-zero on any failure.
set -u
variant=${1:-release}
quick=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build/$variant/stress
scale=1
limit=1024 # bytes per parked goroutine (sanitizers add their own)
case $variant in
tsan) scale=10; limit=0 ;;
asan) scale=4; limit=0 ;;
esac
if [ "$variant" = release ]; then csp=${CSP:-$root/bin/csp}; else csp=${CSP:-$root/build/$variant/csp}; fi
passed=0
failed=0

# check NAME CMD... — runs one case with a time limit.
check() {
    name=$1
    shift
    if ASAN_OPTIONS=detect_leaks=0 timeout -k 10 300 "$@"; then
        passed=$((passed + 1))
    else
        echo "FAIL: $name"
        failed=$((failed + 1))
    fi
}

if [ -z "$quick" ]; then
    for prog in stress_chan stress_park; do
        if [ ! -x "$out/$prog" ]; then
            echo "FAIL: $out/$prog not built (make stress BUILD=$variant)"
            failed=$((failed + 1))
        fi
    done
    for procs in 1 2 8; do
        check "chan procs=$procs" "$out/stress_chan" $procs 1000 1000 $((2000 / scale))
        check "chan small procs=$procs" "$out/stress_chan" $procs 4 3 $((50000 / scale))
        check "park procs=$procs" "$out/stress_park" $procs $((200000 / scale))
    done
fi

s=$root/tests/stress
if [ -x "$csp" ]; then
    for procs in 1 2 8; do
        # sync and timers: self-checking scripts, each well under a second
        for t in mutex rwmutex waitgroup cond once timers; do
            check "csp $t procs=$procs" "$csp" -procs $procs "$s/stress_$t.csp"
        done
        # a SIGQUIT dump of a busy program (the dump stops the world)
        check "csp dump procs=$procs" sh "$s/dump.sh" "$csp" $procs
        if [ -n "$quick" ]; then
            check "csp chan_mix procs=$procs" "$csp" -procs $procs "$s/chan_mix.csp" 200 100 24
            check "csp preempt procs=$procs" "$csp" -procs $procs "$s/preempt.csp" 2 50 10
        else
            check "csp chan_mix procs=$procs" "$csp" -procs $procs "$s/chan_mix.csp" $((2000 / scale)) 500 64
            check "csp chan_mix small procs=$procs" "$csp" -procs $procs "$s/chan_mix.csp" 8 $((20000 / scale)) 8
            check "csp preempt procs=$procs" "$csp" -procs $procs "$s/preempt.csp" 8 1000 $((100 / scale))
        fi
    done
    # (TSan: 100,000 goroutines, collected at its safe points (runtime/
    # gc.c), about 500 MB with the shadow memory: not in the quick run.)
    if [ -n "$quick" ]; then
        [ "$variant" = tsan ] || check "csp park 100000" "$csp" "$s/park.csp" 100000 $limit
    else
        check "csp park $((1000000 / scale))" "$csp" "$s/park.csp" $((1000000 / scale)) $limit
    fi
else
    echo "FAIL: no interpreter at $csp (build it first)"
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
