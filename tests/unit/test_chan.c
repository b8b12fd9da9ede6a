/* test_chan.c — channels and select: buffer order, close semantics, nil
 * channels, direct hand-off between parked goroutines, select fairness and
 * wake-up, and many goroutines on several threads hammering channels with
 * every message accounted for. */
#include <stdlib.h>

#include <check.h>

#include "fakeg.h"

static _Atomic long cdone;

/* ---- without goroutines: buffer, close, nil --------------------------------------- */

START_TEST(buffered_fifo_len_cap) {
    Chan *c = chan_new(NULL, 1, 3);
    ck_assert_int_eq(chan_cap(c), 3);
    Slot v;
    for (int i = 1; i <= 3; i++) {
        v.i = i * 10;
        ck_assert_int_eq(chan_send(NULL, NULL, c, &v, false), CHAN_OK);
        ck_assert_int_eq(chan_len(c), i);
    }
    v.i = 99;
    ck_assert_int_eq(chan_send(NULL, NULL, c, &v, false), CHAN_WOULDBLOCK);
    bool ok = false;
    for (int i = 1; i <= 3; i++) {
        ck_assert_int_eq(chan_recv(NULL, NULL, c, &v, &ok, false), CHAN_OK);
        ck_assert(ok);
        ck_assert_int_eq(v.i, i * 10);
    }
    ck_assert_int_eq(chan_len(c), 0);
    ck_assert_int_eq(chan_recv(NULL, NULL, c, &v, &ok, false),
                     CHAN_WOULDBLOCK);
    /* wrap around the ring */
    for (int round = 0; round < 10; round++) {
        v.i = round;
        ck_assert_int_eq(chan_send(NULL, NULL, c, &v, false), CHAN_OK);
        ck_assert_int_eq(chan_recv(NULL, NULL, c, &v, &ok, false), CHAN_OK);
        ck_assert_int_eq(v.i, round);
    }
}
END_TEST

START_TEST(multi_slot_elements) {
    Chan *c = chan_new(NULL, 3, 2);
    Slot in[3] = {{.i = 1}, {.i = 2}, {.i = 3}}, out[3] = {{0}};
    ck_assert_int_eq(chan_send(NULL, NULL, c, in, false), CHAN_OK);
    bool ok;
    ck_assert_int_eq(chan_recv(NULL, NULL, c, out, &ok, false), CHAN_OK);
    ck_assert_int_eq(out[0].i + out[1].i * 10 + out[2].i * 100, 321);
    Chan *z = chan_new(NULL, 0, 2); /* chan struct{} */
    ck_assert_int_eq(chan_send(NULL, NULL, z, NULL, false), CHAN_OK);
    ck_assert_int_eq(chan_len(z), 1);
    ck_assert_int_eq(chan_recv(NULL, NULL, z, NULL, &ok, false), CHAN_OK);
    ck_assert(ok);
}
END_TEST

START_TEST(close_semantics) {
    Chan *c = chan_new(NULL, 1, 2);
    Slot v = {.i = 5};
    bool ok;
    ck_assert_int_eq(chan_send(NULL, NULL, c, &v, false), CHAN_OK);
    ck_assert_int_eq(chan_close(NULL, c), CHAN_OK);
    ck_assert_int_eq(chan_close(NULL, c), CHAN_PANIC_CLOSE_CLOSED);
    ck_assert_int_eq(chan_send(NULL, NULL, c, &v, false),
                     CHAN_PANIC_SEND_CLOSED);
    v.i = 0;
    ck_assert_int_eq(chan_recv(NULL, NULL, c, &v, &ok, true), CHAN_OK);
    ck_assert(ok);
    ck_assert_int_eq(v.i, 5); /* buffered values survive close */
    v.i = 77;
    ck_assert_int_eq(chan_recv(NULL, NULL, c, &v, &ok, true), CHAN_OK);
    ck_assert(!ok);
    ck_assert_int_eq(v.i, 0); /* then zero values */
    ck_assert_int_eq(chan_close(NULL, NULL), CHAN_PANIC_CLOSE_NIL);
    ck_assert_str_eq(chan_panic_msg(CHAN_PANIC_SEND_CLOSED),
                     "send on closed channel");
    ck_assert_str_eq(chan_panic_msg(CHAN_PANIC_CLOSE_NIL),
                     "close of nil channel");
    ck_assert_str_eq(chan_panic_msg(CHAN_PANIC_CLOSE_CLOSED),
                     "close of closed channel");
    ck_assert_ptr_null(chan_panic_msg(CHAN_OK));
}
END_TEST

