/*
 * config.h — every tunable and limit of the compiler and VM, each with the
 * reason it has the value it has. A test build may shrink them (define
 * CSP_TEST_BUILD) so that growth and overflow paths run in the tests.
 */
#ifndef CSP_CONFIG_H
#define CSP_CONFIG_H

/* The version `csp version` and runtime.Version() report. */
#define CSP_VERSION "0.1.0"

/* Registers the main fiber starts with (goroutines started by `go` size
 * theirs to their first frame: GO_SLOT_ROUND below); the stack doubles on
 * demand. */
#ifdef CSP_TEST_BUILD
#define FIBER_INIT_SLOTS 8
#else
#define FIBER_INIT_SLOTS 64
#endif

/* Call frames a fresh fiber starts with (doubles on demand). */
#ifdef CSP_TEST_BUILD
#define FIBER_INIT_FRAMES 2
#else
#define FIBER_INIT_FRAMES 8
#endif

/* A goroutine started by `go` gets only the registers its first frame
 * needs, rounded up to a multiple of GO_SLOT_ROUND, and GO_INIT_FRAMES
 * frames: a parked `func() { <-c }` then costs about 500 bytes in all
 * (fiber record 250, stack 64, frames 80, sudog 64, closure 32), under the
 * 1 KiB target. Rounding leaves room for a few temporaries without an
 * immediate regrowth. */
#define GO_SLOT_ROUND 8
#define GO_INIT_FRAMES 2

/* A fiber's stack is two arrays, registers (8 bytes each) and Frames (40
 * bytes each), doubled on demand; a doubling that would take their
 * capacities together past this many bytes is Go's stack overflow, as
 * Go's newstack refuses to double past its limit (GO_MAX_STACK_BYTES). A
 * small recursive function costs csp 60-100 bytes a call (Go: 30-100), so
 * recursion runs about as deep as in Go (3 million calls of a trivial
 * function take ~300 MB), and an infinite one dies with Go's message with
 * at most half the limit in use, as in Go. */
#ifdef CSP_TEST_BUILD
/* Sanitizer builds: reaching 1 GB there takes a minute on a loaded CI
 * machine; the overflow path and its message are the same at 64 MB. */
#define FIBER_MAX_STACK_BYTES (64L * 1024 * 1024)
#else
#define FIBER_MAX_STACK_BYTES GO_MAX_STACK_BYTES
#endif

/* Go's maxAlloc on amd64 (1<<48 bytes): the largest allocation Go tries.
 * make([]T, n) / make(chan T, n) whose n * (Go's size of T) exceeds it
 * panics with Go's "out of range"; a smaller one is attempted, and a
 * failure is Go's `fatal error: runtime: out of memory`. A map hint beyond
 * it is ignored, as Go does. */
#define GO_MAX_ALLOC (INT64_C(1) << 48)

/* Go's limit on a goroutine's stack (runtime.maxstacksize, 64-bit), printed
 * in its message ("goroutine stack exceeds 1000000000-byte limit"). */
#define GO_MAX_STACK_BYTES 1000000000L

/* Preemption budget a scheduler gives a fiber per run (Worker.budget): one
 * unit per call and per taken backward jump, ~1 ms of csp code. Go
 * preempts after 10 ms, but an interpreter should hand the thread over
 * sooner so that `for {}` in one goroutine cannot starve channel traffic
 * for long; a refill costs one scheduler round trip. */
#ifdef CSP_TEST_BUILD
#define VM_BUDGET 16
#else
#define VM_BUDGET 100000
#endif

/* Registers one function may use: the B and A operand fields are 16 bits. */
#define COMP_MAX_REGS 65000

/* Constants per function: the C operand field is 24 bits. */
#define COMP_MAX_CONSTS (1 << 23)

/* Nesting depth of vm_call (native -> csp -> native ...). Each level uses C
 * stack; beyond this a runaway mutual recursion through natives would
 * overflow the thread stack, so it is reported as a stack overflow. */
#define VM_MAX_NATIVE_DEPTH 200

#endif
