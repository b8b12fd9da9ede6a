// Package json implements encoding and decoding of JSON as defined in
// RFC 7159.
//
// Package encoding/json — csp's standard library. csp has no reflect: the
// encoder and the decoder are natives (stdlib/encoding/json/json.c) that
// walk values with the runtime's type descriptors, struct tags included;
// the API, the error types and the streams are written here. Where Go's
// errors hold a reflect.Type, csp's hold a value whose String() is the
// type's name.
package json

import (
	"bytes"
	"errors"
	"io"
	"strconv"
)

// Marshaler is the interface implemented by types that
// can marshal themselves into valid JSON.
type Marshaler interface {
	MarshalJSON() ([]byte, error)
}

// Unmarshaler is the interface implemented by types
// that can unmarshal a JSON description of themselves.
type Unmarshaler interface {
	UnmarshalJSON([]byte) error
}

// Type is what csp's errors hold where Go's hold a reflect.Type: the
// type's name, as String() spells it.
type Type interface {
	String() string
}

type typeName string

func (t typeName) String() string { return string(t) }

// A SyntaxError is a description of a JSON syntax error.
type SyntaxError struct {
	msg    string // description of error
	Offset int64  // error occurred after reading Offset bytes
}

func (e *SyntaxError) Error() string { return e.msg }

// An UnmarshalTypeError describes a JSON value that was
// not appropriate for a value of a specific Go type.
type UnmarshalTypeError struct {
	Value  string // description of JSON value - "bool", "array", "number -5"
	Type   Type   // type of Go value it could not be assigned to
	Offset int64  // error occurred after reading Offset bytes
	Struct string // name of the struct type containing the field
	Field  string // the full path from root node to the field
}

func (e *UnmarshalTypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.Type.String()
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.Type.String()
}

// An InvalidUnmarshalError describes an invalid argument passed to Unmarshal.
// (The argument to Unmarshal must be a non-nil pointer.)
type InvalidUnmarshalError struct {
	Type Type
}

func (e *InvalidUnmarshalError) Error() string {
	if e.Type == nil {
		return "json: Unmarshal(nil)"
	}
	if e.Type.String()[0] != '*' {
		return "json: Unmarshal(non-pointer " + e.Type.String() + ")"
	}
	return "json: Unmarshal(nil " + e.Type.String() + ")"
}

// An UnsupportedTypeError is returned by Marshal when attempting
// to encode an unsupported value type.
type UnsupportedTypeError struct {
	Type Type
}

func (e *UnsupportedTypeError) Error() string {
	return "json: unsupported type: " + e.Type.String()
}

// An UnsupportedValueError is returned by Marshal when attempting
// to encode an unsupported value.
type UnsupportedValueError struct {
	Str string
}

func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + e.Str
}

// A MarshalerError represents an error from calling a
// MarshalJSON or MarshalText method.
type MarshalerError struct {
	Type       Type
	Err        error
	sourceFunc string
}

func (e *MarshalerError) Error() string {
	srcFunc := e.sourceFunc
	if srcFunc == "" {
		srcFunc = "MarshalJSON"
	}
	return "json: error calling " + srcFunc + " for type " + e.Type.String() + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *MarshalerError) Unwrap() error { return e.Err }

// RawMessage is a raw encoded JSON value.
// It implements Marshaler and Unmarshaler and can
// be used to delay JSON decoding or precompute a JSON encoding.
type RawMessage []byte

// MarshalJSON returns m as the JSON encoding of m.
func (m RawMessage) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	return m, nil
}

// UnmarshalJSON sets *m to a copy of data.
func (m *RawMessage) UnmarshalJSON(data []byte) error {
	if m == nil {
		return errors.New("json.RawMessage: UnmarshalJSON on nil pointer")
	}
	*m = append((*m)[0:0], data...)
	return nil
}

// A Number represents a JSON number literal.
type Number string

// String returns the literal text of the number.
func (n Number) String() string { return string(n) }

// Float64 returns the number as a float64.
func (n Number) Float64() (float64, error) {
	return strconv.ParseFloat(string(n), 64)
}

// Int64 returns the number as an int64.
func (n Number) Int64() (int64, error) {
	return strconv.ParseInt(string(n), 10, 64)
}

// A Delim is a JSON array or object delimiter, one of [ ] { or }.
type Delim rune

func (d Delim) String() string {
	return string(d)
}

// A Token holds a value of one of these types:
//
//   - Delim, for the four JSON delimiters [ ] { }
//   - bool, for JSON booleans
//   - float64, for JSON numbers
//   - Number, for JSON numbers
//   - string, for JSON string literals
//   - nil, for JSON null
type Token any

