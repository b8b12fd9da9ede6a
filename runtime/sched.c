/*
 * sched.c — the goroutine scheduler: Gs (goroutines), Ms (threads) and Ps
 * (logical processors), after Go's runtime/proc.go. See sched.h for the
 * glossary and the API the VM uses.
 *
 * RUN QUEUES
 *   Each P has a ring of SCHED_RUNQ_SIZE slots (runq) with a head and a tail
 *   counter, plus a `runnext` slot. Only the owner P pushes (at the tail);
 *   the owner and thieves pop at the head with a CAS, so the ring is
 *   lock-free. A full ring moves half its contents plus the new G to the
 *   global run queue (a list under sched.lock) in one batch. A P looks at the
 *   global queue first every SCHED_GLOBAL_CHECK_TICKS rounds, and whenever
 *   its own queue is empty. `runnext` holds the G most recently readied by
 *   the running G (or created by it): it runs next, so a producer/consumer
 *   pair stays on one P and keeps its caches warm; after
 *   SCHED_RUNNEXT_STREAK consecutive runnext picks the ring's head goes
 *   first once, so the rest of the queue is not starved. A G that yields
 *   (VM_YIELD: budget spent, runtime.Gosched) goes to the global queue's
 *   tail as in Go: on the local tail a yielding loop would run again and
 *   again while the global queue waited for the 61-tick check.
 *
 *   Memory orders of the ring (the pairs are what make it correct):
 *   - runq[i] slots are atomics accessed relaxed: a thief may read a slot
 *     the owner is rewriting; the CAS on head then fails and the stale value
 *     is dropped. The ordering comes from head/tail:
 *   - tail: written only by the owner, with release after filling the slots
 *     (pairs with the acquire load of tail by thieves: they see the slots).
 *   - head: advanced by CAS with release by whoever consumes (pairs with the
 *     owner's acquire load of head in runqput: the consumer has finished
 *     reading a slot before the owner may overwrite it).
 *
 * SPINNING AND WAKE-UPS (no lost wake-up; this is Go's protocol)
 *   An M without work "spins": it holds a P and looks for work in the other
 *   Ps' queues. sched.nmspinning counts spinning Ms; at most half of the
 *   busy Ps may have spinning Ms, so idle CPUs are not burnt.
 *   - Whoever readies a G (sched_ready, sched_go) pushes it to its own P's
 *     queue and then calls wakep(): if there is an idle P and no M is
 *     spinning, it starts one spinning M (CAS nmspinning 0 -> 1 so only one
 *     waker does). If an M is already spinning it will find the work; it
 *     needs no help.
 *   - A spinning M that finds work stops spinning (resetspinning) and, if it
 *     was the last spinning one, calls wakep() itself: there may be more
 *     work, and now nobody would look for it.
 *   - A spinning M that finds nothing puts its P on the idle list, THEN
 *     decrements nmspinning, THEN looks at every P's queue once more. The
 *     order matters: a readier pushes then reads nmspinning; the spinner
 *     decrements then reads the queues. With both sides ordered by a
 *     seq_cst fence, at least one sees the other: either the readier sees
 *     nmspinning > 0 (and the spinner's re-check sees the G), or it sees 0
 *     and starts an M itself.
 *   - Work put on the global queue from a thread without a P (a timer
 *     thread) takes an idle P and starts an M for it directly.
 *   REJECTED: waking an M for every readied G (thundering herd: Ms start,
 *   find nothing, park again); one condition variable for all idle Ms
 *   (cannot hand a specific P to a specific M).
 *
 * PARKING A G: the VM calls sched_park (recording an unlock callback) while
 *   holding the lock of the wait queue it enqueued on, and returns VM_PARK.
 *   Only after vm's run hook has returned, i.e. the G is fully stopped, does
 *   park_commit set it WAITING and call the callback, which releases the
 *   lock. A waker must take that lock to find the G, so it can never make
 *   runnable a G that is still executing (Go's gopark/park_m).
 *
 * IDLE Ms park on their own note (futex) in the midle list; startm hands an
 *   M a P (m->nextp) and then wakes it. When the last M goes idle with no
 *   work, no timer and main still running, every goroutine is blocked
 *   forever: checkdead reports the deadlock. An M in a blocking foreign call
 *   is not idle, so it prevents the report, as Go's syscalls do. If timers
 *   are pending one idle M sleeps until the earliest (the timer sleeper).
 *
 * SYSTEM CALLS: THE HAND-OFF AND THE MONITOR (Go's entersyscall,
 *   exitsyscall and sysmon's retake). A goroutine about to make a call that
 *   may block (a foreign call, a read of stdin, a write to a full pipe)
 *   calls sched_entersyscall; afterwards sched_exitsyscall.
 *   - entersyscall (owner M): g -> G_SYSCALL; p->syscalltick++; the M
 *     drops the P without giving it away (m->oldp = p, p->m = NULL) and
 *     publishes p->status = P_SYSCALL (seq_cst). The P keeps its run queue;
 *     spinning Ms may steal from it as from any P.
 *   - exitsyscall: fast path: CAS oldp P_SYSCALL -> P_RUNNING; won, the M
 *     owns its P again (the common case: the call was short). Lost (the
 *     monitor or a stop-the-world took it): wait_for_p, i.e. an idle P, or
 *     sleep on the pwait list until a P frees (pidleput hands it over) or
 *     an M at a scheduling point gives its own (handoff_to_waiter). Go
 *     instead puts g on the global queue and parks the M; here g's run is
 *     inside vm_execute on this M's C stack (and, in a callback, below a
 *     foreign frame), so the M keeps g and waits for a P — the same
 *     effect: g runs again as soon as a P is free, and no P ever idles
 *     while a runnable goroutine waits.
 *   - The monitor (sysmon, a thread of its own that never holds a P)
 *     polls every SCHED_SYSMON_MIN_NS while it retakes, backing off to
 *     SCHED_SYSMON_MAX_NS when idle, and sleeps on sysmon.note when no M
 *     is in a call; entersyscall wakes it (sysmon.sleeping, Dekker-style:
 *     the sleeper sets `sleeping` then re-scans the Ps, the caller stores
 *     P_SYSCALL then reads `sleeping`, both seq_cst, so one sees the
 *     other). Each poll, for each P in P_SYSCALL: a new syscalltick is
 *     only recorded (with the time); the same tick seen again after
 *     SCHED_SYSCALL_RETAKE_NS means the M has been in one call for at
 *     least one whole poll: CAS P_SYSCALL -> P_IDLE and handoffp — an M
 *     for it when it has work, timers are pending or nobody looks for
 *     work; else the idle list (or an M waiting for a P). Whoever wins the
 *     CAS on p->status owns the P; the loser leaves it alone.
 *   - Stop the world takes P_SYSCALL Ps by the same CAS (-> P_GCSTOP);
 *     entersyscall, having published P_SYSCALL, checks gcwaiting and stops
 *     its P itself if the stopper's scan missed it (one CAS wins).
 *   - The deadlock check needs nothing new: an M in a call is neither idle
 *     nor nested, so it is counted as running.
 *   REJECTED: handing the P off at every entersyscall (what
 *   sched_enter_blocking does for nested parks): a thread wake-up per
 *   call, 100x the cost of a short foreign call such as abs(); a per-call
 *   timer instead of one monitor (an armed timer per call).
 *
 * STOP THE WORLD (GOMAXPROCS): sched.gcwaiting asks every M to stop its P at
 *   its next scheduling point (VM preemption bounds how long that takes);
 *   idle Ps are taken directly. The last P to stop wakes the requester,
 *   which resizes allp and restarts the Ps that have work. Goroutine dumps
 *   stop it the same way, and so do the TSan build's collections
 *   (gc_safepoint at the top of schedule's loop, runtime/gc.c TSAN).
 *
 * SIMULATION (-seed, -fake-time, csp explore: runtime/sim.c): every public
 *   function below that the VM calls begins with `if (SIM_ON) return
 *   sim_...`: the simulation replaces the scheduler wholesale, chosen at
 *   start, for the price of one predictable branch per call.
 *
 * LOCKS: sched.lock protects the idle lists (midle, pidle, pwait), the
 *   global run queue, the global free list, mcount, stopwait and the exit
 *   state. allglock protects the allgs list. Order: channel locks <
 *   sched.lock < allglock. No G is readied with a channel lock held.
 */
#define GC_NO_THREAD_REDIRECTS 1 /* we call GC_pthread_create explicitly */
#include "sched.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "debug.h"
#include "leak.h"
#include "sim.h"
#include "vm.h"
#ifndef CSP_NO_GC
#include <gc/gc_mark.h> /* GC_set_push_other_roots: push_runqs */
#endif

/* P status: what the P is doing; changes under sched.lock or by its owner. */
enum { P_IDLE = 0, P_RUNNING, P_GCSTOP, P_DEAD, P_SYSCALL };

struct P {
    int id;
    _Atomic int status;             /* P_*: set by the owner or under
                                       sched.lock; thieves read it as a hint */
    struct M *m;                    /* owner M or NULL */
    P *link;                        /* pidle list: sched.lock */
    uint32_t schedtick;             /* owner only */
    int runnext_streak;             /* owner only */
    _Atomic uint32_t runqhead;      /* consumers (owner, thieves): CAS */
    _Atomic uint32_t runqtail;      /* owner only writes */
    _Atomic(GSched *) runnext;      /* owner writes; thieves CAS out */
    _Atomic(GSched *) runq[SCHED_RUNQ_SIZE];
    _Atomic uint32_t grabbing;      /* slots past the tail a steal may be
                                       filling (push_runqs): owner only */
    GSched *gfree;                  /* dead Gs: owner only */
    int gfreecnt;
    int64_t goidcache, goidcacheend; /* owner only */
    _Atomic uint32_t syscalltick;   /* owner increments (relaxed) at each
                                       entersyscall; sysmon reads */
    uint32_t sysmontick;            /* sysmon only: tick last seen */
    int64_t syscallwhen;            /* sysmon only: when it was first seen */
};

