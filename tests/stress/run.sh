#!/bin/sh
# run.sh [tsan|asan] — builds the C-level scheduler/channel stress programs
# into build/stress[-VARIANT]/ and runs them at -procs 1, 2 and 8. Prints
# one closing line `N passed, N failed`; exits non-zero on any failure.
# (Later, csp-script stress tests will join them here.)
set -u
variant=${1:-release}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build/stress-$variant
mkdir -p "$out"
flags="-std=gnu11 -O2 -g -Wall -Wextra -Wshadow -Wno-unused-parameter -D_GNU_SOURCE -I$root"
scale=1
case $variant in
tsan) flags="$flags -O1 -fsanitize=thread -DCSP_NO_GC"; scale=10 ;;
asan) flags="$flags -O1 -fsanitize=address,undefined -fno-omit-frame-pointer"; scale=4 ;;
esac
libs="$(pkg-config --libs bdw-gc) -lm -lpthread"
rt="$root/runtime/sched.c $root/runtime/park_linux.c $root/runtime/chan.c"
passed=0
failed=0
for prog in stress_chan stress_park; do
    if ! ${CC:-gcc} $flags "$root/tests/stress/$prog.c" $rt -o "$out/$prog" $libs; then
        echo "FAIL: cannot build $prog"
        failed=$((failed + 1))
    fi
done

# check NAME CMD... — runs one case with a time limit.
check() {
    name=$1
    shift
    if ASAN_OPTIONS=detect_leaks=0 timeout 300 "$@"; then
        passed=$((passed + 1))
    else
        echo "FAIL: $name"
        failed=$((failed + 1))
    fi
}

for procs in 1 2 8; do
    check "chan procs=$procs" "$out/stress_chan" $procs 1000 1000 $((2000 / scale))
    check "chan small procs=$procs" "$out/stress_chan" $procs 4 3 $((50000 / scale))
    check "park procs=$procs" "$out/stress_park" $procs $((200000 / scale))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
