// Package io defines the Reader and Writer interfaces and helpers built on them.
//
// Package io — csp's standard library stub, pure Go: the basic I/O
// interfaces, their sentinel errors and a few helpers.
package io

import "errors"

// EOF is the error a Reader returns at the end of its input.
var EOF = errors.New("EOF")

// ErrUnexpectedEOF means the input ended before a complete block or record was read.
var ErrUnexpectedEOF = errors.New("unexpected EOF")

// ErrShortWrite is the error for a write that stored fewer bytes than given yet reported no error.
var ErrShortWrite = errors.New("short write")

// ErrShortBuffer is the error for a read whose buffer was too small.
var ErrShortBuffer = errors.New("short buffer")

// ErrClosedPipe is the error for reading or writing a pipe that was closed.
var ErrClosedPipe = errors.New("io: read/write on closed pipe")

// ErrNoProgress means a Reader kept returning neither data nor an error.
var ErrNoProgress = errors.New("multiple Read calls return no data or error")

// A Reader reads up to len(p) bytes into p and returns how many it read and any error.
type Reader interface {
	Read(p []byte) (n int, err error)
}

// A Writer writes len(p) bytes from p and returns how many it wrote and any error.
type Writer interface {
	Write(p []byte) (n int, err error)
}

// A Closer is something that can be closed, such as a file.
type Closer interface {
	Close() error
}

// A ReadWriter is both a Reader and a Writer.
type ReadWriter interface {
	Reader
	Writer
}

// A ReadCloser is both a Reader and a Closer.
type ReadCloser interface {
	Reader
	Closer
}

// A WriteCloser is both a Writer and a Closer.
type WriteCloser interface {
	Writer
	Closer
}

// A ReadWriteCloser is a Reader, a Writer and a Closer.
type ReadWriteCloser interface {
	Reader
	Writer
	Closer
}

// A StringWriter can write a string without converting it to a []byte first.
type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// A ByteReader returns the next byte of its input.
type ByteReader interface {
	ReadByte() (byte, error)
}

// A ByteWriter writes a single byte.
type ByteWriter interface {
	WriteByte(c byte) error
}

// WriteString writes s to w, through w.WriteString when w has it.
func WriteString(w Writer, s string) (n int, err error) {
	if sw, ok := w.(StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}

// ReadAll returns all the data r yields until EOF or an error.
//
// A successful call returns a nil error: EOF is not reported.
func ReadAll(r Reader) ([]byte, error) {
	b := make([]byte, 0, 512)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// Copy writes everything read from src to dst until EOF or an error, and returns the byte count.
//
// A successful Copy returns a nil error, not EOF.
func Copy(dst Writer, src Reader) (written int64, err error) {
	buf := make([]byte, 32*1024)
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[0:nr])
			if nw < 0 || nr < nw {
				nw = 0
				if ew == nil {
					ew = errors.New("invalid write result")
				}
			}
			written += int64(nw)
			if ew != nil {
				err = ew
				break
			}
			if nr != nw {
				err = ErrShortWrite
				break
			}
		}
		if er != nil {
			if er != EOF {
				err = er
			}
			break
		}
	}
	return written, err
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func (discard) WriteString(s string) (int, error) { return len(s), nil }

// Discard is a Writer that accepts everything and throws it away.
var Discard Writer = discard{}
