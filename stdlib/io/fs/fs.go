// Package fs defines the basic interfaces of a file system: FS, File,
// FileInfo, DirEntry and FileMode, the portable errors (ErrNotExist …) and
// PathError, which package os shares.
//
// Package io/fs — csp's standard library, pure Go. The walk helpers
// (WalkDir, ReadDir, ReadFile, Stat) work over any FS value; package os
// provides the real file system.
package fs

import (
	"errors"
	"io"
	"path"
	"sort"
	"time"
	"unicode/utf8"
)

// Generic file system errors; test for them with errors.Is.
var (
	// ErrInvalid means an invalid argument.
	ErrInvalid = errors.New("invalid argument")
	// ErrPermission means permission was denied.
	ErrPermission = errors.New("permission denied")
	// ErrExist means the file already exists.
	ErrExist = errors.New("file already exists")
	// ErrNotExist means the file does not exist.
	ErrNotExist = errors.New("file does not exist")
	// ErrClosed means the file has already been closed.
	ErrClosed = errors.New("file already closed")
)

// SkipDir, returned by a WalkDirFunc, skips the directory it was called on.
var SkipDir = errors.New("skip this directory")

// SkipAll, returned by a WalkDirFunc, stops the whole walk without error.
var SkipAll = errors.New("skip everything and stop the walk")

// A FileMode holds a file's mode and permission bits, as Go's: the type
// bits at the top, the Unix permission bits (0777) at the bottom.
type FileMode uint32

// The defined file mode bits; the most significant bit comes first.
const (
	// ModeDir marks a directory.
	ModeDir FileMode = 1 << (32 - 1 - iota)
	// ModeAppend marks an append-only file.
	ModeAppend
	// ModeExclusive marks an exclusive-use file.
	ModeExclusive
	// ModeTemporary marks a temporary file (Plan 9 only).
	ModeTemporary
	// ModeSymlink marks a symbolic link.
	ModeSymlink
	// ModeDevice marks a device file.
	ModeDevice
	// ModeNamedPipe marks a named pipe (FIFO).
	ModeNamedPipe
	// ModeSocket marks a Unix domain socket.
	ModeSocket
	// ModeSetuid marks setuid.
	ModeSetuid
	// ModeSetgid marks setgid.
	ModeSetgid
	// ModeCharDevice marks a Unix character device (with ModeDevice).
	ModeCharDevice
	// ModeSticky marks sticky.
	ModeSticky
	// ModeIrregular marks a non-regular file of unknown kind.
	ModeIrregular

	// ModeType masks the type bits.
	ModeType = ModeDir | ModeSymlink | ModeNamedPipe | ModeSocket | ModeDevice | ModeCharDevice | ModeIrregular

	// ModePerm masks the Unix permission bits.
	ModePerm FileMode = 0777
)

// String returns the mode as ls prints it, such as "drwxr-xr-x" or "-rw-r--r--".
func (m FileMode) String() string {
	const str = "dalTLDpSugct?"
	var buf [32]byte
	w := 0
	for i, c := range str {
		if m&(1<<uint(32-1-i)) != 0 {
			buf[w] = byte(c)
			w++
		}
	}
	if w == 0 {
		buf[w] = '-'
		w++
	}
	const rwx = "rwxrwxrwx"
	for i, c := range rwx {
		if m&(1<<uint(9-1-i)) != 0 {
			buf[w] = byte(c)
		} else {
			buf[w] = '-'
		}
		w++
	}
	return string(buf[:w])
}

// IsDir reports whether m describes a directory.
func (m FileMode) IsDir() bool { return m&ModeDir != 0 }

// IsRegular reports whether m describes a regular file (no type bit set).
func (m FileMode) IsRegular() bool { return m&ModeType == 0 }

// Perm returns the Unix permission bits of m.
func (m FileMode) Perm() FileMode { return m & ModePerm }

// Type returns the type bits of m.
func (m FileMode) Type() FileMode { return m & ModeType }

// A FileInfo describes a file, as Stat returns it.
type FileInfo interface {
	Name() string       // base name of the file
	Size() int64        // length in bytes for regular files
	Mode() FileMode     // file mode bits
	ModTime() time.Time // modification time
	IsDir() bool        // Mode().IsDir()
	Sys() any           // underlying data source (can be nil)
}

