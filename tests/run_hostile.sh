#!/bin/sh
# run_hostile.sh — hostile inputs that must end as Go ends them, never by a
# signal or a hang: bad command-line arguments and environment, files that
# are not programs, memory exhaustion under a ulimit, closed or full
# output, signals. Each case checks the exit status and a property of the
# output (these depend on the machine, so no byte-exact golden is possible).
#
# Usage: tests/run_hostile.sh CSP_BINARY
# Ends with exactly `N passed, N failed`; exits 1 when anything failed.
CSP=$1
D=$(dirname "$0")/hostile
TMP=$(mktemp -d "${TMPDIR:-/tmp}/csp_hostile.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
passed=0
failed=0

# check NAME WANT_RC GOT_RC [STDERR_ERE]: the status, and (when given) an
# extended regexp the first line of $TMP/err must match.
check() {
    ok=1
    [ "$3" = "$2" ] || ok=0
    if [ -n "$4" ] && ! head -n 1 "$TMP/err" | grep -Eq "$4"; then ok=0; fi
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $1: status $3 (want $2)"
        head -n 3 "$TMP/err" | sed 's/^/    /'
    fi
}

# run [ENV=V...] -- ARGS: runs csp with a 30 s limit, stdout to $TMP/out.
run() {
    timeout -k 10 30 env "$@" < /dev/null > "$TMP/out" 2> "$TMP/err"
}

# ---- the command line -------------------------------------------------------
for v in 0 -1 100000 abc ""; do
    run "$CSP" -procs "$v" "$D/gomaxprocs.csp"
    check "-procs '$v'" 2 $? '^csp: invalid value .* for flag -procs$'
done
run "$CSP" -procs
check "-procs without a value" 2 $? '^csp: flag needs an argument: -procs$'
run "$CSP" -nosuchflag "$D/gomaxprocs.csp"
check "unknown flag" 2 $? '^csp: flag provided but not defined: -nosuchflag$'
for v in 0 -3 abc 100000 2; do
    # Go ignores an invalid GOMAXPROCS; csp clamps a huge one to its maximum
    run GOMAXPROCS="$v" "$CSP" "$D/gomaxprocs.csp"
    st=$?
    [ "$(cat "$TMP/out")" = "$(printf 'true\ntrue\ntrue')" ] || st="bad output"
    check "GOMAXPROCS=$v" 0 "$st"
done
run "$CSP" "$D"
check "a directory as the program" 2 $? '^csp: read .*: Is a directory$'
run "$CSP" "$TMP/missing.csp"
check "a missing file" 2 $? '^csp: open .*missing.csp: No such file or directory$'
head -c 4096 "$CSP" > "$TMP/binary.csp"
run "$CSP" "$TMP/binary.csp"
check "a binary file as the program" 1 $? 'binary.csp:1:1: '

# ---- memory -------------------------------------------------------------------
# Go: `fatal error: runtime: out of memory`, exit 2 (never SIGABRT/SIGKILL).
(ulimit -v 4000000 && run "$CSP" "$D/chan_huge.csp")
check "make(chan int, 1<<31-1) under ulimit -v" 2 $? '^fatal error: runtime: out of memory$'
(ulimit -v 4000000 && run "$CSP" "$D/array_huge.csp")
check "make([]int, 1<<40) under ulimit -v" 2 $? '^fatal error: runtime: out of memory$'
run "$CSP" "$D/chan_huge.csp"
st=$?
[ "$(cat "$TMP/out")" = "1 2147483647" ] || st="bad output"
grep -q "out of memory" "$TMP/err" && st=oom   # a machine too small says so
[ "$st" = oom ] && st=0
check "make(chan int, 1<<31-1) maps lazily" 0 "$st"

# ---- the stack ----------------------------------------------------------------
# Go's 1 GB stack holds 3 million calls of a trivial function; so does csp's
# (its limit is the same number of bytes).
run "$CSP" "$D/deep_recursion.csp"
st=$?
[ "$(cat "$TMP/out")" = 3000000 ] || st="bad output"
check "3 million nested calls" 0 "$st"

# ---- deeply nested source ----------------------------------------------------------
# The front end recurses over nested expressions and over declarations that
# refer to each other. Go's compiler runs on a growable stack and accepts
# these; csp's checker and compiler stop where the C stack runs low with
# "exceeded max nesting depth" (runtime/cstack.h), and its parser at 1,000
# levels of brackets. Moderate depths must compile and run; huge ones
# compile or end with that error, never a signal. The inputs are generated
# here.

# deep KIND N: writes $TMP/deep.csp, a program nesting KIND N times.
deep() {
    awk -v kind="$1" -v n="$2" 'function rep(s, k,   r) { r = ""; while (k-- > 0) r = r s; return r }
    BEGIN {
        print "package main\n"
        if (kind == "call") {
            print "type F func() F\n\nfunc f() F { return f }\n"
            print "func main() {\n\t_ = f" rep("()", n) "\n\tprintln(\"ok\")\n}"
        } else if (kind == "selector") {
            print "type T struct{ b *T }\n\nfunc main() {\n\ta := &T{}\n\ta.b = a"
            print "\tprintln(a" rep(".b", n) " == a)\n}"
        } else if (kind == "plus") {
            print "func main() {\n\tx := 0" rep("+1", n) "\n\tprintln(x)\n}"
        } else if (kind == "index") {
            print "type S []S\n\nfunc main() {\n\ts := S{nil}\n\ts[0] = s"
            print "\tprintln(len(s" rep("[0]", n) "))\n}"
        } else if (kind == "andand") {
            print "func main() {\n\tt := true\n\tprintln(t" rep(" && t", n) ")\n}"
        } else if (kind == "paren") {
            print "func main() {\n\tprintln(" rep("(", n) "1" rep(")", n) ")\n}"
        } else if (kind == "const" || kind == "var") {
            for (i = 0; i < n; i++) printf "%s c%d = c%d\n", kind, i, i + 1
            printf "%s c%d = 1\n\nfunc main() { println(c0) }\n", kind, n
        } else if (kind == "type") {
            for (i = 0; i < n; i++) printf "type T%d T%d\n", i, i + 1
            printf "type T%d int\n\nfunc main() { var t T0; println(t + 1) }\n", n
        }
    }' > "$TMP/deep.csp"
}
for k in call selector plus index andand const type var; do
    deep $k 500
    run "$CSP" "$TMP/deep.csp"
    st=$?
    case $k in call) want=ok ;; selector | andand) want=true ;; plus) want=500 ;; *) want=1 ;; esac
    [ "$(cat "$TMP/err")" = "$want" ] || st="bad output"
    check "500 nested $k" 0 "$st"
