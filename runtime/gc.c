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
 * TSAN (GC_SAFEPOINTS, gc.h): libgc stops the world with signals, and
 * ThreadSanitizer runs a signal's handler only when the thread passes one
 * of its interceptors, so a thread in a raw futex wait or a system call
 * never answers and the collection hangs. That build therefore never lets
 * libgc stop a thread. libgc sends no signal to a thread inside
 * GC_do_blocking (it scans that thread's stack only above the call, and
 * the thread cannot leave it while a collection holds libgc's lock), so:
 *   - libgc's own collections stay off (GC_disable for good, gc_init);
 *   - every wait a thread libgc knows makes for long goes through
 *     gc_blocking: a note (park_linux.c: idle and stopped Ms, the monitor,
 *     nested parks), the finalizer thread's semaphore (leak.c), the
 *     SIGQUIT thread's poll and the schedtrace thread's sleep
 *     (goroutine.c), the REPL thread's polls (lang/repl.c);
 *   - a collection (collect) stops the world through the scheduler
 *     (sched_stop_world_from: every other P stops at its next scheduling
 *     point and its M parks on its note), waits until every other thread
 *     is inside gc_blocking, and then runs one GC_gcollect with libgc
 *     enabled for it alone, while holding the gate (world.mu) that a
 *     thread must pass to leave gc_blocking. libgc's stop finds nobody to
 *     signal. The gate also orders (for TSan) every thread's accesses to
 *     an object before the collection that frees it, and the collection
 *     before any reuse.
 * Who collects: an M at a scheduling point (gc_safepoint, from
 * sched.c's schedule) once gc_alloc & co. have counted libgc's trigger
 * since the last collection (set_trigger: heap / free-space divisor, at
 * least 4 MiB; GOGC and SetGCPercent apply), runtime.GC,
 * debug.FreeOSMemory, the leak checks (gc_collect). The threads counted (world.nthreads) are those libgc may
 * stop: the main thread and every gc_thread_create's until gc_thread_join
 * (an M that exits unjoined, at the program's end, stays counted: no more
 * collections then, which is the safe side). NOT COLLECTED: while some
 * thread libgc knows stays outside gc_blocking for WAIT_AUTO_NS
 * (WAIT_FORCED_NS for runtime.GC): an M in a system call or a foreign call
 * (os/signal's reader, a read of stdin), the REPL reading piped input;
 * that collection is skipped, never forced. CSP_GCSTRESS is off there.
 * LOCKS: world.mu (the gate) guards world.nthreads and world.nblocked; it
 * is taken before libgc's lock, never under it (blocked() runs outside
 * libgc's lock; the one call back into this file during a collection, the
 * finalizer thread's start, knows its thread holds the gate: collecting).
 * A thread inside gc_blocking holds no csp lock, so a collector that waits
 * for the others never waits on itself.
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
#if GC_SAFEPOINTS
#include <errno.h>

#include "sched.h"
#endif

#if defined(CSP_DEBUG) && !GC_SAFEPOINTS
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

#if GC_SAFEPOINTS
static void set_trigger(int64_t percent);
static _Atomic size_t allocd; /* bytes asked for since the last collection
                                 (gc_alloc's, not libgc's own): any thread,
                                 relaxed: it only decides when to try */
#define trigger_add(n) atomic_fetch_add_explicit(&allocd, (n), memory_order_relaxed)
#else
#define trigger_add(n) ((void)0)
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
#if GC_SAFEPOINTS
    set_trigger(p);
#endif
    pthread_mutex_unlock(&percent_mu);
    return old;
}

void gc_hold(bool on) {
    if (on)
        GC_disable();
    else
        GC_enable();
}

/* GOGC in the environment, as Go reads it at start: "off" or a number. */
static void percent_from_env(void) {
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

/* ---- collecting under ThreadSanitizer (TSAN above) ------------------------------------ */

#if GC_SAFEPOINTS
/* The least allocation between two collections: a collection stops every
 * thread and costs some 20 ms under TSan, so not every 64 KiB as libgc's
 * first heap would (Go's smallest heap goal is 4 MiB too). */
enum { TRIGGER_MIN = 4 << 20 };
/* How long a collector waits for the other threads to block: a stopped M
 * needs a few microseconds to reach its note, but the machine may be busy
 * (CI's two cores run two suites); a thread in a system call never comes,
 * and the collection is skipped then (the wait is the cost). */
#define WAIT_AUTO_NS (20 * 1000 * 1000)
#define WAIT_FORCED_NS (1000 * 1000 * 1000)

static struct {
    pthread_mutex_t mu;   /* the gate; held by a collector throughout */
    pthread_cond_t more;  /* signalled under mu when nblocked grows */
    int nthreads;         /* mu: the threads libgc knows and may stop: the
                             main thread and gc_thread_create's, not joined */
    int nblocked;         /* mu: of them, those inside blocked() */
} world = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 1, 0};
static _Atomic size_t trigger; /* try at a safe point once allocd reaches
                                  it (relaxed); set_trigger writes it */
static _Atomic size_t heap;    /* heap size after the last collection
                                  (relaxed): its collector writes it */
static _Thread_local signed char registered; /* with libgc: 0 not asked */
static _Thread_local bool collecting; /* this thread holds world.mu in
                                         collect_blocked */

/* libgc's own rule (GC PERCENT above), so that this build collects as
 * often as the others: heap / divisor, the divisor DEFAULT_DIVISOR at
 * 100%, i.e. heap * percent / 300; at least TRIGGER_MIN; never when the
 * percentage is negative. */
static void set_trigger(int64_t percent) {
    size_t t = SIZE_MAX, h = atomic_load_explicit(&heap, memory_order_relaxed);
    if (percent >= 0) {
        t = h / (DEFAULT_DIVISOR * 100) * (size_t)percent;
        if (t < TRIGGER_MIN)
            t = TRIGGER_MIN;
    }
    atomic_store_explicit(&trigger, t, memory_order_relaxed);
}

typedef struct Blocked {
    void *(*fn)(void *);
    void *arg;
} Blocked;

/* Runs inside GC_do_blocking: libgc counts this thread as blocked from
 * before the first lock to after the second. So a thread counted in
 * nblocked is blocked for libgc, and one that wants to leave waits here
 * while a collection holds the gate. */
static void *blocked(void *arg) {
    Blocked *b = arg;
    pthread_mutex_lock(&world.mu);
    world.nblocked++;
    pthread_cond_signal(&world.more);
    pthread_mutex_unlock(&world.mu);
    void *r = b->fn(b->arg);
    pthread_mutex_lock(&world.mu);
    world.nblocked--;
    pthread_mutex_unlock(&world.mu);
    return r;
}

static bool is_registered(void) {
    if (!registered)
        registered = GC_thread_is_registered() ? 1 : -1;
    return registered > 0;
}

void *gc_blocking(void *(*fn)(void *), void *arg) {
    if (!is_registered()) /* a thread libgc never stops */
        return fn(arg);
    Blocked b = {fn, arg};
    return GC_do_blocking(blocked, &b);
}

/* nthreads += d, under world.mu (which a collector already holds when
 * libgc's finalizer notifier, called at the end of its collection, starts
 * the finalizer thread: leak.c's notify, the first time) */
static void add_threads(int d) {
    if (!collecting)
        pthread_mutex_lock(&world.mu);
    world.nthreads += d;
    if (!collecting)
        pthread_mutex_unlock(&world.mu);
}

int gc_thread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *),
                     void *arg) {
    add_threads(1); /* counted before it exists: not blocked until it says */
    if (collecting) /* libgc is enabled: its allocations must not collect */
        GC_disable();
    int err = GC_pthread_create(t, a, fn, arg);
    if (collecting)
        GC_enable();
    if (err)
        add_threads(-1);
    return err;
}

