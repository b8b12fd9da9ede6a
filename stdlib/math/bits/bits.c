/*
 * bits.c — natives of package math/bits (stdlib/math/bits/bits.go): every
 * function is one or two compiler builtins (clz, ctz, popcount, bswap) or
 * 128-bit arithmetic, which a loop in csp would spend dozens of
 * instructions on. Arguments arrive normalised (a uint8 register holds
 * 0..255, value.h), so the narrow variants only mask their results.
 *
 * Div* panic exactly as Go's: y == 0 is "integer divide by zero", a quotient
 * that does not fit (y <= hi) "integer overflow", both runtime.Errors.
 */
#include "stdlib/lib.h"

#define U(i) (a[i].u)

static int lz(uint64_t x, int width) {
    return x == 0 ? width : __builtin_clzll(x) - (64 - width);
}
static int tz(uint64_t x, int width) {
    return x == 0 ? width : __builtin_ctzll(x);
}
static uint64_t rotl(uint64_t x, int64_t k, int width) {
    uint64_t mask = width == 64 ? ~0ull : (1ull << width) - 1;
    unsigned s = (unsigned)(k & (width - 1));   /* Go: k mod width, k < 0 rotates right */
    if (s == 0)
        return x;
    return ((x << s) | (x >> (width - s))) & mask;
}
static uint64_t rev64(uint64_t x) {
    x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
    x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
    x = ((x >> 4) & 0x0f0f0f0f0f0f0f0full) | ((x & 0x0f0f0f0f0f0f0f0full) << 4);
    return __builtin_bswap64(x);
}

#define WIDTHS(X) X(, 64) X(8, 8) X(16, 16) X(32, 32) X(64, 64)

#define DEF(sfx, w)                                                       \
    static int n_LeadingZeros##sfx(Fiber *f, Slot *a) {                  \
        (void)f; a[0].i = lz(U(0), w); return NATIVE_OK; }                \
    static int n_TrailingZeros##sfx(Fiber *f, Slot *a) {                 \
        (void)f; a[0].i = tz(U(0), w); return NATIVE_OK; }                \
    static int n_OnesCount##sfx(Fiber *f, Slot *a) {                     \
        (void)f; a[0].i = __builtin_popcountll(U(0)); return NATIVE_OK; } \
    static int n_Len##sfx(Fiber *f, Slot *a) {                           \
        (void)f; a[0].i = w - lz(U(0), w); return NATIVE_OK; }            \
    static int n_RotateLeft##sfx(Fiber *f, Slot *a) {                    \
        (void)f; a[0].u = rotl(U(0), a[1].i, w); return NATIVE_OK; }      \
    static int n_Reverse##sfx(Fiber *f, Slot *a) {                       \
        (void)f; a[0].u = rev64(U(0)) >> (64 - w); return NATIVE_OK; }
WIDTHS(DEF)
#undef DEF

static int n_ReverseBytes(Fiber *f, Slot *a) {
    (void)f;
    a[0].u = __builtin_bswap64(U(0));
    return NATIVE_OK;
}
static int n_ReverseBytes16(Fiber *f, Slot *a) {
    (void)f;
    a[0].u = __builtin_bswap16((uint16_t)U(0));
    return NATIVE_OK;
}
static int n_ReverseBytes32(Fiber *f, Slot *a) {
    (void)f;
    a[0].u = __builtin_bswap32((uint32_t)U(0));
    return NATIVE_OK;
}

/* Add64(x, y, carry) (sum, carryOut); carry must be 0 or 1 (Go's contract:
 * other values give undefined results, here the same as Go's formula). */
