/*
 * stress_chan.c — thousands of fake goroutines doing random sends,
 * receives, selects (blocking and with default), yields and finally closes
 * over a set of buffered and unbuffered channels, on real threads. Every
 * message must arrive exactly once; the program must neither deadlock nor
 * report a deadlock.
 *
 * usage: stress_chan PROCS SENDERS RECEIVERS MSGS_PER_SENDER [SEED]
 * prints `stress_chan procs=N ... ok` and exits 0, or explains and exits 1.
 * Built and run by tests/stress/run.sh (also under ThreadSanitizer).
 */
#include <stdlib.h>
#include <string.h>

#include "../unit/fakeg.h"

enum { NCHAN = 8 };

static Chan *chans[NCHAN];
static Chan *quit;                  /* closed when every message arrived */
static int64_t nsend, nrecv, per;   /* configuration */
static int64_t total;
static _Atomic unsigned char *seen;
static _Atomic int64_t received;
static _Atomic int64_t finished;    /* goroutines done */
static _Atomic int64_t op_counts[6];

static uint64_t rnd(TG *t) {
    uint64_t x = (uint64_t)t->sum;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    t->sum = (int64_t)x;
    return x;
}

/* Every message arrived: the last receiver closes everything, waking the
 * goroutines still blocked in plain receives or selects. */
static void close_all(Worker *w) {
    for (int i = 0; i < NCHAN; i++)
        TG_CHECK(chan_close(w, chans[i]) == CHAN_OK);
    TG_CHECK(chan_close(w, quit) == CHAN_OK);
}

static void got(Worker *w, int64_t v) {
    if (v < 0 || v >= total) {
        TG_CHECK(!"value out of range");
        return;
    }
    if (atomic_fetch_add(&seen[v], 1) != 0) {
        fprintf(stderr, "message %lld received twice\n", (long long)v);
        TG_CHECK(!"message received twice");
    }
    if (atomic_fetch_add(&received, 1) + 1 == total)
        close_all(w);
}

/* ---- senders: pc 0 choose, 1 resume send, 2 resume select ------------------ */

static int sender_resume(TG *t) {
    int chosen;
    bool ok;
    if (t->pc == 1)
        return chan_send_resume(&t->s);
    return chan_select_resume(&t->s, &chosen, &ok);
}

/* Starts one send of t->val; returns CHAN_OK, CHAN_WOULDBLOCK (select with
 * default found nothing) or CHAN_PARKED (t->pc set). */
static int sender_try(Worker *w, TG *t) {
    SelectCase *cs = t->ctx;
    int kind = (int)(rnd(t) % 4), chosen, st;
    bool ok;
    atomic_fetch_add(&op_counts[kind], 1);
    if (kind == 0) {
        st = chan_send(w, &t->s, chans[rnd(t) % NCHAN], &t->val, true);
        if (st == CHAN_PARKED)
            t->pc = 1;
        return st;
    }
    int n = kind == 1 ? 2 : 3;
    for (int i = 0; i < n; i++)
        cs[i] = (SelectCase){chans[rnd(t) % NCHAN], &t->val};
    if (kind == 3)
        cs[2].c = NULL; /* a nil channel case is never ready */
    st = chan_select(w, &t->s, cs, n, 0, kind != 2, &chosen, &ok);
    if (st == CHAN_PARKED)
        t->pc = 2;
    else if (st == CHAN_OK && chosen < 0)
        st = CHAN_WOULDBLOCK;
    return st;
}

static int sender_step(Worker *w, TG *t) {
    while (t->i < t->n) {
        int st;
        if (t->pc) {
            st = sender_resume(t);
            t->pc = 0;
        } else {
            t->val.i = t->id * per + t->i;
            st = sender_try(w, t);
            if (st == CHAN_PARKED)
                return VM_PARK;
            if (st == CHAN_WOULDBLOCK)
                return VM_YIELD; /* like a select-default busy loop */
        }
        if (st != CHAN_OK) /* e.g. told "closed" after its value arrived */
            fprintf(stderr, "sender %d, message %lld (received %d times): "
                    "status %d\n", t->id, (long long)t->val.i,
                    (int)seen[t->val.i], st);
        TG_CHECK(st == CHAN_OK);
        t->i++;
        if (rnd(t) % 16 == 0)
            return VM_YIELD;
    }
    atomic_fetch_add(&finished, 1);
    return VM_DONE;
}

/* ---- receivers: pc 0 choose, 1 resume recv, 2 resume select ---------------- */

/* Handles a completed receive (ok false: a channel was closed: stop). */
static bool receiver_got(Worker *w, TG *t, bool ok, Slot *v) {
    if (!ok)
        return false;
    got(w, v->i);
    return true;
}

/* Receivers 0..NCHAN-1 each own one channel and do plain blocking receives
 * on it; the others alternate between a blocking select over every channel
 * (plus quit) and non-blocking receives. So a parked sender is always
 * reachable by someone, whatever the random choices: the program itself
 * cannot deadlock. */
