/*
 * constant.c — constant values: literal parsing, arithmetic, range checks
 * and Go's spelling of values in messages. See constant.h for the precision
 * model (128-bit integers, 512-bit MPFR floats) and why it suffices.
 *
 * Only the checker calls this file; it is pure (no global state: MPFR's
 * exponent range is per thread, and every entry that makes a float widens
 * it first).
 */
#include "constant.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpfr.h>

#include "../runtime/gc.h"

#define I128_MAX ((__int128)(((unsigned __int128)1 << 127) - 1))
#define I128_MIN (-I128_MAX - 1)

/* go/constant's precision for untyped floats (and integers past 128 bits). */
enum { PREC = 512 };
/* go/constant's smallFloat: ToInt only looks at values below 2^4096. */
enum { SMALL_EXP = 4096 };
/* Integers up to 2^126 in magnitude live in an __int128. */
enum { I128_EXP = 126 };

/* An immutable MPFR number and its limbs in one pointer-free GC block (the
 * struct's limb pointer points into its own block, which the ConstVal that
 * holds the block keeps alive). */
struct CvBig {
    __mpfr_struct m;
    bool integer;        /* an integer constant past 2^126 (1 << 200), not a float */
    mp_limb_t limbs[];
};

#define M(b) (&(b)->m)

/* Go's big.Float exponents reach 2^31; MPFR's default range stops at 2^30,
 * so take the widest (1e646456992 is 2^2147483632). */
static void wide_range(void) {
    if (mpfr_get_emax() != mpfr_get_emax_max()) {
        mpfr_set_emax(mpfr_get_emax_max());
        mpfr_set_emin(mpfr_get_emin_min());
    }
}

static CvBig *big_new(void) {
    wide_range();
    size_t n = mpfr_custom_get_size(PREC);
    CvBig *b = gc_alloc_atomic(sizeof *b + n);    /* not zeroed */
    b->integer = false;
    mpfr_custom_init(b->limbs, PREC);
    mpfr_custom_init_set(&b->m, MPFR_ZERO_KIND, 0, PREC, b->limbs);
    return b;
}

static void big_set_i128(mpfr_ptr r, __int128 v) {
    if (v >= INT64_MIN && v <= INT64_MAX) {
        mpfr_set_sj(r, (intmax_t)v, MPFR_RNDN);
        return;
    }
    mpfr_set_sj(r, (intmax_t)(v >> 64), MPFR_RNDN);     /* exact: PREC > 128 */
    mpfr_mul_2ui(r, r, 64, MPFR_RNDN);
    mpfr_add_ui(r, r, (unsigned long)(uint64_t)v, MPFR_RNDN);
}

/* An integral x with |x| < 2^(I128_EXP+1) as an __int128. */
static __int128 big_get_i128(mpfr_srcptr x) {
    if (mpfr_fits_intmax_p(x, MPFR_RNDZ)) return mpfr_get_sj(x, MPFR_RNDZ);
    mpfr_t t;
    mpfr_init2(t, PREC);
    mpfr_div_2ui(t, x, 64, MPFR_RNDN);
    mpfr_floor(t, t);
    int64_t hi = (int64_t)mpfr_get_sj(t, MPFR_RNDZ);
    mpfr_mul_2ui(t, t, 64, MPFR_RNDN);
    mpfr_sub(t, x, t, MPFR_RNDN);
    uint64_t lo = (uint64_t)mpfr_get_uj(t, MPFR_RNDZ);
    mpfr_clear(t);
    return (__int128)(((unsigned __int128)(__int128)hi << 64) | lo);
}

static bool big_fits_i128(mpfr_srcptr x) {
    return mpfr_zero_p(x) || mpfr_get_exp(x) <= I128_EXP;
}

/* Go constants have no -0. */
static ConstVal float_of(CvBig *b) {
    if (mpfr_zero_p(M(b))) mpfr_set_zero(M(b), 1);
    ConstVal v = {.kind = CV_FLOAT};
    v.u.f = b;
    return v;
}

/* An integer past the __int128 range (integer operations, shifts). */
static ConstVal bigint_of(CvBig *b) {
    b->integer = true;
    return float_of(b);
}

static ConstVal complex_of(CvBig *re, CvBig *im) {
    if (mpfr_zero_p(M(re))) mpfr_set_zero(M(re), 1);
    if (mpfr_zero_p(M(im))) mpfr_set_zero(M(im), 1);
    ConstVal v = {.kind = CV_COMPLEX};
    v.u.c.re = re;
    v.u.c.im = im;
    return v;
}

