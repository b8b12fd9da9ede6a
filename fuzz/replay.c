/*
 * replay.c — feeds files through the fuzz entries without libFuzzer
 * (built with the normal compiler; `make test` runs it over the regression
 * corpus fuzz/regress/ through every target: tests/run_fuzz.sh).
 *
 *   fuzz_replay TARGET FILE...     TARGET: parse, check, compile, run
 *
 * Prints `ok FILE` after each input; a crash or hang shows as the
 * process dying or never printing it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../lang/load.h"
#include "fuzz.h"

int main(int argc, char **argv) {
    if (argc < 3 || !fuzz_entry(argv[1])) {
        fputs("usage: fuzz_replay parse|check|compile|run FILE...\n", stderr);
        return 2;
    }
    FILE *out = fdopen(dup(1), "w");
    fuzz_init();
    FuzzEntry fn = fuzz_entry(argv[1]);
    for (int i = 2; i < argc; i++) {
        size_t n;
        char *src = load_read_file(argv[i], &n);
        if (!src)
            return 2;
        fn((const uint8_t *)src, n);
        fprintf(out, "ok %s\n", argv[i]);
        fflush(out);
    }
    return 0;
}