START_TEST(nil_channel_nonblocking) {
    Slot v = {.i = 1};
    bool ok;
    ck_assert_int_eq(chan_send(NULL, NULL, NULL, &v, false), CHAN_WOULDBLOCK);
    ck_assert_int_eq(chan_recv(NULL, NULL, NULL, &v, &ok, false),
                     CHAN_WOULDBLOCK);
    ck_assert_int_eq(chan_len(NULL), 0);
    ck_assert_int_eq(chan_cap(NULL), 0);
    SelectCase cs[2] = {{NULL, &v}, {NULL, &v}};
    int chosen = 5;
    ck_assert_int_eq(chan_select(NULL, NULL, cs, 1, 1, false, &chosen, &ok),
                     CHAN_OK);
    ck_assert_int_eq(chosen, -1); /* default */
}
END_TEST

START_TEST(select_fairness) {
    Chan *c1 = chan_new(NULL, 1, 1), *c2 = chan_new(NULL, 1, 1);
    Slot v1 = {.i = 1}, v2 = {.i = 2}, r1, r2;
    int count[2] = {0, 0};
    for (int i = 0; i < 1000; i++) {
        int st1 = chan_send(NULL, NULL, c1, &v1, false);
        int st2 = chan_send(NULL, NULL, c2, &v2, false);
        ck_assert(st1 == CHAN_OK || st1 == CHAN_WOULDBLOCK);
        ck_assert(st2 == CHAN_OK || st2 == CHAN_WOULDBLOCK);
        SelectCase cs[2] = {{c1, &r1}, {c2, &r2}};
        int chosen;
        bool ok;
        ck_assert_int_eq(chan_select(NULL, NULL, cs, 0, 2, true, &chosen, &ok),
                         CHAN_OK);
        ck_assert(ok);
        ck_assert_int_eq(chosen == 0 ? r1.i : r2.i, chosen + 1);
        count[chosen]++;
    }
    ck_assert_int_eq(count[0] + count[1], 1000);
    ck_assert_int_gt(count[0], 400); /* binomial: sd ~16 */
    ck_assert_int_gt(count[1], 400);
}
END_TEST

START_TEST(select_send_closed_and_default) {
    Chan *c = chan_new(NULL, 1, 0), *d = chan_new(NULL, 1, 0);
    Slot v = {.i = 1}, r;
    ck_assert_int_eq(chan_close(NULL, c), CHAN_OK);
    SelectCase cs[2] = {{c, &v}, {d, &r}};
    int chosen;
    bool ok;
    ck_assert_int_eq(chan_select(NULL, NULL, cs, 1, 1, false, &chosen, &ok),
                     CHAN_PANIC_SEND_CLOSED);
    ck_assert_int_eq(chosen, 0);
    /* receive from a closed channel is always ready */
    SelectCase cr[2] = {{d, &v}, {c, &r}};
    ck_assert_int_eq(chan_select(NULL, NULL, cr, 1, 1, false, &chosen, &ok),
                     CHAN_OK);
    ck_assert_int_eq(chosen, 1);
    ck_assert(!ok);
    /* nothing ready: default */
    SelectCase cd[1] = {{d, &r}};
    ck_assert_int_eq(chan_select(NULL, NULL, cd, 0, 1, false, &chosen, &ok),
                     CHAN_OK);
    ck_assert_int_eq(chosen, -1);
}
END_TEST

