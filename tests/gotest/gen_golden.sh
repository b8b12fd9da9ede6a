#!/bin/sh
# gen_golden.sh — (re)generates the goldens of `csp test` from real
# `go test` (Go 1.26+, found by tests/go_find.sh).
#
# Usage: tests/gotest/gen_golden.sh NAME_test.csp...
#
# Each NAME_test.csp (and the files NAME.files lists) is copied into a
# scratch module as NAME_test.go and run as `go test [NAME.args]
# [./FILE.go...] ./NAME_test.go` with GOMAXPROCS=2 (benchmark names carry
# it). Writes NAME.out: the output, normalised by normalize.sh, with
# `NAME_test.go:` spelt `NAME_test.csp:` (csp names the files it ran);
# NAME.rc when the exit status is not 0. tests/gotest/testdata (the fuzz
# tests' seed corpora) is copied too, as the package's testdata.
[ $# -ge 1 ] || { echo "usage: $0 NAME_test.csp..." >&2; exit 2; }
dir=$(dirname "$0")
. "$dir/../go_find.sh"
. "$dir/normalize.sh"
go_find || exit 2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_gotest.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
printf 'module prog\n\ngo %s\n' "$("$GO" env GOVERSION | sed 's/^go//')" > "$TMP/go.mod"
[ -d "$dir/testdata" ] && cp -r "$dir/testdata" "$TMP/"
for f in "$@"; do
    name=$(basename "$f" .csp)   # NAME_test
    base=${f%_test.csp}
    if [ -f "$base.grep" ]; then
        echo "skip $f: checked by $base.grep"
        continue
    fi
    rm -f "$TMP"/*.go
    cp "$f" "$TMP/$name.go"
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    more=""
    rename="s/$name\.go:/$name.csp:/g"
    if [ -f "$base.files" ]; then
        for m in $(cat "$base.files"); do
            cp "$(dirname "$f")/$m" "$TMP/${m%.csp}.go"
            more="$more ./${m%.csp}.go"
            rename="$rename; s/${m%.csp}\.go:/$m:/g"
        done
    fi
    # shellcheck disable=SC2086
    (cd "$TMP" && GOMAXPROCS=2 GOTOOLCHAIN=local timeout 120 "$GO" test $args $more "./$name.go") \
        > "$TMP/out" 2>&1
    rc=$?
    sed "$rename" "$TMP/out" | gotest_normalize > "$base.out"
    if [ $rc != 0 ]; then echo $rc > "$base.rc"; else rm -f "$base.rc"; fi
    echo "ok $f rc=$rc"
done
