/*
 * big.c — natives of package math/big (stdlib/math/big/big.go): GMP's
 * mpz_t and mpq_t do the arithmetic.
 *
 * REPRESENTATION: an Int is a Go struct whose one field (slot 0) points at
 * an mpz_t (NULL: the zero value, which reads as 0 and is allocated on the
 * first write); a Rat likewise points at an mpq_t (NULL: 0/1). GMP's memory
 * functions allocate from the collector (runtime/gc.c), so the mpz_t, its
 * limbs and everything reachable from them are plain GC memory: no
 * finalizers. Rat.Num returns an Int pointing into its mpq_t (interior
 * pointers keep the Rat alive), which gives Go's sharing for free.
 *
 * ALIASING: every native fetches its destination first (dst allocates the
 * mpz_t of a zero Int), then its operands, so z.Add(z, z) hands GMP the
 * same mpz_t three times, which GMP supports. Results that GMP cannot
 * compute in place (Div, Mod, GCD's cofactors) go through temporaries.
 *
 * CONCURRENCY: GMP is thread-safe for distinct objects; as in Go, one Int
 * written by one goroutine while another uses it is the program's race.
 *
 * DIVISION: Quo/Rem truncate (GMP's tdiv); Div/Mod are Euclidean (the
 * remainder is never negative whatever the signs), built from mpz_mod and
 * an exact division. A zero divisor panics with Go's "division by zero".
 */
#include <string.h>
#include <gmp.h>
#include <mpfr.h>
#include "stdlib/lib.h"

/* ---- operands ------------------------------------------------------------ */

static int nil_deref(Fiber *f) {
    return rt_panic_runtime(f, "invalid memory address or nil pointer dereference");
}

/* The mpz_t of the Int at a[i] for writing (allocated when zero); NULL when
 * the pointer is nil (the caller panics). */
static mpz_ptr dst(Slot *a, int i) {
    Slot *s = a[i].p;
    if (!s)
        return NULL;
    if (!s->p) {
        mpz_ptr m = gc_alloc(sizeof(__mpz_struct));
        mpz_init(m);
        s->p = m;
    }
    return s->p;
}

/* Read-only zero for Ints never written (GMP reads a limb of a zero
 * value, so it points at one, as mpz_init's does). */
static mp_limb_t zero_limb;
static __mpz_struct zero_mpz = {0, 0, &zero_limb};

static mpz_srcptr src(Slot *a, int i) {
    Slot *s = a[i].p;
    if (!s)
        return NULL;
    if (!s->p)
        return &zero_mpz;
    return s->p;
}

#define DST(v, i)                                                              \
    mpz_ptr v = dst(a, i);                                                     \
    if (!v)                                                                    \
        return nil_deref(f)
#define SRC(v, i)                                                              \
    mpz_srcptr v = src(a, i);                                                  \
    if (!v)                                                                    \
        return nil_deref(f)

static int div_zero(Fiber *f) { return rt_panic_string(f, "division by zero"); }

/* ---- set and get ----------------------------------------------------------- */

static int n_SetInt64(Fiber *f, Slot *a) {
    DST(z, 0);
    mpz_set_si(z, a[1].i);
    return NATIVE_OK;
}

static int n_SetUint64(Fiber *f, Slot *a) {
    DST(z, 0);
    mpz_set_ui(z, a[1].u);
    return NATIVE_OK;
}

static int n_Set(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    mpz_set(z, x);
    return NATIVE_OK;
}

/* |x| mod 2^64 */
static uint64_t low64(mpz_srcptr x) {
    return mpz_size(x) ? (uint64_t)mpz_getlimbn(x, 0) : 0;
}

static int n_Int64(Fiber *f, Slot *a) {
    SRC(x, 0);
    uint64_t v = low64(x);
    a[0].u = mpz_sgn(x) < 0 ? -v : v;
    return NATIVE_OK;
}

static int n_Uint64(Fiber *f, Slot *a) {
    SRC(x, 0);
    a[0].u = low64(x);
    return NATIVE_OK;
}

