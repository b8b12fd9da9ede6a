#!/bin/sh
# run_race.sh — the -race detector's suite.
#
# Usage: tests/run_race.sh CSP_BINARY [PATTERN]
#
# 1. Cases: every tests/race/NAME.csp runs as `CSP -race NAME.csp`; its
#    verdict must be the one Go's race detector gave the same program,
#    recorded in tests/race/expect.txt by tests/race/gen_expect.sh:
#      NAME clean              no report, exit status 0
#      NAME race KIND PREV     a report whose first access is "KIND at" and
#                              whose previous one is "Previous prev at"
#                              (Read/Write), `Found N data race(s)`, exit 66
#    The two kinds are compared as a pair in either order: which access
#    comes second is the schedule's choice (the cases order them by sleeps,
#    which a stalled machine can reverse), in Go as in csp.
# 2. No false positives: every golden script and example listed in
#    tests/race/clean.txt (those Go's detector finds clean) runs under
#    -race with no report and its usual exit status.
# 3. Seeds: every seed example in tests/race/seeds.txt that Go's detector
#    reports (`race`) is reported by csp -race too; the others are not.
# 4. The REPL: `:race on` reports a goroutine's write racing with a later
#    input's read of a session variable; the same session without it, and
#    one whose inputs are ordered by a channel, report nothing.
# 5. GORACE=halt_on_error=1 exits 66 at the first report, before the
#    program's own output and without the `Found` line (as Go does).
# Ends with `N passed, N failed`.

. "$(dirname "$0")/lib.sh"
runner_setup race "" "$@"
EXPECT=$ROOT/tests/race/expect.txt
CLEAN=$ROOT/tests/race/clean.txt
SEEDS=$ROOT/tests/race/seeds.txt

# got_kinds ERRFILE: "race KIND PREV" of the first report, or "clean".
got_kinds() {
    if ! grep -q '^WARNING: DATA RACE' "$1"; then
        echo clean
        return
    fi
    k=$(grep -m1 -E '^(Read|Write) at ' "$1" | sed -E 's/^(Read|Write) at .*/\1/')
    p=$(grep -m1 -E '^Previous (read|write) at ' "$1" |
        sed -E 's/^Previous (read|write) at .*/\1/')
    case $p in read) p=Read ;; write) p=Write ;; esac
    echo "race $k $p"
}

run_case() {
    f=$1
    want=$2
    id=$3
    name=$(basename "$f" .csp)
    timeout -k 10 60 "$CSP" -race "$f" > "$TMP/$id.out" 2> "$TMP/$id.err" < /dev/null
    rc=$?
    got=$(got_kinds "$TMP/$id.err")
    case $got in "race Write Read") [ "$want" = "race Read Write" ] && got=$want ;;
                 "race Read Write") [ "$want" = "race Write Read" ] && got=$want ;; esac
    want_rc=0
    case $want in race*) want_rc=66 ;; esac
    if [ "$got" != "$want" ]; then
        echo "FAIL race/$name: got \"$got\", Go says \"$want\""
        head -n 30 "$TMP/$id.err" | sed 's/^/    /'
    elif [ "$rc" != "$want_rc" ]; then
        echo "FAIL race/$name: exit status $rc, expected $want_rc"
    elif [ "$want_rc" = 66 ] && ! grep -q '^Found [0-9]* data race(s)$' "$TMP/$id.err"; then
        echo "FAIL race/$name: no \"Found N data race(s)\" line"
    else
        : > "$TMP/$id.pass"
    fi
}

run_clean() {
    f=$ROOT/$1
    id=$2
    base=${f%.csp}
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    input=/dev/null
    [ -f "$base.in" ] && input=$base.in
    want_rc=0
    [ -f "$base.rc" ] && want_rc=$(tr -d ' \n' < "$base.rc")
    # shellcheck disable=SC2086
    timeout -k 10 60 "$CSP" -race "$f" $args < "$input" > /dev/null 2> "$TMP/$id.err"
    rc=$?
    if grep -q '^WARNING: DATA RACE' "$TMP/$id.err"; then
        echo "FAIL race-clean/$1: csp -race reports a race Go does not"
        head -n 30 "$TMP/$id.err" | sed 's/^/    /'
    elif [ "$rc" != "$want_rc" ]; then
        echo "FAIL race-clean/$1: exit status $rc, expected $want_rc"
        head -n 5 "$TMP/$id.err" | sed 's/^/    /'
    else
        : > "$TMP/$id.pass"
    fi
}

