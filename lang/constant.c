/*
 * constant.c — constant values: literal parsing, arithmetic, range checks
 * and Go's spelling of values in messages. See constant.h for the precision
 * model (128-bit integers, long double floats) and why it suffices.
 *
 * Only the checker calls this file; it is pure (no global state).
 */
#include "constant.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"

#define I128_MAX ((__int128)(((unsigned __int128)1 << 127) - 1))
#define I128_MIN (-I128_MAX - 1)

ConstVal cv_make_bool(bool b) {
    ConstVal v = {.kind = CV_BOOL};
    v.u.b = b;
    return v;
}

ConstVal cv_make_int(__int128 i) {
    ConstVal v = {.kind = CV_INT};
    v.u.i = i;
    return v;
}

ConstVal cv_make_float(long double f) {
    ConstVal v = {.kind = CV_FLOAT};
    v.u.f = f;
    return v;
}

ConstVal cv_make_string(const char *s, int64_t len) {
    ConstVal v = {.kind = CV_STRING};
    v.u.str.s = s ? s : "";
    v.u.str.len = len;
    return v;
}

ConstVal cv_make_complex(long double re, long double im) {
    ConstVal v = {.kind = CV_COMPLEX};
    v.u.c.re = re;
    v.u.c.im = im;
    return v;
}

ConstVal cv_to_complex(ConstVal v) {
    if (v.kind == CV_INT) return cv_make_complex((long double)v.u.i, 0);
    if (v.kind == CV_FLOAT) return cv_make_complex(v.u.f, 0);
    if (v.kind == CV_COMPLEX) return cv_make_complex(v.u.c.re, v.u.c.im);
    return cv_make_complex(0, 0);   /* not numeric: callers check first */
}

/* NOTE on long double: its copies move 10 of its 16 bytes, so code that
 * reads a ConstVal both as __int128 and as long double and reassigns it
 * lets gcc -O2 (SRA) lose the integer's high bytes. The complex helpers
 * below therefore read parts into locals and never reassign a ConstVal
 * that may hold an integer. */

/* A complex value with a zero imaginary part as its real number. */
static bool complex_real_part(const ConstVal *v, long double *re) {
    if (v->kind != CV_COMPLEX || v->u.c.im != 0) return false;
    *re = v->u.c.re;
    return true;
}

/* ---- literals -------------------------------------------------------------- */

/* Copies text without '_' separators into a GC buffer. */
static char *strip_underscores(const char *text) {
    size_t n = strlen(text);
    char *buf = gc_alloc_atomic(n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++)
        if (text[i] != '_') buf[j++] = text[i];
    buf[j] = '\0';
    return buf;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

bool cv_parse_int(const char *text, ConstVal *out) {
    const char *p = strip_underscores(text);
    int base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) base = 16, p += 2;
    else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O')) base = 8, p += 2;
    else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) base = 2, p += 2;
    else if (p[0] == '0' && p[1]) base = 8, p += 1;
    if (!*p) return false;
    unsigned __int128 v = 0;
    for (; *p; p++) {
        int d = digit_value(*p);
        if (d >= base) return false;
        if (v > ((unsigned __int128)I128_MAX - d) / base) return false;
        v = v * base + d;
    }
    *out = cv_make_int((__int128)v);
    return true;
}

bool cv_parse_float(const char *text, ConstVal *out) {
    const char *p = strip_underscores(text);
    char *end;
    long double f = strtold(p, &end);
    if (*end || end == p) return false;
    /* Rounding the literal to 64 mantissa bits and then to 53 can differ
     * from rounding it once (a halfway case after the first rounding):
     * prefer the correctly rounded double then, since that is what the
     * constant becomes in the common case. */
    double d = strtod(p, NULL);
    if ((double)f != d) f = d;
    *out = cv_make_float(f);
    return true;
}

