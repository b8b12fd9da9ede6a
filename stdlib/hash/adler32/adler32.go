// Package adler32 implements the Adler-32 checksum, defined in RFC 1950.
//
// Package hash/adler32 — csp's standard library; the byte loop is a native
// (stdlib/hash/adler32/adler32.c).
package adler32

import (
	"errors"
	"hash"
)

// The size of an Adler-32 checksum in bytes.
const Size = 4

// digest is s2<<16 | s1.
type digest uint32

func (d *digest) Reset() { *d = 1 }

// New returns a new hash.Hash32 computing the Adler-32 checksum. Its Sum
// method will lay the value out in big-endian byte order.
func New() hash.Hash32 {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return 4 }

func (d *digest) Clone() (hash.Cloner, error) {
	r := *d
	return &r, nil
}

func update(d uint32, p []byte) uint32

func (d *digest) Write(p []byte) (nn int, err error) {
	*d = digest(update(uint32(*d), p))
	return len(p), nil
}

func (d *digest) Sum32() uint32 { return uint32(*d) }

func (d *digest) Sum(in []byte) []byte {
	s := uint32(*d)
	return append(in, byte(s>>24), byte(s>>16), byte(s>>8), byte(s))
}

// Checksum returns the Adler-32 checksum of data.
func Checksum(data []byte) uint32 { return update(1, data) }

// The state marshalled, in Go's format: "adl\x01" and the sums.
const (
	magic         = "adl\x01"
	marshaledSize = len(magic) + 4
)

// AppendBinary appends the hash's state to b.
func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	return appendBE32(append(b, magic...), uint32(*d)), nil
}

// MarshalBinary returns the hash's state.
func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, marshaledSize))
}

// UnmarshalBinary restores a state that MarshalBinary returned.
func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("hash/adler32: invalid hash state identifier")
	}
	if len(b) != marshaledSize {
		return errors.New("hash/adler32: invalid hash state size")
	}
	*d = digest(readBE32(b[len(magic):]))
	return nil
}

func appendBE32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func readBE32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}
