#!/bin/sh
# run_ffi.sh — the foreign-call suite (tests/ffi): //csp:extern programs
# and the syscall hand-off. Go cannot run these files (they call C without
# cgo), so each expectation is written beside the program, checked by
# hand against the C library's documented behaviour.
#
# Usage: tests/run_ffi.sh CSP_BINARY [PATTERN]
#
# For each tests/ffi/NAME.csp, run from tests/ffi as
# `timeout 30 CSP [FLAGS] NAME.csp`, where
#   NAME.flags    csp flags (e.g. -procs 1)
#   NAME.env      VAR=VALUE words added to the environment
#   NAME.hold     stdin is a pipe that stays open, silent, for 2 s
#                 (otherwise /dev/null)
#   NAME.sigquit  the runner sends SIGQUIT (a goroutine dump) 0.3 s after
#                 the program's first output
# and compare:
#   NAME.out      stdout, exactly (empty when absent)
#   NAME.err      stderr, exactly, after every 0x... number became 0xX
#   NAME.errgrep  one ERE per line, each matching some stderr line
#   NAME.rc       the exit status (default 0)
# Runs one at a time: several tests measure that goroutines overlap.
. "$(dirname "$0")/lib.sh"
runner_setup ffi "" "$@"
dir=$ROOT/tests/ffi
cd "$dir" || exit 2
for src in $PATTERN.csp; do
    t=${src%.csp}
    [ -f "$src" ] || continue
    flags=$(cat "$t.flags" 2>/dev/null)
    envs=$(cat "$t.env" 2>/dev/null)
    out=$TMP/out err=$TMP/err
    if [ -f "$t.sigquit" ]; then
        : > "$out" # empty before the wait below (the job truncates it later)
        env $envs timeout -k 10 30 "$CSP" $flags "$src" </dev/null >"$out" 2>"$err" &
        pid=$!
        # once the program has printed (its signal thread is up; a loaded
        # sanitizer run may take many seconds to get there)
        while [ ! -s "$out" ] && kill -0 $pid 2>/dev/null; do sleep 0.1; done
        sleep 0.3
        # timeout(1) passes the signal on to csp
        kill -QUIT $pid 2>/dev/null
        wait $pid
        rc=$?
    elif [ -f "$t.hold" ]; then
        sleep 2 | env $envs timeout -k 10 30 "$CSP" $flags "$src" >"$out" 2>"$err"
        rc=$?
    else
        env $envs timeout -k 10 30 "$CSP" $flags "$src" </dev/null >"$out" 2>"$err"
        rc=$?
    fi
    want_rc=$(cat "$t.rc" 2>/dev/null || echo 0)
    why=""
    [ "$rc" = "$want_rc" ] || why="exit status $rc, want $want_rc"
    if [ -z "$why" ]; then
        if [ -f "$t.out" ]; then
            cmp -s "$out" "$t.out" || why="stdout differs"
        elif [ -s "$out" ]; then
            why="unexpected stdout"
        fi
    fi
    if [ -z "$why" ] && [ -f "$t.err" ]; then
        sed -E 's/0x[0-9a-f]+/0xX/g' "$err" > "$err.n"
        cmp -s "$err.n" "$t.err" || why="stderr differs"
    fi
    if [ -z "$why" ] && [ -f "$t.errgrep" ]; then
        while IFS= read -r re; do
            [ -z "$re" ] && continue
            grep -Eq -- "$re" "$err" || why="no stderr line matches $re"
        done < "$t.errgrep"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $t: $why"
        echo "--- stdout"; cat "$out"
        echo "--- stderr"; cat "$err"
    fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
