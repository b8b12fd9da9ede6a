// Package testing runs the Test, Benchmark and Example functions of a test file (csp test).
//
// Package testing — csp's standard library, written in csp after Go's
// testing package (behaviour, output format and flag names are Go's; the
// code is csp's own). `csp test FILE_test.csp` (lang/testmain.c) adds a
// generated file to the package whose entry function calls MainStart with
// the file's tests, benchmarks, fuzz tests and examples, then m.Run (or
// the file's TestMain), and exits with its code. Fuzz tests: see "fuzz
// tests" below.
//
// The model, as Go's:
//   - every test runs in its own goroutine (tRunner); the root T runs the
//     top-level tests one after another as its subtests;
//   - FailNow and SkipNow end the test's goroutine with runtime.Goexit;
//     tRunner's deferred function tells a return, a Goexit and a panic
//     apart by `finished` and recover();
//   - t.Parallel() signals Run (which returns), then waits for the parent's
//     barrier, closed when the parent's function has returned; the parent
//     then waits for its parallel subtests before it reports;
//   - output: a test's log lines, indented four spaces, collect in its
//     buffer and go, after the `--- FAIL` header, to the parent's buffer
//     (four spaces further in) or to stdout for a top-level test. With -v
//     (chatty) log lines go to stdout at once, headed `=== NAME` when the
//     previous line belonged to another test.
//   - file:line of a log line: the first frame outside this package and
//     outside the functions that called t.Helper() (native frameAt,
//     stdlib/testing/testing.c).
//
// Examples capture fd 1 in a temporary file while they run (natives
// captureStart/captureStop) and compare it with their // Output: comment,
// which the driver extracted. -run and -bench patterns are matched by a
// small RE2 subset in C (stdlib/testing/match.c) split at top-level '|' and
// '/' as Go's matcher does.
package testing

import (
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// ---- natives (stdlib/testing/testing.c, match.c)

// frameAt reports frame skip of the calling goroutine (0: frameAt's caller),
// compiler-made wrapper frames left out.
func frameAt(skip int) (file string, line int, fn string, ok bool)

// captureStart points fd 1 at a fresh temporary file; it returns the saved fd 1.
func captureStart() int

// captureStop restores fd 1 from saved and returns what was written meanwhile.
func captureStop(saved int) string

// matchString searches s for the regexp pat (an RE2 subset); errmsg is
// Go's parse error when pat is invalid.
func matchString(pat, s string) (matched bool, errmsg string)

// raceErrors is the number of data races -race has reported (0 without it).
func raceErrors() int

// allocCounts is what the program has allocated so far: objects, and their
// bytes (runtime/gc.c counts them).
func allocCounts() (objects, bytes uint64)

// ---- flags (registered on flag.CommandLine by MainStart, as Go's Init)

var (
	flagV         bool
	flagRun       string
	flagSkip      string
	flagBench     string
	flagBenchtime string
	flagCount     int
	flagFailfast  bool
	flagShort     bool
	flagTimeout   time.Duration
	flagBenchmem  bool
	flagList      string
	flagCPU       string
	flagFuzz      string // -fuzz: the fuzz test to fuzz
	flagFuzztime  string // -fuzztime: D or Nx, "" for no limit
	flagFuzzmin   string // -fuzzminimizetime
	flagFuzzfiles string // the files csp test ran: the re-run command's
	cpuList       []int  // -cpu: the GOMAXPROCS values to run under
	registered    bool
)

// Init registers the testing flags (test.v, test.run ...) on flag.CommandLine.
func Init() {
	if registered {
		return
	}
	registered = true
	flag.BoolVar(&flagV, "test.v", false, "verbose: print additional output")
	flag.StringVar(&flagRun, "test.run", "", "run only tests and examples matching `regexp`")
	flag.StringVar(&flagSkip, "test.skip", "", "do not list or run tests matching `regexp`")
	flag.StringVar(&flagBench, "test.bench", "", "run only benchmarks matching `regexp`")
	flag.StringVar(&flagBenchtime, "test.benchtime", "1s", "run each benchmark for duration `d` or N times if `d` is of the form Nx")
	flag.IntVar(&flagCount, "test.count", 1, "run tests and benchmarks `n` times")
	flag.BoolVar(&flagFailfast, "test.failfast", false, "do not start new tests after the first test failure")
	flag.BoolVar(&flagShort, "test.short", false, "run smaller test suite to save time")
	flag.DurationVar(&flagTimeout, "test.timeout", 0, "panic test binary after duration `d` (default 0, timeout disabled)")
	flag.BoolVar(&flagBenchmem, "test.benchmem", false, "print memory allocations for benchmarks")
	flag.StringVar(&flagCPU, "test.cpu", "", "comma-separated `list` of cpu counts to run each test with")
	flag.StringVar(&flagList, "test.list", "", "list tests, examples, and benchmarks matching `regexp` then exit")
	flag.StringVar(&flagFuzz, "test.fuzz", "", "run the fuzz test matching `regexp`")
	flag.StringVar(&flagFuzztime, "test.fuzztime", "", "time to spend fuzzing; default is to run indefinitely")
	flag.StringVar(&flagFuzzmin, "test.fuzzminimizetime", "60s", "time to spend minimizing a value after finding a failing input")
	flag.StringVar(&flagFuzzfiles, "test.fuzzfiles", "", "the package's files (for use only by csp test)")
}

// Verbose reports whether -v (test.v) was given.
func Verbose() bool { return flagV }

// Short reports whether -short (test.short) was given.
func Short() bool { return flagShort }

// Testing reports whether the program is a test (always true under csp test).
func Testing() bool { return true }

// ---- names and -run matching

// matcher holds the -run (or -bench) pattern split into alternatives of
// slash-separated elements, and the subtest names seen per parent.
type matcher struct {
	alts  [][]string
	skip  [][]string
	mu    sync.Mutex
	names map[string]int
}

// splitPattern splits pat at top-level '|' into alternatives and each at
// top-level '/' into elements (brackets and parentheses hide both).
func splitPattern(pat string) [][]string {
	if pat == "" {
		return nil
	}
	var alts [][]string
	var elems []string
	depth, cls, start := 0, false, 0
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; {
		case c == '\\':
			i++
		case cls:
			if c == ']' {
				cls = false
			}
		case c == '[':
			cls = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && c == '/':
			elems = append(elems, pat[start:i])
			start = i + 1
		case depth == 0 && c == '|':
			alts = append(alts, append(elems, pat[start:i]))
			elems = nil
			start = i + 1
		}
	}
	return append(alts, append(elems, pat[start:]))
}

// newMatcher compiles the -run (or -bench, named by flagName) and -skip
// patterns; an invalid one ends the program as Go's does.
func newMatcher(pat, flagName, skip string) *matcher {
	check := func(p, name string) {
		for _, alt := range splitPattern(p) {
			for i, e := range alt {
				if _, msg := matchString(e, ""); msg != "" {
					fmt.Fprintf(os.Stderr, "testing: invalid regexp for element %d of %s (%q): %s\n", i, name, e, msg)
					os.Exit(1)
				}
			}
		}
	}
	check(pat, flagName)
	check(skip, "-test.skip")
	return &matcher{alts: rewriteAll(splitPattern(pat)), skip: rewriteAll(splitPattern(skip)),
		names: map[string]int{}}
}

// rewriteAll spells the pattern elements as subtest names are spelt
// (-run "TestX/a b" selects TestX/a_b), as Go's matcher does.
func rewriteAll(alts [][]string) [][]string {
	for _, alt := range alts {
		for i, e := range alt {
			alt[i] = rewrite(e)
		}
	}
	return alts
}

// matchPath reports whether an alternative matches the path of name
// elements (deflt when there is no pattern). As Go's, the first
// alternative that matches decides, and the match is partial when the
// alternative has more elements than the name (a subtest may match later).
func matchPath(alts [][]string, elems []string, deflt bool) (ok, partial bool) {
	if alts == nil {
		return deflt, false
	}
	for _, alt := range alts {
		ok = true
		for i, e := range elems {
			if i >= len(alt) {
				break
			}
			m, msg := matchString(alt[i], e)
			if msg != "" { // the matcher gave up on this pattern
				fmt.Fprintf(os.Stderr, "testing: %s\n", msg)
				os.Exit(1)
			}
			if !m {
				ok = false
				break
			}
		}
		if ok {
			return true, len(elems) < len(alt)
		}
	}
	return false, false
}

// rewrite is Go's subtest name rewriting: spaces become underscores,
// unprintable runes are quoted.
func rewrite(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			b.WriteByte('_')
		case r < 0x20 || r == 0x7f:
			q := fmt.Sprintf("%q", string(r))
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fullName is the name of subtest sub of parent c (unique: #01, #02 ...
// after a repeat) and whether -run selects it.
func (m *matcher) fullName(c *common, sub string) (string, bool) {
	name := rewrite(sub)
	if c != nil && c.level > 0 {
		name = c.name + "/" + name
	}
	m.mu.Lock()
	n, seen := m.names[name]
	m.names[name] = n + 1
	if seen {
		for {
			cand := fmt.Sprintf("%s#%02d", name, n)
			if _, taken := m.names[cand]; !taken {
				m.names[cand] = 1
				name = cand
				break
			}
			n++
		}
	}
	m.mu.Unlock()
	elems := strings.Split(name, "/")
	if ok, _ := matchPath(m.alts, elems, true); !ok {
		return name, false
	}
	// -skip skips only on a full match: a partial one may not hold deeper
	if skip, partial := matchPath(m.skip, elems, false); skip && !partial {
		return name, false
	}
	return name, true
}

// ---- output

// chattyPrinter writes -v output, heading a line with `=== NAME` when the
// previous one belonged to another test.
type chattyPrinter struct {
	mu       sync.Mutex
	lastName string
}

func (p *chattyPrinter) updatef(name, format string, args ...any) {
	p.mu.Lock()
	p.lastName = name
	fmt.Printf(format, args...)
	p.mu.Unlock()
}

func (p *chattyPrinter) printf(name, format string, args ...any) {
	p.mu.Lock()
	if p.lastName == "" {
		p.lastName = name
	} else if p.lastName != name {
		fmt.Printf("=== NAME  %s\n", name)
		p.lastName = name
	}
	fmt.Printf(format, args...)
	p.mu.Unlock()
}

const indent = "    "

// indentLines puts indent before every line of s.
func indentLines(s string) string {
	if s == "" {
		return s
	}
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString(indent)
			b.WriteString(l)
		}
	}
	return b.String()
}

