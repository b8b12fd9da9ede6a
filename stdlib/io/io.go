// Package io defines the Reader and Writer interfaces and the helpers built
// on them: Copy, ReadFull, ReadAll, limited, section, multi and tee readers,
// multi writers and the synchronous in-memory Pipe.
//
// Package io — csp's standard library, pure Go. Pipe is built on channels
// and a mutex, so a goroutine waiting on one parks like any channel wait
// (and shows as such in a deadlock dump).
package io

import (
	"errors"
	"sync"
)

// Seek whence values.
const (
	// SeekStart means relative to the origin of the file.
	SeekStart = 0
	// SeekCurrent means relative to the current offset.
	SeekCurrent = 1
	// SeekEnd means relative to the end.
	SeekEnd = 2
)

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

var errInvalidWrite = errors.New("invalid write result")
var errWhence = errors.New("Seek: invalid whence")
var errOffset = errors.New("Seek: invalid offset")

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

// A Seeker sets the offset of the next Read or Write, relative to whence.
type Seeker interface {
	Seek(offset int64, whence int) (int64, error)
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

// A ReadSeeker is a Reader and a Seeker.
type ReadSeeker interface {
	Reader
	Seeker
}

// A ReadSeekCloser is a Reader, a Seeker and a Closer.
type ReadSeekCloser interface {
	Reader
	Seeker
	Closer
}

// A WriteSeeker is a Writer and a Seeker.
type WriteSeeker interface {
	Writer
	Seeker
}

// A ReadWriteSeeker is a Reader, a Writer and a Seeker.
type ReadWriteSeeker interface {
	Reader
	Writer
	Seeker
}

// A ReaderFrom reads everything from r; Copy uses it when the destination has it.
type ReaderFrom interface {
	ReadFrom(r Reader) (n int64, err error)
}

// A WriterTo writes everything it holds to w; Copy uses it when the source has it.
type WriterTo interface {
	WriteTo(w Writer) (n int64, err error)
}

// A ReaderAt reads len(p) bytes at offset off, independently of any read position.
type ReaderAt interface {
	ReadAt(p []byte, off int64) (n int, err error)
}

// A WriterAt writes len(p) bytes at offset off.
type WriterAt interface {
	WriteAt(p []byte, off int64) (n int, err error)
}

// A ByteReader returns the next byte of its input.
type ByteReader interface {
	ReadByte() (byte, error)
}

// A ByteScanner is a ByteReader that can step back one byte.
type ByteScanner interface {
	ByteReader
	UnreadByte() error
}

// A ByteWriter writes a single byte.
type ByteWriter interface {
	WriteByte(c byte) error
}

// A RuneReader returns the next UTF-8 encoded rune and its size.
type RuneReader interface {
	ReadRune() (r rune, size int, err error)
}

// A RuneScanner is a RuneReader that can step back one rune.
type RuneScanner interface {
	RuneReader
	UnreadRune() error
}

// A StringWriter can write a string without converting it to a []byte first.
type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// WriteString writes s to w, through w.WriteString when w has it.
func WriteString(w Writer, s string) (n int, err error) {
	if sw, ok := w.(StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}

// ReadAtLeast reads into buf until it has at least min bytes or an error.
//
// It returns ErrShortBuffer when min > len(buf), EOF when nothing was read,
// and ErrUnexpectedEOF when EOF came after fewer than min bytes.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if len(buf) < min {
		return 0, ErrShortBuffer
	}
	for n < min && err == nil {
		var nn int
		nn, err = r.Read(buf[n:])
		n += nn
	}
	if n >= min {
		err = nil
	} else if n > 0 && err == EOF {
		err = ErrUnexpectedEOF
	}
	return
}

// ReadFull reads exactly len(buf) bytes into buf (ReadAtLeast(r, buf, len(buf))).
func ReadFull(r Reader, buf []byte) (n int, err error) {
	return ReadAtLeast(r, buf, len(buf))
}

// ReadAll returns all the data r yields until EOF or an error.
//
// A successful call returns a nil error: EOF is not reported.
func ReadAll(r Reader) ([]byte, error) {
	// Grow through chunks of increasing size and copy them once at the
	// end into a slice of the right size (Go 1.26's strategy: the final
	// capacity is the same as Go's).
	b := make([]byte, 0, 512)
	next := 256
	chunks := make([][]byte, 0, 4)
	total := 0
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == EOF {
				err = nil
			}
			if len(chunks) == 0 {
				return b, err
			}
			total += len(b)
			out := append([]byte(nil), make([]byte, total)...)[:0]
			for _, c := range chunks {
				out = append(out, c...)
			}
			return append(out, b...), err
		}
		if cap(b)-len(b) < cap(b)/16 {
			chunks = append(chunks, b)
			total += len(b)
			b = append([]byte(nil), make([]byte, next)...)[:0]
			next += next / 2
		}
	}
}

