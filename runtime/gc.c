/*
 * gc.c — thin wrappers over libgc; see gc.h.
 *
 * GC STRESS (test builds: CSP_DEBUG, see debug.h): CSP_GCSTRESS=N in the
 * environment makes every thread collect on each Nth allocation it makes,
 * so that collection runs between any two allocations of a test program and
 * a pointer the collector cannot see (a missing root) fails at once instead
 * of once a week. `.ci/run` runs the golden scripts so at a modest N. Release
 * builds do not have it: the counter would sit on the allocation path.
 *
 * TSAN: the ThreadSanitizer build never collects (gc_init): libgc stops
 * threads with signals that TSan defers while a thread is in a raw system
 * call, so a collection aborts ("Signals delivery fails constantly").
 * Not done yet: collecting under TSan at scheduler safe points (every M
 * parked by the scheduler itself, libgc's thread stopping disabled).
 */
#include "gc.h"
#include "leak.h"
#include "race.h"

#include <stdlib.h>
#include <string.h>

#include "rt.h"

#include "debug.h"

#ifdef CSP_DEBUG
static unsigned gcstress;                 /* N, or 0: set by gc_init */
static _Thread_local unsigned gcstress_n; /* allocations since the last */

static void stress(void) {
    if (gcstress && ++gcstress_n >= gcstress) {
        gcstress_n = 0;
        GC_gcollect();
    }
}
#else
#define stress() ((void)0)
#endif

/* Every failed allocation ends here, libgc's own included (its oom_fn). */
_Noreturn void gc_out_of_memory(size_t n) { rt_out_of_memory(n); }

static void *oom(size_t n) { gc_out_of_memory(n); }

/* libgc's warnings ("Repeated allocation of very large block") are about
 * the collector, not the program: Go prints nothing there either. */
static void gc_quiet(char *msg, GC_word arg) {}

/* libgc's "retry signals" mode (on in Debian's build) has a race: a thread
 * paused for a collection that takes an allowed signal (SIGQUIT, SIGINT,
 * SIGTERM pass its mask) just as the world restarts acknowledges a restart
 * nobody counts, and the next collection waits for ever on the surplus and
 * aborts with "Signals delivery fails constantly". Linux does not lose the
 * thread-directed signals libgc sends, so csp turns the mode off; libgc reads
 * it from the environment once, at GC_INIT, and the program's environment
 * is left as it was. */
static void gc_init_no_retry(void) {
    const char *old = getenv("GC_RETRY_SIGNALS");
    char *saved = old ? strdup(old) : NULL;
    setenv("GC_RETRY_SIGNALS", "0", 1);
    GC_INIT();
    if (saved) {
        setenv("GC_RETRY_SIGNALS", saved, 1);
        free(saved);
    } else {
        unsetenv("GC_RETRY_SIGNALS");
    }
}

void gc_init(void) {
#if defined(__SANITIZE_THREAD__)
    /* No marker threads in that build (it never collects, below): a signal
     * the kernel hands to an idle marker, parked in a pthread_cond_wait
     * ThreadSanitizer does not treat as blocking, never reaches its
     * handler, so os/signal's SIGINT was lost. */
    GC_set_markers_count(1);
#endif
    gc_init_no_retry();
    GC_set_warn_proc(gc_quiet);
    GC_set_oom_fn(oom);
    GC_allow_register_threads();
    leak_init();
#ifdef CSP_DEBUG
    const char *n = getenv("CSP_GCSTRESS");
    gcstress = n ? (unsigned)strtoul(n, NULL, 10) : 0;
#endif
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
    stress();
    void *p = GC_MALLOC(n ? n : 1);
    if (!p)
        oom(n);
    if (RACE_ON())
        race_alloc(p, n);
    return p;
}

void *gc_alloc_atomic(size_t n) {
    stress();
    void *p = GC_MALLOC_ATOMIC(n ? n : 1);
    if (!p)
        oom(n);
    if (RACE_ON())
        race_alloc(p, n);
    return p;
}

void *gc_realloc(void *p, size_t n) {
    stress();
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

char *gc_strcat3(const char *a, const char *b, const char *c) {
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *s = gc_alloc_atomic(la + lb + lc + 1);
    memcpy(s, a, la);
    memcpy(s + la, b, lb);
    memcpy(s + la + lb, c, lc + 1);
    return s;
}
