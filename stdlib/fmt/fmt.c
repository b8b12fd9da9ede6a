/*
 * fmt.c — package fmt's formatting engine: Go's Printf verbs, flags, width
 * and precision, and the printing of every kind of value, written to
 * produce exactly what Go's fmt prints. stdlib/fmt.go holds the Go side
 * (Println, Fprintf, Errorf, ...) and calls the natives at the bottom.
 *
 * STRUCTURE follows Go's fmt so the two can be compared line by line:
 *   - FmtFlags + the fmt_* primitives (Go's fmt/format.go): padding,
 *     integers, floats, strings, quoting, hex dumps;
 *   - the Printer (Go's pp in fmt/print.go): print_arg for a top-level
 *     operand (an interface value), print_value for a value of static type t
 *     in memory representation, handle_methods for Error/String/GoString,
 *     do_printf / do_print / do_println;
 *   - map keys are sorted as Go's internal/fmtsort sorts them.
 *
 * METHODS: Error() and String() are called through vm_call for the operand
 * and for nested elements and fields (not through unexported fields, which
 * reflect cannot Interface()). A panicking method prints Go's
 * "%!v(PANIC=String method: msg)" when the VM provides vm_take_panic (a
 * weak reference: without it the panic propagates); a nil pointer receiver
 * prints "<nil>". A Formatter (Format(fmt.State, rune)) comes first, as in
 * Go: fmt.go's callFormat, registered once by fmt's init (setFormatHook),
 * runs it on a State holding the verb's flags, width and precision and
 * returns what it wrote.
 *
 * FLOATS: the shortest representation that round-trips (%v, %g) is found
 * by trying 1..17 significant digits (1..9 for float32) with the C library's
 * correctly rounded conversions; explicit precisions use them directly
 * (C's %e/%f/%g agree with Go's strconv for those).
 *
 * Pointers print the interpreter's real addresses (Go's differ anyway).
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/fmt/fmt.h"
#include "stdlib/lib.h"

/* vm.c may provide it; without it a panicking String method propagates. */
#pragma weak vm_take_panic

enum {
    FMT_MAX_NUM = 1000000,   /* Go's tooLarge: widths/precisions beyond fail */
    FMT_MAX_DEPTH = 2000,    /* nesting beyond this is a cyclic value; each
                                level costs C stack */
    RUNE_ERROR = 0xFFFD,
    MAX_RUNE = 0x10FFFF,
};

static const char LDIGITS[] = "0123456789abcdefx";
static const char UDIGITS[] = "0123456789ABCDEFX";

typedef struct FmtFlags {
    bool plus, minus, sharp, space, zero;
    bool plusV, sharpV;       /* %+v, %#v */
    bool wid_present, prec_present;
    int wid, prec;
} FmtFlags;

typedef struct Printer {
    StrBuf *buf;
    Fiber *f;                 /* NULL: methods are never called */
    FmtFlags fl;
    bool erroring;            /* printing a bad verb: no methods */
    bool panicking;           /* printing a method's panic value */
    bool wrap_errs;           /* Errorf: %w allowed */
    bool reordered, good_argnum;
    int status;               /* NATIVE_PANIC once a panic escapes */
    int depth;
    /* the operand being printed, for %!verb(type=value) */
    Type *cur_t;
    const Slot *cur_mem;
    /* Errorf: argument indexes of %w verbs */
    int64_t *wrapped;
    int nwrapped, capwrapped;
} Printer;

static void print_value(Printer *p, Type *t, const Slot *mem, int verb,
                        int depth, bool ro);
static void print_arg(Printer *p, Iface *a, int verb);

/* ---- interned method names ------------------------------------------------- */

static const char *name_error, *name_string, *name_gostring, *name_format;
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static void init_names(void) {
    name_error = str_intern("Error");
    name_string = str_intern("String");
    name_gostring = str_intern("GoString");
    name_format = str_intern("Format");
}

/* fmt.callFormat, set once by fmt's init before main runs (any thread
 * reads it afterwards). */
static _Atomic(Closure *) format_hook;

/* setFormatHook(fn func(Formatter, rune, string, int, int, bool, bool) string) */
static int n_setFormatHook(Fiber *f, Slot *a) {
    (void)f;
    format_hook = a[0].p;
    return NATIVE_OK;
}

/* ---- small helpers ----------------------------------------------------------- */

static void put(Printer *p, const char *s, int64_t n) { sb_write(p->buf, s, n); }
static void puts_(Printer *p, const char *s) { sb_puts(p->buf, s); }
static void putc_(Printer *p, char c) { sb_putc(p->buf, c); }

static void put_rune(StrBuf *b, int32_t r) {
    char tmp[4];
    sb_write(b, tmp, utf8_encode(tmp, r));
}

/* strchr for a verb, which may be any rune. */
static bool verb_in(int verb, const char *set) {
    return verb > 0 && verb < 0x80 && strchr(set, verb) != NULL;
}

static int64_t rune_count(const char *s, int64_t n) {
    int64_t c = 0;
    int size;
    for (int64_t i = 0; i < n; i += size, c++) {
        if ((unsigned char)s[i] < 0x80)
            size = 1;
        else
            utf8_decode(s + i, n - i, &size);
    }
    return c;
}

static bool can_backquote(const char *s, int64_t n) {
    int size;
    for (int64_t i = 0; i < n; i += size) {
        int32_t r = utf8_decode(s + i, n - i, &size);
        if (size > 1) {
            if (r == 0xFEFF)
                return false;
            continue;
        }
        if (r == RUNE_ERROR)
            return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
            return false;
    }
    return true;
}

/* ---- padding and the fmt primitives (Go's format.go) -------------------------------- */

static void write_padding(Printer *p, int64_t n) {
    char c = p->fl.zero ? '0' : ' ';
    for (int64_t i = 0; i < n; i++)
        putc_(p, c);
}

/* Writes s padded to the width (counted in runes). */
static void pad(Printer *p, const char *s, int64_t n) {
    if (!p->fl.wid_present || p->fl.wid == 0) {
        put(p, s, n);
        return;
    }
    int64_t width = p->fl.wid - rune_count(s, n);
    if (!p->fl.minus) {
        write_padding(p, width);
        put(p, s, n);
    } else {
        put(p, s, n);
        write_padding(p, width);
    }
}

static void pad_str(Printer *p, const char *s) { pad(p, s, (int64_t)strlen(s)); }

static void pad_nozero(Printer *p, const char *s, int64_t n) {
    bool z = p->fl.zero;
    p->fl.zero = false;
    pad(p, s, n);
    p->fl.zero = z;
}

/* Go's fmt.fmtInteger: base 2/8/10/16, precision as minimum digits, zero
 * padding, sign and # prefixes. */
