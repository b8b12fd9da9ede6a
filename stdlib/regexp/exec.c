/*
 * exec.c — package regexp's matcher and natives (stdlib/regexp/regexp.go).
 *
 * MATCHER: a Pike VM, i.e. Thompson's NFA simulation carrying capture
 * positions with each thread. Threads live in two sparse sets (this step,
 * next step) ordered by priority; each instruction enters a set at most once
 * per step, so a match costs O(len(text) * len(prog)) whatever the pattern:
 * `(a*)*b` against any text is linear, there is no backtracking.
 *   Leftmost-first (Perl, the default): when a thread reaches MATCH, every
 *   lower-priority thread is dropped; higher ones go on and may override.
 *   Leftmost-longest (Longest, CompilePOSIX): a MATCH replaces the recorded
 *   one when it ends later; threads that started after the recorded match
 *   are dropped.
 * Once a match is recorded no new threads start. When no thread is alive
 * the search skips ahead to the next byte that can begin a match
 * (Prog.first, computed by compile.c), with memchr when that is one byte.
 * Empty-width assertions look at the rune before and the rune at the
 * position (Go's \b is ASCII-word based; ^ $ in multi-line mode see '\n').
 * Invalid UTF-8 reads as U+FFFD of width 1, as Go's decoder does.
 *
 * CONCURRENCY: a Prog is read-only; each native call builds its own
 * Machine (malloc'd, freed before returning; natives never park), so one
 * *Regexp serves any number of goroutines at once.
 *
 * The loops of FindAll and ReplaceAll (where the next search starts, which
 * empty matches count) are here too, so one native call does a whole
 * FindAllString; regexp.go turns the flat index lists into results.
 */
#include <stdlib.h>
#include <string.h>
#include "stdlib/regexp/prog.h"

typedef struct Queue {
    int32_t *sparse, *dense;
    int32_t n;
    int64_t *caps;   /* caps of dense[i] at caps[i * ncap] (consuming insts) */
} Queue;

/* An addthread stack entry: visit pc, or (slot >= 0) restore cap[slot]. */
typedef struct Ent {
    int32_t pc, slot;
    int64_t val;
} Ent;

typedef struct Machine {
    const Prog *pg;
    const char *s;
    int64_t len;
    int ncap;          /* capture slots tracked: 0 (match or not), 2, ... */
    bool longest, matched;
    Queue q[2];
    Ent *stk;
    int64_t *cap;      /* the starting thread's caps */
    int64_t *matchcap; /* the match found */
    void *block;
} Machine;

static void machine_init(Machine *m, const Prog *pg, const char *s, int64_t len,
                         int ncap, bool longest) {
    size_t ni = (size_t)pg->ninst;
    size_t bytes = 2 * (2 * ni * sizeof(int32_t) + ni * (size_t)ncap * sizeof(int64_t)) +
                   (3 * ni + 4) * sizeof(Ent) + 2 * (size_t)ncap * sizeof(int64_t);
    char *b = calloc(1, bytes);
    if (!b)
        rt_out_of_memory(bytes);
    *m = (Machine){.pg = pg, .s = s, .len = len, .ncap = ncap, .longest = longest,
                   .block = b};
    m->stk = (Ent *)b;
    b += (3 * ni + 4) * sizeof(Ent);
    for (int k = 0; k < 2; k++) {
        m->q[k].caps = (int64_t *)b;
        b += ni * (size_t)ncap * sizeof(int64_t);
        m->q[k].sparse = (int32_t *)b;
        b += ni * sizeof(int32_t);
        m->q[k].dense = (int32_t *)b;
        b += ni * sizeof(int32_t);
    }
    m->cap = (int64_t *)b;
    m->matchcap = m->cap + ncap;
}

static int32_t decode(const char *s, int64_t len, int64_t pos, int *w) {
    if (pos >= len) {
        *w = 0;
        return -1;
    }
    unsigned char c = (unsigned char)s[pos];
    if (c < 0x80) {
        *w = 1;
        return c;
    }
    return utf8_decode(s + pos, len - pos, w);
}

