// Package strings searches, splits, joins and transforms UTF-8 strings.
//
// Package strings — csp's standard library stub. Bodyless functions are
// natives in stdlib/strings.c; functions that take a callback are written in
// Go here, because natives may not call back into csp (fibers never nest on
// the C stack).
package strings

import (
	"errors"
	"io"
	"iter"
	"unicode/utf8"
)

// A Builder assembles a string piece by piece with few copies; the zero value
// is ready to use. Writing to a copy of a Builder that holds data panics.
//
// The bytes live in a private buffer reached through buf (owned by strings.c:
// never grown in place, so strings returned by String share it safely). addr
// detects copies, as Go's Builder does.
type Builder struct {
	addr *Builder
	buf  *byte
	n    int
	c    int
}

// String returns the text written to b so far.
func (b *Builder) String() string
// Len returns the number of bytes written to b so far.
func (b *Builder) Len() int
// Cap returns the capacity of b's buffer in bytes.
func (b *Builder) Cap() int
// Reset empties b, which starts over with a new buffer.
func (b *Builder) Reset()
// Grow makes room for at least n more bytes without another allocation; n < 0 panics.
func (b *Builder) Grow(n int)
// Write appends the bytes of p to b; the error is always nil.
func (b *Builder) Write(p []byte) (int, error)
// WriteByte appends the byte c to b; the error is always nil.
func (b *Builder) WriteByte(c byte) error
// WriteRune appends the UTF-8 encoding of r to b and returns its length.
func (b *Builder) WriteRune(r rune) (int, error)
// WriteString appends s to b; the error is always nil.
func (b *Builder) WriteString(s string) (int, error)

// A Replacer replaces a list of strings with replacements; make one with NewReplacer.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a Replacer for the given old, new string pairs.
//
// It panics if given an odd number of arguments, as Go does.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{oldnew: append([]string(nil), oldnew...)}
}

// Replace returns a copy of s with every old string of r replaced by its new one.
//
// Matching goes left to right; at each position the earliest pair in
// argument order wins, and replaced text is not searched again.
func (r *Replacer) Replace(s string) string

// Compare returns 0 if a == b, -1 if a < b and +1 if a > b, comparing bytes.
func Compare(a, b string) int
// Contains reports whether substr occurs within s.
func Contains(s, substr string) bool
// ContainsAny reports whether any rune of chars occurs within s.
func ContainsAny(s, chars string) bool
// ContainsRune reports whether the rune r occurs within s.
func ContainsRune(s string, r rune) bool
// Count returns the number of non-overlapping occurrences of substr in s.
//
// An empty substr counts once more than the number of runes in s.
func Count(s, substr string) int
// EqualFold reports whether s and t are equal when case is ignored (simple Unicode case folding).
func EqualFold(s, t string) bool
// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix string) bool
// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix string) bool
// Index returns the byte index of the first occurrence of substr in s, or -1.
func Index(s, substr string) int
// IndexAny returns the byte index of the first rune of s found in chars, or -1.
func IndexAny(s, chars string) int
// IndexByte returns the index of the first byte c in s, or -1.
func IndexByte(s string, c byte) int
// IndexRune returns the byte index of the first occurrence of rune r in s, or -1.
func IndexRune(s string, r rune) int
// LastIndex returns the byte index of the last occurrence of substr in s, or -1.
func LastIndex(s, substr string) int
// LastIndexAny returns the byte index of the last rune of s found in chars, or -1.
func LastIndexAny(s, chars string) int
// LastIndexByte returns the index of the last byte c in s, or -1.
func LastIndexByte(s string, c byte) int
// Fields splits s around runs of white space and returns the non-empty pieces.
func Fields(s string) []string
// Join concatenates the elements of elems with sep between each pair.
func Join(elems []string, sep string) string
// Repeat returns a new string made of count copies of s.
func Repeat(s string, count int) string
// Replace returns s with the first n non-overlapping old replaced by new (all if n < 0).
func Replace(s, old, new string, n int) string
// ReplaceAll returns s with every non-overlapping old replaced by new.
func ReplaceAll(s, old, new string) string
// Split cuts s around each sep and returns the pieces; an empty sep splits into runes.
func Split(s, sep string) []string
// SplitAfter cuts s after each sep, keeping sep at the end of each piece.
func SplitAfter(s, sep string) []string
// SplitN is Split limited to n pieces (the last holds the rest); n < 0 means all.
func SplitN(s, sep string, n int) []string
// SplitAfterN is SplitAfter limited to n pieces; n < 0 means all.
func SplitAfterN(s, sep string, n int) []string
// Title returns s with the first letter of each word mapped to title case.
//
// Word boundaries follow Go's deprecated strings.Title.
func Title(s string) string
// ToLower returns a copy of s in lower case.
func ToLower(s string) string
// ToUpper returns a copy of s in upper case.
func ToUpper(s string) string
// ToTitle returns a copy of s with every letter in title case.
func ToTitle(s string) string
// Trim returns s without the leading and trailing runes found in cutset.
func Trim(s, cutset string) string
// TrimLeft returns s without the leading runes found in cutset.
func TrimLeft(s, cutset string) string
// TrimRight returns s without the trailing runes found in cutset.
func TrimRight(s, cutset string) string
// TrimPrefix removes prefix from the start of s if it is there.
func TrimPrefix(s, prefix string) string
// TrimSuffix removes suffix from the end of s if it is there.
func TrimSuffix(s, suffix string) string
// TrimSpace returns s without leading and trailing white space.
func TrimSpace(s string) string