static void fmt_integer(Printer *p, uint64_t u, int base, bool is_signed,
                        int verb, const char *digits) {
    FmtFlags *fl = &p->fl;
    bool negative = is_signed && (int64_t)u < 0;
    if (negative)
        u = -u;
    int cap = 68 + (fl->wid_present ? fl->wid : 0) + (fl->prec_present ? fl->prec : 0);
    char small[200], *buf = cap <= (int)sizeof small ? small : gc_alloc_atomic((size_t)cap);
    if (cap < (int)sizeof small)
        cap = (int)sizeof small;
    int prec = 0;
    if (fl->prec_present) {
        prec = fl->prec;
        if (prec == 0 && u == 0) { /* %.0d of 0 prints nothing but padding */
            bool z = fl->zero;
            fl->zero = false;
            write_padding(p, fl->wid);
            fl->zero = z;
            return;
        }
    } else if (fl->zero && fl->wid_present) {
        prec = fl->wid;
        if (negative || fl->plus || fl->space)
            prec--; /* leave room for the sign */
    }
    int i = cap;
    do {
        buf[--i] = digits[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u > 0);
    while (i > 0 && prec > cap - i)
        buf[--i] = '0';
    if (fl->sharp) {
        if (base == 2) {
            buf[--i] = 'b';
            buf[--i] = '0';
        } else if (base == 8 && buf[i] != '0') {
            buf[--i] = '0';
        } else if (base == 16) {
            buf[--i] = digits[16];
            buf[--i] = '0';
        }
    }
    if (verb == 'O') {
        buf[--i] = 'o';
        buf[--i] = '0';
    }
    if (negative)
        buf[--i] = '-';
    else if (fl->plus)
        buf[--i] = '+';
    else if (fl->space)
        buf[--i] = ' ';
    pad_nozero(p, buf + i, cap - i);
}

static void fmt0x64(Printer *p, uint64_t v, bool leading0x) {
    bool sharp = p->fl.sharp;
    p->fl.sharp = leading0x;
    fmt_integer(p, v, 16, false, 'v', LDIGITS);
    p->fl.sharp = sharp;
}

static void fmt_unicode(Printer *p, uint64_t u) {
    StrBuf b;
    sb_init(&b);
    int prec = 4;
    if (p->fl.prec_present && p->fl.prec > 4)
        prec = p->fl.prec;
    char hex[32];
    int n = snprintf(hex, sizeof hex, "%llX", (unsigned long long)u);
    sb_puts(&b, "U+");
    for (int i = n; i < prec; i++)
        sb_putc(&b, '0');
    sb_write(&b, hex, n);
    if (p->fl.sharp && u <= MAX_RUNE && uni_is_print((int32_t)u)) {
        sb_puts(&b, " '");
        put_rune(&b, (int32_t)u);
        sb_putc(&b, '\'');
    }
    pad_nozero(p, b.data, b.len);
}

static void fmt_c(Printer *p, uint64_t c) {
    char tmp[4];
    int32_t r = c > MAX_RUNE ? RUNE_ERROR : (int32_t)c;
    pad(p, tmp, utf8_encode(tmp, r));
}

static void fmt_qc(Printer *p, uint64_t c) {
    int32_t r = c > MAX_RUNE ? RUNE_ERROR : (int32_t)c;
    char tmp[4];
    StrBuf b;
    sb_init(&b);
    strconv_quote(&b, tmp, utf8_encode(tmp, r), '\'', p->fl.plus);
    pad(p, b.data, b.len);
}

/* Keeps the first prec runes of s. */
static int64_t truncate_len(Printer *p, const char *s, int64_t n) {
    if (!p->fl.prec_present)
        return n;
    int64_t i = 0;
    int size;
    for (int k = 0; k < p->fl.prec && i < n; k++, i += size)
        utf8_decode(s + i, n - i, &size);
    return i;
}

static void fmt_s(Printer *p, const char *s, int64_t n) {
    pad(p, s, truncate_len(p, s, n));
}

static void fmt_q(Printer *p, const char *s, int64_t n) {
    n = truncate_len(p, s, n);
    StrBuf b;
    sb_init(&b);
    if (p->fl.sharp && can_backquote(s, n)) {
        sb_putc(&b, '`');
        sb_write(&b, s, n);
        sb_putc(&b, '`');
    } else {
        strconv_quote(&b, s, n, '"', p->fl.plus);
    }
    pad(p, b.data, b.len);
}

/* Go's fmtSbx: hex dump of bytes, "% x" separates, "%#x" prefixes. */
static void fmt_sbx(Printer *p, const char *s, int64_t n, const char *digits) {
    FmtFlags *fl = &p->fl;
    int64_t length = n;
    if (fl->prec_present && fl->prec < length)
        length = fl->prec;
    int64_t width = 2 * length;
    if (width > 0) {
        if (fl->space) {
            if (fl->sharp)
                width *= 2;
            width += length - 1;
        } else if (fl->sharp) {
            width += 2;
        }
    } else {
        if (fl->wid_present)
            write_padding(p, fl->wid);
        return;
    }
    if (fl->wid_present && fl->wid > width && !fl->minus)
        write_padding(p, fl->wid - width);
    if (fl->sharp) {
        putc_(p, '0');
        putc_(p, digits[16]);
    }
    for (int64_t i = 0; i < length; i++) {
        if (fl->space && i > 0) {
            putc_(p, ' ');
            if (fl->sharp) {
                putc_(p, '0');
                putc_(p, digits[16]);
            }
        }
        unsigned char c = (unsigned char)s[i];
        putc_(p, digits[c >> 4]);
        putc_(p, digits[c & 0xF]);
    }
    if (fl->wid_present && fl->wid > width && fl->minus)
        write_padding(p, fl->wid - width);
}

/* ---- floats (strconv.AppendFloat) ------------------------------------------------------ */

/* Decimal digits d[0..nd) with the point at dp: value = 0.d * 10^dp. */
typedef struct Digits {
    char d[40];
    int nd, dp;
} Digits;

/* Digits of C's "%.*e" output (sign already removed), trailing zeros cut. */
static void parse_e(const char *s, Digits *dg) {
    dg->nd = 0;
    const char *q = s;
    for (; *q && *q != 'e'; q++)
        if (*q >= '0' && *q <= '9')
            dg->d[dg->nd++] = *q;
    int exp = atoi(q + 1);
    dg->dp = exp + 1;
    while (dg->nd > 0 && dg->d[dg->nd - 1] == '0')
        dg->nd--;
    if (dg->nd == 0)
        dg->dp = 0;
}

/* The shortest digits that read back as v (|v|, finite, nonzero). */
static void shortest_digits(double v, int bitsize, Digits *dg) {
    char buf[48];
    int maxp = bitsize == 32 ? 9 : 17;
    for (int prec = 1; prec <= maxp; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        bool ok = bitsize == 32 ? strtof(buf, NULL) == (float)v
                                : strtod(buf, NULL) == v;
        if (ok)
            break;
    }
    parse_e(buf, dg);
}

static void put_exp(StrBuf *b, char e, int exp) {
    sb_putc(b, e);
    sb_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp < 10)
        sb_putc(b, '0');
    sb_printf(b, "%d", exp);
}

