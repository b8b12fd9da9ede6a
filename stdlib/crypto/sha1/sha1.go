// Package sha1 implements the SHA-1 hash algorithm as defined in RFC 3174.
//
// SHA-1 is cryptographically broken and should not be used for secure
// applications.
//
// Package crypto/sha1 — csp's standard library: the compression function
// is a native (stdlib/crypto/sha1/sha1.c), the buffering and padding are
// written in csp.
package sha1

import (
	"errors"
	"hash"
)

// The size of a SHA-1 checksum in bytes.
const Size = 20

// The blocksize of SHA-1 in bytes.
const BlockSize = 64

func block(h *[5]uint32, p []byte)

type digest struct {
	h   [5]uint32
	x   [BlockSize]byte // a partial block: x[:nx]
	nx  int
	len uint64 // bytes written
}

func (d *digest) Reset() {
	d.h = [5]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}
	d.nx = 0
	d.len = 0
}

// New returns a new hash.Hash computing the SHA-1 checksum.
func New() hash.Hash {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return BlockSize }

// Clone returns a separate hash.Hash in the same state.
func (d *digest) Clone() (hash.Cloner, error) {
	c := *d
	return &c, nil
}

func (d *digest) Write(p []byte) (n int, err error) {
	n = len(p)
	d.len += uint64(n)
	if d.nx > 0 {
		k := copy(d.x[d.nx:], p)
		d.nx += k
		if d.nx == BlockSize {
			block(&d.h, d.x[:])
			d.nx = 0
		}
		p = p[k:]
	}
	if len(p) >= BlockSize {
		whole := len(p) &^ (BlockSize - 1)
		block(&d.h, p[:whole])
		p = p[whole:]
	}
	if len(p) > 0 {
		d.nx = copy(d.x[:], p)
	}
	return
}

// Sum appends the current hash to b and returns the resulting slice; it
// does not change the underlying hash state.
func (d *digest) Sum(b []byte) []byte {
	c := *d
	sum := c.checkSum()
	return append(b, sum[:]...)
}

// checkSum pads the message (0x80, zeros, the length in bits
// big-endian) and returns the final state as bytes.
func (d *digest) checkSum() [Size]byte {
	bits := d.len << 3
	var pad [BlockSize + 8]byte
	pad[0] = 0x80
	k := 1 + (55-int(d.len%64)+64)%64
	for i := 0; i < 8; i++ {
		pad[k+i] = byte(bits >> (56 - 8*i))
	}
	d.Write(pad[:k+8])
	var out [Size]byte
	for i, v := range d.h {
		for j := 0; j < 4; j++ {
			out[4*i+j] = byte(v >> (24 - 8*j))
		}
	}
	return out
}

// Sum returns the SHA-1 checksum of the data.
func Sum(data []byte) [Size]byte {
	var d digest
	d.Reset()
	d.Write(data)
	return d.checkSum()
}

// The state marshalled, in Go's format (so states move between Go and
// csp): the magic, the chaining words big-endian, the partial block padded
// with zeros to a whole block, the length written big-endian.
const marshaledSize = 4 + 5*4 + BlockSize + 8

// AppendBinary appends the hash's state to b.
func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, "sha\x01"...)
	for _, w := range d.h {
		b = appendBE32(b, w)
	}
	b = append(b, d.x[:d.nx]...)
	b = append(b, make([]byte, len(d.x)-d.nx)...)
	return appendBE64(b, d.len), nil
}

// MarshalBinary returns the hash's state.
func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, marshaledSize))
}

// UnmarshalBinary restores a state that MarshalBinary returned.
func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < 4 || string(b[:4]) != "sha\x01" {
		return errors.New("crypto/sha1: invalid hash state identifier")
	}
	if len(b) != marshaledSize {
		return errors.New("crypto/sha1: invalid hash state size")
	}
	b = b[4:]
	for i := range d.h {
		d.h[i] = readBE32(b)
		b = b[4:]
	}
	b = b[copy(d.x[:], b):]
	d.len = readBE64(b)
	d.nx = int(d.len % BlockSize)
	return nil
}

func appendBE32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func appendBE64(b []byte, v uint64) []byte {
	return appendBE32(appendBE32(b, uint32(v>>32)), uint32(v))
}

func readBE32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func readBE64(b []byte) uint64 {
	return uint64(readBE32(b))<<32 | uint64(readBE32(b[4:]))
}
