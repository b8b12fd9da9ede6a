/*
 * leak.h — the goroutine-leak detector (design at the top of leak.c).
 */
#ifndef CSP_LEAK_H
#define CSP_LEAK_H

#include <stdbool.h>

#include "sched.h"

typedef struct Fiber Fiber;

/* -leaks=off|on|fail|all (lang/main.c); the runtime's default is LEAK_OFF
 * (unit tests, embedders); the command line turns it on. all: as fail,
 * and the goroutines still there when main returns are listed and fail
 * the run too (runtime/goroutine.c). */
enum { LEAK_OFF = 0, LEAK_ON, LEAK_FAIL, LEAK_ALL };
void leak_set_mode(int mode);
int leak_mode(void);
/* Sets libgc up for the detector (gc_init, before any fiber exists). */
void leak_init(void);

/* A new fiber (fiber.c): watched from now on, for its whole life. */
void leak_watch(Fiber *f);
/* g parks on a timer channel (chan.c, channel lock held): a timer's weak
 * link must not be the only thing keeping it wakeable, so it is pinned
 * until chan.c's resume (or its end) unpins it. */
void leak_pin(GSched *g);
void leak_unpin(GSched *g);
/* g parks on the sync object at addr (stdlib/sync, before sched_park) /
 * has resumed from that wait: see SYNC WAITS in leak.c. */
void leak_sync_wait(GSched *g, const void *addr);
void leak_sync_done(GSched *g);
/* runtime.GC(): collects, then reports what that collection found. self:
 * the calling goroutine's fiber (its dead stack slots are cleared first),
 * or NULL; args: the native's argument slots (nothing above them is live:
 * runtime.GC has no arguments or results), or NULL. In a simulated run it
 * returns true instead: the caller must yield, and the simulation's loop
 * checks (leak_sim_check) before it runs anything else. */
typedef union Slot Slot;
bool leak_collect(Fiber *self, const Slot *args);
/* Runs the libgc finalizers that are pending on this thread now, after
 * any batch the finalizer thread is running (runtime.GC: the objects a
 * collection found are handed to runtime.SetFinalizer's queue before it
 * returns). */
void leak_finalize_now(void);
/* The simulation's check (sim.c when main returns, and after runtime.GC()
 * in a simulated run): with every goroutine of the run stopped, one collection
 * finds those nothing can wake; they are reported in goroutine order, so a
 * seed always gives the same reports. self, args: as leak_collect's (NULL
 * when no goroutine runs). No collection when no goroutine is blocked. */
void leak_sim_check(Fiber *self, const Slot *args);
/* While the simulation is on, the collector's notifier starts nothing (a
 * thread would make the reports depend on its timing): sim.c calls this
 * before each run to run the finalizers of earlier runs' records. */
void leak_sim_finalize(void);
/* At exit (vm_exit): -leaks=fail turns status 0 into 3 when a leak was
 * found (after one last collection). */
int leak_fini(int code);
/* An M about to sleep (sched.c stopm): zeroes LEAK_SCRUB_BYTES of the C
 * stack below the caller and the vector registers (see leak.c). */
enum { LEAK_SCRUB_BYTES = 16384 };
void leak_scrub_stack(void);

#endif