/* %e layout of dg with prec digits after the point. */
static void layout_e(StrBuf *b, const Digits *dg, int prec, char e) {
    sb_putc(b, dg->nd ? dg->d[0] : '0');
    if (prec > 0) {
        sb_putc(b, '.');
        for (int i = 1; i <= prec; i++)
            sb_putc(b, i < dg->nd ? dg->d[i] : '0');
    }
    put_exp(b, e, dg->nd ? dg->dp - 1 : 0);
}

/* %f layout of dg with prec digits after the point. */
static void layout_f(StrBuf *b, const Digits *dg, int prec) {
    if (dg->dp > 0) {
        for (int i = 0; i < dg->dp; i++)
            sb_putc(b, i < dg->nd ? dg->d[i] : '0');
    } else {
        sb_putc(b, '0');
    }
    if (prec > 0) {
        sb_putc(b, '.');
        for (int i = 0; i < prec; i++) {
            int j = dg->dp + i;
            sb_putc(b, j >= 0 && j < dg->nd ? dg->d[j] : '0');
        }
    }
}

/* Shortest formatting: Go's strconv with precision -1. */
static void format_shortest(StrBuf *b, double v, char fmtc, int bitsize) {
    Digits dg = {.nd = 0, .dp = 0};
    if (v != 0)
        shortest_digits(v, bitsize, &dg);
    switch (fmtc) {
    case 'e': case 'E':
        layout_e(b, &dg, dg.nd > 0 ? dg.nd - 1 : 0, fmtc);
        return;
    case 'f':
        layout_f(b, &dg, dg.nd - dg.dp > 0 ? dg.nd - dg.dp : 0);
        return;
    default: { /* g, G: %e when the exponent is < -4 or >= 6 (eprec) */
        int exp = dg.dp - 1;
        if (dg.nd > 0 && (exp < -4 || exp >= 6)) {
            layout_e(b, &dg, dg.nd - 1, fmtc == 'G' ? 'E' : 'e');
            return;
        }
        layout_f(b, &dg, dg.nd - dg.dp > 0 ? dg.nd - dg.dp : 0);
    }
    }
}

/* Go's %b for floats: decimal mantissa, 'p', binary exponent. */
static void format_binary(StrBuf *b, double v, int bitsize) {
    uint64_t mant;
    int exp, mantbits;
    if (bitsize == 32) {
        float fv = (float)v;
        uint32_t bits;
        memcpy(&bits, &fv, 4);
        mantbits = 23;
        exp = (int)((bits >> 23) & 0xFF);
        mant = bits & ((1u << 23) - 1);
        exp = exp == 0 ? 1 - 127 : exp - 127;
        if (((bits >> 23) & 0xFF) != 0)
            mant |= 1u << 23;
    } else {
        uint64_t bits;
        memcpy(&bits, &v, 8);
        mantbits = 52;
        int e = (int)((bits >> 52) & 0x7FF);
        mant = bits & ((1ull << 52) - 1);
        exp = e == 0 ? 1 - 1023 : e - 1023;
        if (e != 0)
            mant |= 1ull << 52;
    }
    exp -= mantbits;
    sb_printf(b, "%llup%s%d", (unsigned long long)mant, exp >= 0 ? "+" : "", exp);
}

/* Go's %x for floats, from C's %a with Go's two-digit minimum exponent. */
static void format_hex(StrBuf *b, double v, char fmtc, int prec) {
    char tmp[64];
    if (prec < 0)
        snprintf(tmp, sizeof tmp, fmtc == 'X' ? "%A" : "%a", v);
    else
        snprintf(tmp, sizeof tmp, fmtc == 'X' ? "%.*A" : "%.*a", prec, v);
    char *pp = strchr(tmp, fmtc == 'X' ? 'P' : 'p');
    if (!pp) {
        sb_puts(b, tmp);
        return;
    }
    sb_write(b, tmp, pp - tmp + 2); /* through the exponent sign */
    if (strlen(pp + 2) < 2)
        sb_putc(b, '0');
    sb_puts(b, pp + 2);
}

/* strconv.AppendFloat(b, v, fmtc, prec, bitsize) for |v| finite. */
static void format_float(StrBuf *b, double v, char fmtc, int prec, int bitsize) {
    if (fmtc == 'b') {
        format_binary(b, v, bitsize);
        return;
    }
    if (fmtc == 'x' || fmtc == 'X') {
        format_hex(b, v, fmtc, prec);
        return;
    }
    if (prec < 0) {
        format_shortest(b, v, fmtc, bitsize);
        return;
    }
    char spec[8] = {'%', '.', '*', fmtc, 0};
    char small[128];
    int n = snprintf(small, sizeof small, spec, prec, v);
    if (n < (int)sizeof small) {
        sb_write(b, small, n);
        return;
    }
    char *big = gc_alloc_atomic((size_t)n + 1);
    snprintf(big, (size_t)n + 1, spec, prec, v);
    sb_write(b, big, n);
}

/* Go's %#g etc.: keep the decimal point and trailing zeros. */
static void sharpen(StrBuf *num, int verb, int prec) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x' || verb == 'X')
        digits = prec == -1 ? 6 : prec;
    char tail[16] = {0};
    bool has_point = false, nonzero = false;
    for (int64_t i = 1; i < num->len; i++) {
        char c = num->data[i];
        if (c == '.') {
            has_point = true;
        } else if (c == 'p' || c == 'P' ||
                   ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
            snprintf(tail, sizeof tail, "%.*s", (int)(num->len - i), num->data + i);
            num->len = i;
            break;
        } else {
            if (c != '0')
                nonzero = true;
            if (nonzero)
                digits--;
        }
    }
    if (!has_point) {
        if (num->len == 2 && num->data[1] == '0')
            digits--;
        sb_putc(num, '.');
    }
    for (; digits > 0; digits--)
        sb_putc(num, '0');
    sb_puts(num, tail);
}

/* Go's fmt.fmtFloat: sign handling, Inf/NaN, zero padding after the sign. */
static void fmt_float(Printer *p, double v, int size, int verb, int prec) {
    FmtFlags *fl = &p->fl;
    if (fl->prec_present)
        prec = fl->prec;
    StrBuf num;
    sb_init(&num);
    sb_putc(&num, signbit(v) ? '-' : '+');
    if (isinf(v))
        sb_puts(&num, "Inf");
    else if (isnan(v))
        sb_puts(&num, "NaN");
    else
        format_float(&num, fabs(v), (char)(verb == 'v' ? 'g' : verb), prec, size);
    if (isnan(v))
        num.data[0] = '+';
    if (fl->space && num.data[0] == '+' && !fl->plus)
        num.data[0] = ' ';
    if (num.data[1] == 'I' || num.data[1] == 'N') {
        bool z = fl->zero;
        fl->zero = false;
        if (num.data[1] == 'N' && !fl->space && !fl->plus)
            pad(p, num.data + 1, num.len - 1);
        else
            pad(p, num.data, num.len);
        fl->zero = z;
        return;
    }
    if (fl->sharp && verb != 'b')
        sharpen(&num, verb, prec);
    if (fl->plus || num.data[0] != '+') {
        if (fl->zero && fl->wid_present && fl->wid > num.len) {
            putc_(p, num.data[0]);
            write_padding(p, fl->wid - num.len);
            put(p, num.data + 1, num.len - 1);
            return;
        }
        pad(p, num.data, num.len);
        return;
    }
    pad(p, num.data + 1, num.len - 1);
}

