/*
 * strconv.c — natives of package strconv (stub: stdlib/strconv.go), and the
 * float formatting and quoting that fmt shares (lib.h).
 *
 * Parsers return (value, code) with code one of the err* constants of
 * strconv.go; the stub turns codes into *NumError. The grammar checks follow
 * Go's strconv exactly (base prefixes, underscores, "inf"/"nan" spellings);
 * the digit-to-binary conversion itself is delegated to glibc's strtod and
 * strtof, which round correctly, as Go's parser does.
 *
 * FormatFloat works on a decimal digit string d[0..nd) with decimal point
 * position dp (value = 0.d × 10^dp), like Go's ftoa: the shortest digits that
 * round-trip come from printing with increasing precision until strtod gives
 * the value back; fixed precisions come straight from printf's correctly
 * rounded conversion. Layout ('e', 'f', 'g') then follows Go's fmtE/fmtF.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stdlib/lib.h"

enum { ERR_NONE, ERR_SYNTAX, ERR_RANGE, ERR_BASE, ERR_BITSIZE };

static char lower(char c) { return (char)(c | ('x' - 'X')); }

/* ---- integers --------------------------------------------------------------- */

/* Go's underscoreOK: '_' only between digits, or after a base prefix. */
static bool underscore_ok(const char *s, int64_t n) {
    char saw = '^';
    int64_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+')) {
        s++;
        n--;
    }
    bool hex = false;
    if (n >= 2 && s[0] == '0' &&
        (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < n; i++) {
        char c = s[i];
        if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return false;
        saw = '!';
    }
    return saw != '_';
}

/* Go's ParseUint. On a range error *out is the maximum value. */
static int parse_uint(const char *s, int64_t n, int64_t base, int64_t bits,
                      uint64_t *out) {
    const char *s0 = s;
    int64_t n0 = n;
    *out = 0;
    if (n == 0)
        return ERR_SYNTAX;
    bool base0 = base == 0;
    if (base0) {
        base = 10;
        if (s[0] == '0') {
            char c = n >= 3 ? lower(s[1]) : 0;
            int skip = (c == 'b' || c == 'o' || c == 'x') ? 2 : 1;
            base = c == 'b' ? 2 : c == 'o' ? 8 : c == 'x' ? 16 : 8;
            s += skip;
            n -= skip;
        }
    } else if (base < 2 || base > 36) {
        return ERR_BASE;
    }
    if (bits == 0)
        bits = 64;
    else if (bits < 0 || bits > 64)
        return ERR_BITSIZE;
    uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;
    uint64_t maxv = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
    uint64_t v = 0;
    bool underscores = false;
    for (int64_t i = 0; i < n; i++) {
        char c = s[i];
        int d;
        if (c == '_' && base0) {
            underscores = true;
            continue;
        } else if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (lower(c) >= 'a' && lower(c) <= 'z') {
            d = lower(c) - 'a' + 10;
        } else {
            return ERR_SYNTAX;
        }
        if (d >= base)
            return ERR_SYNTAX;
        if (v >= cutoff || v * (uint64_t)base + (uint64_t)d < v * (uint64_t)base ||
            v * (uint64_t)base + (uint64_t)d > maxv) {
            *out = maxv;
            return ERR_RANGE;
        }
        v = v * (uint64_t)base + (uint64_t)d;
    }
    if (underscores && !underscore_ok(s0, n0))
        return ERR_SYNTAX;
    *out = v;
    return ERR_NONE;
}

