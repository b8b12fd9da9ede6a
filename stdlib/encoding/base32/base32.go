// Package base32 implements base32 encoding as specified by RFC 4648.
//
// Package encoding/base32 — csp's standard library, written in csp. A
// quantum is 5 bytes as 8 characters; decoding follows Go's rules to the
// CorruptInputError offsets: '\r' and '\n' are dropped first, padding is
// recognised only within the last 8 characters and must complete the
// quantum, and 1, 3 or 6 characters before it cannot end a quantum.
package base32

import (
	"io"
	"strconv"
)

// An Encoding is a radix 32 encoding/decoding scheme, defined by a
// 32-character alphabet.
type Encoding struct {
	encode    string
	decodeMap [256]byte // 0xFF: not in the alphabet
	padChar   rune
}

const (
	StdPadding rune = '=' // Standard padding character
	NoPadding  rune = -1  // No padding
)

const notInAlphabet = 0xFF

// NewEncoding returns a new padded Encoding defined by the given alphabet,
// which must be a 32-byte string that contains unique byte values and
// does not contain the padding character or CR / LF ('\r', '\n').
func NewEncoding(encoder string) *Encoding {
	if len(encoder) != 32 {
		panic("encoding alphabet is not 32-bytes long")
	}
	e := &Encoding{encode: encoder, padChar: StdPadding}
	for i := range e.decodeMap {
		e.decodeMap[i] = notInAlphabet
	}
	for i := 0; i < len(encoder); i++ {
		c := encoder[i]
		if c == '\n' || c == '\r' {
			panic("encoding alphabet contains newline character")
		}
		if e.decodeMap[c] != notInAlphabet {
			panic("encoding alphabet includes duplicate symbols")
		}
		e.decodeMap[c] = byte(i)
	}
	return e
}

// StdEncoding is the standard base32 encoding, as defined in RFC 4648.
var StdEncoding = NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

// HexEncoding is the “Extended Hex Alphabet” defined in RFC 4648. It is
// typically used in DNS.
var HexEncoding = NewEncoding("0123456789ABCDEFGHIJKLMNOPQRSTUV")

// WithPadding creates a new encoding identical to enc except with a
// specified padding character, or NoPadding to disable padding.
func (enc Encoding) WithPadding(padding rune) *Encoding {
	if padding < NoPadding || padding == '\r' || padding == '\n' || padding > 0xff {
		panic("invalid padding")
	}
	if padding != NoPadding && enc.decodeMap[byte(padding)] != notInAlphabet {
		panic("padding contained in alphabet")
	}
	enc.padChar = padding
	return &enc
}

// Encode encodes src using the encoding enc, writing EncodedLen(len(src))
// bytes to dst.
func (enc *Encoding) Encode(dst, src []byte) {
	di := 0
	for si := 0; si < len(src); si += 5 {
		rem := min(len(src)-si, 5)
		var v uint64 // the quantum's 40 bits
		for k := 0; k < 5; k++ {
			v <<= 8
			if k < rem {
				v |= uint64(src[si+k])
			}
		}
		chars := (rem*8 + 4) / 5 // characters carrying bits
		for k := 0; k < 8; k++ {
			switch {
			case k < chars:
				dst[di+k] = enc.encode[v>>(35-5*k)&0x1F]
			case enc.padChar != NoPadding:
				dst[di+k] = byte(enc.padChar)
			}
		}
		di += 8
	}
}

// grow gives dst room for n more bytes (what slices.Grow does).
func grow(dst []byte, n int) []byte {
	if cap(dst)-len(dst) < n {
		dst = append(dst[:cap(dst)], make([]byte, n-(cap(dst)-len(dst)))...)[:len(dst)]
	}
	return dst
}

// AppendEncode appends the base32 encoded src to dst and returns the
// extended buffer.
func (enc *Encoding) AppendEncode(dst, src []byte) []byte {
	n := enc.EncodedLen(len(src))
	dst = grow(dst, n)
	enc.Encode(dst[len(dst):][:n], src)
	return dst[:len(dst)+n]
}

// EncodeToString returns the base32 encoding of src.
func (enc *Encoding) EncodeToString(src []byte) string {
	buf := make([]byte, enc.EncodedLen(len(src)))
	enc.Encode(buf, src)
	return string(buf)
}

// EncodedLen returns the length in bytes of the base32 encoding of an
// input buffer of length n.
func (enc *Encoding) EncodedLen(n int) int {
	if enc.padChar == NoPadding {
		return n/5*8 + (n%5*8+4)/5
	}
	return (n + 4) / 5 * 8
}

// DecodedLen returns the maximum length in bytes of the decoded data
// corresponding to n bytes of base32-encoded data.
func (enc *Encoding) DecodedLen(n int) int {
	return decodedLen(n, enc.padChar)
}