/* ---- the printer: verbs by kind (Go's print.go) ----------------------------------------- */

static void bad_verb(Printer *p, int verb) {
    p->erroring = true;
    puts_(p, "%!");
    put_rune(p->buf, verb);
    putc_(p, '(');
    if (p->cur_t) {
        puts_(p, type_string(p->cur_t));
        putc_(p, '=');
        print_value(p, p->cur_t, p->cur_mem, 'v', 0, false);
    } else {
        puts_(p, "<nil>");
    }
    putc_(p, ')');
    p->erroring = false;
}

static void pp_fmt_bool(Printer *p, bool v, int verb) {
    if (verb == 't' || verb == 'v')
        pad_str(p, v ? "true" : "false");
    else
        bad_verb(p, verb);
}

static void pp_fmt_integer(Printer *p, uint64_t v, bool is_signed, int verb) {
    switch (verb) {
    case 'v':
        if (p->fl.sharpV && !is_signed)
            fmt0x64(p, v, true);
        else
            fmt_integer(p, v, 10, is_signed, verb, LDIGITS);
        break;
    case 'd': fmt_integer(p, v, 10, is_signed, verb, LDIGITS); break;
    case 'b': fmt_integer(p, v, 2, is_signed, verb, LDIGITS); break;
    case 'o': case 'O': fmt_integer(p, v, 8, is_signed, verb, LDIGITS); break;
    case 'x': fmt_integer(p, v, 16, is_signed, verb, LDIGITS); break;
    case 'X': fmt_integer(p, v, 16, is_signed, verb, UDIGITS); break;
    case 'c': fmt_c(p, v); break;
    case 'q': fmt_qc(p, v); break;
    case 'U': fmt_unicode(p, v); break;
    default: bad_verb(p, verb);
    }
}

static void pp_fmt_float(Printer *p, double v, int size, int verb) {
    switch (verb) {
    case 'v': fmt_float(p, v, size, 'g', -1); break;
    case 'b': case 'g': case 'G': case 'x': case 'X':
        fmt_float(p, v, size, verb, -1);
        break;
    case 'f': case 'e': case 'E': fmt_float(p, v, size, verb, 6); break;
    case 'F': fmt_float(p, v, size, 'f', 6); break;
    default: bad_verb(p, verb);
    }
}

/* Go's pp.fmtComplex: each part as a float of half the size, the
 * imaginary part always signed, padding applied to each part. */
static void pp_fmt_complex(Printer *p, double re, double im, int size, int verb) {
    switch (verb) {
    case 'v': case 'b': case 'g': case 'G': case 'x': case 'X':
    case 'f': case 'F': case 'e': case 'E': {
        bool old_plus = p->fl.plus;
        putc_(p, '(');
        pp_fmt_float(p, re, size / 2, verb);
        p->fl.plus = true;
        pp_fmt_float(p, im, size / 2, verb);
        puts_(p, "i)");
        p->fl.plus = old_plus;
        break;
    }
    default: bad_verb(p, verb);
    }
}

static void pp_fmt_string(Printer *p, const Str *s, int verb) {
    const char *d = str_data(s);
    int64_t n = str_len(s);
    switch (verb) {
    case 'v':
        if (p->fl.sharpV)
            fmt_q(p, d, n);
        else
            fmt_s(p, d, n);
        break;
    case 's': fmt_s(p, d, n); break;
    case 'x': fmt_sbx(p, d, n, LDIGITS); break;
    case 'X': fmt_sbx(p, d, n, UDIGITS); break;
    case 'q': fmt_q(p, d, n); break;
    default: bad_verb(p, verb);
    }
}

/* []byte and [N]byte with %s %q %x %X (and everything for a top-level
 * []byte, whose %#v is spelled []byte{...}). */
static void fmt_bytes(Printer *p, const Slot *data, int64_t n, bool is_nil,
                      int verb, const char *type_str, Type *t, const Slot *mem) {
    if (verb == 'v' || verb == 'd') {
        if (p->fl.sharpV) {
            puts_(p, type_str);
            if (is_nil) {
                puts_(p, "(nil)");
                return;
            }
            putc_(p, '{');
            for (int64_t i = 0; i < n; i++) {
                if (i > 0)
                    puts_(p, ", ");
                fmt0x64(p, (uint64_t)data[i].u, true);
            }
            putc_(p, '}');
        } else {
            putc_(p, '[');
            for (int64_t i = 0; i < n; i++) {
                if (i > 0)
                    putc_(p, ' ');
                fmt_integer(p, (uint64_t)data[i].u, 10, false, verb, LDIGITS);
            }
            putc_(p, ']');
        }
        return;
    }
    if (verb != 's' && verb != 'x' && verb != 'X' && verb != 'q') {
        print_value(p, t, mem, verb, 0, false);
        return;
    }
    char *s = gc_alloc_atomic((size_t)n + 1);
    for (int64_t i = 0; i < n; i++)
        s[i] = (char)data[i].u;
    switch (verb) {
    case 's': fmt_s(p, s, n); break;
    case 'x': fmt_sbx(p, s, n, LDIGITS); break;
    case 'X': fmt_sbx(p, s, n, UDIGITS); break;
    default: fmt_q(p, s, n); break;
    }
}

static void fmt_pointer(Printer *p, Type *t, const Slot *mem, int verb) {
    uintptr_t u;
    switch (t->kind) {
    case K_CHAN: case K_FUNC: case K_MAP: case K_POINTER:
        u = (uintptr_t)mem->p;
        break;
    case K_SLICE: {
        const Slice *s = mem->p;
        u = s ? (uintptr_t)s->data : 0;
        break;
    }
    default:
        bad_verb(p, verb);
        return;
    }
    switch (verb) {
    case 'v':
        if (p->fl.sharpV) {
            putc_(p, '(');
            puts_(p, type_string(t));
            puts_(p, ")(");
            if (u == 0)
                puts_(p, "nil");
            else
                fmt0x64(p, u, true);
            putc_(p, ')');
        } else if (u == 0) {
            pad_str(p, "<nil>");
        } else {
            fmt0x64(p, u, !p->fl.sharp);
        }
        break;
    case 'p':
        fmt0x64(p, u, !p->fl.sharp);
        break;
    case 'b': case 'o': case 'd': case 'x': case 'X':
        pp_fmt_integer(p, u, false, verb);
        break;
    default:
        bad_verb(p, verb);
    }
}

/* ---- methods ------------------------------------------------------------------------------ */

/* The declared signature of method `name` of t, if t declares it (promoted
 * methods are not listed: NULL, and the caller trusts the name). */
