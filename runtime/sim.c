/*
 * sim.c — the scheduler's simulation mode: every goroutine on one thread,
 * every choice from one seeded generator, virtual time (see sim.h for
 * what it is and how it is chosen).
 *
 * THE LOOP (run_until): fire the timers due at the virtual now; if nothing
 *   can run, jump the clock to the earliest timer (time advances only when
 *   every goroutine is blocked, as in testing/synctest; computation takes
 *   no virtual time), or report the deadlock when no timer is pending;
 *   otherwise pick a goroutine, give it a budget of preemption points
 *   (Worker.budget: calls, backward jumps, and the OP_SCHEDPT points before
 *   shared-memory accesses) and run it through the VM's run hook, then act
 *   on what it returned as sched.c's execute does (park commit, recycle,
 *   end of program).
 *
 * ONE GENERATOR: the simulating Worker's xorshift state (Worker.rng) is the
 *   generator: select's case order and map iteration order already draw
 *   from it, and so do the scheduling decisions here. The other generators
 *   of the thread (rt_rand64: map hash seeds, math/rand's top-level source)
 *   are seeded from its first draws when the run starts.
 *
 * STRATEGIES (sim.h): RANDOM keeps up to P goroutines "on a processor"
 *   (cpu[]) with a time slice each; it runs one of them, drawn at random,
 *   for a short random number of points, so the goroutines on processors
 *   interleave at fine grain; a goroutine leaves its processor when it
 *   blocks, yields, or spends its slice, and empty processors are refilled
 *   from the run queue at random. WIDE is RANDOM with SIM_WIDE_PROCS
 *   processors (at least P) switching at every point. PCT keeps a
 *   priority per goroutine (prio[], by goroutine number): the highest
 *   runnable runs until it blocks, reaches the next priority-change step
 *   (then its priority drops below all others) or spins for SIM_PCT_FAIR
 *   points (demoted the same way, so a spin-wait on a lower-priority
 *   goroutine cannot livelock). The change steps are drawn in [1, K], K
 *   log-uniform in 16..16384 (a seed must decide everything, so K cannot
 *   be learnt from earlier runs).
 *
 * NESTED PARKS: a goroutine that blocks while a native's C frame is below
 *   it (a String method called by fmt) cannot be switched out; its C frame
 *   stays on this thread's stack while sim_park_nested runs the loop
 *   recursively until it is readied. The nested loop never picks such a
 *   goroutine (sim_ready does not queue it; its own loop level resumes it).
 *
 * ENDING: whatever ends the run (main returning, a panic, a deadlock,
 *   os.Exit, a fatal error, the wall-clock timeout) records the result and
 *   longjmps back to sim_start_main, abandoning the C frames of any nested
 *   level. Natives hold no lock across a call into csp, so none is left
 *   held.
 *
 * ALTERNATIVES REJECTED: driving the ordinary scheduler with one P and a
 *   seeded steal order (its Ms, spinning and timer sleeper are threads:
 *   never deterministic); a fork per explored schedule (a process start
 *   costs more than the runs themselves).
 */
#include "sim.h"

#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gc.h"
#include "leak.h"
#include "timer.h"
#include "vm.h"

bool sim_on;

/* Set by sim_interrupt (a signal handler), cleared when a run starts. */
static volatile sig_atomic_t stop_requested;

void sim_interrupt(void) { stop_requested = 1; }

/* The slice a goroutine gets on a processor, in preemption points: drawn
 * in [1, 2*SIM_SLICE]. Short enough that a goroutine which never blocks
 * is preempted many times in a small program; long enough that runs are
 * mostly made of real work, not switches. */
#define SIM_SLICE 64
/* Points a goroutine runs before a random walk draws again: in [1, F],
 * F = 1 << k for k in [0, SIM_FINE_SHIFTS), drawn per run (switching at
 * every point finds some bugs fastest, longer runs find others). */
#define SIM_FINE_SHIFTS 3
/* Processors of the wide random walk (sim.h): enough that every goroutine
 * of a small program is on one, and it switches at every point. */
#define SIM_WIDE_PROCS 16
/* PCT: a goroutine that runs this many points without blocking is demoted
 * (fairness for spin-waits). */
#define SIM_PCT_FAIR 2000
/* PCT: the step range the change points are drawn from is 16 << k for k
 * in [0, SIM_PCT_SPAN): programs of every length get change points that
 * fall inside them. */
