// Package fnv implements FNV-1 and FNV-1a, non-cryptographic hash functions
// created by Glenn Fowler, Landon C. Noll, and Phong Vo.
//
// Package hash/fnv — csp's standard library, written in csp (one multiply
// and one xor per byte). The 128-bit variants keep the state as two
// uint64 halves, high first; their prime is 2^88 + 0x13b, so a multiply
// is one 64x64 product plus a shift.
package fnv

import (
	"errors"
	"hash"
	"math/bits"
)

type (
	sum32   uint32
	sum32a  uint32
	sum64   uint64
	sum64a  uint64
	sum128  [2]uint64
	sum128a [2]uint64
)

const (
	offset32        = 2166136261
	offset64        = 14695981039346656037
	offset128Lower  = 0x62b821756295c58d
	offset128Higher = 0x6c62272e07bb0142
	prime32         = 16777619
	prime64         = 1099511628211
	prime128Lower   = 0x13b
	prime128Shift   = 24
)

// New32 returns a new 32-bit FNV-1 hash.Hash. Its Sum method will lay the
// value out in big-endian byte order.
func New32() hash.Hash32 {
	var s sum32 = offset32
	return &s
}

// New32a returns a new 32-bit FNV-1a hash.Hash.
func New32a() hash.Hash32 {
	var s sum32a = offset32
	return &s
}

// New64 returns a new 64-bit FNV-1 hash.Hash.
func New64() hash.Hash64 {
	var s sum64 = offset64
	return &s
}

// New64a returns a new 64-bit FNV-1a hash.Hash.
func New64a() hash.Hash64 {
	var s sum64a = offset64
	return &s
}

// New128 returns a new 128-bit FNV-1 hash.Hash.
func New128() hash.Hash {
	var s sum128
	s.Reset()
	return &s
}

// New128a returns a new 128-bit FNV-1a hash.Hash.
func New128a() hash.Hash {
	var s sum128a
	s.Reset()
	return &s
}

func (s *sum32) Reset()   { *s = offset32 }
func (s *sum32a) Reset()  { *s = offset32 }
func (s *sum64) Reset()   { *s = offset64 }
func (s *sum64a) Reset()  { *s = offset64 }
func (s *sum128) Reset()  { s[0] = offset128Higher; s[1] = offset128Lower }
func (s *sum128a) Reset() { s[0] = offset128Higher; s[1] = offset128Lower }

func (s *sum32) Sum32() uint32  { return uint32(*s) }
func (s *sum32a) Sum32() uint32 { return uint32(*s) }
func (s *sum64) Sum64() uint64  { return uint64(*s) }
func (s *sum64a) Sum64() uint64 { return uint64(*s) }

func (s *sum32) Write(data []byte) (int, error) {
	h := *s
	for _, c := range data {
		h *= prime32
		h ^= sum32(c)
	}
	*s = h
	return len(data), nil
}

func (s *sum32a) Write(data []byte) (int, error) {
	h := *s
	for _, c := range data {
		h ^= sum32a(c)
		h *= prime32
	}
	*s = h
	return len(data), nil
}

func (s *sum64) Write(data []byte) (int, error) {
	h := *s
	for _, c := range data {
		h *= prime64
		h ^= sum64(c)
	}
	*s = h
	return len(data), nil
}

func (s *sum64a) Write(data []byte) (int, error) {
	h := *s
	for _, c := range data {
		h ^= sum64a(c)
		h *= prime64
	}
	*s = h
	return len(data), nil
}

// mul128 multiplies the 128-bit value (hi, lo) by the FNV-128 prime.
func mul128(hi, lo uint64) (uint64, uint64) {
	h, l := bits.Mul64(prime128Lower, lo)
	h += lo<<prime128Shift + prime128Lower*hi
	return h, l
}

func (s *sum128) Write(data []byte) (int, error) {
	hi, lo := s[0], s[1]
	for _, c := range data {
		hi, lo = mul128(hi, lo)
		lo ^= uint64(c)
	}
	s[0], s[1] = hi, lo
	return len(data), nil
}

func (s *sum128a) Write(data []byte) (int, error) {
	hi, lo := s[0], s[1]
	for _, c := range data {
		lo ^= uint64(c)
		hi, lo = mul128(hi, lo)
	}
	s[0], s[1] = hi, lo
	return len(data), nil
}

func (s *sum32) Size() int   { return 4 }
func (s *sum32a) Size() int  { return 4 }
func (s *sum64) Size() int   { return 8 }
func (s *sum64a) Size() int  { return 8 }
func (s *sum128) Size() int  { return 16 }
func (s *sum128a) Size() int { return 16 }

func (s *sum32) BlockSize() int   { return 1 }
func (s *sum32a) BlockSize() int  { return 1 }
func (s *sum64) BlockSize() int   { return 1 }
func (s *sum64a) BlockSize() int  { return 1 }
func (s *sum128) BlockSize() int  { return 1 }
func (s *sum128a) BlockSize() int { return 1 }