func fmtDuration(d time.Duration) string {
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// ---- common: what T and B share

// common is a test's state. mu guards what other goroutines touch while
// the test runs (failed, skipped, finished, done, output, helpers,
// cleanups, sub, races, parallel, envSet, ctx); name, level, parent and
// chatty are set before the test starts; start and duration belong to
// the test's own goroutine (and its tRunner).
type common struct {
	mu        sync.Mutex
	output    []byte // log lines not yet shown, indented
	chatty    *chattyPrinter
	name      string
	level     int // 0: the root
	parent    *common
	failed    bool
	skipped   bool
	finished  bool // the test function returned, or FailNow/SkipNow
	done      bool // reported: later logs panic
	parallel  bool
	bench     bool
	helpers   map[string]bool
	cleanups  []func()
	start     time.Time
	duration  time.Duration
	sub       []*T // parallel subtests, waited for before the report
	barrier   chan bool
	signal    chan bool
	tempDir   string
	tempN     int
	ctx       context.Context
	cancelCtx context.CancelFunc
	envSet    bool
	races     int // races reported during the subtests, already blamed on them
	out       *outputWriter
}

// TB is the interface common to T and B.
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Setenv(key, value string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	TempDir() string
	Chdir(dir string)
	Context() context.Context
	Output() io.Writer
}

// callSite is "file:line: " of the first frame outside package testing
// and outside helper functions (of c and its parents).
func (c *common) callSite() string {
	first := ""
	for k := 1; k < 64; k++ {
		file, line, fn, ok := frameAt(k)
		if !ok {
			break
		}
		if strings.HasPrefix(file, "<std>/") {
			continue
		}
		if i := strings.LastIndex(file, "/"); i >= 0 {
			file = file[i+1:]
		}
		site := fmt.Sprintf("%s:%d: ", file, line)
		if first == "" {
			first = site
		}
		if !c.isHelper(fn) {
			return site
		}
	}
	if first == "" {
		return "???:1: "
	}
	return first
}

func (c *common) isHelper(fn string) bool {
	for p := c; p != nil; p = p.parent {
		p.mu.Lock()
		h := p.helpers[fn]
		p.mu.Unlock()
		if h {
			return true
		}
	}
	return false
}

// Helper marks the calling function as a test helper: log lines name its
// caller's file and line instead.
func (c *common) Helper() {
	_, _, fn, ok := frameAt(1)
	if !ok {
		return
	}
	c.mu.Lock()
	if c.helpers == nil {
		c.helpers = map[string]bool{}
	}
	c.helpers[fn] = true
	c.mu.Unlock()
}

// log records s (a line, or several) under the caller's file:line.
func (c *common) log(s string) {
	s = strings.TrimSuffix(s, "\n")
	s = strings.ReplaceAll(s, "\n", "\n"+indent)
	c.logRaw(c.callSite() + s + "\n")
}

// logRaw records the lines s, already prefixed.
func (c *common) logRaw(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic("Log in goroutine after " + c.name + " has completed: " + s)
	}
	if c.chatty != nil {
		if c.bench {
			fmt.Print(indentLines(s))
		} else {
			c.chatty.printf(c.name, "%s", indentLines(s))
		}
		return
	}
	c.output = append(c.output, indentLines(s)...)
}

// writeParent appends s to the parent's output, indented, or prints it
// when the parent is the root.
func (c *common) writeParent(s string) {
	p := c.parent
	if p.level == 0 {
		fmt.Print(s)
		return
	}
	p.mu.Lock()
	p.output = append(p.output, indentLines(s)...)
	p.mu.Unlock()
}

// flushToParent writes the header and then c's buffered output.
func (c *common) flushToParent(format string, args ...any) {
	c.mu.Lock()
	s := fmt.Sprintf(format, args...) + string(c.output)
	c.output = nil
	c.mu.Unlock()
	if c.chatty != nil && c.parent.level == 0 {
		c.chatty.updatef(c.name, "%s", s)
		return
	}
	c.writeParent(s)
}

// Name returns the test's name: TestX, or TestX/sub for a subtest.
func (c *common) Name() string { return c.name }

// Fail marks the test (and its parents) as failed; it goes on running.
func (c *common) Fail() {
	if c.parent != nil {
		c.parent.Fail()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic("Fail in goroutine after " + c.name + " has completed")
	}
	c.failed = true
}

// Failed reports whether the test has failed.
func (c *common) Failed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.failed
}

// FailNow marks the test failed and stops it (runtime.Goexit); the
// deferred calls run, and the next test starts.
func (c *common) FailNow() {
	c.Fail()
	c.mu.Lock()
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Log formats its operands as fmt.Sprintln and records them; they are
// shown when the test fails, or at once with -v.
func (c *common) Log(args ...any) { c.log(fmt.Sprintln(args...)) }

// Logf formats as fmt.Sprintf and records the line, as Log.
func (c *common) Logf(format string, args ...any) { c.log(fmt.Sprintf(format, args...)) }

// Error is Log followed by Fail.
func (c *common) Error(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.Fail()
}

// Errorf is Logf followed by Fail.
func (c *common) Errorf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.Fail()
}

// Fatal is Log followed by FailNow.
func (c *common) Fatal(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.FailNow()
}

// Fatalf is Logf followed by FailNow.
func (c *common) Fatalf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.FailNow()
}

// Skip is Log followed by SkipNow.
func (c *common) Skip(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.SkipNow()
}

// Skipf is Logf followed by SkipNow.
func (c *common) Skipf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.SkipNow()
}

// SkipNow marks the test skipped and stops it as FailNow does.
func (c *common) SkipNow() {
	c.mu.Lock()
	c.skipped = true
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Skipped reports whether the test was skipped.
func (c *common) Skipped() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.skipped
}

// Cleanup registers f to run when the test and its subtests have
// finished; cleanups run last added first.
func (c *common) Cleanup(f func()) {
	c.mu.Lock()
	c.cleanups = append(c.cleanups, f)
	c.mu.Unlock()
}

// runCleanup runs the cleanups, last first; a cleanup's panic is
// returned after the rest have run.
func (c *common) runCleanup() (err any) {
	c.mu.Lock()
	cancel := c.cancelCtx
	c.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	for {
		c.mu.Lock()
		n := len(c.cleanups)
		if n == 0 {
			c.mu.Unlock()
			return err
		}
		f := c.cleanups[n-1]
		c.cleanups = c.cleanups[:n-1]
		c.mu.Unlock()
		func() {
			defer func() {
				if r := recover(); r != nil && err == nil {
					err = r
				}
			}()
			f()
		}()
	}
}

// TempDir returns a new directory for the test, removed by a cleanup;
// each call makes another (TEMP/TestX123/001, 002 ...).
func (c *common) TempDir() string {
	c.mu.Lock()
	first := c.tempDir == ""
	if first {
		pat := strings.Map(func(r rune) rune {
			if r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' {
				return '_'
			}
			return r
		}, c.name)
		dir, err := os.MkdirTemp("", pat)
		if err != nil {
			c.mu.Unlock()
			c.Fatalf("TempDir: %v", err)
		}
		c.tempDir = dir
	}
	c.tempN++
	dir := fmt.Sprintf("%s/%03d", c.tempDir, c.tempN)
	root := c.tempDir
	c.mu.Unlock()
	if first {
		c.Cleanup(func() { os.RemoveAll(root) })
	}
	if err := os.Mkdir(dir, 0777); err != nil {
		c.Fatalf("TempDir: %v", err)
	}
	return dir
}

// Setenv sets an environment variable for the test; a cleanup restores it.
// A test that uses it cannot be parallel.
func (c *common) Setenv(key, value string) {
	c.mu.Lock()
	if c.parallel {
		c.mu.Unlock()
		panic("testing: test using t.Setenv or t.Chdir can not use t.Parallel")
	}
	c.envSet = true
	c.mu.Unlock()
	prev, had := os.LookupEnv(key)
	if err := os.Setenv(key, value); err != nil {
		c.Fatalf("cannot set environment variable: %v", err)
	}
	c.Cleanup(func() {
		if had {
			os.Setenv(key, prev)
		} else {
			os.Unsetenv(key)
		}
	})
}

// Chdir changes the working directory (and $PWD) for the test; a cleanup
// changes back. A test that uses it cannot be parallel.
func (c *common) Chdir(dir string) {
	old, err := os.Getwd()
	if err != nil {
		c.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		c.Fatal(err)
	}
	if !strings.HasPrefix(dir, "/") {
		if dir, err = os.Getwd(); err != nil {
			c.Fatal(err)
		}
	}
	c.Setenv("PWD", dir)
	c.Cleanup(func() {
		if err := os.Chdir(old); err != nil {
			panic("testing.Chdir: " + err.Error())
		}
	})
}

// Output returns a writer into the test's output: its lines are shown
// as log lines are, indented, without a file:line (Go 1.25).
func (c *common) Output() io.Writer {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic("Output called after " + c.name + " has completed")
	}
	if c.out == nil {
		c.out = &outputWriter{c: c}
	}
	return c.out
}

// outputWriter passes whole lines to logRaw and keeps a partial one.
type outputWriter struct {
	c       *common
	mu      sync.Mutex
	partial string
}

func (w *outputWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	s := w.partial + string(p)
	i := strings.LastIndex(s, "\n")
	w.partial = s[i+1:]
	w.mu.Unlock()
	if i >= 0 {
		w.c.logRaw(s[:i+1])
	}
	return len(p), nil
}

// Context returns a context canceled just before the test's cleanups run.
func (c *common) Context() context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx == nil {
		c.ctx, c.cancelCtx = context.WithCancel(context.Background())
	}
	return c.ctx
}

// ---- T

// T is the state of one test; a test function receives it.
type T struct {
	common
	run *runContext
}

// runContext is what the tests of one m.Run share.
type runContext struct {
	match     *matcher
	mu        sync.Mutex
	numFailed int
	running   []*T
}

