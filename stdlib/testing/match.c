/*
 * match.c — the regular expressions of `csp test -run` and `-bench`: the
 * RE2 subset that test patterns use, matched by backtracking. csp has no
 * package regexp; this is not one (no captures, no Unicode classes beyond
 * \d \w \s, no flags), only enough to select tests as Go's -run does.
 *
 * Syntax: literals (UTF-8), `.`, `[...]` / `[^...]` with ranges and the
 * escapes below, `(...)` and `(?:...)`, `|`, `*` `+` `?` `{n}` `{n,}`
 * `{n,m}` (a trailing `?`, non-greedy, is accepted: a yes/no search does
 * not care), `^` `$`, `\d \w \s \D \W \S` and escaped punctuation.
 *
 * The pattern is parsed into a tree (Seq of Nodes; a group holds its
 * alternatives) and searched at every start position. Matching is
 * continuation-passing backtracking: rep() tries one more iteration of the
 * node (greedy) and then the rest of the sequence; the end of an
 * alternative continues with the Cont that its group pushed. An iteration
 * that consumed nothing ends a loop, so `(a*)*` terminates. Exponential in
 * the worst case, which test names (short) do not reach; a search that
 * takes more than MAX_STEPS steps stops with an error. Rejected: a port of
 * RE2's linear-time automata, many times the size for names of a few
 * dozen bytes.
 *
 * Errors read like Go's regexp/syntax: `missing closing ): `(a``.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/gc.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

enum { N_CHAR, N_ANY, N_CLASS, N_GROUP, N_BOL, N_EOL };
enum { REP_INF = 1 << 30 };

typedef struct Seq Seq;
typedef struct Range { int32_t lo, hi; } Range;

typedef struct Node {
    int kind;
    int min, max;       /* repetition; 1,1 for a plain atom */
    int32_t c;          /* N_CHAR */
    Range *ranges;      /* N_CLASS */
    int nranges;
    bool negated;
    Seq *alts;          /* N_GROUP */
    int nalts;
} Node;

struct Seq {
    Node *n;
    int len, cap;
};

typedef struct Parser {
    const char *p, *end, *pat;
    char err[160];
} Parser;

typedef struct Cont {
    const Seq *q;
    int i, cnt;
    const char *last;
    const struct Cont *next;
} Cont;

/* The text searched, and the steps left: backtracking can take
 * exponential time (`(a*)*b` on a long run of a's); past MAX_STEPS the
 * search stops with an error rather than hang the test binary. */
typedef struct Subject {
    const char *s, *end;
    long steps;
} Subject;
enum { MAX_STEPS = 10 * 1000 * 1000 };

/* ---- UTF-8 ------------------------------------------------------------------- */

static int32_t decode(const char *p, const char *end, int *len) {
    const unsigned char *u = (const unsigned char *)p;
    int n = u[0] < 0x80 ? 1 : u[0] < 0xe0 ? 2 : u[0] < 0xf0 ? 3 : 4;
    if (p + n > end)
        n = 1;
    *len = n;
    if (n == 1)
        return u[0];
    int32_t r = u[0] & (0x3f >> (n - 1));
    for (int k = 1; k < n; k++)
        r = (r << 6) | (u[k] & 0x3f);
    return r;
}

/* ---- parsing ----------------------------------------------------------------- */

/* Records Go's message for the first error: WHAT and the n bytes of the
 * pattern at arg (n < 0: to the end). */
static void fail(Parser *ps, const char *what, const char *arg, int n) {
    if (n < 0)
        n = (int)strlen(arg);
    if (!ps->err[0])
        snprintf(ps->err, sizeof ps->err, "error parsing regexp: %s: `%.*s`", what, n, arg);
}

static Node *push(Seq *q) {
    if (q->len == q->cap) {
        int cap = q->cap ? 2 * q->cap : 4;
        Node *n = gc_alloc(cap * sizeof *n);
        if (q->len)
            memcpy(n, q->n, q->len * sizeof *n);
        q->n = n;
        q->cap = cap;
    }
    Node *nd = &q->n[q->len++];
    memset(nd, 0, sizeof *nd);
    nd->min = nd->max = 1;
    return nd;
}

static void add_range(Node *nd, int32_t lo, int32_t hi) {
    Range *r = gc_alloc((nd->nranges + 1) * sizeof *r);
    if (nd->nranges)
        memcpy(r, nd->ranges, nd->nranges * sizeof *r);
    r[nd->nranges].lo = lo;
    r[nd->nranges].hi = hi;
    nd->ranges = r;
    nd->nranges++;
}

/* \d \w \s (and uppercase negations) as ranges; false if c is none. */
static bool perl_class(Node *nd, char c) {
    switch (c) {
    case 'd': case 'D':
        add_range(nd, '0', '9');
        break;
    case 'w': case 'W':
        add_range(nd, '0', '9'); add_range(nd, 'A', 'Z');
        add_range(nd, 'a', 'z'); add_range(nd, '_', '_');
        break;
    case 's': case 'S':
        add_range(nd, '\t', '\n'); add_range(nd, '\f', '\r');
        add_range(nd, ' ', ' ');
        break;
    default:
        return false;
    }
    return true;
}

