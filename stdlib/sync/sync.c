/*
 * sync.c — natives of package sync (stub: stdlib/sync.go): Mutex, RWMutex,
 * WaitGroup and Cond; Pool's are in pool.c. Once and Map are Go code in
 * sync.go.
 *
 * STATE IN THE STRUCT, WAITERS IN A TABLE
 *   The Go struct holds the state words (slots), so the zero value is ready
 *   and an uncontended operation is one CAS on the struct. Goroutines that
 *   must wait go into a table of wait lists keyed by the address of the
 *   word they wait on (Go's semaphore table, sema.go): SYNC_BUCKETS buckets,
 *   each a futex Lock and a chain of WaitLists, one per address that has
 *   waiters. A WaitList is FIFO, with LIFO re-queueing for a waiter that
 *   was woken and lost the race again (it keeps its place, as in Go).
 *
 * BLOCKING NATIVES (the VM's protocol, see rt.h NATIVE_PARK)
 *   A native that must wait takes its bucket lock, re-checks the state,
 *   enqueues a SyncWaiter, stores it in g->param, and calls sched_park with
 *   a commit that releases the bucket lock once the goroutine has stopped;
 *   it returns NATIVE_PARK. A waker takes the bucket lock, dequeues,
 *   records in the waiter what it was given (`granted`: the lock was
 *   handed over / the semaphore acquired / the ticket notified), releases
 *   the lock and only then readies the goroutine. The VM then calls the
 *   native again with the same arguments: g->param != NULL tells the call
 *   that it is a resumption, and the record says how to go on. g->param is
 *   NULL whenever a goroutine runs outside a native wait (chan.c clears it
 *   on every resume; sched.c when a goroutine starts), and every native
 *   here clears it first thing on resumption. Each native has at most one
 *   wait per step, and `stage` says which step a multi-step native (the
 *   RWMutex writer) had reached.
 *
 * MUTEX (state: LOCKED | WOKEN | waiters << MUTEX_SHIFT)
 *   Lock: CAS 0 -> LOCKED, else spin briefly (several Ps only), else queue.
 *   Unlock: CAS LOCKED -> 0, else: if nobody is queued or a woken waiter
 *   is already competing, clear LOCKED; otherwise dequeue the first waiter
 *   and either wake it to compete (normal mode: newcomers may barge, which
 *   is fast) or, when it has waited more than MUTEX_STARVE_NS, hand it the
 *   lock directly without ever clearing LOCKED (Go's starvation mode: FIFO
 *   hand-off, nobody can barge). A woken waiter that loses re-queues at the
 *   front with its original arrival time, so its wait is bounded.
 *
 * RWMUTEX: Go's algorithm (a writer Mutex, readerCount made negative by a
 *   pending writer so new readers queue, readerWait counting the readers a
 *   writer waits for) over two address-keyed semaphores.
 *
 * WAITGROUP (n, waiters): Add changes n; Wait re-checks n under the bucket
 *   lock after counting itself in `waiters`; Add reaching zero wakes all
 *   only when waiters > 0 (both sides use seq_cst, so one sees the other).
 *
 * COND (wait, notify): Go's notifyList tickets. Wait takes a ticket before
 *   unlocking L; Signal wakes the holder of the oldest unserved ticket;
 *   Broadcast serves them all.
 *
 * Fatal errors are Go's (unrecoverable, exit 2): "sync: unlock of unlocked
 * mutex", "sync: RUnlock of unlocked RWMutex", "sync: Unlock of unlocked
 * RWMutex". Atomics on slots use GCC's __atomic builtins, seq_cst
 * throughout (the slots are plain memory shared with compiled Go code).
 *
 * LEAKS: the table must not keep alive what waits in it (runtime/leak.c,
 * SYNC WAITS), or no goroutine blocked on a sync object could ever be
 * found leaked: a WaitList holds its word disguised (HIDE) and its waiters
 * in a LIST_HIDDEN list (runtime/list.h), whose head is disguised too. A
 * waiter is kept by its goroutine (g->param), and
 * a leaked goroutine's stack keeps the object it waits on, so the word of
 * a list can never be reused by a new object while the list exists.
 *
 * LOCK ORDER: bucket locks are leaves (nothing else is taken while one is
 * held, except by sched_park's commit, which releases it). No goroutine is
 * readied while a bucket lock is held.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/gc.h"
#include "runtime/leak.h"
#include "runtime/list.h"
#include "runtime/race.h"
#include "runtime/sched.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

/* The GSched of the fiber running a native. */
#define FIBER_G(f) (&(f)->sched)

