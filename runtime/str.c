/*
 * str.c — Go strings: immutable byte sequences (Str, see value.h), UTF-8
 * encoding and decoding with Go's exact rules, the string <-> []byte/[]rune
 * conversions, and StrBuf, the growable buffer natives build text in.
 *
 * INVARIANTS
 *   - The empty string is NULL; every function here returns NULL for "" and
 *     accepts NULL wherever a Str is read.
 *   - A Str is immutable once returned. A fresh string is one atomic (no
 *     pointers) allocation holding the header and the bytes, so the header's
 *     data pointer keeps its own block alive; a substring is a separate,
 *     pointer-scanned header pointing into the parent's bytes.
 *   - Bytes are NUL-terminated when this file allocates them (convenient for
 *     C callers), but substrings are not: use str_cstr for a C string.
 *
 * UTF-8 follows Go's unicode/utf8: invalid or truncated sequences and
 * surrogates decode as U+FFFD with size 1; encoding an invalid rune
 * (negative, surrogate, > U+10FFFF) writes U+FFFD.
 *
 * []byte slices hold one Slot per byte (value.h); the conversions here read
 * and write the .i field (0..255) of each slot.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rt.h"

enum { RUNE_ERROR = 0xFFFD, MAX_RUNE = 0x10FFFF };

/* ---- strings ---------------------------------------------------------------- */

Str *str_new(const char *data, int64_t len) {
    if (len <= 0)
        return NULL;
    /* Header and bytes in one block holding no foreign pointers. */
    Str *s = gc_alloc_atomic(sizeof(Str) + (size_t)len + 1);
    char *bytes = (char *)(s + 1);
    memcpy(bytes, data, (size_t)len);
    bytes[len] = '\0';
    s->len = len;
    s->data = bytes;
    return s;
}

Str *str_from_cstr(const char *s) { return str_new(s, (int64_t)strlen(s)); }

/* A string of len uninitialised bytes for the caller to fill before
 * publishing it. */
static Str *str_alloc(int64_t len, char **bytes) {
    Str *s = gc_alloc_atomic(sizeof(Str) + (size_t)len + 1);
    *bytes = (char *)(s + 1);
    (*bytes)[len] = '\0';
    s->len = len;
    s->data = *bytes;
    return s;
}

Str *str_concat(const Str *a, const Str *b) {
    int64_t la = str_len(a), lb = str_len(b);
    if (lb == 0)
        return (Str *)a;
    if (la == 0)
        return (Str *)b;
    char *p;
    Str *s = str_alloc(la + lb, &p);
    memcpy(p, a->data, (size_t)la);
    memcpy(p + la, b->data, (size_t)lb);
    return s;
}

Str *str_substr(Str *s, int64_t lo, int64_t hi) {
    if (hi <= lo)
        return NULL;
    if (lo == 0 && hi == s->len)
        return s;
    /* Pointer-scanned header: data keeps the parent's block alive. */
    Str *sub = gc_alloc(sizeof(Str));
    sub->len = hi - lo;
    sub->data = s->data + lo;
    return sub;
}

bool str_equal(const Str *a, const Str *b) {
    int64_t n = str_len(a);
    if (n != str_len(b))
        return false;
    return a == b || n == 0 || memcmp(a->data, b->data, (size_t)n) == 0;
}

int str_compare(const Str *a, const Str *b) {
    int64_t la = str_len(a), lb = str_len(b);
    int64_t n = la < lb ? la : lb;
    int c = n ? memcmp(a->data, b->data, (size_t)n) : 0;
    if (c != 0)
        return c;
    return la < lb ? -1 : la > lb;
}

char *str_cstr(const Str *s) {
    return gc_strndup(str_data(s), (size_t)str_len(s));
}

/* ---- UTF-8 -------------------------------------------------------------------- */

static bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Valid range of the second byte for lead byte c (Go's acceptRanges): it
 * excludes overlong encodings, surrogates and runes above U+10FFFF. */
static void second_range(unsigned char c, unsigned char *lo, unsigned char *hi) {
    *lo = 0x80;
    *hi = 0xBF;
    if (c == 0xE0)
        *lo = 0xA0;
    else if (c == 0xED)
        *hi = 0x9F;
    else if (c == 0xF0)
        *lo = 0x90;
    else if (c == 0xF4)
        *hi = 0x8F;
}

int32_t utf8_decode(const char *p, int64_t n, int *size) {
    const unsigned char *s = (const unsigned char *)p;
    *size = 1;
    if (n <= 0)
        return RUNE_ERROR;
    unsigned char c = s[0];
    if (c < 0x80)
        return c;
    int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
            : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || n < len)
        return RUNE_ERROR;
    unsigned char lo, hi;
    second_range(c, &lo, &hi);
    if (s[1] < lo || s[1] > hi)
        return RUNE_ERROR;
    for (int i = 2; i < len; i++)
        if (!is_cont(s[i]))
            return RUNE_ERROR;
    int32_t r = c & (0x7F >> len);
    for (int i = 1; i < len; i++)
        r = (r << 6) | (s[i] & 0x3F);
    *size = len;
    return r;
}

int utf8_encode(char buf[4], int32_t r) {
    uint32_t u = (uint32_t)r;
    if (u < 0x80) {
        buf[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        buf[0] = (char)(0xC0 | (u >> 6));
        buf[1] = (char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u > MAX_RUNE || (u >= 0xD800 && u <= 0xDFFF))
        u = RUNE_ERROR;
    if (u < 0x10000) {
        buf[0] = (char)(0xE0 | (u >> 12));
        buf[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (u & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (u >> 18));
    buf[1] = (char)(0x80 | ((u >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((u >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (u & 0x3F));
    return 4;
}

Str *str_from_rune(int32_t r) {
    char buf[4];
    int n = utf8_encode(buf, r);
    return str_new(buf, n);
}

/* ---- conversions ---------------------------------------------------------------- */

Str *str_from_bytes(const Slice *b) {
    int64_t n = slice_len(b);
    if (n == 0)
        return NULL;
    char *p;
    Str *s = str_alloc(n, &p);
    for (int64_t i = 0; i < n; i++)
        p[i] = (char)b->data[i].i;
    return s;
}

Slice *str_to_bytes(const Str *s) {
    int64_t n = str_len(s);
    /* Go rounds the new array up to a malloc size class; cap shows it. */
    Slice *b = slice_new(type_basic(K_UINT8), n, slice_grow_cap(0, n, 1));
    for (int64_t i = 0; i < n; i++)
        b->data[i].i = (unsigned char)s->data[i];
    return b;
}

Str *str_from_runes(const Slice *r) {
    int64_t n = slice_len(r), total = 0;
    char buf[4];
    for (int64_t i = 0; i < n; i++)
        total += utf8_encode(buf, (int32_t)r->data[i].i);
    if (total == 0)
        return NULL;
    char *p;
    Str *s = str_alloc(total, &p);
    for (int64_t i = 0; i < n; i++)
        p += utf8_encode(p, (int32_t)r->data[i].i);
    return s;
}

Slice *str_to_runes(const Str *s) {
    int64_t n = str_len(s), count = 0;
    int size;
    for (int64_t i = 0; i < n; i += size, count++)
        utf8_decode(s->data + i, n - i, &size);
    Slice *r = slice_new(type_basic(K_INT32), count,
                         count ? slice_grow_cap(0, count, 4) : 0);
    int64_t k = 0;
    for (int64_t i = 0; i < n; i += size)
        r->data[k++].i = utf8_decode(s->data + i, n - i, &size);
    return r;
}

/* ---- StrBuf ----------------------------------------------------------------------- */

void sb_init(StrBuf *b) {
    b->data = NULL;
    b->len = b->cap = 0;
}

static void sb_reserve(StrBuf *b, int64_t extra) {
    if (b->len + extra <= b->cap)
        return;
    int64_t ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->len + extra)
        ncap *= 2;
    char *nd = gc_alloc_atomic((size_t)ncap);
    if (b->len)
        memcpy(nd, b->data, (size_t)b->len);
    b->data = nd;
    b->cap = ncap;
}

void sb_putc(StrBuf *b, char c) {
    sb_reserve(b, 1);
    b->data[b->len++] = c;
}

void sb_write(StrBuf *b, const char *p, int64_t n) {
    if (n <= 0)
        return;
    sb_reserve(b, n);
    memcpy(b->data + b->len, p, (size_t)n);
    b->len += n;
}

void sb_puts(StrBuf *b, const char *s) { sb_write(b, s, (int64_t)strlen(s)); }

void sb_printf(StrBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        sb_write(b, small, n);
        return;
    }
    sb_reserve(b, n + 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += n;
}

Str *sb_str(StrBuf *b) { return str_new(b->data, b->len); }