#define SIM_PCT_SPAN 11
/* Most PCT change points (depth - 1). */
#define SIM_MAX_DEPTH 64
/* Decisions between two looks at the wall clock (the timeout). */
#define SIM_CLOCK_EVERY 1024
/* Virtual wall clock at start: 2009-11-10 23:00:00 UTC (Unix seconds). */
#define SIM_EPOCH_UNIX 1257894000LL

static struct {
    SimConfig cfg;
    SimResult res;
    SchedHooks hooks;
    Worker w;                /* the only worker; w.rng is THE generator */
    int strategy;            /* SIM_STRATEGY_RANDOM or _PCT for this run */
    int64_t fine;            /* walks: this run's F (SIM_FINE_SHIFTS) */
    GSched **rq;             /* runnable, not on a processor */
    int nrq, caprq;
    GSched **cpu;            /* RANDOM: goroutines on processors (or NULL) */
    int64_t *slice;          /* points left of cpu[i]'s time slice */
    int nprocs;
    GSched *allgs;           /* every goroutine of this run (alllink) */
    GSched *gfree;           /* dead records to reuse (schedlink) */
    int64_t goidgen, ngoroutines;
    GSched *cur;             /* running goroutine */
    GSched *maing;
    uint64_t *prio;          /* PCT: priority by goroutine number */
    int64_t capprio;
    int64_t change[SIM_MAX_DEPTH];
    int nchange, nextchange;
    uint64_t lowprio;        /* next demoted priority (decreasing) */
    int64_t now;             /* virtual monotonic clock, ns */
    int64_t wall_deadline;   /* CLOCK_MONOTONIC ns, 0: none */
    jmp_buf *jmp;            /* sim_start_main's, while a run is on */
    bool kept;               /* SimConfig.keep: a run's state is kept */
    bool leakreq;            /* runtime.GC() asked for a leak check */
} sim;

static _Noreturn void sim_throw(const char *msg) {
    fprintf(stderr, "fatal error: sim: %s\n", msg);
    abort();
}

uint64_t sim_rand(void) { return worker_rand(&sim.w); }

/* A draw in [0, n) (n > 0). */
static int64_t draw(int64_t n) { return (int64_t)(sim_rand() % (uint64_t)n); }

static int64_t real_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- configuration ---------------------------------------------------------- */

void sim_setup(const SimConfig *cfg) {
    sim.cfg = *cfg;
    if (sim.cfg.procs < 1)
        sim.cfg.procs = SIM_DEFAULT_PROCS;
    if (sim.cfg.depth < 1)
        sim.cfg.depth = SIM_DEFAULT_DEPTH;
    if (sim.cfg.depth > SIM_MAX_DEPTH)
        sim.cfg.depth = SIM_MAX_DEPTH;
    sim_on = true;
}

void sim_teardown(void) {
    sim_on = false;
    sim.kept = false;
}

const SimConfig *sim_config(void) { return &sim.cfg; }

const SimResult *sim_result(void) { return &sim.res; }

int64_t sim_nanotime(void) { return sim.now; }

void sim_walltime(int64_t *sec, int64_t *nsec) {
    /* now starts at 1 (monotonic readings are >= 1, as time.c's are); the
     * wall clock shows the epoch itself then, as the Playground does */
    int64_t t = sim.now - 1;
    *sec = SIM_EPOCH_UNIX + t / 1000000000;
    *nsec = t % 1000000000;
}

void sim_print_replay(void) {
    if (sim_on && sim.cfg.replay)
        fprintf(stderr, "csp: replay with: %s\n", sim.cfg.replay);
}

void sim_note_race(void) { sim.res.race = true; }

