// Package bytes works on byte slices as package strings works on strings:
// searching, splitting, trimming and case mapping, plus Buffer (a growable
// read/write buffer) and Reader.
//
// Package bytes — csp's standard library. The byte searches are natives
// (stdlib/bytes/bytes.c); the rune-wise transformations convert to a string
// once and reuse package strings; functions that return parts of their
// argument return sub-slices of it, as Go's do.
package bytes

import (
	"errors"
	"io"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinRead is the smallest buffer size Buffer.ReadFrom passes to Read.
const MinRead = 512

// Equal reports whether a and b hold the same bytes; nil equals empty.
func Equal(a, b []byte) bool

// Compare returns 0 if a == b, -1 if a < b and +1 if a > b, comparing bytes.
func Compare(a, b []byte) int

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int

// Index returns the index of the first sep in s, or -1.
func Index(s, sep []byte) int

// LastIndex returns the index of the last sep in s, or -1.
func LastIndex(s, sep []byte) int

func countBytes(s, sep []byte) int

// Count returns the number of non-overlapping sep in s; an empty sep counts
// one more than the number of runes in s.
func Count(s, sep []byte) int {
	if len(sep) == 0 {
		return utf8.RuneCount(s) + 1
	}
	return countBytes(s, sep)
}

// Contains reports whether subslice is within b.
func Contains(b, subslice []byte) bool { return Index(b, subslice) != -1 }

// ContainsAny reports whether any rune of chars is within b.
func ContainsAny(b []byte, chars string) bool { return IndexAny(b, chars) >= 0 }

// ContainsRune reports whether the rune r is within b.
func ContainsRune(b []byte, r rune) bool { return IndexRune(b, r) >= 0 }

// ContainsFunc reports whether any rune r of b has f(r).
func ContainsFunc(b []byte, f func(rune) bool) bool { return IndexFunc(b, f) >= 0 }

// IndexRune returns the index of the first rune r in s (U+FFFD also finds invalid bytes), or -1.
func IndexRune(s []byte, r rune) int { return strings.IndexRune(string(s), r) }

// IndexAny returns the index of the first rune of s found in chars, or -1.
func IndexAny(s []byte, chars string) int { return strings.IndexAny(string(s), chars) }

// LastIndexAny returns the index of the last rune of s found in chars, or -1.
func LastIndexAny(s []byte, chars string) int { return strings.LastIndexAny(string(s), chars) }

// IndexFunc returns the index of the first rune r of s with f(r), or -1.
func IndexFunc(s []byte, f func(r rune) bool) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		if f(r) {
			return i
		}
		i += n
	}
	return -1
}

// LastIndexFunc returns the index of the last rune r of s with f(r), or -1.
func LastIndexFunc(s []byte, f func(r rune) bool) int {
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRune(s[:i])
		i -= n
		if f(r) {
			return i
		}
	}
	return -1
}

// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && Equal(s[:len(prefix)], prefix)
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
}

// genSplit cuts s after each sep, keeping sepSave bytes of it, into at most n pieces.
func genSplit(s, sep []byte, sepSave, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([][]byte, n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[: m+sepSave : m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// explode cuts s into its UTF-8 sequences, at most n of them.
func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := make([][]byte, n)
	var size int
	na := 0
	for len(s) > 0 {
		if na+1 >= n {
			a[na] = s
			na++
			break
		}
		_, size = utf8.DecodeRune(s)
		a[na] = s[0:size:size]
		s = s[size:]
		na++
	}
	return a[0:na]
}

// SplitN cuts s around sep into at most n pieces (n < 0: all).
func SplitN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, 0, n) }

// SplitAfterN cuts s after each sep into at most n pieces (n < 0: all).
func SplitAfterN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, len(sep), n) }

// Split cuts s around each sep; an empty sep splits into UTF-8 sequences.
func Split(s, sep []byte) [][]byte { return genSplit(s, sep, 0, -1) }

// SplitAfter cuts s after each sep, keeping sep at the end of each piece.
func SplitAfter(s, sep []byte) [][]byte { return genSplit(s, sep, len(sep), -1) }

// Fields splits s around runs of white space (unicode.IsSpace).
func Fields(s []byte) [][]byte { return FieldsFunc(s, unicode.IsSpace) }