static Type *declared_sig(Type *t, const char *name) {
    Type *named = t->kind == K_POINTER && t->name == NULL ? t->elem : t;
    if (!named)
        return NULL;
    for (int i = 0; i < named->nmethods; i++)
        if (named->methods[i].name == name)
            return named->methods[i].sig;
    return NULL;
}

/* t's method `name` if it has the signature func() string. */
static Proto *string_method(Type *t, const char *name) {
    if (t->nrmethods == 0)
        return NULL;
    Proto *fn = type_find_method(t, name);
    if (!fn)
        return NULL;
    Type *sig = declared_sig(t, name);
    if (sig && (sig->nparams != 0 || sig->nresults != 1 ||
                sig->results[0]->kind != K_STRING))
        return NULL;
    return fn;
}

static bool is_error(Type *t) {
    pthread_once(&names_once, init_names);
    return t && string_method(t, name_error) != NULL;
}

/* Go's catchPanic: a method called on the operand panicked. */
static void catch_panic(Printer *p, Type *t, const Slot *mem, int verb,
                        const char *method) {
    if (!vm_take_panic) {
        p->status = NATIVE_PANIC; /* cannot stop it: let it propagate */
        return;
    }
    Iface *err = vm_take_panic(p->f);
    if (t->kind == K_POINTER && mem->p == NULL) {
        puts_(p, "<nil>");
        return;
    }
    if (p->panicking) { /* the panic value's own method panicked */
        p->status = rt_panic(p->f, err);
        return;
    }
    FmtFlags old = p->fl;
    memset(&p->fl, 0, sizeof p->fl);
    puts_(p, "%!");
    put_rune(p->buf, verb);
    puts_(p, "(PANIC=");
    puts_(p, method);
    puts_(p, " method: ");
    p->panicking = true;
    print_arg(p, err, 'v');
    p->panicking = false;
    putc_(p, ')');
    p->fl = old;
}

/* Calls fn (func() string) on the value and prints the result. */
static void call_method(Printer *p, Type *t, const Slot *mem, Proto *fn,
                        int verb, const char *method) {
    Slot recv = rt_load(t, mem), res[1] = {{0}};
    if (vm_call(p->f, fn, &recv, 1, res, 1) != NATIVE_OK) {
        catch_panic(p, t, mem, verb, method);
        return;
    }
    if (strcmp(method, "GoString") == 0)
        fmt_s(p, str_data(res[0].p), str_len(res[0].p));
    else
        pp_fmt_string(p, res[0].p, verb);
}

/* t's method Format if it has Formatter's signature (two parameters, no
 * results: the parameter types are trusted). */
static Proto *format_method(Type *t) {
    Proto *fn = type_find_method(t, name_format);
    if (!fn)
        return NULL;
    Type *sig = declared_sig(t, name_format);
    if (sig && (sig->nparams != 2 || sig->nresults != 0 ||
                sig->params[1]->kind != K_INT32))
        return NULL;
    return fn;
}

/* Calls the operand's Format through fmt.callFormat and prints the text. */
static void call_format(Printer *p, Type *t, const Slot *mem, int verb) {
    const FmtFlags *fl = &p->fl;
    char flags[8];
    int n = 0;
    if (fl->minus)
        flags[n++] = '-';
    if (fl->plus || fl->plusV)
        flags[n++] = '+';
    if (fl->sharp || fl->sharpV)
        flags[n++] = '#';
    if (fl->space)
        flags[n++] = ' ';
    if (fl->zero)
        flags[n++] = '0';
    Slot args[7], res[1] = {{0}};
    args[0].p = rt_iface(t, rt_load(t, mem));
    args[1].i = verb;
    args[2].p = str_new(flags, n);
    args[3].i = fl->wid;
    args[4].i = fl->prec;
    args[5].i = fl->wid_present;
    args[6].i = fl->prec_present;
    if (vm_call_closure(p->f, format_hook, args, 7, res, 1) != NATIVE_OK) {
        catch_panic(p, t, mem, verb, "Format");
        return;
    }
    put(p, str_data(res[0].p), str_len(res[0].p));
}

/* Go's handleMethods for a value of (non-interface) dynamic type t. A
 * valid %w becomes %v (*verb is updated for the caller). */
static bool handle_methods(Printer *p, int *verbp, Type *t, const Slot *mem) {
    if (p->erroring)
        return false;
    pthread_once(&names_once, init_names);
    if (*verbp == 'w') {
        if (!p->wrap_errs || !is_error(t)) {
            bad_verb(p, 'w');
            return true;
        }
        *verbp = 'v';
    }
    int verb = *verbp;
    if (!p->f || t->nrmethods == 0)
        return false;
    Proto *fn;
    if (format_hook && format_method(t)) {
        call_format(p, t, mem, verb);
        return true;
    }
    if (p->fl.sharpV) {
        if ((fn = string_method(t, name_gostring)) != NULL) {
            call_method(p, t, mem, fn, verb, "GoString");
            return true;
        }
        return false;
    }
    if (!verb_in(verb, "vsxXq"))
        return false;
    if ((fn = string_method(t, name_error)) != NULL) {
        call_method(p, t, mem, fn, verb, "Error");
        return true;
    }
    if ((fn = string_method(t, name_string)) != NULL) {
        call_method(p, t, mem, fn, verb, "String");
        return true;
    }
    return false;
}

/* ---- map key order (internal/fmtsort) ------------------------------------------------------ */

static int cmp_values(Type *t, const Slot *a, const Slot *b);

static int cmp3(bool lt, bool gt) { return lt ? -1 : gt ? 1 : 0; }

static int cmp_iface(const Iface *a, const Iface *b) {
    if (!a || !b)
        return cmp3(!a && b, a && !b); /* nil first */
    if (a->type != b->type)
        return cmp3(a->type->id < b->type->id, a->type->id > b->type->id);
    return cmp_values(a->type, rt_mem(a->type, (Slot *)&a->val),
                      rt_mem(b->type, (Slot *)&b->val));
}

static int cmp_values(Type *t, const Slot *a, const Slot *b) {
    switch (t->kind) {
    case K_BOOL: case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
        return cmp3(a->i < b->i, a->i > b->i);
    case K_FLOAT32: case K_FLOAT64: { /* NaN first */
        double x = a->f, y = b->f;
        if (x < y) return -1;
        if (x > y) return 1;
        if (x == y) return 0;
        return cmp3(isnan(x) && !isnan(y), !isnan(x) && isnan(y));
    }
    case K_COMPLEX64: case K_COMPLEX128: { /* real part, then imaginary */
        Type *ft = type_basic(K_FLOAT64);
        int c = cmp_values(ft, a, b);
        return c ? c : cmp_values(ft, a + 1, b + 1);
    }
    case K_STRING:
        return str_compare(a->p, b->p);
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++) {
            int off = (int)t->fields[i].offset;
            int c = cmp_values(t->fields[i].type, a + off, b + off);
            if (c)
                return c;
        }
        return 0;
    case K_ARRAY:
        for (int64_t i = 0; i < t->len; i++) {
            int64_t off = i * t->elem->size;
            int c = cmp_values(t->elem, a + off, b + off);
            if (c)
                return c;
        }
        return 0;
    case K_INTERFACE:
        return cmp_iface(a->p, b->p);
    default: /* unsigned integers, pointers and chans by address */
        return cmp3(a->u < b->u, a->u > b->u);
    }
}

