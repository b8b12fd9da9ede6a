/*
 * compile.c — package regexp's parser and compiler: pattern text -> syntax
 * tree -> Prog (prog.h), with Go's regexp/syntax rules and error texts.
 *
 * PARSER. Recursive descent over the pattern's bytes (Go's own parser is a
 * stack machine; the grammar and what each error names are the same):
 *   alt    = concat ('|' concat)*
 *   concat = (atom repeat*)*
 *   atom   = literal | '.' | '^' | '$' | class | escape | '(' group ')'
 * Flags (?imsU) live in the parser and are saved and restored around each
 * group, so `(?i)` lasts to the end of the enclosing group, as in Go. An
 * error longjmps out with Go's ErrorCode text and the span of the pattern
 * Go's message quotes (`error parsing regexp: CODE: `SPAN``). Limits as
 * Go's: a repeat count above 1000, or nested counts whose product is above
 * 1000, is `invalid repeat count`; nesting deeper than 1000 is `expression
 * nests too deeply`; a program over RE_MAX_INST instructions is
 * `expression too large`.
 *
 * CLASSES are sorted range lists. Case folding ((?i)) adds each rune's
 * simple-folding orbit (unicode.SimpleFold around it). \p{...} classes
 * are package unicode's tables (stdlib/unicode/tables.c, Go's own data),
 * looked up as Go's regexp/syntax does: the name canonicalised, then Any,
 * Assigned, ASCII, the categories, the scripts and the category aliases;
 * under (?i) the table's fold table is added (FoldCategory, FoldScript).
 *
 * COMPILER. Thompson's construction with hole lists threaded through the
 * unfilled out fields. x* with a body that can match empty is compiled as
 * (x+)?, as Go does, so captures inside come out as Go reports them.
 * x{n,m} is n copies of x followed by m-n nested optional copies.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "stdlib/regexp/prog.h"

#define MAX_RUNE 0x10FFFF
#define MAX_REPEAT 1000   /* Go's syntax.maxRepeat... limit: {n,m} <= 1000 */
#define MAX_DEPTH 1000    /* Go's maxHeight: nesting depth of groups */
#define RE_MAX_INST 3000000 /* ~ Go's maxSize: 128 MB of instructions */

/* Parser flags: Go's syntax.Flags. */
enum {
    F_FOLD = 1, F_CLASSNL = 4, F_DOTNL = 8, F_ONELINE = 16,
    F_NONGREEDY = 32, F_PERLX = 64, F_UNIGROUPS = 128,
    F_PERL = F_CLASSNL | F_ONELINE | F_PERLX | F_UNIGROUPS
};

/* ---- character classes ------------------------------------------------ */

typedef struct CC {
    int32_t *r;   /* lo, hi pairs */
    int n, cap;   /* ranges */
} CC;

static void cc_add(CC *c, int32_t lo, int32_t hi) {
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 8;
        int32_t *nr = gc_alloc_atomic((size_t)c->cap * 2 * sizeof *nr);
        if (c->n)
            memcpy(nr, c->r, (size_t)c->n * 2 * sizeof *nr);
        c->r = nr;
    }
    c->r[2 * c->n] = lo;
    c->r[2 * c->n + 1] = hi;
    c->n++;
}

static int cmp_range(const void *a, const void *b) {
    const int32_t *x = a, *y = b;
    return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] < y[1] ? -1 : x[1] > y[1]);
}

/* Sorts and merges overlapping or adjacent ranges. */
static void cc_norm(CC *c) {
    if (c->n < 2)
        return;
    qsort(c->r, (size_t)c->n, 2 * sizeof(int32_t), cmp_range);
    int w = 0;
    for (int i = 1; i < c->n; i++) {
        if (c->r[2 * i] <= c->r[2 * w + 1] + 1) {
            if (c->r[2 * i + 1] > c->r[2 * w + 1])
                c->r[2 * w + 1] = c->r[2 * i + 1];
        } else {
            w++;
            c->r[2 * w] = c->r[2 * i];
            c->r[2 * w + 1] = c->r[2 * i + 1];
        }
    }
    c->n = w + 1;
}

/* Complement of a normalised class within 0..MAX_RUNE. */
static void cc_negate(CC *c) {
    CC o = {0};
    int32_t next = 0;
    for (int i = 0; i < c->n; i++) {
        if (c->r[2 * i] > next)
            cc_add(&o, next, c->r[2 * i] - 1);
        next = c->r[2 * i + 1] + 1;
    }
    if (next <= MAX_RUNE)
        cc_add(&o, next, MAX_RUNE);
    *c = o;
}

#define MIN_FOLD 0x41      /* Go's minFold and maxFold: the runes that */
#define MAX_FOLD 0x1E943   /* fold to others lie in between */

/* The simple-folding orbit of r (r first) into out: unicode.SimpleFold
 * from r until it comes back (orbits have at most four runes). */
static int fold_orbit(int32_t r, int32_t out[8]) {
    int n = 0;
    out[n++] = r;
    for (int32_t f = uni_simple_fold(r); f != r && n < 8; f = uni_simple_fold(f))
        out[n++] = f;
    return n;
}

/* Adds lo..hi and, when fold, every rune's orbit. */
static void cc_add_range(CC *c, int32_t lo, int32_t hi, bool fold) {
    cc_add(c, lo, hi);
    if (!fold || (lo <= MIN_FOLD && hi >= MAX_FOLD))
        return;
    int32_t a = lo < MIN_FOLD ? MIN_FOLD : lo, b = hi > MAX_FOLD ? MAX_FOLD : hi;
    for (int32_t r = a; r <= b; r++) {
        int32_t o[8];
        int n = fold_orbit(r, o);
        for (int i = 0; i < n; i++)
            if (o[i] < lo || o[i] > hi)
                cc_add(c, o[i], o[i]);
    }
}

