// Package cmplx provides basic constants and mathematical functions for
// complex numbers.
//
// Package cmplx — csp's math/cmplx, written in Go on top of csp's math.
// The algorithms are the ones Go documents for each function (Kahan-style
// scaling in Sqrt, the special cases of Exp and Pow from C99 Annex G), so
// the results are Go's bit for bit wherever csp's math functions (Hypot,
// Atan2, Exp, Log, Pow, Sincos) agree with Go's.
package cmplx

import "math"

// Abs returns the absolute value (also called the modulus) of x.
func Abs(x complex128) float64 { return math.Hypot(real(x), imag(x)) }

// Phase returns the phase (also called the argument) of x, in [-Pi, Pi].
func Phase(x complex128) float64 { return math.Atan2(imag(x), real(x)) }

// Polar returns the absolute value r and phase θ of x, such that
// x = r * e**θi.
func Polar(x complex128) (r, θ float64) { return Abs(x), Phase(x) }

// Rect returns the complex number x with polar coordinates r, θ.
func Rect(r, θ float64) complex128 {
	s, c := math.Sincos(θ)
	return complex(r*c, r*s)
}

// Conj returns the complex conjugate of x.
func Conj(x complex128) complex128 { return complex(real(x), -imag(x)) }

// Inf returns a complex infinity, complex(+Inf, +Inf).
func Inf() complex128 {
	inf := math.Inf(1)
	return complex(inf, inf)
}

// NaN returns a complex "not-a-number" value.
func NaN() complex128 {
	nan := math.NaN()
	return complex(nan, nan)
}

// IsInf reports whether either real(x) or imag(x) is an infinity.
func IsInf(x complex128) bool {
	return math.IsInf(real(x), 0) || math.IsInf(imag(x), 0)
}

// IsNaN reports whether either real(x) or imag(x) is NaN and neither is
// an infinity.
func IsNaN(x complex128) bool {
	if IsInf(x) {
		return false
	}
	return math.IsNaN(real(x)) || math.IsNaN(imag(x))
}

// Sqrt returns the square root of x. The result r is chosen so that
// real(r) ≥ 0 and imag(r) has the same sign as imag(x).
func Sqrt(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && re == 0:
		return complex(0, im)
	case im == 0 && re < 0:
		return complex(0, math.Copysign(math.Sqrt(-re), im))
	case im == 0:
		return complex(math.Sqrt(re), im)
	case math.IsInf(im, 0):
		return complex(math.Inf(1), im)
	case re == 0 && im < 0:
		h := math.Sqrt(-0.5 * im)
		return complex(h, -h)
	case re == 0:
		h := math.Sqrt(0.5 * im)
		return complex(h, h)
	}
	// Scale into a range where the hypotenuse neither overflows nor loses
	// precision: by 1/4 (undone by 2) for large parts, else by 2**54
	// (undone by 2**-27).
	scale := 7.450580596923828125e-9
	if math.Abs(re) > 4 || math.Abs(im) > 4 {
		re, im = re*0.25, im*0.25
		scale = 2
	} else {
		re, im = re*1.8014398509481984e16, im*1.8014398509481984e16
	}
	h := math.Hypot(re, im)
	var u, v float64
	if re > 0 {
		u = math.Sqrt(0.5*h + 0.5*re)
		v = scale * math.Abs((0.5*im)/u)
		u *= scale
	} else {
		v = math.Sqrt(0.5*h - 0.5*re)
		u = scale * math.Abs((0.5*im)/v)
		v *= scale
	}
	if im < 0 {
		v = -v
	}
	return complex(u, v)
}

// Exp returns e**x, the base-e exponential of x.
func Exp(x complex128) complex128 {
	re, im := real(x), imag(x)
	if math.IsInf(re, 0) {
		if re > 0 && im == 0 {
			return x
		}
		if math.IsInf(im, 0) || math.IsNaN(im) {
			if re < 0 {
				return complex(0, math.Copysign(0, im))
			}
			return complex(math.Inf(1), math.NaN())
		}
	} else if math.IsNaN(re) && im == 0 {
		return complex(math.NaN(), im)
	}
	r := math.Exp(re)
	s, c := math.Sincos(im)
	return complex(r*c, r*s)
}

// Log returns the natural logarithm of x.
func Log(x complex128) complex128 { return complex(math.Log(Abs(x)), Phase(x)) }

// Log10 returns the decimal logarithm of x.
func Log10(x complex128) complex128 {
	z := Log(x)
	return complex(math.Log10E*real(z), math.Log10E*imag(z))
}

// Pow returns x**y, the base-x exponential of y. Pow(0, ±0) is 1+0i;
// Pow(0, c) for real(c)<0 is Inf+0i when imag(c) is zero, else Inf+Inf i.
func Pow(x, y complex128) complex128 {
	if x == 0 {
		if IsNaN(y) {
			return NaN()
		}
		yr, yi := real(y), imag(y)
		if yr == 0 {
			return 1
		}
		if yr < 0 {
			if yi == 0 {
				return complex(math.Inf(1), 0)
			}
			return Inf()
		}
		return 0
	}
	mod := Abs(x)
	if mod == 0 {
		return complex(0, 0)
	}
	r := math.Pow(mod, real(y))
	arg := Phase(x)
	theta := real(y) * arg
	if imag(y) != 0 {
		r *= math.Exp(-imag(y) * arg)
		theta += imag(y) * math.Log(mod)
	}
	s, c := math.Sincos(theta)
	return complex(r*c, r*s)
}