typedef struct M {
    Worker w;                       /* first: the VM's Worker* is an M* */
    int id;
    bool is_m0;
    bool spinning;                  /* owner; set by startm before wakeup */
    P *p;                           /* attached P: owner only */
    P *nextp;                       /* P handed over before note_wakeup */
    P *oldp;                        /* owner: the P left in P_SYSCALL by
                                       entersyscall, NULL outside a call */
    GSched *curg;                   /* running G: owner only */
    Note park;                      /* where the idle M sleeps */
    struct M *schedlink;            /* midle / pwait lists: sched.lock */
    struct M *alllink;              /* allm: sched.lock */
    uint64_t rng;                   /* owner: steal order */
    pthread_t thread;
} M;

static struct {
    Lock lock;
    M *midle;                       /* idle Ms */
    int nmidle;
    int nnested;                    /* Ms asleep in sched_park_nested whose
                                       G has not been readied */
    GSched *nested;                 /* their Gs, linked by nestlink */
    int mcount;                     /* Ms alive (not exited) */
    int mnext;                      /* next M id */
    M *allm;
    M *pwait;                       /* Ms inside a G waiting for a P */
    _Atomic int npwait;
    P *pidle;                       /* idle Ps */
    _Atomic int npidle;             /* seq_cst: see SPINNING above */
    _Atomic int nmspinning;         /* seq_cst: see SPINNING above */
    GSched *runqhead, *runqtail;    /* global run queue */
    _Atomic int runqsize;           /* written under lock, read racily */
    GSched *gfree;                  /* global free list of dead Gs */
    _Atomic int ngfree;             /* written under lock, read racily */
    _Atomic int gomaxprocs;         /* changed only with the world stopped */
    _Atomic int gcwaiting;          /* stop-the-world requested */
    int stopwait;                   /* Ps still to stop */
    Note stopnote;                  /* the last P to stop wakes the requester */
    _Atomic bool exiting;
    int exitcode;
    M *timer_sleeper;               /* the idle M sleeping until a timer */
    GSched *maing;
    bool mainstarted;
    bool session;                   /* sched_start_session: read-only after */
    _Atomic int64_t goidgen;        /* last goroutine id handed out */
    _Atomic int64_t ngoroutines;
    SchedHooks hooks;               /* read-only after sched_init */
    P *allp[SCHED_MAX_PROCS];       /* index < gomaxprocs are in use */
} sched;

/* Where m0 (sched_start_main's thread) goes when the program exits while it
 * is inside a G without a P: written once by sched_start_main. */
static jmp_buf m0_exit;
/* The monitor thread (SYSTEM CALLS above). */
static struct {
    _Atomic bool started;           /* CAS false -> true by its creator */
    _Atomic bool sleeping;          /* seq_cst: asleep without a time-out */
    Note note;                      /* where it sleeps; wake: whoever CASes
                                       sleeping true -> false, or shutdown */
    pthread_t thread;               /* written once by the creator */
    _Atomic int64_t nretake;        /* Ps retaken, ever (sysmon writes) */
} sysmon;

static Lock allglock;
/* Every G ever started: allglock. The links are disguised (GC_HIDE_POINTER,
 * GSched.hidlink) so that this list keeps no goroutine alive: a blocked one
 * nothing else reaches is how the leak detector finds it (runtime/leak.c).
 * Fibers are never freed (leak.c keeps each one's finalizer registered), so
 * the links never dangle. */
static uintptr_t allgs;

/* A full (store-load) barrier for the spinning protocol. ThreadSanitizer
 * does not model fences, so its build uses an acq_rel read-modify-write of
 * one shared word instead: both sides' RMWs are totally ordered, so the
 * later one synchronises with the earlier one, which gives the same
 * guarantee (formally too), at the price of a shared cache line. */
#if defined(__SANITIZE_THREAD__)
static _Atomic int fence_word;
#define STORE_LOAD_FENCE() atomic_fetch_add(&fence_word, 0)
#else
#define STORE_LOAD_FENCE() atomic_thread_fence(memory_order_seq_cst)
#endif

static _Noreturn void sched_throw(const char *msg);
static void wakep(void);
static void startm(P *p, bool spinning);
static void stopm(M *m);

/* ---- the spinning count (see SPINNING at the top) --------------------------- */

#ifdef CSP_DEBUG
/* Debug shadow of nmspinning, checked at every transition: one word, so a
 * read is a consistent snapshot. Low half: the count; high half: its
 * cover = Ms flagged spinning that are not parked, plus wakep's increments
 * not yet handed to an M (tokens). Each unit is covered before it is
 * counted and uncounted before it is uncovered, so count <= cover at every
 * instant. A unit counted with no spinning M behind it breaks it; an M
 * that parks still flagged (the class of the hand-off leak, where the flag
 * leaks with the count) is caught by stopm's ASSERT. */
static _Atomic uint64_t spin_shadow;
#define SHADOW_COVER ((uint64_t)1 << 32)

static void spin_shadow_add(int64_t count, int64_t cover) {
    uint64_t d = (uint64_t)count + (uint64_t)cover * SHADOW_COVER;
    /* relaxed: the word only checks itself */
    uint64_t v = atomic_fetch_add_explicit(&spin_shadow, d,
                                           memory_order_relaxed) + d;
    uint32_t n = (uint32_t)v, c = (uint32_t)(v >> 32);
    ASSERT((int32_t)n >= 0 && (int32_t)c >= 0 && n <= c,
           "nmspinning (%d) exceeds the Ms spinning plus wake-ups in flight "
           "(%d)", (int32_t)n, (int32_t)c);
}
#else
#define spin_shadow_add(count, cover) ((void)0)
#endif

/* m starts spinning (owner). */
static void spin_start(M *m) {
    spin_shadow_add(0, 1);
    m->spinning = true;
    atomic_fetch_add(&sched.nmspinning, 1);
    spin_shadow_add(1, 0);
}

/* m stops spinning (owner). */
static void spin_stop(M *m, const char *who) {
    m->spinning = false;
    if (atomic_fetch_sub(&sched.nmspinning, 1) <= 0)
        sched_throw(who);
    spin_shadow_add(-1, -1);
}

/* ---- utilities ---------------------------------------------------------------- */

static _Noreturn void sched_throw(const char *msg) {
    fprintf(stderr, "fatal error: %s\n", msg);
    abort();
}

void *sched_alloc_noscan(size_t n) {
#ifdef CSP_NO_GC
    void *p = malloc(n);
#else
    void *p = GC_MALLOC_ATOMIC(n);
#endif
    if (!p)
        gc_out_of_memory(n);
    return p;
}

void *sched_alloc(size_t n) {
#ifdef CSP_NO_GC
    void *p = calloc(1, n);
#else
    void *p = GC_MALLOC(n);
#endif
    if (!p)
        gc_out_of_memory(n);
    return p;
}

static uint64_t m_rand(M *m) {
    uint64_t x = m->rng;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    m->rng = x;
    return x;
}

static M *getm(Worker *w) { return (M *)w; }

const char *sched_wait_reason(WaitReason r) {
#define WAIT_STR(name, str) str,
    static const char *names[] = {WAIT_REASONS(WAIT_STR)};
#undef WAIT_STR
    return (unsigned)r < WAIT_NREASONS ? names[r] : "unknown";
}

static uint32_t gstatus(GSched *g) {
    return atomic_load_explicit(&g->status, memory_order_acquire);
}

static void set_gstatus(GSched *g, uint32_t s) {
    atomic_store_explicit(&g->status, s, memory_order_release);
}

/* ---- local run queue (lock-free) ------------------------------------------------ */

#define RUNQ_MASK (SCHED_RUNQ_SIZE - 1)
_Static_assert((SCHED_RUNQ_SIZE & RUNQ_MASK) == 0, "runq size: power of 2");

/* The slots hold disguised pointers (GC_HIDE_POINTER: one NOT each way):
 * a slot keeps its G after the G has left the ring, and such stale words
 * would keep blocked goroutines alive for the collector, hiding leaks
 * (runtime/leak.c). push_runqs gives the collector the live part. */
static void slot_put(P *p, uint32_t i, GSched *g) {
    atomic_store_explicit(&p->runq[i & RUNQ_MASK],
                          (GSched *)GC_HIDE_POINTER(g), memory_order_relaxed);
}

static GSched *slot_get(P *p, uint32_t i) {
    return (GSched *)GC_REVEAL_POINTER((GC_hidden_pointer)atomic_load_explicit(
        &p->runq[i & RUNQ_MASK], memory_order_relaxed));
}

#ifndef CSP_NO_GC
static GC_push_other_roots_proc push_next; /* libgc's own: thread stacks */

/* libgc's extra roots (the world is stopped): every P's queued Gs, plus,
 * while it steals, the half ring past its tail, where runqsteal copies a
 * batch before it publishes the new tail (stale words there can only hide
 * a leak, never make one up). */
static void push_runqs(void) {
    for (int i = 0; i < SCHED_MAX_PROCS; i++) {
        P *p = sched.allp[i];
        if (!p)
            continue;
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_relaxed);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        /* Not the slot past the tail that runqput and globrunqget fill
         * before they publish it: a G caught there may be seen by nobody,
         * but it is RUNNABLE, so its fiber's finalizer keeps it (leak.c);
         * pushing that slot would keep a stale G alive instead and miss a
         * leak (tests/leaks sim: 49,999 of 50,000 found). */
        uint32_t n = t - h + atomic_load_explicit(&p->grabbing,
                                                  memory_order_relaxed);
        if (n > SCHED_RUNQ_SIZE)
            n = SCHED_RUNQ_SIZE;
        for (uint32_t k = 0; k < n; k++) {
            void *g = slot_get(p, h + k);
            GC_push_all_eager(&g, &g + 1);
        }
    }
    if (push_next)
        push_next();
}
#endif

