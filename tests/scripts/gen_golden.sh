#!/bin/sh
# gen_golden.sh — (re)generates golden files from the reference Go (1.26+).
#
# Usage: tests/scripts/gen_golden.sh FILE.csp...
#
# Each FILE.csp is copied to a scratch module as main.go, built with
# `go build` (go_find.sh's go_build: the go.mod names the toolchain's own
# version, so Go 1.22+ loop variables, 1.23 timers …) and run with FILE.args as
# arguments and FILE.in as stdin when present. Writes FILE.out (stdout),
# FILE.rc (exit status, only when not 0) and FILE.err (first line of stderr,
# only when stderr is not empty). Building instead of `go run` keeps the
# program's own exit status (`go run` turns it into 1).
# Go is found by tests/go_find.sh: `go` on PATH or /usr/local/go/bin/go,
# whichever is Go 1.26 or newer.
[ $# -ge 1 ] || { echo "usage: $0 FILE.csp..." >&2; exit 2; }
. "$(dirname "$0")/../go_find.sh"
go_find || exit 2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_gold.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
status=0
for f in "$@"; do
    base=${f%.csp}
    cp "$f" "$TMP/main.go"
    if ! go_build "$TMP" prog 2> "$TMP/build"; then
        echo "$f: go build failed:" >&2
        cat "$TMP/build" >&2
        status=1
        continue
    fi
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    input=/dev/null
    [ -f "$base.in" ] && input=$base.in
    # shellcheck disable=SC2086
    timeout 60 "$TMP/prog" $args < "$input" > "$base.out" 2> "$TMP/err"
    rc=$?
    if [ $rc != 0 ]; then echo $rc > "$base.rc"; else rm -f "$base.rc"; fi
    if [ -s "$TMP/err" ]; then head -n 1 "$TMP/err" > "$base.err"; else rm -f "$base.err"; fi
    echo "ok $f rc=$rc"
done
exit $status