// FieldsFunc splits s around runs of runes r with f(r).
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	var spans [][2]int
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if f(r) {
			if start >= 0 {
				spans = append(spans, [2]int{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	a := make([][]byte, len(spans))
	for i, sp := range spans {
		a[i] = s[sp[0]:sp[1]:sp[1]]
	}
	return a
}

// Join concatenates the elements of s with sep between them, into a new slice.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	if len(s) == 1 {
		return append([]byte(nil), s[0]...)
	}
	n := len(sep) * (len(s) - 1)
	for _, v := range s {
		n += len(v)
	}
	b := make([]byte, 0, n)
	b = append(b, s[0]...)
	for _, v := range s[1:] {
		b = append(b, sep...)
		b = append(b, v...)
	}
	return b
}

// Map returns a copy of s with each rune replaced by mapping(r); negative results are dropped.
func Map(mapping func(r rune) rune, s []byte) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, wid := utf8.DecodeRune(s[i:])
		r = mapping(r)
		if r >= 0 {
			b = utf8.AppendRune(b, r)
		}
		i += wid
	}
	return b
}

// Repeat returns count copies of b; a negative count panics.
func Repeat(b []byte, count int) []byte {
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	return []byte(strings.Repeat(string(b), count))
}

// ToUpper returns a copy of s with all letters in upper case.
func ToUpper(s []byte) []byte { return []byte(strings.ToUpper(string(s))) }

// ToLower returns a copy of s with all letters in lower case.
func ToLower(s []byte) []byte { return []byte(strings.ToLower(string(s))) }

// ToTitle returns a copy of s with all letters in title case.
func ToTitle(s []byte) []byte { return []byte(strings.ToTitle(string(s))) }

// Title returns a copy of s with the first letter of each word in title case.
//
// Deprecated: as Go's, it does not handle Unicode punctuation properly.
func Title(s []byte) []byte { return []byte(strings.Title(string(s))) }

// ToValidUTF8 returns a copy of s with each run of invalid UTF-8 replaced by replacement.
func ToValidUTF8(s, replacement []byte) []byte {
	return []byte(strings.ToValidUTF8(string(s), string(replacement)))
}

// Runes returns the runes of s (invalid bytes as U+FFFD).
func Runes(s []byte) []rune { return []rune(string(s)) }

// Replace returns a copy of s with the first n non-overlapping old replaced by new (n < 0: all).
func Replace(s, old, new []byte, n int) []byte {
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}

// ReplaceAll returns a copy of s with every non-overlapping old replaced by new.
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// EqualFold reports whether s and t are equal under simple Unicode case folding.
func EqualFold(s, t []byte) bool { return strings.EqualFold(string(s), string(t)) }

// TrimLeftFunc returns s without its leading runes r with f(r).
func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	i := indexFunc(s, f, false)
	if i == -1 {
		return nil
	}
	return s[i:]
}

// TrimRightFunc returns s without its trailing runes r with f(r).
func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	i := lastIndexFunc(s, f, false)
	if i >= 0 && s[i] >= utf8.RuneSelf {
		_, wid := utf8.DecodeRune(s[i:])
		i += wid
	} else {
		i++
	}
	return s[0:i]
}

