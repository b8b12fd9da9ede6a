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
 * simple-folding orbit (unicode's ToUpper/ToLower/ToTitle plus the orbits
 * of more than two runes, such as k K U+212A, listed below). \p{...}
 * classes come from csp's unicode predicates (stdlib/unicode/unicode.c:
 * exact for Latin-1, the common scripts beyond), scanned once into range
 * lists; scripts are block ranges listed here (Latin, Greek, Cyrillic, Han,
 * ...), an approximation of Unicode's Scripts.txt.
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

/* Orbits of more than two runes under simple case folding (Go's
 * unicode.SimpleFold cycles through them); others are {r, upper, lower}. */
static const int32_t orbits[][5] = {
    {'K', 'k', 0x212A}, {'S', 's', 0x17F}, {0xB5, 0x39C, 0x3BC},
    {0xC5, 0xE5, 0x212B}, {0xDF, 0x1E9E}, {0x392, 0x3B2, 0x3D0},
    {0x395, 0x3B5, 0x3F5}, {0x398, 0x3B8, 0x3D1, 0x3F4},
    {0x399, 0x3B9, 0x345, 0x1FBE}, {0x39A, 0x3BA, 0x3F0},
    {0x3A0, 0x3C0, 0x3D6}, {0x3A1, 0x3C1, 0x3F1}, {0x3A3, 0x3C2, 0x3C3},
    {0x3A6, 0x3C6, 0x3D5}, {0x3A9, 0x3C9, 0x2126}, {0x1E60, 0x1E61, 0x1E9B},
};
#define MIN_FOLD 0x41
#define MAX_FOLD 0x1E943