/* Go's ParseInt: a sign, then ParseUint, then the signed range check. */
static int parse_int(const char *s, int64_t n, int64_t base, int64_t bits,
                     int64_t *out) {
    *out = 0;
    if (n == 0)
        return ERR_SYNTAX;
    bool neg = s[0] == '-';
    if (s[0] == '+' || s[0] == '-') {
        s++;
        n--;
    }
    uint64_t u;
    int code = parse_uint(s, n, base, bits, &u);
    if (code != ERR_NONE && code != ERR_RANGE)
        return code;
    if (bits == 0)
        bits = 64;
    uint64_t cutoff = (uint64_t)1 << (bits - 1);
    if (!neg && u >= cutoff) {
        *out = (int64_t)(cutoff - 1);
        return ERR_RANGE;
    }
    if (neg && u > cutoff) {
        *out = -(int64_t)(cutoff - 1) - 1;
        return ERR_RANGE;
    }
    *out = neg ? (int64_t)(0 - u) : (int64_t)u;
    return ERR_NONE;
}

static int n_parseInt(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    int64_t v;
    int code = parse_int(str_data(s), str_len(s), a[1].i, a[2].i, &v);
    a[0].i = v;
    a[1].i = code;
    return NATIVE_OK;
}

static int n_parseUint(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    uint64_t v;
    int code = parse_uint(str_data(s), str_len(s), a[1].i, a[2].i, &v);
    a[0].u = v;
    a[1].i = code;
    return NATIVE_OK;
}

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static Str *format_bits(uint64_t u, int64_t base, bool neg) {
    char buf[66];
    int i = (int)sizeof buf;
    do {
        buf[--i] = digit_chars[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    if (neg)
        buf[--i] = '-';
    return str_new(buf + i, (int64_t)sizeof buf - i);
}

static int n_FormatInt(Fiber *f, Slot *a) {
    if (a[1].i < 2 || a[1].i > 36)
        return rt_panic_string(f, "strconv: illegal AppendInt/FormatInt base");
    int64_t v = a[0].i;
    a[0].p = format_bits(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, a[1].i, v < 0);
    return NATIVE_OK;
}

static int n_FormatUint(Fiber *f, Slot *a) {
    if (a[1].i < 2 || a[1].i > 36)
        return rt_panic_string(f, "strconv: illegal AppendInt/FormatInt base");
    a[0].p = format_bits(a[0].u, a[1].i, false);
    return NATIVE_OK;
}

/* ---- parsing floats --------------------------------------------------------- */

static int64_t prefix_len_fold(const char *s, int64_t n, const char *word) {
    int64_t i = 0;
    while (i < n && word[i] && lower(s[i]) == word[i])
        i++;
    return i;
}

/* Go's special(): "inf", "infinity" (signed) and "nan" (unsigned). Returns
 * the bytes consumed, 0 if s does not start with one. */
static int64_t special(const char *s, int64_t n, double *v) {
    if (n == 0)
        return 0;
    int sign = 1, nsign = 0;
    if (s[0] == '+' || s[0] == '-') {
        sign = s[0] == '-' ? -1 : 1;
        nsign = 1;
        s++;
        n--;
    } else if (lower(s[0]) == 'n') {
        if (prefix_len_fold(s, n, "nan") == 3) {
            *v = NAN;
            return 3;
        }
        return 0;
    }
    int64_t k = prefix_len_fold(s, n, "infinity");
    if (k > 3 && k < 8)
        k = 3;
    if (k == 3 || k == 8) {
        *v = sign * INFINITY;
        return nsign + k;
    }
    return 0;
}

/* Go's readFloat grammar over the longest prefix of s it accepts; copies
 * that prefix without underscores into clean (n+1 bytes). Returns its
 * length, -1 on a syntax error. */
static int64_t float_syntax(const char *s, int64_t n, char *clean) {
    int64_t i = 0, k = 0;
    bool underscores = false, sawdot = false, sawdigits = false, hex = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        clean[k++] = s[i++];
    if (i + 2 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
        hex = true;
        clean[k++] = s[i++];
        clean[k++] = s[i++];
    }
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_') {
            underscores = true;
            continue;
        } else if (c == '.') {
            if (sawdot)
                break;
            sawdot = true;
        } else if ((c >= '0' && c <= '9') ||
                   (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
            sawdigits = true;
        } else {
            break;
        }
        clean[k++] = c;
    }
    if (!sawdigits)
        return -1;
    if (i < n && lower(s[i]) == (hex ? 'p' : 'e')) {
        clean[k++] = s[i++];
        if (i < n && (s[i] == '+' || s[i] == '-'))
            clean[k++] = s[i++];
        if (i >= n || s[i] < '0' || s[i] > '9')
            return -1;
        for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++) {
            if (s[i] == '_')
                underscores = true;
            else
                clean[k++] = s[i];
        }
    } else if (hex) {
        return -1;   /* a hexadecimal mantissa requires a 'p' exponent */
    }
    if (underscores && !underscore_ok(s, i))
        return -1;
    clean[k] = 0;
    return i;
}

/* Go's ParseFloat: *v is ±Inf on overflow (ERR_RANGE), 0 on syntax errors. */
static int parse_float(const char *s, int64_t n, int64_t bits, double *v) {
    *v = 0;
    double sp;
    if (special(s, n, &sp) == n && n > 0) {
        *v = sp;
        return ERR_NONE;
    }
    char *clean = gc_alloc_atomic((size_t)n + 1);
    if (float_syntax(s, n, clean) != n)
        return ERR_SYNTAX;
    *v = bits == 32 ? (double)strtof(clean, NULL) : strtod(clean, NULL);
    return isinf(*v) ? ERR_RANGE : ERR_NONE;
}

/* parseFloatPrefix(s, bitSize) (v float64, n int, code int): Go's
 * parseFloatPrefix, ParseFloat over the longest prefix of s it accepts
 * (n bytes; ParseComplex reads its two parts with it). */
static int n_parseFloatPrefix(Fiber *f, Slot *a) {
    Str *str = a[0].p;
    const char *s = str_data(str);
    int64_t n = str_len(str), bits = a[1].i;
    double v = 0;
    int code = ERR_NONE;
    int64_t used = special(s, n, &v);
    if (used == 0) {
        char *clean = gc_alloc_atomic((size_t)n + 1);
        used = float_syntax(s, n, clean);
        if (used < 0) {
            used = 0;
            code = ERR_SYNTAX;
        } else {
            v = bits == 32 ? (double)strtof(clean, NULL) : strtod(clean, NULL);
            code = isinf(v) ? ERR_RANGE : ERR_NONE;
        }
    }
    a[0].f = v;
    a[1].i = used;
    a[2].i = code;
    return NATIVE_OK;
}

static int n_parseFloat(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    double v;
    int code = parse_float(str_data(s), str_len(s), a[1].i, &v);
    a[0].f = v;
    a[1].i = code;
    return NATIVE_OK;
}

/* ---- formatting floats ------------------------------------------------------ */

/* Decimal digits: value = 0.d[0..nd) × 10^dp. d has no trailing zeros; zero
 * has nd == 0. */
typedef struct Digits {
    char *d;
    int nd, dp;
} Digits;

/* Parses printf's "%.*e" output of |v| into digits. */
static void digits_from_e(const char *buf, Digits *g) {
    const char *p = buf;
    g->nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            g->d[g->nd++] = *p;
    int exp = atoi(p + 1);
    while (g->nd > 0 && g->d[g->nd - 1] == '0')
        g->nd--;
    g->dp = g->nd == 0 ? 0 : exp + 1;
}

/* printf "%.*e" into a malloc'd buffer. */
static char *print_e(double v, int prec) {
    int len = snprintf(NULL, 0, "%.*e", prec, v);
    char *buf = malloc((size_t)len + 1);
    if (!buf)
        rt_fatal("out of memory");
    snprintf(buf, (size_t)len + 1, "%.*e", prec, v);
    return buf;
}

/* Shortest digits that read back as v (as a float32 when bits == 32). */
static void shortest_digits(double v, int bits, Digits *g) {
    for (int p = 0; p < 17; p++) {
        char *buf = print_e(v, p);
        bool ok = bits == 32 ? strtof(buf, NULL) == (float)v
                             : strtod(buf, NULL) == v;
        if (ok || p == 16) {
            digits_from_e(buf, g);
            free(buf);
            return;
        }
        free(buf);
    }
}

