// Package hmac implements the Keyed-Hash Message Authentication Code
// (HMAC) as defined in U.S. Federal Information Processing Standards
// Publication 198. An HMAC is a cryptographic hash that uses a key to sign
// a message. The receiver verifies the hash by recomputing it using the
// same key. Receivers should be careful to use Equal to compare MACs in
// order to avoid timing side-channels.
//
// Package crypto/hmac — csp's standard library, written in csp:
// H(key^opad || H(key^ipad || message)), the key first hashed when it is
// longer than the block.
package hmac

import (
	"crypto/subtle"
	"hash"
)

type hmac struct {
	opad, ipad   []byte
	outer, inner hash.Hash
}

// New returns a new HMAC hash using the given hash.Hash type and key. New
// functions like sha256.New from crypto/sha256 can be used as h. h must
// return a new Hash every time it is called.
func New(h func() hash.Hash, key []byte) hash.Hash {
	hm := &hmac{outer: h(), inner: h()}
	if hm.outer == hm.inner {
		panic("crypto/hmac: hash generation function does not produce unique values")
	}
	blocksize := hm.inner.BlockSize()
	if len(key) > blocksize {
		hm.outer.Write(key)
		key = hm.outer.Sum(nil)
	}
	hm.ipad = make([]byte, blocksize)
	hm.opad = make([]byte, blocksize)
	copy(hm.ipad, key)
	copy(hm.opad, key)
	for i := range hm.ipad {
		hm.ipad[i] ^= 0x36
		hm.opad[i] ^= 0x5c
	}
	hm.inner.Reset()
	hm.inner.Write(hm.ipad)
	return hm
}

func (h *hmac) Sum(in []byte) []byte {
	n := len(in)
	in = h.inner.Sum(in)
	h.outer.Reset()
	h.outer.Write(h.opad)
	h.outer.Write(in[n:])
	return h.outer.Sum(in[:n])
}

func (h *hmac) Write(p []byte) (n int, err error) {
	return h.inner.Write(p)
}

func (h *hmac) Size() int { return h.outer.Size() }

func (h *hmac) BlockSize() int { return h.inner.BlockSize() }

func (h *hmac) Reset() {
	h.inner.Reset()
	h.inner.Write(h.ipad)
}

// Equal compares two MACs for equality without leaking timing
// information.
func Equal(mac1, mac2 []byte) bool {
	return subtle.ConstantTimeCompare(mac1, mac2) == 1
}
