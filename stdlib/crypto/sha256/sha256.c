/*
 * sha256.c — the SHA-256 compression function (FIPS 180-4, §6.2.2) for
 * package crypto/sha256 (sha256.go does the buffering and padding, as the
 * other digests do). SHA-224 is the same function from another initial
 * value (sha256.go).
 *
 * block(h *[8]uint32, p []byte) runs over every whole 64-byte block of p.
 * h arrives as the 8 Slots of the array (uint32 values, value.h); p holds
 * one Slot per byte.
 */
#include "stdlib/lib.h"

/* K[i]: the first 32 bits of the fractional part of the cube root of the
 * i-th prime (FIPS 180-4, §4.2.2). */
static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5,
    0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
    0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n) { return x >> n | x << (32 - n); }

static void compress(uint32_t h[8], const Slot *p) {
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)(uint8_t)p[4 * t].u << 24 |
               (uint32_t)(uint8_t)p[4 * t + 1].u << 16 |
               (uint32_t)(uint8_t)p[4 * t + 2].u << 8 | (uint8_t)p[4 * t + 3].u;
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    uint32_t e = h[4], f = h[5], g = h[6], k = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
                      ((e & f) ^ (~e & g)) + K[t] + w[t];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
                      ((a & b) ^ (a & c) ^ (b & c));
        k = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

/* block(h *[8]uint32, p []byte) */
static int n_block(Fiber *f, Slot *a) {
    (void)f;
    Slot *hs = a[0].p;
    const Slice *p = a[1].p;
    uint32_t h[8];
    for (int i = 0; i < 8; i++)
        h[i] = (uint32_t)hs[i].u;
    for (int64_t off = 0; off + 64 <= slice_len(p); off += 64)
        compress(h, p->data + off);
    for (int i = 0; i < 8; i++)
        hs[i].u = h[i];
    return NATIVE_OK;
}

const NativeEntry crypto_sha256_natives[] = {
    {"sha256.block", n_block},
    {NULL, NULL},
};