static void fixed_digits(double v, int ndigits, Digits *g) {
    char *buf = print_e(v, ndigits - 1);
    digits_from_e(buf, g);
    free(buf);
}

/* Go's fmtE: d.ddddde±dd with prec digits after the point. */
static void fmt_e(StrBuf *b, bool neg, const Digits *g, int prec, char e) {
    if (neg)
        sb_putc(b, '-');
    sb_putc(b, g->nd == 0 ? '0' : g->d[0]);
    if (prec > 0) {
        sb_putc(b, '.');
        int i = 1, m = g->nd < prec + 1 ? g->nd : prec + 1;
        if (i < m) {
            sb_write(b, g->d + i, m - i);
            i = m;
        }
        for (; i <= prec; i++)
            sb_putc(b, '0');
    }
    sb_putc(b, e);
    int exp = g->nd == 0 ? 0 : g->dp - 1;
    sb_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    sb_printf(b, "%02d", exp);
}

/* Go's fmtF: ddd.ddd with prec digits after the point. */
static void fmt_f(StrBuf *b, bool neg, const Digits *g, int prec) {
    if (neg)
        sb_putc(b, '-');
    if (g->dp > 0) {
        int m = g->nd < g->dp ? g->nd : g->dp;
        sb_write(b, g->d, m);
        for (; m < g->dp; m++)
            sb_putc(b, '0');
    } else {
        sb_putc(b, '0');
    }
    if (prec > 0) {
        sb_putc(b, '.');
        for (int i = 1; i <= prec; i++) {
            int j = g->dp + i - 1;
            sb_putc(b, j >= 0 && j < g->nd ? g->d[j] : '0');
        }
    }
}

/* Go's %g layout choice. */
static void fmt_g(StrBuf *b, bool neg, const Digits *g, int prec,
                  bool shortest, char e) {
    int eprec = prec;
    if (eprec > g->nd && g->nd >= g->dp)
        eprec = g->nd;
    if (shortest)
        eprec = 6;
    int exp = g->dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (prec > g->nd)
            prec = g->nd;
        fmt_e(b, neg, g, prec - 1, e);
        return;
    }
    if (prec > g->dp)
        prec = g->nd;
    fmt_f(b, neg, g, prec - g->dp > 0 ? prec - g->dp : 0);
}

/* Go's 'b' format: decimal mantissa, 'p', the binary exponent signed. */
static void fmt_b(StrBuf *b, bool neg, uint64_t mant, int exp, int mantbits) {
    exp -= mantbits;
    sb_printf(b, "%s%llup%s%d", neg ? "-" : "", (unsigned long long)mant,
              exp >= 0 ? "+" : "", exp);
}

/* Go's 'x'/'X' format: -0x1.hhhp±dd, the leading digit 1 (0 only for
 * zero; subnormals are normalised), prec hex digits after the point
 * rounded half to even (prec < 0: as many as the value needs), and an
 * exponent of at least two digits. mant is worked at bit 60. */
static void fmt_x(StrBuf *b, bool neg, uint64_t mant, int exp, int mantbits,
                  int prec, char fmtc) {
    const uint64_t one = 1ull << 60;
    if (mant == 0)
        exp = 0;
    mant <<= 60 - mantbits;
    while (mant != 0 && (mant & one) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & (one - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > one / 2)
            mant++;
        mant <<= 60 - shift;
        if (mant & (one << 1)) {   /* rounding carried into bit 61 */
            mant >>= 1;
            exp++;
        }
    }
    const char *hex = fmtc == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    sb_printf(b, "%s0%c%c", neg ? "-" : "", fmtc, (char)('0' + ((mant >> 60) & 1)));
    mant <<= 4;   /* drop the leading digit */
    if ((prec < 0 && mant != 0) || prec > 0) {
        sb_putc(b, '.');
        for (int i = 0; prec < 0 ? mant != 0 : i < prec; i++) {
            sb_putc(b, hex[(mant >> 60) & 15]);
            mant <<= 4;
        }
    }
    sb_printf(b, "%c%c%02d", fmtc == 'X' ? 'P' : 'p', exp < 0 ? '-' : '+',
              exp < 0 ? -exp : exp);
}

