// Package rand implements pseudo-random number generators suitable for
// tasks such as simulation, but it should not be used for security-sensitive
// work.
//
// Package math/rand/v2 — csp's standard library, written in csp except the
// ChaCha8 block function (stdlib/math/rand/v2/v2.c). Seeded generators
// (NewPCG, NewChaCha8) give Go's exact sequences, and every derived value
// (IntN, Float64, Perm, Shuffle, NormFloat64, ExpFloat64, Zipf) follows
// Go's algorithm, so a seeded program prints what Go prints. The top-level
// functions draw from the runtime's generator: random, as in Go. The
// generic N is not provided (csp has no generics yet).
package rand

import (
	"errors"
	"math"
	"math/bits"
)

// A Source is a source of uniformly-distributed pseudo-random uint64
// values in the range [0, 1<<64).
type Source interface {
	Uint64() uint64
}

// A Rand is a source of random numbers.
type Rand struct {
	src Source
}

// New returns a new Rand that uses random values from src to generate
// other random values.
func New(src Source) *Rand {
	return &Rand{src: src}
}

// Int64 returns a non-negative pseudo-random 63-bit integer as an int64.
func (r *Rand) Int64() int64 { return int64(r.src.Uint64() &^ (1 << 63)) }

// Uint32 returns a pseudo-random 32-bit value as a uint32.
func (r *Rand) Uint32() uint32 { return uint32(r.src.Uint64() >> 32) }

// Uint64 returns a pseudo-random 64-bit value as a uint64.
func (r *Rand) Uint64() uint64 { return r.src.Uint64() }

// Int32 returns a non-negative pseudo-random 31-bit integer as an int32.
func (r *Rand) Int32() int32 { return int32(r.src.Uint64() >> 33) }

// Int returns a non-negative pseudo-random int.
func (r *Rand) Int() int { return int(uint(r.src.Uint64()) << 1 >> 1) }

// Uint returns a pseudo-random uint.
func (r *Rand) Uint() uint { return uint(r.src.Uint64()) }

// Int64N returns, as an int64, a non-negative pseudo-random number in the
// half-open interval [0,n). It panics if n <= 0.
func (r *Rand) Int64N(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int64N")
	}
	return int64(r.uint64n(uint64(n)))
}

// Uint64N returns, as a uint64, a non-negative pseudo-random number in the
// half-open interval [0,n). It panics if n == 0.
func (r *Rand) Uint64N(n uint64) uint64 {
	if n == 0 {
		panic("invalid argument to Uint64N")
	}
	return r.uint64n(n)
}

// uint64n is Lemire's multiply-and-reject: the high word of x*n is
// uniform in [0,n) once the low words below 2^64 mod n are redrawn. A
// power of two just masks.
func (r *Rand) uint64n(n uint64) uint64 {
	if n&(n-1) == 0 {
		return r.Uint64() & (n - 1)
	}
	hi, lo := bits.Mul64(r.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(r.Uint64(), n)
		}
	}
	return hi
}

// Int32N returns, as an int32, a non-negative pseudo-random number in the
// half-open interval [0,n). It panics if n <= 0.
func (r *Rand) Int32N(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int32N")
	}
	return int32(r.uint64n(uint64(n)))
}

// Uint32N returns, as a uint32, a non-negative pseudo-random number in the
// half-open interval [0,n). It panics if n == 0.
func (r *Rand) Uint32N(n uint32) uint32 {
	if n == 0 {
		panic("invalid argument to Uint32N")
	}
	return uint32(r.uint64n(uint64(n)))
}

// IntN returns, as an int, a non-negative pseudo-random number in the
// half-open interval [0,n). It panics if n <= 0.
func (r *Rand) IntN(n int) int {
	if n <= 0 {
		panic("invalid argument to IntN")
	}
	return int(r.uint64n(uint64(n)))
}

// UintN returns, as a uint, a non-negative pseudo-random number in the
// half-open interval [0,n). It panics if n == 0.
func (r *Rand) UintN(n uint) uint {
	if n == 0 {
		panic("invalid argument to UintN")
	}
	return uint(r.uint64n(uint64(n)))
}

// Float64 returns, as a float64, a pseudo-random number in the half-open
// interval [0.0,1.0).
func (r *Rand) Float64() float64 {
	return float64(r.Uint64()<<11>>11) / (1 << 53)
}

// Float32 returns, as a float32, a pseudo-random number in the half-open
// interval [0.0,1.0).
func (r *Rand) Float32() float32 {
	return float32(r.Uint32()<<8>>8) / (1 << 24)
}

// Perm returns, as a slice of n ints, a pseudo-random permutation of the
// integers in the half-open interval [0,n).
func (r *Rand) Perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

// Shuffle pseudo-randomizes the order of elements (Fisher-Yates from the
// end). n is the number of elements. Shuffle panics if n < 0. swap swaps
// the elements with indexes i and j.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := int(r.uint64n(uint64(i + 1)))
		swap(i, j)
	}
}

// Ziggurat sampling (Marsaglia & Tsang, "The Ziggurat Method for
// Generating Random Variables", 2000) with Go's layout: 128 strips for the
// normal distribution, 256 for the exponential.
const (
	rn = 3.442619855899
	re = 7.69711747013104972
)

func absInt32(i int32) uint32 {
	if i < 0 {
		return uint32(-i)
	}
	return uint32(i)
}

