// Package strconv — csp's standard library stub. The conversions are natives
// in stdlib/strconv.c that return plain values plus an error code; the
// *NumError values are built here, in Go, so they are ordinary csp values.
package strconv

import "errors"

const IntSize = 64

var ErrRange = errors.New("value out of range")

var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat)
	Num  string // the input
	Err  error  // the reason the conversion failed (ErrRange, ErrSyntax, etc.)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

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

func ParseInt(s string, base int, bitSize int) (int64, error) {
	v, code := parseInt(s, base, bitSize)
	if code != errNone {
		return v, numError("ParseInt", s, code, base, bitSize)
	}
	return v, nil
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	v, code := parseUint(s, base, bitSize)
	if code != errNone {
		return v, numError("ParseUint", s, code, base, bitSize)
	}
	return v, nil
}

func Atoi(s string) (int, error) {
	v, code := parseInt(s, 10, 0)
	if code != errNone {
		return int(v), numError("Atoi", s, code, 10, 0)
	}
	return int(v), nil
}

func ParseFloat(s string, bitSize int) (float64, error) {
	v, code := parseFloat(s, bitSize)
	if code != errNone {
		return v, numError("ParseFloat", s, code, 10, bitSize)
	}
	return v, nil
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func Quote(s string) string
func QuoteToASCII(s string) string
func QuoteRune(r rune) string
func QuoteRuneToASCII(r rune) string
func IsPrint(r rune) bool

func Itoa(i int) string { return FormatInt(int64(i), 10) }

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func Unquote(s string) (string, error) {
	r, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return r, nil
}

func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}

func AppendQuote(dst []byte, s string) []byte {
	return append(dst, Quote(s)...)
}

func AppendQuoteRune(dst []byte, r rune) []byte {
	return append(dst, QuoteRune(r)...)
}

func AppendQuoteToASCII(dst []byte, s string) []byte {
	return append(dst, QuoteToASCII(s)...)
}
