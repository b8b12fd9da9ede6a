/*
 * load.h — finding packages: the standard library's Go sources, embedded at
 * build time (stdlib/lib.h), are parsed on first import, once per Loader.
 */
#ifndef CSP_LOAD_H
#define CSP_LOAD_H

#include "ast.h"
#include "diag.h"

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

#endif