// CopyN copies n bytes (or until an error) from src to dst and returns the
// count; fewer than n bytes copied means an error (EOF when src ran out).
func CopyN(dst Writer, src Reader, n int64) (written int64, err error) {
	written, err = Copy(dst, LimitReader(src, n))
	if written == n {
		return n, nil
	}
	if written < n && err == nil {
		err = EOF
	}
	return
}

// Copy writes everything read from src to dst until EOF or an error, and returns the byte count.
//
// A successful Copy returns a nil error, not EOF. src.WriteTo or
// dst.ReadFrom does the copy when present.
func Copy(dst Writer, src Reader) (written int64, err error) {
	return copyBuffer(dst, src, nil)
}

// CopyBuffer is Copy through the given buffer (nil: one is allocated);
// an empty non-nil buffer panics.
func CopyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if buf != nil && len(buf) == 0 {
		panic("empty buffer in CopyBuffer")
	}
	return copyBuffer(dst, src, buf)
}

func copyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if wt, ok := src.(WriterTo); ok {
		return wt.WriteTo(dst)
	}
	if rf, ok := dst.(ReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	if buf == nil {
		size := 32 * 1024
		if l, ok := src.(*LimitedReader); ok && int64(size) > l.N {
			size = 1
			if l.N >= 1 {
				size = int(l.N)
			}
		}
		buf = make([]byte, size)
	}
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[0:nr])
			if nw < 0 || nr < nw {
				nw = 0
				if ew == nil {
					ew = errInvalidWrite
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

// LimitReader returns a Reader that reads from r but stops with EOF after n bytes.
func LimitReader(r Reader, n int64) Reader { return &LimitedReader{r, n} }

// A LimitedReader reads from R, at most N more bytes; each Read lowers N.
type LimitedReader struct {
	R Reader // underlying reader
	N int64  // max bytes remaining
}

// Read reads up to min(len(p), N) bytes from R.
func (l *LimitedReader) Read(p []byte) (n int, err error) {
	if l.N <= 0 {
		return 0, EOF
	}
	if int64(len(p)) > l.N {
		p = p[0:l.N]
	}
	n, err = l.R.Read(p)
	l.N -= int64(n)
	return
}

// NewSectionReader returns a SectionReader reading r from offset off for n bytes.
func NewSectionReader(r ReaderAt, off int64, n int64) *SectionReader {
	const maxint64 = 1<<63 - 1
	limit := int64(maxint64)
	if off <= maxint64-n {
		limit = n + off
	}
	return &SectionReader{r, off, off, limit, n}
}

// A SectionReader implements Read, Seek and ReadAt on a section of a ReaderAt.
type SectionReader struct {
	r     ReaderAt
	base  int64
	off   int64
	limit int64
	n     int64
}

// Read reads from the current offset, stopping at the section's end.
func (s *SectionReader) Read(p []byte) (n int, err error) {
	if s.off >= s.limit {
		return 0, EOF
	}
	if max := s.limit - s.off; int64(len(p)) > max {
		p = p[0:max]
	}
	n, err = s.r.ReadAt(p, s.off)
	s.off += int64(n)
	return
}

// Seek moves the offset within the section and returns it relative to the section's start.
func (s *SectionReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	default:
		return 0, errWhence
	case SeekStart:
		offset += s.base
	case SeekCurrent:
		offset += s.off
	case SeekEnd:
		offset += s.limit
	}
	if offset < s.base {
		return 0, errOffset
	}
	s.off = offset
	return offset - s.base, nil
}

// ReadAt reads len(p) bytes at offset off of the section.
func (s *SectionReader) ReadAt(p []byte, off int64) (n int, err error) {
	if off < 0 || off >= s.Size() {
		return 0, EOF
	}
	off += s.base
	if max := s.limit - off; int64(len(p)) > max {
		p = p[0:max]
		n, err = s.r.ReadAt(p, off)
		if err == nil {
			err = EOF
		}
		return n, err
	}
	return s.r.ReadAt(p, off)
}

// Size returns the size of the section in bytes.
func (s *SectionReader) Size() int64 { return s.limit - s.base }

// Outer returns the underlying ReaderAt and the section's offset and size.
func (s *SectionReader) Outer() (r ReaderAt, off int64, n int64) {
	return s.r, s.base, s.n
}

// An OffsetWriter maps writes at offset 0 to writes at a base offset of a WriterAt.
type OffsetWriter struct {
	w    WriterAt
	base int64
	off  int64
}

// NewOffsetWriter returns an OffsetWriter writing to w from offset off.
func NewOffsetWriter(w WriterAt, off int64) *OffsetWriter {
	return &OffsetWriter{w, off, off}
}

// Write writes p at the current offset and advances it.
func (o *OffsetWriter) Write(p []byte) (n int, err error) {
	n, err = o.w.WriteAt(p, o.off)
	o.off += int64(n)
	return
}

// WriteAt writes p at offset off, relative to the base.
func (o *OffsetWriter) WriteAt(p []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, errOffset
	}
	return o.w.WriteAt(p, off+o.base)
}

