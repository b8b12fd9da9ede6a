// Package math provides floating-point constants and functions.
//
// Package math — csp's standard library stub; functions are natives in
// stdlib/math.c (C's libm, whose results can differ from Go's pure-Go
// implementations in the last bit for the transcendental functions).
package math

// Mathematical constants, as untyped constants with more precision than float64.
const (
	// E is Euler's number, the base of natural logarithms.
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	// Pi is the ratio of a circle's circumference to its diameter.
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	// Phi is the golden ratio, (1 + √5) / 2.
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862

	// Sqrt2 is the square root of 2.
	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974
	// SqrtE is the square root of E.
	SqrtE   = 1.64872127070012814684865078831548743879508226010212418765496924
	// SqrtPi is the square root of Pi.
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779
	// SqrtPhi is the square root of Phi.
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038

	// Ln2 is the natural logarithm of 2.
	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009
	// Log2E is the base-2 logarithm of E.
	Log2E  = 1 / Ln2
	// Ln10 is the natural logarithm of 10.
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790
	// Log10E is the base-10 logarithm of E.
	Log10E = 1 / Ln10
)

// Floating-point limits: the largest finite value and the smallest positive
// (denormal) value of each type.
const (
	// MaxFloat32 is the largest finite float32 value.
	MaxFloat32             = 3.40282346638528859811704183484516925440e+38
	// SmallestNonzeroFloat32 is the smallest positive float32 value (a denormal).
	SmallestNonzeroFloat32 = 1.401298464324817070923729583289916131280e-45
	// MaxFloat64 is the largest finite float64 value.
	MaxFloat64             = 1.79769313486231570814527423731704356798070e+308
	// SmallestNonzeroFloat64 is the smallest positive float64 value (a denormal).
	SmallestNonzeroFloat64 = 4.9406564584124654417656879286822137236505980e-324
)

// Integer limits of Go's integer types (int and uint are 64 bits in csp).
const (
	intSize = 64

	// MaxInt is the largest int value.
	MaxInt    = 1<<(intSize-1) - 1
	// MinInt is the smallest int value.
	MinInt    = -1 << (intSize - 1)
	// MaxInt8 is the largest int8 value.
	MaxInt8   = 1<<7 - 1
	// MinInt8 is the smallest int8 value.
	MinInt8   = -1 << 7
	// MaxInt16 is the largest int16 value.
	MaxInt16  = 1<<15 - 1
	// MinInt16 is the smallest int16 value.
	MinInt16  = -1 << 15
	// MaxInt32 is the largest int32 value.
	MaxInt32  = 1<<31 - 1
	// MinInt32 is the smallest int32 value.
	MinInt32  = -1 << 31
	// MaxInt64 is the largest int64 value.
	MaxInt64  = 1<<63 - 1
	// MinInt64 is the smallest int64 value.
	MinInt64  = -1 << 63
	// MaxUint is the largest uint value.
	MaxUint   = 1<<intSize - 1
	// MaxUint8 is the largest uint8 (byte) value.
	MaxUint8  = 1<<8 - 1
	// MaxUint16 is the largest uint16 value.
	MaxUint16 = 1<<16 - 1
	// MaxUint32 is the largest uint32 value.
	MaxUint32 = 1<<32 - 1
	// MaxUint64 is the largest uint64 value.
	MaxUint64 = 1<<64 - 1
)

