/*
 * leak.c — goroutine leaks found by the garbage collector while the
 * program runs (issue 13 §3; Go 1.26's goroutineleak profile, reported at
 * once instead of in a profile).
 *
 * IDEA: a goroutine blocked on a channel can only be woken by someone who
 * can reach that channel. Every waker that can run again is reachable from
 * the collector's roots: running goroutines (their M's C stack and
 * registers), runnable ones (the Ps' run queues and the global queue, all
 * in scanned memory), sleepers (time.Sleep's strong timers in the timer
 * heap), sync waiters (the static semaphore table of stdlib/sync), Ms
 * sleeping in nested runs (sched's list), the REPL's foreground goroutine,
 * every package variable. A blocked goroutine's fiber holds its stack and
 * sudogs; those point to the channels it waits on, and each channel's
 * queues point back to the waiting goroutines. So if a blocked goroutine's
 * fiber is not reachable from the roots, nobody can ever wake it: it is
 * leaked.
 *
 * HOW libgc TELLS US:
 *   - The scheduler's list of all goroutines (sched.c allgs) is linked
 *     through disguised pointers (GC_HIDE_POINTER, GSched.hidlink), so it
 *     keeps nothing alive. So are the slots of the Ps' run-queue rings
 *     (a slot keeps its G long after the G left the ring); sched.c's
 *     push_runqs hands libgc the live part of each ring as extra roots
 *     (GC_set_push_other_roots, with the world stopped), plus the half ring
 *     past the tail while a steal copies a batch there.
 *   - Every fiber gets a finalizer when it is allocated (leak_watch,
 *     GC_register_finalizer_no_order: fibers, channels and sudogs form
 *     cycles, so the finalizer must not wait for an order). Fibers are
 *     recycled (the free lists are strong), so this is once per fiber
 *     ever allocated, not per `go` statement, and nothing on the channel
 *     fast paths. Java-style finalization (GC_set_java_finalization) makes
 *     libgc keep everything reachable from a finalizable object until its
 *     finalizer has run, so a leaked fiber's stack and frames are intact
 *     when we print them.
 *   - Finalizers run on demand only (GC_set_finalize_on_demand): libgc's
 *     notifier posts a semaphore, and a thread of our own (registered with
 *     libgc) runs them, never an allocating M that may hold a channel lock.
 *     runtime.GC() runs them itself after its collection (leak_collect), so
 *     the reports of that collection are printed before it returns.
 *   - The finalizer (found) looks at the goroutine. Blocked on a channel
 *     operation (chan send/receive, nil channel, select, select {}) and not
 *     pinned: leaked; it is reported once and moved to the leaked list (a
 *     strong list: its memory is kept, so the dump printers and the hidden
 *     allgs never see freed memory). Anything else (it may still be woken
 *     in a way we do not model, or we cannot tell): the finalizer is
 *     registered again and nothing is printed, so the fiber lives on as
 *     before. A fiber is therefore never freed, as before this module.
 *
 * STALE WORDS: libgc scans thread stacks and whole objects conservatively,
 *   so a word left behind by code that ran earlier keeps a leaked goroutine
 *   alive (a miss). The common ones are cleared by leak_scrub_stack: an M
 *   about to sleep (stopm), the finalizer runner after each batch, and
 *   runtime.GC() before it collects zero LEAK_SCRUB_BYTES of C stack below
 *   them (the next goroutine's interpreter frames, or the collector's, are
 *   built there, and their unwritten slots held the words of the goroutine
 *   that ran there before) and the vector registers, which hold copies of
 *   the Slots memcpy and the interpreter last moved: the dynamic linker's
 *   lazy binding saves them all on the stack when the first collection
 *   calls into libc (pthread_kill, to stop the world), and the kernel saves
 *   them in the signal frame of each thread libgc stops, both in memory the
 *   collector scans. runtime.GC() also zeroes its caller's fiber above the
 *   call (clear_dead: registers of returned calls).
 *   Measured on tests/leaks/send.csp (two goroutines leak; a libgc built to
 *   print what marks a given object found the saved vector registers):
 *   runtime.GC()'s own collection reported them in 0 of 100 runs at 1, 2
 *   and 4 Ps before the vector registers were cleared, 100 of 100 after;
 *   with -leaks=fail, counting the collection at exit, 2 and 4 Ps missed
 *   one in 10 of 200 runs, now 0 of 200.
 *   What is left is a stale word in a frame built before the scrub, or in
 *   the registers of an M interrupted while it runs: tests/run_leaks.sh
 *   retries a run that missed one, and fails at once on a false report.
 *
 * TIMER CHANNELS: time.After / NewTimer / NewTicker channels are fed by
 *   weak timers (timer.h: the heap holds a disappearing link and the
 *   channel points to the timer), so a goroutine waiting on
 *   `<-time.After(d)` is reachable only through itself, yet will wake. Such
 *   a goroutine is pinned while it waits (leak_pin from chan.c when one of
 *   the channels it parks on has a timer; unpinned by chan_*_resume or when
 *   the goroutine ends): the pinned list is a root, so the goroutine, its
 *   channels and their timers stay alive (this also keeps the timer's weak
 *   link from being cleared, which would otherwise lose its wake-up).
 *   Go does the same: a timer channel's timer is in the heap only while a
 *   goroutine is blocked on it.
 *
 * SYNC WAITS: a goroutine blocked on a sync.Mutex, RWMutex, WaitGroup or
 *   Cond waits in stdlib/sync's static table, keyed by the object's
 *   address, and its waker finds it there: a goroutine unreachable in
 *   memory may still be woken by anyone who can reach the *object*. So the
 *   table holds its waiters and addresses disguised (sync.c), and the
 *   waiter registers a short disappearing link to the object's block
 *   (GSched.synclink, leak_sync_wait): libgc clears such a link when the
 *   block is not reachable from the roots, before the finalizers' marking.
 *   A sync waiter is leaked when its fiber was not reached AND its link
 *   was cleared: nobody can reach the object, so nobody can wake it. With
 *   the link still set it is watched again, like any live fiber (it may
 *   be running by then: found() reads only what cannot change for a
 *   goroutine whose link was cleared). Objects outside libgc's heap (none
 *   today) are never cleared, so never reported. Cost: a link registered
 *   and removed per contended wait, and every sync waiter's finalizer runs
 *   at each collection.
 *
 * NOT DETECTED (misses, never false reports): a goroutine made to look
 *   reachable by a stale word on some thread's C stack or registers or a
 *   stale pointer in a free record (libgc is conservative);
 *   the REPL's seeded session (:seed: its goroutines outlive an input);
 *   builds without libgc (CSP_NO_GC); under TSan, a collection skipped
 *   because some thread stayed in a system call (gc.c, TSAN).
 *
 * THE SIMULATION (-seed, -fake-time, csp explore: sim.c) keeps its
 *   goroutines on a strong list, so the finalizers never see them while it
 *   runs. It is checked at two points instead, when main returns and after
 *   runtime.GC() (the caller yields first: leak_collect), both from the
 *   simulation's loop, with no interpreter frame on the C stack
 *   (leak_sim_check): the list is taken apart into disguised pointers
 *   (sim_allgs_hide), every goroutine's dead slots are cleared (all are
 *   stopped: one thread), one collection runs, and the finalizers run on
 *   this thread. found() sees GSched.leakcheck: a blocked goroutine of the
 *   run goes to simfound, any other of the run is watched again (the list
 *   is restored after the check). The reports are printed sorted by
 *   goroutine number, and counted in SimResult.leaks (explore fails the
 *   run). No finalizer thread runs while the simulation is on (notify does
 *   nothing; sim.c runs the earlier runs' finalizers before each run): its
 *   stack would make what is found depend on its timing. So a seed gives
 *   the same reports at the same points; the one exception seen is a
 *   100,000-goroutine heap, where an address layout (ASLR) can make a word
 *   look like a pointer and move a report from runtime.GC() to main's
 *   return. Costs nothing unless some goroutine is blocked at a check.
 *
 * WHEN: after any collection (the report comes from the finalizer thread,
 *   shortly after), and synchronously on runtime.GC(). -leaks=fail
 *   collects once more at a normal exit and turns status 0 into 3 when a
 *   leak was found.
 *   NOT DONE: the list of goroutines still blocked when main
 *   returns. Go prints nothing then, and many golden programs end with
 *   goroutines blocked (their goldens' stderr is Go's), so it could only be
 *   an opt-in mode (-leaks=all), which is left for later.
 *
 * COST: one finalizer record per fiber allocated (about 64 bytes, plus 40
 *   bytes of GSched fields): tests/bench/conc/parked.csp's bytes per parked
 *   goroutine went from 588 to 713; each collection walks libgc's
 *   finalizer table. spawn and pingpong are unchanged (noise); the channel
 *   paths gain one predictable branch (c->timer) when a goroutine parks and
 *   one (g->leakpin) when it resumes.
 *
 * REPORT (stderr, under panic_lock so it never interleaves with a dump):
 *     csp: goroutine 9 leaked [chan send]:
 *     main.producer(...)
 *             /path/prog.csp:7 +0x0
 *     created by main.main in goroutine 1
 *             /path/prog.csp:12 +0x0
 *     <blank line>
 */
