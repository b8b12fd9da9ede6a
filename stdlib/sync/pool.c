/*
 * pool.c — sync.Pool's natives (the Go side is in sync.go: Get calls New
 * when get finds nothing). Go's design (sync/pool.go), adapted to csp.
 *
 * PER-P PARTS
 *   A Pool's first slot points to a PoolState made on first Put. It holds
 *   `local`, an array with one PoolLocal per P (indexed by the P's id,
 *   sched_pid), and `victim`, the previous generation. A PoolLocal has
 *
 *     private  one object, touched only by the thread that holds that P.
 *              A native runs to completion on its M without being
 *              preempted, so while Get or Put runs nobody else can hold
 *              the P: no lock, no atomic (Go pins the P for the same end).
 *     shared   a deque of more objects: the owner pushes and pops at the
 *              head (LIFO, cache-warm), other Ps steal from the tail when
 *              their own part is empty.
 *
 *   Get: own private, own shared head, steal from the other Ps' tails,
 *   then the same in the victim generation. Put: own private if free, else
 *   own shared head. So the common case (a goroutine that gets and puts
 *   back one object) touches only its own P's private slot.
 *
 *   The shared deque is a ring under a per-P Lock rather than Go's
 *   lock-free poolChain: the owner's lock is uncontended (one CAS and one
 *   store) except while a thief holds it, and there is no global lock on
 *   any path. Rejected for now: Go's poolDequeue (a CAS on packed
 *   head/tail indexes) — more code for a gain the interpreter's dispatch
 *   cost hides.
 *
 * THE VICTIM CACHE (two collections)
 *   Go's poolCleanup runs at each collection with the world stopped:
 *   victim = local, local = empty, so an object unused for two collections
 *   is dropped. libgc gives no stop-the-world hook where csp could rewrite
 *   pools safely, so the rotation is lazy: every Get and Put compares the
 *   collector's count (GC_get_gc_no, one unsynchronised load) with the one
 *   the pool last rotated at, and on a change rotates under the pool's lock
 *   (once per pool per collection): one collection since -> victim = local;
 *   more -> both dropped. A thread that loaded `local` just before a
 *   rotation may still put into the array that became the victim: the
 *   object lands one generation older, which a cache may do. The one
 *   difference from Go: an idle pool keeps its objects until its next Get
 *   or Put (a pool nobody uses any more is garbage with them anyway).
 *
 * GOMAXPROCS: a P id beyond `local` (more Ps since the array was made)
 *   replaces the array by a larger, empty one; the old objects are dropped,
 *   as Go's pinSlow does.
 *
 * -race: Put releases and Get acquires a clock keyed by the pooled
 *   interface value, as Go's race build does on poolRaceAddr(x), so using
 *   an object a Put handed over is not a race.
 *
 * LOCKS: PoolState.lock (rotation, resizing) and PoolLocal.lock (shared
 *   deque) are leaves, never held together, never held while anything else
 *   is taken (allocating under them is allowed: libgc's lock is below).
 */
#include <string.h>

#include "runtime/race.h"
#include "runtime/sched.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

/* Smallest ring of a shared deque (it doubles when full). */
#define POOL_RING_MIN 8

typedef struct PoolLocal {
    Iface *private;          /* owner P only (see top) */
    Lock lock;               /* guards the four fields below */
    int32_t head;            /* index of the first (tail-end) object */
    int32_t n, cap;          /* objects queued, ring size */
    Iface **ring;
    char pad[64 - 2 * sizeof(void *) - sizeof(Lock) - 3 * sizeof(int32_t)];
} PoolLocal;                 /* padded to a cache line: Ps do not share one */

typedef struct PoolLocals {
    int64_t n;               /* entries: P ids 0..n-1; immutable */
    PoolLocal l[];
} PoolLocals;

typedef struct PoolState {
    PoolLocals *_Atomic local;   /* release store under lock; acquire load */
    PoolLocals *_Atomic victim;  /* same */
    _Atomic uint64_t gcno;       /* collection count at the last rotation */
    Lock lock;                   /* rotation and resizing */
} PoolState;

/* ---- the shared deque (l->lock held) ------------------------------------------ */

static void push_head(PoolLocal *l, Iface *x) {
    if (l->n == l->cap) {
        int32_t cap = l->cap ? l->cap * 2 : POOL_RING_MIN;
        Iface **r = gc_alloc((size_t)cap * sizeof *r);
        for (int32_t i = 0; i < l->n; i++)
            r[i] = l->ring[(l->head + i) % l->cap];
        l->ring = r;
        l->cap = cap;
        l->head = 0;
    }
    l->ring[(l->head + l->n) % l->cap] = x;
    __atomic_store_n(&l->n, l->n + 1, __ATOMIC_RELAXED); /* thieves peek */
}

