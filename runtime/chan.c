/*
 * chan.c — channels and select, after Go's runtime/chan.go and select.go.
 *
 * INVARIANTS (all under c->lock)
 *   - At least one of c->sendq and c->recvq is empty, except for an
 *     unbuffered channel with a single goroutine blocked in select on both
 *     its send and its receive side (it cannot match itself).
 *   - Buffered: qcount > 0 implies recvq is empty; qcount < dataqsiz implies
 *     sendq is empty.
 *   - A closed channel has no waiters in sendq or recvq (close woke them).
 *
 * HAND-OFF: a send that finds a waiting receiver copies the value straight
 * into the receiver's destination; a receive that finds a waiting sender
 * copies from the sender's source (through the buffer's head when the
 * buffer is full, so FIFO order is kept). The waiter's sudog records the
 * outcome (success) and the waiter is readied only after c->lock has been
 * released: a woken goroutine may immediately run on another thread and
 * touch the channel, and the lock must not be held while the scheduler
 * takes its own locks (lock order: channel < sched).
 *
 * SELECT: cases are polled in a random permutation (fairness among ready
 * cases); the channels are locked in address order (no deadlock between
 * two selects over the same channels); if none is ready a sudog is queued
 * on every channel and the goroutine parks. The first waker to CAS the
 * goroutine's selectdone from 0 to 1 wins; other wakers skip its sudogs.
 * On resume the goroutine relocks everything and removes the losing
 * sudogs. REJECTED: one global select lock (serialises all channels).
 *
 * PARKING: the blocking paths call sched_park with a commit that releases
 * the channel lock(s) and return CHAN_PARKED with the locks held; see
 * sched.h for why the lock is released only after the goroutine stopped.
 */
#include "chan.h"

#include "debug.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leak.h"
#include "race.h"
#include "type.h"
#include "vm.h" /* Worker: its rng orders select's polling */

/* Cases up to this count use scratch space on the C stack; more (rare,
 * generated code) use the C heap. */
enum { SEL_STACK_CASES = 16 };

/* Per-select bookkeeping of a blocked select (alive until resume). */
typedef struct SelWait {
    int nsends;
    int nsg;             /* sudogs, in lock order */
    int nlocks;          /* distinct channels, ascending address */
    Chan **locks;
    Sudog sg[];
} SelWait;

const char *chan_panic_msg(int status) {
    switch (status) {
    case CHAN_PANIC_SEND_CLOSED:
        return "send on closed channel";
    case CHAN_PANIC_CLOSE_NIL:
        return "close of nil channel";
    case CHAN_PANIC_CLOSE_CLOSED:
        return "close of closed channel";
    default:
        return NULL;
    }
}

/* A buffer of pointer-free elements is neither zeroed nor scanned (a slot
 * is written before it is read): a huge make(chan int, n) maps its pages
 * lazily, as Go's does, instead of touching n*8 bytes up front. */
Chan *chan_new(Type *elem, int64_t elemsize, int64_t size) {
    Chan *c = sched_alloc(sizeof *c);
    lock_setrank(&c->lock, LR_CHAN);
    c->elem = elem;
    c->elemsize = elem ? elem->size : elemsize;
    c->dataqsiz = size;
    size_t bytes = (size_t)size * (size_t)c->elemsize * sizeof(Slot) + 1;
    if (size > 0)
        c->buf = elem && !type_has_pointers(elem) ? sched_alloc_noscan(bytes)
                                                  : sched_alloc(bytes);
    if (RACE_ON()) { /* no clocks inherited from a dead channel's memory */
        race_alloc(c, sizeof *c);
        if (c->buf)
            race_alloc(c->buf, bytes);
    }
    return c;
}

/* Timer channels keep their one-value buffer (stdlib/time/time.c) but, as in Go
 * 1.23, present themselves as unbuffered: len and cap are 0, so nobody takes
 * a value that Stop or Reset may still discard as available. */