func marshal(v any, escapeHTML bool) (s string, kind int, msg string, typ string, off int, aux string, err error)
func unmarshal(data []byte, v any, useNumber, disallow bool, num any) (kind int, msg string, off int, typ string, strct string, field string, err error)
func valid(data []byte) (off int, msg string)
func compact(data []byte, html bool) (s string, off int, msg string)
func indent(data []byte, prefix, indent string) (s string, off int, msg string)
func htmlEscape(src []byte) string
func valueEnd(data []byte, atEOF bool) (end int, off int, msg string)

// error kinds of the natives (json.c)
const (
	errNone = iota
	errSyntax
	errUnsupType
	errUnsupValue
	errMarshaler
	errMarshalerSyntax
	errInvalidUnmarshal
	errType
	errPlain
	errErr
)

func marshalString(v any, escapeHTML bool) (string, error) {
	s, kind, msg, typ, off, aux, err := marshal(v, escapeHTML)
	switch kind {
	case errNone:
		return s, nil
	case errUnsupType:
		return "", &UnsupportedTypeError{typeName(typ)}
	case errUnsupValue:
		return "", &UnsupportedValueError{msg}
	case errMarshaler:
		return "", &MarshalerError{typeName(typ), err, msg}
	case errMarshalerSyntax:
		return "", &MarshalerError{typeName(typ), &SyntaxError{msg, int64(off)}, aux}
	}
	return "", errors.New(msg)
}

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	s, err := marshalString(v, true)
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// MarshalIndent is like Marshal but applies Indent to format the output.
// Each JSON element in the output will begin on a new line beginning with prefix
// followed by one or more copies of indent according to the indentation nesting.
func MarshalIndent(v any, prefix, indentStr string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	s, _, _ := indent(b, prefix, indentStr)
	return []byte(s), nil
}

func unmarshalErr(data []byte, v any, useNumber, disallow bool) error {
	kind, msg, off, typ, strct, field, err := unmarshal(data, v, useNumber, disallow, Number(""))
	switch kind {
	case errNone:
		return nil
	case errSyntax:
		return &SyntaxError{msg, int64(off)}
	case errInvalidUnmarshal:
		if msg == "nil" {
			return &InvalidUnmarshalError{nil}
		}
		return &InvalidUnmarshalError{typeName(typ)}
	case errType:
		return &UnmarshalTypeError{Value: msg, Type: typeName(typ), Offset: int64(off), Struct: strct, Field: field}
	case errErr:
		return err
	}
	return errors.New(msg)
}

// Unmarshal parses the JSON-encoded data and stores the result
// in the value pointed to by v. If v is nil or not a pointer,
// Unmarshal returns an InvalidUnmarshalError.
func Unmarshal(data []byte, v any) error {
	return unmarshalErr(data, v, false, false)
}

// Valid reports whether data is a valid JSON encoding.
func Valid(data []byte) bool {
	off, _ := valid(data)
	return off < 0
}

// Compact appends to dst the JSON-encoded src with
// insignificant space characters elided.
func Compact(dst *bytes.Buffer, src []byte) error {
	s, off, msg := compact(src, false)
	if off >= 0 {
		return &SyntaxError{msg, int64(off)}
	}
	dst.WriteString(s)
	return nil
}

// Indent appends to dst an indented form of the JSON-encoded src.
func Indent(dst *bytes.Buffer, src []byte, prefix, indentStr string) error {
	s, off, msg := indent(src, prefix, indentStr)
	if off >= 0 {
		return &SyntaxError{msg, int64(off)}
	}
	dst.WriteString(s)
	return nil
}

// HTMLEscape appends to dst the JSON-encoded src with <, >, &, U+2028 and U+2029
// characters inside string literals changed to \u003c, \u003e, \u0026, \u2028, \u2029
// so that the JSON will be safe to embed inside HTML <script> tags.
func HTMLEscape(dst *bytes.Buffer, src []byte) {
	dst.WriteString(htmlEscape(src))
}

// An Encoder writes JSON values to an output stream.
type Encoder struct {
	w            io.Writer
	err          error
	escapeHTML   bool
	indentPrefix string
	indentValue  string
}

// NewEncoder returns a new encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, escapeHTML: true}
}

// Encode writes the JSON encoding of v to the stream,
// followed by a newline character.
func (enc *Encoder) Encode(v any) error {
	if enc.err != nil {
		return enc.err
	}
	s, err := marshalString(v, enc.escapeHTML)
	if err != nil {
		return err
	}
	b := []byte(s + "\n")
	if enc.indentPrefix != "" || enc.indentValue != "" {
		s, _, _ = indent(b, enc.indentPrefix, enc.indentValue)
		b = []byte(s)
	}
	if _, err = enc.w.Write(b); err != nil {
		enc.err = err
		return err
	}
	return nil
}

// SetIndent instructs the encoder to format each subsequent encoded
// value as if indented by the package-level function Indent(dst, src, prefix, indent).
// Calling SetIndent("", "") disables indentation.
func (enc *Encoder) SetIndent(prefix, indent string) {
	enc.indentPrefix = prefix
	enc.indentValue = indent
}

