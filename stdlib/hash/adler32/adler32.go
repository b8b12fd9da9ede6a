// Package adler32 implements the Adler-32 checksum, defined in RFC 1950.
//
// Package hash/adler32 — csp's standard library; the byte loop is a native
// (stdlib/hash/adler32/adler32.c).
package adler32

import "hash"

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
