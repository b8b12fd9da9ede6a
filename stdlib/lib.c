/*
 * lib.c — the standard library registry: finds a package's embedded Go source
 * and binds natives by qualified name.
 *
 * Natives live in one table per package, named after its import path
 * (sync_atomic_natives in stdlib/sync/atomic/atomic.c), each entry spelled
 * with the package *name* ("utf8.RuneLen", not "unicode/utf8.RuneLen") so a
 * table reads like the Go API. stdlib/embed.sh finds the tables by walking
 * the tree (lib_natives); lib_find_native looks only in the table of the
 * package the qualified name names, so two packages may share a name
 * (math/rand, crypto/rand). Lookup is a linear scan: it runs once per native
 * when a program is compiled, never while it runs. Alternative rejected: a
 * list of tables kept in this file, which every package author would have
 * to keep in sync by hand.
 */
#include <stdio.h>
#include <string.h>
#include "stdlib/lib.h"

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

/* The import path of a qualified native name: "unicode/utf8.RuneLen" ->
 * "unicode/utf8", "utf8.RuneLen" -> "utf8" (then only the last element). */
static size_t path_len(const char *name) {
    const char *slash = strrchr(name, '/');
    const char *dot = strchr(slash ? slash : name, '.');
    return dot ? (size_t)(dot - name) : strlen(name);
}

/* Does package path [path] match the [n] bytes at [want]: the whole path,
 * or (when [want] has no '/') its last element? */
static int path_matches(const char *path, const char *want, size_t n) {
    if (strlen(path) == n && memcmp(path, want, n) == 0)
        return 1;
    const char *last = strrchr(path, '/');
    return last && !memchr(want, '/', n) && strlen(last + 1) == n &&
           memcmp(last + 1, want, n) == 0;
}

static const NativeEntry *find_in(const NativeEntry *t, const char *name) {
    for (; t->name; t++)
        if (strcmp(t->name, name) == 0)
            return t;
    return NULL;
}

/* [name] spelled as the tables spell it ("utf8.RuneLen"), in the table of
 * the package named by [path] ([n] bytes). */
static const NativeEntry *find_any(const char *path, size_t n,
                                   const char *name) {
    for (const LibNatives *l = lib_natives; l->path; l++) {
        if (!path_matches(l->path, path, n))
            continue;
        const NativeEntry *e = find_in(l->table, name);
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
    size_t n = path_len(qualified_name);
    const char *name = strip_path(qualified_name);
    const NativeEntry *e = find_any(qualified_name, n, name);
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
    e = len < (int)sizeof buf ? find_any(qualified_name, n, buf) : NULL;
    return e ? e->fn : NULL;
}

const char *lib_source(const char *import_path) {
    for (const LibSource *s = lib_sources; s->path; s++)
        if (strcmp(s->path, import_path) == 0)
            return s->src;
    return NULL;
}
