// Package rand makes pseudo-random numbers; a seeded source gives Go's exact sequence.
//
// Package rand — csp's math/rand (natives in stdlib/math_rand.c).
//
// The generator is Go's (an additive lagged Fibonacci generator seeded
// through an LCG and a "cooked" table), so rand.New(rand.NewSource(s))
// produces exactly Go's numbers for every method below, and a *Rand over a
// user's own Source behaves as Go's does.
//
// The top-level functions use one global source behind a lock, seeded
// randomly at startup as in Go 1.20+; Seed(s) makes it replay Go's sequence
// for s (Go 1.24 made Seed a no-op; csp keeps the Go 1.19-1.23 behaviour).
// All top-level functions are safe for concurrent use; a *Rand is not, as
// in Go.
//
// The methods of *Rand are written here in Go because a Source may be
// user code; their algorithms are Go 1.19's (math_rand.c mirrors them for
// the top-level natives).
package rand

// A Source is a uniformly distributed stream of int64 values in [0, 1<<63).
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// A Source64 can also produce uint64 values in [0, 1<<64) directly.
type Source64 interface {
	Source
	Uint64() uint64
}

// rngSource is Go's generator: the natives work on its slots in place
// (math_rand.c depends on this field order: tap, feed, vec).
type rngSource struct {
	tap  int
	feed int
	vec  [607]int64
}

func (rng *rngSource) Seed(seed int64)
func (rng *rngSource) Int63() int64
func (rng *rngSource) Uint64() uint64

// NewSource returns a Source seeded with seed, producing Go's sequence for it.
//
// Unlike the top-level functions it is not safe for concurrent use.
func NewSource(seed int64) Source {
	rng := &rngSource{}
	rng.Seed(seed)
	return rng
}

// lockedSource is the global source; its state and lock live in C.
type lockedSource struct{}

func (r *lockedSource) Seed(seed int64)
func (r *lockedSource) Int63() int64
func (r *lockedSource) Uint64() uint64

// A Rand generates pseudo-random numbers from a Source; it is not safe for concurrent use.
type Rand struct {
	src Source
	s64 Source64 // non-nil when src is also a Source64

	// Read's leftover bits: readVal holds readPos unread bytes.
	readVal int64
	readPos int
}

// New returns a Rand that draws from src.
func New(src Source) *Rand {
	s64, _ := src.(Source64)
	return &Rand{src: src, s64: s64}
}

// Seed restarts r's source from seed, making it repeat the same sequence.
//
// Read's leftover bytes are dropped too.
func (r *Rand) Seed(seed int64) {
	r.src.Seed(seed)
	r.readPos = 0
}

// Int63 returns a pseudo-random int64 in [0, 1<<63).
func (r *Rand) Int63() int64 { return r.src.Int63() }

// Uint32 returns a pseudo-random uint32 over its whole range.
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

// Uint64 returns a pseudo-random uint64 over its whole range.
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	return uint64(r.Int63())>>31 | uint64(r.Int63())<<32
}

// Int31 returns a pseudo-random int32 in [0, 1<<31).
func (r *Rand) Int31() int32 { return int32(r.Int63() >> 32) }

// Int returns a pseudo-random int in [0, MaxInt].
func (r *Rand) Int() int {
	u := uint(r.Int63())
	return int(u << 1 >> 1)
}

// Int63n returns a pseudo-random int64 in [0, n); n <= 0 panics.
//
// It rejects draws in the biased tail above the largest multiple of n.
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	max := int64(uint64(1<<63) - 1 - uint64(1<<63)%uint64(n))
	v := r.Int63()
	for v > max {
		v = r.Int63()
	}
	return v % n
}

// Int31n returns a pseudo-random int32 in [0, n); n <= 0 panics.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	max := int32(uint32(1<<31) - 1 - uint32(1<<31)%uint32(n))
	v := r.Int31()
	for v > max {
		v = r.Int31()
	}
	return v % n
}

