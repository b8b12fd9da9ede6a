/*
 * utf8.c — natives of package unicode/utf8 (stub: stdlib/unicode_utf8.go).
 *
 * Decoding follows Go exactly (via utf8_decode in runtime/str.c): an invalid
 * or truncated sequence, an overlong form or a surrogate decodes as
 * (U+FFFD, 1); empty input as (U+FFFD, 0). []byte arguments hold one Slot
 * per byte (value.h), so byte slices are read through small copies.
 */
#include "stdlib/lib.h"

#define RUNE_ERROR 0xFFFD

static bool valid_rune(int64_t r) {
    return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= 0x10FFFF);
}

/* Copies up to 4 bytes of a []byte's slots starting at i into buf. */
static int64_t peek(const Slice *p, int64_t i, char buf[4]) {
    int64_t n = slice_len(p) - i;
    if (n > 4)
        n = 4;
    for (int64_t k = 0; k < n; k++)
        buf[k] = (char)p->data[i + k].u;
    return n;
}

static int32_t decode_at(const Slice *p, int64_t i, int *size) {
    char buf[4];
    int64_t n = peek(p, i, buf);
    if (n == 0) {
        *size = 0;
        return RUNE_ERROR;
    }
    return utf8_decode(buf, n, size);
}

/* Go's DecodeLastRune over a byte accessor. */
static int32_t decode_last(const char *s, const Slice *p, int64_t n,
                           int *size) {
    if (n == 0) {
        *size = 0;
        return RUNE_ERROR;
    }
#define BYTE(i) (s ? (unsigned char)s[i] : (unsigned char)p->data[i].u)
    int64_t start = n - 1;
    if (BYTE(start) < 0x80) {
        *size = 1;
        return BYTE(start);
    }
    int64_t lim = n - 4 < 0 ? 0 : n - 4;
    for (start--; start >= lim; start--)
        if ((BYTE(start) & 0xC0) != 0x80)
            break;
    if (start < 0)
        start = 0;
    char buf[4];
    int64_t k = 0;
    for (int64_t i = start; i < n && k < 4; i++)
        buf[k++] = (char)BYTE(i);
#undef BYTE
    int32_t r = utf8_decode(buf, k, size);
    if (start + *size != n) {
        *size = 1;
        return RUNE_ERROR;
    }
    return r;
}

static int n_RuneLen(Fiber *f, Slot *a) {
    int64_t r = a[0].i;
    a[0].i = r < 0 ? -1 : r < 0x80 ? 1 : r < 0x800 ? 2
           : (r >= 0xD800 && r <= 0xDFFF) ? -1 : r < 0x10000 ? 3
           : r <= 0x10FFFF ? 4 : -1;
    return NATIVE_OK;
}

static int n_RuneCountInString(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    int64_t n = str_len(s), c = 0;
    for (int64_t i = 0; i < n; c++) {
        int size;
        utf8_decode(s->data + i, n - i, &size);
        i += size;
    }
    a[0].i = c;
    return NATIVE_OK;
}

static int n_RuneCount(Fiber *f, Slot *a) {
    Slice *p = a[0].p;
    int64_t n = slice_len(p), c = 0;
    for (int64_t i = 0; i < n; c++) {
        int size;
        decode_at(p, i, &size);
        i += size;
    }
    a[0].i = c;
    return NATIVE_OK;
}

static int n_DecodeRuneInString(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    int size = 0;
    int32_t r = RUNE_ERROR;
    if (str_len(s) > 0)
        r = utf8_decode(s->data, s->len, &size);
    a[0].i = r;
    a[1].i = size;
    return NATIVE_OK;
}

static int n_DecodeRune(Fiber *f, Slot *a) {
    int size;
    int32_t r = decode_at(a[0].p, 0, &size);
    a[0].i = r;
    a[1].i = size;
    return NATIVE_OK;
}

static int n_DecodeLastRuneInString(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    int size;
    int32_t r = decode_last(str_data(s), NULL, str_len(s), &size);
    a[0].i = r;
    a[1].i = size;
    return NATIVE_OK;
}

