/* test_sched.c — the scheduler: run queue (put/get/runnext/overflow/steal),
 * concurrent stealing, and whole-scheduler runs with fake goroutines on
 * real threads (spawn, yield, park/ready, deadlock, panic, GOMAXPROCS). */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include <check.h>

#include "fakeg.h"

enum { RQ = SCHED_RUNQ_SIZE };

static GSched *mkg(int i) {
    TG *t = tg_new(NULL, i);
    return &t->s;
}

static int gid(GSched *g) { return g ? ((TG *)g)->id : -1; }

/* ---- run queue ---------------------------------------------------------------- */

START_TEST(runq_fifo) {
    sched_init(1, NULL);
    P *p = sched_test_newp(0);
    for (int i = 0; i < RQ; i++)
        sched_test_runqput(p, mkg(i), false);
    ck_assert_int_eq(sched_test_runqsize(p), RQ);
    for (int i = 0; i < RQ; i++)
        ck_assert_int_eq(gid(sched_test_runqget(p)), i);
    ck_assert_ptr_null(sched_test_runqget(p));
    ck_assert_int_eq(sched_test_globsize(), 0);
}
END_TEST

START_TEST(runq_runnext) {
    sched_init(1, NULL);
    P *p = sched_test_newp(0);
    sched_test_runqput(p, mkg(1), false);
    sched_test_runqput(p, mkg(2), true);
    sched_test_runqput(p, mkg(3), true); /* kicks 2 to the tail */
    ck_assert_int_eq(gid(sched_test_runqget(p)), 3);
    ck_assert_int_eq(gid(sched_test_runqget(p)), 1);
    ck_assert_int_eq(gid(sched_test_runqget(p)), 2);
    ck_assert_ptr_null(sched_test_runqget(p));
}
END_TEST

START_TEST(runq_runnext_streak) {
    /* A runnext ping-pong cannot starve the ring for ever. */
    sched_init(1, NULL);
    P *p = sched_test_newp(0);
    sched_test_runqput(p, mkg(100), false);
    int seen_ring = -1;
    for (int i = 0; i < SCHED_RUNNEXT_STREAK + 2; i++) {
        sched_test_runqput(p, mkg(i), true);
        GSched *g = sched_test_runqget(p);
        if (gid(g) == 100) {
            seen_ring = i;
            break;
        }
        ck_assert_int_eq(gid(g), i);
    }
    ck_assert_int_eq(seen_ring, SCHED_RUNNEXT_STREAK);
}
END_TEST

START_TEST(runq_overflow_to_global) {
    sched_init(1, NULL);
    P *p = sched_test_newp(0);
    for (int i = 0; i <= RQ; i++)
        sched_test_runqput(p, mkg(i), false);
    /* half of the full ring plus the new G moved to the global queue, in
     * order */
    ck_assert_int_eq(sched_test_globsize(), RQ / 2 + 1);
    ck_assert_int_eq(sched_test_runqsize(p), RQ / 2);
    for (int i = 0; i <= RQ / 2 - 1; i++)
        ck_assert_int_eq(gid(sched_test_globget()), i);
    ck_assert_int_eq(gid(sched_test_globget()), RQ);
    for (int i = RQ / 2; i < RQ; i++)
        ck_assert_int_eq(gid(sched_test_runqget(p)), i);
    ck_assert_ptr_null(sched_test_globget());
}
END_TEST

START_TEST(runq_steal_half) {
    sched_init(2, NULL);
    P *victim = sched_test_newp(0), *thief = sched_test_newp(1);
    for (int i = 0; i < RQ; i++)
        sched_test_runqput(victim, mkg(i), false);
    GSched *g = sched_test_runqsteal(thief, victim, false);
    /* thief takes the older half: returns the last of them, queues the rest */
    ck_assert_int_eq(gid(g), RQ / 2 - 1);
    ck_assert_int_eq(sched_test_runqsize(thief), RQ / 2 - 1);
    ck_assert_int_eq(sched_test_runqsize(victim), RQ / 2);
    for (int i = 0; i < RQ / 2 - 1; i++)
        ck_assert_int_eq(gid(sched_test_runqget(thief)), i);
    ck_assert_int_eq(gid(sched_test_runqget(victim)), RQ / 2);
}
END_TEST