// TrimFunc returns s without its leading and trailing runes r with f(r).
func TrimFunc(s []byte, f func(r rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func indexFunc(s []byte, f func(r rune) bool, truth bool) int {
	for i := 0; i < len(s); {
		r, wid := utf8.DecodeRune(s[i:])
		if f(r) == truth {
			return i
		}
		i += wid
	}
	return -1
}

func lastIndexFunc(s []byte, f func(r rune) bool, truth bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRune(s[0:i])
		i -= size
		if f(r) == truth {
			return i
		}
	}
	return -1
}

// TrimPrefix returns s without the leading prefix, if it is there.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without the trailing suffix, if it is there.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Trim returns s without the leading and trailing runes found in cutset.
func Trim(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return TrimRight(TrimLeft(s, cutset), cutset)
}

// TrimLeft returns s without the leading runes found in cutset.
func TrimLeft(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	str := string(s)
	start := len(str) - len(strings.TrimLeft(str, cutset))
	if start == len(s) {
		return nil
	}
	return s[start:]
}

// TrimRight returns s without the trailing runes found in cutset.
func TrimRight(s []byte, cutset string) []byte {
	if len(s) == 0 || cutset == "" {
		return s
	}
	return s[:len(strings.TrimRight(string(s), cutset))]
}

// TrimSpace returns s without leading and trailing white space.
func TrimSpace(s []byte) []byte {
	str := string(s)
	start := len(str) - len(strings.TrimLeftFunc(str, unicode.IsSpace))
	if start == len(s) {
		return nil
	}
	return s[start : start+len(strings.TrimRightFunc(str[start:], unicode.IsSpace))]
}

// Cut slices s around the first sep: before, after, and whether sep was found.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// CutPrefix returns s without prefix and whether it started with it.
func CutPrefix(s, prefix []byte) (after []byte, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// CutSuffix returns s without suffix and whether it ended with it.
func CutSuffix(s, suffix []byte) (before []byte, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// Clone returns a copy of b; Clone(nil) is nil.
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

// ---- Buffer ----------------------------------------------------------------

// ErrTooLarge is the panic value when a Buffer cannot grow.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")

var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

// Last operations, for UnreadRune and UnreadByte.
const (
	opRead    = -1 // any other read
	opInvalid = 0  // a non-read operation
	// 1..4: ReadRune of a rune of that many bytes
)

// A Buffer is a variable-sized buffer of bytes with Read and Write methods.
// The zero value is an empty buffer ready to use.
type Buffer struct {
	buf      []byte // contents are buf[off:len(buf)]
	off      int    // read at buf[off], write at buf[len(buf)]
	lastRead int    // last read operation, for Unread*
}

// NewBuffer returns a Buffer whose initial contents are buf.
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} }

// NewBufferString returns a Buffer whose initial contents are s.
func NewBufferString(s string) *Buffer { return &Buffer{buf: []byte(s)} }

// Bytes returns the unread portion of the buffer (aliasing it).
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// AvailableBuffer returns an empty slice with the buffer's free capacity, to append to and Write.
func (b *Buffer) AvailableBuffer() []byte { return b.buf[len(b.buf):] }

// String returns the unread portion of the buffer as a string; "<nil>" for a nil *Buffer.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

// Peek returns the next n bytes without advancing; fewer than n gives io.EOF.
func (b *Buffer) Peek(n int) ([]byte, error) {
	if b.Len() < n {
		return b.buf[b.off:], io.EOF
	}
	return b.buf[b.off : b.off+n], nil
}

func (b *Buffer) empty() bool { return len(b.buf) <= b.off }

// Len returns the number of unread bytes.
func (b *Buffer) Len() int { return len(b.buf) - b.off }

// Cap returns the capacity of the buffer's storage.
func (b *Buffer) Cap() int { return cap(b.buf) }

// Available returns how many bytes can be written without growing.
func (b *Buffer) Available() int { return cap(b.buf) - len(b.buf) }

// Truncate keeps the first n unread bytes; n out of range panics.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = opInvalid
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

// Reset empties the buffer, keeping its storage.
func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = opInvalid
}

const smallBufferSize = 64
const maxInt = int(^uint(0) >> 1)

// grow makes room for n more bytes and returns where they go.
func (b *Buffer) grow(n int) int {
	m := b.Len()
	if m == 0 && b.off != 0 {
		b.Reset()
	}
	if n <= cap(b.buf)-len(b.buf) {
		b.buf = b.buf[:len(b.buf)+n]
		return len(b.buf) - n
	}
	if b.buf == nil && n <= smallBufferSize {
		b.buf = make([]byte, n, smallBufferSize)
		return 0
	}
	c := cap(b.buf)
	if n <= c/2-m {
		// Slide the unread bytes down rather than allocate.
		copy(b.buf, b.buf[b.off:])
	} else if c > maxInt-c-n {
		panic(ErrTooLarge)
	} else {
		nb := growSlice(b.buf[b.off:], b.off+n)
		b.buf = nb
	}
	b.off = 0
	b.buf = b.buf[:m+n]
	return m
}

// growSlice returns b's contents in a slice with room for n more bytes
// (capacity at least twice the old one).
func growSlice(b []byte, n int) []byte {
	c := len(b) + n
	if c < 2*cap(b) {
		c = 2 * cap(b)
	}
	b2 := append([]byte(nil), make([]byte, c)...)
	copy(b2, b)
	return b2[:len(b)]
}

// Grow makes room for n more bytes without another allocation; n < 0 panics.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	m := b.grow(n)
	b.buf = b.buf[:m]
}

// Write appends p to the buffer; the error is always nil.
func (b *Buffer) Write(p []byte) (n int, err error) {
	b.lastRead = opInvalid
	m := b.grow(len(p))
	return copy(b.buf[m:], p), nil
}

// WriteString appends s to the buffer; the error is always nil.
func (b *Buffer) WriteString(s string) (n int, err error) {
	b.lastRead = opInvalid
	m := b.grow(len(s))
	return copy(b.buf[m:], s), nil
}

