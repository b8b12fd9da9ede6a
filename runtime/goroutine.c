/*
 * goroutine.c — running a program as goroutines: the glue between the VM
 * (vm.c, fiber.c) and the scheduler (sched.c). It owns program start
 * (vm_run_main), the scheduler hooks (run a fiber, recycle a dead one,
 * report a deadlock, seed a new thread), goroutine dumps (deadlock,
 * SIGQUIT), the GODEBUG=schedtrace thread, and how the process ends.
 *
 * THE MAIN GOROUTINE runs the package initialisers and then main.main:
 * its fiber starts with the first entry Proto and the run hook pushes the
 * next one each time the previous returns (Fiber.entry), so initialisers
 * may use goroutines and channels like any code.
 *
 * ENDING THE PROGRAM. Go's program ends when main.main returns, whatever
 * the other goroutines do; an unrecovered panic in any goroutine ends it
 * with status 2 after printing the panic; so does a deadlock. From the
 * command line (vm_run_main_exit) the thread that sees the end exits the
 * process at once (vm_exit), as Go does, without waiting for the other
 * threads to reach a scheduling point. Embedded (vm_run_main: unit tests)
 * the scheduler is asked to stop instead and every thread is joined, so
 * the process can run another program afterwards.
 *
 * PANIC OUTPUT of different threads never interleaves: whoever prints a
 * fatal message holds panic_lock (panic.c) until the process exits.
 *
 * SIGNALS: SIGQUIT is blocked in every thread (the Ms inherit the mask of
 * the thread that starts the scheduler) and taken by one dedicated thread
 * through a signalfd (see on_sigquit for the one way around the mask), so
 * no csp code or lock ever runs in a signal handler. It prints `SIGQUIT: quit` and every goroutine (those
 * running on another thread as "stack unavailable", as Go does for
 * goroutines it cannot stop) and exits 2.
 *
 * SESSIONS (the REPL, vm.h): the scheduler runs on Ms of its own for the
 * whole session and the REPL thread starts each input as the foreground
 * goroutine, then waits on a pipe. Whoever ends that wait (the goroutine
 * returning or panicking, the deadlock hook, the REPL giving up on a
 * blocked one) takes run.fg first, so exactly one reports. A panic or a
 * fatal error ends only its goroutine. Ctrl-C and :reset never stop a
 * goroutine from outside: they mark it (fg_intr, Fiber.kill_goid) and it
 * unwinds as runtime.Goexit does when it is next scheduled.
 *
 * STATE: `run` below is written by vm_run_main before the scheduler starts
 * any thread and is read-only while the program runs (thread creation
 * publishes it).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "chan.h"
#include "leak.h"
#include "race.h"
#include "sim.h"
#include "timer.h"
#include "vm.h"

static struct {
    bool exit_process;       /* vm_run_main_exit: end the process directly */
    bool session;            /* vm_session_start (see SESSIONS below) */
    pthread_t main_thread;   /* the thread that called vm_run_main (M0) */
    Fiber *main;             /* goroutine 1 */
    int64_t start;           /* sched_nanotime() at start (schedtrace) */
    int wakefd;              /* session: written when the foreground ends */
    void (*exit_hook)(void);
    /* Session foreground goroutine. fg: set by the REPL thread, taken
     * (exchanged to NULL) by whoever ends the wait for it: its runner at
     * its end, the deadlock hook, or the REPL abandoning it. Taking it
     * before the fiber can be recycled is what makes `f == fg` mean "f is
     * the live foreground goroutine". fg_goid: the REPL thread only. */
    _Atomic(Fiber *) fg;
    _Atomic int fg_state;    /* VM_FG_* */
    _Atomic bool fg_intr;    /* Ctrl-C asked to interrupt fg */
    int64_t fg_goid;
    GSched *fg_g;            /* the REPL thread only: fg's record, compared,
                                never followed (it may be recycled) */
} run;

void vm_set_exit_hook(void (*fn)(void)) { run.exit_hook = fn; }

