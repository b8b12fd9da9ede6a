/*
 * timer.c — the runtime's timer heap (see timer.h for the protocol).
 *
 * DATA: one 4-ary min-heap of (when, RTimer*) entries, under timerlock. A 4-ary heap is shallower than a binary one (log4 n levels:
 * 9 for 100k timers) and its four children share a cache line or two, as in
 * Go's runtime. Each timer remembers its index, so Stop/Reset remove or move
 * it in O(log n) without searching.
 *
 * next_when mirrors heap[0].when (or -1): written under timerlock with
 * release, read without it (acquire) by the scheduler's idle path and by
 * every timer_run_due call, which therefore costs one atomic load when no
 * timer is due.
 *
 * FIRING: timer_run_due takes due timers off the heap in batches (a ticker
 * is pushed back with its next deadline, skipping the periods it missed, as
 * Go's ticker does), releases timerlock, then calls their functions. So a
 * timer function may start or stop timers, send on channels and ready
 * goroutines.
 *
 * SIMULATION (runtime/sim.h): deadlines are virtual (sched_nanotime is the
 * simulation's clock), timers due at the same instant fire in an order
 * drawn from the run's generator (sim_shuffle), and timer_reset empties
 * the heap between the runs of csp explore.
 */
#include "timer.h"

#include "debug.h"

#include "gc.h"
#include "sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Timers fired per pass over the heap lock: bounds the stack buffer and how
 * long other Ms wait for the lock while a burst of timers fires. */
#define TIMER_BATCH 64

/* The heap's handle on a timer (see timer.h, GC). */
struct TimerRef {
    RTimer *t;    /* strong: a plain pointer; weak: a disappearing link the
                     collector clears (with the world stopped) once the
                     timer's owner is unreachable; read under timerlock */
    int32_t idx;  /* index in the heap, -1 when not in it: timerlock */
};

/* A heap entry: the deadline is copied next to the ref, so sifting
 * compares within the array (four children share a cache line) and never
 * touches a timer that may have been collected. */
typedef struct HeapEntry {
    int64_t when;
    TimerRef *ref;
} HeapEntry;

static struct {
    Lock lock;
    HeapEntry *heap;        /* timerlock; scanned by the GC */
    int64_t n, cap;         /* timerlock */
    _Atomic int64_t next_when; /* heap[0].when or -1: see above */
} tm = {.lock = LOCK_INIT(LR_TIMER), .next_when = -1};

static void timer_throw(const char *msg) {
    fprintf(stderr, "fatal error: timer: %s\n", msg);
    abort();
}

#ifndef CSP_NO_GC
static void *load_link(void *ref) { return ((TimerRef *)ref)->t; }
#endif

/* The timer a ref points to, NULL once a weak timer was collected. libgc
 * clears disappearing links after it restarts the world, so a plain load
 * could return a timer about to be reclaimed: load under its allocation
 * lock, as its documentation requires. */
static RTimer *ref_timer(TimerRef *ref) {
#ifdef CSP_NO_GC
    return ref->t;
#else
    return GC_call_with_alloc_lock(load_link, ref);
#endif
}

/* ---- the heap (timerlock held) ------------------------------------------------ */

static void heap_set(int64_t i, HeapEntry e) {
    tm.heap[i] = e;
    e.ref->idx = (int32_t)i;
}

static void sift_up(int64_t i) {
    HeapEntry e = tm.heap[i];
    while (i > 0) {
        int64_t parent = (i - 1) / 4;
        if (tm.heap[parent].when <= e.when)
            break;
        heap_set(i, tm.heap[parent]);
        i = parent;
    }
    heap_set(i, e);
    ASSERT(i == 0 || tm.heap[(i - 1) / 4].when <= e.when,
           "timer heap out of order at %lld", (long long)i);
}

/* Index of the earliest child of i, or -1 when i is a leaf. */
static int64_t min_child(int64_t i) {
    int64_t first = 4 * i + 1;
    if (first >= tm.n)
        return -1;
    int64_t best = first, end = first + 4 < tm.n ? first + 4 : tm.n;
    for (int64_t c = first + 1; c < end; c++)
        if (tm.heap[c].when < tm.heap[best].when)
            best = c;
    return best;
}

static void sift_down(int64_t i) {
    HeapEntry e = tm.heap[i];
    for (;;) {
        int64_t c = min_child(i);
        if (c < 0 || tm.heap[c].when >= e.when)
            break;
        heap_set(i, tm.heap[c]);
        i = c;
    }
    heap_set(i, e);
    ASSERT(min_child(i) < 0 || tm.heap[min_child(i)].when >= e.when,
           "timer heap out of order at %lld", (long long)i);
}