static const CvBig *big_zero(void) { return big_new(); }

/* The real part of a numeric constant as a big float (CV_INT converted). */
static const CvBig *real_big(ConstVal v) {
    if (v.kind == CV_FLOAT) return v.u.f;
    if (v.kind == CV_COMPLEX) return v.u.c.re;
    CvBig *b = big_new();
    if (v.kind == CV_INT) big_set_i128(M(b), v.u.i);
    return b;
}

static const CvBig *imag_big(ConstVal v) {
    return v.kind == CV_COMPLEX ? v.u.c.im : big_zero();
}

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

ConstVal cv_make_float(double f) {
    CvBig *b = big_new();
    mpfr_set_d(M(b), f, MPFR_RNDN);
    return float_of(b);
}

ConstVal cv_make_string(const char *s, int64_t len) {
    ConstVal v = {.kind = CV_STRING};
    v.u.str.s = s ? s : "";
    v.u.str.len = len;
    return v;
}

ConstVal cv_make_complex(double re, double im) {
    CvBig *r = big_new(), *i = big_new();
    mpfr_set_d(M(r), re, MPFR_RNDN);
    mpfr_set_d(M(i), im, MPFR_RNDN);
    return complex_of(r, i);
}

ConstVal cv_complex(ConstVal re, ConstVal im) {
    ConstVal v = {.kind = CV_COMPLEX};
    v.u.c.re = real_big(re);
    v.u.c.im = real_big(im);
    return v;
}

ConstVal cv_to_complex(ConstVal v) {
    if (v.kind == CV_COMPLEX) return v;
    ConstVal c = {.kind = CV_COMPLEX};
    c.u.c.re = v.kind == CV_INT || v.kind == CV_FLOAT ? real_big(v) : big_zero();
    c.u.c.im = big_zero();
    return c;
}

ConstVal cv_real(ConstVal v) {
    ConstVal f = {.kind = CV_FLOAT};
    f.u.f = real_big(v);
    return f;
}

ConstVal cv_imag(ConstVal v) {
    ConstVal f = {.kind = CV_FLOAT};
    f.u.f = imag_big(v);
    return f;
}

double cv_float64(ConstVal v) {
    if (v.kind == CV_INT) return (double)v.u.i;
    if (v.kind != CV_FLOAT && v.kind != CV_COMPLEX) return 0;
    return mpfr_get_d(M(real_big(v)), MPFR_RNDN);
}

double cv_imag64(ConstVal v) {
    return v.kind == CV_COMPLEX ? mpfr_get_d(M(v.u.c.im), MPFR_RNDN) : 0;
}

bool cv_is_int(ConstVal v) {
    return v.kind == CV_INT || (v.kind == CV_FLOAT && v.u.f->integer);
}

bool cv_is_zero(ConstVal v) {
    switch (v.kind) {
    case CV_INT: return v.u.i == 0;
    case CV_FLOAT: return mpfr_zero_p(M(v.u.f));
    case CV_COMPLEX: return mpfr_zero_p(M(v.u.c.re)) && mpfr_zero_p(M(v.u.c.im));
    default: return false;
    }
}

/* A complex value with a zero imaginary part as its real number. */
static bool complex_real_part(const ConstVal *v, const CvBig **re) {
    if (v->kind != CV_COMPLEX || !mpfr_zero_p(M(v->u.c.im))) return false;
    *re = v->u.c.re;
    return true;
}

/* go/constant's ToInt: x if it is an integer, or if rounding it to a few
 * bits less precision (toward or away from zero) makes it one: the error an
 * earlier inexact step left (0.0005 * 1e9 is 500000). The integer goes to
 * r when r is not NULL. */
static bool big_to_int(mpfr_srcptr x, mpfr_ptr r) {
    if (!mpfr_number_p(x)) return false;
    if (mpfr_integer_p(x)) {
        if (r) mpfr_set(r, x, MPFR_RNDN);
        return true;
    }
    long e = mpfr_get_exp(x);
    if (e <= -SMALL_EXP || e >= SMALL_EXP) return false;
    enum { DELTA = 4 };
    mpfr_t t;
    mpfr_init2(t, PREC - DELTA);
    bool ok = false;
    mpfr_rnd_t modes[2] = {MPFR_RNDZ, MPFR_RNDA};
    for (int i = 0; i < 2 && !ok; i++) {
        mpfr_set(t, x, modes[i]);
        if (mpfr_integer_p(t)) {
            ok = true;
            if (r) mpfr_set(r, t, MPFR_RNDN);
        }
    }
    mpfr_clear(t);
    return ok;
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
    CvBig *b = big_new();
    /* base 0: decimal with an 'e' exponent, or 0x hex with a 'p' one */
    mpfr_strtofr(M(b), p, &end, 0, MPFR_RNDN);
    if (*end || end == p || !mpfr_number_p(M(b))) return false;
    *out = float_of(b);
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
        *out = cv_complex(cv_make_int(0), v);
        return true;
    }
    if (!prefixed) {
        while (p[0] == '0' && p[1] >= '0' && p[1] <= '9') p++;
    }
    if (!cv_parse_float(p, &v)) return false;
    *out = cv_complex(cv_make_int(0), v);
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
    if (v.kind == CV_INT) return cv_real(v);
    return v;
}

