// Package unicode — csp's standard library stub; natives in stdlib/unicode.c
// (Latin-1 exact, common scripts beyond; see the comment there).
package unicode

const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsSpace(r rune) bool
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsTitle(r rune) bool
func IsPunct(r rune) bool
func IsSymbol(r rune) bool
func IsControl(r rune) bool
func IsPrint(r rune) bool
func IsGraphic(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune
func ToTitle(r rune) rune

// IsMark reports whether r is a combining mark (the common combining blocks).
func IsMark(r rune) bool {
	return (r >= 0x300 && r <= 0x36F) || (r >= 0x1AB0 && r <= 0x1AFF) ||
		(r >= 0x1DC0 && r <= 0x1DFF) || (r >= 0x20D0 && r <= 0x20FF) ||
		(r >= 0xFE20 && r <= 0xFE2F)
}

func To(_case int, r rune) rune {
	switch _case {
	case UpperCase:
		return ToUpper(r)
	case LowerCase:
		return ToLower(r)
	case TitleCase:
		return ToTitle(r)
	}
	return ReplacementChar
}

// SimpleFold returns the next rune in r's case-folding orbit (upper and
// lower forms; the tables hold pairs only).
func SimpleFold(r rune) rune {
	if r < 0 || r > MaxRune {
		return r
	}
	if u := ToUpper(r); u != r {
		return u
	}
	if l := ToLower(r); l != r {
		return l
	}
	return r
}
