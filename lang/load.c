/* load.c — parses the embedded standard packages on demand; see load.h. */
#include "load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"
#include "../stdlib/lib.h"
#include "check.h"
#include "compile.h"
#include "parse.h"

Package *load_package_new(const char *path, SrcFile *f) {
    Package *p = gc_alloc(sizeof *p);
    p->path = gc_strdup(path);
    p->name = f->pkgname;
    p->files = gc_alloc(sizeof *p->files);
    p->files[0] = f;
    p->nfiles = 1;
    return p;
}

Package *load_std(void *ctx, const char *path) {
    Loader *L = ctx;
    for (int i = 0; i < L->n; i++)
        if (strcmp(L->pkgs[i]->path, path) == 0)
            return L->pkgs[i];
    const char *src = lib_source(path);
    if (!src)
        return NULL;
    size_t n = strlen(path) + 16;
    char *name = gc_alloc_atomic(n);
    snprintf(name, n, "<std>/%s.go", path);
    Package *p = load_package_new(path, parse_file(name, src, strlen(src), L->diag));
    if (L->n == L->cap) {
        L->cap = L->cap ? 2 * L->cap : 16;
        L->pkgs = gc_realloc(L->pkgs, L->cap * sizeof *L->pkgs);
    }
    L->pkgs[L->n++] = p;
    return p;
}

char *load_read_file(const char *path, size_t *len) {
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

/* -no-ffi sets CSP_NO_FFI=1, so the REPL and the driver read one switch. */
static bool ffi_disabled(void) {
    const char *v = getenv("CSP_NO_FFI");
    return v && *v && strcmp(v, "0") != 0;
}

CProgram *load_build(const char *path, Loader *L, bool sched_points,
                     bool *unreadable) {
    size_t len;
    char *src = load_read_file(path, &len);
    *unreadable = !src;
    if (!src)
        return NULL;
    Diag *d = L->diag;
    Package *main_pkg = load_package_new("main", parse_file(path, src, len, d));
    Program prog = {.main = main_pkg, .diag = d, .load = load_std,
                    .load_ctx = L, .sched_points = sched_points,
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
