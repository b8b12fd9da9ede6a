// Package big implements arbitrary-precision integers (Int) and rational
// numbers (Rat).
//
// Package math/big — csp's standard library. GMP's mpz_t and mpq_t do the
// arithmetic (stdlib/math/big/big.c); their memory comes from the garbage
// collector. An Int holds a pointer to its mpz_t (nil: the zero value, 0),
// a Rat one to its mpq_t (nil: 0/1). As in Go, the zero values are ready to
// use, results may alias operands (z.Add(z, z)), and a shallow copy of an
// Int or Rat shares its value with the original. Not here yet: Float, the
// Bits/SetBits word access, Scan.
package big

import (
	"fmt"
	"math/rand"
	"strings"
)

// MaxBase is the largest number base accepted for string conversions.
const MaxBase = 10 + ('z' - 'a' + 1) + ('Z' - 'A' + 1)

// A Word represents a single digit of a multi-precision unsigned integer.
type Word uint

// Accuracy describes the rounding error of the most recent operation that
// produced a value, relative to the exact value.
type Accuracy int8

// The accuracies of a rounded result.
const (
	Below Accuracy = -1
	Exact Accuracy = 0
	Above Accuracy = +1
)

func (a Accuracy) String() string {
	switch a {
	case Below:
		return "Below"
	case Exact:
		return "Exact"
	case Above:
		return "Above"
	}
	return fmt.Sprintf("Accuracy(%d)", int8(a))
}

// mpz is GMP's mpz_t; Go code never looks inside.
type mpz struct{}

// An Int represents a signed multi-precision integer. The zero value is 0.
type Int struct {
	m *mpz // nil: 0
}

// NewInt allocates and returns a new Int set to x.
func NewInt(x int64) *Int { return new(Int).SetInt64(x) }

// SetInt64 sets z to x and returns z.
func (z *Int) SetInt64(x int64) *Int

// SetUint64 sets z to x and returns z.
func (z *Int) SetUint64(x uint64) *Int

// Set sets z to x and returns z.
func (z *Int) Set(x *Int) *Int

// Int64 returns the int64 representation of x (undefined if it does not fit:
// the low 64 bits).
func (x *Int) Int64() int64

// Uint64 returns the uint64 representation of x (undefined if it does not
// fit: the low 64 bits of |x|).
func (x *Int) Uint64() uint64

// IsInt64 reports whether x can be represented as an int64.
func (x *Int) IsInt64() bool

// IsUint64 reports whether x can be represented as a uint64.
func (x *Int) IsUint64() bool

// SetBytes interprets buf as a big-endian unsigned integer and sets z to it.
func (z *Int) SetBytes(buf []byte) *Int

// Bytes returns |x| as a big-endian byte slice.
func (x *Int) Bytes() []byte

// FillBytes sets buf to |x| as a zero-extended big-endian byte slice and
// returns buf; it panics if |x| does not fit.
func (x *Int) FillBytes(buf []byte) []byte

func setWords(z *Int, w []uint64)
func setString(z *Int, s string, base int) bool
func text(x *Int, base int) string

// Add sets z to the sum x+y and returns z.
func (z *Int) Add(x, y *Int) *Int

// Sub sets z to the difference x-y and returns z.
func (z *Int) Sub(x, y *Int) *Int

// Mul sets z to the product x*y and returns z.
func (z *Int) Mul(x, y *Int) *Int

// And sets z = x & y and returns z.
func (z *Int) And(x, y *Int) *Int

// Or sets z = x | y and returns z.
func (z *Int) Or(x, y *Int) *Int

// Xor sets z = x ^ y and returns z.
func (z *Int) Xor(x, y *Int) *Int

// AndNot sets z = x &^ y and returns z.
func (z *Int) AndNot(x, y *Int) *Int

// Quo sets z to the quotient x/y truncated toward zero (Go's /).
func (z *Int) Quo(x, y *Int) *Int

// Rem sets z to x%y, with the sign of x (Go's %).
func (z *Int) Rem(x, y *Int) *Int

// Div sets z to the Euclidean quotient x/y.
func (z *Int) Div(x, y *Int) *Int

// Mod sets z to the Euclidean modulus x mod y, 0 <= z < |y|.
func (z *Int) Mod(x, y *Int) *Int