/* Adds class src (negated first when neg), folded when fold. */
static void cc_add_class(CC *c, const CC *src, bool neg, bool fold) {
    CC t = {0};
    for (int i = 0; i < src->n; i++)
        cc_add_range(&t, src->r[2 * i], src->r[2 * i + 1], fold);
    cc_norm(&t);
    if (neg)
        cc_negate(&t);
    for (int i = 0; i < t.n; i++)
        cc_add(c, t.r[2 * i], t.r[2 * i + 1]);
}

static CC cc_of(const int32_t *pairs, int n) {
    CC c = {0};
    for (int i = 0; i < n; i++)
        cc_add(&c, pairs[2 * i], pairs[2 * i + 1]);
    return c;
}

/* ---- named classes: Perl, POSIX, Unicode ------------------------------- */

typedef struct Named {
    const char *name;
    const int32_t *r;
    int n;
} Named;

#define R(...) (const int32_t[]){__VA_ARGS__}, sizeof((int32_t[]){__VA_ARGS__}) / 8
static const Named perl_classes[] = {
    {"\\d", R('0', '9')},
    {"\\s", R('\t', '\n', '\f', '\r', ' ', ' ')},
    {"\\w", R('0', '9', 'A', 'Z', '_', '_', 'a', 'z')},
};
static const Named posix_classes[] = {
    {"alnum", R('0', '9', 'A', 'Z', 'a', 'z')},
    {"alpha", R('A', 'Z', 'a', 'z')},
    {"ascii", R(0, 0x7F)},
    {"blank", R('\t', '\t', ' ', ' ')},
    {"cntrl", R(0, 0x1F, 0x7F, 0x7F)},
    {"digit", R('0', '9')},
    {"graph", R('!', '~')},
    {"lower", R('a', 'z')},
    {"print", R(' ', '~')},
    {"punct", R('!', '/', ':', '@', '[', '`', '{', '~')},
    {"space", R('\t', '\r', ' ', ' ')},
    {"upper", R('A', 'Z')},
    {"word", R('0', '9', 'A', 'Z', '_', '_', 'a', 'z')},
    {"xdigit", R('0', '9', 'A', 'F', 'a', 'f')},
};
#undef R

/* ---- Unicode classes: Go's regexp/syntax unicodeTable ------------------ */

/* Go's canonicalName: '_', '-' and ' ' dropped, the first letter upper
 * case and the rest lower case ("greek" and "GREEK" name Greek; a script
 * whose name keeps an underscore or a second capital, such as Old_Italic,
 * is then out of reach, as in Go). Writes at most cap bytes. */
static size_t canonical_name(const char *name, size_t n, char *out, size_t cap) {
    size_t w = 0;
    bool first = true;
    for (size_t i = 0; i < n && w < cap; i++) {
        char c = name[i];
        if (c == '_' || c == '-' || c == ' ')
            continue;
        if (first) {
            if (c >= 'a' && c <= 'z')
                c -= 'a' - 'A';
            first = false;
        } else if (c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
        }
        out[w++] = c;
    }
    return w;
}

static void cc_add_fn(int32_t lo, int32_t hi, void *arg) { cc_add(arg, lo, hi); }

/* The class \p{name} names, name[0..n), into out (folded with its fold
 * table when fold), sign -1 when the table is the class's complement;
 * false for a name Go does not know. */
static bool unicode_class(const char *name, int64_t n, bool fold, CC *out,
                          int *sign) {
    char canon[64];
    if (n >= (int64_t)sizeof canon)
        return false;
    size_t cn = canonical_name(name, (size_t)n, canon, sizeof canon);
    canon[cn] = 0;
    const UniTable *tab = NULL, *ft = NULL;
    *sign = 1;
    *out = (CC){0};
    if (strcmp(canon, "Any") == 0) {
        cc_add(out, 0, MAX_RUNE);
        return true;
    }
    if (strcmp(canon, "Ascii") == 0) {
        cc_add(out, 0, 0x7F);
        if (fold) {   /* Go's asciiFoldTable: long s and Kelvin sign */
            cc_add(out, 0x17F, 0x17F);
            cc_add(out, 0x212A, 0x212A);
        }
        return true;
    }
    if (strcmp(canon, "Assigned") == 0) {
        tab = ft = uni_lookup('c', "Cn", 2, NULL);
        *sign = -1;
    } else if (strcmp(canon, "Lc") == 0) {
        tab = uni_lookup('c', "LC", 2, &ft);
    } else if (!(tab = uni_lookup('c', canon, cn, &ft)) &&
               !(tab = uni_lookup('s', canon, cn, &ft))) {
        const char *alias, *cat;
        for (int i = 0; !tab && uni_category_alias(i, &alias, &cat); i++) {
            char ca[64];
            size_t an = canonical_name(alias, strlen(alias), ca, sizeof ca);
            if (an == cn && memcmp(ca, canon, cn) == 0)
                tab = uni_lookup('c', cat, strlen(cat), &ft);
        }
    }
    if (!tab)
        return false;
    uni_each_range(tab, cc_add_fn, out);
    if (fold && ft)
        uni_each_range(ft, cc_add_fn, out);
    cc_norm(out);
    return true;
}

/* ---- syntax tree ------------------------------------------------------- */

enum {
    N_EMPTY, N_NOMATCH, N_LIT, N_CLASS, N_ANY, N_ANYNL, N_ASSERT, N_CAP,
    N_STAR, N_PLUS, N_QUEST, N_REPEAT, N_CAT, N_ALT
};

typedef struct Node {
    int op;
    bool greedy;
    int32_t rune;      /* N_LIT */
    int min, max;      /* N_REPEAT (max -1: no upper bound) */
    int arg;           /* N_CAP: group index; N_ASSERT: E_ bits */
    CC cc;             /* N_CLASS */
    struct Node **sub;
    int nsub, capsub;
} Node;

static Node *node(int op) {
    Node *n = gc_alloc(sizeof *n);
    n->op = op;
    return n;
}