typedef struct KV {
    Slot *k, *v;
} KV;

/* Stable merge sort of n entries by key. */
static void sort_kv(KV *e, KV *tmp, int64_t n, Type *kt) {
    if (n < 2)
        return;
    int64_t h = n / 2;
    sort_kv(e, tmp, h, kt);
    sort_kv(e + h, tmp, n - h, kt);
    int64_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp_values(kt, e[j].k, e[i].k) < 0 ? e[j++] : e[i++];
    while (i < h)
        tmp[k++] = e[i++];
    while (j < n)
        tmp[k++] = e[j++];
    memcpy(e, tmp, (size_t)n * sizeof *e);
}

static KV *sorted_entries(Map *m, int64_t *n) {
    int64_t cap = map_len(m), k = 0;
    KV *e = gc_alloc((size_t)(cap ? cap : 1) * sizeof *e);
    MapIter it;
    Slot *key, *val;
    map_iter_init(m, &it, 0);
    while (k < cap && map_iter_next(&it, &key, &val))
        e[k++] = (KV){key, val};
    KV *tmp = gc_alloc((size_t)(k ? k : 1) * sizeof *tmp);
    sort_kv(e, tmp, k, map_type(m)->key);
    *n = k;
    return e;
}

/* ---- print_value (Go's printValue) ---------------------------------------------------------- */

static void print_map(Printer *p, Type *t, const Slot *mem, int verb, int depth,
                      bool ro) {
    Map *m = mem->p;
    if (p->fl.sharpV) {
        puts_(p, type_string(t));
        if (!m) {
            puts_(p, "(nil)");
            return;
        }
        putc_(p, '{');
    } else {
        puts_(p, "map[");
    }
    int64_t n = 0;
    KV *e = m ? sorted_entries(m, &n) : NULL;
    for (int64_t i = 0; i < n; i++) {
        if (i > 0)
            puts_(p, p->fl.sharpV ? ", " : " ");
        print_value(p, t->key, e[i].k, verb, depth + 1, ro);
        putc_(p, ':');
        print_value(p, t->elem, e[i].v, verb, depth + 1, ro);
    }
    putc_(p, p->fl.sharpV ? '}' : ']');
}

static void print_struct(Printer *p, Type *t, const Slot *mem, int verb,
                         int depth, bool ro) {
    if (p->fl.sharpV)
        puts_(p, type_string(t));
    putc_(p, '{');
    for (int i = 0; i < t->nfields; i++) {
        const Field *f = &t->fields[i];
        if (i > 0)
            puts_(p, p->fl.sharpV ? ", " : " ");
        if ((p->fl.plusV || p->fl.sharpV) && f->name) {
            puts_(p, f->name);
            putc_(p, ':');
        }
        /* reflect cannot Interface() an unexported field: no methods */
        print_value(p, f->type, mem + f->offset, verb, depth + 1,
                    ro || f->pkg != NULL);
    }
    putc_(p, '}');
}

static void print_list(Printer *p, Type *t, const Slot *mem, int verb,
                       int depth, bool ro) {
    const Slot *data;
    int64_t n;
    bool is_nil = false;
    if (t->kind == K_ARRAY) {
        data = mem;
        n = t->len;
    } else {
        const Slice *s = mem->p;
        data = s ? s->data : NULL;
        n = slice_len(s);
        is_nil = s == NULL;
    }
    if (verb_in(verb, "sqxX") && t->elem->kind == K_UINT8) {
        fmt_bytes(p, data, n, is_nil, verb, type_string(t), t, mem);
        return;
    }
    int64_t es = t->elem->size;
    if (p->fl.sharpV) {
        puts_(p, type_string(t));
        if (is_nil) {
            puts_(p, "(nil)");
            return;
        }
        putc_(p, '{');
        for (int64_t i = 0; i < n; i++) {
            if (i > 0)
                puts_(p, ", ");
            print_value(p, t->elem, data + i * es, verb, depth + 1, ro);
        }
        putc_(p, '}');
        return;
    }
    putc_(p, '[');
    for (int64_t i = 0; i < n && !p->status; i++) {
        if (i > 0)
            putc_(p, ' ');
        print_value(p, t->elem, data + i * es, verb, depth + 1, ro);
    }
    putc_(p, ']');
}

static void print_value(Printer *p, Type *t, const Slot *mem, int verb,
                        int depth, bool ro) {
    if (p->status)
        return;
    if (depth > FMT_MAX_DEPTH)
        rt_fatal("stack overflow");
    /* Nested operands get their methods called too (Go: CanInterface);
     * an interface's dynamic value is handled by its own recursion. */
    if (depth > 0 && !ro && t->kind != K_INTERFACE) {
        p->cur_t = t;
        p->cur_mem = mem;
        if (handle_methods(p, &verb, t, mem))
            return;
    }
    p->cur_t = t;
    p->cur_mem = mem;
    switch (t->kind) {
    case K_BOOL:
        pp_fmt_bool(p, mem->i != 0, verb);
        break;
    case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
        pp_fmt_integer(p, mem->u, true, verb);
        break;
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64:
    case K_UINTPTR:
        pp_fmt_integer(p, mem->u, false, verb);
        break;
    case K_FLOAT32:
        pp_fmt_float(p, mem->f, 32, verb);
        break;
    case K_FLOAT64:
        pp_fmt_float(p, mem->f, 64, verb);
        break;
    case K_COMPLEX64: case K_COMPLEX128:
        pp_fmt_complex(p, mem[0].f, mem[1].f, t->kind == K_COMPLEX64 ? 64 : 128, verb);
        break;
    case K_STRING:
        pp_fmt_string(p, mem->p, verb);
        break;
    case K_MAP:
        print_map(p, t, mem, verb, depth, ro);
        break;
    case K_STRUCT:
        print_struct(p, t, mem, verb, depth, ro);
        break;
    case K_INTERFACE: {
        Iface *x = mem->p;
        if (x) {
            print_value(p, x->type, rt_iface_mem(x), verb, depth + 1, ro);
        } else if (p->fl.sharpV) {
            puts_(p, type_string(t));
            puts_(p, "(nil)");
        } else {
            puts_(p, "<nil>");
        }
        break;
    }
    case K_ARRAY: case K_SLICE:
        print_list(p, t, mem, verb, depth, ro);
        break;
    case K_POINTER:
        /* &{...} for a pointer to a composite at the top level only */
        if (depth == 0 && mem->p) {
            Kind ek = t->elem->kind;
            if (ek == K_ARRAY || ek == K_SLICE || ek == K_STRUCT || ek == K_MAP) {
                putc_(p, '&');
                print_value(p, t->elem, mem->p, verb, depth + 1, ro);
                break;
            }
        }
        fmt_pointer(p, t, mem, verb);
        break;
    case K_CHAN: case K_FUNC:
        fmt_pointer(p, t, mem, verb);
        break;
    default:
        putc_(p, '?');
        puts_(p, type_string(t));
        putc_(p, '?');
    }
}

