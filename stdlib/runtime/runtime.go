// Package runtime reports on and steers the scheduler: goroutines, Ps, Gosched, Goexit.
//
// Package runtime — csp's standard library stub: the runtime error
// interface and the scheduler's knobs. Natives are in stdlib/runtime.c.
package runtime

// Error is the interface of the errors in panics that the runtime raises itself.
//
// Examples: index out of range, nil map writes, failed type assertions.
type Error interface {
	error
	RuntimeError()
}

// GOOS is the operating system csp reports ("linux").
const GOOS = "linux"
// GOARCH is the architecture csp reports ("amd64").
const GOARCH = "amd64"
// Compiler names the toolchain that runs the program: "csp".
const Compiler = "csp"

// Version returns the interpreter's version: "csp " and its version number.
func Version() string
// NumCPU returns how many logical CPUs the process may use.
func NumCPU() int
// NumGoroutine returns how many goroutines are alive now.
func NumGoroutine() int
// NumCgoCall returns how many foreign calls (//csp:extern) the process has made.
func NumCgoCall() int64
// GOMAXPROCS sets how many threads may run goroutines at once and returns the old value.
//
// n < 1 leaves the setting unchanged and only reports it.
func GOMAXPROCS(n int) int
// Gosched lets other goroutines run: the caller goes to the back of the run queue.
func Gosched()
// Goexit ends the calling goroutine after running its deferred calls.
//
// It does not panic and recover cannot stop it; the other goroutines go on.
func Goexit()
// GC asks the garbage collector for a full collection now.
func GC()
