/*
 * bytes.c — natives of package bytes (stdlib/bytes/bytes.go): the searches
 * and comparisons every other function and bufio's line scanning build on,
 * done in C because a loop over a []byte in csp costs an instruction per
 * byte. A []byte holds one Slot per byte (runtime/value.h), read through
 * its low 8 bits; a nil slice arrives as NULL (slice_len 0).
 */
#include "stdlib/lib.h"

static uint8_t at(const Slice *s, int64_t i) { return (uint8_t)s->data[i].u; }

static bool match_at(const Slice *s, int64_t i, const Slice *sep, int64_t n) {
    for (int64_t k = 0; k < n; k++)
        if (at(s, i + k) != at(sep, k))
            return false;
    return true;
}

static int64_t index_of(const Slice *s, const Slice *sep) {
    int64_t n = slice_len(s), m = slice_len(sep);
    if (m == 0)
        return 0;
    uint8_t first = at(sep, 0);
    for (int64_t i = 0; i + m <= n; i++)
        if (at(s, i) == first && match_at(s, i, sep, m))
            return i;
    return -1;
}

/* IndexByte(b []byte, c byte) int */
static int n_IndexByte(Fiber *f, Slot *a) {
    (void)f;
    const Slice *s = a[0].p;
    uint8_t c = (uint8_t)a[1].u;
    int64_t n = slice_len(s), r = -1;
    for (int64_t i = 0; i < n; i++)
        if (at(s, i) == c) {
            r = i;
            break;
        }
    a[0].i = r;
    return NATIVE_OK;
}

/* LastIndexByte(s []byte, c byte) int */
static int n_LastIndexByte(Fiber *f, Slot *a) {
    (void)f;
    const Slice *s = a[0].p;
    uint8_t c = (uint8_t)a[1].u;
    int64_t r = -1;
    for (int64_t i = slice_len(s) - 1; i >= 0; i--)
        if (at(s, i) == c) {
            r = i;
            break;
        }
    a[0].i = r;
    return NATIVE_OK;
}

/* Index(s, sep []byte) int */
static int n_Index(Fiber *f, Slot *a) {
    (void)f;
    a[0].i = index_of(a[0].p, a[1].p);
    return NATIVE_OK;
}

/* LastIndex(s, sep []byte) int */
static int n_LastIndex(Fiber *f, Slot *a) {
    (void)f;
    const Slice *s = a[0].p, *sep = a[1].p;
    int64_t n = slice_len(s), m = slice_len(sep), r = -1;
    for (int64_t i = n - m; i >= 0; i--)
        if (match_at(s, i, sep, m)) {
            r = i;
            break;
        }
    a[0].i = r;
    return NATIVE_OK;
}

/* countBytes(s, sep []byte) int: non-overlapping occurrences of a
 * non-empty sep (the empty case is counted in Go). */
static int n_countBytes(Fiber *f, Slot *a) {
    (void)f;
    const Slice *s = a[0].p, *sep = a[1].p;
    int64_t n = slice_len(s), m = slice_len(sep), c = 0;
    for (int64_t i = 0; i + m <= n;) {
        if (match_at(s, i, sep, m)) {
            c++;
            i += m;
        } else {
            i++;
        }
    }
    a[0].i = c;
    return NATIVE_OK;
}

/* Equal(a, b []byte) bool */
static int n_Equal(Fiber *f, Slot *a) {
    (void)f;
    const Slice *x = a[0].p, *y = a[1].p;
    int64_t n = slice_len(x);
    a[0].i = n == slice_len(y) && (n == 0 || match_at(x, 0, y, n));
    return NATIVE_OK;
}

/* Compare(a, b []byte) int */
static int n_Compare(Fiber *f, Slot *a) {
    (void)f;
    const Slice *x = a[0].p, *y = a[1].p;
    int64_t n = slice_len(x), m = slice_len(y), r = 0;
    for (int64_t i = 0; i < n && i < m; i++)
        if (at(x, i) != at(y, i)) {
            r = at(x, i) < at(y, i) ? -1 : 1;
            goto done;
        }
    r = n < m ? -1 : n > m ? 1 : 0;
done:
    a[0].i = r;
    return NATIVE_OK;
}

const NativeEntry bytes_natives[] = {
    {"bytes.IndexByte", n_IndexByte},
    {"bytes.LastIndexByte", n_LastIndexByte},
    {"bytes.Index", n_Index},
    {"bytes.LastIndex", n_LastIndex},
    {"bytes.countBytes", n_countBytes},
    {"bytes.Equal", n_Equal},
    {"bytes.Compare", n_Compare},
    {NULL, NULL},
};
