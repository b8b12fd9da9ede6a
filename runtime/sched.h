/*
 * sched.h — the M:N goroutine scheduler (G-M-P, work stealing), its
 * per-goroutine state, and the platform layer it sleeps on.
 *
 * GLOSSARY (as in Go's proc.go)
 *   G  a goroutine. The scheduler sees only its GSched record, embedded in
 *      the VM's Fiber (`GSched sched;`). It never looks inside the fiber: it
 *      calls the `run` hook to execute one and reads what the hook returns.
 *   M  an OS thread (pthread). It must hold a P to run Gs. Created lazily,
 *      parked when idle, reused; never destroyed while the program runs.
 *   P  a logical processor: a local run queue and free lists. GOMAXPROCS Ps.
 *
 * WHAT THE VM DOES (see also the report in the design notes of sched.c)
 *   - sched_init(n, &hooks) once; then sched_start_main(&main->sched) on the
 *     main thread, which returns the exit status when the program ends.
 *   - hooks.run(w, g) executes g until VM_DONE, VM_PANIC, VM_YIELD (budget
 *     spent: g goes to the back of the global run queue, as Go's preemption
 *     and Gosched do) or VM_PARK (blocked: the
 *     VM called sched_park first). w is the Worker of the current thread;
 *     w->p is the current P (opaque).
 *   - `go f()` builds a fiber (reusing sched_gfget's dead one when there is
 *     one) and calls sched_go(w, g).
 *   - A blocking operation records a commit with sched_park(g, unlockf, arg,
 *     reason) while still holding the lock that guards its wait queue, and
 *     returns VM_PARK. The scheduler calls unlockf(g, arg) only after g has
 *     fully stopped, so a waker (which must take the same lock to find g)
 *     can never run g while g is still executing. Wakers call sched_ready.
 *
 * LOCK ORDER: channel locks (by address among themselves) < sched.lock <
 *   allglock. Nothing takes a channel lock while holding a scheduler lock,
 *   and no G is readied while a channel lock is held.
 */
#ifndef CSP_SCHED_H
#define CSP_SCHED_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lockrank.h"
#include "sched_config.h"

typedef struct Worker Worker; /* runtime/vm.h: per-thread VM state */

/* ---- platform layer (park_linux.c) ---------------------------------------- */

/* A one-shot wake-up event for one sleeper and one waker (Go's note).
 * note_clear before reuse; note_wakeup at most once per clear. */
typedef struct Note {
    _Atomic uint32_t key; /* 0 = not signalled, 1 = signalled */
} Note;
void note_clear(Note *n);
void note_wakeup(Note *n);
void note_sleep(Note *n);
/* Sleeps at most ns nanoseconds; true if woken, false on time-out. */
bool note_tsleep(Note *n, int64_t ns);

/* A mutual exclusion lock of 4 bytes: spins briefly, then sleeps on a
 * futex. Not recursive. Zero-initialised = unlocked. */
typedef struct Lock {
    _Atomic uint32_t key; /* 0 unlocked, 1 locked, 2 locked with sleepers */
#ifdef CSP_DEBUG
    uint8_t rank;         /* LockRank (lockrank.h); 0: not checked */
#endif
} Lock;
void lock_acquire(Lock *l);
void lock_release(Lock *l);

/* Monotonic clock in nanoseconds. */
int64_t sched_nanotime(void);

/* ---- goroutine state -------------------------------------------------------- */

/* Go's goroutine statuses. Transitions: IDLE -> RUNNABLE (sched_go) ->
 * RUNNING (an M picks it) -> RUNNABLE (VM_YIELD) | WAITING (VM_PARK) |
 * DEAD (VM_DONE) | SYSCALL (sched_entersyscall, back to RUNNING by
 * sched_exitsyscall); WAITING -> RUNNABLE (sched_ready); DEAD -> RUNNABLE
 * (reused by sched_go). A SYSCALL goroutine is not asleep: dumps show
 * `[syscall]`, and its M counts as running for the deadlock check. */
enum { G_IDLE = 0, G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD, G_SYSCALL };