bool cv_is_integral(ConstVal v) {
    const CvBig *re;
    if (complex_real_part(&v, &re)) return big_to_int(M(re), NULL);
    if (v.kind == CV_INT) return true;
    if (v.kind != CV_FLOAT) return false;
    return big_to_int(M(v.u.f), NULL);
}

/* v as an integer constant (CV_INT when it fits 128 bits, else an integral
 * CV_FLOAT), applying go/constant's ToInt tolerance; false when v is not
 * integral. */
static bool to_int(ConstVal v, ConstVal *out) {
    const CvBig *re = NULL;
    if (v.kind == CV_INT) {
        *out = v;
        return true;
    }
    if (v.kind == CV_FLOAT) re = v.u.f;
    else if (!complex_real_part(&v, &re)) return false;
    CvBig *r = big_new();
    if (!big_to_int(M(re), M(r))) return false;
    *out = big_fits_i128(M(r)) ? cv_make_int(big_get_i128(M(r))) : bigint_of(r);
    return true;
}

bool cv_int64(ConstVal v, int64_t *out) {
    ConstVal i;
    if (!to_int(v, &i) || i.kind != CV_INT) return false;
    if (i.u.i > INT64_MAX || i.u.i < INT64_MIN) return false;
    *out = (int64_t)i.u.i;
    return true;
}

static CvErr big_binary(TokKind op, const CvBig *a, const CvBig *b, ConstVal *out);

/* a op b for + - * past 128 bits. */
static CvErr bigint_binary(TokKind op, __int128 a, __int128 b, ConstVal *out) {
    CvErr err = big_binary(op, real_big(cv_make_int(a)), real_big(cv_make_int(b)), out);
    if (err == CVE_OK) ((CvBig *)out->u.f)->integer = true;
    return err;
}

/* Integers beyond 128 bits continue as integral 512-bit floats (exact up to
 * 2^512, go/constant's limit for integers). */
