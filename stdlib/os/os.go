// Package os gives access to the process: arguments, exit, environment, files and standard streams.
//
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

// Getenv returns the value of the environment variable key, or "" if it is not set.
func Getenv(key string) string
// LookupEnv returns the value of the environment variable key and whether it is set.
func LookupEnv(key string) (string, bool)
// Getpid returns the interpreter process's id.
func Getpid() int

func sysWrite(fd int, p []byte) (int, int)
func sysWriteString(fd int, s string) (int, int)
func sysRead(fd int, p []byte) (int, int)
func sysReadFile(name string) ([]byte, int)
func sysWriteFile(name string, data []byte, perm FileMode) int
func errnoString(errno int) string

// Portable errors for common failures; test for them with errors.Is.
var (
	// ErrInvalid means an invalid argument, such as a nil *File.
	ErrInvalid    = errors.New("invalid argument")
	// ErrPermission means permission was denied.
	ErrPermission = errors.New("permission denied")
	// ErrExist means the file already exists.
	ErrExist      = errors.New("file already exists")
	// ErrNotExist means the file does not exist.
	ErrNotExist   = errors.New("file does not exist")
	// ErrClosed means the file has already been closed.
	ErrClosed     = errors.New("file already closed")
)

// Errno is a system error number, printed as the system describes it.
type Errno int

// Error returns the system's description of the error number.
func (e Errno) Error() string { return errnoString(int(e)) }

// Is reports whether e corresponds to target, one of the portable errors above.
//
// It lets errors.Is match ErrPermission, ErrExist and ErrNotExist, as
// syscall.Errno does.
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

// A PathError is a failed file operation: what was tried (Op), on which file (Path), and why (Err).
type PathError struct {
	Op   string
	Path string
	Err  error
}

// Error returns "op path: err".
func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *PathError) Unwrap() error { return e.Err }

// A FileMode holds a file's permission bits.
type FileMode uint32

// A File is an open file descriptor.
type File struct {
	fd   int
	name string
}

// The standard input, output and error files.
var (
	// Stdin is the process's standard input (file descriptor 0).
	Stdin  = &File{0, "/dev/stdin"}
	// Stdout is the process's standard output (file descriptor 1).
	Stdout = &File{1, "/dev/stdout"}
	// Stderr is the process's standard error (file descriptor 2).
	Stderr = &File{2, "/dev/stderr"}
)

// Name returns the name the file was opened with.
func (f *File) Name() string { return f.name }

// Fd returns the file's descriptor number.
func (f *File) Fd() uintptr { return uintptr(f.fd) }

func (f *File) wrap(op string, errno int) error {
	if errno == 0 {
		return nil
	}
	return &PathError{op, f.name, Errno(errno)}
}

// Write writes the bytes of b to the file and returns how many were written.
//
// A nil *File gives ErrInvalid.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n, errno := sysWrite(f.fd, b)
	return n, f.wrap("write", errno)
}

// WriteString is like Write but writes the bytes of s.
func (f *File) WriteString(s string) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n, errno := sysWriteString(f.fd, s)
	return n, f.wrap("write", errno)
}

// Read fills b with up to len(b) bytes from the file; at the end of the file it returns 0, io.EOF.
//
// It blocks the thread while it waits (see os.c).
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

// ReadFile returns the named file's whole contents.
//
// Reaching the end of the file is not an error.
func ReadFile(name string) ([]byte, error) {
	data, errno := sysReadFile(name)
	if errno != 0 {
		return nil, &PathError{"open", name, Errno(errno)}
	}
	return data, nil
}

// WriteFile replaces the named file's contents by data, creating the file with perm if missing.
func WriteFile(name string, data []byte, perm FileMode) error {
	if errno := sysWriteFile(name, data, perm); errno != 0 {
		return &PathError{"open", name, Errno(errno)}
	}
	return nil
}
