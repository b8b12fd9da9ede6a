/*
 * complex.c — complex64/complex128 values for the VM and the natives.
 *
 * REPRESENTATION (see type_is_boxed in type.h): a complex value is boxed
 * like a struct { re, im float64 }: two slots, real part first. A
 * complex64 keeps both parts already rounded to float32, as a float32
 * register does. Each arithmetic instruction allocates a fresh box for
 * its result and never writes its operands' boxes (boxed values are
 * owned by the register or memory holding them; see value.h). A NULL box
 * (a never-initialised register) reads as 0+0i.
 *
 * ARITHMETIC follows gc (cmd/compile/internal/ssagen and runtime): + and
 * - part by part; * as (ac-bd) + (ad+bc)i in float64 with no fused
 * multiply-add; / by Smith's algorithm with C99 Annex G's recovery of
 * infinities and zeros when both parts come out NaN (runtime.complex128div
 * restated). complex64 operations compute in float64 and round each part
 * to float32 afterwards (the compiler emits OP_C64), which is what gc does.
 */
#include <math.h>

#include "rt.h"

Slot *cplx_new(double re, double im) {
    Slot *b = gc_alloc(2 * sizeof(Slot));
    b[0].f = re;
    b[1].f = im;
    return b;
}

void cplx_get(const Slot *box, double *re, double *im) {
    *re = box ? box[0].f : 0;
    *im = box ? box[1].f : 0;
}

Slot *cplx_mul(const Slot *x, const Slot *y) {
    double a, b, c, d;
    cplx_get(x, &a, &b);
    cplx_get(y, &c, &d);
    /* separate statements: no contraction into fused multiply-adds */
    double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
    return cplx_new(ac - bd, ad + bc);
}

/* A signed 1 for an infinity, a signed 0 otherwise (sign of f). */
static double inf_to_one(double f) { return copysign(isinf(f) ? 1.0 : 0.0, f); }

Slot *cplx_div(const Slot *x, const Slot *y) {
    double a, b, c, d, e, f;
    cplx_get(x, &a, &b);
    cplx_get(y, &c, &d);
    if (fabs(c) >= fabs(d)) {
        double ratio = d / c, denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        double ratio = c / d, denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if (isnan(e) && isnan(f)) {
        if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {
            e = copysign(INFINITY, c) * a;
            f = copysign(INFINITY, c) * b;
        } else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {
            a = inf_to_one(a);
            b = inf_to_one(b);
            e = INFINITY * (a * c + b * d);
            f = INFINITY * (b * c - a * d);
        } else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {
            c = inf_to_one(c);
            d = inf_to_one(d);
            e = 0 * (a * c + b * d);
            f = 0 * (b * c - a * d);
        }
    }
    return cplx_new(e, f);
}