/* Buckets of the wait table: prime, as Go's semTabSize (251), so that
 * addresses with a common stride spread out. */
#define SYNC_BUCKETS 251
/* A waiter older than this gets the Mutex handed to it (Go's
 * starvationThresholdNs: 1 ms). */
#define MUTEX_STARVE_NS 1000000
/* Spins of a contended Lock before it queues (Go: 4 rounds of 30 pauses),
 * only with more than one P: on one P the holder cannot run meanwhile. */
#define MUTEX_SPINS 4
#define MUTEX_SPIN_PAUSES 30

enum {
    MUTEX_LOCKED = 1,
    MUTEX_WOKEN = 2,
    MUTEX_SHIFT = 3,
    MUTEX_WAITER = 1 << MUTEX_SHIFT,
};

/* RWMutex slots (sync.go: w Mutex (2 slots), writerSem, readerSem,
 * readerCount, readerWait). */
enum { RW_W = 0, RW_WSEM = 2, RW_RSEM = 3, RW_RCOUNT = 4, RW_RWAIT = 5 };
#define RW_MAX_READERS (1LL << 30)

/* WaitGroup and Cond slots. */
enum { WG_N = 0, WG_WAITERS = 1 };
enum { COND_L = 0, COND_WAIT = 1, COND_NOTIFY = 2 };

/* RWMutex.Lock's steps (SyncWaiter.stage). */
enum { STAGE_ONE = 0, STAGE_WRITER_MUTEX = 1, STAGE_WRITER_READERS = 2 };

#define SYNC_WAITER_TAG 0x53594e43u /* "SYNC" */

typedef struct SyncWaiter SyncWaiter;
struct SyncWaiter {
    ListLink link;           /* WaitList links, first member: bucket lock */
    uint32_t tag;            /* SYNC_WAITER_TAG: catches a foreign g->param */
    int stage;               /* see above: owner */
    GSched *g;               /* immutable */
    int64_t since;           /* first queued (Mutex starvation): owner */
    int64_t ticket;          /* Cond: immutable while queued */
    bool granted;            /* set by the waker before readying: see top */
};

/* addr and the waiters are disguised: see LEAKS at the top. */
typedef struct WaitList {
    GC_hidden_pointer addr;  /* the word waited on (HIDE): bucket lock */
    List waiters;            /* of SyncWaiter, LIST_HIDDEN: bucket lock */
    struct WaitList *next;   /* bucket chain or free list: bucket lock */
} WaitList;

#define HIDE(p) GC_HIDE_POINTER(p)
/* LIST_HIDDEN is libgc's disguise (list.h). */
_Static_assert(GC_HIDE_POINTER(0) == LIST_HIDDEN, "libgc hides pointers by ~p");

#define WAITER(e) LIST_ENTRY(e, SyncWaiter, link)

/* One cache line each, so waiters on different buckets do not contend. */
typedef struct __attribute__((aligned(64))) Bucket {
    Lock lock;
    WaitList *lists;         /* one per address with waiters: lock */
    WaitList *spare;         /* empty lists kept for reuse: lock */
} Bucket;

/* The wait table: static, so the collector scans it as a root. */
static Bucket semtab[SYNC_BUCKETS] = {
    [0 ... SYNC_BUCKETS - 1] = {.lock = LOCK_INIT(LR_BUCKET)}};

void sync_reset(void) { memset(semtab, 0, sizeof semtab); }

/* ---- atomics on slots (seq_cst) ---------------------------------------------- */

