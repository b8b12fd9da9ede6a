#!/bin/sh
# run.sh CSP — end-to-end tests of the REPL (`csp` with no arguments).
#
# Each NAME.in is fed to csp on stdin (no terminal: no prompts) in a fresh
# temporary directory; stdout must equal NAME.out and stderr NAME.err. When
# NAME.wout exists, the session wrote session.csp with :write, and running
# that program must print NAME.wout. Then one session runs on a
# pseudo-terminal (util-linux `script`): banner, prompts, the continuation
# prompt of a multi-line function, and the history file's mode; and
# terminal.py types at a pseudo-terminal with Ctrl-C and Ctrl-D;
# panic_write.py checks that a panic's report is written in one piece.
# Prints `N passed, N failed`.
csp=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# check NAME WHAT EXPECTED ACTUAL
check() {
    if cmp -s "$3" "$4"; then
        return 0
    fi
    echo "FAIL $1: $2 differs"
    diff "$3" "$4" | head -20
    return 1
}

for in in "$dir"/*.in; do
    name=$(basename "$in" .in)
    work=$tmp/$name
    mkdir -p "$work"
    (cd "$work" && timeout -k 10 30 "$csp" <"$in" >"$tmp/$name.stdout" 2>"$tmp/$name.stderr")
    ok=true
    check "$name" stdout "$dir/$name.out" "$tmp/$name.stdout" || ok=false
    if [ -f "$dir/$name.err" ]; then
        check "$name" stderr "$dir/$name.err" "$tmp/$name.stderr" || ok=false
    fi
    if [ -f "$dir/$name.wout" ]; then
        (cd "$work" && timeout -k 10 30 "$csp" session.csp >"$tmp/$name.wrun" 2>&1)
        check "$name" ":write program output" "$dir/$name.wout" "$tmp/$name.wrun" || ok=false
    fi
    if $ok; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done

# The terminal session.
if command -v script >/dev/null 2>&1; then
    home=$tmp/home
    mkdir -p "$home"
    printf 'x := 20\nfunc f() int {\nreturn x + 1\n}\nf() * 2\n:quit\n' |
        HOME=$home TERM=dumb timeout -k 10 30 script -qec "$csp" /dev/null 2>&1 |
        tr -d '\r' >"$tmp/pty.out"
    ok=true
    for want in "csp version" ":help" "csp> f() * 2" "...  return x + 1" "42"; do
        if ! grep -qxF -- "$want" "$tmp/pty.out" &&
            ! grep -qF -- "$want " "$tmp/pty.out"; then
            echo "FAIL pty: no \"$want\" in the terminal output"
            ok=false
        fi
    done
    mode=$(stat -c %a "$home/.csp_history" 2>/dev/null)
    if [ "$mode" != 600 ]; then
        echo "FAIL pty: ~/.csp_history mode is \"$mode\", want 600"
        ok=false
    fi
    if $ok; then
        passed=$((passed + 1))
    else
        cat "$tmp/pty.out"
        failed=$((failed + 1))
    fi
else
    echo "skip pty: no script(1)"
fi

# Keystrokes with timing (Ctrl-C, Ctrl-D): a small pty driver.
if command -v python3 >/dev/null 2>&1; then
    if HOME=$tmp/home timeout -k 10 120 python3 "$dir/terminal.py" "$csp"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
    if timeout -k 10 60 python3 "$dir/panic_write.py" "$csp"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
else
    echo "skip terminal.py, panic_write.py: no python3"
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
