#!/bin/sh
# deps.sh — makes sure the Debian packages csp builds and tests with are
# installed. As root it installs what is missing with apt-get; otherwise it
# prints the exact command and fails.
PKGS="gcc make pkg-config libgc-dev libffi-dev libmpfr-dev libgmp-dev check libsubunit-dev libedit-dev zlib1g-dev libsqlite3-dev tzdata"
[ -n "$CSP_EXTRA_PKGS" ] && PKGS="$PKGS $CSP_EXTRA_PKGS"
# CI also runs static analysis (.ci/cppcheck.sh)
[ "$CI" = true ] && PKGS="$PKGS cppcheck"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null && apt-get install -y -q $missing >/dev/null && exit 0
    echo "deps: apt-get failed" >&2
    exit 1
fi
echo "csp needs:$missing" >&2
echo "run: sudo apt-get install -y$missing" >&2
exit 1
