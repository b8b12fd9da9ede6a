/*
 * sha1.c — the SHA-1 compression function (FIPS 180-4, §6.1.2) for package
 * crypto/sha1 (sha1.go does the buffering and padding).
 *
 * block(h *[5]uint32, p []byte) runs over every whole 64-byte block of p;
 * h arrives as the array's 5 Slots, p holds one Slot per byte.
 */
#include "stdlib/lib.h"

static uint32_t rol(uint32_t x, int n) { return x << n | x >> (32 - n); }

static void compress(uint32_t h[5], const Slot *p) {
    uint32_t w[80];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)(uint8_t)p[4 * t].u << 24 |
               (uint32_t)(uint8_t)p[4 * t + 1].u << 16 |
               (uint32_t)(uint8_t)p[4 * t + 2].u << 8 | (uint8_t)p[4 * t + 3].u;
    for (int t = 16; t < 80; t++)
        w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        uint32_t fn, k;
        if (t < 20) {
            fn = (b & c) | (~b & d);            /* Ch */
            k = 0x5a827999;
        } else if (t < 40) {
            fn = b ^ c ^ d;                     /* Parity */
            k = 0x6ed9eba1;
        } else if (t < 60) {
            fn = (b & c) | (b & d) | (c & d);   /* Maj */
            k = 0x8f1bbcdc;
        } else {
            fn = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t tmp = rol(a, 5) + fn + e + k + w[t];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = tmp;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

/* block(h *[5]uint32, p []byte) */
static int n_block(Fiber *f, Slot *a) {
    (void)f;
    Slot *hs = a[0].p;
    const Slice *p = a[1].p;
    uint32_t h[5];
    for (int i = 0; i < 5; i++)
        h[i] = (uint32_t)hs[i].u;
    for (int64_t off = 0; off + 64 <= slice_len(p); off += 64)
        compress(h, p->data + off);
    for (int i = 0; i < 5; i++)
        hs[i].u = h[i];
    return NATIVE_OK;
}

const NativeEntry crypto_sha1_natives[] = {
    {"sha1.block", n_block},
    {NULL, NULL},
};
