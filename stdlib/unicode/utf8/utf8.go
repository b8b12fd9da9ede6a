// Package utf8 encodes and decodes runes as UTF-8 and checks UTF-8 text.
//
// Package utf8 — csp's standard library stub; natives in stdlib/utf8.c.
package utf8

// Constants of the UTF-8 encoding.
const (
	// RuneError is U+FFFD, returned by the decoders for invalid input.
	RuneError = '\uFFFD'
	// RuneSelf is the boundary below which a byte is a rune by itself (ASCII).
	RuneSelf  = 0x80
	// MaxRune is the largest valid Unicode code point.
	MaxRune   = '\U0010FFFF'
	// UTFMax is the largest number of bytes in a UTF-8 encoded rune.
	UTFMax    = 4
)

// RuneLen returns how many bytes the UTF-8 encoding of r takes, or -1 for an invalid rune.
func RuneLen(r rune) int
// RuneCount returns the number of runes in p; each invalid byte counts as one.
func RuneCount(p []byte) int
// RuneCountInString returns the number of runes in s; each invalid byte counts as one.
func RuneCountInString(s string) int
// DecodeRune decodes the first rune of p and returns it with its width in bytes.
//
// Empty input gives (RuneError, 0) and an invalid encoding (RuneError, 1).
func DecodeRune(p []byte) (rune, int)
// DecodeRuneInString decodes the first rune of s and returns it with its width in bytes.
//
// Empty input gives (RuneError, 0) and an invalid encoding (RuneError, 1).
func DecodeRuneInString(s string) (rune, int)
// DecodeLastRune decodes the last rune of p and returns it with its width in bytes.
//
// Empty input gives (RuneError, 0) and an invalid encoding (RuneError, 1).
func DecodeLastRune(p []byte) (rune, int)
// DecodeLastRuneInString decodes the last rune of s and returns it with its width in bytes.
//
// Empty input gives (RuneError, 0) and an invalid encoding (RuneError, 1).
func DecodeLastRuneInString(s string) (rune, int)
// EncodeRune stores the UTF-8 encoding of r at the start of p and returns its length.
//
// An invalid rune is written as RuneError. p must be large enough.
func EncodeRune(p []byte, r rune) int
// AppendRune returns p extended with the UTF-8 encoding of r.
func AppendRune(p []byte, r rune) []byte
// Valid reports whether p is entirely valid UTF-8.
func Valid(p []byte) bool
// ValidString reports whether s is entirely valid UTF-8.
func ValidString(s string) bool
// FullRune reports whether p begins with a complete (possibly invalid) UTF-8 encoding.
func FullRune(p []byte) bool
// FullRuneInString reports whether s begins with a complete (possibly invalid) UTF-8 encoding.
func FullRuneInString(s string) bool

// ValidRune reports whether r is a Unicode code point that UTF-8 can encode (no surrogates).
func ValidRune(r rune) bool {
	return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune)
}

// RuneStart reports whether b is not a continuation byte, so a rune's encoding may start there.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }
