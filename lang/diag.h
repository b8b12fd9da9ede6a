/*
 * diag.h — compile-time diagnostics in Go's format.
 *
 * Errors are collected, sorted by position, and printed as
 * `file.csp:LINE:COL: message`; after DIAG_LIMIT errors the rest are dropped
 * and "too many errors" is printed, as Go's compiler does.
 */
#ifndef CSP_DIAG_H
#define CSP_DIAG_H

#include <stdio.h>
#include "ast.h"

enum { DIAG_LIMIT = 10 }; /* Go's cmd/compile prints 10, then gives up */

typedef struct DiagMsg {
    const char *file;
    int line, col;
    const char *msg;
} DiagMsg;

typedef struct Diag {
    DiagMsg *msgs;
    int n, cap;
} Diag;

void diag_init(Diag *d);
/* Records an error; printf-style. Duplicate (same line and message) errors
 * are dropped, as Go does. */
void diag_error(Diag *d, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_error_at(Diag *d, const char *file, int line, int col,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int diag_count(const Diag *d);
/* Prints the sorted errors (at most DIAG_LIMIT, then "too many errors"). */
void diag_print(Diag *d, FILE *out);

#endif