/* The simple-folding orbit of r (r included) into out; returns its size. */
static int fold_orbit(int32_t r, int32_t out[8]) {
    for (size_t i = 0; i < sizeof orbits / sizeof orbits[0]; i++)
        for (int j = 0; j < 5 && orbits[i][j]; j++)
            if (orbits[i][j] == r) {
                int n = 0;
                for (int k = 0; k < 5 && orbits[i][k]; k++)
                    out[n++] = orbits[i][k];
                return n;
            }
    int n = 0;
    int32_t cand[5] = {r, uni_to_upper(r), uni_to_lower(r), uni_to_title(r),
                       uni_to_lower(uni_to_upper(r))};
    for (int i = 0; i < 5; i++) {
        bool dup = false;
        for (int j = 0; j < n; j++)
            dup |= out[j] == cand[i];
        if (!dup)
            out[n++] = cand[i];
    }
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
/* Scripts as block ranges (see the header), and the general categories
 * csp's unicode has no predicate for, from their main blocks. */
static const Named scripts[] = {
    {"Arabic", R(0x600, 0x604, 0x606, 0x60B, 0x60D, 0x61A, 0x61C, 0x61E,
                 0x620, 0x63F, 0x641, 0x64A, 0x656, 0x66F, 0x671, 0x6DC,
                 0x6DE, 0x6FF, 0x750, 0x77F, 0xFB50, 0xFDFF, 0xFE70, 0xFEFC)},
    {"Armenian", R(0x531, 0x556, 0x559, 0x58A, 0x58D, 0x58F, 0xFB13, 0xFB17)},
    {"Bengali", R(0x980, 0x9FE)},
    {"Cyrillic", R(0x400, 0x484, 0x487, 0x52F, 0x1C80, 0x1C88, 0x1D2B, 0x1D2B,
                   0x1D78, 0x1D78, 0x2DE0, 0x2DFF, 0xA640, 0xA69F)},
    {"Devanagari", R(0x900, 0x950, 0x955, 0x963, 0x966, 0x97F, 0xA8E0, 0xA8FF)},
    {"Georgian", R(0x10A0, 0x10C5, 0x10C7, 0x10C7, 0x10CD, 0x10CD, 0x10D0,
                   0x10FA, 0x10FC, 0x10FF, 0x1C90, 0x1CBA, 0x1CBD, 0x1CBF,
                   0x2D00, 0x2D25)},
    {"Greek", R(0x370, 0x373, 0x375, 0x377, 0x37A, 0x37D, 0x37F, 0x37F, 0x384,
                0x384, 0x386, 0x386, 0x388, 0x38A, 0x38C, 0x38C, 0x38E, 0x3A1,
                0x3A3, 0x3E1, 0x3F0, 0x3FF, 0x1D26, 0x1D2A, 0x1F00, 0x1FFE,
                0x2126, 0x2126)},
    {"Han", R(0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x3005, 0x3005,
              0x3007, 0x3007, 0x3021, 0x3029, 0x3038, 0x303B, 0x3400, 0x4DBF,
              0x4E00, 0x9FFF, 0xF900, 0xFA6D, 0xFA70, 0xFAD9, 0x20000, 0x2FA1F)},
    {"Hangul", R(0x1100, 0x11FF, 0x302E, 0x302F, 0x3131, 0x318E, 0xA960, 0xA97C,
                 0xAC00, 0xD7A3, 0xD7B0, 0xD7FB, 0xFFA0, 0xFFDC)},
    {"Hebrew", R(0x591, 0x5C7, 0x5D0, 0x5EA, 0x5EF, 0x5F4, 0xFB1D, 0xFB4F)},
    {"Hiragana", R(0x3041, 0x3096, 0x309D, 0x309F)},
    {"Katakana", R(0x30A1, 0x30FA, 0x30FD, 0x30FF, 0x31F0, 0x31FF, 0x32D0,
                   0x32FE, 0x3300, 0x3357, 0xFF66, 0xFF6F, 0xFF71, 0xFF9D)},
    {"Latin", R('A', 'Z', 'a', 'z', 0xAA, 0xAA, 0xBA, 0xBA, 0xC0, 0xD6, 0xD8,
                0xF6, 0xF8, 0x2B8, 0x2E0, 0x2E4, 0x1D00, 0x1D25, 0x1E00, 0x1EFF,
                0x2C60, 0x2C7F, 0xA722, 0xA7FF, 0xFF21, 0xFF3A, 0xFF41, 0xFF5A)},
    {"Thai", R(0xE01, 0xE3A, 0xE40, 0xE5B)},
    {"Zs", R(' ', ' ', 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x202F, 0x202F,
             0x205F, 0x205F, 0x3000, 0x3000)},
    {"Zl", R(0x2028, 0x2028)},
    {"Zp", R(0x2029, 0x2029)},
    {"Z", R(' ', ' ', 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029,
            0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000)},
    {"Cc", R(0, 0x1F, 0x7F, 0x9F)},
    {"Cf", R(0xAD, 0xAD, 0x600, 0x605, 0x61C, 0x61C, 0x200B, 0x200F, 0x202A,
             0x202E, 0x2060, 0x2064, 0x2066, 0x206F, 0xFEFF, 0xFEFF)},
    {"Co", R(0xE000, 0xF8FF, 0xF0000, 0xFFFFD, 0x100000, 0x10FFFD)},
    {"Cs", R(0xD800, 0xDFFF)},
    {"M", R(0x300, 0x36F, 0x1AB0, 0x1AFF, 0x1DC0, 0x1DFF, 0x20D0, 0x20FF, 0xFE20,
            0xFE2F)},
    {"Mn", R(0x300, 0x36F, 0x1AB0, 0x1AFF, 0x1DC0, 0x1DFF, 0x20D0, 0x20DC,
             0x20E1, 0x20E1, 0x20E5, 0x20F0, 0xFE20, 0xFE2F)},
    {"Me", R(0x488, 0x489, 0x20DD, 0x20E0, 0x20E2, 0x20E4)},
    {"Mc", R(0x903, 0x903, 0x93B, 0x93B, 0x93E, 0x940, 0x949, 0x94C, 0x94E, 0x94F,
             0x982, 0x983, 0x9BE, 0x9C0, 0x9C7, 0x9C8, 0x9CB, 0x9CC)},
    {"Lt", R(0x1C5, 0x1C5, 0x1C8, 0x1C8, 0x1CB, 0x1CB, 0x1F2, 0x1F2, 0x1F88, 0x1F8F,
             0x1F98, 0x1F9F, 0x1FA8, 0x1FAF, 0x1FBC, 0x1FBC, 0x1FCC, 0x1FCC,
             0x1FFC, 0x1FFC)},
    {"Lm", R(0x2B0, 0x2C1, 0x2C6, 0x2D1, 0x2E0, 0x2E4, 0x2EC, 0x2EC, 0x2EE, 0x2EE,
             0x374, 0x374, 0x37A, 0x37A, 0x559, 0x559, 0x640, 0x640, 0x3005, 0x3005,
             0x3031, 0x3035, 0x309D, 0x309E, 0x30FC, 0x30FE, 0xFF70, 0xFF70,
             0xFF9E, 0xFF9F)},
    {"Nl", R(0x16EE, 0x16F0, 0x2160, 0x2182, 0x2185, 0x2188, 0x3007, 0x3007,
             0x3021, 0x3029, 0x3038, 0x303A)},
    {"Pc", R('_', '_', 0x203F, 0x2040, 0x2054, 0x2054, 0xFE33, 0xFE34, 0xFE4D,
             0xFE4F, 0xFF3F, 0xFF3F)},
    {"Pd", R('-', '-', 0x58A, 0x58A, 0x5BE, 0x5BE, 0x1400, 0x1400, 0x1806, 0x1806,
             0x2010, 0x2015, 0x2E17, 0x2E17, 0x2E1A, 0x2E1A, 0x2E3A, 0x2E3B,
             0x2E40, 0x2E40, 0x301C, 0x301C, 0x3030, 0x3030, 0x30A0, 0x30A0,
             0xFE31, 0xFE32, 0xFE58, 0xFE58, 0xFE63, 0xFE63, 0xFF0D, 0xFF0D)},
    {"Ps", R('(', '(', '[', '[', '{', '{', 0x201A, 0x201A, 0x201E, 0x201E,
             0x2045, 0x2045, 0x207D, 0x207D, 0x208D, 0x208D, 0x2329, 0x2329,
             0x3008, 0x3008, 0x300A, 0x300A, 0x300C, 0x300C, 0x300E, 0x300E,
             0x3010, 0x3010, 0x3014, 0x3014, 0x3016, 0x3016, 0x3018, 0x3018,
             0x301A, 0x301A, 0xFF08, 0xFF08, 0xFF3B, 0xFF3B, 0xFF5B, 0xFF5B,
             0xFF62, 0xFF62)},
    {"Pe", R(')', ')', ']', ']', '}', '}', 0x2046, 0x2046, 0x207E, 0x207E,
             0x208E, 0x208E, 0x232A, 0x232A, 0x3009, 0x3009, 0x300B, 0x300B,
             0x300D, 0x300D, 0x300F, 0x300F, 0x3011, 0x3011, 0x3015, 0x3015,
             0x3017, 0x3017, 0x3019, 0x3019, 0x301B, 0x301B, 0xFF09, 0xFF09,
             0xFF3D, 0xFF3D, 0xFF5D, 0xFF5D, 0xFF63, 0xFF63)},
    {"Pi", R(0xAB, 0xAB, 0x2018, 0x2018, 0x201B, 0x201C, 0x201F, 0x201F, 0x2039, 0x2039)},
    {"Pf", R(0xBB, 0xBB, 0x2019, 0x2019, 0x201D, 0x201D, 0x203A, 0x203A)},
    {"Po", R('!', '#', '%', '\'', '*', '*', ',', ',', '.', '/', ':', ';', '?', '@',
             '\\', '\\', 0xA1, 0xA1, 0xA7, 0xA7, 0xB6, 0xB7, 0xBF, 0xBF, 0x37E, 0x37E,
             0x387, 0x387, 0x55A, 0x55F, 0x589, 0x589, 0x60C, 0x60D, 0x61B, 0x61B,
             0x61F, 0x61F, 0x66A, 0x66D, 0x6D4, 0x6D4, 0x964, 0x965, 0x970, 0x970,
             0xE4F, 0xE4F, 0xE5A, 0xE5B, 0x2016, 0x2017, 0x2020, 0x2027, 0x2030, 0x2038,
             0x203B, 0x203E, 0x3001, 0x3003, 0xFF01, 0xFF03, 0xFF05, 0xFF07,
             0xFF0A, 0xFF0A, 0xFF0C, 0xFF0C, 0xFF0E, 0xFF0F, 0xFF1A, 0xFF1B,
             0xFF1F, 0xFF20, 0xFF3C, 0xFF3C)},
    {"Sc", R('$', '$', 0xA2, 0xA5, 0x58F, 0x58F, 0x60B, 0x60B, 0x9F2, 0x9F3, 0xE3F, 0xE3F,
             0x20A0, 0x20C0, 0xFDFC, 0xFDFC, 0xFE69, 0xFE69, 0xFF04, 0xFF04,
             0xFFE0, 0xFFE1, 0xFFE5, 0xFFE6)},
    {"Sk", R('^', '^', '`', '`', 0xA8, 0xA8, 0xAF, 0xAF, 0xB4, 0xB4, 0xB8, 0xB8,
             0x2C2, 0x2C5, 0x2D2, 0x2DF, 0x2E5, 0x2EB, 0x2ED, 0x2ED, 0x2EF, 0x2FF,
             0x375, 0x375, 0x384, 0x385, 0x1FBD, 0x1FBD, 0x1FBF, 0x1FC1, 0x1FCD, 0x1FCF,
             0x1FDD, 0x1FDF, 0x1FED, 0x1FEF, 0x1FFD, 0x1FFE, 0x309B, 0x309C,
             0xFF3E, 0xFF3E, 0xFF40, 0xFF40, 0xFFE3, 0xFFE3)},
    {"Sm", R('+', '+', '<', '>', '|', '|', '~', '~', 0xAC, 0xAC, 0xB1, 0xB1, 0xD7, 0xD7,
             0xF7, 0xF7, 0x3F6, 0x3F6, 0x2044, 0x2044, 0x2052, 0x2052, 0x207A, 0x207C,
             0x208A, 0x208C, 0x2118, 0x2118, 0x2140, 0x2144, 0x214B, 0x214B,
             0x2190, 0x2194, 0x219A, 0x219B, 0x21A0, 0x21A0, 0x21A3, 0x21A3,
             0x21A6, 0x21A6, 0x21AE, 0x21AE, 0x21CE, 0x21CF, 0x21D2, 0x21D2,
             0x21D4, 0x21D4, 0x21F4, 0x22FF, 0x2320, 0x2321, 0x237C, 0x237C,
             0x239B, 0x23B3, 0x23DC, 0x23E1, 0x25B7, 0x25B7, 0x25C1, 0x25C1,
             0x25F8, 0x25FF, 0x266F, 0x266F, 0x27C0, 0x27C4, 0x27C7, 0x27E5,
             0x27F0, 0x27FF, 0x2900, 0x2982, 0x2999, 0x29D7, 0x29DC, 0x29FB,
             0x29FE, 0x2AFF, 0x2B30, 0x2B44, 0x2B47, 0x2B4C, 0xFB29, 0xFB29,
             0xFE62, 0xFE62, 0xFE64, 0xFE66, 0xFF0B, 0xFF0B, 0xFF1C, 0xFF1E,
             0xFF5C, 0xFF5C, 0xFF5E, 0xFF5E, 0xFFE2, 0xFFE2, 0xFFE9, 0xFFEC)},
    {"So", R(0xA6, 0xA6, 0xA9, 0xA9, 0xAE, 0xAE, 0xB0, 0xB0, 0x482, 0x482,
             0x2100, 0x2101, 0x2103, 0x2106, 0x2108, 0x2109, 0x2114, 0x2114,
             0x2116, 0x2117, 0x211E, 0x2123, 0x2125, 0x2125, 0x2127, 0x2127,
             0x2129, 0x2129, 0x212E, 0x212E, 0x213A, 0x213B, 0x214A, 0x214A,
             0x214C, 0x214D, 0x214F, 0x214F, 0x2195, 0x2199, 0x219C, 0x219F,
             0x21A1, 0x21A2, 0x21A4, 0x21A5, 0x21A7, 0x21AD, 0x21AF, 0x21CD,
             0x21D0, 0x21D1, 0x21D3, 0x21D3, 0x21D5, 0x21F3, 0x2300, 0x2307,
             0x230C, 0x231F, 0x2322, 0x2328, 0x232B, 0x237B, 0x237D, 0x239A,
             0x23B4, 0x23DB, 0x23E2, 0x2426, 0x2440, 0x244A, 0x249C, 0x24E9,
             0x2500, 0x25B6, 0x25B8, 0x25C0, 0x25C2, 0x25F7, 0x2600, 0x266E,
             0x2670, 0x2767, 0x2794, 0x27BF, 0x2800, 0x28FF, 0x2B00, 0x2B2F,
             0x2B45, 0x2B46, 0x2B4D, 0x2B73, 0x3004, 0x3004, 0x3012, 0x3013,
             0x3020, 0x3020, 0x3036, 0x3037, 0x303E, 0x303F, 0x3190, 0x3191,
             0x3196, 0x319F, 0x31C0, 0x31E3, 0x3200, 0x321E, 0x322A, 0x3247,
             0x3250, 0x3250, 0x3260, 0x327F, 0x328A, 0x32B0, 0x32C0, 0x33FF,
             0x4DC0, 0x4DFF, 0xFFE4, 0xFFE4, 0xFFE8, 0xFFE8, 0xFFED, 0xFFEE,
             0x1F000, 0x1F0FF, 0x1F300, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F900, 0x1F9FF)},
    {"Any", R(0, MAX_RUNE)},
};
#undef R

/* General categories from csp's unicode predicates, scanned once. */
static bool is_lu(int32_t r) { return uni_is_letter(r) && uni_is_upper(r); }
static bool is_ll(int32_t r) { return uni_is_letter(r) && uni_is_lower(r); }
static bool is_lo(int32_t r) {
    return uni_is_letter(r) && !uni_is_upper(r) && !uni_is_lower(r);
}
static bool is_no(int32_t r) { return uni_is_number(r) && !uni_is_digit(r); }
static bool is_c(int32_t r) { return uni_is_control(r); }
static const struct {
    const char *name;
    bool (*fn)(int32_t);
} categories[] = {
    {"L", uni_is_letter}, {"Lu", is_lu}, {"Ll", is_ll}, {"Lo", is_lo},
    {"N", uni_is_number}, {"Nd", uni_is_digit}, {"No", is_no},
    {"P", uni_is_punct},  {"S", uni_is_symbol}, {"C", is_c},
};
#define NCAT (sizeof categories / sizeof categories[0])
#define SCAN_LIMIT 0x30000  /* csp's tables end below the third plane */
static CC *cat_cache[NCAT];  /* any thread: published with release/acquire */

static CC *category(size_t k) {
    CC *c = __atomic_load_n(&cat_cache[k], __ATOMIC_ACQUIRE);
    if (c)
        return c;
    c = gc_alloc(sizeof *c);
    int32_t lo = -1;
    for (int32_t r = 0; r <= SCAN_LIMIT; r++) {
        bool in = r < SCAN_LIMIT && categories[k].fn(r);
        if (in && lo < 0)
            lo = r;
        else if (!in && lo >= 0) {
            cc_add(c, lo, r - 1);
            lo = -1;
        }
    }
    /* a racing thread may have scanned too: either result is the same */
    __atomic_store_n(&cat_cache[k], c, __ATOMIC_RELEASE);
    return c;
}

/* The Unicode class called name[0..n), or false. */
static bool unicode_class(const char *name, int64_t n, CC *out) {
    for (size_t k = 0; k < NCAT; k++)
        if ((int64_t)strlen(categories[k].name) == n &&
            memcmp(categories[k].name, name, (size_t)n) == 0) {
            *out = *category(k);
            return true;
        }
    for (size_t k = 0; k < sizeof scripts / sizeof scripts[0]; k++)
        if ((int64_t)strlen(scripts[k].name) == n &&
            memcmp(scripts[k].name, name, (size_t)n) == 0) {
            *out = cc_of(scripts[k].r, scripts[k].n);
            return true;
        }
    return false;
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
    if (!unicode_class(name, nlen, &u))
        fail(p, ERR_CHAR_RANGE, start, p->pos);
    cc_add_class(cc, &u, neg, p->flags & F_FOLD);
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