int64_t chan_len(Chan *c) {
    if (!c || c->timer)
        return 0;
    return atomic_load_explicit(&c->qcount, memory_order_relaxed);
}

int64_t chan_cap(Chan *c) { return c && !c->timer ? c->dataqsiz : 0; }

/* ---- helpers ------------------------------------------------------------------ */

static void copy_elem(Chan *c, Slot *dst, const Slot *src) {
    if (dst && c->elemsize)
        memcpy(dst, src, c->elemsize * sizeof(Slot));
}

static void zero_elem(Chan *c, Slot *dst) {
    if (dst && c->elemsize)
        memset(dst, 0, c->elemsize * sizeof(Slot));
}

static Slot *bufslot(Chan *c, int64_t i) { return c->buf + i * c->elemsize; }

/* -race (c->lock held): the value crossing c at ring position i (the
 * channel itself when unbuffered) synchronises the running goroutine with
 * peer, as Go's racenotify does; a direct hand-off on a buffered channel
 * (buffer empty) consumes a ring position as Go does, so the k-th receive
 * still pairs with the (k+C)-th send. */
static void race_xfer(Chan *c, int64_t i, GSched *peer) {
    if (c->dataqsiz == 0) {
        race_chan_xfer(c, peer);
        return;
    }
    race_chan_xfer(c->elemsize ? bufslot(c, i) : c->buf, peer);
}

static void race_handoff(Chan *c, GSched *peer) {
    race_xfer(c, c->recvx, peer);
    if (c->dataqsiz && ++c->recvx == c->dataqsiz)
        c->recvx = 0;
    c->sendx = c->recvx;
}

static void set_qcount(Chan *c, int64_t n) {
    atomic_store_explicit(&c->qcount, n, memory_order_relaxed);
}

static int64_t qcount(Chan *c) {
    return atomic_load_explicit(&c->qcount, memory_order_relaxed);
}

/* The wait queues (list.h): plain links, c->lock held. */
#define SUDOG(e) LIST_ENTRY(e, Sudog, link)

static void enqueue(List *q, Sudog *sg) {
    ASSERT(!sg->inq, "sudog enqueued twice");
    list_push_back(q, &sg->link, LIST_PLAIN);
    sg->inq = q;
}

static void unlink_sg(Sudog *sg) {
    ASSERT(sg->inq, "sudog unlinked from no queue");
    list_unlink(sg->inq, &sg->link, LIST_PLAIN);
    sg->inq = NULL;
}

/* First waiter that can still be woken: a select sudog whose goroutine was
 * already won by another case is dropped. */
static Sudog *dequeue(List *q) {
    for (;;) {
        Sudog *sg = SUDOG(list_first(q, LIST_PLAIN));
        if (!sg)
            return NULL;
        unlink_sg(sg);
        if (sg->isselect) {
            uint32_t zero = 0;
            /* acq_rel: exactly one waker wins; pairs with the reset in
             * chan_select_resume (done under every channel lock) */
            if (!atomic_compare_exchange_strong_explicit(
                    &sg->g->selectdone, &zero, 1, memory_order_acq_rel,
                    memory_order_relaxed))
                continue;
        } else {
            /* its G committed the park before releasing our lock */
            ASSERT(atomic_load(&sg->g->status) == G_WAITING,
                   "a queued sudog's goroutine is not waiting");
        }
        return sg;
    }
}

static Sudog *acquire_sudog(GSched *g) {
    Sudog *sg = g->sudogcache;
    if (sg) {
        g->sudogcache = NULL;
        memset(sg, 0, sizeof *sg);
        return sg;
    }
    return sched_alloc(sizeof *sg);
}

static void release_sudog(GSched *g, Sudog *sg) {
    sg->elem = NULL;
    sg->c = NULL;
    g->sudogcache = sg;
}

/* Marks sg's goroutine woken with outcome ok (c->lock held). */
static GSched *complete(Sudog *sg, bool ok) {
    sg->success = ok;
    sg->g->param = sg;
    return sg->g;
}

