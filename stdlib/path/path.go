// Package path manipulates slash-separated paths (URLs, archive names); for file names use path/filepath.
//
// Package path — csp's standard library, pure csp. Every function is
// lexical: nothing here looks at the file system.
package path

import (
	"errors"
	"strings"
)

// ErrBadPattern indicates a pattern was malformed.
var ErrBadPattern = errors.New("syntax error in pattern")

// Clean returns the shortest path equivalent to path by purely lexical processing.
//
// It collapses repeated slashes, removes "." elements and each ".." with
// the element before it, drops ".." at the start of a rooted path, and
// removes a trailing slash. An empty result becomes ".".
func Clean(path string) string {
	if path == "" {
		return "."
	}
	rooted := path[0] == '/'
	var out []string // kept elements
	up := 0          // leading ".." of an unrooted path, kept in out
	for _, el := range strings.Split(path, "/") {
		switch el {
		case "", ".":
		case "..":
			if len(out) > up {
				out = out[:len(out)-1]
			} else if !rooted {
				out = append(out, "..")
				up++
			}
		default:
			out = append(out, el)
		}
	}
	s := strings.Join(out, "/")
	if rooted {
		return "/" + s
	}
	if s == "" {
		return "."
	}
	return s
}

// Split splits path after its last slash into a directory and a file name; dir+file == path.
func Split(path string) (dir, file string) {
	i := strings.LastIndex(path, "/")
	return path[:i+1], path[i+1:]
}

// Join joins the non-empty elements with slashes and cleans the result; all empty gives "".
func Join(elem ...string) string {
	var b strings.Builder
	for _, e := range elem {
		if e == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('/')
		}
		b.WriteString(e)
	}
	if b.Len() == 0 {
		return ""
	}
	return Clean(b.String())
}

// Ext returns the file name extension of path: the suffix from the final dot of the last element, or "".
func Ext(path string) string {
	for i := len(path) - 1; i >= 0 && path[i] != '/'; i-- {
		if path[i] == '.' {
			return path[i:]
		}
	}
	return ""
}

// Base returns the last element of path, trailing slashes removed; "" gives "." and all slashes "/".
func Base(path string) string {
	if path == "" {
		return "."
	}
	path = strings.TrimRight(path, "/")
	if path == "" {
		return "/"
	}
	return path[strings.LastIndex(path, "/")+1:]
}

// IsAbs reports whether the path begins with a slash.
func IsAbs(path string) bool { return len(path) > 0 && path[0] == '/' }

// Dir returns all but the last element of path, cleaned; "" gives ".".
func Dir(path string) string {
	dir, _ := Split(path)
	return Clean(dir)
}

// Match reports whether name matches the shell pattern: '*' (any run of non-slash bytes), '?' (one non-slash character), '[class]' ('^' negates, a-z ranges), '\\' escapes.
//
// The only error is ErrBadPattern, when the pattern is malformed.
func Match(pattern, name string) (matched bool, err error) {
	if !validPattern(pattern) {
		return false, ErrBadPattern
	}
	return match(pattern, name, '/'), nil
}

// validPattern reports whether every class is closed and every escape has a character after it.
func validPattern(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
			if i >= len(p) {
				return false
			}
		case '[':
			j, ok := classEnd(p, i+1)
			if !ok {
				return false
			}
			i = j
		}
	}
	return true
}

// classEnd returns the index of the ']' closing the class whose body starts at i.
func classEnd(p string, i int) (int, bool) {
	if i < len(p) && p[i] == '^' {
		i++
	}
	first := true
	for i < len(p) {
		if p[i] == ']' && !first {
			return i, true
		}
		first = false
		_, n, ok := classChar(p, i)
		if !ok {
			return 0, false
		}
		i += n
		if i < len(p) && p[i] == '-' {
			_, n, ok = classChar(p, i+1)
			if !ok {
				return 0, false
			}
			i += 1 + n
		}
	}
	return 0, false
}

// classChar reads one (possibly escaped) character of a class at i; it
// returns the rune, the bytes it took, and false for a malformed one.
func classChar(p string, i int) (rune, int, bool) {
	if i >= len(p) || p[i] == '-' || p[i] == ']' {
		return 0, 0, false
	}
	n := 0
	if p[i] == '\\' {
		i++
		n++
		if i >= len(p) {
			return 0, 0, false
		}
	}
	r, w := decodeRune(p[i:])
	return r, n + w, true
}

func decodeRune(s string) (rune, int) {
	for _, r := range s {
		w := len(string(r))
		if r == 0xFFFD && !strings.HasPrefix(s, "\uFFFD") {
			w = 1
		}
		return r, w
	}
	return 0, 0
}

// match is the matcher proper, on a valid pattern: backtracking over '*'.
func match(p, s string, sep byte) bool {
	for len(p) > 0 {
		switch p[0] {
		case '*':
			for len(p) > 0 && p[0] == '*' {
				p = p[1:]
			}
			if len(p) == 0 {
				return !strings.Contains(s, string(sep))
			}
			for i := 0; i <= len(s); i++ {
				if match(p, s[i:], sep) {
					return true
				}
				if i < len(s) && s[i] == sep {
					return false
				}
			}
			return false
		case '?':
			if len(s) == 0 || s[0] == sep {
				return false
			}
			_, w := decodeRune(s)
			p, s = p[1:], s[w:]
		case '[':
			if len(s) == 0 {
				return false
			}
			r, w := decodeRune(s)
			end, _ := classEnd(p, 1)
			if !inClass(p[1:end], r) || r == rune(sep) {
				return false
			}
			p, s = p[end+1:], s[w:]
		default:
			c := p[0]
			n := 1
			if c == '\\' {
				c = p[1]
				n = 2
			}
			if len(s) == 0 || s[0] != c {
				return false
			}
			p, s = p[n:], s[1:]
		}
	}
	return len(s) == 0
}

func inClass(body string, r rune) bool {
	negated := false
	if len(body) > 0 && body[0] == '^' {
		negated = true
		body = body[1:]
	}
	in := false
	for i := 0; i < len(body); {
		lo, n, _ := classChar(body, i)
		i += n
		hi := lo
		if i < len(body) && body[i] == '-' {
			hi, n, _ = classChar(body, i+1)
			i += 1 + n
		}
		if lo <= r && r <= hi {
			in = true
		}
	}
	return in != negated
}