run_seed() {
    f=$ROOT/$1
    want=$2
    id=$3
    args=""
    [ -f "${f%.csp}.args" ] && args=$(cat "${f%.csp}.args")
    # shellcheck disable=SC2086
    timeout -k 10 60 "$CSP" -race "$f" $args < /dev/null > /dev/null 2> "$TMP/$id.err"
    got=clean
    grep -q '^WARNING: DATA RACE' "$TMP/$id.err" && got=race
    if [ "$got" != "$want" ]; then
        echo "FAIL race-seed/$1: csp -race says $got, Go says $want"
        head -n 30 "$TMP/$id.err" | sed 's/^/    /'
    else
        : > "$TMP/$id.pass"
    fi
}

# run_repl WANT INPUT ID: pipes INPUT (printf format) to the REPL.
run_repl() {
    want=$1
    id=$3
    # shellcheck disable=SC2059
    printf "$2" | timeout -k 10 60 "$CSP" > "$TMP/$id.out" 2> "$TMP/$id.err"
    got=clean
    grep -q '^WARNING: DATA RACE' "$TMP/$id.out" "$TMP/$id.err" && got=race
    if [ "$got" != "$want" ]; then
        echo "FAIL race-repl: \"$2\": got $got, expected $want"
        cat "$TMP/$id.out" "$TMP/$id.err" | head -n 20 | sed 's/^/    /'
    else
        : > "$TMP/$id.pass"
    fi
}

run_halt() {
    id=$1
    GORACE=halt_on_error=1 timeout -k 10 60 "$CSP" -race \
        "$ROOT/tests/race/race_global_ww.csp" > "$TMP/$id.out" 2> "$TMP/$id.err"
    rc=$?
    n=$(grep -c '^WARNING: DATA RACE' "$TMP/$id.err")
    if [ "$rc" != 66 ] || [ "$n" != 1 ] || [ -s "$TMP/$id.out" ] ||
       grep -q '^Found' "$TMP/$id.err"; then
        echo "FAIL race-halt: exit $rc, $n reports, stdout $(wc -c < "$TMP/$id.out") bytes"
    else
        : > "$TMP/$id.pass"
    fi
}

jobs_init "${CSP_TEST_JOBS:-4}"
case halt in $PATTERN) job run_halt ;; esac
case repl in $PATTERN)
    body='m := map[int]int{}\ngo func() { m[1] = 1 }()\ntime.Sleep(50*time.Millisecond)\nlen(m)\n'
    job run_repl race ":race on\\n$body"
    job run_repl clean "$body"
    job run_repl clean ':race on\nm := map[int]int{}\ndone := make(chan bool)\ngo func() { m[1] = 1; done <- true }()\n<-done\nlen(m)\n'
    ;;
esac
while read -r name want; do
    # shellcheck disable=SC2254
    case $name in $PATTERN) ;; *) continue ;; esac
    job run_case "$ROOT/tests/race/$name.csp" "$want"
done < "$EXPECT"
if [ -f "$CLEAN" ]; then
    while read -r rel; do
        # shellcheck disable=SC2254
        case $(basename "$rel" .csp) in $PATTERN) ;; *) continue ;; esac
        job run_clean "$rel"
    done < "$CLEAN"
fi
if [ -f "$SEEDS" ]; then
    while read -r rel want; do
        # shellcheck disable=SC2254
        case $(basename "$rel" .csp) in $PATTERN) ;; *) continue ;; esac
        job run_seed "$rel" "$want"
    done < "$SEEDS"
fi
jobs_report
