/*
 * vm.h — bytecode, compiled programs, fibers and the interpreter loop.
 *
 * PROGRAM: the compiler (lang/compile.c) turns a checked program into a
 * CProgram: one Proto per function (incl. closures, natives and generated
 * thunks), a globals array and one init Proto per package. After
 * compilation a CProgram is immutable except for the globals (program
 * data, written by csp code) and the interface-call inline caches
 * (published atomically, see ICache).
 *
 * REGISTERS AND FRAMES: a Fiber (a goroutine) owns a growable array of Slots
 * (its registers) and a growable array of Frames. A frame's registers start
 * at stack[base]; its parameters are registers 0..nparams-1 (receiver
 * first). Calling convention: the caller puts the callee (closure) in R[A],
 * the arguments in R[A+1..]; the callee's base is the caller's base + A + 1;
 * RET copies the results to the callee's base - 1 + i, i.e. to R[A..] of the
 * caller. Calls between csp functions push a Frame and continue the same
 * loop: they never recurse on the C stack, so a fiber can stop at any
 * instruction and be resumed later on any thread.
 *
 * INVARIANT: nothing keeps a pointer into a fiber's stack across an
 * instruction that may grow it (a call); frames hold offsets (base) and the
 * loop re-derives its register pointer after every call. Growth allocates a
 * new array and leaves the old one to the GC, so a native's argument pointer
 * stays readable even if a nested vm_call grew the stack (the VM copies the
 * native's results across afterwards).
 *
 * ALTERNATIVES REJECTED: a stack VM (more instructions per Go statement);
 * one C-stack frame per csp call (cannot park a goroutine, overflows the
 * thread stack on deep recursion).
 */
#ifndef CSP_VM_H
#define CSP_VM_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#include "../lang/opcodes.h"
#include "config.h"
#include "rt.h"
#include "sched.h"

/* ---- instructions ----------------------------------------------------------
 * 64 bits: op 8 | A 16 | B 16 | C 24 (see lang/opcodes.h). */
typedef uint64_t Instr;

#define INS_OP(i) ((unsigned)((i) & 0xff))
#define INS_A(i) ((unsigned)(((i) >> 8) & 0xffff))
#define INS_B(i) ((unsigned)(((i) >> 24) & 0xffff))
#define INS_SB(i) ((int)(int16_t)INS_B(i))
#define INS_C(i) ((unsigned)((i) >> 40))
#define INS_SC(i) ((int)((int64_t)(i) >> 40))

enum {
    INS_MAX_A = 0xffff,
    INS_MAX_C = 0xffffff,
    INS_MIN_SC = -(1 << 23),
    INS_MAX_SC = (1 << 23) - 1,
    INS_MIN_SB = -32768,
    INS_MAX_SB = 32767,
};

static inline Instr ins_make(unsigned op, unsigned a, unsigned b, int64_t c) {
    return (Instr)op | (Instr)(a & 0xffff) << 8 | (Instr)(b & 0xffff) << 24 |
           (Instr)((uint64_t)c & 0xffffff) << 40;
}

/* ---- functions -------------------------------------------------------------- */

/* What a constant slot holds (for the disassembler and the GC-free checks). */
typedef enum KTag {
    KT_INT, KT_FLOAT, KT_STR, KT_TYPE, KT_PROTO, KT_NAME, KT_CLOSURE
} KTag;

/* How a closure's upvalue i is filled when it is created: from a register
 * of the creating frame (a cell or box pointer) or from the creating
 * closure's own upvalue. */
typedef struct CapDesc {
    uint8_t from_up;
    uint16_t index;
} CapDesc;

/* Inline cache of one interface call site: the last dynamic type seen and
 * the method it resolved to. Immutable once built; the site's pointer is
 * replaced atomically (release/acquire), so a racing reader sees either the
 * old or the new pair, never a torn one. */
typedef struct ICache {
    Type *type;
    Proto *fn;
} ICache;