START_TEST(runq_steal_runnext) {
    sched_init(2, NULL);
    P *victim = sched_test_newp(0), *thief = sched_test_newp(1);
    sched_test_runqput(victim, mkg(7), true);
    ck_assert_ptr_null(sched_test_runqsteal(thief, victim, false));
    ck_assert_int_eq(gid(sched_test_runqsteal(thief, victim, true)), 7);
    ck_assert_int_eq(sched_test_runqsize(victim), 0);
    ck_assert_ptr_null(sched_test_runqsteal(thief, victim, true));
}
END_TEST

/* Owner pushes and pops while thieves steal: every G is taken exactly once. */
enum { CONC_N = 200000, CONC_THIEVES = 3 };
static P *conc_victim;
static _Atomic int conc_taken[CONC_N];
static _Atomic bool conc_done;
static _Atomic long conc_count;

static void conc_take(GSched *g) {
    atomic_fetch_add(&conc_taken[gid(g)], 1);
    atomic_fetch_add(&conc_count, 1);
}

static void *conc_thief(void *arg) {
    P *mine = sched_test_newp(10 + (int)(intptr_t)arg);
    while (!atomic_load(&conc_done) || sched_test_runqsize(conc_victim) > 0) {
        GSched *g = sched_test_runqsteal(mine, conc_victim, true);
        if (!g)
            continue;
        conc_take(g);
        while ((g = sched_test_runqget(mine)))
            conc_take(g);
    }
    return NULL;
}

START_TEST(runq_concurrent_steal) {
    sched_init(4, NULL);
    static GSched *gs[CONC_N];
    for (int i = 0; i < CONC_N; i++) {
        gs[i] = mkg(i);
        atomic_store(&conc_taken[i], 0);
    }
    conc_victim = sched_test_newp(0);
    atomic_store(&conc_done, false);
    atomic_store(&conc_count, 0);
    pthread_t th[CONC_THIEVES];
    for (int i = 0; i < CONC_THIEVES; i++)
        pthread_create(&th[i], NULL, conc_thief, (void *)(intptr_t)i);
    for (int i = 0; i < CONC_N; i++) {
        sched_test_runqput(conc_victim, gs[i], i % 3 == 0);
        if (i % 2 == 0) {
            GSched *g = sched_test_runqget(conc_victim);
            if (g)
                conc_take(g);
        }
    }
    GSched *g;
    while ((g = sched_test_runqget(conc_victim)))
        conc_take(g);
    atomic_store(&conc_done, true);
    for (int i = 0; i < CONC_THIEVES; i++)
        pthread_join(th[i], NULL);
    while ((g = sched_test_globget()))
        conc_take(g);
    ck_assert_int_eq(atomic_load(&conc_count), CONC_N);
    for (int i = 0; i < CONC_N; i++)
        ck_assert_int_eq(atomic_load(&conc_taken[i]), 1);
}
END_TEST

/* ---- whole scheduler ------------------------------------------------------------- */

static _Atomic long done_count;
static _Atomic long ids_sum;

/* Child: yields t->n times, then counts itself and exits. */
static int child_step(Worker *w, TG *t) {
    TG_CHECK(sched_current(w) == &t->s);
    if (t->i++ < t->n)
        return VM_YIELD;
    atomic_fetch_add(&ids_sum, t->s.goid);
    atomic_fetch_add(&done_count, 1);
    return VM_DONE;
}

