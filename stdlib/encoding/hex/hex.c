/*
 * hex.c — natives of package encoding/hex (stdlib/encoding/hex/hex.go):
 * the byte loops of Encode and Decode, which cost a few instructions per
 * byte in csp. A []byte holds one Slot per byte (value.h). Writing past
 * dst's length panics as Go's indexing does.
 */
#include "stdlib/lib.h"

static const char digits[] = "0123456789abcdef";

static int unhex(uint64_t c) {
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static int oob(Fiber *f, int64_t i, const Slice *s) {
    return rt_panic_runtime(f, "index out of range [%lld] with length %lld",
                            (long long)i, (long long)slice_len(s));
}

/* Encode(dst, src []byte) int */
static int n_Encode(Fiber *f, Slot *a) {
    Slice *dst = a[0].p;
    const Slice *src = a[1].p;
    int64_t n = slice_len(src), dn = slice_len(dst);
    for (int64_t i = 0; i < n; i++) {
        uint8_t v = (uint8_t)src->data[i].u;
        if (2 * i + 1 >= dn)
            return oob(f, 2 * i + (2 * i < dn), dst);
        dst->data[2 * i].u = (uint8_t)digits[v >> 4];
        dst->data[2 * i + 1].u = (uint8_t)digits[v & 15];
    }
    a[0].i = 2 * n;
    return NATIVE_OK;
}

/* decode(dst, src []byte) (n int, bad int): bad is -1 when all of src
 * decoded, -2 for a trailing odd byte that is a hex digit, else the
 * invalid byte met first (Go reports an invalid odd last byte as invalid,
 * not as an odd length). */
static int n_decode(Fiber *f, Slot *a) {
    Slice *dst = a[0].p;
    const Slice *src = a[1].p;
    int64_t n = slice_len(src), dn = slice_len(dst), i = 0, j = 1;
    int64_t bad = -1;
    for (; j < n; j += 2) {
        uint64_t p = src->data[j - 1].u, q = src->data[j].u;
        int x = unhex(p), y = unhex(q);
        if (x < 0 || y < 0) {
            bad = (int64_t)(x < 0 ? p : q);
            goto done;
        }
        if (i >= dn)
            return oob(f, i, dst);
        dst->data[i++].u = (uint64_t)(x << 4 | y);
    }
    if (n % 2 == 1)
        bad = unhex(src->data[j - 1].u) < 0 ? (int64_t)src->data[j - 1].u : -2;
done:
    a[0].i = i;
    a[1].i = bad;
    return NATIVE_OK;
}

const NativeEntry encoding_hex_natives[] = {
    {"hex.Encode", n_Encode},
    {"hex.decode", n_decode},
    {NULL, NULL},
};
