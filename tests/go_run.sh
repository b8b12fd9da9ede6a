#!/bin/sh
# go_run.sh FILE.csp [ARGS] — runs a seed example with real Go (1.26+, found
# by go_find.sh, built as a module of that version), as a stand-in
# for bin/csp: `tests/run_props.sh tests/go_run.sh` checks the property files
# against Go's behaviour. The program is built once into
# ${TMPDIR:-/tmp}/csp_go/NAME (rebuilt when the .csp is newer), then exec'd,
# so that the runner's timings and memory samples are the Go program's own.
[ $# -ge 1 ] || { echo "usage: $0 FILE.csp [ARGS]" >&2; exit 2; }
. "$(dirname "$0")/go_find.sh"
go_find || exit 2
dir=${TMPDIR:-/tmp}/csp_go
bin=$dir/$(basename "$1" .csp)
if [ ! -x "$bin" ] || [ -n "$(find "$1" -newer "$bin")" ]; then
    mkdir -p "$dir/src.$$" || exit 2
    cp "$1" "$dir/src.$$/main.go" &&
        go_build "$dir/src.$$" "$bin.$$" &&
        mv "$bin.$$" "$bin"
    status=$?
    rm -rf "$dir/src.$$"
    [ $status = 0 ] || exit 2
fi
shift
exec "$bin" "$@"