struct Proto {
    const char *name;        /* Go's spelling: "main.(*T).M", "main.main.func1" */
    const char *file;        /* source path, for tracebacks */
    int line;                /* line of the declaration */
    Instr *code;
    int32_t *lines;          /* lines[pc]: source line of each instruction */
    int ncode;
    /* Bounds checks whose index operands are unsigned 64-bit integers, for
     * Go's panic texts ("index out of range [18446744073709551615] with
     * length 3", not [-1]): pc << 3 | which operands (UIDX_*), ascending
     * pc. Read only when a bounds check fails (panic.c), so the checks
     * themselves cost nothing more. */
    uint32_t *uidx;
    int nuidx;
    Slot *k;                 /* constants */
    uint8_t *ktag;           /* KTag of each constant */
    int nk;
    int nparams;             /* registers taken by receiver + parameters */
    int nresults;
    int maxregs;             /* frame size in registers */
    bool variadic;
    _Atomic(Proto *) tramp;  /* native: its trampoline (fiber.c), lazily */
    bool wrapper;            /* compiler-made adapter (method values,
                                interface/receiver thunks): transparent to
                                recover() */
    bool has_defer;
    int defer_ret_pc;        /* has_defer: the epilogue a recovered frame
                                resumes at (RUNDEFER; load results; RET) */
    NativeFn native;         /* non-NULL: a native (no code) */
    /* A native's inline fast path (rt.h NativeFast), copied here so that
     * CALLNF reads it next to the rest of the Proto: kind 0 when none. */
    uint8_t fast_kind;       /* NativeFastKind or 0 */
    int32_t fast_slot;
    int64_t fast_x, fast_y;
    NativeFn fast_rest;
    Type *sig;               /* K_FUNC signature without receiver (methods:
                                used to match interface methods) */
    CapDesc *caps;           /* closures: how to fill up[] */
    int ncaps;
    _Atomic(ICache *) *icache; /* one per CALLI site */
    int nicache;
    Closure *self;           /* function value of a top-level function */
    int index;               /* in CProgram.protos */
};

/* Global variable descriptor (names for the disassembler). */
typedef struct GlobalInfo {
    const char *name;
    Type *type;
} GlobalInfo;

typedef struct CProgram {
    Proto **protos;          /* every Proto, in creation order */
    int nprotos;
    Slot *globals;           /* package-level variables (scalars in place,
                                boxed ones point to their box) */
    GlobalInfo *ginfo;
    int nglobals;
    Proto **inits;           /* one per package, dependency order, main last:
                                var initialisation then init() functions */
    int ninits;
    Proto *main;             /* main.main */
} CProgram;

/* ---- fibers ------------------------------------------------------------------ */

/* Frame flags. */
enum {
    FR_BOUNDARY = 1,     /* returning from it leaves vm_execute (fiber entry,
                            vm_call) */
    FR_DEFER = 2,        /* a deferred call run at normal function exit */
    FR_PANIC_DEFER = 4,  /* a deferred call run by a panic: recover() works
                            directly in it */
    FR_RECOVER_OK = 8,   /* called by a wrapper (thunk) that is itself an
                            FR_PANIC_DEFER frame: recover() works here too,
                            as Go skips wrapper frames */
};

/* A deferred call. A *holder* (nargs == DEFER_HOLDER, fn NULL) stands for
 * the calls deferred by a range-over-func loop body (a closure that may
 * even run on another goroutine) on behalf of the function containing the
 * loop, as Go's deferrangefunc: FRAMETOK defers the holder on that
 * function's frame and DEFERAT pushes onto args[0].p, a LIFO list head
 * updated with CAS (any goroutine). When the frame's defers reach the
 * holder, vm_invoke_defer splices its list in (DEFER_SPLICED) and poisons
 * the head, so a later DEFERAT is a fatal error as in Go. */
typedef struct Defer {
    struct Defer *next;
    Closure *fn;
    int nargs;
    Slot args[];
} Defer;

enum { DEFER_HOLDER = -1 };