bool cv_parse_imag(const char *text, ConstVal *out) {
    size_t n = strlen(text);
    if (n < 2 || text[n - 1] != 'i') return false;
    char *body = gc_strdup(text);
    body[n - 1] = '\0';
    ConstVal v;
    /* "0123i" is decimal 123i (the legacy octal form does not apply) */
    const char *p = body;
    bool prefixed = p[0] == '0' && p[1] && strchr("xXoObB", p[1]);
    if (prefixed && !strpbrk(body, ".pP") && cv_parse_int(body, &v)) {
        *out = cv_make_complex(0, (long double)v.u.i);
        return true;
    }
    if (!prefixed) {
        while (p[0] == '0' && p[1] >= '0' && p[1] <= '9') p++;
    }
    if (!cv_parse_float(p, &v)) return false;
    *out = cv_make_complex(0, v.u.f);
    return true;
}

ConstVal cv_parse_rune(const char *s, int64_t len) {
    const unsigned char *u = (const unsigned char *)s;
    if (len <= 0) return cv_make_int(0);
    int32_t r = u[0];
    int extra = 0;
    if (r >= 0xF0) r &= 0x07, extra = 3;
    else if (r >= 0xE0) r &= 0x0F, extra = 2;
    else if (r >= 0xC0) r &= 0x1F, extra = 1;
    for (int i = 1; i <= extra && i < len; i++) r = (r << 6) | (u[i] & 0x3F);
    return cv_make_int(r);
}

/* ---- arithmetic ------------------------------------------------------------ */

ConstVal cv_to_float(ConstVal v) {
    if (v.kind == CV_INT) return cv_make_float((long double)v.u.i);
    return v;
}

bool cv_is_integral(ConstVal v) {
    long double re;
    if (complex_real_part(&v, &re)) return isfinite(re) && re == floorl(re);
    if (v.kind == CV_INT) return true;
    if (v.kind != CV_FLOAT) return false;
    return isfinite(v.u.f) && v.u.f == floorl(v.u.f);
}

bool cv_int64(ConstVal v, int64_t *out) {
    long double re;
    if (complex_real_part(&v, &re)) {
        if (!isfinite(re) || re != floorl(re) || fabsl(re) > 9.2e18L) return false;
        *out = (int64_t)re;
        return true;
    }
    if (v.kind == CV_FLOAT) {
        if (!cv_is_integral(v) || fabsl(v.u.f) > 9.2e18L) return false;
        *out = (int64_t)v.u.f;
        return true;
    }
    if (v.kind != CV_INT) return false;
    if (v.u.i > INT64_MAX || v.u.i < INT64_MIN) return false;
    *out = (int64_t)v.u.i;
    return true;
}

static CvErr float_binary(TokKind op, long double a, long double b,
                          ConstVal *out);

/* Integers beyond 128 bits continue as integral long doubles (exact for
 * powers of two and other values with short mantissas): Go allows 512-bit
 * untyped constants such as `big * big` as long as the final value fits. */
static CvErr int_binary(TokKind op, __int128 a, __int128 b, bool int_div,
                        ConstVal *out) {
    __int128 r = 0;
    switch (op) {
    case T_ADD:
        if (__builtin_add_overflow(a, b, &r))
            return float_binary(op, (long double)a, (long double)b, out);
        break;
    case T_SUB:
        if (__builtin_sub_overflow(a, b, &r))
            return float_binary(op, (long double)a, (long double)b, out);
        break;
    case T_MUL:
        if (__builtin_mul_overflow(a, b, &r))
            return float_binary(op, (long double)a, (long double)b, out);
        break;
    case T_QUO:
        if (b == 0) return CVE_DIVZERO;
        if (!int_div) {
            *out = cv_make_float((long double)a / (long double)b);
            return CVE_OK;
        }
        if (a == I128_MIN && b == -1) return CVE_OVERFLOW;
        r = a / b;
        break;
    case T_REM:
        if (b == 0) return CVE_DIVZERO;
        r = (b == -1) ? 0 : a % b;
        break;
    case T_AND: r = a & b; break;
    case T_OR: r = a | b; break;
    case T_XOR: r = a ^ b; break;
    case T_AND_NOT: r = a & ~b; break;
    default: return CVE_BADOP;
    }
    *out = cv_make_int(r);
    return CVE_OK;
}

