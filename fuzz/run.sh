#!/bin/sh
# run.sh TARGET SECS — runs the libFuzzer binary build/fuzz/fuzz_TARGET for
# SECS seconds (`make fuzz` builds it first).
#
# Corpus: build/fuzz/corpus/TARGET (grows, kept between runs) plus seeds
# built afresh from the tests and examples (fuzz/seeds.sh); dictionary:
# fuzz/go.dict. A crash, sanitizer report, timeout or memory blow-up is
# saved under build/fuzz/artifacts/TARGET/ and the run exits non-zero;
# minimize it (`build/fuzz/fuzz_TARGET -minimize_crash=1 FILE`) and add it
# to fuzz/regress/ once fixed.
#
# Limits: inputs up to 10 KB; an input that takes more than FUZZ_TIMEOUT
# seconds is a hang (default 10 for the front-end targets: the sanitizers
# slow the front end several times, so this is far above the second a
# release build may take; 30 for run, whose seed scripts collect and sleep
# under ASan for seconds); RSS above 2 GB a memory blow-up.
set -e
target=$1
secs=${2:-60}
timeout=10
[ "$target" = run ] && timeout=30
cd "$(dirname "$0")/.."
bin=build/fuzz/fuzz_$target
[ -x "$bin" ] || { echo "fuzz: $bin not built (make fuzz TARGET=$target)" >&2; exit 2; }
corpus=build/fuzz/corpus/$target
seeds=build/fuzz/seeds/$target
art=build/fuzz/artifacts/$target
mkdir -p "$corpus" "$art"
sh fuzz/seeds.sh "$target" "$seeds"
# Leaks are the collector's business (libgc memory is never freed).
ASAN_OPTIONS="detect_leaks=0:$ASAN_OPTIONS" \
UBSAN_OPTIONS="print_stacktrace=1:$UBSAN_OPTIONS" \
exec "$bin" -max_total_time="$secs" -max_len=10240 \
    -timeout="${FUZZ_TIMEOUT:-$timeout}" -rss_limit_mb=2048 \
    -dict=fuzz/go.dict -artifact_prefix="$art/" -print_final_stats=1 \
    $FUZZ_FLAGS "$corpus" "$seeds"