static int receiver_step(Worker *w, TG *t) {
    SelectCase *cs = t->ctx;
    for (;;) {
        int chosen = 0;
        bool ok = false;
        int st;
        if (t->pc == 1) {
            t->pc = 0;
            chan_recv_resume(&t->s, &ok);
            if (!receiver_got(w, t, ok, &t->val))
                break;
            continue;
        }
        if (t->pc == 2) {
            t->pc = 0;
            st = chan_select_resume(&t->s, &chosen, &ok);
        } else if (t->id < NCHAN || rnd(t) % 4 == 0) {
            bool own = t->id < NCHAN;
            atomic_fetch_add(&op_counts[4], 1);
            st = chan_recv(w, &t->s, chans[own ? t->id : (int)(rnd(t) % NCHAN)],
                           &t->val, &ok, own);
            if (st == CHAN_PARKED) {
                t->pc = 1;
                return VM_PARK;
            }
            if (st == CHAN_WOULDBLOCK)
                return VM_YIELD;
            if (!receiver_got(w, t, ok, &t->val))
                break;
            continue;
        } else {
            atomic_fetch_add(&op_counts[5], 1);
            cs[0] = (SelectCase){quit, NULL};
            for (int i = 0; i < NCHAN; i++)
                cs[i + 1] = (SelectCase){chans[i], &t->bufs[i + 1]};
            st = chan_select(w, &t->s, cs, 0, NCHAN + 1, true, &chosen, &ok);
            if (st == CHAN_PARKED) {
                t->pc = 2;
                return VM_PARK;
            }
        }
        TG_CHECK(st == CHAN_OK);
        if (chosen == 0 || !receiver_got(w, t, ok, &t->bufs[chosen]))
            break;
        if (rnd(t) % 32 == 0)
            return VM_YIELD;
    }
    atomic_fetch_add(&finished, 1);
    return VM_DONE;
}

static int main_step(Worker *w, TG *t) {
    if (t->pc == 0) {
        t->pc = 1;
        for (int64_t i = 0; i < nrecv; i++) {
            TG *r = tg_new(receiver_step, (int)i);
            r->ctx = sched_alloc((NCHAN + 1) * sizeof(SelectCase));
            r->bufs = sched_alloc((NCHAN + 1) * sizeof(Slot));
            r->sum = (int64_t)(i * 2654435761u + 12345 + t->sum);
            tg_go(w, r);
        }
        for (int64_t i = 0; i < nsend; i++) {
            TG *s = tg_new(sender_step, (int)i);
            s->ctx = sched_alloc(3 * sizeof(SelectCase));
            s->n = per;
            s->sum = (int64_t)(i * 40503u + 777 + t->sum) | 1;
            tg_go(w, s);
        }
    }
    return atomic_load(&finished) < nsend + nrecv ? VM_YIELD : VM_DONE;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: stress_chan PROCS SENDERS RECEIVERS MSGS\n");
        return 2;
    }
#ifndef CSP_NO_GC
    GC_INIT();
    GC_allow_register_threads();
#endif
    int procs = atoi(argv[1]);
    nsend = atoll(argv[2]);
    nrecv = atoll(argv[3]);
    if (nrecv < NCHAN + 1)
        nrecv = NCHAN + 1; /* one owner per channel, one selecter */
    per = atoll(argv[4]);
    uint64_t seed = argc > 5 ? strtoull(argv[5], NULL, 10)
                             : (uint64_t)sched_nanotime();
    total = nsend * per;
    seen = calloc((size_t)total + 1, 1);
    for (int i = 0; i < NCHAN; i++)
        chans[i] = chan_new(NULL, 1, i % 3 == 0 ? 0 : i);
    quit = chan_new(NULL, 0, 0);
    TG *m = tg_new(main_step, -1);
    m->sum = (int64_t)(seed | 1);
    int64_t t0 = sched_nanotime();
    int rc = tg_main(procs, m);
    double secs = (double)(sched_nanotime() - t0) / 1e9;
    int64_t bad = 0;
    for (int64_t i = 0; i < total; i++)
        bad += atomic_load(&seen[i]) != 1;
    printf("stress_chan procs=%d senders=%lld receivers=%lld msgs=%lld "
           "seed=%llu: %.2fs rc=%d deadlocks=%d failures=%d lost/dup=%lld "
           "ops=[send %lld sel2 %lld seldef %lld selnil %lld recv %lld "
           "selrecv %lld] %s\n",
           procs, (long long)nsend, (long long)nrecv, (long long)total,
           (unsigned long long)seed, secs, rc, atomic_load(&tg_deadlocks),
           atomic_load(&tg_failures), (long long)bad,
           (long long)op_counts[0], (long long)op_counts[1],
           (long long)op_counts[2], (long long)op_counts[3],
           (long long)op_counts[4], (long long)op_counts[5],
           rc == 0 && bad == 0 && atomic_load(&tg_failures) == 0 ? "ok"
                                                                  : "FAILED");
    return rc == 0 && bad == 0 && atomic_load(&tg_failures) == 0 ? 0 : 1;
}