/* One frame of a traceback, captured when a panic starts. */
typedef struct TraceEntry {
    const char *func;
    const char *file;
    int line;
    const char *args;        /* printed between the parentheses */
} TraceEntry;

typedef struct Panic {
    struct Panic *link;      /* older panic */
    Iface *value;
    bool recovered;
    bool aborted;            /* a newer panic unwound its deferred call */
    bool sigsegv;            /* nil dereference: Go prints a [signal ...] line */
    bool goexit;             /* runtime.Goexit: runs the deferred calls like
                                a panic, cannot be recovered, and ends the
                                goroutine normally (VM_DONE) */
    int32_t frame;           /* unwinding cursor: the frame whose deferred
                                calls run next. Frames above it stay on the
                                stack until a recover, as Go's do, so
                                debug.Stack and runtime.Callers in a deferred
                                call show where the panic happened. */
    TraceEntry *trace;
    int ntrace;
    Str *text;               /* value's Error()/String(), set by preprint */
    bool has_text;
} Panic;

typedef struct Frame {
    const Instr *pc;         /* saved: where this frame resumes */
    Proto *proto;
    Closure *cl;             /* running closure (upvalues), NULL for static */
    Defer *defers;           /* pending deferred calls, LIFO */
    int32_t base;            /* offset of register 0 in Fiber.stack */
    uint32_t flags;          /* FR_* */
} Frame;

/* Per-thread interpreter state (an M, later bound to a P). Owner thread
 * only. */
typedef struct Worker {
    uint64_t rng;            /* xorshift state: map order, select */
    /* Preemption: every call and taken backward jump spends one unit; when
     * it drops below zero vm_execute returns VM_YIELD with the fiber
     * resumable. The scheduler refills it before each run (VM_BUDGET);
     * a single-fiber run sets it to INT64_MAX. */
    int64_t budget;
    uint64_t calls;          /* stats */
    void *p;                 /* the scheduler's P (sched.c: set by acquirep) */
    bool is_m0;              /* the thread that called vm_run_main */
} Worker;

/* Results of vm_execute. */
typedef enum VmStatus {
    VM_DONE = 0,     /* the boundary frame returned */
    VM_PANIC = 1,    /* a panic unwound to the boundary frame */
    VM_YIELD = 2,    /* budget spent (Worker.budget): resume later */
    VM_PARK = 3,     /* blocked (sched_park was called): the top frame's pc
                        is the blocking instruction, resumed when woken */
} VmStatus;

/* What a parked fiber's blocking instruction finds when it runs again
 * (Fiber.resume): it then asks chan.c for the outcome (chan_*_resume)
 * instead of starting the operation again. */
enum { RESUME_NONE = 0, RESUME_CHAN = 1 };

/* A goroutine. Owned by the worker running it; the scheduler sees only
 * `sched` (a Fiber is found from its GSched with fiber_of). */
struct Fiber {
    Slot *stack;
    int64_t nslots;
    Frame *frames;
    int nframes, cap_frames;
    Panic *panic;            /* innermost first */
    Worker *w;               /* the worker running the fiber */
    CProgram *prog;
    int64_t id;              /* goroutine number (1 = main) = sched.goid */
    int native_depth;        /* nested vm_call levels */
    uint8_t resume;          /* RESUME_*: set when parking in a channel op */
    uint8_t nentry;          /* main fiber: entry Protos still to run */
    uint16_t nselcases;      /* capacity of selcases */
    /* `created by` of the goroutine dump: the creator's goroutine number
     * and the function and line of its go statement (0/NULL for main). */
    int64_t parent_goid;
    Proto *creator;
    int32_t creator_line;
    struct SelectCase *selcases; /* select's case array, reused (chan.h) */
    Proto **entry;           /* main fiber: inits then main.main */
    /* Sessions (goroutine.c): the REPL abandoned this goroutine; it ends
     * (as by runtime.Goexit) when next scheduled if kill_goid equals its
     * goroutine number. Any thread writes; the runner reads. A goroutine
     * number, not a flag, so a mark that arrives after the fiber was
     * recycled for another goroutine is ignored. */
    _Atomic int64_t kill_goid;
    bool goexit_req;         /* owner: vm_execute starts a Goexit unwind */
    /* -race: this goroutine's clocks (runtime/race.c), NULL when off; the
     * VM runs the fiber through its race dispatch table when set. Owner
     * only (a waker updates a parked owner's clocks, see race.h). */
    struct RaceThread *race;
    GSched sched;            /* the scheduler's record (sched.h) */
};

