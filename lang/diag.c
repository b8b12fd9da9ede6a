/*
 * diag.c — compile-time diagnostics (see diag.h).
 *
 * Owns: collecting errors, Go's filtering rules, sorting and printing.
 *
 * The rules are those of cmd/compile (base/print.go), so that the same
 * program gets the same list of errors:
 *   - a syntax error (message starting "syntax error") on the same line as
 *     the previous syntax error is dropped: one syntax error per line;
 *   - any other error equal to the previous non-syntax error and on the same
 *     line is dropped;
 *   - the DIAG_LIMIT-th accepted error stops collection: later errors are
 *     ignored and printing ends with "POS: too many errors", POS being the
 *     position of that last accepted error (Go exits at that point);
 *   - printing sorts by file, line, column (stably: arrival order breaks
 *     ties) and drops lines identical to the one before.
 * Messages are copied to the GC heap; the Diag itself is caller-owned.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"

void diag_init(Diag *d) {
    d->msgs = NULL;
    d->n = d->cap = 0;
}

int diag_count(const Diag *d) { return d->n; }

static bool is_syntax(const char *msg) {
    return strncmp(msg, "syntax error", 12) == 0;
}

static bool same_line(const DiagMsg *m, const char *file, int line) {
    return m->line == line && strcmp(m->file, file) == 0;
}

/* Applies Go's per-line filters against the last syntax / other error. */
static bool filtered(const Diag *d, const char *file, int line, const char *msg) {
    bool syn = is_syntax(msg);
    for (int i = d->n - 1; i >= 0; i--) {
        const DiagMsg *m = &d->msgs[i];
        if (is_syntax(m->msg) != syn) continue;
        if (syn) return same_line(m, file, line);
        return same_line(m, file, line) && strcmp(m->msg, msg) == 0;
    }
    return false;
}

static void add(Diag *d, const char *file, int line, int col, const char *msg) {
    if (!file) file = "";
    if (d->n >= DIAG_LIMIT || filtered(d, file, line, msg)) return;
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 16;
        DiagMsg *nm = gc_alloc(sizeof(DiagMsg) * (size_t)cap);
        if (d->n) memcpy(nm, d->msgs, sizeof(DiagMsg) * (size_t)d->n);
        d->msgs = nm;
        d->cap = cap;
    }
    DiagMsg *m = &d->msgs[d->n++];
    m->file = gc_strdup(file);
    m->line = line;
    m->col = col;
    m->msg = gc_strdup(msg);
}

static void vadd(Diag *d, const char *file, int line, int col,
                 const char *fmt, va_list ap) {
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0 || !msg) {
        add(d, file, line, col, fmt);
        return;
    }
    add(d, file, line, col, msg);
    free(msg);
}

void diag_error(Diag *d, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vadd(d, pos.file ? pos.file->path : "", pos.line, pos.col, fmt, ap);
    va_end(ap);
}

void diag_error_at(Diag *d, const char *file, int line, int col,
                   const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vadd(d, file, line, col, fmt, ap);
    va_end(ap);
}

/* Sort key: position, then arrival index (stable). */
typedef struct Ordered { const DiagMsg *m; int idx; } Ordered;

static int cmp_msgs(const void *a, const void *b) {
    const Ordered *x = a, *y = b;
    int c = strcmp(x->m->file, y->m->file);
    if (c) return c;
    if (x->m->line != y->m->line) return x->m->line < y->m->line ? -1 : 1;
    if (x->m->col != y->m->col) return x->m->col < y->m->col ? -1 : 1;
    return x->idx - y->idx;
}

static bool same_msg(const DiagMsg *a, const DiagMsg *b) {
    return a->line == b->line && a->col == b->col &&
           strcmp(a->file, b->file) == 0 && strcmp(a->msg, b->msg) == 0;
}

void diag_print(Diag *d, FILE *out) {
    int n = d->n;
    Ordered *o = gc_alloc(sizeof(Ordered) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) { o[i].m = &d->msgs[i]; o[i].idx = i; }
    qsort(o, (size_t)n, sizeof *o, cmp_msgs);
    for (int i = 0; i < n; i++) {
        if (i > 0 && same_msg(o[i].m, o[i - 1].m)) continue;
        fprintf(out, "%s:%d:%d: %s\n", o[i].m->file, o[i].m->line, o[i].m->col, o[i].m->msg);
    }
    if (n >= DIAG_LIMIT) {
        const DiagMsg *last = &d->msgs[n - 1];
        fprintf(out, "%s:%d:%d: too many errors\n", last->file, last->line, last->col);
    }
}
