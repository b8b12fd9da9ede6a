// Package regexp implements regular expression search with the syntax and
// semantics of Go's package regexp (RE2): matching takes time linear in the
// size of the input, leftmost-first by default, leftmost-longest after
// Longest or with CompilePOSIX.
//
// Design: the parser and compiler (stdlib/regexp/compile.c) turn a pattern
// into a Thompson NFA program held in C memory (a *progState here); the
// matcher (stdlib/regexp/exec.c) is a Pike VM over that program, which
// tracks capture positions per thread and never backtracks. The program is
// immutable, and each search allocates its own thread lists, so a *Regexp
// is safe for concurrent use. The search loops of FindAll and ReplaceAll
// also run in C (execAll, replaceAll), returning flat lists of capture
// positions that the Go code below slices into results. Byte-slice
// variants convert their input to a string first.
//
// Not provided (see README.md): the syntax tree, Prog and Simplify of
// regexp/syntax. Unicode classes (\pL, \p{Greek}) use csp's unicode tables,
// which are exact for Latin-1 and cover the common scripts beyond it.
package regexp

import (
	"io"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regexp is the representation of a compiled regular expression. A Regexp
// is safe for concurrent use by multiple goroutines, except for
// configuration methods, such as Longest.
type Regexp struct {
	expr           string
	prog           *progState
	numSubexp      int
	subexpNames    []string
	prefix         string
	prefixComplete bool
	longest        bool
	posix          bool
}

// progState is the compiled program (prog.h); Go code never looks inside.
type progState struct{}

func compile(expr string, posix bool) (p *progState, names []string, prefix string, complete bool, code string, errexpr string)
func exec(p *progState, s string, pos int, longest bool, dst []int) bool
func execAll(p *progState, s string, n int, ncap int, longest bool) []int
func replaceAll(p *progState, s string, ncap int, longest bool) []int

func compileRE(expr string, posix bool) (*Regexp, error) {
	p, names, prefix, complete, code, errexpr := compile(expr, posix)
	if p == nil {
		return nil, &syntax.Error{Code: syntax.ErrorCode(code), Expr: errexpr}
	}
	return &Regexp{expr: expr, prog: p, numSubexp: len(names) - 1, subexpNames: names,
		prefix: prefix, prefixComplete: complete, longest: posix, posix: posix}, nil
}

// Compile parses a regular expression and returns, if successful, a Regexp
// object that can be used to match against text.
func Compile(expr string) (*Regexp, error) {
	return compileRE(expr, false)
}

// CompilePOSIX is like Compile but restricts the regular expression to
// POSIX ERE (egrep) syntax and changes the match semantics to
// leftmost-longest.
func CompilePOSIX(expr string) (*Regexp, error) {
	return compileRE(expr, true)
}

// MustCompile is like Compile but panics if the expression cannot be parsed.
func MustCompile(str string) *Regexp {
	re, err := Compile(str)
	if err != nil {
		panic(`regexp: Compile(` + quote(str) + `): ` + err.Error())
	}
	return re
}

// MustCompilePOSIX is like CompilePOSIX but panics if the expression cannot
// be parsed.
func MustCompilePOSIX(str string) *Regexp {
	re, err := CompilePOSIX(str)
	if err != nil {
		panic(`regexp: CompilePOSIX(` + quote(str) + `): ` + err.Error())
	}
	return re
}

func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// String returns the source text used to compile the regular expression.
func (re *Regexp) String() string {
	return re.expr
}

// Copy returns a new Regexp object copied from re.
//
// Deprecated: In earlier releases, when using a Regexp in multiple
// goroutines, giving each goroutine its own copy helped to avoid lock
// contention. As of Go 1.12, using Copy is no longer necessary to avoid
// lock contention.
func (re *Regexp) Copy() *Regexp {
	re2 := *re
	return &re2
}

// Longest makes future searches prefer leftmost-longest matches.
func (re *Regexp) Longest() {
	re.longest = true
}

// NumSubexp returns the number of parenthesized subexpressions in this Regexp.
func (re *Regexp) NumSubexp() int {
	return re.numSubexp
}

// SubexpNames returns the names of the parenthesized subexpressions in this
// Regexp. names[0] is always the empty string.
func (re *Regexp) SubexpNames() []string {
	return re.subexpNames
}

// SubexpIndex returns the index of the first subexpression with the given
// name, or -1 if there is no subexpression with that name.
func (re *Regexp) SubexpIndex(name string) int {
	if name != "" {
		for i, s := range re.subexpNames {
			if name == s {
				return i
			}
		}
	}
	return -1
}

// LiteralPrefix returns a literal string that must begin any match of the
// regular expression re. It returns the boolean true if the literal string
// comprises the entire regular expression.
func (re *Regexp) LiteralPrefix() (prefix string, complete bool) {
	return re.prefix, re.prefixComplete
}

// MarshalText implements encoding.TextMarshaler. The output matches that of
// calling the String method.
func (re *Regexp) MarshalText() ([]byte, error) {
	return []byte(re.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler by calling Compile on
// the encoded value.
func (re *Regexp) UnmarshalText(text []byte) error {
	newRE, err := Compile(string(text))
	if err != nil {
		return err
	}
	*re = *newRE
	return nil
}

// doExec returns the ncap capture positions of the leftmost match at or
// after pos, or nil.
func (re *Regexp) doExec(s string, pos int, ncap int) []int {
	dst := make([]int, ncap)
	if !exec(re.prog, s, pos, re.longest, dst) {
		return nil
	}
	return dst
}

func (re *Regexp) ncap() int { return 2 * (re.numSubexp + 1) }

func readAll(r io.RuneReader) string {
	var b strings.Builder
	for {
		c, _, err := r.ReadRune()
		if err != nil {
			return b.String()
		}
		b.WriteRune(c)
	}
}

// MatchString reports whether the string s contains any match of the
// regular expression re.
func (re *Regexp) MatchString(s string) bool {
	return exec(re.prog, s, 0, re.longest, nil)
}

// Match reports whether the byte slice b contains any match of the regular
// expression re.
func (re *Regexp) Match(b []byte) bool {
	return exec(re.prog, string(b), 0, re.longest, nil)
}

// MatchReader reports whether the text returned by the RuneReader contains
// any match of the regular expression re.
func (re *Regexp) MatchReader(r io.RuneReader) bool {
	return exec(re.prog, readAll(r), 0, re.longest, nil)
}

// MatchString reports whether the string s contains any match of the
// regular expression pattern.
func MatchString(pattern string, s string) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// Match reports whether the byte slice b contains any match of the regular
// expression pattern.
func Match(pattern string, b []byte) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.Match(b), nil
}

// MatchReader reports whether the text returned by the RuneReader contains
// any match of the regular expression pattern.
func MatchReader(pattern string, r io.RuneReader) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchReader(r), nil
}

// QuoteMeta returns a string that escapes all regular expression
// metacharacters inside the argument text.
func QuoteMeta(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`\.+*?()|[]{}^$`, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// ---- Find ----------------------------------------------------------------

// Find returns a slice holding the text of the leftmost match in b of the
// regular expression. A return value of nil indicates no match.
func (re *Regexp) Find(b []byte) []byte {
	a := re.doExec(string(b), 0, 2)
	if a == nil {
		return nil
	}
	return b[a[0]:a[1]:a[1]]
}

// FindIndex returns a two-element slice of integers defining the location
// of the leftmost match in b of the regular expression.
func (re *Regexp) FindIndex(b []byte) (loc []int) {
	return re.doExec(string(b), 0, 2)
}

// FindString returns a string holding the text of the leftmost match in s
// of the regular expression. If there is no match, the return value is an
// empty string.
func (re *Regexp) FindString(s string) string {
	a := re.doExec(s, 0, 2)
	if a == nil {
		return ""
	}
	return s[a[0]:a[1]]
}

// FindStringIndex returns a two-element slice of integers defining the
// location of the leftmost match in s of the regular expression.
func (re *Regexp) FindStringIndex(s string) (loc []int) {
	return re.doExec(s, 0, 2)
}

// FindReaderIndex returns a two-element slice of integers defining the
// location of the leftmost match of the regular expression in text read
// from the RuneReader.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (loc []int) {
	return re.doExec(readAll(r), 0, 2)
}

// FindSubmatch returns a slice of slices holding the text of the leftmost
// match of the regular expression in b and the matches, if any, of its
// subexpressions.
func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	a := re.doExec(string(b), 0, re.ncap())
	if a == nil {
		return nil
	}
	return subBytes(b, a)
}

