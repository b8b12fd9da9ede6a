// Package os gives access to the process: arguments, exit, environment, files and standard streams.
//
// Package os — csp's standard library stub: the process (Args, Exit,
// environment) and the standard files. System calls are natives in
// stdlib/os.c that return an errno; errors are built here.
package os

import (
	"errors"
	"io"
	"io/fs"
	"sort"
	"sync/atomic"
	"syscall"
	"time"
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
func Getpid() int { return syscall.Getpid() }

// Environ returns a copy of the environment as "key=value" strings.
func Environ() []string

// Clearenv deletes all environment variables.
func Clearenv()

func sysSetenv(key, value string) int
func sysUnsetenv(key string) int
func sysGetwd() (string, int)
func sysChdir(dir string) int
func sysMkdir(name string, perm uint32) int
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
	if e := sysMkdir(name, syscallMode(perm)); e != 0 {
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

// IsTimeout reports whether err says a deadline passed (prefer errors.Is(err, ErrDeadlineExceeded)).
func IsTimeout(err error) bool {
	t, ok := underlyingError(err).(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// Portable errors for common failures; test for them with errors.Is. They
// are io/fs's, as in Go: os.ErrNotExist == fs.ErrNotExist.
var (
	// ErrInvalid means an invalid argument, such as a nil *File.
	ErrInvalid = fs.ErrInvalid
	// ErrPermission means permission was denied.
	ErrPermission = fs.ErrPermission
	// ErrExist means the file already exists.
	ErrExist = fs.ErrExist
	// ErrNotExist means the file does not exist.
	ErrNotExist = fs.ErrNotExist
	// ErrClosed means the file has already been closed.
	ErrClosed = fs.ErrClosed
	// ErrProcessDone means the process has already finished.
	ErrProcessDone = errors.New("os: process already finished")
)

var errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")
// errFileClosing is what Go's poll layer says when a closed directory is read.
var errFileClosing = errors.New("use of closed file")
var errPatternHasSeparator = errors.New("pattern contains path separator")

// Errno is a system error number: syscall.Errno (a csp name: Go code
// writes syscall.Errno).
type Errno = syscall.Errno

// Linux's numbers for the errors this file raises itself.
const (
	errENOTDIR = syscall.ENOTDIR
	errEISDIR  = syscall.EISDIR
	errEINVAL  = syscall.EINVAL
)

// A PathError is a failed file operation: io/fs's PathError.
type PathError = fs.PathError

// A FileMode holds a file's mode and permission bits: io/fs's FileMode.
type FileMode = fs.FileMode

// A FileInfo describes a file, as Stat and Lstat return it.
type FileInfo = fs.FileInfo

// A DirEntry is an entry read from a directory.
type DirEntry = fs.DirEntry

// The file mode bits, io/fs's.
const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

// Flags to OpenFile: exactly one of O_RDONLY, O_WRONLY or O_RDWR, or'ed
// with any of the others (Linux's values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// Whence values for Seek (deprecated: use io.SeekStart and friends).
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

const (
	// PathSeparator is the separator of the elements of a path.
	PathSeparator = '/'
	// PathListSeparator separates the paths of a list such as $PATH.
	PathListSeparator = ':'
	// DevNull is the name of the null device.
	DevNull = "/dev/null"
)

// IsPathSeparator reports whether c is the path separator '/'.
func IsPathSeparator(c uint8) bool { return c == '/' }

// ---- system calls: natives in os.c, each returning an errno (0: none) ----

func sysOpen(name string, flag int, perm uint32) (int, int)
func sysClose(fd int) int
func sysWrite(fd int, p []byte) (int, int)
func sysWriteString(fd int, s string) (int, int)
func sysRead(fd int, p []byte) (int, int)
func sysPread(fd int, p []byte, off int64) (int, int)
func sysPwrite(fd int, p []byte, off int64) (int, int)
func sysSeek(fd int, off int64, whence int) (int64, int)
func sysFsync(fd int) int
func sysFtruncate(fd int, size int64) int
func sysTruncate(name string, size int64) int
func sysFchmod(fd int, mode uint32) int
func sysChmod(name string, mode uint32) int
func sysFstat(fd int) (size int64, mode uint32, sec, nsec int64, dev, ino uint64, errno int)
func sysStat(name string, follow bool) (size int64, mode uint32, sec, nsec int64, dev, ino uint64, errno int)
func sysReadDir(fd int) (names []string, types []int, errno int)
func sysSymlink(oldname, newname string) int
func sysLink(oldname, newname string) int
func sysReadlink(name string) (string, int)
func sysReadFile(name string) (data []byte, errno int, readErr bool)
func sysWriteFile(name string, data []byte, perm uint32) (errno int, op int)
func sysPipe() (r, w int, errno int)
func sysRandom() uint32
func sysExecutable() (string, int)

// Getppid returns the parent process's id.
func Getppid() int { return syscall.Getppid() }

// Getuid returns the caller's user id.
func Getuid() int { return syscall.Getuid() }

// Geteuid returns the caller's effective user id.
func Geteuid() int { return syscall.Geteuid() }

// Getgid returns the caller's group id.
func Getgid() int { return syscall.Getgid() }

// Getegid returns the caller's effective group id.
func Getegid() int { return syscall.Getegid() }

// Getpagesize returns the system's memory page size.
func Getpagesize() int { return syscall.Getpagesize() }

// syscallMode turns a FileMode into open(2)/chmod(2)'s mode bits.
func syscallMode(m FileMode) uint32 {
	o := uint32(m.Perm())
	if m&ModeSetuid != 0 {
		o |= 0o4000
	}
	if m&ModeSetgid != 0 {
		o |= 0o2000
	}
	if m&ModeSticky != 0 {
		o |= 0o1000
	}
	return o
}

// ---- *File ---------------------------------------------------------------

// A File is an open file descriptor.
//
// The descriptor is closed by Close only (csp sets no finalizer).
type File struct {
	fd         int
	name       string
	closed     bool
	appendMode bool
	dir        *dirBuf // entries read ahead by ReadDir, nil until then
}

// dirBuf holds the entries of a directory not yet returned by ReadDir,
// Readdir or Readdirnames; the native reads the whole directory at once.
type dirBuf struct {
	names []string
	types []int // st_mode type bits (S_IFDIR …), -1 when unknown
}

// The standard input, output and error files.
var (
	// Stdin is the process's standard input (file descriptor 0).
	Stdin = NewFile(0, "/dev/stdin")
	// Stdout is the process's standard output (file descriptor 1).
	Stdout = NewFile(1, "/dev/stdout")
	// Stderr is the process's standard error (file descriptor 2).
	Stderr = NewFile(2, "/dev/stderr")
)

// NewFile returns a *File for the open descriptor fd, or nil if fd is negative.
func NewFile(fd uintptr, name string) *File {
	if int(fd) < 0 {
		return nil
	}
	return &File{fd: int(fd), name: name}
}

// Pipe returns a connected pair of files: what is written to w is read from r.
//
// A Read waiting for data hands its P to another thread: the other
// goroutines run on.
func Pipe() (r *File, w *File, err error) {
	rfd, wfd, e := sysPipe()
	if e != 0 {
		return nil, nil, NewSyscallError("pipe2", Errno(e))
	}
	return NewFile(uintptr(rfd), "|0"), NewFile(uintptr(wfd), "|1"), nil
}

// Open opens the named file for reading; the error is a *PathError.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create creates or truncates the named file (mode 0666 before umask) and opens it for reading and writing.
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// OpenFile opens the named file with flag (O_RDONLY etc.), creating it with perm (before umask) when O_CREATE is set.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, e := sysOpen(name, flag, syscallMode(perm))
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: Errno(e)}
	}
	return &File{fd: fd, name: name, appendMode: flag&O_APPEND != 0}, nil
}

// Name returns the name the file was opened with.
func (f *File) Name() string { return f.name }

// Fd returns the file's descriptor number, or ^uintptr(0) once it is closed.
func (f *File) Fd() uintptr {
	if f == nil || f.closed {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

// check gives the error of an operation op on a nil or closed file.
func (f *File) check(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

func (f *File) wrap(op string, errno int) error {
	if errno == 0 {
		return nil
	}
	return &PathError{Op: op, Path: f.name, Err: Errno(errno)}
}

// Close closes the file; a second Close gives "close NAME: file already closed".
func (f *File) Close() error {
	if err := f.check("close"); err != nil {
		return err
	}
	f.closed = true
	f.dir = nil
	return f.wrap("close", sysClose(f.fd))
}

// Write writes the bytes of b to the file and returns how many were written.
//
// A nil *File gives ErrInvalid.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil || f.closed { // the check inlined: fmt.Println comes here
		return 0, f.check("write")
	}
	n, errno := sysWrite(f.fd, b)
	return n, f.wrap("write", errno)
}

// WriteString is like Write but writes the bytes of s.
func (f *File) WriteString(s string) (n int, err error) {
	if f == nil || f.closed { // the check inlined: fmt.Println comes here
		return 0, f.check("write")
	}
	n, errno := sysWriteString(f.fd, s)
	return n, f.wrap("write", errno)
}

// Read fills b with up to len(b) bytes from the file; at the end of the file it returns 0, io.EOF.
//
// A read that waits (a terminal, a pipe) hands its P to another thread (see os.c).
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil || f.closed { // the check inlined: fmt.Println comes here
		return 0, f.check("read")
	}
	if len(b) == 0 {
		return 0, nil
	}
	for simMode && !sysReadable(f.fd) {
		time.Sleep(time.Millisecond) // virtual time: lets the writer run
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

// ReadAt reads len(b) bytes at offset off, not moving the file offset; fewer bytes come with an error (io.EOF at the end).
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.check("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, errno := sysPread(f.fd, b, off)
		if errno != 0 {
			err = f.wrap("read", errno)
			break
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, err
}

// WriteAt writes b at offset off, not moving the file offset; a file opened with O_APPEND gives an error.
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.check("write"); err != nil {
		return 0, err
	}
	if f.appendMode {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	n, errno := sysPwrite(f.fd, b, off)
	return n, f.wrap("write", errno)
}

// ReadFrom copies r into the file until EOF (it makes *File an io.ReaderFrom, as in Go).
func (f *File) ReadFrom(r io.Reader) (n int64, err error) {
	if err := f.check("write"); err != nil {
		return 0, err
	}
	return io.Copy(fileWithoutReadFrom{f}, r)
}

// WriteTo copies the file into w until EOF (io.WriterTo).
func (f *File) WriteTo(w io.Writer) (n int64, err error) {
	if err := f.check("read"); err != nil {
		return 0, err
	}
	return io.Copy(w, fileWithoutWriteTo{f})
}

// These hide ReadFrom and WriteTo from io.Copy, which would call them back.
type fileWithoutReadFrom struct{ f *File }

func (w fileWithoutReadFrom) Write(b []byte) (int, error) { return w.f.Write(b) }

type fileWithoutWriteTo struct{ f *File }

func (r fileWithoutWriteTo) Read(b []byte) (int, error) { return r.f.Read(b) }

// Seek sets the offset of the next Read or Write: whence 0 from the start, 1 from the current offset, 2 from the end.
//
// It returns the new offset. On a directory only Seek(0, 0) is allowed; it restarts ReadDir.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.check("seek"); err != nil {
		return 0, err
	}
	hadDir := f.dir != nil
	f.dir = nil
	r, errno := sysSeek(f.fd, offset, whence)
	if errno == 0 && hadDir && r != 0 {
		errno = int(errEISDIR)
	}
	if errno != 0 {
		return 0, f.wrap("seek", errno)
	}
	return r, nil
}

// Sync commits the file's contents to stable storage.
func (f *File) Sync() error {
	if err := f.check("sync"); err != nil {
		return err
	}
	return f.wrap("sync", sysFsync(f.fd))
}

// Truncate changes the file's size; the offset is not changed.
func (f *File) Truncate(size int64) error {
	if err := f.check("truncate"); err != nil {
		return err
	}
	return f.wrap("truncate", sysFtruncate(f.fd, size))
}

// Chmod changes the file's mode bits.
func (f *File) Chmod(mode FileMode) error {
	if err := f.check("chmod"); err != nil {
		return err
	}
	return f.wrap("chmod", sysFchmod(f.fd, syscallMode(mode)))
}

// Chdir makes the file, a directory, the current directory.
func (f *File) Chdir() error {
	if err := f.check("chdir"); err != nil {
		return err
	}
	if e := sysChdir(f.name); e != 0 {
		return f.wrap("chdir", e)
	}
	return nil
}

// Stat returns the FileInfo of the open file.
func (f *File) Stat() (FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	if f.closed {
		return nil, &PathError{Op: "stat", Path: f.name, Err: ErrClosed}
	}
	size, mode, sec, nsec, dev, ino, e := sysFstat(f.fd)
	if e != 0 {
		return nil, f.wrap("stat", e)
	}
	return newFileStat(f.name, size, mode, sec, nsec, dev, ino), nil
}

// ---- directories -----------------------------------------------------------

// readdir returns up to n (all when n <= 0) of the entries not yet read.
func (f *File) readdir(n int) (names []string, types []int, err error) {
	if f.closed {
		return nil, nil, &PathError{Op: "readdirent", Path: f.name, Err: errFileClosing}
	}
	if f.dir == nil {
		names, types, e := sysReadDir(f.fd)
		if e != 0 {
			return nil, nil, f.wrap("readdirent", e)
		}
		f.dir = &dirBuf{names, types}
	}
	d := f.dir
	if n <= 0 || n > len(d.names) {
		n = len(d.names)
	}
	names, types = d.names[:n], d.types[:n]
	d.names, d.types = d.names[n:], d.types[n:]
	return names, types, nil
}

// ReadDir reads the directory's next n entries (all remaining when n <= 0), in directory order.
//
// With n > 0 and none left it returns io.EOF.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	names, types, err := f.readdir(n)
	list := []DirEntry{}
	for i, name := range names {
		d, e := newDirEntry(f.name, name, types[i])
		if e != nil {
			if IsNotExist(e) {
				continue // removed meanwhile, as Go skips it
			}
			return list, e
		}
		list = append(list, d)
	}
	if err == nil && n > 0 && len(list) == 0 {
		err = io.EOF
	}
	return list, err
}

// Readdir is as ReadDir but returns FileInfos (from Lstat).
func (f *File) Readdir(n int) ([]FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	names, _, err := f.readdir(n)
	list := []FileInfo{}
	for _, name := range names {
		info, e := Lstat(f.name + "/" + name)
		if IsNotExist(e) {
			continue
		}
		if e != nil {
			return list, e
		}
		list = append(list, info)
	}
	if err == nil && n > 0 && len(list) == 0 {
		err = io.EOF
	}
	return list, err
}

// Readdirnames is as ReadDir but returns only the names.
func (f *File) Readdirnames(n int) (names []string, err error) {
	if f == nil {
		return nil, ErrInvalid
	}
	names, _, err = f.readdir(n)
	if names == nil {
		names = []string{}
	}
	if err == nil && n > 0 && len(names) == 0 {
		err = io.EOF
	}
	return names, err
}

// dirEntry is the DirEntry of os's directory reads.
type dirEntry struct {
	parent string
	name   string
	typ    FileMode
}

func (d *dirEntry) Name() string     { return d.name }
func (d *dirEntry) IsDir() bool      { return d.typ.IsDir() }
func (d *dirEntry) Type() FileMode   { return d.typ }
func (d *dirEntry) String() string   { return fs.FormatDirEntry(d) }

// Info returns the entry's FileInfo, read now with Lstat.
func (d *dirEntry) Info() (FileInfo, error) { return Lstat(d.parent + "/" + d.name) }

// newDirEntry makes the entry from the directory's type bits, or from
// Lstat when the file system did not tell the type.
func newDirEntry(parent, name string, typ int) (DirEntry, error) {
	if typ >= 0 {
		return &dirEntry{parent, name, modeFromSys(uint32(typ)).Type()}, nil
	}
	info, err := Lstat(parent + "/" + name)
	if err != nil {
		return nil, err
	}
	return fs.FileInfoToDirEntry(info), nil
}

// ReadDir reads the named directory and returns its entries sorted by name.
func ReadDir(name string) ([]DirEntry, error) {
	fd, e := sysOpen(name, O_RDONLY|0x10000, 0) // O_DIRECTORY, as Go's openDir
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: Errno(e)}
	}
	f := &File{fd: fd, name: name}
	defer f.Close()
	dirs, err := f.ReadDir(-1)
	sort.Slice(dirs, func(i, j int) bool { return dirs[i].Name() < dirs[j].Name() })
	return dirs, err
}