static void push_sub(Node *n, Node *s) {
    if (n->nsub == n->capsub) {
        n->capsub = n->capsub ? 2 * n->capsub : 4;
        Node **ns = gc_alloc((size_t)n->capsub * sizeof *ns);
        if (n->nsub)
            memcpy(ns, n->sub, (size_t)n->nsub * sizeof *ns);
        n->sub = ns;
    }
    n->sub[n->nsub++] = s;
}

/* ---- parser ------------------------------------------------------------- */

typedef struct Parser {
    const char *s;
    int64_t n, pos;
    int flags, ncap, depth;
    char **names;      /* by group index; grows with ncap */
    int capnames;
    jmp_buf jb;
    const char *code;  /* the error */
    int64_t elo, ehi;  /* its span of s */
} Parser;

static const char ERR_MISSING_PAREN[] = "missing closing )";
static const char ERR_UNEXPECTED_PAREN[] = "unexpected )";
static const char ERR_MISSING_BRACKET[] = "missing closing ]";
static const char ERR_MISSING_REPEAT[] = "missing argument to repetition operator";
static const char ERR_REPEAT_OP[] = "invalid nested repetition operator";
static const char ERR_REPEAT_SIZE[] = "invalid repeat count";
static const char ERR_ESCAPE[] = "invalid escape sequence";
static const char ERR_CHAR_RANGE[] = "invalid character class range";
static const char ERR_NAMED[] = "invalid named capture";
static const char ERR_PERL_OP[] = "invalid or unsupported Perl syntax";
static const char ERR_TRAILING[] = "trailing backslash at end of expression";
static const char ERR_UTF8[] = "invalid UTF-8";
static const char ERR_DEPTH[] = "expression nests too deeply";
static const char ERR_LARGE[] = "expression too large";

static _Noreturn void fail(Parser *p, const char *code, int64_t lo, int64_t hi) {
    p->code = code;
    p->elo = lo;
    p->ehi = hi;
    longjmp(p->jb, 1);
}

static bool more(Parser *p) { return p->pos < p->n; }
static int peek(Parser *p) { return more(p) ? (unsigned char)p->s[p->pos] : -1; }

/* The rune at pos, consumed; invalid UTF-8 is an error naming the rest. */
static int32_t next_rune(Parser *p) {
    int size;
    int32_t r = utf8_decode(p->s + p->pos, p->n - p->pos, &size);
    if (r == 0xFFFD && size == 1)
        fail(p, ERR_UTF8, p->pos, p->n);
    p->pos += size;
    return r;
}

