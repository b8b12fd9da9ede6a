// Package binary implements simple translation between numbers and byte
// sequences and encoding and decoding of varints.
//
// Package encoding/binary — csp's standard library, written in csp. Read,
// Write, Size, Encode, Decode and Append handle the fixed-size basic types
// (bool, intN, uintN, floatN), pointers to them and slices of them; Go's
// reflection-based path for structs and arrays is not there (csp has no
// reflect yet): such data gets the "invalid type" / "not fixed-sized"
// error.
package binary

import (
	"errors"
	"fmt"
	"io"
	"math"
)

// A ByteOrder specifies how to convert byte slices into unsigned integers.
type ByteOrder interface {
	Uint16([]byte) uint16
	Uint32([]byte) uint32
	Uint64([]byte) uint64
	PutUint16([]byte, uint16)
	PutUint32([]byte, uint32)
	PutUint64([]byte, uint64)
	String() string
}

// AppendByteOrder specifies how to append 16-, 32-, or 64-bit unsigned
// integers into a byte slice.
type AppendByteOrder interface {
	AppendUint16([]byte, uint16) []byte
	AppendUint32([]byte, uint32) []byte
	AppendUint64([]byte, uint64) []byte
	String() string
}

// LittleEndian is the little-endian implementation of ByteOrder and AppendByteOrder.
var LittleEndian littleEndian

// BigEndian is the big-endian implementation of ByteOrder and AppendByteOrder.
var BigEndian bigEndian

// NativeEndian is the native-endian implementation of ByteOrder and
// AppendByteOrder (little-endian on the machines csp runs on).
var NativeEndian nativeEndian

type littleEndian struct{}

type bigEndian struct{}

type nativeEndian struct {
	littleEndian
}

func (littleEndian) Uint16(b []byte) uint16 {
	_ = b[1] // one bounds check, Go's panic message
	return uint16(b[0]) | uint16(b[1])<<8
}

func (littleEndian) PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
}

func (littleEndian) AppendUint16(b []byte, v uint16) []byte {
	return append(b, byte(v), byte(v>>8))
}

func (littleEndian) Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (littleEndian) PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
}

func (littleEndian) AppendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}

func (littleEndian) Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func (littleEndian) PutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

func (littleEndian) AppendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24),
		byte(v>>32), byte(v>>40), byte(v>>48), byte(v>>56))
}

func (littleEndian) String() string { return "LittleEndian" }

func (littleEndian) GoString() string { return "binary.LittleEndian" }

func (bigEndian) Uint16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[1]) | uint16(b[0])<<8
}

func (bigEndian) PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v >> 8)
	b[1] = byte(v)
}

func (bigEndian) AppendUint16(b []byte, v uint16) []byte {
	return append(b, byte(v>>8), byte(v))
}

func (bigEndian) Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
}

func (bigEndian) PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v >> 24)
	b[1] = byte(v >> 16)
	b[2] = byte(v >> 8)
	b[3] = byte(v)
}

func (bigEndian) AppendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (bigEndian) Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[7]) | uint64(b[6])<<8 | uint64(b[5])<<16 | uint64(b[4])<<24 |
		uint64(b[3])<<32 | uint64(b[2])<<40 | uint64(b[1])<<48 | uint64(b[0])<<56
}

func (bigEndian) PutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (56 - 8*i))
	}
}

func (bigEndian) AppendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32),
		byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (bigEndian) String() string { return "BigEndian" }

func (bigEndian) GoString() string { return "binary.BigEndian" }

func (nativeEndian) String() string { return "NativeEndian" }

func (nativeEndian) GoString() string { return "binary.NativeEndian" }

var errBufferTooSmall = errors.New("buffer too small")

// Read reads structured binary data from r into data, which must be a
// pointer to a fixed-size value or a slice of fixed-size values. The
// error is io.EOF only if no bytes were read; an EOF after some bytes is
// io.ErrUnexpectedEOF.
func Read(r io.Reader, order ByteOrder, data any) error {
	if n := fixedSize(data); n > 0 {
		bs := make([]byte, n)
		if _, err := io.ReadFull(r, bs); err != nil {
			return err
		}
		if decodeFixed(bs, order, data) {
			return nil
		}
	} else if n == 0 {
		return nil // an empty slice
	}
	return errors.New("binary.Read: invalid type " + fmt.Sprintf("%T", data))
}