// ---- file information ------------------------------------------------------

// fileStat is the FileInfo of Stat, Lstat and File.Stat.
type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
	dev     uint64
	ino     uint64
}

func (st *fileStat) Name() string       { return st.name }
func (st *fileStat) Size() int64        { return st.size }
func (st *fileStat) Mode() FileMode     { return st.mode }
func (st *fileStat) ModTime() time.Time { return st.modTime }
func (st *fileStat) IsDir() bool        { return st.mode.IsDir() }

// Sys returns nil: csp has no syscall.Stat_t.
func (st *fileStat) Sys() any { return nil }

// modeFromSys turns st_mode into a FileMode, as Go does on Linux.
func modeFromSys(m uint32) FileMode {
	mode := FileMode(m & 0o777)
	switch m & 0o170000 {
	case 0o060000:
		mode |= ModeDevice
	case 0o020000:
		mode |= ModeDevice | ModeCharDevice
	case 0o040000:
		mode |= ModeDir
	case 0o010000:
		mode |= ModeNamedPipe
	case 0o120000:
		mode |= ModeSymlink
	case 0o140000:
		mode |= ModeSocket
	}
	if m&0o2000 != 0 {
		mode |= ModeSetgid
	}
	if m&0o4000 != 0 {
		mode |= ModeSetuid
	}
	if m&0o1000 != 0 {
		mode |= ModeSticky
	}
	return mode
}

