/* entry.c — the fuzz targets' entry points; see fuzz.h. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gc.h>

#include "../lang/check.h"
#include "../lang/compile.h"
#include "../lang/load.h"
#include "../lang/parse.h"
#include "../runtime/sim.h"
#include "../runtime/vm.h"
#include "../stdlib/lib.h"

enum {
    FUZZ_HEAP_INPUT = 512 << 20,        /* bytes of GC heap one input may add */
    FUZZ_RUN_STEPS = 2000000,           /* preemption points per run */
};
#define FUZZ_RUN_WALL_NS 2000000000LL   /* wall time per run */

/* Whether an entry is running: vm_exit outside a simulated run means the
 * process would end (out of memory in the front end, a fatal error): a
 * finding, so it aborts for libFuzzer to save the input. */
static void exit_hook(void) {
    /* fd 2 itself: stderr may be /dev/null (fuzz_init) */
    static const char msg[] =
        "fuzz: the process is exiting (vm_exit) during an input\n";
    if (write(2, msg, sizeof msg - 1) < 0) {}
    abort();
}

/* The heap limit, set before each input to the heap the process has now
 * plus FUZZ_HEAP_INPUT: it bounds what one input allocates. A fixed limit
 * for the whole process would not: the collector is conservative, so some
 * of the earlier inputs' garbage stays reachable from stale words (a few
 * hundred MB after the 480 seeds), and an input late in a run found the
 * limit already spent by others (a front-end "out of memory" abort in CI).
 * The heap stays bounded by what is really retained plus one input's
 * peak; libFuzzer's -rss_limit_mb catches a real creep. */
static void input_begin(void) {
    GC_set_max_heap_size(GC_get_heap_size() + FUZZ_HEAP_INPUT);
}

void fuzz_init(void) {
    gc_init();
    vm_set_exit_hook(exit_hook);
    if (!getenv("CSP_FUZZ_VERBOSE")) {
        /* the programs' output and the front end's messages; fd 2 stays
         * for the sanitizers' and libFuzzer's reports */
        fflush(stdout);
        FILE *null = fopen("/dev/null", "w");
        if (null) {
            int fd = fileno(null);
            dup2(fd, 1);
            stderr = null;
        }
    }
}

/* The input as a NUL-terminated copy (the lexer reads src[len] == 0). */
static char *source(const uint8_t *data, size_t n) {
    char *s = gc_alloc_atomic(n + 1);
    memcpy(s, data, n);
    s[n] = 0;
    return s;
}

typedef enum Stage { ST_PARSE, ST_CHECK, ST_COMPILE } Stage;

/* Runs the front end up to stage; the compiled program or NULL. */
static CProgram *front(const uint8_t *data, size_t n, Stage stage) {
    input_begin();
    Diag d;
    diag_init(&d);
    Loader L = {.diag = &d};
    SrcFile *f = parse_file("fuzz.csp", source(data, n), n, &d);
    if (stage == ST_PARSE || diag_count(&d) > 0) {
        diag_print(&d, stderr);
        return NULL;
    }
    Program prog = {.main = load_package_new("main", f), .diag = &d,
                    .load = load_std, .load_ctx = &L, .no_ffi = true};
    CProgram *cp = NULL;
    if (check_program(&prog) && diag_count(&d) == 0 && stage == ST_COMPILE)
        cp = comp_program(&prog, &d);
    if (diag_count(&d) > 0) {
        diag_print(&d, stderr);
        return NULL;
    }
    return cp;
}

void fuzz_parse(const uint8_t *data, size_t n) { front(data, n, ST_PARSE); }
void fuzz_check(const uint8_t *data, size_t n) { front(data, n, ST_CHECK); }
void fuzz_compile(const uint8_t *data, size_t n) { front(data, n, ST_COMPILE); }

void fuzz_run(const uint8_t *data, size_t n) {
    CProgram *cp = front(data, n, ST_COMPILE);
    if (!cp)
        return;
    uint64_t seed = 1469598103934665603u; /* FNV-1a of the input */
    for (size_t i = 0; i < n; i++)
        seed = (seed ^ data[i]) * 1099511628211u;
    SimConfig c = {.seed = seed, .procs = 2, .timeout_ns = FUZZ_RUN_WALL_NS,
                   .max_steps = FUZZ_RUN_STEPS};
    sim_setup(&c);
    lib_reset_run();
    vm_run_main(cp, c.procs);
    fflush(stdout);
    fflush(stderr);
    sim_teardown();
}

FuzzEntry fuzz_entry(const char *name) {
    static const struct {
        const char *name;
        FuzzEntry fn;
    } entries[] = {{"parse", fuzz_parse}, {"check", fuzz_check},
                   {"compile", fuzz_compile}, {"run", fuzz_run}};
    for (size_t i = 0; i < sizeof entries / sizeof *entries; i++)
        if (strcmp(entries[i].name, name) == 0)
            return entries[i].fn;
    return NULL;
}
