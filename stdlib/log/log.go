// Package log writes timestamped lines to standard error (or any Writer): Print, Fatal (exits 1), Panic.
//
// Package log — csp's standard library, written in csp as Go's log: a
// Logger formats a header (prefix, date, time, file:line as its flags ask)
// before each message and writes the line with one Write under a mutex, so
// lines from concurrent goroutines never interleave. The file:line of
// Lshortfile/Llongfile is the csp source position of the caller (native
// caller, stdlib/log/log.c).
package log

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// The flags choose what each line's header holds, in this order: prefix (unless Lmsgprefix), date, time, file:line, then the message.
const (
	// Ldate adds the local date: 2009/01/23.
	Ldate = 1 << iota
	// Ltime adds the local time: 01:23:23.
	Ltime
	// Lmicroseconds adds microseconds to the time: 01:23:23.123123 (implies Ltime).
	Lmicroseconds
	// Llongfile adds the full file name and line number: /a/b/c/d.go:23.
	Llongfile
	// Lshortfile adds the last element of the file name and the line: d.go:23 (overrides Llongfile).
	Lshortfile
	// LUTC makes the date and time UTC rather than local.
	LUTC
	// Lmsgprefix moves the prefix from the start of the line to just before the message.
	Lmsgprefix
	// LstdFlags is the standard logger's initial flags: Ldate | Ltime.
	LstdFlags = Ldate | Ltime
)

// A Logger writes formatted lines to an io.Writer; it may be used from many goroutines at once.
type Logger struct {
	mu     sync.Mutex // guards the fields and serialises Write
	prefix string
	flag   int
	out    io.Writer
}

// New creates a Logger writing to out, with the given prefix and flags.
func New(out io.Writer, prefix string, flag int) *Logger {
	return &Logger{prefix: prefix, flag: flag, out: out}
}

var std = New(os.Stderr, "", LstdFlags)

// Default returns the standard logger used by the package-level functions.
func Default() *Logger { return std }

func caller(skip int) (file string, line int, ok bool)

// itoa appends i zero-padded to wid digits (wid < 0: no padding).
func itoa(buf []byte, i int, wid int) []byte {
	var b [20]byte
	bp := len(b) - 1
	for i >= 10 || wid > 1 {
		wid--
		q := i / 10
		b[bp] = byte('0' + i - q*10)
		bp--
		i = q
	}
	b[bp] = byte('0' + i)
	return append(buf, b[bp:]...)
}

func formatHeader(buf []byte, t time.Time, prefix string, flag int, file string, line int) []byte {
	if flag&Lmsgprefix == 0 {
		buf = append(buf, prefix...)
	}
	if flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		if flag&LUTC != 0 {
			t = t.UTC()
		}
		if flag&Ldate != 0 {
			year, month, day := t.Date()
			buf = itoa(buf, year, 4)
			buf = append(buf, '/')
			buf = itoa(buf, int(month), 2)
			buf = append(buf, '/')
			buf = itoa(buf, day, 2)
			buf = append(buf, ' ')
		}
		if flag&(Ltime|Lmicroseconds) != 0 {
			hour, min, sec := t.Clock()
			buf = itoa(buf, hour, 2)
			buf = append(buf, ':')
			buf = itoa(buf, min, 2)
			buf = append(buf, ':')
			buf = itoa(buf, sec, 2)
			if flag&Lmicroseconds != 0 {
				buf = append(buf, '.')
				buf = itoa(buf, t.Nanosecond()/1e3, 6)
			}
			buf = append(buf, ' ')
		}
	}
	if flag&(Lshortfile|Llongfile) != 0 {
		if flag&Lshortfile != 0 {
			short := file
			for i := len(file) - 1; i > 0; i-- {
				if file[i] == '/' {
					short = file[i+1:]
					break
				}
			}
			file = short
		}
		buf = append(buf, file...)
		buf = append(buf, ':')
		buf = itoa(buf, line, -1)
		buf = append(buf, ": "...)
	}
	if flag&Lmsgprefix != 0 {
		buf = append(buf, prefix...)
	}
	return buf
}