// Parallel pauses the test until its parent's function has returned and
// then runs it alongside the parent's other parallel subtests.
func (t *T) Parallel() {
	t.mu.Lock()
	if t.parallel {
		t.mu.Unlock()
		panic("testing: t.Parallel called multiple times")
	}
	if t.envSet {
		t.mu.Unlock()
		panic("testing: t.Parallel called after t.Setenv; cannot set environment variables in parallel tests")
	}
	t.parallel = true
	t.duration += time.Since(t.start)
	t.mu.Unlock()
	p := t.parent
	p.mu.Lock()
	p.sub = append(p.sub, t)
	p.mu.Unlock()
	if t.chatty != nil {
		t.chatty.updatef(t.name, "=== PAUSE %s\n", t.name)
	}
	t.signal <- true // Run returns
	<-p.barrier
	if t.chatty != nil {
		t.chatty.updatef(t.name, "=== CONT  %s\n", t.name)
	}
	t.start = time.Now()
}

// Run runs f as subtest name of t in its own goroutine and waits for it
// (unless it calls Parallel); it reports whether f passed.
func (t *T) Run(name string, f func(t *T)) bool {
	if flagFailfast && t.run.failures() > 0 {
		return true
	}
	full, ok := t.run.match.fullName(&t.common, name)
	if !ok {
		return true
	}
	sub := &T{common: common{name: full, parent: &t.common, level: t.level + 1,
		chatty: t.chatty, barrier: make(chan bool), signal: make(chan bool, 1)},
		run: t.run}
	if sub.chatty != nil {
		sub.chatty.updatef(sub.name, "=== RUN   %s\n", sub.name)
	}
	go tRunner(sub, f)
	if !<-sub.signal { // the subtest ended this test (its FailNow)
		runtime.Goexit()
	}
	return !sub.Failed()
}

func (r *runContext) failures() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.numFailed
}

// tRunner runs fn(t) and, however it ends, waits for t's parallel
// subtests, runs the cleanups, reports and signals Run.
func tRunner(t *T, fn func(t *T)) {
	t.start = time.Now()
	races := raceErrors()
	if t.level > 0 {
		setRunning(t.name, true)
	}
	defer func() {
		err := recover()
		if t.level > 0 {
			setRunning(t.name, false)
		}
		t.checkRaces(races)
		t.mu.Lock()
		finished := t.finished
		t.mu.Unlock()
		signal := true               // false: Run ends its caller too (Goexit)
		if !finished && err == nil { // a bare runtime.Goexit, as Go
			err = fmt.Errorf("test executed panic(nil) or runtime.Goexit")
			for p := t.parent; p != nil; p = p.parent {
				p.mu.Lock()
				pf := p.finished
				p.mu.Unlock()
				if pf { // the subtest called the parent's FailNow
					t.logRaw("testing.go:1913: test executed panic(nil) or runtime.Goexit" +
						": subtest may have called FailNow on a parent test\n")
					t.Fail()
					err, signal = nil, false
					break
				}
			}
		}
		t.finish(t.run, err)
		t.signal <- signal
	}()
	fn(t)
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
}

// checkRaces fails the test when -race reported races while it ran that its
// subtests did not already account for (Go's wording and position), and
// passes the count up to the parent.
func (c *common) checkRaces(before int) {
	n := raceErrors() - before
	c.mu.Lock()
	own := n - c.races
	c.mu.Unlock()
	if own > 0 {
		c.Fail()
		c.logRaw("testing.go:1712: race detected during execution of test\n")
	}
	if p := c.parent; p != nil && n > 0 {
		p.mu.Lock()
		p.races += n
		p.mu.Unlock()
	}
}

// doPanic reports the test and its parents as failed, then panics again with err
// (the process dies with Go's report: `panic: V [recovered, repanicked]`).
// finish ends a test or fuzz test of run whose function returned or
// panicked (err): it reports the panic, waits for parallel subtests, runs
// the cleanups, counts a failure and prints the result; the caller then
// signals its parent.
func (c *common) finish(run *runContext, err any) {
	if err != nil {
		c.doPanic(err)
	}
	c.mu.Lock()
	c.duration += time.Since(c.start)
	subs := c.sub
	c.mu.Unlock()
	if len(subs) > 0 {
		close(c.barrier)
		for _, s := range subs {
			<-s.signal
		}
	}
	if r := c.runCleanup(); r != nil {
		c.doPanic(r)
	}
	if c.Failed() {
		run.mu.Lock()
		run.numFailed++
		run.mu.Unlock()
	}
	c.report()
	c.mu.Lock()
	c.done = true
	c.mu.Unlock()
}

func (c *common) doPanic(err any) {
	c.Fail()
	c.runCleanup()
	for p := c; p.parent != nil; p = p.parent {
		p.mu.Lock()
		p.duration += time.Since(p.start)
		d := p.duration
		p.mu.Unlock()
		p.flushToParent("--- FAIL: %s (%s)\n", p.name, fmtDuration(d))
	}
	panic(err)
}

// report writes the test's `--- FAIL`/`--- PASS`/`--- SKIP` line and its output.
func (c *common) report() {
	if c.parent == nil {
		return
	}
	d := fmtDuration(c.duration)
	if c.Failed() {
		c.flushToParent("--- FAIL: %s (%s)\n", c.name, d)
	} else if c.chatty != nil {
		if c.Skipped() {
			c.flushToParent("--- SKIP: %s (%s)\n", c.name, d)
		} else {
			c.flushToParent("--- PASS: %s (%s)\n", c.name, d)
		}
	}
}

// ---- M: the generated main's handle

// InternalTest is one Test function (filled in by csp test).
type InternalTest struct {
	Name string
	F    func(*T)
}

// InternalBenchmark is one Benchmark function.
type InternalBenchmark struct {
	Name string
	F    func(b *B)
}

// InternalExample is one Example function with its expected output.
type InternalExample struct {
	Name      string
	F         func()
	Output    string
	Unordered bool
}

// M is what TestMain receives; m.Run runs the tests.
type M struct {
	tests      []InternalTest
	benchmarks []InternalBenchmark
	fuzzes     []InternalFuzzTarget
	examples   []InternalExample
	exitCode   int
}

// MainStart makes the M that the generated main runs (Go's signature
// without the deps).
func MainStart(tests []InternalTest, benchmarks []InternalBenchmark, fuzzTargets []InternalFuzzTarget, examples []InternalExample) *M {
	Init()
	return &M{tests: tests, benchmarks: benchmarks, fuzzes: fuzzTargets, examples: examples}
}

// MainExitCode is the code the last m.Run returned: the generated main
// exits with it after a TestMain that returned (Go 1.15's rule).
func MainExitCode(m *M) int { return m.exitCode }

// Run runs the tests, examples and (with -bench) benchmarks, prints PASS or
// FAIL and returns the exit code: 0 when all passed, else 1.
func (m *M) Run() int {
	if !flag.Parsed() {
		flag.Parse()
	}
	if flagCount < 1 {
		flagCount = 1
	}
	if flagList != "" {
		m.list()
		return 0
	}
	if flagTimeout > 0 {
		deadline = time.Now().Add(flagTimeout)
		startAlarm(flagTimeout)
	}
	chatty := (*chattyPrinter)(nil)
	if flagV {
		chatty = &chattyPrinter{}
	}
	parseCPUList()
	ok, ran := true, false
	for _, procs := range cpuList { // -cpu and -count repeat the tests, not the examples
		runtime.GOMAXPROCS(procs)
		for i := 0; i < flagCount && (ok || !flagFailfast); i++ {
			tok, tran := runTests(m.tests, chatty)
			ok = ok && tok
			ran = ran || tran
		}
	}
	for _, procs := range cpuList { // then the fuzz tests' seed corpora, as Go's
		runtime.GOMAXPROCS(procs)
		for i := 0; i < flagCount && (ok || !flagFailfast); i++ {
			fok, fran := runFuzzTests(m.fuzzes, chatty)
			ok = ok && fok
			ran = ran || fran
			if !fran {
				break
			}
		}
	}
	eran, eok := runExamples(m.examples, chatty)
	ok = ok && eok
	ran = ran || eran
	if !ran && flagBench == "" && flagFuzz == "" {
		fmt.Fprintln(os.Stderr, "testing: warning: no tests to run")
	}
	if ok && flagBench != "" {
		ok = runBenchmarks(m.benchmarks, chatty)
	}
	if ok {
		ok = runFuzzing(m.fuzzes)
	}
	if !ok {
		fmt.Print("FAIL\n")
		m.exitCode = 1
		return 1
	}
	fmt.Print("PASS\n")
	m.exitCode = 0
	return 0
}