/* ---- print_arg (Go's printArg) ---------------------------------------------------------------- */

static Type *bytes_type(void) {
    static Type *t;
    Type *bt = __atomic_load_n(&t, __ATOMIC_ACQUIRE);
    if (!bt) {
        bt = type_slice(type_basic(K_UINT8));
        __atomic_store_n(&t, bt, __ATOMIC_RELEASE);
    }
    return bt;
}

static void print_arg(Printer *p, Iface *a, int verb) {
    if (p->status)
        return;
    if (!a) {
        p->cur_t = NULL;
        if (verb == 'T' || verb == 'v')
            pad_str(p, "<nil>");
        else
            bad_verb(p, verb);
        return;
    }
    Type *t = a->type;
    const Slot *mem = rt_iface_mem(a);
    p->cur_t = t;
    p->cur_mem = mem;
    if (verb == 'T') {
        const char *ts = type_string(t);
        fmt_s(p, ts, (int64_t)strlen(ts));
        return;
    }
    if (verb == 'p') {
        fmt_pointer(p, t, mem, 'p');
        return;
    }
    Type *vt;
    Slot *vmem;
    bool ro;
    if (reflect_value_parts(t, mem, &vt, &vmem, &ro)) {
        /* Go's printArg: a reflect.Value prints the value it holds */
        if (!vt) {
            pad_str(p, "<invalid reflect.Value>");
            return;
        }
        if (!ro && handle_methods(p, &verb, vt, vmem))
            return;
        print_value(p, vt, vmem, verb, 0, ro);
        return;
    }
    if (t == bytes_type()) {
        const Slice *s = mem->p;
        fmt_bytes(p, s ? s->data : NULL, slice_len(s), s == NULL, verb, "[]byte",
                  t, mem);
        return;
    }
    if (!handle_methods(p, &verb, t, mem))
        print_value(p, t, mem, verb, 0, false);
}

/* ---- doPrintf ---------------------------------------------------------------------------------- */

static Iface *arg_at(const Slice *args, int64_t i) { return args->data[i].p; }

/* Go's parsenum: a decimal at s[*i..end), at most FMT_MAX_NUM. */
static bool parse_num(const char *s, int64_t *i, int64_t end, int *num) {
    *num = 0;
    bool isnum = false;
    for (; *i < end && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        if (*num > FMT_MAX_NUM) {
            *i = end;
            return false;
        }
        *num = *num * 10 + (s[*i] - '0');
        isnum = true;
    }
    return isnum;
}

/* Go's argNumber: an explicit [n] index at s[*i]. Returns true if found. */
static bool arg_number(Printer *p, int64_t *argnum, const char *s, int64_t *i,
                       int64_t end, int64_t nargs) {
    if (*i >= end || s[*i] != '[')
        return false;
    p->reordered = true;
    for (int64_t j = *i + 1; j < end; j++) {
        if (s[j] != ']')
            continue;
        int64_t k = *i + 1;
        int num;
        bool ok = parse_num(s, &k, j, &num) && k == j;
        *i = j + 1;
        if (ok && num - 1 >= 0 && num - 1 < nargs) {
            *argnum = num - 1;
            return true;
        }
        p->good_argnum = false;
        return ok;
    }
    *i += 1;
    p->good_argnum = false;
    return false;
}

/* Go's intFromArg: a * width or precision. */
static bool int_from_arg(const Slice *args, int64_t *argnum, int *num) {
    *num = 0;
    if (*argnum >= slice_len(args))
        return false;
    Iface *a = arg_at(args, (*argnum)++);
    if (!a)
        return false;
    Type *t = a->type;
    int64_t v;
    if (t->kind >= K_INT && t->kind <= K_INT64) {
        v = a->val.i;
    } else if (t->kind >= K_UINT && t->kind <= K_UINTPTR) {
        if (a->val.u > (uint64_t)INT64_MAX)
            return false;
        v = (int64_t)a->val.u;
    } else {
        return false;
    }
    if (v > FMT_MAX_NUM || v < -FMT_MAX_NUM)
        return false;
    *num = (int)v;
    return true;
}

static void add_wrapped(Printer *p, int64_t argnum) {
    if (p->nwrapped == p->capwrapped) {
        p->capwrapped = p->capwrapped ? p->capwrapped * 2 : 4;
        int64_t *nw = gc_alloc((size_t)p->capwrapped * sizeof *nw);
        if (p->nwrapped)
            memcpy(nw, p->wrapped, (size_t)p->nwrapped * sizeof *nw);
        p->wrapped = nw;
    }
    p->wrapped[p->nwrapped++] = argnum;
}

/* Flags before the verb; returns false at a verb character. */
static bool parse_flag(FmtFlags *fl, char c) {
    switch (c) {
    case '#': fl->sharp = true; return true;
    case '0': fl->zero = !fl->minus; return true;
    case '+': fl->plus = true; return true;
    case '-': fl->minus = true; fl->zero = false; return true;
    case ' ': fl->space = true; return true;
    default: return false;
    }
}

/* Width and precision, possibly from * arguments. */
static void parse_wid_prec(Printer *p, const char *s, int64_t *i, int64_t end,
                           const Slice *args, int64_t *argnum, bool *after_index) {
    FmtFlags *fl = &p->fl;
    int64_t nargs = slice_len(args);
    if (*i < end && s[*i] == '*') {
        (*i)++;
        fl->wid_present = int_from_arg(args, argnum, &fl->wid);
        if (!fl->wid_present)
            puts_(p, "%!(BADWIDTH)");
        if (fl->wid < 0) {
            fl->wid = -fl->wid;
            fl->minus = true;
            fl->zero = false;
        }
        *after_index = false;
    } else {
        fl->wid_present = parse_num(s, i, end, &fl->wid);
        if (*after_index && fl->wid_present)
            p->good_argnum = false;
    }
    if (*i + 1 < end && s[*i] == '.') {
        (*i)++;
        if (*after_index)
            p->good_argnum = false;
        *after_index = arg_number(p, argnum, s, i, end, nargs);
        if (*i < end && s[*i] == '*') {
            (*i)++;
            fl->prec_present = int_from_arg(args, argnum, &fl->prec);
            if (fl->prec < 0) {
                fl->prec = 0;
                fl->prec_present = false;
            }
            if (!fl->prec_present)
                puts_(p, "%!(BADPREC)");
            *after_index = false;
        } else {
            fl->prec_present = parse_num(s, i, end, &fl->prec);
            if (!fl->prec_present) {
                fl->prec = 0;
                fl->prec_present = true;
            }
        }
    }
}

/* %v, %+v, %#v: move # and + to their %v meanings. */
static void set_v_flags(FmtFlags *fl) {
    fl->sharpV = fl->sharp;
    fl->sharp = false;
    fl->plusV = fl->plus;
    fl->plus = false;
}