/* Why a goroutine waits; printed in dumps with Go's words. */
#define WAIT_REASONS(X)                                  \
    X(WAIT_NONE, "")                                     \
    X(WAIT_CHAN_RECV, "chan receive")                    \
    X(WAIT_CHAN_SEND, "chan send")                       \
    X(WAIT_CHAN_RECV_NIL, "chan receive (nil chan)")     \
    X(WAIT_CHAN_SEND_NIL, "chan send (nil chan)")        \
    X(WAIT_SELECT, "select")                             \
    X(WAIT_SELECT_NO_CASES, "select (no cases)")         \
    X(WAIT_SLEEP, "sleep")                               \
    X(WAIT_WAITGROUP, "sync.WaitGroup.Wait")             \
    X(WAIT_MUTEX, "sync.Mutex.Lock")                     \
    X(WAIT_RWMUTEX_R, "sync.RWMutex.RLock")              \
    X(WAIT_RWMUTEX_W, "sync.RWMutex.Lock")               \
    X(WAIT_COND, "sync.Cond.Wait")                       \
    X(WAIT_FOREIGN, "syscall")
#define WAIT_ENUM(name, str) name,
typedef enum WaitReason { WAIT_REASONS(WAIT_ENUM) WAIT_NREASONS } WaitReason;
#undef WAIT_ENUM
const char *sched_wait_reason(WaitReason r);

typedef struct GSched GSched;
/* Park commit: called by the scheduler once the parked G has stopped.
 * Returns false to cancel the park (the G is resumed at once). */
typedef bool (*ParkCommit)(GSched *g, void *arg);

/* The scheduler's part of a goroutine (embed as `GSched sched;` in Fiber). */
struct GSched {
    _Atomic uint32_t status;  /* G_*; release on publish, acquire on read */
    uint8_t waitreason;       /* WaitReason; owner, read by dumps. With
                                 insim, leakpin, leakcheck: written and read
                                 by leak.c with relaxed atomics (its
                                 finalizer thread may read a live G) */
    bool goexited;            /* set by the VM before returning VM_DONE from
                                 runtime.Goexit (main then does not end the
                                 program) */
    bool in_allgs;            /* linked on allgs (never unlinked) */
    bool insim;               /* started by the simulation (sim.c): never
                                 reported as leaked, even once torn down */
    int64_t goid;             /* goroutine number, 1 = main; set by sched_go */
    int64_t waitsince;        /* sched_nanotime() when it parked */
    GSched *schedlink;        /* global run queue / free list link: protected
                                 by the lock of the list that holds it */
    GSched *alllink;          /* the simulation's allgs (sim.c): strong */
    uintptr_t hidlink;        /* sched.c's allgs: disguised, allglock */
    /* runtime/leak.c: leakpin: parked on a timer channel (pinned, see
     * leak.c); leaklink: the pinned list's or the leaked list's link */
    bool leakpin;
    uint8_t leakcheck;        /* leak.c's check of a simulated run */
    GSched *leaklink, *leakprev;
    /* leak.c: the object a sync wait is on, a disguised pointer registered
     * as a disappearing link (leak_sync_wait); 0 once the collector found
     * the object unreachable. Owner; the collector clears it. */
    uintptr_t synclink;
    ParkCommit unlockf;       /* park commit: owner until parked */
    void *unlockarg;
    /* channel state (chan.c): owner while running; while WAITING, protected
     * by the locks of the channels it waits on */
    void *waiting;            /* Sudog(s) of the blocked operation */
    void *param;              /* the sudog that completed (set by the waker) */
    _Atomic uint32_t selectdone; /* 0 -> 1 by the one case that wins */
    void *sudogcache;         /* a spare Sudog for the next single op */
    /* Parked inside a nested run (vm_call from a native): the M keeps g and
     * sleeps on nestnote; sched_ready wakes it instead of queueing g. Set
     * by the owner before the park commit (published by the status store),
     * cleared by the owner after waking. */
    bool nested;
    Note nestnote;
    GSched *nestlink;         /* sched's list of nested sleepers: sched.lock */
    /* Map misuse windows (map.c): bumped by the owner at every park, exit,
     * go statement and synchronising release (channel operation, Unlock,
     * Done, atomic ...); any thread reads it (relaxed). It starts at the
     * record's first goid << 32 and is never reset, so every value is one
     * record's at one moment (a recycled record's old windows stay closed;
     * two records never share a value). */
    _Atomic uint64_t syncgen;
};

/* g (the caller's own goroutine; NULL: the runtime itself, a timer's
 * send) synchronised, parked or ended. Only the owner writes syncgen, so
 * a plain increment suffices. */
