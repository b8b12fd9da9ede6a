/*
 * base64.c — natives of package encoding/base64 (base64.go): the encoding
 * and decoding loops. The Encoding's alphabet arrives as its 64-byte string
 * and the decoder inverts it per call (a few hundred steps, nothing next to
 * a loop over the input in csp).
 *
 * Decoding follows Go's quantum by quantum rules exactly, since programs
 * print its errors: '\r' and '\n' anywhere are skipped; a quantum of one
 * character is corrupt at that character; padding must complete the
 * quantum ("==" after two characters, "=" after three) and be followed by
 * nothing but newlines; without padding a final quantum of 2 or 3
 * characters is accepted; a strict encoding rejects non-zero unused bits,
 * reported at the quantum's last (3 chars) or second-to-last (2) byte.
 * Errors are input offsets (Go's CorruptInputError).
 */
#include <string.h>
#include "stdlib/lib.h"

#define NO_PADDING (-1)

static uint8_t byte_at(const Slice *s, int64_t i) { return (uint8_t)s->data[i].u; }

static int oob(Fiber *f, int64_t i, int64_t len) {
    return rt_panic_runtime(f, "index out of range [%lld] with length %lld",
                            (long long)i, (long long)len);
}

/* encode(alphabet string, pad rune, dst, src []byte) */
static int n_encode(Fiber *f, Slot *a) {
    const char *abc = str_data(a[0].p);
    int64_t pad = a[1].i;
    Slice *dst = a[2].p;
    const Slice *src = a[3].p;
    int64_t n = slice_len(src), dn = slice_len(dst), di = 0;
    for (int64_t si = 0; si < n; si += 3) {
        int64_t rem = n - si < 3 ? n - si : 3;
        uint32_t v = (uint32_t)byte_at(src, si) << 16;
        if (rem > 1)
            v |= (uint32_t)byte_at(src, si + 1) << 8;
        if (rem > 2)
            v |= byte_at(src, si + 2);
        int out = rem == 3 || pad != NO_PADDING ? 4 : (int)rem + 1;
        for (int k = 0; k < out; k++) {
            if (di + k >= dn)
                return oob(f, di + k, dn);
            char c = k <= rem ? abc[(v >> (18 - 6 * k)) & 0x3F] : (char)pad;
            dst->data[di + k].u = (uint8_t)c;
        }
        di += out;
    }
    return NATIVE_OK;
}

typedef struct Dec {
    uint8_t map[256];       /* 0xFF: not in the alphabet */
    int64_t pad;
    bool strict;
    const Slice *src;
    int64_t n;              /* len(src) */
} Dec;

static bool is_nl(uint8_t c) { return c == '\n' || c == '\r'; }

/* One quantum from src[*si]: writes up to 3 bytes at dst[di..], sets *wrote
 * and returns -1, or returns the offset of corrupt input (having written
 * *wrote bytes first, as Go does). *panic is set when dst is too short. */
static int64_t quantum(Fiber *f, Dec *d, Slice *dst, int64_t di, int64_t *si,
                       int64_t *wrote, int *panicked) {
    uint8_t q[4] = {0};
    int len = 4;
    int64_t err = -1;
    *wrote = 0;
    for (int j = 0; j < 4; j++) {
        if (*si == d->n) {
            if (j == 0)
                return -1;
            if (j == 1 || d->pad != NO_PADDING)
                return *si - j;
            len = j;
            break;
        }
        uint8_t c = byte_at(d->src, (*si)++);
        if (d->map[c] != 0xFF) {
            q[j] = d->map[c];
            continue;
        }
        if (is_nl(c)) {
            j--;
            continue;
        }
        if ((int64_t)c != d->pad || j < 2)
            return *si - 1;
        if (j == 2) {   /* the second '=' must follow, newlines aside */
            while (*si < d->n && is_nl(byte_at(d->src, *si)))
                (*si)++;
            if (*si == d->n)
                return d->n;
            if ((int64_t)byte_at(d->src, *si) != d->pad)
                return *si - 1;
            (*si)++;
        }
        while (*si < d->n && is_nl(byte_at(d->src, *si)))
            (*si)++;
        if (*si < d->n)
            err = *si;   /* trailing garbage, reported after writing */
        len = j;
        break;
    }
    uint32_t v = (uint32_t)q[0] << 18 | (uint32_t)q[1] << 12 |
                 (uint32_t)q[2] << 6 | q[3];
    uint8_t out[3] = {(uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    int64_t dn = slice_len(dst) - di;
    /* Go's order: write, then check the unused bits of a short quantum. */
    for (int k = len - 2; k >= 0; k--) {
        if (k >= dn) {
            *panicked = oob(f, k, dn);
            return -1;
        }
        dst->data[di + k].u = out[k];
        if (d->strict && k == 1 && len == 3 && out[2] != 0)
            return *si - 1;
        if (d->strict && k == 0 && len == 2 && (out[1] != 0 || out[2] != 0))
            return *si - 2;
    }
    *wrote = len - 1;
    return err;
}

/* decode(alphabet string, pad rune, strict bool, dst, src []byte)
 *   (n int, bad int): bad -1, or the CorruptInputError offset. */
static int n_decode(Fiber *f, Slot *a) {
    Dec d;
    memset(d.map, 0xFF, sizeof d.map);
    const char *abc = str_data(a[0].p);
    for (int i = 0; i < str_len(a[0].p) && i < 64; i++)
        d.map[(uint8_t)abc[i]] = (uint8_t)i;
    d.pad = a[1].i;
    d.strict = a[2].i != 0;
    Slice *dst = a[3].p;
    d.src = a[4].p;
    d.n = slice_len(d.src);
    int64_t si = 0, n = 0, bad = -1;
    while (si < d.n) {
        int64_t wrote;
        int panicked = 0;
        bad = quantum(f, &d, dst, n, &si, &wrote, &panicked);
        if (panicked)
            return NATIVE_PANIC;
        n += wrote;
        if (bad >= 0)
            break;
    }
    a[0].i = n;
    a[1].i = bad;
    return NATIVE_OK;
}

const NativeEntry encoding_base64_natives[] = {
    {"base64.encode", n_encode},
    {"base64.decode", n_decode},
    {NULL, NULL},
};
