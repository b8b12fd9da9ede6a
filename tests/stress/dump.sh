#!/bin/sh
# dump.sh CSP PROCS — a goroutine dump (SIGQUIT) of a busy program: the
# dump stops the world, so it must print every goroutine's stack while
# others were running, and (in the sanitizer builds) without a report.
# Exits 0 when the dump is whole: SIGQUIT's header, main's stack, a
# goroutine parked deep in recursion, exit status 2.
csp=$1
procs=$2
dir=$(dirname "$0")
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$csp" -procs "$procs" "$dir/dump_busy.csp" >"$out" 2>"$err" &
pid=$!
i=0
until grep -q ready "$out" 2>/dev/null; do # the SIGQUIT thread is up
    i=$((i + 1))
    if [ $i -gt 600 ]; then kill -9 $pid; echo "dump: never ready"; exit 1; fi
    sleep 0.1
done
sleep 0.2
kill -QUIT $pid
wait $pid
rc=$?
ok=true
[ $rc -eq 2 ] || { echo "dump: exit status $rc"; ok=false; }
grep -q '^SIGQUIT: quit' "$err" || { echo "dump: no SIGQUIT header"; ok=false; }
grep -q '^goroutine 1 \[' "$err" || { echo "dump: no main"; ok=false; }
[ "$(grep -c '^main.deep' "$err")" -ge 50 ] || { echo "dump: deep stack missing"; ok=false; }
if grep -q 'Sanitizer' "$err"; then echo "dump: sanitizer report"; ok=false; fi
$ok || head -c 3000 "$err"
$ok
