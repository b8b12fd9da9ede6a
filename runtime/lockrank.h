/*
 * lockrank.h — the global lock order, checked on every acquire in the test
 * builds (CSP_DEBUG, debug.h), after Go's lockrank.go.
 *
 * THE ORDER (a thread may take a lock only if every ranked lock it holds
 * has a lower rank; channel locks, which select takes several of at once,
 * among themselves by address):
 *
 *   LR_SENDLOCK  a time.Timer's send lock (stdlib/time.c): a firing sends
 *                on the timer's channel while holding it
 *   LR_BUCKET    a sync primitive's wait bucket (stdlib/sync.c)
 *   LR_CHAN      channel locks, by address (runtime/chan.c)
 *   LR_TIMER     the timer heap (runtime/timer.c)
 *   LR_SCHED     sched.lock (runtime/sched.c)
 *   LR_ALLG      allglock, the list of all goroutines (runtime/sched.c)
 *
 * Unranked locks (rank 0: panic's print lock, held until exit) are not
 * checked. A violation prints both locks and aborts (debug.h's ASSERT);
 * the release build has no rank field and no check.
 */
#ifndef CSP_LOCKRANK_H
#define CSP_LOCKRANK_H

#include "debug.h"

typedef enum LockRank {
    LR_NONE = 0,
    LR_SENDLOCK,
    LR_BUCKET,
    LR_CHAN,
    LR_TIMER,
    LR_SCHED,
    LR_ALLG,
} LockRank;

#ifdef CSP_DEBUG
struct Lock;
/* Called by lock_acquire before it takes l / by lock_release after. */
void lockrank_acquire(struct Lock *l);
void lockrank_release(struct Lock *l);
#define LOCK_INIT(r) {.rank = (r)}
#define lock_setrank(l, r) ((l)->rank = (r))
#else
#define LOCK_INIT(r) {0}
#define lock_setrank(l, r) ((void)(l))
#endif

#endif
