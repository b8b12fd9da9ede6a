/*
 * main.c — the csp command line: run, check and disassemble scripts.
 *
 *   csp FILE.csp [args]       run a script (also: csp run FILE.csp [args])
 *   csp check FILE.csp        parse and type-check only
 *   csp disasm FILE.csp       print the bytecode with source lines
 *   csp version | help
 *   csp [-procs N]            the REPL (repl.c)
 *   csp explore FILE [flags]  search schedules for a failure (explore.c)
 *   csp test [FILE.csp...] FILE_test.csp [flags]
 *                             go test for a file list (testmain.c)
 *   -procs N                  number of Ps (default: $GOMAXPROCS, else CPUs)
 *   -race                     the data-race detector (runtime/race.c); a run
 *                             that found races exits 66, as Go's does
 *   -leaks=on|off|fail|all    goroutine-leak reports (runtime/leak.c), on by
 *                             default; fail: exit status 3 after a leak
 *   -seed N                   deterministic simulation seeded with N, with
 *                             virtual time (runtime/sim.h)
 *   -fake-time                virtual time: the simulation with a seed
 *                             drawn from the clock (printed on failure)
 *   -depth D                  PCT depth of a simulated run (explore's)
 *   -no-ffi                   every //csp:extern is a compile error (a
 *                             teaching sandbox); also CSP_NO_FFI=1
 *
 * Exit status as Go's tools: 1 for compile errors, 2 for usage errors and for
 * a program that dies by panic or fatal error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../runtime/gc.h"
#include "../runtime/leak.h"
#include "../runtime/race.h"
#include "../runtime/sim.h"
#include "../runtime/vm.h"
#include "../stdlib/lib.h"
#include "check.h"
#include "compile.h"
#include "diag.h"
#include "explore.h"
#include "load.h"
#include "parse.h"
#include "repl.h"
#include "testmain.h"

enum { EXIT_COMPILE = 1, EXIT_USAGE = 2 };

/* Parses, checks and compiles FILE; NULL after printing errors (exits 2
 * when it cannot be read). */
static CProgram *build(const char *path, Loader *L, bool sched_points) {
    bool unreadable;
    gc_hold(true);
    CProgram *cp = load_build(path, L, sched_points, &unreadable);
    gc_hold(false);
    if (unreadable)
        exit(EXIT_USAGE);
    return cp;
}

/* The simulation's flags (-seed, -fake-time, -depth). */
typedef struct SimFlags {
    bool on, seeded;
    uint64_t seed;
    int depth;
} SimFlags;

static uint64_t parse_u64(const char *flag, const char *s) {
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (*s == 0 || *s == '-' || *end != 0 || errno) {
        fprintf(stderr, "csp: invalid value \"%s\" for flag -%s\n", s, flag);
        exit(EXIT_USAGE);
    }
    return n;
}