// A DirEntry is an entry read from a directory.
type DirEntry interface {
	Name() string
	IsDir() bool
	Type() FileMode
	Info() (FileInfo, error)
}

// A PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

// Error returns "op path: err".
func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *PathError) Unwrap() error { return e.Err }

// Timeout reports whether the underlying error is a timeout.
func (e *PathError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// An FS gives access to a hierarchical file system.
type FS interface {
	// Open opens the named file; names are slash-separated and unrooted (ValidPath).
	Open(name string) (File, error)
}

// A File is an open file of an FS.
type File interface {
	Stat() (FileInfo, error)
	Read([]byte) (int, error)
	Close() error
}

// A ReadDirFile is a directory file whose entries can be read with ReadDir.
type ReadDirFile interface {
	File
	ReadDir(n int) ([]DirEntry, error)
}

// A ReadDirFS is an FS with its own ReadDir.
type ReadDirFS interface {
	FS
	ReadDir(name string) ([]DirEntry, error)
}

// A ReadFileFS is an FS with its own ReadFile.
type ReadFileFS interface {
	FS
	ReadFile(name string) ([]byte, error)
}

// A StatFS is an FS with its own Stat.
type StatFS interface {
	FS
	Stat(name string) (FileInfo, error)
}

// ValidPath reports whether name is a valid path for Open: slash-separated,
// unrooted, with no empty, "." or ".." element (except the name "." itself).
func ValidPath(name string) bool {
	if !utf8.ValidString(name) {
		return false
	}
	if name == "." {
		return true
	}
	for {
		i := 0
		for i < len(name) && name[i] != '/' {
			i++
		}
		elem := name[:i]
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
		if i == len(name) {
			return true
		}
		name = name[i+1:]
	}
}

// ReadFile reads the named file of fsys whole, through fsys.ReadFile when it has one.
func ReadFile(fsys FS, name string) ([]byte, error) {
	if fsys, ok := fsys.(ReadFileFS); ok {
		return fsys.ReadFile(name)
	}
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var data []byte
	buf := make([]byte, 512)
	for {
		n, err := file.Read(buf)
		data = append(data, buf[:n]...)
		if err != nil {
			if err == io.EOF {
				return data, nil
			}
			return data, err
		}
	}
}

// ReadDir reads the named directory of fsys and returns its entries sorted by name.
func ReadDir(fsys FS, name string) ([]DirEntry, error) {
	if fsys, ok := fsys.(ReadDirFS); ok {
		return fsys.ReadDir(name)
	}
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	dir, ok := file.(ReadDirFile)
	if !ok {
		return nil, &PathError{Op: "readdir", Path: name, Err: errors.New("not implemented")}
	}
	list, err := dir.ReadDir(-1)
	sort.Slice(list, func(i, j int) bool { return list[i].Name() < list[j].Name() })
	return list, err
}

// Stat returns a FileInfo for the named file of fsys.
func Stat(fsys FS, name string) (FileInfo, error) {
	if fsys, ok := fsys.(StatFS); ok {
		return fsys.Stat(name)
	}
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return file.Stat()
}

// WalkDirFunc is the function WalkDir calls for each file or directory.
type WalkDirFunc func(path string, d DirEntry, err error) error

type statDirEntry struct{ info FileInfo }

func (d *statDirEntry) Name() string               { return d.info.Name() }
func (d *statDirEntry) IsDir() bool                { return d.info.IsDir() }
func (d *statDirEntry) Type() FileMode             { return d.info.Mode().Type() }
func (d *statDirEntry) Info() (FileInfo, error)    { return d.info, nil }
func (d *statDirEntry) String() string             { return FormatDirEntry(d) }

// FileInfoToDirEntry returns a DirEntry that reports from info, or nil for a nil info.
func FileInfoToDirEntry(info FileInfo) DirEntry {
	if info == nil {
		return nil
	}
	return &statDirEntry{info: info}
}

func joinPath(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

func walkDir(fsys FS, name string, d DirEntry, fn WalkDirFunc) error {
	if err := fn(name, d, nil); err != nil || !d.IsDir() {
		if err == SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	dirs, err := ReadDir(fsys, name)
	if err != nil {
		err = fn(name, d, err)
		if err != nil {
			if err == SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	for _, d1 := range dirs {
		if err := walkDir(fsys, joinPath(name, d1.Name()), d1, fn); err != nil {
			if err == SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// WalkDir walks the tree of fsys rooted at root in lexical order, calling fn
// for each file and directory. SkipDir skips a directory, SkipAll ends the walk.
func WalkDir(fsys FS, root string, fn WalkDirFunc) error {
	info, err := Stat(fsys, root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(fsys, root, FileInfoToDirEntry(info), fn)
	}
	if err == SkipDir || err == SkipAll {
		return nil
	}
	return err
}

// A GlobFS is an FS with its own Glob.
type GlobFS interface {
	FS
	Glob(pattern string) ([]string, error)
}

// Glob returns the names of the files of fsys matching pattern (path.Match's
// syntax, each element matched against a directory's entries), or nil when
// there are none. I/O errors are ignored; the only error is
// path.ErrBadPattern.
func Glob(fsys FS, pattern string) (matches []string, err error) {
	return globDepth(fsys, pattern, 0)
}

func globDepth(fsys FS, pattern string, depth int) (matches []string, err error) {
	if depth > 10000 { // a pattern of that many separators: refuse, as Go
		return nil, path.ErrBadPattern
	}
	if fsys, ok := fsys.(GlobFS); ok {
		return fsys.Glob(pattern)
	}
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err = Stat(fsys, pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, file := path.Split(pattern)
	if dir == "" {
		dir = "."
	} else {
		dir = dir[:len(dir)-1]
	}
	if !hasMeta(dir) {
		return glob(fsys, dir, file, nil)
	}
	if dir == pattern {
		return nil, path.ErrBadPattern
	}
	m, err := globDepth(fsys, dir, depth+1)
	if err != nil {
		return nil, err
	}
	for _, d := range m {
		matches, err = glob(fsys, d, file, matches)
		if err != nil {
			return
		}
	}
	return
}

// glob appends to matches the entries of dir matching pattern.
func glob(fsys FS, dir, pattern string, matches []string) (m []string, e error) {
	m = matches
	infos, err := ReadDir(fsys, dir)
	if err != nil {
		return
	}
	for _, info := range infos {
		n := info.Name()
		matched, err := path.Match(pattern, n)
		if err != nil {
			return m, err
		}
		if matched {
			m = append(m, path.Join(dir, n))
		}
	}
	return
}

func hasMeta(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '*', '?', '[', '\\':
			return true
		}
	}
	return false
}

// FormatFileInfo returns info in a human-readable form, as
// "-rw-r--r-- 100 1970-01-01 12:00:00 hello.go".
func FormatFileInfo(info FileInfo) string {
	name := info.Name()
	b := make([]byte, 0, 40+len(name))
	b = append(b, info.Mode().String()...)
	b = append(b, ' ')
	size := info.Size()
	var usize uint64
	if size >= 0 {
		usize = uint64(size)
	} else {
		b = append(b, '-')
		usize = uint64(-size)
	}
	var buf [20]byte
	i := len(buf) - 1
	for usize >= 10 {
		q := usize / 10
		buf[i] = byte('0' + usize - q*10)
		i--
		usize = q
	}
	buf[i] = byte('0' + usize)
	b = append(b, buf[i:]...)
	b = append(b, ' ')
	b = append(b, info.ModTime().Format(time.DateTime)...)
	b = append(b, ' ')
	b = append(b, name...)
	if info.IsDir() {
		b = append(b, '/')
	}
	return string(b)
}

// FormatDirEntry returns dir in a human-readable form, as "d subdir/" or "- hello.go".
func FormatDirEntry(dir DirEntry) string {
	name := dir.Name()
	b := make([]byte, 0, 5+len(name))
	mode := dir.Type().String()
	mode = mode[:len(mode)-9]
	b = append(b, mode...)
	b = append(b, ' ')
	b = append(b, name...)
	if dir.IsDir() {
		b = append(b, '/')
	}
	return string(b)
}