static CvErr float_binary(TokKind op, long double a, long double b,
                          ConstVal *out) {
    long double r;
    switch (op) {
    case T_ADD: r = a + b; break;
    case T_SUB: r = a - b; break;
    case T_MUL: r = a * b; break;
    case T_QUO:
        if (b == 0) return CVE_DIVZERO;
        r = a / b;
        break;
    default: return CVE_BADOP;
    }
    if (!isfinite(r)) return CVE_OVERFLOW;
    *out = cv_make_float(r);
    return CVE_OK;
}

/* Complex arithmetic in long double (Go's is exact: results agree where
 * they fit a complex128). */
static CvErr complex_binary(TokKind op, ConstVal x, ConstVal y, ConstVal *out) {
    long double a = x.u.c.re, b = x.u.c.im, c = y.u.c.re, d = y.u.c.im, re, im;
    switch (op) {
    case T_ADD: re = a + c; im = b + d; break;
    case T_SUB: re = a - c; im = b - d; break;
    case T_MUL: re = a * c - b * d; im = a * d + b * c; break;
    case T_QUO: {
        long double den = c * c + d * d;
        if (den == 0) return CVE_DIVZERO;
        re = (a * c + b * d) / den;
        im = (b * c - a * d) / den;
        break;
    }
    default: return CVE_BADOP;
    }
    if (!isfinite(re) || !isfinite(im)) return CVE_OVERFLOW;
    *out = cv_make_complex(re, im);
    return CVE_OK;
}

static CvErr string_binary(TokKind op, ConstVal x, ConstVal y, ConstVal *out) {
    if (op != T_ADD) return CVE_BADOP;
    int64_t n = x.u.str.len + y.u.str.len;
    char *s = gc_alloc_atomic(n + 1);
    memcpy(s, x.u.str.s, x.u.str.len);
    memcpy(s + x.u.str.len, y.u.str.s, y.u.str.len);
    s[n] = '\0';
    *out = cv_make_string(s, n);
    return CVE_OK;
}

CvErr cv_binary(TokKind op, ConstVal x, ConstVal y, bool int_div,
                ConstVal *out) {
    if (x.kind == CV_BOOL && y.kind == CV_BOOL) {
        if (op == T_LAND) *out = cv_make_bool(x.u.b && y.u.b);
        else if (op == T_LOR) *out = cv_make_bool(x.u.b || y.u.b);
        else return CVE_BADOP;
        return CVE_OK;
    }
    if (x.kind == CV_STRING && y.kind == CV_STRING)
        return string_binary(op, x, y, out);
    if ((x.kind == CV_COMPLEX && y.kind != CV_BOOL && y.kind != CV_STRING) ||
        (y.kind == CV_COMPLEX && x.kind != CV_BOOL && x.kind != CV_STRING))
        return complex_binary(op, cv_to_complex(x), cv_to_complex(y), out);
    if (x.kind == CV_INT && y.kind == CV_INT)
        return int_binary(op, x.u.i, y.u.i, int_div, out);
    if ((x.kind == CV_INT || x.kind == CV_FLOAT) &&
        (y.kind == CV_INT || y.kind == CV_FLOAT)) {
        /* an integer-typed operation on integral float values (e.g. a
         * float literal 2.0 converted to int) stays integral */
        if (int_div && cv_is_integral(x) && cv_is_integral(y)) {
            long double a = cv_to_float(x).u.f, b = cv_to_float(y).u.f;
            if (fabsl(a) < 1e37L && fabsl(b) < 1e37L)
                return int_binary(op, (__int128)a, (__int128)b, true, out);
            CvErr err = float_binary(op, a, b, out);
            if (err == CVE_OK && op == T_QUO) *out = cv_make_float(truncl(out->u.f));
            return err;
        }
        return float_binary(op, cv_to_float(x).u.f, cv_to_float(y).u.f, out);
    }
    return CVE_BADOP;
}

/* Shift of an integral value beyond 128 bits (see int_binary). */
static CvErr big_shift(TokKind op, long double f, uint64_t s, ConstVal *out) {
    if (s > 16000) return CVE_OVERFLOW;
    long double r = op == T_SHL ? ldexpl(f, (int)s) : floorl(ldexpl(f, -(int)s));
    if (!isfinite(r)) return CVE_OVERFLOW;
    if (fabsl(r) < 1e37L) *out = cv_make_int((__int128)r);
    else *out = cv_make_float(r);
    return CVE_OK;
}

