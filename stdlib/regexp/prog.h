/*
 * prog.h — the compiled form of a regular expression, shared by the parser
 * and compiler (stdlib/regexp/compile.c) and the matcher (stdlib/regexp/exec.c).
 *
 * A Prog is a Thompson NFA: an array of instructions, each consuming one
 * rune (RUNE1, CLASS, ANY, ANYNL), asserting an empty-width condition
 * (EMPTY), recording a position (SAVE), branching (SPLIT: out is preferred
 * over out1, which gives leftmost-first priority), jumping (NOP) or
 * accepting (MATCH). It is immutable once built, so one Prog serves any
 * number of goroutines matching at once: every piece of per-match state
 * lives in the matcher's own buffers (exec.c). Capture group 0 has no SAVE
 * instructions: the matcher records where each thread started and where
 * MATCH was reached.
 *
 * Prog, its instructions and its classes come from gc_alloc; the Go side
 * keeps the Prog alive through a *progState field (regexp.go).
 */
#ifndef CSP_REGEXP_PROG_H
#define CSP_REGEXP_PROG_H

#include <stdint.h>
#include "stdlib/lib.h"

enum {
    I_MATCH, I_FAIL, I_NOP, I_SPLIT, I_SAVE, I_EMPTY, /* no rune consumed */
    I_RUNE1, I_CLASS, I_ANY, I_ANYNL                  /* one rune consumed */
};

/* Empty-width conditions (I_EMPTY's arg), Go's syntax.EmptyOp bits. */
enum {
    E_BEGIN_LINE = 1, E_END_LINE = 2, E_BEGIN_TEXT = 4, E_END_TEXT = 8,
    E_WORD = 16, E_NOWORD = 32
};

typedef struct RInst {
    uint8_t op;
    int32_t out, out1;  /* next instruction; SPLIT's second choice */
    int32_t arg;        /* RUNE1: the rune; CLASS: class index; SAVE: slot;
                           EMPTY: E_ bits */
} RInst;

/* A set of runes: sorted, disjoint, non-adjacent ranges, plus a bitmap of
 * its ASCII members for the common case. */
typedef struct RClass {
    int32_t *r;         /* lo0, hi0, lo1, hi1, ... */
    int32_t n;          /* number of ranges */
    uint64_t ascii[2];
} RClass;

typedef struct Prog {
    RInst *inst;
    int32_t ninst, start;
    RClass *cls;
    int32_t ncls;
    int32_t nsub;         /* capture groups, group 0 not counted */
    bool anchor_start;    /* every match begins at text start (\A, or ^ in one-line mode) */
    bool first_all;       /* first[] says nothing: a match may start anywhere */
    uint64_t first[4];    /* bytes that can begin a match, unless first_all */
    char *prefix;         /* literal prefix (LiteralPrefix), NUL-terminated */
    int32_t nprefix;
    bool prefix_complete;
} Prog;

/* compile.c: parses and compiles expr (Go's Perl syntax, or POSIX ERE when
 * posix). On success returns the Prog and sets *names to a gc_alloc'd array
 * of nsub+1 names (NULL for an unnamed group). On error returns NULL and
 * sets *code to Go's ErrorCode text and *etext and *etextlen to the part of
 * expr it names. */
Prog *re_compile(const char *expr, int64_t n, bool posix, char ***names,
                 const char **code, const char **etext, int64_t *etextlen);

/* Is r in class c? */
static inline bool re_class_has(const RClass *c, int32_t r) {
    if (r < 128)
        return r >= 0 && (c->ascii[r >> 6] >> (r & 63) & 1);
    int lo = 0, hi = c->n;
    while (lo < hi) {
        int m = (lo + hi) / 2;
        if (r < c->r[2 * m])
            hi = m;
        else if (r > c->r[2 * m + 1])
            lo = m + 1;
        else
            return true;
    }
    return false;
}

#endif
