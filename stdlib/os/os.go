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

// Environ returns a copy of the environment as "key=value" strings.
func Environ() []string

// Clearenv deletes all environment variables.
func Clearenv()

func sysSetenv(key, value string) int
func sysUnsetenv(key string) int
func sysGetwd() (string, int)
func sysChdir(dir string) int
func sysMkdir(name string, perm FileMode) int
func sysRemove(name string) int
func sysRename(from, to string) int
func sysHostname() (string, int)

// Setenv sets the environment variable key to value.
//
// An empty key, or one holding '=' or NUL, gives "setenv: invalid argument".
func Setenv(key, value string) error {
	if e := sysSetenv(key, value); e != 0 {
		return NewSyscallError("setenv", Errno(e))
	}
	return nil
}

// Unsetenv removes the environment variable key.
func Unsetenv(key string) error {
	if e := sysUnsetenv(key); e != 0 {
		return NewSyscallError("unsetenv", Errno(e))
	}
	return nil
}

// Getwd returns the absolute name of the current directory.
func Getwd() (dir string, err error) {
	dir, e := sysGetwd()
	if e != 0 {
		return "", NewSyscallError("getwd", Errno(e))
	}
	return dir, nil
}

// Chdir makes dir the current directory; the error is a *PathError.
func Chdir(dir string) error {
	if e := sysChdir(dir); e != 0 {
		return &PathError{"chdir", dir, Errno(e)}
	}
	return nil
}

// Hostname returns the host name the kernel reports.
func Hostname() (name string, err error) {
	name, e := sysHostname()
	if e != 0 {
		return "", NewSyscallError("gethostname", Errno(e))
	}
	return name, nil
}

// Mkdir creates a directory with the permission bits perm (before the umask); the error is a *PathError.
func Mkdir(name string, perm FileMode) error {
	if e := sysMkdir(name, perm&0777); e != 0 {
		return &PathError{"mkdir", name, Errno(e)}
	}
	return nil
}

// Remove removes the named file or empty directory; the error is a *PathError.
func Remove(name string) error {
	if e := sysRemove(name); e != 0 {
		return &PathError{"remove", name, Errno(e)}
	}
	return nil
}

// Rename moves oldpath to newpath, replacing a file there but not a directory; the error is a *LinkError.
func Rename(oldpath, newpath string) error {
	if e := sysRename(oldpath, newpath); e != 0 {
		return &LinkError{"rename", oldpath, newpath, Errno(e)}
	}
	return nil
}

// A SyscallError is an error from a particular system call.
type SyscallError struct {
	Syscall string
	Err     error
}

// Error returns "syscall: err".
func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *SyscallError) Unwrap() error { return e.Err }

// NewSyscallError returns a *SyscallError for the named call, or nil if err is nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

// A LinkError records an error during a link, symlink or rename, with both paths.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

// Error returns "op old new: err".
func (e *LinkError) Error() string { return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *LinkError) Unwrap() error { return e.Err }

// underlyingError unwraps the error types of this package (as Go's
// IsNotExist family does: it does not follow other wrappers).
func underlyingError(err error) error {
	switch e := err.(type) {
	case *PathError:
		return e.Err
	case *LinkError:
		return e.Err
	case *SyscallError:
		return e.Err
	}
	return err
}

func underlyingIs(err, target error) bool {
	err = underlyingError(err)
	if err == target {
		return true
	}
	e, ok := err.(Errno)
	return ok && e.Is(target)
}

// IsNotExist reports whether err says a file or directory does not exist (prefer errors.Is(err, ErrNotExist)).
func IsNotExist(err error) bool { return underlyingIs(err, ErrNotExist) }

// IsExist reports whether err says a file or directory already exists (prefer errors.Is(err, ErrExist)).
func IsExist(err error) bool { return underlyingIs(err, ErrExist) }

// IsPermission reports whether err says permission was denied (prefer errors.Is(err, ErrPermission)).
func IsPermission(err error) bool { return underlyingIs(err, ErrPermission) }

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
