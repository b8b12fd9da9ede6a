#!/bin/sh
# gen_golden.sh — (re)generates golden files from the real Go toolchain.
#
# Usage: tests/scripts/gen_golden.sh FILE.csp...
#
# Each FILE.csp is copied to a scratch module as main.go, built with `go build`
# and run (with FILE.args as arguments and FILE.in as stdin when present).
# Writes FILE.out (stdout), FILE.rc (exit status, only when not 0) and
# FILE.err (first line of stderr, only when stderr is not empty).
# Files marked `// golden: written by reasoning` use Go 1.22+ semantics that
# the installed Go may lack; they are skipped and their goldens kept.
# Building instead of `go run` keeps the program's own exit status.
[ $# -ge 1 ] || { echo "usage: $0 FILE.csp..." >&2; exit 2; }
command -v go > /dev/null || { echo "$0: go not installed" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_gold.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
status=0
for f in "$@"; do
    base=${f%.csp}
    if grep -q '// golden: written by reasoning' "$f"; then
        echo "skip $f (hand-written golden)"
        continue
    fi
    cp "$f" "$TMP/main.go"
    if ! (cd "$TMP" && GO111MODULE=off go build -o prog main.go) 2> "$TMP/build"; then
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