CvErr cv_shift(TokKind op, ConstVal x, uint64_t s, ConstVal *out) {
    __int128 a;
    if (x.kind == CV_FLOAT && cv_is_integral(x) && fabsl(x.u.f) < 1e37L)
        a = (__int128)x.u.f;
    else if (x.kind == CV_FLOAT && cv_is_integral(x))
        return big_shift(op, x.u.f, s, out);
    else if (x.kind == CV_INT)
        a = x.u.i;
    else
        return CVE_BADOP;
    if (op == T_SHR) {
        *out = cv_make_int(s >= 127 ? (a < 0 ? -1 : 0) : a >> s);
        return CVE_OK;
    }
    if (op != T_SHL) return CVE_BADOP;
    if (a == 0) {
        *out = cv_make_int(0);
        return CVE_OK;
    }
    if (s >= 126) return big_shift(op, (long double)a, s, out);
    __int128 lim = I128_MAX >> s;
    if (a > lim || a < -lim) return big_shift(op, (long double)a, s, out);
    *out = cv_make_int(a * ((__int128)1 << s));
    return CVE_OK;
}

static int compare_strings(ConstVal x, ConstVal y) {
    int64_t n = x.u.str.len < y.u.str.len ? x.u.str.len : y.u.str.len;
    int c = memcmp(x.u.str.s, y.u.str.s, n);
    if (c) return c;
    return (x.u.str.len > y.u.str.len) - (x.u.str.len < y.u.str.len);
}

/* -1, 0, 1; numeric kinds may mix. */
static int compare3(ConstVal x, ConstVal y) {
    if (x.kind == CV_STRING) return compare_strings(x, y);
    if (x.kind == CV_BOOL) return x.u.b != y.u.b;
    if (x.kind == CV_COMPLEX || y.kind == CV_COMPLEX) {   /* == and != only */
        ConstVal a = cv_to_complex(x), b = cv_to_complex(y);
        return !(a.u.c.re == b.u.c.re && a.u.c.im == b.u.c.im);
    }
    if (x.kind == CV_INT && y.kind == CV_INT)
        return (x.u.i > y.u.i) - (x.u.i < y.u.i);
    long double a = cv_to_float(x).u.f, b = cv_to_float(y).u.f;
    return (a > b) - (a < b);
}

bool cv_compare(TokKind op, ConstVal x, ConstVal y) {
    int c = compare3(x, y);
    switch (op) {
    case T_EQL: return c == 0;
    case T_NEQ: return c != 0;
    case T_LSS: return c < 0;
    case T_LEQ: return c <= 0;
    case T_GTR: return c > 0;
    case T_GEQ: return c >= 0;
    default: return false;
    }
}

bool cv_equal(ConstVal a, ConstVal b) {
    if (a.kind == CV_NONE || b.kind == CV_NONE) return false;
    bool num_a = a.kind == CV_INT || a.kind == CV_FLOAT || a.kind == CV_COMPLEX;
    bool num_b = b.kind == CV_INT || b.kind == CV_FLOAT || b.kind == CV_COMPLEX;
    if (a.kind != b.kind && !(num_a && num_b)) return false;
    return compare3(a, b) == 0;
}

CvErr cv_unary(TokKind op, ConstVal x, int unsigned_bits, ConstVal *out) {
    switch (op) {
    case T_ADD:
        if (x.kind != CV_INT && x.kind != CV_FLOAT && x.kind != CV_COMPLEX) return CVE_BADOP;
        *out = x;
        return CVE_OK;
    case T_SUB:
        if (x.kind == CV_COMPLEX) *out = cv_make_complex(-x.u.c.re, -x.u.c.im);
        else if (x.kind == CV_FLOAT) *out = cv_make_float(-x.u.f);
        else if (x.kind == CV_INT && x.u.i != I128_MIN) *out = cv_make_int(-x.u.i);
        else return x.kind == CV_INT ? CVE_OVERFLOW : CVE_BADOP;
        return CVE_OK;
    case T_XOR:
        if (x.kind != CV_INT) return CVE_BADOP;
        if (unsigned_bits > 0) {
            unsigned __int128 mask = ((unsigned __int128)1 << unsigned_bits) - 1;
            *out = cv_make_int((__int128)(~(unsigned __int128)x.u.i & mask));
        } else {
            *out = cv_make_int(~x.u.i);
        }
        return CVE_OK;
    case T_NOT:
        if (x.kind != CV_BOOL) return CVE_BADOP;
        *out = cv_make_bool(!x.u.b);
        return CVE_OK;
    default:
        return CVE_BADOP;
    }
}