/* c->lock held: hands elem to the waiting receiver sg. */
static GSched *sendto(Chan *c, Sudog *sg, const Slot *elem) {
    if (RACE_ON())
        race_handoff(c, sg->g);
    copy_elem(c, sg->elem, elem);
    return complete(sg, true);
}

/* c->lock held: receives from the waiting sender sg into dst. Buffered
 * (then full): take the head, and the sender's value goes to the tail. */
static GSched *recvfrom(Chan *c, Sudog *sg, Slot *dst) {
    if (RACE_ON())
        race_xfer(c, c->recvx, sg->g);
    if (c->dataqsiz == 0) {
        copy_elem(c, dst, sg->elem);
    } else {
        Slot *head = bufslot(c, c->recvx);
        copy_elem(c, dst, head);
        copy_elem(c, head, sg->elem);
        if (++c->recvx == c->dataqsiz)
            c->recvx = 0;
        c->sendx = c->recvx;
    }
    return complete(sg, true);
}

static void bufsend(Chan *c, const Slot *elem) {
    if (RACE_ON())
        race_xfer(c, c->sendx, NULL);
    copy_elem(c, bufslot(c, c->sendx), elem);
    if (++c->sendx == c->dataqsiz)
        c->sendx = 0;
    set_qcount(c, qcount(c) + 1);
    ASSERT(qcount(c) <= c->dataqsiz, "channel count %lld over its capacity",
           (long long)qcount(c));
}

static void bufrecv(Chan *c, Slot *dst) {
    if (RACE_ON())
        race_xfer(c, c->recvx, NULL);
    Slot *head = bufslot(c, c->recvx);
    copy_elem(c, dst, head);
    zero_elem(c, head); /* drop the reference for the GC */
    if (++c->recvx == c->dataqsiz)
        c->recvx = 0;
    set_qcount(c, qcount(c) - 1);
    ASSERT(qcount(c) >= 0, "negative channel count");
}

static bool unlock_commit(GSched *g, void *arg) {
    lock_release(&((Chan *)arg)->lock);
    return true;
}

/* Parks g for ever (nil channel, select with no ready-able case). */
static int park_forever(GSched *g, WaitReason r) {
    sched_park(g, NULL, NULL, r);
    return CHAN_PARKED;
}

/* c->lock held: queue g on q and park (the commit releases c->lock). */
static int block_on(GSched *g, Chan *c, List *q, Slot *elem, WaitReason r) {
    Sudog *sg = acquire_sudog(g);
    sg->g = g;
    sg->c = c;
    sg->elem = elem;
    sg->casei = -1;
    g->waiting = sg;
    g->param = NULL;
    enqueue(q, sg);
    if (c->timer) /* a weak timer may wake it: runtime/leak.c */
        leak_pin(g);
    sched_park(g, unlock_commit, c, r);
    return CHAN_PARKED;
}

/* ---- send / receive / close --------------------------------------------------------- */

int chan_send(Worker *w, GSched *g, Chan *c, const Slot *elem, bool block) {
    sched_note_sync(g);
    if (!c)
        return block ? park_forever(g, WAIT_CHAN_SEND_NIL) : CHAN_WOULDBLOCK;
    lock_acquire(&c->lock);
    if (c->closed) {
        lock_release(&c->lock);
        return CHAN_PANIC_SEND_CLOSED;
    }
    Sudog *sg = dequeue(&c->recvq);
    if (sg) {
        GSched *rg = sendto(c, sg, elem);
        lock_release(&c->lock);
        sched_ready(w, rg, true);
        return CHAN_OK;
    }
    if (qcount(c) < c->dataqsiz) {
        bufsend(c, elem);
        lock_release(&c->lock);
        return CHAN_OK;
    }
    if (!block) {
        lock_release(&c->lock);
        return CHAN_WOULDBLOCK;
    }
    return block_on(g, c, &c->sendq, (Slot *)elem, WAIT_CHAN_SEND);
}

