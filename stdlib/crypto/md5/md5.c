/*
 * md5.c — the MD5 compression function (RFC 1321, §3.4) for package
 * crypto/md5 (md5.go does the buffering and padding). MD5 reads its words
 * little-endian, unlike SHA.
 *
 * block(s *[4]uint32, p []byte) runs over every whole 64-byte block of p;
 * s arrives as the array's 4 Slots, p holds one Slot per byte.
 */
#include "stdlib/lib.h"

/* T[i] = floor(2^32 * |sin(i + 1)|) (RFC 1321, §3.4). */
static const uint32_t T[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
    0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
    0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
    0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
    0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
    0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
    0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
    0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
    0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* The left rotations of each round's four steps. */
static const int S[4][4] = {
    {7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

static uint32_t rol(uint32_t x, int n) { return x << n | x >> (32 - n); }

static void compress(uint32_t s[4], const Slot *p) {
    uint32_t x[16];
    for (int i = 0; i < 16; i++)
        x[i] = (uint8_t)p[4 * i].u | (uint32_t)(uint8_t)p[4 * i + 1].u << 8 |
               (uint32_t)(uint8_t)p[4 * i + 2].u << 16 |
               (uint32_t)(uint8_t)p[4 * i + 3].u << 24;
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3];
    for (int i = 0; i < 64; i++) {
        uint32_t fn;
        int k;   /* which word of the block step i reads */
        switch (i / 16) {
        case 0: fn = (b & c) | (~b & d); k = i; break;
        case 1: fn = (b & d) | (c & ~d); k = (5 * i + 1) % 16; break;
        case 2: fn = b ^ c ^ d; k = (3 * i + 5) % 16; break;
        default: fn = c ^ (b | ~d); k = (7 * i) % 16; break;
        }
        uint32_t tmp = d;
        d = c;
        c = b;
        b = b + rol(a + fn + x[k] + T[i], S[i / 16][i % 4]);
        a = tmp;
    }
    s[0] += a; s[1] += b; s[2] += c; s[3] += d;
}

/* block(s *[4]uint32, p []byte) */
static int n_block(Fiber *f, Slot *a) {
    (void)f;
    Slot *hs = a[0].p;
    const Slice *p = a[1].p;
    uint32_t s[4];
    for (int i = 0; i < 4; i++)
        s[i] = (uint32_t)hs[i].u;
    for (int64_t off = 0; off + 64 <= slice_len(p); off += 64)
        compress(s, p->data + off);
    for (int i = 0; i < 4; i++)
        hs[i].u = s[i];
    return NATIVE_OK;
}

const NativeEntry crypto_md5_natives[] = {
    {"md5.block", n_block},
    {NULL, NULL},
};
