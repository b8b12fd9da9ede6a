/*
 * chan.h — channels and select (Go's hchan and selectgo).
 *
 * A channel operation either completes at once (CHAN_OK), cannot complete
 * without blocking (CHAN_WOULDBLOCK, only when block == false), fails with a
 * panic code (the VM raises Go's panic, see chan_panic_msg), or has parked
 * the calling goroutine (CHAN_PARKED). On CHAN_PARKED the channel lock is
 * STILL HELD and sched_park has been called: the VM must return VM_PARK at
 * once, without touching any channel; the scheduler releases the lock once
 * the goroutine has stopped. When the goroutine runs again (someone readied
 * it), the VM calls the matching *_resume function to learn the outcome.
 *
 * VALUES are in memory representation (value.h): elem points to
 * c->elemsize slots. A parked operation keeps using the pointer: the send
 * source / receive destination must stay valid and must not move until the
 * goroutine resumes (a parked fiber's stack does not move). A receive
 * destination may be NULL (`<-c` discards the value).
 *
 * LOCKING: each channel has one Lock. select locks its channels in address
 * order. Goroutines are readied only after the channel locks are released.
 */
#ifndef CSP_CHAN_H
#define CSP_CHAN_H

#include <stdbool.h>
#include <stdint.h>

#include "list.h"
#include "sched.h"
#include "value.h"

typedef struct Sudog Sudog;

/* A goroutine waiting in one channel's queue (Go's sudog). The queues are
 * FIFO Lists (list.h) of LIST_PLAIN links: a queued sudog is kept alive by
 * its channel. */
struct Sudog {
    ListLink link;        /* queue links, first member: c->lock */
    GSched *g;
    List *inq;            /* the queue holding it, NULL if none: c->lock */
    Chan *c;
    Slot *elem;           /* send: source; receive: destination (or NULL) */
    int casei;            /* select: index of the case; -1 for a single op */
    bool isselect;
    bool success;         /* set by the waker: true = communicated,
                             false = woken by close */
};

struct Chan {
    Lock lock;
    bool closed;              /* c->lock */
    int64_t elemsize;         /* slots per element: immutable */
    int64_t dataqsiz;         /* capacity: immutable */
    _Atomic int64_t qcount;   /* buffered elements: written under c->lock,
                                 read without it by len() */
    int64_t sendx, recvx;     /* ring indexes: c->lock */
    Slot *buf;                /* dataqsiz * elemsize slots: immutable pointer */
    Type *elem;               /* element type: immutable (may be NULL in tests) */
    List recvq, sendq;        /* of Sudog, LIST_PLAIN: c->lock */
    void *timer;              /* time.Timer/Ticker channels: the timer record
                                 feeding it (stdlib/time/time.c), so the timer
                                 stays alive while the channel is reachable
                                 (Go's c.timer); set once before the channel
                                 is shared, NULL otherwise */
};

enum ChanStatus {
    CHAN_OK = 0,
    CHAN_PARKED = 1,
    CHAN_WOULDBLOCK = 2,
    CHAN_PANIC_SEND_CLOSED = 3,   /* "send on closed channel" */
    CHAN_PANIC_CLOSE_NIL = 4,     /* "close of nil channel" */
    CHAN_PANIC_CLOSE_CLOSED = 5,  /* "close of closed channel" */
};
/* Go's panic message for a CHAN_PANIC_* status (a runtime.Error whose
 * Error() has no "runtime error: " prefix), NULL otherwise. */
const char *chan_panic_msg(int status);

/* make(chan T, size): elemsize slots per element (elem->size; elem may be
 * NULL when elemsize is given). size >= 0 (the VM checks the range). */
Chan *chan_new(Type *elem, int64_t elemsize, int64_t size);
int64_t chan_len(Chan *c);   /* nil or timer channel: 0 */
int64_t chan_cap(Chan *c);   /* nil or timer channel: 0 */

/* c <- *elem. w: the caller's worker; g: the running goroutine. */
int chan_send(Worker *w, GSched *g, Chan *c, const Slot *elem, bool block)
    __attribute__((warn_unused_result));
/* *dst = <-c; *ok = false when c is closed and drained (dst zeroed). */
int chan_recv(Worker *w, GSched *g, Chan *c, Slot *dst, bool *ok, bool block)
    __attribute__((warn_unused_result));
/* close(c): CHAN_OK or a panic code. Wakes every waiter. */
int chan_close(Worker *w, Chan *c) __attribute__((warn_unused_result));

/* After a parked send/recv resumed: CHAN_OK or CHAN_PANIC_SEND_CLOSED. */
int chan_send_resume(GSched *g) __attribute__((warn_unused_result));
int chan_recv_resume(GSched *g, bool *ok);

/* One case of a select: sends first (cases[0..nsends)), then receives.
 * c may be NULL (never ready). elem: the value to send, or where to
 * receive (distinct per case; may be NULL to discard). */
typedef struct SelectCase {
    Chan *c;
    Slot *elem;
} SelectCase;

/* Go's selectgo. Among the ready cases one is chosen uniformly at random.
 * Returns CHAN_OK with *chosen = the case (or -1: none ready and !block,
 * i.e. the default case) and *recvok (receives: false = closed);
 * CHAN_PANIC_SEND_CLOSED with *chosen = the send case; or CHAN_PARKED.
 * The cases array must stay valid until chan_select_resume returns.
 * nsends + nrecvs == 0 with block: `select {}`, parks for ever. */
int chan_select(Worker *w, GSched *g, SelectCase *cases, int nsends,
                int nrecvs, bool block, int *chosen, bool *recvok)
    __attribute__((warn_unused_result));
int chan_select_resume(GSched *g, int *chosen, bool *recvok)
    __attribute__((warn_unused_result));

#endif