/* An escaped literal after '\': punctuation, or \t \n \r \f \v. */
static int32_t escape(Parser *ps, char c) {
    switch (c) {
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    }
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        char s[3] = {'\\', c, 0};
        fail(ps, "invalid escape sequence", s, 2);
    }
    return (unsigned char)c;
}

static void parse_class(Parser *ps, Node *nd) {
    const char *open = ps->p - 1;
    nd->kind = N_CLASS;
    if (ps->p < ps->end && *ps->p == '^')
        nd->negated = true, ps->p++;
    bool first = true;
    while (ps->p < ps->end && (*ps->p != ']' || first)) {
        first = false;
        int32_t lo;
        int n;
        if (*ps->p == '\\' && ps->p + 1 < ps->end) {
            char e = ps->p[1];
            ps->p += 2;
            if (e >= 'a' && e <= 'z' && perl_class(nd, e)) /* upper: not in classes */
                continue;
            lo = escape(ps, e);
        } else {
            lo = decode(ps->p, ps->end, &n);
            ps->p += n;
        }
        int32_t hi = lo;
        if (ps->p + 1 < ps->end && *ps->p == '-' && ps->p[1] != ']') {
            ps->p++;
            if (*ps->p == '\\' && ps->p + 1 < ps->end) {
                hi = escape(ps, ps->p[1]);
                ps->p += 2;
            } else {
                hi = decode(ps->p, ps->end, &n);
                ps->p += n;
            }
            if (hi < lo) {
                fail(ps, "invalid character class range", open, (int)(ps->p - open));
                return;
            }
        }
        add_range(nd, lo, hi);
    }
    if (ps->p >= ps->end) {
        fail(ps, "missing closing ]", open, -1);
        return;
    }
    ps->p++;
}

static int parse_int(Parser *ps) {
    int v = -1;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9' && v < 100000)
        v = (v < 0 ? 0 : v * 10) + (*ps->p++ - '0');
    return v;
}

/* {n}, {n,}, {n,m} after an atom; false (and ps->p unchanged) when the
 * brace is a literal, as in RE2. */
static bool parse_braces(Parser *ps, Node *nd) {
    const char *save = ps->p;
    ps->p++;
    int lo = parse_int(ps), hi = lo;
    if (lo >= 0 && ps->p < ps->end && *ps->p == ',') {
        ps->p++;
        hi = ps->p < ps->end && *ps->p == '}' ? REP_INF : parse_int(ps);
    }
    if (lo < 0 || hi < 0 || ps->p >= ps->end || *ps->p != '}') {
        ps->p = save;
        return false;
    }
    ps->p++;
    if (lo > 1000 || (hi != REP_INF && (hi > 1000 || hi < lo))) {
        fail(ps, "invalid repeat count", save, (int)(ps->p - save));
        return true;
    }
    nd->min = lo;
    nd->max = hi;
    return true;
}

static void parse_alts(Parser *ps, Node *group);

/* After a repetition operator starting at op: an optional lazy `?`, and
 * no second operator (RE2 rejects `a**`). */
static void after_repeat(Parser *ps, const char *op) {
    if (ps->p < ps->end && *ps->p == '?')
        ps->p++;
    if (ps->p < ps->end && (*ps->p == '*' || *ps->p == '+' || *ps->p == '?'))
        fail(ps, "invalid nested repetition operator", op, (int)(ps->p + 1 - op));
}

static void parse_seq(Parser *ps, Seq *q) {
    while (ps->p < ps->end && *ps->p != '|' && *ps->p != ')' && !ps->err[0]) {
        char c = *ps->p;
        if (c == '*' || c == '+' || c == '?') {
            if (q->len == 0 || q->n[q->len - 1].kind == N_BOL) {
                fail(ps, "missing argument to repetition operator", ps->p, 1);
                return;
            }
            Node *nd = &q->n[q->len - 1];
            nd->min = c == '+' ? nd->min : 0;
            nd->max = c == '?' ? nd->max : REP_INF;
            ps->p++;
            after_repeat(ps, ps->p - 1);
            continue;
        }
        if (c == '{' && q->len > 0) {
            const char *op = ps->p;
            if (parse_braces(ps, &q->n[q->len - 1])) {
                after_repeat(ps, op);
                continue;
            }
        }
        Node *nd = push(q);
        ps->p++;
        switch (c) {
        case '.': nd->kind = N_ANY; break;
        case '^': nd->kind = N_BOL; break;
        case '$': nd->kind = N_EOL; break;
        case '[': parse_class(ps, nd); break;
        case '(':
            if (ps->end - ps->p >= 2 && ps->p[0] == '?' && ps->p[1] == ':')
                ps->p += 2;
            parse_alts(ps, nd);
            if (ps->p >= ps->end || *ps->p != ')') {
                fail(ps, "missing closing )", ps->pat, -1);
                return;
            }
            ps->p++;
            break;
        case '\\':
            if (ps->p >= ps->end) {
                fail(ps, "trailing backslash at end of expression", "", 0);
                return;
            }
            c = *ps->p++;
            if (perl_class(nd, (char)(c | 0x20)) && strchr("dwsDWS", c)) {
                nd->kind = N_CLASS;
                nd->negated = c >= 'A' && c <= 'Z';
            } else {
                nd->kind = N_CHAR;
                nd->c = escape(ps, c);
            }
            break;
        default: {
            int n;
            nd->kind = N_CHAR;
            nd->c = decode(ps->p - 1, ps->end, &n);
            ps->p += n - 1;
        }
        }
    }
}

