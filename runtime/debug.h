/*
 * debug.h — internal invariant checks, on in the test builds (debug, asan,
 * tsan: CSP_TEST_BUILD) and wherever CSP_DEBUG is defined; off, they cost
 * nothing (the condition is not evaluated).
 *
 * ASSERT(cond, fmt, ...) states a runtime invariant — something no csp
 * program can break, only a runtime bug (Lua's lua_assert under ltests.h,
 * Go's throw). When it fails it prints `fatal error: internal: FILE:LINE:
 * MESSAGE (cond)` and aborts: a broken invariant must be loud, never
 * turned into a user-visible panic. User errors are panics (panic.c).
 *
 * What is checked and where (each beside the data it guards):
 *   sched.c  run queue bounds (0 <= tail - head <= size), G status on every
 *            queue transition, an M never parks while it counts as spinning,
 *            and nmspinning never exceeds the Ms spinning plus the wake-ups
 *            in flight (the spin shadow, see sched.c SPINNING);
 *   chan.c   buffer count within 0..cap, sudogs on a wait queue belong to
 *            a WAITING G;
 *   list.h   waiter lists (channel queues, sync wait lists) are linked
 *            both ways;
 *   timer.c  the heap order after every push and pop;
 *   lockrank.c  the global lock order, on every acquire.
 */
#ifndef CSP_DEBUG_H
#define CSP_DEBUG_H

#if defined(CSP_TEST_BUILD) && !defined(CSP_DEBUG)
#define CSP_DEBUG 1
#endif

#ifdef CSP_DEBUG
_Noreturn void debug_fail(const char *file, int line, const char *cond,
                          const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define ASSERT(cond, ...)                                                    \
    do {                                                                     \
        if (__builtin_expect(!(cond), 0))                                    \
            debug_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);              \
    } while (0)
#else
/* sizeof: the operands stay "used" for the compiler but are not evaluated */
#define ASSERT(cond, ...) ((void)sizeof(cond))
#endif

#endif