static int n_IsInt64(Fiber *f, Slot *a) {
    SRC(x, 0);
    bool ok = mpz_sizeinbase(x, 2) <= 63 ||
              (mpz_sgn(x) < 0 && mpz_sizeinbase(x, 2) == 64 &&
               mpz_scan1(x, 0) == 63);
    a[0].i = mpz_sgn(x) == 0 || ok;
    return NATIVE_OK;
}

static int n_IsUint64(Fiber *f, Slot *a) {
    SRC(x, 0);
    a[0].i = mpz_sgn(x) >= 0 && mpz_sizeinbase(x, 2) <= 64;
    return NATIVE_OK;
}

/* setWords(z *Int, w []uint64): z = the little-endian words w. */
static int n_setWords(Fiber *f, Slot *a) {
    DST(z, 0);
    const Slice *w = a[1].p;
    int64_t n = slice_len(w);
    mpz_set_ui(z, 0);
    for (int64_t i = n - 1; i >= 0; i--) {
        mpz_mul_2exp(z, z, 64);
        mpz_add_ui(z, z, w->data[i].u);
    }
    return NATIVE_OK;
}

/* SetBytes(buf []byte): big-endian unsigned. */
static int n_SetBytes(Fiber *f, Slot *a) {
    DST(z, 0);
    const Slice *b = a[1].p;
    int64_t n = slice_len(b);
    unsigned char *tmp = gc_alloc_atomic((size_t)n + 1);
    for (int64_t i = 0; i < n; i++)
        tmp[i] = (unsigned char)b->data[i].u;
    mpz_import(z, (size_t)n, 1, 1, 1, 0, tmp);
    return NATIVE_OK;
}

/* |x| as big-endian bytes into out (nb = its byte count). */
static unsigned char *abs_bytes(mpz_srcptr x, size_t *nb) {
    *nb = mpz_sgn(x) ? (mpz_sizeinbase(x, 2) + 7) / 8 : 0;
    unsigned char *buf = gc_alloc_atomic(*nb + 1);
    size_t cnt = 0;
    if (*nb)
        mpz_export(buf, &cnt, 1, 1, 1, 0, x);
    return buf;
}

static int n_Bytes(Fiber *f, Slot *a) {
    SRC(x, 0);
    size_t n;
    unsigned char *buf = abs_bytes(x, &n);
    Slice *s = slice_new(type_basic(K_UINT8), (int64_t)n, (int64_t)n);
    for (size_t i = 0; i < n; i++)
        s->data[i].u = buf[i];
    a[0].p = s;
    return NATIVE_OK;
}

/* FillBytes(buf []byte) []byte: |x| right-aligned, zero-padded. */
static int n_FillBytes(Fiber *f, Slot *a) {
    SRC(x, 0);
    Slice *s = a[1].p;
    int64_t len = slice_len(s);
    size_t n;
    unsigned char *buf = abs_bytes(x, &n);
    if ((int64_t)n > len)
        return rt_panic_string(f, "math/big: buffer too small to fit value");
    for (int64_t i = 0; i < len; i++)
        s->data[i].u = i < len - (int64_t)n ? 0 : buf[i - (len - (int64_t)n)];
    a[0].p = s;
    return NATIVE_OK;
}

/* ---- text ------------------------------------------------------------------ */

/* Go's digit value of c (a-z 10..35, A-Z 36..61 above base 36, either case
 * below), or 99. */
static int digit_val(char c, int base) {
    int d = 99;
    if (c >= '0' && c <= '9')
        d = c - '0';
    else if (c >= 'a' && c <= 'z')
        d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
        d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
    return d;
}

/* GMP's character for digit d in base (up to 36: 0-9a-z; above: 0-9A-Za-z). */
static char gmp_digit(int d, int base) {
    if (d < 10)
        return (char)('0' + d);
    if (base <= 36)
        return (char)('a' + d - 10);
    return d < 36 ? (char)('A' + d - 10) : (char)('a' + d - 36);
}

/* Scans an unsigned integer at s[*pos..n) in base (0: Go's prefixes, "0"
 * alone octal, underscores allowed between digits and after a prefix) into
 * z, as Go's nat.scan with fracOk false, and requires it to end the text
 * when whole. Returns false on a syntax error. */
