/*
 * list.h — the intrusive doubly-linked list of waiting goroutines. Two
 * owners use it: a channel's queues of sudogs (chan.c: c->recvq, c->sendq)
 * and the sync wait table's per-address lists of waiters
 * (stdlib/sync/sync.c: WaitList). Each keeps its own meaning on top (the
 * select CAS of chan.c's dequeue, the Mutex hand-off of sync.c); only the
 * linking lives here.
 *
 * INTRUSIVE: a ListLink is embedded in the waiting record, as its first
 * member, so that a pointer to a link is a pointer to the start of the
 * record (what the collector and a debugger expect to see); LIST_ENTRY
 * turns a link back into its record. Queueing allocates nothing: the
 * record belongs to the waiting goroutine (its sudog, its SyncWaiter).
 *
 * ONE LIST, TWO VISIBILITIES: the head (List) stores its first and last
 * links XOR-ed with a mask that each call passes, always the same constant
 * for a given list (a wrapper at the call site fixes it, so the compiler
 * folds it away):
 *   LIST_PLAIN   0: the head holds ordinary pointers. A channel's queues
 *                must keep their sudogs alive.
 *   LIST_HIDDEN  ~0: libgc's disguise (GC_HIDE_POINTER(p) is ~p, which is
 *                p ^ ~0; sync.c checks this at compile time). The collector
 *                does not see the waiters from the head, so the wait table
 *                (a static root) keeps neither them nor their goroutines
 *                alive, and runtime/leak.c can find a goroutine blocked on
 *                a sync object leaked (sync.c, LEAKS).
 * A missing end is stored as 0 under either mask, so zeroed memory is an
 * empty list. The links between records (next, prev) are plain pointers
 * under both masks: they only lead from one waiter to another, never from
 * a root.
 *
 * LOCKING: a list has no lock of its own. It is protected by its owner's
 * lock — the channel's c->lock for a channel queue, the bucket lock for a
 * sync WaitList — and every function here is called with that lock held;
 * so are reads of a record's links while it is queued.
 *
 * INVARIANTS (ASSERT, test builds; runtime/debug.h): the first link has no
 * prev and the last no next; a link being unlinked is pointed at by its
 * neighbours (or by the head, at an end).
 *
 * REJECTED: the mask stored in the head (a word more per channel queue and
 * a load on every queue operation, where the call site knows it anyway);
 * disguising the links between records too (no root leads to them, and
 * channels would pay a XOR on every step).
 */
#ifndef CSP_LIST_H
#define CSP_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "debug.h"

/* Embedded in a queued record: protected by the owner's lock. */
typedef struct ListLink {
    struct ListLink *next, *prev;   /* NULL at the ends */
} ListLink;

/* The head: first and last link, each XOR-ed with the list's mask (0 when
 * absent). Zeroed = empty. */
typedef struct List {
    uintptr_t first, last;
} List;

#define LIST_PLAIN ((uintptr_t)0)
#define LIST_HIDDEN (~(uintptr_t)0)

/* The record of type `type` whose member `member` is the link `e`
 * (NULL stays NULL). */
#define LIST_ENTRY(e, type, member)                                          \
    ((type *)list_entry_((e), offsetof(type, member)))

static inline void *list_entry_(ListLink *e, size_t off) {
    return e ? (char *)e - off : NULL;
}

/* 0 stays 0; written so that a 0 mask leaves no test behind. */
static inline uintptr_t list_enc_(ListLink *e, uintptr_t mask) {
    return (uintptr_t)e ^ (e ? mask : 0);
}

static inline ListLink *list_dec_(uintptr_t h, uintptr_t mask) {
    return (ListLink *)(h ^ (h ? mask : 0));
}

static inline ListLink *list_first(const List *l, uintptr_t mask) {
    return list_dec_(l->first, mask);
}

static inline bool list_empty(const List *l) { return l->first == 0; }

/* Appends e (not queued anywhere) at the end. */
static inline void list_push_back(List *l, ListLink *e, uintptr_t mask) {
    ListLink *last = list_dec_(l->last, mask);
    ASSERT(!last || last->next == NULL, "list tail has a next");
    e->next = NULL;
    e->prev = last;
    if (last)
        last->next = e;
    else
        l->first = list_enc_(e, mask);
    l->last = list_enc_(e, mask);
}

/* Inserts e (not queued anywhere) at the front. */
static inline void list_push_front(List *l, ListLink *e, uintptr_t mask) {
    ListLink *first = list_dec_(l->first, mask);
    ASSERT(!first || first->prev == NULL, "list head has a prev");
    e->prev = NULL;
    e->next = first;
    if (first)
        first->prev = e;
    else
        l->last = list_enc_(e, mask);
    l->first = list_enc_(e, mask);
}

/* Removes e, which is in l; its links are cleared. */
static inline void list_unlink(List *l, ListLink *e, uintptr_t mask) {
    ASSERT(e->prev ? e->prev->next == e : list_first(l, mask) == e,
           "list links broken");
    ASSERT(e->next ? e->next->prev == e
                   : list_dec_(l->last, mask) == e,
           "list links broken");
    if (e->prev)
        e->prev->next = e->next;
    else
        l->first = list_enc_(e->next, mask);
    if (e->next)
        e->next->prev = e->prev;
    else
        l->last = list_enc_(e->prev, mask);
    e->next = e->prev = NULL;
}

/* Empties l and returns its former first link: the records stay chained
 * through `next` (in order) for the caller to walk, which must read a
 * record's next before handing the record back to its goroutine. */
static inline ListLink *list_take_all(List *l, uintptr_t mask) {
    ListLink *first = list_dec_(l->first, mask);
    l->first = l->last = 0;
    return first;
}

#endif
