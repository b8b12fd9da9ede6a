#!/bin/sh
# run_gotest.sh — the `csp test` suite: every tests/gotest/NAME_test.csp
# runs as `csp test [NAME.args] NAME_test.csp` (in its folder, GOMAXPROCS=2)
# and its output, normalised by tests/gotest/normalize.sh (durations,
# tracebacks, ns/op), must be NAME.out, which gen_golden.sh made from real
# `go test` of the same file; the exit status must be NAME.rc (default 0).
# NAME.files lists more files of the package (non-test files, one per
# line, in tests/gotest/), given before NAME_test.csp as `go test a.go
# b_test.go` takes them.
# A test whose output Go cannot match byte for byte (a -race report's
# stacks, -fuzz's random inputs) has NAME.grep instead: lines that must
# each appear in it. A test with a NAME.scratch (empty) runs in a scratch
# copy of its files, for -fuzz writes testdata/fuzz/FuzzX/HASH there; each
# such file is appended to the output as `corpus PATH:` and its lines.
# The exercises handed out as tests, examples/NAME_test.csp with an
# examples/NAME.out, run the same way.
#
# Usage: tests/run_gotest.sh CSP_BINARY [PATTERN]
# Ends with `N passed, N failed`.

. "$(dirname "$0")/lib.sh"
runner_setup gotest "" "$@"
. "$ROOT/tests/gotest/normalize.sh"

run_one() {
    f=$1
    id=$2
    name=$(basename "$f" .csp)
    base=${f%_test.csp}
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    more=""
    [ -f "$base.files" ] && more=$(cat "$base.files")
    want_rc=0
    [ -f "$base.rc" ] && want_rc=$(tr -d ' \n' < "$base.rc")
    dir=$(dirname "$f")
    if [ -f "$base.scratch" ]; then
        dir=$TMP/$id.d
        mkdir -p "$dir" && cp "$f" "$dir/"
        for m in $more; do cp "$(dirname "$f")/$m" "$dir/"; done
    fi
    # shellcheck disable=SC2086
    (cd "$dir" && GOMAXPROCS=2 timeout -k 10 120 "$CSP" test $args $more "$name.csp") \
        < /dev/null > "$TMP/$id.raw" 2>&1
    rc=$?
    if [ -f "$base.scratch" ]; then
        for c in "$dir"/testdata/fuzz/*/*; do
            [ -f "$c" ] && { echo "corpus ${c#"$dir"/}:"; cat "$c"; }
        done >> "$TMP/$id.raw"
    fi
    gotest_normalize < "$TMP/$id.raw" > "$TMP/$id.out"
    if [ -f "$base.grep" ]; then
        while IFS= read -r line; do
            grep -qxF -- "$line" "$TMP/$id.out" || {
                echo "FAIL gotest/$name: no line \"$line\""
                sed 's/^/    /' "$TMP/$id.out" | head -n 20
                return
            }
        done < "$base.grep"
        if [ "$rc" != "$want_rc" ]; then
            echo "FAIL gotest/$name: exit status $rc, expected $want_rc"
        else
            : > "$TMP/$id.pass"
        fi
        return
    fi
    if ! cmp -s "$base.out" "$TMP/$id.out"; then
        echo "FAIL gotest/$name: output differs from go test's"
        diff "$base.out" "$TMP/$id.out" | head -n 20 | sed 's/^/    /'
    elif [ "$rc" != "$want_rc" ]; then
        echo "FAIL gotest/$name: exit status $rc, go test's was $want_rc"
    else
        : > "$TMP/$id.pass"
    fi
}

jobs_init "${CSP_TEST_JOBS:-4}"
for f in "$ROOT"/tests/gotest/*_test.csp "$ROOT"/examples/*_test.csp; do
    # shellcheck disable=SC2254
    case $(basename "$f" _test.csp) in $PATTERN) ;; *) continue ;; esac
    [ -f "${f%_test.csp}.out" ] || [ -f "${f%_test.csp}.grep" ] || continue
    job run_one "$f"
done
jobs_report