// ReadFrom appends everything r yields until EOF and returns the count.
func (b *Buffer) ReadFrom(r io.Reader) (n int64, err error) {
	b.lastRead = opInvalid
	for {
		i := b.grow(MinRead)
		b.buf = b.buf[:i]
		m, e := r.Read(b.buf[i:cap(b.buf)])
		if m < 0 {
			panic(errNegativeRead)
		}
		b.buf = b.buf[:i+m]
		n += int64(m)
		if e == io.EOF {
			return n, nil
		}
		if e != nil {
			return n, e
		}
	}
}

// WriteTo writes the unread bytes to w, emptying the buffer.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.lastRead = opInvalid
	if nBytes := b.Len(); nBytes > 0 {
		m, e := w.Write(b.buf[b.off:])
		if m > nBytes {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.off += m
		n = int64(m)
		if e != nil {
			return n, e
		}
		if m != nBytes {
			return n, io.ErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}

// WriteByte appends c; the error is always nil.
func (b *Buffer) WriteByte(c byte) error {
	b.lastRead = opInvalid
	m := b.grow(1)
	b.buf[m] = c
	return nil
}

// WriteRune appends the UTF-8 encoding of r and returns its length.
func (b *Buffer) WriteRune(r rune) (n int, err error) {
	if uint32(r) < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return 1, nil
	}
	b.lastRead = opInvalid
	m := b.grow(utf8.UTFMax)
	b.buf = utf8.AppendRune(b.buf[:m], r)
	return len(b.buf) - m, nil
}

// Read reads the next len(p) bytes (or all there are); an empty buffer gives io.EOF.
func (b *Buffer) Read(p []byte) (n int, err error) {
	b.lastRead = opInvalid
	if b.empty() {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return n, nil
}

// Next returns the next n bytes (or all there are) and advances past them.
func (b *Buffer) Next(n int) []byte {
	b.lastRead = opInvalid
	m := b.Len()
	if n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return data
}

// ReadByte returns the next byte, or io.EOF.
func (b *Buffer) ReadByte() (byte, error) {
	if b.empty() {
		b.Reset()
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	b.lastRead = opRead
	return c, nil
}

// ReadRune returns the next rune and its size, or io.EOF.
func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.empty() {
		b.Reset()
		return 0, 0, io.EOF
	}
	c := b.buf[b.off]
	if c < utf8.RuneSelf {
		b.off++
		b.lastRead = 1
		return rune(c), 1, nil
	}
	r, n := utf8.DecodeRune(b.buf[b.off:])
	b.off += n
	b.lastRead = n
	return r, n, nil
}

// UnreadRune steps back over the rune the last ReadRune returned.
func (b *Buffer) UnreadRune() error {
	if b.lastRead <= opInvalid {
		return errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")
	}
	if b.off >= b.lastRead {
		b.off -= b.lastRead
	}
	b.lastRead = opInvalid
	return nil
}

// UnreadByte steps back over the last byte a read returned.
func (b *Buffer) UnreadByte() error {
	if b.lastRead == opInvalid {
		return errUnreadByte
	}
	b.lastRead = opInvalid
	if b.off > 0 {
		b.off--
	}
	return nil
}

// ReadBytes reads up to and including delim, in a new slice; without
// delim it returns what there was and io.EOF.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	slice, err := b.readSlice(delim)
	line = append(line, slice...)
	return line, err
}

func (b *Buffer) readSlice(delim byte) (line []byte, err error) {
	i := IndexByte(b.buf[b.off:], delim)
	end := b.off + i + 1
	if i < 0 {
		end = len(b.buf)
		err = io.EOF
	}
	line = b.buf[b.off:end]
	b.off = end
	b.lastRead = opRead
	return line, err
}

// ReadString reads up to and including delim; without delim it returns
// what there was and io.EOF.
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	slice, err := b.readSlice(delim)
	return string(slice), err
}

// ---- Reader ----------------------------------------------------------------

// A Reader reads from a byte slice: io.Reader, io.ReaderAt, io.Seeker,
// io.WriterTo, io.ByteScanner and io.RuneScanner. It never modifies the slice.
type Reader struct {
	s        []byte
	i        int64
	prevRune int
}

// NewReader returns a Reader reading from b.
func NewReader(b []byte) *Reader { return &Reader{b, 0, -1} }

// Len returns the number of unread bytes.
func (r *Reader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}

// Size returns the length of the underlying slice.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

// Read reads up to len(b) bytes; at the end it returns 0, io.EOF.
func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	r.prevRune = -1
	n = copy(b, r.s[r.i:])
	r.i += int64(n)
	return
}

// ReadAt reads len(b) bytes at offset off without moving the Reader.
func (r *Reader) ReadAt(b []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, errors.New("bytes.Reader.ReadAt: negative offset")
	}
	if off >= int64(len(r.s)) {
		return 0, io.EOF
	}
	n = copy(b, r.s[off:])
	if n < len(b) {
		err = io.EOF
	}
	return
}