// Abs returns the absolute value of x.
func Abs(x float64) float64
// Acos returns the angle in radians, in [0, Pi], whose cosine is x.
func Acos(x float64) float64
// Acosh returns the inverse hyperbolic cosine of x.
func Acosh(x float64) float64
// Asin returns the angle in radians, in [-Pi/2, Pi/2], whose sine is x.
func Asin(x float64) float64
// Asinh returns the inverse hyperbolic sine of x.
func Asinh(x float64) float64
// Atan returns the angle in radians, in [-Pi/2, Pi/2], whose tangent is x.
func Atan(x float64) float64
// Atan2 returns the angle in radians of the point (x, y) from the positive x axis.
func Atan2(y, x float64) float64
// Atanh returns the inverse hyperbolic tangent of x.
func Atanh(x float64) float64
// Cbrt returns the cube root of x.
func Cbrt(x float64) float64
// Ceil returns x rounded up to an integer value.
func Ceil(x float64) float64
// Copysign returns |f| with the sign of sign.
func Copysign(f, sign float64) float64
// Cos returns the cosine of x, an angle in radians.
func Cos(x float64) float64
// Cosh returns the hyperbolic cosine of x.
func Cosh(x float64) float64
// Dim returns x-y if it is positive, and 0 otherwise.
func Dim(x, y float64) float64
// Exp returns e raised to the power x.
func Exp(x float64) float64
// Exp2 returns 2 raised to the power x.
func Exp2(x float64) float64
// Expm1 returns Exp(x) - 1, computed accurately when x is near zero.
func Expm1(x float64) float64
// Floor returns x rounded down to an integer value.
func Floor(x float64) float64
// FMA returns x*y + z, rounded once (a fused multiply-add).
func FMA(x, y, z float64) float64
// Frexp splits f into a fraction in [½, 1) and a power of two: f == frac × 2**exp.
func Frexp(f float64) (frac float64, exp int)
// Gamma returns the Gamma function of x.
func Gamma(x float64) float64
// Hypot returns the length of the vector (p, q), Sqrt(p*p + q*q), without intermediate overflow.
func Hypot(p, q float64) float64
// Inf returns +Inf when sign >= 0 and -Inf otherwise.
func Inf(sign int) float64
// IsInf reports whether f is an infinity: +Inf if sign > 0, -Inf if sign < 0, either if 0.
func IsInf(f float64, sign int) bool
// IsNaN reports whether f is a NaN.
func IsNaN(f float64) (is bool)
// Ldexp returns frac × 2**exp, the inverse of Frexp.
func Ldexp(frac float64, exp int) float64
// Log returns the natural logarithm of x.
func Log(x float64) float64
// Log10 returns the decimal logarithm of x.
func Log10(x float64) float64
// Log1p returns Log(1 + x), computed accurately when x is near zero.
func Log1p(x float64) float64
// Log2 returns the binary logarithm of x.
func Log2(x float64) float64
// Max returns the larger of x and y.
//
// Special cases: +Inf if either is +Inf, else NaN if either is NaN; +0 is
// larger than -0.
func Max(x, y float64) float64
// Min returns the smaller of x and y.
//
// Special cases: -Inf if either is -Inf, else NaN if either is NaN; -0 is
// smaller than +0.
func Min(x, y float64) float64
// Mod returns x - n*y for the integer n that truncates x/y, so the result has x's sign.
func Mod(x, y float64) float64
// Modf splits f into its integer part and fractional part, both with f's sign.
func Modf(f float64) (int float64, frac float64)
// NaN returns a quiet NaN value.
func NaN() float64
// Nextafter returns the float64 adjacent to x in the direction of y (x itself if x == y).
func Nextafter(x, y float64) (r float64)
// Pow returns x raised to the power y.
func Pow(x, y float64) float64
// Pow10 returns 10 raised to the integer power n.
//
// It returns 0 for n < -323 and +Inf for n > 308.
func Pow10(n int) float64
// Remainder returns x - n*y for the integer n nearest to x/y (the IEEE 754 remainder).
func Remainder(x, y float64) float64
// Round returns x rounded to an integer value, with halves going away from zero.
func Round(x float64) float64
// RoundToEven returns x rounded to an integer value, with halves going to the even one.
func RoundToEven(x float64) float64
// Signbit reports whether x has its sign bit set (negative values and -0).
func Signbit(x float64) bool
// Sin returns the sine of x, an angle in radians.
func Sin(x float64) float64
// Sinh returns the hyperbolic sine of x.
func Sinh(x float64) float64
// Sqrt returns the square root of x.
func Sqrt(x float64) float64
// Tan returns the tangent of x, an angle in radians.
func Tan(x float64) float64
// Tanh returns the hyperbolic tangent of x.
func Tanh(x float64) float64
// Trunc returns the integer part of x, rounding toward zero.
func Trunc(x float64) float64
// Erf returns the error function of x.
func Erf(x float64) float64
// Erfc returns the complementary error function of x.
func Erfc(x float64) float64
// J0 returns the order-zero Bessel function of the first kind.
func J0(x float64) float64
// J1 returns the order-one Bessel function of the first kind.
func J1(x float64) float64
// Jn returns the order-n Bessel function of the first kind.
func Jn(n int, x float64) float64
// Y0 returns the order-zero Bessel function of the second kind (-Inf at 0, NaN below).
func Y0(x float64) float64
// Y1 returns the order-one Bessel function of the second kind (-Inf at 0, NaN below).
func Y1(x float64) float64
// Yn returns the order-n Bessel function of the second kind (-Inf at 0, NaN below).
func Yn(n int, x float64) float64
// Logb returns the binary exponent of x: -Inf for ±0, +Inf for ±Inf.
func Logb(x float64) float64
// Ilogb returns the binary exponent of x as an integer: MinInt32 for 0,
// MaxInt32 for ±Inf and NaN.
func Ilogb(x float64) int
// Lgamma returns the natural logarithm and sign (-1 or +1) of Gamma(x);
// +Inf at 0 and the negative integers, -Inf for -Inf.
func Lgamma(x float64) (lgamma float64, sign int)
// Nextafter32 returns the next representable float32 value after x towards y.
func Nextafter32(x, y float32) (r float32)
// Float64bits returns the IEEE 754 bit pattern of f.
func Float64bits(f float64) uint64
// Float64frombits returns the float64 whose IEEE 754 bit pattern is b.
func Float64frombits(b uint64) float64
// Float32bits returns the IEEE 754 bit pattern of f.
func Float32bits(f float32) uint32
// Float32frombits returns the float32 whose IEEE 754 bit pattern is b.
func Float32frombits(b uint32) float32

// Sincos returns Sin(x) and Cos(x).
func Sincos(x float64) (sin, cos float64) {
	return Sin(x), Cos(x)
}
