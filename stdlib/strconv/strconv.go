// Package strconv converts between strings and numbers, booleans and quoted literals.
//
// Package strconv — csp's standard library stub. The conversions are natives
// in stdlib/strconv.c that return plain values plus an error code; the
// *NumError values are built here, in Go, so they are ordinary csp values.
package strconv

import (
	"errors"
	"unicode/utf8"
)

// IntSize is the number of bits in an int or uint: 64 in csp.
const IntSize = 64

// ErrRange is the reason for a conversion whose value does not fit the type.
var ErrRange = errors.New("value out of range")

// ErrSyntax is the reason for a conversion whose input is malformed.
var ErrSyntax = errors.New("invalid syntax")

// A NumError describes a failed conversion: which function, what input, and why.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat)
	Num  string // the input
	Err  error  // the reason the conversion failed (ErrRange, ErrSyntax, etc.)
}

// Error returns a message such as `strconv.Atoi: parsing "x": invalid syntax`.
func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

// Unwrap returns the underlying error (ErrRange, ErrSyntax, ...).
func (e *NumError) Unwrap() error { return e.Err }

// Error codes returned by the natives.
const (
	errNone = iota
	errSyntax
	errRange
	errBase
	errBitSize
)

func numError(fn, s string, code, base, bitSize int) error {
	switch code {
	case errSyntax:
		return &NumError{fn, s, ErrSyntax}
	case errRange:
		return &NumError{fn, s, ErrRange}
	case errBase:
		return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
	case errBitSize:
		return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	return nil
}

func parseInt(s string, base int, bitSize int) (int64, int)
func parseUint(s string, base int, bitSize int) (uint64, int)
func parseFloat(s string, bitSize int) (float64, int)
func parseFloatPrefix(s string, bitSize int) (float64, int, int)
func unquote(s string) (string, bool)

// ParseInt converts s, written in base, to an integer that fits in bitSize bits.
//
// base is 2 to 36, or 0 to take it from a prefix (0x, 0o, 0b, 0), which also
// allows underscores; bitSize 0 means int. A value out of range returns the
// nearest limit with ErrRange.
func ParseInt(s string, base int, bitSize int) (int64, error) {
	v, code := parseInt(s, base, bitSize)
	if code != errNone {
		return v, numError("ParseInt", s, code, base, bitSize)
	}
	return v, nil
}

// ParseUint converts s to an unsigned integer as ParseInt does, with no sign allowed.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	v, code := parseUint(s, base, bitSize)
	if code != errNone {
		return v, numError("ParseUint", s, code, base, bitSize)
	}
	return v, nil
}

// Atoi converts the decimal string s to an int (ParseInt(s, 10, 0)).
func Atoi(s string) (int, error) {
	v, code := parseInt(s, 10, 0)
	if code != errNone {
		return int(v), numError("Atoi", s, code, 10, 0)
	}
	return int(v), nil
}

// ParseFloat converts s to a float64, rounded to float32 precision when bitSize is 32.
//
// It accepts decimal and hexadecimal forms, underscores after a base
// prefix, and "Inf"/"NaN" spellings; values too large return ±Inf with ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	v, code := parseFloat(s, bitSize)
	if code != errNone {
		return v, numError("ParseFloat", s, code, 10, bitSize)
	}
	return v, nil
}

// ParseComplex converts s to a complex number whose parts fit bitSize/2
// bits (64: complex64, 128: complex128).
//
// s is N, Ni or N±Ni, optionally in parentheses, each N as ParseFloat
// accepts it. A part too large gives ±Inf with ErrRange; the error's Num
// is all of s.
func ParseComplex(s string, bitSize int) (complex128, error) {
	size := 64
	if bitSize == 64 {
		size = 32
	}
	orig := s
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	re, n, code := parseFloatPrefix(s, size)
	if code == errSyntax {
		return 0, numError("ParseComplex", orig, errSyntax, 10, bitSize)
	}
	pending := code
	s = s[n:]
	var c complex128
	switch {
	case s == "":
		c = complex(re, 0)
	case s == "i":
		c = complex(0, re)
	case s[0] == '+' || s[0] == '-':
		if s[0] == '+' && len(s) > 1 && s[1] != '+' {
			s = s[1:] // the imaginary part's own sign, if any, follows
		}
		im, n, code := parseFloatPrefix(s, size)
		if code == errSyntax || s[n:] != "i" {
			return 0, numError("ParseComplex", orig, errSyntax, 10, bitSize)
		}
		if code == errRange {
			pending = code
		}
		c = complex(re, im)
	default:
		return 0, numError("ParseComplex", orig, errSyntax, 10, bitSize)
	}
	if pending != errNone {
		return c, numError("ParseComplex", orig, pending, 10, bitSize)
	}
	return c, nil
}