// basename is the last element of name, trailing slashes removed ("/" for all slashes, "." for "").
func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	if name == "" {
		return "."
	}
	return name
}

func newFileStat(name string, size int64, mode uint32, sec, nsec int64, dev, ino uint64) *fileStat {
	return &fileStat{basename(name), size, modeFromSys(mode), time.Unix(sec, nsec), dev, ino}
}

func stat(op, name string, follow bool) (FileInfo, error) {
	size, mode, sec, nsec, dev, ino, e := sysStat(name, follow)
	if e != 0 {
		return nil, &PathError{Op: op, Path: name, Err: Errno(e)}
	}
	return newFileStat(name, size, mode, sec, nsec, dev, ino), nil
}

// Stat returns a FileInfo describing the named file, following symbolic links.
func Stat(name string) (FileInfo, error) { return stat("stat", name, true) }

// Lstat is Stat, but a symbolic link is described, not followed.
func Lstat(name string) (FileInfo, error) { return stat("lstat", name, false) }

// SameFile reports whether fi1 and fi2 describe the same file (both from this package's Stat).
func SameFile(fi1, fi2 FileInfo) bool {
	a, ok1 := fi1.(*fileStat)
	b, ok2 := fi2.(*fileStat)
	return ok1 && ok2 && a.dev == b.dev && a.ino == b.ino
}

