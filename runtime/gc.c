/* gc.c — thin wrappers over libgc; see gc.h. */
#include "gc.h"
#include "race.h"

#include <stdio.h>
#include <stdlib.h>

static void *oom(size_t n) {
    fprintf(stderr, "fatal error: out of memory (allocating %zu bytes)\n", n);
    exit(2);
}

/* libgc's warnings ("Repeated allocation of very large block") are about
 * the collector, not the program: Go prints nothing there either. */
static void gc_quiet(char *msg, GC_word arg) {}

void gc_init(void) {
    GC_INIT();
    GC_set_warn_proc(gc_quiet);
    GC_allow_register_threads();
#if defined(__SANITIZE_THREAD__)
    /* ThreadSanitizer defers the signals libgc stops threads with while a
     * thread sits in a raw system call or in uninstrumented code, so a
     * collection aborts ("Signals delivery fails constantly"). TSAN runs
     * are sized to fit in memory without collecting. */
    GC_disable();
#endif
}

/* -race: memory the collector hands out again must not keep the access
 * history of the dead object that had it (race.c). */
void *gc_alloc(size_t n) {
    void *p = GC_MALLOC(n ? n : 1);
    if (!p)
        oom(n);
    if (RACE_ON())
        race_alloc(p, n);
    return p;
}

void *gc_alloc_atomic(size_t n) {
    void *p = GC_MALLOC_ATOMIC(n ? n : 1);
    if (!p)
        oom(n);
    if (RACE_ON())
        race_alloc(p, n);
    return p;
}

void *gc_realloc(void *p, size_t n) {
    void *q = GC_REALLOC(p, n ? n : 1);
    if (!q)
        oom(n);
    if (RACE_ON() && q != p)
        race_alloc(q, n);
    return q;
}

char *gc_strndup(const char *s, size_t n) {
    char *d = gc_alloc_atomic(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *gc_strdup(const char *s) { return gc_strndup(s, strlen(s)); }