static int unhex(int c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool is_alnum(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* After a backslash at start: a single-rune escape (octal, \x, \a\f\n\r\t\v,
 * escaped punctuation). */
static int32_t parse_escape(Parser *p, int64_t start) {
    if (!more(p))
        fail(p, ERR_TRAILING, 0, 0);
    int32_t c = next_rune(p);
    switch (c) {
    case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        if (peek(p) < '0' || peek(p) > '7')
            break;
        /* fall through */
    case '0': {
        int32_t r = c - '0';
        for (int i = 1; i < 3 && peek(p) >= '0' && peek(p) <= '7'; i++)
            r = r * 8 + (p->s[p->pos++] - '0');
        return r;
    }
    case 'x': {
        if (!more(p))
            break;
        c = next_rune(p);
        if (c == '{') {
            int nhex = 0;
            int32_t r = 0;
            for (;;) {
                if (!more(p))
                    fail(p, ERR_ESCAPE, start, p->pos);
                c = next_rune(p);
                if (c == '}')
                    break;
                int v = c < 128 ? unhex(c) : -1;
                if (v < 0)
                    fail(p, ERR_ESCAPE, start, p->pos);
                r = r * 16 + v;
                if (r > MAX_RUNE)
                    fail(p, ERR_ESCAPE, start, p->pos);
                nhex++;
            }
            if (nhex == 0)
                fail(p, ERR_ESCAPE, start, p->pos);
            return r;
        }
        int x = c < 128 ? unhex(c) : -1;
        int32_t c2 = more(p) ? next_rune(p) : -1;
        int y = c2 >= 0 && c2 < 128 ? unhex(c2) : -1;
        if (x < 0 || y < 0)
            break;
        return x * 16 + y;
    }
    case 'a': return 7;
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default:
        if (c < 128 && !is_alnum(c))
            return c;
    }
    fail(p, ERR_ESCAPE, start, p->pos);
}

/* \p or \P at start (the backslash): adds the class to cc. */
static void parse_unicode_class(Parser *p, int64_t start, CC *cc) {
    bool neg = p->s[start + 1] == 'P';
    p->pos = start + 2;
    if (!more(p))
        fail(p, ERR_CHAR_RANGE, start, p->pos);
    const char *name;
    int64_t nlen;
    if (peek(p) == '{') {
        const char *e = memchr(p->s + p->pos, '}', (size_t)(p->n - p->pos));
        if (!e)
            fail(p, ERR_CHAR_RANGE, start, p->n);
        name = p->s + p->pos + 1;
        nlen = e - name;
        p->pos = e + 1 - p->s;
        if (nlen > 0 && name[0] == '^') {
            neg = !neg;
            name++;
            nlen--;
        }
    } else {
        int64_t at = p->pos;
        next_rune(p);
        name = p->s + at;
        nlen = p->pos - at;
    }
    CC u;
    int sign;
    if (!unicode_class(name, nlen, p->flags & F_FOLD, &u, &sign))
        fail(p, ERR_CHAR_RANGE, start, p->pos);
    /* folded already, by the table's fold table as Go does */
    cc_add_class(cc, &u, neg != (sign < 0), false);
}

/* \d \D \s \S \w \W at pos (the backslash): adds the class to cc, or
 * returns false when the escape is not one of them. */
static bool perl_class(Parser *p, CC *cc) {
    if (!(p->flags & F_PERLX) || p->pos + 1 >= p->n)
        return false;
    int c = (unsigned char)p->s[p->pos + 1];
    int lc = c | 0x20;
    for (size_t i = 0; i < 3; i++)
        if (perl_classes[i].name[1] == lc) {
            CC t = cc_of(perl_classes[i].r, perl_classes[i].n);
            cc_add_class(cc, &t, c != lc, p->flags & F_FOLD);
            p->pos += 2;
            return true;
        }
    return false;
}

/* A single rune inside a class: literal or escape. */
static int32_t class_char(Parser *p) {
    if (peek(p) == '\\') {
        int64_t start = p->pos++;
        return parse_escape(p, start);
    }
    return next_rune(p);
}

/* [...] at pos. */
static Node *parse_class(Parser *p) {
    int64_t start = p->pos++;
    CC cc = {0};
    bool neg = false, first = true;
    if (peek(p) == '^') {
        neg = true;
        p->pos++;
    }
    for (;;) {
        if (!more(p))
            fail(p, ERR_MISSING_BRACKET, start, p->n);
        int c = peek(p);
        if (c == ']' && !first) {
            p->pos++;
            break;
        }
        /* POSIX: '-' only first or last */
        if (c == '-' && !(p->flags & F_PERLX) && !first &&
            (p->pos + 1 >= p->n || p->s[p->pos + 1] != ']')) {
            int64_t at = p->pos++;
            if (more(p))
                next_rune(p);
            fail(p, ERR_CHAR_RANGE, at, p->pos);
        }
        first = false;
        if (c == '[' && p->pos + 1 < p->n && p->s[p->pos + 1] == ':') {
            const char *e = memmem(p->s + p->pos + 2, (size_t)(p->n - p->pos - 2), ":]", 2);
            if (e) {
                const char *name = p->s + p->pos + 2;
                int64_t nlen = e - name, at = p->pos;
                bool cneg = nlen > 0 && name[0] == '^';
                if (cneg) {
                    name++;
                    nlen--;
                }
                p->pos = e + 2 - p->s;
                size_t k = 0, nk = sizeof posix_classes / sizeof posix_classes[0];
                while (k < nk && !((int64_t)strlen(posix_classes[k].name) == nlen &&
                                   memcmp(posix_classes[k].name, name, (size_t)nlen) == 0))
                    k++;
                if (k == nk)
                    fail(p, ERR_CHAR_RANGE, at, p->pos);
                CC t = cc_of(posix_classes[k].r, posix_classes[k].n);
                cc_add_class(&cc, &t, cneg, p->flags & F_FOLD);
                continue;
            }
        }
        if (c == '\\' && p->pos + 1 < p->n) {
            int d = p->s[p->pos + 1];
            if (perl_class(p, &cc))
                continue;
            if ((p->flags & F_UNIGROUPS) && (d == 'p' || d == 'P')) {
                parse_unicode_class(p, p->pos, &cc);
                continue;
            }
        }
        int64_t rstart = p->pos;
        int32_t lo = class_char(p), hi = lo;
        if (peek(p) == '-' && p->pos + 1 < p->n && p->s[p->pos + 1] != ']') {
            p->pos++;
            hi = class_char(p);
            if (hi < lo)
                fail(p, ERR_CHAR_RANGE, rstart, p->pos);
        }
        cc_add_range(&cc, lo, hi, p->flags & F_FOLD);
    }
    cc_norm(&cc);
    if (neg) {
        if (!(p->flags & F_CLASSNL)) {
            cc_add(&cc, '\n', '\n');
            cc_norm(&cc);
        }
        cc_negate(&cc);
    }
    Node *nd = node(N_CLASS);
    nd->cc = cc;
    return nd;
}

static Node *literal(Parser *p, int32_t r) {
    if (p->flags & F_FOLD) {
        int32_t o[8];
        int n = fold_orbit(r, o);
        if (n > 1) {
            Node *nd = node(N_CLASS);
            for (int i = 0; i < n; i++)
                cc_add(&nd->cc, o[i], o[i]);
            cc_norm(&nd->cc);
            return nd;
        }
    }
    Node *nd = node(N_LIT);
    nd->rune = r;
    return nd;
}

static Node *assertion(int bits) {
    Node *nd = node(N_ASSERT);
    nd->arg = bits;
    return nd;
}

static Node *parse_alt(Parser *p);

static void add_name(Parser *p, int idx, char *name) {
    if (idx >= p->capnames) {
        int nc = p->capnames ? 2 * p->capnames : 8;
        while (nc <= idx)
            nc *= 2;
        char **nn = gc_alloc((size_t)nc * sizeof *nn);
        if (p->capnames)
            memcpy(nn, p->names, (size_t)p->capnames * sizeof *nn);
        p->names = nn;
        p->capnames = nc;
    }
    p->names[idx] = name;
}

/* The group body after its opening, up to and including ')'. */
static Node *group_body(Parser *p, int cap, char *name) {
    if (++p->depth > MAX_DEPTH)
        fail(p, ERR_DEPTH, 0, p->n);
    int saved = p->flags;
    Node *sub = parse_alt(p);
    if (peek(p) != ')')
        fail(p, ERR_MISSING_PAREN, 0, p->n);
    p->pos++;
    p->flags = saved;
    p->depth--;
    if (cap < 0)
        return sub;
    Node *nd = node(N_CAP);
    nd->arg = cap;
    push_sub(nd, sub);
    add_name(p, cap, name);
    return nd;
}

static bool valid_name(const char *s, int64_t n) {
    if (n == 0)
        return false;
    for (int64_t i = 0; i < n; i++)
        if (!is_alnum((unsigned char)s[i]) && s[i] != '_')
            return false;
    return true;
}

/* After "(?" at start: a named group, a flag group (?flags:re) or a flag
 * setting (?flags) (returns NULL: nothing to add). */
static Node *parse_perl_group(Parser *p, int64_t start) {
    const char *t = p->s + p->pos;
    int64_t rest = p->n - p->pos;
    if ((rest >= 2 && t[0] == 'P' && t[1] == '<') || (rest >= 1 && t[0] == '<')) {
        int64_t begin = p->pos + (t[0] == 'P' ? 2 : 1);
        const char *e = memchr(p->s + begin, '>', (size_t)(p->n - begin));
        if (!e) {
            p->pos = begin;
            while (more(p))
                next_rune(p);
            fail(p, ERR_NAMED, start, p->n);
        }
        int64_t end = e - p->s;
        if (!valid_name(p->s + begin, end - begin))
            fail(p, ERR_NAMED, start, end + 1);
        p->pos = end + 1;
        int cap = ++p->ncap;
        return group_body(p, cap, gc_strndup(p->s + begin, (size_t)(end - begin)));
    }
    if (rest >= 1 && t[0] == 'P')
        fail(p, ERR_PERL_OP, start, p->pos + 1);
    int flags = p->flags, sign = 1;
    bool saw = false;
    for (;;) {
        if (!more(p))
            fail(p, ERR_PERL_OP, start, p->n);
        int32_t c = next_rune(p);
        int bit = 0;
        switch (c) {
        case 'i': bit = F_FOLD; break;
        case 'm': bit = F_ONELINE; break;  /* inverted below */
        case 's': bit = F_DOTNL; break;
        case 'U': bit = F_NONGREEDY; break;
        case '-':
            if (sign < 0)
                fail(p, ERR_PERL_OP, start, p->pos);
            sign = -1;
            saw = false;
            continue;
        case ':':
        case ')':
            if (sign < 0 && !saw)
                fail(p, ERR_PERL_OP, start, p->pos);
            if (c == ')') {
                p->flags = flags;
                return NULL;
            }
            int outer = p->flags;
            p->flags = flags;
            Node *g = group_body(p, -1, NULL);
            p->flags = outer;
            return g;
        default:
            fail(p, ERR_PERL_OP, start, p->pos);
        }
        saw = true;
        bool on = sign > 0;
        if (bit == F_ONELINE)
            on = !on;
        flags = on ? flags | bit : flags & ~bit;
    }
}

/* Does the product of nested repeat counts stay within n? */
static bool repeat_ok(const Node *nd, int n) {
    if (nd->op == N_REPEAT) {
        int m = nd->max;
        if (m == 0)
            return true;
        if (m < 0)
            m = nd->min;
        if (m > n)
            return false;
        if (m > 0)
            n /= m;
    }
    for (int i = 0; i < nd->nsub; i++)
        if (!repeat_ok(nd->sub[i], n))
            return false;
    return true;
}

/* {n}, {n,} or {n,m} at pos: sets *min, *max (-1 = none; min -1 = too
 * big) and returns true, or false when it is not a repeat (a literal '{'). */
static bool parse_braces(Parser *p, int *min, int *max) {
    int64_t i = p->pos + 1;
    int v[2] = {-1, -1}, k = 0;
    bool comma = false;
    for (;;) {
        int64_t d0 = i;
        long long x = 0;
        while (i < p->n && p->s[i] >= '0' && p->s[i] <= '9') {
            if (x <= 1000000)
                x = x * 10 + (p->s[i] - '0');
            i++;
        }
        if (i > d0)
            v[k] = x > 1000000 ? -2 : (int)x;
        else if (k == 0)
            return false;
        if (i >= p->n)
            return false;
        if (p->s[i] == '}')
            break;
        if (p->s[i] != ',' || comma)
            return false;
        comma = true;
        k = 1;
        i++;
    }
    *min = v[0] == -2 ? -1 : v[0];
    *max = comma ? (v[1] == -2 ? 1001 : v[1]) : *min;
    if (v[0] == -2 && !comma)
        *max = 1001;
    p->pos = i + 1;
    return true;
}

static Node *parse_concat(Parser *p) {
    Node *cat = node(N_CAT);
    int64_t last_repeat = -1;  /* where the repetition just before began */
    while (more(p)) {
        int c = peek(p);
        if (c == '|' || c == ')')
            break;
        int64_t opstart = p->pos;
        int op = -1, min = 0, max = 0;
        if (c == '*' || c == '+' || c == '?') {
            op = c == '*' ? N_STAR : c == '+' ? N_PLUS : N_QUEST;
            p->pos++;
        } else if (c == '{' && parse_braces(p, &min, &max)) {
            op = N_REPEAT;
            if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max))
                fail(p, ERR_REPEAT_SIZE, opstart, p->pos);
        }
        if (op >= 0) {
            bool greedy = !(p->flags & F_NONGREEDY);
            if (p->flags & F_PERLX) {
                if (peek(p) == '?') {
                    p->pos++;
                    greedy = !greedy;
                }
                if (last_repeat >= 0)
                    fail(p, ERR_REPEAT_OP, last_repeat, p->pos);
            }
            if (cat->nsub == 0)
                fail(p, ERR_MISSING_REPEAT, opstart, p->pos);
            Node *r = node(op);
            r->greedy = greedy;
            r->min = min;
            r->max = max;
            push_sub(r, cat->sub[cat->nsub - 1]);
            if (op == N_REPEAT && (min >= 2 || max >= 2) && !repeat_ok(r, MAX_REPEAT))
                fail(p, ERR_REPEAT_SIZE, opstart, p->pos);
            cat->sub[cat->nsub - 1] = r;
            last_repeat = opstart;
            continue;
        }
        last_repeat = -1;
        p->pos++;
        Node *a = NULL;
        switch (c) {
        case '(':
            if ((p->flags & F_PERLX) && peek(p) == '?') {
                p->pos++;
                a = parse_perl_group(p, opstart);
                if (!a)
                    continue;
            } else {
                int cap = ++p->ncap;
                a = group_body(p, cap, NULL);
            }
            break;
        case '[':
            p->pos = opstart;
            a = parse_class(p);
            break;
        case '.':
            a = node(p->flags & F_DOTNL ? N_ANY : N_ANYNL);
            break;
        case '^':
            a = assertion(p->flags & F_ONELINE ? E_BEGIN_TEXT : E_BEGIN_LINE);
            break;
        case '$':
            a = assertion(p->flags & F_ONELINE ? E_END_TEXT : E_END_LINE);
            break;
        case '\\': {
            int d = peek(p);
            if ((p->flags & F_PERLX) && d >= 0) {
                int bits = d == 'A' ? E_BEGIN_TEXT : d == 'z' ? E_END_TEXT
                         : d == 'b' ? E_WORD : d == 'B' ? E_NOWORD : 0;
                if (bits) {
                    p->pos++;
                    a = assertion(bits);
                    break;
                }
                if (d == 'Q') {
                    p->pos++;
                    const char *e = memmem(p->s + p->pos, (size_t)(p->n - p->pos), "\\E", 2);
                    int64_t end = e ? e - p->s : p->n;
                    while (p->pos < end)
                        push_sub(cat, literal(p, next_rune(p)));
                    if (e)
                        p->pos += 2;
                    continue;
                }
            }
            if ((p->flags & F_UNIGROUPS) && (d == 'p' || d == 'P')) {
                a = node(N_CLASS);
                parse_unicode_class(p, opstart, &a->cc);
                cc_norm(&a->cc);
                break;
            }
            p->pos = opstart;
            a = node(N_CLASS);
            if (perl_class(p, &a->cc)) {
                cc_norm(&a->cc);
                break;
            }
            p->pos = opstart + 1;
            a = literal(p, parse_escape(p, opstart));
            break;
        }
        default:
            p->pos = opstart;
            a = literal(p, next_rune(p));
        }
        push_sub(cat, a);
    }
    if (cat->nsub == 1)
        return cat->sub[0];
    if (cat->nsub == 0)
        cat->op = N_EMPTY;
    return cat;
}

