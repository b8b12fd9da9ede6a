#!/bin/sh
# gen_expect.sh — records what Go's race detector says about csp programs.
#
# Usage: tests/race/gen_expect.sh cases     # tests/race/*.csp -> expect.txt
#        tests/race/gen_expect.sh clean     # golden scripts and examples ->
#                                           # clean.txt (those Go finds clean)
#        tests/race/gen_expect.sh seeds     # seed examples without a golden
#                                           # -> seeds.txt (REL race|clean)
#
# Each program is built with `go build -race` (as main.go in a scratch
# directory) and run once. For `cases`, expect.txt gets one line per program:
#   NAME clean                   no report
#   NAME race KIND PREVKIND      the first report's "KIND at" and
#                                "Previous PREVKIND at" (Read or Write)
# For `clean`, clean.txt lists (relative to the repository root) every
# golden script and example with a golden .out whose Go run printed no
# WARNING: DATA RACE (and did not hit Go's race limit): csp -race must find
# them clean too. Programs Go cannot build are left out. For `seeds`,
# seeds.txt says of each property-checked seed example whether Go's
# detector reported a race in it (those still running after 20 s are left
# out: they are `make seeds-long` material).
command -v go > /dev/null || { echo "$0: go not installed" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_race.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM

# run FILE: builds and runs FILE with -race; leaves stderr in $TMP/err.
# Returns 1 when Go cannot build it.
run() {
    cp "$1" "$TMP/main.go"
    (cd "$TMP" && GO111MODULE=off go build -race -o prog main.go) \
        > /dev/null 2>&1 || return 1
    base=${1%.csp}
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    input=/dev/null
    [ -f "$base.in" ] && input=$base.in
    # shellcheck disable=SC2086
    (cd "$TMP" && timeout "${LIMIT:-120}" ./prog $args < "$input" > out 2> err)
    [ $? != 124 ] || return 2
    return 0
}

# kinds: "race KIND PREVKIND" of the first report in $TMP/err, or "clean".
kinds() {
    if ! grep -q '^WARNING: DATA RACE' "$TMP/err"; then
        echo clean
        return
    fi
    k=$(grep -m1 -E '^(Read|Write|Atomic read|Atomic write) at ' "$TMP/err" |
        sed -E 's/^(Atomic )?(Read|Write) at .*/\2/')
    p=$(grep -m1 -E '^Previous (read|write|atomic read|atomic write) at ' \
        "$TMP/err" | sed -E 's/^Previous (atomic )?(read|write) at .*/\2/')
    case $p in read) p=Read ;; write) p=Write ;; esac
    echo "race $k $p"
}

case $1 in
cases)
    out=$here/expect.txt
    : > "$out.new"
    for f in "$here"/*.csp; do
        name=$(basename "$f" .csp)
        run "$f" || { echo "$name: go build failed or timed out" >&2; continue; }
        echo "$name $(kinds)" | tee -a "$out.new"
    done
    mv "$out.new" "$out"
    ;;
clean)
    out=$here/clean.txt
    : > "$out.new"
    for f in "$root"/tests/scripts/*.csp "$root"/examples/*.csp \
             "$root"/examples/seeds/*.csp; do
        [ -f "${f%.csp}.out" ] || continue
        rel=${f#"$root"/}
        run "$f" || { echo "skip $rel (go build failed or timed out)"; continue; }
        if grep -q 'race: limit on' "$TMP/err"; then
            echo "skip $rel (Go's goroutine limit)"
        elif [ "$(kinds)" = clean ]; then
            echo "$rel" >> "$out.new"
            echo "clean $rel"
        else
            echo "race $rel"
        fi
    done
    mv "$out.new" "$out"
    ;;
seeds)
    out=$here/seeds.txt
    : > "$out.new"
    for f in "$root"/examples/seeds/*.csp; do
        [ -f "${f%.csp}.out" ] && continue
        rel=${f#"$root"/}
        LIMIT=20 run "$f"
        case $? in
        1) echo "skip $rel (go build failed)"; continue ;;
        2) echo "skip $rel (still running after 20 s)"; continue ;;
        esac
        if grep -q 'race: limit on' "$TMP/err"; then
            echo "skip $rel (Go's goroutine limit)"
            continue
        fi
        v=$(kinds)
        echo "$rel ${v%% *}" | tee -a "$out.new"
    done
    mv "$out.new" "$out"
    ;;
*)
    echo "usage: $0 cases|clean|seeds" >&2
    exit 2
    ;;
esac