func subBytes(b []byte, a []int) [][]byte {
	ret := make([][]byte, len(a)/2)
	for i := range ret {
		if a[2*i] >= 0 {
			ret[i] = b[a[2*i]:a[2*i+1]:a[2*i+1]]
		}
	}
	return ret
}

func subStrings(s string, a []int) []string {
	ret := make([]string, len(a)/2)
	for i := range ret {
		if a[2*i] >= 0 {
			ret[i] = s[a[2*i]:a[2*i+1]]
		}
	}
	return ret
}

// FindSubmatchIndex returns a slice holding the index pairs identifying the
// leftmost match of the regular expression in b and the matches, if any, of
// its subexpressions.
func (re *Regexp) FindSubmatchIndex(b []byte) []int {
	return re.doExec(string(b), 0, re.ncap())
}

// FindStringSubmatch returns a slice of strings holding the text of the
// leftmost match of the regular expression in s and the matches, if any, of
// its subexpressions.
func (re *Regexp) FindStringSubmatch(s string) []string {
	a := re.doExec(s, 0, re.ncap())
	if a == nil {
		return nil
	}
	return subStrings(s, a)
}

// FindStringSubmatchIndex returns a slice holding the index pairs
// identifying the leftmost match of the regular expression in s and the
// matches, if any, of its subexpressions.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	return re.doExec(s, 0, re.ncap())
}

