#!/bin/sh
# run_scripts.sh — golden-output runner for csp scripts.
#
# Usage: tests/run_scripts.sh CSP_BINARY [PATTERN]
#
# Runs every tests/scripts/*.csp, plus every examples/*.csp that has a golden
# .out, as `timeout 30 CSP_BINARY FILE [ARGS]` and compares:
#   NAME.out   stdout, byte for byte (required)
#   NAME.rc    exit status (default 0)
#   NAME.err   first line of stderr (only checked when the file exists)
#   NAME.args  optional: command-line arguments, one line, split on blanks
#   NAME.in    optional: fed to stdin (default /dev/null)
# The goldens come from the real Go toolchain (see tests/scripts/README.md).
# PATTERN, when given, is a shell glob matched against NAME (e.g. 'map*').
# Prints a diff excerpt for each failure and ends with exactly
# `N passed, N failed`; exits 1 when anything failed.
#
# Plain POSIX sh + coreutils + diff, so it runs on a fresh Debian.

if [ $# -lt 1 ]; then
    echo "usage: $0 CSP_BINARY [PATTERN]" >&2
    exit 2
fi
CSP=$1
PATTERN=${2:-*}
case $CSP in
    /*) ;;
    *) [ -x "$CSP" ] && CSP=$(pwd)/$CSP ;;
esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_scripts.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM

pass=0
fail=0

# report NAME REASON: prints a failure header.
report() {
    echo "FAIL $1: $2"
}

# run_one FILE: runs one golden test, updates pass/fail.
run_one() {
    f=$1
    base=${f%.csp}
    name=$(basename "$base")
    ok=1
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    input=/dev/null
    [ -f "$base.in" ] && input=$base.in
    want_rc=0
    [ -f "$base.rc" ] && want_rc=$(tr -d ' \n' < "$base.rc")
    # shellcheck disable=SC2086  # args are split on blanks on purpose
    timeout 30 "$CSP" "$f" $args < "$input" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    if ! cmp -s "$TMP/out" "$base.out"; then
        report "$name" "stdout differs (- expected, + got)"
        diff -u "$base.out" "$TMP/out" | sed -n '3,22p'
        ok=0
    fi
    if [ "$rc" != "$want_rc" ]; then
        if [ "$rc" = 124 ]; then
            report "$name" "timed out after 30s"
        else
            report "$name" "exit status $rc, expected $want_rc"
        fi
        ok=0
    fi
    if [ -f "$base.err" ]; then
        want_err=$(head -n 1 "$base.err")
        got_err=$(head -n 1 "$TMP/err")
        if [ "$want_err" != "$got_err" ]; then
            report "$name" "stderr first line differs"
            echo "  expected: $want_err"
            echo "  got:      $got_err"
            ok=0
        fi
    fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        [ -s "$TMP/err" ] && [ ! -f "$base.err" ] && {
            echo "  stderr:"; head -n 5 "$TMP/err" | sed 's/^/    /'; }
        fail=$((fail + 1))
    fi
}

for f in "$ROOT"/tests/scripts/*.csp "$ROOT"/examples/*.csp; do
    [ -f "$f" ] || continue
    [ -f "${f%.csp}.out" ] || continue      # no golden: library or property test
    name=$(basename "${f%.csp}")
    # shellcheck disable=SC2254  # PATTERN is a glob on purpose
    case $name in
        $PATTERN) run_one "$f" ;;
    esac
done

echo "$pass passed, $fail failed"
[ $fail = 0 ]