static bool runqempty(P *p) {
    /* A G moving between runnext and the ring is seen in one place or the
     * other: re-read until head, tail and runnext are consistent. */
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_acquire);
        GSched *next = atomic_load_explicit(&p->runnext, memory_order_acquire);
        if (t == atomic_load_explicit(&p->runqtail, memory_order_acquire))
            return h == t && next == NULL;
    }
}

/* Global queue, sched.lock held: append a linked batch head..tail of n Gs. */
static void globrunqputbatch(GSched *head, GSched *tail, int n) {
    tail->schedlink = NULL;
    if (sched.runqtail)
        sched.runqtail->schedlink = head;
    else
        sched.runqhead = head;
    sched.runqtail = tail;
    atomic_store_explicit(&sched.runqsize,
                          atomic_load_explicit(&sched.runqsize,
                                               memory_order_relaxed) + n,
                          memory_order_relaxed);
}

static void globrunqput(GSched *g) { globrunqputbatch(g, g, 1); }

static GSched *globpop(void) {
    GSched *g = sched.runqhead;
    sched.runqhead = g->schedlink;
    if (!sched.runqhead)
        sched.runqtail = NULL;
    g->schedlink = NULL;
    atomic_fetch_sub_explicit(&sched.runqsize, 1, memory_order_relaxed);
    return g;
}

/* Slow path of runqput: moves half of the full ring plus g to the global
 * queue. Fails (false) if a thief took some meanwhile: retry the fast path. */
static bool runqputslow(P *p, GSched *g, uint32_t h, uint32_t t) {
    enum { HALF = SCHED_RUNQ_SIZE / 2 };
    GSched *batch[HALF + 1];
    uint32_t n = (t - h) / 2;
    if (n != HALF)
        sched_throw("runqputslow: queue is not full");
    for (uint32_t i = 0; i < n; i++)
        batch[i] = slot_get(p, h + i);
    /* release: we are done reading the slots (pairs with runqput's acquire) */
    if (!atomic_compare_exchange_strong_explicit(&p->runqhead, &h, h + n,
                                                 memory_order_release,
                                                 memory_order_relaxed))
        return false;
    batch[n] = g;
    for (uint32_t i = 0; i < n; i++)
        batch[i]->schedlink = batch[i + 1];
    lock_acquire(&sched.lock);
    globrunqputbatch(batch[0], batch[n], (int)n + 1);
    lock_release(&sched.lock);
    return true;
}

/* Owner only. next: put g in runnext, kicking the old runnext to the tail. */
static void runqput(P *p, GSched *g, bool next) {
    if (next) {
        /* acq_rel: publishes g's state to whoever takes it from runnext, and
         * acquires the old one's */
        g = atomic_exchange_explicit(&p->runnext, g, memory_order_acq_rel);
        if (!g)
            return;
    }
    for (;;) {
        /* acquire: consumers finished reading the slots they took */
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        ASSERT(t - h <= SCHED_RUNQ_SIZE, "runq of P%d holds %u", p->id,
               t - h);
        if (t - h < SCHED_RUNQ_SIZE) {
            /* RUNNABLE (IDLE: the unit tests' bare records) */
            ASSERT(gstatus(g) <= G_RUNNABLE, "queued G%lld has status %u",
                   (long long)g->goid, gstatus(g));
            slot_put(p, t, g);
            /* release: the slot (and g's state) before the new tail */
            atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
            return;
        }
        if (runqputslow(p, g, h, t))
            return;
    }
}

/* Owner only: next G from runnext or the ring's head, or NULL. */
static GSched *runqget(P *p) {
    GSched *next = atomic_load_explicit(&p->runnext, memory_order_acquire);
    bool streak = p->runnext_streak >= SCHED_RUNNEXT_STREAK;
    if (next && !(streak && atomic_load_explicit(&p->runqtail,
                                                  memory_order_relaxed) !=
                                 atomic_load_explicit(&p->runqhead,
                                                      memory_order_acquire))) {
        /* acquire: pairs with the exchange in runqput */
        if (atomic_compare_exchange_strong_explicit(&p->runnext, &next, NULL,
                                                    memory_order_acquire,
                                                    memory_order_relaxed)) {
            p->runnext_streak++;
            return next;
        }
    }
    p->runnext_streak = 0;
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t == h)
            break;
        GSched *g = slot_get(p, h);
        /* release: done reading slot h (pairs with runqput's acquire) */
        if (atomic_compare_exchange_weak_explicit(&p->runqhead, &h, h + 1,
                                                  memory_order_release,
                                                  memory_order_relaxed))
            return g;
    }
    /* Ring empty: a skipped runnext still runs. */
    next = atomic_load_explicit(&p->runnext, memory_order_acquire);
    if (next && atomic_compare_exchange_strong_explicit(
                    &p->runnext, &next, NULL, memory_order_acquire,
                    memory_order_relaxed))
        return next;
    return NULL;
}

/* Busy-waits about ns nanoseconds (a syscall would sleep far longer). */
static void spin_ns(int64_t ns) {
    int64_t end = sched_nanotime() + ns;
    while (sched_nanotime() < end) {
    }
}

/* Thief: copies half of victim's ring into batch[bh..] (batch is the
 * thief's own ring, beyond its tail). Returns how many. */
static uint32_t runqgrab(P *victim, P *thief, uint32_t bh, bool stealnext) {
    for (;;) {
        uint32_t h = atomic_load_explicit(&victim->runqhead,
                                          memory_order_acquire);
        /* acquire: pairs with the owner's release of tail (slots filled) */
        uint32_t t = atomic_load_explicit(&victim->runqtail,
                                          memory_order_acquire);
        uint32_t n = t - h;
        n -= n / 2;
        if (n == 0) {
            if (!stealnext)
                return 0;
            GSched *next = atomic_load_explicit(&victim->runnext,
                                                memory_order_acquire);
            if (!next)
                return 0;
            /* The victim is probably about to run it (a G it just readied
             * or started): give it a moment, so ping-pong pairs are not torn
             * apart and a `go` just before main returns does not run. Go
             * sleeps usleep(3) here, which the kernel's timer slack makes
             * some 50-60 us, not 3: that sleep is what decides the order
             * Go users see (tests/order), so csp sleeps the same way. */
            if (atomic_load_explicit(&victim->status, memory_order_relaxed) ==
                P_RUNNING)
                usleep(3);
            if (!atomic_compare_exchange_strong_explicit(
                    &victim->runnext, &next, NULL, memory_order_acquire,
                    memory_order_relaxed))
                continue;
            slot_put(thief, bh, next);
            return 1;
        }
        if (n > SCHED_RUNQ_SIZE / 2)
            continue; /* h and t read at different times: inconsistent */
        for (uint32_t i = 0; i < n; i++)
            slot_put(thief, bh + i, slot_get(victim, h + i));
        /* release: done reading the victim's slots */
        if (atomic_compare_exchange_strong_explicit(&victim->runqhead, &h,
                                                    h + n,
                                                    memory_order_release,
                                                    memory_order_relaxed))
            return n;
    }
}

/* Steals half of victim's Gs into p's ring; returns one of them to run. */
static GSched *runqsteal(P *p, P *victim, bool stealnext) {
    uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
    atomic_store_explicit(&p->grabbing, SCHED_RUNQ_SIZE / 2,
                          memory_order_relaxed);
    uint32_t n = runqgrab(victim, p, t, stealnext);
    GSched *g = NULL;
    if (n > 0) {
        n--;
        g = slot_get(p, t + n);
    }
    if (n > 0) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        if (t - h + n >= SCHED_RUNQ_SIZE)
            sched_throw("runqsteal: runq overflow");
        /* release: publishes the stolen slots to our own thieves */
        atomic_store_explicit(&p->runqtail, t + n, memory_order_release);
    }
    atomic_store_explicit(&p->grabbing, 0, memory_order_relaxed);
    return g;
}

/* sched.lock held: takes a fair share of the global queue; returns one to run
 * and puts the rest in p's ring. max > 0 limits the count. */
static GSched *globrunqget(P *p, int max) {
    int size = atomic_load_explicit(&sched.runqsize, memory_order_relaxed);
    if (size == 0)
        return NULL;
    int n = size / atomic_load(&sched.gomaxprocs) + 1;
    if (n > size)
        n = size;
    if (max > 0 && n > max)
        n = max;
    if (n > SCHED_RUNQ_SIZE / 2)
        n = SCHED_RUNQ_SIZE / 2;
    GSched *g = globpop();
    for (n--; n > 0; n--) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t - h >= SCHED_RUNQ_SIZE)
            break; /* cannot overflow here: we hold sched.lock */
        slot_put(p, t, globpop());
        atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
    }
    return g;
}

/* ---- P and M lists (sched.lock held) ----------------------------------------------- */

static void acquirep(M *m, P *p) {
    if (p->m || p->status == P_RUNNING)
        sched_throw("acquirep: P in use");
    m->p = p;
    p->m = m;
    p->status = P_RUNNING;
    m->w.p = p;
}

static P *releasep(M *m) {
    P *p = m->p;
    if (!p || p->m != m)
        sched_throw("releasep: invalid P");
    p->m = NULL;
    p->status = P_IDLE;
    m->p = NULL;
    m->w.p = NULL;
    return p;
}

static P *pidleget(void) {
    P *p = sched.pidle;
    if (p) {
        sched.pidle = p->link;
        p->link = NULL;
        atomic_fetch_sub(&sched.npidle, 1);
    }
    return p;
}