func decodedLen(n int, padChar rune) int {
	if padChar == NoPadding {
		return n/8*5 + n%8*5/8
	}
	return n / 8 * 5
}

// A CorruptInputError is the offset of the first illegal byte of the input.
type CorruptInputError int64

func (e CorruptInputError) Error() string {
	return "illegal base32 data at input byte " + strconv.FormatInt(int64(e), 10)
}

// decode decodes src, already without newlines; end reports that padding
// (or, unpadded, the input's end) closed the message.
func (enc *Encoding) decode(dst, src []byte) (n int, end bool, err error) {
	olen := len(src)
	dsti := 0
	for len(src) > 0 && !end {
		var q [8]byte
		qlen := 8
		for j := 0; j < 8; {
			if len(src) == 0 {
				if enc.padChar != NoPadding {
					return n, false, CorruptInputError(olen - j) // padding missing
				}
				qlen, end = j, true
				break
			}
			in := src[0]
			src = src[1:]
			if in == byte(enc.padChar) && j >= 2 && len(src) < 8 {
				if len(src)+j < 8-1 {
					return n, false, CorruptInputError(olen) // too little padding
				}
				for k := 0; k < 8-1-j; k++ {
					if len(src) > k && src[k] != byte(enc.padChar) {
						return n, false, CorruptInputError(olen - len(src) + k - 1)
					}
				}
				qlen, end = j, true
				// 1, 3 or 6 characters do not complete a byte.
				if qlen == 1 || qlen == 3 || qlen == 6 {
					return n, false, CorruptInputError(olen - len(src) - 1)
				}
				break
			}
			q[j] = enc.decodeMap[in]
			if q[j] == notInAlphabet {
				return n, false, CorruptInputError(olen - len(src) - 1)
			}
			j++
		}
		// 8 characters make 5 bytes; 7, 5, 4 and 2 make 4, 3, 2 and 1,
		// written from the last as Go does.
		out := [9]int{0, 0, 1, 0, 2, 3, 0, 4, 5}[qlen]
		if out >= 5 {
			dst[dsti+4] = q[6]<<5 | q[7]
		}
		if out >= 4 {
			dst[dsti+3] = q[4]<<7 | q[5]<<2 | q[6]>>3
		}
		if out >= 3 {
			dst[dsti+2] = q[3]<<4 | q[4]>>1
		}
		if out >= 2 {
			dst[dsti+1] = q[1]<<6 | q[2]<<1 | q[3]>>4
		}
		if out >= 1 {
			dst[dsti+0] = q[0]<<3 | q[1]>>2
		}
		n += out
		dsti += 5
	}
	return n, end, nil
}

// stripNewlines copies src to dst without '\r' and '\n' and returns the
// bytes copied.
func stripNewlines(dst, src []byte) int {
	k := 0
	for _, b := range src {
		if b != '\r' && b != '\n' {
			dst[k] = b
			k++
		}
	}
	return k
}

// Decode decodes src using the encoding enc. It writes at most
// DecodedLen(len(src)) bytes to dst and returns the number of bytes
// written. If src contains invalid base32 data, it will return the number
// of bytes successfully written and CorruptInputError. Newline characters
// (\r and \n) are ignored.
func (enc *Encoding) Decode(dst, src []byte) (n int, err error) {
	buf := make([]byte, len(src))
	l := stripNewlines(buf, src)
	n, _, err = enc.decode(dst, buf[:l])
	return
}

// AppendDecode appends the base32 decoded src to dst and returns the
// extended buffer. If the input is malformed, it returns the partially
// decoded src and an error.
func (enc *Encoding) AppendDecode(dst, src []byte) ([]byte, error) {
	n := len(src)
	for n > 0 && rune(src[n-1]) == enc.padChar {
		n--
	}
	n = decodedLen(n, NoPadding)
	dst = grow(dst, n)
	n, err := enc.Decode(dst[len(dst):][:n], src)
	return dst[:len(dst)+n], err
}

// DecodeString returns the bytes represented by the base32 string s. If
// the input is malformed, it returns the partially decoded data and
// CorruptInputError.
func (enc *Encoding) DecodeString(s string) ([]byte, error) {
	buf := []byte(s)
	l := stripNewlines(buf, buf)
	n, _, err := enc.decode(buf, buf[:l])
	return buf[:n], err
}

type encoder struct {
	err  error
	enc  *Encoding
	w    io.Writer
	buf  [5]byte // input waiting for a full quantum
	nbuf int
	out  []byte
}

