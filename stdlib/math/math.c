/*
 * math.c — natives of package math (stub: stdlib/math.go), on C's libm.
 * Where Go's special cases differ from C's (Max/Min with NaN and signed
 * zeros, Pow10 range, Dim), they are spelled out here. float32 registers
 * hold a double already rounded to float (value.h).
 */
#include <math.h>
#include <string.h>
#include "stdlib/lib.h"

/* Go computes these from Log rather than calling a log10/log2 primitive, so
 * e.g. Log10(1000) is 2.9999999999999996 in Go; match it. Log2 is exact
 * for powers of two. */
static double go_log10(double x) { return log(x) * M_LOG10E; }

static double go_log2(double x) {
    int e;
    double frac = frexp(x, &e);
    if (frac == 0.5)
        return e - 1;
    return log(frac) * M_LOG2E + e;
}

#define UNARY(name, expr)                        \
    static int name(Fiber *f, Slot *a) {         \
        double x = a[0].f;                       \
        a[0].f = (expr);                         \
        return NATIVE_OK;                        \
    }
#define BINARY(name, expr)                       \
    static int name(Fiber *f, Slot *a) {         \
        double x = a[0].f, y = a[1].f;           \
        a[0].f = (expr);                         \
        return NATIVE_OK;                        \
    }

/* glibc's cbrt is not correctly rounded (cbrt(27) = 3.0000000000000004);
 * one Newton step in long double brings it to Go's exact results. */
static double exact_cbrt(double x) {
    double t = cbrt(x);
    if (t == 0 || !isfinite(t))
        return t;
    long double l = t;
    return (double)(l - (l * l * l - x) / (3 * l * l));
}

UNARY(n_Abs, fabs(x))
UNARY(n_Acos, acos(x))
UNARY(n_Acosh, acosh(x))
UNARY(n_Asin, asin(x))
UNARY(n_Asinh, asinh(x))
UNARY(n_Atan, atan(x))
UNARY(n_Atanh, atanh(x))
UNARY(n_Cbrt, exact_cbrt(x))
UNARY(n_Ceil, ceil(x))
UNARY(n_Cos, cos(x))
UNARY(n_Cosh, cosh(x))
UNARY(n_Exp, exp(x))
UNARY(n_Exp2, exp2(x))
UNARY(n_Expm1, expm1(x))
UNARY(n_Floor, floor(x))
UNARY(n_Gamma, tgamma(x))
UNARY(n_Log, log(x))
UNARY(n_Log10, go_log10(x))
UNARY(n_Log1p, log1p(x))
UNARY(n_Log2, go_log2(x))
UNARY(n_Round, round(x))
UNARY(n_RoundToEven, nearbyint(x))
UNARY(n_Sin, sin(x))
UNARY(n_Sinh, sinh(x))
UNARY(n_Sqrt, sqrt(x))
UNARY(n_Tan, tan(x))
UNARY(n_Tanh, tanh(x))
UNARY(n_Trunc, trunc(x))
BINARY(n_Atan2, atan2(x, y))
BINARY(n_Copysign, copysign(x, y))
BINARY(n_Hypot, hypot(x, y))
BINARY(n_Mod, fmod(x, y))
BINARY(n_Nextafter, nextafter(x, y))
BINARY(n_Pow, pow(x, y))
BINARY(n_Remainder, remainder(x, y))

/* Go: Max(x, +Inf) = +Inf even with NaN; Max(x, NaN) = NaN; Max(+0, -0) =
 * +0. Min mirrors it. */
static double go_max(double x, double y) {
    if (isinf(x) && x > 0) return x;
    if (isinf(y) && y > 0) return y;
    if (isnan(x) || isnan(y)) return NAN;
    if (x == 0 && x == y) return signbit(x) ? y : x;
    return x > y ? x : y;
}

static double go_min(double x, double y) {
    if (isinf(x) && x < 0) return x;
    if (isinf(y) && y < 0) return y;
    if (isnan(x) || isnan(y)) return NAN;
    if (x == 0 && x == y) return signbit(x) ? x : y;
    return x < y ? x : y;
}

/* Go: Dim(x, y) = max(x-y, 0); NaN stays NaN. */
static double go_dim(double x, double y) {
    double v = x - y;
    return isnan(v) ? v : v <= 0 ? 0 : v;
}

