/*
 * gc.h — allocation. csp uses the Boehm-Demers-Weiser collector (libgc):
 * conservative, thread-aware (every thread that touches the heap is
 * registered), interior pointers recognised. All csp objects come from here.
 */
#ifndef CSP_GC_H
#define CSP_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#define GC_THREADS 1
#include <gc/gc.h>
#include <pthread.h>

typedef struct Worker Worker; /* runtime/vm.h */

/* Go's `fatal error: runtime: out of memory`, exit 2 without atexit
 * handlers (rt_out_of_memory). Every allocation failure ends here. */
_Noreturn void gc_out_of_memory(size_t n);
/* Zeroed memory that may hold pointers. Never returns NULL (ends the
 * program with gc_out_of_memory). */
void *gc_alloc(size_t n);
/* Memory that holds no pointers (string bytes); NOT zeroed. */
void *gc_alloc_atomic(size_t n);
void *gc_realloc(void *p, size_t n);
char *gc_strdup(const char *s);
char *gc_strndup(const char *s, size_t n);
/* a, b and c joined into a new NUL-terminated string (the compiler's and
 * the REPL's messages and generated source). */
char *gc_strcat3(const char *a, const char *b, const char *c);
void gc_init(void);

/* runtime.ReadMemStats: libgc's heap counters and csp's record of the
 * collections (gc.c, STATISTICS). Any thread. */
typedef struct GcStats {
    uint64_t heap_size, free_bytes, unmapped; /* bytes */
    uint64_t total;                           /* bytes allocated ever */
    uint64_t os_bytes;                        /* obtained from the OS */
    uint64_t mallocs;                         /* objects allocated ever */
    uint64_t ncollect, nforced;               /* collections, runtime.GC's */
    uint64_t pause_total, last_end;           /* ns; Unix ns */
    double cpu_fraction;                      /* pauses / time since start */
} GcStats;
void gc_stats(GcStats *s);
/* Objects allocated by every thread, and their bytes as asked for (gc.c,
 * ALLOCATION COUNT): counted from the first call on, estimated before it.
 * Any thread. */
void gc_alloc_counts(uint64_t *objects, uint64_t *bytes);
/* Entry i of the ring of the last 256 pauses (ns) and their end times
 * (Unix ns): collection n is at (n-1) % 256. */
void gc_pause(int i, uint64_t *pause, uint64_t *end);
/* runtime.GC() asked for a collection (MemStats.NumForcedGC). */
void gc_note_forced(void);
/* debug.SetGCPercent: sets Go's GOGC percentage (negative: no collection)
 * and returns the previous one (100, or $GOGC at start). Any thread. */
int64_t gc_set_percent(int64_t p);
/* Holds collections off (on) or lets them run again (off); nests. The CLI
 * holds them while the front end builds the program: almost all it
 * allocates (syntax trees, types, code) stays live, so a collection there
 * finds next to nothing to free, and libgc's small first heap made eight
 * of them in a hello world, a quarter of its start-up. */
void gc_hold(bool on);

/* runtime.GC and debug.FreeOSMemory (unmap: give free pages back to the
 * OS): one collection now. w: the calling goroutine's Worker, or NULL
 * (the simulation's loop). Under TSan it stops the world first (gc.c,
 * TSAN); a collection it could not make there is skipped (false). */
bool gc_collect(Worker *w, bool unmap);

/* GC_pthread_create and GC_pthread_join; under TSan they also count the
 * threads that libgc may stop (the collector waits until all but itself
 * are blocked, gc.c TSAN). Every thread registered with libgc must be
 * started here (a plain pthread_create in a file that includes gc.h is
 * libgc's redirect: a thread the count would miss, and libgc would
 * signal). */
int gc_thread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *),
                     void *arg);
int gc_thread_join(pthread_t t);

/* COLLECTING UNDER THREADSANITIZER (gc.c, TSAN): the scheduler stops the
 * world itself and every other thread the collector knows waits inside
 * gc_blocking, so libgc sends no signal. GC_SAFEPOINTS says whether this
 * build does so (TSan with libgc); elsewhere the two calls below are
 * nothing but the plain operation, inlined: no cost in any other build. */
#if defined(__SANITIZE_THREAD__) && !defined(CSP_NO_GC)
#define GC_SAFEPOINTS 1
/* Runs fn(arg) as a thread libgc need not stop: it must not touch the GC
 * heap (a futex sleep, sem_wait). The caller's frames above stay roots. */
void *gc_blocking(void *(*fn)(void *), void *arg);
/* A scheduling point of w's M (it holds a P, runs no goroutine): collects
 * when enough was allocated since the last collection. */
void gc_safepoint(Worker *w);
#else
#define GC_SAFEPOINTS 0
static inline void *gc_blocking(void *(*fn)(void *), void *arg) { return fn(arg); }
static inline void gc_safepoint(Worker *w) { (void)w; }
#endif

#endif