// parseCPUList reads -cpu 1,2,4 (default: the current GOMAXPROCS).
func parseCPUList() {
	cpuList = nil
	for _, f := range strings.Split(flagCPU, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n := 0
		for _, c := range f {
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if n <= 0 {
			fmt.Fprintf(os.Stderr, "testing: invalid value %q for -test.cpu\n", f)
			os.Exit(1)
		}
		cpuList = append(cpuList, n)
	}
	if cpuList == nil {
		cpuList = []int{runtime.GOMAXPROCS(-1)}
	}
}

// list prints the names -list selects: tests, benchmarks, fuzz tests,
// examples.
func (m *M) list() {
	if _, msg := matchString(flagList, ""); msg != "" {
		fmt.Fprintf(os.Stderr, "testing: invalid regexp in -test.list (%q): %s\n", flagList, msg)
		os.Exit(1)
	}
	var names []string
	for _, t := range m.tests {
		names = append(names, t.Name)
	}
	for _, b := range m.benchmarks {
		names = append(names, b.Name)
	}
	for _, f := range m.fuzzes {
		names = append(names, f.Name)
	}
	for _, e := range m.examples {
		names = append(names, e.Name)
	}
	for _, n := range names {
		if ok, _ := matchString(flagList, n); ok {
			fmt.Println(n)
		}
	}
}

// deadline is when -timeout fires (zero without one).
var deadline time.Time

// Deadline reports when -timeout will stop the test binary; ok is false
// when there is no timeout.
func (t *T) Deadline() (time.Time, bool) {
	return deadline, !deadline.IsZero()
}

// running holds the tests running now, for -timeout's report.
var running struct {
	mu    sync.Mutex
	start map[string]time.Time
}

func setRunning(name string, on bool) {
	running.mu.Lock()
	if running.start == nil {
		running.start = map[string]time.Time{}
	}
	if on {
		running.start[name] = time.Now()
	} else {
		delete(running.start, name)
	}
	running.mu.Unlock()
}

// startAlarm panics the program after d, as Go's -timeout does, naming
// the tests still running.
func startAlarm(d time.Duration) {
	time.AfterFunc(d, func() {
		running.mu.Lock()
		var names []string
		for n := range running.start {
			names = append(names, n)
		}
		sort.Strings(names)
		msg := fmt.Sprintf("test timed out after %v", d)
		if len(names) > 0 {
			msg += "\n\trunning tests:"
			for _, n := range names {
				msg += fmt.Sprintf("\n\t\t%s (%v)", n, time.Since(running.start[n]).Round(time.Second))
			}
		}
		running.mu.Unlock()
		panic(msg)
	})
}

func runTests(tests []InternalTest, chatty *chattyPrinter) (ok, ran bool) {
	rc := &runContext{match: newMatcher(flagRun, "-test.run", flagSkip)}
	root := &T{common: common{chatty: chatty, barrier: make(chan bool),
		signal: make(chan bool, 1)}, run: rc}
	go tRunner(root, func(t *T) {
		for _, test := range tests {
			if flagFailfast && rc.failures() > 0 {
				break
			}
			if ok, _ := matchPath(rc.match.alts, []string{rewrite(test.Name)}, true); ok {
				ran = true
			}
			t.Run(test.Name, test.F)
		}
	})
	<-root.signal
	return !root.Failed(), ran
}

// ---- examples

func runExamples(examples []InternalExample, chatty *chattyPrinter) (ran, ok bool) {
	ok = true
	m := newMatcher(flagRun, "-test.run", flagSkip)
	for _, eg := range examples {
		if _, matched := m.fullName(nil, eg.Name); !matched {
			continue
		}
		ran = true
		if !runExample(eg, chatty) {
			ok = false
		}
	}
	return ran, ok
}

func runExample(eg InternalExample, chatty *chattyPrinter) (passed bool) {
	if chatty != nil {
		fmt.Printf("=== RUN   %s\n", eg.Name)
	}
	saved := captureStart()
	start := time.Now()
	finished := false
	defer func() {
		out := captureStop(saved)
		passed = eg.result(out, time.Since(start), finished, recover(), chatty)
	}()
	eg.F()
	finished = true
	return true
}

// result compares stdout with the example's output and reports it.
func (eg *InternalExample) result(stdout string, d time.Duration, finished bool, recovered any, chatty *chattyPrinter) bool {
	got := strings.TrimSpace(stdout)
	want := strings.TrimSpace(eg.Output)
	fail := ""
	if eg.Unordered {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		sort.Strings(gl)
		sort.Strings(wl)
		if strings.Join(gl, "\n") != strings.Join(wl, "\n") && recovered == nil {
			fail = fmt.Sprintf("got:\n%s\nwant (unordered):\n%s\n", stdout, eg.Output)
		}
	} else if got != want && recovered == nil {
		fail = fmt.Sprintf("got:\n%s\nwant:\n%s\n", got, want)
	}
	passed := fail == "" && finished && recovered == nil
	if !passed {
		fmt.Printf("--- FAIL: %s (%s)\n%s", eg.Name, fmtDuration(d), fail)
	} else if chatty != nil {
		fmt.Printf("--- PASS: %s (%s)\n", eg.Name, fmtDuration(d))
	}
	if recovered != nil {
		panic(recovered)
	}
	if !finished {
		panic("test executed panic(nil) or runtime.Goexit")
	}
	return passed
}

// ---- benchmarks

// B is the state of one benchmark; b.N is the number of iterations to time.
type B struct {
	common
	N           int
	benchFunc   func(b *B)
	benchTime   time.Duration
	benchN      int // -benchtime Nx: exactly N iterations
	timerOn     bool
	timerAt     time.Time
	elapsed     time.Duration
	loopN       int // b.Loop: iterations so far in this round
	loopDone    bool
	hasSub      bool // called b.Run: no result line of its own
	state       *benchState
	bytes       int64              // SetBytes
	extra       map[string]float64 // ReportMetric, per round
	parallelism int                // RunParallel: goroutines per P
	prevN       int                // the previous round's b.N and time,
	prevTime    time.Duration      // for RunParallel's batch size
	showAllocs  bool               // ReportAllocs: B/op and allocs/op
	startAllocs uint64             // allocCounts when the timer started
	startBytes  uint64
	netAllocs   uint64 // allocated while the timer ran
	netBytes    uint64
}

// StartTimer starts timing (benchmarks start with the timer on).
func (b *B) StartTimer() {
	if !b.timerOn {
		b.startAllocs, b.startBytes = allocCounts()
		b.timerAt = time.Now()
		b.timerOn = true
	}
}

// StopTimer stops timing, e.g. around setup that should not count.
func (b *B) StopTimer() {
	if b.timerOn {
		b.elapsed += time.Since(b.timerAt)
		b.timerOn = false
		n, by := allocCounts()
		b.netAllocs += n - b.startAllocs
		b.netBytes += by - b.startBytes
	}
}

// ResetTimer zeroes the elapsed time (the timer keeps its state).
func (b *B) ResetTimer() {
	if b.timerOn {
		b.startAllocs, b.startBytes = allocCounts()
		b.timerAt = time.Now()
	}
	b.elapsed = 0
	b.netAllocs, b.netBytes = 0, 0
}

// ReportAllocs adds the bytes and objects allocated per iteration to the
// result line (B/op, allocs/op), as -benchmem does for every benchmark.
// They count what the program asked of the collector while the timer ran,
// csp's own objects included: a csp value's layout is not Go's, so the
// figures are csp's, not what Go would print for the same code.
func (b *B) ReportAllocs() { b.showAllocs = true }

// SetBytes records the bytes one iteration processes: the result line
// adds MB/s.
func (b *B) SetBytes(n int64) { b.bytes = n }

// ReportMetric adds n unit (e.g. 3.5 "hits/op") to the result line;
// "ns/op" and "MB/s" replace the measured ones.
func (b *B) ReportMetric(n float64, unit string) {
	if unit == "" {
		panic("metric unit must not be empty")
	}
	if strings.ContainsAny(unit, " \t\n\r\v\f") {
		panic("metric unit must not contain whitespace")
	}
	b.extra[unit] = n
}

// Elapsed returns the measured time so far.
func (b *B) Elapsed() time.Duration {
	d := b.elapsed
	if b.timerOn {
		d += time.Since(b.timerAt)
	}
	return d
}

// Loop reports whether the benchmark should run another iteration
// (Go 1.24): the first call resets the timer; the loop ends once b.N
// iterations ran, b.N growing as runN's ramp does until the benchmark
// time is reached, so the function itself runs once.
func (b *B) Loop() bool {
	if b.loopN == 0 && !b.loopDone {
		b.ResetTimer()
		b.StartTimer()
		b.N = 1
		if b.benchN > 0 {
			b.N = b.benchN
		}
	}
	if b.loopN < b.N {
		b.loopN++
		return true
	}
	if b.benchN == 0 && b.Elapsed() < b.benchTime && b.N < 1000000000 {
		b.N = predictN(b.benchTime.Nanoseconds(), int64(b.N), b.Elapsed().Nanoseconds(), int64(b.N))
		b.loopN++
		return true
	}
	b.StopTimer()
	b.N = b.loopN
	b.loopDone = true
	return false
}

// SetParallelism sets RunParallel's goroutines to p*GOMAXPROCS (p >= 1).
func (b *B) SetParallelism(p int) {
	if p >= 1 {
		b.parallelism = p
	}
}

// PB hands out the iterations of RunParallel to one goroutine.
type PB struct {
	next  *uint64 // shared: iterations handed out so far
	grain uint64  // taken from next at a time
	left  uint64  // of the last batch, not yet run
	n     uint64  // b.N
}

// Next reports whether the goroutine should run one more iteration.
func (pb *PB) Next() bool {
	if pb.left == 0 {
		end := atomic.AddUint64(pb.next, pb.grain)
		switch {
		case end <= pb.n:
			pb.left = pb.grain
		case end < pb.n+pb.grain: // the last, partial batch
			pb.left = pb.n + pb.grain - end
		default:
			return false
		}
	}
	pb.left--
	return true
}

// RunParallel runs body in parallelism*GOMAXPROCS goroutines that share
// the b.N iterations (pb.Next), in batches of about 100µs as measured by
// the previous round, between 1 and 10000 iterations.
func (b *B) RunParallel(body func(*PB)) {
	if b.N == 0 {
		return
	}
	grain := uint64(1)
	if b.prevN > 0 && b.prevTime > 0 {
		grain = uint64(100000 * int64(b.prevN) / b.prevTime.Nanoseconds())
	}
	grain = min(max(grain, 1), 10000)
	p := b.parallelism
	if p < 1 {
		p = 1
	}
	var next uint64
	var wg sync.WaitGroup
	for i := 0; i < p*runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body(&PB{next: &next, grain: grain, n: uint64(b.N)})
		}()
	}
	wg.Wait()
	if atomic.LoadUint64(&next) <= uint64(b.N) && !b.Failed() {
		b.Fatal("RunParallel: body exited without pb.Next() == false")
	}
}

// predictN is Go's ramp: aim at the goal with 1.2x headroom, at most 100x
// the last count, at least one more, at most 1e9.
func predictN(goalns, prevIters, prevns, last int64) int {
	if prevns == 0 {
		prevns = 1
	}
	n := goalns * prevIters / prevns
	n += n / 5
	n = min(n, 100*last)
	n = max(n, last+1)
	n = min(n, 1000000000)
	return int(n)
}

// runN runs the benchmark function once with b.N = n, in its own
// goroutine (FailNow ends it), and records the time.
func (b *B) runN(n int) {
	b.prevN, b.prevTime = b.N, b.elapsed
	b.N = n
	b.extra = map[string]float64{}
	b.loopN = 0
	b.loopDone = false
	b.elapsed = 0
	b.netAllocs, b.netBytes = 0, 0
	b.timerOn = false
	b.finished = false
	done := make(chan bool)
	go func() {
		defer func() {
			b.StopTimer()
			if !b.finished && !b.Failed() && !b.Skipped() {
				if r := recover(); r != nil {
					fmt.Printf("--- FAIL: %s\n", b.name)
					panic(r)
				}
			}
			done <- true
		}()
		b.StartTimer()
		b.benchFunc(b)
		b.finished = true
	}()
	<-done
}