func quoRem(z, x, y, r *Int, euclid bool)

// QuoRem sets z to x/y and r to x%y (truncated) and returns (z, r).
func (z *Int) QuoRem(x, y, r *Int) (*Int, *Int) {
	quoRem(z, x, y, r, false)
	return z, r
}

// DivMod sets z to x div y and m to x mod y (Euclidean) and returns (z, m).
func (z *Int) DivMod(x, y, m *Int) (*Int, *Int) {
	quoRem(z, x, y, m, true)
	return z, m
}

// Neg sets z to -x and returns z.
func (z *Int) Neg(x *Int) *Int

// Abs sets z to |x| and returns z.
func (z *Int) Abs(x *Int) *Int

// Not sets z = ^x and returns z.
func (z *Int) Not(x *Int) *Int

// Cmp compares x and y: -1, 0 or +1.
func (x *Int) Cmp(y *Int) int

// CmpAbs compares |x| and |y|: -1, 0 or +1.
func (x *Int) CmpAbs(y *Int) int

// Sign returns -1, 0 or +1 as x is negative, zero or positive.
func (x *Int) Sign() int

// Lsh sets z = x << n and returns z.
func (z *Int) Lsh(x *Int, n uint) *Int

// Rsh sets z = x >> n (arithmetic) and returns z.
func (z *Int) Rsh(x *Int, n uint) *Int

// BitLen returns the length of |x| in bits (0 for 0).
func (x *Int) BitLen() int

// TrailingZeroBits returns the number of trailing zero bits of |x|.
func (x *Int) TrailingZeroBits() uint

func bit(x *Int, i int) uint
func setBit(z, x *Int, i int, b uint)

// Bit returns bit i of x in two's complement (x>>i)&1.
func (x *Int) Bit(i int) uint {
	if i < 0 {
		panic("negative bit index")
	}
	return bit(x, i)
}

// SetBit sets z to x with bit i set to b (0 or 1), two's complement.
func (z *Int) SetBit(x *Int, i int, b uint) *Int {
	if i < 0 {
		panic("negative bit index")
	}
	if b > 1 {
		panic("set bit is not 0 or 1")
	}
	setBit(z, x, i, b)
	return z
}

func exp(z, x, y, m *Int)

// Exp sets z = x**y mod |m| and returns z. With m nil or 0, z = x**y (1 for
// y <= 0). With m != 0 and y < 0, x's inverse is raised to |y|; nil and z
// unchanged when there is none.
func (z *Int) Exp(x, y, m *Int) *Int {
	if y.Sign() < 0 {
		if m == nil || m.Sign() == 0 {
			return z.SetInt64(1)
		}
		inv := new(Int).ModInverse(x, m)
		if inv == nil {
			return nil
		}
		exp(z, inv, new(Int).Neg(y), m)
		return z
	}
	if m != nil && m.Sign() == 0 {
		m = nil
	}
	exp(z, x, y, m)
	return z
}

// Sqrt sets z to the floor of the square root of x; it panics for x < 0.
func (z *Int) Sqrt(x *Int) *Int

func gcd(z, x, y, a, b *Int)

// GCD sets z to the greatest common divisor of a and b (z >= 0) and, when
// x or y are not nil, sets them so that z = a*x + b*y.
func (z *Int) GCD(x, y, a, b *Int) *Int {
	if a.Sign() != 0 && b.Sign() != 0 {
		gcd(z, x, y, a, b)
		return z
	}
	sa, sb := a.Sign(), b.Sign()
	if sa == 0 {
		z.Abs(b)
	} else {
		z.Abs(a)
	}
	if x != nil {
		x.SetInt64(int64(sa))
	}
	if y != nil {
		y.SetInt64(int64(sb))
	}
	return z
}

func modInverse(z, g, n *Int) bool

// ModInverse sets z to the multiplicative inverse of g in the ring Z/nZ and
// returns z, or nil (z unchanged) when there is none.
func (z *Int) ModInverse(g, n *Int) *Int {
	if n.Sign() == 0 {
		if g.Sign() < 0 {
			panic("division by zero")
		}
		if g.Cmp(NewInt(1)) != 0 {
			return nil
		}
		return z.SetInt64(1)
	}
	if !modInverse(z, g, n) {
		return nil
	}
	return z
}