_Noreturn void vm_exit(int code) {
    if (RACE_ON())
        code = race_fini(code);
    code = leak_fini(code);
    fflush(stdout);
    fflush(stderr);
    if (SIM_ON) {
        if (!run.exit_process && sim_in_run()) /* explore: the run ends */
            sim_exit(SIM_EXIT, code);
        if (code != 0)
            sim_print_replay();
    }
    if (run.exit_hook)
        run.exit_hook();
    _exit(code);
}

int64_t vm_current_goid(Worker *w) {
    GSched *g = sched_current(w);
    return g ? g->goid : 0;
}

/* ---- goroutine dumps ------------------------------------------------------------- */

typedef struct GList {
    Fiber **v;
    int n, cap;
} GList;

static void collect(GSched *g, void *arg) {
    GList *l = arg;
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 64;
        Fiber **v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v)
            return;          /* dump what fits */
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = fiber_of(g);
}

static int by_goid(const void *a, const void *b) {
    int64_t x = (*(Fiber *const *)a)->sched.goid;
    int64_t y = (*(Fiber *const *)b)->sched.goid;
    return x < y ? -1 : x > y;
}

/* Every goroutine that is not dead, main first (by goroutine number).
 * The world is stopped first, as Go does for a dump: then no goroutine
 * runs and their frames hold still while they are read. A P that does not
 * stop within DUMP_STOP_NS (its M stuck in a native) keeps running its
 * goroutine, which is shown RUNNING without a stack, as Go shows one it
 * cannot stop. Called without a P (the SIGQUIT thread, the REPL, an idle
 * M reporting a deadlock). */
enum { DUMP_STOP_NS = 1000 * 1000 * 1000 };

static int dump_others(const Fiber *except);

static int dump_goroutines(void) { return dump_others(NULL); }

/* The dump without goroutine [except]; with one, the list has a header
 * and is left out when empty (-leaks=all at main's return). */
static int dump_others(const Fiber *except) {
    sched_stop_world(DUMP_STOP_NS);
    GList l = {0};
    sched_for_each_g(collect, &l);
    int n = 0;
    for (int i = 0; i < l.n; i++)
        if (l.v[i] != except)
            l.v[n++] = l.v[i];
    l.n = n;
    if (l.n > 1)
        qsort(l.v, (size_t)l.n, sizeof *l.v, by_goid);
    if (except && l.n > 0)
        fprintf(stderr, "csp: %d goroutine(s) still blocked when main "
                        "returned:\n", l.n);
    for (int i = 0; i < l.n; i++) {
        Fiber *f = l.v[i];
        uint32_t st = atomic_load(&f->sched.status);
        const char *what = st == G_RUNNING ? "running"
                           : st == G_RUNNABLE ? "runnable"
                           : st == G_SYSCALL ? "syscall"
                           : sched_wait_reason(f->sched.waitreason);
        fputc('\n', stderr);
        if (st == G_SYSCALL) /* stopped inside a foreign call */
            panic_print_goroutine_call(f, what);
        else
            panic_dump_goroutine(f, f->sched.goid, what, st != G_RUNNING);
    }
    free(l.v);
    sched_start_world();
    return l.n;
}

void vm_write_goroutines(FILE *out, Fiber *self) {
    bool stopped = sched_stop_world_from(self->w);
    GList l = {0};
    if (stopped)
        sched_for_each_g(collect, &l);
    if (l.n > 1)
        qsort(l.v, (size_t)l.n, sizeof *l.v, by_goid);
    for (int i = 0; i < l.n; i++) {
        Fiber *f = l.v[i];
        if (f == self)
            continue;
        uint32_t st = atomic_load(&f->sched.status);
        const char *what = st == G_RUNNING ? "running"
                           : st == G_RUNNABLE ? "runnable"
                           : st == G_SYSCALL ? "syscall"
                           : sched_wait_reason(f->sched.waitreason);
        fputc('\n', out);
        panic_write_goroutine(out, f, f->sched.goid, what, st != G_RUNNING,
                              st == G_SYSCALL);
    }
    free(l.v);
    if (stopped)
        sched_start_world();
}

/* ---- scheduler hooks ------------------------------------------------------------- */

static void hook_mstart(Worker *w) {
    w->is_m0 = pthread_equal(pthread_self(), run.main_thread);
    w->budget = VM_BUDGET;
}

