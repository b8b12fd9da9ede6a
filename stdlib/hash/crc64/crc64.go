// Package crc64 implements the 64-bit cyclic redundancy check, or CRC-64,
// checksum.
//
// Package hash/crc64 — csp's standard library: tables are made in csp, the
// byte loop is a native (stdlib/hash/crc64/crc64.c).
package crc64

import (
	"errors"
	"hash"
)

// The size of a CRC-64 checksum in bytes.
const Size = 8

// Predefined polynomials.
const (
	// The ISO polynomial, defined in ISO 3309 and used in HDLC.
	ISO = 0xD800000000000000

	// The ECMA polynomial, defined in ECMA 182.
	ECMA = 0xC96C5795D7870F42
)

// Table is a 256-word table representing the polynomial for efficient processing.
type Table [256]uint64

var isoTable, ecmaTable *Table

// MakeTable returns a Table constructed from the specified polynomial. The
// contents of this Table must not be modified.
func MakeTable(poly uint64) *Table {
	switch poly {
	case ISO:
		if isoTable == nil {
			isoTable = makeTable(ISO)
		}
		return isoTable
	case ECMA:
		if ecmaTable == nil {
			ecmaTable = makeTable(ECMA)
		}
		return ecmaTable
	}
	return makeTable(poly)
}

func makeTable(poly uint64) *Table {
	t := new(Table)
	for i := range t {
		crc := uint64(i)
		for j := 0; j < 8; j++ {
			if crc&1 == 1 {
				crc = crc>>1 ^ poly
			} else {
				crc >>= 1
			}
		}
		t[i] = crc
	}
	return t
}

func update(crc uint64, tab *Table, p []byte) uint64

// Update returns the result of adding the bytes in p to the crc.
func Update(crc uint64, tab *Table, p []byte) uint64 {
	return update(crc, tab, p)
}

// Checksum returns the CRC-64 checksum of data using the polynomial
// represented by the Table.
func Checksum(data []byte, tab *Table) uint64 { return update(0, tab, data) }

type digest struct {
	crc uint64
	tab *Table
}

// New creates a new hash.Hash64 computing the CRC-64 checksum using the
// polynomial represented by the Table. Its Sum method will lay the value
// out in big-endian byte order.
func New(tab *Table) hash.Hash64 { return &digest{0, tab} }

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return 1 }

func (d *digest) Reset() { d.crc = 0 }

func (d *digest) Clone() (hash.Cloner, error) {
	r := *d
	return &r, nil
}

func (d *digest) Write(p []byte) (n int, err error) {
	d.crc = update(d.crc, d.tab, p)
	return len(p), nil
}

func (d *digest) Sum64() uint64 { return d.crc }

func (d *digest) Sum(in []byte) []byte {
	s := d.Sum64()
	for i := 56; i >= 0; i -= 8 {
		in = append(in, byte(s>>i))
	}
	return in
}

// The state marshalled: "crc\x02", a checksum of the table, the CRC, both
// big-endian (Go's format, so states move between Go and csp).
const magic = "crc\x02"

// tableSum is a CRC-64 (ISO) of the table's words, big-endian.
func tableSum(t *Table) uint64 {
	var a [2048]byte
	b := a[:0]
	if t != nil {
		for _, x := range t {
			b = appendBE(b, x)
		}
	}
	return Checksum(b, MakeTable(ISO))
}

func appendBE(b []byte, v uint64) []byte {
	for i := 56; i >= 0; i -= 8 {
		b = append(b, byte(v>>i))
	}
	return b
}

func readBE(b []byte) uint64 {
	var v uint64
	for i := 0; i < 8; i++ {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// AppendBinary appends the hash's state to b.
func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, magic...)
	b = appendBE(b, tableSum(d.tab))
	return appendBE(b, d.crc), nil
}

// MarshalBinary returns the hash's state.
func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, len(magic)+16))
}

// UnmarshalBinary restores a state that MarshalBinary returned.
func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("hash/crc64: invalid hash state identifier")
	}
	if len(b) != len(magic)+16 {
		return errors.New("hash/crc64: invalid hash state size")
	}
	if tableSum(d.tab) != readBE(b[4:]) {
		return errors.New("hash/crc64: tables do not match")
	}
	d.crc = readBE(b[12:])
	return nil
}