static bool scan_nat(mpz_ptr z, const char *s, int64_t n, int base) {
    int64_t i = 0;
    bool prefix = false, seps = base == 0;
    if (base == 0) {
        base = 10;
        if (n > 0 && s[0] == '0') {
            if (n > 1 && (s[1] == 'x' || s[1] == 'X'))
                base = 16, i = 2, prefix = true;
            else if (n > 1 && (s[1] == 'b' || s[1] == 'B'))
                base = 2, i = 2, prefix = true;
            else if (n > 1 && (s[1] == 'o' || s[1] == 'O'))
                base = 8, i = 2, prefix = true;
            else
                base = 8, i = 1; /* the 0 counts as a digit */
        }
    }
    char *digits = gc_alloc_atomic((size_t)n + 2);
    int64_t nd = 0;
    if (i == 1)
        digits[nd++] = '0';
    /* prev: '0' a digit (or the octal 0), '_' a separator, '.' a prefix/start */
    char prev = i == 1 ? '0' : '.';
    bool bad_sep = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_' && seps) {
            if (prev != '0' && !(prev == '.' && prefix))
                bad_sep = true;
            prev = '_';
            continue;
        }
        int d = digit_val(c, base);
        if (d >= base)
            return false;
        digits[nd++] = gmp_digit(d, base);
        prev = '0';
    }
    if (nd == 0 || bad_sep || prev == '_')
        return false;
    digits[nd] = 0;
    return mpz_set_str(z, digits, base) == 0;
}

/* setString(z *Int, s string, base int) bool: Go's Int.SetString (the
 * wrapper checks the base). An optional sign, then scan_nat. */
static int n_setString(Fiber *f, Slot *a) {
    DST(z, 0);
    const Str *str = a[1].p;
    const char *s = str_data(str);
    int64_t n = str_len(str);
    bool neg = false;
    if (n > 0 && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s++, n--;
    }
    bool ok = scan_nat(z, s, n, (int)a[2].i);
    if (ok && neg)
        mpz_neg(z, z);
    a[0].i = ok;
    return NATIVE_OK;
}

/* text(x *Int, base int) string: Go's digits (lowercase first above 36). */
static int n_text(Fiber *f, Slot *a) {
    SRC(x, 0);
    int base = (int)a[1].i;
    char *buf = gc_alloc_atomic(mpz_sizeinbase(x, base) + 2);
    mpz_get_str(buf, base, x);
    for (char *p = buf; base > 36 && *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
        else if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    }
    a[0].p = str_from_cstr(buf);
    return NATIVE_OK;
}

/* ---- arithmetic ------------------------------------------------------------ */

#define BINOP(name, call)                                                      \
    static int name(Fiber *f, Slot *a) {                                       \
        DST(z, 0);                                                             \
        SRC(x, 1);                                                             \
        SRC(y, 2);                                                             \
        call(z, x, y);                                                         \
        return NATIVE_OK;                                                      \
    }
BINOP(n_Add, mpz_add)
BINOP(n_Sub, mpz_sub)
BINOP(n_Mul, mpz_mul)
BINOP(n_And, mpz_and)
BINOP(n_Or, mpz_ior)
BINOP(n_Xor, mpz_xor)

static int n_AndNot(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    SRC(y, 2);
    mpz_t t;
    mpz_init(t);
    mpz_com(t, y);
    mpz_and(z, x, t);
    return NATIVE_OK;
}

#define DIVOP(name, call)                                                      \
    static int name(Fiber *f, Slot *a) {                                       \
        DST(z, 0);                                                             \
        SRC(x, 1);                                                             \
        SRC(y, 2);                                                             \
        if (mpz_sgn(y) == 0)                                                   \
            return div_zero(f);                                                \
        call(z, x, y);                                                         \
        return NATIVE_OK;                                                      \
    }
DIVOP(n_Quo, mpz_tdiv_q)
DIVOP(n_Rem, mpz_tdiv_r)
DIVOP(n_Mod, mpz_mod)

/* Euclidean q and m of x / y: m = x mod |y| >= 0, q = (x - m) / y. */
static void euclid(mpz_ptr q, mpz_ptr m, mpz_srcptr x, mpz_srcptr y) {
    mpz_t tq, tm;
    mpz_inits(tq, tm, NULL);
    mpz_mod(tm, x, y);
    mpz_sub(tq, x, tm);
    mpz_divexact(tq, tq, y);
    if (q)
        mpz_set(q, tq);
    if (m)
        mpz_set(m, tm);
}