// ---- whole files and paths -----------------------------------------------

// ReadFile returns the named file's whole contents.
//
// Reaching the end of the file is not an error.
func ReadFile(name string) ([]byte, error) {
	data, errno, readErr := sysReadFile(name)
	if errno != 0 {
		op := "open"
		if readErr {
			op = "read"
		}
		return nil, &PathError{Op: op, Path: name, Err: Errno(errno)}
	}
	return data, nil
}

// WriteFile replaces the named file's contents by data, creating the file with perm (before umask) if missing.
func WriteFile(name string, data []byte, perm FileMode) error {
	errno, op := sysWriteFile(name, data, syscallMode(perm))
	if errno != 0 {
		return &PathError{Op: [...]string{"open", "write", "close"}[op], Path: name, Err: Errno(errno)}
	}
	return nil
}

// Truncate changes the named file's size.
func Truncate(name string, size int64) error {
	if e := sysTruncate(name, size); e != 0 {
		return &PathError{Op: "truncate", Path: name, Err: Errno(e)}
	}
	return nil
}

// Chmod changes the named file's mode bits (following a symbolic link).
func Chmod(name string, mode FileMode) error {
	if e := sysChmod(name, syscallMode(mode)); e != 0 {
		return &PathError{Op: "chmod", Path: name, Err: Errno(e)}
	}
	return nil
}

