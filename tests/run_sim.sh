#!/bin/sh
# run_sim.sh — the simulation: `-seed N`, `-fake-time` and `csp explore`.
#
# Usage: tests/run_sim.sh CSP_BINARY
#
# Every check is a property of deterministic runs, none a timing:
#   * determinism: each tests/sim/det_*.csp run twice with the same -seed
#     (several seeds and -procs values) gives byte-identical stdout, stderr
#     and exit status;
#   * fake time: tests/sim/fake_sleep.csp sleeps ten minutes and finishes
#     (under a 60 s timeout, as a guard, not a measurement) printing the
#     virtual times;
#   * replay: a failing seeded run ends stderr with `csp: replay with:` and
#     that command prints the same bytes again;
#   * explore: each examples/explore_*.csp bug is found (a goroutine leak
#     too, and its replay command prints the same reports) (the search is
#     deterministic: same seeds, same runs), its fixed version survives
#     10,000 schedules, lost updates show as distinct outcomes, a livelock
#     is reported as a timeout, an exit status as a failure.
# Ends with `N passed, N failed`; exits 1 when anything failed.

. "$(dirname "$0")/lib.sh"
runner_setup sim "" "$@"
cd "$ROOT" || exit 2

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# run_all OUT ARGS...: stdout, stderr and status of `csp ARGS` into OUT.
run_all() {
    out=$1
    shift
    "$CSP" "$@" > "$out" 2> "$out.err"
    echo "exit $?" >> "$out.err"
    cat "$out.err" >> "$out"
}

# ---- determinism -------------------------------------------------------------
for f in tests/sim/det_*.csp; do
    for s in 1 7 4711; do
        for p in 1 2 4; do
            run_all "$TMP/a" -seed $s -procs $p "$f"
            run_all "$TMP/b" -seed $s -procs $p "$f"
            if cmp -s "$TMP/a" "$TMP/b"; then ok; else
                bad "$f -seed $s -procs $p: two runs differ"
                diff "$TMP/a" "$TMP/b" | head -10
            fi
        done
    done
done
# The seed decides: some seed gives another interleaving than seed 1.
run_all "$TMP/a" -seed 1 tests/sim/det_race.csp
differs=no
for s in 2 3 4 5 6 7 8 9; do
    run_all "$TMP/b" -seed $s tests/sim/det_race.csp
    cmp -s "$TMP/a" "$TMP/b" || differs=yes
done
[ $differs = yes ] && ok || bad "det_race.csp: seeds 1..9 all print the same"

# ---- fake time ----------------------------------------------------------------
for flag in "-seed 3" "-fake-time"; do
    if timeout -k 10 60 "$CSP" $flag tests/sim/fake_sleep.csp > "$TMP/out" 2>&1 &&
        grep -q '^elapsed 10m0s now 2009-11-10T23:10:00Z$' "$TMP/out" &&
        grep -q '^woke after 3m0s$' "$TMP/out"; then ok; else
        bad "fake_sleep.csp $flag"; cat "$TMP/out"
    fi
done
if "$CSP" -seed 5 tests/sim/det_timers.csp 2>&1 |
    grep -q '^start 2009-11-10 23:00:00 +0000 UTC m=+0.000000001$'; then ok; else
    bad "det_timers.csp: the clock does not start at the Playground's epoch"
fi

# ---- replay lines --------------------------------------------------------------
# check_replay FILE ARGS...: a failing run's last stderr line replays it.
check_replay() {
    f=$1
    shift
    "$CSP" "$@" "$f" > "$TMP/r.out" 2> "$TMP/r.err"
    st=$?
    last=$(tail -n 1 "$TMP/r.err")
    case $last in
    "csp: replay with: csp "*) ;;
    *) bad "$f $*: exit $st, last stderr line: $last"; return ;;
    esac
    cmd=${last#csp: replay with: csp }
    # shellcheck disable=SC2086
    "$CSP" $cmd > "$TMP/r2.out" 2> "$TMP/r2.err"
    if [ $? = $st ] && cmp -s "$TMP/r.out" "$TMP/r2.out" &&
        cmp -s "$TMP/r.err" "$TMP/r2.err"; then ok; else
        bad "$f: replaying '$last' differs"
    fi
}
check_replay tests/sim/exit3.csp -seed 12
check_replay examples/explore_send_on_closed.csp -seed 1
check_replay examples/explore_philosophers.csp -seed 23
check_replay tests/sim/exit3.csp -fake-time
if "$CSP" -seed 1 examples/explore_lost_update_fixed.csp 2>&1 | grep -q replay; then
    bad "a successful run printed a replay line"
else ok; fi

# ---- explore ---------------------------------------------------------------------
# found NAME KIND [FLAGS]: explore finds KIND in examples/explore_NAME.csp,
# and the printed replay command fails the same way.
found() {
    name=$1
    kind=$2
    shift 2
    f=examples/explore_$name.csp
    "$CSP" explore "$f" -runs 2000 "$@" > "$TMP/e.out" 2> "$TMP/e.err"
    st=$?
    head=$(head -n 1 "$TMP/e.err")
    case $st:$head in
    "1:csp explore: $f: schedule "*" failed "*": $kind"*) ok ;;
    *) bad "explore $f: status $st, want '$kind': $head"; return ;;
    esac
    echo "  $head"
    last=$(tail -n 1 "$TMP/e.err")
    case $last in
    "csp: replay with: csp -seed "*) ok ;;
    *) bad "explore $f: last line: $last" ;;
    esac
}
found philosophers deadlock
found check_then_act panic
found send_on_closed panic
found waitgroup_add "output differs" -expect examples/explore_waitgroup_add_fixed.out
found lost_update "output differs" -expect examples/explore_lost_update_fixed.out
found lost_update "data race" -race
grep -q -- '-race examples/explore_lost_update.csp$' "$TMP/e.err" && ok ||
    bad "explore -race: the replay command lacks -race"
