// Package strconv converts between strings and numbers, booleans and quoted literals.
//
// Package strconv — csp's standard library stub. The conversions are natives
// in stdlib/strconv.c that return plain values plus an error code; the
// *NumError values are built here, in Go, so they are ordinary csp values.
package strconv

import "errors"

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
