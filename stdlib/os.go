// Package os — csp's standard library stub: the process (Args, Exit,
// environment) and the standard files. System calls are natives in
// stdlib/os.c that return an errno; errors are built here.
package os

import (
	"errors"
	"io"
)

// Args holds the command-line arguments, starting with the script path.
var Args []string = runtimeArgs()

func runtimeArgs() []string

// Exit ends the program at once with the given status; deferred functions
// do not run. Output is unbuffered, so nothing needs flushing.
func Exit(code int)

func Getenv(key string) string
func LookupEnv(key string) (string, bool)
func Getpid() int

func sysWrite(fd int, p []byte) (int, int)
func sysWriteString(fd int, s string) (int, int)
func sysRead(fd int, p []byte) (int, int)
func sysReadFile(name string) ([]byte, int)
func sysWriteFile(name string, data []byte, perm FileMode) int
func errnoString(errno int) string

var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// Errno is a system error number, printed as the system describes it.
type Errno int

func (e Errno) Error() string { return errnoString(int(e)) }

// Is lets errors.Is match the portable sentinel errors, as syscall.Errno does.
func (e Errno) Is(target error) bool {
	switch target {
	case ErrPermission:
		return e == 1 || e == 13 // EPERM, EACCES
	case ErrExist:
		return e == 17 || e == 39 // EEXIST, ENOTEMPTY
	case ErrNotExist:
		return e == 2 // ENOENT
	}
	return false
}

// PathError records an error and the operation and file that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// A FileMode holds a file's permission bits.
type FileMode uint32

// A File is an open file descriptor.
type File struct {
	fd   int
	name string
}

var (
	Stdin  = &File{0, "/dev/stdin"}
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

func (f *File) Name() string { return f.name }

func (f *File) Fd() uintptr { return uintptr(f.fd) }

func (f *File) wrap(op string, errno int) error {
	if errno == 0 {
		return nil
	}
	return &PathError{op, f.name, Errno(errno)}
}

func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n, errno := sysWrite(f.fd, b)
	return n, f.wrap("write", errno)
}

func (f *File) WriteString(s string) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n, errno := sysWriteString(f.fd, s)
	return n, f.wrap("write", errno)
}

// Read blocks the thread while it waits (see os.c).
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, errno := sysRead(f.fd, b)
	if errno != 0 {
		return 0, f.wrap("read", errno)
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func ReadFile(name string) ([]byte, error) {
	data, errno := sysReadFile(name)
	if errno != 0 {
		return nil, &PathError{"open", name, Errno(errno)}
	}
	return data, nil
}

func WriteFile(name string, data []byte, perm FileMode) error {
	if errno := sysWriteFile(name, data, perm); errno != 0 {
		return &PathError{"open", name, Errno(errno)}
	}
	return nil
}
