/*
 * lib.c — the standard library registry: finds a package's embedded Go source
 * and binds natives by qualified name.
 *
 * Natives live in one table per package (strings_natives in strings.c, ...),
 * each entry spelled with the package *name* ("utf8.RuneLen", not
 * "unicode/utf8.RuneLen") so a table reads like the Go API. lib_find_native
 * accepts either spelling. Lookup is a linear scan: it runs once per native
 * when a program is compiled, never while it runs. Alternative rejected: one
 * big table in this file, which every package author would have to keep in
 * sync by hand.
 */
#include <stdio.h>
#include <string.h>
#include "lib.h"

/* Every package table, in no particular order. Add a package here. */
static const NativeEntry *const package_tables[] = {
    errors_natives, strings_natives, strconv_natives, math_natives,
    os_natives, unicode_natives, utf8_natives, sort_natives, fmt_natives,
    rand_natives, time_natives, runtime_natives,
    sync_natives, atomic_natives,
};

/* "unicode/utf8.RuneLen" -> "utf8.RuneLen": drop the import path's
 * directories. Only a '/' before the first '.' belongs to the path. */
static const char *strip_path(const char *name) {
    const char *dot = strchr(name, '.');
    const char *start = name;
    for (const char *p = name; *p && (!dot || p < dot); p++)
        if (*p == '/')
            start = p + 1;
    return start;
}

static const NativeEntry *find_in(const NativeEntry *t, const char *name) {
    for (; t->name; t++)
        if (strcmp(t->name, name) == 0)
            return t;
    return NULL;
}

static const NativeEntry *find_any(const char *name) {
    size_t n = sizeof package_tables / sizeof package_tables[0];
    for (size_t i = 0; i < n; i++) {
        const NativeEntry *e = find_in(package_tables[i], name);
        if (e)
            return e;
    }
    return NULL;
}

const NativeFast *lib_native_fast(NativeFn fn) {
    for (const NativeFast *c = sync_native_fast; fn && c->fn; c++)
        if (c->fn == fn)
            return c;
    return NULL;
}

NativeFn lib_find_native(const char *qualified_name) {
    const char *name = strip_path(qualified_name);
    const NativeEntry *e = find_any(name);
    if (e || strchr(name, '('))
        return e ? e->fn : NULL;
    /* "pkg.Type.Method" (ast.h's spelling) -> "pkg.(*Type).Method": the
     * tables spell methods Go's way, and native methods have pointer
     * receivers. */
    const char *d1 = strchr(name, '.');
    const char *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
    if (!d2)
        return NULL;
    char buf[256];
    int len = snprintf(buf, sizeof buf, "%.*s(*%.*s)%s", (int)(d1 - name + 1),
                       name, (int)(d2 - d1 - 1), d1 + 1, d2);
    e = len < (int)sizeof buf ? find_any(buf) : NULL;
    return e ? e->fn : NULL;
}

const char *lib_source(const char *import_path) {
    for (const LibSource *s = lib_sources; s->path; s++)
        if (strcmp(s->path, import_path) == 0)
            return s->src;
    return NULL;
}

void lib_reset_run(void) {
    rand_reset_global();
    sync_reset();
}
