// Package utf8 — csp's standard library stub; natives in stdlib/utf8.c.
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

func RuneLen(r rune) int
func RuneCount(p []byte) int
func RuneCountInString(s string) int
func DecodeRune(p []byte) (rune, int)
func DecodeRuneInString(s string) (rune, int)
func DecodeLastRune(p []byte) (rune, int)
func DecodeLastRuneInString(s string) (rune, int)
func EncodeRune(p []byte, r rune) int
func AppendRune(p []byte, r rune) []byte
func Valid(p []byte) bool
func ValidString(s string) bool
func FullRune(p []byte) bool
func FullRuneInString(s string) bool

func ValidRune(r rune) bool {
	return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune)
}

func RuneStart(b byte) bool { return b&0xC0 != 0x80 }