#define GC_NO_THREAD_REDIRECTS 1 /* GC_pthread_create is called explicitly */
#include "leak.h"

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "sim.h"
#include "vm.h"

static struct {
    _Atomic int mode;               /* LEAK_* */
    _Atomic int64_t found;          /* goroutines reported */
    pthread_mutex_t runmu;          /* one runner of finalizers at a time */
    pthread_once_t once;            /* the finalizer thread */
    sem_t sem;                      /* notifier -> finalizer thread */
    Lock pinlock;                   /* pinned and leaked lists */
    GSched *pinned;                 /* strong: a root (static data) */
    GSched *leaked;                 /* strong: reported fibers, kept */
    GSched *simfound;               /* leak_sim_check: found, unreported */
} lk = {.runmu = PTHREAD_MUTEX_INITIALIZER, .once = PTHREAD_ONCE_INIT};

/* GSched.leakcheck during leak_sim_check: a goroutine of the checked run
 * (its finalizer must keep it, the list is back after the check), and
 * one of them that is blocked (reported if the collector did not reach it). */
enum { CHECK_NONE = 0, CHECK_RUN, CHECK_BLOCKED };

/* The fields below are read with relaxed atomics: found() runs on the
 * finalizer thread and may look at a goroutine that is alive (a sync
 * waiter whose object is reachable, one in a run queue slot nobody
 * pushed), which its owner then parks, ends and recycles (g_start). */