/* Main returned: the exit status. -leaks=all lists every other goroutine
 * still there, as a test suite's goleak does, and then fails (3). */
static int main_returned(Fiber *main) {
    if (leak_mode() != LEAK_ALL)
        return 0;
    panic_lock();
    fflush(stdout);
    int n = dump_others(main);
    fflush(stderr);
    panic_unlock();
    return n > 0 ? 3 : 0;
}

/* A goroutine panicked: print it (one thread at a time) and end. */
static void fatal_panic(Fiber *f) {
    panic_lock();
    panic_print(f);
    if (run.exit_process)
        vm_exit(2);
    panic_unlock();
}

/* Session: takes the foreground role from f if f has it. */
static bool fg_take(Fiber *f) {
    Fiber *want = f;
    return atomic_compare_exchange_strong(&run.fg, &want, NULL);
}

/* Session: the wait for the foreground goroutine is over. */
static void fg_end(int state) {
    atomic_store(&run.fg_state, state);
    ssize_t n = write(run.wakefd, "", 1);
    (void)n; /* a full pipe already holds a wake-up */
}

/* Session: before f runs, an interrupt (Ctrl-C) or a kill (abandoned,
 * :reset) makes it unwind as runtime.Goexit does. */
static void session_check(Fiber *f) {
    GSched *g = &f->sched;
    if (atomic_load_explicit(&f->kill_goid, memory_order_relaxed) == g->goid) {
        atomic_store(&f->kill_goid, 0);
        f->goexit_req = true;
    } else if (atomic_load(&run.fg_intr) && fg_take(f)) {
        panic_lock();
        fputs("interrupted\n\n", stderr);
        panic_print_goroutine(f, "running", true);
        fflush(stderr);
        panic_unlock();
        f->goexit_req = true;
        fg_end(VM_FG_INTERRUPTED);
    }
}

/* Session: a fatal error (stack overflow, unlock of an unlocked mutex)
 * ends only the goroutine that made it, as a panic there would; the
 * session goes on. vm_fatal_exit jumps back to the goroutine's hook_run
 * on this thread. Natives hold no lock where they report a fatal error. */
static _Thread_local jmp_buf *fatal_jmp;

_Noreturn void vm_fatal_exit(void) {
    jmp_buf *jb = fatal_jmp;
    if (!jb && !run.exit_process && sim_in_run()) { /* csp explore */
        fflush(stderr);
        panic_unlock();
        sim_exit(SIM_FATAL, 2);
    }
    if (!jb)
        vm_exit(2);
    fflush(stderr);
    fatal_jmp = NULL;
    panic_unlock();
    longjmp(*jb, 1);
}

static int run_fiber(Worker *w, GSched *g);

/* The goroutine this thread runs (fatal errors print its stack; vm.h). */
_Thread_local Fiber *vm_running;

static int hook_run(Worker *w, GSched *g) {
    vm_running = fiber_of(g);
    w->budget = VM_BUDGET;
    if (!run.session) {
        int st = run_fiber(w, g);
        vm_running = NULL;
        return st;
    }
    jmp_buf jb;
    if (setjmp(jb)) {
        Fiber *f = fiber_of(g);
        f->native_depth = 0;
        f->panic = NULL;
        if (fg_take(f))
            fg_end(VM_FG_PANIC);
        vm_running = NULL;
        return VM_DONE;
    }
    fatal_jmp = &jb;
    int st = run_fiber(w, g);
    fatal_jmp = NULL;
    vm_running = NULL;
    return st;
}

/* The simulation's run hook: sim.c chose the budget (no sessions). */
static int hook_run_sim(Worker *w, GSched *g) {
    vm_running = fiber_of(g);
    int st = run_fiber(w, g);
    vm_running = NULL;
    return st;
}