static int n_Div(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    SRC(y, 2);
    if (mpz_sgn(y) == 0)
        return div_zero(f);
    euclid(z, NULL, x, y);
    return NATIVE_OK;
}

/* QuoRem(x, y, r *Int) (*Int, *Int) and DivMod(x, y, m): z and the third
 * argument get quotient and remainder (results written by the wrapper). */
static int n_quoRem(Fiber *f, Slot *a) {
    DST(z, 0);
    DST(r, 3);
    SRC(x, 1);
    SRC(y, 2);
    if (mpz_sgn(y) == 0)
        return div_zero(f);
    mpz_t q, m;
    mpz_inits(q, m, NULL);
    if (a[4].i)
        euclid(q, m, x, y);
    else
        mpz_tdiv_qr(q, m, x, y);
    mpz_set(z, q);
    mpz_set(r, m);
    return NATIVE_OK;
}

static int n_Neg(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    mpz_neg(z, x);
    return NATIVE_OK;
}

static int n_Abs(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    mpz_abs(z, x);
    return NATIVE_OK;
}

static int n_Not(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    mpz_com(z, x);
    return NATIVE_OK;
}

static int n_Cmp(Fiber *f, Slot *a) {
    SRC(x, 0);
    SRC(y, 1);
    int c = mpz_cmp(x, y);
    a[0].i = c < 0 ? -1 : c > 0;
    return NATIVE_OK;
}

static int n_CmpAbs(Fiber *f, Slot *a) {
    SRC(x, 0);
    SRC(y, 1);
    int c = mpz_cmpabs(x, y);
    a[0].i = c < 0 ? -1 : c > 0;
    return NATIVE_OK;
}

static int n_Sign(Fiber *f, Slot *a) {
    SRC(x, 0);
    a[0].i = mpz_sgn(x);
    return NATIVE_OK;
}

static int n_Lsh(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    mpz_mul_2exp(z, x, a[2].u);
    return NATIVE_OK;
}

/* Go's Rsh is arithmetic: it rounds toward negative infinity. */
static int n_Rsh(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    mpz_fdiv_q_2exp(z, x, a[2].u);
    return NATIVE_OK;
}

static int n_BitLen(Fiber *f, Slot *a) {
    SRC(x, 0);
    a[0].i = mpz_sgn(x) ? (int64_t)mpz_sizeinbase(x, 2) : 0;
    return NATIVE_OK;
}

static int n_TrailingZeroBits(Fiber *f, Slot *a) {
    SRC(x, 0);
    a[0].u = mpz_sgn(x) ? mpz_scan1(x, 0) : 0;
    return NATIVE_OK;
}

/* bit(x *Int, i int) uint, i >= 0 (the wrapper checks): two's complement. */
static int n_bit(Fiber *f, Slot *a) {
    SRC(x, 0);
    a[0].u = (uint64_t)mpz_tstbit(x, a[1].u);
    return NATIVE_OK;
}

/* setBit(z, x *Int, i int, b uint), i >= 0 and b 0 or 1 (checked). */
static int n_setBit(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    mpz_set(z, x);
    if (a[3].u)
        mpz_setbit(z, a[2].u);
    else
        mpz_clrbit(z, a[2].u);
    return NATIVE_OK;
}

/* exp(z, x, y, m *Int) bool: y >= 0 (the wrapper inverts x for y < 0);
 * m nil or 0: plain power. Result in [0, |m|) otherwise. */
static int n_exp(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    SRC(y, 2);
    mpz_srcptr m = a[3].p ? src(a, 3) : NULL;
    if (m && mpz_sgn(m) != 0) {
        mpz_t am;
        mpz_init(am);
        mpz_abs(am, m);
        mpz_powm(z, x, y, am);
    } else if (!mpz_fits_ulong_p(y)) {
        /* Go would run out of memory; only 0, 1 and -1 have such powers */
        if (mpz_cmpabs_ui(x, 1) > 0)
            rt_out_of_memory(mpz_size(y) * sizeof(mp_limb_t));
        bool odd = mpz_odd_p(y);
        mpz_set(z, x);
        if (mpz_sgn(x) < 0 && !odd)
            mpz_neg(z, z);
    } else {
        mpz_pow_ui(z, x, mpz_get_ui(y));
    }
    return NATIVE_OK;
}