/* An empty P becomes idle, unless an M inside a goroutine waits for a P
 * (sched_exit_blocking, a second GOMAXPROCS): then it gets it. */
static void pidleput(P *p) {
    if (sched.pwait && !atomic_load(&sched.gcwaiting)) {
        M *w = sched.pwait;
        sched.pwait = w->schedlink;
        atomic_fetch_sub(&sched.npwait, 1);
        w->nextp = p;
        note_wakeup(&w->park);
        return;
    }
    p->status = P_IDLE;
    p->link = sched.pidle;
    sched.pidle = p;
    atomic_fetch_add(&sched.npidle, 1);
}

static void mput(M *m) {
    m->schedlink = sched.midle;
    sched.midle = m;
    sched.nmidle++;
}

static M *mget(void) {
    M *m = sched.midle;
    if (m) {
        sched.midle = m->schedlink;
        m->schedlink = NULL;
        sched.nmidle--;
    }
    return m;
}

/* Takes m off midle if it is still there. */
static bool mremove(M *m) {
    for (M **pp = &sched.midle; *pp; pp = &(*pp)->schedlink) {
        if (*pp == m) {
            *pp = m->schedlink;
            m->schedlink = NULL;
            sched.nmidle--;
            return true;
        }
    }
    return false;
}

/* sched.lock held: takes g off the nested list (if it is there). */
static bool nested_remove(GSched *g) {
    for (GSched **pp = &sched.nested; *pp; pp = &(*pp)->nestlink) {
        if (*pp == g) {
            *pp = g->nestlink;
            g->nestlink = NULL;
            sched.nnested--;
            return true;
        }
    }
    return false;
}

/* sched.lock held: ends the program (first caller's code wins) and wakes
 * every M that sleeps, so sched_shutdown's joins return: idle Ms leave
 * schedule; Ms inside a G (waiting for a P, or asleep in a nested park)
 * end their thread in wait_for_p. */
static void exit_locked(int code) {
    if (!atomic_load(&sched.exiting)) {
        sched.exitcode = code;
        atomic_store(&sched.exiting, true);
    }
    M *m;
    while ((m = mget()))
        note_wakeup(&m->park);
    while ((m = sched.pwait)) {
        sched.pwait = m->schedlink;
        atomic_fetch_sub(&sched.npwait, 1);
        m->nextp = NULL; /* no P: wait_for_p sees exiting */
        note_wakeup(&m->park);
    }
    for (GSched **pp = &sched.nested; *pp;) {
        /* Woken as sched_ready would, unless a sched_ready is under way
         * (it owns the wakeup: it waits for sched.lock to unlink g). */
        GSched *g = *pp;
        uint32_t st = G_WAITING;
        if (!atomic_compare_exchange_strong(&g->status, &st, G_RUNNABLE)) {
            pp = &g->nestlink;
            continue;
        }
        *pp = g->nestlink;
        g->nestlink = NULL;
        sched.nnested--;
        note_wakeup(&g->nestnote);
    }
}

static void program_exit(int code) {
    lock_acquire(&sched.lock);
    exit_locked(code);
    lock_release(&sched.lock);
}

/* ---- Ms ---------------------------------------------------------------------------- */

static M *allocm(void) {
    M *m = sched_alloc(sizeof *m);
    lock_acquire(&sched.lock);
    m->id = sched.mnext++;
    m->alllink = sched.allm;
    sched.allm = m;
    sched.mcount++;
    lock_release(&sched.lock);
    m->rng = (uint64_t)sched_nanotime() * 0x9e3779b97f4a7c15ull ^
             ((uint64_t)m->id << 32) ^ (uint64_t)(uintptr_t)m;
    if (!m->rng)
        m->rng = 1;
    m->w.rng = m->rng * 0x2545f4914f6cdd1dull | 1;
    m->w.p = NULL;
    return m;
}

static void schedule(M *m);

static void *mstart(void *arg) {
    M *m = arg;
    if (sched.hooks.mstart)
        sched.hooks.mstart(&m->w);
    if (m->nextp) {
        acquirep(m, m->nextp);
        m->nextp = NULL;
    } else {
        stopm(m); /* a spare M: idle until startm hands it a P */
    }
    if (m->p)
        schedule(m);
    lock_acquire(&sched.lock);
    sched.mcount--;
    lock_release(&sched.lock);
    return NULL;
}

static void newm(P *p, bool spinning) {
    M *m = allocm();
    m->nextp = p;
    m->spinning = spinning;
    int err;
    pthread_t t;
    /* Into a local first: pthread_create stores the id before the thread
     * has registered itself with the GC (GC_pthread_create returns only
     * after it has), and sched_shutdown must not join a thread the GC does
     * not know yet (GC_pthread_join would crash). m->thread is published
     * under sched.lock, where sched_shutdown reads it. */
#ifdef CSP_NO_GC
    err = pthread_create(&t, NULL, mstart, m);
#else
    err = gc_thread_create(&t, NULL, mstart, m);
#endif
    if (err)
        sched_throw("newm: cannot create a thread");
    lock_acquire(&sched.lock);
    m->thread = t;
    lock_release(&sched.lock);
}

/* Runs p (NULL: any idle P) on an idle or new M. spinning: the caller
 * incremented nmspinning on the new M's behalf. */
static void startm(P *p, bool spinning) {
    lock_acquire(&sched.lock);
    if (!p)
        p = pidleget();
    if (!p || atomic_load(&sched.exiting)) {
        if (p)
            pidleput(p);
        lock_release(&sched.lock);
        if (spinning) { /* nobody to spin: wakep's increment goes back */
            atomic_fetch_sub(&sched.nmspinning, 1);
            spin_shadow_add(-1, -1);
        }
        return;
    }
    M *m = mget();
    lock_release(&sched.lock);
    if (!m) {
        newm(p, spinning);
        return;
    }
    m->spinning = spinning;
    m->nextp = p;
    note_wakeup(&m->park); /* release: nextp and spinning are visible */
}

static void wakep(void) {
    /* seq_cst fence: our queue push is ordered before reading nmspinning
     * (pairs with the fence after the decrement in findrunnable) */
    STORE_LOAD_FENCE();
    if (atomic_load(&sched.npidle) == 0)
        return;
    int zero = 0;
    if (atomic_load(&sched.nmspinning) != 0)
        return;
    spin_shadow_add(0, 1); /* a token: the unit's M is not flagged yet */
    if (!atomic_compare_exchange_strong(&sched.nmspinning, &zero, 1)) {
        spin_shadow_add(0, -1);
        return;
    }
    spin_shadow_add(1, 0);
    startm(NULL, true); /* hands the token to an M, or gives it back */
}

static void resetspinning(M *m) {
    spin_stop(m, "resetspinning: negative nmspinning");
    wakep(); /* we may have been the last one looking for work */
}

/* sched.lock held: is every goroutine blocked for ever? */
static bool checkdead(void) {
    if (atomic_load(&sched.exiting) || !sched.mainstarted)
        return false;
    if (sched.mcount - sched.nmidle - sched.nnested > 0)
        return false;
    if (atomic_load(&sched.runqsize) > 0 || atomic_load(&sched.gcwaiting))
        return false;
    return sched.timer_sleeper == NULL;
}

static void report_deadlock(void) {
    if (sched.hooks.deadlock)
        sched.hooks.deadlock();
    if (!sched.session)
        program_exit(SCHED_EXIT_DEADLOCK);
}

/* Earliest pending timer, or -1 (called without locks). */
static int64_t timers_next(void) {
    return sched.hooks.timers_next ? sched.hooks.timers_next() : -1;
}

/* The timer sleeper's wait ended: it woke, or it timed out (then it takes an
 * idle P to run the timers, if there is one). Returns true when m may go
 * on (nextp set, or exiting). */
static bool timer_wait_end(M *m, bool woke) {
    lock_acquire(&sched.lock);
    if (sched.timer_sleeper == m)
        sched.timer_sleeper = NULL;
    if (woke) {
        lock_release(&sched.lock);
        return true;
    }
    if (!mremove(m)) { /* somebody took us off midle: a wakeup is coming */
        lock_release(&sched.lock);
        note_sleep(&m->park);
        return true;
    }
    P *p = atomic_load(&sched.gcwaiting) ? NULL : pidleget();
    lock_release(&sched.lock);
    if (!p)
        return false; /* all Ps busy: they run timers themselves */
    m->nextp = p;
    note_wakeup(&m->park); /* keeps note state uniform for note_clear */
    return true;
}

/* Parks m until startm hands it a P (then acquires it) or the program
 * exits (m->p stays NULL). */
static void stopm(M *m) {
    if (m->p)
        sched_throw("stopm: holding a P");
    /* A spinning M must stop spinning before it parks, or nmspinning stays
     * high for ever: wakep then never wakes anyone, and the cap on
     * spinners stops stealing. */
    ASSERT(!m->spinning, "M%d parks while counted as spinning", m->id);
    bool no_timer = false;
    for (;;) {
        lock_acquire(&sched.lock);
        /* Read under sched.lock: sched_timers_changed takes it too, so a
         * timer added meanwhile cannot be missed with a stale deadline
         * (timers_next is a lock-free load). */
        int64_t when = no_timer ? -1 : timers_next();
        if (atomic_load(&sched.exiting)) {
            lock_release(&sched.lock);
            return;
        }
        mput(m);
        bool sleeper = when >= 0 && !sched.timer_sleeper;
        if (sleeper)
            sched.timer_sleeper = m;
        bool dead = checkdead();
        lock_release(&sched.lock);
        if (dead)
            report_deadlock();
        leak_scrub_stack();
        bool go_on = true;
        if (sleeper) {
            int64_t d = when - sched_nanotime();
            go_on = timer_wait_end(m, note_tsleep(&m->park, d > 0 ? d : 0));
        } else {
            note_sleep(&m->park);
        }
        if (!go_on) {
            no_timer = true;
            continue;
        }
        note_clear(&m->park);
        if (atomic_load(&sched.exiting))
            return;
        acquirep(m, m->nextp);
        m->nextp = NULL;
        return;
    }
}