/* The rune ending at pos (Go's utf8.DecodeLastRune), -1 at 0. */
static int32_t rune_before(const char *s, int64_t pos) {
    if (pos <= 0)
        return -1;
    if ((unsigned char)s[pos - 1] < 0x80)
        return (unsigned char)s[pos - 1];
    int64_t start = pos - 1, lim = pos - 4 < 0 ? 0 : pos - 4;
    while (start > lim && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    int size;
    int32_t r = utf8_decode(s + start, pos - start, &size);
    return start + size == pos ? r : 0xFFFD;
}

static bool is_word(int32_t r) {
    return (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') ||
           (r >= 'A' && r <= 'Z') || r == '_';
}

/* The empty-width conditions true between runes prev and cur (-1: none). */
static int context(int32_t prev, int32_t cur) {
    int f = 0;
    if (prev < 0)
        f |= E_BEGIN_TEXT | E_BEGIN_LINE;
    else if (prev == '\n')
        f |= E_BEGIN_LINE;
    if (cur < 0)
        f |= E_END_TEXT | E_END_LINE;
    else if (cur == '\n')
        f |= E_END_LINE;
    f |= is_word(prev) != is_word(cur) ? E_WORD : E_NOWORD;
    return f;
}

static bool q_has(const Queue *q, int32_t pc) {
    int32_t j = q->sparse[pc];
    return j >= 0 && j < q->n && q->dense[j] == pc;
}

/* Adds the thread at pc (with captures cap, at pos, where the conditions
 * flag hold) and everything it reaches without consuming a rune, in
 * priority order. cap is modified and restored. */
static void add(Machine *m, Queue *q, int32_t pc0, int64_t pos, int64_t *cap, int flag) {
    const RInst *inst = m->pg->inst;
    int ncap = m->ncap, sp = 0;
    Ent *stk = m->stk;
    stk[sp++] = (Ent){pc0, -1, 0};
    while (sp) {
        Ent e = stk[--sp];
        if (e.slot >= 0) {
            cap[e.slot] = e.val;
            continue;
        }
        int32_t pc = e.pc;
        if (q_has(q, pc))
            continue;
        int32_t j = q->n++;
        q->sparse[pc] = j;
        q->dense[j] = pc;
        const RInst *in = &inst[pc];
        switch (in->op) {
        case I_FAIL:
            break;
        case I_NOP:
            stk[sp++] = (Ent){in->out, -1, 0};
            break;
        case I_SPLIT:
            stk[sp++] = (Ent){in->out1, -1, 0};
            stk[sp++] = (Ent){in->out, -1, 0};
            break;
        case I_EMPTY:
            if ((in->arg & ~flag) == 0)
                stk[sp++] = (Ent){in->out, -1, 0};
            break;
        case I_SAVE:
            if (in->arg < ncap) {
                stk[sp++] = (Ent){0, in->arg, cap[in->arg]};
                cap[in->arg] = pos;
            }
            stk[sp++] = (Ent){in->out, -1, 0};
            break;
        default:
            if (ncap)
                memcpy(q->caps + (int64_t)j * ncap, cap, (size_t)ncap * sizeof *cap);
        }
    }
}

/* Runs the threads of cl over rune r at pos (np: the position after it,
 * nflag: the conditions there), filling nl. Returns true when the answer
 * is known (a match, and no positions are wanted). */
static bool step(Machine *m, Queue *cl, Queue *nl, int64_t pos, int32_t r,
                 int64_t np, int nflag) {
    const Prog *pg = m->pg;
    int ncap = m->ncap;
    for (int32_t i = 0; i < cl->n; i++) {
        const RInst *in = &pg->inst[cl->dense[i]];
        int64_t *cap = cl->caps + (int64_t)i * ncap;
        bool ok;
        switch (in->op) {
        case I_MATCH:
            if (ncap == 0) {
                m->matched = true;
                return true;
            }
            if (m->longest && m->matched && m->matchcap[0] < cap[0])
                continue;
            if (!m->longest || !m->matched || m->matchcap[1] < pos) {
                cap[1] = pos;
                memcpy(m->matchcap, cap, (size_t)ncap * sizeof *cap);
            }
            m->matched = true;
            if (!m->longest) {   /* drop the lower-priority threads */
                cl->n = 0;
                return false;
            }
            continue;
        case I_RUNE1:
            ok = r == in->arg;
            break;
        case I_CLASS:
            ok = r >= 0 && re_class_has(&pg->cls[in->arg], r);
            break;
        case I_ANY:
            ok = r >= 0;
            break;
        case I_ANYNL:
            ok = r >= 0 && r != '\n';
            break;
        default:
            continue;
        }
        if (!ok || (m->longest && m->matched && ncap && m->matchcap[0] < cap[0]))
            continue;
        add(m, nl, in->out, np, cap, nflag);
    }
    cl->n = 0;
    return false;
}

static bool first_has(const Prog *pg, unsigned char b) {
    return pg->first[b >> 6] >> (b & 63) & 1;
}

/* The first position at or after pos whose byte can begin a match, or len. */
static int64_t skip(const Prog *pg, const char *s, int64_t len, int64_t pos) {
    if (pg->nprefix > 0 && !pg->anchor_start) {
        const char *p = memchr(s + pos, (unsigned char)pg->prefix[0], (size_t)(len - pos));
        return p ? p - s : len;
    }
    while (pos < len && !first_has(pg, (unsigned char)s[pos]))
        pos++;
    return pos;
}

/* Searches for the leftmost match starting at or after pos. The match (its
 * ncap capture positions, -1 where unset) is in m->matchcap. */
static bool run(Machine *m, int64_t pos) {
    const Prog *pg = m->pg;
    const char *s = m->s;
    int64_t len = m->len;
    m->matched = false;
    for (int i = 0; i < m->ncap; i++)
        m->cap[i] = m->matchcap[i] = -1;
    Queue *cl = &m->q[0], *nl = &m->q[1];
    cl->n = nl->n = 0;
    if (pg->anchor_start && pos > 0)
        return false;
    int w, w1;
    int32_t r = decode(s, len, pos, &w);
    int flag = context(rune_before(s, pos), r);
    for (;;) {
        if (cl->n == 0) {
            if (m->matched || (pg->anchor_start && pos > 0))
                break;
            if (!pg->first_all) {
                int64_t p2 = skip(pg, s, len, pos);
                if (p2 >= len)
                    break;   /* nothing can start here, and no empty match */
                if (p2 != pos) {
                    pos = p2;
                    r = decode(s, len, pos, &w);
                    flag = context(rune_before(s, pos), r);
                }
            }
        }
        if (!m->matched && (pos == 0 || !pg->anchor_start)) {
            if (m->ncap)
                m->cap[0] = pos;
            add(m, cl, pg->start, pos, m->cap, flag);
        }
        int64_t np = pos + w;
        int32_t r1 = decode(s, len, np, &w1);
        int nflag = context(r, r1);
        if (step(m, cl, nl, pos, r, np, nflag))
            return true;
        if (pos >= len)
            break;
        pos = np;
        r = r1;
        w = w1;
        flag = nflag;
        Queue *t = cl;
        cl = nl;
        nl = t;
    }
    return m->matched;
}

/* ---- natives ------------------------------------------------------------ */

#define STR(i) ((Str *)a[i].p)

/* A zero Regexp (never compiled) has no program: Go's nil dereference. */
static int no_prog(Fiber *f) {
    return rt_panic_runtime(f, "invalid memory address or nil pointer dereference");
}

/* compile(expr string, posix bool) (p *progState, names []string,
 * prefix string, complete bool, code string, errexpr string) */
static int n_compile(Fiber *f, Slot *a) {
    (void)f;
    Str *e = STR(0);
    char **names;
    const char *code, *et;
    int64_t etn;
    Prog *pg = re_compile(str_data(e), str_len(e), a[1].i != 0, &names, &code, &et, &etn);
    if (!pg) {
        a[0].p = NULL;
        a[1].p = NULL;
        a[2].p = NULL;
        a[3].i = 0;
        a[4].p = str_from_cstr(code);
        a[5].p = str_new(et, etn);
        return NATIVE_OK;
    }
    Slice *ns = slice_new(type_basic(K_STRING), pg->nsub + 1, pg->nsub + 1);
    for (int i = 0; i <= pg->nsub; i++)
        ns->data[i].p = names[i] ? str_from_cstr(names[i]) : NULL;
    a[0].p = pg;
    a[1].p = ns;
    a[2].p = str_new(pg->prefix, pg->nprefix);
    a[3].i = pg->prefix_complete;
    a[4].p = NULL;
    a[5].p = NULL;
    return NATIVE_OK;
}

/* exec(p *progState, s string, pos int, longest bool, dst []int) bool:
 * the leftmost match at or after pos; its len(dst) capture positions go
 * to dst. */
static int n_exec(Fiber *f, Slot *a) {
    const Prog *pg = a[0].p;
    if (!pg)
        return no_prog(f);
    Str *s = STR(1);
    Slice *dst = a[4].p;
    int ncap = (int)slice_len(dst);
    Machine m;
    machine_init(&m, pg, str_data(s), str_len(s), ncap, a[3].i != 0);
    bool ok = run(&m, a[2].i);
    if (ok)
        for (int i = 0; i < ncap; i++)
            dst->data[i].i = m.matchcap[i];
    free(m.block);
    a[0].i = ok;
    return NATIVE_OK;
}

typedef struct IntBuf {
    int64_t *v;
    int64_t n, cap;
} IntBuf;

static void ib_put(IntBuf *b, const int64_t *v, int n) {
    if (b->n + n > b->cap) {
        b->cap = b->cap * 2 + n + 16;
        int64_t *nv = realloc(b->v, (size_t)b->cap * sizeof *nv);
        if (!nv)
            rt_out_of_memory((size_t)b->cap * sizeof *nv);
        b->v = nv;
    }
    if (n)
        memcpy(b->v + b->n, v, (size_t)n * sizeof *v);
    b->n += n;
}

static Slice *ib_slice(IntBuf *b) {
    Slice *sl = slice_new(type_basic(K_INT), b->n, b->n);
    for (int64_t i = 0; i < b->n; i++)
        sl->data[i].i = b->v[i];
    free(b->v);
    return sl;
}

/* execAll(p *progState, s string, n int, ncap int, longest bool) []int:
 * Go's allMatches: at most n matches (all when n < 0), ncap positions
 * each, flattened. An empty match right after the previous match does not
 * count; after an empty match the search moves on one rune. */
static int n_execAll(Fiber *f, Slot *a) {
    const Prog *pg = a[0].p;
    if (!pg)
        return no_prog(f);
    Str *str = STR(1);
    const char *s = str_data(str);
    int64_t len = str_len(str), n = a[2].i;
    int ncap = (int)a[3].i;
    if (n < 0)
        n = len + 1;
    Machine m;
    machine_init(&m, pg, s, len, ncap < 2 ? 2 : ncap, a[4].i != 0);
    IntBuf out = {0};
    for (int64_t pos = 0, i = 0, prev_end = -1; i < n && pos <= len;) {
        if (!run(&m, pos))
            break;
        bool accept = true;
        if (m.matchcap[1] == pos) {
            if (m.matchcap[0] == prev_end)
                accept = false;
            int w;
            decode(s, len, pos, &w);
            pos += w > 0 ? w : 1;
        } else {
            pos = m.matchcap[1];
        }
        prev_end = m.matchcap[1];
        if (accept) {
            ib_put(&out, m.matchcap, ncap);
            i++;
        }
    }
    free(m.block);
    a[0].p = ib_slice(&out);
    return NATIVE_OK;
}

/* replaceAll(p *progState, s string, ncap int, longest bool) []int: the
 * matches Go's ReplaceAll replaces, ncap positions each: the search moves
 * on at least one rune after each match, and an empty match right after
 * the previous one is left alone. */
static int n_replaceAll(Fiber *f, Slot *a) {
    const Prog *pg = a[0].p;
    if (!pg)
        return no_prog(f);
    Str *str = STR(1);
    const char *s = str_data(str);
    int64_t len = str_len(str);
    int ncap = (int)a[2].i;
    Machine m;
    machine_init(&m, pg, s, len, ncap < 2 ? 2 : ncap, a[3].i != 0);
    IntBuf out = {0};
    for (int64_t pos = 0, last = 0; pos <= len;) {
        if (!run(&m, pos))
            break;
        if (m.matchcap[1] > last || m.matchcap[0] == 0)
            ib_put(&out, m.matchcap, ncap);
        last = m.matchcap[1];
        int w;
        decode(s, len, pos, &w);
        if (pos + w > m.matchcap[1])
            pos += w;
        else if (pos + 1 > m.matchcap[1])
            pos++;
        else
            pos = m.matchcap[1];
    }
    free(m.block);
    a[0].p = ib_slice(&out);
    return NATIVE_OK;
}

const NativeEntry regexp_natives[] = {
    {"regexp.compile", n_compile},
    {"regexp.exec", n_exec},
    {"regexp.execAll", n_execAll},
    {"regexp.replaceAll", n_replaceAll},
    {NULL, NULL},
};