// NormFloat64 returns a normally distributed float64 in the range
// -math.MaxFloat64 through +math.MaxFloat64 inclusive, with standard
// normal distribution (mean = 0, stddev = 1).
func (r *Rand) NormFloat64() float64 {
	for {
		u := r.Uint64()
		j := int32(u)
		i := u >> 32 & 0x7F
		x := float64(j) * float64(wn[i])
		if absInt32(j) < kn[i] {
			return x // inside the strip's rectangle: the common case
		}
		if i == 0 {
			// The base strip's tail, beyond rn.
			for {
				x = -math.Log(r.Float64()) * (1.0 / rn)
				y := -math.Log(r.Float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return rn + x
			}
			return -rn - x
		}
		if fn[i]+float32(r.Float64())*(fn[i-1]-fn[i]) < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

// ExpFloat64 returns an exponentially distributed float64 in the range
// (0, +math.MaxFloat64] with an exponential distribution whose rate
// parameter (lambda) is 1 and whose mean is 1/lambda (1).
func (r *Rand) ExpFloat64() float64 {
	for {
		u := r.Uint64()
		j := uint32(u)
		i := uint8(u >> 32)
		x := float64(j) * float64(we[i])
		if j < ke[i] {
			return x
		}
		if i == 0 {
			return re - math.Log(r.Float64())
		}
		if fe[i]+float32(r.Float64())*(fe[i-1]-fe[i]) < float32(math.Exp(-x)) {
			return x
		}
	}
}

// The top-level functions use the runtime's generator.

func runtimeRand() uint64

type runtimeSource struct{}

func (runtimeSource) Uint64() uint64 { return runtimeRand() }

var globalRand = &Rand{src: runtimeSource{}}

// Int64 returns a non-negative pseudo-random 63-bit integer as an int64
// from the default Source.
func Int64() int64 { return globalRand.Int64() }

// Uint32 returns a pseudo-random 32-bit value as a uint32 from the default Source.
func Uint32() uint32 { return globalRand.Uint32() }

// Uint64N returns, as a uint64, a pseudo-random number in the half-open
// interval [0,n) from the default Source. It panics if n == 0.
func Uint64N(n uint64) uint64 { return globalRand.Uint64N(n) }

// Uint32N returns, as a uint32, a pseudo-random number in the half-open
// interval [0,n) from the default Source. It panics if n == 0.
func Uint32N(n uint32) uint32 { return globalRand.Uint32N(n) }

// Uint64 returns a pseudo-random 64-bit value as a uint64 from the default Source.
func Uint64() uint64 { return globalRand.Uint64() }

// Int32 returns a non-negative pseudo-random 31-bit integer as an int32
// from the default Source.
func Int32() int32 { return globalRand.Int32() }

// Int returns a non-negative pseudo-random int from the default Source.
func Int() int { return globalRand.Int() }

// Uint returns a pseudo-random uint from the default Source.
func Uint() uint { return globalRand.Uint() }

// Int64N returns, as an int64, a pseudo-random number in the half-open
// interval [0,n) from the default Source. It panics if n <= 0.
func Int64N(n int64) int64 { return globalRand.Int64N(n) }

// Int32N returns, as an int32, a pseudo-random number in the half-open
// interval [0,n) from the default Source. It panics if n <= 0.
func Int32N(n int32) int32 { return globalRand.Int32N(n) }

// IntN returns, as an int, a pseudo-random number in the half-open
// interval [0,n) from the default Source. It panics if n <= 0.
func IntN(n int) int { return globalRand.IntN(n) }

// UintN returns, as a uint, a pseudo-random number in the half-open
// interval [0,n) from the default Source. It panics if n == 0.
func UintN(n uint) uint { return globalRand.UintN(n) }

// Float64 returns, as a float64, a pseudo-random number in the half-open
// interval [0.0,1.0) from the default Source.
func Float64() float64 { return globalRand.Float64() }

// Float32 returns, as a float32, a pseudo-random number in the half-open
// interval [0.0,1.0) from the default Source.
func Float32() float32 { return globalRand.Float32() }

// Perm returns, as a slice of n ints, a pseudo-random permutation of the
// integers in the half-open interval [0,n) from the default Source.
func Perm(n int) []int { return globalRand.Perm(n) }

// Shuffle pseudo-randomizes the order of elements using the default Source.
func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }

// NormFloat64 returns a normally distributed float64 with standard normal
// distribution from the default Source.
func NormFloat64() float64 { return globalRand.NormFloat64() }

// ExpFloat64 returns an exponentially distributed float64 with rate 1
// from the default Source.
func ExpFloat64() float64 { return globalRand.ExpFloat64() }

// A PCG is a PCG generator with 128 bits of internal state: a 128-bit LCG
// step followed by Go's DXSM output permutation.
type PCG struct {
	hi uint64
	lo uint64
}

// NewPCG returns a new PCG seeded with the given values.
func NewPCG(seed1, seed2 uint64) *PCG {
	return &PCG{seed1, seed2}
}

// Seed resets the PCG to behave the same way as NewPCG(seed1, seed2).
func (p *PCG) Seed(seed1, seed2 uint64) {
	p.hi = seed1
	p.lo = seed2
}

// AppendBinary implements the encoding.BinaryAppender interface.
func (p *PCG) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, "pcg:"...)
	b = appendBE64(b, p.hi)
	b = appendBE64(b, p.lo)
	return b, nil
}

// MarshalBinary implements the encoding.BinaryMarshaler interface.
func (p *PCG) MarshalBinary() ([]byte, error) {
	return p.AppendBinary(make([]byte, 0, 20))
}

var errUnmarshalPCG = errors.New("invalid PCG encoding")

// UnmarshalBinary implements the encoding.BinaryUnmarshaler interface.
func (p *PCG) UnmarshalBinary(data []byte) error {
	if len(data) != 20 || string(data[:4]) != "pcg:" {
		return errUnmarshalPCG
	}
	p.hi = be64(data[4:])
	p.lo = be64(data[12:])
	return nil
}

// next advances the 128-bit LCG: state = state*mul + inc (mod 2^128).
func (p *PCG) next() (hi, lo uint64) {
	const (
		mulHi = 2549297995355413924
		mulLo = 4865540595714422341
		incHi = 6364136223846793005
		incLo = 1442695040888963407
	)
	hi, lo = bits.Mul64(p.lo, mulLo)
	hi += p.hi*mulLo + p.lo*mulHi
	lo, c := bits.Add64(lo, incLo, 0)
	hi, _ = bits.Add64(hi, incHi, c)
	p.lo = lo
	p.hi = hi
	return hi, lo
}

// Uint64 returns a uniformly-distributed random uint64 value.
func (p *PCG) Uint64() uint64 {
	hi, lo := p.next()
	// DXSM "double xorshift multiply" with a 64-bit multiplier.
	const cheapMul = 0xda942042e4dd58b5
	hi ^= hi >> 32
	hi *= cheapMul
	hi ^= hi >> 48
	hi *= (lo | 1)
	return hi
}

func appendBE64(b []byte, v uint64) []byte {
	for i := 56; i >= 0; i -= 8 {
		b = append(b, byte(v>>i))
	}
	return b
}

func be64(b []byte) uint64 {
	var v uint64
	for i := 0; i < 8; i++ {
		v = v<<8 | uint64(b[i])
	}
	return v
}