static void parse_alts(Parser *ps, Node *group) {
    group->kind = N_GROUP;
    for (;;) {
        Seq *a = gc_alloc((group->nalts + 1) * sizeof *a);
        if (group->nalts)
            memcpy(a, group->alts, group->nalts * sizeof *a);
        group->alts = a;
        memset(&a[group->nalts], 0, sizeof *a);
        parse_seq(ps, &a[group->nalts++]);
        if (ps->p >= ps->end || *ps->p != '|' || ps->err[0])
            return;
        ps->p++;
    }
}

/* ---- matching ---------------------------------------------------------------- */

static bool seq(Subject *S, const Seq *q, int i, const char *s, const Cont *k);

static bool in_class(const Node *nd, int32_t r) {
    for (int i = 0; i < nd->nranges; i++)
        if (r >= nd->ranges[i].lo && r <= nd->ranges[i].hi)
            return !nd->negated;
    return nd->negated;
}

/* One iteration of a non-group node at s: the position after it, or NULL. */
static const char *single(const Subject *S, const Node *nd, const char *s) {
    int n;
    switch (nd->kind) {
    case N_BOL: return s == S->s ? s : NULL;
    case N_EOL: return s == S->end ? s : NULL;
    }
    if (s >= S->end)
        return NULL;
    int32_t r = decode(s, S->end, &n);
    switch (nd->kind) {
    case N_ANY: return r == '\n' ? NULL : s + n;
    case N_CHAR: return r == nd->c ? s + n : NULL;
    default: return in_class(nd, r) ? s + n : NULL;
    }
}

/* Node i of q has matched cnt times, the last iteration starting at last:
 * try another (greedy), else go on with the rest of q. */
static bool rep(Subject *S, const Seq *q, int i, int cnt, const char *s,
                const char *last, const Cont *k) {
    if (++S->steps > MAX_STEPS)
        return false;
    const Node *nd = &q->n[i];
    bool empty = cnt > 0 && s == last;
    if (cnt < nd->max && !empty) {
        if (nd->kind == N_GROUP) {
            Cont c = {q, i, cnt + 1, s, k};
            for (int a = 0; a < nd->nalts; a++)
                if (seq(S, &nd->alts[a], 0, s, &c))
                    return true;
        } else {
            const char *t = single(S, nd, s);
            if (t && rep(S, q, i, cnt + 1, t, s, k))
                return true;
        }
    }
    if (cnt >= nd->min || empty)
        return seq(S, q, i + 1, s, k);
    return false;
}

static bool seq(Subject *S, const Seq *q, int i, const char *s, const Cont *k) {
    if (i < q->len)
        return rep(S, q, i, 0, s, NULL, k);
    if (!k)
        return true;
    return rep(S, k->q, k->i, k->cnt, s, k->last, k->next);
}

/* matchString(pat, s string) (matched bool, errmsg string) */
int testing_match(Fiber *f, Slot *a) {
    Str *pat = a[0].p, *str = a[1].p;
    /* A NUL-terminated copy: error messages quote the pattern's tail. */
    char *copy = gc_alloc(str_len(pat) + 1);
    memcpy(copy, str_data(pat), str_len(pat));
    copy[str_len(pat)] = 0;
    Parser ps = {.p = copy, .end = copy + str_len(pat), .pat = copy};
    Node top;
    memset(&top, 0, sizeof top);
    top.min = top.max = 1;
    parse_alts(&ps, &top);
    if (!ps.err[0] && ps.p < ps.end) /* a ')' with no '(' */
        fail(&ps, "unexpected )", copy, -1);
    a[0].i = 0;
    a[1].p = NULL;
    if (ps.err[0]) {
        a[1].p = str_from_cstr(ps.err);
        return NATIVE_OK;
    }
    Seq whole = {.n = &top, .len = 1, .cap = 1};
    Subject S = {str_data(str), str_data(str) + str_len(str), 0};
    for (const char *s = S.s;; s++) {
        if (seq(&S, &whole, 0, s, NULL)) {
            a[0].i = 1;
            break;
        }
        if (s >= S.end || S.steps > MAX_STEPS)
            break;
    }
    if (S.steps > MAX_STEPS) {
        char msg[200];
        snprintf(msg, sizeof msg, "pattern `%.100s` takes too long to match (csp's "
                                  "matcher backtracks): simplify it", copy);
        a[0].i = 0;
        a[1].p = str_from_cstr(msg);
    }
    return NATIVE_OK;
}
