// Package runtime — csp's standard library stub: the runtime error
// interface and the scheduler's knobs. Natives are in stdlib/runtime.c.
package runtime

// Error is implemented by the panics the runtime raises itself (index out
// of range, nil map writes, failed type assertions ...).
type Error interface {
	error
	RuntimeError()
}

const GOOS = "linux"
const GOARCH = "amd64"
const Compiler = "csp"

func Version() string
func NumCPU() int
func NumGoroutine() int
func GOMAXPROCS(n int) int
func Gosched()
func Goexit()
func GC()
