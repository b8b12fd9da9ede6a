/*
 * v2.c — natives of package math/rand/v2 (rand.go): the ChaCha8 block
 * function behind rand.ChaCha8, and the runtime source of the top-level
 * functions.
 *
 * Go's ChaCha8 generator (the C2SP chacha8rand specification) runs four
 * ChaCha8 blocks side by side, counters counter..counter+3, over the key
 * seed (4 little-endian uint64 = 8 key words), with a zero nonce. Unlike
 * plain ChaCha, only the key words (4..11) get the input added back after
 * the 8 rounds. The 4x16 output words are laid out word-major, lane-minor
 * (word w of lane l at 4w+l), and read as 32 little-endian uint64s.
 *
 * Natives of a package whose import path ends in a version element are
 * spelled with that element (lib.c strips the path up to its last '/'):
 * "v2.chachaBlock".
 */
#include "stdlib/lib.h"

static uint32_t rol(uint32_t x, int n) { return x << n | x >> (32 - n); }

#define QR(a, b, c, d)                                          \
    do {                                                        \
        a += b; d ^= a; d = rol(d, 16);                         \
        c += d; b ^= c; b = rol(b, 12);                         \
        a += b; d ^= a; d = rol(d, 8);                          \
        c += d; b ^= c; b = rol(b, 7);                          \
    } while (0)

/* chachaBlock(seed *[4]uint64, buf *[32]uint64, counter uint32) */
static int n_chachaBlock(Fiber *f, Slot *a) {
    (void)f;
    const Slot *seed = a[0].p;
    Slot *buf = a[1].p;
    uint32_t counter = (uint32_t)a[2].u;
    uint32_t key[8];
    for (int i = 0; i < 4; i++) {
        key[2 * i] = (uint32_t)seed[i].u;
        key[2 * i + 1] = (uint32_t)(seed[i].u >> 32);
    }
    uint32_t out[16][4];
    for (int lane = 0; lane < 4; lane++) {
        uint32_t x[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
        for (int i = 0; i < 8; i++)
            x[4 + i] = key[i];
        x[12] = counter + (uint32_t)lane;   /* words 13..15 stay zero */
        for (int round = 0; round < 4; round++) {   /* 4 double rounds */
            QR(x[0], x[4], x[8], x[12]);
            QR(x[1], x[5], x[9], x[13]);
            QR(x[2], x[6], x[10], x[14]);
            QR(x[3], x[7], x[11], x[15]);
            QR(x[0], x[5], x[10], x[15]);
            QR(x[1], x[6], x[11], x[12]);
            QR(x[2], x[7], x[8], x[13]);
            QR(x[3], x[4], x[9], x[14]);
        }
        for (int i = 0; i < 8; i++)
            x[4 + i] += key[i];
        for (int w = 0; w < 16; w++)
            out[w][lane] = x[w];
    }
    const uint32_t *flat = &out[0][0];
    for (int k = 0; k < 32; k++)
        buf[k].u = (uint64_t)flat[2 * k] | (uint64_t)flat[2 * k + 1] << 32;
    return NATIVE_OK;
}

/* runtimeRand() uint64: the top-level functions' source. */
static int n_runtimeRand(Fiber *f, Slot *a) {
    (void)f;
    a[0].u = rt_rand64();
    return NATIVE_OK;
}

const NativeEntry math_rand_v2_natives[] = {
    {"v2.chachaBlock", n_chachaBlock},
    {"v2.runtimeRand", n_runtimeRand},
    {NULL, NULL},
};