// Cut splits s around the first sep into before and after, and reports whether sep was found.
func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// CutPrefix returns s without prefix and reports whether s started with it.
func CutPrefix(s, prefix string) (after string, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// CutSuffix returns s without suffix and reports whether s ended with it.
func CutSuffix(s, suffix string) (before string, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// Map returns s with every rune replaced by mapping(r); runes mapped to a
// negative value are dropped.
func Map(mapping func(rune) rune, s string) string {
	var b Builder
	for _, r := range s {
		if m := mapping(r); m >= 0 {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// FieldsFunc splits s around runs of runes for which f is true.
func FieldsFunc(s string, f func(rune) bool) []string {
	var out []string
	start := -1
	for i, r := range s {
		if f(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// IndexFunc returns the byte index of the first rune r of s with f(r) true, or -1.
func IndexFunc(s string, f func(rune) bool) int {
	for i, r := range s {
		if f(r) {
			return i
		}
	}
	return -1
}

// LastIndexFunc returns the byte index of the last rune r of s with f(r) true, or -1.
func LastIndexFunc(s string, f func(rune) bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if f(r) {
			return i
		}
	}
	return -1
}

// ContainsFunc reports whether any rune of s satisfies f.
func ContainsFunc(s string, f func(rune) bool) bool {
	return IndexFunc(s, f) >= 0
}

// TrimLeftFunc returns s without the leading runes that satisfy f.
func TrimLeftFunc(s string, f func(rune) bool) string {
	for i, r := range s {
		if !f(r) {
			return s[i:]
		}
	}
	return ""
}

// TrimRightFunc returns s without the trailing runes that satisfy f.
func TrimRightFunc(s string, f func(rune) bool) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !f(r) {
			break
		}
		i -= size
	}
	return s[:i]
}

// TrimFunc returns s without the leading and trailing runes that satisfy f.
func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// Clone returns a fresh copy of s (an empty s gives "").
func Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	return string([]byte(s))
}

// ToValidUTF8 returns s with each run of invalid UTF-8 bytes replaced by replacement.
func ToValidUTF8(s, replacement string) string {
	var b Builder
	invalid := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			invalid = false
			b.WriteByte(c)
			continue
		}
		_, wid := utf8.DecodeRuneInString(s[i:])
		if wid == 1 {
			i++
			if !invalid {
				invalid = true
				b.WriteString(replacement)
			}
			continue
		}
		invalid = false
		b.WriteString(s[i : i+wid])
		i += wid
	}
	return b.String()
}

// WriteString writes s with r's replacements done to w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	return io.WriteString(w, r.Replace(s))
}

// A Reader reads from a string: it implements io.Reader, io.ReaderAt,
// io.ByteScanner, io.RuneScanner, io.Seeker and io.WriterTo. The zero value
// reads from "".
type Reader struct {
	s        string
	i        int64 // current reading index
	prevRune int   // index of the previous rune, or < 0
}

// NewReader returns a Reader reading from s.
func NewReader(s string) *Reader { return &Reader{s, 0, -1} }

// Len returns the number of bytes not yet read.
func (r *Reader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}

// Size returns the length of the underlying string, whatever has been read.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

// Read reads up to len(b) bytes into b; at the end it returns 0, io.EOF.
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
		return 0, errors.New("strings.Reader.ReadAt: negative offset")
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

// ReadByte returns the next byte, or io.EOF at the end.
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
		return errors.New("strings.Reader.UnreadByte: at beginning of string")
	}
	r.prevRune = -1
	r.i--
	return nil
}

