# normalize.sh — sourced by tests/run_gotest.sh and gen_golden.sh: what may
# differ between two `go test` runs of the same file, made equal.
#
# gotest_normalize < OUTPUT > NORMALISED:
#   - durations: `(0.01s)` -> `(X.XXs)`, and the final ok/FAIL line's
#     `0.123s` -> `X.XXXs`;
#   - a panic's goroutine tracebacks (Go's frames and addresses, csp's
#     frames; Go dumps every goroutine after -timeout): from the first
#     `goroutine N [...]:` up to the next `FAIL`/`ok` line, one line;
#   - -fuzz's progress lines: `fuzz: elapsed: 3s,` -> `fuzz: elapsed: Xs,`;
#   - benchmark results: the time per op (`1052 ns/op`) and the cpu line;
#     the iteration count stays (the goldens use -benchtime Nx); B/op and
#     allocs/op when not 0 (a csp value's layout is not Go's; 0 must be 0).
gotest_normalize() {
    sed -E \
        -e 's/\([0-9]+\.[0-9]+s\)/(X.XXs)/g' \
        -e 's/^(ok  |FAIL)\t(command-line-arguments)\t[0-9]+\.[0-9]+s/\1\t\2\tX.XXXs/' \
        -e 's/\t *[0-9.]+ ns\/op/\tT ns\/op/' \
        -e 's/^cpu: .*/cpu: CPU/' \
        -e 's/\t *[1-9][0-9]* B\/op/\tN B\/op/' \
        -e 's/\t *[1-9][0-9]* allocs\/op/\tN allocs\/op/' \
        -e 's/^fuzz: elapsed: [0-9hms]+,/fuzz: elapsed: Xs,/' |
    awk '
        /^goroutine [0-9]+ \[/ { if (!skip) print "goroutine N [...]:"; skip = 1; next }
        skip && /^(FAIL|ok)/ { skip = 0 }
        !skip { print }
    '
}
