/* load.c — parses the embedded standard packages on demand; see load.h. */
#include "load.h"

#include <stdio.h>
#include <string.h>

#include "../runtime/gc.h"
#include "../stdlib/lib.h"
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