BINARY(n_Max, go_max(x, y))
BINARY(n_Min, go_min(x, y))
BINARY(n_Dim, go_dim(x, y))

static int n_FMA(Fiber *f, Slot *a) {
    a[0].f = fma(a[0].f, a[1].f, a[2].f);
    return NATIVE_OK;
}

static int n_Frexp(Fiber *f, Slot *a) {
    int e = 0;
    double fr = frexp(a[0].f, &e);
    a[0].f = fr;
    a[1].i = e;
    return NATIVE_OK;
}

static int n_Ldexp(Fiber *f, Slot *a) {
    int64_t e = a[1].i;
    a[0].f = ldexp(a[0].f, e > 100000 ? 100000 : e < -100000 ? -100000 : (int)e);
    return NATIVE_OK;
}

static int n_Modf(Fiber *f, Slot *a) {
    double ip;
    double fr = modf(a[0].f, &ip);
    a[0].f = ip;
    a[1].f = fr;
    return NATIVE_OK;
}

static int n_Inf(Fiber *f, Slot *a) {
    a[0].f = a[0].i >= 0 ? INFINITY : -INFINITY;
    return NATIVE_OK;
}

static int n_NaN(Fiber *f, Slot *a) {
    a[0].f = NAN;
    return NATIVE_OK;
}

static int n_IsNaN(Fiber *f, Slot *a) {
    a[0].i = isnan(a[0].f) != 0;
    return NATIVE_OK;
}

static int n_IsInf(Fiber *f, Slot *a) {
    double x = a[0].f;
    int64_t sign = a[1].i;
    a[0].i = (sign >= 0 && isinf(x) && x > 0) || (sign <= 0 && isinf(x) && x < 0);
    return NATIVE_OK;
}

static int n_Signbit(Fiber *f, Slot *a) {
    a[0].i = signbit(a[0].f) != 0;
    return NATIVE_OK;
}

/* Go: 10**n, 0 for n < -323, +Inf for n > 308. */
static int n_Pow10(Fiber *f, Slot *a) {
    int64_t n = a[0].i;
    a[0].f = n < -323 ? 0 : n > 308 ? INFINITY : pow(10, (double)n);
    return NATIVE_OK;
}

static int n_Float64bits(Fiber *f, Slot *a) {
    uint64_t u;
    memcpy(&u, &a[0].f, sizeof u);
    a[0].u = u;
    return NATIVE_OK;
}

static int n_Float64frombits(Fiber *f, Slot *a) {
    double d;
    memcpy(&d, &a[0].u, sizeof d);
    a[0].f = d;
    return NATIVE_OK;
}

static int n_Float32bits(Fiber *f, Slot *a) {
    float x = (float)a[0].f;
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    a[0].u = u;
    return NATIVE_OK;
}

static int n_Float32frombits(Fiber *f, Slot *a) {
    uint32_t u = (uint32_t)a[0].u;
    float x;
    memcpy(&x, &u, sizeof x);
    a[0].f = x;
    return NATIVE_OK;
}

UNARY(n_Erf, erf(x))
UNARY(n_Erfc, erfc(x))
UNARY(n_J0, j0(x))
/* Go's Bessel functions of the first kind are exactly 0 (never -0) at
 * ±0 (order > 0) and ±Inf. */
UNARY(n_J1, x == 0 || isinf(x) ? 0 : j1(x))

/* Go's Y0/Y1/Yn: -Inf at 0, NaN below (glibc says -Inf there too). */
static double go_yn(int n, double x) {
    if (x < 0 || isnan(x))
        return NAN;
    return yn(n, x);
}
UNARY(n_Y0, go_yn(0, x))
UNARY(n_Y1, go_yn(1, x))

/* Jn(n int, x float64), Yn(n int, x float64) */
static int n_Jn(Fiber *f, Slot *a) {
    (void)f;
    int n = (int)a[0].i;
    double x = a[1].f;
    a[0].f = isinf(x) || (x == 0 && n != 0) ? 0 : jn(n, x);
    return NATIVE_OK;
}
static int n_Yn(Fiber *f, Slot *a) {
    (void)f;
    a[0].f = go_yn((int)a[0].i, a[1].f);
    return NATIVE_OK;
}

