/*
 * fakeg.h — a fake goroutine for the scheduler and channel unit tests
 * (test_sched.c, test_chan.c): the scheduler runs GSched records through a
 * `run` hook, so a test goroutine is a small state machine in C whose step
 * function returns VM_DONE / VM_YIELD / VM_PARK like the VM would, on real
 * threads. Failures inside goroutines (other threads) are counted and
 * asserted by the test's main thread, since Check's asserts must not fire
 * on other threads.
 */
#ifndef CSP_TEST_FAKEG_H
#define CSP_TEST_FAKEG_H

#include <pthread.h>
#include <stdio.h>

#include "../../runtime/chan.h"
#include "../../runtime/sched.h"
#include "../../runtime/vm.h"

typedef struct TG TG;
typedef int (*TGStep)(Worker *w, TG *t);

struct TG {
    GSched s;          /* first: a GSched* is a TG* */
    TGStep step;
    int pc;            /* state of the step machine */
    int id;
    int64_t i, n;      /* loop counter and bound */
    int64_t sum;
    Slot val;          /* value being sent / received */
    Slot val2;
    Chan *c, *c2;
    void *ctx;
    Slot *bufs;        /* per-case receive buffers */
    bool ok;
    TG *alllink;       /* tg_all */
};

/* Every TG ever made, held strongly. The scheduler's own references to a
 * queued G are disguised for runtime/leak.c (sched.c's run-queue slots),
 * which is safe for the VM because a goroutine's fiber is never freed (its
 * finalizer keeps it while it can still run); a fake goroutine has no
 * finalizer, so this list keeps it instead. Without it the collector freed
 * a runnable TG under load: stress_chan then saw "closed" on a send that
 * had arrived, a select woken without a case, or crashed. */
static TG *tg_all;
static pthread_mutex_t tg_all_mu = PTHREAD_MUTEX_INITIALIZER;

static _Atomic int tg_failures;
static _Atomic int tg_deadlocks;

__attribute__((unused)) static void tg_fail(const char *what, int line) {
    if (atomic_fetch_add(&tg_failures, 1) < 5)
        fprintf(stderr, "goroutine check failed: %s (line %d)\n", what, line);
}
#define TG_CHECK(cond)                    \
    do {                                  \
        if (!(cond))                      \
            tg_fail(#cond, __LINE__);     \
    } while (0)

__attribute__((unused)) static int tg_run(Worker *w, GSched *g) {
    TG *t = (TG *)g;
    return t->step(w, t);
}

static int64_t tg_deadlock_ngs; /* NumGoroutine seen by the deadlock hook */

__attribute__((unused)) static void tg_deadlock(void) {
    tg_deadlock_ngs = sched_num_goroutine();
    atomic_fetch_add(&tg_deadlocks, 1);
}

__attribute__((unused)) static TG *tg_new(TGStep step, int id) {
    TG *t = sched_alloc(sizeof *t);
    t->step = step;
    t->id = id;
    pthread_mutex_lock(&tg_all_mu);
    t->alllink = tg_all;
    tg_all = t;
    pthread_mutex_unlock(&tg_all_mu);
    return t;
}

__attribute__((unused)) static void tg_go(Worker *w, TG *t) { sched_go(w, &t->s); }

/* Runs main on a fresh scheduler with nprocs Ps; returns the exit code. */
__attribute__((unused)) static int tg_main(int nprocs, TG *main) {
    SchedHooks h = {0};
    h.run = tg_run;
    h.deadlock = tg_deadlock;
    atomic_store(&tg_failures, 0);
    atomic_store(&tg_deadlocks, 0);
    sched_init(nprocs, &h);
    int rc = sched_start_main(&main->s);
    sched_shutdown();
    return rc;
}

#endif
