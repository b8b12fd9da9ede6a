// Package fmt formats values with Printf-style verbs and prints them.
//
// Package fmt — csp's standard library stub. The formatting engine is
// native (stdlib/fmt.c: Sprintf, Sprint, Sprintln and errorf); the printing
// functions, Errorf and its wrapping error types, and scanning (a subset of
// Go's: operands are pointers to basic types) are written in Go here.
// Output goes through the writer's WriteString when it has one (os.File,
// strings.Builder), which avoids building a []byte of the text.
package fmt

import (
	"errors"
	"io"
	"os"
	"strconv"
)

// Stringer is the interface of values with a String method, which %v and Print
// use to format them.
type Stringer interface {
	String() string
}

// GoStringer is the interface of values with a GoString method, which %#v uses
// to format them.
type GoStringer interface {
	GoString() string
}

// State represents the printer state passed to custom formatters: it
// gives access to the io.Writer interface plus the operand's flags,
// width and precision.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by any value with a Format method; the
// implementation controls how State and rune are interpreted and may call
// Sprint or Fprint(f) etc. to generate its output.
type Formatter interface {
	Format(f State, verb rune)
}

// fmtState is the State a Formatter writes to (fmt.c calls callFormat).
type fmtState struct {
	buf              []byte
	flags            string
	wid, prec        int
	hasWid, hasPrec  bool
}

func (s *fmtState) Write(b []byte) (int, error) {
	s.buf = append(s.buf, b...)
	return len(b), nil
}

func (s *fmtState) WriteString(t string) (int, error) {
	s.buf = append(s.buf, t...)
	return len(t), nil
}

func (s *fmtState) Width() (int, bool)     { return s.wid, s.hasWid }
func (s *fmtState) Precision() (int, bool) { return s.prec, s.hasPrec }

func (s *fmtState) Flag(c int) bool {
	for i := 0; i < len(s.flags); i++ {
		if int(s.flags[i]) == c {
			return true
		}
	}
	return false
}

// callFormat runs f.Format for fmt.c's printer and returns what it wrote.
func callFormat(f Formatter, verb rune, flags string, wid, prec int, hasWid, hasPrec bool) string {
	s := &fmtState{flags: flags, wid: wid, prec: prec, hasWid: hasWid, hasPrec: hasPrec}
	f.Format(s, verb)
	return string(s.buf)
}

func setFormatHook(fn func(Formatter, rune, string, int, int, bool, bool) string)

func init() { setFormatHook(callFormat) }

// Sprintf returns its operands formatted under the control of the format string.
func Sprintf(format string, a ...any) string
// Sprint returns its operands formatted in their default formats.
//
// Two adjacent operands get a space between them unless one is a string.
func Sprint(a ...any) string
// Sprintln returns its operands in default formats, separated by spaces and followed by a newline.
func Sprintln(a ...any) string

// errorf formats like Sprintf with %w allowed; wrapped holds the indexes
// of the %w operands, ascending.
func errorf(format string, a []any) (msg string, wrapped []int)

func write(w io.Writer, s string) (n int, err error) {
	if sw, ok := w.(io.StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}

// Fprintf formats its operands as Sprintf does and writes the text to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return write(w, Sprintf(format, a...))
}

// Fprint formats its operands as Sprint does and writes the text to w.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	return write(w, Sprint(a...))
}

// Fprintln formats its operands as Sprintln does and writes the text to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return write(w, Sprintln(a...))
}

// Printf formats its operands as Sprintf does and writes the text to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprintf(format, a...))
}

// Print formats its operands as Sprint does and writes the text to standard output.
func Print(a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprint(a...))
}

// Println formats its operands as Sprintln does and writes the text to standard output.
func Println(a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprintln(a...))
}