static bool chan_wait(const GSched *g) {
    switch (__atomic_load_n(&g->waitreason, __ATOMIC_RELAXED)) {
    case WAIT_CHAN_RECV:
    case WAIT_CHAN_SEND:
    case WAIT_CHAN_RECV_NIL:
    case WAIT_CHAN_SEND_NIL:
    case WAIT_SELECT:
    case WAIT_SELECT_NO_CASES:
        return true;
    default:
        return false;
    }
}

static bool sync_wait(const GSched *g) {
    switch (__atomic_load_n(&g->waitreason, __ATOMIC_RELAXED)) {
    case WAIT_WAITGROUP:
    case WAIT_MUTEX:
    case WAIT_RWMUTEX_R:
    case WAIT_RWMUTEX_W:
    case WAIT_COND:
        return true;
    default:
        return false;
    }
}

/* GSched.synclink when no link is registered: never a disguised pointer
 * (those of aligned blocks are odd), never the collector's 0. */
#define SYNC_UNWATCHED ((uintptr_t)2)

/* Parked on a channel or sync wait and not pinned: leaked if nobody can
 * wake it (leak_sim_check's candidates). */
static bool blocked(const GSched *g) {
    return atomic_load(&g->status) == G_WAITING &&
           !__atomic_load_n(&g->leakpin, __ATOMIC_RELAXED) &&
           (chan_wait(g) || sync_wait(g));
}

/* Blocked where nobody can wake it, as the last collection saw it (only
 * meaningful for a fiber the collector did not reach). */
static bool stuck(const GSched *g) {
    if (atomic_load(&g->status) != G_WAITING ||
        __atomic_load_n(&g->leakpin, __ATOMIC_RELAXED))
        return false;
    return chan_wait(g) ||
           (sync_wait(g) &&
            __atomic_load_n(&g->synclink, __ATOMIC_ACQUIRE) == 0);
}

#ifndef CSP_NO_GC

static void found(void *obj, void *cd);

static void watch(void *obj) {
    GC_register_finalizer_no_order(obj, found, NULL, NULL, NULL);
}

static void report(Fiber *f) {
    panic_lock();
    fflush(stdout);
    fprintf(stderr, "csp: goroutine %lld leaked [%s]:\n",
            (long long)f->sched.goid, sched_wait_reason(f->sched.waitreason));
    panic_print_frames(f);
    fputc('\n', stderr);
    fflush(stderr);
    panic_unlock();
}

/* The finalizer of a fiber nothing reaches (see the top of the file).
 * A blocked one nobody can wake is touched by nobody else; one that is
 * alive for the scheduler (see chan_wait) is only read, with relaxed
 * atomics, and watched again. */
static void found(void *obj, void *cd) {
    (void)cd;
    Fiber *f = obj;
    GSched *g = &f->sched;
    uint8_t check = __atomic_load_n(&g->leakcheck, __ATOMIC_RELAXED);
    if (check != CHECK_NONE) { /* leak_sim_check reports it */
        if (check == CHECK_BLOCKED && stuck(g)) {
            lock_acquire(&lk.pinlock);
            g->leaklink = lk.simfound;
            lk.simfound = g;
            lock_release(&lk.pinlock);
        } else {
            watch(obj);
        }
        return;
    }
    /* the simulation's records are its own (strong list); a torn-down
     * simulation's goroutines (the REPL's :seed off) just end */
    if (SIM_ON || __atomic_load_n(&g->insim, __ATOMIC_RELAXED))
        return;
    if (!stuck(g) || atomic_load(&lk.mode) == LEAK_OFF) {
        watch(obj); /* alive as before; looked at again next time */
        return;
    }
    lock_acquire(&lk.pinlock);
    g->leaklink = lk.leaked;
    lk.leaked = g;
    lock_release(&lk.pinlock);
    atomic_fetch_add(&lk.found, 1);
    report(f);
}

/* Runs the pending finalizers, then scrubs the stack they used: a fiber
 * they looked at and left alive must not stay behind in a dead frame that
 * the next call's frame reuses (see leak_scrub_stack). */
static void run_finalizers(void) {
    pthread_mutex_lock(&lk.runmu);
    GC_invoke_finalizers();
    pthread_mutex_unlock(&lk.runmu);
    leak_scrub_stack();
}

/* The finalizer thread's sleep: blocked for the collector (gc_blocking). */
static void *wait_batch(void *arg) {
    while (sem_wait(&lk.sem) != 0)
        ;
    return arg;
}

static void *finalizer_thread(void *arg) {
    for (;;) {
        gc_blocking(wait_batch, arg);
        run_finalizers();
    }
    return NULL;
}

static void start_thread(void) {
    pthread_t t;
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    if (gc_thread_create(&t, &a, finalizer_thread, NULL) != 0) {
        /* without the thread, reports come only from runtime.GC() */
    }
    pthread_attr_destroy(&a);
}

/* libgc: finalizers are waiting (called by an allocating thread, without
 * libgc's lock, maybe with csp locks held: only a semaphore post here). */
static void notify(void) {
    if (SIM_ON) /* one thread: leak_sim_finalize runs them */
        return;
    pthread_once(&lk.once, start_thread);
    sem_post(&lk.sem);
}

void leak_set_mode(int mode) { atomic_store(&lk.mode, mode); }
int leak_mode(void) { return atomic_load(&lk.mode); }

/* Before the first fiber: every fiber must be watched whatever the mode,
 * since allgs no longer keeps any alive (off only silences the reports). */