// NewEncoder returns a new base32 stream encoder. Data written to the
// returned writer will be encoded using enc and then written to w. The
// caller must Close the returned encoder to flush any partially written
// blocks.
func NewEncoder(enc *Encoding, w io.Writer) io.WriteCloser {
	return &encoder{enc: enc, w: w, out: make([]byte, 1024)}
}

func (e *encoder) Write(p []byte) (n int, err error) {
	if e.err != nil {
		return 0, e.err
	}
	if e.nbuf > 0 {
		i := 0
		for ; i < len(p) && e.nbuf < 5; i++ {
			e.buf[e.nbuf] = p[i]
			e.nbuf++
		}
		n += i
		p = p[i:]
		if e.nbuf < 5 {
			return
		}
		e.enc.Encode(e.out, e.buf[:])
		if _, e.err = e.w.Write(e.out[:8]); e.err != nil {
			return n, e.err
		}
		e.nbuf = 0
	}
	for len(p) >= 5 {
		k := len(e.out) / 8 * 5
		if k > len(p) {
			k = len(p) - len(p)%5
		}
		e.enc.Encode(e.out, p[:k])
		if _, e.err = e.w.Write(e.out[:k/5*8]); e.err != nil {
			return n, e.err
		}
		n += k
		p = p[k:]
	}
	copy(e.buf[:], p)
	e.nbuf = len(p)
	n += len(p)
	return
}

// Close flushes any pending output from the encoder. It is an error to
// call Write after calling Close.
func (e *encoder) Close() error {
	if e.err == nil && e.nbuf > 0 {
		e.enc.Encode(e.out, e.buf[:e.nbuf])
		encodedLen := e.enc.EncodedLen(e.nbuf)
		e.nbuf = 0
		_, e.err = e.w.Write(e.out[:encodedLen])
	}
	return e.err
}

type decoder struct {
	err    error
	enc    *Encoding
	r      io.Reader
	end    bool   // padding ended the message
	buf    []byte // input not decoded yet: buf[:nbuf]
	nbuf   int
	out    []byte // decoded bytes p had no room for
	outbuf []byte
}

// NewDecoder constructs a new base32 stream decoder.
func NewDecoder(enc *Encoding, r io.Reader) io.Reader {
	return &decoder{enc: enc, r: &newlineFilter{r}, buf: make([]byte, 1024), outbuf: make([]byte, 1024/8*5)}
}

// readAtLeast reads until min bytes are in buf; an input ending short of
// min after some bytes is io.ErrUnexpectedEOF, and so is an input ending
// before a padded message's quantum is complete.
func readAtLeast(r io.Reader, buf []byte, min int, padded bool) (n int, err error) {
	for n < min && err == nil {
		var k int
		k, err = r.Read(buf[n:])
		n += k
	}
	if n < min && n > 0 && err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if padded && min < 8 && n == 0 && err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return
}

func (d *decoder) Read(p []byte) (n int, err error) {
	if len(d.out) > 0 {
		n = copy(p, d.out)
		d.out = d.out[n:]
		if len(d.out) == 0 {
			return n, d.err
		}
		return n, nil
	}
	if d.err != nil {
		return 0, d.err
	}
	want := min(max((len(p)+4)/5*8, 8), len(d.buf))
	least, padded := 1, false
	if d.enc.padChar != NoPadding {
		least, padded = 8-d.nbuf, true
	}
	var got int
	got, d.err = readAtLeast(d.r, d.buf[d.nbuf:want], least, padded)
	d.nbuf += got
	if d.nbuf < least {
		return 0, d.err
	}
	if got > 0 && d.end {
		return 0, CorruptInputError(0)
	}
	whole := d.nbuf
	if d.enc.padChar != NoPadding {
		whole = d.nbuf / 8 * 8
	}
	fits := d.enc.DecodedLen(d.nbuf)
	if fits > len(p) {
		fits, d.end, err = d.enc.decode(d.outbuf, d.buf[:whole])
		d.out = d.outbuf[:fits]
		n = copy(p, d.out)
		d.out = d.out[n:]
	} else {
		n, d.end, err = d.enc.decode(p, d.buf[:whole])
	}
	d.nbuf -= whole
	copy(d.buf[:d.nbuf], d.buf[whole:whole+d.nbuf])
	if err != nil && (d.err == nil || d.err == io.EOF) {
		d.err = err
	}
	if len(d.out) > 0 {
		// The error, if any, comes with the last of the decoded bytes.
		return n, nil
	}
	return n, d.err
}

// newlineFilter drops '\r' and '\n' from what it reads, reading again when
// a read returned nothing else (and no error).
type newlineFilter struct {
	r io.Reader
}

func (f *newlineFilter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	for n > 0 {
		kept := stripNewlines(p[:n], p[:n])
		if err != nil || kept > 0 {
			return kept, err
		}
		n, err = f.r.Read(p)
	}
	return n, err
}