/* ---- representability -------------------------------------------------------- */

static void int_range(Kind k, __int128 *lo, __int128 *hi) {
    int bits = type_int_bits(k);
    bool uns = k >= K_UINT && k <= K_UINTPTR;
    if (uns) {
        *lo = 0;
        *hi = ((__int128)1 << bits) - 1;
    } else {
        *lo = -((__int128)1 << (bits - 1));
        *hi = ((__int128)1 << (bits - 1)) - 1;
    }
}

static CvRep represent_float(ConstVal v, Kind k, ConstVal *out);

static CvRep represent_int(ConstVal v, Kind k, ConstVal *out) {
    __int128 i;
    if (v.kind == CV_COMPLEX) {
        if (v.u.c.im != 0) return CVR_TRUNCATED;
        return represent_int(cv_make_float(v.u.c.re), k, out);
    }
    if (v.kind == CV_FLOAT) {
        if (!isfinite(v.u.f)) return CVR_OVERFLOW;
        if (v.u.f != floorl(v.u.f)) return CVR_TRUNCATED;
        if (fabsl(v.u.f) >= 1.7e38L) return CVR_OVERFLOW;
        i = (__int128)v.u.f;
    } else if (v.kind == CV_INT) {
        i = v.u.i;
    } else {
        return CVR_MISMATCH;
    }
    if (k != K_UNTYPED_INT && k != K_UNTYPED_RUNE) {
        __int128 lo, hi;
        int_range(k, &lo, &hi);
        if (i < lo || i > hi) return CVR_OVERFLOW;
    }
    *out = cv_make_int(i);
    return CVR_OK;
}

static CvRep represent_complex(ConstVal v, Kind k, ConstVal *out) {
    if (v.kind != CV_INT && v.kind != CV_FLOAT && v.kind != CV_COMPLEX) return CVR_MISMATCH;
    ConstVal c = cv_to_complex(v);
    if (k == K_UNTYPED_COMPLEX) {
        *out = c;
        return CVR_OK;
    }
    Kind fk = k == K_COMPLEX64 ? K_FLOAT32 : K_FLOAT64;
    ConstVal re, im;
    if (represent_float(cv_make_float(c.u.c.re), fk, &re) != CVR_OK ||
        represent_float(cv_make_float(c.u.c.im), fk, &im) != CVR_OK)
        return CVR_OVERFLOW;
    *out = cv_make_complex(re.u.f, im.u.f);
    return CVR_OK;
}

static CvRep represent_float(ConstVal v, Kind k, ConstVal *out) {
    long double f;
    if (v.kind == CV_COMPLEX && v.u.c.im == 0) f = v.u.c.re;
    else if (v.kind == CV_INT) f = (long double)v.u.i;
    else if (v.kind == CV_FLOAT) f = v.u.f;
    else return CVR_MISMATCH;
    if (k == K_FLOAT32) {
        float r = (float)f;
        /* Values below max float32 + half an ulp (2^128 - 2^103) round to
         * max float32 in Go; a long double just under that bound may have
         * been rounded onto it, and (float) would then round it up to +Inf. */
        if (!isfinite(r) && fabsl(f) <= 0x1p128L - 0x1p103L)
            r = f < 0 ? -FLT_MAX : FLT_MAX;
        if (!isfinite(r)) return CVR_OVERFLOW;
        f = r;
    } else if (k == K_FLOAT64) {
        double r = (double)f;
        if (!isfinite(r)) return CVR_OVERFLOW;
        f = r;
    }
    *out = cv_make_float(f);
    return CVR_OK;
}

