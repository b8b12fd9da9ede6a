/*
 * timer.h — the runtime's timers: one global 4-ary min-heap of deadlines
 * under one lock, run by whichever M looks for work once they are due.
 *
 * WHO USES IT
 *   - time.Sleep parks its goroutine and starts a one-shot timer whose
 *     function readies it (stdlib/time/time.c).
 *   - time.NewTimer / After / NewTicker / Tick / AfterFunc start timers
 *     whose function sends on the timer's channel or spawns f's goroutine.
 *   - The scheduler (SchedHooks.timers_next / timers_run, plugged in by the
 *     VM): an idle M sleeps until timer_next_deadline(); every M calls
 *     timer_run_due() when it looks for a goroutine to run. Pending timers
 *     count as work for the deadlock detector (a timer sleeper exists).
 *
 * PROTOCOL
 *   An RTimer is embedded in (or owned by) its user's record, allocated by
 *   the GC. timer_start puts it in the heap (or moves it), timer_stop takes
 *   it out. Both bump t->seq; timer_run_due hands the function the seq the
 *   timer had when it was taken off the heap, so a user that serialises
 *   start/stop and its firing under a lock of its own (time.c's send lock)
 *   can tell a firing made stale by a later Stop/Reset and drop it. That
 *   is how Go 1.23's "no stale value after Stop or Reset" is kept.
 *   A firing runs on an M that holds a P (w != NULL), with no timer lock
 *   held; the function may take channel and scheduler locks.
 *
 * GC: the heap holds each timer through a TimerRef. A strong timer's ref
 *   points to it normally, so it stays alive while pending (Sleep,
 *   AfterFunc: nothing else may refer to them). A weak timer's ref sits in
 *   pointer-free memory and is a disappearing link (libgc): once the
 *   timer's owner is unreachable the collector clears it, and the heap
 *   drops the entry when it comes due. Channel timers are weak; their
 *   channel points back to the record (Chan.timer), so a goroutine blocked
 *   on the channel keeps the timer alive. This is Go 1.23's "unreferenced
 *   timers and tickers are collected, even unstopped". (With CSP_NO_GC
 *   every timer is strong.)
 *
 * LOCK ORDER: a user's own timer lock < timerlock < channel locks <
 *   sched.lock. timer_run_due releases timerlock before calling functions.
 *
 * ALTERNATIVES REJECTED: per-P heaps (faster with many Ps adding timers at
 *   once, but every P's heap must then be visited for the next deadline and
 *   moved on GOMAXPROCS changes; one heap is simple and 100k timers cost
 *   O(log n) each); a timer thread (an extra hop and a context switch per
 *   firing; Go dropped it too).
 */
#ifndef CSP_TIMER_H
#define CSP_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "sched.h"

typedef struct RTimer RTimer;
typedef struct TimerRef TimerRef;

/* Called when t fires: w is the firing M's worker (holds a P); arg is
 * t->arg; seq is t->seq as it was when t was taken off the heap. */
typedef void (*TimerFunc)(Worker *w, RTimer *t, void *arg, uint64_t seq);

struct RTimer {
    int64_t when;        /* deadline (sched_nanotime): timerlock */
    int64_t period;      /* > 0: fires every period ns (tickers): timerlock */
    uint64_t seq;        /* bumped by every start/stop: timerlock */
    TimerRef *ref;       /* the heap's handle on t: immutable after init */
    TimerFunc fn;        /* immutable after timer_init */
    void *arg;           /* immutable after timer_init */
};

/* Prepares t (not in the heap): a strong timer, kept alive while pending. */
void timer_init(RTimer *t, TimerFunc fn, void *arg);
/* The same for a weak timer: dropped unfired once `owner` (the collected
 * object that holds t) is unreachable. */
void timer_init_weak(RTimer *t, TimerFunc fn, void *arg, void *owner);
/* Whether t is in the heap. */
bool timer_pending(RTimer *t);
/* Puts t in the heap to fire at `when` (absolute sched_nanotime) and then
 * every `period` ns if period > 0; moves it if it was pending. Returns true
 * if it was pending. */
bool timer_start(RTimer *t, int64_t when, int64_t period);
/* Takes t off the heap. Returns true if it was pending. */
bool timer_stop(RTimer *t);
/* Makes the pending timers with function fn whose arg satisfies match
 * (called under the heap lock) due now; returns how many (at most 8).
 * O(pending timers): for rare uses, the REPL's Ctrl-C. */
int timer_hurry(TimerFunc fn, bool (*match)(void *arg, void *ctx), void *ctx);
/* t->seq read under the heap lock (for callers without their own lock). */
uint64_t timer_seq(RTimer *t);

/* Scheduler hooks. The earliest deadline or -1 (lock-free, any thread). */
int64_t timer_next_deadline(void);
/* Fires every due timer (called by an M holding a P; cheap when none is
 * due: one atomic load and, with timers pending, one clock read). */
void timer_run_due(Worker *w);

/* Pending timers (tests, stats). */
int64_t timer_count(void);

/* sched_nanotime() + d, saturating at INT64_MAX (d may be huge). */
int64_t timer_when(int64_t d);

#endif
