/*
 * lockrank.c — the lock-order check of the test builds; the order and why
 * are in lockrank.h. Each thread keeps the ranked locks it holds in a small
 * stack (locks are released on the thread that took them: a parked G's
 * lock is released by park_commit on the same M).
 */
#include "lockrank.h"

#ifdef CSP_DEBUG
#include "sched.h"

enum { MAX_HELD = 32 }; /* select holds one lock per case: deeper is
                           not checked */

static _Thread_local struct {
    Lock *v[MAX_HELD];
    int n, over;
} held;

static const char *rank_name(int r) {
    static const char *names[] = {"none",   "time sendlock", "sync bucket",
                                  "chan",   "timer heap",    "sched.lock",
                                  "allglock"};
    return r >= 0 && r <= LR_ALLG ? names[r] : "?";
}

void lockrank_acquire(Lock *l) {
    if (!l->rank)
        return;
    for (int i = 0; i < held.n; i++) {
        Lock *h = held.v[i];
        bool ok = h->rank < l->rank ||
                  (h->rank == LR_CHAN && l->rank == LR_CHAN && h < l);
        ASSERT(ok, "lock order: %s (%p) taken while holding %s (%p)",
               rank_name(l->rank), (void *)l, rank_name(h->rank), (void *)h);
    }
    if (held.n < MAX_HELD)
        held.v[held.n++] = l;
    else
        held.over++;
}

void lockrank_release(Lock *l) {
    if (!l->rank)
        return;
    for (int i = held.n - 1; i >= 0; i--) {
        if (held.v[i] == l) {
            for (; i < held.n - 1; i++)
                held.v[i] = held.v[i + 1];
            held.n--;
            return;
        }
    }
    if (held.over > 0)
        held.over--;
}
#endif