static inline Fiber *fiber_of(GSched *g) {
    return (Fiber *)((char *)g - offsetof(Fiber, sched));
}

/* ---- API ---------------------------------------------------------------------- */

/* Runs package initialisation then main.main as goroutine 1 under the
 * scheduler with nprocs Ps (0: $GOMAXPROCS, else the number of CPUs).
 * Returns the exit status (0; 2 after an unrecovered panic or a deadlock,
 * already printed to stderr) once every thread has stopped: for tests and
 * embedding. */
int vm_run_main(CProgram *p, int nprocs);
/* The same for the command line: the process exits with the status as soon
 * as the program ends, from whichever thread sees it end (main returned, a
 * goroutine panicked, a deadlock), other goroutines or not, as Go does. */
_Noreturn void vm_run_main_exit(CProgram *p, int nprocs);
/* SESSIONS (the REPL): one scheduler runs for the whole session and
 * each input runs as a foreground goroutine; the goroutines it starts
 * keep running after it ends. The REPL thread is not an M: it starts the
 * foreground goroutine and waits on wakefd, to which one byte is written
 * each time the foreground goroutine ends (vm_session_state then tells
 * how). A panic ends only its goroutine (it is printed); a deadlock of the
 * foreground goroutine prints Go's report and ends the wait. */
enum {
    VM_FG_NONE, VM_FG_RUNNING, VM_FG_DONE, VM_FG_PANIC, VM_FG_DEADLOCK,
    VM_FG_INTERRUPTED
};
void vm_session_start(int nprocs, int wakefd);
/* Runs entry[0..n) (Protos of p without parameters) one after the other as
 * the new foreground goroutine. Returns its goroutine number. */
int64_t vm_session_go(CProgram *p, Proto **entry, int n);
int vm_session_state(void);
/* The last foreground goroutine's record and number (to compare only:
 * it may have ended and its record been reused). */
GSched *vm_session_fg(int64_t *goid);
/* Ctrl-C: the foreground goroutine, when next scheduled (a loop is
 * preempted often; a sleeper is woken by time_wake_sleeper), prints
 * `interrupted` and its stack and ends as by runtime.Goexit (its deferred
 * calls run). */
void vm_session_interrupt(void);
/* Stops waiting for the foreground goroutine (blocked, so the interrupt
 * cannot reach it now): it ends when next scheduled. Returns its number,
 * 0 when it had already ended. */
int64_t vm_session_abandon(void);
/* :reset: every goroutine ends when next scheduled. */
void vm_session_kill_all(void);
/* Stops the scheduler and joins its threads (tests: one process runs many
 * sessions and programs). */
void vm_session_end(void);
/* :goroutines: dumps every live goroutine to stderr; returns how many. */
int vm_session_dump(void);
/* Called by vm_exit before the process ends (the REPL copies output that
 * is still on its way to the terminal). */
void vm_set_exit_hook(void (*fn)(void));
/* The goroutine the calling thread runs, or NULL (set by goroutine.c;
 * inline because map.c's misuse checks read it at every map operation). */
extern _Thread_local Fiber *vm_running;
static inline Fiber *vm_running_fiber(void) { return vm_running; }
/* After a fatal error was printed (panic_lock held): ends the process
 * with status 2, or in a session only the goroutine running on this
 * thread. */
_Noreturn void vm_fatal_exit(void);
/* Flushes stdout/stderr and ends the process at once (no atexit handlers:
 * other threads may still be running csp code). */
_Noreturn void vm_exit(int code);