/* Go: Logb(±0) = -Inf, Logb(±Inf) = +Inf; Ilogb(0) = MinInt32, Ilogb of
 * ±Inf and NaN = MaxInt32. */
UNARY(n_Logb, isinf(x) ? INFINITY : logb(x))
static int n_Ilogb(Fiber *f, Slot *a) {
    (void)f;
    double x = a[0].f;
    a[0].i = x == 0 ? INT32_MIN : (isnan(x) || isinf(x)) ? INT32_MAX : ilogb(x);
    return NATIVE_OK;
}

/* Lgamma(x) (lgamma float64, sign int): Go's special cases give sign 1
 * for ±0, ±Inf, NaN and the negative integers (poles: +Inf), and
 * Lgamma(-Inf) = -Inf. */
static int n_Lgamma(Fiber *f, Slot *a) {
    (void)f;
    double x = a[0].f;
    int sign = 1;
    if (isnan(x) || isinf(x)) {
        a[0].f = x;
    } else if (x == 0 || (x < 0 && x == floor(x))) {
        a[0].f = INFINITY;
    } else {
        a[0].f = lgamma_r(x, &sign);
    }
    a[1].i = sign;
    return NATIVE_OK;
}

/* Nextafter32(x, y float32) float32 */
static int n_Nextafter32(Fiber *f, Slot *a) {
    (void)f;
    a[0].f = nextafterf((float)a[0].f, (float)a[1].f);
    return NATIVE_OK;
}

const NativeEntry math_natives[] = {
    {"math.Erf", n_Erf}, {"math.Erfc", n_Erfc}, {"math.J0", n_J0},
    {"math.J1", n_J1}, {"math.Jn", n_Jn}, {"math.Y0", n_Y0},
    {"math.Y1", n_Y1}, {"math.Yn", n_Yn}, {"math.Logb", n_Logb},
    {"math.Ilogb", n_Ilogb}, {"math.Lgamma", n_Lgamma},
    {"math.Nextafter32", n_Nextafter32},
    {"math.Abs", n_Abs}, {"math.Acos", n_Acos}, {"math.Acosh", n_Acosh},
    {"math.Asin", n_Asin}, {"math.Asinh", n_Asinh}, {"math.Atan", n_Atan},
    {"math.Atan2", n_Atan2}, {"math.Atanh", n_Atanh}, {"math.Cbrt", n_Cbrt},
    {"math.Ceil", n_Ceil}, {"math.Copysign", n_Copysign},
    {"math.Cos", n_Cos}, {"math.Cosh", n_Cosh}, {"math.Dim", n_Dim},
    {"math.Exp", n_Exp}, {"math.Exp2", n_Exp2}, {"math.Expm1", n_Expm1},
    {"math.Floor", n_Floor}, {"math.FMA", n_FMA}, {"math.Frexp", n_Frexp},
    {"math.Gamma", n_Gamma}, {"math.Hypot", n_Hypot}, {"math.Inf", n_Inf},
    {"math.IsInf", n_IsInf}, {"math.IsNaN", n_IsNaN},
    {"math.Ldexp", n_Ldexp}, {"math.Log", n_Log}, {"math.Log10", n_Log10},
    {"math.Log1p", n_Log1p}, {"math.Log2", n_Log2}, {"math.Max", n_Max},
    {"math.Min", n_Min}, {"math.Mod", n_Mod}, {"math.Modf", n_Modf},
    {"math.NaN", n_NaN}, {"math.Nextafter", n_Nextafter},
    {"math.Pow", n_Pow}, {"math.Pow10", n_Pow10},
    {"math.Remainder", n_Remainder}, {"math.Round", n_Round},
    {"math.RoundToEven", n_RoundToEven}, {"math.Signbit", n_Signbit},
    {"math.Sin", n_Sin}, {"math.Sinh", n_Sinh}, {"math.Sqrt", n_Sqrt},
    {"math.Tan", n_Tan}, {"math.Tanh", n_Tanh}, {"math.Trunc", n_Trunc},
    {"math.Float64bits", n_Float64bits},
    {"math.Float64frombits", n_Float64frombits},
    {"math.Float32bits", n_Float32bits},
    {"math.Float32frombits", n_Float32frombits},
    {NULL, NULL},
};