static int n_Sqrt(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(x, 1);
    if (mpz_sgn(x) < 0)
        return rt_panic_string(f, "square root of negative number");
    mpz_sqrt(z, x);
    return NATIVE_OK;
}

/* gcd(z, x, y, a, b *Int): z = gcd(|a|, |b|) with cofactors for a, b
 * nonzero (the wrapper does the zero cases); x, y may be nil. */
static int n_gcd(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(pa, 3);
    SRC(pb, 4);
    mpz_t g, s, t;
    mpz_inits(g, s, t, NULL);
    mpz_gcdext(g, s, NULL, pa, pb);
    /* t = (g - a*s) / b */
    mpz_mul(t, pa, s);
    mpz_sub(t, g, t);
    mpz_divexact(t, t, pb);
    if (a[1].p)
        mpz_set(dst(a, 1), s);
    if (a[2].p)
        mpz_set(dst(a, 2), t);
    mpz_set(z, g);
    return NATIVE_OK;
}

/* modInverse(z, g, n *Int) bool, n != 0. */
static int n_modInverse(Fiber *f, Slot *a) {
    DST(z, 0);
    SRC(g, 1);
    SRC(n, 2);
    mpz_t r;
    mpz_init(r);
    int ok = mpz_invert(r, g, n);
    if (ok)
        mpz_set(z, r);
    a[0].i = ok != 0;
    return NATIVE_OK;
}

/* jacobi(x, y *Int) int, y odd (checked). */
static int n_jacobi(Fiber *f, Slot *a) {
    SRC(x, 0);
    SRC(y, 1);
    a[0].i = mpz_jacobi(x, y);
    return NATIVE_OK;
}

/* probablyPrime(x *Int, n int) bool, x > 0: n Miller-Rabin rounds on top
 * of Baillie-PSW (GMP's mpz_probab_prime_p does BPSW then reps-24 MR). */
static int n_probablyPrime(Fiber *f, Slot *a) {
    SRC(x, 0);
    a[0].i = mpz_probab_prime_p(x, (int)a[1].i + 25) != 0;
    return NATIVE_OK;
}

/* The product lo*(lo+1)*...*hi, 0 < lo <= hi, by binary splitting. */
static void range_prod(mpz_ptr z, uint64_t lo, uint64_t hi) {
    if (hi - lo < 16) {
        mpz_set_ui(z, lo);
        for (uint64_t k = lo + 1; k <= hi && k > lo; k++)
            mpz_mul_ui(z, z, k);
        return;
    }
    uint64_t mid = lo + (hi - lo) / 2;
    mpz_t r;
    mpz_init(r);
    range_prod(z, lo, mid);
    range_prod(r, mid + 1, hi);
    mpz_mul(z, z, r);
}

/* mulRange(z *Int, a, b uint64), 0 < a <= b. */
static int n_mulRange(Fiber *f, Slot *a) {
    DST(z, 0);
    if (a[1].u == 1)
        mpz_fac_ui(z, a[2].u);
    else
        range_prod(z, a[1].u, a[2].u);
    return NATIVE_OK;
}

/* binomial(z *Int, n, k uint64), k <= n. */
static int n_binomial(Fiber *f, Slot *a) {
    DST(z, 0);
    mpz_bin_uiui(z, a[1].u, a[2].u);
    return NATIVE_OK;
}

/* float64(x *Int) (float64, int): nearest float64 (ties to even) and Go's
 * Accuracy (-1 Below, 0 Exact, +1 Above). */
static int n_intFloat64(Fiber *f, Slot *a) {
    SRC(x, 0);
    mpfr_t r;
    mpfr_init2(r, 53);
    int t = mpfr_set_z(r, x, MPFR_RNDN);
    a[0].f = mpfr_get_d(r, MPFR_RNDN);
    a[1].i = t < 0 ? -1 : t > 0;
    mpfr_clear(r);
    return NATIVE_OK;
}