static int n_DecodeLastRune(Fiber *f, Slot *a) {
    Slice *p = a[0].p;
    int size;
    int32_t r = decode_last(NULL, p, slice_len(p), &size);
    a[0].i = r;
    a[1].i = size;
    return NATIVE_OK;
}

static int encode(int64_t r, char buf[4]) {
    return utf8_encode(buf, valid_rune(r) ? (int32_t)r : RUNE_ERROR);
}

static int n_EncodeRune(Fiber *f, Slot *a) {
    Slice *p = a[0].p;
    char buf[4];
    int n = encode(a[1].i, buf);
    if (slice_len(p) < n)
        return rt_panic_runtime(f, "index out of range [%d] with length %lld",
                                n - 1, (long long)slice_len(p));
    for (int i = 0; i < n; i++)
        p->data[i].u = (unsigned char)buf[i];
    a[0].i = n;
    return NATIVE_OK;
}

static int n_AppendRune(Fiber *f, Slot *a) {
    char buf[4];
    int n = encode(a[1].i, buf);
    Slot v[4];
    for (int i = 0; i < n; i++)
        v[i].u = (unsigned char)buf[i];
    a[0].p = slice_append(type_basic(K_UINT8), a[0].p, v, n);
    return NATIVE_OK;
}

static bool valid_bytes(const char *s, int64_t n) {
    for (int64_t i = 0; i < n;) {
        int size;
        if (utf8_decode(s + i, n - i, &size) == RUNE_ERROR && size == 1)
            return false;
        i += size;
    }
    return true;
}

static int n_ValidString(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    a[0].i = valid_bytes(str_data(s), str_len(s));
    return NATIVE_OK;
}

static int n_Valid(Fiber *f, Slot *a) {
    Slice *p = a[0].p;
    int64_t n = slice_len(p);
    bool ok = true;
    for (int64_t i = 0; i < n && ok;) {
        int size;
        ok = !(decode_at(p, i, &size) == RUNE_ERROR && size == 1);
        i += size;
    }
    a[0].i = ok;
    return NATIVE_OK;
}

/* FullRune: do the bytes begin with a complete (or definitely invalid)
 * encoding? Only a valid-so-far prefix that is too short is not full. */
static bool full_rune(const char *s, int64_t n) {
    if (n == 0)
        return false;
    unsigned char c = (unsigned char)s[0];
    int need = c < 0x80 ? 1 : c < 0xC2 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3
             : c < 0xF5 ? 4 : 1;
    if (n >= need)
        return true;
    /* A short sequence whose continuation bytes are already wrong is full
     * (it decodes as an error of width 1). */
    int size;
    char buf[4] = {0};
    for (int64_t i = 0; i < n; i++)
        buf[i] = s[i];
    buf[n] = (char)0x80;   /* pad with a continuation byte */
    for (int64_t i = n + 1; i < need; i++)
        buf[i] = (char)0x80;
    utf8_decode(buf, need, &size);
    return size == 1;
}

static int n_FullRuneInString(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    a[0].i = full_rune(str_data(s), str_len(s));
    return NATIVE_OK;
}

static int n_FullRune(Fiber *f, Slot *a) {
    char buf[4];
    int64_t n = peek(a[0].p, 0, buf);
    a[0].i = full_rune(buf, n);
    return NATIVE_OK;
}

const NativeEntry unicode_utf8_natives[] = {
    {"utf8.RuneLen", n_RuneLen},
    {"utf8.RuneCount", n_RuneCount},
    {"utf8.RuneCountInString", n_RuneCountInString},
    {"utf8.DecodeRune", n_DecodeRune},
    {"utf8.DecodeRuneInString", n_DecodeRuneInString},
    {"utf8.DecodeLastRune", n_DecodeLastRune},
    {"utf8.DecodeLastRuneInString", n_DecodeLastRuneInString},
    {"utf8.EncodeRune", n_EncodeRune},
    {"utf8.AppendRune", n_AppendRune},
    {"utf8.Valid", n_Valid},
    {"utf8.ValidString", n_ValidString},
    {"utf8.FullRune", n_FullRune},
    {"utf8.FullRuneInString", n_FullRuneInString},
    {NULL, NULL},
};
