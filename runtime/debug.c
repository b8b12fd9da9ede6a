/*
 * debug.c — the failure path of ASSERT (debug.h). Compiled in every build
 * so the release binary links the same objects; nothing calls it there.
 */
#include "debug.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef CSP_DEBUG
void debug_fail(const char *file, int line, const char *cond,
                const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "fatal error: internal: %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (%s)\n", cond);
    abort();
}
#endif