/* ---- goroutines: generic blocking helpers -------------------------------------------
 * Each returns 1 when the operation completed, 0 when the goroutine parked
 * (the step must return VM_PARK and call the same helper again on resume,
 * with t->pc still marking the operation). */

static int do_send(Worker *w, TG *t, Chan *c, Slot *v, int pc) {
    int st;
    if (t->pc == pc) {
        t->pc = 0;
        st = chan_send_resume(&t->s);
    } else {
        st = chan_send(w, &t->s, c, v, true);
        if (st == CHAN_PARKED) {
            t->pc = pc;
            return 0;
        }
    }
    TG_CHECK(st == CHAN_OK);
    return 1;
}

static int do_recv(Worker *w, TG *t, Chan *c, Slot *v, int pc) {
    if (t->pc == pc) {
        t->pc = 0;
        chan_recv_resume(&t->s, &t->ok);
        return 1;
    }
    int st = chan_recv(w, &t->s, c, v, &t->ok, true);
    if (st == CHAN_PARKED) {
        t->pc = pc;
        return 0;
    }
    TG_CHECK(st == CHAN_OK);
    return 1;
}

/* Main: spawns what ctx's spawn function makes, then waits for n done. */
typedef void (*SpawnFn)(Worker *w, TG *main);
static int waiter_main_step(Worker *w, TG *t) {
    if (t->pc == 0) {
        ((SpawnFn)t->ctx)(w, t);
        t->pc = 1;
    }
    return atomic_load(&cdone) < t->n ? VM_YIELD : VM_DONE;
}

static int run_main(int procs, SpawnFn spawn, int64_t ngoroutines) {
    atomic_store(&cdone, 0);
    TG *m = tg_new(waiter_main_step, 0);
    m->ctx = (void *)spawn;
    m->n = ngoroutines;
    return tg_main(procs, m);
}

/* ---- ping-pong over unbuffered channels ---------------------------------------------- */

enum { PP_N = 50000 };
static Chan *pp_ping, *pp_pong;
static _Atomic long pp_errors;

static int pinger_step(Worker *w, TG *t) {
    for (;;) {
        if (t->pc == 0 || t->pc == 1) {
            if (t->pc == 0 && t->i == PP_N)
                break;
            t->val.i = t->i;
            if (!do_send(w, t, pp_ping, &t->val, 1))
                return VM_PARK;
        }
        if (!do_recv(w, t, pp_pong, &t->val2, 2))
            return VM_PARK;
        if (t->val2.i != t->i * 2)
            atomic_fetch_add(&pp_errors, 1);
        t->i++;
    }
    atomic_fetch_add(&cdone, 1);
    return VM_DONE;
}

static int ponger_step(Worker *w, TG *t) {
    for (;;) {
        if (t->pc == 0 || t->pc == 1) {
            if (!do_recv(w, t, pp_ping, &t->val, 1))
                return VM_PARK;
            if (!t->ok)
                break;
            t->val.i *= 2;
        }
        if (!do_send(w, t, pp_pong, &t->val, 2))
            return VM_PARK;
    }
    atomic_fetch_add(&cdone, 1);
    return VM_DONE;
}

static void pp_spawn(Worker *w, TG *m) {
    tg_go(w, tg_new(pinger_step, 1));
    tg_go(w, tg_new(ponger_step, 2));
}

static int pp_closer_step(Worker *w, TG *t);

static void pingpong(int procs) {
    pp_ping = chan_new(NULL, 1, 0);
    pp_pong = chan_new(NULL, 1, 0);
    atomic_store(&pp_errors, 0);
    /* pinger finishes; ponger then blocks on ping: close it from main */
    atomic_store(&cdone, 0);
    TG *m = tg_new(pp_closer_step, 0);
    ck_assert_int_eq(tg_main(procs, m), SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&pp_errors), 0);
    ck_assert_int_eq(atomic_load(&cdone), 2);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
}