// FormatComplex converts c to text of the form (a+bi), each part as
// FormatFloat writes it with fmt and prec; bitSize 64 means complex64
// (float32 parts), 128 complex128.
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize")
	}
	im := FormatFloat(imag(c), fmt, prec, bitSize/2)
	if im[0] != '+' && im[0] != '-' {
		im = "+" + im
	}
	return "(" + FormatFloat(real(c), fmt, prec, bitSize/2) + im + "i)"
}

// ParseBool returns the boolean value str represents; other strings give ErrSyntax.
//
// It accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false and False.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

// FormatInt writes i in base (2 to 36), with digits past 9 as lower-case letters.
func FormatInt(i int64, base int) string
// FormatUint writes i in base (2 to 36), with digits past 9 as lower-case letters.
func FormatUint(i uint64, base int) string
// FormatFloat converts f to text in format fmt ('e', 'f', 'g', ...) with precision prec.
//
// The formats are 'b', 'e', 'E', 'f', 'g', 'G', 'x' and 'X'.
//
// prec -1 uses the fewest digits that read back exactly; bitSize (32 or 64)
// says which type f was.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
// Quote returns s as a double-quoted Go string literal; controls and unprintable runes are escaped.
func Quote(s string) string
// QuoteToASCII is like Quote but also escapes every non-ASCII rune.
func QuoteToASCII(s string) string
// QuoteRune returns r as a single-quoted Go rune literal.
func QuoteRune(r rune) string
// QuoteRuneToASCII is like QuoteRune but escapes a non-ASCII rune.
func QuoteRuneToASCII(r rune) string
// IsPrint reports whether r is printable as Go defines it: the runes Quote leaves unescaped.
func IsPrint(r rune) bool

// Itoa returns the decimal text of i (FormatInt(int64(i), 10)).
func Itoa(i int) string { return FormatInt(int64(i), 10) }

// FormatBool returns the text of b: "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Unquote returns the string value of s, a Go string or rune literal in any quote style.
//
// It accepts double-quoted, back-quoted and single-quoted forms; any other
// input returns ErrSyntax.
func Unquote(s string) (string, error) {
	r, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return r, nil
}

// AppendInt returns dst extended with FormatInt(i, base).
func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

// AppendUint returns dst extended with FormatUint(i, base).
func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

// AppendFloat returns dst extended with FormatFloat(f, fmt, prec, bitSize).
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

// AppendBool returns dst extended with FormatBool(b).
func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}

// AppendQuote returns dst extended with Quote(s).
func AppendQuote(dst []byte, s string) []byte {
	return append(dst, Quote(s)...)
}

// AppendQuoteRune returns dst extended with QuoteRune(r).
func AppendQuoteRune(dst []byte, r rune) []byte {
	return append(dst, QuoteRune(r)...)
}

// AppendQuoteToASCII returns dst extended with QuoteToASCII(s).
func AppendQuoteToASCII(dst []byte, s string) []byte {
	return append(dst, QuoteToASCII(s)...)
}

// AppendQuoteRuneToASCII returns dst extended with QuoteRuneToASCII(r).
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToASCII(r)...)
}

// AppendQuoteToGraphic returns dst extended with QuoteToGraphic(s).
func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return append(dst, QuoteToGraphic(s)...)
}

// AppendQuoteRuneToGraphic returns dst extended with QuoteRuneToGraphic(r).
func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToGraphic(r)...)
}

// IsGraphic reports whether the rune is defined as a Graphic by Unicode:
// the printable runes plus the space characters of category Zs beyond
// U+0020.
func IsGraphic(r rune) bool {
	if IsPrint(r) {
		return true
	}
	switch r {
	case '\u00a0', '\u1680', '\u202f', '\u205f', '\u3000':
		return true
	}
	return '\u2000' <= r && r <= '\u200a'
}

// QuoteToGraphic returns a double-quoted Go string literal representing s.
// The returned string leaves Unicode graphic characters, as defined by
// IsGraphic, unchanged and escapes non-graphic characters.
func QuoteToGraphic(s string) string {
	buf := []byte{'"'}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		buf = appendGraphic(buf, s[i:i+w], r, w, '"')
		i += w
	}
	return string(append(buf, '"'))
}