func jacobi(x, y *Int) int

// Jacobi returns the Jacobi symbol (x/y), either +1, -1, or 0. y must be odd.
func Jacobi(x, y *Int) int {
	if y.Bit(0) == 0 {
		panic(fmt.Sprintf("big: invalid 2nd argument to Int.Jacobi: need odd integer but got %s", y.String()))
	}
	return jacobi(x, y)
}

// ModSqrt sets z to a square root of x mod p if such a square root exists,
// and returns z; otherwise nil. p must be an odd prime.
func (z *Int) ModSqrt(x, p *Int) *Int {
	switch Jacobi(x, p) {
	case -1:
		return nil
	case 0:
		return z.SetInt64(0)
	}
	if x.Sign() < 0 || x.Cmp(p) >= 0 {
		x = new(Int).Mod(x, p)
	}
	one := NewInt(1)
	switch {
	case p.Bit(0) == 1 && p.Bit(1) == 1: // p = 3 mod 4: x**((p+1)/4)
		e := new(Int).Add(p, one)
		e.Rsh(e, 2)
		return z.Exp(x, e, p)
	case p.Bit(1) == 0 && p.Bit(2) == 1: // p = 5 mod 8: Atkin
		e := new(Int).Rsh(p, 3)
		tx := new(Int).Lsh(x, 1)
		alpha := new(Int).Exp(tx, e, p)
		beta := new(Int).Mul(alpha, alpha)
		beta.Mod(beta, p)
		beta.Mul(beta, tx)
		beta.Mod(beta, p)
		beta.Sub(beta, one)
		beta.Mul(beta, x)
		beta.Mod(beta, p)
		beta.Mul(beta, alpha)
		return z.Mod(beta, p)
	}
	// Tonelli-Shanks: p-1 = s * 2**e with s odd; n a non-square.
	s := new(Int).Sub(p, one)
	e := s.TrailingZeroBits()
	s.Rsh(s, e)
	n := NewInt(2)
	for Jacobi(n, p) != -1 {
		n.Add(n, one)
	}
	y := new(Int).Add(s, one)
	y.Rsh(y, 1)
	y.Exp(x, y, p)
	b := new(Int).Exp(x, s, p)
	g := new(Int).Exp(n, s, p)
	r := e
	t := new(Int)
	for {
		var m uint
		t.Set(b)
		for t.Cmp(one) != 0 {
			t.Mul(t, t).Mod(t, p)
			m++
		}
		if m == 0 {
			return z.Set(y)
		}
		t.SetInt64(0).SetBit(t, int(r-m-1), 1).Exp(g, t, p)
		g.Mul(t, t).Mod(g, p)
		y.Mul(y, t).Mod(y, p)
		b.Mul(b, g).Mod(b, p)
		r = m
	}
}

func probablyPrime(x *Int, n int) bool

// ProbablyPrime reports whether x is probably prime, after n Miller-Rabin
// rounds and a Baillie-PSW test (exact below 2**64).
func (x *Int) ProbablyPrime(n int) bool {
	if n < 0 {
		panic("negative n for ProbablyPrime")
	}
	if x.Sign() <= 0 {
		return false
	}
	return probablyPrime(x, n)
}

func mulRange(z *Int, a, b uint64)

// MulRange sets z to the product of all integers in [a, b] and returns z
// (1 for an empty range).
func (z *Int) MulRange(a, b int64) *Int {
	switch {
	case a > b:
		return z.SetInt64(1)
	case a <= 0 && b >= 0:
		return z.SetInt64(0)
	}
	neg := false
	if a < 0 {
		neg = (b-a)&1 == 0
		a, b = -b, -a
	}
	mulRange(z, uint64(a), uint64(b))
	if neg {
		z.Neg(z)
	}
	return z
}

func binomial(z *Int, n, k uint64)

// Binomial sets z to the binomial coefficient C(n, k) and returns z.
func (z *Int) Binomial(n, k int64) *Int {
	if k > n {
		return z.SetInt64(0)
	}
	if k > n-k {
		k = n - k
	}
	if k <= 0 {
		return z.SetInt64(1)
	}
	binomial(z, uint64(n), uint64(k))
	return z
}