static int64_t ld(Slot *s) { return __atomic_load_n(&s->i, __ATOMIC_SEQ_CST); }
static void st(Slot *s, int64_t v) { __atomic_store_n(&s->i, v, __ATOMIC_SEQ_CST); }
/* Adds d and returns the new value. */
static int64_t add(Slot *s, int64_t d) {
    return __atomic_add_fetch(&s->i, d, __ATOMIC_SEQ_CST);
}
static bool cas(Slot *s, int64_t old, int64_t new) {
    return __atomic_compare_exchange_n(&s->i, &old, new, false,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

static void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

/* ---- the wait table (bucket lock held unless said) ----------------------------- */

static Bucket *bucket_of(Slot *addr) {
    uintptr_t h = (uintptr_t)addr >> 3;
    return &semtab[(h * 0x9e3779b97f4a7c15ull >> 32) % SYNC_BUCKETS];
}

static WaitList *waitlist_find(Bucket *b, Slot *addr, bool create) {
    for (WaitList *l = b->lists; l; l = l->next)
        if (l->addr == HIDE(addr))
            return l;
    if (!create)
        return NULL;
    WaitList *l = b->spare;
    if (l)
        b->spare = l->next;
    else
        l = sched_alloc(sizeof *l);
    l->addr = HIDE(addr);
    l->waiters = (List){0};
    l->next = b->lists;
    b->lists = l;
    return l;
}

/* An empty list leaves the chain (and forgets its address, so it does not
 * keep the object alive). */
static void waitlist_retire(Bucket *b, WaitList *l) {
    WaitList **pp = &b->lists;
    while (*pp != l)
        pp = &(*pp)->next;
    *pp = l->next;
    l->addr = 0;
    l->next = b->spare;
    b->spare = l;
}

static SyncWaiter *first_waiter(WaitList *l) {
    return l ? WAITER(list_first(&l->waiters, LIST_HIDDEN)) : NULL;
}

/* The waiter after w in its list or in a chain from pop_all, or NULL. */
static SyncWaiter *next_waiter(SyncWaiter *w) { return WAITER(w->link.next); }

static void waiter_push(WaitList *l, SyncWaiter *w, bool front) {
    if (front)
        list_push_front(&l->waiters, &w->link, LIST_HIDDEN);
    else
        list_push_back(&l->waiters, &w->link, LIST_HIDDEN);
}

static void waiter_unlink(Bucket *b, WaitList *l, SyncWaiter *w) {
    list_unlink(&l->waiters, &w->link, LIST_HIDDEN);
    if (list_empty(&l->waiters))
        waitlist_retire(b, l);
}

/* Dequeues the first waiter on addr, or NULL. */
static SyncWaiter *pop_first(Bucket *b, Slot *addr) {
    WaitList *l = waitlist_find(b, addr, false);
    SyncWaiter *w = first_waiter(l);
    if (w)
        waiter_unlink(b, l, w);
    return w;
}

/* Dequeues every waiter on addr, granted, as a chain (next_waiter). */
static SyncWaiter *pop_all(Bucket *b, Slot *addr) {
    WaitList *l = waitlist_find(b, addr, false);
    if (!l)
        return NULL;
    SyncWaiter *all = WAITER(list_take_all(&l->waiters, LIST_HIDDEN));
    for (SyncWaiter *w = all; w; w = next_waiter(w))
        w->granted = true;
    waitlist_retire(b, l);
    return all;
}

/* Park commit: the goroutine has stopped; let wakers at its queue. */
static bool bucket_commit(GSched *g, void *arg) {
    lock_release(arg);
    return true;
}

/* Queues w (already set up) on addr and parks; b->lock is held and is
 * released by the commit. Always NATIVE_PARK. */
static int park_on(Fiber *f, Bucket *b, Slot *addr, SyncWaiter *w,
                   bool front, WaitReason why) {
    GSched *g = FIBER_G(f);
    w->granted = false;
    waiter_push(waitlist_find(b, addr, true), w, front);
    g->param = w;
    leak_sync_wait(g, addr);
    sched_park(g, bucket_commit, b, why);
    return NATIVE_PARK;
}

static SyncWaiter *waiter_new(GSched *g, int stage) {
    SyncWaiter *w = sched_alloc(sizeof *w);
    w->tag = SYNC_WAITER_TAG;
    w->g = g;
    w->stage = stage;
    return w;
}

/* The wait record when this call resumes a parked one (and clears it), or
 * NULL on a first call. */
static SyncWaiter *resumed(Fiber *f) {
    GSched *g = FIBER_G(f);
    SyncWaiter *w = g->param;
    if (!w)
        return NULL;
    if (w->tag != SYNC_WAITER_TAG)
        rt_fatal("sync: resumed goroutine has a foreign wait record");
    g->param = NULL;
    leak_sync_done(g);
    return w;
}

/* Readies a chain of dequeued waiters (no lock held). Reads `next` before
 * readying: a readied goroutine owns its record again. */
static void ready_chain(Fiber *f, SyncWaiter *w) {
    while (w) {
        SyncWaiter *next = next_waiter(w);
        sched_ready(f->w, w->g, true);
        w = next;
    }
}

/* ---- semaphores (RWMutex) ------------------------------------------------------ */

/* Takes one unit of *sem, waiting (as `stage`) when there is none. A
 * release hands its unit to the first waiter directly. */
static int sem_acquire(Fiber *f, Slot *sem, WaitReason why, int stage) {
    for (int64_t v = ld(sem); v > 0; v = ld(sem))
        if (cas(sem, v, v - 1))
            return NATIVE_OK;
    Bucket *b = bucket_of(sem);
    lock_acquire(&b->lock);
    for (int64_t v = ld(sem); v > 0; v = ld(sem))
        if (cas(sem, v, v - 1)) {
            lock_release(&b->lock);
            return NATIVE_OK;
        }
    return park_on(f, b, sem, waiter_new(FIBER_G(f), stage), false, why);
}

static void sem_release(Fiber *f, Slot *sem) {
    Bucket *b = bucket_of(sem);
    lock_acquire(&b->lock);
    SyncWaiter *w = pop_first(b, sem);
    if (w)
        w->granted = true;
    else
        add(sem, 1);
    lock_release(&b->lock);
    if (w)
        sched_ready(f->w, w->g, true);
}

/* ---- Mutex ------------------------------------------------------------------------ */

static bool mutex_trylock(Slot *m) {
    for (int64_t s = ld(m); !(s & MUTEX_LOCKED); s = ld(m))
        if (cas(m, s, s | MUTEX_LOCKED))
            return true;
    return false;
}

/* One attempt to take a free lock; a woken waiter also drops WOKEN. */
static bool mutex_grab(Slot *m, int64_t s, bool woken) {
    int64_t ns = s | MUTEX_LOCKED;
    if (woken)
        ns &= ~(int64_t)MUTEX_WOKEN;
    return cas(m, s, ns);
}

static bool mutex_spin(Slot *m, bool woken) {
    if (sched_nprocs() < 2)
        return false;
    for (int i = 0; i < MUTEX_SPINS; i++) {
        int64_t s = ld(m);
        if (!(s & MUTEX_LOCKED) && mutex_grab(m, s, woken))
            return true;
        for (int j = 0; j < MUTEX_SPIN_PAUSES; j++)
            cpu_relax();
    }
    return false;
}

/* Lock's slow path. w: the record of a resumed call (granted: the lock was
 * handed over; else this goroutine was woken to compete), or NULL. */
static int mutex_lock_slow(Fiber *f, Slot *m, SyncWaiter *w, WaitReason why,
                           int stage) {
    if (w && w->granted)
        return NATIVE_OK;
    bool woken = w != NULL;
    if (mutex_spin(m, woken))
        return NATIVE_OK;
    Bucket *b = bucket_of(m);
    lock_acquire(&b->lock);
    for (;;) {
        int64_t s = ld(m);
        if (!(s & MUTEX_LOCKED)) {
            if (mutex_grab(m, s, woken)) {
                lock_release(&b->lock);
                return NATIVE_OK;
            }
            continue;
        }
        int64_t ns = s + MUTEX_WAITER;
        if (woken)
            ns &= ~(int64_t)MUTEX_WOKEN;
        if (cas(m, s, ns))
            break;
    }
    if (!w) {
        w = waiter_new(FIBER_G(f), stage);
        w->since = sched_nanotime();
    }
    w->stage = stage;
    return park_on(f, b, m, w, woken, why);
}

static _Noreturn void unlock_of_unlocked(void) {
    rt_fatal("sync: unlock of unlocked mutex");
}

/* Unlock with waiters queued: wake the first one or hand it the lock. */
static void mutex_unlock_queued(Fiber *f, Slot *m) {
    Bucket *b = bucket_of(m);
    lock_acquire(&b->lock);
    for (;;) {
        int64_t s = ld(m);
        if (!(s & MUTEX_LOCKED)) {
            lock_release(&b->lock);
            unlock_of_unlocked();
        }
        if ((s >> MUTEX_SHIFT) == 0 || (s & MUTEX_WOKEN)) {
            if (cas(m, s, s & ~(int64_t)MUTEX_LOCKED))
                break;
            continue;
        }
        WaitList *l = waitlist_find(b, m, false);
        SyncWaiter *w = first_waiter(l);
        if (!w) {
            lock_release(&b->lock);
            rt_fatal("sync: mutex waiter count out of step with its queue");
        }
        bool starving = sched_nanotime() - w->since > MUTEX_STARVE_NS;
        int64_t ns = s - MUTEX_WAITER;
        if (!starving)
            ns = (ns & ~(int64_t)MUTEX_LOCKED) | MUTEX_WOKEN;
        if (!cas(m, s, ns))
            continue;
        w->granted = starving;
        waiter_unlink(b, l, w);
        lock_release(&b->lock);
        sched_ready(f->w, w->g, true);
        return;
    }
    lock_release(&b->lock);
}

static void mutex_unlock(Fiber *f, Slot *m) {
    if (cas(m, MUTEX_LOCKED, 0))
        return;
    for (;;) {
        int64_t s = ld(m);
        if (!(s & MUTEX_LOCKED))
            unlock_of_unlocked();
        if ((s >> MUTEX_SHIFT) != 0 && !(s & MUTEX_WOKEN))
            break;
        if (cas(m, s, s & ~(int64_t)MUTEX_LOCKED))
            return;
    }
    mutex_unlock_queued(f, m);
}

static int n_Mutex_Lock(Fiber *f, Slot *a) {
    Slot *m = a[0].p;
    if (!m)
        return panic_nil(f);
    SyncWaiter *w = resumed(f);
    int st = !w && cas(m, 0, MUTEX_LOCKED)
                 ? NATIVE_OK
                 : mutex_lock_slow(f, m, w, WAIT_MUTEX, STAGE_ONE);
    if (st == NATIVE_OK)
        RACE_ACQUIRE(f, m);      /* Unlock happens before the next Lock */
    return st;
}

static int n_Mutex_Unlock(Fiber *f, Slot *a) {
    if (!a[0].p)
        return panic_nil(f);
    RACE_RELEASE(f, a[0].p);
    mutex_unlock(f, a[0].p);
    return NATIVE_OK;
}

static int n_Mutex_TryLock(Fiber *f, Slot *a) {
    if (!a[0].p)
        return panic_nil(f);
    Slot *m = a[0].p;
    a[0].i = mutex_trylock(m);
    if (a[0].i)
        RACE_ACQUIRE(f, m);
    return NATIVE_OK;
}

/* ---- RWMutex ------------------------------------------------------------------------ */

/* RLock after its add made the count a[1].i: negative while a writer is
 * pending, and then this reader queues (RLock's NativeFast rest). */
static int rlock_rest(Fiber *f, Slot *a) {
    if (a[1].i < 0)
        return sem_acquire(f, &((Slot *)a[0].p)[RW_RSEM], WAIT_RWMUTEX_R,
                           STAGE_ONE);
    return NATIVE_OK;
}

static int n_RWMutex_RLock(Fiber *f, Slot *a) {
    Slot *rw = a[0].p;
    if (!rw)
        return panic_nil(f);
    int st = NATIVE_OK;
    if (!resumed(f)) {  /* else a writer's Unlock handed us a reader unit */
        Slot b[2] = {a[0], {.i = add(&rw[RW_RCOUNT], 1)}};
        st = rlock_rest(f, b);
    }
    if (st == NATIVE_OK)
        RACE_ACQUIRE(f, &rw[RW_RSEM]);  /* Unlock happens before RLock */
    return st;
}

/* RUnlock after its add made the count a[1].i (its NativeFast rest). */
static int runlock_rest(Fiber *f, Slot *a) {
    Slot *rw = a[0].p;
    int64_t r = a[1].i;
    if (r >= 0)
        return NATIVE_OK;
    if (r + 1 == 0 || r + 1 == -RW_MAX_READERS)
        rt_fatal("sync: RUnlock of unlocked RWMutex");
    /* A writer is pending: the last reader it waits for lets it in. */
    if (add(&rw[RW_RWAIT], -1) == 0)
        sem_release(f, &rw[RW_WSEM]);
    return NATIVE_OK;
}

static int n_RWMutex_RUnlock(Fiber *f, Slot *a) {
    Slot *rw = a[0].p;
    if (!rw)
        return panic_nil(f);
    RACE_RELEASE(f, &rw[RW_WSEM]);      /* RUnlock happens before Lock */
    Slot b[2] = {a[0], {.i = add(&rw[RW_RCOUNT], -1)}};
    return runlock_rest(f, b);
}

/* Writer, step 2: announce the writer (blocks new readers), then wait for
 * the readers already inside. */
static int rw_wait_readers(Fiber *f, Slot *rw) {
    int64_t r = add(&rw[RW_RCOUNT], -RW_MAX_READERS) + RW_MAX_READERS;
    if (r != 0 && add(&rw[RW_RWAIT], r) != 0)
        return sem_acquire(f, &rw[RW_WSEM], WAIT_RWMUTEX_W,
                           STAGE_WRITER_READERS);
    return NATIVE_OK;
}

static int rwmutex_lock(Fiber *f, Slot *rw) {
    SyncWaiter *w = resumed(f);
    if (w && w->stage == STAGE_WRITER_READERS)
        return NATIVE_OK;
    /* Step 1: exclude other writers (Go waits here as sync.Mutex.Lock). */
    if (w || !cas(&rw[RW_W], 0, MUTEX_LOCKED)) {
        int st = mutex_lock_slow(f, &rw[RW_W], w, WAIT_MUTEX,
                                 STAGE_WRITER_MUTEX);
        if (st != NATIVE_OK)
            return st;
    }
    return rw_wait_readers(f, rw);
}

static int n_RWMutex_Lock(Fiber *f, Slot *a) {
    Slot *rw = a[0].p;
    if (!rw)
        return panic_nil(f);
    int st = rwmutex_lock(f, rw);
    if (st == NATIVE_OK) {
        RACE_ACQUIRE(f, &rw[RW_RSEM]);
        RACE_ACQUIRE(f, &rw[RW_WSEM]);
    }
    return st;
}

static int n_RWMutex_Unlock(Fiber *f, Slot *a) {
    Slot *rw = a[0].p;
    if (!rw)
        return panic_nil(f);
    RACE_RELEASE(f, &rw[RW_RSEM]);  /* before the next RLock and Lock */
    int64_t r = add(&rw[RW_RCOUNT], RW_MAX_READERS);
    if (r >= RW_MAX_READERS)
        rt_fatal("sync: Unlock of unlocked RWMutex");
    for (int64_t i = 0; i < r; i++) /* readers that queued behind us */
        sem_release(f, &rw[RW_RSEM]);
    mutex_unlock(f, &rw[RW_W]);
    return NATIVE_OK;
}

static int n_RWMutex_TryLock(Fiber *f, Slot *a) {
    Slot *rw = a[0].p;
    if (!rw)
        return panic_nil(f);
    bool ok = mutex_trylock(&rw[RW_W]);
    if (ok && !cas(&rw[RW_RCOUNT], 0, -RW_MAX_READERS)) {
        mutex_unlock(f, &rw[RW_W]);
        ok = false;
    }
    if (ok) {
        RACE_ACQUIRE(f, &rw[RW_RSEM]);
        RACE_ACQUIRE(f, &rw[RW_WSEM]);
    }
    a[0].i = ok;
    return NATIVE_OK;
}

static int n_RWMutex_TryRLock(Fiber *f, Slot *a) {
    Slot *rw = a[0].p;
    if (!rw)
        return panic_nil(f);
    a[0].i = 0;
    for (int64_t c = ld(&rw[RW_RCOUNT]); c >= 0; c = ld(&rw[RW_RCOUNT]))
        if (cas(&rw[RW_RCOUNT], c, c + 1)) {
            a[0].i = 1;
            RACE_ACQUIRE(f, &rw[RW_RSEM]);
            break;
        }
    return NATIVE_OK;
}

/* ---- WaitGroup -------------------------------------------------------------------- */

static int n_WaitGroup_Add(Fiber *f, Slot *a) {
    Slot *wg = a[0].p;
    if (!wg)
        return panic_nil(f);
    if (a[1].i < 0)
        RACE_RELEASE(f, wg);          /* Done happens before Wait returns */
    int64_t v = add(&wg[WG_N], a[1].i);
    if (v < 0)
        return rt_panic_string(f, "sync: negative WaitGroup counter");
    if (v != 0 || ld(&wg[WG_WAITERS]) == 0)
        return NATIVE_OK;
    Bucket *b = bucket_of(wg);
    lock_acquire(&b->lock);
    SyncWaiter *all = pop_all(b, wg);
    int64_t n = 0;
    for (SyncWaiter *w = all; w; w = next_waiter(w))
        n++;
    add(&wg[WG_WAITERS], -n);
    lock_release(&b->lock);
    ready_chain(f, all);
    return NATIVE_OK;
}

static int waitgroup_wait(Fiber *f, Slot *wg) {
    if (resumed(f) || ld(&wg[WG_N]) == 0)
        return NATIVE_OK;
    Bucket *b = bucket_of(wg);
    lock_acquire(&b->lock);
    add(&wg[WG_WAITERS], 1);
    if (ld(&wg[WG_N]) == 0) {
        add(&wg[WG_WAITERS], -1);
        lock_release(&b->lock);
        return NATIVE_OK;
    }
    return park_on(f, b, wg, waiter_new(FIBER_G(f), STAGE_ONE), false,
                   WAIT_WAITGROUP);
}

static int n_WaitGroup_Wait(Fiber *f, Slot *a) {
    Slot *wg = a[0].p;
    if (!wg)
        return panic_nil(f);
    int st = waitgroup_wait(f, wg);
    if (st == NATIVE_OK)
        RACE_ACQUIRE(f, wg);
    return st;
}

/* ---- Cond ------------------------------------------------------------------------------ */

static int n_Cond_add(Fiber *f, Slot *a) {
    Slot *c = a[0].p;
    if (!c)
        return panic_nil(f);
    a[0].i = add(&c[COND_WAIT], 1) - 1;
    return NATIVE_OK;
}

static int cond_wait_for(Fiber *f, Slot *c, int64_t t);

/* Signal/Broadcast happen before the Wait they wake returns. */
static int n_Cond_waitFor(Fiber *f, Slot *a) {
    Slot *c = a[0].p;
    int st = cond_wait_for(f, c, a[1].i);
    if (st == NATIVE_OK)
        RACE_ACQUIRE(f, &c[COND_NOTIFY]);
    return st;
}

static int cond_wait_for(Fiber *f, Slot *c, int64_t t) {
    if (resumed(f))
        return NATIVE_OK;
    Slot *key = &c[COND_WAIT];
    Bucket *b = bucket_of(key);
    lock_acquire(&b->lock);
    if (t < ld(&c[COND_NOTIFY])) { /* signalled between add and here */
        lock_release(&b->lock);
        return NATIVE_OK;
    }
    SyncWaiter *w = waiter_new(FIBER_G(f), STAGE_ONE);
    w->ticket = t;
    return park_on(f, b, key, w, false, WAIT_COND);
}

static int n_Cond_Signal(Fiber *f, Slot *a) {
    Slot *c = a[0].p;
    if (!c)
        return panic_nil(f);
    RACE_RELEASE(f, &c[COND_NOTIFY]);
    if (ld(&c[COND_WAIT]) == ld(&c[COND_NOTIFY]))
        return NATIVE_OK; /* nobody waits: no lock */
    Slot *key = &c[COND_WAIT];
    Bucket *b = bucket_of(key);
    lock_acquire(&b->lock);
    int64_t t = ld(&c[COND_NOTIFY]);
    SyncWaiter *found = NULL;
    if (t != ld(&c[COND_WAIT])) {
        st(&c[COND_NOTIFY], t + 1);
        WaitList *l = waitlist_find(b, key, false);
        for (SyncWaiter *w = first_waiter(l); w; w = next_waiter(w))
            if (w->ticket == t) {
                found = w;
                break;
            }
        if (found) {
            found->granted = true;
            waiter_unlink(b, l, found);
        }
    }
    lock_release(&b->lock);
    if (found)
        sched_ready(f->w, found->g, true);
    return NATIVE_OK;
}

static int n_Cond_Broadcast(Fiber *f, Slot *a) {
    Slot *c = a[0].p;
    if (!c)
        return panic_nil(f);
    RACE_RELEASE(f, &c[COND_NOTIFY]);
    if (ld(&c[COND_WAIT]) == ld(&c[COND_NOTIFY]))
        return NATIVE_OK;
    Slot *key = &c[COND_WAIT];
    Bucket *b = bucket_of(key);
    lock_acquire(&b->lock);
    st(&c[COND_NOTIFY], ld(&c[COND_WAIT]));
    SyncWaiter *all = pop_all(b, key);
    lock_release(&b->lock);
    ready_chain(f, all);
    return NATIVE_OK;
}

const NativeEntry sync_natives[] = {
    {"sync.(*Mutex).Lock", n_Mutex_Lock},
    {"sync.(*Mutex).Unlock", n_Mutex_Unlock},
    {"sync.(*Mutex).TryLock", n_Mutex_TryLock},
    {"sync.(*RWMutex).RLock", n_RWMutex_RLock},
    {"sync.(*RWMutex).RUnlock", n_RWMutex_RUnlock},
    {"sync.(*RWMutex).Lock", n_RWMutex_Lock},
    {"sync.(*RWMutex).Unlock", n_RWMutex_Unlock},
    {"sync.(*RWMutex).TryLock", n_RWMutex_TryLock},
    {"sync.(*RWMutex).TryRLock", n_RWMutex_TryRLock},
    {"sync.(*WaitGroup).Add", n_WaitGroup_Add},
    {"sync.(*WaitGroup).Wait", n_WaitGroup_Wait},
    {"sync.(*Cond).add", n_Cond_add},
    {"sync.(*Cond).waitFor", n_Cond_waitFor},
    {"sync.(*Cond).Signal", n_Cond_Signal},
    {"sync.(*Cond).Broadcast", n_Cond_Broadcast},
    {"sync.(*Pool).get", sync_pool_get},
    {"sync.(*Pool).Put", sync_pool_put},
    {NULL, NULL},
};

/* Inline fast paths (rt.h NativeFast): the uncontended Lock and Unlock
 * are exactly the first CAS each native tries; RLock and RUnlock are their
 * add on readerCount, done when no writer is pending (result >= 0). */
const NativeFast sync_native_fast[] = {
    {n_Mutex_Lock, FAST_CAS, 0, 0, MUTEX_LOCKED, NULL},
    {n_Mutex_Unlock, FAST_CAS, 0, MUTEX_LOCKED, 0, NULL},
    {n_RWMutex_RLock, FAST_ADD, RW_RCOUNT, 1, 0, rlock_rest},
    {n_RWMutex_RUnlock, FAST_ADD, RW_RCOUNT, -1, 0, runlock_rest},
    {NULL, 0, 0, 0, 0, NULL},
};
