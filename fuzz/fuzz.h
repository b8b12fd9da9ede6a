/*
 * fuzz.h — the fuzz targets' entry points, shared by the libFuzzer drivers
 * (fuzz/target.c, built with clang -fsanitize=fuzzer) and the regression
 * replay (fuzz/replay.c, built with the normal compiler and run by
 * `make test`), so a crasher replays through exactly the code that found it.
 *
 * Each entry takes one input as a csp source file and returns normally
 * whatever the input is; a bug shows as a signal, a sanitizer report, a
 * hang or an abort (an exit of the process is turned into an abort, so
 * libFuzzer saves the input).
 *
 *   parse    the lexer and parser
 *   check    parse, then type-check (with the standard packages it imports)
 *   compile  parse, check, compile to bytecode; nothing runs
 *   run      the whole pipeline, then a run under the simulation
 *            (runtime/sim.h: one thread, virtual time, deterministic from
 *            the input) with a budget of preemption points, a wall-clock
 *            limit and a heap limit, so a generated infinite loop or a huge
 *            allocation ends the run quickly, not the fuzzer
 */
#ifndef CSP_FUZZ_H
#define CSP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

typedef void (*FuzzEntry)(const uint8_t *data, size_t n);

/* Once per process, before any entry: the collector, the heap limit, the
 * program's output sent to /dev/null unless $CSP_FUZZ_VERBOSE is set. */
void fuzz_init(void);

void fuzz_parse(const uint8_t *data, size_t n);
void fuzz_check(const uint8_t *data, size_t n);
void fuzz_compile(const uint8_t *data, size_t n);
void fuzz_run(const uint8_t *data, size_t n);

/* The entry named name ("parse", "check", "compile", "run"), or NULL. */
FuzzEntry fuzz_entry(const char *name);

#endif