/* An M stops its P for a stop-the-world request, then parks. */
static void gcstopm(M *m) {
    if (m->spinning)
        spin_stop(m, "gcstopm: negative nmspinning");
    lock_acquire(&sched.lock);
    if (!atomic_load(&sched.gcwaiting)) {
        /* a stopper that gave up waiting (sched_stop_world's time-out)
         * restarted the world meanwhile: keep the P */
        lock_release(&sched.lock);
        return;
    }
    P *p = releasep(m);
    p->status = P_GCSTOP;
    if (--sched.stopwait == 0)
        note_wakeup(&sched.stopnote);
    lock_release(&sched.lock);
    stopm(m);
}

/* sched.lock held, the program exiting: m, inside a G with no P, ends its
 * thread (the G never runs on; sched_shutdown joins the thread). m0 is the
 * thread of sched_start_main's caller: it jumps back there, abandoning the
 * G's C frames (it holds no lock; the program is over). */
static _Noreturn void mexit_locked(M *m) {
    if (m->is_m0) {
        lock_release(&sched.lock);
        longjmp(m0_exit, 1);
    }
    sched.mcount--;
    lock_release(&sched.lock);
#ifdef CSP_NO_GC
    pthread_exit(NULL);
#else
    GC_pthread_exit(NULL);
#endif
}

/* Called by an M inside a G that has no P: waits until it gets one. Ends
 * the thread when the program exits meanwhile (exit_locked wakes it). */
static void wait_for_p(M *m) {
    ASSERT(!m->spinning, "M%d inside a G counted as spinning", m->id);
    lock_acquire(&sched.lock);
    if (atomic_load(&sched.exiting))
        mexit_locked(m);
    P *p = atomic_load(&sched.gcwaiting) ? NULL : pidleget();
    if (p) {
        lock_release(&sched.lock);
        acquirep(m, p);
        return;
    }
    m->schedlink = sched.pwait;
    sched.pwait = m;
    atomic_fetch_add(&sched.npwait, 1);
    lock_release(&sched.lock);
    note_sleep(&m->park);
    note_clear(&m->park);
    if (!m->nextp) { /* woken by exit_locked */
        lock_acquire(&sched.lock);
        mexit_locked(m);
    }
    acquirep(m, m->nextp);
    m->nextp = NULL;
}

/* At a scheduling point: an M inside a G waits for a P while all are busy;
 * give it ours (its queue goes along) and go idle. */
static void handoff_to_waiter(M *m) {
    lock_acquire(&sched.lock);
    M *w = sched.pwait;
    if (!w || atomic_load(&sched.gcwaiting)) {
        lock_release(&sched.lock);
        return;
    }
    sched.pwait = w->schedlink;
    atomic_fetch_sub(&sched.npwait, 1);
    P *p = releasep(m);
    w->nextp = p;
    note_wakeup(&w->park);
    lock_release(&sched.lock);
    /* Every caller may be spinning (schedule's first look on a new spinning
     * M, findrunnable): stop counting before parking. */
    if (m->spinning)
        resetspinning(m);
    stopm(m);
}

/* ---- finding work --------------------------------------------------------------------- */

