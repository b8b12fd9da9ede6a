#!/bin/sh
# Goroutine start order, csp against Go (issue 10 §4): runs each program
# here N times (default 100) with csp and with a binary `go build` made from
# the same file, at the default GOMAXPROCS, and prints for each the most
# common output of each and how often it came. Not part of `make test`:
# the orders are likelihoods, not guarantees.
#   usage: sh tests/order/measure.sh [CSP [N]]
csp=${1:-bin/csp}
n=${2:-100}
dir=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tally() { # command... -> "count<TAB>output" of the most common output
    i=0
    while [ $i -lt $n ]; do
        { "$@" 2>&1 | tr '\n' '|'; echo; } > "$tmp/o.$i"
        i=$((i + 1))
    done
    cat "$tmp"/o.* | sort | uniq -c | sort -rn |
        head -1 | sed 's/^ *\([0-9]*\) /\1\t/'
    rm -f "$tmp"/o.*
}
printf '%-12s %-34s %5s   %-34s %5s\n' program "go: most common" "/$n" "csp: most common" "/$n"
for f in "$dir"/*.csp; do
    name=$(basename "$f" .csp)
    cp "$f" "$tmp/$name.go"
    (cd "$tmp" && go build -o "$tmp/$name" "$name.go") || exit 1
    g=$(tally "$tmp/$name")
    c=$(tally "$csp" "$f")
    printf '%-12s %-34s %5s   %-34s %5s\n' "$name" "$(echo "$g" | cut -f2)" \
        "$(echo "$g" | cut -f1)" "$(echo "$c" | cut -f2)" "$(echo "$c" | cut -f1)"
done