// ReadRune returns the next rune and its size in bytes, or io.EOF at the end.
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
	ch, size = utf8.DecodeRuneInString(r.s[r.i:])
	r.i += int64(size)
	return
}

// UnreadRune steps back over the rune the previous ReadRune returned.
func (r *Reader) UnreadRune() error {
	if r.i <= 0 {
		return errors.New("strings.Reader.UnreadRune: at beginning of string")
	}
	if r.prevRune < 0 {
		return errors.New("strings.Reader.UnreadRune: previous operation was not ReadRune")
	}
	r.i = int64(r.prevRune)
	r.prevRune = -1
	return nil
}

// Seek sets the offset of the next Read, relative to whence (io.SeekStart,
// io.SeekCurrent or io.SeekEnd), and returns the new offset.
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
		return 0, errors.New("strings.Reader.Seek: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("strings.Reader.Seek: negative position")
	}
	r.i = abs
	return abs, nil
}

// WriteTo writes the unread rest of the string to w.
func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	s := r.s[r.i:]
	m, err := io.WriteString(w, s)
	if m > len(s) {
		panic("strings.Reader.WriteTo: invalid WriteString count")
	}
	r.i += int64(m)
	n = int64(m)
	if m != len(s) && err == nil {
		err = io.ErrShortWrite
	}
	return
}

// Reset makes r read from s from the start.
func (r *Reader) Reset(s string) { *r = Reader{s, 0, -1} }

// ---- iterators ----

// Lines returns an iterator over the newline-terminated lines of s, each
// with its "\n"; the last line may lack one. Empty s yields nothing.
func Lines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			line := s
			if i := IndexByte(s, '\n'); i >= 0 {
				line = s[:i+1]
			}
			s = s[len(line):]
			if !yield(line) {
				return
			}
		}
	}
}

// splitSeq yields the pieces of s around sep, each keeping keep bytes of
// the separator; an empty sep splits after each UTF-8 sequence.
func splitSeq(s, sep string, keep int) iter.Seq[string] {
	return func(yield func(string) bool) {
		if len(sep) == 0 {
			for len(s) > 0 {
				_, n := utf8.DecodeRuneInString(s)
				if !yield(s[:n]) {
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
			if !yield(s[:i+keep]) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s)
	}
}

// SplitSeq returns an iterator over the substrings of s around sep, as Split.
func SplitSeq(s, sep string) iter.Seq[string] { return splitSeq(s, sep, 0) }

// SplitAfterSeq returns an iterator over the substrings of s after each sep, as SplitAfter.
func SplitAfterSeq(s, sep string) iter.Seq[string] { return splitSeq(s, sep, len(sep)) }

// FieldsSeq returns an iterator over the fields of s around runs of white space, as Fields.
func FieldsSeq(s string) iter.Seq[string] { return FieldsFuncSeq(s, isSpace) }

// isSpace is unicode.IsSpace (Unicode's White_Space property), here so that
// every program importing strings does not load package unicode too.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// FieldsFuncSeq returns an iterator over the fields of s around runs of
// runes r with f(r), as FieldsFunc.
func FieldsFuncSeq(s string, f func(rune) bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if f(r) {
				if start >= 0 {
					if !yield(s[start:i]) {
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
			yield(s[start:])
		}
	}
}