/* Blocks SIGQUIT in the calling thread. main calls it first, before any
 * thread exists (libgc starts its marker threads in gc_init), so that every
 * thread inherits the mask and a SIGQUIT stays pending for the dump thread
 * (goroutine.c): a thread with it unblocked would run the handler, which
 * ThreadSanitizer delays until that thread reaches one of its interceptors. */
void vm_block_sigquit(void);

/* Runs f from its top frame until its boundary frame returns (VM_DONE), a
 * panic reaches the boundary (VM_PANIC, the panic stays on f->panic), the
 * budget is spent (VM_YIELD) or it blocks (VM_PARK, after sched_park). */
int vm_execute(Worker *w, Fiber *f);
/* go statement: starts a goroutine calling cl with nargs arguments (register
 * representation, copied). A native runs in the new goroutine too. */
void vm_go(Fiber *parent, Closure *cl, const Slot *args, int nargs);
/* The same from outside any goroutine (w holds a P: a timer firing starting
 * AfterFunc's function): cl() with no arguments and no creator ("created
 * by" is left empty in dumps, where Go prints time.goFunc). */
void vm_go_detached(Worker *w, CProgram *prog, Closure *cl);
/* The goroutine number of the fiber running on w (0 when none). */
int64_t vm_current_goid(Worker *w);

/* fiber.c */
Fiber *fiber_new(CProgram *p, Worker *w);
/* Pushes a frame (flags, e.g. FR_BOUNDARY) calling cl (or p when cl is
 * NULL, p must not be a native) with nargs arguments, above the top frame's
 * registers; vm_execute then runs it. Returns the new frame's base: its
 * results land at stack[base - 1 ...]. Stack overflow is fatal. */
int64_t fiber_push_call(Fiber *f, Closure *cl, Proto *p, const Slot *args,
                        int nargs, uint32_t flags);
/* Starts deferred call d on f: a csp function gets a frame flagged `flags`
 * (DEFER_PUSHED, the loop then runs it); a native runs at once (DEFER_DONE,
 * or DEFER_PANIC when it panicked, as does a nil function); a holder puts
 * its calls in front of the frame's (DEFER_SPLICED: nothing ran yet). */
enum { DEFER_PUSHED, DEFER_DONE, DEFER_PANIC, DEFER_SPLICED };
/* FRAMETOK / DEFERAT (see Defer): a holder deferred on frame fr, and a
 * call of fn with args pushed onto one (a fatal error once the holder's
 * frame ran it). */
Defer *vm_defer_holder(Frame *fr);
void vm_defer_at(Defer *holder, Closure *fn, const Slot *args, int nargs);
int vm_invoke_defer(Fiber *f, int32_t owner, Defer *d, uint32_t flags);
/* Makes sure stack[0..need) exists; false past FIBER_MAX_STACK_BYTES. */
bool fiber_ensure_stack(Fiber *f, int64_t need);
/* Pushes an empty frame (grows the array); NULL past FIBER_MAX_STACK_BYTES. */
Frame *fiber_push_frame(Fiber *f);
/* debug.SetMaxStack: the limit on a goroutine's stack in bytes (Go's
 * maxstacksize), returning the previous one; fiber_max_stack reads it.
 * The default is GO_MAX_STACK_BYTES (what Go reports; test builds enforce
 * FIBER_MAX_STACK_BYTES until it is set). */
int64_t fiber_set_max_stack(int64_t n);
int64_t fiber_max_stack(void);
void worker_init(Worker *w, uint64_t seed);
uint64_t worker_rand(Worker *w);
/* Closure with no upvalues for a Proto (cached in p->self). */
Closure *vm_static_closure(Proto *p);

/* panic.c */
/* Begins a panic with value v (an interface; NULL for panic(nil)). */
void panic_start(Fiber *f, Iface *v, bool sigsegv);
/* panic(v): panic(nil) panics with a *runtime.PanicNilError (Go 1.21+).
 * Returns NATIVE_PANIC. */