// SetEscapeHTML specifies whether problematic HTML characters
// should be escaped inside JSON quoted strings.
// The default behavior is to escape &, <, and > to \u0026, \u003c, and \u003e
// to avoid certain safety problems that can arise when embedding JSON in HTML.
func (enc *Encoder) SetEscapeHTML(on bool) {
	enc.escapeHTML = on
}

// A Decoder reads and decodes JSON values from an input stream.
type Decoder struct {
	r         io.Reader
	buf       []byte
	scanp     int   // start of unread data in buf
	scanned   int64 // amount of data already scanned
	err       error
	useNumber bool
	disallow  bool
	depth     int  // nesting of delimiters returned by Token
	afterKey  bool // Token returned an object key: a ':' comes next
}

// NewDecoder returns a new decoder that reads from r.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r}
}

// UseNumber causes the Decoder to unmarshal a number into an
// interface value as a Number instead of as a float64.
func (dec *Decoder) UseNumber() { dec.useNumber = true }

// DisallowUnknownFields causes the Decoder to return an error when the destination
// is a struct and the input contains object keys which do not match any
// non-ignored, exported fields in the destination.
func (dec *Decoder) DisallowUnknownFields() { dec.disallow = true }

func (dec *Decoder) refill() error {
	if dec.scanp > 0 {
		dec.scanned += int64(dec.scanp)
		n := copy(dec.buf, dec.buf[dec.scanp:])
		dec.buf = dec.buf[:n]
		dec.scanp = 0
	}
	var chunk [512]byte
	n, err := dec.r.Read(chunk[:])
	dec.buf = append(dec.buf, chunk[:n]...)
	return err
}

func nonSpace(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return true
		}
	}
	return false
}

func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n')
}

// readValue returns the length of the next value in buf[scanp:].
func (dec *Decoder) readValue() (int, error) {
	for {
		end, off, msg := valueEnd(dec.buf[dec.scanp:], dec.err != nil)
		if end >= 0 {
			return end, nil
		}
		if end == -2 {
			if msg == "unexpected EOF" {
				return 0, io.ErrUnexpectedEOF
			}
			err := &SyntaxError{msg, dec.scanned + int64(dec.scanp+off)}
			dec.err = err
			return 0, err
		}
		if dec.err != nil {
			if nonSpace(dec.buf[dec.scanp:]) {
				return 0, io.ErrUnexpectedEOF
			}
			return 0, dec.err
		}
		if err := dec.refill(); err != nil {
			dec.err = err
		}
	}
}

// Decode reads the next JSON-encoded value from its
// input and stores it in the value pointed to by v.
func (dec *Decoder) Decode(v any) error {
	if dec.depth > 0 {
		if c, err := dec.peek(); err == nil && (c == ',' || c == ':') {
			dec.scanp++
		}
		dec.afterKey = false
	}
	n, err := dec.readValue()
	if err != nil {
		return err
	}
	data := dec.buf[dec.scanp : dec.scanp+n]
	dec.scanp += n
	return unmarshalErr(data, v, dec.useNumber, dec.disallow)
}

// Buffered returns a reader of the data remaining in the Decoder's
// buffer. The reader is valid until the next call to Decode.
func (dec *Decoder) Buffered() io.Reader {
	return bytes.NewReader(dec.buf[dec.scanp:])
}

// InputOffset returns the input stream byte offset of the current decoder position.
func (dec *Decoder) InputOffset() int64 {
	return dec.scanned + int64(dec.scanp)
}

func (dec *Decoder) peek() (byte, error) {
	var err error
	for {
		for i := dec.scanp; i < len(dec.buf); i++ {
			c := dec.buf[i]
			if isSpace(c) {
				continue
			}
			dec.scanp = i
			return c, nil
		}
		if err != nil {
			return 0, err
		}
		if dec.err != nil {
			return 0, dec.err
		}
		err = dec.refill()
	}
}

// More reports whether there is another element in the
// current array or object being parsed.
func (dec *Decoder) More() bool {
	c, err := dec.peek()
	return err == nil && c != ']' && c != '}'
}

// Token returns the next JSON token in the input stream.
// At the end of the input stream, Token returns nil, io.EOF.
// Commas and colons are elided.
func (dec *Decoder) Token() (Token, error) {
	for {
		c, err := dec.peek()
		if err != nil {
			return nil, err
		}
		switch c {
		case '[', '{':
			dec.scanp++
			dec.depth++
			return Delim(c), nil
		case ']', '}':
			dec.scanp++
			dec.depth--
			return Delim(c), nil
		case ',', ':':
			dec.scanp++
			continue
		}
		var x any
		if err := dec.Decode(&x); err != nil {
			return nil, err
		}
		return x, nil
	}
}