static int pp_closer_step(Worker *w, TG *t) {
    if (t->pc == 0) {
        pp_spawn(w, t);
        t->pc = 1;
    }
    if (t->pc == 1) {
        if (atomic_load(&cdone) < 1)
            return VM_YIELD;
        TG_CHECK(chan_close(w, pp_ping) == CHAN_OK);
        t->pc = 2;
    }
    return atomic_load(&cdone) < 2 ? VM_YIELD : VM_DONE;
}

START_TEST(pingpong_one_proc) { pingpong(1); }
END_TEST

START_TEST(pingpong_two_procs) { pingpong(2); }
END_TEST

/* ---- many producers and consumers: every message exactly once ------------------------- */

enum { MP_PROD = 16, MP_CONS = 16, MP_EACH = 5000 };
static _Atomic unsigned char mp_seen[MP_PROD * MP_EACH];
static _Atomic int mp_producers_left;
static Chan *mp_chan;

static int producer_step(Worker *w, TG *t) {
    while (t->i < t->n) {
        if (t->pc == 0)
            t->val.i = t->id * MP_EACH + t->i;
        if (!do_send(w, t, mp_chan, &t->val, 1))
            return VM_PARK;
        if (++t->i % 97 == 0)
            return VM_YIELD; /* preemption in the middle */
    }
    if (atomic_fetch_sub(&mp_producers_left, 1) == 1)
        TG_CHECK(chan_close(w, mp_chan) == CHAN_OK);
    atomic_fetch_add(&cdone, 1);
    return VM_DONE;
}

static int consumer_step(Worker *w, TG *t) {
    for (;;) {
        if (!do_recv(w, t, mp_chan, &t->val, 1))
            return VM_PARK;
        if (!t->ok)
            break;
        int64_t v = t->val.i;
        TG_CHECK(v >= 0 && v < MP_PROD * MP_EACH);
        if (v >= 0 && v < MP_PROD * MP_EACH)
            atomic_fetch_add(&mp_seen[v], 1);
    }
    atomic_fetch_add(&cdone, 1);
    return VM_DONE;
}

static void mp_spawn(Worker *w, TG *m) {
    for (int i = 0; i < MP_CONS; i++)
        tg_go(w, tg_new(consumer_step, i));
    for (int i = 0; i < MP_PROD; i++) {
        TG *p = tg_new(producer_step, i);
        p->n = MP_EACH;
        tg_go(w, p);
    }
}