static unsigned gcd(unsigned a, unsigned b) {
    while (b) {
        unsigned t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Tries to steal from every other P in a random order, a few rounds. */
static GSched *stealwork(M *m) {
    P *p = m->p;
    for (int try = 0; try < SCHED_STEAL_TRIES; try++) {
        unsigned n = (unsigned)atomic_load(&sched.gomaxprocs);
        unsigned off = (unsigned)(m_rand(m) % n);
        unsigned step = (unsigned)(m_rand(m) % n) + 1;
        while (gcd(step, n) != 1)
            step++;
        for (unsigned i = 0; i < n; i++) {
            if (atomic_load(&sched.gcwaiting) || atomic_load(&sched.exiting))
                return NULL;
            P *v = sched.allp[(off + i * step) % n];
            if (v == p)
                continue;
            GSched *g = runqsteal(p, v, try == SCHED_STEAL_TRIES - 1);
            if (g)
                return g;
        }
    }
    return NULL;
}

/* After dropping spinning without a P: any P with work? */
static bool any_runq_nonempty(void) {
    int n = atomic_load(&sched.gomaxprocs);
    for (int i = 0; i < n; i++)
        if (!runqempty(sched.allp[i]))
            return true;
    return false;
}

/* Local and global queues of m's P (and due timers). */
static GSched *find_local(M *m) {
    P *p = m->p;
    if (sched.hooks.timers_run)
        sched.hooks.timers_run(&m->w);
    GSched *g = NULL;
    bool fair = p->schedtick % SCHED_GLOBAL_CHECK_TICKS == 0;
    if (fair && atomic_load_explicit(&sched.runqsize, memory_order_relaxed)) {
        lock_acquire(&sched.lock);
        g = globrunqget(p, 1);
        lock_release(&sched.lock);
        if (g)
            return g;
    }
    if ((g = runqget(p)))
        return g;
    if (atomic_load_explicit(&sched.runqsize, memory_order_relaxed)) {
        lock_acquire(&sched.lock);
        g = globrunqget(p, 0);
        lock_release(&sched.lock);
    }
    return g;
}

/* Blocks until there is a G to run on m (which then holds a P); NULL when
 * the program exits. */
static GSched *findrunnable(M *m) {
    for (;;) {
        if (atomic_load(&sched.exiting))
            return NULL;
        if (!m->p)
            sched_throw("findrunnable: no P");
        if (atomic_load(&sched.gcwaiting)) {
            gcstopm(m);
            continue;
        }
        GSched *g = find_local(m);
        if (g)
            return g;
        int procs = atomic_load(&sched.gomaxprocs);
        if (m->spinning || 2 * atomic_load(&sched.nmspinning) <
                               procs - atomic_load(&sched.npidle)) {
            if (!m->spinning)
                spin_start(m);
            if ((g = stealwork(m)))
                return g;
            if (atomic_load(&sched.gcwaiting) || atomic_load(&sched.exiting))
                continue;
        }
        /* Nothing: give up the P (after a last look under the lock). */
        lock_acquire(&sched.lock);
        if (atomic_load(&sched.gcwaiting) || atomic_load(&sched.exiting)) {
            lock_release(&sched.lock);
            continue;
        }
        if ((g = globrunqget(m->p, 0))) {
            lock_release(&sched.lock);
            return g;
        }
        if (sched.pwait) { /* someone inside a G wants a P: give ours */
            lock_release(&sched.lock);
            handoff_to_waiter(m);
            continue;
        }
        pidleput(releasep(m));
        lock_release(&sched.lock);
        if (m->spinning) {
            spin_stop(m, "findrunnable: negative nmspinning");
            /* pairs with the fence in wakep: see SPINNING at the top */
            STORE_LOAD_FENCE();
            if (any_runq_nonempty()) {
                lock_acquire(&sched.lock);
                P *p = pidleget();
                lock_release(&sched.lock);
                if (p) {
                    acquirep(m, p);
                    spin_start(m);
                    continue;
                }
            }
        }
        stopm(m);
        if (!m->p)
            return NULL; /* exiting */
    }
}

/* ---- running Gs ------------------------------------------------------------------------- */

static void gfput(P *p, GSched *g) {
    g->schedlink = p->gfree;
    p->gfree = g;
    if (++p->gfreecnt < SCHED_GFREE_LOCAL_MAX)
        return;
    lock_acquire(&sched.lock);
    while (p->gfreecnt > SCHED_GFREE_LOCAL_MAX / 2) {
        GSched *x = p->gfree;
        p->gfree = x->schedlink;
        p->gfreecnt--;
        x->schedlink = sched.gfree;
        sched.gfree = x;
        atomic_fetch_add_explicit(&sched.ngfree, 1, memory_order_relaxed);
    }
    lock_release(&sched.lock);
}

GSched *sched_gfget(Worker *w) {
    if (SIM_ON)
        return sim_gfget(w);
    P *p = w ? getm(w)->p : NULL;
    if (!p)
        return NULL;
    if (!p->gfree &&
        atomic_load_explicit(&sched.ngfree, memory_order_relaxed) > 0) {
        lock_acquire(&sched.lock);
        while (sched.gfree && p->gfreecnt < SCHED_GFREE_LOCAL_MAX / 2) {
            GSched *x = sched.gfree;
            sched.gfree = x->schedlink;
            atomic_fetch_sub_explicit(&sched.ngfree, 1, memory_order_relaxed);
            x->schedlink = p->gfree;
            p->gfree = x;
            p->gfreecnt++;
        }
        lock_release(&sched.lock);
    }
    GSched *g = p->gfree;
    if (g) {
        p->gfree = g->schedlink;
        p->gfreecnt--;
        g->schedlink = NULL;
    }
    return g;
}

/* g returned VM_DONE. */
static void gdone(M *m, GSched *g) {
    set_gstatus(g, G_DEAD);
    atomic_fetch_sub(&sched.ngoroutines, 1);
    if (g == sched.maing) {
        if (!g->goexited)
            program_exit(SCHED_EXIT_OK);
        return; /* main's record is never reused */
    }
    sched_note_sync(g);
    if (sched.hooks.gdead)
        sched.hooks.gdead(&m->w, g);
    gfput(m->p, g);
}

/* g returned VM_PARK: commit the park now that g has stopped. Returns g if
 * the commit cancelled the park (g runs on), else NULL. */
static GSched *park_commit(GSched *g) {
    ParkCommit f = g->unlockf;
    void *arg = g->unlockarg;
    g->unlockf = NULL;
    g->unlockarg = NULL;
    set_gstatus(g, G_WAITING);
    /* From here on another M may run g: do not touch it unless f fails. */
    if (f && !f(g, arg)) {
        set_gstatus(g, G_RUNNABLE);
        return g;
    }
    return NULL;
}

static void execute(M *m, GSched *g) {
    while (g) {
        ASSERT(gstatus(g) == G_RUNNABLE, "G%lld runs from status %u",
               (long long)g->goid, gstatus(g));
        m->p->schedtick++;
        set_gstatus(g, G_RUNNING);
        m->curg = g;
        int r = sched.hooks.run(&m->w, g);
        m->curg = NULL;
        switch (r) {
        case VM_YIELD:
            /* Behind everything, as Go's Gosched and preemption do: on the
             * local tail a yielding loop would run again before the global
             * queue is looked at (only every 61 ticks), starving it. */
            set_gstatus(g, G_RUNNABLE);
            lock_acquire(&sched.lock);
            globrunqput(g);
            lock_release(&sched.lock);
            /* Work is queued: an idle P may take it (Go's goschedImpl). */
            wakep();
            return;
        case VM_PARK:
            g = park_commit(g);
            break;
        case VM_PANIC:
            if (sched.session) { /* only the goroutine ends */
                gdone(m, g);
                return;
            }
            set_gstatus(g, G_DEAD);
            program_exit(SCHED_EXIT_PANIC);
            return;
        default:
            gdone(m, g);
            return;
        }
    }
}

static void schedule(M *m) {
    for (;;) {
        if (atomic_load(&sched.exiting))
            return;
        if (atomic_load_explicit(&sched.npwait, memory_order_relaxed) > 0) {
            handoff_to_waiter(m);
            if (!m->p)
                return;
        }
        /* TSan's collections (gc.c); else nothing. Not while spinning: the
         * stop-the-world may park this M inside a G-less wait_for_p, which
         * a spinning M must not enter (it runs a G soon and comes back). */
        if (!m->spinning)
            gc_safepoint(&m->w);
        GSched *g = findrunnable(m);
        if (!g)
            return;
        if (m->spinning)
            resetspinning(m);
        execute(m, g);
    }
}

/* ---- API ------------------------------------------------------------------------------ */

static P *newp(int id) {
    P *p = sched_alloc(sizeof *p);
    p->id = id;
    return p;
}

void sched_init(int nprocs, const SchedHooks *hooks) {
    if (nprocs < 1)
        nprocs = 1;
    if (nprocs > SCHED_MAX_PROCS)
        nprocs = SCHED_MAX_PROCS;
#ifndef CSP_NO_GC
    static bool pushing;
    if (!pushing) {
        pushing = true;
        push_next = GC_get_push_other_roots();
        GC_set_push_other_roots(push_runqs);
    }
#endif
    memset(&sched, 0, sizeof sched);
    allgs = 0;
    memset(&allglock, 0, sizeof allglock);
    lock_setrank(&sched.lock, LR_SCHED);
    lock_setrank(&allglock, LR_ALLG);
    if (hooks)
        sched.hooks = *hooks;
    atomic_store(&sched.gomaxprocs, nprocs);
    for (int i = nprocs - 1; i >= 0; i--) {
        sched.allp[i] = newp(i);
        pidleput(sched.allp[i]);
    }
}

static int64_t newgoid(P *p) {
    if (!p)
        return atomic_fetch_add(&sched.goidgen, 1) + 1;
    if (p->goidcache == p->goidcacheend) {
        p->goidcache = atomic_fetch_add(&sched.goidgen, SCHED_GOID_BATCH) + 1;
        p->goidcacheend = p->goidcache + SCHED_GOID_BATCH;
    }
    return p->goidcache++;
}

/* Resets g's per-run state and makes it RUNNABLE (creator owns it). */
static void g_start(GSched *g, int64_t goid) {
    g->goid = goid;
    /* insim, waitreason: relaxed atomics (leak.c's found() may read them) */
    __atomic_store_n(&g->insim, false, __ATOMIC_RELAXED);
    g->goexited = false;
    __atomic_store_n(&g->waitreason, WAIT_NONE, __ATOMIC_RELAXED);
    g->unlockf = NULL;
    g->waiting = NULL;
    g->param = NULL;
    atomic_store_explicit(&g->selectdone, 0, memory_order_relaxed);
    if (!g->in_allgs) {
        g->in_allgs = true;
        atomic_store_explicit(&g->syncgen, (uint64_t)goid << 32,
                              memory_order_relaxed);
        lock_acquire(&allglock);
        g->hidlink = allgs;
        allgs = GC_HIDE_POINTER(g);
        lock_release(&allglock);
    }
    atomic_fetch_add(&sched.ngoroutines, 1);
    set_gstatus(g, G_RUNNABLE);
}

/* Puts a runnable g on the global queue from a thread without a P and
 * starts an idle P for it. */
static void ready_nop(GSched *g) {
    lock_acquire(&sched.lock);
    globrunqput(g);
    P *p = pidleget();
    lock_release(&sched.lock);
    if (p)
        startm(p, false);
}

int64_t sched_go(Worker *w, GSched *g) {
    if (SIM_ON)
        return sim_go(w, g);
    P *p = w ? getm(w)->p : NULL;
    int64_t goid = newgoid(p);
    g_start(g, goid);
    if (!p) {
        ready_nop(g);
        return goid;
    }
    runqput(p, g, true);
    wakep();
    return goid;
}

void sched_ready(Worker *w, GSched *g, bool next) {
    if (SIM_ON) {
        sim_ready(w, g, next);
        return;
    }
    uint32_t st = G_WAITING;
    if (!atomic_compare_exchange_strong_explicit(&g->status, &st, G_RUNNABLE,
                                                 memory_order_acq_rel,
                                                 memory_order_acquire)) {
        /* exit_locked readied a nested sleeper so its thread can end */
        if (atomic_load(&sched.exiting))
            return;
        sched_throw("sched_ready: goroutine is not waiting");
    }
    if (g->nested) {
        /* Its M sleeps in sched_park_nested and runs it on. Counted as
         * running again from now, before the waker can go idle. */
        lock_acquire(&sched.lock);
        nested_remove(g);
        lock_release(&sched.lock);
        note_wakeup(&g->nestnote);
        return;
    }
    P *p = w ? getm(w)->p : NULL;
    if (!p) {
        ready_nop(g);
        return;
    }
    runqput(p, g, next);
    wakep();
}

void sched_park(GSched *g, ParkCommit unlockf, void *arg, WaitReason r) {
    sched_note_sync(g);
    g->unlockf = unlockf;
    g->unlockarg = arg;
    __atomic_store_n(&g->waitreason, (uint8_t)r, __ATOMIC_RELAXED);
    g->waitsince = sched_nanotime();
}

int sched_start_main(GSched *main) {
    M *m = allocm();
    m->is_m0 = true;
    if (sched.hooks.mstart)
        sched.hooks.mstart(&m->w);
    lock_acquire(&sched.lock);
    P *p = pidleget();
    lock_release(&sched.lock);
    acquirep(m, p);
    atomic_store(&sched.goidgen, 1);
    sched.maing = main;
    g_start(main, 1);
    runqput(p, main, true);
    lock_acquire(&sched.lock);
    sched.mainstarted = true;
    lock_release(&sched.lock);
    /* With Ps to spare, one idle M is ready from the start, so that the
     * first wakep (a goroutine started, a timer added) wakes a thread
     * instead of creating one on the caller's time: a thread's creation
     * and registration with the collector take some 100 us, long enough
     * to make a ticker's first ticks seem early to its creator. */
    if (atomic_load(&sched.gomaxprocs) > 1)
        newm(NULL, false);
    if (setjmp(m0_exit) == 0)
        schedule(m);
    lock_acquire(&sched.lock);
    int code = sched.exitcode;
    lock_release(&sched.lock);
    return code;
}

void sched_start_session(void) {
    lock_acquire(&sched.lock);
    sched.session = true;
    sched.mainstarted = true; /* the deadlock check is on */
    lock_release(&sched.lock);
}

static void sysmon_stop(void);

void sched_shutdown(void) {
    program_exit(SCHED_EXIT_OK);
    sysmon_stop();
    for (;;) {
        lock_acquire(&sched.lock);
        M *todo = NULL;
        for (M *m = sched.allm; m; m = m->alllink)
            if (!m->is_m0 && m->thread) {
                todo = m;
                break;
            }
        if (todo) {
            pthread_t t = todo->thread;
            todo->thread = 0;
            lock_release(&sched.lock);
#ifdef CSP_NO_GC
            pthread_join(t, NULL);
#else
            gc_thread_join(t);
#endif
            continue;
        }
        bool others = sched.mcount > 1; /* an M created during exit */
        lock_release(&sched.lock);
        if (!others)
            break;
        spin_ns(100000);
    }
    sched_init(1, NULL);
}

/* ---- GOMAXPROCS ----------------------------------------------------------------------- */

/* Stops every P but m's; returns with gcwaiting set and the world stopped. */
static void stop_the_world(M *m) {
    lock_acquire(&sched.lock);
    while (atomic_load(&sched.gcwaiting)) {
        /* another M is stopping the world: stop our P for it, then wait */
        P *p = releasep(m);
        p->status = P_GCSTOP;
        if (--sched.stopwait == 0)
            note_wakeup(&sched.stopnote);
        lock_release(&sched.lock);
        wait_for_p(m);
        lock_acquire(&sched.lock);
    }
    atomic_store(&sched.gcwaiting, 1);
    sched.stopwait = atomic_load(&sched.gomaxprocs) - 1;
    P *p;
    while ((p = pidleget())) {
        p->status = P_GCSTOP;
        sched.stopwait--;
    }
    for (int i = 0; i < atomic_load(&sched.gomaxprocs); i++) {
        int st = P_SYSCALL; /* an M in a call: take its P (SYSTEM CALLS) */
        if (atomic_compare_exchange_strong(&sched.allp[i]->status, &st,
                                           P_GCSTOP))
            sched.stopwait--;
    }
    note_clear(&sched.stopnote);
    bool wait = sched.stopwait > 0;
    lock_release(&sched.lock);
    if (wait)
        note_sleep(&sched.stopnote);
}

/* World stopped, sched.lock held: moves a P's Gs to the global lists. */
static void destroyp(P *p) {
    GSched *g;
    while ((g = runqget(p)))
        globrunqput(g);
    while ((g = p->gfree)) {
        p->gfree = g->schedlink;
        g->schedlink = sched.gfree;
        sched.gfree = g;
        atomic_fetch_add_explicit(&sched.ngfree, 1, memory_order_relaxed);
    }
    p->gfreecnt = 0;
    p->status = P_DEAD;
}

/* World stopped, sched.lock held: n Ps; returns the Ps that have work
 * (linked by link) — the others are idle. */
static P *procresize(M *m, int n) {
    int old = atomic_load(&sched.gomaxprocs);
    for (int i = 0; i < n; i++)
        if (!sched.allp[i])
            sched.allp[i] = newp(i);
    if (m->p->id >= n) {
        P *mine = m->p;
        mine->m = NULL;
        mine->status = P_GCSTOP;
        m->p = NULL;
        sched.allp[0]->status = P_IDLE;
        acquirep(m, sched.allp[0]);
    }
    for (int i = n; i < old; i++)
        destroyp(sched.allp[i]);
    atomic_store(&sched.gomaxprocs, n);
    P *runnable = NULL;
    for (int i = n - 1; i >= 0; i--) {
        P *p = sched.allp[i];
        if (p == m->p)
            continue;
        p->m = NULL;
        p->status = P_IDLE;
        if (runqempty(p)) {
            pidleput(p);
        } else {
            p->link = runnable;
            runnable = p;
        }
    }
    return runnable;
}

int sched_gomaxprocs(Worker *w, int n) {
    if (SIM_ON)
        return sim_gomaxprocs(n);
    int old = atomic_load(&sched.gomaxprocs);
    if (n <= 0 || n == old || !w)
        return old;
    if (n > SCHED_MAX_PROCS)
        n = SCHED_MAX_PROCS;
    M *m = getm(w);
    stop_the_world(m);
    lock_acquire(&sched.lock);
    old = atomic_load(&sched.gomaxprocs);
    atomic_store(&sched.gcwaiting, 0);
    P *runnable = procresize(m, n);
    lock_release(&sched.lock);
    while (runnable) {
        P *p = runnable;
        runnable = p->link;
        p->link = NULL;
        startm(p, false);
    }
    wakep();
    return old;
}

int sched_pid(const Worker *w) {
    if (SIM_ON || !w->p)
        return 0;
    return ((const P *)w->p)->id;
}

int sched_nprocs(void) {
    if (SIM_ON)
        return sim_nprocs();
    return atomic_load(&sched.gomaxprocs);
}

int64_t sched_num_goroutine(void) {
    if (SIM_ON)
        return sim_num_goroutine();
    return atomic_load(&sched.ngoroutines);
}

void sched_for_each_g(void (*fn)(GSched *g, void *arg), void *arg) {
    if (SIM_ON) {
        sim_for_each_g(fn, arg);
        return;
    }
    lock_acquire(&allglock);
    for (uintptr_t h = allgs; h; h = ((GSched *)GC_REVEAL_POINTER(h))->hidlink) {
        GSched *g = GC_REVEAL_POINTER(h);
        uint32_t s = gstatus(g);
        if (s != G_DEAD && s != G_IDLE)
            fn(g, arg);
    }
    lock_release(&allglock);
}

GSched *sched_current(Worker *w) {
    if (SIM_ON)
        return sim_current(w);
    return w ? getm(w)->curg : NULL;
}

void sched_trace_line(char *buf, size_t size, int64_t ms) {
    lock_acquire(&sched.lock);
    int procs = atomic_load(&sched.gomaxprocs);
    /* the monitor is a thread too (Go counts sysmon's M) */
    int threads = sched.mcount + atomic_load(&sysmon.started),
        idlem = sched.nmidle;
    lock_release(&sched.lock);
    size_t k = (size_t)snprintf(
        buf, size,
        "SCHED %lldms: gomaxprocs=%d idleprocs=%d threads=%d "
        "spinningthreads=%d idlethreads=%d runqueue=%d [",
        (long long)ms, procs, atomic_load(&sched.npidle), threads,
        atomic_load(&sched.nmspinning), idlem, atomic_load(&sched.runqsize));
    for (int i = 0; i < procs && k + 16 < size; i++) {
        P *p = sched.allp[i];
        uint32_t h = atomic_load(&p->runqhead), t = atomic_load(&p->runqtail);
        k += (size_t)snprintf(buf + k, size - k, i ? " %d" : "%d",
                              (int)(t - h) + (atomic_load(&p->runnext) != NULL));
    }
    if (k + 3 <= size)
        snprintf(buf + k, size - k, "]\n");
}

/* ---- stopping the world from outside (goroutine dumps) -------------------------------- */

bool sched_stop_world(int64_t timeout_ns) {
    lock_acquire(&sched.lock);
    while (atomic_load(&sched.gcwaiting)) { /* another stopper: GOMAXPROCS */
        lock_release(&sched.lock);
        spin_ns(SCHED_STW_POLL_NS);
        lock_acquire(&sched.lock);
    }
    atomic_store(&sched.gcwaiting, 1);
    sched.stopwait = atomic_load(&sched.gomaxprocs);
    P *p;
    while ((p = pidleget())) {
        p->status = P_GCSTOP;
        sched.stopwait--;
    }
    note_clear(&sched.stopnote);
    bool wait = sched.stopwait > 0;
    lock_release(&sched.lock);
    return !wait || note_tsleep(&sched.stopnote, timeout_ns);
}

bool sched_stop_world_from(Worker *w) {
    if (SIM_ON || !w || !w->p)
        return false;
    stop_the_world(getm(w));
    return true;
}

void sched_start_world(void) {
    lock_acquire(&sched.lock);
    atomic_store(&sched.gcwaiting, 0);
    P *runnable = NULL;
    int n = atomic_load(&sched.gomaxprocs);
    for (int i = n - 1; i >= 0; i--) {
        P *p = sched.allp[i];
        if (p->status != P_GCSTOP)
            continue; /* still running: the stop timed out */
        p->status = P_IDLE;
        if (runqempty(p)) {
            pidleput(p);
        } else {
            p->link = runnable;
            runnable = p;
        }
    }
    lock_release(&sched.lock);
    while (runnable) {
        P *p = runnable;
        runnable = p->link;
        p->link = NULL;
        startm(p, false);
    }
    wakep(); /* the global queue may have work */
}

/* ---- blocking foreign calls and timers ------------------------------------------------ */

void sched_enter_blocking(Worker *w) {
    if (SIM_ON) /* the simulation waits with the call */
        return;
    M *m = getm(w);
    P *p = releasep(m);
    lock_acquire(&sched.lock);
    if (atomic_load(&sched.gcwaiting)) {
        p->status = P_GCSTOP;
        if (--sched.stopwait == 0)
            note_wakeup(&sched.stopnote);
        lock_release(&sched.lock);
        return;
    }
    if (runqempty(p) && atomic_load(&sched.runqsize) == 0) {
        pidleput(p);
        lock_release(&sched.lock);
        return;
    }
    lock_release(&sched.lock);
    startm(p, false);
}

void sched_exit_blocking(Worker *w) {
    if (!SIM_ON)
        wait_for_p(getm(w));
}

void sched_park_nested(Worker *w, GSched *g) {
    if (SIM_ON) {
        sim_park_nested(w, g);
        return;
    }
    note_clear(&g->nestnote);
    g->nested = true;
    /* Counted before the commit: the waker's decrement may follow at once. */
    lock_acquire(&sched.lock);
    sched.nnested++;
    g->nestlink = sched.nested;
    sched.nested = g;
    lock_release(&sched.lock);
    if (park_commit(g)) { /* cancelled: g runs on */
        lock_acquire(&sched.lock);
        nested_remove(g);
        lock_release(&sched.lock);
    } else {
        sched_enter_blocking(w);
        lock_acquire(&sched.lock);
        bool dead = checkdead();
        lock_release(&sched.lock);
        if (dead)
            report_deadlock();
        note_sleep(&g->nestnote);
        sched_exit_blocking(w);
    }
    g->nested = false;
    set_gstatus(g, G_RUNNING);
}

/* ---- system calls: the hand-off and the monitor (see SYSTEM CALLS) ---------------- */

/* A P taken from an M in a call (sysmon) finds its next owner: an M when
 * there is work for it, timers are due to be watched or nobody looks for
 * work; else the idle list, or an M waiting for a P (pidleput). */
static void handoffp(P *p) {
    if (!runqempty(p) || atomic_load(&sched.runqsize) > 0) {
        startm(p, false);
        return;
    }
    int zero = 0;
    if (atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) == 0) {
        spin_shadow_add(0, 1); /* a token, as in wakep */
        if (atomic_compare_exchange_strong(&sched.nmspinning, &zero, 1)) {
            spin_shadow_add(1, 0);
            startm(p, true);
            return;
        }
        spin_shadow_add(0, -1);
    }
    lock_acquire(&sched.lock);
    if (atomic_load(&sched.gcwaiting)) {
        p->status = P_GCSTOP;
        if (--sched.stopwait == 0)
            note_wakeup(&sched.stopnote);
        lock_release(&sched.lock);
        return;
    }
    /* Timers pending and nobody sleeping until them: an M on this P will
     * (stopm makes it the timer sleeper), so a ticker is not stopped by a
     * goroutine blocked in a call. */
    bool timers = !sched.timer_sleeper;
    lock_release(&sched.lock);
    if (timers && timers_next() >= 0) {
        startm(p, false);
        return;
    }
    lock_acquire(&sched.lock);
    pidleput(p);
    lock_release(&sched.lock);
}

/* sysmon: takes the Ps whose M has been in one call for a whole poll and
 * SCHED_SYSCALL_RETAKE_NS. Returns how many; *insys: a P was in a call. */
static int retake(int64_t now, bool *insys) {
    int n = 0;
    lock_acquire(&sched.lock); /* allp is stable under it */
    for (int i = 0; i < atomic_load(&sched.gomaxprocs); i++) {
        P *p = sched.allp[i];
        if (atomic_load(&p->status) != P_SYSCALL)
            continue;
        *insys = true;
        uint32_t t = atomic_load_explicit(&p->syscalltick,
                                          memory_order_relaxed);
        if (p->sysmontick != t) { /* a new call: time it from now */
            p->sysmontick = t;
            p->syscallwhen = now;
            continue;
        }
        int64_t d = now - p->syscallwhen;
        if (d < SCHED_SYSCALL_RETAKE_NS)
            continue;
        if (runqempty(p) && atomic_load(&sched.runqsize) == 0 &&
            atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) > 0 &&
            d < SCHED_SYSCALL_FORCE_NS)
            continue; /* nothing for it to do: let its M have it back */
        int st = P_SYSCALL;
        if (!atomic_compare_exchange_strong(&p->status, &st, P_IDLE))
            continue; /* its M came back (or the world stops) first */
        lock_release(&sched.lock);
        handoffp(p);
        atomic_fetch_add_explicit(&sysmon.nretake, 1, memory_order_relaxed);
        n++;
        lock_acquire(&sched.lock);
    }
    lock_release(&sched.lock);
    return n;
}

