// Package unicode classifies runes: letters, digits, spaces, cases and other categories.
//
// Package unicode — csp's standard library stub; natives in stdlib/unicode.c
// (Latin-1 exact, common scripts beyond; see the comment there).
package unicode

// Limits and special code points.
const (
	// MaxRune is the largest valid Unicode code point.
	MaxRune         = '\U0010FFFF'
	// ReplacementChar is U+FFFD, which stands for invalid or unknown characters.
	ReplacementChar = '\uFFFD'
	// MaxASCII is the largest ASCII code point.
	MaxASCII        = '\u007F'
	// MaxLatin1 is the largest Latin-1 code point.
	MaxLatin1       = '\u00FF'
)

// Case selectors for To.
const (
	// UpperCase selects upper case.
	UpperCase = iota
	// LowerCase selects lower case.
	LowerCase
	// TitleCase selects title case.
	TitleCase
	// MaxCase is the number of case selectors.
	MaxCase
)

// IsLetter reports whether r is a letter.
//
// Latin-1 is exact; beyond it the common scripts are covered (see unicode.c).
func IsLetter(r rune) bool
// IsDigit reports whether r is a decimal digit.
func IsDigit(r rune) bool
// IsNumber reports whether r is a number (digits, numeric letters and other numbers).
func IsNumber(r rune) bool
// IsSpace reports whether r is a white space character.
func IsSpace(r rune) bool
// IsUpper reports whether r is an upper case letter.
func IsUpper(r rune) bool
// IsLower reports whether r is a lower case letter.
func IsLower(r rune) bool
// IsTitle reports whether r is a title case letter.
func IsTitle(r rune) bool
// IsPunct reports whether r is a punctuation character.
func IsPunct(r rune) bool
// IsSymbol reports whether r is a symbol character.
func IsSymbol(r rune) bool
// IsControl reports whether r is a control character.
func IsControl(r rune) bool
// IsPrint reports whether r is printable as Go defines it; U+0020 is the only printable space.
func IsPrint(r rune) bool
// IsGraphic reports whether r is a graphic character, spaces included.
func IsGraphic(r rune) bool
// ToUpper maps r to upper case.
func ToUpper(r rune) rune
// ToLower maps r to lower case.
func ToLower(r rune) rune
// ToTitle maps r to title case.
func ToTitle(r rune) rune

// IsMark reports whether r is a combining mark (the common combining blocks).
func IsMark(r rune) bool {
	return (r >= 0x300 && r <= 0x36F) || (r >= 0x1AB0 && r <= 0x1AFF) ||
		(r >= 0x1DC0 && r <= 0x1DFF) || (r >= 0x20D0 && r <= 0x20FF) ||
		(r >= 0xFE20 && r <= 0xFE2F)
}

// To returns r in the case that _case selects (UpperCase, LowerCase or TitleCase).
//
// An unknown case gives ReplacementChar.
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

// SimpleFold returns the next rune in r's case-folding orbit.
//
// The orbit holds r's upper and lower forms; the tables hold pairs only.
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
