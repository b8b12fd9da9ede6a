#!/bin/sh
# seeds.sh TARGET DIR — fills DIR (emptied first) with the seed inputs of a
# fuzz target: the golden scripts and examples, and for the front-end
# targets the compile-error cases too (the run target only gets programs
# that compile), and the regression corpus fuzz/regress/. Built at each run
# so no source file is kept twice in git.
set -e
target=$1
dir=$2
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$dir"
mkdir -p "$dir"
add() { # add FILE PREFIX
    cp "$1" "$dir/$2_$(basename "$1")"
}
for f in "$root"/tests/scripts/*.csp "$root"/examples/*.csp; do
    case $f in "$root"/examples/*) add "$f" ex ;; *) add "$f" script ;; esac
done
if [ "$target" != run ]; then
    for f in "$root"/tests/errors/*.csp; do add "$f" err; done
fi
for f in "$root"/fuzz/regress/*.csp; do
    [ -f "$f" ] && add "$f" regress
done
:
