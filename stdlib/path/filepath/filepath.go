// Package filepath manipulates file name paths of the host system (Unix: '/'-separated); see also package path.
//
// Package path/filepath — csp's standard library, pure csp. On Unix a file
// path is a slash path, so the lexical functions are package path's;
// Abs asks os for the working directory; Walk, WalkDir, Glob and
// EvalSymlinks read the file system through os.
package filepath

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"syscall"
)

const (
	// Separator is the OS-specific path separator: '/'.
	Separator = '/'
	// ListSeparator separates the paths of a list such as $PATH: ':'.
	ListSeparator = ':'
)

// ErrBadPattern indicates a pattern was malformed.
var ErrBadPattern = path.ErrBadPattern

// Clean returns the shortest path equivalent to path by purely lexical processing (see path.Clean).
func Clean(p string) string { return path.Clean(p) }

// Join joins the non-empty elements with the separator and cleans the result; all empty gives "".
func Join(elem ...string) string { return path.Join(elem...) }

// Split splits p after its last separator into a directory and a file name.
func Split(p string) (dir, file string) { return path.Split(p) }

// Base returns the last element of p; "" gives "." and all separators "/".
func Base(p string) string { return path.Base(p) }

// Dir returns all but the last element of p, cleaned.
func Dir(p string) string { return path.Dir(p) }

// Ext returns the file name extension of p, from the final dot of its last element, or "".
func Ext(p string) string { return path.Ext(p) }

// IsAbs reports whether the path is absolute (begins with '/').
func IsAbs(p string) bool { return path.IsAbs(p) }

// VolumeName returns the leading volume name: always "" on Unix.
func VolumeName(p string) string { return "" }

// ToSlash returns p with each separator replaced by '/': p itself on Unix.
func ToSlash(p string) string { return p }

// FromSlash returns p with each '/' replaced by the separator: p itself on Unix.
func FromSlash(p string) string { return p }

// Match reports whether name matches the shell pattern (see path.Match).
func Match(pattern, name string) (matched bool, err error) { return path.Match(pattern, name) }

// SplitList splits a list of paths joined by ListSeparator, as in $PATH; "" gives an empty slice.
func SplitList(p string) []string {
	if p == "" {
		return []string{}
	}
	return strings.Split(p, string(ListSeparator))
}