// FindReaderSubmatchIndex returns a slice holding the index pairs
// identifying the leftmost match of the regular expression of text read by
// the RuneReader, and the matches, if any, of its subexpressions.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int {
	return re.doExec(readAll(r), 0, re.ncap())
}

// ---- FindAll -------------------------------------------------------------

// allIndex returns the successive matches (at most n, all when n < 0), each
// as ncap positions.
func (re *Regexp) allIndex(s string, n int, ncap int) [][]int {
	flat := execAll(re.prog, s, n, ncap, re.longest)
	if len(flat) == 0 {
		return nil
	}
	out := make([][]int, len(flat)/ncap)
	for i := range out {
		out[i] = flat[i*ncap : (i+1)*ncap : (i+1)*ncap]
	}
	return out
}

// FindAll is the 'All' version of Find; it returns a slice of all
// successive matches of the expression. A return value of nil indicates no
// match.
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	flat := execAll(re.prog, string(b), n, 2, re.longest)
	if len(flat) == 0 {
		return nil
	}
	out := make([][]byte, len(flat)/2)
	for i := range out {
		out[i] = b[flat[2*i]:flat[2*i+1]:flat[2*i+1]]
	}
	return out
}

// FindAllIndex is the 'All' version of FindIndex.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	return re.allIndex(string(b), n, 2)
}

// FindAllString is the 'All' version of FindString; it returns a slice of
// all successive matches of the expression. A return value of nil
// indicates no match.
func (re *Regexp) FindAllString(s string, n int) []string {
	flat := execAll(re.prog, s, n, 2, re.longest)
	if len(flat) == 0 {
		return nil
	}
	out := make([]string, len(flat)/2)
	for i := range out {
		out[i] = s[flat[2*i]:flat[2*i+1]]
	}
	return out
}

// FindAllStringIndex is the 'All' version of FindStringIndex.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return re.allIndex(s, n, 2)
}

// FindAllSubmatch is the 'All' version of FindSubmatch.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	all := re.allIndex(string(b), n, re.ncap())
	if all == nil {
		return nil
	}
	out := make([][][]byte, len(all))
	for i, a := range all {
		out[i] = subBytes(b, a)
	}
	return out
}

// FindAllSubmatchIndex is the 'All' version of FindSubmatchIndex.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return re.allIndex(string(b), n, re.ncap())
}

// FindAllStringSubmatch is the 'All' version of FindStringSubmatch.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	all := re.allIndex(s, n, re.ncap())
	if all == nil {
		return nil
	}
	out := make([][]string, len(all))
	for i, a := range all {
		out[i] = subStrings(s, a)
	}
	return out
}

// FindAllStringSubmatchIndex is the 'All' version of FindStringSubmatchIndex.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return re.allIndex(s, n, re.ncap())
}

// ---- Replace -------------------------------------------------------------

// replace builds src with each match that ReplaceAll replaces (ncap
// positions each) replaced by what repl writes.
func (re *Regexp) replace(src string, ncap int, repl func(b *strings.Builder, m []int)) string {
	flat := replaceAll(re.prog, src, ncap, re.longest)
	if len(flat) == 0 {
		return src
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(flat); i += ncap {
		m := flat[i : i+ncap : i+ncap]
		b.WriteString(src[last:m[0]])
		repl(&b, m)
		last = m[1]
	}
	b.WriteString(src[last:])
	return b.String()
}

func (re *Regexp) replaceNcap(repl string) int {
	if strings.Contains(repl, "$") {
		return re.ncap()
	}
	return 2
}

// ReplaceAllString returns a copy of src, replacing matches of the Regexp
// with the replacement string repl. Inside repl, $ signs are interpreted as
// in Expand.
func (re *Regexp) ReplaceAllString(src, repl string) string {
	return re.replace(src, re.replaceNcap(repl), func(b *strings.Builder, m []int) {
		re.expand(b, repl, src, m)
	})
}

// ReplaceAllLiteralString returns a copy of src, replacing matches of the
// Regexp with the replacement string repl. The replacement repl is
// substituted directly, without using Expand.
func (re *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return re.replace(src, 2, func(b *strings.Builder, m []int) {
		b.WriteString(repl)
	})
}

// ReplaceAllStringFunc returns a copy of src in which all matches of the
// Regexp have been replaced by the return value of function repl applied
// to the matched substring.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return re.replace(src, 2, func(b *strings.Builder, m []int) {
		b.WriteString(repl(src[m[0]:m[1]]))
	})
}