// QuoteRuneToGraphic returns a single-quoted Go character literal
// representing the rune, leaving graphic characters unchanged. An invalid
// rune is quoted as U+FFFD.
func QuoteRuneToGraphic(r rune) string {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	buf := appendGraphic([]byte{'\''}, string(r), r, len(string(r)), '\'')
	return string(append(buf, '\''))
}

// appendGraphic appends the rune r (its text: one invalid byte when r is
// RuneError of width 1) as it appears inside quote: literally when it is
// graphic and needs no backslash, else as Quote/QuoteRune escape it.
func appendGraphic(buf []byte, text string, r rune, w int, quote byte) []byte {
	if (r != utf8.RuneError || w != 1) && r != rune(quote) && r != '\\' && IsGraphic(r) {
		return append(buf, text...)
	}
	var q string
	if quote == '"' {
		q = Quote(text)
	} else {
		q = QuoteRune(r)
	}
	return append(buf, q[1:len(q)-1]...)
}

// CanBackquote reports whether the string s can be represented unchanged
// as a single-line backquoted string without control characters other
// than tab.
func CanBackquote(s string) bool {
	for len(s) > 0 {
		r, wid := utf8.DecodeRuneInString(s)
		s = s[wid:]
		if wid > 1 {
			if r == '\ufeff' {
				return false // a byte order mark would vanish from view
			}
			continue
		}
		if r == utf8.RuneError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == '\u007F' {
			return false
		}
	}
	return true
}

func unhex(b byte) (v rune, ok bool) {
	c := rune(b)
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return
}

// UnquoteChar decodes the first character or byte in the escaped string or
// character literal represented by the string s. It returns four values:
// the decoded character, whether it needs a multibyte UTF-8 encoding, the
// rest of the string, and an error (ErrSyntax) if s does not start with a
// valid character in a literal quoted by quote.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	if len(s) == 0 {
		err = ErrSyntax
		return
	}
	switch c := s[0]; {
	case c == quote && (quote == '\'' || quote == '"'):
		err = ErrSyntax
		return
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(s)
		return r, true, s[size:], nil
	case c != '\\':
		return rune(s[0]), false, s[1:], nil
	}
	if len(s) <= 1 {
		err = ErrSyntax
		return
	}
	c := s[1]
	s = s[2:]
	switch c {
	case 'a':
		value = '\a'
	case 'b':
		value = '\b'
	case 'f':
		value = '\f'
	case 'n':
		value = '\n'
	case 'r':
		value = '\r'
	case 't':
		value = '\t'
	case 'v':
		value = '\v'
	case 'x', 'u', 'U':
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		if len(s) < n {
			err = ErrSyntax
			return
		}
		var v rune
		for j := 0; j < n; j++ {
			x, ok := unhex(s[j])
			if !ok {
				err = ErrSyntax
				return
			}
			v = v<<4 | x
		}
		s = s[n:]
		if c == 'x' {
			value = v // one byte, which may not be UTF-8
			break
		}
		if !utf8.ValidRune(v) {
			err = ErrSyntax
			return
		}
		value = v
		multibyte = true
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := rune(c) - '0'
		if len(s) < 2 {
			err = ErrSyntax
			return
		}
		for j := 0; j < 2; j++ {
			x := rune(s[j]) - '0'
			if x < 0 || x > 7 {
				err = ErrSyntax
				return
			}
			v = v<<3 | x
		}
		s = s[2:]
		if v > 255 {
			err = ErrSyntax
			return
		}
		value = v
	case '\\':
		value = '\\'
	case '\'', '"':
		if c != quote {
			err = ErrSyntax
			return
		}
		value = rune(c)
	default:
		err = ErrSyntax
		return
	}
	tail = s
	return
}

// QuotedPrefix returns the quoted string (as understood by Unquote) at the
// prefix of s. If s does not start with a valid quoted string,
// QuotedPrefix returns an error.
func QuotedPrefix(s string) (string, error) {
	if len(s) < 2 {
		return "", ErrSyntax
	}
	quote := s[0]
	switch quote {
	case '`':
		end := indexByte(s[1:], '`')
		if end < 0 {
			return "", ErrSyntax
		}
		return s[:end+2], nil
	case '"', '\'':
	default:
		return "", ErrSyntax
	}
	in := s[1:]
	for len(in) > 0 && in[0] != quote {
		_, _, rem, err := UnquoteChar(in, quote)
		if in[0] == '\n' || err != nil {
			return "", ErrSyntax
		}
		in = rem
		if quote == '\'' {
			break // one character only
		}
	}
	if len(in) == 0 || in[0] != quote {
		return "", ErrSyntax
	}
	return s[:len(s)-len(in)+1], nil
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