// Symlink creates newname as a symbolic link to oldname; the error is a *LinkError.
func Symlink(oldname, newname string) error {
	if e := sysSymlink(oldname, newname); e != 0 {
		return &LinkError{"symlink", oldname, newname, Errno(e)}
	}
	return nil
}

// Link creates newname as a hard link to oldname; the error is a *LinkError.
func Link(oldname, newname string) error {
	if e := sysLink(oldname, newname); e != 0 {
		return &LinkError{"link", oldname, newname, Errno(e)}
	}
	return nil
}

// Readlink returns the destination of the named symbolic link.
func Readlink(name string) (string, error) {
	s, e := sysReadlink(name)
	if e != 0 {
		return "", &PathError{Op: "readlink", Path: name, Err: Errno(e)}
	}
	return s, nil
}

// MkdirAll creates the directory path and any missing parents, with perm (before umask); nil if path is already a directory.
func MkdirAll(path string, perm FileMode) error {
	dir, err := Stat(path)
	if err == nil {
		if dir.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: errENOTDIR}
	}
	i := len(path)
	for i > 0 && path[i-1] == '/' { // skip trailing separators
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' { // scan back over the last element
		j--
	}
	if j > 1 {
		if err := MkdirAll(path[:j-1], perm); err != nil {
			return err
		}
	}
	err = Mkdir(path, perm)
	if err != nil {
		// A racing creator, or a trailing "." or "..": fine if it is a directory now.
		dir, err1 := Lstat(path)
		if err1 == nil && dir.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// RemoveAll removes path and everything it contains; a missing path is not an error.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if path == "." || path == ".." || hasSuffix(path, "/.") || hasSuffix(path, "/..") {
		return &PathError{Op: "RemoveAll", Path: path, Err: errEINVAL}
	}
	err := Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	info, serr := Lstat(path)
	if serr != nil {
		if IsNotExist(serr) {
			return nil
		}
		return serr
	}
	if !info.IsDir() {
		return err
	}
	for {
		f, err := Open(path)
		if err != nil {
			if IsNotExist(err) {
				return nil
			}
			return err
		}
		names, err := f.Readdirnames(1024)
		f.Close()
		for _, name := range names {
			if err := RemoveAll(path + "/" + name); err != nil {
				return err
			}
		}
		if err == io.EOF || len(names) < 1024 {
			break
		}
		if err != nil {
			return err
		}
	}
	err = Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	return err
}

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// TempDir returns $TMPDIR, or "/tmp" when it is empty.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

