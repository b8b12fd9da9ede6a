# go_find.sh — sourced by the scripts that run real Go (gen_golden.sh,
# go_run.sh, bench/run.sh): sets GO to the reference toolchain, Go 1.26 or
# newer. Tries `go` on PATH, then /usr/local/go/bin/go (where the official
# tarball installs it); a Debian golang-go on PATH (1.19) is passed over, not
# used: goldens from an older Go would encode its semantics (shared loop
# variables, old timer channels). Returns 1 with a message when none fits.
GO_MIN_MINOR=26

# go_ok CMD: true when CMD is a Go 1.GO_MIN_MINOR+ toolchain.
go_ok() {
    v=$("$1" env GOVERSION 2> /dev/null) || return 1
    minor=$(echo "$v" | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p')
    [ -n "$minor" ] && [ "$minor" -ge $GO_MIN_MINOR ]
}

go_find() {
    GO=
    for g in "$(command -v go 2> /dev/null)" /usr/local/go/bin/go; do
        [ -n "$g" ] && [ -x "$g" ] && go_ok "$g" && { GO=$g; return 0; }
    done
    echo "${0##*/}: needs Go 1.$GO_MIN_MINOR or newer (\`go\` on PATH or /usr/local/go/bin/go)" >&2
    return 1
}

# go_build DIR OUT: builds DIR/main.go into OUT as a module whose go.mod
# says the toolchain's own version, so the program gets that version's
# language and GODEBUG defaults. (GOPATH mode, GO111MODULE=off, would keep
# the language new but the GODEBUG defaults at Go 1.20's: asynctimerchan=1,
# panicnil=1 …, i.e. pre-1.23 timer channels and pre-1.21 panic(nil).)
# GOTOOLCHAIN=local: never switch toolchains or download one.
go_build() {
    printf 'module prog\n\ngo %s\n' "$("$GO" env GOVERSION | sed 's/^go//')" > "$1/go.mod"
    (cd "$1" && GOTOOLCHAIN=local "$GO" build -o "$2" .)
}
