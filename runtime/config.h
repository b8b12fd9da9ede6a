/*
 * config.h — every tunable and limit of the compiler and VM, each with the
 * reason it has the value it has. A test build may shrink them (define
 * CSP_TEST_LIMITS) so that growth and overflow paths run in the tests.
 */
#ifndef CSP_CONFIG_H
#define CSP_CONFIG_H

/* Registers a fresh fiber starts with. Small so that a parked goroutine costs
 * well under 1 KiB (64 slots = 512 bytes); the stack doubles on demand. */
#ifdef CSP_TEST_LIMITS
#define FIBER_INIT_SLOTS 8
#else
#define FIBER_INIT_SLOTS 64
#endif

/* Call frames a fresh fiber starts with (doubles on demand). */
#ifdef CSP_TEST_LIMITS
#define FIBER_INIT_FRAMES 2
#else
#define FIBER_INIT_FRAMES 8
#endif

/* Upper bound on a fiber's register stack, in slots (8 bytes each): 128 MiB.
 * Go's limit is 1 GB of machine stack; csp frames are denser than Go's, so
 * this allows recursion a few million calls deep — enough for any program
 * that terminates — while an infinite recursion dies in well under a second
 * with Go's message instead of exhausting memory. */
#define FIBER_MAX_SLOTS (16L * 1024 * 1024)

/* Upper bound on call depth (frames are ~48 bytes): 48 MiB at most. Same
 * reasoning as FIBER_MAX_SLOTS. */
#define FIBER_MAX_FRAMES (1L * 1024 * 1024)

/* The limit Go prints in its stack-overflow message; printed verbatim so the
 * message reads like Go's ("goroutine stack exceeds 1000000000-byte limit"). */
#define GO_MAX_STACK_BYTES 1000000000L

/* Registers one function may use: the B and A operand fields are 16 bits. */
#define COMP_MAX_REGS 65000

/* Constants per function: the C operand field is 24 bits. */
#define COMP_MAX_CONSTS (1 << 23)

/* Nesting depth of vm_call (native -> csp -> native ...). Each level uses C
 * stack; beyond this a runaway mutual recursion through natives would
 * overflow the thread stack, so it is reported as a stack overflow. */
#define VM_MAX_NATIVE_DEPTH 200

#endif