// output writes the header and s; calldepth counts the frames above the
// caller to report (0: output's own caller).
func (l *Logger) output(calldepth int, s string) error {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.out == io.Discard {
		return nil
	}
	var file string
	var line int
	if l.flag&(Lshortfile|Llongfile) != 0 {
		var ok bool
		file, line, ok = caller(calldepth + 1)
		if !ok {
			file = "???"
			line = 0
		}
	}
	buf := formatHeader(nil, now, l.prefix, l.flag, file, line)
	buf = append(buf, s...)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		buf = append(buf, '\n')
	}
	_, err := l.out.Write(buf)
	return err
}

// Output writes s with the header; calldepth is the number of frames to skip for the file:line (1: Output's caller).
//
// A newline is added if s does not end with one.
func (l *Logger) Output(calldepth int, s string) error {
	return l.output(calldepth, s)
}

// Print writes its operands as fmt.Sprint does.
func (l *Logger) Print(v ...any) { l.output(1, fmt.Sprint(v...)) }

// Printf writes its operands as fmt.Sprintf does.
func (l *Logger) Printf(format string, v ...any) { l.output(1, fmt.Sprintf(format, v...)) }

// Println writes its operands as fmt.Sprintln does.
func (l *Logger) Println(v ...any) { l.output(1, fmt.Sprintln(v...)) }

// Fatal is Print followed by os.Exit(1).
func (l *Logger) Fatal(v ...any) {
	l.output(1, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf followed by os.Exit(1).
func (l *Logger) Fatalf(format string, v ...any) {
	l.output(1, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println followed by os.Exit(1).
func (l *Logger) Fatalln(v ...any) {
	l.output(1, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print followed by panic with the message.
func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.output(1, s)
	panic(s)
}

// Panicf is Printf followed by panic with the message.
func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.output(1, s)
	panic(s)
}

// Panicln is Println followed by panic with the message.
func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.output(1, s)
	panic(s)
}

// Flags returns the logger's flags.
func (l *Logger) Flags() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.flag
}

// SetFlags sets the logger's flags.
func (l *Logger) SetFlags(flag int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flag = flag
}

// Prefix returns the logger's prefix.
func (l *Logger) Prefix() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.prefix
}

// SetPrefix sets the logger's prefix.
func (l *Logger) SetPrefix(prefix string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prefix = prefix
}

// Writer returns the logger's output destination.
func (l *Logger) Writer() io.Writer {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.out
}

// SetOutput sets the logger's output destination.
func (l *Logger) SetOutput(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.out = w
}

// SetOutput sets the standard logger's output destination.
func SetOutput(w io.Writer) { std.SetOutput(w) }

// Flags returns the standard logger's flags.
func Flags() int { return std.Flags() }

// SetFlags sets the standard logger's flags.
func SetFlags(flag int) { std.SetFlags(flag) }

// Prefix returns the standard logger's prefix.
func Prefix() string { return std.Prefix() }

// SetPrefix sets the standard logger's prefix.
func SetPrefix(prefix string) { std.SetPrefix(prefix) }

// Writer returns the standard logger's output destination.
func Writer() io.Writer { return std.Writer() }

// Print writes to the standard logger as fmt.Sprint formats.
func Print(v ...any) { std.output(1, fmt.Sprint(v...)) }

// Printf writes to the standard logger as fmt.Sprintf formats.
func Printf(format string, v ...any) { std.output(1, fmt.Sprintf(format, v...)) }

// Println writes to the standard logger as fmt.Sprintln formats.
func Println(v ...any) { std.output(1, fmt.Sprintln(v...)) }

// Fatal is Print followed by os.Exit(1).
func Fatal(v ...any) {
	std.output(1, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf followed by os.Exit(1).
func Fatalf(format string, v ...any) {
	std.output(1, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println followed by os.Exit(1).
func Fatalln(v ...any) {
	std.output(1, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print followed by panic with the message.
func Panic(v ...any) {
	s := fmt.Sprint(v...)
	std.output(1, s)
	panic(s)
}

// Panicf is Printf followed by panic with the message.
func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	std.output(1, s)
	panic(s)
}

// Panicln is Println followed by panic with the message.
func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	std.output(1, s)
	panic(s)
}

// Output writes s through the standard logger; calldepth 1 reports Output's caller.
func Output(calldepth int, s string) error {
	return std.output(calldepth, s)
}