// Run runs f as a sub-benchmark named NAME/name: its own result line; the
// parent, having sub-benchmarks, prints none.
func (b *B) Run(name string, f func(b *B)) bool {
	b.hasSub = true
	full, ok := b.state.match.fullName(&b.common, name)
	if !ok {
		return true
	}
	sub := &B{common: common{name: full, bench: true, chatty: b.chatty,
		parent: &b.common, level: b.level + 1},
		benchFunc: f, benchTime: b.benchTime, benchN: b.benchN, state: b.state}
	if b.chatty != nil {
		fmt.Println(full)
	}
	sub.process()
	return !sub.Failed()
}

// benchState is what the benchmarks of one run share.
type benchState struct {
	match  *matcher
	maxLen int // the name column's width
	ext    int // len("-P")
}

// launch ramps b.N until the run takes the benchmark time (Go's launch),
// starting from run1's single iteration.
func (b *B) launch() {
	if b.benchN > 0 {
		b.runN(b.benchN)
		return
	}
	for n := int64(1); !b.Failed() && b.elapsed < b.benchTime && n < 1000000000; {
		last := n
		n = int64(predictN(b.benchTime.Nanoseconds(), int64(b.N), b.elapsed.Nanoseconds(), last))
		b.runN(int(n))
	}
}

// process runs b once (run1: a benchmark with sub-benchmarks stops
// there), then ramps it and prints NAME-P <tab> N <tab> T ns/op.
func (b *B) process() {
	if n := len(b.name) + b.state.ext + 1; n > b.state.maxLen {
		b.state.maxLen = n + 8 // Go's slack, so the column rarely jumps
	}
	b.runN(1)
	if b.Failed() {
		fmt.Printf("--- FAIL: %s\n%s", b.name, string(b.output))
		return
	}
	if b.hasSub {
		if len(b.output) > 0 {
			fmt.Printf("--- BENCH: %s\n%s", b.name, string(b.output))
		}
		return
	}
	name := b.name
	if procs := runtime.GOMAXPROCS(-1); procs != 1 {
		name = fmt.Sprintf("%s-%d", b.name, procs)
	}
	fmt.Printf("%-*s\t", b.state.maxLen, name)
	if !b.loopDone {
		b.launch()
	}
	if b.Failed() {
		fmt.Printf("--- FAIL: %s\n%s", name, string(b.output))
		return
	}
	line := b.result()
	if flagBenchmem || b.showAllocs {
		line += "\t" + b.res().MemString()
	}
	fmt.Println(line)
	if len(b.output) > 0 {
		fmt.Printf("--- BENCH: %s\n%s", name, string(b.output))
	}
}

// result is the line after the name: N, ns/op, MB/s, then the reported
// metrics by unit (Go's BenchmarkResult.String).
func (b *B) result() string {
	line := fmt.Sprintf("%8d", b.N)
	ns, ok := b.extra["ns/op"]
	if !ok && b.N > 0 {
		ns = float64(b.elapsed.Nanoseconds()) / float64(b.N)
	}
	if ns != 0 {
		line += "\t" + prettyPrint(ns, "ns/op")
	}
	mbs, ok := b.extra["MB/s"]
	if !ok && b.bytes > 0 && b.elapsed > 0 && b.N > 0 {
		mbs = float64(b.bytes) * float64(b.N) / 1e6 / b.elapsed.Seconds()
	}
	if mbs != 0 {
		line += fmt.Sprintf("\t%7.2f MB/s", mbs)
	}
	var units []string
	for u := range b.extra {
		switch u {
		case "ns/op", "MB/s", "B/op", "allocs/op":
		default:
			units = append(units, u)
		}
	}
	sort.Strings(units)
	for _, u := range units {
		line += "\t" + prettyPrint(b.extra[u], u)
	}
	return line
}

// prettyPrint is Go's layout: ten places before the point, four
// significant figures for small values.
func prettyPrint(x float64, unit string) string {
	y := x
	if y < 0 {
		y = -y
	}
	format := "%18.7f %s"
	switch {
	case y == 0 || y >= 999.95:
		format = "%10.0f %s"
	case y >= 99.995:
		format = "%12.1f %s"
	case y >= 9.9995:
		format = "%13.2f %s"
	case y >= 0.99995:
		format = "%14.3f %s"
	case y >= 0.099995:
		format = "%15.4f %s"
	case y >= 0.0099995:
		format = "%16.5f %s"
	case y >= 0.00099995:
		format = "%17.6f %s"
	}
	return fmt.Sprintf(format, x, unit)
}

