// Package csv reads and writes comma-separated values (CSV) files, as
// described in RFC 4180.
//
// A csv file contains zero or more records of one or more fields per
// record. Blank lines are ignored; fields may be quoted with '"', a quoted
// field may span lines and holds a '"' as "".
//
// Package encoding/csv — csp's standard library, written in csp. Reader
// and Writer follow Go's rules to the error positions (line and column
// of ParseError, in bytes, 1-based).
package csv

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A ParseError is returned for parsing errors. Line and column numbers are
// 1-indexed.
type ParseError struct {
	StartLine int   // Line where the record starts
	Line      int   // Line where the error occurred
	Column    int   // Column (1-based byte index) where the error occurred
	Err       error // The actual error
}

func (e *ParseError) Error() string {
	if e.Err == ErrFieldCount {
		return fmt.Sprintf("record on line %d: %v", e.Line, e.Err)
	}
	if e.StartLine != e.Line {
		return fmt.Sprintf("record on line %d; parse error on line %d, column %d: %v", e.StartLine, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("parse error on line %d, column %d: %v", e.Line, e.Column, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// These are the errors that can be returned in ParseError.Err.
var (
	ErrBareQuote  = errors.New("bare \" in non-quoted-field")
	ErrQuote      = errors.New("extraneous or missing \" in quoted-field")
	ErrFieldCount = errors.New("wrong number of fields")

	// Deprecated: ErrTrailingComma is no longer used.
	ErrTrailingComma = errors.New("extra delimiter at end of line")
)

var errInvalidDelim = errors.New("csv: invalid field or comment delimiter")

func validDelim(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}

// A Reader reads records from a CSV-encoded file.
type Reader struct {
	// Comma is the field delimiter, set to ',' by NewReader.
	Comma rune

	// Comment, if not 0, is the comment character. Lines beginning with
	// the Comment character without preceding whitespace are ignored.
	Comment rune

	// FieldsPerRecord is the number of expected fields per record: > 0
	// requires that many, 0 sets it to the first record's count, < 0
	// checks nothing.
	FieldsPerRecord int

	// If LazyQuotes is true, a quote may appear in an unquoted field and a
	// non-doubled quote may appear in a quoted field.
	LazyQuotes bool

	// If TrimLeadingSpace is true, leading white space in a field is
	// ignored.
	TrimLeadingSpace bool

	// ReuseRecord controls whether calls to Read may return a slice
	// sharing the backing array of the previous call's returned slice.
	ReuseRecord bool

	// Deprecated: TrailingComma is no longer used.
	TrailingComma bool

	r       *bufio.Reader
	numLine int   // lines read so far
	offset  int64 // input bytes read so far

	recordBuffer   []byte     // the record's fields, concatenated
	fieldIndexes   []int      // where each field ends in recordBuffer
	fieldPositions []position // where each field starts in the input
	lastRecord     []string
}

type position struct {
	line, col int
}

// NewReader returns a new Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{Comma: ',', r: bufio.NewReader(r)}
}

// Read reads one record (a slice of fields) from r. If the record has an
// unexpected number of fields, Read returns the record along with the
// error ErrFieldCount. If there is no data left to be read, Read returns
// nil, io.EOF.
func (r *Reader) Read() (record []string, err error) {
	if r.ReuseRecord {
		record, err = r.readRecord(r.lastRecord)
		r.lastRecord = record
	} else {
		record, err = r.readRecord(nil)
	}
	return record, err
}

// FieldPos returns the line and column corresponding to the start of the
// field with the given index in the slice most recently returned by Read.
func (r *Reader) FieldPos(field int) (line, column int) {
	if field < 0 || field >= len(r.fieldPositions) {
		panic("out of range index passed to FieldPos")
	}
	p := r.fieldPositions[field]
	return p.line, p.col
}

// InputOffset returns the input stream byte offset of the current reader
// position.
func (r *Reader) InputOffset() int64 {
	return r.offset
}

// ReadAll reads all the remaining records from r. A successful call
// returns err == nil, not err == io.EOF.
func (r *Reader) ReadAll() (records [][]string, err error) {
	for {
		record, err := r.readRecord(nil)
		if err == io.EOF {
			return records, nil
		}
		if err != nil {
			return nil, err
		}
		records = append(records, record)
	}
}

// readLine reads the next line with its '\n' (a final line may lack it),
// "\r\n" turned into "\n" and a '\r' ending the input dropped. io.EOF comes
// only with an empty line.
func (r *Reader) readLine() ([]byte, error) {
	line, err := r.r.ReadBytes('\n')
	size := len(line)
	if size > 0 && err == io.EOF {
		err = nil
		if line[size-1] == '\r' {
			line = line[:size-1]
		}
	}
	r.numLine++
	r.offset += int64(size)
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// lengthNL is 1 when b ends with its newline.
func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

func nextRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}

// endField records that a field ends here and started at p.
func (r *Reader) endField(p position) {
	r.fieldIndexes = append(r.fieldIndexes, len(r.recordBuffer))
	r.fieldPositions = append(r.fieldPositions, p)
}

func (r *Reader) readRecord(dst []string) ([]string, error) {
	if r.Comma == r.Comment || !validDelim(r.Comma) || (r.Comment != 0 && !validDelim(r.Comment)) {
		return nil, errInvalidDelim
	}

	// The record's first line: comment and empty lines are skipped.
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = r.readLine()
		if r.Comment != 0 && nextRune(line) == r.Comment {
			line = nil
			continue
		}
		if errRead == nil && len(line) == lengthNL(line) {
			line = nil
			continue
		}
		break
	}
	if errRead == io.EOF {
		return nil, errRead
	}

	var err error
	commaLen := utf8.RuneLen(r.Comma)
	recLine := r.numLine
	r.recordBuffer = r.recordBuffer[:0]
	r.fieldIndexes = r.fieldIndexes[:0]
	r.fieldPositions = r.fieldPositions[:0]
	pos := position{line: r.numLine, col: 1}
	for done := false; !done; {
		if r.TrimLeadingSpace {
			i := bytes.IndexFunc(line, func(r rune) bool { return !unicode.IsSpace(r) })
			if i < 0 {
				i = len(line)
				pos.col -= lengthNL(line)
			}
			line = line[i:]
			pos.col += i
		}
		if len(line) == 0 || line[0] != '"' {
			// An unquoted field: up to the next delimiter or the line's end.
			i := bytes.IndexRune(line, r.Comma)
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-lengthNL(field)]
			}
			if !r.LazyQuotes {
				if j := bytes.IndexByte(field, '"'); j >= 0 {
					err = &ParseError{StartLine: recLine, Line: r.numLine, Column: pos.col + j, Err: ErrBareQuote}
					break
				}
			}
			r.recordBuffer = append(r.recordBuffer, field...)
			r.endField(pos)
			if i < 0 {
				break
			}
			line = line[i+commaLen:]
			pos.col += i + commaLen
			continue
		}
		// A quoted field, possibly over several lines.
		fieldPos := pos
		line = line[1:]
		pos.col++
		for {
			i := bytes.IndexByte(line, '"')
			if i >= 0 {
				r.recordBuffer = append(r.recordBuffer, line[:i]...)
				line = line[i+1:]
				pos.col += i + 1
				rn := nextRune(line)
				if rn == '"' { // "" is one quote
					r.recordBuffer = append(r.recordBuffer, '"')
					line = line[1:]
					pos.col++
				} else if rn == r.Comma { // the field ends, another follows
					line = line[commaLen:]
					pos.col += commaLen
					r.endField(fieldPos)
					break
				} else if lengthNL(line) == len(line) { // the record ends
					r.endField(fieldPos)
					done = true
					break
				} else if r.LazyQuotes {
					r.recordBuffer = append(r.recordBuffer, '"')
				} else {
					err = &ParseError{StartLine: recLine, Line: r.numLine, Column: pos.col - 1, Err: ErrQuote}
					done = true
					break
				}
			} else if len(line) > 0 {
				// The field goes on past this line.
				r.recordBuffer = append(r.recordBuffer, line...)
				if errRead != nil {
					done = true
					break
				}
				pos.col += len(line)
				line, errRead = r.readLine()
				if len(line) > 0 {
					pos.line++
					pos.col = 1
				}
				if errRead == io.EOF {
					errRead = nil
				}
			} else {
				// The input ended inside the quotes.
				if !r.LazyQuotes && errRead == nil {
					err = &ParseError{StartLine: recLine, Line: pos.line, Column: pos.col, Err: ErrQuote}
					done = true
					break
				}
				r.endField(fieldPos)
				done = true
				break
			}
		}
		if err != nil {
			break
		}
	}
	if err == nil {
		err = errRead
	}

	// Slice the fields out of one string.
	str := string(r.recordBuffer)
	if cap(dst) < len(r.fieldIndexes) {
		dst = make([]string, len(r.fieldIndexes))
	}
	dst = dst[:len(r.fieldIndexes)]
	prev := 0
	for i, idx := range r.fieldIndexes {
		dst[i] = str[prev:idx]
		prev = idx
	}

	if r.FieldsPerRecord > 0 {
		if len(dst) != r.FieldsPerRecord && err == nil {
			err = &ParseError{StartLine: recLine, Line: recLine, Column: 1, Err: ErrFieldCount}
		}
	} else if r.FieldsPerRecord == 0 {
		r.FieldsPerRecord = len(dst)
	}
	return dst, err
}