int chan_recv(Worker *w, GSched *g, Chan *c, Slot *dst, bool *ok,
              bool block) {
    sched_note_sync(g);
    if (!c)
        return block ? park_forever(g, WAIT_CHAN_RECV_NIL) : CHAN_WOULDBLOCK;
    lock_acquire(&c->lock);
    if (c->closed && qcount(c) == 0) {
        if (RACE_ON())
            race_chan_closed_recv(c);
        lock_release(&c->lock);
        zero_elem(c, dst);
        *ok = false;
        return CHAN_OK;
    }
    Sudog *sg = dequeue(&c->sendq);
    if (sg) {
        GSched *sgg = recvfrom(c, sg, dst);
        lock_release(&c->lock);
        sched_ready(w, sgg, true);
        *ok = true;
        return CHAN_OK;
    }
    if (qcount(c) > 0) {
        bufrecv(c, dst);
        lock_release(&c->lock);
        *ok = true;
        return CHAN_OK;
    }
    if (!block) {
        lock_release(&c->lock);
        return CHAN_WOULDBLOCK;
    }
    return block_on(g, c, &c->recvq, dst, WAIT_CHAN_RECV);
}

int chan_close(Worker *w, Chan *c) {
    Fiber *self_f = vm_running_fiber();
    if (self_f)
        sched_note_sync(&self_f->sched);
    if (!c)
        return CHAN_PANIC_CLOSE_NIL;
    lock_acquire(&c->lock);
    if (c->closed) {
        lock_release(&c->lock);
        return CHAN_PANIC_CLOSE_CLOSED;
    }
    c->closed = true;
    if (RACE_ON())
        race_chan_close(c);
    /* Collect every waiter (its link is free once dequeued; the last one
     * dequeued first, as they are readied), wake after unlocking. */
    List woken = {0};
    Sudog *sg;
    while ((sg = dequeue(&c->recvq))) {
        if (RACE_ON())
            race_chan_close_wake(c, sg->g);
        zero_elem(c, sg->elem);
        complete(sg, false);
        list_push_front(&woken, &sg->link, LIST_PLAIN);
    }
    while ((sg = dequeue(&c->sendq))) {
        complete(sg, false);
        list_push_front(&woken, &sg->link, LIST_PLAIN);
    }
    lock_release(&c->lock);
    for (ListLink *e = list_take_all(&woken, LIST_PLAIN), *next; e; e = next) {
        next = e->next; /* read before the goroutine may reuse its sudog */
        sched_ready(w, SUDOG(e)->g, false);
    }
    return CHAN_OK;
}

int chan_send_resume(GSched *g) {
    if (g->leakpin)
        leak_unpin(g);
    Sudog *sg = g->waiting;
    bool ok = sg->success;
    g->waiting = NULL;
    g->param = NULL;
    release_sudog(g, sg);
    return ok ? CHAN_OK : CHAN_PANIC_SEND_CLOSED;
}

int chan_recv_resume(GSched *g, bool *ok) {
    if (g->leakpin)
        leak_unpin(g);
    Sudog *sg = g->waiting;
    *ok = sg->success;
    g->waiting = NULL;
    g->param = NULL;
    release_sudog(g, sg);
    return CHAN_OK;
}

/* ---- select ------------------------------------------------------------------------- */

static uint64_t sel_rand(Worker *w) {
    static __thread uint64_t tls = 0x9e3779b97f4a7c15ull;
    uint64_t *s = w ? &w->rng : &tls;
    uint64_t x = *s ? *s : 0x9e3779b97f4a7c15ull;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *s = x;
    return x;
}

/* Sorts lockorder by channel address: insertion sort, since a select has
 * a handful of cases (qsort_r's setup and indirect compares cost more than
 * the sort itself there); qsort_r past SEL_STACK_CASES. */