static bool any_p_in_syscall(void) {
    bool any = false;
    lock_acquire(&sched.lock);
    for (int i = 0; i < atomic_load(&sched.gomaxprocs) && !any; i++)
        any = atomic_load(&sched.allp[i]->status) == P_SYSCALL;
    lock_release(&sched.lock);
    return any;
}

/* No M in a call: sleep until entersyscall (or shutdown) wakes us. */
static void sysmon_sleep(void) {
    atomic_store(&sysmon.sleeping, true);
    /* seq_cst: pairs with entersyscall's status store and sleeping load */
    if (any_p_in_syscall() || atomic_load(&sched.exiting)) {
        bool t = true;
        if (atomic_compare_exchange_strong(&sysmon.sleeping, &t, false))
            return;
        /* a waker won the CAS: its note_wakeup is on its way */
    }
    note_sleep(&sysmon.note);
    note_clear(&sysmon.note);
}

static void *sysmon_main(void *arg) {
    int idle = 0;
    int64_t delay = SCHED_SYSMON_MIN_NS;
    while (!atomic_load(&sched.exiting)) {
        if (idle == 0)
            delay = SCHED_SYSMON_MIN_NS;
        else if (idle > SCHED_SYSMON_IDLE_CYCLES && delay < SCHED_SYSMON_MAX_NS)
            delay *= 2;
        if (delay > SCHED_SYSMON_MAX_NS)
            delay = SCHED_SYSMON_MAX_NS;
        if (note_tsleep(&sysmon.note, delay))
            note_clear(&sysmon.note);
        bool insys = false;
        if (retake(sched_nanotime(), &insys) > 0)
            idle = 0;
        else
            idle++;
        if (!insys && delay >= SCHED_SYSMON_MAX_NS) {
            sysmon_sleep();
            /* Woken by a call: poll at 20 us, but back off at once unless
             * it retakes, so a program that prints now and then costs a
             * dozen wake-ups per print, not fifty. */
            idle = SCHED_SYSMON_IDLE_CYCLES;
            delay = SCHED_SYSMON_MIN_NS / 2;
        }
    }
    return NULL;
}

