// Package sha512 implements the SHA-384, SHA-512, SHA-512/224, and
// SHA-512/256 hash algorithms as defined in FIPS 180-4.
//
// Package crypto/sha512 — csp's standard library: the compression function
// is a native (stdlib/crypto/sha512/sha512.c), the buffering and padding
// are written in csp.
package sha512

import (
	"errors"
	"hash"
)

const (
	// Size is the size, in bytes, of a SHA-512 checksum.
	Size = 64

	// Size224 is the size, in bytes, of a SHA-512/224 checksum.
	Size224 = 28

	// Size256 is the size, in bytes, of a SHA-512/256 checksum.
	Size256 = 32

	// Size384 is the size, in bytes, of a SHA-384 checksum.
	Size384 = 48

	// BlockSize is the block size, in bytes, of the SHA-512/224,
	// SHA-512/256, SHA-384 and SHA-512 hash functions.
	BlockSize = 128
)

// The initial values (FIPS 180-4, §5.3.4-5.3.6).
var (
	iv512 = [8]uint64{0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
		0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179}
	iv384 = [8]uint64{0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
		0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4}
	iv224 = [8]uint64{0x8c3d37c819544da2, 0x73e1996689dcd4d6, 0x1dfab7ae32ff9c82, 0x679dd514582f9fcf,
		0x0f6d2b697bd44da8, 0x77e36f7304c48942, 0x3f9d85a86a1d36c8, 0x1112e6ad91d692a1}
	iv256 = [8]uint64{0x22312194fc2bf72c, 0x9f555fa3c84c64c2, 0x2393b86b6f53b151, 0x963877195940eabd,
		0x96283ee2a88effe3, 0xbe5e1e2553863992, 0x2b0199fc2c85b8aa, 0x0eb72ddc81c52ca2}
)

func block(h *[8]uint64, p []byte)

type digest struct {
	h    [8]uint64
	x    [BlockSize]byte // a partial block: x[:nx]
	nx   int
	len  uint64 // bytes written
	size int    // bytes of the sum
}

func (d *digest) Reset() {
	switch d.size {
	case Size384:
		d.h = iv384
	case Size224:
		d.h = iv224
	case Size256:
		d.h = iv256
	default:
		d.h = iv512
	}
	d.nx = 0
	d.len = 0
}

func newDigest(size int) *digest {
	d := &digest{size: size}
	d.Reset()
	return d
}

// New returns a new hash.Hash computing the SHA-512 checksum.
func New() hash.Hash { return newDigest(Size) }

// New512_224 returns a new hash.Hash computing the SHA-512/224 checksum.
func New512_224() hash.Hash { return newDigest(Size224) }

// New512_256 returns a new hash.Hash computing the SHA-512/256 checksum.
func New512_256() hash.Hash { return newDigest(Size256) }

// New384 returns a new hash.Hash computing the SHA-384 checksum.
func New384() hash.Hash { return newDigest(Size384) }

func (d *digest) Size() int { return d.size }

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
	return append(b, sum[:d.size]...)
}

// checkSum pads the message (0x80, zeros, the length in bits as 128 bits
// big-endian) and returns the final state as bytes.
func (d *digest) checkSum() [Size]byte {
	bits := d.len << 3
	var pad [BlockSize + 16]byte
	pad[0] = 0x80
	k := 1 + (111-int(d.len%128)+128)%128
	// pad[k:k+8] stays zero: the high half of the length.
	for i := 0; i < 8; i++ {
		pad[k+8+i] = byte(bits >> (56 - 8*i))
	}
	d.Write(pad[:k+16])
	var out [Size]byte
	for i, v := range d.h {
		for j := 0; j < 8; j++ {
			out[8*i+j] = byte(v >> (56 - 8*j))
		}
	}
	return out
}

func sum(size int, data []byte) [Size]byte {
	d := newDigest(size)
	d.Write(data)
	return d.checkSum()
}

// Sum512 returns the SHA512 checksum of the data.
func Sum512(data []byte) [Size]byte { return sum(Size, data) }

// Sum384 returns the SHA384 checksum of the data.
func Sum384(data []byte) [Size384]byte {
	s := sum(Size384, data)
	var out [Size384]byte
	copy(out[:], s[:])
	return out
}

// Sum512_224 returns the Sum512/224 checksum of the data.
func Sum512_224(data []byte) [Size224]byte {
	s := sum(Size224, data)
	var out [Size224]byte
	copy(out[:], s[:])
	return out
}

// Sum512_256 returns the Sum512/256 checksum of the data.
func Sum512_256(data []byte) [Size256]byte {
	s := sum(Size256, data)
	var out [Size256]byte
	copy(out[:], s[:])
	return out
}

// The state marshalled, in Go's format (so states move between Go and
// csp): the magic, the chaining words big-endian, the partial block padded
// with zeros to a whole block, the length written big-endian.
const marshaledSize = 4 + 8*8 + BlockSize + 8

// AppendBinary appends the hash's state to b.
func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, d.magic()...)
	for _, w := range d.h {
		b = appendBE64(b, w)
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
	if len(b) < 4 || string(b[:4]) != d.magic() {
		return errors.New("crypto/sha512: invalid hash state identifier")
	}
	if len(b) != marshaledSize {
		return errors.New("crypto/sha512: invalid hash state size")
	}
	b = b[4:]
	for i := range d.h {
		d.h[i] = readBE64(b)
		b = b[8:]
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

func (d *digest) magic() string {
	switch d.size {
	case Size384:
		return "sha\x04"
	case Size224:
		return "sha\x05"
	case Size256:
		return "sha\x06"
	}
	return "sha\x07"
}