// Rand sets z to a pseudo-random number in [0, n) and returns z (0 when
// n <= 0). It draws 64-bit words from rnd as Go's does, so a seeded rnd
// gives Go's numbers.
func (z *Int) Rand(rnd *rand.Rand, n *Int) *Int {
	if n.Sign() <= 0 {
		return z.SetInt64(0)
	}
	lim := new(Int).Set(n)
	nb := lim.BitLen()
	w := make([]uint64, (nb+63)/64)
	top := uint(nb % 64)
	if top == 0 {
		top = 64
	}
	mask := ^uint64(0) >> (64 - top)
	for {
		for i := range w {
			w[i] = uint64(rnd.Uint32()) | uint64(rnd.Uint32())<<32
		}
		w[len(w)-1] &= mask
		setWords(z, w)
		if z.Cmp(lim) < 0 {
			return z
		}
	}
}

func intFloat64(x *Int) (float64, int)

// Float64 returns the float64 nearest x and how it was rounded.
func (x *Int) Float64() (float64, Accuracy) {
	f, a := intFloat64(x)
	return f, Accuracy(a)
}

// ---- conversions --------------------------------------------------------

// SetString sets z to the value of s in the given base and returns z and
// true; (nil, false) on failure. Base 0 reads Go's prefixes (0b, 0o, 0,
// 0x) and underscores between digits; bases up to 36 take letters in
// either case, bases 37 to 62 a-z as 10..35 and A-Z as 36..61.
func (z *Int) SetString(s string, base int) (*Int, bool) {
	if base != 0 && (base < 2 || base > MaxBase) {
		panic(fmt.Sprintf("invalid number base %d", base))
	}
	if !setString(z, s, base) {
		return nil, false
	}
	return z, true
}

// Text returns x in the given base (2 to 62); "<nil>" for a nil x.
func (x *Int) Text(base int) string {
	if x == nil {
		return "<nil>"
	}
	if base < 2 || base > MaxBase {
		panic("invalid base")
	}
	return text(x, base)
}

// Append appends x.Text(base) to buf.
func (x *Int) Append(buf []byte, base int) []byte {
	return append(buf, x.Text(base)...)
}

// String returns x in decimal.
func (x *Int) String() string { return x.Text(10) }

// Format implements fmt.Formatter: verbs b, o, O, d, x, X, s and v, with
// the flags + space # 0 - and width and precision (minimum digits).
func (x *Int) Format(s fmt.State, ch rune) {
	base := 0
	switch ch {
	case 'b':
		base = 2
	case 'o', 'O':
		base = 8
	case 'd', 's', 'v':
		base = 10
	case 'x', 'X':
		base = 16
	default:
		fmt.Fprintf(s, "%%!%c(big.Int=%s)", ch, x.String())
		return
	}
	if x == nil {
		fmt.Fprint(s, "<nil>")
		return
	}
	sign := ""
	switch {
	case x.Sign() < 0:
		sign = "-"
	case s.Flag('+'):
		sign = "+"
	case s.Flag(' '):
		sign = " "
	}
	prefix := ""
	if s.Flag('#') {
		switch ch {
		case 'b':
			prefix = "0b"
		case 'o':
			prefix = "0"
		case 'x':
			prefix = "0x"
		case 'X':
			prefix = "0X"
		}
	}
	if ch == 'O' {
		prefix = "0o"
	}
	digits := text(new(Int).Abs(x), base)
	if ch == 'X' {
		digits = strings.ToUpper(digits)
	}
	left, zeros, right := 0, 0, 0
	prec, precSet := s.Precision()
	if precSet {
		if len(digits) < prec {
			zeros = prec - len(digits)
		} else if digits == "0" && prec == 0 {
			return
		}
	}
	length := len(sign) + len(prefix) + zeros + len(digits)
	if width, ok := s.Width(); ok && length < width {
		d := width - length
		switch {
		case s.Flag('-'):
			right = d
		case s.Flag('0') && !precSet:
			zeros = d
		default:
			left = d
		}
	}
	out := strings.Repeat(" ", left) + sign + prefix + strings.Repeat("0", zeros) +
		digits + strings.Repeat(" ", right)
	s.Write([]byte(out))
}

