/*
 * load.h — finding packages: the standard library's Go sources, embedded at
 * build time (stdlib/lib.h), are parsed on first import, once per Loader.
 */
#ifndef CSP_LOAD_H
#define CSP_LOAD_H

#include "ast.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct Loader {
    Diag *diag;          /* where parse errors of the sources go */
    Package **pkgs;      /* parsed so far */
    int n, cap;
} Loader;

/* A package of one file. */
Package *load_package_new(const char *path, SrcFile *f);
/* Program.load for check_program: ctx is a Loader*. NULL for an unknown
 * import path. */
Package *load_std(void *ctx, const char *path);

/* The bytes of a file (NUL-terminated, GC memory), or NULL after printing
 * `csp: open FILE: reason` to stderr. */
char *load_read_file(const char *path, size_t *len);
/* Parses, checks and compiles the script at path; NULL after printing its
 * errors (*unreadable: the file could not be read). sched_points: the
 * simulation's preemption points (Program.sched_points). */
typedef struct CProgram CProgram;
CProgram *load_build(const char *path, Loader *L, bool sched_points,
                     bool *unreadable);

#endif
