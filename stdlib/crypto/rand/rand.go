// Package rand implements a cryptographically secure random number
// generator.
//
// Package crypto/rand — csp's standard library: Read and Reader take their
// bytes from the kernel (getrandom, stdlib/crypto/rand/rand.c). Int and
// Prime (math/big) are not provided.
package rand

import "io"

// Reader is a global, shared instance of a cryptographically secure
// random number generator. Its Read never fails: a failure of the
// kernel's generator is fatal.
var Reader io.Reader = reader{}

type reader struct{}

func fill(b []byte)

func (reader) Read(b []byte) (n int, err error) {
	fill(b)
	return len(b), nil
}

// Read fills b with cryptographically secure random bytes. It never
// returns an error, and always fills b entirely.
func Read(b []byte) (n int, err error) {
	fill(b)
	return len(b), nil
}

const base32alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

// Text returns a cryptographically random string using the standard RFC
// 4648 base32 alphabet for use when a secret string, token, password, or
// other text is needed. The result contains at least 128 bits of
// randomness (26 characters).
func Text() string {
	src := make([]byte, 26)
	fill(src)
	for i := range src {
		src[i] = base32alphabet[src[i]%32]
	}
	return string(src)
}