/* splitmix64: spreads a seed (small consecutive numbers) over 64 bits. */
static uint64_t mix64(uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* ---- the run queue ------------------------------------------------------------ */

static void rq_put(GSched *g) {
    if (sim.nrq == sim.caprq) {
        int cap = sim.caprq ? 2 * sim.caprq : 64;
        GSched **q = sched_alloc((size_t)cap * sizeof *q);
        if (sim.nrq)
            memcpy(q, sim.rq, (size_t)sim.nrq * sizeof *q);
        sim.rq = q;
        sim.caprq = cap;
    }
    sim.rq[sim.nrq++] = g;
}

static GSched *rq_take(int i) {
    GSched *g = sim.rq[i];
    sim.rq[i] = sim.rq[--sim.nrq];
    sim.rq[sim.nrq] = NULL;
    return g;
}

static uint64_t *prio_of(GSched *g) {
    if (g->goid >= sim.capprio) {
        int64_t cap = sim.capprio ? 2 * sim.capprio : 256;
        while (cap <= g->goid)
            cap *= 2;
        uint64_t *p = sched_alloc((size_t)cap * sizeof *p);
        if (sim.capprio)
            memcpy(p, sim.prio, (size_t)sim.capprio * sizeof *p);
        sim.prio = p;
        sim.capprio = cap;
    }
    return &sim.prio[g->goid];
}

/* PCT: initial priorities lie above every demoted one. */
static void prio_init(GSched *g) {
    *prio_of(g) = (1ull << 62) + (sim_rand() >> 3);
}

static void prio_demote(GSched *g) { *prio_of(g) = sim.lowprio--; }

/* ---- goroutines ------------------------------------------------------------- */

static uint32_t gstatus(GSched *g) {
    return atomic_load_explicit(&g->status, memory_order_relaxed);
}

static void set_gstatus(GSched *g, uint32_t s) {
    atomic_store_explicit(&g->status, s, memory_order_relaxed);
}

static void g_start(GSched *g) {
    g->goid = ++sim.goidgen;
    /* relaxed atomics: leak.c's found() may read them (sched.h) */
    __atomic_store_n(&g->insim, true, __ATOMIC_RELAXED);
    g->goexited = false;
    __atomic_store_n(&g->waitreason, WAIT_NONE, __ATOMIC_RELAXED);
    g->unlockf = NULL;
    g->waiting = NULL;
    g->param = NULL;
    g->nested = false;
    atomic_store_explicit(&g->selectdone, 0, memory_order_relaxed);
    if (!g->in_allgs) {
        g->in_allgs = true;
        /* map.c's windows: as sched.c's g_start */
        atomic_store_explicit(&g->syncgen, (uint64_t)g->goid << 32,
                              memory_order_relaxed);
        g->alllink = sim.allgs;
        sim.allgs = g;
    }
    sim.ngoroutines++;
    set_gstatus(g, G_RUNNABLE);
    if (sim.strategy == SIM_STRATEGY_PCT)
        prio_init(g);
}

int64_t sim_go(Worker *w, GSched *g) {
    g_start(g);
    rq_put(g);
    return g->goid;
}

GSched *sim_gfget(Worker *w) {
    GSched *g = sim.gfree;
    if (g) {
        sim.gfree = g->schedlink;
        g->schedlink = NULL;
    }
    return g;
}

void sim_ready(Worker *w, GSched *g, bool next) {
    if (gstatus(g) != G_WAITING)
        sim_throw("ready: goroutine is not waiting");
    set_gstatus(g, G_RUNNABLE);
    if (!g->nested) /* else its own loop level resumes it */
        rq_put(g);
}

int sim_gomaxprocs(int n) {
    int old = sim.cfg.procs;
    if (n <= 0 || n == old)
        return old;
    if (n > SCHED_MAX_PROCS)
        n = SCHED_MAX_PROCS;
    sim.cfg.procs = n;
    int want = sim.strategy == SIM_STRATEGY_WIDE && n < SIM_WIDE_PROCS
                   ? SIM_WIDE_PROCS : n;
    if (sim.strategy != SIM_STRATEGY_PCT && want != sim.nprocs) {
        for (int i = 0; i < sim.nprocs; i++) /* off every processor */
            if (sim.cpu[i])
                rq_put(sim.cpu[i]);
        sim.cpu = sched_alloc((size_t)want * sizeof *sim.cpu);
        sim.slice = sched_alloc((size_t)want * sizeof *sim.slice);
        sim.nprocs = want;
    }
    return old;
}

int sim_nprocs(void) { return sim.cfg.procs; }

int64_t sim_num_goroutine(void) { return sim.ngoroutines; }

void sim_for_each_g(void (*fn)(GSched *g, void *arg), void *arg) {
    for (GSched *g = sim.allgs; g; g = g->alllink) {
        uint32_t s = gstatus(g);
        if (s != G_DEAD && s != G_IDLE)
            fn(g, arg);
    }
}

GSched *sim_current(Worker *w) { return sim.cur; }

/* ---- the leak detector's look (leak.c) -------------------------------------- */

/* allgs is strong (this run's records must outlive it), so while the
 * collector looks for leaked goroutines the list is taken apart and kept
 * here as disguised pointers, in malloc'd memory the collector does not
 * scan; the order is kept, so restoring relinks it as it was. */
static struct {
    uintptr_t *v;
    size_t n, cap;
} hidden;

size_t sim_allgs_hide(void) {
    hidden.n = 0;
    for (GSched *g = sim.allgs, *next; g; g = next) {
        next = g->alllink;
        g->alllink = NULL;
        if (hidden.n == hidden.cap) {
            size_t cap = hidden.cap ? 2 * hidden.cap : 64;
            uintptr_t *v = realloc(hidden.v, cap * sizeof *v);
            if (!v)
                sim_throw("out of memory");
            hidden.v = v;
            hidden.cap = cap;
        }
        hidden.v[hidden.n++] = GC_HIDE_POINTER(g);
    }
    sim.allgs = NULL;
    return hidden.n;
}

GSched *sim_allgs_at(size_t i) {
    return (GSched *)GC_REVEAL_POINTER(hidden.v[i]);
}

void sim_allgs_restore(void) {
    GSched *next = NULL;
    for (size_t i = hidden.n; i-- > 0;) {
        GSched *g = sim_allgs_at(i);
        g->alllink = next;
        next = g;
    }
    sim.allgs = next;
    hidden.n = 0;
}

void sim_note_leaks(int64_t n) { sim.res.leaks += n; }

void sim_leak_check_later(void) { sim.leakreq = true; }

/* ---- ending ----------------------------------------------------------------- */

static _Noreturn void finish(SimEnd end, int code) {
    if (sim.cur) /* abandoned mid-run (os.Exit, a fatal error, a timeout) */
        set_gstatus(sim.cur, G_DEAD);
    sim.res.end = end;
    sim.res.code = code;
    sim.res.vtime = sim.now - 1;
    if (!sim.jmp)
        sim_throw("no run to end");
    longjmp(*sim.jmp, 1);
}

_Noreturn void sim_exit(SimEnd end, int code) { finish(end, code); }

bool sim_in_run(void) { return sim_on && sim.jmp != NULL; }

/* ---- picking ---------------------------------------------------------------- */

/* RANDOM: fills empty processors from the run queue, then draws one
 * occupied processor; returns its goroutine (taken off it) and sets the
 * budget. NULL when nothing can run. */
static GSched *pick_random(int *slot, int64_t *budget) {
    int busy = 0;
    for (int i = 0; i < sim.nprocs; i++) {
        if (!sim.cpu[i] && sim.nrq) {
            sim.cpu[i] = rq_take((int)draw(sim.nrq));
            sim.slice[i] = 1 + draw(2 * SIM_SLICE);
        }
        busy += sim.cpu[i] != NULL;
    }
    if (!busy)
        return NULL;
    int k = (int)draw(busy), i = 0;
    for (;; i++)
        if (sim.cpu[i] && k-- == 0)
            break;
    GSched *g = sim.cpu[i];
    sim.cpu[i] = NULL;
    *slot = i;
    int64_t b = sim.slice[i];
    if (busy > 1) {
        int64_t fine = 1 + draw(sim.fine);
        if (fine < b)
            b = fine;
    }
    *budget = b;
    return g;
}

/* PCT: the highest-priority runnable goroutine, with the points left until
 * the next change step (or the fairness bound) as its budget. */
static GSched *pick_pct(int64_t *budget) {
    if (!sim.nrq)
        return NULL;
    int best = 0;
    uint64_t bp = *prio_of(sim.rq[0]);
    for (int i = 1; i < sim.nrq; i++) {
        uint64_t p = *prio_of(sim.rq[i]);
        if (p > bp) {
            bp = p;
            best = i;
        }
    }
    int64_t b = SIM_PCT_FAIR;
    if (sim.nextchange < sim.nchange) {
        int64_t left = sim.change[sim.nextchange] - sim.res.steps;
        if (left < 1)
            left = 1;
        if (left < b)
            b = left;
    }
    *budget = b;
    return rq_take(best);
}

/* ---- running ---------------------------------------------------------------- */

/* g returned VM_DONE. */
static void gdone(GSched *g) {
    set_gstatus(g, G_DEAD);
    sched_note_sync(g); /* closes its map windows (map.c) */
    sim.ngoroutines--;
    if (g == sim.maing) {
        if (!g->goexited)
            finish(SIM_OK, 0);
        return;
    }
    if (sim.hooks.gdead)
        sim.hooks.gdead(&sim.w, g);
    g->schedlink = sim.gfree;
    sim.gfree = g;
}

/* g returned VM_PARK: true if it is blocked now (false: the commit was
 * cancelled and g runs on). */
static bool park_commit(GSched *g) {
    ParkCommit f = g->unlockf;
    void *arg = g->unlockarg;
    g->unlockf = NULL;
    g->unlockarg = NULL;
    set_gstatus(g, G_WAITING);
    if (f && !f(g, arg)) {
        set_gstatus(g, G_RUNNABLE);
        return false;
    }
    return true;
}

/* After g ran `used` points and is still runnable: where it goes. */
static void requeue(GSched *g, int slot, bool off_cpu) {
    if (sim.strategy == SIM_STRATEGY_PCT || off_cpu || slot < 0 ||
        sim.cpu[slot]) {
        rq_put(g);
        return;
    }
    sim.cpu[slot] = g;
}

/* Runs g once with the budget; acts on the outcome. */
static void step(GSched *g, int slot, int64_t budget) {
    sim.res.switches++;
    GSched *saved = sim.cur;
    sim.cur = g;
    set_gstatus(g, G_RUNNING);
    sim.w.budget = budget;
    int r = sim.hooks.run(&sim.w, g);
    sim.cur = saved;
    int64_t left = sim.w.budget;
    int64_t used = left < 0 ? budget : budget - left;
    if (used < 1)
        used = 1;
    sim.res.steps += used;
    if (sim.cfg.max_steps && sim.res.steps > sim.cfg.max_steps)
        finish(SIM_TIMEOUT, 2);
    bool pct = sim.strategy == SIM_STRATEGY_PCT;
    if (pct && sim.nextchange < sim.nchange &&
        sim.res.steps >= sim.change[sim.nextchange]) {
        sim.nextchange++;
        prio_demote(g);
    }
    if (slot >= 0)
        sim.slice[slot] -= used;
    switch (r) {
    case VM_YIELD: {
        /* budget left: a voluntary yield (Gosched) */
        bool voluntary = left >= 0;
        if (pct && (voluntary || used >= SIM_PCT_FAIR))
            prio_demote(g);
        set_gstatus(g, G_RUNNABLE);
        requeue(g, slot, voluntary || (slot >= 0 && sim.slice[slot] <= 0));
        return;
    }
    case VM_PARK:
        if (!park_commit(g))
            requeue(g, slot, false);
        return;
    case VM_PANIC:
        set_gstatus(g, G_DEAD);
        finish(SIM_PANIC, 2);
    default:
        gdone(g);
        return;
    }
}

static void check_wall_clock(void) {
    if (stop_requested)
        finish(SIM_TIMEOUT, 2);
    if (sim.wall_deadline && sim.res.switches % SIM_CLOCK_EVERY == 0 &&
        real_ns() > sim.wall_deadline)
        finish(SIM_TIMEOUT, 2);
}

/* The loop: runs goroutines until the program ends (waitg == NULL: never
 * returns, finish longjmps) or waitg, parked in a nested run, is readied. */
static void run_until(GSched *waitg) {
    for (;;) {
        if (waitg && gstatus(waitg) == G_RUNNABLE)
            return;
        check_wall_clock();
        if (sim.hooks.timers_run)
            sim.hooks.timers_run(&sim.w);
        if (waitg && gstatus(waitg) == G_RUNNABLE)
            return;
        int slot = -1;
        int64_t budget = 0;
        GSched *g = sim.strategy == SIM_STRATEGY_PCT
                        ? pick_pct(&budget)
                        : pick_random(&slot, &budget);
        if (g) {
            step(g, slot, budget);
            if (sim.leakreq) { /* runtime.GC(): g has yielded */
                sim.leakreq = false;
                leak_sim_check(NULL, NULL);
            }
            continue;
        }
        /* Every goroutine is blocked: time moves to the next timer. */
        int64_t next = sim.hooks.timers_next ? sim.hooks.timers_next() : -1;
        if (next >= 0) {
            if (next > sim.now)
                sim.now = next;
            sim.res.switches++; /* counts towards the clock check */
            continue;
        }
        if (sim.hooks.deadlock)
            sim.hooks.deadlock();
        finish(SIM_DEADLOCK, 2);
    }
}

void sim_park_nested(Worker *w, GSched *g) {
    g->nested = true;
    if (park_commit(g))
        run_until(g);
    g->nested = false;
    set_gstatus(g, G_RUNNING);
}

/* ---- a run ------------------------------------------------------------------ */

/* The strategy and the PCT change points, from the generator. */
static void choose_strategy(void) {
    int s = sim.cfg.strategy;
    if (s == SIM_STRATEGY_AUTO) { /* half PCT, a quarter each walk */
        int64_t d = draw(4);
        s = d < 2 ? SIM_STRATEGY_PCT : d == 2 ? SIM_STRATEGY_RANDOM
                                              : SIM_STRATEGY_WIDE;
    }
    sim.strategy = s;
    sim.fine = (int64_t)1 << draw(SIM_FINE_SHIFTS);
    sim.nprocs = sim.cfg.procs;
    if (s == SIM_STRATEGY_WIDE) { /* a processor for (almost) everyone */
        sim.nprocs = sim.cfg.procs > SIM_WIDE_PROCS ? sim.cfg.procs
                                                     : SIM_WIDE_PROCS;
        sim.fine = 1;
    }
    sim.cpu = sched_alloc((size_t)sim.nprocs * sizeof *sim.cpu);
    sim.slice = sched_alloc((size_t)sim.nprocs * sizeof *sim.slice);
    sim.nchange = sim.nextchange = 0;
    sim.lowprio = 1ull << 61;
    if (s != SIM_STRATEGY_PCT)
        return;
    int64_t k = (int64_t)16 << draw(SIM_PCT_SPAN);
    sim.nchange = sim.cfg.depth - 1;
    for (int i = 0; i < sim.nchange; i++) {
        int64_t c = 1 + draw(k), j = i;
        for (; j > 0 && sim.change[j - 1] > c; j--) /* keep them sorted */
            sim.change[j] = sim.change[j - 1];
        sim.change[j] = c;
    }
}

static void reset_state(void) {
    sim.rq = NULL;
    sim.nrq = sim.caprq = 0;
    sim.allgs = sim.gfree = NULL;
    sim.goidgen = sim.ngoroutines = 0;
    sim.cur = sim.maing = NULL;
    sim.prio = NULL;
    sim.capprio = 0;
    sim.now = 1;
    memset(&sim.res, 0, sizeof sim.res);
}

int sim_start_main(GSched *main, const SchedHooks *hooks) {
    sim.hooks = *hooks;
    int procs = sim.cfg.procs; /* GOMAXPROCS calls of a run end with it */
    bool fresh = !(sim.cfg.keep && sim.kept);
    leak_sim_finalize(); /* the last runs' records (leak.c) */
    sim.leakreq = false;
    if (fresh) {
        reset_state();
        timer_reset(); /* a previous run's timers */
    } else {
        memset(&sim.res, 0, sizeof sim.res);
    }
    worker_init(&sim.w, mix64(sim.cfg.seed) | 1);
    if (sim.hooks.mstart)
        sim.hooks.mstart(&sim.w);
    sim.w.p = &sim; /* a P, as far as anyone checks */
    rt_rand_seed(sim_rand());
    if (fresh)
        choose_strategy();
    sim.wall_deadline = sim.cfg.timeout_ns > 0
                            ? real_ns() + sim.cfg.timeout_ns : 0;
    stop_requested = 0;
    sim.maing = main;
    main->in_allgs = false;
    g_start(main);
    rq_put(main);
    jmp_buf jb;
    sim.jmp = &jb;
    if (setjmp(jb) == 0)
        run_until(NULL);
    sim.jmp = NULL;
    sim.cur = NULL;
    if (sim.res.end == SIM_OK && !sim.cfg.keep) /* main returned */
        leak_sim_check(NULL, NULL);
    sim.kept = sim.cfg.keep;
    if (!sim.cfg.keep)
        sim.cfg.procs = procs;
    switch (sim.res.end) {
    case SIM_OK: return SCHED_EXIT_OK;
    case SIM_DEADLOCK: return SCHED_EXIT_DEADLOCK;
    default: return SCHED_EXIT_PANIC;
    }
}