int gc_thread_join(pthread_t t) {
    int err = GC_pthread_join(t, NULL);
    if (!err) /* libgc has forgotten it */
        add_threads(-1);
    return err;
}

/* Collects if every other thread is (or, within wait_ns, becomes) blocked,
 * holding the gate so that none leaves meanwhile: libgc's stop then finds
 * nobody to signal. libgc is enabled only for that one collection. */
static bool collect_blocked(bool unmap, int64_t wait_ns) {
    if (!is_registered())
        return false;
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += (dl.tv_nsec + wait_ns) / 1000000000;
    dl.tv_nsec = (dl.tv_nsec + wait_ns) % 1000000000;
    pthread_mutex_lock(&world.mu);
    while (world.nblocked < world.nthreads - 1 &&
           pthread_cond_timedwait(&world.more, &world.mu, &dl) != ETIMEDOUT)
        ;
    ASSERT(world.nblocked < world.nthreads, "gc: %d of %d threads blocked",
           world.nblocked, world.nthreads);
    bool all = world.nblocked == world.nthreads - 1;
    if (all) {
        collecting = true;
        GC_enable();
        if (unmap)
            GC_gcollect_and_unmap();
        else
            GC_gcollect();
        GC_disable();
        collecting = false;
        atomic_store_explicit(&heap, GC_get_heap_size(), memory_order_relaxed);
    }
    pthread_mutex_unlock(&world.mu);
    return all;
}