found leak "goroutine leak"
# The leak's replay command (with -leaks=fail) prints the same reports and
# fails with status 3; -leaks=off finds nothing.
cmd=$(tail -n 1 "$TMP/e.err")
cmd=${cmd#csp: replay with: csp }
sed -n '/^--- stderr ---$/,$p' "$TMP/e.err" | sed '1d;$d' > "$TMP/want.err"
# shellcheck disable=SC2086
"$CSP" $cmd > /dev/null 2> "$TMP/r.err"
st=$?
sed '$d' "$TMP/r.err" > "$TMP/got.err"
case $cmd in *-leaks=fail*) ;; *) st="$st, no -leaks=fail in '$cmd'" ;; esac
if [ "$st" = 3 ] && [ -s "$TMP/want.err" ] && cmp -s "$TMP/want.err" "$TMP/got.err"; then ok; else
    bad "explore_leak.csp: the replay ($cmd) exits $st or reports otherwise"
    diff "$TMP/want.err" "$TMP/got.err" | head -10
fi
if "$CSP" explore -leaks=off examples/explore_leak.csp -runs 300 > "$TMP/e.out" 2>&1 &&
    grep -q '300 schedules in .* no failure' "$TMP/e.out"; then ok; else
    bad "explore -leaks=off explore_leak.csp: a failure"; head -20 "$TMP/e.out"
fi
# -race finds nothing in the fixed versions (the detector's state from one
# schedule must not leak into the next: globals are reused between runs).
for name in lost_update check_then_act; do
    f=examples/explore_${name}_fixed.csp
    if "$CSP" explore -race "$f" -runs 300 > "$TMP/e.out" 2>&1 &&
        grep -q '300 schedules in .* no failure' "$TMP/e.out"; then ok; else
        bad "explore -race $f: a failure"; head -20 "$TMP/e.out"
    fi
done

# Without -expect, the lost update shows as distinct outcomes.
"$CSP" explore examples/explore_lost_update.csp -runs 500 > "$TMP/e.out" 2>&1
if grep -q 'counter = 6$' "$TMP/e.out" && grep -q 'counter = [345]$' "$TMP/e.out" &&
    grep -q 'distinct outcomes' "$TMP/e.out"; then ok; else
    bad "explore lost_update: no distinct outcomes"; cat "$TMP/e.out"
fi

for name in philosophers lost_update check_then_act send_on_closed waitgroup_add leak; do
    f=examples/explore_${name}_fixed.csp
    if "$CSP" explore "$f" -runs 10000 -expect "${f%.csp}.out" > "$TMP/e.out" 2>&1 &&
        grep -q '10000 schedules in .* no failure; 1 distinct outcome$' "$TMP/e.out"; then ok; else
        bad "explore $f: a failure or several outcomes"; head -20 "$TMP/e.out"
    fi
done

"$CSP" explore -timeout 300ms tests/sim/livelock.csp > "$TMP/e.out" 2>&1
if [ $? = 1 ] && grep -q 'failed .*: timeout: .*livelock' "$TMP/e.out"; then ok; else
    bad "explore livelock.csp: no timeout"; cat "$TMP/e.out"
fi
"$CSP" explore tests/sim/exit3.csp > "$TMP/e.out" 2>&1
if [ $? = 1 ] && grep -q 'failed .*: exit status 3$' "$TMP/e.out"; then ok; else
    bad "explore exit3.csp"; cat "$TMP/e.out"
fi
"$CSP" explore examples/explore_lost_update.csp -runs 50 -json > "$TMP/e.out" 2>&1
if grep -q '^{"file": "examples/explore_lost_update.csp", "runs": 50, .*"outcomes": \[{"count": ' "$TMP/e.out"; then ok; else
    bad "explore -json"; cat "$TMP/e.out"
fi
"$CSP" explore -runs 0 examples/explore_lost_update.csp > "$TMP/e.out" 2>&1
[ $? = 2 ] && ok || bad "explore -runs 0: want usage error"

# The REPL's :explore runs csp explore on the session (:seed is in
# tests/repl/seed.in).
printf 'n := 0\nfunc inc(wg *sync.WaitGroup) { defer wg.Done(); v := n; n = v + 1 }\nvar wg sync.WaitGroup\nwg.Add(2); go inc(&wg); go inc(&wg); wg.Wait()\nfmt.Println(n)\n:explore -runs 300\n' |
    (cd "$TMP" && "$CSP") > "$TMP/e.out" 2>&1
if grep -q '300 schedules in .* no failure; 2 distinct outcomes' "$TMP/e.out" &&
    grep -q 'replay: csp -seed [0-9]* -procs [0-9]* /tmp/csp-session-' "$TMP/e.out"; then ok; else
    bad "REPL :explore"; cat "$TMP/e.out"
fi
saved=$(sed -n 's/^(the session is saved as \(.*\))$/\1/p' "$TMP/e.out")
[ -n "$saved" ] && rm -f "$saved"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