done
# Huge depths: how deep the C stack reaches depends on the build (frame
# sizes), so each may compile (status 0) or stop with the nesting error.
for kn in call:25000 selector:34000 plus:54000 index:54000 andand:54000 var:15000 \
    const:15000 type:15000 paren:10000; do
    deep "${kn%:*}" "${kn#*:}"
    run "$CSP" check "$TMP/deep.csp"
    st=$?
    [ $st = 1 ] && grep -Eq 'deep.csp:[0-9]+:[0-9]+: (syntax error: )?exceeded max nesting depth$' "$TMP/err" &&
        st=0
    check "${kn#*:} nested ${kn%:*}" 0 "$st"
done

# ---- big generated sources ------------------------------------------------------
# Generated tables must check in linear time (Go takes a second or two for
# each; a quadratic checker took minutes): a 1,000,000-element slice literal,
# a 200,000-key map literal, 300,000 iota constants, 200,000 constants each
# defined by the one before.
awk 'BEGIN { print "package main\n\nimport \"fmt\"\n\nvar a = []int{";
    for (i = 0; i < 1000000; i++) print i ",";
    print "}\n\nvar m = map[string]int{";
    for (i = 0; i < 200000; i++) print "\"k" i "\": " i ",";
    print "}\n\nconst (\n\tc0 = iota";
    for (i = 1; i < 300000; i++) print "\tc" i;
    print ")\n\nconst d0 = 1";
    for (i = 1; i < 200000; i++) print "const d" i " = d" i - 1 " + 1";
    print "\nfunc main() { fmt.Println(len(a), a[999999], len(m), m[\"k199999\"], c299999, d199999) }" }' \
    > "$TMP/big.csp"
timeout -k 10 120 "$CSP" "$TMP/big.csp" > "$TMP/out" 2> "$TMP/err"
st=$?
[ "$(cat "$TMP/out")" = "1000000 999999 200000 199999 299999 200000" ] || st="bad output"
check "big generated tables" 0 "$st"

# ---- output that cannot be written ---------------------------------------------
# stdout closed early: Go dies by SIGPIPE (141) even when the parent ignores
# SIGPIPE, instead of writing forever into EPIPE.
for ign in no yes; do
    (
        [ $ign = yes ] && trap '' PIPE
        { timeout -k 10 30 "$CSP" "$D/print_forever.csp" 2> "$TMP/err"; echo $? > "$TMP/rc"; } |
            head -n 1 > "$TMP/out"
    )
    st=$(cat "$TMP/rc")
    [ "$(cat "$TMP/out")" = "line 0" ] || st="bad output"
    check "stdout closed early (SIGPIPE ignored: $ign)" 141 "$st"
done
# stdout to a full device: Go's fmt ignores the error and the program ends.
if [ -w /dev/full ]; then
    timeout -k 10 30 "$CSP" "$D/print_full.csp" > /dev/full 2> "$TMP/err"
    check "stdout to /dev/full" 0 $? '^done$'
fi

# ---- signals --------------------------------------------------------------------
# SIGQUIT while goroutines allocate: Go's dump and exit 2 every time (libgc's
# paused threads used to take the signal and die of it without a dump).
for i in 1 2 3 4 5; do
    : > "$TMP/out" # empty before the wait below (the job truncates it later)
    timeout -k 10 30 "$CSP" "$D/alloc_forever.csp" > "$TMP/out" 2> "$TMP/err" &
    pid=$!
    n=0
    while [ ! -s "$TMP/out" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
    sleep 0.2
    kill -QUIT $pid 2> /dev/null
    wait $pid
    check "SIGQUIT while allocating ($i)" 2 $? '^SIGQUIT: quit$'
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