static void many_to_many(int procs, int64_t cap) {
    for (int i = 0; i < MP_PROD * MP_EACH; i++)
        atomic_store(&mp_seen[i], 0);
    atomic_store(&mp_producers_left, MP_PROD);
    mp_chan = chan_new(NULL, 1, cap);
    ck_assert_int_eq(run_main(procs, mp_spawn, MP_PROD + MP_CONS),
                     SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
    for (int i = 0; i < MP_PROD * MP_EACH; i++)
        if (atomic_load(&mp_seen[i]) != 1)
            ck_abort_msg("message %d received %d times", i,
                         atomic_load(&mp_seen[i]));
}

START_TEST(many_unbuffered_4procs) { many_to_many(4, 0); }
END_TEST

START_TEST(many_buffered_4procs) { many_to_many(4, 7); }
END_TEST

START_TEST(many_buffered_1proc) { many_to_many(1, 3); }
END_TEST

/* ---- select with goroutines ----------------------------------------------------------- */

static Chan *sel_c1, *sel_c2;
static _Atomic int sel_chosen = -2;
static _Atomic int sel_status = -1;
static _Atomic int64_t sel_value;
static _Atomic bool sel_recvok;

/* Blocks in select {recv c1, recv c2} (or send both when id==1). */
static int selecter_step(Worker *w, TG *t) {
    int chosen;
    bool ok;
    int st;
    if (t->pc == 0) {
        t->val.i = 1000;
        t->val2.i = 2000;
        SelectCase *c = t->ctx;
        c[0] = (SelectCase){sel_c1, &t->val};
        c[1] = (SelectCase){sel_c2, &t->val2};
        st = chan_select(w, &t->s, c, t->id == 1 ? 2 : 0, t->id == 1 ? 0 : 2,
                         true, &chosen, &ok);
        if (st == CHAN_PARKED) {
            t->pc = 1;
            return VM_PARK;
        }
    } else {
        st = chan_select_resume(&t->s, &chosen, &ok);
    }
    atomic_store(&sel_status, st);
    atomic_store(&sel_recvok, ok);
    atomic_store(&sel_value, chosen == 0 ? t->val.i : t->val2.i);
    atomic_store(&sel_chosen, chosen);
    atomic_fetch_add(&cdone, 1);
    return VM_DONE;
}

/* What main does to the blocked selecter: 0 send 42 on c2, 1 close c1,
 * 2 receive from c2 (selecter sends), 3 close c2 (selecter sends). */
static int sel_action;
static TG *sel_g;

/* Main's part of the action; 0 when it parked (resumes at pc 3). */
static int sel_act(Worker *w, TG *t) {
    switch (sel_action) {
    case 0:
        t->val.i = 42;
        return do_send(w, t, sel_c2, &t->val, 3);
    case 1:
        TG_CHECK(chan_close(w, sel_c1) == CHAN_OK);
        return 1;
    case 2:
        if (!do_recv(w, t, sel_c2, &t->val, 3))
            return 0;
        TG_CHECK(t->val.i == 2000 && t->ok);
        return 1;
    default:
        TG_CHECK(chan_close(w, sel_c2) == CHAN_OK);
        return 1;
    }
}

static int sel_main_step(Worker *w, TG *t) {
    switch (t->pc) {
    case 0:
        sel_g = tg_new(selecter_step, sel_action >= 2 ? 1 : 0);
        sel_g->ctx = sched_alloc(2 * sizeof(SelectCase));
        tg_go(w, sel_g);
        t->pc = 1;
        return VM_YIELD;
    case 1:
    case 3:
        /* act once the selecter is parked on both channels */
        if (t->pc == 1 && atomic_load(&sel_g->s.status) != G_WAITING)
            return VM_YIELD;
        if (!sel_act(w, t))
            return VM_PARK;
        t->pc = 2;
        return VM_YIELD;
    default:
        return atomic_load(&cdone) < 1 ? VM_YIELD : VM_DONE;
    }
}

static void select_wake(int action, int procs) {
    sel_c1 = chan_new(NULL, 1, 0);
    sel_c2 = chan_new(NULL, 1, 0);
    sel_action = action;
    atomic_store(&sel_chosen, -2);
    atomic_store(&cdone, 0);
    ck_assert_int_eq(tg_main(procs, tg_new(sel_main_step, 0)), SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
    /* the losing sudog was removed from the other channel */
    ck_assert(list_empty(&sel_c1->recvq));
    ck_assert(list_empty(&sel_c1->sendq));
    ck_assert(list_empty(&sel_c2->recvq));
    ck_assert(list_empty(&sel_c2->sendq));
}

START_TEST(select_woken_by_send) {
    for (int procs = 1; procs <= 2; procs++) {
        select_wake(0, procs);
        ck_assert_int_eq(atomic_load(&sel_status), CHAN_OK);
        ck_assert_int_eq(atomic_load(&sel_chosen), 1);
        ck_assert_int_eq(atomic_load(&sel_value), 42);
        ck_assert(atomic_load(&sel_recvok));
    }
}
END_TEST

START_TEST(select_woken_by_close) {
    select_wake(1, 2);
    ck_assert_int_eq(atomic_load(&sel_status), CHAN_OK);
    ck_assert_int_eq(atomic_load(&sel_chosen), 0);
    ck_assert_int_eq(atomic_load(&sel_value), 0); /* zero value */
    ck_assert(!atomic_load(&sel_recvok));
}
END_TEST

START_TEST(select_send_woken_by_recv) {
    select_wake(2, 2);
    ck_assert_int_eq(atomic_load(&sel_status), CHAN_OK);
    ck_assert_int_eq(atomic_load(&sel_chosen), 1);
}
END_TEST

START_TEST(select_send_woken_by_close_panics) {
    select_wake(3, 1);
    ck_assert_int_eq(atomic_load(&sel_status), CHAN_PANIC_SEND_CLOSED);
    ck_assert_int_eq(atomic_load(&sel_chosen), 1);
}
END_TEST

/* ---- select stress: senders and receivers both in select ------------------------------ */

enum { SS_SEND = 8, SS_RECV = 8, SS_EACH = 3000, SS_TOTAL = SS_SEND * SS_EACH };
static Chan *ss_a, *ss_b, *ss_quit;
static _Atomic unsigned char ss_seen[SS_TOTAL];
static _Atomic long ss_received;

/* Sends its values, each through whichever of a / b is ready first. */
static int ss_sender_step(Worker *w, TG *t) {
    int chosen;
    bool ok;
    while (t->i < SS_EACH) {
        int st;
        SelectCase *cs = t->ctx;
        if (t->pc == 0) {
            t->val.i = t->id * SS_EACH + t->i;
            cs[0] = (SelectCase){ss_a, &t->val};
            cs[1] = (SelectCase){ss_b, &t->val};
            st = chan_select(w, &t->s, cs, 2, 0, true, &chosen, &ok);
            if (st == CHAN_PARKED) {
                t->pc = 1;
                return VM_PARK;
            }
        } else {
            t->pc = 0;
            st = chan_select_resume(&t->s, &chosen, &ok);
        }
        TG_CHECK(st == CHAN_OK && (chosen == 0 || chosen == 1));
        t->i++;
    }
    atomic_fetch_add(&cdone, 1);
    return VM_DONE;
}

/* Receives from a, b or quit (closed when everything has arrived). */
static int ss_receiver_step(Worker *w, TG *t) {
    int chosen;
    bool ok;
    for (;;) {
        int st;
        SelectCase *cs = t->ctx;
        if (t->pc == 0) {
            cs[0] = (SelectCase){ss_a, &t->val};
            cs[1] = (SelectCase){ss_quit, NULL};
            cs[2] = (SelectCase){ss_b, &t->val2};
            st = chan_select(w, &t->s, cs, 0, 3, true, &chosen, &ok);
            if (st == CHAN_PARKED) {
                t->pc = 1;
                return VM_PARK;
            }
        } else {
            t->pc = 0;
            st = chan_select_resume(&t->s, &chosen, &ok);
        }
        TG_CHECK(st == CHAN_OK);
        if (chosen == 1) {
            TG_CHECK(!ok);
            break;
        }
        TG_CHECK(ok);
        int64_t v = chosen == 0 ? t->val.i : t->val2.i;
        if (v >= 0 && v < SS_TOTAL)
            atomic_fetch_add(&ss_seen[v], 1);
        else
            TG_CHECK(!"value out of range");
        if (atomic_fetch_add(&ss_received, 1) + 1 == SS_TOTAL)
            TG_CHECK(chan_close(w, ss_quit) == CHAN_OK);
    }
    atomic_fetch_add(&cdone, 1);
    return VM_DONE;
}

static void ss_spawn(Worker *w, TG *m) {
    for (int i = 0; i < SS_RECV; i++) {
        TG *r = tg_new(ss_receiver_step, i);
        r->ctx = sched_alloc(3 * sizeof(SelectCase));
        tg_go(w, r);
    }
    for (int i = 0; i < SS_SEND; i++) {
        TG *s = tg_new(ss_sender_step, i);
        s->ctx = sched_alloc(2 * sizeof(SelectCase));
        tg_go(w, s);
    }
}

static void select_stress(int procs, int64_t cap) {
    ss_a = chan_new(NULL, 1, cap);
    ss_b = chan_new(NULL, 1, 0);
    ss_quit = chan_new(NULL, 1, 0);
    atomic_store(&ss_received, 0);
    for (int i = 0; i < SS_TOTAL; i++)
        atomic_store(&ss_seen[i], 0);
    ck_assert_int_eq(run_main(procs, ss_spawn, SS_SEND + SS_RECV),
                     SCHED_EXIT_OK);
    ck_assert_int_eq(atomic_load(&tg_failures), 0);
    ck_assert_int_eq(atomic_load(&ss_received), SS_TOTAL);
    for (int i = 0; i < SS_TOTAL; i++)
        if (atomic_load(&ss_seen[i]) != 1)
            ck_abort_msg("value %d received %d times", i,
                         atomic_load(&ss_seen[i]));
}

START_TEST(select_stress_unbuffered_4procs) { select_stress(4, 0); }
END_TEST

START_TEST(select_stress_buffered_2procs) { select_stress(2, 5); }
END_TEST

/* ---- blocking for ever: nil channels and select {} ----------------------------------- */

static int nil_recv_step(Worker *w, TG *t) {
    if (t->id == 0)
        tg_go(w, tg_new(nil_recv_step, 1));
    bool ok;
    int chosen;
    int st = t->id == 0 ? chan_recv(w, &t->s, NULL, &t->val, &ok, true)
                        : chan_select(w, &t->s, NULL, 0, 0, true, &chosen, &ok);
    TG_CHECK(st == CHAN_PARKED);
    return VM_PARK;
}

static int reasons[WAIT_NREASONS];
static void count_reasons(GSched *g, void *arg) { reasons[g->waitreason]++; }
static void nil_deadlock(void) {
    sched_for_each_g(count_reasons, NULL);
    tg_deadlock();
}

START_TEST(nil_and_empty_select_deadlock) {
    memset(reasons, 0, sizeof reasons);
    SchedHooks h = {0};
    h.run = tg_run;
    h.deadlock = nil_deadlock;
    sched_init(2, &h);
    TG *m = tg_new(nil_recv_step, 0);
    ck_assert_int_eq(sched_start_main(&m->s), SCHED_EXIT_DEADLOCK);
    sched_shutdown();
    ck_assert_int_eq(reasons[WAIT_CHAN_RECV_NIL], 1);
    ck_assert_int_eq(reasons[WAIT_SELECT_NO_CASES], 1);
}
END_TEST

Suite *chan_suite(void) {
    Suite *s = suite_create("chan");
    TCase *basic = tcase_create("basic");
    tcase_add_test(basic, buffered_fifo_len_cap);
    tcase_add_test(basic, multi_slot_elements);
    tcase_add_test(basic, close_semantics);
    tcase_add_test(basic, nil_channel_nonblocking);
    tcase_add_test(basic, select_fairness);
    tcase_add_test(basic, select_send_closed_and_default);
    suite_add_tcase(s, basic);
    TCase *gor = tcase_create("goroutines");
    tcase_set_timeout(gor, 120);
    tcase_add_test(gor, pingpong_one_proc);
    tcase_add_test(gor, pingpong_two_procs);
    tcase_add_test(gor, many_unbuffered_4procs);
    tcase_add_test(gor, many_buffered_4procs);
    tcase_add_test(gor, many_buffered_1proc);
    tcase_add_test(gor, select_woken_by_send);
    tcase_add_test(gor, select_woken_by_close);
    tcase_add_test(gor, select_send_woken_by_recv);
    tcase_add_test(gor, select_send_woken_by_close_panics);
    tcase_add_test(gor, select_stress_unbuffered_4procs);
    tcase_add_test(gor, select_stress_buffered_2procs);
    tcase_add_test(gor, nil_and_empty_select_deadlock);
    suite_add_tcase(s, gor);
    return s;
}