static int n_Add64(Fiber *f, Slot *a) {
    (void)f;
    uint64_t x = U(0), y = U(1), c = U(2), s = x + y + c;
    a[1].u = ((x & y) | ((x | y) & ~s)) >> 63;
    a[0].u = s;
    return NATIVE_OK;
}
static int n_Add32(Fiber *f, Slot *a) {
    (void)f;
    uint64_t s = U(0) + U(1) + U(2);
    a[0].u = (uint32_t)s;
    a[1].u = (s >> 32) & 1;
    return NATIVE_OK;
}
static int n_Sub64(Fiber *f, Slot *a) {
    (void)f;
    uint64_t x = U(0), y = U(1), b = U(2), d = x - y - b;
    a[1].u = ((~x & y) | (~(x ^ y) & d)) >> 63;
    a[0].u = d;
    return NATIVE_OK;
}
static int n_Sub32(Fiber *f, Slot *a) {
    (void)f;
    uint32_t x = (uint32_t)U(0), y = (uint32_t)U(1), b = (uint32_t)U(2);
    uint32_t d = x - y - b;
    a[1].u = ((~x & y) | (~(x ^ y) & d)) >> 31;
    a[0].u = d;
    return NATIVE_OK;
}
static int n_Mul64(Fiber *f, Slot *a) {
    (void)f;
    unsigned __int128 p = (unsigned __int128)U(0) * U(1);
    a[0].u = (uint64_t)(p >> 64);
    a[1].u = (uint64_t)p;
    return NATIVE_OK;
}
static int n_Mul32(Fiber *f, Slot *a) {
    (void)f;
    uint64_t p = U(0) * U(1);
    a[0].u = p >> 32;
    a[1].u = (uint32_t)p;
    return NATIVE_OK;
}
static int n_Div64(Fiber *f, Slot *a) {
    uint64_t hi = U(0), lo = U(1), y = U(2);
    if (y == 0)
        return rt_panic_runtime(f, "integer divide by zero");
    if (y <= hi)
        return rt_panic_runtime(f, "integer overflow");
    unsigned __int128 n = ((unsigned __int128)hi << 64) | lo;
    a[0].u = (uint64_t)(n / y);
    a[1].u = (uint64_t)(n % y);
    return NATIVE_OK;
}
static int n_Div32(Fiber *f, Slot *a) {
    uint64_t hi = U(0), lo = U(1), y = U(2);
    if (y == 0)
        return rt_panic_runtime(f, "integer divide by zero");
    if (y <= hi)
        return rt_panic_runtime(f, "integer overflow");
    uint64_t n = hi << 32 | lo;
    a[0].u = n / y;
    a[1].u = n % y;
    return NATIVE_OK;
}
/* Rem64: like Div64 but never overflows (hi is reduced mod y first). */
static int n_Rem64(Fiber *f, Slot *a) {
    uint64_t hi = U(0), lo = U(1), y = U(2);
    if (y == 0)
        return rt_panic_runtime(f, "integer divide by zero");
    unsigned __int128 n = ((unsigned __int128)(hi % y) << 64) | lo;
    a[0].u = (uint64_t)(n % y);
    return NATIVE_OK;
}
static int n_Rem32(Fiber *f, Slot *a) {
    uint64_t hi = U(0), lo = U(1), y = U(2);
    if (y == 0)
        return rt_panic_runtime(f, "integer divide by zero");
    a[0].u = ((hi % y) << 32 | lo) % y;
    return NATIVE_OK;
}

#define ENTRIES(sfx, w)                                      \
    {"bits.LeadingZeros" #sfx, n_LeadingZeros##sfx},         \
    {"bits.TrailingZeros" #sfx, n_TrailingZeros##sfx},       \
    {"bits.OnesCount" #sfx, n_OnesCount##sfx},               \
    {"bits.Len" #sfx, n_Len##sfx},                           \
    {"bits.RotateLeft" #sfx, n_RotateLeft##sfx},             \
    {"bits.Reverse" #sfx, n_Reverse##sfx},

const NativeEntry math_bits_natives[] = {
    WIDTHS(ENTRIES)
    {"bits.ReverseBytes", n_ReverseBytes},
    {"bits.ReverseBytes16", n_ReverseBytes16},
    {"bits.ReverseBytes32", n_ReverseBytes32},
    {"bits.ReverseBytes64", n_ReverseBytes},
    {"bits.Add", n_Add64},
    {"bits.Add32", n_Add32},
    {"bits.Add64", n_Add64},
    {"bits.Sub", n_Sub64},
    {"bits.Sub32", n_Sub32},
    {"bits.Sub64", n_Sub64},
    {"bits.Mul", n_Mul64},
    {"bits.Mul32", n_Mul32},
    {"bits.Mul64", n_Mul64},
    {"bits.Div", n_Div64},
    {"bits.Div32", n_Div32},
    {"bits.Div64", n_Div64},
    {"bits.Rem", n_Rem64},
    {"bits.Rem32", n_Rem32},
    {"bits.Rem64", n_Rem64},
    {NULL, NULL},
};