// Abs returns an absolute, cleaned form of p, joined to the working directory when relative.
func Abs(p string) (string, error) {
	if IsAbs(p) {
		return Clean(p), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return Join(wd, p), nil
}

// IsLocal reports whether p is local: relative, non-empty, and not escaping its directory with "..".
func IsLocal(p string) bool {
	if IsAbs(p) || p == "" {
		return false
	}
	c := Clean(p)
	return c != ".." && !strings.HasPrefix(c, "../")
}

// Rel returns a relative path that is lexically equivalent to targpath when joined to basepath.
//
// Both are cleaned first; it fails when one is absolute and the other
// not, or when the base holds ".." elements that cannot be resolved.
func Rel(basepath, targpath string) (string, error) {
	base := Clean(basepath)
	targ := Clean(targpath)
	if targ == base {
		return ".", nil
	}
	if base == "." {
		base = ""
	}
	if targ == "." {
		targ = ""
	}
	if IsAbs(base) != IsAbs(targ) {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	// Skip the leading elements the two have in common.
	bs := splitElems(base)
	ts := splitElems(targ)
	i := 0
	for i < len(bs) && i < len(ts) && bs[i] == ts[i] {
		i++
	}
	if i < len(bs) && bs[i] == ".." {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	var up []string
	for range bs[i:] {
		up = append(up, "..")
	}
	return strings.Join(append(up, ts[i:]...), "/"), nil
}

// splitElems returns the elements of a cleaned path ("" for the root of
// an absolute path is dropped).
func splitElems(p string) []string {
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// SkipDir, returned by a WalkFunc or WalkDirFunc, skips the directory it was called on (the rest of its parent's entries when called on a file).
var SkipDir error = fs.SkipDir

// SkipAll, returned by a WalkFunc or WalkDirFunc, ends the walk without error.
var SkipAll error = fs.SkipAll

// WalkFunc is the function Walk calls for each file or directory, with its Lstat information.
type WalkFunc func(path string, info fs.FileInfo, err error) error

// WalkDir walks the tree rooted at root in lexical order, calling fn for
// each file and directory; it does not follow symbolic links. A directory
// that cannot be read is reported by a second call with the error.
func WalkDir(root string, fn fs.WalkDirFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(root, fs.FileInfoToDirEntry(info), fn)
	}
	if err == SkipDir || err == SkipAll {
		return nil
	}
	return err
}

func walkDir(p string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(p, d, nil); err != nil || !d.IsDir() {
		if err == SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	dirs, err := os.ReadDir(p)
	if err != nil {
		if err = fn(p, d, err); err != nil {
			if err == SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	for _, d1 := range dirs {
		if err := walkDir(Join(p, d1.Name()), d1, fn); err != nil {
			if err == SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// Walk walks the tree rooted at root in lexical order, calling fn with each
// file's Lstat information (WalkDir, which needs no Lstat per file, is
// faster). A directory is reported before its entries are walked, with
// the error of reading it if any.
func Walk(root string, fn WalkFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walk(root, info, fn)
	}
	if err == SkipDir || err == SkipAll {
		return nil
	}
	return err
}

func walk(p string, info fs.FileInfo, fn WalkFunc) error {
	if !info.IsDir() {
		return fn(p, info, nil)
	}
	names, err := readDirNames(p)
	err1 := fn(p, info, err)
	if err != nil || err1 != nil {
		return err1
	}
	for _, name := range names {
		name = Join(p, name)
		fi, err := os.Lstat(name)
		if err != nil {
			if err := fn(name, fi, err); err != nil && err != SkipDir {
				return err
			}
			continue
		}
		if err = walk(name, fi, fn); err != nil && (!fi.IsDir() || err != SkipDir) {
			return err
		}
	}
	return nil
}

// readDirNames returns the names in directory dir, sorted.
func readDirNames(dir string) ([]string, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	names, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// Glob returns the names of the files matching pattern (Match's syntax),
// or nil when none does. I/O errors are ignored; the only error is
// ErrBadPattern.
func Glob(pattern string) (matches []string, err error) {
	return globDepth(pattern, 0)
}

func globDepth(pattern string, depth int) (matches []string, err error) {
	if depth > 10000 { // as Go: that many separators is refused
		return nil, ErrBadPattern
	}
	if _, err := Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err = os.Lstat(pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, file := Split(pattern)
	switch dir {
	case "":
		dir = "."
	case "/":
	default:
		dir = dir[:len(dir)-1]
	}
	if !hasMeta(dir) {
		return glob(dir, file, nil)
	}
	if dir == pattern {
		return nil, ErrBadPattern
	}
	m, err := globDepth(dir, depth+1)
	if err != nil {
		return
	}
	for _, d := range m {
		matches, err = glob(d, file, matches)
		if err != nil {
			return
		}
	}
	return
}

// glob appends to matches the names in dir matching pattern, sorted.
func glob(dir, pattern string, matches []string) (m []string, e error) {
	m = matches
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return
	}
	names, err := readDirNames(dir)
	if err != nil {
		return
	}
	for _, n := range names {
		matched, err := Match(pattern, n)
		if err != nil {
			return m, err
		}
		if matched {
			m = append(m, Join(dir, n))
		}
	}
	return
}

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[\`) }

// EvalSymlinks returns p with every symbolic link in it replaced by its
// destination, cleaned; relative if p is relative. An error if a component
// is missing, or after 255 links.
func EvalSymlinks(p string) (string, error) {
	r, err := walkSymlinks(p)
	if err != nil {
		return "", err
	}
	return Clean(r), nil
}

// walkSymlinks resolves p element by element: dest is the resolved prefix;
// a link's destination replaces the element and the walk goes on through it.
func walkSymlinks(p string) (string, error) {
	root := 0
	if len(p) > 0 && p[0] == '/' {
		root = 1
	}
	dest := p[:root]
	links := 0
	for start, end := root, root; start < len(p); start = end {
		for start < len(p) && p[start] == '/' {
			start++
		}
		end = start
		for end < len(p) && p[end] != '/' {
			end++
		}
		elem := p[start:end]
		if elem == "" {
			break
		}
		if elem == "." {
			continue
		}
		if elem == ".." {
			// Drop dest's last element, unless there is none or it is
			// "..": then the ".." stays.
			r := lastSlash(dest, root)
			if r < root || dest[r+1:] == ".." {
				if len(dest) > root {
					dest += "/"
				}
				dest += ".."
			} else {
				dest = dest[:r]
			}
			continue
		}
		if len(dest) > 0 && dest[len(dest)-1] != '/' {
			dest += "/"
		}
		dest += elem
		fi, err := os.Lstat(dest)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			if !fi.IsDir() && end < len(p) {
				return "", syscall.ENOTDIR
			}
			continue
		}
		links++
		if links > 255 {
			return "", errors.New("EvalSymlinks: too many links")
		}
		link, err := os.Readlink(dest)
		if err != nil {
			return "", err
		}
		p = link + p[end:]
		if len(link) > 0 && link[0] == '/' {
			dest, end, root = "/", 1, 1
		} else {
			if r := lastSlash(dest, root); r < root {
				dest = dest[:root]
			} else {
				dest = dest[:r]
			}
			end = 0
		}
	}
	return dest, nil
}

// lastSlash is the index of the last '/' of s at or after from, or from-1.
func lastSlash(s string, from int) int {
	r := len(s) - 1
	for r >= from && s[r] != '/' {
		r--
	}
	if r < from {
		return from - 1
	}
	return r
}