/* Main: spawns n children (pc 0), then yields until all are done. */
static int spawner_step(Worker *w, TG *t) {
    if (t->pc == 0) {
        for (int64_t i = 0; i < t->n; i++) {
            GSched *g = sched_gfget(w);
            TG *c = g ? (TG *)g : tg_new(child_step, (int)i);
            c->step = child_step;
            c->i = 0;
            c->n = i % 4;
            tg_go(w, c);
        }
        t->pc = 1;
        return VM_YIELD;
    }
    if (atomic_load(&done_count) < t->n || sched_num_goroutine() > 1)
        return VM_YIELD;
    return VM_DONE;
}

static void spawn_run(int procs, int n) {
    atomic_store(&done_count, 0);
    atomic_store(&ids_sum, 0);
    TG *m = tg_new(spawner_step, 0);
    m->n = n;
    ck_assert_int_eq(tg_main(procs, m), SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
    ck_assert_int_eq(atomic_load(&done_count), n);
    ck_assert_int_eq(m->s.goid, 1);
    ck_assert_int_eq(atomic_load(&tg_deadlocks), 0);
}

START_TEST(spawn_one_proc) { spawn_run(1, 2000); }
END_TEST

START_TEST(spawn_many_procs) { spawn_run(4, 20000); }
END_TEST

START_TEST(goroutine_ids_unique) {
    atomic_store(&done_count, 0);
    atomic_store(&ids_sum, 0);
    TG *m = tg_new(spawner_step, 0);
    m->n = 500;
    ck_assert_int_eq(tg_main(1, m), SCHED_EXIT_OK);
    /* one P: ids 2..501 are handed out in order */
    ck_assert_int_eq(atomic_load(&ids_sum), (2 + 501) * 500 / 2);
}
END_TEST

/* Park / ready through a lock-protected wait slot: a waiter parks, the
 * waker readies it; the commit releases the lock only after the waiter
 * stopped. */
typedef struct Mailbox {
    Lock lock;
    GSched *waiter;   /* lock */
    int64_t value;    /* lock */
    bool full;        /* lock */
} Mailbox;

static bool mailbox_commit(GSched *g, void *arg) {
    lock_release(&((Mailbox *)arg)->lock);
    return true;
}

/* Receives t->n values from the mailbox (ctx), summing them. */
static int mb_recv_step(Worker *w, TG *t) {
    Mailbox *mb = t->ctx;
    while (t->i < t->n) {
        lock_acquire(&mb->lock);
        if (!mb->full) {
            mb->waiter = &t->s;
            sched_park(&t->s, mailbox_commit, mb, WAIT_CHAN_RECV);
            return VM_PARK;
        }
        t->sum += mb->value;
        mb->full = false;
        GSched *sender = mb->waiter;
        mb->waiter = NULL;
        lock_release(&mb->lock);
        if (sender)
            sched_ready(w, sender, true);
        t->i++;
    }
    atomic_fetch_add(&done_count, 1);
    return VM_DONE;
}

static int mb_send_step(Worker *w, TG *t) {
    Mailbox *mb = t->ctx;
    while (t->i < t->n) {
        lock_acquire(&mb->lock);
        if (mb->full) {
            mb->waiter = &t->s;
            sched_park(&t->s, mailbox_commit, mb, WAIT_CHAN_SEND);
            return VM_PARK;
        }
        mb->value = ++t->i;
        mb->full = true;
        GSched *rcv = mb->waiter;
        mb->waiter = NULL;
        lock_release(&mb->lock);
        if (rcv)
            sched_ready(w, rcv, true);
    }
    atomic_fetch_add(&done_count, 1);
    return VM_DONE;
}

static TG *mb_receiver;

static int mb_main_step(Worker *w, TG *t) {
    if (t->pc == 0) {
        Mailbox *mb = sched_alloc(sizeof *mb);
        TG *r = tg_new(mb_recv_step, 1), *s = tg_new(mb_send_step, 2);
        r->ctx = s->ctx = mb;
        r->n = s->n = t->n;
        mb_receiver = r;
        tg_go(w, r);
        tg_go(w, s);
        t->pc = 1;
    }
    return atomic_load(&done_count) < 2 ? VM_YIELD : VM_DONE;
}

static void mailbox_run(int procs) {
    atomic_store(&done_count, 0);
    TG *m = tg_new(mb_main_step, 0);
    m->n = 100000;
    ck_assert_int_eq(tg_main(procs, m), SCHED_EXIT_OK);
    ck_assert_int_eq(mb_receiver->sum, m->n * (m->n + 1) / 2);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
}

START_TEST(park_ready_one_proc) { mailbox_run(1); }
END_TEST

START_TEST(park_ready_many_procs) { mailbox_run(4); }
END_TEST

/* Commit returning false: the park is cancelled and the G runs on. */
static bool refuse_commit(GSched *g, void *arg) { return false; }

static int refuse_step(Worker *w, TG *t) {
    if (t->pc++ == 0) {
        sched_park(&t->s, refuse_commit, NULL, WAIT_SLEEP);
        return VM_PARK;
    }
    return VM_DONE;
}

START_TEST(park_cancelled) {
    TG *m = tg_new(refuse_step, 0);
    ck_assert_int_eq(tg_main(2, m), SCHED_EXIT_OK);
    ck_assert_int_eq(m->pc, 2);
}
END_TEST

/* ---- deadlock, panic, Goexit ----------------------------------------------------- */

static int park_forever_step(Worker *w, TG *t) {
    if (t->pc == 0 && t->n > 0) {
        for (int i = 0; i < t->n; i++) {
            TG *c = tg_new(park_forever_step, i + 1);
            tg_go(w, c);
        }
    }
    t->pc = 1;
    sched_park(&t->s, NULL, NULL, WAIT_SELECT_NO_CASES);
    return VM_PARK;
}

static int64_t waiting_count;
static void count_waiting(GSched *g, void *arg) {
    if (atomic_load(&g->status) == G_WAITING &&
        g->waitreason == WAIT_SELECT_NO_CASES)
        waiting_count++;
}

START_TEST(deadlock_detected) {
    TG *m = tg_new(park_forever_step, 0);
    m->n = 10;
    ck_assert_int_eq(tg_main(3, m), SCHED_EXIT_DEADLOCK);
    ck_assert_int_eq(atomic_load(&tg_deadlocks), 1);
    ck_assert_int_eq(tg_deadlock_ngs, 11);
}
END_TEST

static void dump_deadlock(void) {
    waiting_count = 0;
    sched_for_each_g(count_waiting, NULL);
    atomic_fetch_add(&tg_deadlocks, 1);
}

START_TEST(deadlock_dump_sees_all) {
    SchedHooks h = {0};
    h.run = tg_run;
    h.deadlock = dump_deadlock;
    atomic_store(&tg_deadlocks, 0);
    sched_init(2, &h);
    TG *m = tg_new(park_forever_step, 0);
    m->n = 5;
    ck_assert_int_eq(sched_start_main(&m->s), SCHED_EXIT_DEADLOCK);
    sched_shutdown();
    ck_assert_int_eq(waiting_count, 6);
    ck_assert_str_eq(sched_wait_reason(WAIT_SELECT_NO_CASES),
                     "select (no cases)");
    ck_assert_str_eq(sched_wait_reason(WAIT_CHAN_RECV), "chan receive");
}
END_TEST

static int panic_step(Worker *w, TG *t) {
    if (t->pc++ == 0) {
        tg_go(w, tg_new(panic_step, 1));
        return VM_YIELD;
    }
    return t->id == 1 ? VM_PANIC : VM_YIELD;
}

START_TEST(panic_exits_2) {
    ck_assert_int_eq(tg_main(2, tg_new(panic_step, 0)), SCHED_EXIT_PANIC);
}
END_TEST

static int goexit_main_step(Worker *w, TG *t) {
    tg_go(w, tg_new(child_step, 1));
    t->s.goexited = true;
    return VM_DONE;
}

START_TEST(main_goexit_then_deadlock) {
    atomic_store(&done_count, 0);
    ck_assert_int_eq(tg_main(2, tg_new(goexit_main_step, 0)),
                     SCHED_EXIT_DEADLOCK);
    ck_assert_int_eq(atomic_load(&done_count), 1);
    ck_assert_int_eq(atomic_load(&tg_deadlocks), 1);
    ck_assert_int_eq(tg_deadlock_ngs, 0);
}
END_TEST

/* ---- GOMAXPROCS -------------------------------------------------------------------- */

static int spinner_step(Worker *w, TG *t) {
    if (t->i++ < t->n)
        return VM_YIELD;
    atomic_fetch_add(&done_count, 1);
    return VM_DONE;
}

static int procs_main_step(Worker *w, TG *t) {
    switch (t->pc++) {
    case 0:
        for (int i = 0; i < 16; i++) {
            TG *c = tg_new(spinner_step, i + 1);
            c->n = 2000;
            tg_go(w, c);
        }
        TG_CHECK(sched_gomaxprocs(w, 0) == 4);
        TG_CHECK(sched_gomaxprocs(w, 2) == 4);
        TG_CHECK(sched_nprocs() == 2);
        return VM_YIELD;
    case 1:
        TG_CHECK(sched_gomaxprocs(w, 6) == 2);
        return VM_YIELD;
    case 2:
        TG_CHECK(sched_gomaxprocs(w, 1) == 6);
        return VM_YIELD;
    default:
        if (atomic_load(&done_count) < 16)
            return VM_YIELD;
        TG_CHECK(sched_gomaxprocs(w, 3) == 1);
        return VM_DONE;
    }
}

START_TEST(gomaxprocs_changes) {
    atomic_store(&done_count, 0);
    ck_assert_int_eq(tg_main(4, tg_new(procs_main_step, 0)), SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
    ck_assert_int_eq(atomic_load(&done_count), 16);
}
END_TEST

/* Many goroutines change GOMAXPROCS concurrently while others run. */
static int procs_fighter_step(Worker *w, TG *t) {
    if (t->i++ < t->n) {
        int n = 1 + (int)((t->id * 7 + t->i) % 5);
        int old = sched_gomaxprocs(w, n);
        TG_CHECK(old >= 1 && old <= 5);
        return VM_YIELD;
    }
    atomic_fetch_add(&done_count, 1);
    return VM_DONE;
}

static int fight_main_step(Worker *w, TG *t) {
    if (t->pc++ == 0) {
        for (int i = 0; i < 8; i++) {
            TG *c = tg_new(i % 2 ? procs_fighter_step : spinner_step, i + 1);
            c->n = 200;
            tg_go(w, c);
        }
    }
    return atomic_load(&done_count) < 8 ? VM_YIELD : VM_DONE;
}

START_TEST(gomaxprocs_concurrent) {
    atomic_store(&done_count, 0);
    ck_assert_int_eq(tg_main(3, tg_new(fight_main_step, 0)), SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
    ck_assert_int_eq(atomic_load(&done_count), 8);
}
END_TEST

/* A blocking foreign call hands the P over; others keep running. */
static int blocker_step(Worker *w, TG *t) {
    sched_enter_blocking(w);
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
    sched_exit_blocking(w);
    atomic_fetch_add(&done_count, 1);
    return VM_DONE;
}

static int blocking_main_step(Worker *w, TG *t) {
    if (t->pc++ == 0) {
        for (int i = 0; i < 3; i++)
            tg_go(w, tg_new(blocker_step, i + 1));
        for (int i = 0; i < 5; i++) {
            TG *c = tg_new(spinner_step, 10 + i);
            c->n = 1000;
            tg_go(w, c);
        }
    }
    return atomic_load(&done_count) < 8 ? VM_YIELD : VM_DONE;
}

START_TEST(blocking_call_handoff) {
    atomic_store(&done_count, 0);
    ck_assert_int_eq(tg_main(1, tg_new(blocking_main_step, 0)),
                     SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&done_count), 8);
    ck_assert_int_eq(atomic_load(&tg_deadlocks), 0);
}
END_TEST

/* The syscall hand-off: at one P, three goroutines in 200 ms calls while
 * five spin; the monitor retakes the P, so the calls overlap and the
 * spinners finish. Meanwhile another goroutine changes GOMAXPROCS, which
 * must stop the Ps left in calls too. */
static _Atomic int64_t syscall_spinner_done; /* sched_nanotime() */

static int syscaller_step(Worker *w, TG *t) {
    sched_entersyscall(w);
    struct timespec ts = {0, 200 * 1000 * 1000};
    nanosleep(&ts, NULL);
    sched_exitsyscall(w);
    atomic_fetch_add(&done_count, 1);
    return VM_DONE;
}

static int syscall_main_step(Worker *w, TG *t) {
    if (t->pc++ == 0) {
        t->sum = sched_nanotime();
        for (int i = 0; i < 3; i++)
            tg_go(w, tg_new(syscaller_step, i + 1));
        for (int i = 0; i < 5; i++) {
            TG *c = tg_new(spinner_step, 10 + i);
            c->n = 1000;
            tg_go(w, c);
        }
        return VM_YIELD;
    }
    if (t->pc == 3)
        sched_gomaxprocs(w, 2);
    if (t->pc == 6)
        sched_gomaxprocs(w, 1);
    if (atomic_load(&done_count) < 8)
        return VM_YIELD;
    atomic_store(&syscall_spinner_done, sched_nanotime() - t->sum);
    return VM_DONE;
}

START_TEST(syscall_handoff) {
    atomic_store(&done_count, 0);
    int64_t retaken = sched_num_retake();
    ck_assert_int_eq(tg_main(1, tg_new(syscall_main_step, 0)), SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&done_count), 8);
    ck_assert_int_eq(atomic_load(&tg_deadlocks), 0);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
    /* 600 ms of calls one after another; overlapped, about 200 ms: the
     * bound holds with the machine stalled for 100 ms and more (the calls
     * were 50 ms long, and a stall of 100 ms broke the test) */
    ck_assert_int_lt(atomic_load(&syscall_spinner_done), 500 * 1000 * 1000);
    ck_assert_int_gt(sched_num_retake(), retaken);
}
END_TEST

/* ---- timers hook: an idle scheduler sleeps until the timer --------------------- */

static _Atomic int64_t timer_when = -1;
static _Atomic(GSched *) timer_g;

static int64_t fake_timers_next(void) { return atomic_load(&timer_when); }

static void fake_timers_run(Worker *w) {
    int64_t when = atomic_load(&timer_when);
    if (when < 0 || sched_nanotime() < when)
        return;
    int64_t expect = when;
    if (!atomic_compare_exchange_strong(&timer_when, &expect, -1))
        return;
    sched_ready(w, atomic_exchange(&timer_g, NULL), true);
}

static bool timer_commit(GSched *g, void *arg) {
    atomic_store(&timer_g, g);
    atomic_store(&timer_when, sched_nanotime() + 30 * 1000 * 1000);
    return true;
}

static int sleeper_step(Worker *w, TG *t) {
    if (t->pc++ == 0) {
        t->sum = sched_nanotime();
        sched_park(&t->s, timer_commit, NULL, WAIT_SLEEP);
        return VM_PARK;
    }
    t->sum = sched_nanotime() - t->sum;
    return VM_DONE;
}

START_TEST(timer_sleep_no_deadlock) {
    SchedHooks h = {0};
    h.run = tg_run;
    h.deadlock = tg_deadlock;
    h.timers_next = fake_timers_next;
    h.timers_run = fake_timers_run;
    atomic_store(&tg_deadlocks, 0);
    atomic_store(&timer_when, -1);
    sched_init(2, &h);
    TG *m = tg_new(sleeper_step, 0);
    ck_assert_int_eq(sched_start_main(&m->s), SCHED_EXIT_OK);
    sched_shutdown();
    ck_assert_int_eq(atomic_load(&tg_deadlocks), 0);
    ck_assert_int_ge(m->sum, 29 * 1000 * 1000);
}
END_TEST

/* ---- shutdown wakes every sleeping M ------------------------------------------ */

static _Atomic int blocked_in;

/* A G in a blocking call when main ends: its M then waits for a P that
 * never comes free (the one P stays with the exited main). */
static int late_blocker_step(Worker *w, TG *t) {
    sched_enter_blocking(w);
    atomic_store(&blocked_in, 1);
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
    sched_exit_blocking(w);
    TG_CHECK(!"a G ran on after the program exited");
    return VM_DONE;
}

static bool nested_commit(GSched *g, void *arg) { return true; }

/* A G asleep in a nested park (a native waiting inside vm_call) that
 * nobody readies. */
static int nested_sleeper_step(Worker *w, TG *t) {
    sched_park(&t->s, nested_commit, NULL, WAIT_CHAN_RECV);
    atomic_store(&blocked_in, 1);
    sched_park_nested(w, &t->s);
    TG_CHECK(!"a nested G ran on after the program exited");
    return VM_DONE;
}

/* Starts the G in ctx, then ends the program once it is blocked; with
 * t->n, first holds the P for n ms without a scheduling point (so a
 * blocker that comes back meanwhile must wait for a P). */
static int exit_when_blocked_step(Worker *w, TG *t) {
    if (t->pc++ == 0)
        tg_go(w, tg_new((TGStep)t->ctx, 1));
    if (!atomic_load(&blocked_in))
        return VM_YIELD;
    int64_t end = sched_nanotime() + t->n * 1000 * 1000;
    while (sched_nanotime() < end) {
    }
    return VM_DONE;
}

START_TEST(shutdown_wakes_pwait) {
    atomic_store(&blocked_in, 0);
    TG *m = tg_new(exit_when_blocked_step, 0);
    m->ctx = (void *)late_blocker_step;
    m->n = 150;
    ck_assert_int_eq(tg_main(1, m), SCHED_EXIT_OK); /* joins every M */
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
}
END_TEST

START_TEST(shutdown_wakes_nested) {
    atomic_store(&blocked_in, 0);
    TG *m = tg_new(exit_when_blocked_step, 0);
    m->ctx = (void *)nested_sleeper_step;
    ck_assert_int_eq(tg_main(2, m), SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
}
END_TEST

Suite *sched_suite(void) {
    Suite *s = suite_create("sched");
    TCase *rq = tcase_create("runq");
    tcase_add_test(rq, runq_fifo);
    tcase_add_test(rq, runq_runnext);
    tcase_add_test(rq, runq_runnext_streak);
    tcase_add_test(rq, runq_overflow_to_global);
    tcase_add_test(rq, runq_steal_half);
    tcase_add_test(rq, runq_steal_runnext);
    tcase_add_test(rq, runq_concurrent_steal);
    suite_add_tcase(s, rq);
    TCase *run = tcase_create("run");
    tcase_set_timeout(run, 60);
    tcase_add_test(run, spawn_one_proc);
    tcase_add_test(run, spawn_many_procs);
    tcase_add_test(run, goroutine_ids_unique);
    tcase_add_test(run, park_ready_one_proc);
    tcase_add_test(run, park_ready_many_procs);
    tcase_add_test(run, park_cancelled);
    tcase_add_test(run, deadlock_detected);
    tcase_add_test(run, deadlock_dump_sees_all);
    tcase_add_test(run, panic_exits_2);
    tcase_add_test(run, main_goexit_then_deadlock);
    tcase_add_test(run, gomaxprocs_changes);
    tcase_add_test(run, gomaxprocs_concurrent);
    tcase_add_test(run, blocking_call_handoff);
    tcase_add_test(run, syscall_handoff);
    tcase_add_test(run, timer_sleep_no_deadlock);
    tcase_add_test(run, shutdown_wakes_pwait);
    tcase_add_test(run, shutdown_wakes_nested);
    suite_add_tcase(s, run);
    return s;
}