static void heap_grow(void) {
    int64_t cap = tm.cap ? tm.cap * 2 : 64;
    HeapEntry *h = sched_alloc((size_t)cap * sizeof *h);
    if (tm.n)
        memcpy(h, tm.heap, (size_t)tm.n * sizeof *h);
    tm.heap = h; /* the old array is left to the collector */
    tm.cap = cap;
}

/* Drops the entries of collected weak timers and re-heapifies; returns how
 * many were dropped. O(n), run only when the array is full, so its cost is
 * amortised like the growth it may save (a loop of time.After calls whose
 * channels are dropped keeps the heap at about its live size). */
static int64_t heap_compact(void) {
    int64_t live = 0;
    for (int64_t i = 0; i < tm.n; i++) {
        HeapEntry e = tm.heap[i];
        if (ref_timer(e.ref))
            tm.heap[live++] = e;
        else
            e.ref->idx = -1;
    }
    int64_t dropped = tm.n - live;
    for (int64_t i = live; i < tm.n; i++)
        tm.heap[i] = (HeapEntry){0, NULL};
    tm.n = live;
    for (int64_t i = 0; i < tm.n; i++)
        tm.heap[i].ref->idx = (int32_t)i;
    for (int64_t i = tm.n / 4; i >= 0; i--) /* parents of the last node up */
        if (i < tm.n)
            sift_down(i);
    return dropped;
}

static void heap_push(RTimer *t) {
    /* Grow unless at least a quarter of the entries were dead weight. */
    if (tm.n == tm.cap && (heap_compact() * 4 < tm.cap || tm.n == tm.cap))
        heap_grow();
    heap_set(tm.n++, (HeapEntry){t->when, t->ref});
    sift_up(tm.n - 1);
}

static void heap_remove_ref(TimerRef *ref) {
    int64_t i = ref->idx;
    if (i < 0 || i >= tm.n || tm.heap[i].ref != ref)
        timer_throw("heap index corrupted");
    HeapEntry last = tm.heap[--tm.n];
    tm.heap[tm.n] = (HeapEntry){0, NULL}; /* drop the reference for the GC */
    ref->idx = -1;
    if (last.ref == ref)
        return;
    heap_set(i, last);
    sift_up(i);
    sift_down(last.ref->idx);
}

/* Re-sorts t after its `when` changed. */
static void heap_fix(RTimer *t) {
    int64_t i = t->ref->idx;
    tm.heap[i].when = t->when;
    sift_up(i);
    sift_down(t->ref->idx);
}

static void publish_next(void) {
    int64_t w = tm.n ? tm.heap[0].when : -1;
    atomic_store_explicit(&tm.next_when, w, memory_order_release);
}

/* ---- API ---------------------------------------------------------------------- */

static void init_common(RTimer *t, TimerFunc fn, void *arg, TimerRef *ref) {
    memset(t, 0, sizeof *t);
    ref->t = t;
    ref->idx = -1;
    t->ref = ref;
    t->fn = fn;
    t->arg = arg;
}

void timer_init(RTimer *t, TimerFunc fn, void *arg) {
    init_common(t, fn, arg, sched_alloc(sizeof(TimerRef)));
}

void timer_init_weak(RTimer *t, TimerFunc fn, void *arg, void *owner) {
#ifdef CSP_NO_GC
    (void)owner;
    timer_init(t, fn, arg);
#else
    /* Pointer-free memory: the ref does not keep the timer alive. */
    TimerRef *ref = GC_MALLOC_ATOMIC(sizeof *ref);
    if (!ref)
        timer_throw("out of memory");
    init_common(t, fn, arg, ref);
    if (GC_GENERAL_REGISTER_DISAPPEARING_LINK((void **)&ref->t, owner) ==
        GC_NO_MEMORY)
        timer_throw("out of memory");
#endif
}

bool timer_pending(RTimer *t) {
    lock_acquire(&tm.lock);
    bool pending = t->ref->idx >= 0;
    lock_release(&tm.lock);
    return pending;
}

int64_t timer_when(int64_t d) {
    int64_t now = sched_nanotime();
    if (d <= 0)
        return now;
    return d > INT64_MAX - now ? INT64_MAX : now + d;
}

bool timer_start(RTimer *t, int64_t when, int64_t period) {
    lock_acquire(&tm.lock);
    int64_t before = tm.n ? tm.heap[0].when : -1;
    bool pending = t->ref->idx >= 0;
    t->when = when;
    t->period = period > 0 ? period : 0;
    t->seq++;
    if (pending)
        heap_fix(t);
    else
        heap_push(t);
    publish_next();
    lock_release(&tm.lock);
    /* An idle M may be sleeping until a later deadline: wake it so it
     * sleeps until ours instead. */
    if (before < 0 || when < before)
        sched_timers_changed();
    return pending;
}