int panic_value(Fiber *f, Iface *v);
/* runtime.Goexit: starts the unwinding (returns NATIVE_PANIC). */
int panic_goexit(Fiber *f);
/* A runtime.Error whose message has no "runtime error: " prefix (Go's
 * plainError: "send on closed channel", "makechan: size out of range"). */
int panic_plain(Fiber *f, const char *msg);
/* Prints the panic chain and the traceback as Go does (stderr). */
void panic_print(Fiber *f);
/* Source line of frame fr; top: fr->pc is the next instruction to run
 * (a parked or preempted fiber), else a return address (callers' frames,
 * log's and testing's file:line). */
int panic_frame_line(const Frame *fr, bool top);
/* Go's `fatal error: stack overflow` for fiber f; exits 2. */
_Noreturn void panic_stack_overflow(Fiber *f);
/* Proto.uidx operand bits: the index (or low bound), high bound, max. */
enum { UIDX_LO = 1, UIDX_HI = 2, UIDX_MAX = 4 };
int panic_index(Fiber *f, int64_t i, int64_t len);
int panic_nil(Fiber *f);
/* RFPANIC: a range-over-func iterator misbehaved; state is the loop's
 * abi.RF_* state (lang/compile_range.c). Go's runtime.panicrangestate. */
int panic_rangefunc(Fiber *f, int64_t state);
int panic_divide(Fiber *f);
/* code: 0 [:x] len, 1 [:x] cap, 2 [x:y], 3 [::x] len, 4 [::x] cap,
 * 5 [:x:y], 6 [x:y:] (Go's boundsError codes). */
int panic_slice(Fiber *f, int code, int64_t x, int64_t y);
/* [N]T(s) or (*[N]T)(s) with len(s) < N (Go's boundsConvert). */
int panic_convert(Fiber *f, int64_t len, int64_t want);
/* "interface conversion: ..." for a failed x.(T); have may be NULL (nil). */
int panic_assert(Fiber *f, Type *iface_static, Type *have, Type *want,
                 const char *missing);
/* Name of a method of interface want that t lacks, NULL if t implements. */
const char *vm_missing_method(Type *t, Type *want);
/* print/println builtins: one value of type t to stderr. */
void vm_print_value(Type *t, Slot v);
/* Goroutine dumps (deadlock, SIGQUIT, fatal errors): one goroutine as
 * `goroutine N [status]:`, its csp stack and `created by` (stderr). */
void panic_print_goroutine(Fiber *f, const char *status, bool stack);
/* The same for a goroutine dump: goid given (f->id belongs to f's thread). */
void panic_dump_goroutine(Fiber *f, int64_t goid, const char *status,
                          bool stack);
/* The same for a goroutine stopped inside a native (a foreign call): its
 * top frame's pc is already past the call instruction. */
void panic_print_goroutine_call(Fiber *f, const char *status);
/* Any of the above to [out] (runtime.Stack writes to a memory stream):
 * in_native as for panic_print_goroutine_call, stack false for a
 * goroutine running elsewhere. */
void panic_write_goroutine(FILE *out, Fiber *f, int64_t goid,
                           const char *status, bool stack, bool in_native);
/* runtime.Stack(buf, true): every goroutine but self (the caller, on its
 * own M) to out, each after a blank line, in goroutine order; the world is
 * stopped meanwhile. Under the simulation, none. */
void vm_write_goroutines(FILE *out, Fiber *self);
/* Serialises fatal output: panics of different threads never interleave.
 * Held until the process exits. */
/* A stopped fiber's frames and `created by` lines, without the header
 * (the leak detector's reports, runtime/leak.c). */
void panic_print_frames(Fiber *f);
void panic_lock(void);
void panic_unlock(void);
/* Value of the Error() method of an error-like interface value, or NULL. */
Str *vm_error_string(Fiber *f, Iface *v);
/* Runtime-internal types (immutable once built): builds them all and
 * returns runtime.errorString. */
Type *vm_runtime_error_type(void);

#endif
