// Package maphash provides hash functions on byte sequences and strings.
// These hash functions are intended to be used to implement hash tables
// or other data structures that need to map arbitrary strings or byte
// sequences to a uniform distribution on unsigned 64-bit integers. Each
// different instance of a hash table or data structure should use its own
// Seed. The hash functions are not cryptographically secure.
//
// Package hash/maphash — csp's standard library. The hash function is
// csp's own (stdlib/hash/maphash/maphash.c), not Go's: values differ from
// Go's, which are random per seed anyway. As in Go, the input is hashed in
// 128-byte chunks chained through the state, so any split of the same
// bytes over Write calls, and Bytes/String, give the same value.
// Comparable and WriteComparable (generic) are not provided.
package maphash

import "hash"

// A Seed is a random value that selects the specific hash function
// computed by a Hash. If two Hashes use the same Seeds, they will compute
// the same hash values for any given input.
type Seed struct {
	s uint64
}

const bufSize = 128

func rthash(b []byte, seed uint64) uint64

func rthashString(s string, seed uint64) uint64

func randUint64() uint64

// Bytes returns the hash of b with the given seed.
func Bytes(seed Seed, b []byte) uint64 {
	state := seed.s
	if state == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	for len(b) > bufSize {
		state = rthash(b[:bufSize], state)
		b = b[bufSize:]
	}
	return rthash(b, state)
}

// String returns the hash of s with the given seed.
func String(seed Seed, s string) uint64 {
	state := seed.s
	if state == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	for len(s) > bufSize {
		state = rthashString(s[:bufSize], state)
		s = s[bufSize:]
	}
	return rthashString(s, state)
}

// A Hash computes a seeded hash of a byte sequence. The zero Hash is a
// valid Hash ready to use; it picks a random seed on first use.
type Hash struct {
	seed  Seed          // initial seed used for this hash
	state Seed          // the state after the chunks hashed so far
	buf   [bufSize]byte // unhashed bytes: buf[:n]
	n     int
}

// initSeed gives a zero Hash its random seed.
func (h *Hash) initSeed() {
	if h.seed.s == 0 {
		seed := MakeSeed()
		h.seed = seed
		h.state = seed
	}
}

// WriteByte adds b to the sequence of bytes hashed by h. It never fails.
func (h *Hash) WriteByte(b byte) error {
	if h.n == len(h.buf) {
		h.flush()
	}
	h.buf[h.n] = b
	h.n++
	return nil
}

// Write adds b to the sequence of bytes hashed by h. It always writes all
// of b and never fails.
func (h *Hash) Write(b []byte) (int, error) {
	size := len(b)
	if h.n > 0 {
		k := copy(h.buf[h.n:], b)
		h.n += k
		if h.n < bufSize {
			return size, nil
		}
		b = b[k:]
		h.flush()
	}
	// A full chunk is hashed only once more bytes follow it: the last
	// chunk, even a full one, is what Sum64 finishes with.
	if len(b) > bufSize {
		h.initSeed()
		for len(b) > bufSize {
			h.state.s = rthash(b[:bufSize], h.state.s)
			b = b[bufSize:]
		}
	}
	h.n = copy(h.buf[:], b)
	return size, nil
}

// WriteString adds the bytes of s to the sequence of bytes hashed by h.
// It always writes all of s and never fails.
func (h *Hash) WriteString(s string) (int, error) {
	size := len(s)
	if h.n > 0 {
		k := copy(h.buf[h.n:], s)
		h.n += k
		if h.n < bufSize {
			return size, nil
		}
		s = s[k:]
		h.flush()
	}
	if len(s) > bufSize {
		h.initSeed()
		for len(s) > bufSize {
			h.state.s = rthashString(s[:bufSize], h.state.s)
			s = s[bufSize:]
		}
	}
	h.n = copy(h.buf[:], s)
	return size, nil
}

// Seed returns h's seed value.
func (h *Hash) Seed() Seed {
	h.initSeed()
	return h.seed
}

// SetSeed sets h to use seed, which must have been returned by MakeSeed or
// by another Hash's Seed method. Any bytes added to h before this call
// will be discarded.
func (h *Hash) SetSeed(seed Seed) {
	if seed.s == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	h.seed = seed
	h.state = seed
	h.n = 0
}

// Reset discards all bytes added to h. (The seed remains the same.)
func (h *Hash) Reset() {
	h.initSeed()
	h.state = h.seed
	h.n = 0
}

// flush hashes the full buffer into the state.
func (h *Hash) flush() {
	h.initSeed()
	h.state.s = rthash(h.buf[:h.n], h.state.s)
	h.n = 0
}

// Sum64 returns h's current 64-bit value, which depends on h's seed and
// the sequence of bytes added to h since the last call to Reset or
// SetSeed.
func (h *Hash) Sum64() uint64 {
	h.initSeed()
	return rthash(h.buf[:h.n], h.state.s)
}

// MakeSeed returns a new random seed.
func MakeSeed() Seed {
	s := randUint64()
	for s == 0 { // 0 marks an uninitialized seed
		s = randUint64()
	}
	return Seed{s: s}
}

// Sum appends the hash's current 64-bit value to b, little-endian.
func (h *Hash) Sum(b []byte) []byte {
	x := h.Sum64()
	for i := 0; i < 8; i++ {
		b = append(b, byte(x>>(8*i)))
	}
	return b
}

// Size returns h's hash value size, 8 bytes.
func (h *Hash) Size() int { return 8 }

// BlockSize returns h's block size.
func (h *Hash) BlockSize() int { return len(h.buf) }

// Clone returns a separate Hash in the same state.
func (h *Hash) Clone() (hash.Cloner, error) {
	h.initSeed()
	r := *h
	return &r, nil
}
