// Package runtime reports on and steers the scheduler: goroutines, Ps, Gosched, Goexit.
//
// Package runtime — csp's standard library stub: the runtime error
// interface, the scheduler's knobs, callers and stacks, memory statistics
// and finalizers. Natives are in stdlib/runtime/runtime.c. Under the
// simulation (-seed, -fake-time) runtime.GC collects at the simulation's
// next leak check rather than before it returns, and Stack(buf, true)
// shows only the caller.
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

// ---- callers and stacks ----
//
// A csp program counter is not a machine address: it names a function
// (its index in the program, in the high 32 bits) and an instruction of it
// (the low bits), so FuncForPC and CallersFrames can go back from it to the
// function's name, file and line. The stacks csp shows are its own frames,
// named and numbered as Go's tracebacks (main.main, main.(*T).M,
// main.main.func1); below them, as in Go, runtime.main (goroutine 1) and
// runtime.goexit. Files are the .csp paths csp prints in tracebacks.

// Caller reports the function skip calls up the stack from its caller: 0 is the caller itself.
//
// It returns the call's program counter, file and line; ok is false when
// the stack is not that deep.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills pc with the program counters of the calls on the stack and returns how many.
//
// skip 0 is Callers itself, 1 its caller; pass the result to
// CallersFrames to learn names, files and lines.
func Callers(skip int, pc []uintptr) int

func funcInfo(pc uintptr) (name string, file string, line int, entry uintptr, ok bool)

// A Func is a function of the running program, as FuncForPC finds it.
type Func struct {
	name  string
	file  string
	line  int
	entry uintptr
}

// FuncForPC returns the function that contains pc, or nil.
func FuncForPC(pc uintptr) *Func {
	name, file, line, entry, ok := funcInfo(pc)
	if !ok {
		return nil
	}
	return &Func{name: name, file: file, line: line, entry: entry}
}

// Name returns the function's name, such as "main.main" or "main.(*T).M"; "" for a nil *Func.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the program counter of the function's first instruction.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the source file and line of pc, which should be in f.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_, file, line, _, _ = funcInfo(pc)
	return file, line
}

// A Frame is one call of a stack, as Frames.Next returns it.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// Frames walks the program counters Callers returned, one Frame per call.
type Frames struct {
	pcs []uintptr
}

// CallersFrames returns the Frames of the program counters in callers.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{pcs: callers}
}

// Next returns the next frame and whether more follow.
//
// After the last frame it returns a zero Frame and false.
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.pcs) == 0 {
		return Frame{}, false
	}
	pc := ci.pcs[0]
	ci.pcs = ci.pcs[1:]
	name, file, line, entry, ok := funcInfo(pc)
	if ok {
		frame = Frame{PC: pc - 1, Func: &Func{name: name, file: file, line: line, entry: entry},
			Function: name, File: file, Line: line, Entry: entry}
	}
	return frame, len(ci.pcs) > 0
}

// Stack writes the calling goroutine's traceback into buf, as a panic prints it, and returns how many bytes it wrote.
//
// With all, the tracebacks of every other goroutine follow. A buf too
// small gets as much as fits.
func Stack(buf []byte, all bool) int

// Breakpoint stops the program as a trap instruction does in Go without a debugger: "SIGTRAP: trace trap", the stack, exit status 2.
func Breakpoint()

// ---- memory ----

// MemProfileRate is how often the heap profiler samples allocations.
//
// csp has no heap profiler; 0, as a Go program that never reads a profile
// has it.
var MemProfileRate int = 0

// MemStats reports on the memory allocator, as ReadMemStats fills it.
//
// csp's collector is libgc (Boehm's): the heap figures are its counters.
// Mallocs counts the objects allocated (runtime/gc.c counts them); libgc
// does not count live objects, so HeapObjects is the live bytes divided by
// an average object size (at most Mallocs) and Frees is Mallocs -
// HeapObjects. Figures
// Go keeps for its own structures (stacks, spans, caches) are 0: csp's
// goroutine stacks are ordinary heap memory.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
}

// heapStats returns libgc's counters (runtime.c).
func heapStats() (heapSize, freeBytes, unmapped, total, osBytes, numGC, numForced, pauseTotal, lastGC uint64, cpuFraction float64, mallocs uint64)

// pauses returns collection i's pause (ns) and the Unix ns time it ended.
func pauses(i int) (pause, end uint64)

// The average object size (bytes) MemStats.HeapObjects assumes.
const avgObject = 32

// ReadMemStats fills m with the allocator's statistics now.
func ReadMemStats(m *MemStats) {
	heapSize, free, unmapped, total, osBytes, numGC, forced, pauseTotal, lastGC, frac, mallocs := heapStats()
	inuse := heapSize - free
	*m = MemStats{}
	m.HeapSys = heapSize
	m.HeapIdle = free
	m.HeapInuse = inuse
	m.HeapReleased = unmapped
	m.HeapAlloc = inuse
	m.Alloc = inuse
	m.TotalAlloc = total
	if m.TotalAlloc < m.HeapAlloc {
		m.TotalAlloc = m.HeapAlloc
	}
	m.Sys = osBytes
	if m.Sys < heapSize {
		m.Sys = heapSize
	}
	m.Mallocs = mallocs
	m.HeapObjects = min(m.HeapAlloc/avgObject, m.Mallocs)
	m.Frees = m.Mallocs - m.HeapObjects
	m.NextGC = heapSize - unmapped
	m.LastGC = lastGC
	m.PauseTotalNs = pauseTotal
	m.NumGC = uint32(numGC)
	m.NumForcedGC = uint32(forced)
	m.GCCPUFraction = frac
	m.EnableGC = true // as in Go, even with GOGC=off
	for k := 0; k < 256; k++ { // a ring: the latest at (NumGC+255)%256, as Go's
		m.PauseNs[k], m.PauseEnd[k] = pauses(k)
	}
}

// SetFinalizer makes the collector call finalizer(obj) in a goroutine of its own once obj is unreachable.
//
// obj must point to the start of an allocated object; a nil finalizer
// removes the one set before. A finalizer runs at most once, after a
// collection found obj unreachable (runtime.GC() or one the allocator
// started): the goroutine starts when runtime.GC returns, or, for a
// collection of the allocator's, at the next runtime.GC, SetFinalizer,
// ReadMemStats or Gosched. Objects that point to each other in a cycle
// are finalized in no particular order (Go does not finalize them).
func SetFinalizer(obj any, finalizer any)

// KeepAlive marks x as reachable up to this call, so that its finalizer cannot run before.
func KeepAlive(x any) {
	keepAlive(x)
}

func keepAlive(x any)