func le64(b []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

func putLE64(b []byte, v uint64) {
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

// The ChaCha8 generator (C2SP chacha8rand): each block call yields 32
// words from counters c..c+3; after 4 calls (c reaching 16) the last 4
// words of the buffer become the next key and are never output.
const (
	ctrInc = 4
	ctrMax = 16
	chunk  = 32
	reseed = 4
)

func chachaBlock(seed *[4]uint64, buf *[32]uint64, counter uint32)

type chachaState struct {
	buf  [32]uint64
	seed [4]uint64
	i    uint32 // next word of buf
	n    uint32 // words of buf that may be output
	c    uint32 // counter of buf's block
}

func (s *chachaState) next() (uint64, bool) {
	if s.i >= s.n {
		return 0, false
	}
	s.i++
	return s.buf[s.i-1], true
}

func (s *chachaState) init(seed [32]byte) {
	s.seed = [4]uint64{le64(seed[0:]), le64(seed[8:]), le64(seed[16:]), le64(seed[24:])}
	chachaBlock(&s.seed, &s.buf, 0)
	s.c = 0
	s.i = 0
	s.n = chunk
}

func (s *chachaState) refill() {
	s.c += ctrInc
	if s.c == ctrMax {
		copy(s.seed[:], s.buf[len(s.buf)-reseed:])
		s.c = 0
	}
	chachaBlock(&s.seed, &s.buf, s.c)
	s.i = 0
	s.n = uint32(len(s.buf))
	if s.c == ctrMax-ctrInc {
		s.n = uint32(len(s.buf)) - reseed
	}
}

// A ChaCha8 is a ChaCha8-based cryptographically strong random number
// generator.
type ChaCha8 struct {
	state   chachaState
	readBuf [8]byte // Read's leftover bytes: the last readLen
	readLen int
}

// NewChaCha8 returns a new ChaCha8 seeded with the given seed.
func NewChaCha8(seed [32]byte) *ChaCha8 {
	c := new(ChaCha8)
	c.state.init(seed)
	return c
}

// Seed resets the ChaCha8 to behave the same way as NewChaCha8(seed).
func (c *ChaCha8) Seed(seed [32]byte) {
	c.state.init(seed)
	c.readLen = 0
	c.readBuf = [8]byte{}
}

// Uint64 returns a uniformly distributed random uint64 value.
func (c *ChaCha8) Uint64() uint64 {
	for {
		x, ok := c.state.next()
		if ok {
			return x
		}
		c.state.refill()
	}
}

// Read reads exactly len(p) bytes into p. It always returns len(p) and a
// nil error.
func (c *ChaCha8) Read(p []byte) (n int, err error) {
	if c.readLen > 0 {
		n = copy(p, c.readBuf[len(c.readBuf)-c.readLen:])
		c.readLen -= n
		p = p[n:]
	}
	for len(p) >= 8 {
		putLE64(p, c.Uint64())
		p = p[8:]
		n += 8
	}
	if len(p) > 0 {
		putLE64(c.readBuf[:], c.Uint64())
		n += copy(p, c.readBuf[:])
		c.readLen = 8 - len(p)
	}
	return
}

// AppendBinary implements the encoding.BinaryAppender interface.
func (c *ChaCha8) AppendBinary(b []byte) ([]byte, error) {
	if c.readLen > 0 {
		b = append(b, "readbuf:"...)
		b = append(b, uint8(c.readLen))
		b = append(b, c.readBuf[len(c.readBuf)-c.readLen:]...)
	}
	s := &c.state
	b = append(b, "chacha8:"...)
	b = appendBE64(b, uint64((s.c/ctrInc)*chunk+s.i))
	for _, w := range s.seed {
		var le [8]byte
		putLE64(le[:], w)
		b = append(b, le[:]...)
	}
	return b, nil
}

// MarshalBinary implements the encoding.BinaryMarshaler interface.
func (c *ChaCha8) MarshalBinary() ([]byte, error) {
	return c.AppendBinary(make([]byte, 0, 64))
}

type errUnmarshalChaCha8 struct{}

func (*errUnmarshalChaCha8) Error() string { return "invalid ChaCha8 encoding" }

// UnmarshalBinary implements the encoding.BinaryUnmarshaler interface.
func (c *ChaCha8) UnmarshalBinary(data []byte) error {
	if len(data) >= 8 && string(data[:8]) == "readbuf:" {
		data = data[8:]
		if len(data) == 0 || len(data) < int(1+data[0]) {
			return errors.New("invalid ChaCha8 Read buffer encoding")
		}
		buf := data[1 : 1+data[0]]
		data = data[1+data[0]:]
		c.readLen = copy(c.readBuf[len(c.readBuf)-len(buf):], buf)
	}
	if len(data) != 6*8 || string(data[:8]) != "chacha8:" {
		return new(errUnmarshalChaCha8)
	}
	used := be64(data[8:])
	if used > (ctrMax/ctrInc)*chunk-reseed {
		return new(errUnmarshalChaCha8)
	}
	s := &c.state
	for i := range s.seed {
		s.seed[i] = le64(data[(2+i)*8:])
	}
	s.c = ctrInc * (uint32(used) / chunk)
	chachaBlock(&s.seed, &s.buf, s.c)
	s.i = uint32(used) % chunk
	s.n = chunk
	if s.c == ctrMax-ctrInc {
		s.n = chunk - reseed
	}
	return nil
}

// A Zipf generates Zipf distributed variates (W. Hormann, G. Derflinger:
// "Rejection-Inversion to Generate Variates from Monotone Discrete
// Distributions").
type Zipf struct {
	r            *Rand
	imax         float64
	v            float64
	q            float64
	s            float64
	oneminusQ    float64
	oneminusQinv float64
	hxm          float64
	hx0minusHxm  float64
}

func (z *Zipf) h(x float64) float64 {
	return math.Exp(z.oneminusQ*math.Log(z.v+x)) * z.oneminusQinv
}

func (z *Zipf) hinv(x float64) float64 {
	return math.Exp(z.oneminusQinv*math.Log(z.oneminusQ*x)) - z.v
}

// NewZipf returns a Zipf variate generator. The generator generates values
// k ∈ [0, imax] such that P(k) is proportional to (v + k) ** (-s).
// Requirements: s > 1 and v >= 1; otherwise it returns nil.
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	if s <= 1.0 || v < 1 {
		return nil
	}
	z := &Zipf{r: r, imax: float64(imax), v: v, q: s}
	z.oneminusQ = 1.0 - z.q
	z.oneminusQinv = 1.0 / z.oneminusQ
	z.hxm = z.h(z.imax + 0.5)
	z.hx0minusHxm = z.h(0.5) - math.Exp(math.Log(z.v)*(-z.q)) - z.hxm
	z.s = 1 - z.hinv(z.h(1.5)-math.Exp(-z.q*math.Log(z.v+1.0)))
	return z
}

// Uint64 returns a value drawn from the Zipf distribution described by the
// Zipf object.
func (z *Zipf) Uint64() uint64 {
	if z == nil {
		panic("rand: nil Zipf")
	}
	k := 0.0
	for {
		r := z.r.Float64()
		ur := z.hxm + r*z.hx0minusHxm
		x := z.hinv(ur)
		k = math.Floor(x + 0.5)
		if k-x <= z.s {
			break
		}
		if ur >= z.h(k+0.5)-math.Exp(-math.Log(k+z.v)*z.q) {
			break
		}
	}
	return uint64(k)
}

// The ziggurat tables: strip boundaries kn/ke (scaled to 2^31 and 2^32),
// widths wn/we and densities fn/fe, computed by Marsaglia & Tsang's
// construction (normal: r = 3.442619855899, v = 9.91256303526217e-3;
// exponential: r = 7.697117470131487, v = 3.949659822581572e-3) in
// float64 and rounded to float32, as Go's tables are.

var kn = [128]uint32{
	0x76ad2212, 0x0, 0x600f1b53, 0x6ce447a6, 0x725b46a2, 0x7560051d,
	0x774921eb, 0x789a25bd, 0x799045c3, 0x7a4bce5d, 0x7adf629f, 0x7b5682a6,
	0x7bb8a8c6, 0x7c0ae722, 0x7c50cce7, 0x7c8cec5b, 0x7cc12cd6, 0x7ceefed2,
	0x7d177e0b, 0x7d3b8883, 0x7d5bce6c, 0x7d78dd64, 0x7d932886, 0x7dab0e57,
	0x7dc0dd30, 0x7dd4d688, 0x7de73185, 0x7df81cea, 0x7e07c0a3, 0x7e163efa,
	0x7e23b587, 0x7e303dfd, 0x7e3beec2, 0x7e46db77, 0x7e51155d, 0x7e5aabb3,
	0x7e63abf7, 0x7e6c222c, 0x7e741906, 0x7e7b9a18, 0x7e82adfa, 0x7e895c63,
	0x7e8fac4b, 0x7e95a3fb, 0x7e9b4924, 0x7ea0a0ef, 0x7ea5b00d, 0x7eaa7ac3,
	0x7eaf04f3, 0x7eb3522a, 0x7eb765a5, 0x7ebb4259, 0x7ebeeafd, 0x7ec2620a,
	0x7ec5a9c4, 0x7ec8c441, 0x7ecbb365, 0x7ece78ed, 0x7ed11671, 0x7ed38d62,
	0x7ed5df12, 0x7ed80cb4, 0x7eda175c, 0x7edc0005, 0x7eddc78e, 0x7edf6ebf,
	0x7ee0f647, 0x7ee25ebe, 0x7ee3a8a9, 0x7ee4d473, 0x7ee5e276, 0x7ee6d2f5,
	0x7ee7a620, 0x7ee85c10, 0x7ee8f4cd, 0x7ee97047, 0x7ee9ce59, 0x7eea0eca,
	0x7eea3147, 0x7eea3568, 0x7eea1aab, 0x7ee9e071, 0x7ee98602, 0x7ee90a88,
	0x7ee86d08, 0x7ee7ac6a, 0x7ee6c769, 0x7ee5bc9c, 0x7ee48a67, 0x7ee32efc,
	0x7ee1a857, 0x7edff42f, 0x7ede0ffa, 0x7edbf8d9, 0x7ed9ab94, 0x7ed7248d,
	0x7ed45fae, 0x7ed1585c, 0x7ece095f, 0x7eca6ccb, 0x7ec67be2, 0x7ec22eee,
	0x7ebd7d1a, 0x7eb85c35, 0x7eb2c075, 0x7eac9c20, 0x7ea5df27, 0x7e9e769f,
	0x7e964c16, 0x7e8d44ba, 0x7e834033, 0x7e781728, 0x7e6b9933, 0x7e5d8a1a,
	0x7e4d9ded, 0x7e3b737a, 0x7e268c2f, 0x7e0e3ff5, 0x7df1aa5d, 0x7dcf8c72,
	0x7da61a1e, 0x7d72a0fb, 0x7d30e097, 0x7cd9b4ab, 0x7c600f1a, 0x7ba90bdc,
	0x7a722176, 0x77d664e5,
}

var wn = [128]float32{
	1.7290404663583558e-09, 1.2680928529462676e-10, 1.689751810696194e-10,
	1.9862687883343e-10, 2.223243117382978e-10, 2.4244936613904144e-10,
	2.601613091623989e-10, 2.761198769629658e-10, 2.9073962681813725e-10,
	3.042996965518796e-10, 3.169979556627567e-10, 3.289802041894774e-10,
	3.4035738116777736e-10, 3.5121602848242617e-10, 3.61625090983253e-10,
	3.7164057942185025e-10, 3.813085680537398e-10, 3.906675816178762e-10,
	3.997501218933053e-10, 4.0858399996679395e-10, 4.1719308563337165e-10,
	4.255982233303257e-10, 4.3381759295968436e-10, 4.4186720948857783e-10,
	4.497613115272969e-10, 4.57512583373898e-10, 4.6513240481438345e-10,
	4.726310454117311e-10, 4.800177477726209e-10, 4.873009773476156e-10,
	4.944885056978876e-10, 5.015873272284921e-10, 5.086040477664255e-10,
	5.155446070048697e-10, 5.224146670812502e-10, 5.292193350214802e-10,
	5.359634958068682e-10, 5.426517013518151e-10, 5.492881705038144e-10,
	5.558769555769061e-10, 5.624218868405251e-10, 5.689264614971989e-10,
	5.75394121238304e-10, 5.818281967329142e-10, 5.882316855831959e-10,
	5.946076964136182e-10, 6.009590047817426e-10, 6.072883862451306e-10,
	6.135985053390414e-10, 6.19892026598734e-10, 6.261713370037114e-10,
	6.324390455780815e-10, 6.386973727678935e-10, 6.449488165749528e-10,
	6.511955974453087e-10, 6.574400468473129e-10, 6.636843297158634e-10,
	6.699307220081607e-10, 6.761814441702541e-10, 6.824387166481927e-10,
	6.887046488657234e-10, 6.949815167800466e-10, 7.012714853260604e-10,
	7.075767749498141e-10, 7.13899661608508e-10, 7.202424212593428e-10,
	7.266072743483676e-10, 7.329966078550854e-10, 7.394128087589991e-10,
	7.458582640396116e-10, 7.523354716987285e-10, 7.588469852493063e-10,
	7.653954137154528e-10, 7.719834771435785e-10, 7.786139510912449e-10,
	7.852897221383159e-10, 7.920137878869582e-10, 7.987892014504894e-10,
	8.056192379868321e-10, 8.125072836762115e-10, 8.194568912323064e-10,
	8.264716688799467e-10, 8.3355555791087e-10, 8.407127216614185e-10,
	8.479473234679347e-10, 8.552640262671218e-10, 8.626675485068347e-10,
	8.701631637464402e-10, 8.777562010564566e-10, 8.854524335966119e-10,
	8.932581896381464e-10, 9.011799639857543e-10, 9.092249730890956e-10,
	9.174008219758889e-10, 9.25715837318819e-10, 9.341788453909317e-10,
	9.42799727177146e-10, 9.515889187738935e-10, 9.605578554783278e-10,
	9.697193048552322e-10, 9.790869226478094e-10, 9.886760299337993e-10,
	9.985036131254788e-10, 1.008588212947359e-09, 1.0189509236369076e-09,
	1.0296150598776421e-09, 1.040606933955246e-09, 1.0519566329136865e-09,
	1.0636980185552147e-09, 1.0758701707302976e-09, 1.0885182755160372e-09,
	1.101694735439196e-09, 1.115461056855338e-09, 1.1298901814171813e-09,
	1.1450695946990663e-09, 1.1611052119775422e-09, 1.178127595480305e-09,
	1.1962995039027646e-09, 1.2158286599728285e-09, 1.2369856250415978e-09,
	1.2601323318151003e-09, 1.2857697129220469e-09, 1.3146201904845611e-09,
	1.3477839955200466e-09, 1.3870635751089821e-09, 1.43574030442295e-09,
	1.5008658760251592e-09, 1.6030947680434338e-09,
}

var fn = [128]float32{
	1.0, 0.963599681854248, 0.9362826943397522,
	0.9130436182022095, 0.8922816514968872, 0.8732430338859558,
	0.8555005788803101, 0.8387836217880249, 0.8229072093963623,
	0.8077383041381836, 0.7931770086288452, 0.7791460752487183,
	0.7655841708183289, 0.7524415850639343, 0.7396772503852844,
	0.7272568941116333, 0.7151514887809753, 0.7033361196517944,
	0.6917891502380371, 0.6804918646812439, 0.6694276928901672,
	0.6585819721221924, 0.6479418277740479, 0.6374954581260681,
	0.6272324919700623, 0.6171433925628662, 0.6072195172309875,
	0.5974531769752502, 0.5878370404243469, 0.5783646702766418,
	0.5690299868583679, 0.5598273873329163, 0.550751805305481,
	0.5417983531951904, 0.5329626798629761, 0.5242405533790588,
	0.5156282186508179, 0.5071220397949219, 0.49871864914894104,
	0.4904148280620575, 0.48220765590667725, 0.47409430146217346,
	0.466072142124176, 0.45813870429992676, 0.45029163360595703,
	0.44252872467041016, 0.4348478317260742, 0.42724698781967163,
	0.41972434520721436, 0.41227802634239197, 0.40490642189979553,
	0.39760786294937134, 0.3903807997703552, 0.3832238018512726,
	0.3761354684829712, 0.3691144585609436, 0.36215949058532715,
	0.3552693724632263, 0.3484429717063904, 0.3416791558265686,
	0.33497685194015503, 0.32833510637283325, 0.3217529058456421,
	0.3152293860912323, 0.30876362323760986, 0.3023548424243927,
	0.2960021495819092, 0.2897048592567444, 0.28346219658851624,
	0.2772735059261322, 0.271138072013855, 0.2650552988052368,
	0.25902456045150757, 0.25304529070854187, 0.24711695313453674,
	0.24123899638652802, 0.23541094362735748, 0.22963231801986694,
	0.22390270233154297, 0.21822164952754974, 0.21258877217769623,
	0.20700371265411377, 0.20146611332893372, 0.1959756463766098,
	0.19053204357624054, 0.18513499200344086, 0.17978426814079285,
	0.1744796335697174, 0.16922089457511902, 0.16400785744190216,
	0.1588403731584549, 0.15371830761432648, 0.14864157140254974,
	0.14361007511615753, 0.13862377405166626, 0.13368265330791473,
	0.12878671288490295, 0.12393598258495331, 0.11913054436445236,
	0.11437050998210907, 0.10965602099895477, 0.1049872562289238,
	0.10036443918943405, 0.09578784555196762, 0.09125780314207077,
	0.08677466958761215, 0.08233889937400818, 0.07795098423957825,
	0.07361150532960892, 0.06932111829519272, 0.06508058309555054,
	0.06089077144861221, 0.05675266310572624, 0.05266740173101425,
	0.048636294901371, 0.044660862535238266, 0.040742866694927216,
	0.03688438981771469, 0.03308788686990738, 0.029356317594647408,
	0.025693291798233986, 0.02210330404341221, 0.018592102453112602,
	0.015167297795414925, 0.011839478276669979, 0.0086244847625494,
	0.005548994988203049, 0.0026696291752159595,
}

var ke = [256]uint32{
	0xe290a139, 0x0, 0x9beadebc, 0xc377ac71, 0xd4ddb990, 0xde893fb8,
	0xe4a8e87c, 0xe8dff16a, 0xebf2deab, 0xee49a6e8, 0xf0204efd, 0xf19bdb8e,
	0xf2d458bb, 0xf3da104b, 0xf4b86d78, 0xf577ad8a, 0xf61de83d, 0xf6afb784,
	0xf730a573, 0xf7a37651, 0xf80a5bb6, 0xf867189d, 0xf8bb1b4f, 0xf9079062,
	0xf94d70ca, 0xf98d8c7d, 0xf9c8928a, 0xf9ff175b, 0xfa319996, 0xfa6085f8,
	0xfa8c3a62, 0xfab5084e, 0xfadb36c8, 0xfaff0410, 0xfb20a6ea, 0xfb404fb4,
	0xfb5e2951, 0xfb7a59e9, 0xfb95038c, 0xfbae44ba, 0xfbc638d8, 0xfbdcf892,
	0xfbf29a30, 0xfc0731df, 0xfc1ad1ed, 0xfc2d8b02, 0xfc3f6c4d, 0xfc5083ac,
	0xfc60ddd1, 0xfc708662, 0xfc7f8810, 0xfc8decb4, 0xfc9bbd62, 0xfca9027c,
	0xfcb5c3c3, 0xfcc20864, 0xfccdd70a, 0xfcd935e3, 0xfce42ab0, 0xfceebace,
	0xfcf8eb3b, 0xfd02c0a0, 0xfd0c3f59, 0xfd156b7b, 0xfd1e48d6, 0xfd26daff,
	0xfd2f2552, 0xfd372af7, 0xfd3eeee5, 0xfd4673e7, 0xfd4dbc9e, 0xfd54cb85,
	0xfd5ba2f2, 0xfd62451b, 0xfd68b415, 0xfd6ef1da, 0xfd750047, 0xfd7ae120,
	0xfd809612, 0xfd8620b4, 0xfd8b8285, 0xfd90bcf5, 0xfd95d15e, 0xfd9ac10b,
	0xfd9f8d36, 0xfda43708, 0xfda8bf9e, 0xfdad2806, 0xfdb17141, 0xfdb59c46,
	0xfdb9a9fd, 0xfdbd9b46, 0xfdc170f6, 0xfdc52bd8, 0xfdc8ccac, 0xfdcc542d,
	0xfdcfc30b, 0xfdd319ef, 0xfdd6597a, 0xfdd98245, 0xfddc94e5, 0xfddf91e6,
	0xfde279ce, 0xfde54d1f, 0xfde80c52, 0xfdeab7de, 0xfded5034, 0xfdefd5be,
	0xfdf248e3, 0xfdf4aa06, 0xfdf6f984, 0xfdf937b6, 0xfdfb64f4, 0xfdfd818d,
	0xfdff8dd0, 0xfe018a08, 0xfe03767a, 0xfe05536c, 0xfe07211c, 0xfe08dfc9,
	0xfe0a8fab, 0xfe0c30fb, 0xfe0dc3ec, 0xfe0f48b1, 0xfe10bf76, 0xfe122869,
	0xfe1383b4, 0xfe14d17c, 0xfe1611e7, 0xfe174516, 0xfe186b2a, 0xfe19843e,
	0xfe1a9070, 0xfe1b8fd6, 0xfe1c8289, 0xfe1d689b, 0xfe1e4220, 0xfe1f0f26,
	0xfe1fcfbc, 0xfe2083ed, 0xfe212bc3, 0xfe21c745, 0xfe225678, 0xfe22d95f,
	0xfe234ffb, 0xfe23ba4a, 0xfe241849, 0xfe2469f2, 0xfe24af3c, 0xfe24e81e,
	0xfe25148b, 0xfe253474, 0xfe2547c7, 0xfe254e70, 0xfe25485a, 0xfe25356a,
	0xfe251586, 0xfe24e88f, 0xfe24ae64, 0xfe2466e1, 0xfe2411df, 0xfe23af34,
	0xfe233eb4, 0xfe22c02c, 0xfe22336b, 0xfe219838, 0xfe20ee58, 0xfe20358c,
	0xfe1f6d92, 0xfe1e9621, 0xfe1daef0, 0xfe1cb7ac, 0xfe1bb002, 0xfe1a9798,
	0xfe196e0d, 0xfe1832fd, 0xfe16e5fe, 0xfe15869d, 0xfe141464, 0xfe128ed3,
	0xfe10f565, 0xfe0f478c, 0xfe0d84b1, 0xfe0bac36, 0xfe09bd73, 0xfe07b7b5,
	0xfe059a40, 0xfe03644c, 0xfe011504, 0xfdfeab88, 0xfdfc26e9, 0xfdf98629,
	0xfdf6c83b, 0xfdf3ec01, 0xfdf0f04a, 0xfdedd3d1, 0xfdea953d, 0xfde7331e,
	0xfde3abe9, 0xfddffdfb, 0xfddc2791, 0xfdd826cd, 0xfdd3f9a8, 0xfdcf9dfc,
	0xfdcb1176, 0xfdc65198, 0xfdc15bb3, 0xfdbc2ce2, 0xfdb6c206, 0xfdb117be,
	0xfdab2a63, 0xfda4f5fd, 0xfd9e7640, 0xfd97a67a, 0xfd908192, 0xfd8901f2,
	0xfd812182, 0xfd78d98e, 0xfd7022bb, 0xfd66f4ed, 0xfd5d4732, 0xfd530f9c,
	0xfd48432b, 0xfd3cd59a, 0xfd30b936, 0xfd23dea4, 0xfd16349e, 0xfd07a7a3,
	0xfcf8219b, 0xfce7895b, 0xfcd5c220, 0xfcc2aadb, 0xfcae1d5e, 0xfc97ed4e,
	0xfc7fe6d4, 0xfc65ccf3, 0xfc495762, 0xfc2a2fc8, 0xfc07ee19, 0xfbe213c1,
	0xfbb8051a, 0xfb890078, 0xfb5411a5, 0xfb180005, 0xfad33482, 0xfa839276,
	0xfa263b32, 0xf9b72d1c, 0xf930a1a2, 0xf889f023, 0xf7b577d2, 0xf69c650c,
	0xf51530f0, 0xf2cb0e3c, 0xeeefb15d, 0xe6da6ecf,
}

var we = [256]float32{
	2.0249555365836613e-09, 1.4866739783681027e-11, 2.4409616689036184e-11,
	3.1968806074589295e-11, 3.844677007314168e-11, 4.42282044321729e-11,
	4.951644302919611e-11, 5.443358958023836e-11, 5.905943789574764e-11,
	6.34494193296753e-11, 6.764381416113352e-11, 7.167294535648239e-11,
	7.556032188826833e-11, 7.932458162551725e-11, 8.298078890689453e-11,
	8.654132271912474e-11, 9.001651507523079e-11, 9.341507428706208e-11,
	9.674443190998971e-11, 1.0001099254308699e-10, 1.0322031424037093e-10,
	1.0637725422757427e-10, 1.0948611461891744e-10, 1.1255067711157807e-10,
	1.1557434870246297e-10, 1.1856014781042035e-10, 1.2151082917633005e-10,
	1.2442885610752796e-10, 1.2731647680563896e-10, 1.3017574518325858e-10,
	1.330085347417409e-10, 1.3581656632677408e-10, 1.386014220061682e-10,
	1.413645728254309e-10, 1.4410737880776736e-10, 1.4683107507629245e-10,
	1.4953686899854546e-10, 1.522258291641876e-10, 1.5489899640730442e-10,
	1.575573282952547e-10, 1.6020171300645814e-10, 1.628330109637588e-10,
	1.6545202707884954e-10, 1.68059510752272e-10, 1.7065616975120435e-10,
	1.73242697965037e-10, 1.758197337720091e-10, 1.783878739169964e-10,
	1.8094774290045024e-10, 1.834998542005195e-10, 1.8604476292871652e-10,
	1.8858298256319017e-10, 1.9111498494872592e-10, 1.9364125580789704e-10,
	1.9616222535212557e-10, 1.9867835154840918e-10, 2.011900368525943e-10,
	2.0369768372052732e-10, 2.062016807302669e-10, 2.0870240258208383e-10,
	2.1120022397624894e-10, 2.136955057352452e-10, 2.1618855317040442e-10,
	2.1867974098199738e-10, 2.2116936060356807e-10, 2.2365774510202385e-10,
	2.2614519978869652e-10, 2.2863201609713002e-10, 2.3111849933865614e-10,
	2.3360494094681883e-10, 2.3609159072179864e-10, 2.3857874009713953e-10,
	2.4106666662859766e-10, 2.4355562011635357e-10, 2.460458781161634e-10,
	2.485376904282077e-10, 2.5103127909709144e-10, 2.5352694943414633e-10,
	2.560248957284017e-10, 2.585253955356137e-10, 2.610286709003873e-10,
	2.6353494386732734e-10, 2.6604446423661443e-10, 2.6855745405285347e-10,
	2.71074163116225e-10, 2.7359478571575835e-10, 2.7611959940720965e-10,
	2.786487707240326e-10, 2.8118254946640775e-10, 2.8372118543451563e-10,
	2.8626484516180994e-10, 2.8881380620404684e-10, 2.9136826285025563e-10,
	2.9392840938946563e-10, 2.96494523377433e-10, 2.990667713476114e-10,
	3.016454031001814e-10, 3.042306406797479e-10, 3.068226783753403e-10,
	3.09421765987139e-10, 3.12028125559749e-10, 3.1464195138219964e-10,
	3.17263521010247e-10, 3.1989300097734485e-10, 3.225306410836737e-10,
	3.2517669112941405e-10, 3.2783134540359526e-10, 3.3049485370639786e-10,
	3.3316743808242677e-10, 3.3584937608743815e-10, 3.385408342548857e-10,
	3.4124211789610115e-10, 3.4395342130011386e-10, 3.4667499426710435e-10,
	3.494071143528288e-10, 3.521500313574677e-10, 3.54903967325626e-10,
	3.576691720574843e-10, 3.6044595086437425e-10, 3.632345535464765e-10,
	3.660352021483959e-10, 3.688482297370399e-10, 3.716738583570134e-10,
	3.7451239331964814e-10, 3.773641121807003e-10, 3.802292924959261e-10,
	3.831082673322328e-10, 3.8600128648980103e-10, 3.8890865527996255e-10,
	3.9183070676962473e-10, 3.9476774627011935e-10, 3.977200790927782e-10,
	4.006880383045086e-10, 4.0367195697221803e-10, 4.066721681628138e-10,
	4.0968900494320337e-10, 4.127228558914453e-10, 4.15774054074447e-10,
	4.188429603146915e-10, 4.2192993543466173e-10, 4.25035395767992e-10,
	4.2815970213716525e-10, 4.313032986313914e-10, 4.3446651831757777e-10,
	4.376498607960855e-10, 4.408536868893975e-10, 4.4407846844229937e-10,
	4.4732464954400086e-10, 4.5059267428371186e-10, 4.538830145062178e-10,
	4.5719619756745544e-10, 4.605326675566346e-10, 4.638929240741163e-10,
	4.672775499869886e-10, 4.706869893844612e-10, 4.74121908400349e-10,
	4.775827511238617e-10, 4.810701836888143e-10, 4.845848167178701e-10,
	4.881271498113904e-10, 4.916979601254923e-10, 4.952977472605369e-10,
	4.989272883726414e-10, 5.025872495956207e-10, 5.062783525744408e-10,
	5.100013189540675e-10, 5.13756870379467e-10, 5.175458395179078e-10,
	5.21369003525507e-10, 5.252272505806843e-10, 5.29121357839557e-10,
	5.330522134805449e-10, 5.3702081670437e-10, 5.41028055689452e-10,
	5.450749851476644e-10, 5.491624932574268e-10, 5.532918012640664e-10,
	5.574638528571541e-10, 5.616799247931681e-10, 5.659410717839819e-10,
	5.702485705860738e-10, 5.746036979559221e-10, 5.790077306500052e-10,
	5.83462111958255e-10, 5.879682296594524e-10, 5.925275825546805e-10,
	5.971417249561739e-10, 6.01812211176167e-10, 6.065408175714992e-10,
	6.113292094767075e-10, 6.16179329782085e-10, 6.21092954844471e-10,
	6.260721940876124e-10, 6.311191569352559e-10, 6.362359528111483e-10,
	6.414249686947926e-10, 6.466885360545405e-10, 6.520292639144998e-10,
	6.574497612987784e-10, 6.629528592760892e-10, 6.685415554485985e-10,
	6.742187919073217e-10, 6.799880103436351e-10, 6.858525969377638e-10,
	6.918161599145378e-10, 6.978825850545434e-10, 7.040559801829716e-10,
	7.103406751696184e-10, 7.167412219288849e-10, 7.232625609532306e-10,
	7.2990985477972e-10, 7.366885990123251e-10, 7.436047333442275e-10,
	7.506645305355164e-10, 7.57874762946642e-10, 7.652426470272644e-10,
	7.727759543385559e-10, 7.804830115532013e-10, 7.883728114777e-10,
	7.964550685635174e-10, 8.047402189070851e-10, 8.132396422944055e-10,
	8.219657177122031e-10, 8.309318788590758e-10, 8.401527806789488e-10,
	8.496445214056791e-10, 8.594246980742071e-10, 8.695127395874636e-10,
	8.799300732498239e-10, 8.90700457834015e-10, 9.01850316648023e-10,
	9.134091816243028e-10, 9.254100818978372e-10, 9.37890431984556e-10,
	9.508922538259412e-10, 9.64463842123564e-10, 9.78660263939446e-10,
	9.935448019859905e-10, 1.0091912860943353e-09, 1.0256859805934937e-09,
	1.0431305819125214e-09, 1.0616465484503124e-09, 1.0813799855569073e-09,
	1.1025096391392708e-09, 1.1252564435793033e-09, 1.149898620766976e-09,
	1.176793218427008e-09, 1.2064089727203964e-09, 1.2393785997488749e-09,
	1.2765849488616254e-09, 1.319313880365769e-09, 1.36954347862428e-09,
	1.4305497897382224e-09, 1.5083649884672923e-09, 1.6160853766322703e-09,
	1.7921247819074893e-09,
}

var fe = [256]float32{
	1.0, 0.9381436705589294, 0.900469958782196,
	0.8717043399810791, 0.847785472869873, 0.8269932866096497,
	0.8084216713905334, 0.7915276288986206, 0.7759568691253662,
	0.7614634037017822, 0.7478685975074768, 0.7350381016731262,
	0.7228676676750183, 0.7112747430801392, 0.7001926302909851,
	0.6895664930343628, 0.6793505549430847, 0.669506311416626,
	0.6600008606910706, 0.6508058309555054, 0.6418967247009277,
	0.633251965045929, 0.62485271692276, 0.6166821718215942,
	0.608725368976593, 0.6009689569473267, 0.5934008955955505,
	0.5860103368759155, 0.5787873864173889, 0.5717230439186096,
	0.5648092031478882, 0.5580382943153381, 0.5514034032821655,
	0.5448982119560242, 0.5385168790817261, 0.5322538614273071,
	0.526104211807251, 0.5200631618499756, 0.5141264200210571,
	0.5082897543907166, 0.5025495290756226, 0.4969019889831543,
	0.4913438558578491, 0.4858720004558563, 0.48048335313796997,
	0.4751752018928528, 0.4699448347091675, 0.4647897481918335,
	0.4597076177597046, 0.4546961486339569, 0.4497532546520233,
	0.44487687945365906, 0.4400651156902313, 0.4353161156177521,
	0.4306281507015228, 0.42599955201148987, 0.42142874002456665,
	0.4169141948223114, 0.4124544560909271, 0.40804818272590637,
	0.4036940038204193, 0.39939069747924805, 0.3951369822025299,
	0.39093172550201416, 0.38677382469177246, 0.38266217708587646,
	0.378595769405365, 0.37457355856895447, 0.37059465050697327,
	0.366658091545105, 0.362762987613678, 0.358908474445343,
	0.35509374737739563, 0.35131800174713135, 0.3475804924964905,
	0.34388044476509094, 0.34021714329719543, 0.33658990263938904,
	0.3329980671405792, 0.3294409513473511, 0.32591795921325684,
	0.32242849469184875, 0.3189719021320343, 0.3155476748943329,
	0.31215524673461914, 0.3087940812110901, 0.30546361207962036,
	0.30216339230537415, 0.29889291524887085, 0.29565170407295227,
	0.2924392819404602, 0.2892552316188812, 0.28609907627105713,
	0.2829704284667969, 0.27986884117126465, 0.2767939269542694,
	0.2737452983856201, 0.2707225978374481, 0.26772540807724,
	0.26475343108177185, 0.2618062496185303, 0.258883535861969,
	0.2559850215911865, 0.25311028957366943, 0.25025907158851624,
	0.24743106961250305, 0.2446259707212448, 0.24184346199035645,
	0.23908329010009766, 0.23634515702724457, 0.2336287796497345,
	0.23093391954898834, 0.22826029360294342, 0.22560766339302063,
	0.22297576069831848, 0.22036437690258026, 0.21777324378490448,
	0.21520215272903442, 0.212650865316391, 0.21011915802955627,
	0.20760682225227356, 0.20511364936828613, 0.20263944566249847,
	0.20018397271633148, 0.19774706661701202, 0.1953285187482834,
	0.19292815029621124, 0.19054576754570007, 0.18818120658397675,
	0.18583425879478455, 0.18350479006767273, 0.18119260668754578,
	0.17889754474163055, 0.17661945521831512, 0.17435817420482635,
	0.1721135377883911, 0.16988539695739746, 0.16767361760139465,
	0.16547803580760956, 0.16329853236675262, 0.16113494336605072,
	0.1589871346950531, 0.15685498714447021, 0.15473836660385132,
	0.15263713896274567, 0.1505511850118637, 0.1484803706407547,
	0.14642459154129028, 0.1443837285041809, 0.14235764741897583,
	0.1403462439775467, 0.13834942877292633, 0.136367067694664,
	0.13439907133579254, 0.1324453204870224, 0.1305057406425476,
	0.12858019769191742, 0.12666863203048706, 0.12477091699838638,
	0.12288697808980942, 0.1210167184472084, 0.11916005611419678,
	0.11731690168380737, 0.11548716574907303, 0.11367076635360718,
	0.11186762899160385, 0.11007767915725708, 0.1083008274435997,
	0.10653700679540634, 0.10478614270687103, 0.1030481606721878,
	0.10132300108671188, 0.0996105819940567, 0.09791085124015808,
	0.09622374176979065, 0.09454918652772903, 0.09288713335990906,
	0.09123751521110535, 0.08960027992725372, 0.08797537535429001,
	0.08636274188756943, 0.0847623273730278, 0.08317409455776215,
	0.08159798383712769, 0.08003395050764084, 0.07848194986581802,
	0.07694194465875626, 0.07541389018297195, 0.07389774918556213,
	0.07239348441362381, 0.070901058614254, 0.06942043453454971,
	0.06795158982276917, 0.06649449467658997, 0.06504911929368973,
	0.06361543387174606, 0.06219341605901718, 0.06078304722905159,
	0.0593843050301075, 0.05799717456102371, 0.05662164092063904,
	0.05525768920779228, 0.05390531197190285, 0.05256449431180954,
	0.05123523622751236, 0.04991753399372101, 0.04861138388514519,
	0.047316793352365494, 0.04603376239538193, 0.044762298464775085,
	0.04350241273641586, 0.04225412383675575, 0.04101744294166565,
	0.039792392402887344, 0.03857899457216263, 0.03737728297710419,
	0.03618728369474411, 0.03500903770327568, 0.03384258225560188,
	0.0326879620552063, 0.031545232981443405, 0.030414443463087082,
	0.0292956605553627, 0.028188949450850487, 0.027094384655356407,
	0.02601204626262188, 0.024942025542259216, 0.023884421214461327,
	0.022839335724711418, 0.021806888282299042, 0.020787203684449196,
	0.019780423492193222, 0.018786700442433357, 0.017806200310587883,
	0.016839107498526573, 0.015885621309280396, 0.014945968054234982,
	0.01402039173990488, 0.013109165243804455, 0.012212592177093029,
	0.011331013403832912, 0.010464809834957123, 0.009614413604140282,
	0.008780314587056637, 0.007963077165186405, 0.007163353264331818,
	0.0063819061033427715, 0.005619642324745655, 0.004877655766904354,
	0.004157294984906912, 0.003460264764726162, 0.0027887988835573196,
	0.0021459676790982485, 0.001536299823783338, 0.0009672692976891994,
	0.0004541343660093844,
}