/* How many literal runes (case-sensitive ones) nd begins with; lit_at
 * gives them. */
static int leading_lits(const Node *nd) {
    if (nd->op == N_LIT)
        return 1;
    if (nd->op != N_CAT)
        return 0;
    int k = 0;
    while (k < nd->nsub && nd->sub[k]->op == N_LIT)
        k++;
    return k;
}

static int32_t lit_at(const Node *nd, int i) {
    return nd->op == N_LIT ? nd->rune : nd->sub[i]->rune;
}

/* nd without its first k literal runes. */
static Node *drop_lits(Node *nd, int k) {
    if (nd->op == N_LIT)
        return node(N_EMPTY);
    if (nd->nsub - k == 0)
        return node(N_EMPTY);
    if (nd->nsub - k == 1)
        return nd->sub[k];
    Node *c = node(N_CAT);
    for (int i = k; i < nd->nsub; i++)
        push_sub(c, nd->sub[i]);
    return c;
}

/* Go's first factoring round: adjacent branches that begin with the same
 * literal runes share them (abc|abd -> ab(?:c|d)), which gives
 * LiteralPrefix Go's answer and the search a longer prefix. The order of
 * the branches, hence match priority, is unchanged. */
static Node *make_alt(Node **subs, int n) {
    if (n == 1)
        return subs[0];
    Node *alt = node(N_ALT);
    int start = 0, len = 0;
    for (int i = 0; i <= n; i++) {
        if (i < n && i > start) {
            int k = leading_lits(subs[i]), same = 0;
            while (same < len && same < k && lit_at(subs[i], same) == lit_at(subs[start], same))
                same++;
            if (same > 0) {
                len = same;
                continue;
            }
        }
        if (i > start + 1) {
            Node *cat = node(N_CAT);
            for (int j = 0; j < len; j++) {
                Node *lit = node(N_LIT);
                lit->rune = lit_at(subs[start], j);
                push_sub(cat, lit);
            }
            Node **rest = gc_alloc((size_t)(i - start) * sizeof *rest);
            for (int j = start; j < i; j++)
                rest[j - start] = drop_lits(subs[j], len);
            push_sub(cat, make_alt(rest, i - start));
            push_sub(alt, cat);
        } else if (i == start + 1) {
            push_sub(alt, subs[start]);
        }
        if (i < n) {
            start = i;
            len = leading_lits(subs[i]);
        }
    }
    return alt->nsub == 1 ? alt->sub[0] : alt;
}

