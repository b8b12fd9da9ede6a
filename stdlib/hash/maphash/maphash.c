/*
 * maphash.c — the seeded hash of package hash/maphash (maphash.go): a
 * chunk of at most 128 bytes and a 64-bit state in, the next state out.
 * The function is csp's own (Go's output is random per seed, so only the
 * properties matter): each 8-byte little-endian word is folded in with a
 * 64x64->128 multiply whose halves are xored, the length is mixed into the
 * start so that chunks of zeros of different lengths differ, and a last
 * fold spreads every input bit over the result. Seeds come from the
 * runtime's generator (rt_rand64).
 */
#include <string.h>
#include "stdlib/lib.h"

static uint64_t fold(uint64_t a, uint64_t b) {
    unsigned __int128 p = (unsigned __int128)a * b;
    return (uint64_t)p ^ (uint64_t)(p >> 64);
}

static uint64_t word_of(const uint8_t *b, int n) {
    uint64_t w = 0;
    for (int i = 0; i < n; i++)
        w |= (uint64_t)b[i] << (8 * i);
    return w;
}

/* No bytes leave the state as it is (as Go's): a write that ends exactly
 * on a chunk boundary hashes that chunk and finishes with an empty one,
 * which must equal hashing the chunk last. */
static uint64_t hash_bytes(const uint8_t *b, int64_t n, uint64_t seed) {
    if (n == 0)
        return seed;
    uint64_t h = seed ^ fold((uint64_t)n ^ 0x9e3779b97f4a7c15ull, 0xa0761d6478bd642full);
    for (int64_t i = 0; i < n; i += 8) {
        int k = n - i < 8 ? (int)(n - i) : 8;
        h = fold(h ^ word_of(b + i, k), 0xe7037ed1a0b428dbull) + 0x8ebc6af09c88c6e3ull;
    }
    return fold(h ^ seed, 0x589965cc75374cc3ull) ^ h;
}

/* rthash(b []byte, seed uint64) uint64: b has at most 128 bytes. */
static int n_rthash(Fiber *f, Slot *a) {
    (void)f;
    const Slice *s = a[0].p;
    uint8_t buf[128];
    int64_t n = slice_len(s) < 128 ? slice_len(s) : 128;
    for (int64_t i = 0; i < n; i++)
        buf[i] = (uint8_t)s->data[i].u;
    a[0].u = hash_bytes(buf, n, a[1].u);
    return NATIVE_OK;
}

/* rthashString(s string, seed uint64) uint64 */
static int n_rthashString(Fiber *f, Slot *a) {
    (void)f;
    a[0].u = hash_bytes((const uint8_t *)str_data(a[0].p), str_len(a[0].p), a[1].u);
    return NATIVE_OK;
}

/* randUint64() uint64 */
static int n_randUint64(Fiber *f, Slot *a) {
    (void)f;
    a[0].u = rt_rand64();
    return NATIVE_OK;
}

const NativeEntry hash_maphash_natives[] = {
    {"maphash.rthash", n_rthash},
    {"maphash.rthashString", n_rthashString},
    {"maphash.randUint64", n_randUint64},
    {NULL, NULL},
};