/* Turns the simulation on for the script run as argv[0..argc). */
static void setup_sim(SimFlags *sf, int procs, int argc, char **argv) {
    if (!sf->seeded) { /* -fake-time alone: a seed from the clock */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        sf->seed = ((uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec * 1000003u) %
                   1000000000u;
    }
    SimConfig c = {.seed = sf->seed, .procs = explore_sim_procs(procs),
                   .depth = sf->depth};
    c.replay = explore_replay_command(c.seed, c.procs, c.depth,
                                      leak_mode() == LEAK_FAIL, argc, argv);
    sim_setup(&c);
}

static void usage(FILE *out) {
    fputs("csp — a Go-subset interpreter built for concurrency\n"
          "\n"
          "usage:\n"
          "  csp [-procs N] [-race] FILE.csp [args]   run a script\n"
          "  csp run [-procs N] [-race] FILE.csp [args]\n"
          "  csp [-procs N] [-race]           the REPL\n"
          "  csp explore FILE.csp [-runs N] [-depth D] [-procs P] [-timeout T]\n"
          "              [-expect FILE.out] [-race] [-json]\n"
          "                                   search schedules for a failure\n"
          "  csp test [-v] [-run RE] [-bench RE] [-count N] [-race] ...\n"
          "           FILE_test.csp           run Test/Benchmark/Example funcs\n"
          "  csp check FILE.csp               parse and type-check only\n"
          "  csp disasm FILE.csp              print bytecode with source lines\n"
          "  csp version                      print the version\n"
          "  csp help                         print this help\n"
          "\n"
          "flags before FILE:\n"
          "  -procs N       number of Ps (default $GOMAXPROCS, else the CPUs)\n"
          "  -seed N        deterministic run: every scheduling choice drawn from\n"
          "                 seed N, all goroutines on one thread, virtual time\n"
          "  -fake-time     virtual time (the simulation, seeded from the clock)\n"
          "  -depth D       PCT depth of a seeded run (as csp explore -depth)\n"
          "  -no-ffi        every //csp:extern a compile error (or CSP_NO_FFI=1)\n"
          "  -leaks=MODE    goroutine leaks: on (default: reported when found),\n"
          "                 off, fail (also exit status 3 if any was found),\n"
          "                 all (as fail, and goroutines still there when main\n"
          "                 returns are listed and fail the run)\n",
          out);
}

static int parse_procs(const char *s) {
    char *end;
    long n = strtol(s, &end, 10);
    if (*s == 0 || *end != 0 || n < 1 || n > 1024) {
        fprintf(stderr, "csp: invalid value \"%s\" for flag -procs\n", s);
        exit(EXIT_USAGE);
    }
    return (int)n;
}

static int parse_leaks(const char *s) {
    if (strcmp(s, "on") == 0)
        return LEAK_ON;
    if (strcmp(s, "off") == 0)
        return LEAK_OFF;
    if (strcmp(s, "fail") == 0)
        return LEAK_FAIL;
    if (strcmp(s, "all") == 0)
        return LEAK_ALL;
    fprintf(stderr, "csp: invalid value \"%s\" for flag -leaks "
                    "(want on, off, fail or all)\n", s);
    exit(EXIT_USAGE);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "test") == 0) /* forks first: nothing set up yet */
        return testmain_main(argc - 2, argv + 2);
    vm_block_sigquit();
    gc_init();
    leak_set_mode(LEAK_ON);
    Diag diag;
    diag_init(&diag);
    Loader L = {.diag = &diag};

    int i = 1;
    const char *cmd = "run";
    bool explicit_cmd = false;
    static const char *const commands[] = {"run", "check", "disasm",
                                           "version", "help", NULL};
    for (int c = 0; i < argc && commands[c]; c++)
        if (strcmp(argv[i], commands[c]) == 0) {
            cmd = argv[i++];
            explicit_cmd = true;
            break;
        }
    if (strcmp(cmd, "version") == 0) {
        printf("csp version %s\n", CSP_VERSION);
        return 0;
    }
    if (strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "run") == 0 && i < argc && strcmp(argv[i], "explore") == 0)
        return explore_main(argc - i - 1, argv + i + 1);
    int procs = 0;
    SimFlags sf = {0};
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *flag = argv[i] + (argv[i][1] == '-' ? 2 : 1);
        if (strcmp(flag, "procs") == 0 && i + 1 >= argc) {
            fprintf(stderr, "csp: flag needs an argument: -procs\n");
            return EXIT_USAGE;
        } else if (strcmp(flag, "procs") == 0)
            procs = parse_procs(argv[++i]);
        else if (strncmp(flag, "procs=", 6) == 0)
            procs = parse_procs(flag + 6);
        else if (strcmp(flag, "race") == 0)
            race_enable(true);
        else if (strncmp(flag, "leaks=", 6) == 0)
            leak_set_mode(parse_leaks(flag + 6));
        else if (strcmp(flag, "leaks") == 0)
            leak_set_mode(LEAK_ON);
        else if (strcmp(flag, "seed") == 0 && i + 1 < argc)
            sf.seed = parse_u64("seed", argv[++i]), sf.on = sf.seeded = true;
        else if (strncmp(flag, "seed=", 5) == 0)
            sf.seed = parse_u64("seed", flag + 5), sf.on = sf.seeded = true;
        else if (strcmp(flag, "fake-time") == 0)
            sf.on = true;
        else if (strcmp(flag, "depth") == 0 && i + 1 < argc)
            sf.depth = (int)parse_u64("depth", argv[++i]);
        else if (strncmp(flag, "depth=", 6) == 0)
            sf.depth = (int)parse_u64("depth", flag + 6);
        else if (strcmp(flag, "no-ffi") == 0)
            setenv("CSP_NO_FFI", "1", 1);
        else {
            fprintf(stderr, "csp: flag provided but not defined: %s\n"
                            "Run 'csp help' for usage.\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (i >= argc && !explicit_cmd && !sf.on)
        return repl_main(procs);  /* `csp` alone: the REPL (issue 5) */
    if (i >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *path = argv[i];
    bool sim = sf.on && strcmp(cmd, "run") == 0;
    CProgram *cp = build(path, &L, sim);
    if (!cp)
        return EXIT_COMPILE;
    if (strcmp(cmd, "check") == 0)
        return 0;
    if (strcmp(cmd, "disasm") == 0) {
        disasm_program(cp, stdout);
        return 0;
    }
    os_set_args(argc - i, argv + i);
    if (sim)
        setup_sim(&sf, procs, argc - i, argv + i);
    fflush(stdout);
    vm_run_main_exit(cp, procs); /* exits when the program ends */
}