/* Stops the world through the scheduler (w's M keeps its P: it is the
 * collector; the others park on their notes, inside gc_blocking), then
 * collects. An automatic collection another M made meanwhile is not
 * repeated. The allocation count restarts even when it was skipped: the
 * next try is one trigger later, not at every scheduling point. */
static bool collect(Worker *w, bool unmap, bool forced) {
    bool stopped = sched_stop_world_from(w);
    bool done = false;
    if (forced || atomic_load_explicit(&allocd, memory_order_relaxed) >=
                      atomic_load_explicit(&trigger, memory_order_relaxed)) {
        done = collect_blocked(unmap, forced ? WAIT_FORCED_NS : WAIT_AUTO_NS);
        atomic_store_explicit(&allocd, 0, memory_order_relaxed);
        pthread_mutex_lock(&percent_mu);
        set_trigger(gc_percent);
        pthread_mutex_unlock(&percent_mu);
    }
    if (stopped)
        sched_start_world();
    return done;
}

void gc_safepoint(Worker *w) {
    if (atomic_load_explicit(&allocd, memory_order_relaxed) >=
        atomic_load_explicit(&trigger, memory_order_relaxed))
        collect(w, false, false);
}
#endif

#if !GC_SAFEPOINTS
int gc_thread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *),
                     void *arg) {
    return GC_pthread_create(t, a, fn, arg);
}

int gc_thread_join(pthread_t t) { return GC_pthread_join(t, NULL); }
#endif

bool gc_collect(Worker *w, bool unmap) {
#if GC_SAFEPOINTS
    return collect(w, unmap, true);
#else
    (void)w;
    if (unmap)
        GC_gcollect_and_unmap();
    else
        GC_gcollect();
    return true;
#endif
}

void gc_init(void) {
#if defined(__SANITIZE_THREAD__)
    /* No marker threads in that build (the collecting thread marks
     * alone): a signal the kernel hands to an idle marker, parked in a
     * pthread_cond_wait ThreadSanitizer does not treat as blocking, never
     * reaches its handler, so os/signal's SIGINT was lost. */
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
#if defined(CSP_DEBUG) && !GC_SAFEPOINTS
    const char *n = getenv("CSP_GCSTRESS");
    gcstress = n ? (unsigned)strtoul(n, NULL, 10) : 0;
#endif
#if GC_SAFEPOINTS
    GC_disable(); /* for good: collections come from collect_blocked only */
    set_trigger(100);
#endif
    percent_from_env();
}

/* -race: memory the collector hands out again must not keep the access
 * history of the dead object that had it (race.c). */
void *gc_alloc(size_t n) {
    stress();
    trigger_add(n);
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
    trigger_add(n);
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
    trigger_add(n);
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