static int run_fiber(Worker *w, GSched *g) {
    Fiber *f = fiber_of(g);
    f->id = g->goid;
    if (run.session)
        session_check(f);
    for (;;) {
        int st = vm_execute(w, f);
        if (st == VM_DONE && f->nentry > 0 && !g->goexited) {
            Proto *p = *f->entry++;
            f->nentry--;
            fiber_push_call(f, NULL, p, NULL, 0, FR_BOUNDARY);
            continue;
        }
        if (run.session && (st == VM_DONE || st == VM_PANIC)) {
            if (st == VM_PANIC)
                fatal_panic(f);
            if (fg_take(f)) {
                /* the next input follows this one (map.c's windows too:
                 * it may start before this goroutine's record is done) */
                sched_note_sync(&f->sched);
                if (f->race)
                    race_release(f, &run.fg);
                fg_end(st == VM_PANIC ? VM_FG_PANIC : VM_FG_DONE);
            }
            return st;
        }
        if (st == VM_PANIC)
            fatal_panic(f);
        else if (st == VM_DONE && f == run.main && !g->goexited &&
                 run.exit_process && !SIM_ON) /* sim.c ends its run */
            vm_exit(main_returned(f));
        return st;
    }
}

/* Drops what a finished goroutine holds, so a recycled record keeps no
 * garbage alive; an unusually large stack is given back. */
static void hook_gdead(Worker *w, GSched *g) {
    Fiber *f = fiber_of(g);
    if (f->race)
        race_thread_end(f);
    if (g->leakpin)
        leak_unpin(g);
    f->panic = NULL;
    f->nframes = 0;
    f->resume = RESUME_NONE;
    f->creator = NULL;
    f->native_depth = 0;
    if (f->nslots > 4 * FIBER_INIT_SLOTS) {
        f->stack = gc_alloc(FIBER_INIT_SLOTS * sizeof(Slot));
        f->nslots = FIBER_INIT_SLOTS;
    } else {
        memset(f->stack, 0, (size_t)f->nslots * sizeof(Slot));
    }
    if (f->cap_frames > 4 * FIBER_INIT_FRAMES) {
        f->frames = gc_alloc(FIBER_INIT_FRAMES * sizeof(Frame));
        f->cap_frames = FIBER_INIT_FRAMES;
    } else {
        memset(f->frames, 0, (size_t)f->cap_frames * sizeof(Frame));
    }
    if (f->nselcases > 64) {
        f->selcases = NULL;
        f->nselcases = 0;
    }
}

static void hook_deadlock(void) {
    if (run.session) {
        /* Only the foreground goroutine's wait can deadlock: goroutines
         * blocked between inputs may be woken by the next input. */
        Fiber *f = atomic_load(&run.fg);
        if (!f || atomic_load(&f->sched.status) != G_WAITING || !fg_take(f))
            return;
        panic_lock();
        fputs("fatal error: all goroutines are asleep - deadlock!\n", stderr);
        dump_goroutines();
        fflush(stderr);
        panic_unlock();
        atomic_store(&f->kill_goid, f->sched.goid);
        fg_end(VM_FG_DEADLOCK);
        return;
    }
    panic_lock();
    fflush(stdout);
    if (run.main->sched.goexited && sched_num_goroutine() == 0) {
        fputs("fatal error: no goroutines (main called runtime.Goexit) - "
              "deadlock!\n", stderr);
    } else {
        fputs("fatal error: all goroutines are asleep - deadlock!\n", stderr);
        dump_goroutines();
    }
    if (run.exit_process)
        vm_exit(2);
    fflush(stderr);
    panic_unlock();
}

/* ---- SIGQUIT and schedtrace threads ---------------------------------------------- */

/* The SIGQUIT thread waits on two descriptors: a signalfd for SIGQUIT
 * (blocked in every thread, so a signal sent to the process stays pending
 * and shows there) and a pipe the handler writes to. The handler runs
 * only where libgc lets the signal through: its stop-the-world handler
 * waits with SIGQUIT unblocked, so a thread paused for a collection can
 * take it. Writing a byte is async-signal-safe, so no csp code or lock
 * runs in a signal handler. (Forwarding the signal with tgkill, as before,
 * re-delivered itself for ever when the paused thread was the SIGQUIT
 * thread; a semaphore instead of sigwait/signalfd lost the signal under
 * ThreadSanitizer, which delivers handlers only at its interceptors.) */
static int quit_pipe[2] = {-1, -1};
static int quit_sfd = -1;

