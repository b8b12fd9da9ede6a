/*
 * main.c — the csp command line: run, check and disassemble scripts.
 *
 *   csp FILE.csp [args]       run a script (also: csp run FILE.csp [args])
 *   csp check FILE.csp        parse and type-check only
 *   csp disasm FILE.csp       print the bytecode with source lines
 *   csp version | help
 *   csp [-procs N]            the REPL (repl.c)
 *   -procs N                  number of Ps (default: $GOMAXPROCS, else CPUs)
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

#include "../runtime/gc.h"
#include "../runtime/vm.h"
#include "../stdlib/lib.h"
#include "check.h"
#include "compile.h"
#include "diag.h"
#include "load.h"
#include "parse.h"
#include "repl.h"

enum { EXIT_COMPILE = 1, EXIT_USAGE = 2 };

static char *read_file(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "csp: open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0, r;
    char *buf = gc_alloc_atomic(cap + 1);
    while ((r = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += r;
        if (n == cap)
            buf = gc_realloc(buf, (cap *= 2) + 1);
    }
    int err = ferror(fp);
    fclose(fp);
    if (err) {
        fprintf(stderr, "csp: read %s: %s\n", path, strerror(errno));
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

/* -no-ffi sets CSP_NO_FFI=1, so the REPL and this driver read one switch. */
static bool ffi_disabled(void) {
    const char *v = getenv("CSP_NO_FFI");
    return v && *v && strcmp(v, "0") != 0;
}

/* Parses, checks and compiles FILE; NULL after printing errors. */
static CProgram *build(const char *path, Loader *L) {
    size_t len;
    char *src = read_file(path, &len);
    if (!src)
        exit(EXIT_USAGE);
    Diag *d = L->diag;
    Package *main_pkg = load_package_new("main", parse_file(path, src, len, d));
    Program prog = {.main = main_pkg, .diag = d, .load = load_std, .load_ctx = L,
                    .no_ffi = ffi_disabled()};
    CProgram *cp = NULL;
    if (diag_count(d) == 0 && check_program(&prog) && diag_count(d) == 0)
        cp = comp_program(&prog, d);
    if (diag_count(d) > 0) {
        diag_print(d, stderr);
        return NULL;
    }
    return cp;
}

static void usage(FILE *out) {
    fputs("csp — a Go-subset interpreter built for concurrency\n"
          "\n"
          "usage:\n"
          "  csp [-procs N] FILE.csp [args]   run a script\n"
          "  csp run [-procs N] FILE.csp [args]\n"
          "  csp check FILE.csp               parse and type-check only\n"
          "  csp disasm FILE.csp              print bytecode with source lines\n"
          "  csp version                      print the version\n"
          "  csp help                         print this help\n"
          "\n"
          "flags (before FILE): -procs N (or GOMAXPROCS=N) sets the number of Ps;\n"
          "  -no-ffi (or CSP_NO_FFI=1) makes every //csp:extern a compile error\n",
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

int main(int argc, char **argv) {
    gc_init();
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
    int procs = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *flag = argv[i] + (argv[i][1] == '-' ? 2 : 1);
        if (strcmp(flag, "procs") == 0 && i + 1 < argc)
            procs = parse_procs(argv[++i]);
        else if (strncmp(flag, "procs=", 6) == 0)
            procs = parse_procs(flag + 6);
        else if (strcmp(flag, "no-ffi") == 0)
            setenv("CSP_NO_FFI", "1", 1);
        else {
            fprintf(stderr, "csp: flag provided but not defined: %s\n"
                            "Run 'csp help' for usage.\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (i >= argc && !explicit_cmd)
        return repl_main(procs);  /* `csp` alone: the REPL (issue 5) */
    if (i >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *path = argv[i];
    CProgram *cp = build(path, &L);
    if (!cp)
        return EXIT_COMPILE;
    if (strcmp(cmd, "check") == 0)
        return 0;
    if (strcmp(cmd, "disasm") == 0) {
        disasm_program(cp, stdout);
        return 0;
    }
    os_set_args(argc - i, argv + i);
    fflush(stdout);
    vm_run_main_exit(cp, procs); /* exits when the program ends */
}