// Seek moves the offset (SeekStart or SeekCurrent) and returns it relative to the base.
func (o *OffsetWriter) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	default:
		return 0, errWhence
	case SeekStart:
		offset += o.base
	case SeekCurrent:
		offset += o.off
	}
	if offset < o.base {
		return 0, errOffset
	}
	o.off = offset
	return offset - o.base, nil
}

// TeeReader returns a Reader that writes to w everything it reads from r.
//
// A write error is returned as the read's error.
func TeeReader(r Reader, w Writer) Reader { return &teeReader{r, w} }

type teeReader struct {
	r Reader
	w Writer
}

func (t *teeReader) Read(p []byte) (n int, err error) {
	n, err = t.r.Read(p)
	if n > 0 {
		if n, err := t.w.Write(p[:n]); err != nil {
			return n, err
		}
	}
	return
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func (discard) WriteString(s string) (int, error) { return len(s), nil }

func (discard) ReadFrom(r Reader) (n int64, err error) {
	buf := make([]byte, 8192)
	for {
		m, e := r.Read(buf)
		n += int64(m)
		if e != nil {
			if e == EOF {
				return n, nil
			}
			return n, e
		}
	}
}

// Discard is a Writer that accepts everything and throws it away.
var Discard Writer = discard{}

// NopCloser returns r with a Close method that does nothing (keeping r's
// WriteTo when it has one).
func NopCloser(r Reader) ReadCloser {
	if _, ok := r.(WriterTo); ok {
		return nopCloserWriterTo{r}
	}
	return nopCloser{r}
}

type nopCloser struct {
	Reader
}

func (nopCloser) Close() error { return nil }

type nopCloserWriterTo struct {
	Reader
}

func (nopCloserWriterTo) Close() error { return nil }

func (c nopCloserWriterTo) WriteTo(w Writer) (n int64, err error) {
	return c.Reader.(WriterTo).WriteTo(w)
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, EOF }

type multiReader struct {
	readers []Reader
}

func (mr *multiReader) Read(p []byte) (n int, err error) {
	for len(mr.readers) > 0 {
		// A lone nested multiReader is flattened, so deep chains stay shallow.
		if len(mr.readers) == 1 {
			if r, ok := mr.readers[0].(*multiReader); ok {
				mr.readers = r.readers
				continue
			}
		}
		n, err = mr.readers[0].Read(p)
		if err == EOF {
			mr.readers[0] = eofReader{}
			mr.readers = mr.readers[1:]
		}
		if n > 0 || err != EOF {
			if err == EOF && len(mr.readers) > 0 {
				err = nil
			}
			return
		}
	}
	return 0, EOF
}

// MultiReader returns a Reader that reads its inputs one after another; it
// returns EOF once all of them have.
func MultiReader(readers ...Reader) Reader {
	r := make([]Reader, len(readers))
	copy(r, readers)
	return &multiReader{r}
}

type multiWriter struct {
	writers []Writer
}

func (t *multiWriter) Write(p []byte) (n int, err error) {
	for _, w := range t.writers {
		n, err = w.Write(p)
		if err != nil {
			return
		}
		if n != len(p) {
			err = ErrShortWrite
			return
		}
	}
	return len(p), nil
}

func (t *multiWriter) WriteString(s string) (n int, err error) {
	var p []byte
	for _, w := range t.writers {
		if sw, ok := w.(StringWriter); ok {
			n, err = sw.WriteString(s)
		} else {
			if p == nil {
				p = []byte(s)
			}
			n, err = w.Write(p)
		}
		if err != nil {
			return
		}
		if n != len(s) {
			err = ErrShortWrite
			return
		}
	}
	return len(s), nil
}

// MultiWriter returns a Writer that duplicates each write to all of writers,
// stopping at the first error.
func MultiWriter(writers ...Writer) Writer {
	all := make([]Writer, 0, len(writers))
	for _, w := range writers {
		if mw, ok := w.(*multiWriter); ok {
			all = append(all, mw.writers...)
		} else {
			all = append(all, w)
		}
	}
	return &multiWriter{all}
}

// ---- Pipe ----------------------------------------------------------------
// A write hands its slice to a reader over wrCh and waits on rdCh for how
// much was consumed, until all is read; done is closed (once) by the first
// Close of either end. Writers are serialised by wrMu, so the pieces of two
// writes never interleave. All waits are channel waits: goroutines park.

// firstErr keeps the first error stored in it.
type firstErr struct {
	mu  sync.Mutex
	err error
}

func (e *firstErr) store(err error) {
	e.mu.Lock()
	if e.err == nil {
		e.err = err
	}
	e.mu.Unlock()
}

func (e *firstErr) load() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}