// Decode decodes binary data from buf into data according to the given
// byte order. It returns an error if buf is too small, otherwise the
// number of bytes consumed from buf.
func Decode(buf []byte, order ByteOrder, data any) (int, error) {
	n := fixedSize(data)
	if n > 0 && len(buf) < n {
		return 0, errBufferTooSmall
	}
	if n >= 0 && decodeFixed(buf, order, data) {
		return n, nil
	}
	return 0, errors.New("binary.Decode: invalid type " + fmt.Sprintf("%T", data))
}

// Write writes the binary representation of data into w. Data must be a
// fixed-size value or a slice of fixed-size values, or a pointer to such
// data. Boolean values encode as one byte: 1 for true, and 0 for false.
func Write(w io.Writer, order ByteOrder, data any) error {
	n := fixedSize(data)
	if n < 0 {
		return errors.New("binary.Write: some values are not fixed-sized in type " + fmt.Sprintf("%T", data))
	}
	bs := make([]byte, n)
	encodeFixed(bs, order, data)
	_, err := w.Write(bs)
	return err
}

// Encode encodes the binary representation of data into buf according to
// the given byte order. It returns an error if buf is too small, otherwise
// the number of bytes written into buf.
func Encode(buf []byte, order ByteOrder, data any) (int, error) {
	n := fixedSize(data)
	if n < 0 {
		return 0, errors.New("binary.Encode: some values are not fixed-sized in type " + fmt.Sprintf("%T", data))
	}
	if len(buf) < n {
		return 0, errBufferTooSmall
	}
	encodeFixed(buf, order, data)
	return n, nil
}

// Append appends the binary representation of data to buf. buf may be
// nil, in which case a new buffer will be allocated.
func Append(buf []byte, order ByteOrder, data any) ([]byte, error) {
	n := fixedSize(data)
	if n < 0 {
		return nil, errors.New("binary.Append: some values are not fixed-sized in type " + fmt.Sprintf("%T", data))
	}
	l := len(buf)
	if cap(buf)-l < n {
		buf = append(buf[:cap(buf)], make([]byte, n-(cap(buf)-l))...)
	}
	buf = buf[:l+n]
	encodeFixed(buf[l:], order, data)
	return buf, nil
}

