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