void leak_init(void) {
    sem_init(&lk.sem, 0, 0);
    GC_set_java_finalization(1);
    GC_set_finalize_on_demand(1);
    GC_set_finalizer_notifier(notify);
}

void leak_watch(Fiber *f) { watch(f); }

/* f (the running caller's own fiber) is about to ask for a collection:
 * zero what lies above its top frame (slots and frame records of calls
 * that returned). The collector scans a fiber's arrays whole, and such a
 * stale word (a channel a returned function made) would keep a leaked
 * goroutine alive. Only the caller's own fiber: the others may be running. */
static void clear_dead(Fiber *f, const Slot *args) {
    if (!f)
        return;
    int64_t lo = 0;
    if (f->nframes > 0) {
        const Frame *top = &f->frames[f->nframes - 1];
        lo = (int64_t)top->base + (top->proto ? top->proto->maxregs : 0);
    }
    /* A native called from csp code gets its arguments at the caller's
     * first free register (registers are a stack, compile_int.h): what lies
     * above a call without arguments or results is dead too (the frames of
     * calls that returned). Not when args is elsewhere (a deferred call). */
    if (args && args >= f->stack && args < f->stack + lo)
        lo = args - f->stack;
    if (lo < f->nslots)
        memset(f->stack + lo, 0, (size_t)(f->nslots - lo) * sizeof(Slot));
    if (f->nframes < f->cap_frames)
        memset(f->frames + f->nframes, 0,
               (size_t)(f->cap_frames - f->nframes) * sizeof(Frame));
}

static int by_goid(const void *a, const void *b) {
    int64_t x = (*(GSched *const *)a)->goid, y = (*(GSched *const *)b)->goid;
    return x < y ? -1 : x > y;
}

/* Reports what found() put on simfound, by goroutine number. */
static int64_t report_simfound(void) {
    lock_acquire(&lk.pinlock);
    GSched *list = lk.simfound;
    lk.simfound = NULL;
    lock_release(&lk.pinlock);
    size_t n = 0;
    for (GSched *g = list; g; g = g->leaklink)
        n++;
    if (n == 0)
        return 0;
    /* malloc'd, not scanned: the fibers stay alive through the
     * simulation's list, which is restored before anything allocates */
    GSched **v = malloc(n * sizeof *v);
    if (!v)
        abort();
    n = 0;
    for (GSched *g = list, *next; g; g = next) {
        next = g->leaklink;
        g->leaklink = NULL;
        v[n++] = g;
    }
    qsort(v, n, sizeof *v, by_goid);
    for (size_t i = 0; i < n; i++)
        report(fiber_of(v[i]));
    free(v);
    atomic_fetch_add(&lk.found, (int64_t)n);
    return (int64_t)n;
}

/* The simulation's check (leak.h). Every goroutine of the run is stopped
 * (one thread), so every fiber's dead slots can be cleared, not just the
 * caller's: the check misses less than the running program's. A leaked
 * fiber's finalizer is not registered again: it is reported once, and
 * stays on the simulation's list (memory kept) until the run is over. */
static void sim_check(Fiber *self, const Slot *args) {
    size_t n = sim_allgs_hide();
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = blocked(sim_allgs_at(i));
    if (any) {
        for (size_t i = 0; i < n; i++) {
            GSched *g = sim_allgs_at(i);
            Fiber *f = fiber_of(g);
            uint32_t st = atomic_load(&g->status);
            __atomic_store_n(&g->leakcheck,
                             blocked(g) ? CHECK_BLOCKED : CHECK_RUN,
                             __ATOMIC_RELAXED);
            if (f == self)
                clear_dead(self, args);
            else if (st != G_RUNNING && f->native_depth == 0)
                clear_dead(f, NULL);
        }
        leak_scrub_stack();
        gc_collect(self ? self->w : NULL, false);
        run_finalizers(); /* and waits for the thread's batch */
        sim_note_leaks(report_simfound());
        for (size_t i = 0; i < n; i++)
            __atomic_store_n(&sim_allgs_at(i)->leakcheck, CHECK_NONE,
                             __ATOMIC_RELAXED);
    }
    sim_allgs_restore();
}

