/*
 * adler32.c — the Adler-32 loop of package hash/adler32 (adler32.go,
 * RFC 1950): s1 sums the bytes, s2 the successive s1, both mod 65521.
 * The sums are reduced every NMAX bytes, the most that cannot overflow
 * 32 bits (the largest n with 255n(n+1)/2 + (n+1)(MOD-1) < 2^32).
 */
#include "stdlib/lib.h"

enum { MOD = 65521, NMAX = 5552 };

/* update(d uint32, p []byte) uint32 */
static int n_update(Fiber *f, Slot *a) {
    (void)f;
    uint32_t s1 = (uint32_t)a[0].u & 0xffff, s2 = (uint32_t)a[0].u >> 16;
    const Slice *p = a[1].p;
    int64_t n = slice_len(p);
    for (int64_t i = 0; i < n;) {
        int64_t end = n - i > NMAX ? i + NMAX : n;
        for (; i < end; i++) {
            s1 += (uint8_t)p->data[i].u;
            s2 += s1;
        }
        s1 %= MOD;
        s2 %= MOD;
    }
    a[0].u = s2 << 16 | s1;
    return NATIVE_OK;
}

const NativeEntry hash_adler32_natives[] = {
    {"adler32.update", n_update},
    {NULL, NULL},
};