static Iface *pop(PoolLocal *l, bool head) {
    lock_acquire(&l->lock);
    Iface *x = NULL;
    if (l->n > 0) {
        int32_t i = head ? (l->head + l->n - 1) % l->cap : l->head;
        x = l->ring[i];
        l->ring[i] = NULL;   /* no stale reference keeps it alive */
        if (!head)
            l->head = (l->head + 1) % l->cap;
        __atomic_store_n(&l->n, l->n - 1, __ATOMIC_RELAXED);
    }
    lock_release(&l->lock);
    return x;
}

/* ---- generations ---------------------------------------------------------------- */

static PoolLocals *locals_new(int64_t n) {
    PoolLocals *ls = gc_alloc(sizeof *ls + (size_t)n * sizeof(PoolLocal));
    ls->n = n;
    return ls;
}

/* Go's poolCleanup for this pool, done at its first use after a
 * collection (see top). */
static void rotate(PoolState *st) {
    uint64_t now = GC_get_gc_no();
    if (atomic_load_explicit(&st->gcno, memory_order_relaxed) == now)
        return;
    lock_acquire(&st->lock);
    uint64_t then = atomic_load_explicit(&st->gcno, memory_order_relaxed);
    if (then != now) {
        PoolLocals *old = atomic_load_explicit(&st->local, memory_order_relaxed);
        atomic_store_explicit(&st->victim, now - then == 1 ? old : NULL,
                              memory_order_release);
        atomic_store_explicit(&st->local, NULL, memory_order_release);
        atomic_store_explicit(&st->gcno, now, memory_order_relaxed);
    }
    lock_release(&st->lock);
}

/* The pool's current array, made (or remade larger) so that it has an
 * entry for P pid. */
static PoolLocals *locals_for(PoolState *st, int pid) {
    PoolLocals *ls = atomic_load_explicit(&st->local, memory_order_acquire);
    if (ls && pid < ls->n)
        return ls;
    lock_acquire(&st->lock);
    ls = atomic_load_explicit(&st->local, memory_order_relaxed);
    if (!ls || pid >= ls->n) {
        int64_t n = sched_nprocs();
        ls = locals_new(n > pid ? n : pid + 1);
        atomic_store_explicit(&st->local, ls, memory_order_release);
    }
    lock_release(&st->lock);
    return ls;
}

/* Pool's first slot: its PoolState, made by the first caller that needs
 * one (a CAS, so racing first Puts agree on one). */
static PoolState *state_of(Slot *pool, bool make) {
    PoolState *st = __atomic_load_n((PoolState **)&pool[0].p, __ATOMIC_ACQUIRE);
    if (st || !make)
        return st;
    PoolState *fresh = gc_alloc(sizeof *fresh);
    atomic_store_explicit(&fresh->gcno, GC_get_gc_no(), memory_order_relaxed);
    if (__atomic_compare_exchange_n((PoolState **)&pool[0].p, &st, fresh, false,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return fresh;
    return st;   /* another goroutine's, loaded by the failed CAS */
}

/* An object from generation ls, P pid first (its private slot only when
 * own), then stealing from the others' tails. */
static Iface *take(PoolLocals *ls, int pid) {
    if (!ls)
        return NULL;
    int64_t n = ls->n;
    if (pid < n) {
        PoolLocal *l = &ls->l[pid];
        Iface *x = l->private;
        if (x) {
            l->private = NULL;
            return x;
        }
        if ((x = pop(l, true)))
            return x;
    }
    for (int64_t i = 1; i <= n; i++) {
        PoolLocal *l = &ls->l[(pid + i) % n];
        if (__atomic_load_n(&l->n, __ATOMIC_RELAXED) == 0)
            continue;   /* a hint only: pop re-checks under the lock */
        Iface *x = pop(l, false);
        if (x)
            return x;
    }
    return NULL;
}

/* func (p *Pool) get() any: a pooled object, or nil (Get then calls New). */
int sync_pool_get(Fiber *f, Slot *a) {
    if (!a[0].p)
        return panic_nil(f);
    PoolState *st = state_of(a[0].p, false);
    Iface *x = NULL;
    if (st) {
        rotate(st);
        int pid = sched_pid(f->w);
        x = take(atomic_load_explicit(&st->local, memory_order_acquire), pid);
        if (!x)
            x = take(atomic_load_explicit(&st->victim, memory_order_acquire), pid);
    }
    if (x)
        RACE_ACQUIRE(f, x);   /* pairs with Put's release (Go's poolRaceAddr) */
    a[0].p = x;
    return NATIVE_OK;
}

/* func (p *Pool) Put(x any): nil is ignored, as in Go. */
int sync_pool_put(Fiber *f, Slot *a) {
    Iface *x = a[1].p;
    if (!a[0].p)
        return panic_nil(f);
    if (!x)
        return NATIVE_OK;
    RACE_RELEASE(f, x);   /* -race: what x's user did happens before the next Get of x */
    PoolState *st = state_of(a[0].p, true);
    rotate(st);
    int pid = sched_pid(f->w);
    PoolLocal *l = &locals_for(st, pid)->l[pid];
    if (!l->private) {
        l->private = x;
        return NATIVE_OK;
    }
    lock_acquire(&l->lock);
    push_head(l, x);
    lock_release(&l->lock);
    return NATIVE_OK;
}
