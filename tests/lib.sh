# lib.sh — what the test runners share; sourced by run_scripts.sh,
# run_errors.sh and run_props.sh.
#
# runner_setup NAME USAGE_PREFIX "$@": checks the arguments `CSP_BINARY
# [PATTERN]` and sets CSP (made absolute), PATTERN (default *), ROOT (the
# repository), TMP (a scratch directory removed on exit) and the counters
# pass and fail.
runner_setup() {
    name=$1
    usage=$2
    shift 2
    if [ $# -lt 1 ]; then
        echo "usage: $0 ${usage}CSP_BINARY [PATTERN]" >&2
        exit 2
    fi
    CSP=$1
    PATTERN=${2:-*}
    case $CSP in
        /*) ;;
        *) [ -x "$CSP" ] && CSP=$(pwd)/$CSP ;;
    esac
    ROOT=$(cd "$(dirname "$0")/.." && pwd)
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_$name.XXXXXX") || exit 2
    trap 'rm -rf "$TMP"' EXIT INT TERM
    pass=0
    fail=0
}

# A pool of background jobs, at most JOBS at a time: a FIFO holds one token
# per free slot. jobs_init JOBS; then `job CMD ARGS...` runs CMD ARGS N
# (N = the job's number) with its output in $TMP/N.log, once a slot is
# free; CMD leaves $TMP/N.pass when it passed. jobs_report waits for all,
# prints their logs in order and `N passed, N failed`, and fails if any
# job did.
jobs_init() {
    mkfifo "$TMP/slots" || exit 2
    exec 3<>"$TMP/slots"
    i=0
    while [ $i -lt "$1" ]; do echo >&3; i=$((i + 1)); done
    n=0
}

job() {
    n=$((n + 1))
    read -r _ <&3
    ( "$@" "$n" > "$TMP/$n.log" 2>&1; echo >&3 ) &
}

jobs_report() {
    wait
    i=1
    while [ $i -le $n ]; do
        cat "$TMP/$i.log"
        if [ -f "$TMP/$i.pass" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
        i=$((i + 1))
    done
    echo "$pass passed, $fail failed"
    [ $fail = 0 ]
}