// int31n is Lemire's multiply-and-reject method; only Shuffle uses it (as
// in Go, where Int31n keeps the older method to keep its value stream).
func (r *Rand) int31n(n int32) int32 {
	v := r.Uint32()
	prod := uint64(v) * uint64(n)
	low := uint32(prod)
	if low < uint32(n) {
		thresh := uint32(-n) % uint32(n)
		for low < thresh {
			v = r.Uint32()
			prod = uint64(v) * uint64(n)
			low = uint32(prod)
		}
	}
	return int32(prod >> 32)
}

// Intn returns a pseudo-random int in [0, n); n <= 0 panics.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= 1<<31-1 {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}

// Float64 returns a pseudo-random float64 in [0, 1).
//
// It draws again when the division rounds up to exactly 1.
func (r *Rand) Float64() float64 {
	for {
		f := float64(r.Int63()) / (1 << 63)
		if f != 1 {
			return f
		}
	}
}

// Float32 returns a pseudo-random float32 in [0, 1).
func (r *Rand) Float32() float32 {
	for {
		f := float32(r.Float64())
		if f != 1 {
			return f
		}
	}
}

// Perm returns the integers 0..n-1 in a pseudo-random order.
//
// It is the inside-out Fisher-Yates shuffle.
func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle puts n elements in a pseudo-random order, calling swap(i, j) to exchange two.
//
// It panics if n < 0.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	i := n - 1
	for ; i > 1<<31-1-1; i-- {
		j := int(r.Int63n(int64(i + 1)))
		swap(i, j)
	}
	for ; i > 0; i-- {
		j := int(r.int31n(int32(i + 1)))
		swap(i, j)
	}
}

// Read fills p with pseudo-random bytes and returns len(p), nil.
//
// Each Int63 draw gives 7 bytes, low byte first; leftover bytes carry over to
// the next call.
func (r *Rand) Read(p []byte) (n int, err error) {
	pos := r.readPos
	val := r.readVal
	for n = 0; n < len(p); n++ {
		if pos == 0 {
			val = r.src.Int63()
			pos = 7
		}
		p[n] = byte(val)
		val >>= 8
		pos--
	}
	r.readPos = pos
	r.readVal = val
	return n, nil
}

// globalRand serves Shuffle, the one top-level function that calls back
// into csp; the others are natives on the same locked source.
var globalRand = New(&lockedSource{})

// Seed makes the shared source replay Go's sequence for seed (Go 1.19-1.23 behaviour).
//
// Without a call the shared source is seeded randomly at startup.
func Seed(seed int64)
// Int63 returns a pseudo-random int64 in [0, 1<<63) from the shared source.
func Int63() int64
// Uint32 returns a pseudo-random uint32 over its whole range, from the shared source.
func Uint32() uint32
// Uint64 returns a pseudo-random uint64 over its whole range, from the shared source.
func Uint64() uint64
// Int31 returns a pseudo-random int32 in [0, 1<<31) from the shared source.
func Int31() int32
// Int returns a pseudo-random int in [0, MaxInt] from the shared source.
func Int() int
// Int63n returns a pseudo-random int64 in [0, n) from the shared source; n <= 0 panics.
func Int63n(n int64) int64
// Int31n returns a pseudo-random int32 in [0, n) from the shared source; n <= 0 panics.
func Int31n(n int32) int32
// Intn returns a pseudo-random int in [0, n) from the shared source; n <= 0 panics.
func Intn(n int) int
// Float64 returns a pseudo-random float64 in [0, 1) from the shared source.
func Float64() float64
// Float32 returns a pseudo-random float32 in [0, 1) from the shared source.
func Float32() float32
// Perm returns the integers 0..n-1 in a pseudo-random order, from the shared source.
func Perm(n int) []int
// Read fills p with pseudo-random bytes from the shared source and returns len(p), nil.
func Read(p []byte) (n int, err error)

// Shuffle puts n elements in a pseudo-random order with the shared source, calling swap(i, j).
//
// It panics if n < 0.
func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }
