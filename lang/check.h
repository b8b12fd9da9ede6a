/*
 * check.h — the type checker: resolves names, computes types and constant
 * values, and reports Go's compile errors. What "checked" means for the
 * compiler is written at the top of ast.h (the CHECKER fields).
 *
 * The checker is split over check.c (packages, declarations, init order),
 * check_type.c (type expressions, identity, method sets, assignability),
 * check_expr.c (expressions, calls, builtins, conversions), check_stmt.c
 * (statements, function bodies, labels) and universe.c (predeclared names).
 */
#ifndef CSP_CHECK_H
#define CSP_CHECK_H

#include "ast.h"
#include "diag.h"

typedef struct Program {
    Package **pkgs; int npkgs;   /* OUT: every checked package, dependencies
                                    first, main last */
    Package *main;               /* IN: the parsed main package */
    Diag *diag;                  /* IN */
    /* IN, from the driver: the parsed (unchecked) package for an import
     * path, or NULL if it is not a known package. The same Package* is
     * returned for the same path. */
    Package *(*load)(void *ctx, const char *path);
    void *load_ctx;
    /* IN: the REPL's programs: unused variables and imports are not
     * errors (issue 5). */
    bool repl;
    /* IN: the simulation's preemption points (runtime/sim.h, -seed and
     * csp explore): OP_SCHEDPT before each shared-memory access of the
     * main package, and no fused read-modify-write (ADDUP), so goroutines
     * can interleave between a load and its store as Go's can. */
    bool sched_points;
    /* IN: -no-ffi / CSP_NO_FFI=1: every //csp:extern is an error. */
    bool no_ffi;
    /* IN: the function the program starts in; NULL: main. csp test's
     * generated file (lang/testmain.c) names its own, so a test file may
     * have a main or none. */
    const char *entry;
    /* checker-private: generic instances whose bodies are still to be
     * checked (check_generic.c) */
    struct GenQueue *gen_queue;
} Program;

/* Checks prog->main and, recursively, every package it imports. True when
 * no errors were reported. Never crashes on a tree with syntax errors. */
bool check_program(Program *prog);

/* Looks `name` up in a checked package's scope (NULL if absent), e.g. the
 * compiler finding main.main. name need not be interned. */
Object *check_lookup(Package *pkg, const char *name);

/* Whether a checked expression contains a (non-conversion) call or a
 * channel receive: then len/cap of an array-typed e is not constant and
 * e is evaluated (by len, cap and range). */
bool check_has_call_or_recv(Expr *e);

#endif