type pipe struct {
	wrMu sync.Mutex
	wrCh chan []byte
	rdCh chan int
	once sync.Once
	done chan struct{}
	rerr firstErr
	werr firstErr
}

func (p *pipe) read(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.readCloseError()
	default:
	}
	select {
	case bw := <-p.wrCh:
		nr := copy(b, bw)
		p.rdCh <- nr
		return nr, nil
	case <-p.done:
		return 0, p.readCloseError()
	}
}

func (p *pipe) readCloseError() error {
	if werr := p.werr.load(); p.rerr.load() == nil && werr != nil {
		return werr
	}
	return ErrClosedPipe
}

func (p *pipe) write(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.writeCloseError()
	default:
	}
	p.wrMu.Lock()
	defer p.wrMu.Unlock()
	for first := true; first || len(b) > 0; first = false {
		select {
		case p.wrCh <- b:
			nw := <-p.rdCh
			b = b[nw:]
			n += nw
		case <-p.done:
			return n, p.writeCloseError()
		}
	}
	return n, nil
}

func (p *pipe) writeCloseError() error {
	if rerr := p.rerr.load(); p.werr.load() == nil && rerr != nil {
		return rerr
	}
	return ErrClosedPipe
}

func (p *pipe) closeRead(err error) error {
	if err == nil {
		err = ErrClosedPipe
	}
	p.rerr.store(err)
	p.once.Do(func() { close(p.done) })
	return nil
}

func (p *pipe) closeWrite(err error) error {
	if err == nil {
		err = EOF
	}
	p.werr.store(err)
	p.once.Do(func() { close(p.done) })
	return nil
}

// A PipeReader is the read half of a pipe.
type PipeReader struct{ p *pipe }

// Read waits for a writer and reads what it wrote, up to len(data) bytes.
//
// After the write end is closed it returns EOF (or the CloseWithError error).
func (r *PipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }

// Close closes the reader: later writes return ErrClosedPipe.
func (r *PipeReader) Close() error { return r.CloseWithError(nil) }

// CloseWithError closes the reader: later writes return err (ErrClosedPipe if nil).
func (r *PipeReader) CloseWithError(err error) error { return r.p.closeRead(err) }

// A PipeWriter is the write half of a pipe.
type PipeWriter struct{ r PipeReader }

// Write writes data to the pipe, waiting until readers have consumed all of
// it or the read end is closed.
func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.r.p.write(data) }

// Close closes the writer: later reads return EOF.
func (w *PipeWriter) Close() error { return w.CloseWithError(nil) }

// CloseWithError closes the writer: later reads return err (EOF if nil).
func (w *PipeWriter) CloseWithError(err error) error { return w.r.p.closeWrite(err) }

// Pipe creates a synchronous in-memory pipe: each Write waits until Reads
// have consumed all of it; there is no buffering. Safe for concurrent use.
func Pipe() (*PipeReader, *PipeWriter) {
	pw := &PipeWriter{r: PipeReader{p: &pipe{
		wrCh: make(chan []byte),
		rdCh: make(chan int),
		done: make(chan struct{}),
	}}}
	return &pw.r, pw
}
