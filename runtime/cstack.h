/*
 * cstack.h — how much C stack the current thread has left.
 *
 * The front end recurses over the program's syntax (the checker over
 * expressions and over declarations that refer to each other, the compiler
 * over expressions): a generated program with 50,000 chained `+1`s or
 * selectors nests that deep. Go's compiler runs on a growable goroutine
 * stack; csp's runs on a thread's fixed C stack (8 MiB for the main thread,
 * larger frames under the sanitizers), so those recursions ask
 * cstack_low() at each level and stop with a compile error
 * ("exceeded max nesting depth", as Go's parser words its own limit)
 * instead of dying by SIGSEGV.
 *
 * A bound in bytes rather than a fixed depth adapts to the build (ASan
 * frames are several times larger) and to the thread's stack size.
 */
#ifndef CSP_CSTACK_H
#define CSP_CSTACK_H

#include <stdbool.h>

/* True when less than a reserve (1 MiB, or a quarter of a smaller stack)
 * is left below the caller's frame: time to stop recursing. False when the
 * thread's stack bounds are unknown or the caller runs on another stack (a
 * fiber's). Cheap after the first call of each thread: one comparison. */
bool cstack_low(void);

#endif