/* ---- Rat ------------------------------------------------------------------- */

static mpq_ptr qdst(Slot *a, int i) {
    Slot *s = a[i].p;
    if (!s)
        return NULL;
    if (!s->p) {
        mpq_ptr q = gc_alloc(sizeof(__mpq_struct));
        mpq_init(q);
        s->p = q;
    }
    return s->p;
}

#define QDST(v, i)                                                             \
    mpq_ptr v = qdst(a, i);                                                    \
    if (!v)                                                                    \
        return nil_deref(f)
/* Operands are allocated too: a zero Rat reads as 0/1 through mpq_init. */
#define QSRC(v, i) QDST(v, i)

/* num(x *Rat) *mpz, den: pointers into the mpq_t (Num and Denom). */
static int n_num(Fiber *f, Slot *a) {
    QDST(q, 0);
    a[0].p = mpq_numref(q);
    return NATIVE_OK;
}

static int n_den(Fiber *f, Slot *a) {
    QDST(q, 0);
    a[0].p = mpq_denref(q);
    return NATIVE_OK;
}

/* setFrac(z *Rat, a, b *Int) bool: false when b is 0. */
static int n_setFrac(Fiber *f, Slot *a) {
    QDST(z, 0);
    SRC(x, 1);
    SRC(y, 2);
    if (mpz_sgn(y) == 0)
        return div_zero(f);
    mpz_t n, d;
    mpz_init_set(n, x);
    mpz_init_set(d, y);
    mpq_set_num(z, n);
    mpq_set_den(z, d);
    mpq_canonicalize(z);
    return NATIVE_OK;
}

static int n_RatSet(Fiber *f, Slot *a) {
    QDST(z, 0);
    QSRC(x, 1);
    mpq_set(z, x);
    return NATIVE_OK;
}

static int n_RatSetInt(Fiber *f, Slot *a) {
    QDST(z, 0);
    SRC(x, 1);
    mpq_set_z(z, x);
    return NATIVE_OK;
}

static int n_RatSetInt64(Fiber *f, Slot *a) {
    QDST(z, 0);
    mpq_set_si(z, a[1].i, 1);
    return NATIVE_OK;
}

static int n_RatSetUint64(Fiber *f, Slot *a) {
    QDST(z, 0);
    mpq_set_ui(z, a[1].u, 1);
    return NATIVE_OK;
}

static int n_RatSetFloat64(Fiber *f, Slot *a) {
    QDST(z, 0);
    mpq_set_d(z, a[1].f);
    return NATIVE_OK;
}

#define QBINOP(name, call)                                                     \
    static int name(Fiber *f, Slot *a) {                                       \
        QDST(z, 0);                                                            \
        QSRC(x, 1);                                                            \
        QSRC(y, 2);                                                            \
        call(z, x, y);                                                         \
        return NATIVE_OK;                                                      \
    }
QBINOP(n_RatAdd, mpq_add)
QBINOP(n_RatSub, mpq_sub)
QBINOP(n_RatMul, mpq_mul)

static int n_RatQuo(Fiber *f, Slot *a) {
    QDST(z, 0);
    QSRC(x, 1);
    QSRC(y, 2);
    if (mpq_sgn(y) == 0)
        return div_zero(f);
    mpq_div(z, x, y);
    return NATIVE_OK;
}

static int n_RatInv(Fiber *f, Slot *a) {
    QDST(z, 0);
    QSRC(x, 1);
    if (mpq_sgn(x) == 0)
        return div_zero(f);
    mpq_inv(z, x);
    return NATIVE_OK;
}

static int n_RatNeg(Fiber *f, Slot *a) {
    QDST(z, 0);
    QSRC(x, 1);
    mpq_neg(z, x);
    return NATIVE_OK;
}

static int n_RatAbs(Fiber *f, Slot *a) {
    QDST(z, 0);
    QSRC(x, 1);
    mpq_abs(z, x);
    return NATIVE_OK;
}

static int n_RatCmp(Fiber *f, Slot *a) {
    QSRC(x, 0);
    QSRC(y, 1);
    int c = mpq_cmp(x, y);
    a[0].i = c < 0 ? -1 : c > 0;
    return NATIVE_OK;
}

