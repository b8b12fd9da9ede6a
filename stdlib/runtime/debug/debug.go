// Package debug lets a program inspect and steer itself: stacks, the collector's knobs, build information.
//
// Package runtime/debug — csp's version (natives in debug.c). The
// collector is libgc: SetGCPercent maps Go's GOGC onto libgc's free-space
// divisor and turns collection off for a negative percentage;
// SetMemoryLimit is remembered and reported but does not steer the
// collector (libgc has no soft limit); SetMaxStack is the goroutine stack
// limit whose overflow is Go's "goroutine stack exceeds N-byte limit".
package debug

import (
	"os"
	"runtime"
)

// SetGCPercent sets the collection target percentage (Go's GOGC) and returns the previous setting.
//
// A negative percentage turns the collector off. The initial setting is
// 100, or $GOGC ("off" is -1).
func SetGCPercent(percent int) int

// SetMaxStack sets the most bytes one goroutine's stack may use and returns the previous limit.
//
// A goroutine that needs more dies with Go's "goroutine stack exceeds
// N-byte limit" and "fatal error: stack overflow". The initial limit is
// Go's, 1000000000.
func SetMaxStack(bytes int) int

// SetMemoryLimit records a soft memory limit and returns the previous one; a negative limit only asks.
//
// The initial limit is math.MaxInt64. csp's collector does not use it.
func SetMemoryLimit(limit int64) int64

// FreeOSMemory collects garbage and returns as much memory to the operating system as it can.
func FreeOSMemory()

// SetTraceback sets how much a crash prints; csp always prints the crashing goroutine.
func SetTraceback(level string) {}

// SetPanicOnFault reports false and changes nothing: csp turns faults into panics always.
func SetPanicOnFault(enabled bool) bool { return false }

// Stack returns the calling goroutine's traceback, as runtime.Stack writes it.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// PrintStack writes the calling goroutine's traceback to standard error.
func PrintStack() {
	os.Stderr.Write(Stack())
}

// A Module describes a module of the build.
type Module struct {
	Path    string
	Version string
	Sum     string
	Replace *Module
}

// A BuildSetting is one key=value setting of the build.
type BuildSetting struct {
	Key, Value string
}

// BuildInfo describes the program's build, as ReadBuildInfo returns it.
type BuildInfo struct {
	GoVersion string
	Path      string
	Main      Module
	Deps      []*Module
	Settings  []BuildSetting
}

// ReadBuildInfo returns the build information of the running program.
//
// A csp script is built as `go run FILE` builds one: its path is
// "command-line-arguments", with no main module; GoVersion is csp's
// version.
func ReadBuildInfo() (info *BuildInfo, ok bool) {
	return &BuildInfo{GoVersion: runtime.Version(), Path: "command-line-arguments"}, true
}
