// Package hex implements hexadecimal encoding and decoding.
//
// Package encoding/hex — csp's standard library. Encode and the decoding
// loop are natives (stdlib/encoding/hex/hex.c); the streams and the
// hexdump -C style Dumper are written in csp.
package hex

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrLength reports an attempt to decode an odd-length input
// using Decode or DecodeString.
// The stream-based Decoder returns io.ErrUnexpectedEOF instead of ErrLength.
var ErrLength = errors.New("encoding/hex: odd length hex string")

// InvalidByteError values describe errors resulting from an invalid byte in a hex string.
type InvalidByteError byte

func (e InvalidByteError) Error() string {
	return fmt.Sprintf("encoding/hex: invalid byte: %#U", rune(e))
}

// EncodedLen returns the length of an encoding of n source bytes.
// Specifically, it returns n * 2.
func EncodedLen(n int) int { return n * 2 }

// DecodedLen returns the length of a decoding of x source bytes.
// Specifically, it returns x / 2.
func DecodedLen(x int) int { return x / 2 }

// Encode encodes src into EncodedLen(len(src)) bytes of dst, lowercase,
// and returns the number of bytes written to dst.
func Encode(dst, src []byte) int

func decode(dst, src []byte) (n int, bad int)

// Decode decodes src into DecodedLen(len(src)) bytes, returning the actual
// number of bytes written to dst. If the input is malformed, Decode returns
// the number of bytes decoded before the error.
func Decode(dst, src []byte) (int, error) {
	n, bad := decode(dst, src)
	switch {
	case bad == -2:
		return n, ErrLength
	case bad >= 0:
		return n, InvalidByteError(bad)
	}
	return n, nil
}

// grow gives dst room for n more bytes (what slices.Grow does).
func grow(dst []byte, n int) []byte {
	if cap(dst)-len(dst) < n {
		dst = append(dst[:cap(dst)], make([]byte, n-(cap(dst)-len(dst)))...)[:len(dst)]
	}
	return dst
}

// AppendEncode appends the hexadecimally encoded src to dst
// and returns the extended buffer.
func AppendEncode(dst, src []byte) []byte {
	n := EncodedLen(len(src))
	dst = grow(dst, n)
	Encode(dst[len(dst):][:n], src)
	return dst[:len(dst)+n]
}

// AppendDecode appends the hexadecimally decoded src to dst and returns the
// extended buffer. If the input is malformed, it returns the partially
// decoded src and an error.
func AppendDecode(dst, src []byte) ([]byte, error) {
	n := DecodedLen(len(src))
	dst = grow(dst, n)
	n, err := Decode(dst[len(dst):][:n], src)
	return dst[:len(dst)+n], err
}

// EncodeToString returns the hexadecimal encoding of src.
func EncodeToString(src []byte) string {
	dst := make([]byte, EncodedLen(len(src)))
	Encode(dst, src)
	return string(dst)
}

// DecodeString returns the bytes represented by the hexadecimal string s.
// If the input is malformed, DecodeString returns the bytes decoded before
// the error.
func DecodeString(s string) ([]byte, error) {
	dst := make([]byte, DecodedLen(len(s)))
	n, err := Decode(dst, []byte(s))
	return dst[:n], err
}

// Dump returns a string that contains a hex dump of the given data. The
// format of the hex dump matches the output of `hexdump -C` on the command
// line.
func Dump(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	var b strings.Builder
	d := Dumper(&b)
	d.Write(data)
	d.Close()
	return b.String()
}

// The streams work in chunks of this many hexadecimal characters.
const bufferSize = 1024

type encoder struct {
	w   io.Writer
	err error
	out []byte
}

// NewEncoder returns an io.Writer that writes lowercase hexadecimal
// characters to w.
func NewEncoder(w io.Writer) io.Writer {
	return &encoder{w: w}
}

func (e *encoder) Write(p []byte) (n int, err error) {
	if e.out == nil {
		e.out = make([]byte, bufferSize)
	}
	for len(p) > 0 && e.err == nil {
		chunk := min(len(p), bufferSize/2)
		k := Encode(e.out, p[:chunk])
		var written int
		written, e.err = e.w.Write(e.out[:k])
		n += written / 2
		p = p[chunk:]
	}
	return n, e.err
}