// UserHomeDir returns $HOME; an error if it is not set.
func UserHomeDir() (string, error) {
	if v := Getenv("HOME"); v != "" {
		return v, nil
	}
	return "", errors.New("$HOME is not defined")
}

// UserCacheDir returns the directory for user-specific cached data:
// $XDG_CACHE_HOME if set (it must be absolute), else $HOME/.cache.
func UserCacheDir() (string, error) { return xdgDir("XDG_CACHE_HOME", "/.cache") }

// UserConfigDir returns the directory for user-specific configuration:
// $XDG_CONFIG_HOME if set (it must be absolute), else $HOME/.config.
func UserConfigDir() (string, error) { return xdgDir("XDG_CONFIG_HOME", "/.config") }

func xdgDir(env, underHome string) (string, error) {
	dir := Getenv(env)
	if dir == "" {
		home := Getenv("HOME")
		if home == "" {
			return "", errors.New("neither $" + env + " nor $HOME are defined")
		}
		return home + underHome, nil
	}
	if dir[0] != '/' {
		return "", errors.New("path in $" + env + " is relative")
	}
	return dir, nil
}

// Executable returns the path of the running program: here, the csp interpreter.
func Executable() (string, error) {
	s, e := sysExecutable()
	if e != 0 {
		return "", &PathError{Op: "readlink", Path: "/proc/self/exe", Err: Errno(e)}
	}
	return s, nil
}

func nextRandom() string {
	u := sysRandom()
	var buf [10]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	return string(buf[i:])
}

// prefixAndSuffix splits pattern at its last '*'.
func prefixAndSuffix(pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '/' {
			return "", "", errPatternHasSeparator
		}
	}
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:], nil
		}
	}
	return pattern, "", nil
}

func joinPath(dir, name string) string {
	if len(dir) > 0 && dir[len(dir)-1] == '/' {
		return dir + name
	}
	return dir + "/" + name
}

// CreateTemp creates and opens (read-write, mode 0600) a new file in dir (TempDir() when "") named by pattern, its last '*' replaced by a random number (appended when there is none).
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return nil, &PathError{Op: "createtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	for try := 0; ; try++ {
		f, err := OpenFile(prefix+nextRandom()+suffix, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) {
			if try < 10000 {
				continue
			}
			return nil, &PathError{Op: "createtemp", Path: prefix + "*" + suffix, Err: ErrExist}
		}
		return f, err
	}
}

// MkdirTemp creates a new directory (mode 0700) in dir (TempDir() when "") named by pattern as CreateTemp, and returns its name.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return "", &PathError{Op: "mkdirtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if IsExist(err) {
			if try < 10000 {
				continue
			}
			return "", &PathError{Op: "mkdirtemp", Path: prefix + "*" + suffix, Err: ErrExist}
		}
		if IsNotExist(err) {
			if _, err := Stat(dir); IsNotExist(err) {
				return "", err
			}
		}
		return "", err
	}
}

// ---- DirFS -----------------------------------------------------------------

// DirFS returns the file system (an fs.FS) of the tree rooted at dir.
//
// It implements fs.StatFS, fs.ReadFileFS and fs.ReadDirFS; errors name the
// path given to the method, not the full one.
func DirFS(dir string) fs.FS { return dirFS(dir) }

type dirFS string

// join returns the path for name in dir.
func (dir dirFS) join(name string) (string, error) {
	if dir == "" {
		return "", errors.New("os: DirFS with empty root")
	}
	if !fs.ValidPath(name) {
		return "", ErrInvalid
	}
	for i := 0; i < len(name); i++ {
		if name[i] == 0 {
			return "", ErrInvalid
		}
	}
	if dir[len(dir)-1] == '/' {
		return string(dir) + name, nil
	}
	return string(dir) + "/" + name, nil
}

// renamed gives err's *PathError the name the caller used.
func renamed(err error, name string) error {
	if e, ok := err.(*PathError); ok {
		e.Path = name
	}
	return err
}

// Open opens name, a slash-separated path relative to the root.
func (dir dirFS) Open(name string) (fs.File, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "open", Path: name, Err: err}
	}
	f, err := Open(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return f, nil
}