// Size returns how many bytes Write would generate to encode the value v,
// which must be a fixed-size value or a slice of fixed-size values, or a
// pointer to such data. If v is neither of these, Size returns -1.
func Size(v any) int {
	return fixedSize(v)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// put writes the low size bytes of v to bs in order.
func put(bs []byte, order ByteOrder, size int, v uint64) {
	switch size {
	case 1:
		bs[0] = byte(v)
	case 2:
		order.PutUint16(bs, uint16(v))
	case 4:
		order.PutUint32(bs, uint32(v))
	default:
		order.PutUint64(bs, v)
	}
}

// get reads size bytes from bs in order.
func get(bs []byte, order ByteOrder, size int) uint64 {
	switch size {
	case 1:
		return uint64(bs[0])
	case 2:
		return uint64(order.Uint16(bs))
	case 4:
		return uint64(order.Uint32(bs))
	}
	return order.Uint64(bs)
}

// The type switches below are one case per basic fixed-size type.

// fixedSize is the encoded size of data, or -1 when data is not a basic
// fixed-size value, a non-nil pointer to one, or a slice of them.
func fixedSize(data any) int {
	switch d := data.(type) {
	case bool:
		return 1
	case *bool:
		if d == nil {
			return -1
		}
		return 1
	case []bool:
		return 1 * len(d)
	case int8:
		return 1
	case *int8:
		if d == nil {
			return -1
		}
		return 1
	case []int8:
		return 1 * len(d)
	case uint8:
		return 1
	case *uint8:
		if d == nil {
			return -1
		}
		return 1
	case []uint8:
		return 1 * len(d)
	case int16:
		return 2
	case *int16:
		if d == nil {
			return -1
		}
		return 2
	case []int16:
		return 2 * len(d)
	case uint16:
		return 2
	case *uint16:
		if d == nil {
			return -1
		}
		return 2
	case []uint16:
		return 2 * len(d)
	case int32:
		return 4
	case *int32:
		if d == nil {
			return -1
		}
		return 4
	case []int32:
		return 4 * len(d)
	case uint32:
		return 4
	case *uint32:
		if d == nil {
			return -1
		}
		return 4
	case []uint32:
		return 4 * len(d)
	case int64:
		return 8
	case *int64:
		if d == nil {
			return -1
		}
		return 8
	case []int64:
		return 8 * len(d)
	case uint64:
		return 8
	case *uint64:
		if d == nil {
			return -1
		}
		return 8
	case []uint64:
		return 8 * len(d)
	case float32:
		return 4
	case *float32:
		if d == nil {
			return -1
		}
		return 4
	case []float32:
		return 4 * len(d)
	case float64:
		return 8
	case *float64:
		if d == nil {
			return -1
		}
		return 8
	case []float64:
		return 8 * len(d)
	}
	return -1
}

// encodeFixed writes data (fixedSize(data) >= 0) to bs in order.
func encodeFixed(bs []byte, order ByteOrder, data any) {
	switch d := data.(type) {
	case bool:
		put(bs, order, 1, b2u(d))
	case *bool:
		put(bs, order, 1, b2u(*d))
	case []bool:
		for i, x := range d {
			put(bs[1*i:], order, 1, b2u(x))
		}
	case int8:
		put(bs, order, 1, uint64(d))
	case *int8:
		put(bs, order, 1, uint64(*d))
	case []int8:
		for i, x := range d {
			put(bs[1*i:], order, 1, uint64(x))
		}
	case uint8:
		put(bs, order, 1, uint64(d))
	case *uint8:
		put(bs, order, 1, uint64(*d))
	case []uint8:
		for i, x := range d {
			put(bs[1*i:], order, 1, uint64(x))
		}
	case int16:
		put(bs, order, 2, uint64(d))
	case *int16:
		put(bs, order, 2, uint64(*d))
	case []int16:
		for i, x := range d {
			put(bs[2*i:], order, 2, uint64(x))
		}
	case uint16:
		put(bs, order, 2, uint64(d))
	case *uint16:
		put(bs, order, 2, uint64(*d))
	case []uint16:
		for i, x := range d {
			put(bs[2*i:], order, 2, uint64(x))
		}
	case int32:
		put(bs, order, 4, uint64(d))
	case *int32:
		put(bs, order, 4, uint64(*d))
	case []int32:
		for i, x := range d {
			put(bs[4*i:], order, 4, uint64(x))
		}
	case uint32:
		put(bs, order, 4, uint64(d))
	case *uint32:
		put(bs, order, 4, uint64(*d))
	case []uint32:
		for i, x := range d {
			put(bs[4*i:], order, 4, uint64(x))
		}
	case int64:
		put(bs, order, 8, uint64(d))
	case *int64:
		put(bs, order, 8, uint64(*d))
	case []int64:
		for i, x := range d {
			put(bs[8*i:], order, 8, uint64(x))
		}
	case uint64:
		put(bs, order, 8, uint64(d))
	case *uint64:
		put(bs, order, 8, uint64(*d))
	case []uint64:
		for i, x := range d {
			put(bs[8*i:], order, 8, uint64(x))
		}
	case float32:
		put(bs, order, 4, uint64(math.Float32bits(d)))
	case *float32:
		put(bs, order, 4, uint64(math.Float32bits(*d)))
	case []float32:
		for i, x := range d {
			put(bs[4*i:], order, 4, uint64(math.Float32bits(x)))
		}
	case float64:
		put(bs, order, 8, math.Float64bits(d))
	case *float64:
		put(bs, order, 8, math.Float64bits(*d))
	case []float64:
		for i, x := range d {
			put(bs[8*i:], order, 8, math.Float64bits(x))
		}
	}
}

// decodeFixed fills data, a pointer or a slice, from bs; it reports
// whether data is one of those.
func decodeFixed(bs []byte, order ByteOrder, data any) bool {
	switch d := data.(type) {
	case *bool:
		*d = get(bs, order, 1) != 0
	case []bool:
		for i := range d {
			d[i] = get(bs[1*i:], order, 1) != 0
		}
	case *int8:
		*d = int8(get(bs, order, 1))
	case []int8:
		for i := range d {
			d[i] = int8(get(bs[1*i:], order, 1))
		}
	case *uint8:
		*d = uint8(get(bs, order, 1))
	case []uint8:
		for i := range d {
			d[i] = uint8(get(bs[1*i:], order, 1))
		}
	case *int16:
		*d = int16(get(bs, order, 2))
	case []int16:
		for i := range d {
			d[i] = int16(get(bs[2*i:], order, 2))
		}
	case *uint16:
		*d = uint16(get(bs, order, 2))
	case []uint16:
		for i := range d {
			d[i] = uint16(get(bs[2*i:], order, 2))
		}
	case *int32:
		*d = int32(get(bs, order, 4))
	case []int32:
		for i := range d {
			d[i] = int32(get(bs[4*i:], order, 4))
		}
	case *uint32:
		*d = uint32(get(bs, order, 4))
	case []uint32:
		for i := range d {
			d[i] = uint32(get(bs[4*i:], order, 4))
		}
	case *int64:
		*d = int64(get(bs, order, 8))
	case []int64:
		for i := range d {
			d[i] = int64(get(bs[8*i:], order, 8))
		}
	case *uint64:
		*d = uint64(get(bs, order, 8))
	case []uint64:
		for i := range d {
			d[i] = uint64(get(bs[8*i:], order, 8))
		}
	case *float32:
		*d = math.Float32frombits(uint32(get(bs, order, 4)))
	case []float32:
		for i := range d {
			d[i] = math.Float32frombits(uint32(get(bs[4*i:], order, 4)))
		}
	case *float64:
		*d = math.Float64frombits(get(bs, order, 8))
	case []float64:
		for i := range d {
			d[i] = math.Float64frombits(get(bs[8*i:], order, 8))
		}
	default:
		return false
	}
	return true
}

// MaxVarintLenN is the maximum length of a varint-encoded N-bit integer.
const (
	MaxVarintLen16 = 3
	MaxVarintLen32 = 5
	MaxVarintLen64 = 10
)

// AppendUvarint appends the varint-encoded form of x, as generated by
// PutUvarint, to buf and returns the extended buffer.
func AppendUvarint(buf []byte, x uint64) []byte {
	for ; x >= 0x80; x >>= 7 {
		buf = append(buf, byte(x)|0x80)
	}
	return append(buf, byte(x))
}

// PutUvarint encodes a uint64 into buf and returns the number of bytes
// written. If the buffer is too small, PutUvarint will panic.
func PutUvarint(buf []byte, x uint64) int {
	i := 0
	for ; x >= 0x80; x >>= 7 {
		buf[i] = byte(x) | 0x80
		i++
	}
	buf[i] = byte(x)
	return i + 1
}

// Uvarint decodes a uint64 from buf and returns that value and the number
// of bytes read (> 0). If an error occurred, the value is 0 and the number
// of bytes n is <= 0 meaning:
//   - n == 0: buf too small;
//   - n < 0: value larger than 64 bits (overflow) and -n is the number of
//     bytes read.
func Uvarint(buf []byte) (uint64, int) {
	var x uint64
	shift := uint(0)
	for i, b := range buf {
		if i == MaxVarintLen64 {
			return 0, -(i + 1) // an 11th byte: overflow
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1) // bits beyond the 64th
			}
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

// zigzag maps signed to unsigned so that small magnitudes stay small.
func zigzag(x int64) uint64 {
	ux := uint64(x) << 1
	if x < 0 {
		ux = ^ux
	}
	return ux
}

func unzigzag(ux uint64) int64 {
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// AppendVarint appends the varint-encoded form of x, as generated by
// PutVarint, to buf and returns the extended buffer.
func AppendVarint(buf []byte, x int64) []byte {
	return AppendUvarint(buf, zigzag(x))
}

// PutVarint encodes an int64 into buf and returns the number of bytes
// written. If the buffer is too small, PutVarint will panic.
func PutVarint(buf []byte, x int64) int {
	return PutUvarint(buf, zigzag(x))
}

// Varint decodes an int64 from buf and returns that value and the number
// of bytes read (> 0); errors are reported as by Uvarint.
func Varint(buf []byte) (int64, int) {
	ux, n := Uvarint(buf)
	return unzigzag(ux), n
}

var errOverflow = errors.New("binary: varint overflows a 64-bit integer")

// ReadUvarint reads an encoded unsigned integer from r and returns it as a
// uint64. The error is io.EOF only if no bytes were read; an EOF after
// some bytes is io.ErrUnexpectedEOF.
func ReadUvarint(r io.ByteReader) (uint64, error) {
	var x uint64
	shift := uint(0)
	for i := 0; i < MaxVarintLen64; i++ {
		b, err := r.ReadByte()
		if err != nil {
			if i > 0 && err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return x, err
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return x, errOverflow
			}
			return x | uint64(b)<<shift, nil
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return x, errOverflow
}

// ReadVarint reads an encoded signed integer from r and returns it as an
// int64, with ReadUvarint's errors.
func ReadVarint(r io.ByteReader) (int64, error) {
	ux, err := ReadUvarint(r)
	return unzigzag(ux), err
}