type decoder struct {
	r   io.Reader
	err error
	in  []byte // encoded input not decoded yet: 0 or 1 byte between reads
	arr []byte // in's backing array
}

// NewDecoder returns an io.Reader that decodes hexadecimal characters from
// r. NewDecoder expects that r contain only an even number of hexadecimal
// characters.
func NewDecoder(r io.Reader) io.Reader {
	return &decoder{r: r}
}

func (d *decoder) Read(p []byte) (n int, err error) {
	if d.arr == nil {
		d.arr = make([]byte, bufferSize)
	}
	if len(d.in) < 2 && d.err == nil {
		kept := copy(d.arr, d.in)
		var got int
		got, d.err = d.r.Read(d.arr[kept:])
		d.in = d.arr[:kept+got]
		if d.err == io.EOF && len(d.in)%2 != 0 {
			// An odd tail: a bad last byte is the earlier problem.
			if _, bad := decode(nil, d.in[len(d.in)-1:]); bad >= 0 {
				d.err = InvalidByteError(bad)
			} else {
				d.err = io.ErrUnexpectedEOF
			}
		}
	}
	if avail := len(d.in) / 2; len(p) > avail {
		p = p[:avail]
	}
	n, err = Decode(p, d.in[:len(p)*2])
	d.in = d.in[2*n:]
	if err != nil {
		d.in, d.err = nil, err
	}
	// Errors show only once what was read before them is consumed.
	if len(d.in) < 2 {
		return n, d.err
	}
	return n, nil
}

// Dumper returns a io.WriteCloser that writes a hex dump of all written
// data to w. The format of the dump matches the output of `hexdump -C` on
// the command line.
func Dumper(w io.Writer) io.WriteCloser {
	return &dumper{w: w}
}

// A dump line: "00000010  2e 2f 30 31 32 33 34 35  36 37 38 39 3a 3b 3c 3d  |./0123456789:;<=|"
// — the offset, sixteen bytes in hex with an extra space after the eighth,
// then the printable ASCII of the line between bars.
type dumper struct {
	w      io.Writer
	right  [18]byte // the line's ASCII column, then "|\n"
	used   int      // bytes in the current line
	n      uint     // bytes dumped in all
	closed bool
}

func printable(b byte) byte {
	if b < 32 || b > 126 {
		return '.'
	}
	return b
}

// cell is the hex column text of the line's byte number used.
func cell(hi, lo byte, used int) []byte {
	c := []byte{hi, lo, ' '}
	if used == 7 {
		c = append(c, ' ')
	} else if used == 15 {
		c = append(c, ' ', '|')
	}
	return c
}

func (h *dumper) Write(data []byte) (n int, err error) {
	if h.closed {
		return 0, errors.New("encoding/hex: dumper closed")
	}
	const digits = "0123456789abcdef"
	for _, b := range data {
		if h.used == 0 {
			off := []byte{byte(h.n >> 24), byte(h.n >> 16), byte(h.n >> 8), byte(h.n)}
			line := make([]byte, 10)
			Encode(line, off)
			line[8], line[9] = ' ', ' '
			if _, err = h.w.Write(line); err != nil {
				return
			}
		}
		if _, err = h.w.Write(cell(digits[b>>4], digits[b&15], h.used)); err != nil {
			return
		}
		n++
		h.right[h.used] = printable(b)
		h.used++
		h.n++
		if h.used == 16 {
			h.right[16], h.right[17] = '|', '\n'
			if _, err = h.w.Write(h.right[:]); err != nil {
				return
			}
			h.used = 0
		}
	}
	return
}

func (h *dumper) Close() (err error) {
	if h.closed {
		return
	}
	h.closed = true
	if h.used == 0 {
		return
	}
	full := h.used
	for ; h.used < 16; h.used++ {
		if _, err = h.w.Write(cell(' ', ' ', h.used)); err != nil {
			return
		}
	}
	h.right[full], h.right[full+1] = '|', '\n'
	_, err = h.w.Write(h.right[:full+2])
	return
}
