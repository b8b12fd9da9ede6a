/*
 * stress_park.c — parks many fake goroutines on one channel, then wakes
 * them: half by sends, the rest by close. Checks that every goroutine ran to
 * the end, that values arrived exactly once, and reports the scheduler's
 * own bytes per parked goroutine (GSched + Sudog; the fiber is the VM's).
 *
 * usage: stress_park PROCS GOROUTINES
 */
#include <stdlib.h>

#include "../unit/fakeg.h"

static Chan *ch;
static int64_t ngs;
static _Atomic int64_t parked_done, got_values, got_closed, value_sum;

static int waiter_step(Worker *w, TG *t) {
    if (t->pc == 0) {
        int st = chan_recv(w, &t->s, ch, &t->val, &t->ok, true);
        if (st == CHAN_PARKED) {
            t->pc = 1;
            return VM_PARK;
        }
        TG_CHECK(st == CHAN_OK);
    } else {
        chan_recv_resume(&t->s, &t->ok);
    }
    if (t->ok) {
        atomic_fetch_add(&got_values, 1);
        atomic_fetch_add(&value_sum, t->val.i);
    } else {
        atomic_fetch_add(&got_closed, 1);
    }
    atomic_fetch_add(&parked_done, 1);
    return VM_DONE;
}

static int main_step(Worker *w, TG *t) {
    switch (t->pc) {
    case 0:
        for (int64_t i = 0; i < ngs; i++)
            tg_go(w, tg_new(waiter_step, (int)i));
        t->pc = 1;
        return VM_YIELD;
    case 1: /* wait until all are parked */
        if (atomic_load(&ch->qcount) != 0)
            return VM_YIELD;
        for (;;) {
            int64_t n = 0;
            lock_acquire(&ch->lock);
            for (ListLink *e = list_first(&ch->recvq, LIST_PLAIN); e; e = e->next)
                n++;
            lock_release(&ch->lock);
            if (n == ngs)
                break;
            return VM_YIELD;
        }
        t->pc = 2;
        t->i = 0;
        /* fall through */
    case 2:
    case 3:
        while (t->i < ngs / 2) {
            int st;
            if (t->pc == 3) {
                st = chan_send_resume(&t->s);
                t->pc = 2;
            } else {
                t->val.i = t->i + 1;
                st = chan_send(w, &t->s, ch, &t->val, true);
                if (st == CHAN_PARKED) {
                    t->pc = 3;
                    return VM_PARK;
                }
            }
            TG_CHECK(st == CHAN_OK);
            t->i++;
        }
        TG_CHECK(chan_close(w, ch) == CHAN_OK);
        t->pc = 4;
        /* fall through */
    default:
        return atomic_load(&parked_done) < ngs ? VM_YIELD : VM_DONE;
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: stress_park PROCS GOROUTINES\n");
        return 2;
    }
#ifndef CSP_NO_GC
    GC_INIT();
    GC_allow_register_threads();
#endif
    int procs = atoi(argv[1]);
    ngs = atoll(argv[2]);
    ch = chan_new(NULL, 1, 0);
    int64_t t0 = sched_nanotime();
    int rc = tg_main(procs, tg_new(main_step, -1));
    double secs = (double)(sched_nanotime() - t0) / 1e9;
    int64_t half = ngs / 2;
    bool ok = rc == 0 && atomic_load(&got_values) == half &&
              atomic_load(&got_closed) == ngs - half &&
              atomic_load(&value_sum) == half * (half + 1) / 2 &&
              atomic_load(&tg_failures) == 0;
    printf("stress_park procs=%d goroutines=%lld: %.2fs rc=%d values=%lld "
           "closed=%lld sched bytes/parked G=%zu %s\n",
           procs, (long long)ngs, secs, rc, (long long)got_values,
           (long long)got_closed, sizeof(GSched) + sizeof(Sudog),
           ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
