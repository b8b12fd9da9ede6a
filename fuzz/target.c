/*
 * target.c — a libFuzzer driver: FUZZ_TARGET (parse, check, compile, run;
 * a -D of the build) names the entry of fuzz.h it feeds. `make fuzz`
 * builds and runs it (fuzz/run.sh).
 */
#include "fuzz.h"

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET=parse|check|compile|run"
#endif
#define FUZZ_CAT(a, b) a##b
#define FUZZ_FN(t) FUZZ_CAT(fuzz_, t)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    fuzz_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    FUZZ_FN(FUZZ_TARGET)(data, n);
    return 0;
}