void leak_sim_check(Fiber *self, const Slot *args) {
    if (atomic_load(&lk.mode) != LEAK_OFF)
        sim_check(self, args);
}

void leak_sim_finalize(void) {
    if (GC_should_invoke_finalizers())
        run_finalizers();
}

/* Unconditionally: the finalizer thread may be running a batch of this
 * collection's; taking runmu waits for it to finish. */
void leak_finalize_now(void) { run_finalizers(); }

bool leak_collect(Fiber *self, const Slot *args) {
    if (SIM_ON && sim_in_run() && !sim_config()->keep &&
        atomic_load(&lk.mode) != LEAK_OFF) {
        /* Not from here: the live C frames of the interpreter below hold
         * words that other goroutines' runs left, so what is found would
         * depend on them. The simulation's loop checks when the caller
         * has yielded, with nothing of the interpreter on the C stack. */
        sim_leak_check_later();
        return true;
    }
    clear_dead(self, args);
    /* the collector's frames go below, where the calls of the goroutines
     * this M ran before went (STALE WORDS) */
    leak_scrub_stack();
    gc_collect(self ? self->w : NULL, false);
    if (atomic_load(&lk.mode) != LEAK_OFF)
        run_finalizers();
    return false;
}

void leak_sync_wait(GSched *g, const void *addr) {
    void *base = GC_base((void *)addr);
    g->synclink = SYNC_UNWATCHED;
    if (!base)
        return;
    g->synclink = GC_HIDE_POINTER(base);
    if (GC_general_register_disappearing_link((void **)&g->synclink, base) !=
        GC_SUCCESS)
        g->synclink = SYNC_UNWATCHED; /* no memory: never reported */
}

void leak_sync_done(GSched *g) {
    if (g->synclink != SYNC_UNWATCHED)
        GC_unregister_disappearing_link((void **)&g->synclink);
    g->synclink = SYNC_UNWATCHED;
}

#else /* CSP_NO_GC: nothing is ever collected, so nothing is found */

void leak_sync_wait(GSched *g, const void *addr) { (void)g, (void)addr; }
void leak_sync_done(GSched *g) { (void)g; }

void leak_set_mode(int mode) { atomic_store(&lk.mode, mode); }
int leak_mode(void) { return atomic_load(&lk.mode); }
void leak_init(void) {}
void leak_watch(Fiber *f) { (void)f; }
bool leak_collect(Fiber *self, const Slot *args) {
    (void)self, (void)args;
    return false;
}
void leak_sim_check(Fiber *self, const Slot *args) { (void)self, (void)args; }
void leak_sim_finalize(void) {}
void leak_finalize_now(void) {}

#endif

void leak_pin(GSched *g) {
    if (g->leakpin)
        return;
    lock_acquire(&lk.pinlock);
    __atomic_store_n(&g->leakpin, true, __ATOMIC_RELAXED);
    g->leakprev = NULL;
    g->leaklink = lk.pinned;
    if (lk.pinned)
        lk.pinned->leakprev = g;
    lk.pinned = g;
    lock_release(&lk.pinlock);
}

void leak_unpin(GSched *g) {
    lock_acquire(&lk.pinlock);
    if (g->leakpin) {
        if (g->leakprev)
            g->leakprev->leaklink = g->leaklink;
        else
            lk.pinned = g->leaklink;
        if (g->leaklink)
            g->leaklink->leakprev = g->leakprev;
        g->leaklink = g->leakprev = NULL;
        __atomic_store_n(&g->leakpin, false, __ATOMIC_RELAXED);
    }
    lock_release(&lk.pinlock);
}

/* Zeroes the vector registers (all call-clobbered in the x86-64 ABI; on
 * other machines nothing is done): see STALE WORDS at the top. The one
 * that kept send.csp's goroutines in every run of runtime.GC() was saved
 * by _dl_runtime_resolve_xsavec 1.4 KB below gc_collect. */
#if defined(__x86_64__) && defined(__GNUC__)
static int vector_level; /* 0 SSE, 1 AVX, 2 AVX-512: set before main */