/* float64(x *Rat) (float64, bool exact): correctly rounded (MPFR). */
static int n_ratFloat(Fiber *f, Slot *a) {
    QSRC(x, 0);
    int prec = a[1].i == 32 ? 24 : 53;
    mpfr_t r;
    mpfr_init2(r, prec);
    int t = mpfr_set_q(r, x, MPFR_RNDN);
    double d = prec == 24 ? (double)mpfr_get_flt(r, MPFR_RNDN)
                          : mpfr_get_d(r, MPFR_RNDN);
    mpfr_clear(r);
    a[0].f = d;
    a[1].i = t == 0;
    return NATIVE_OK;
}

const NativeEntry math_big_natives[] = {
    {"big.(*Int).SetInt64", n_SetInt64},
    {"big.(*Int).SetUint64", n_SetUint64},
    {"big.(*Int).Set", n_Set},
    {"big.(*Int).Int64", n_Int64},
    {"big.(*Int).Uint64", n_Uint64},
    {"big.(*Int).IsInt64", n_IsInt64},
    {"big.(*Int).IsUint64", n_IsUint64},
    {"big.(*Int).SetBytes", n_SetBytes},
    {"big.(*Int).Bytes", n_Bytes},
    {"big.(*Int).FillBytes", n_FillBytes},
    {"big.setWords", n_setWords},
    {"big.setString", n_setString},
    {"big.text", n_text},
    {"big.(*Int).Add", n_Add},
    {"big.(*Int).Sub", n_Sub},
    {"big.(*Int).Mul", n_Mul},
    {"big.(*Int).And", n_And},
    {"big.(*Int).Or", n_Or},
    {"big.(*Int).Xor", n_Xor},
    {"big.(*Int).AndNot", n_AndNot},
    {"big.(*Int).Quo", n_Quo},
    {"big.(*Int).Rem", n_Rem},
    {"big.(*Int).Mod", n_Mod},
    {"big.(*Int).Div", n_Div},
    {"big.quoRem", n_quoRem},
    {"big.(*Int).Neg", n_Neg},
    {"big.(*Int).Abs", n_Abs},
    {"big.(*Int).Not", n_Not},
    {"big.(*Int).Cmp", n_Cmp},
    {"big.(*Int).CmpAbs", n_CmpAbs},
    {"big.(*Int).Sign", n_Sign},
    {"big.(*Int).Lsh", n_Lsh},
    {"big.(*Int).Rsh", n_Rsh},
    {"big.(*Int).BitLen", n_BitLen},
    {"big.(*Int).TrailingZeroBits", n_TrailingZeroBits},
    {"big.bit", n_bit},
    {"big.setBit", n_setBit},
    {"big.exp", n_exp},
    {"big.(*Int).Sqrt", n_Sqrt},
    {"big.gcd", n_gcd},
    {"big.modInverse", n_modInverse},
    {"big.jacobi", n_jacobi},
    {"big.probablyPrime", n_probablyPrime},
    {"big.mulRange", n_mulRange},
    {"big.binomial", n_binomial},
    {"big.intFloat64", n_intFloat64},
    {"big.num", n_num},
    {"big.den", n_den},
    {"big.setFrac", n_setFrac},
    {"big.(*Rat).Set", n_RatSet},
    {"big.(*Rat).SetInt", n_RatSetInt},
    {"big.(*Rat).SetInt64", n_RatSetInt64},
    {"big.(*Rat).SetUint64", n_RatSetUint64},
    {"big.setFloat64", n_RatSetFloat64},
    {"big.(*Rat).Add", n_RatAdd},
    {"big.(*Rat).Sub", n_RatSub},
    {"big.(*Rat).Mul", n_RatMul},
    {"big.(*Rat).Quo", n_RatQuo},
    {"big.(*Rat).Inv", n_RatInv},
    {"big.(*Rat).Neg", n_RatNeg},
    {"big.(*Rat).Abs", n_RatAbs},
    {"big.(*Rat).Cmp", n_RatCmp},
    {"big.ratFloat", n_ratFloat},
    {NULL, NULL},
};