static int cmp_chan(const void *a, const void *b, void *arg);
static void sort_lockorder(SelectCase *cases, int *lockorder, int n) {
    if (n > SEL_STACK_CASES) {
        qsort_r(lockorder, (size_t)n, sizeof(int), cmp_chan, cases);
        return;
    }
    for (int i = 1; i < n; i++) {
        int x = lockorder[i];
        uintptr_t cx = (uintptr_t)cases[x].c;
        int j = i;
        for (; j > 0 && (uintptr_t)cases[lockorder[j - 1]].c > cx; j--)
            lockorder[j] = lockorder[j - 1];
        lockorder[j] = x;
    }
}

static int cmp_chan(const void *a, const void *b, void *arg) {
    SelectCase *cases = arg;
    uintptr_t x = (uintptr_t)cases[*(const int *)a].c;
    uintptr_t y = (uintptr_t)cases[*(const int *)b].c;
    return x < y ? -1 : x > y;
}

static void lock_all(Chan **locks, int n) {
    for (int i = 0; i < n; i++)
        lock_acquire(&locks[i]->lock);
}

static void unlock_all(Chan **locks, int n) {
    for (int i = n - 1; i >= 0; i--)
        lock_release(&locks[i]->lock);
}

/* Distinct channels of the cases in lockorder (ascending); returns count. */
static int lock_list(SelectCase *cases, const int *lockorder, int n,
                     Chan **out) {
    int k = 0;
    for (int i = 0; i < n; i++) {
        Chan *c = cases[lockorder[i]].c;
        if (k == 0 || out[k - 1] != c)
            out[k++] = c;
    }
    return k;
}

/* One pass over the cases in poll order, all channels locked. Returns the
 * case that could proceed (and its outcome), or -1; unlocks when a case
 * proceeds. *wake: a goroutine to ready after unlocking. */
static int poll_cases(SelectCase *cases, int nsends, const int *pollorder,
                      int n, bool *recvok, int *status, GSched **wake) {
    for (int i = 0; i < n; i++) {
        int casi = pollorder[i];
        Chan *c = cases[casi].c;
        Slot *elem = cases[casi].elem;
        Sudog *sg;
        *status = CHAN_OK;
        if (casi >= nsends) {
            if ((sg = dequeue(&c->sendq))) {
                *wake = recvfrom(c, sg, elem);
                *recvok = true;
            } else if (qcount(c) > 0) {
                bufrecv(c, elem);
                *recvok = true;
            } else if (c->closed) {
                if (RACE_ON())
                    race_chan_closed_recv(c);
                zero_elem(c, elem);
                *recvok = false;
            } else {
                continue;
            }
            return casi;
        }
        if (c->closed)
            *status = CHAN_PANIC_SEND_CLOSED;
        else if ((sg = dequeue(&c->recvq)))
            *wake = sendto(c, sg, elem);
        else if (qcount(c) < c->dataqsiz)
            bufsend(c, elem);
        else
            continue;
        return casi;
    }
    return -1;
}

static bool sel_commit(GSched *g, void *arg) {
    SelWait *sw = arg;
    /* sw->locks is not modified until g resumes, which needs all these
     * locks: reading it between the unlocks is safe. */
    unlock_all(sw->locks, sw->nlocks);
    return true;
}

/* All channels locked, nothing ready: queue a sudog on every channel and
 * park. */