static CvErr int_binary(TokKind op, __int128 a, __int128 b, bool int_div,
                        ConstVal *out) {
    __int128 r = 0;
    switch (op) {
    case T_ADD:
        if (__builtin_add_overflow(a, b, &r))
            return bigint_binary(op, a, b, out);
        break;
    case T_SUB:
        if (__builtin_sub_overflow(a, b, &r))
            return bigint_binary(op, a, b, out);
        break;
    case T_MUL:
        if (__builtin_mul_overflow(a, b, &r))
            return bigint_binary(op, a, b, out);
        break;
    case T_QUO:
        if (b == 0) return CVE_DIVZERO;
        if (!int_div)
            return big_binary(op, real_big(cv_make_int(a)), real_big(cv_make_int(b)), out);
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

static CvErr big_binary(TokKind op, const CvBig *a, const CvBig *b, ConstVal *out) {
    CvBig *r = big_new();
    switch (op) {
    case T_ADD: mpfr_add(M(r), M(a), M(b), MPFR_RNDN); break;
    case T_SUB: mpfr_sub(M(r), M(a), M(b), MPFR_RNDN); break;
    case T_MUL: mpfr_mul(M(r), M(a), M(b), MPFR_RNDN); break;
    case T_QUO:
        if (mpfr_zero_p(M(b))) return CVE_DIVZERO;
        mpfr_div(M(r), M(a), M(b), MPFR_RNDN);
        break;
    default: return CVE_BADOP;
    }
    if (!mpfr_number_p(M(r))) return CVE_OVERFLOW;
    *out = float_of(r);
    return CVE_OK;
}

/* Complex arithmetic at PREC bits; a*c - b*d and friends are rounded once
 * (mpfr_fmms / mpfr_fmma). */
static CvErr complex_binary(TokKind op, ConstVal x, ConstVal y, ConstVal *out) {
    mpfr_srcptr a = M(x.u.c.re), b = M(x.u.c.im), c = M(y.u.c.re), d = M(y.u.c.im);
    CvBig *re = big_new(), *im = big_new();
    switch (op) {
    case T_ADD:
        mpfr_add(M(re), a, c, MPFR_RNDN);
        mpfr_add(M(im), b, d, MPFR_RNDN);
        break;
    case T_SUB:
        mpfr_sub(M(re), a, c, MPFR_RNDN);
        mpfr_sub(M(im), b, d, MPFR_RNDN);
        break;
    case T_MUL:
        mpfr_fmms(M(re), a, c, b, d, MPFR_RNDN);
        mpfr_fmma(M(im), a, d, b, c, MPFR_RNDN);
        break;
    case T_QUO: {
        if (mpfr_zero_p(c) && mpfr_zero_p(d)) return CVE_DIVZERO;
        mpfr_t den;
        mpfr_init2(den, PREC);
        mpfr_fmma(den, c, c, d, d, MPFR_RNDN);
        mpfr_fmma(M(re), a, c, b, d, MPFR_RNDN);
        mpfr_fmms(M(im), b, c, a, d, MPFR_RNDN);
        mpfr_div(M(re), M(re), den, MPFR_RNDN);
        mpfr_div(M(im), M(im), den, MPFR_RNDN);
        mpfr_clear(den);
        break;
    }
    default: return CVE_BADOP;
    }
    if (!mpfr_number_p(M(re)) || !mpfr_number_p(M(im))) return CVE_OVERFLOW;
    *out = complex_of(re, im);
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
        ConstVal a, b;
        if (int_div && to_int(x, &a) && to_int(y, &b)) {
            if (a.kind == CV_INT && b.kind == CV_INT)
                return int_binary(op, a.u.i, b.u.i, true, out);
            CvErr err = big_binary(op, real_big(a), real_big(b), out);
            if (err != CVE_OK) return err;
            CvBig *r = (CvBig *)out->u.f;
            if (op == T_QUO) mpfr_trunc(M(r), M(r));
            *out = big_fits_i128(M(r)) ? cv_make_int(big_get_i128(M(r))) : bigint_of(r);
            return CVE_OK;
        }
        return big_binary(op, real_big(x), real_big(y), out);
    }
    return CVE_BADOP;
}

/* A shift of an integer beyond 128 bits (see int_binary). */
static CvErr big_shift(TokKind op, const CvBig *f, uint64_t s, ConstVal *out) {
    if (s > 16000) return CVE_OVERFLOW;
    CvBig *r = big_new();
    if (op == T_SHL) {
        mpfr_mul_2ui(M(r), M(f), (unsigned long)s, MPFR_RNDN);
    } else {
        mpfr_div_2ui(M(r), M(f), (unsigned long)s, MPFR_RNDN);
        mpfr_floor(M(r), M(r));
    }
    if (!mpfr_number_p(M(r))) return CVE_OVERFLOW;
    *out = big_fits_i128(M(r)) ? cv_make_int(big_get_i128(M(r))) : bigint_of(r);
    return CVE_OK;
}

CvErr cv_shift(TokKind op, ConstVal x, uint64_t s, ConstVal *out) {
    ConstVal iv;
    if ((x.kind != CV_INT && x.kind != CV_FLOAT) || !to_int(x, &iv)) return CVE_BADOP;
    if (iv.kind == CV_FLOAT) return big_shift(op, iv.u.f, s, out);
    __int128 a = iv.u.i;
    if (op == T_SHR) {
        *out = cv_make_int(s >= 127 ? (a < 0 ? -1 : 0) : a >> s);
        return CVE_OK;
    }
    if (op != T_SHL) return CVE_BADOP;
    if (a == 0) {
        *out = cv_make_int(0);
        return CVE_OK;
    }
    if (s >= 126) return big_shift(op, real_big(iv), s, out);
    __int128 lim = I128_MAX >> s;
    if (a > lim || a < -lim) return big_shift(op, real_big(iv), s, out);
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
        return !(mpfr_equal_p(M(a.u.c.re), M(b.u.c.re)) &&
                 mpfr_equal_p(M(a.u.c.im), M(b.u.c.im)));
    }
    if (x.kind == CV_INT && y.kind == CV_INT)
        return (x.u.i > y.u.i) - (x.u.i < y.u.i);
    int c = mpfr_cmp(M(real_big(x)), M(real_big(y)));
    return (c > 0) - (c < 0);
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
        if (x.kind == CV_COMPLEX) {
            CvBig *re = big_new(), *im = big_new();
            mpfr_neg(M(re), M(x.u.c.re), MPFR_RNDN);
            mpfr_neg(M(im), M(x.u.c.im), MPFR_RNDN);
            *out = complex_of(re, im);
        } else if (x.kind == CV_FLOAT) {
            CvBig *r = big_new();
            mpfr_neg(M(r), M(x.u.f), MPFR_RNDN);
            r->integer = x.u.f->integer;
            *out = float_of(r);
        } else if (x.kind == CV_INT && x.u.i != I128_MIN) {
            *out = cv_make_int(-x.u.i);
        } else {
            return x.kind == CV_INT ? CVE_OVERFLOW : CVE_BADOP;
        }
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
    if (v.kind == CV_COMPLEX && !mpfr_zero_p(M(v.u.c.im))) return CVR_TRUNCATED;
    if (v.kind != CV_INT && v.kind != CV_FLOAT && v.kind != CV_COMPLEX) return CVR_MISMATCH;
    /* go/types: a float that is no integer of the type is "truncated"
     * whatever the reason; an integer that does not fit "overflows" */
    bool is_int = cv_is_int(v);
    ConstVal iv;
    if (!to_int(v, &iv)) return CVR_TRUNCATED;
    if (iv.kind != CV_INT) {
        if (k == K_UNTYPED_INT || k == K_UNTYPED_RUNE) {
            *out = iv;
            return CVR_OK;
        }
        return is_int ? CVR_OVERFLOW : CVR_TRUNCATED;
    }
    __int128 i = iv.u.i;
    if (k != K_UNTYPED_INT && k != K_UNTYPED_RUNE) {
        __int128 lo, hi;
        int_range(k, &lo, &hi);
        if (i < lo || i > hi) return is_int ? CVR_OVERFLOW : CVR_TRUNCATED;
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
    if (represent_float(cv_real(c), fk, &re) != CVR_OK ||
        represent_float(cv_imag(c), fk, &im) != CVR_OK)
        return CVR_OVERFLOW;
    *out = cv_complex(re, im);
    return CVR_OK;
}

/* Rounds to float32/float64 (go/types' roundFloat32/64): a value that
 * rounds to an infinity overflows; one that rounds to 0 is 0. */
static CvRep represent_float(ConstVal v, Kind k, ConstVal *out) {
    if (v.kind == CV_COMPLEX && !mpfr_zero_p(M(v.u.c.im))) return CVR_MISMATCH;
    if (v.kind != CV_INT && v.kind != CV_FLOAT && v.kind != CV_COMPLEX) return CVR_MISMATCH;
    const CvBig *f = real_big(v);
    if (k == K_FLOAT32) {
        float r = mpfr_get_flt(M(f), MPFR_RNDN);
        if (!isfinite(r)) return CVR_OVERFLOW;
        *out = cv_make_float(r);
    } else if (k == K_FLOAT64) {
        double r = mpfr_get_d(M(f), MPFR_RNDN);
        if (!isfinite(r)) return CVR_OVERFLOW;
        *out = cv_make_float(r);
    } else {
        *out = cv_real(v);
    }
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
        if (v.kind == CV_COMPLEX && !mpfr_zero_p(M(v.u.c.im))) return CVR_OVERFLOW;
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

/* go/constant's floatVal.String: %.6g of the float64 value, or the
 * shortest %g when %.6g hides a fraction; out of float64's range, %.6g of
 * the big value. Integers past 2^126 print in full, as go/constant's intVal. */
static char *float_string(const CvBig *f) {
    char buf[200];
    if (f->integer) {
        char *p = NULL;
        if (mpfr_asprintf(&p, "%.0Rf", M(f)) < 0) return "?";
        char *r = gc_strdup(p);
        mpfr_free_str(p);
        return r;
    }
    double d = mpfr_get_d(M(f), MPFR_RNDN);
    if (!isfinite(d) || (d == 0) != (mpfr_zero_p(M(f)) != 0)) {
        mpfr_snprintf(buf, sizeof buf, "%.6Rg", M(f));
        return gc_strdup(buf);
    }
    snprintf(buf, sizeof buf, "%.6g", d);
    if (!mpfr_integer_p(M(f)))
        for (int p = 7; !strchr(buf, '.') && p <= 17; p++) {
            snprintf(buf, sizeof buf, "%.*g", p, d);
            if (strtod(buf, NULL) == d) break;
        }
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