// ReadFile reads the named file whole.
func (dir dirFS) ReadFile(name string) ([]byte, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "readfile", Path: name, Err: err}
	}
	b, err := ReadFile(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return b, nil
}

// ReadDir reads the named directory, its entries sorted by name.
func (dir dirFS) ReadDir(name string) ([]DirEntry, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "readdir", Path: name, Err: err}
	}
	entries, err := ReadDir(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return entries, nil
}

// Stat describes the named file.
func (dir dirFS) Stat(name string) (fs.FileInfo, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	f, err := Stat(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return f, nil
}

// ---- processes and signals -----------------------------------------------

// A Signal is an operating system signal; on Unix, a syscall.Signal.
type Signal interface {
	String() string
	Signal() // to tell it from other Stringers
}

// The signals every system has.
var (
	// Interrupt is SIGINT (Ctrl-C).
	Interrupt Signal = syscall.SIGINT
	// Kill is SIGKILL.
	Kill Signal = syscall.SIGKILL
)

// A Process is a process started by StartProcess (os/exec) or found by FindProcess.
type Process struct {
	// Pid is the process id.
	Pid  int
	// waited for: its pid may be reused. Atomic, as Go's process state:
	// CommandContext's goroutine may Signal while Wait sets it.
	done atomic.Bool
}

// FindProcess returns the process pid; on Unix it always succeeds.
func FindProcess(pid int) (*Process, error) { return &Process{Pid: pid}, nil }

// Signal sends sig to the process; ErrProcessDone once it has been waited for or has exited.
func (p *Process) Signal(sig Signal) error {
	if p == nil {
		return errors.New("os: process not initialized")
	}
	if p.Pid == -1 {
		return errors.New("os: process already released")
	}
	if p.Pid == 0 {
		return errors.New("os: process not initialized")
	}
	if p.done.Load() {
		return ErrProcessDone
	}
	s, ok := sig.(syscall.Signal)
	if !ok {
		return errors.New("os: unsupported signal type")
	}
	if err := syscall.Kill(p.Pid, s); err != nil {
		if err == syscall.ESRCH {
			return ErrProcessDone
		}
		return NewSyscallError("kill", err)
	}
	return nil
}

// Kill makes the process exit at once (SIGKILL).
func (p *Process) Kill() error { return p.Signal(Kill) }

// Release gives up the process value; it cannot be used afterwards.
func (p *Process) Release() error {
	p.Pid = -1
	return nil
}

// ProcAttr holds what StartProcess gives the new process.
type ProcAttr struct {
	// Dir is the new process's working directory ("" for the caller's).
	Dir string
	// Env is its environment (nil: the caller's).
	Env []string
	// Files are its descriptors 0, 1, 2 …; nil entries are closed.
	Files []*File
	// Sys is not used by csp.
	Sys any
}

func sysStartProcess(path string, argv, envv []string, dir string, fds []int) (pid int, errno int)
func sysWait(pid int, block bool) (status uint32, done bool, errno int)
func simulated() bool
func sysReadable(fd int) bool

// simMode: -seed / csp explore, where every goroutine shares one thread
// that a blocking read would stop; reads there poll instead (File.Read).
var simMode = simulated()

// StartProcess starts the program name with arguments argv (argv[0] is the
// name it sees) as described by attr. Most programs want os/exec instead.
func StartProcess(name string, argv []string, attr *ProcAttr) (*Process, error) {
	if attr.Dir != "" {
		if _, err := Stat(attr.Dir); err != nil {
			pe := err.(*PathError)
			pe.Op = "chdir"
			return nil, pe
		}
	}
	env := attr.Env
	if env == nil {
		env = Environ()
	}
	fds := make([]int, len(attr.Files))
	for i, f := range attr.Files {
		fds[i] = -1
		if f != nil && !f.closed {
			fds[i] = f.fd
		}
	}
	pid, e := sysStartProcess(name, argv, env, attr.Dir, fds)
	if e != 0 {
		return nil, &PathError{Op: "fork/exec", Path: name, Err: Errno(e)}
	}
	return &Process{Pid: pid}, nil
}

// Wait waits for the process to end and returns its state. The thread
// waits without a P: the other goroutines run on.
func (p *Process) Wait() (*ProcessState, error) {
	if p.Pid == -1 {
		return nil, syscall.EINVAL
	}
	if p.done.Load() {
		return nil, NewSyscallError("wait", syscall.ECHILD)
	}
	// Under -seed / csp explore every goroutine shares one thread, which
	// waitpid would stop (a child fed by a goroutine of this program would
	// never end): there Wait polls, sleeping in virtual time between polls.
	status, done, e := sysWait(p.Pid, !simMode)
	for e == 0 && !done {
		time.Sleep(time.Millisecond)
		status, done, e = sysWait(p.Pid, false)
	}
	if e != 0 {
		return nil, NewSyscallError("wait", Errno(e))
	}
	p.done.Store(true)
	return &ProcessState{pid: p.Pid, status: syscall.WaitStatus(status)}, nil
}

// A ProcessState is how a process ended, as Wait reports it.
type ProcessState struct {
	pid    int
	status syscall.WaitStatus
}

// Pid returns the process id.
func (p *ProcessState) Pid() int { return p.pid }

// Exited reports whether the process exited (rather than being killed by a signal).
func (p *ProcessState) Exited() bool { return p.status.Exited() }

// Success reports whether the process exited with status 0.
func (p *ProcessState) Success() bool { return p.status.ExitStatus() == 0 }

// ExitCode returns the exit status, or -1 if a signal ended the process (or p is nil).
func (p *ProcessState) ExitCode() int {
	if p == nil {
		return -1
	}
	return p.status.ExitStatus()
}

// Sys returns the syscall.WaitStatus.
func (p *ProcessState) Sys() any { return p.status }

// String describes the end: "exit status 3", "signal: killed".
func (p *ProcessState) String() string {
	if p == nil {
		return "<nil>"
	}
	status := p.status
	res := ""
	switch {
	case status.Exited():
		res = "exit status " + itoa(status.ExitStatus())
	case status.Signaled():
		res = "signal: " + status.Signal().String()
	case status.Stopped():
		res = "stop signal: " + status.StopSignal().String()
	case status.Continued():
		res = "continued"
	}
	if status.CoreDump() {
		res += " (core dumped)"
	}
	return res
}

func itoa(v int) string {
	if v < 0 {
		return "-" + itoa(-v)
	}
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(buf[i:])
		}
	}
}

