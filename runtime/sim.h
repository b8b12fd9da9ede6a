/*
 * sim.h — the deterministic simulation mode of the scheduler and the timer
 * heap: `-seed N`, `-fake-time` and `csp explore` (runtime/sim.c).
 *
 * WHAT IT IS
 *   With the simulation on, every goroutine runs on the one thread that
 *   started the program, and every choice the ordinary scheduler leaves
 *   to chance (which runnable goroutine runs next, where a running one is
 *   preempted, which ready case a select takes, the order of timers due at
 *   the same instant, map iteration order, hash seeds, the top-level
 *   math/rand seed) is drawn from one pseudo-random generator seeded with
 *   N. Same seed, program and input: the same run, byte for byte.
 *   Time is virtual: the clock stands still while anything can run and
 *   jumps to the next timer when every goroutine is blocked (Go's
 *   testing/synctest rule); the wall clock starts at 2009-11-10 23:00:00
 *   UTC, the Go Playground's epoch.
 *
 * HOW IT IS CHOSEN (costs nothing when off)
 *   sim_setup() before the program starts sets `sim_on`; the public
 *   functions of sched.c begin with `if (SIM_ON) return sim_...` — one
 *   predictable branch per scheduler call, none per instruction — and
 *   sched_nanotime returns the virtual clock. Fine-grained interleaving
 *   comes from OP_SCHEDPT instructions the compiler puts before the main
 *   package's shared-memory accesses only when asked (Program.sched_points),
 *   so the ordinary bytecode is unchanged.
 *
 * MODEL OF -procs P: P "processors" hold up to P runnable goroutines; the
 *   one that runs next is drawn among them after a short random number of
 *   preemption points (so goroutines that are "in parallel" interleave
 *   finely), and a goroutine leaves its processor when it blocks or its
 *   time slice (random length) ends, as the real scheduler preempts it.
 *   runtime.GOMAXPROCS and NumCPU report P.
 *
 * STRATEGIES: a seed chooses, by its first draws, one of three
 *   strategies: the random walk above; a wide random walk, which draws
 *   among every runnable goroutine as if there were a P for each (any such
 *   interleaving can happen in Go with any GOMAXPROCS, since goroutines are
 *   preempted asynchronously at any instruction; it finds deadlocks that
 *   need many goroutines stopped at once, like the dining philosophers',
 *   far sooner); or PCT (Burckhardt et al., ASPLOS 2010):
 *   distinct random priorities, the highest-priority runnable goroutine
 *   runs, and at d-1 random steps the running goroutine's priority drops
 *   below every other. PCT finds a bug of depth d with probability at least
 *   1/(n k^(d-1)). A goroutine that spins (Gosched, or a long run without
 *   blocking) is demoted too, so spin-waits do not livelock the strategy.
 *
 * STATE: all of it is owned by the simulating thread (the only one that
 *   runs csp code while sim_on); sim_on itself is written only while no
 *   scheduler thread exists.
 */
#ifndef CSP_SIM_H
#define CSP_SIM_H

#include <stdbool.h>
#include <stdint.h>

#include "sched.h"

/* Written by sim_setup/sim_teardown only while no M thread runs; read
 * anywhere. */
extern bool sim_on;
#define SIM_ON (__builtin_expect(sim_on, 0))

enum {
    SIM_STRATEGY_AUTO,   /* chosen by the seed: PCT half the time, each walk
                            a quarter */
    SIM_STRATEGY_RANDOM, /* random walk over P processors */
    SIM_STRATEGY_WIDE,   /* random walk over every runnable goroutine */
    SIM_STRATEGY_PCT,
};

/* Default number of simulated Ps: fixed (not the machine's CPU count), so
 * a seed replays the same run on any machine. */
#define SIM_DEFAULT_PROCS 2
/* Default PCT depth (priority-change points + 1). */
#define SIM_DEFAULT_DEPTH 3

typedef struct SimConfig {
    uint64_t seed;
    int procs;              /* simulated Ps (>= 1) */
    int depth;              /* PCT depth d >= 1 */
    int strategy;           /* SIM_STRATEGY_*; AUTO: chosen by the seed */
    int64_t timeout_ns;     /* wall time a run may take (0: none): then it
                               ends as SIM_TIMEOUT (a livelock) */
    int64_t max_steps;      /* preemption points a run may pass (0: no
                               limit): then it ends as SIM_TIMEOUT (the
                               fuzzer's instruction budget, fuzz/fuzz.h) */
    const char *replay;     /* the "csp -seed ..." command printed after a
                               failing run (NULL: none) */
    bool keep;              /* the REPL's session: a run starts with the
                               goroutines, timers and clock the previous run
                               of this setup left (the strategy too) */
} SimConfig;