// ReplaceAll returns a copy of src, replacing matches of the Regexp with
// the replacement text repl. Inside repl, $ signs are interpreted as in
// Expand.
func (re *Regexp) ReplaceAll(src, repl []byte) []byte {
	s := string(src)
	r := string(repl)
	return []byte(re.replace(s, re.replaceNcap(r), func(b *strings.Builder, m []int) {
		re.expand(b, r, s, m)
	}))
}

// ReplaceAllLiteral returns a copy of src, replacing matches of the Regexp
// with the replacement bytes repl. The replacement repl is substituted
// directly, without using Expand.
func (re *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	r := string(repl)
	return []byte(re.replace(string(src), 2, func(b *strings.Builder, m []int) {
		b.WriteString(r)
	}))
}

// ReplaceAllFunc returns a copy of src in which all matches of the Regexp
// have been replaced by the return value of function repl applied to the
// matched byte slice.
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return []byte(re.replace(string(src), 2, func(b *strings.Builder, m []int) {
		b.Write(repl(src[m[0]:m[1]]))
	}))
}

// Expand appends template to dst and returns the result; during the
// append, Expand replaces variables in the template with corresponding
// matches drawn from src. The match slice should have been returned by
// FindSubmatchIndex.
//
// In the template, a variable is denoted by a substring of the form $name
// or ${name}, where name is a non-empty sequence of letters, digits, and
// underscores. A purely numeric name like $1 refers to the submatch with
// the corresponding index; other names refer to capturing parentheses
// named with the (?P<name>...) syntax. A reference to an out of range or
// unmatched index or a name that is not present in the regular expression
// is replaced with an empty slice. To insert a literal $ in the output,
// use $$ in the template.
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	var b strings.Builder
	re.expand(&b, string(template), string(src), match)
	return append(dst, b.String()...)
}

// ExpandString is like Expand but the template and source are strings.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	var b strings.Builder
	re.expand(&b, template, src, match)
	return append(dst, b.String()...)
}

func (re *Regexp) expand(b *strings.Builder, template string, src string, match []int) {
	for {
		before, after, ok := strings.Cut(template, "$")
		if !ok {
			break
		}
		b.WriteString(before)
		template = after
		if template != "" && template[0] == '$' {
			b.WriteByte('$')
			template = template[1:]
			continue
		}
		name, num, rest, ok := extract(template)
		if !ok {
			b.WriteByte('$') // malformed: the $ is plain text
			continue
		}
		template = rest
		if num >= 0 {
			if 2*num+1 < len(match) && match[2*num] >= 0 {
				b.WriteString(src[match[2*num]:match[2*num+1]])
			}
			continue
		}
		for i, namei := range re.subexpNames {
			if name == namei && 2*i+1 < len(match) && match[2*i] >= 0 {
				b.WriteString(src[match[2*i]:match[2*i+1]])
				break
			}
		}
	}
	b.WriteString(template)
}

// extract parses the name after a $: "name" or "{name}". num is its value
// when the name is a number without leading zeros (else -1).
func extract(str string) (name string, num int, rest string, ok bool) {
	if str == "" {
		return
	}
	brace := false
	if str[0] == '{' {
		brace = true
		str = str[1:]
	}
	i := 0
	for i < len(str) {
		r, size := utf8.DecodeRuneInString(str[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			break
		}
		i += size
	}
	if i == 0 {
		return // an empty name is not a name
	}
	name = str[:i]
	if brace {
		if i >= len(str) || str[i] != '}' {
			return // no closing brace
		}
		i++
	}
	num = 0
	for j := 0; j < len(name); j++ {
		if name[j] < '0' || '9' < name[j] || num >= 1e8 {
			num = -1
			break
		}
		num = num*10 + int(name[j]) - '0'
	}
	if name[0] == '0' && len(name) > 1 {
		num = -1
	}
	rest = str[i:]
	ok = true
	return
}

// Split slices s into substrings separated by the expression and returns a
// slice of the substrings between those expression matches.
//
// The count determines the number of substrings to return: n > 0: at most
// n substrings, the last one the unsplit remainder; n == 0: nil; n < 0: all.
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if len(re.expr) > 0 && len(s) == 0 {
		return []string{""}
	}
	matches := re.FindAllStringIndex(s, n)
	strs := make([]string, 0, len(matches))
	beg := 0
	end := 0
	for _, match := range matches {
		if n > 0 && len(strs) == n-1 {
			break
		}
		end = match[0]
		if match[1] != 0 {
			strs = append(strs, s[beg:end])
		}
		beg = match[1]
	}
	if end != len(s) {
		strs = append(strs, s[beg:])
	}
	return strs
}