static Node *parse_alt(Parser *p) {
    Node *first = parse_concat(p);
    if (peek(p) != '|')
        return first;
    Node *alt = node(N_ALT);
    push_sub(alt, first);
    while (peek(p) == '|') {
        p->pos++;
        push_sub(alt, parse_concat(p));
    }
    return make_alt(alt->sub, alt->nsub);
}

/* ---- compiler ------------------------------------------------------------ */

typedef struct Comp {
    Parser *p;
    RInst *inst;
    int32_t n, cap;
    RClass *cls;
    int32_t ncls, capcls;
} Comp;

/* A fragment: its entry, its unfilled exits (a list threaded through the
 * out/out1 fields: pc<<1 | (1 for out1), 0 = empty), and whether it can
 * match the empty string. */
typedef struct Frag {
    int32_t start;
    uint32_t holes;
    bool nullable;
} Frag;

static int32_t emit(Comp *c, int op, int32_t arg) {
    if (c->n == c->cap) {
        if (c->n >= RE_MAX_INST)
            fail(c->p, ERR_LARGE, 0, c->p->n);
        c->cap = c->cap ? 2 * c->cap : 64;
        RInst *ni = gc_alloc_atomic((size_t)c->cap * sizeof *ni);
        if (c->n)   /* no memcpy from the NULL of an empty program */
            memcpy(ni, c->inst, (size_t)c->n * sizeof *ni);
        c->inst = ni;
    }
    c->inst[c->n] = (RInst){.op = (uint8_t)op, .arg = arg};
    return c->n++;
}

static void patch(Comp *c, uint32_t l, int32_t to) {
    while (l) {
        RInst *i = &c->inst[l >> 1];
        if (l & 1) {
            l = (uint32_t)i->out1;
            i->out1 = to;
        } else {
            l = (uint32_t)i->out;
            i->out = to;
        }
    }
}

