/*
 * park_linux.c — how threads sleep and wake on Linux: notes (one-shot
 * events, Go's note) and a small lock, both on futexes. The only
 * platform-specific file of the scheduler; a port replaces it (condition
 * variables would do).
 *
 * NOTE PROTOCOL: key 0 = not signalled, 1 = signalled. note_wakeup stores
 * 1 (release: what the waker wrote before is visible to the sleeper) and
 * wakes the futex; note_sleep loops until it loads 1 (acquire). The futex
 * only avoids burning CPU: correctness rests on the atomic key, so spurious
 * futex returns, EINTR (libgc's stop-the-world signals) and EAGAIN (the key
 * changed before we slept) all just re-check it.
 *
 * LOCK: the classic three-state futex mutex (0 unlocked, 1 locked, 2 locked
 * and someone may sleep). acquire: CAS 0->1 (acquire order); on contention
 * spin LOCK_SPIN times, then exchange in 2 and sleep while it is not 0.
 * release: exchange 0 (release order); if it was 2, wake one sleeper.
 */
#include <errno.h>
#include <linux/futex.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "gc.h"
#include "sched.h"
#include "sim.h"

static long futex(_Atomic uint32_t *addr, int op, uint32_t val,
                  const struct timespec *ts) {
    return syscall(SYS_futex, (uint32_t *)addr, op, val, ts, NULL, 0);
}

#if defined(__SANITIZE_THREAD__)
/* ThreadSanitizer runs a signal's handler only when the thread that took
 * the signal next passes one of its interceptors, and a raw futex is not
 * one: a signal that lands on a parked M (os/signal's SIGINT) would wait
 * forever. In that build a sleeper wakes at least every 10 ms and passes
 * an interceptor (nanosleep's) before it re-checks; every caller loops. */
static void futex_wait(_Atomic uint32_t *addr, uint32_t val,
                       const struct timespec *ts) {
    struct timespec tick = {0, 10 * 1000 * 1000};
    if (!ts || ts->tv_sec > 0 || ts->tv_nsec > tick.tv_nsec)
        ts = &tick;
    futex(addr, FUTEX_WAIT_PRIVATE, val, ts);
    struct timespec zero = {0, 0};
    nanosleep(&zero, NULL);
}
#else
static void futex_wait(_Atomic uint32_t *addr, uint32_t val,
                       const struct timespec *ts) {
    futex(addr, FUTEX_WAIT_PRIVATE, val, ts);
}
#endif

static void futex_wake(_Atomic uint32_t *addr, int n) {
    futex(addr, FUTEX_WAKE_PRIVATE, (uint32_t)n, NULL);
}

int64_t sched_nanotime(void) {
    if (SIM_ON) /* virtual time: runtime/sim.c */
        return sim_nanotime();
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- notes ------------------------------------------------------------------- */

void note_clear(Note *n) {
    atomic_store_explicit(&n->key, 0, memory_order_relaxed);
}

void note_wakeup(Note *n) {
    /* release: pairs with the acquire load in note_sleep/note_tsleep */
    uint32_t old = atomic_exchange_explicit(&n->key, 1, memory_order_release);
    if (old != 0) {
        fprintf(stderr, "fatal error: note_wakeup: double wakeup\n");
        abort();
    }
    futex_wake(&n->key, 1);
}

/* A thread asleep on a note is blocked for the collector (gc_blocking:
 * under TSan the collections wait for every thread to be so; elsewhere it
 * is a plain call). */
static void *sleep_until_woken(void *arg) {
    Note *n = arg;
    while (atomic_load_explicit(&n->key, memory_order_acquire) == 0)
        futex_wait(&n->key, 0, NULL);
    return NULL;
}

void note_sleep(Note *n) {
    gc_blocking(sleep_until_woken, n);
}

typedef struct TimedSleep {
    Note *n;
    int64_t ns;
    bool woken;
} TimedSleep;

static void *sleep_until_deadline(void *arg) {
    TimedSleep *t = arg;
    int64_t deadline = sched_nanotime() + t->ns;
    for (;;) {
        if (atomic_load_explicit(&t->n->key, memory_order_acquire) != 0) {
            t->woken = true;
            return NULL;
        }
        int64_t left = deadline - sched_nanotime();
        if (left <= 0)
            return NULL;
        struct timespec ts = {left / 1000000000, left % 1000000000};
        futex_wait(&t->n->key, 0, &ts);
    }
}

bool note_tsleep(Note *n, int64_t ns) {
    TimedSleep t = {n, ns, false};
    gc_blocking(sleep_until_deadline, &t);
    return t.woken;
}

/* ---- lock -------------------------------------------------------------------- */

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

void lock_acquire(Lock *l) {
#ifdef CSP_DEBUG
    lockrank_acquire(l);
#endif
    uint32_t c = 0;
    /* acquire: the critical section cannot move above the lock */
    if (atomic_compare_exchange_strong_explicit(&l->key, &c, 1,
                                                memory_order_acquire,
                                                memory_order_relaxed))
        return;
    for (int i = 0; i < LOCK_SPIN; i++) {
        cpu_relax();
        c = 0;
        if (atomic_load_explicit(&l->key, memory_order_relaxed) == 0 &&
            atomic_compare_exchange_weak_explicit(&l->key, &c, 1,
                                                  memory_order_acquire,
                                                  memory_order_relaxed))
            return;
    }
    /* Mark "sleepers may exist" and sleep until we take it as 0 -> 2. */
    while (atomic_exchange_explicit(&l->key, 2, memory_order_acquire) != 0)
        futex_wait(&l->key, 2, NULL);
}

void lock_release(Lock *l) {
#ifdef CSP_DEBUG
    lockrank_release(l);
#endif
    /* release: the critical section's writes are published with the unlock */
    if (atomic_exchange_explicit(&l->key, 0, memory_order_release) == 2)
        futex_wake(&l->key, 1);
}