/* The 'b' and 'x' formats work on the bits: the mantissa with its
 * implicit 1 and the unbiased exponent (a subnormal's is the minimum). */
static void fmt_bits(StrBuf *b, double v, char fmtc, int prec, int bitsize) {
    uint64_t mant;
    int exp, mantbits;
    bool neg = signbit(v);
    if (bitsize == 32) {
        float fv = (float)v;
        uint32_t bits;
        memcpy(&bits, &fv, 4);
        mantbits = 23;
        exp = (int)((bits >> 23) & 0xFF);
        mant = bits & ((1u << 23) - 1);
        if (exp == 0)
            exp++;
        else
            mant |= 1u << 23;
        exp -= 127;
    } else {
        uint64_t bits;
        memcpy(&bits, &v, 8);
        mantbits = 52;
        exp = (int)((bits >> 52) & 0x7FF);
        mant = bits & ((1ull << 52) - 1);
        if (exp == 0)
            exp++;
        else
            mant |= 1ull << 52;
        exp -= 1023;
    }
    if (fmtc == 'b')
        fmt_b(b, neg, mant, exp, mantbits);
    else
        fmt_x(b, neg, mant, exp, mantbits, prec, fmtc);
}

void strconv_format_float(StrBuf *b, double v, char fmtc, int prec,
                          int bitsize) {
    if (bitsize == 32)
        v = (float)v;
    if (isnan(v)) {
        sb_puts(b, "NaN");
        return;
    }
    if (isinf(v)) {
        sb_puts(b, v > 0 ? "+Inf" : "-Inf");
        return;
    }
    if (fmtc == 'b' || fmtc == 'x' || fmtc == 'X') {
        fmt_bits(b, v, fmtc, prec, bitsize);
        return;
    }
    bool neg = signbit(v), shortest = prec < 0;
    double av = fabs(v);
    if (fmtc == 'f' && !shortest) {
        sb_printf(b, "%.*f", prec, v);
        return;
    }
    if (fmtc != 'e' && fmtc != 'E' && fmtc != 'g' && fmtc != 'G' &&
        fmtc != 'f') {
        sb_putc(b, '%');
        sb_putc(b, fmtc);
        return;
    }
    char dbuf[800];
    Digits g = {dbuf, 0, 0};
    if (shortest)
        shortest_digits(av, bitsize, &g);
    else if (fmtc == 'e' || fmtc == 'E')
        fixed_digits(av, prec + 1 > 770 ? 770 : prec + 1, &g);
    else
        fixed_digits(av, prec == 0 ? 1 : prec > 770 ? 770 : prec, &g);
    switch (fmtc) {
    case 'e': case 'E':
        fmt_e(b, neg, &g, shortest ? (g.nd > 0 ? g.nd - 1 : 0) : prec, fmtc);
        break;
    case 'f':
        fmt_f(b, neg, &g, g.nd - g.dp > 0 ? g.nd - g.dp : 0);
        break;
    default:
        fmt_g(b, neg, &g, shortest ? g.nd : prec == 0 ? 1 : prec, shortest,
              fmtc == 'g' ? 'e' : 'E');
    }
}

static int n_FormatFloat(Fiber *f, Slot *a) {
    StrBuf b;
    sb_init(&b);
    strconv_format_float(&b, a[0].f, (char)a[1].u, (int)a[2].i, (int)a[3].i);
    a[0].p = sb_str(&b);
    return NATIVE_OK;
}

/* ---- quoting ---------------------------------------------------------------- */