__attribute__((constructor)) static void vector_level_init(void) {
    __builtin_cpu_init(); /* needed in a constructor */
    vector_level = __builtin_cpu_supports("avx512f") ? 2
                   : __builtin_cpu_supports("avx")   ? 1
                                                     : 0;
}
#endif

static void scrub_vector_registers(void) {
#if defined(__x86_64__) && defined(__GNUC__)
    int level = vector_level;
    if (level == 0) {
        __asm__ volatile(
            "pxor %%xmm0, %%xmm0\n\tpxor %%xmm1, %%xmm1\n\t"
            "pxor %%xmm2, %%xmm2\n\tpxor %%xmm3, %%xmm3\n\t"
            "pxor %%xmm4, %%xmm4\n\tpxor %%xmm5, %%xmm5\n\t"
            "pxor %%xmm6, %%xmm6\n\tpxor %%xmm7, %%xmm7\n\t"
            "pxor %%xmm8, %%xmm8\n\tpxor %%xmm9, %%xmm9\n\t"
            "pxor %%xmm10, %%xmm10\n\tpxor %%xmm11, %%xmm11\n\t"
            "pxor %%xmm12, %%xmm12\n\tpxor %%xmm13, %%xmm13\n\t"
            "pxor %%xmm14, %%xmm14\n\tpxor %%xmm15, %%xmm15"
            ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6",
            "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",
            "xmm14", "xmm15");
        return;
    }
    /* vzeroall clears all of registers 0-15 (the upper halves too) */
    __asm__ volatile("vzeroall" ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
                     "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
                     "xmm12", "xmm13", "xmm14", "xmm15");
    if (level == 2) /* an EVEX write clears the whole register */
        __asm__ volatile(
            "vpxord %%xmm16, %%xmm16, %%xmm16\n\t"
            "vpxord %%xmm17, %%xmm17, %%xmm17\n\t"
            "vpxord %%xmm18, %%xmm18, %%xmm18\n\t"
            "vpxord %%xmm19, %%xmm19, %%xmm19\n\t"
            "vpxord %%xmm20, %%xmm20, %%xmm20\n\t"
            "vpxord %%xmm21, %%xmm21, %%xmm21\n\t"
            "vpxord %%xmm22, %%xmm22, %%xmm22\n\t"
            "vpxord %%xmm23, %%xmm23, %%xmm23\n\t"
            "vpxord %%xmm24, %%xmm24, %%xmm24\n\t"
            "vpxord %%xmm25, %%xmm25, %%xmm25\n\t"
            "vpxord %%xmm26, %%xmm26, %%xmm26\n\t"
            "vpxord %%xmm27, %%xmm27, %%xmm27\n\t"
            "vpxord %%xmm28, %%xmm28, %%xmm28\n\t"
            "vpxord %%xmm29, %%xmm29, %%xmm29\n\t"
            "vpxord %%xmm30, %%xmm30, %%xmm30\n\t"
            "vpxord %%xmm31, %%xmm31, %%xmm31"
            ::: "memory");
#endif
}

/* An M about to sleep, or about to collect: zero the stack below it and
 * the vector registers. The next goroutine this thread runs gets its
 * interpreter frames on that memory, and their slots that are not written
 * yet would otherwise still hold the words of the goroutine that ran there
 * before (a fiber's stack pointer, a channel): stale words that keep a
 * leaked goroutine alive for the collector (STALE WORDS). The idle path
 * already costs a futex sleep; this is a few hundred ns. */
__attribute__((noinline)) void leak_scrub_stack(void) {
    char buf[LEAK_SCRUB_BYTES];
    explicit_bzero(buf, sizeof buf);
    __asm__ volatile("" : : "r"(buf) : "memory");
    scrub_vector_registers();
}

int leak_fini(int code) {
    if (atomic_load(&lk.mode) < LEAK_FAIL || code != 0)
        return code;
    leak_collect(vm_running_fiber(), NULL);
    return atomic_load(&lk.found) > 0 ? 3 : code;
}