static uint32_t join(Comp *c, uint32_t a, uint32_t b) {
    if (!a)
        return b;
    if (!b)
        return a;
    uint32_t l = a;
    for (;;) {
        RInst *i = &c->inst[l >> 1];
        uint32_t next = (uint32_t)(l & 1 ? i->out1 : i->out);
        if (!next) {
            if (l & 1)
                i->out1 = (int32_t)b;
            else
                i->out = (int32_t)b;
            return a;
        }
        l = next;
    }
}

static Frag one(Comp *c, int op, int32_t arg, bool nullable) {
    int32_t pc = emit(c, op, arg);
    return (Frag){pc, (uint32_t)pc << 1, nullable};
}

static Frag c_node(Comp *c, const Node *nd);

static Frag c_cat(Comp *c, Frag a, Frag b) {
    patch(c, a.holes, b.start);
    return (Frag){a.start, b.holes, a.nullable && b.nullable};
}

/* Split s goes to start first when greedy (out), second otherwise (out1);
 * returns its other branch as a hole. */
static uint32_t split_to(Comp *c, int32_t s, int32_t start, bool greedy) {
    if (greedy) {
        c->inst[s].out = start;
        return (uint32_t)s << 1 | 1;
    }
    c->inst[s].out1 = start;
    return (uint32_t)s << 1;
}

static Frag c_quest(Comp *c, Frag f, bool greedy) {
    int32_t s = emit(c, I_SPLIT, 0);
    return (Frag){s, join(c, f.holes, split_to(c, s, f.start, greedy)), true};
}

static Frag c_plus(Comp *c, Frag f, bool greedy) {
    int32_t s = emit(c, I_SPLIT, 0);
    patch(c, f.holes, s);
    return (Frag){f.start, split_to(c, s, f.start, greedy), f.nullable};
}

static Frag c_star(Comp *c, const Node *sub, bool greedy) {
    Frag f = c_node(c, sub);
    if (f.nullable)   /* (x+)?: see the header */
        return c_quest(c, c_plus(c, f, greedy), greedy);
    /* x+ entered at its loop's split (the last instruction emitted) */
    Frag p = c_plus(c, f, greedy);
    return (Frag){c->n - 1, p.holes, true};
}

static Frag c_repeat(Comp *c, const Node *nd) {
    const Node *x = nd->sub[0];
    int min = nd->min, max = nd->max;
    if (max == -1 && min == 0)
        return c_star(c, x, nd->greedy);
    if (max == 0)
        return one(c, I_NOP, 0, true);
    Frag f = {0, 0, true};
    bool have = false;
    int copies = max == -1 ? min - 1 : min;
    for (int i = 0; i < copies; i++) {
        Frag g = c_node(c, x);
        f = have ? c_cat(c, f, g) : g;
        have = true;
    }
    if (max == -1) {
        Frag g = c_plus(c, c_node(c, x), nd->greedy);
        return have ? c_cat(c, f, g) : g;
    }
    /* (x(x(x)?)?)? : built innermost first */
    Frag opt = {0, 0, true};
    bool have_opt = false;
    for (int i = min; i < max; i++) {
        Frag g = c_node(c, x);
        if (have_opt)
            g = c_cat(c, g, opt);
        opt = c_quest(c, g, nd->greedy);
        have_opt = true;
    }
    if (!have_opt)
        return f;
    return have ? c_cat(c, f, opt) : opt;
}

static int32_t add_class(Comp *c, const CC *cc) {
    if (c->ncls == c->capcls) {
        c->capcls = c->capcls ? 2 * c->capcls : 8;
        RClass *nc = gc_alloc((size_t)c->capcls * sizeof *nc);
        if (c->ncls)
            memcpy(nc, c->cls, (size_t)c->ncls * sizeof *nc);
        c->cls = nc;
    }
    RClass *k = &c->cls[c->ncls];
    k->r = cc->r;
    k->n = cc->n;
    k->ascii[0] = k->ascii[1] = 0;
    for (int i = 0; i < cc->n && cc->r[2 * i] < 128; i++)
        for (int32_t r = cc->r[2 * i]; r <= cc->r[2 * i + 1] && r < 128; r++)
            k->ascii[r >> 6] |= 1ull << (r & 63);
    return c->ncls++;
}

static Frag c_node(Comp *c, const Node *nd) {
    switch (nd->op) {
    case N_EMPTY:
        return one(c, I_NOP, 0, true);
    case N_NOMATCH:
        return (Frag){emit(c, I_FAIL, 0), 0, false};
    case N_LIT:
        return one(c, I_RUNE1, nd->rune, false);
    case N_ANY:
        return one(c, I_ANY, 0, false);
    case N_ANYNL:
        return one(c, I_ANYNL, 0, false);
    case N_CLASS: {
        const CC *cc = &nd->cc;
        if (cc->n == 0)
            return (Frag){emit(c, I_FAIL, 0), 0, false};
        if (cc->n == 1 && cc->r[0] == 0 && cc->r[1] == MAX_RUNE)
            return one(c, I_ANY, 0, false);
        if (cc->n == 2 && cc->r[0] == 0 && cc->r[1] == '\n' - 1 &&
            cc->r[2] == '\n' + 1 && cc->r[3] == MAX_RUNE)
            return one(c, I_ANYNL, 0, false);
        if (cc->n == 1 && cc->r[0] == cc->r[1])
            return one(c, I_RUNE1, cc->r[0], false);
        return one(c, I_CLASS, add_class(c, cc), false);
    }
    case N_ASSERT:
        return one(c, I_EMPTY, nd->arg, true);
    case N_CAP: {
        Frag a = one(c, I_SAVE, 2 * nd->arg, true);
        Frag b = c_node(c, nd->sub[0]);
        Frag e = one(c, I_SAVE, 2 * nd->arg + 1, true);
        return c_cat(c, c_cat(c, a, b), e);
    }
    case N_STAR:
        return c_star(c, nd->sub[0], nd->greedy);
    case N_PLUS:
        return c_plus(c, c_node(c, nd->sub[0]), nd->greedy);
    case N_QUEST:
        return c_quest(c, c_node(c, nd->sub[0]), nd->greedy);
    case N_REPEAT:
        return c_repeat(c, nd);
    case N_CAT: {
        Frag f = c_node(c, nd->sub[0]);
        for (int i = 1; i < nd->nsub; i++)
            f = c_cat(c, f, c_node(c, nd->sub[i]));
        return f;
    }
    case N_ALT: {
        Frag f = c_node(c, nd->sub[nd->nsub - 1]);
        for (int i = nd->nsub - 2; i >= 0; i--) {
            Frag a = c_node(c, nd->sub[i]);
            int32_t s = emit(c, I_SPLIT, 0);
            c->inst[s].out = a.start;
            c->inst[s].out1 = f.start;
            f = (Frag){s, join(c, a.holes, f.holes), a.nullable || f.nullable};
        }
        return f;
    }
    }
    return (Frag){emit(c, I_FAIL, 0), 0, false};
}