static const char hexdig[] = "0123456789abcdef";

static bool valid_rune(int64_t r) {
    return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= 0x10FFFF);
}

/* Go's appendEscapedRune (graphicOnly false). */
static void escaped_rune(StrBuf *b, int32_t r, char quote, bool ascii_only) {
    char buf[4];
    if (r == quote || r == '\\') {
        sb_putc(b, '\\');
        sb_putc(b, (char)r);
        return;
    }
    if (ascii_only ? (r < 0x80 && uni_is_print(r)) : uni_is_print(r)) {
        sb_write(b, buf, utf8_encode(buf, r));
        return;
    }
    static const char esc_from[] = "\a\b\f\n\r\t\v", esc_to[] = "abfnrtv";
    const char *e = r > 0 && r < 0x80 ? strchr(esc_from, r) : NULL;
    if (e) {
        sb_putc(b, '\\');
        sb_putc(b, esc_to[e - esc_from]);
    } else if (r < ' ' || r == 0x7F) {
        sb_printf(b, "\\x%c%c", hexdig[(r >> 4) & 0xF], hexdig[r & 0xF]);
    } else {
        if (!valid_rune(r))
            r = 0xFFFD;
        int digits = r < 0x10000 ? 4 : 8;
        sb_puts(b, digits == 4 ? "\\u" : "\\U");
        for (int sh = (digits - 1) * 4; sh >= 0; sh -= 4)
            sb_putc(b, hexdig[(r >> sh) & 0xF]);
    }
}

void strconv_quote(StrBuf *b, const char *s, int64_t n, char quote,
                   bool ascii_only) {
    sb_putc(b, quote);
    for (int64_t i = 0; i < n;) {
        int width;
        int32_t r = utf8_decode(s + i, n - i, &width);
        if (width == 1 && r == 0xFFFD) {
            unsigned char c = (unsigned char)s[i];
            sb_printf(b, "\\x%c%c", hexdig[c >> 4], hexdig[c & 0xF]);
        } else {
            escaped_rune(b, r, quote, ascii_only);
        }
        i += width;
    }
    sb_putc(b, quote);
}

static Str *quote_str(Str *s, bool ascii) {
    StrBuf b;
    sb_init(&b);
    strconv_quote(&b, str_data(s), str_len(s), '"', ascii);
    return sb_str(&b);
}

static Str *quote_rune(int64_t r, bool ascii) {
    char buf[4];
    int n = utf8_encode(buf, valid_rune(r) ? (int32_t)r : 0xFFFD);
    StrBuf b;
    sb_init(&b);
    strconv_quote(&b, buf, n, '\'', ascii);
    return sb_str(&b);
}

static int n_Quote(Fiber *f, Slot *a) {
    a[0].p = quote_str(a[0].p, false);
    return NATIVE_OK;
}

static int n_QuoteToASCII(Fiber *f, Slot *a) {
    a[0].p = quote_str(a[0].p, true);
    return NATIVE_OK;
}

static int n_QuoteRune(Fiber *f, Slot *a) {
    a[0].p = quote_rune(a[0].i, false);
    return NATIVE_OK;
}

static int n_QuoteRuneToASCII(Fiber *f, Slot *a) {
    a[0].p = quote_rune(a[0].i, true);
    return NATIVE_OK;
}

static int n_IsPrint(Fiber *f, Slot *a) {
    a[0].i = uni_is_print((int32_t)a[0].i);
    return NATIVE_OK;
}

/* ---- unquoting ---------------------------------------------------------------- */

static int unhex(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (lower(c) >= 'a' && lower(c) <= 'f')
        return lower(c) - 'a' + 10;
    return -1;
}

/* Go's UnquoteChar: decodes one character of s[*i..n) into b. Returns false
 * on a syntax error. */