// Errorf formats its operands as Sprintf does and returns the text as an error.
//
// A %w verb formats an error operand as %v and wraps it. With one %w verb
// the error has an Unwrap() error method; with several, Unwrap() []error
// (Go 1.20+).
func Errorf(format string, a ...any) error {
	s, wrapped := errorf(format, a)
	switch len(wrapped) {
	case 0:
		return errors.New(s)
	case 1:
		w := &wrapError{msg: s}
		w.err, _ = a[wrapped[0]].(error)
		return w
	default:
		var errs []error
		for i, argNum := range wrapped {
			if i > 0 && wrapped[i-1] == argNum {
				continue
			}
			if e, ok := a[argNum].(error); ok {
				errs = append(errs, e)
			}
		}
		return &wrapErrors{s, errs}
	}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string {
	return e.msg
}

func (e *wrapErrors) Unwrap() []error {
	return e.errs
}

// ---- scanning (a subset of Go's fmt scanning: Scan, Scanln, Scanf and
// their F and S forms, into pointers to basic types) ----

// scanner reads one byte at a time from a string or a Reader; reading a
// Reader byte by byte never consumes input past what was scanned, as Go's
// fmt does with readers that cannot unread.
type scanner struct {
	src     string
	pos     int
	r       io.Reader
	one     []byte
	peeked  int  // the byte pushed back, -1 for EOF, -2 for none
	nlSpace bool // newlines count as spaces (Scan), or end input (Scanln)
}

func newStringScanner(s string, nlSpace bool) *scanner {
	return &scanner{src: s, peeked: -2, nlSpace: nlSpace}
}

func newReaderScanner(r io.Reader, nlSpace bool) *scanner {
	return &scanner{r: r, one: make([]byte, 1), peeked: -2, nlSpace: nlSpace}
}

func (s *scanner) next() int {
	if s.peeked != -2 {
		c := s.peeked
		s.peeked = -2
		return c
	}
	if s.r == nil {
		if s.pos >= len(s.src) {
			return -1
		}
		s.pos++
		return int(s.src[s.pos-1])
	}
	n, _ := s.r.Read(s.one)
	if n == 0 {
		return -1
	}
	return int(s.one[0])
}

func (s *scanner) back(c int) { s.peeked = c }

func isScanSpace(c int) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

var errUnexpectedNewline = errors.New("unexpected newline")

// skipSpace skips blanks (and newlines when they count as spaces); a
// newline that ends the input is an error here.
func (s *scanner) skipSpace() error {
	for {
		c := s.next()
		if c == '\n' && s.nlSpace {
			continue
		}
		if c == '\n' {
			s.back(c)
			return errUnexpectedNewline
		}
		if !isScanSpace(c) {
			s.back(c)
			return nil
		}
	}
}

const (
	scanString = iota
	scanInt
	scanUint
	scanFloat
	scanBool
	scanOther
)

func scanClass(arg any) int {
	switch arg.(type) {
	case *string, *[]byte:
		return scanString
	case *int, *int8, *int16, *int32, *int64:
		return scanInt
	case *uint, *uint8, *uint16, *uint32, *uint64, *uintptr:
		return scanUint
	case *float32, *float64:
		return scanFloat
	case *bool:
		return scanBool
	}
	return scanOther
}

// accepts reports whether byte c may continue a token of the class.
func accepts(class int, verb byte, tok []byte, c int) bool {
	if c < 0 || c == '\n' || isScanSpace(c) {
		return false
	}
	switch class {
	case scanInt, scanUint:
		if c == '+' || c == '-' {
			return len(tok) == 0
		}
		if c >= '0' && c <= '9' || c == '_' {
			return true
		}
		if verb == 'd' {
			return false
		}
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	case scanFloat:
		if c == '+' || c == '-' {
			if len(tok) == 0 {
				return true
			}
			last := tok[len(tok)-1]
			return last == 'e' || last == 'E' || last == 'p' || last == 'P'
		}
		return c >= '0' && c <= '9' || c == '.' || c == '_' ||
			c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return true
}

// token reads the next operand's text.
func (s *scanner) token(class int, verb byte) (string, error) {
	if verb == 'c' {
		c := s.next()
		if c < 0 {
			return "", io.EOF
		}
		return string([]byte{byte(c)}), nil
	}
	if err := s.skipSpace(); err != nil {
		return "", err
	}
	var tok []byte
	for {
		c := s.next()
		if !accepts(class, verb, tok, c) {
			s.back(c)
			break
		}
		tok = append(tok, byte(c))
	}
	if len(tok) == 0 {
		if c := s.next(); c < 0 {
			return "", io.EOF
		}
		switch class {
		case scanInt, scanUint:
			return "", errors.New("expected integer")
		case scanBool:
			return "", errors.New("syntax error scanning boolean")
		}
		return "", errors.New("expected token")
	}
	return string(tok), nil
}

func intBase(verb byte) int {
	switch verb {
	case 'd':
		return 10
	case 'x', 'X':
		return 16
	case 'o':
		return 8
	case 'b':
		return 2
	}
	return 0
}

// isDigit reports whether c is a digit of the base (0: a decimal digit,
// which starts every prefixed number too).
func isDigit(c byte, base int) bool {
	if base == 16 {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	return c >= '0' && c <= '9'
}

func scanSigned(tok string, verb byte, bits int) (int64, error) {
	c := tok[0]
	if c == '+' || c == '-' {
		if len(tok) == 1 {
			return 0, errors.New("expected integer")
		}
		c = tok[1]
	}
	if !isDigit(c, intBase(verb)) {
		return 0, errors.New("expected integer")
	}
	v, err := strconv.ParseInt(tok, intBase(verb), 64)
	if err != nil {
		return 0, err
	}
	if bits < 64 && (v < -(1<<(bits-1)) || v >= 1<<(bits-1)) {
		return 0, errors.New("integer overflow on token " + tok)
	}
	return v, nil
}

func scanUnsigned(tok string, verb byte, bits int) (uint64, error) {
	if !isDigit(tok[0], intBase(verb)) {
		return 0, errors.New("expected integer")
	}
	v, err := strconv.ParseUint(tok, intBase(verb), 64)
	if err != nil {
		return 0, err
	}
	if bits < 64 && v >= 1<<bits {
		return 0, errors.New("unsigned integer overflow on token " + tok)
	}
	return v, nil
}

// store parses tok into the variable arg points to.
func store(tok string, arg any, verb byte) error {
	var err error
	var i int64
	var u uint64
	var f float64
	switch p := arg.(type) {
	case *string:
		*p = tok
	case *[]byte:
		*p = []byte(tok)
	case *bool:
		// Go decides by the first rune: 0/1, t/f words, anything else false.
		switch tok[0] {
		case '0', '1':
			*p = tok[0] == '1'
		case 't', 'T', 'f', 'F':
			b, err := strconv.ParseBool(tok)
			if err != nil {
				return errors.New("syntax error scanning boolean")
			}
			*p = b
		default:
			*p = false
		}
	case *int:
		i, err = scanSigned(tok, verb, 64)
		*p = int(i)
	case *int8:
		i, err = scanSigned(tok, verb, 8)
		*p = int8(i)
	case *int16:
		i, err = scanSigned(tok, verb, 16)
		*p = int16(i)
	case *int32:
		if verb == 'c' {
			*p = int32(tok[0])
			return nil
		}
		i, err = scanSigned(tok, verb, 32)
		*p = int32(i)
	case *int64:
		i, err = scanSigned(tok, verb, 64)
		*p = i
	case *uint:
		u, err = scanUnsigned(tok, verb, 64)
		*p = uint(u)
	case *uint8:
		u, err = scanUnsigned(tok, verb, 8)
		*p = uint8(u)
	case *uint16:
		u, err = scanUnsigned(tok, verb, 16)
		*p = uint16(u)
	case *uint32:
		u, err = scanUnsigned(tok, verb, 32)
		*p = uint32(u)
	case *uint64:
		u, err = scanUnsigned(tok, verb, 64)
		*p = u
	case *uintptr:
		u, err = scanUnsigned(tok, verb, 64)
		*p = uintptr(u)
	case *float32:
		f, err = strconv.ParseFloat(tok, 32)
		*p = float32(f)
	case *float64:
		f, err = strconv.ParseFloat(tok, 64)
		*p = f
	default:
		t := Sprintf("%T", arg)
		if len(t) == 0 || t[0] != '*' {
			return errors.New("type not a pointer: " + t)
		}
		return errors.New("can't scan type: " + t)
	}
	return err
}

func (s *scanner) doScan(a []any) (n int, err error) {
	for _, arg := range a {
		tok, err := s.token(scanClass(arg), 'v')
		if err != nil {
			return n, err
		}
		if err := store(tok, arg, 'v'); err != nil {
			return n, err
		}
		n++
	}
	if !s.nlSpace { // Scanln: the line must end here
		for {
			c := s.next()
			if c < 0 || c == '\n' {
				break
			}
			if !isScanSpace(c) {
				return n, errors.New("expected newline")
			}
		}
	}
	return n, nil
}

func (s *scanner) doScanf(format string, a []any) (n int, err error) {
	argNum := 0
	for i := 0; i < len(format); i++ {
		fc := format[i]
		if fc == ' ' || fc == '\t' || fc == '\r' || fc == '\n' {
			for {
				c := s.next()
				if !isScanSpace(c) && !(c == '\n' && fc == '\n') {
					s.back(c)
					break
				}
			}
			continue
		}
		if fc != '%' || i+1 >= len(format) || format[i+1] == '%' {
			if fc == '%' {
				i++
			}
			c := s.next()
			if c != int(fc) {
				s.back(c)
				if c < 0 {
					return n, io.ErrUnexpectedEOF
				}
				return n, errors.New("input does not match format")
			}
			continue
		}
		i++
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '+' || format[i] == '-' || format[i] == '#' || format[i] == ' ') {
			i++
		}
		if i >= len(format) {
			return n, errors.New("too few operands for format '%'")
		}
		verb := format[i]
		if argNum >= len(a) {
			return n, errors.New("too few operands for format '%" + string([]byte{verb}) + "'")
		}
		arg := a[argNum]
		argNum++
		tok, err := s.token(scanClass(arg), verb)
		if err != nil {
			return n, err
		}
		if err := store(tok, arg, verb); err != nil {
			return n, err
		}
		n++
	}
	if argNum < len(a) {
		return n, errors.New("too many operands")
	}
	return n, nil
}

// Sscan reads space-separated values from str into the pointers in a; newlines count as space.
//
// It returns how many operands it stored and the first error.
func Sscan(str string, a ...any) (n int, err error) {
	return newStringScanner(str, true).doScan(a)
}

// Sscanln is Sscan that stops at the first newline, which must follow the last operand.
func Sscanln(str string, a ...any) (n int, err error) {
	return newStringScanner(str, false).doScan(a)
}

// Sscanf reads values from str into the pointers in a as the format says.
func Sscanf(str string, format string, a ...any) (n int, err error) {
	return newStringScanner(str, false).doScanf(format, a)
}

// Fscan reads space-separated values from r into the pointers in a; newlines count as space.
func Fscan(r io.Reader, a ...any) (n int, err error) {
	return newReaderScanner(r, true).doScan(a)
}

// Fscanln is Fscan that stops at the first newline, which must follow the last operand.
func Fscanln(r io.Reader, a ...any) (n int, err error) {
	return newReaderScanner(r, false).doScan(a)
}

// Fscanf reads values from r into the pointers in a as the format says.
func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	return newReaderScanner(r, false).doScanf(format, a)
}

// Scan reads space-separated values from standard input into the pointers in a.
func Scan(a ...any) (n int, err error) {
	return Fscan(os.Stdin, a...)
}

// Scanln is Scan that stops at the first newline, which must follow the last operand.
func Scanln(a ...any) (n int, err error) {
	return Fscanln(os.Stdin, a...)
}

// Scanf reads values from standard input into the pointers in a as the format says.
func Scanf(format string, a ...any) (n int, err error) {
	return Fscanf(os.Stdin, format, a...)
}
