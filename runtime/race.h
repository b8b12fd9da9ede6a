/*
 * race.h — the -race data-race detector (implemented in race.c; the design
 * essay is at the top of race.c).
 *
 * Off by default and free when off: the VM runs a goroutine whose Fiber.race
 * is NULL through its ordinary dispatch table, which has no race code; a
 * goroutine of a -race run gets a RaceThread and the VM's race table (vm.c),
 * whose memory instructions call race_read / race_write before doing their
 * work. Synchronising runtime code (chan.c, the sync natives, `go`) calls the
 * RACE_* hooks below, each one test of a pointer or flag the code already
 * has at hand, outside any per-instruction path.
 *
 * Who calls what:
 *   goroutine.c / fiber.c  race_thread_start (main, session input, AfterFunc)
 *                          race_go (go statement), race_thread_end (exit),
 *                          race_fini (exit status 66)
 *   vm.c (race table)      race_read / race_write / race_*_range
 *   chan.c                 race_chan_xfer / race_chan_close* (under c->lock)
 *   stdlib sync natives    race_acquire / race_release / race_acq_rel
 *   gc.c                   race_alloc (fresh memory has no history)
 */
#ifndef CSP_RACE_H
#define CSP_RACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sched.h"

typedef struct Fiber Fiber;
typedef struct RaceThread RaceThread;
typedef uint64_t Instr;

/* Set before the program starts (csp -race) or between REPL inputs
 * (:race on|off); read by goroutine creation and by gc.c. Goroutines
 * already running keep the mode they were started with. */
extern bool race_enabled;

/* Reads GORACE (halt_on_error=1, exitcode=N) and sets race_enabled. */
void race_enable(bool on);

/* ---- goroutines ------------------------------------------------------------
 * f gets a fresh RaceThread. race_thread_start: no creator (main, a REPL
 * input, a timer's AfterFunc goroutine); after is a sync address whose
 * clock the new goroutine acquires first (NULL: none). race_go: the go
 * statement of parent (whose top frame's pc is just past the GO
 * instruction): the parent's clock is the child's start. race_thread_end:
 * the goroutine finished (reports then say "finished"). */
void race_thread_start(Fiber *f, const void *after);
void race_go(Fiber *parent, Fiber *child);
void race_thread_end(Fiber *f);

/* ---- memory accesses (the VM's race table) -----------------------------------
 * pc: the accessing instruction of f's top frame. addr: the slot. */
void race_read(Fiber *f, const Instr *pc, const void *addr);
void race_write(Fiber *f, const Instr *pc, const void *addr);
void race_read_range(Fiber *f, const Instr *pc, const void *addr, int64_t n);
void race_write_range(Fiber *f, const Instr *pc, const void *addr, int64_t n);

/* ---- synchronisation ----------------------------------------------------------
 * Each sync address has a clock, created on first use. release joins f's
 * clock into it and starts a new epoch of f; acquire joins it into f. */
void race_acquire(Fiber *f, const void *addr);
void race_release(Fiber *f, const void *addr);
void race_acq_rel(Fiber *f, const void *addr);

#define RACE_ACQUIRE(f, addr)                                                \
    do {                                                                     \
        if (__builtin_expect((f)->race != NULL, 0))                          \
            race_acquire((f), (addr));                                       \
    } while (0)
#define RACE_RELEASE(f, addr)                                                \
    do {                                                                     \
        sched_note_sync(&(f)->sched);                                        \
        if (__builtin_expect((f)->race != NULL, 0))                          \
            race_release((f), (addr));                                       \
    } while (0)
#define RACE_ACQ_REL(f, addr)                                                \
    do {                                                                     \
        sched_note_sync(&(f)->sched);                                        \
        if (__builtin_expect((f)->race != NULL, 0))                          \
            race_acq_rel((f), (addr));                                       \
    } while (0)

/* Channels (c->lock held). A value passes through ring slot `slot` (the
 * channel itself when unbuffered) from the running goroutine to peer, or
 * from peer to it; peer is NULL for a buffered operation without a waiting
 * partner, and stopped (parked) otherwise. Both sides acquire and release
 * the slot's clock, which gives Go's edges: send before the receive
 * completes, and for capacity C the k-th receive before the (k+C)-th send
 * completes. */
void race_chan_xfer(const void *slot, GSched *peer);
/* close(c): releases into c's close clock and hands it to each woken
 * waiter; a receive that finds c closed acquires it. */
void race_chan_close(const void *c);
void race_chan_close_wake(const void *c, GSched *waiter);
void race_chan_closed_recv(const void *c);
#define RACE_ON() __builtin_expect(race_enabled, 0)

/* ---- memory and exit -------------------------------------------------------- */
/* Fresh memory [p, p+n bytes): forget the shadow of whatever lived there. */
void race_alloc(void *p, size_t n);
/* At exit with status code: prints `Found N data race(s)` and returns 66
 * (GORACE exitcode) when races were found and code is 0, else code. */
int race_fini(int code);
/* Races reported so far (tests). */
int race_count(void);

#endif