bool timer_stop(RTimer *t) {
    lock_acquire(&tm.lock);
    bool pending = t->ref->idx >= 0;
    if (pending)
        heap_remove_ref(t->ref);
    t->seq++;
    publish_next();
    bool empty = tm.n == 0;
    lock_release(&tm.lock);
    /* The last timer is gone: a sleeper waiting for it must not keep the
     * deadlock detector from seeing that nothing is pending. */
    if (pending && empty)
        sched_timers_changed();
    return pending;
}

int timer_hurry(TimerFunc fn, bool (*match)(void *arg, void *ctx), void *ctx) {
    enum { MAX = 8 };
    RTimer *found[MAX];
    int n = 0;
    lock_acquire(&tm.lock);
    for (int64_t i = 0; i < tm.n && n < MAX; i++) {
        RTimer *t = ref_timer(tm.heap[i].ref);
        if (t && t->fn == fn && match(t->arg, ctx))
            found[n++] = t;
    }
    int64_t now = sched_nanotime();
    for (int k = 0; k < n; k++) {
        found[k]->when = now;
        heap_fix(found[k]);
    }
    publish_next();
    lock_release(&tm.lock);
    if (n)
        sched_timers_changed();
    return n;
}

uint64_t timer_seq(RTimer *t) {
    lock_acquire(&tm.lock);
    uint64_t s = t->seq;
    lock_release(&tm.lock);
    return s;
}

int64_t timer_next_deadline(void) {
    return atomic_load_explicit(&tm.next_when, memory_order_acquire);
}

int64_t timer_count(void) {
    lock_acquire(&tm.lock);
    int64_t n = tm.n;
    lock_release(&tm.lock);
    return n;
}

/* The next deadline of a ticker that was due at t->when, now being `now`:
 * the first multiple of the period after now (missed ticks are dropped, as
 * a slow reader of a Go ticker sees). */
static int64_t next_tick(RTimer *t, int64_t now) {
    int64_t late = now - t->when;
    int64_t n = 1 + late / t->period;
    if (n > (INT64_MAX - t->when) / t->period)
        return INT64_MAX;
    return t->when + n * t->period;
}

typedef struct Due {
    RTimer *t;
    uint64_t seq;
    int64_t when;
} Due;

/* Takes up to TIMER_BATCH due timers off the heap; returns how many. */
static int take_due(Due *due, int64_t now) {
    int k = 0;
    lock_acquire(&tm.lock);
    while (k < TIMER_BATCH && tm.n && tm.heap[0].when <= now) {
        RTimer *t = ref_timer(tm.heap[0].ref);
        if (!t) { /* a weak timer whose owner was collected */
            heap_remove_ref(tm.heap[0].ref);
            continue;
        }
        due[k].t = t;
        due[k].seq = t->seq;
        due[k].when = t->when;
        k++;
        if (t->period > 0) {
            t->when = next_tick(t, now);
            tm.heap[0].when = t->when;
            sift_down(0);
        } else {
            heap_remove_ref(t->ref);
        }
    }
    publish_next();
    lock_release(&tm.lock);
    return k;
}

/* The simulation (sim.h): timers due at the same instant fire in an order
 * drawn from the run's generator (a Fisher-Yates shuffle of each run of
 * equal deadlines; take_due returns them in deadline order). */
static void sim_shuffle(Due *due, int k) {
    for (int lo = 0, hi; lo < k; lo = hi) {
        for (hi = lo + 1; hi < k && due[hi].when == due[lo].when; hi++) {
        }
        for (int i = hi - 1; i > lo; i--) {
            int j = lo + (int)(sim_rand() % (uint64_t)(i - lo + 1));
            Due x = due[i];
            due[i] = due[j];
            due[j] = x;
        }
    }
}

void timer_reset(void) {
    lock_acquire(&tm.lock);
    for (int64_t i = 0; i < tm.n; i++) {
        tm.heap[i].ref->idx = -1;
        tm.heap[i] = (HeapEntry){0, NULL};
    }
    tm.n = 0;
    publish_next();
    lock_release(&tm.lock);
}

void timer_run_due(Worker *w) {
    int64_t next = atomic_load_explicit(&tm.next_when, memory_order_acquire);
    if (next < 0)
        return;
    int64_t now = sched_nanotime();
    if (next > now)
        return;
    Due due[TIMER_BATCH];
    int k;
    do {
        k = take_due(due, now);
        if (SIM_ON)
            sim_shuffle(due, k);
        for (int i = 0; i < k; i++)
            due[i].t->fn(w, due[i].t, due[i].t->arg, due[i].seq);
    } while (k == TIMER_BATCH);
}