static int sel_block(GSched *g, SelectCase *cases, int nsends,
                     const int *lockorder, int n, Chan **locks, int nlocks) {
    SelWait *sw = sched_alloc(sizeof *sw + (size_t)n * sizeof(Sudog));
    sw->nsends = nsends;
    sw->nsg = n;
    sw->nlocks = nlocks;
    sw->locks = sched_alloc((size_t)nlocks * sizeof(Chan *));
    memcpy(sw->locks, locks, (size_t)nlocks * sizeof(Chan *));
    atomic_store_explicit(&g->selectdone, 0, memory_order_relaxed);
    g->param = NULL;
    g->waiting = sw;
    for (int i = 0; i < n; i++) {
        int casi = lockorder[i];
        Sudog *sg = &sw->sg[i];
        sg->g = g;
        sg->c = cases[casi].c;
        sg->elem = cases[casi].elem;
        sg->casei = casi;
        sg->isselect = true;
        enqueue(casi < nsends ? &sg->c->sendq : &sg->c->recvq, sg);
        if (sg->c->timer) /* a weak timer may wake it: runtime/leak.c */
            leak_pin(g);
    }
    sched_park(g, sel_commit, sw, WAIT_SELECT);
    return CHAN_PARKED;
}

int chan_select(Worker *w, GSched *g, SelectCase *cases, int nsends,
                int nrecvs, bool block, int *chosen, bool *recvok) {
    int ncases = nsends + nrecvs;
    sched_note_sync(g);
    *chosen = -1;
    *recvok = false;
    if (ncases == 0)
        return block ? park_forever(g, WAIT_SELECT_NO_CASES) : CHAN_OK;
    size_t scratch = (size_t)ncases * (2 * sizeof(int) + sizeof(Chan *));
    _Alignas(Chan *) char stackbuf[SEL_STACK_CASES *
                                   (2 * sizeof(int) + sizeof(Chan *))];
    void *order = ncases <= SEL_STACK_CASES ? stackbuf : malloc(scratch);
    if (!order)
        gc_out_of_memory(scratch);
    Chan **locks = order; /* first: pointer alignment */
    int *pollorder = (int *)(locks + ncases), *lockorder = pollorder + ncases;
    int n = 0;
    for (int i = 0; i < ncases; i++) {
        if (!cases[i].c)
            continue;
        int j = (int)(sel_rand(w) % (uint64_t)(n + 1));
        pollorder[n] = pollorder[j];
        pollorder[j] = i;
        n++;
    }
    memcpy(lockorder, pollorder, (size_t)n * sizeof(int));
    sort_lockorder(cases, lockorder, n);
    int nlocks = lock_list(cases, lockorder, n, locks);
    lock_all(locks, nlocks);
    int status = CHAN_OK;
    GSched *wake = NULL;
    int casi = poll_cases(cases, nsends, pollorder, n, recvok, &status, &wake);
    if (casi >= 0 || !block) {
        unlock_all(locks, nlocks);
        if (order != stackbuf)
            free(order);
        if (wake)
            sched_ready(w, wake, true);
        *chosen = casi;
        return status;
    }
    if (n == 0) {
        if (order != stackbuf)
            free(order);
        return park_forever(g, WAIT_SELECT);
    }
    status = sel_block(g, cases, nsends, lockorder, n, locks, nlocks);
    if (order != stackbuf)
        free(order);
    return status;
}

int chan_select_resume(GSched *g, int *chosen, bool *recvok) {
    if (g->leakpin)
        leak_unpin(g);
    SelWait *sw = g->waiting;
    lock_all(sw->locks, sw->nlocks);
    atomic_store_explicit(&g->selectdone, 0, memory_order_relaxed);
    Sudog *win = g->param;
    int casi = -1;
    bool success = false;
    for (int i = 0; i < sw->nsg; i++) {
        Sudog *sg = &sw->sg[i];
        if (sg == win) {
            casi = sg->casei;
            success = sg->success;
        } else if (sg->inq) {
            unlink_sg(sg);
        }
    }
    unlock_all(sw->locks, sw->nlocks);
    g->waiting = NULL;
    g->param = NULL;
    if (casi < 0) {
        fprintf(stderr, "fatal error: select: woken without a case\n");
        abort();
    }
    *chosen = casi;
    *recvok = casi >= sw->nsends && success;
    return casi < sw->nsends && !success ? CHAN_PANIC_SEND_CLOSED : CHAN_OK;
}