// ---- expanding $VARIABLES ------------------------------------------------

// Expand replaces ${var} and $var in s by mapping(var); $$ and $1 … are
// single-character names, as the shell's special variables; "${}" and an
// unclosed "${" are dropped.
func Expand(s string, mapping func(string) string) string {
	var buf []byte
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '$' && j+1 < len(s) {
			if buf == nil {
				buf = make([]byte, 0, 2*len(s))
			}
			buf = append(buf, s[i:j]...)
			name, w := shellName(s[j+1:])
			switch {
			case name == "" && w > 0: // bad syntax: eaten
			case name == "":
				buf = append(buf, s[j]) // a lone '$' stays
			default:
				buf = append(buf, mapping(name)...)
			}
			j += w
			i = j + 1
		}
	}
	if buf == nil {
		return s
	}
	return string(buf) + s[i:]
}

// ExpandEnv is Expand with the environment: unset variables become "".
func ExpandEnv(s string) string { return Expand(s, Getenv) }

func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// shellName returns the variable name after a '$' and the bytes it takes.
func shellName(s string) (string, int) {
	if s[0] == '{' {
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2 // "${}"
				}
				return s[1:i], i + 1
			}
		}
		return "", 1 // "${" unclosed
	}
	if isShellSpecialVar(s[0]) {
		return s[0:1], 1
	}
	i := 0
	for i < len(s) && isAlphaNum(s[i]) {
		i++
	}
	return s[:i], i
}

func sysChtimes(name string, asec, ansec, msec, mnsec int64) int
func sysChown(name string, uid, gid int, follow bool) int

// Chtimes sets the named file's access and modification times; a zero time.Time leaves that time unchanged.
func Chtimes(name string, atime time.Time, mtime time.Time) error {
	as, an := int64(0), int64(-1) // -1: UTIME_OMIT
	ms, mn := int64(0), int64(-1)
	if !atime.IsZero() {
		as, an = atime.Unix(), int64(atime.Nanosecond())
	}
	if !mtime.IsZero() {
		ms, mn = mtime.Unix(), int64(mtime.Nanosecond())
	}
	if e := sysChtimes(name, as, an, ms, mn); e != 0 {
		return &PathError{Op: "chtimes", Path: name, Err: Errno(e)}
	}
	return nil
}

// Chown changes the named file's owner and group (-1 keeps one), following a symbolic link.
func Chown(name string, uid, gid int) error {
	if e := sysChown(name, uid, gid, true); e != 0 {
		return &PathError{Op: "chown", Path: name, Err: Errno(e)}
	}
	return nil
}

// Lchown is Chown on a symbolic link itself.
func Lchown(name string, uid, gid int) error {
	if e := sysChown(name, uid, gid, false); e != 0 {
		return &PathError{Op: "lchown", Path: name, Err: Errno(e)}
	}
	return nil
}