// A Writer writes records using CSV encoding. Writes are buffered: call
// Flush to send them to the underlying io.Writer, and Error to learn
// whether anything failed.
type Writer struct {
	Comma   rune // Field delimiter (set to ',' by NewWriter)
	UseCRLF bool // True to use \r\n as the line terminator
	w       *bufio.Writer
}

// NewWriter returns a new Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{Comma: ',', w: bufio.NewWriter(w)}
}

// Write writes a single CSV record to w along with any necessary quoting.
func (w *Writer) Write(record []string) error {
	if !validDelim(w.Comma) {
		return errInvalidDelim
	}
	for n, field := range record {
		if n > 0 {
			if _, err := w.w.WriteRune(w.Comma); err != nil {
				return err
			}
		}
		if !w.fieldNeedsQuotes(field) {
			if _, err := w.w.WriteString(field); err != nil {
				return err
			}
			continue
		}
		if err := w.writeQuoted(field); err != nil {
			return err
		}
	}
	var err error
	if w.UseCRLF {
		_, err = w.w.WriteString("\r\n")
	} else {
		err = w.w.WriteByte('\n')
	}
	return err
}

// writeQuoted writes field between quotes: a quote doubled, line breaks
// in the Writer's convention.
func (w *Writer) writeQuoted(field string) error {
	if err := w.w.WriteByte('"'); err != nil {
		return err
	}
	for len(field) > 0 {
		i := strings.IndexAny(field, "\"\r\n")
		if i < 0 {
			i = len(field)
		}
		if _, err := w.w.WriteString(field[:i]); err != nil {
			return err
		}
		field = field[i:]
		if len(field) == 0 {
			break
		}
		var err error
		switch field[0] {
		case '"':
			_, err = w.w.WriteString(`""`)
		case '\r':
			if !w.UseCRLF {
				err = w.w.WriteByte('\r')
			}
		case '\n':
			if w.UseCRLF {
				_, err = w.w.WriteString("\r\n")
			} else {
				err = w.w.WriteByte('\n')
			}
		}
		field = field[1:]
		if err != nil {
			return err
		}
	}
	return w.w.WriteByte('"')
}

// Flush writes any buffered data to the underlying io.Writer. To check if
// an error occurred during Flush, call Error.
func (w *Writer) Flush() {
	w.w.Flush()
}

// Error reports any error that has occurred during a previous Write or
// Flush.
func (w *Writer) Error() error {
	_, err := w.w.Write(nil)
	return err
}

// WriteAll writes multiple CSV records to w using Write and then calls
// Flush, returning any error from the Flush.
func (w *Writer) WriteAll(records [][]string) error {
	for _, record := range records {
		if err := w.Write(record); err != nil {
			return err
		}
	}
	return w.w.Flush()
}

// fieldNeedsQuotes reports whether field must be quoted: it holds the
// delimiter, a quote or a line break, starts with a space, or is `\.`
// (which PostgreSQL reads as the end of data).
func (w *Writer) fieldNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	if strings.ContainsRune(field, w.Comma) || strings.ContainsAny(field, "\"\r\n") {
		return true
	}
	r1, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r1)
}