// MarshalText implements encoding.TextMarshaler.
func (x *Int) MarshalText() ([]byte, error) {
	if x == nil {
		return []byte("<nil>"), nil
	}
	return []byte(x.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (base 0 syntax).
func (z *Int) UnmarshalText(text []byte) error {
	if _, ok := z.SetString(string(text), 0); !ok {
		return fmt.Errorf("math/big: cannot unmarshal %q into a *big.Int", text)
	}
	return nil
}

// MarshalJSON implements json.Marshaler.
func (x *Int) MarshalJSON() ([]byte, error) {
	if x == nil {
		return []byte("null"), nil
	}
	return []byte(x.String()), nil
}

// UnmarshalJSON implements json.Unmarshaler; null is ignored.
func (z *Int) UnmarshalJSON(text []byte) error {
	if string(text) == "null" {
		return nil
	}
	return z.UnmarshalText(text)
}

// ---- Rat ----------------------------------------------------------------

// mpq is GMP's mpq_t.
type mpq struct{}

// A Rat represents a quotient a/b of arbitrary precision, always in lowest
// terms with b > 0. The zero value is 0.
type Rat struct {
	q *mpq // nil: 0/1
}

// NewRat creates a new Rat with numerator a and denominator b.
func NewRat(a, b int64) *Rat { return new(Rat).SetFrac64(a, b) }

func num(x *Rat) *mpz
func den(x *Rat) *mpz
func setFrac(z *Rat, a, b *Int)
func setFloat64(z *Rat, f float64)
func ratFloat(x *Rat, bits int) (float64, bool)

// SetFrac sets z to a/b and returns z; it panics if b == 0.
func (z *Rat) SetFrac(a, b *Int) *Rat {
	setFrac(z, a, b)
	return z
}

// SetFrac64 sets z to a/b and returns z; it panics if b == 0.
func (z *Rat) SetFrac64(a, b int64) *Rat {
	setFrac(z, NewInt(a), NewInt(b))
	return z
}

// SetInt sets z to x (by copying) and returns z.
func (z *Rat) SetInt(x *Int) *Rat

// SetInt64 sets z to x and returns z.
func (z *Rat) SetInt64(x int64) *Rat

// SetUint64 sets z to x and returns z.
func (z *Rat) SetUint64(x uint64) *Rat

// Set sets z to x (by copying) and returns z.
func (z *Rat) Set(x *Rat) *Rat

// SetFloat64 sets z to exactly f and returns z; nil if f is not finite.
func (z *Rat) SetFloat64(f float64) *Rat {
	if f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308 {
		return nil
	}
	setFloat64(z, f)
	return z
}

// Add sets z to the sum x+y and returns z.
func (z *Rat) Add(x, y *Rat) *Rat

// Sub sets z to the difference x-y and returns z.
func (z *Rat) Sub(x, y *Rat) *Rat

// Mul sets z to the product x*y and returns z.
func (z *Rat) Mul(x, y *Rat) *Rat

// Quo sets z to the quotient x/y and returns z; it panics if y == 0.
func (z *Rat) Quo(x, y *Rat) *Rat

// Inv sets z to 1/x and returns z; it panics if x == 0.
func (z *Rat) Inv(x *Rat) *Rat

// Neg sets z to -x and returns z.
func (z *Rat) Neg(x *Rat) *Rat

// Abs sets z to |x| and returns z.
func (z *Rat) Abs(x *Rat) *Rat

// Cmp compares x and y: -1, 0 or +1.
func (x *Rat) Cmp(y *Rat) int

// Sign returns -1, 0 or +1 as x is negative, zero or positive.
func (x *Rat) Sign() int { return x.Num().Sign() }

// IsInt reports whether the denominator of x is 1.
func (x *Rat) IsInt() bool { return x.q == nil || x.Denom().Cmp(NewInt(1)) == 0 }

// Num returns the numerator of x, a reference to x's own: it changes when
// x does, and the other way round.
func (x *Rat) Num() *Int { return &Int{m: num(x)} }

// Denom returns the denominator of x (> 0), a reference to x's own, except
// for a zero-value Rat, for which it is a new Int of value 1.
func (x *Rat) Denom() *Int {
	if x.q == nil {
		return NewInt(1)
	}
	return &Int{m: den(x)}
}

// Float64 returns the float64 nearest x and whether it is exact.
func (x *Rat) Float64() (float64, bool) { return ratFloat(x, 64) }

// Float32 returns the float32 nearest x and whether it is exact.
func (x *Rat) Float32() (float32, bool) {
	f, exact := ratFloat(x, 32)
	return float32(f), exact
}

// String returns x as "a/b" (also when b == 1).
func (x *Rat) String() string {
	if x == nil {
		return "<nil>"
	}
	return x.Num().String() + "/" + x.Denom().String()
}

// RatString returns x as "a/b", or "a" when b == 1.
func (x *Rat) RatString() string {
	if x.IsInt() {
		return x.Num().String()
	}
	return x.String()
}

// FloatString returns x in decimal with prec digits after the point, the
// last one rounded half away from zero.
func (x *Rat) FloatString(prec int) string {
	n, d := x.Num(), x.Denom()
	if x.IsInt() {
		s := n.String()
		if prec > 0 {
			s += "." + strings.Repeat("0", prec)
		}
		return s
	}
	q, r := new(Int).QuoRem(new(Int).Abs(n), d, new(Int))
	p := NewInt(1)
	if prec > 0 {
		p.Exp(NewInt(10), NewInt(int64(prec)), nil)
	}
	r.Mul(r, p)
	r, r2 := r.QuoRem(r, d, new(Int))
	r2.Add(r2, r2)
	if d.Cmp(r2) <= 0 {
		r.Add(r, NewInt(1))
		if r.Cmp(p) >= 0 {
			q.Add(q, NewInt(1))
			r.Sub(r, p)
		}
	}
	s := q.String()
	if n.Sign() < 0 {
		s = "-" + s
	}
	if prec > 0 {
		rs := r.String()
		s += "." + strings.Repeat("0", prec-len(rs)) + rs
	}
	return s
}

// SetString sets z to the value of s and returns z and true: s is a
// fraction "a/b" (a signed, each part decimal or with a base prefix) or a
// decimal floating-point number with an optional exponent ("1.5e-3").
// (nil, false) on failure.
func (z *Rat) SetString(s string) (*Rat, bool) {
	if len(s) == 0 {
		return nil, false
	}
	if sep := strings.Index(s, "/"); sep >= 0 {
		a, ok := new(Int).SetString(s[:sep], 0)
		if !ok {
			return nil, false
		}
		rest := s[sep+1:]
		if len(rest) > 0 && (rest[0] == '+' || rest[0] == '-') {
			return nil, false
		}
		b, ok := new(Int).SetString(rest, 0)
		if !ok || b.Sign() == 0 {
			return nil, false
		}
		return z.SetFrac(a, b), true
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	var e10 int64
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, ok := new(Int).SetString(s[i+1:], 10)
		if !ok || !e.IsInt64() || e.Int64() > 1e8 || e.Int64() < -1e8 {
			return nil, false
		}
		e10 = e.Int64()
		s = s[:i]
	}
	if i := strings.Index(s, "."); i >= 0 {
		frac := s[i+1:]
		s = s[:i] + frac
		e10 -= int64(len(frac))
		if s == "" || strings.ContainsAny(s, ".+-_") {
			return nil, false
		}
	}
	if s == "" || s[0] == '+' || s[0] == '-' {
		return nil, false
	}
	m, ok := new(Int).SetString(s, 10)
	if !ok {
		return nil, false
	}
	if neg {
		m.Neg(m)
	}
	p := new(Int).Exp(NewInt(10), NewInt(abs64(e10)), nil)
	if e10 < 0 {
		return z.SetFrac(m, p), true
	}
	return z.SetInt(m.Mul(m, p)), true
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// MarshalText implements encoding.TextMarshaler.
func (x *Rat) MarshalText() ([]byte, error) {
	if x.IsInt() {
		return x.Num().MarshalText()
	}
	return []byte(x.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (z *Rat) UnmarshalText(text []byte) error {
	if _, ok := z.SetString(string(text)); !ok {
		return fmt.Errorf("math/big: cannot unmarshal %q into a *big.Rat", text)
	}
	return nil
}

