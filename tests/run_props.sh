#!/bin/sh
# run_props.sh — property runner for examples whose output depends on
# scheduling, time or random numbers (so no byte-exact golden is possible).
#
# Usage: tests/run_props.sh [--long] CSP_BINARY [PATTERN]
#
# Runs every examples/seeds/NAME.csp that has an examples/seeds/NAME.props as
# `timeout 30 CSP_BINARY NAME.csp < /dev/null` and checks its stdout against
# the properties. PATTERN, when given, is a shell glob matched against NAME.
# Without --long the examples marked `long` are skipped (what `make test`
# runs); with it only those run (`make seeds-long`).
# Prints each failure (with the output) and ends with exactly
# `N passed, N failed`; exits 1 when anything failed.
# CSP_BINARY may be any command taking NAME.csp: tests/go_run.sh runs the
# seed with real Go, to check that a property file holds for Go too.
#
# NAME.props format: one property per line; blank lines and lines starting
# with `#` are ignored. REGEX is a POSIX ERE (grep -E, byte-wise: LC_ALL=C);
# a line that starts with one of the keywords below and a blank is that
# directive, any other line is a plain REGEX.
#   REGEX              some output line matches REGEX
#   count REGEX N      exactly N output lines match (N may be LO-HI)
#   range NAME LO HI   lines `NAME: V` exist (V an integer; NAME may hold
#                      blanks) and every V is in LO..HI
#   first REGEX        the first output line matches
#   last REGEX         the last output line matches
#   order REGEX        the lines matching REGEX are in ascending order
#                      (`sort -V`: e.g. `Got: 1` … `Got: 5` as printed)
#   before A then B    a line matching A comes before the first line
#                      matching B (both must exist)
#   never REGEX        no output line matches
#   rc N               exit status is N (default 0)
#   long               slow or memory-heavy: run only with --long
#   timeout S          stop the program after S seconds (default 30); a
#                      stopped program's exit status is 124, as timeout(1)
#                      reports it, and the output so far is checked
#   secs LO HI         the run took LO..HI seconds (wall clock)
#   rss LO HI          peak resident memory (VmHWM) was LO..HI MiB
#   grows S1 S2 MIB    resident memory S2 seconds after the start exceeds
#                      that at S1 seconds by at least MIB MiB
#                      (rss and grows sample /proc/PID/status every 0.1 s)
#   racy               the Go program races on purpose (e.g. an unlocked
#                      counter): ThreadSanitizer builds run it with
#                      report_bugs=0, since the report would be about the
#                      Go program, not about csp
#
# ThreadSanitizer builds also run with atexit_sleep_ms=0: by default TSan
# sleeps 1 s in exit(), and goroutines that Go would have stopped when main
# returned keep printing meanwhile.
#
# Plain POSIX sh + coreutils + grep/awk, like tests/run_scripts.sh.

LONG=
if [ "${1:-}" = --long ]; then
    LONG=1
    shift
fi
. "$(dirname "$0")/lib.sh"
runner_setup props "[--long] " "$@"
LC_ALL=C
export LC_ALL

# in_count N SPEC: true when N matches SPEC (`K` or `LO-HI`).
in_count() {
    case $2 in
        *-*) [ "$1" -ge "${2%-*}" ] && [ "$1" -le "${2#*-}" ] ;;
        *) [ "$1" -eq "$2" ] ;;
    esac
}

# line_of REGEX OUT: prints the number of the first line matching REGEX.
line_of() {
    grep -En -- "$1" "$2" | head -n 1 | cut -d: -f1
}

# check PROP OUT RC: checks one property line; prints why it failed and
# returns 1 when it does not hold. Reads run_one's ms (run time in
# milliseconds) and mem (the memory samples, `MS RSS_KB HWM_KB` a line).
# (sh has no locals: the names it sets — p out rc rest want re got hi lo key
# vals v a b — must not be run_one's.)
check() {
    p=$1
    out=$2
    rc=$3
    case $p in
    "count "*)
        rest=${p#count }
        want=${rest##* }
        re=${rest% *}
        got=$(grep -Ec -- "$re" "$out")
        in_count "$got" "$want" || { echo "  count /$re/: $got lines, want $want"; return 1; }
        ;;
    "range "*)
        hi=${p##* }
        rest=${p% *}
        lo=${rest##* }
        rest=${rest% *}
        key=${rest#range }
        vals=$(grep -E -- "^$key: *-?[0-9]+\$" "$out" | sed -E 's/.*: *//')
        [ -n "$vals" ] || { echo "  range $key: no line \`$key: N\`"; return 1; }
        for v in $vals; do
            if [ "$v" -lt "$lo" ] || [ "$v" -gt "$hi" ]; then
                echo "  range $key: $v not in $lo..$hi"
                return 1
            fi
        done
        ;;
    "first "*)
        head -n 1 "$out" | grep -Eq -- "${p#first }" ||
            { echo "  first line does not match /${p#first }/"; return 1; }
        ;;
    "last "*)
        tail -n 1 "$out" | grep -Eq -- "${p#last }" ||
            { echo "  last line does not match /${p#last }/"; return 1; }
        ;;
    "order "*)
        grep -E -- "${p#order }" "$out" | sort -V -c > /dev/null 2>&1 ||
            { echo "  lines matching /${p#order }/ are out of order"; return 1; }
        ;;
    "before "*" then "*)
        rest=${p#before }
        a=$(line_of "${rest%% then *}" "$out")
        b=$(line_of "${rest#* then }" "$out")
        [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] && return 0
        { echo "  not: /${rest%% then *}/ (line ${a:-none}) before" \
                   "/${rest#* then }/ (line ${b:-none})"; return 1; }
        ;;
    "never "*)
        grep -Eq -- "${p#never }" "$out" &&
            { echo "  a line matches /${p#never }/"; return 1; }
        ;;
    "secs "*)
        rest=${p#secs }
        lo=${rest% *}
        hi=${rest#* }
        if [ "$ms" -lt $((lo * 1000)) ] || [ "$ms" -gt $((hi * 1000)) ]; then
            echo "  ran $ms ms, want $lo..$hi s"
            return 1
        fi
        ;;
    "rss "*)
        rest=${p#rss }
        lo=${rest% *}
        hi=${rest#* }
        got=$(awk '$3 > m { m = $3 } END { print int(m / 1024) }' "$mem")
        if [ "$got" -lt "$lo" ] || [ "$got" -gt "$hi" ]; then
            echo "  peak resident memory $got MiB, want $lo..$hi"
            return 1
        fi
        ;;
    "grows "*)
        rest=${p#grows }
        want=${rest##* }
        rest=${rest% *}
        a=$(awk -v t=$((${rest% *} * 1000)) '$1 <= t { r = $2 } END { print int(r / 1024) }' "$mem")
        b=$(awk -v t=$((${rest#* } * 1000)) '$1 <= t { r = $2 } END { print int(r / 1024) }' "$mem")
        [ $((b - a)) -ge "$want" ] ||
            { echo "  resident memory $a MiB at ${rest% *} s, $b MiB at ${rest#* } s: grew less than $want MiB"; return 1; }
        ;;
    "rc "*)
        [ "$rc" = "${p#rc }" ] || { echo "  exit status $rc, want ${p#rc }"; return 1; }
        ;;
    *)
        grep -Eq -- "$p" "$out" || { echo "  no line matches /$p/"; return 1; }
        ;;
    esac
    return 0
}

# sample PID LIMIT: appends `MS RSS_KB HWM_KB` for the running program PID to
# $mem every 0.1 s (MS since $start) until it exits, stopping it after LIMIT
# seconds; sets rc to its exit status (124 when stopped, as timeout(1) says).
sample() {
    stopped=
    while :; do
        now=$((($(date +%s%N) - start) / 1000000))
        # a zombie (exited, not yet waited for) has no VmRSS line
        line=$(awk -v t="$now" '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 }
            END { if (r != "") print t, r, h }' "/proc/$1/status" 2> /dev/null)
        [ -n "$line" ] || break
        echo "$line" >> "$mem"
        if [ "$now" -ge $(($2 * 1000)) ]; then
            kill "$1"
            stopped=1
            break
        fi
        sleep 0.1
    done
    # (quietly: a shell reports a job killed by a signal)
    { wait "$1"; } 2> /dev/null
    rc=$?
    [ -n "$stopped" ] && rc=124
}

# run_one FILE ID: runs one example and checks its properties; leaves
# $TMP/ID.pass when all hold. Runs as a background job.
run_one() {
    f=$1
    id=$2
    base=${f%.csp}
    name=$(basename "$base")
    out=$TMP/$id.out
    tsan="atexit_sleep_ms=0"
    grep -qx racy "$base.props" && tsan="$tsan report_bugs=0"
    limit=$(sed -n 's/^timeout \([0-9][0-9]*\)$/\1/p' "$base.props" | tail -n 1)
    mem=$TMP/$id.mem
    : > "$mem"
    start=$(date +%s%N)
    if grep -Eq '^(rss|grows) ' "$base.props"; then
        TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS }$tsan" \
            "$CSP" "$f" < /dev/null > "$out" 2> "$TMP/$id.err" &
        sample $! "${limit:-30}"
    else
        TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS }$tsan" \
            timeout -k 10 "${limit:-30}" "$CSP" "$f" < /dev/null > "$out" 2> "$TMP/$id.err"
        rc=$?
    fi
    ms=$((($(date +%s%N) - start) / 1000000))
    want_rc=0
    ok=1
    while IFS= read -r prop || [ -n "$prop" ]; do
        case $prop in
            ''|'#'*|racy|long|"timeout "*) continue ;;
            "rc "*) want_rc=${prop#rc } ;;
        esac
        check "$prop" "$out" "$rc" > "$TMP/$id.why" || {
            [ $ok = 1 ] && echo "FAIL $name"
            cat "$TMP/$id.why"
            ok=0
        }
    done < "$base.props"
    if [ "$rc" != "$want_rc" ] && [ $ok = 1 ]; then
        echo "FAIL $name"
        echo "  exit status $rc, want $want_rc"
        ok=0
    fi
    if [ $ok = 1 ]; then
        : > "$TMP/$id.pass"
    else
        echo "  stdout:"; head -n 30 "$out" | sed 's/^/    /'
        [ -s "$TMP/$id.err" ] && { echo "  stderr:"; head -n 5 "$TMP/$id.err" | sed 's/^/    /'; }
    fi
}

# Examples run as background jobs (lib.sh), at most $CSP_PROPS_JOBS at a
# time (default 8): most of them sleep for seconds and use little CPU.
jobs_init "${CSP_PROPS_JOBS:-8}"
for f in "$ROOT"/examples/seeds/*.csp; do
    [ -f "${f%.csp}.props" ] || continue
    if grep -qx long "${f%.csp}.props"; then [ -n "$LONG" ]; else [ -z "$LONG" ]; fi || continue
    name=$(basename "${f%.csp}")
    # shellcheck disable=SC2254  # PATTERN is a glob on purpose
    case $name in
        $PATTERN) ;;
        *) continue ;;
    esac
    job run_one "$f"
done
jobs_report