/* Started by the first entersyscall: a program that makes no calls has no
 * monitor thread. */
static void sysmon_start(void) {
    bool f = false;
    if (!atomic_compare_exchange_strong(&sysmon.started, &f, true))
        return;
    pthread_t t;
#ifdef CSP_NO_GC
    int err = pthread_create(&t, NULL, sysmon_main, NULL);
#else
    int err = gc_thread_create(&t, NULL, sysmon_main, NULL);
#endif
    if (err)
        sched_throw("sysmon: cannot create a thread");
    lock_acquire(&sched.lock);
    sysmon.thread = t;
    lock_release(&sched.lock);
}

/* The world is stopping and the stopper's scan may have missed our P. */
static void entersyscall_gcwait(P *p) {
    lock_acquire(&sched.lock);
    int st = P_SYSCALL;
    if (atomic_load(&sched.gcwaiting) &&
        atomic_compare_exchange_strong(&p->status, &st, P_GCSTOP) &&
        --sched.stopwait == 0)
        note_wakeup(&sched.stopnote);
    lock_release(&sched.lock);
}

void sched_entersyscall(Worker *w) {
    /* the simulation (sim.h) runs on one thread with no Ps to hand off:
     * a blocking call blocks the whole simulated run */
    if (!w || SIM_ON)
        return;
    M *m = getm(w);
    P *p = m->p;
    if (!p)
        return;
    if (m->curg)
        set_gstatus(m->curg, G_SYSCALL);
    atomic_fetch_add_explicit(&p->syscalltick, 1, memory_order_relaxed);
    m->oldp = p;
    p->m = NULL;
    m->p = NULL;
    m->w.p = NULL;
    /* seq_cst: the P (its queue, p->m) is published to whoever CASes it
     * away, and the store is ordered before the loads below (SYSTEM
     * CALLS: sysmon's sleeping flag, the stopper's gcwaiting). */
    atomic_store(&p->status, P_SYSCALL);
    if (!atomic_load_explicit(&sysmon.started, memory_order_relaxed))
        sysmon_start();
    if (atomic_load(&sysmon.sleeping)) {
        bool t = true;
        if (atomic_compare_exchange_strong(&sysmon.sleeping, &t, false))
            note_wakeup(&sysmon.note);
    }
    if (atomic_load(&sched.gcwaiting))
        entersyscall_gcwait(p);
}

void sched_exitsyscall(Worker *w) {
    /* the simulation (sim.h) runs on one thread with no Ps to hand off:
     * a blocking call blocks the whole simulated run */
    if (!w || SIM_ON)
        return;
    M *m = getm(w);
    P *p = m->oldp;
    if (!p)
        return;
    m->oldp = NULL;
    int st = P_SYSCALL;
    /* acq_rel: takes the P back with whatever its thieves did to it */
    if (atomic_compare_exchange_strong(&p->status, &st, P_RUNNING)) {
        p->m = m;
        m->p = p;
        m->w.p = p;
    } else {
        int e = errno; /* the call's errno outlives our futex calls */
        wait_for_p(m);
        errno = e;
    }
    if (m->curg)
        set_gstatus(m->curg, G_RUNNING);
}

int64_t sched_num_retake(void) {
    return atomic_load_explicit(&sysmon.nretake, memory_order_relaxed);
}

/* sched_shutdown: stops the monitor thread and forgets it. */
static void sysmon_stop(void) {
    if (!atomic_load(&sysmon.started))
        return;
    bool t = true;
    if (atomic_compare_exchange_strong(&sysmon.sleeping, &t, false))
        note_wakeup(&sysmon.note);
    lock_acquire(&sched.lock);
    pthread_t th = sysmon.thread;
    lock_release(&sched.lock);
#ifdef CSP_NO_GC
    pthread_join(th, NULL);
#else
    gc_thread_join(th);
#endif
    atomic_store(&sysmon.started, false);
    note_clear(&sysmon.note);
}

void sched_timers_changed(void) {
    if (SIM_ON) /* the simulation looks at the timers itself */
        return;
    lock_acquire(&sched.lock);
    M *m = sched.timer_sleeper;
    if (!m) {
        /* Nobody sleeps until a deadline: the Ms are busy (they run due
         * timers at their scheduling points) or asleep without a timer,
         * or not started yet. With a P idle, start an M on it that will
         * sleep until the deadline, as Go's addtimer does (wakep), so a
         * goroutine that runs without parking cannot hold the timers up
         * until its next preemption. */
        lock_release(&sched.lock);
        if (timers_next() >= 0)
            wakep();
        return;
    }
    if (mremove(m)) {
        sched.timer_sleeper = NULL;
        P *p = pidleget();
        if (p) {
            m->nextp = p;
            m->spinning = false;
            note_wakeup(&m->park);
        } else {
            mput(m); /* every P is busy: they check timers themselves */
        }
    }
    lock_release(&sched.lock);
}

/* ---- unit-test access ------------------------------------------------------------------ */

P *sched_test_newp(int id) { return newp(id); }
void sched_test_runqput(P *p, GSched *g, bool next) { runqput(p, g, next); }
GSched *sched_test_runqget(P *p) { return runqget(p); }
GSched *sched_test_runqsteal(P *p, P *victim, bool steal_runnext) {
    return runqsteal(p, victim, steal_runnext);
}
int sched_test_runqsize(P *p) {
    uint32_t h = atomic_load(&p->runqhead), t = atomic_load(&p->runqtail);
    return (int)(t - h) + (atomic_load(&p->runnext) != NULL);
}
int sched_test_globsize(void) { return atomic_load(&sched.runqsize); }
GSched *sched_test_globget(void) {
    lock_acquire(&sched.lock);
    GSched *g = sched.runqhead ? globpop() : NULL;
    lock_release(&sched.lock);
    return g;
}