static void on_sigquit(int sig) {
    int saved = errno;
    ssize_t n = write(quit_pipe[1], "q", 1);
    (void)n; /* a full pipe already holds a wake-up */
    errno = saved;
}

/* Blocked for the collector while it waits (gc_blocking). */
static void *wait_sigquit(void *arg) {
    struct pollfd fds[2] = {{.fd = quit_sfd, .events = POLLIN},
                            {.fd = quit_pipe[0], .events = POLLIN}};
    while (poll(fds, 2, -1) <= 0) /* EINTR: libgc's signals */
        ;
    return arg;
}

static void *sigquit_thread(void *arg) {
    gc_blocking(wait_sigquit, arg);
    panic_lock();
    fflush(stdout);
    fputs("SIGQUIT: quit\nPC=0x0 m=0 sigcode=0\n", stderr);
    dump_goroutines();
    vm_exit(2);
}

static pthread_t quit_thread;

static void start_sigquit_thread(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGQUIT);
    if (pipe2(quit_pipe, O_CLOEXEC | O_NONBLOCK) != 0 ||
        (quit_sfd = signalfd(-1, &set, SFD_CLOEXEC)) < 0)
        return; /* no dump: SIGQUIT stays blocked (no descriptors left) */
    if (gc_thread_create(&quit_thread, NULL, sigquit_thread, NULL) != 0)
        return;
    pthread_detach(quit_thread);
}

/* Blocks SIGQUIT in this thread (and so in every M it starts) and starts
 * the thread that takes it (once per process). */