// parseBenchtime reads -benchtime: a duration, or Nx for N iterations.
func parseBenchtime(s string) (time.Duration, int) {
	if strings.HasSuffix(s, "x") {
		n := 0
		for _, c := range s[:len(s)-1] {
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if n > 0 {
			return 0, n
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		fmt.Fprintf(os.Stderr, "testing: invalid -test.benchtime %q\n", s)
		os.Exit(2)
	}
	return d, 0
}

func runBenchmarks(benchmarks []InternalBenchmark, chatty *chattyPrinter) bool {
	d, n := parseBenchtime(flagBenchtime)
	st := &benchState{match: newMatcher(flagBench, "-test.bench", flagSkip)}
	if procs := slices.Max(cpuList); procs != 1 {
		st.ext = len(fmt.Sprintf("-%d", procs))
	}
	var bs []InternalBenchmark
	for _, bm := range benchmarks {
		if _, ok := st.match.fullName(nil, bm.Name); ok {
			bs = append(bs, bm)
			if l := len(bm.Name) + 2*st.ext + 1; l > st.maxLen { // Go: the name with -P, plus room
				st.maxLen = l
			}
		}
	}
	if len(bs) == 0 {
		return true
	}
	fmt.Printf("goos: %s\ngoarch: %s\n", runtime.GOOS, runtime.GOARCH)
	if cpu := cpuName(); cpu != "" {
		fmt.Printf("cpu: %s\n", cpu)
	}
	root := &common{name: "Main", bench: true}
	ok := true
	for _, bm := range bs {
		if chatty != nil {
			fmt.Println(bm.Name)
		}
		for _, procs := range cpuList {
			runtime.GOMAXPROCS(procs)
			for i := 0; i < flagCount; i++ {
				b := &B{common: common{name: bm.Name, bench: true, chatty: chatty,
					parent: root, level: 1}, benchFunc: bm.F, benchTime: d, benchN: n,
					state: st}
				b.process()
				if b.Failed() {
					ok = false
				}
			}
		}
	}
	return ok
}

// BenchmarkResult is what one benchmark measured.
type BenchmarkResult struct {
	N         int                // iterations
	T         time.Duration      // their total time
	Bytes     int64              // SetBytes: bytes per iteration
	MemAllocs uint64             // objects allocated while timed
	MemBytes  uint64             // their bytes
	Extra     map[string]float64 // ReportMetric's metrics
}

// res is b's result so far.
func (b *B) res() BenchmarkResult {
	return BenchmarkResult{N: b.N, T: b.elapsed, Bytes: b.bytes, MemAllocs: b.netAllocs,
		MemBytes: b.netBytes, Extra: b.extra}
}

// AllocsPerOp is the objects allocated per iteration (or the reported
// "allocs/op" metric).
func (r BenchmarkResult) AllocsPerOp() int64 {
	if v, ok := r.Extra["allocs/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return int64(r.MemAllocs) / int64(r.N)
}

// AllocedBytesPerOp is the bytes allocated per iteration (or the reported
// "B/op" metric).
func (r BenchmarkResult) AllocedBytesPerOp() int64 {
	if v, ok := r.Extra["B/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return int64(r.MemBytes) / int64(r.N)
}

// MemString is the memory columns: "      64 B/op	       1 allocs/op".
func (r BenchmarkResult) MemString() string {
	return fmt.Sprintf("%8d B/op\t%8d allocs/op", r.AllocedBytesPerOp(), r.AllocsPerOp())
}

// AllocsPerRun is the average number of objects f allocates per call,
// over runs calls after one to warm up, with GOMAXPROCS 1 meanwhile.
func AllocsPerRun(runs int, f func()) (avg float64) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	f()
	before, _ := allocCounts()
	for i := 0; i < runs; i++ {
		f()
	}
	after, _ := allocCounts()
	return float64((after - before) / uint64(runs))
}

// NsPerOp is the time of one iteration in nanoseconds (or the reported
// "ns/op" metric).
func (r BenchmarkResult) NsPerOp() int64 {
	if v, ok := r.Extra["ns/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return r.T.Nanoseconds() / int64(r.N)
}

// String is the result line without the name: "  1000000	      1052 ns/op".
func (r BenchmarkResult) String() string {
	b := &B{N: r.N, elapsed: r.T, bytes: r.Bytes, extra: r.Extra}
	return b.result()
}

// Benchmark runs f as a benchmark outside csp test (Go's
// testing.Benchmark): b.N ramps to 1s, or -test.benchtime when set.
func Benchmark(f func(b *B)) BenchmarkResult {
	d, n := time.Second, 0
	if flagBenchtime != "" {
		d, n = parseBenchtime(flagBenchtime)
	}
	b := &B{common: common{name: "", bench: true}, benchFunc: f,
		benchTime: d, benchN: n}
	b.runN(1)
	if b.Failed() || b.hasSub {
		return BenchmarkResult{}
	}
	if !b.loopDone {
		b.launch()
	}
	return b.res()
}

// ---- fuzz tests
//
// Without -fuzz, a FuzzX runs its seed corpus (the F.Add values, then the
// files of testdata/fuzz/FuzzX in Go's "go test fuzz v1" format) as
// subtests FuzzX/seed#0, FuzzX/FILE, as Go's. With -fuzz, the one fuzz test
// it selects runs its seed corpus, then random mutations of it in
// -parallel (GOMAXPROCS) goroutines until -fuzztime runs out or an input
// fails; a failing input is minimized (Go's steps for strings and byte
// slices), written to testdata/fuzz/FuzzX/HASH and reported with the
// command that re-runs it. Go's fuzzing engine runs worker processes and
// steers its mutations by coverage; csp's runs in the test's own process
// (a panicking input is recovered and reported as a failure) and, having
// no coverage counters, mutates blindly, so its progress lines are Go's
// for a platform without coverage ("testing seed corpus", "execs").

// InternalFuzzTarget is one Fuzz function (filled in by csp test).
type InternalFuzzTarget struct {
	Name string
	Fn   func(f *F)
}

// F is the state of one fuzz test: F.Add seeds, F.Fuzz runs the target.
type F struct {
	common
	run        *runContext
	corpus     []corpusEntry
	inFuzzFn   bool // the target runs: F methods but Name and Failed panic
	fuzzCalled bool
	fuzzing    bool // -fuzz selected this fuzz test
}

// corpusEntry is one input: its name (seed#N or the corpus file's) and
// one value per argument of the target.
type corpusEntry struct {
	name   string
	values []any
}

// fuzzTypes are the argument types a fuzz target may take.
var fuzzTypes = map[reflect.Type]bool{
	reflect.TypeFor[[]byte](): true, reflect.TypeFor[string](): true,
	reflect.TypeFor[bool](): true, reflect.TypeFor[byte](): true,
	reflect.TypeFor[rune](): true, reflect.TypeFor[float32](): true,
	reflect.TypeFor[float64](): true, reflect.TypeFor[int](): true,
	reflect.TypeFor[int8](): true, reflect.TypeFor[int16](): true,
	reflect.TypeFor[int32](): true, reflect.TypeFor[int64](): true,
	reflect.TypeFor[uint](): true, reflect.TypeFor[uint8](): true,
	reflect.TypeFor[uint16](): true, reflect.TypeFor[uint32](): true,
	reflect.TypeFor[uint64](): true,
}

// Helper marks the calling function as a test helper.
func (f *F) Helper() {
	if f.inFuzzFn {
		panic("testing: f.Helper was called inside the fuzz target, use t.Helper instead")
	}
	if _, _, fn, ok := frameAt(1); ok {
		f.mu.Lock()
		if f.helpers == nil {
			f.helpers = map[string]bool{}
		}
		f.helpers[fn] = true
		f.mu.Unlock()
	}
}

// Fail marks the fuzz test failed; the target must use t.Fail instead.
func (f *F) Fail() {
	if f.inFuzzFn {
		panic("testing: f.Fail was called inside the fuzz target, use t.Fail instead")
	}
	f.common.Fail()
}

// Skipped reports whether the fuzz test was skipped.
func (f *F) Skipped() bool {
	if f.inFuzzFn {
		panic("testing: f.Skipped was called inside the fuzz target, use t.Skipped instead")
	}
	return f.common.Skipped()
}

// Add adds one input to the seed corpus: a value for each argument of the
// target after the *T.
func (f *F) Add(args ...any) {
	for _, a := range args {
		if t := reflect.TypeOf(a); !fuzzTypes[t] {
			panic(fmt.Sprintf("testing: unsupported type to Add %v", t))
		}
	}
	f.corpus = append(f.corpus, corpusEntry{name: fmt.Sprintf("seed#%d", len(f.corpus)),
		values: append([]any(nil), args...)})
}

// Fuzz runs the target ff, a func(*testing.T, args...), on the seed
// corpus (or, under -fuzz, on mutations of it).
func (f *F) Fuzz(ff any) {
	if f.fuzzCalled {
		panic("testing: F.Fuzz called more than once")
	}
	f.fuzzCalled = true
	if f.Failed() {
		return
	}
	fn := reflect.ValueOf(ff)
	ft := fn.Type()
	if ft.Kind() != reflect.Func {
		panic("testing: F.Fuzz must receive a function")
	}
	if ft.NumIn() < 2 || ft.In(0) != reflect.TypeFor[*T]() {
		panic("testing: fuzz target must receive at least two arguments, where the first argument is a *T")
	}
	if ft.NumOut() != 0 {
		panic("testing: fuzz target must not return a value")
	}
	var types []reflect.Type
	for i := 1; i < ft.NumIn(); i++ {
		t := ft.In(i)
		if !fuzzTypes[t] {
			panic(fmt.Sprintf("testing: unsupported type for fuzzing %v", t))
		}
		types = append(types, t)
	}
	for _, e := range f.corpus {
		if err := checkCorpus(e.values, types); err != nil {
			f.Fatal(err)
		}
	}
	files, err := readCorpus(filepath.Join("testdata/fuzz", f.name), types)
	if err != nil {
		f.Fatal(err)
	}
	f.corpus = append(f.corpus, files...)
	if f.fuzzing {
		f.fuzz(fn, types)
		return
	}
	for _, e := range f.corpus {
		if flagFailfast && f.run.failures() > 0 {
			return
		}
		name := f.name + "/" + e.name
		if _, ok := f.run.match.fullName(nil, name); ok {
			f.runSeed(fn, e, name)
		}
	}
}

// runSeed runs the target on e as the subtest name, as T.Run would.
func (f *F) runSeed(fn reflect.Value, e corpusEntry, name string) {
	t := &T{common: common{name: name, parent: &f.common, level: f.level + 1,
		chatty: f.chatty, barrier: make(chan bool), signal: make(chan bool, 1)},
		run: f.run}
	if t.chatty != nil {
		t.chatty.updatef(name, "=== RUN   %s\n", name)
	}
	f.inFuzzFn = true
	go tRunner(t, func(t *T) { fn.Call(fuzzArgs(t, e.values)) })
	<-t.signal
	f.inFuzzFn = false
}

func fuzzArgs(t *T, values []any) []reflect.Value {
	args := []reflect.Value{reflect.ValueOf(t)}
	for _, v := range values {
		args = append(args, reflect.ValueOf(v))
	}
	return args
}

// fRunner runs a fuzz test in its own goroutine as tRunner runs a test:
// however fn ends, it waits for parallel seeds, runs the cleanups, reports
// and signals.
func fRunner(f *F, fn func(*F)) {
	f.start = time.Now()
	races := raceErrors()
	setRunning(f.name, true)
	defer func() {
		err := recover()
		setRunning(f.name, false)
		f.checkRaces(races)
		f.mu.Lock()
		finished, skipped, failed := f.finished, f.skipped, f.failed
		f.mu.Unlock()
		if err == nil && !finished && !skipped && !failed {
			err = fmt.Errorf("test executed panic(nil) or runtime.Goexit")
		}
		if err == nil && !f.fuzzCalled && !skipped && !failed {
			f.logRaw("fuzz.go:666: returned without calling F.Fuzz, F.Fail, or F.Skip\n")
			f.common.Fail()
		}
		f.finish(f.run, err)
		f.signal <- true
	}()
	fn(f)
	f.mu.Lock()
	f.finished = true
	f.mu.Unlock()
}

// newF makes the F of target name under root.
func newF(name string, root *common, rc *runContext) *F {
	return &F{common: common{name: name, parent: root, level: root.level + 1,
		chatty: root.chatty, barrier: make(chan bool), signal: make(chan bool, 1)},
		run: rc}
}

// runFuzzTests runs the seed corpora of the fuzz tests -run selects (all
// but the one -fuzz fuzzes later).
func runFuzzTests(targets []InternalFuzzTarget, chatty *chattyPrinter) (ok, ran bool) {
	ok = true
	if len(targets) == 0 {
		return ok, ran
	}
	rc := &runContext{match: newMatcher(flagRun, "-test.run", flagSkip)}
	var fm *matcher
	if flagFuzz != "" {
		fm = newMatcher(flagFuzz, "-test.fuzz", flagSkip)
	}
	root := &common{chatty: chatty}
	for _, ft := range targets {
		if flagFailfast && rc.failures() > 0 {
			break
		}
		name, matched := rc.match.fullName(nil, ft.Name)
		if !matched {
			continue
		}
		if fm != nil {
			if _, fuzzed := fm.fullName(nil, ft.Name); fuzzed {
				continue // its seeds run when it is fuzzed
			}
		}
		f := newF(name, root, rc)
		if chatty != nil {
			chatty.updatef(name, "=== RUN   %s\n", name)
		}
		go fRunner(f, ft.Fn)
		<-f.signal
		ok = ok && !f.Failed()
		ran = true
	}
	return ok, ran
}

// runFuzzing fuzzes the one fuzz test -fuzz selects (true without -fuzz).
func runFuzzing(targets []InternalFuzzTarget) bool {
	if len(targets) == 0 || flagFuzz == "" {
		return true
	}
	m := newMatcher(flagFuzz, "-test.fuzz", flagSkip)
	var matched []string
	var target InternalFuzzTarget
	for _, ft := range targets {
		if name, ok := m.fullName(nil, ft.Name); ok {
			matched = append(matched, name)
			target = ft
		}
	}
	if len(matched) == 0 {
		fmt.Fprintln(os.Stderr, "testing: warning: no fuzz tests to fuzz")
		return true
	}
	if len(matched) > 1 {
		fmt.Fprintf(os.Stderr, "testing: will not fuzz, -fuzz matches more than one fuzz test: %v\n", matched)
		return false
	}
	root := &common{}
	if flagV {
		root.chatty = &chattyPrinter{}
	}
	f := newF(matched[0], root, &runContext{match: m})
	f.fuzzing = true
	if f.chatty != nil {
		f.chatty.updatef(f.name, "=== RUN   %s\n", f.name)
	}
	go fRunner(f, target.Fn)
	<-f.signal
	if f.chatty != nil {
		f.chatty.updatef("", "=== NAME  %s\n", "")
	}
	return !f.Failed()
}

// parseCountOrDuration reads -fuzztime and -fuzzminimizetime: Nx or a
// duration ("" is no limit); an invalid one ends the program as Go's flag
// parsing would.
func parseCountOrDuration(name, s string, zeroOK bool) (time.Duration, int64) {
	if s == "" {
		return 0, 0
	}
	if strings.HasSuffix(s, "x") {
		n, err := strconv.ParseInt(s[:len(s)-1], 10, 64)
		if err == nil && n >= 0 && (zeroOK || n > 0) {
			return 0, n
		}
		fmt.Fprintf(os.Stderr, "invalid value %q for flag -test.%s: invalid count\n", s, name)
		os.Exit(2)
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 || (!zeroOK && d == 0) {
		fmt.Fprintf(os.Stderr, "invalid value %q for flag -test.%s: invalid duration\n", s, name)
		os.Exit(2)
	}
	return d, 0
}

// fuzzer is the state of one -fuzz run.
type fuzzer struct {
	f       *F
	fn      reflect.Value
	types   []reflect.Type
	corpus  []corpusEntry
	start   time.Time
	execs   atomic.Int64 // inputs run so far
	claimed atomic.Int64 // inputs handed out (the -fuzztime Nx limit)
	stop    atomic.Bool
	mu      sync.Mutex
	crash   []any // the first failing input, and its report
	msg     string
}

func (z *fuzzer) logf(format string, args ...any) {
	el := time.Since(z.start).Round(time.Second)
	fmt.Printf("fuzz: elapsed: %s, "+format, append([]any{el}, args...)...)
}

// fuzz is F.Fuzz under -fuzz: the seed corpus, then mutations.
func (f *F) fuzz(fn reflect.Value, types []reflect.Type) {
	z := &fuzzer{f: f, fn: fn, types: types, corpus: f.corpus, start: time.Now()}
	d, limit := parseCountOrDuration("fuzztime", flagFuzztime, false)
	if len(z.corpus) == 0 {
		fmt.Printf("warning: starting with empty corpus\n")
		var zero []any
		for _, t := range types {
			zero = append(zero, reflect.Zero(t).Interface())
		}
		sum := sha256.Sum256(marshalCorpus(zero))
		z.corpus = []corpusEntry{{name: fmt.Sprintf("%x", sum[:4]), values: zero}}
	}
	z.logf("testing seed corpus: 0/%d completed\n", len(z.corpus))
	for i, e := range z.corpus {
		if ok, msg := z.exec(e.values); !ok {
			fmt.Printf("failure while testing seed corpus entry: %s/%s\n", f.name, e.name)
			z.logf("testing seed corpus: %d/%d completed\n", i, len(z.corpus))
			f.fuzzFailed(msg, "")
			return
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if limit > 0 && int64(workers) > limit {
		workers = int(limit)
	}
	z.logf("testing seed corpus: %d/%d completed, now fuzzing with %d workers\n",
		len(z.corpus), len(z.corpus), workers)
	var deadline time.Time
	if d > 0 {
		deadline = z.start.Add(d)
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(seed int64) {
			defer wg.Done()
			z.work(rand.New(rand.NewSource(seed)), limit, deadline)
		}(time.Now().UnixNano() + int64(w))
	}
	done := make(chan bool)
	go func() {
		wg.Wait()
		close(done)
	}()
	ticker := time.NewTicker(3 * time.Second)
	last, lastAt := int64(0), time.Now()
	stats := func() {
		n := z.execs.Load()
		z.logf("execs: %d (%.0f/sec)\n", n, float64(n-last)/time.Since(lastAt).Seconds())
		last, lastAt = n, time.Now()
	}
	for running := true; running; {
		select {
		case <-done:
			running = false
		case <-ticker.C:
			stats()
		}
	}
	ticker.Stop()
	if z.crash == nil {
		stats()
		return
	}
	if z.minimizable() {
		fmt.Printf("fuzz: minimizing %d-byte failing input file\n", len(marshalCorpus(z.crash)))
		z.minimize()
		z.logf("minimizing\n")
	} else {
		stats()
	}
	data := marshalCorpus(z.crash)
	sum := sha256.Sum256(data)
	dir := filepath.Join("testdata/fuzz", f.name)
	path := filepath.Join(dir, fmt.Sprintf("%x", sum)[:16])
	err := os.MkdirAll(dir, 0777)
	if err == nil {
		err = os.WriteFile(path, data, 0666)
	}
	if err != nil {
		f.fuzzFailed(z.msg+"\n"+err.Error(), "")
		return
	}
	f.fuzzFailed(z.msg, path)
}

// work runs mutated inputs until the limit, the deadline or a failure.
// Mutations pile up on one input for a while, then start again from a
// corpus entry.
func (z *fuzzer) work(r *rand.Rand, limit int64, deadline time.Time) {
	var cur []any
	for !z.stop.Load() {
		if limit > 0 && z.claimed.Add(1) > limit {
			return
		}
		if !deadline.IsZero() && time.Now().After(deadline) {
			return
		}
		if cur == nil || r.Intn(16) == 0 {
			cur = copyValues(z.corpus[r.Intn(len(z.corpus))].values)
		}
		for n := 1 + r.Intn(3); n > 0; n-- {
			i := r.Intn(len(cur))
			cur[i] = mutate(cur[i], r)
		}
		in := copyValues(cur) // the target may keep or change its arguments
		ok, msg := z.exec(in)
		z.execs.Add(1)
		if !ok {
			z.mu.Lock()
			if z.crash == nil {
				z.crash, z.msg = copyValues(cur), msg
				z.stop.Store(true)
			}
			z.mu.Unlock()
			return
		}
	}
}

// exec runs the target once on values, in its own goroutine as a test of
// the fuzz test's name; it reports whether the input passed and, if not,
// the test's report (its --- FAIL line and log). A panic is recovered and
// reported with its stack, as Go's worker reports it.
func (z *fuzzer) exec(values []any) (ok bool, report string) {
	f := z.f
	shadow := &common{name: f.name, level: 1, barrier: make(chan bool)}
	close(shadow.barrier) // t.Parallel has no effect while fuzzing
	t := &T{common: common{name: f.name, parent: shadow, level: 2,
		barrier: make(chan bool), signal: make(chan bool, 1)},
		run: &runContext{match: newMatcher("", "-test.fuzz", "")}}
	go tRunner(t, func(t *T) {
		defer func() {
			if r := recover(); r != nil {
				s := fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
				s = strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+indent)
				t.logRaw("testing.go:1927: " + s + "\n")
				t.Fail()
			}
		}()
		z.fn.Call(fuzzArgs(t, values))
	})
	<-t.signal
	if t.parallel { // Parallel signalled early: wait for the end
		<-t.signal
	}
	if !t.Failed() {
		return true, ""
	}
	shadow.mu.Lock()
	out := string(shadow.output)
	shadow.mu.Unlock()
	lines := strings.SplitAfter(out, "\n") // one level less: f indents it
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, indent)
	}
	return false, strings.Join(lines, "")
}

// fuzzFailed records the failing input's report in f's output, and where
// the input was written (path, "" for a seed corpus entry).
func (f *F) fuzzFailed(msg, path string) {
	f.common.Fail()
	s := msg + "\n"
	if path != "" {
		files := ""
		if flagFuzzfiles != "" {
			files = " " + flagFuzzfiles
		}
		s += fmt.Sprintf("Failing input written to %s\nTo re-run:\ncsp test -run=%s/%s%s\n",
			path, f.name, filepath.Base(path), files)
	}
	f.mu.Lock()
	f.output = append(f.output, indentLines(s)...)
	f.mu.Unlock()
}

func (z *fuzzer) minimizable() bool {
	for _, v := range z.crash {
		switch v.(type) {
		case []byte, string:
			return true
		}
	}
	return false
}

// minimize shrinks the string and []byte values of the failing input
// while it keeps failing, within -fuzzminimizetime: cut the tail, drop
// single bytes, drop runs, then make bytes printable (Go's steps).
func (z *fuzzer) minimize() {
	d, limit := parseCountOrDuration("fuzzminimizetime", flagFuzzmin, true)
	start, tries := time.Now(), int64(0)
	stop := func() bool {
		tries++
		return (limit > 0 && tries > limit) || (d > 0 && time.Since(start) > d) ||
			(limit == 0 && d == 0)
	}
	for i, v := range z.crash {
		var b []byte
		switch x := v.(type) {
		case []byte:
			b = append([]byte(nil), x...)
		case string:
			b = []byte(x)
		default:
			continue
		}
		try := func(cand []byte) bool {
			vals := copyValues(z.crash)
			if _, isStr := v.(string); isStr {
				vals[i] = string(cand)
			} else {
				vals[i] = append([]byte(nil), cand...)
			}
			ok, msg := z.exec(vals)
			if !ok {
				z.crash, z.msg = vals, msg
			}
			return !ok
		}
		minimizeBytes(b, try, stop)
	}
}

// minimizeBytes: try(candidate) reports whether the smaller candidate
// still fails (and then keeps it).
func minimizeBytes(v []byte, try func([]byte) bool, stop func() bool) {
	for n := 1024; n > 0; n /= 2 { // cut the tail
		for len(v) > n {
			if stop() || !try(v[:len(v)-n]) {
				break
			}
			v = v[:len(v)-n]
		}
	}
	for i := 0; i < len(v)-1; i++ { // drop one byte
		if stop() {
			return
		}
		cand := append(append([]byte(nil), v[:i]...), v[i+1:]...)
		if try(cand) {
			v = cand
			i--
		}
	}
	for i := 0; i < len(v)-1; i++ { // drop v[i:j]
		for j := len(v); j > i+1; j-- {
			if stop() {
				return
			}
			cand := append(append([]byte(nil), v[:i]...), v[j:]...)
			if try(cand) {
				v = cand
				j = len(v)
			}
		}
	}
	const printable = "012789ABCXYZabcxyz !\"#$%&'()*+,."
	for i := range v { // a printable byte instead
		for k := 0; k < len(printable); k++ {
			if stop() {
				return
			}
			if v[i] == printable[k] {
				break
			}
			cand := append([]byte(nil), v...)
			cand[i] = printable[k]
			if try(cand) {
				v = cand
				break
			}
		}
	}
}

func copyValues(vals []any) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		if b, ok := v.([]byte); ok {
			v = append([]byte(nil), b...)
		}
		out[i] = v
	}
	return out
}

// maxFuzzLen bounds a mutated string or []byte.
const maxFuzzLen = 1 << 16

// mutate returns v changed at random, of the same type.
func mutate(v any, r *rand.Rand) any {
	switch x := v.(type) {
	case []byte:
		return mutateBytes(x, r)
	case string:
		return string(mutateBytes([]byte(x), r))
	case bool:
		return !x
	case int:
		return int(mutateInt(int64(x), r))
	case int8:
		return int8(mutateInt(int64(x), r))
	case int16:
		return int16(mutateInt(int64(x), r))
	case int32:
		return int32(mutateInt(int64(x), r))
	case int64:
		return mutateInt(x, r)
	case uint:
		return uint(mutateInt(int64(x), r))
	case uint8:
		return uint8(mutateInt(int64(x), r))
	case uint16:
		return uint16(mutateInt(int64(x), r))
	case uint32:
		return uint32(mutateInt(int64(x), r))
	case uint64:
		return uint64(mutateInt(int64(x), r))
	case float32:
		return float32(mutateFloat(float64(x), r))
	case float64:
		return mutateFloat(x, r)
	}
	return v
}

// mutateInt: a small step, a flipped bit, or an interesting value (the
// caller's conversion wraps it to the type).
func mutateInt(x int64, r *rand.Rand) int64 {
	switch r.Intn(4) {
	case 0:
		return x + int64(1+r.Intn(16))
	case 1:
		return x - int64(1+r.Intn(16))
	case 2:
		return x ^ int64(1)<<uint(r.Intn(64))
	}
	interesting := []int64{0, 1, -1, 127, -128, 255, 32767, -32768, 65535,
		1<<31 - 1, -1 << 31, 1<<32 - 1, 1<<63 - 1, -1 << 63}
	return interesting[r.Intn(len(interesting))]
}

func mutateFloat(x float64, r *rand.Rand) float64 {
	switch r.Intn(6) {
	case 0:
		return x + float64(r.Intn(16))
	case 1:
		return x - float64(r.Intn(16))
	case 2:
		return x * float64(1+r.Intn(16))
	case 3:
		return x / float64(1+r.Intn(16))
	case 4:
		return -x
	}
	return math.Float64frombits(math.Float64bits(x) ^ 1<<uint(r.Intn(64)))
}

// mutateBytes changes b (a copy) by one of: insert, append or set random
// bytes, delete or duplicate a run, flip a bit, swap two bytes, step a
// byte, or set an interesting byte.
func mutateBytes(b []byte, r *rand.Rand) []byte {
	b = append([]byte(nil), b...)
	op := r.Intn(10)
	if len(b) == 0 || len(b) >= maxFuzzLen {
		op = 0 // grow an empty input; shrink a full one
		if len(b) > 0 {
			op = 2
		}
	}
	switch op {
	case 0, 1: // insert random bytes
		if len(b) >= maxFuzzLen {
			return b
		}
		i := r.Intn(len(b) + 1)
		ins := make([]byte, 1+r.Intn(4))
		for k := range ins {
			ins[k] = byte(r.Intn(256))
		}
		return append(b[:i], append(ins, b[i:]...)...)
	case 2: // delete a run
		i := r.Intn(len(b))
		j := i + 1 + r.Intn(len(b)-i)
		return append(b[:i], b[j:]...)
	case 3: // duplicate a run
		i := r.Intn(len(b))
		j := i + 1 + r.Intn(min(len(b)-i, 16))
		at := r.Intn(len(b) + 1)
		dup := append([]byte(nil), b[i:j]...)
		return append(b[:at], append(dup, b[at:]...)...)
	case 4:
		b[r.Intn(len(b))] ^= 1 << uint(r.Intn(8))
	case 5:
		i, j := r.Intn(len(b)), r.Intn(len(b))
		b[i], b[j] = b[j], b[i]
	case 6:
		i := r.Intn(len(b))
		b[i] += byte(r.Intn(7)) - 3
	case 7:
		interesting := []byte{0, 1, 0x7f, 0x80, 0xff, ' ', '0', 'a', '\n'}
		b[r.Intn(len(b))] = interesting[r.Intn(len(interesting))]
	default: // set random bytes
		for n := 1 + r.Intn(2); n > 0; n-- {
			b[r.Intn(len(b))] = byte(r.Intn(256))
		}
	}
	return b
}

// ---- the corpus file format: "go test fuzz v1", then a line per value
// (string("..."), []byte("..."), int(-1), rune('x'), math.Float64frombits(0x...)...)

const corpusHeader = "go test fuzz v1"

// marshalCorpus writes values in the corpus file format (Go's spelling:
// byte and rune values as quoted characters, unusual NaNs as bits).
func marshalCorpus(vals []any) []byte {
	var b strings.Builder
	b.WriteString(corpusHeader + "\n")
	for _, v := range vals {
		switch x := v.(type) {
		case float32:
			if x != x && math.Float32bits(x) != math.Float32bits(float32(math.NaN())) {
				fmt.Fprintf(&b, "math.Float32frombits(0x%x)\n", math.Float32bits(x))
				continue
			}
			fmt.Fprintf(&b, "%T(%v)\n", x, x)
		case float64:
			if x != x && math.Float64bits(x) != math.Float64bits(math.NaN()) {
				fmt.Fprintf(&b, "math.Float64frombits(0x%x)\n", math.Float64bits(x))
				continue
			}
			fmt.Fprintf(&b, "%T(%v)\n", x, x)
		case string:
			fmt.Fprintf(&b, "string(%q)\n", x)
		case int32:
			if utf8.ValidRune(x) {
				fmt.Fprintf(&b, "rune(%q)\n", x)
			} else {
				fmt.Fprintf(&b, "int32(%v)\n", x)
			}
		case uint8:
			fmt.Fprintf(&b, "byte(%q)\n", x)
		case []byte:
			fmt.Fprintf(&b, "[]byte(%q)\n", x)
		default:
			fmt.Fprintf(&b, "%T(%v)\n", x, x)
		}
	}
	return []byte(b.String())
}

// unmarshalCorpus reads a corpus file's values.
func unmarshalCorpus(data []byte) ([]any, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("cannot unmarshal empty string")
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 2 {
		return nil, fmt.Errorf("must include version and at least one value")
	}
	if v := strings.TrimSuffix(lines[0], "\r"); v != corpusHeader {
		return nil, fmt.Errorf("unknown encoding version: %s", v)
	}
	var vals []any
	for _, line := range lines[1:] {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		v, err := parseCorpusValue(line)
		if err != nil {
			return nil, fmt.Errorf("malformed line %q: %v", line, err)
		}
		vals = append(vals, v)
	}
	return vals, nil
}

// parseCorpusValue reads one TYPE(LITERAL) line.
func parseCorpusValue(line string) (any, error) {
	open := strings.Index(line, "(")
	if open < 0 || !strings.HasSuffix(line, ")") {
		return nil, fmt.Errorf("expected call expression")
	}
	typ, arg := line[:open], strings.TrimSpace(line[open+1:len(line)-1])
	quoted := len(arg) > 0 && (arg[0] == '"' || arg[0] == '`')
	switch typ {
	case "[]byte", "string":
		if !quoted {
			return nil, fmt.Errorf("string literal required for type %s", typ)
		}
		s, err := strconv.Unquote(arg)
		if err != nil {
			return nil, err
		}
		if typ == "string" {
			return s, nil
		}
		return []byte(s), nil
	case "bool":
		switch arg {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, fmt.Errorf("true or false required for type bool")
	case "byte", "rune":
		if len(arg) >= 2 && arg[0] == '\'' && arg[len(arg)-1] == '\'' {
			c, _, tail, err := strconv.UnquoteChar(arg[1:len(arg)-1], '\'')
			if err != nil || tail != "" {
				return nil, fmt.Errorf("invalid character literal %s", arg)
			}
			if typ == "rune" {
				return c, nil
			}
			if c >= 256 {
				return nil, fmt.Errorf("can only encode single byte to a byte type")
			}
			return byte(c), nil
		}
		if typ == "rune" {
			return parseCorpusInt(arg, "int32")
		}
		return parseCorpusInt(arg, "uint8")
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return parseCorpusInt(arg, typ)
	case "float32", "float64":
		bits := 64
		if typ == "float32" {
			bits = 32
		}
		x, err := strconv.ParseFloat(arg, bits)
		if err != nil {
			return nil, err
		}
		if bits == 32 {
			return float32(x), nil
		}
		return x, nil
	case "math.Float32frombits":
		n, err := strconv.ParseUint(arg, 0, 32)
		return math.Float32frombits(uint32(n)), err
	case "math.Float64frombits":
		n, err := strconv.ParseUint(arg, 0, 64)
		return math.Float64frombits(n), err
	}
	return nil, fmt.Errorf("expected []byte or primitive type")
}

func parseCorpusInt(arg, typ string) (any, error) {
	if strings.HasPrefix(typ, "u") {
		bits := map[string]int{"uint": 64, "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64}[typ]
		n, err := strconv.ParseUint(arg, 0, bits)
		switch typ {
		case "uint":
			return uint(n), err
		case "uint8":
			return uint8(n), err
		case "uint16":
			return uint16(n), err
		case "uint32":
			return uint32(n), err
		}
		return n, err
	}
	bits := map[string]int{"int": 64, "int8": 8, "int16": 16, "int32": 32, "int64": 64}[typ]
	n, err := strconv.ParseInt(arg, 0, bits)
	switch typ {
	case "int":
		return int(n), err
	case "int8":
		return int8(n), err
	case "int16":
		return int16(n), err
	case "int32":
		return int32(n), err
	}
	return n, err
}

// checkCorpus reports whether vals fit the target's argument types.
func checkCorpus(vals []any, types []reflect.Type) error {
	if len(vals) != len(types) {
		return fmt.Errorf("wrong number of values in corpus entry: %d, want %d", len(vals), len(types))
	}
	valsT := make([]reflect.Type, len(vals))
	for i, v := range vals {
		valsT[i] = reflect.TypeOf(v)
	}
	for i := range types {
		if valsT[i] != types[i] {
			return fmt.Errorf("mismatched types in corpus entry: %v, want %v", valsT, types)
		}
	}
	return nil
}

// readCorpus reads the corpus files of dir (none when it does not exist);
// a malformed file is an error naming it, after the others were read.
func readCorpus(dir string, types []reflect.Type) ([]corpusEntry, error) {
	files, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("reading seed corpus from testdata: %v", err)
	}
	var corpus []corpusEntry
	var errs []string
	for _, file := range files {
		if file.IsDir() {
			continue
		}
		name := filepath.Join(dir, file.Name())
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("failed to read corpus file: %v", err)
		}
		vals, err := unmarshalCorpus(data)
		if err != nil {
			err = fmt.Errorf("unmarshal: %v", err)
		} else {
			err = checkCorpus(vals, types)
		}
		if err != nil {
			errs = append(errs, fmt.Sprintf("%q: %v", name, err))
			continue
		}
		corpus = append(corpus, corpusEntry{name: file.Name(), values: vals})
	}
	if len(errs) > 0 {
		return corpus, errors.New(strings.Join(errs, "\n"))
	}
	return corpus, nil
}

// CoverMode is the -covermode setting: "" (csp has no coverage).
func CoverMode() string { return "" }

// Coverage is the statement coverage so far: 0 (csp has no coverage).
func Coverage() float64 { return 0 }

// cpuName is the first "model name" of /proc/cpuinfo, as Go's sysinfo.
func cpuName() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			if i := strings.Index(line, ":"); i >= 0 {
				return strings.TrimSpace(line[i+1:])
			}
		}
	}
	return ""
}