static void print_verb(Printer *p, int verb, const Slice *args, int64_t *argnum) {
    if (verb == '%') {
        putc_(p, '%'); /* absorbs no operand, ignores width and precision */
    } else if (!p->good_argnum) {
        puts_(p, "%!");
        put_rune(p->buf, verb);
        puts_(p, "(BADINDEX)");
    } else if (*argnum >= slice_len(args)) {
        puts_(p, "%!");
        put_rune(p->buf, verb);
        puts_(p, "(MISSING)");
    } else {
        if (verb == 'w')
            add_wrapped(p, *argnum);
        if (verb == 'v' || verb == 'w')
            set_v_flags(&p->fl);
        print_arg(p, arg_at(args, *argnum), verb);
        (*argnum)++;
    }
}

static void print_extra(Printer *p, const Slice *args, int64_t argnum) {
    memset(&p->fl, 0, sizeof p->fl);
    puts_(p, "%!(EXTRA ");
    for (int64_t i = argnum; i < slice_len(args); i++) {
        if (i > argnum)
            puts_(p, ", ");
        Iface *a = arg_at(args, i);
        if (!a) {
            puts_(p, "<nil>");
            continue;
        }
        puts_(p, type_string(a->type));
        putc_(p, '=');
        print_arg(p, a, 'v');
    }
    putc_(p, ')');
}

static void do_printf(Printer *p, const char *s, int64_t end, const Slice *args) {
    int64_t argnum = 0, i = 0;
    bool after_index = false;
    p->reordered = false;
    while (i < end && !p->status) {
        p->good_argnum = true;
        int64_t last = i;
        while (i < end && s[i] != '%')
            i++;
        if (i > last)
            put(p, s + last, i - last);
        if (i >= end)
            break;
        i++; /* the '%' */
        memset(&p->fl, 0, sizeof p->fl);
        while (i < end && parse_flag(&p->fl, s[i]))
            i++;
        after_index = arg_number(p, &argnum, s, &i, end, slice_len(args));
        parse_wid_prec(p, s, &i, end, args, &argnum, &after_index);
        if (!after_index)
            after_index = arg_number(p, &argnum, s, &i, end, slice_len(args));
        if (i >= end) {
            puts_(p, "%!(NOVERB)");
            break;
        }
        int size = 1;
        int verb = (unsigned char)s[i];
        if (verb >= 0x80)
            verb = utf8_decode(s + i, end - i, &size);
        i += size;
        print_verb(p, verb, args, &argnum);
    }
    if (!p->reordered && argnum < slice_len(args) && !p->status)
        print_extra(p, args, argnum);
}

static bool is_string_arg(const Iface *a) { return a && a->type->kind == K_STRING; }

static void do_print(Printer *p, const Slice *args) {
    bool prev_string = false;
    for (int64_t i = 0; i < slice_len(args) && !p->status; i++) {
        Iface *a = arg_at(args, i);
        bool is_string = is_string_arg(a);
        if (i > 0 && !is_string && !prev_string)
            putc_(p, ' ');
        print_arg(p, a, 'v');
        prev_string = is_string;
    }
}

static void do_println(Printer *p, const Slice *args) {
    for (int64_t i = 0; i < slice_len(args) && !p->status; i++) {
        if (i > 0)
            putc_(p, ' ');
        print_arg(p, arg_at(args, i), 'v');
    }
    putc_(p, '\n');
}

/* ---- public API --------------------------------------------------------------------------- */

static void printer_init(Printer *p, StrBuf *b, Fiber *f) {
    memset(p, 0, sizeof *p);
    p->buf = b;
    p->f = f;
}

Str *fmt_sprintf(Fiber *f, Str *format, Slice *args, int *status) {
    StrBuf b;
    sb_init(&b);
    Printer p;
    printer_init(&p, &b, f);
    do_printf(&p, str_data(format), str_len(format), args);
    *status = p.status;
    return sb_str(&b);
}

Str *fmt_sprint(Fiber *f, Slice *args, bool ln, int *status) {
    StrBuf b;
    sb_init(&b);
    Printer p;
    printer_init(&p, &b, f);
    if (ln)
        do_println(&p, args);
    else
        do_print(&p, args);
    *status = p.status;
    return sb_str(&b);
}

void fmt_value(StrBuf *b, Type *t, const Slot *mem, char verb) {
    Printer p;
    printer_init(&p, b, NULL);
    if (verb == '+' || verb == '#') {
        p.fl.plusV = verb == '+';
        p.fl.sharpV = verb == '#';
        verb = 'v';
    }
    print_value(&p, t, mem, verb, 0, false);
}

/* ---- natives ------------------------------------------------------------------------------- */

/* func Sprintf(format string, a ...any) string */
static int n_sprintf(Fiber *f, Slot *a) {
    int st;
    Str *s = fmt_sprintf(f, a[0].p, a[1].p, &st);
    if (st != NATIVE_OK)
        return st;
    a[0].p = s;
    return NATIVE_OK;
}

/* func Sprint(a ...any) string */
static int n_sprint(Fiber *f, Slot *a) {
    int st;
    Str *s = fmt_sprint(f, a[0].p, false, &st);
    if (st != NATIVE_OK)
        return st;
    a[0].p = s;
    return NATIVE_OK;
}

/* func Sprintln(a ...any) string */
static int n_sprintln(Fiber *f, Slot *a) {
    int st;
    Str *s = fmt_sprint(f, a[0].p, true, &st);
    if (st != NATIVE_OK)
        return st;
    a[0].p = s;
    return NATIVE_OK;
}

static int cmp_i64(const void *x, const void *y) {
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

/* func errorf(format string, a []any) (msg string, wrapped []int):
 * Sprintf with %w allowed; wrapped lists the %w operands' indexes in
 * ascending order (Go sorts them when the format reorders arguments). */
static int n_errorf(Fiber *f, Slot *a) {
    StrBuf b;
    sb_init(&b);
    Printer p;
    printer_init(&p, &b, f);
    p.wrap_errs = true;
    Str *format = a[0].p;
    do_printf(&p, str_data(format), str_len(format), a[1].p);
    if (p.status != NATIVE_OK)
        return p.status;
    if (p.nwrapped > 1)   /* qsort(NULL, 0, ...) is undefined */
        qsort(p.wrapped, (size_t)p.nwrapped, sizeof *p.wrapped, cmp_i64);
    Slice *w = NULL;
    if (p.nwrapped) {
        w = slice_new(type_basic(K_INT), p.nwrapped, p.nwrapped);
        for (int i = 0; i < p.nwrapped; i++)
            w->data[i].i = p.wrapped[i];
    }
    a[0].p = sb_str(&b);
    a[1].p = w;
    return NATIVE_OK;
}

const NativeEntry fmt_natives[] = {
    {"fmt.Sprintf", n_sprintf},
    {"fmt.Sprint", n_sprint},
    {"fmt.Sprintln", n_sprintln},
    {"fmt.errorf", n_errorf},
    {"fmt.setFormatHook", n_setFormatHook},
    {NULL, NULL},
};