static bool unquote_char(StrBuf *b, const char *s, int64_t n, int64_t *i,
                         char quote) {
    char c = s[*i];
    if (c == quote)
        return false;
    if ((unsigned char)c >= 0x80) {
        int size;
        char buf[4];
        int32_t r = utf8_decode(s + *i, n - *i, &size);
        sb_write(b, buf, utf8_encode(buf, r));
        *i += size;
        return true;
    }
    if (c != '\\') {
        sb_putc(b, c);
        (*i)++;
        return true;
    }
    if (n - *i <= 1)
        return false;
    c = s[*i + 1];
    *i += 2;
    static const char esc_from[] = "abfnrtv\\", esc_to[] = "\a\b\f\n\r\t\v\\";
    const char *e = strchr(esc_from, c);
    if (c && e) {
        sb_putc(b, esc_to[e - esc_from]);
        return true;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        int64_t v = 0;
        if (n - *i < digits)
            return false;
        for (int j = 0; j < digits; j++) {
            int x = unhex(s[*i + j]);
            if (x < 0)
                return false;
            v = v << 4 | x;
        }
        *i += digits;
        if (c == 'x') {
            sb_putc(b, (char)v);
            return true;
        }
        if (!valid_rune(v))
            return false;
        char buf[4];
        sb_write(b, buf, utf8_encode(buf, (int32_t)v));
        return true;
    }
    if (c >= '0' && c <= '7') {
        int v = c - '0';
        if (n - *i < 2)
            return false;
        for (int j = 0; j < 2; j++) {
            int x = s[*i + j] - '0';
            if (x < 0 || x > 7)
                return false;
            v = v << 3 | x;
        }
        *i += 2;
        if (v > 255)
            return false;
        sb_putc(b, (char)v);
        return true;
    }
    if ((c == '\'' || c == '"') && c == quote) {
        sb_putc(b, c);
        return true;
    }
    return false;
}

/* Go's Unquote; *ok false means ErrSyntax. */
static Str *unquote(Str *str, bool *ok) {
    const char *s = str_data(str);
    int64_t n = str_len(str);
    *ok = false;
    if (n < 2 || s[0] != s[n - 1])
        return NULL;
    char quote = s[0];
    s++;
    n -= 2;
    StrBuf b;
    sb_init(&b);
    if (quote == '`') {
        if (memchr(s, '`', (size_t)n))
            return NULL;
        for (int64_t i = 0; i < n; i++)
            if (s[i] != '\r')
                sb_putc(&b, s[i]);
        *ok = true;
        return sb_str(&b);
    }
    if ((quote != '"' && quote != '\'') || memchr(s, '\n', (size_t)n))
        return NULL;
    if (quote == '\'' && n == 0) {   /* Go 1.19 accepts '' (as "") */
        *ok = true;
        return NULL;
    }
    for (int64_t i = 0; i < n;) {
        if (!unquote_char(&b, s, n, &i, quote))
            return NULL;
        if (quote == '\'' && i != n)
            return NULL;
    }
    *ok = true;
    return sb_str(&b);
}

static int n_unquote(Fiber *f, Slot *a) {
    bool ok;
    a[0].p = unquote(a[0].p, &ok);
    a[1].i = ok;
    return NATIVE_OK;
}

const NativeEntry strconv_natives[] = {
    {"strconv.parseInt", n_parseInt},
    {"strconv.parseUint", n_parseUint},
    {"strconv.parseFloat", n_parseFloat},
    {"strconv.parseFloatPrefix", n_parseFloatPrefix},
    {"strconv.unquote", n_unquote},
    {"strconv.FormatInt", n_FormatInt},
    {"strconv.FormatUint", n_FormatUint},
    {"strconv.FormatFloat", n_FormatFloat},
    {"strconv.Quote", n_Quote},
    {"strconv.QuoteToASCII", n_QuoteToASCII},
    {"strconv.QuoteRune", n_QuoteRune},
    {"strconv.QuoteRuneToASCII", n_QuoteRuneToASCII},
    {"strconv.IsPrint", n_IsPrint},
    {NULL, NULL},
};