// appendBE appends the low n bytes of v, most significant first.
func appendBE(in []byte, v uint64, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		in = append(in, byte(v>>(8*i)))
	}
	return in
}

func (s *sum32) Sum(in []byte) []byte  { return appendBE(in, uint64(*s), 4) }
func (s *sum32a) Sum(in []byte) []byte { return appendBE(in, uint64(*s), 4) }
func (s *sum64) Sum(in []byte) []byte  { return appendBE(in, uint64(*s), 8) }
func (s *sum64a) Sum(in []byte) []byte { return appendBE(in, uint64(*s), 8) }
func (s *sum128) Sum(in []byte) []byte {
	return appendBE(appendBE(in, s[0], 8), s[1], 8)
}
func (s *sum128a) Sum(in []byte) []byte {
	return appendBE(appendBE(in, s[0], 8), s[1], 8)
}

func (s *sum32) Clone() (hash.Cloner, error)   { r := *s; return &r, nil }
func (s *sum32a) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum64) Clone() (hash.Cloner, error)   { r := *s; return &r, nil }
func (s *sum64a) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum128) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum128a) Clone() (hash.Cloner, error) { r := *s; return &r, nil }

// The states marshalled, in Go's format: a magic per variant, then the
// state big-endian.
const (
	magic32   = "fnv\x01"
	magic32a  = "fnv\x02"
	magic64   = "fnv\x03"
	magic64a  = "fnv\x04"
	magic128  = "fnv\x05"
	magic128a = "fnv\x06"
)

func (s *sum32) AppendBinary(b []byte) ([]byte, error) {
	return appendBE(append(b, magic32...), uint64(*s), 4), nil
}
func (s *sum32a) AppendBinary(b []byte) ([]byte, error) {
	return appendBE(append(b, magic32a...), uint64(*s), 4), nil
}
func (s *sum64) AppendBinary(b []byte) ([]byte, error) {
	return appendBE(append(b, magic64...), uint64(*s), 8), nil
}
func (s *sum64a) AppendBinary(b []byte) ([]byte, error) {
	return appendBE(append(b, magic64a...), uint64(*s), 8), nil
}
func (s *sum128) AppendBinary(b []byte) ([]byte, error) {
	return appendBE(appendBE(append(b, magic128...), s[0], 8), s[1], 8), nil
}
func (s *sum128a) AppendBinary(b []byte) ([]byte, error) {
	return appendBE(appendBE(append(b, magic128a...), s[0], 8), s[1], 8), nil
}

func (s *sum32) MarshalBinary() ([]byte, error)   { return s.AppendBinary(nil) }
func (s *sum32a) MarshalBinary() ([]byte, error)  { return s.AppendBinary(nil) }
func (s *sum64) MarshalBinary() ([]byte, error)   { return s.AppendBinary(nil) }
func (s *sum64a) MarshalBinary() ([]byte, error)  { return s.AppendBinary(nil) }
func (s *sum128) MarshalBinary() ([]byte, error)  { return s.AppendBinary(nil) }
func (s *sum128a) MarshalBinary() ([]byte, error) { return s.AppendBinary(nil) }

// readState checks b's magic and size and returns its state words.
func readState(b []byte, magic string, words, size int) ([]uint64, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("hash/fnv: invalid hash state identifier")
	}
	if len(b) != len(magic)+words*size {
		return nil, errors.New("hash/fnv: invalid hash state size")
	}
	b = b[len(magic):]
	w := make([]uint64, words)
	for i := range w {
		for j := 0; j < size; j++ {
			w[i] = w[i]<<8 | uint64(b[i*size+j])
		}
	}
	return w, nil
}

func (s *sum32) UnmarshalBinary(b []byte) error {
	w, err := readState(b, magic32, 1, 4)
	if err == nil {
		*s = sum32(w[0])
	}
	return err
}
func (s *sum32a) UnmarshalBinary(b []byte) error {
	w, err := readState(b, magic32a, 1, 4)
	if err == nil {
		*s = sum32a(w[0])
	}
	return err
}
func (s *sum64) UnmarshalBinary(b []byte) error {
	w, err := readState(b, magic64, 1, 8)
	if err == nil {
		*s = sum64(w[0])
	}
	return err
}
func (s *sum64a) UnmarshalBinary(b []byte) error {
	w, err := readState(b, magic64a, 1, 8)
	if err == nil {
		*s = sum64a(w[0])
	}
	return err
}
func (s *sum128) UnmarshalBinary(b []byte) error {
	w, err := readState(b, magic128, 2, 8)
	if err == nil {
		s[0], s[1] = w[0], w[1]
	}
	return err
}
func (s *sum128a) UnmarshalBinary(b []byte) error {
	w, err := readState(b, magic128a, 2, 8)
	if err == nil {
		s[0], s[1] = w[0], w[1]
	}
	return err
}
