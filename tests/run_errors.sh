#!/bin/sh
# run_errors.sh — compile-error runner, in the style of Go's test/ errorcheck.
#
# Usage: tests/run_errors.sh CSP_BINARY [PATTERN]
#
# For every tests/errors/*.csp runs `CSP_BINARY check FILE` and expects:
#   * exit status 1;
#   * diagnostics on stderr as `FILE:LINE:COL: message` (other lines, such as
#     Go's indented "have/want" continuation lines, are ignored);
#   * every line carrying a `// ERROR "regexp"` comment gets at least one
#     message, and every message printed sits on a line with an ERROR comment
#     whose regexp (POSIX ERE, grep -E) matches the message.
# The regexp is everything between the first `"` after `ERROR ` and the last
# `"` on the line, so quotes inside need no escaping. Alternatives: `a|b`.
# A file whose first line contains `// ERRORLIMIT` must instead produce
# exactly 10 diagnostics followed by a last line ending in `too many errors`
# (plain, or with a FILE:LINE:COL: prefix as cmd/compile prints it; each of the
# 10 still has to match its line's ERROR comment).
# Ends with exactly `N passed, N failed`; exits 1 when anything failed.

. "$(dirname "$0")/lib.sh"
runner_setup errors "" "$@"

# expected FILE: writes "LINE<TAB>REGEXP" for each ERROR comment to stdout.
# (Byte-wise, text or not: a case may hold NUL bytes or invalid UTF-8.)
expected() {
    LC_ALL=C grep -an '// ERROR "' "$1" |
        LC_ALL=C sed -n 's/^\([0-9]*\):.*\/\/ ERROR "\(.*\)"[[:space:]]*$/\1	\2/p'
}

# got ERRFILE: writes "LINE<TAB>MESSAGE" for each diagnostic line; lines that
# start with a blank (continuations such as "\tother declaration of x") are not
# diagnostics.
got() {
    sed -n 's/^[^	 ][^:]*:\([0-9][0-9]*\):[0-9][0-9]*: \(.*\)$/\1	\2/p' "$1" | grep -v '	too many errors$'
}

# check_one FILE: prints problems to stdout; returns 0 when the file passed.
check_one() {
    f=$1
    bad=0
    timeout -k 10 30 "$CSP" check "$f" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    if [ "$rc" != 1 ]; then
        echo "  exit status $rc, expected 1"
        bad=1
    fi
    expected "$f" > "$TMP/want"
    got "$TMP/err" > "$TMP/got"
    # every reported message must match the ERROR regexp of its line
    while IFS='	' read -r line msg; do
        rx=$(awk -F '	' -v l="$line" '$1 == l { print $2; exit }' "$TMP/want")
        if [ -z "$rx" ]; then
            echo "  line $line: unexpected error: $msg"
            bad=1
        elif ! printf '%s\n' "$msg" | grep -Eq -- "$rx"; then
            echo "  line $line: error \"$msg\" does not match \"$rx\""
            bad=1
        fi
    done < "$TMP/got"
    if head -n 1 "$f" | grep -q '// ERRORLIMIT'; then
        n=$(wc -l < "$TMP/got")
        last=$(tail -n 1 "$TMP/err")
        if [ "$n" != 10 ] || [ "${last%too many errors}" = "$last" ]; then
            echo "  expected 10 errors then 'too many errors', got $n errors"
            bad=1
        fi
    else
        # every ERROR line must have been reported
        while IFS='	' read -r line rx; do
            if ! awk -F '	' -v l="$line" '$1 == l { f = 1 } END { exit !f }' \
                "$TMP/got"; then
                echo "  line $line: missing error matching \"$rx\""
                bad=1
            fi
        done < "$TMP/want"
    fi
    if [ $bad = 1 ] && [ ! -s "$TMP/got" ] && [ -s "$TMP/err" ]; then
        echo "  stderr:"
        head -n 5 "$TMP/err" | sed 's/^/    /'
    fi
    return $bad
}

for f in "$ROOT"/tests/errors/*.csp; do
    [ -f "$f" ] || continue
    name=$(basename "${f%.csp}")
    # shellcheck disable=SC2254  # PATTERN is a glob on purpose
    case $name in
        $PATTERN) ;;
        *) continue ;;
    esac
    if check_one "$f" > "$TMP/report"; then
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        cat "$TMP/report"
        fail=$((fail + 1))
    fi
done

echo "$pass passed, $fail failed"
[ $fail = 0 ]