void vm_block_sigquit(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGQUIT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

static void setup_sigquit(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    /* A handler, never the inherited disposition: SIG_IGN (a shell's
     * `prog &` ignores SIGQUIT) would discard the signal (Go installs its
     * SIGQUIT handler whatever it inherited; it keeps SIG_IGN only for
     * SIGHUP and SIGINT), and SIG_DFL would kill the process where libgc
     * lets the signal through. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigquit;
    sigfillset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGQUIT, &sa, NULL);
    vm_block_sigquit(); /* in case the process did not (tests) */
    pthread_once(&once, start_sigquit_thread);
}

/* GODEBUG=schedtrace=MS: the interval in ms, or 0. */
static int64_t schedtrace_ms(void) {
    const char *v = getenv("GODEBUG");
    const char *k = v ? strstr(v, "schedtrace=") : NULL;
    if (!k)
        return 0;
    long ms = strtol(k + strlen("schedtrace="), NULL, 10);
    return ms > 0 ? ms : 0;
}

/* Blocked for the collector while it sleeps (gc_blocking). */
static void *sleep_ts(void *ts) {
    nanosleep(ts, NULL);
    return NULL;
}

static void *schedtrace_thread(void *arg) {
    int64_t ms = (int64_t)(intptr_t)arg;
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    for (;;) {
        gc_blocking(sleep_ts, &ts);
        char buf[4096];
        sched_trace_line(buf, sizeof buf,
                         (sched_nanotime() - run.start) / 1000000);
        fputs(buf, stderr);
    }
    return NULL;
}

/* Once per process: only vm_run_main_exit starts it. */
static void setup_schedtrace(void) {
    int64_t ms = schedtrace_ms();
    if (!ms)
        return;
    pthread_t t;
    if (gc_thread_create(&t, NULL, schedtrace_thread, (void *)(intptr_t)ms) == 0)
        pthread_detach(t);
}

/* ---- program start --------------------------------------------------------------- */

/* -procs, else $GOMAXPROCS, else the number of CPUs. */
static int default_procs(int nprocs) {
    if (nprocs > 0)
        return nprocs;
    const char *v = getenv("GOMAXPROCS");
    long n = v ? strtol(v, NULL, 10) : 0;
    if (n > 0)
        return (int)n;
    n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static const SchedHooks hooks = {
    .run = hook_run,
    .gdead = hook_gdead,
    .deadlock = hook_deadlock,
    .mstart = hook_mstart,
    .timers_next = timer_next_deadline,
    .timers_run = timer_run_due,
};

/* The same for the simulation (runtime/sim.h). */
static const SchedHooks sim_hooks = {
    .run = hook_run_sim,
    .gdead = hook_gdead,
    .deadlock = hook_deadlock,
    .mstart = hook_mstart,
    .timers_next = timer_next_deadline,
    .timers_run = timer_run_due,
};

static int start(CProgram *p, int nprocs) {
    run.main_thread = pthread_self();
    run.start = sched_nanotime();
    Fiber *f = fiber_new(p, NULL);
    int n = p->ninits + (p->main ? 1 : 0);
    Proto **entry = gc_alloc((size_t)(n + 1) * sizeof(Proto *));
    if (p->ninits)
        memcpy(entry, p->inits, (size_t)p->ninits * sizeof(Proto *));
    if (p->main)
        entry[p->ninits] = p->main;
    run.main = f;
    if (n == 0)
        return 0;
    if (RACE_ON())
        race_thread_start(f, NULL);
    fiber_push_call(f, NULL, entry[0], NULL, 0, FR_BOUNDARY);
    f->entry = entry + 1;
    f->nentry = (uint8_t)(n - 1);
    sched_init(default_procs(nprocs), &hooks);
    setup_sigquit(); /* after sched_init: a dump reads the scheduler */
    if (run.exit_process)
        setup_schedtrace();
    int rc = SIM_ON ? sim_start_main(&f->sched, &sim_hooks)
                    : sched_start_main(&f->sched);
    return rc == SCHED_EXIT_OK ? 0 : 2;
}

int vm_run_main(CProgram *p, int nprocs) {
    run.exit_process = false;
    int rc = start(p, nprocs);
    sched_shutdown();
    fflush(stdout);
    return rc;
}

_Noreturn void vm_run_main_exit(CProgram *p, int nprocs) {
    run.exit_process = true;
    vm_exit(start(p, nprocs));
}

/* ---- sessions (the REPL) ---------------------------------------------------------- */

void vm_session_start(int nprocs, int wakefd) {
    run.session = true;
    run.wakefd = wakefd;
    run.start = sched_nanotime();
    sched_init(default_procs(nprocs), &hooks);
    setup_sigquit(); /* after sched_init: a dump reads the scheduler */
    sched_start_session();
}

int64_t vm_session_go(CProgram *p, Proto **entry, int n) {
    Fiber *f = fiber_new(p, NULL);
    Proto **e = gc_alloc((size_t)n * sizeof *e);
    memcpy(e, entry, (size_t)n * sizeof *e);
    fiber_push_call(f, NULL, e[0], NULL, 0, FR_BOUNDARY);
    f->entry = e + 1;
    f->nentry = (uint8_t)(n - 1);
    if (RACE_ON())
        race_thread_start(f, &run.fg); /* after the inputs before it */
    atomic_store(&run.fg_intr, false);
    atomic_store(&run.fg_state, VM_FG_RUNNING);
    atomic_store(&run.fg, f);
    run.fg_g = &f->sched;
    run.fg_goid = sched_go(NULL, &f->sched);
    return run.fg_goid;
}

GSched *vm_session_fg(int64_t *goid) {
    *goid = run.fg_goid;
    return run.fg_g;
}

int vm_session_state(void) { return atomic_load(&run.fg_state); }

void vm_session_interrupt(void) { atomic_store(&run.fg_intr, true); }

int64_t vm_session_abandon(void) {
    Fiber *f = atomic_exchange(&run.fg, NULL);
    if (!f)
        return 0;
    atomic_store(&f->kill_goid, run.fg_goid);
    atomic_store(&run.fg_state, VM_FG_NONE);
    return run.fg_goid;
}

static void kill_one(GSched *g, void *arg) {
    if (atomic_load(&g->status) != G_DEAD)
        atomic_store(&fiber_of(g)->kill_goid, g->goid);
}

void vm_session_kill_all(void) {
    vm_session_abandon();
    sched_for_each_g(kill_one, NULL);
}

void vm_session_end(void) {
    sched_shutdown();
    run.session = false;
    atomic_store(&run.fg, NULL);
}

int vm_session_dump(void) {
    panic_lock();
    int n = dump_goroutines();
    fflush(stderr);
    panic_unlock();
    return n;
}
