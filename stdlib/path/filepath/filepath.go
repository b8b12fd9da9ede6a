// Package filepath manipulates file name paths of the host system (Unix: '/'-separated); see also package path.
//
// Package path/filepath — csp's standard library, pure csp. On Unix a file
// path is a slash path, so the lexical functions are package path's;
// Abs asks os for the working directory. (Walk, WalkDir and Glob, which
// read directories, come with os's directory support.)
package filepath

import (
	"errors"
	"os"
	"path"
	"strings"
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