static inline void sched_note_sync(GSched *g) {
    if (!g)
        return;
    atomic_store_explicit(&g->syncgen,
                          atomic_load_explicit(&g->syncgen,
                                               memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

/* ---- hooks: what the VM plugs in ---------------------------------------- */

typedef struct SchedHooks {
    /* Runs g on the calling M; returns VM_DONE, VM_PANIC, VM_YIELD or
     * VM_PARK. VM_PANIC ends the program with status 2 (the hook prints
     * the panic first). Required. */
    int (*run)(Worker *w, GSched *g);
    /* g has finished (VM_DONE, not main): drop what it holds so a dead
     * record retains no garbage. Optional. */
    void (*gdead)(Worker *w, GSched *g);
    /* No goroutine can ever run again. The VM prints Go's fatal error and
     * the goroutine dump and exits 2. If it returns, sched_start_main
     * returns SCHED_EXIT_DEADLOCK (in session mode the scheduler goes on:
     * a later sched_go may wake the blocked goroutines). Optional. */
    void (*deadlock)(void);
    /* Timers (runtime/timer.c later). timers_next: absolute sched_nanotime
     * of the earliest pending timer, or -1 when none (any thread).
     * timers_run: runs the due timers on the calling M (which holds a P),
     * readying their goroutines. Both optional. */
    int64_t (*timers_next)(void);
    void (*timers_run)(Worker *w);
    /* Called once on each new M thread before it runs anything (the VM
     * seeds w). Optional. */
    void (*mstart)(Worker *w);
} SchedHooks;

enum { SCHED_EXIT_OK = 0, SCHED_EXIT_PANIC = 2, SCHED_EXIT_DEADLOCK = 3 };

/* ---- API ------------------------------------------------------------------ */

/* Sets up nprocs Ps (clamped to 1..SCHED_MAX_PROCS) and the hooks (copied).
 * Call once before sched_start_main (again only after sched_shutdown). */
void sched_init(int nprocs, const SchedHooks *hooks);
/* Runs the scheduler on the calling thread (M0) with main as goroutine 1
 * until main returns (SCHED_EXIT_OK), a goroutine panics (SCHED_EXIT_PANIC)
 * or a deadlock hook returns (SCHED_EXIT_DEADLOCK). Other Ms may still be
 * finishing their current G when it returns: the caller exits the process. */
int sched_start_main(GSched *main);
/* Tests and REPL: after sched_start_main returned, waits for every other M
 * thread to finish and forgets all state. */
void sched_shutdown(void);

/* Session mode (the REPL, runtime/goroutine.c): instead of
 * sched_start_main, after sched_init. There is no main goroutine: the
 * caller starts goroutines with sched_go(NULL, g) and the scheduler runs
 * them on Ms of its own until the process ends. A panic (VM_PANIC) ends
 * only its goroutine; the deadlock hook is told when every goroutine is
 * blocked, and the scheduler goes on. */
void sched_start_session(void);

/* Makes the new goroutine g runnable (it goes to runnext of w's P, as Go's
 * newproc) and returns its goroutine number. w: the caller's worker (NULL
 * from a thread without a P). */
int64_t sched_go(Worker *w, GSched *g);
/* A dead goroutine record to reuse (from w's P's free list or the global
 * one), or NULL: the VM then allocates a new fiber. */
GSched *sched_gfget(Worker *w);
/* Wakes a WAITING g (it must have parked). next: run it before the rest of
 * the caller's queue (a goroutine readied by the running one). w may be
 * NULL outside a running goroutine (timer thread): g goes to the global
 * queue and an idle P is started. */
void sched_ready(Worker *w, GSched *g, bool next);
/* Records how the running g parks: call just before returning VM_PARK,
 * while still holding the lock that unlockf releases. unlockf may be NULL
 * (park forever: nil channel, select {}). */
void sched_park(GSched *g, ParkCommit unlockf, void *arg, WaitReason r);
/* g (running on w) parked while a native's C frame is below it (a String
 * method called by fmt blocked): commit the park, hand the P away, and
 * sleep on this M until g is readied; returns holding a P, g RUNNING. The
 * sleeping M counts as blocked, not running, for the deadlock check. */
void sched_park_nested(Worker *w, GSched *g);

/* runtime.GOMAXPROCS(n): n <= 0 only queries. Changes the number of Ps at
 * a safe point (stops the world: every other M finishes its current time
 * slice). Returns the previous value. Call from a running goroutine. */
int sched_gomaxprocs(Worker *w, int n);
int sched_nprocs(void);
/* The id (0..SCHED_MAX_PROCS-1) of the P the calling M holds; 0 under the
 * simulation and for an M without a P. Stable while the caller runs a
 * native (natives are not preempted): sync.Pool's per-P slots. */
int sched_pid(const Worker *w);
/* runtime.NumGoroutine. */
int64_t sched_num_goroutine(void);
/* Calls fn for every goroutine that is not dead (goroutine dumps). Takes
 * allglock: fn must not create goroutines. Only consistent when the world
 * is quiet (deadlock, fatal error). */
/* Stops every P from a thread that holds none (a dump: the SIGQUIT
 * thread, the REPL, an idle M reporting a deadlock), as Go stops the world:
 * idle Ps at once, running ones at their M's next scheduling point. Then
 * no G runs but those still RUNNING on a P that did not stop within
 * timeout_ns (returns false then); a non-running G's frames hold still.
 * sched_start_world restarts the stopped Ps. */
bool sched_stop_world(int64_t timeout_ns);
void sched_start_world(void);
/* The same from a running goroutine's M (w holds a P: runtime.Stack(buf,
 * true)): every other P stops, w's runs on. False, and nothing stopped,
 * under the simulation (one thread: nothing else runs) or without a P.
 * sched_start_world restarts the others. */
bool sched_stop_world_from(Worker *w);
void sched_for_each_g(void (*fn)(GSched *g, void *arg), void *arg);
/* GODEBUG=schedtrace: writes one line in Go's format ("SCHED 506ms:
 * gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 idlethreads=2
 * runqueue=2 [0 0]\n") for `ms` since start. Any thread; the counts are
 * read without stopping anything (diagnostics). */
void sched_trace_line(char *buf, size_t size, int64_t ms);
/* The goroutine the calling M is running, or NULL. */
GSched *sched_current(Worker *w);

/* A blocking call made by a nested run (sched_park_nested): hand the P to
 * another M at once, take one back afterwards (waits while every P is
 * busy). */
void sched_enter_blocking(Worker *w);
void sched_exit_blocking(Worker *w);

/* THE SYSCALL HAND-OFF (Go's entersyscall / exitsyscall; the protocol is
 * at the top of sched.c). Any native that is about to make a call that may
 * block or run long — a foreign call, read(2) on a terminal or a pipe,
 * write(2) to a pipe, waitpid, a file-system call on a slow disk — brackets
 * it:
 *
 *     sched_entersyscall(f->w);
 *     n = read(fd, buf, len);        // no csp state touched in between
 *     sched_exitsyscall(f->w);
 *
 * Between the two the goroutine is in `syscall` state and its M keeps no
 * P: if the call lasts more than ~20 us the monitor thread gives the P to
 * another M, so the other goroutines run on. entersyscall costs a few
 * atomic operations and exitsyscall one CAS when the P was not taken, so a
 * short call may use the bracket too. Between the two calls the native
 * must not allocate from the GC heap with the expectation of running csp
 * code, touch run queues, ready goroutines or call back into csp (a
 * foreign-call callback first calls sched_exitsyscall, then enters again).
 * exitsyscall returns holding a P (it may sleep until one is free) and
 * keeps errno as the call left it. Pairs
 * nest only through a callback (exit, run csp, enter). w NULL (no
 * goroutine: unit tests, the REPL thread): both do nothing. */
void sched_entersyscall(Worker *w);
void sched_exitsyscall(Worker *w);
/* Ps the monitor has retaken from Ms in calls so far (tests). */
int64_t sched_num_retake(void);

/* The earliest timer deadline changed (timer module): it became earlier,
 * or there is no timer left. Wakes the M sleeping until the old deadline so
 * it sleeps until the new one, or goes idle for good (the deadlock detector
 * counts a timer sleeper as pending work); with none, and a timer pending,
 * starts an M on an idle P to sleep until it. */
void sched_timers_changed(void);

/* Memory for runtime records: libgc (scanned), or calloc when built with
 * CSP_NO_GC. Never NULL. */
void *sched_alloc(size_t n);
/* Memory the collector does not scan, NOT zeroed (buffers of pointer-free
 * values). Both end the program with Go's out-of-memory error on failure. */
void *sched_alloc_noscan(size_t n);

/* ---- run queue internals, exposed for the unit tests ---------------------- */
typedef struct P P;
P *sched_test_newp(int id);
void sched_test_runqput(P *p, GSched *g, bool next);
GSched *sched_test_runqget(P *p);
GSched *sched_test_runqsteal(P *p, P *victim, bool steal_runnext);
int sched_test_runqsize(P *p);
int sched_test_globsize(void);
GSched *sched_test_globget(void);

#endif