CvRep cv_represent(ConstVal v, const Type *t, ConstVal *out) {
    Kind k = t->kind;
    switch (k) {
    case K_BOOL: case K_UNTYPED_BOOL:
        if (v.kind != CV_BOOL) return CVR_MISMATCH;
        *out = v;
        return CVR_OK;
    case K_STRING: case K_UNTYPED_STRING:
        if (v.kind != CV_STRING) return CVR_MISMATCH;
        *out = v;
        return CVR_OK;
    case K_FLOAT32: case K_FLOAT64: case K_UNTYPED_FLOAT:
        /* go/types calls a lost imaginary part an overflow for floats
         * (and truncation for integers, see represent_int) */
        if (v.kind == CV_COMPLEX && v.u.c.im != 0) return CVR_OVERFLOW;
        return represent_float(v, k, out);
    case K_COMPLEX64: case K_COMPLEX128: case K_UNTYPED_COMPLEX:
        return represent_complex(v, k, out);
    default:
        if (type_is_integer(t)) return represent_int(v, k, out);
        return CVR_MISMATCH;
    }
}

/* ---- spelling --------------------------------------------------------------- */

static char *int128_string(__int128 v) {
    char buf[48];
    int n = sizeof buf - 1;
    buf[n] = '\0';
    unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    do {
        buf[--n] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u);
    if (v < 0) buf[--n] = '-';
    return gc_strdup(buf + n);
}

static char *float_string(long double f) {
    if (cv_is_integral(cv_make_float(f)) && fabsl(f) < 1e38L)
        return int128_string((__int128)f);
    char buf[64];
    snprintf(buf, sizeof buf, "%.6Lg", f); /* long double: 1e400 is finite */
    if (!strchr(buf, '.') && !strchr(buf, 'e'))
        snprintf(buf, sizeof buf, "%Lg", f);
    return gc_strdup(buf);
}

/* Go's strconv.Quote of the bytes, cut to 72 runes as go/constant does
 * (the first 69 runes, then "..."). */
static char *quote_string(const char *s, int64_t len) {
    enum { MAX_RUNES = 72 };
    size_t cap = (size_t)len * 4 + 8, n = 0;
    char *out = gc_alloc_atomic(cap + 4);
    out[n++] = '"';
    for (int64_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8] = {0};
        switch (c) {
        case '"': strcpy(esc, "\\\""); break;
        case '\\': strcpy(esc, "\\\\"); break;
        case '\n': strcpy(esc, "\\n"); break;
        case '\t': strcpy(esc, "\\t"); break;
        case '\r': strcpy(esc, "\\r"); break;
        case '\a': strcpy(esc, "\\a"); break;
        case '\b': strcpy(esc, "\\b"); break;
        case '\f': strcpy(esc, "\\f"); break;
        case '\v': strcpy(esc, "\\v"); break;
        default:
            if (c < 0x20 || c == 0x7f) snprintf(esc, sizeof esc, "\\x%02x", c);
            else esc[0] = (char)c;
        }
        size_t l = strlen(esc);
        memcpy(out + n, esc, l);
        n += l;
    }
    out[n++] = '"';
    out[n] = '\0';
    int runes = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)out[i] & 0xC0) != 0x80) runes++;
    if (runes <= MAX_RUNES) return out;
    /* keep the first MAX_RUNES-3 runes, then "..." */
    size_t i = 0;
    for (int r = 0; r < MAX_RUNES - 3 && i < n; r++) {
        i++;
        while (i < n && ((unsigned char)out[i] & 0xC0) == 0x80) i++;
    }
    strcpy(out + i, "...");
    return out;
}

const char *cv_string(ConstVal v) {
    switch (v.kind) {
    case CV_BOOL: return v.u.b ? "true" : "false";
    case CV_INT: return int128_string(v.u.i);
    case CV_FLOAT: return float_string(v.u.f);
    case CV_STRING: return quote_string(v.u.str.s, v.u.str.len);
    case CV_COMPLEX: {     /* go/constant: "(re + imi)" */
        char buf[160];
        snprintf(buf, sizeof buf, "(%s + %si)", float_string(v.u.c.re), float_string(v.u.c.im));
        return gc_strdup(buf);
    }
    default: return "unknown";
    }
}
