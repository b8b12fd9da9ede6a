#!/bin/sh
# run_scripts.sh — golden-output runner for csp scripts.
#
# Usage: tests/run_scripts.sh CSP_BINARY [PATTERN]
#
# Runs every tests/scripts/*.csp, plus every examples/*.csp and
# examples/seeds/*.csp that has a golden .out (except the names listed, one
# per line, in examples/seeds/PENDING: seeds waiting for a library), as
# `timeout $CSP_TEST_TIMEOUT CSP_BINARY [FLAGS] FILE [ARGS]` (default 60 s:
# a loaded CI machine runs a second-long program ten times slower) and
# compares:
#   NAME.out   stdout, byte for byte (required)
#   NAME.rc    exit status (default 0)
#   NAME.err   first line of stderr (only checked when the file exists)
#   NAME.args  optional: command-line arguments, one line, split on blanks
#   NAME.flags optional: interpreter flags (e.g. `-procs 1`), one run per
#              line (a test with two lines runs twice); lines starting
#              with `#` are comments (say why the program has its own list)
# A program without NAME.flags runs once per value of $CSP_TEST_PROCS
# (default `1 2 8`) as `-procs N`: its golden must come out with one P, two
# and more Ps than the machine has CPUs (Go's output does not depend on
# GOMAXPROCS for any of them; a program whose output does, in Go too, gets
# a NAME.flags naming the setting its golden is for). CSP_TEST_PROCS= (empty)
# runs each program once with the default number of Ps.
#   NAME.in    optional: fed to stdin (default /dev/null)
# CSP_TEST_SKIP: names (blank-separated) not run, for a build that cannot
# run them (the caller says why).
# The goldens come from the real Go toolchain (see tests/scripts/README.md).
# PATTERN, when given, is a shell glob matched against NAME (e.g. 'map*').
# Prints a diff excerpt for each failure and ends with exactly
# `N passed, N failed`; exits 1 when anything failed.
#
# Plain POSIX sh + coreutils + diff, so it runs on a fresh Debian.

. "$(dirname "$0")/lib.sh"
runner_setup scripts "" "$@"

# report NAME REASON: prints a failure header.
report() {
    echo "FAIL $1: $2"
}

# run_one FILE FLAGS ID: runs one golden test; prints failures and leaves
# $TMP/ID.pass when it passed. Runs as a background job (see below), so it
# only writes files of its own ID.
run_one() {
    f=$1
    flags=$2
    id=$3
    out=$TMP/$id.out
    err=$TMP/$id.err
    base=${f%.csp}
    name=$(basename "$base")
    [ -n "$flags" ] && name="$name [$flags]"
    ok=1
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    input=/dev/null
    [ -f "$base.in" ] && input=$base.in
    want_rc=0
    [ -f "$base.rc" ] && want_rc=$(tr -d ' \n' < "$base.rc")
    # shellcheck disable=SC2086  # args are split on blanks on purpose
    timeout -k 10 "$LIMIT" "$CSP" $flags "$f" $args < "$input" > "$out" 2> "$err"
    rc=$?
    if ! cmp -s "$out" "$base.out"; then
        report "$name" "stdout differs (- expected, + got)"
        diff -u "$base.out" "$out" | sed -n '3,22p'
        ok=0
    fi
    if [ "$rc" != "$want_rc" ]; then
        if [ "$rc" = 124 ]; then
            report "$name" "timed out after ${LIMIT}s"
        else
            report "$name" "exit status $rc, expected $want_rc"
        fi
        ok=0
    fi
    if [ -f "$base.err" ]; then
        want_err=$(head -n 1 "$base.err")
        got_err=$(head -n 1 "$err")
        if [ "$want_err" != "$got_err" ]; then
            report "$name" "stderr first line differs"
            echo "  expected: $want_err"
            echo "  got:      $got_err"
            ok=0
        fi
    fi
    if [ $ok = 1 ]; then
        : > "$TMP/$id.pass"
    else
        [ -s "$err" ] && [ ! -f "$base.err" ] && {
            echo "  stderr:"; head -n 5 "$err" | sed 's/^/    /'; }
    fi
}

# Tests run as background jobs (lib.sh), at most $CSP_TEST_JOBS at a time
# (default 4): many seed examples are ordered by sleeps of a second or more
# and would otherwise add up.
jobs_init "${CSP_TEST_JOBS:-4}"

# start FILE FLAGS: runs one test when a slot is free.
start() {
    job run_one "$1" "$2"
}

# The programs run in passes, one per -procs value (a program with its own
# .flags runs in the first), so that the runs of one heavy program
# (stack_overflow's 1 GB stack) are spread out rather than side by side.
PROCS=${CSP_TEST_PROCS-1 2 8}
LIMIT=${CSP_TEST_TIMEOUT:-60}
PENDING=$ROOT/examples/seeds/PENDING
pass1=1
for p in ${PROCS:-default}; do
    for f in "$ROOT"/tests/scripts/*.csp "$ROOT"/examples/*.csp \
             "$ROOT"/examples/seeds/*.csp; do
        [ -f "$f" ] || continue
        [ -f "${f%.csp}.out" ] || continue  # no golden: library or property test
        name=$(basename "${f%.csp}")
        [ -f "$PENDING" ] && grep -qx "$name" "$PENDING" && continue
        case " $CSP_TEST_SKIP " in *" $name "*) continue ;; esac
        # shellcheck disable=SC2254  # PATTERN is a glob on purpose
        case $name in
            $PATTERN) ;;
            *) continue ;;
        esac
        if [ -f "${f%.csp}.flags" ]; then
            [ $pass1 = 1 ] || continue
            while IFS= read -r fl || [ -n "$fl" ]; do
                case $fl in '#'*) continue ;; esac
                start "$f" "$fl"
            done < "${f%.csp}.flags"
        elif [ -n "$PROCS" ]; then
            start "$f" "-procs $p"
        else
            start "$f" ""
        fi
    done
    pass1=0
done
jobs_report