/* How a simulated run ended. */
typedef enum SimEnd {
    SIM_OK,          /* main returned */
    SIM_EXIT,        /* os.Exit(code) */
    SIM_PANIC,       /* an unrecovered panic */
    SIM_FATAL,       /* a fatal error (stack overflow, concurrent map
                        writes, unlock of unlocked mutex ...) */
    SIM_DEADLOCK,    /* every goroutine blocked, no timer pending */
    SIM_TIMEOUT,     /* the run exceeded SimConfig.timeout_ns, or was
                        interrupted (sim_interrupt) */
} SimEnd;

typedef struct SimResult {
    SimEnd end;
    int code;            /* exit status */
    int64_t steps;       /* preemption points passed */
    int64_t switches;    /* scheduling decisions */
    int64_t vtime;       /* virtual nanoseconds elapsed */
    bool race;           /* sim_note_race was called (the race detector) */
    int64_t leaks;       /* goroutine leaks reported (sim_note_leaks) */
} SimResult;

/* Turns the simulation on for the next program (vm_run_main) and seeds
 * every generator of this thread from cfg->seed. */
void sim_setup(const SimConfig *cfg);
/* Turns it off (the ordinary scheduler runs the next program) and forgets
 * a kept session. */
void sim_teardown(void);
const SimConfig *sim_config(void);
/* How the last simulated run ended. */
const SimResult *sim_result(void);
/* One draw from the simulation's generator (the Worker's, see sim.c). */
uint64_t sim_rand(void);
/* The virtual monotonic clock (ns); sched_nanotime returns it. */
int64_t sim_nanotime(void);
/* The virtual wall clock: Unix seconds and nanoseconds. */
void sim_walltime(int64_t *sec, int64_t *nsec);

/* Runs the program whose main goroutine is `main` on this thread, with
 * the scheduler hooks, until it ends; returns a SCHED_EXIT_* code. */
int sim_start_main(GSched *main, const SchedHooks *hooks);
/* Ends the running simulated program from inside a goroutine (os.Exit, a
 * fatal error): unwinds to sim_start_main. */
_Noreturn void sim_exit(SimEnd end, int code);
/* Whether a simulated run is in progress on this thread (sim_exit may be
 * called). */
bool sim_in_run(void);
/* Prints `csp: replay with: ...` to stderr when a replay command is set
 * (the last line of a failing run). */
void sim_print_replay(void);
/* Ends the running simulated run as SIM_TIMEOUT at its next scheduling
 * decision (the REPL's Ctrl-C). Async-signal-safe. */
void sim_interrupt(void);
/* The race detector reports a race in the running simulated run (for
 * csp explore -race: the run fails as a race; explore also recognises
 * Go's "WARNING: DATA RACE" report on stderr). */
void sim_note_race(void);

/* The leak detector (leak.c: leak_sim_check) reports n leaked goroutines
 * of the running simulated run (csp explore fails the run). */
void sim_note_leaks(int64_t n);
/* runtime.GC() in a simulated run (leak.c): the loop calls leak_sim_check
 * once the running goroutine has yielded. */
void sim_leak_check_later(void);
/* For leak_sim_check: takes this run's list of goroutines apart, keeping
 * disguised pointers to them (so the list keeps none alive for the
 * collector); returns how many. sim_allgs_at(i) is the i-th (0 <= i < n,
 * in list order); sim_allgs_restore relinks the list as it was. */
size_t sim_allgs_hide(void);
GSched *sim_allgs_at(size_t i);
void sim_allgs_restore(void);

/* sched.c's API in simulation mode (see sched.h for each). */
int64_t sim_go(Worker *w, GSched *g);
GSched *sim_gfget(Worker *w);
void sim_ready(Worker *w, GSched *g, bool next);
void sim_park_nested(Worker *w, GSched *g);
int sim_gomaxprocs(int n);
int sim_nprocs(void);
int64_t sim_num_goroutine(void);
void sim_for_each_g(void (*fn)(GSched *g, void *arg), void *arg);
GSched *sim_current(Worker *w);

#endif