// ReadByte returns the next byte, or io.EOF.
func (r *Reader) ReadByte() (byte, error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	b := r.s[r.i]
	r.i++
	return b, nil
}

// UnreadByte steps back one byte.
func (r *Reader) UnreadByte() error {
	if r.i <= 0 {
		return errors.New("bytes.Reader.UnreadByte: at beginning of slice")
	}
	r.prevRune = -1
	r.i--
	return nil
}

// ReadRune returns the next rune and its size, or io.EOF.
func (r *Reader) ReadRune() (ch rune, size int, err error) {
	if r.i >= int64(len(r.s)) {
		r.prevRune = -1
		return 0, 0, io.EOF
	}
	r.prevRune = int(r.i)
	if c := r.s[r.i]; c < utf8.RuneSelf {
		r.i++
		return rune(c), 1, nil
	}
	ch, size = utf8.DecodeRune(r.s[r.i:])
	r.i += int64(size)
	return
}

// UnreadRune steps back over the rune the previous ReadRune returned.
func (r *Reader) UnreadRune() error {
	if r.i <= 0 {
		return errors.New("bytes.Reader.UnreadRune: at beginning of slice")
	}
	if r.prevRune < 0 {
		return errors.New("bytes.Reader.UnreadRune: previous operation was not ReadRune")
	}
	r.i = int64(r.prevRune)
	r.prevRune = -1
	return nil
}

// Seek sets the offset for the next Read relative to whence.
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	r.prevRune = -1
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = r.i + offset
	case io.SeekEnd:
		abs = int64(len(r.s)) + offset
	default:
		return 0, errors.New("bytes.Reader.Seek: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("bytes.Reader.Seek: negative position")
	}
	r.i = abs
	return abs, nil
}

// WriteTo writes the unread bytes to w.
func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	b := r.s[r.i:]
	m, err := w.Write(b)
	if m > len(b) {
		panic("bytes.Reader.WriteTo: invalid Write count")
	}
	r.i += int64(m)
	n = int64(m)
	if m != len(b) && err == nil {
		err = io.ErrShortWrite
	}
	return
}

// Reset makes r read from b from the start.
func (r *Reader) Reset(b []byte) { *r = Reader{b, 0, -1} }

// ---- iterators ----

// Lines returns an iterator over the newline-terminated lines of s, each
// with its '\n' (the last may lack one), as sub-slices with clipped capacity.
func Lines(s []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for len(s) > 0 {
			n := len(s)
			if i := IndexByte(s, '\n'); i >= 0 {
				n = i + 1
			}
			line := s[:n:n]
			s = s[n:]
			if !yield(line) {
				return
			}
		}
	}
}

// splitSeq yields the pieces of s around sep (sub-slices with clipped
// capacity), each keeping keep bytes of the separator; an empty sep splits
// after each UTF-8 sequence.
func splitSeq(s, sep []byte, keep int) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		if len(sep) == 0 {
			for len(s) > 0 {
				_, n := utf8.DecodeRune(s)
				if !yield(s[:n:n]) {
					return
				}
				s = s[n:]
			}
			return
		}
		for {
			i := Index(s, sep)
			if i < 0 {
				break
			}
			end := i + keep
			if !yield(s[:end:end]) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s[:len(s):len(s)])
	}
}

// SplitSeq returns an iterator over the sub-slices of s around sep, as Split.
func SplitSeq(s, sep []byte) iter.Seq[[]byte] { return splitSeq(s, sep, 0) }

// SplitAfterSeq returns an iterator over the sub-slices of s after each sep, as SplitAfter.
func SplitAfterSeq(s, sep []byte) iter.Seq[[]byte] { return splitSeq(s, sep, len(sep)) }

// FieldsSeq returns an iterator over the fields of s around runs of white space, as Fields.
func FieldsSeq(s []byte) iter.Seq[[]byte] { return FieldsFuncSeq(s, unicode.IsSpace) }

// FieldsFuncSeq returns an iterator over the fields of s around runs of
// runes r with f(r), as FieldsFunc.
func FieldsFuncSeq(s []byte, f func(rune) bool) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		start := -1
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRune(s[i:])
			if f(r) {
				if start >= 0 {
					if !yield(s[start:i:i]) {
						return
					}
					start = -1
				}
			} else if start < 0 {
				start = i
			}
			i += n
		}
		if start >= 0 {
			yield(s[start:len(s):len(s)])
		}
	}
}