/* ---- analysis for the matcher and LiteralPrefix -------------------------- */

static int32_t skip_nops(const Prog *pg, int32_t pc) {
    while (pg->inst[pc].op == I_NOP || pg->inst[pc].op == I_SAVE)
        pc = pg->inst[pc].out;
    return pc;
}

static void set_byte(Prog *pg, int b) { pg->first[b >> 6] |= 1ull << (b & 63); }

/* Which bytes can begin a match: the closure of start over instructions
 * that consume nothing. A reachable MATCH means anywhere. */
static void first_bytes(Prog *pg) {
    uint8_t *seen = calloc((size_t)pg->ninst, 1);
    int32_t *stk = malloc((size_t)pg->ninst * 2 * sizeof *stk + 8);
    int sp = 0;
    stk[sp++] = pg->start;
    while (sp && !pg->first_all) {
        int32_t pc = stk[--sp];
        if (seen[pc])
            continue;
        seen[pc] = 1;
        const RInst *i = &pg->inst[pc];
        switch (i->op) {
        case I_MATCH: case I_ANY: case I_ANYNL:
            pg->first_all = true;
            break;
        case I_FAIL:
            break;
        case I_SPLIT:
            stk[sp++] = i->out1;
            /* fall through */
        case I_NOP: case I_SAVE: case I_EMPTY:
            stk[sp++] = i->out;
            break;
        case I_RUNE1: {
            char buf[4];
            utf8_encode(buf, i->arg);
            set_byte(pg, (unsigned char)buf[0]);
            if (i->arg == 0xFFFD)   /* an invalid byte reads as U+FFFD */
                for (int b = 0x80; b < 256; b++)
                    set_byte(pg, b);
            break;
        }
        case I_CLASS: {
            const RClass *k = &pg->cls[i->arg];
            pg->first[0] |= k->ascii[0];
            pg->first[1] |= k->ascii[1];
            if (k->n && k->r[2 * k->n - 1] >= 128)
                for (int b = 0x80; b < 256; b++)
                    set_byte(pg, b);
            break;
        }
        }
    }
    free(seen);
    free(stk);
}

/* Go's LiteralPrefix: the literal runes every match starts with (after \A
 * for a pattern anchored at the start), and whether they are the whole
 * match. */
static void literal_prefix(Prog *pg) {
    StrBuf b;
    sb_init(&b);
    int32_t pc = skip_nops(pg, pg->start);
    bool anchored = pg->inst[pc].op == I_EMPTY && pg->inst[pc].arg == E_BEGIN_TEXT;
    if (anchored)
        pc = skip_nops(pg, pg->inst[pc].out);
    while (pg->inst[pc].op == I_RUNE1 && pg->inst[pc].arg != 0xFFFD) {
        char buf[4];
        sb_write(&b, buf, utf8_encode(buf, pg->inst[pc].arg));
        pc = skip_nops(pg, pg->inst[pc].out);
    }
    if (anchored)
        pg->prefix_complete = pg->inst[pc].op == I_EMPTY &&
                              (pg->inst[pc].arg & E_END_TEXT) &&
                              pg->inst[skip_nops(pg, pg->inst[pc].out)].op == I_MATCH;
    else
        pg->prefix_complete = pg->inst[pc].op == I_MATCH;
    pg->anchor_start = anchored;
    sb_putc(&b, 0);
    pg->prefix = b.data;
    pg->nprefix = (int32_t)b.len - 1;
}

Prog *re_compile(const char *expr, int64_t n, bool posix, char ***names,
                 const char **code, const char **etext, int64_t *etextlen) {
    Parser p = {.s = expr, .n = n, .flags = posix ? 0 : F_PERL};
    Comp c = {.p = &p};
    if (setjmp(p.jb)) {
        *code = p.code;
        *etext = expr + p.elo;
        *etextlen = p.ehi - p.elo;
        return NULL;
    }
    add_name(&p, 0, NULL);
    Node *re = parse_alt(&p);
    if (more(&p))   /* only a ')' stops parse_alt early */
        fail(&p, ERR_UNEXPECTED_PAREN, 0, n);
    emit(&c, I_FAIL, 0);   /* pc 0: a hole list of 0 is empty */
    Frag f = c_node(&c, re);
    int32_t m = emit(&c, I_MATCH, 0);
    patch(&c, f.holes, m);
    Prog *pg = gc_alloc(sizeof *pg);
    pg->inst = c.inst;
    pg->ninst = c.n;
    pg->start = f.start;
    pg->cls = c.cls;
    pg->ncls = c.ncls;
    pg->nsub = p.ncap;
    add_name(&p, p.ncap, p.ncap < p.capnames ? p.names[p.ncap] : NULL);
    *names = p.names;
    first_bytes(pg);
    literal_prefix(pg);
    return pg;
}
