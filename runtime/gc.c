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
 * STATISTICS (runtime.ReadMemStats, gc_stats): libgc's own counters for
 * the heap, plus what libgc does not keep: a collection-event callback
 * (GC_set_on_collection_event) times each collection from its start to its
 * end (libgc collects with the world stopped: the whole collection is the
 * pause) into Go's 256-entry ring of pauses. The callback runs with libgc's
 * lock held; readers take no lock, so every field is an atomic.
 *
 * ALLOCATION COUNT (MemStats.Mallocs, testing's allocs/op and B/op): libgc
 * counts no objects, and its byte count moves by whole free lists (a
 * thread's free list is refilled at once), so each thread counts the
 * objects it allocates and the bytes asked for in a thread-local counter: one increment on the allocation path, no
 * shared cache line (a global atomic would bounce between the Ms of an
 * allocating program). The first allocation of a thread links its counter
 * into a list (under cnt_lock) and a pthread key's destructor, when the
 * thread exits, folds the count into cnt_exited and unlinks it; a reader
 * sums the list under the lock. Each counter has one writer, its thread;
 * the reader's loads are relaxed atomics (a count a few allocations
 * behind is fine). Counting starts the first time somebody asks
 * (ReadMemStats, testing's -benchmem, AllocsPerRun): a program compares
 * two readings (the first starts from libgc's byte count over an average
 * object size), and until then an allocation pays one predicted branch on
 * a flag, not the count (always counting cost +1.1% instructions on
 * tests/bench/mapstr.csp). A thread that sees the flag late only counts
 * less, never more.
 *
 * GMP AND MPFR (lang/constant.c's exact constants, math/big) allocate from
 * the collector: gc_init installs mp_set_memory_functions once, before
 * either is used, so a big.Int is a Go struct pointing at an mpz_t whose
 * limbs are ordinary GC memory, with no finalizer. GMP's free becomes a
 * no-op (nothing ever hands GC memory to free(3)); its realloc copies into
 * a fresh block. The blocks are scanned (gc_alloc, not atomic): GMP's
 * reentrant temporary allocator chains its blocks through a pointer in
 * each block, which an atomic block would hide from the collector. MPFR
 * uses the same functions; constant.c keeps its mpfr_t on the C stack (a
 * root) and uses no MPFR constant cache (which lives in TLS, not scanned).
 *
 * GC PERCENT (debug.SetGCPercent): Go's GOGC. libgc's equivalent knob is the
 * free-space divisor (collect when about heap/divisor bytes were allocated
 * since the last collection); its default, 3, stands for GOGC=100, and
 * other percentages scale it (200% -> 1.5, rounded, at least 1). A negative
 * percentage disables collection (GC_disable) until a non-negative one.
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

#include <gmp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* ---- statistics ---------------------------------------------------------- */

typedef struct Counter {
    _Atomic uint64_t n;   /* objects allocated: written by its thread only */
    _Atomic uint64_t bytes; /* their sizes as asked for: idem */
    struct Counter *next; /* protected by cnt_lock */
    bool linked;          /* owner thread only */
} Counter;
static _Thread_local Counter counter;
static pthread_mutex_t cnt_lock = PTHREAD_MUTEX_INITIALIZER;
static Counter *cnt_list;            /* protected by cnt_lock */
static uint64_t cnt_exited, cnt_exited_bytes; /* protected by cnt_lock */
static pthread_key_t cnt_key;
static pthread_once_t cnt_once = PTHREAD_ONCE_INIT;
static _Atomic bool counting;        /* set once, by the first reader */

/* The key's destructor, as a thread exits: its count stays in the total. */
static void counter_exit(void *arg) {
    Counter *c = arg;
    pthread_mutex_lock(&cnt_lock);
    cnt_exited += atomic_load_explicit(&c->n, memory_order_relaxed);
    cnt_exited_bytes += atomic_load_explicit(&c->bytes, memory_order_relaxed);
    for (Counter **pp = &cnt_list; *pp; pp = &(*pp)->next)
        if (*pp == c) {
            *pp = c->next;
            break;
        }
    pthread_mutex_unlock(&cnt_lock);
}

static void counter_key(void) { pthread_key_create(&cnt_key, counter_exit); }

/* A thread's first allocation: its counter joins the list. */
static __attribute__((noinline)) void counter_link(void) {
    pthread_once(&cnt_once, counter_key);
    pthread_mutex_lock(&cnt_lock);
    counter.next = cnt_list;
    cnt_list = &counter;
    pthread_mutex_unlock(&cnt_lock);
    counter.linked = true;
    pthread_setspecific(cnt_key, &counter);
}

/* One more object from this thread (its only writer: no read-modify-write
 * instruction needed). */
static inline void count_alloc(size_t size) {
    if (__builtin_expect(!atomic_load_explicit(&counting, memory_order_relaxed), 1))
        return;
    if (__builtin_expect(!counter.linked, 0))
        counter_link();
    atomic_store_explicit(&counter.n,
                          atomic_load_explicit(&counter.n, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    atomic_store_explicit(&counter.bytes,
                          atomic_load_explicit(&counter.bytes, memory_order_relaxed) + size,
                          memory_order_relaxed);
}

void gc_alloc_counts(uint64_t *objects, uint64_t *bytes) {
    pthread_mutex_lock(&cnt_lock);
    if (!atomic_load(&counting)) {
        /* what came before the first reading, from libgc's byte count and
         * an average object of 32 bytes */
        cnt_exited_bytes = GC_get_total_bytes();
        cnt_exited = cnt_exited_bytes / 32;
        atomic_store(&counting, true);
    }
    uint64_t n = cnt_exited, b = cnt_exited_bytes;
    for (Counter *c = cnt_list; c; c = c->next) {
        n += atomic_load_explicit(&c->n, memory_order_relaxed);
        b += atomic_load_explicit(&c->bytes, memory_order_relaxed);
    }
    pthread_mutex_unlock(&cnt_lock);
    *objects = n;
    *bytes = b;
}

enum { NPAUSE = 256 };                  /* Go's MemStats.PauseNs ring */
static struct {
    _Atomic uint64_t ncollect;         /* collections finished */
    _Atomic uint64_t nforced;          /* of them asked for (runtime.GC) */
    _Atomic uint64_t pause_total;      /* ns */
    _Atomic uint64_t last_end;         /* Unix ns */
    _Atomic uint64_t pause[NPAUSE], end[NPAUSE];
    uint64_t start_ns;                 /* protected by libgc's lock */
    uint64_t process_start;            /* monotonic ns, set by gc_init */
} st;

static uint64_t clock_ns(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void on_event(GC_EventType e) {
    if (e == GC_EVENT_START) {
        st.start_ns = clock_ns(CLOCK_MONOTONIC);
    } else if (e == GC_EVENT_END) {
        uint64_t d = clock_ns(CLOCK_MONOTONIC) - st.start_ns, now = clock_ns(CLOCK_REALTIME);
        uint64_t i = atomic_load(&st.ncollect) % NPAUSE;
        atomic_store(&st.pause[i], d);
        atomic_store(&st.end[i], now);
        atomic_fetch_add(&st.pause_total, d);
        atomic_store(&st.last_end, now);
        atomic_fetch_add(&st.ncollect, 1);
    }
}

void gc_note_forced(void) { atomic_fetch_add(&st.nforced, 1); }

void gc_stats(GcStats *s) {
    struct GC_prof_stats_s ps;
    memset(&ps, 0, sizeof ps);
    GC_get_prof_stats(&ps, sizeof ps);
    s->heap_size = ps.heapsize_full;
    s->free_bytes = ps.free_bytes_full;
    s->unmapped = ps.unmapped_bytes;
    s->total = ps.allocd_bytes_before_gc + ps.bytes_allocd_since_gc;
    s->os_bytes = ps.obtained_from_os_bytes == (GC_word)-1 ? 0 : ps.obtained_from_os_bytes;
    uint64_t bytes;
    gc_alloc_counts(&s->mallocs, &bytes);
    s->ncollect = atomic_load(&st.ncollect);
    s->nforced = atomic_load(&st.nforced);
    s->pause_total = atomic_load(&st.pause_total);
    s->last_end = atomic_load(&st.last_end);
    uint64_t up = clock_ns(CLOCK_MONOTONIC) - st.process_start;
    s->cpu_fraction = up ? (double)s->pause_total / (double)up : 0;
}

void gc_pause(int i, uint64_t *pause, uint64_t *end) {
    *pause = atomic_load(&st.pause[i % NPAUSE]);
    *end = atomic_load(&st.end[i % NPAUSE]);
}

/* ---- GC percent ------------------------------------------------------------ */

enum { DEFAULT_DIVISOR = 3 };            /* libgc's, standing for GOGC=100 */
static pthread_mutex_t percent_mu = PTHREAD_MUTEX_INITIALIZER;
static int64_t gc_percent = 100;        /* protected by percent_mu */

static void apply_percent(int64_t old, int64_t p) {
    if (p < 0 && old >= 0)
        GC_disable();
    if (p >= 0 && old < 0)
        GC_enable();
    if (p > 0) {
        int64_t d = (DEFAULT_DIVISOR * 100 + p / 2) / p;
        GC_set_free_space_divisor((GC_word)(d < 1 ? 1 : d));
    } else if (p == 0) { /* Go: collect continuously; libgc: as often as it will */
        GC_set_free_space_divisor(DEFAULT_DIVISOR * 100);
    }
}

int64_t gc_set_percent(int64_t p) {
    pthread_mutex_lock(&percent_mu);
    int64_t old = gc_percent;
    if (p < 0)
        p = -1;
    apply_percent(old, p);
    gc_percent = p;
    pthread_mutex_unlock(&percent_mu);
    return old;
}

void gc_hold(bool on) {
    if (on)
        GC_disable();
    else
        GC_enable();
}

/* GOGC in the environment, as Go reads it at start: "off" or a number.
 * (Unused by the TSan build, which never collects.) */
__attribute__((unused)) static void percent_from_env(void) {
    const char *v = getenv("GOGC");
    if (!v || !*v)
        return;
    char *end;
    long long p = strtoll(v, &end, 10);
    if (strcmp(v, "off") == 0)
        p = -1;
    else if (*end)
        return;
    gc_set_percent(p);
}

static void *mp_alloc(size_t n) { return gc_alloc(n); }
static void *mp_realloc(void *p, size_t old, size_t n) {
    void *q = gc_alloc(n);
    memcpy(q, p, old < n ? old : n);
    return q;
}
static void mp_free(void *p, size_t n) { (void)p, (void)n; }

void gc_init(void) {
#if defined(__SANITIZE_THREAD__)
    /* No marker threads in that build (it never collects, below): a signal
     * the kernel hands to an idle marker, parked in a pthread_cond_wait
     * ThreadSanitizer does not treat as blocking, never reaches its
     * handler, so os/signal's SIGINT was lost. */
    GC_set_markers_count(1);
#endif
    st.process_start = clock_ns(CLOCK_MONOTONIC);
    gc_init_no_retry();
    GC_set_on_collection_event(on_event);
    GC_set_warn_proc(gc_quiet);
    GC_set_oom_fn(oom);
    GC_allow_register_threads();
    mp_set_memory_functions(mp_alloc, mp_realloc, mp_free);
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
#else
    percent_from_env();
#endif
}

/* -race: memory the collector hands out again must not keep the access
 * history of the dead object that had it (race.c). */
void *gc_alloc(size_t n) {
    stress();
    count_alloc(n);
    void *p = GC_MALLOC(n ? n : 1);
    if (!p)
        oom(n);
    if (RACE_ON())
        race_alloc(p, n);
    return p;
}

void *gc_alloc_atomic(size_t n) {
    stress();
    count_alloc(n);
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
    if (q != p) {
        count_alloc(n);
        if (RACE_ON())
            race_alloc(q, n);
    }
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
