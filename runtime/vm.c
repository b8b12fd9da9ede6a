/*
 * vm.c — the interpreter loop: decodes and executes bytecode for one fiber.
 *
 * vm_execute runs the fiber's top frame until the frame marked FR_BOUNDARY
 * returns (VM_DONE) or a panic unwinds past it (VM_PANIC). Calls push a
 * Frame and continue in the same loop (see vm.h); the only recursion on the
 * C stack is a native calling back into csp through vm_call.
 *
 * The loop keeps the hot state in locals: pc, R (registers of the top
 * frame), K (its constants), fr (the top frame). Anything that can grow the
 * fiber's stack or frame array (calls, deferred calls) re-derives them.
 * Before an instruction may panic or call out, SAVE_PC() records the resume
 * point in the frame so tracebacks show the right line.
 *
 * Dispatch: computed goto through a table generated from lang/opcodes.h
 * (GCC/Clang). -DCSP_NO_COMPUTED_GOTO (`make BUILD=nocgoto`) dispatches
 * through a plain switch on the same list instead, for compilers and
 * analysers (cppcheck) without labels as values; it costs a bounds check
 * and shares one indirect branch between all opcodes.
 * A goroutine of a -race run (Fiber.race set) uses a second table, chosen
 * once on entry, whose memory instructions first report their access to
 * race.c and then run the ordinary handler (see "-race" at the end of the
 * loop): without -race no instruction does any race work. (The switch
 * build tests the flag per instruction instead: it is for analysers.)
 *
 * Blocking: a channel instruction whose operation must wait gets
 * CHAN_PARKED from chan.c (which called sched_park). The loop then saves
 * the instruction's own address as the frame's pc, sets Fiber.resume and
 * returns VM_PARK. When the goroutine is readied and run again, the same
 * instruction executes first, sees Fiber.resume and collects the outcome
 * with chan_*_resume instead of starting over. Receive destinations are
 * registers (or fresh boxes they point to): a parked fiber's stack does not
 * move, so chan.c may write into them from another thread while it waits.
 *
 * Calls: a CALL* handler only decodes its operands into the call registers
 * (callee p, closure cl, base a, native nfn, CALLI's receiver recv_iface)
 * and jumps to one of two labels after the handlers: call_proto pushes a
 * frame (push_frame) and continues in the callee, or diverts a native
 * reached through a closure or method to call_native, which runs the C
 * function and finishes the common outcome inline; the rest (parked,
 * yielded, panicked, stack moved) is native_settle's. The helpers live
 * outside the loop, as Lua keeps luaD_precall out of its interpreter.
 *
 * Panics: every failing instruction calls a panic_* helper (panic.c) that
 * pushes a Panic on the fiber, then jumps to `unwind`, which runs deferred
 * calls frame by frame, moving a cursor (Panic.frame) down the stack; each
 * runs as an ordinary frame flagged FR_PANIC_DEFER on top of the frames
 * that panicked, which stay, as Go's do (debug.Stack in a deferred call
 * shows where the panic happened). When a deferred call returns and its
 * panic was recovered, the frames above the cursor are dropped and the
 * deferring frame resumes at its epilogue (Proto.defer_ret_pc) and returns
 * normally, as Go specifies.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chan.h"
#include "race.h"
#include "vm.h"

/* ---- small helpers ----------------------------------------------------------- */

static int64_t norm_int(int64_t v, unsigned kind) {
    switch (kind) {
    case K_INT8: return (int8_t)v;
    case K_INT16: return (int16_t)v;
    case K_INT32: return (int32_t)v;
    case K_UINT8: return (uint8_t)v;
    case K_UINT16: return (uint16_t)v;
    case K_UINT32: return (uint32_t)v;
    default: return v;
    }
}

/* Go's float -> integer conversion. Out-of-range values are
 * implementation-defined in Go; csp gives amd64's answer (the "integer
 * indefinite" 0x8000000000000000) without C undefined behaviour. */
static int64_t float_to_int(double x, unsigned kind) {
    int64_t r;
    bool u64 = kind == K_UINT || kind == K_UINT64 || kind == K_UINTPTR;
    /* gc converts to int8..int32, uint8 and uint16 through a 32-bit
     * conversion (CVTTSD2SL: out of range is 0x80000000), then truncates;
     * to uint32 and wider through the 64-bit one. */
    bool via32 = kind == K_INT8 || kind == K_INT16 || kind == K_INT32 ||
                 kind == K_UINT8 || kind == K_UINT16;
    if (via32)
        return norm_int(x > -2147483649.0 && x < 2147483648.0 ? (int32_t)x : INT32_MIN,
                        kind);
    if (u64 && x >= 9223372036854775808.0 && x < 18446744073709551616.0)
        r = (int64_t)(uint64_t)x;
    else if (x >= -9223372036854775808.0 && x < 9223372036854775808.0)
        r = (int64_t)x;
    else
        r = INT64_MIN;
    return norm_int(r, kind);
}

static Slot zero_value(Type *t) {
    Slot s = {0};
    if (type_is_boxed(t))
        s.p = gc_alloc((t->size ? t->size : 1) * sizeof(Slot));
    return s;
}

static Slot *box_copy(const Slot *src, size_t n) {
    Slot *b = gc_alloc((n ? n : 1) * sizeof(Slot));
    memcpy(b, src, n * sizeof(Slot));
    return b;
}

static int minmax(Slot *a, Slot b, unsigned mode) {
    switch (mode) {
    case 0: if (b.i < a->i) *a = b; break;
    case 1: if (b.i > a->i) *a = b; break;
    case 2: if (b.u < a->u) *a = b; break;
    case 3: if (b.u > a->u) *a = b; break;
    case 4: case 5: {
        double x = a->f, y = b.f;
        if (isnan(x) || isnan(y)) a->f = NAN;
        else if (x == y) {
            /* min(-0, 0) = -0, max(-0, 0) = 0 */
            if (mode == 4 ? signbit(y) : !signbit(y)) a->f = y;
        } else if (mode == 4 ? y < x : y > x)
            a->f = y;
        break;
    }
    case 6: if (str_compare(b.p, a->p) < 0) *a = b; break;
    case 7: if (str_compare(b.p, a->p) > 0) *a = b; break;
    }
    return 0;
}

/* Elements of n registers in register representation, laid out in memory
 * representation (boxed elements are copied inline). */
static const Slot *regs_to_mem(Type *elem, const Slot *regs, int64_t n) {
    if (!type_is_boxed(elem))
        return regs;
    Slot *buf = gc_alloc((size_t)(n * elem->size + 1) * sizeof(Slot));
    for (int64_t i = 0; i < n; i++)
        rt_store(elem, buf + i * elem->size, regs[i]);
    return buf;
}

/* A string's bytes as one slot per byte ([]byte's memory layout). */
static Slot *bytes_to_slots(const Str *s) {
    int64_t n = str_len(s);
    Slot *buf = gc_alloc_atomic((size_t)(n + 1) * sizeof(Slot));
    const unsigned char *d = (const unsigned char *)str_data(s);
    for (int64_t i = 0; i < n; i++)
        buf[i].u = d[i];
    return buf;
}

/* s[lo:hi:max] for slices (array == NULL) or arrays of alen elements.
 * Returns NULL and sets *err when the bounds are bad (the caller panics). */
static Slice *do_slice(Fiber *f, Slice *s, Slot *array, int64_t alen,
                       unsigned esize, int64_t lo, int64_t hi, int64_t max,
                       unsigned mode, int *err) {
    bool three = mode & 2;
    Slot *data = array ? array : (s ? s->data : NULL);
    int64_t len = array ? alen : slice_len(s);
    int64_t cap = array ? alen : (s ? s->cap : 0);
    if (mode & 4)
        hi = len;
    if (!three)
        max = cap;
    *err = 1;
    if (three) {
        if ((uint64_t)max > (uint64_t)cap)
            return panic_slice(f, array ? 3 : 4, max, cap), NULL;
        if ((uint64_t)hi > (uint64_t)max)
            return panic_slice(f, 5, hi, max), NULL;
        if ((uint64_t)lo > (uint64_t)hi)
            return panic_slice(f, 6, lo, hi), NULL;
    } else {
        if ((uint64_t)hi > (uint64_t)cap)
            return panic_slice(f, array ? 0 : 1, hi, cap), NULL;
        if ((uint64_t)lo > (uint64_t)hi)
            return panic_slice(f, 2, lo, hi), NULL;
    }
    *err = 0;
    if (!data && !array)
        return NULL;             /* slicing a nil slice gives nil */
    Slice *r = gc_alloc(sizeof *r);
    r->data = data + lo * esize;
    r->len = hi - lo;
    r->cap = max - lo;
    return r;
}

static bool type_matches(Iface *it, Type *t) {
    if (!t)
        return it == NULL;
    if (!it)
        return false;
    if (t->kind == K_INTERFACE)
        return vm_missing_method(it->type, t) == NULL;
    return it->type == t;
}

/* Method of dynamic type t named name, through the call site's cache. */
static Proto *lookup_method(_Atomic(ICache *) *site, Type *t,
                            const char *name) {
    ICache *ic = atomic_load_explicit(site, memory_order_acquire);
    if (ic && ic->type == t)
        return ic->fn;
    Proto *p = type_find_method(t, name);
    if (!p)
        return NULL;
    ic = gc_alloc(sizeof *ic);
    ic->type = t;
    ic->fn = p;
    atomic_store_explicit(site, ic, memory_order_release);
    return p;
}

/* An unhashable dynamic key type. A lookup or delete in a nil or empty map
 * panics as Go's mapKeyError does ("hash of unhashable type: T", a
 * runtime.Error without the "runtime error: " prefix); hashing the key for
 * a real lookup or a store panics as typehash does. */
static void map_bad_key(Fiber *f, Type *bad, Map *m, bool lookup) {
    if (lookup && (!m || map_len(m) == 0)) {
        char buf[512];
        snprintf(buf, sizeof buf, "hash of unhashable type: %s", type_string(bad));
        panic_plain(f, buf);
        return;
    }
    rt_panic_runtime(f, "hash of unhashable type %s", type_string(bad));
}

static void panic_growslice(Fiber *f) {
    rt_panic_runtime(f, "growslice: len out of range");
}

/* ---- channels ------------------------------------------------------------------ */

static int panic_chan(Fiber *f, int status) {
    return panic_plain(f, chan_panic_msg(status));
}

/* The box of every received zero-size value (struct{}, [0]T): nothing is
 * ever read or written through it, so sharing it aliases nothing. */
static Slot empty_box[1];

/* Where a channel of c's element type keeps a value whose register is r:
 * the register itself, or the box it points to (structs, arrays). fresh:
 * give r a new box first (a receive destination must not alias a value
 * the fiber still holds). */
static Slot *chan_slot(Chan *c, Slot *r, bool fresh) {
    if (!c || !c->elem || !type_is_boxed(c->elem))
        return r;
    if (!c->elem->size)
        r->p = empty_box;        /* <-done on a chan struct{}: no garbage */
    else if (fresh || !r->p)
        r->p = gc_alloc(c->elem->size * sizeof(Slot));
    return r->p;
}

/* The fiber's select case array for n cases (kept for the next select). */
static SelectCase *sel_cases(Fiber *f, unsigned n) {
    if (n > f->nselcases) {
        f->selcases = gc_alloc(n * sizeof(SelectCase));
        f->nselcases = (uint16_t)(n > 0xffff ? 0xffff : n);
    }
    return f->selcases;
}

/* ---- calls (outside the loop, as Lua keeps luaD_precall out of lvm.c) ------ */

/* Pushes the frame of csp function p (closure cl, or NULL for a direct
 * call) whose registers start after the caller's R[a]; the caller's pc is
 * saved. Grows the stack and the frame array as needed (both may move).
 * Returns the new top frame. */
static inline __attribute__((always_inline)) Frame *
push_frame(Fiber *f, Frame *fr, Proto *p, Closure *cl, unsigned a) {
    int64_t nb = fr->base + a + 1;
    uint32_t nflags = 0;            /* read before the frame array moves */
    if (__builtin_expect(fr->flags & FR_PANIC_DEFER, 0) && fr->proto->wrapper)
        nflags = FR_RECOVER_OK;
    if (nb + p->maxregs > f->nslots) {
        if (!fiber_ensure_stack(f, nb + p->maxregs))
            panic_stack_overflow(f);
    }
    if (f->nframes == f->cap_frames) {
        if (!fiber_push_frame(f))
            panic_stack_overflow(f);
        f->nframes--;
    }
    fr = &f->frames[f->nframes++];
    fr->proto = p;
    fr->cl = cl;
    fr->defers = NULL;
    fr->base = (int32_t)nb;
    fr->flags = nflags;
    return fr;
}

/* The uncommon outcomes of native p called on args (= the caller's
 * R[a+1..] when the call began, on stack `old`): a nested vm_call may have
 * grown the stack (R moved; the native wrote its results to the old one).
 * Copies the results to R[a..] when the native completed or yielded, and
 * restores a CALLI receiver (recv_iface) for the retry when it parked.
 * Returns st. */
static int native_settle(Fiber *f, Proto *p, unsigned a, Slot *args,
                         Slot *old, int st, Iface *recv_iface) {
    Frame *fr = &f->frames[f->nframes - 1];
    Slot *R = f->stack + fr->base;
    if (f->stack != old) {
        memcpy(R + a + 1, args, p->nresults * sizeof(Slot));
        args = R + a + 1;
    }
    if (st == NATIVE_PANIC)
        return st;
    if (st == NATIVE_PARK) {
        if (recv_iface)
            R[a + 1].p = recv_iface;
        return st;
    }
    for (int i = 0; i < p->nresults; i++)
        R[a + i] = args[i];
    return st;
}

#ifdef CSP_NO_COMPUTED_GOTO
static _Noreturn void vm_bad_opcode(unsigned op) {
    fprintf(stderr, "fatal error: bad opcode %u\n", op);
    abort();
}
#endif

/* ---- the loop ------------------------------------------------------------------ */

#define SAVE_PC() (fr->pc = pc)
#define LOAD_STATE()                                                         \
    do {                                                                     \
        fr = &f->frames[f->nframes - 1];                                     \
        pc = fr->pc;                                                         \
        R = f->stack + fr->base;                                             \
        K = fr->proto->k;                                                    \
    } while (0)
#define THROW(call)                                                          \
    do {                                                                     \
        SAVE_PC();                                                           \
        call;                                                                \
        goto unwind;                                                         \
    } while (0)

#define A INS_A(ins)
#define B INS_B(ins)
#define C INS_C(ins)
#define SB INS_SB(ins)
#define SC INS_SC(ins)
#define RA R[INS_A(ins)]
#define RB R[INS_B(ins)]
#define RC R[INS_C(ins)]
#define NEXT_EXTRA (x = *pc++)
/* Blocked at the instruction at `at`: see "Blocking" at the top. */
#define PARK_AT(at)                                                          \
    do {                                                                     \
        fr->pc = (at);                                                       \
        f->resume = RESUME_CHAN;                                             \
        w->budget = budget;                                                  \
        return VM_PARK;                                                      \
    } while (0)
#define XA INS_A(x)
#define XB INS_B(x)
#define XC INS_C(x)

/* The instructions the -race table replaces (see "-race" at the end of the
 * loop): memory accesses, and the native calls whose inline fast path would
 * skip the sync natives' race hooks. */
#define RACE_OPS(X)                                                          \
    X(GETG) X(SETG) X(GETUP) X(SETUP) X(ADDUP) X(CELLGET) X(CELLSET)         \
    X(CELLCOPY) X(LOAD) X(STORE) X(BOXCOPY) X(COPYN) X(SGET) X(SSET)         \
    X(APPEND) X(APPENDSL) X(COPY) X(CLEARS) X(B2S) X(R2S) X(MAPGET)          \
    X(MAPGET2) X(MAPSET) X(MAPDEL) X(LENMAP) X(MAPCLEAR) X(MAPITER)          \
    X(MAPNEXT) X(CALLNF) X(CALLNFU) X(S2A)

int vm_execute(Worker *w, Fiber *f) {
#ifndef CSP_NO_COMPUTED_GOTO
    static void *const dispatch[OP_NOPCODES] = {
#define OP_LABEL(name, fmt, doc) &&L_##name,
        OPCODES(OP_LABEL)
#undef OP_LABEL
    };
#endif
#ifndef CSP_NO_COMPUTED_GOTO
    /* -race: the same table with RACE_OPS going to their RL_ handlers. A
     * goroutine's table is chosen once per run, never per instruction. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const race_dispatch[OP_NOPCODES] = {
#define OP_LABEL(name, fmt, doc) [OP_##name] = &&L_##name,
        OPCODES(OP_LABEL)
#undef OP_LABEL
#define RACE_LABEL(name) [OP_##name] = &&RL_##name,
        RACE_OPS(RACE_LABEL)
#undef RACE_LABEL
    };
#pragma GCC diagnostic pop
    void *const *const table = f->race ? race_dispatch : dispatch;
#else
    const bool race_mode = f->race;
#endif
    Frame *fr;
    const Instr *pc;
    Slot *R, *K;
    Slot *G = f->prog->globals;
    Instr ins, x;
    int64_t budget = w->budget;     /* local copy: the loop's hot counter */
    /* The call registers: set by a CALL* handler for call_proto and
     * call_native (see "Calls" at the top). */
    Proto *callee;                  /* the function called */
    Closure *callcl;                /* its closure (call_proto; NULL: direct) */
    unsigned cbase;                 /* R[cbase]: results; R[cbase+1..]: args */
    NativeFn nfn;                   /* call_native: the C function to run */
    Iface *recv_iface;              /* call_native only: CALLI's interface,
                                       restored if the native parks (the
                                       call is retried); else NULL */
    f->w = w;

#ifndef CSP_NO_COMPUTED_GOTO
#define DISPATCH() do { ins = *pc++; goto *table[INS_OP(ins)]; } while (0)
#else
#define DISPATCH() do { ins = *pc++; goto dispatch_switch; } while (0)
#endif

    LOAD_STATE();
    if (__builtin_expect(f->goexit_req, 0)) { /* see Fiber.kill_goid */
        f->goexit_req = false;
        panic_goexit(f);
        goto unwind;
    }
    DISPATCH();

#ifdef CSP_NO_COMPUTED_GOTO
dispatch_switch:
    if (race_mode)
        switch (INS_OP(ins)) {
#define RACE_CASE(name) case OP_##name: goto RL_##name;
        RACE_OPS(RACE_CASE)
#undef RACE_CASE
        default: break;
        }
    switch (INS_OP(ins)) {
#define OP_CASE(name, fmt, doc) case OP_##name: goto L_##name;
    OPCODES(OP_CASE)
#undef OP_CASE
    default: vm_bad_opcode(INS_OP(ins));
    }
#endif
L_NOP:
L_EXTRA:
    DISPATCH();
L_SCHEDPT: /* only in the simulation's bytecode (runtime/sim.h) */
    if (--budget < 0) goto yield;
    DISPATCH();
L_MOVE: RA = RB; DISPATCH();
L_LOADK: RA = K[C]; DISPATCH();
L_LOADI: RA.i = SC; DISPATCH();
L_GETG: RA = G[C]; DISPATCH();
L_SETG: G[C] = RA; DISPATCH();
L_GADDR: RA.p = &G[C]; DISPATCH();
L_GETUP: RA = *(Slot *)fr->cl->up[B].p; DISPATCH();
L_SETUP: *(Slot *)fr->cl->up[B].p = RA; DISPATCH();
L_ADDUP: {
    Slot *cell = fr->cl->up[A].p;
    int64_t v = (int64_t)(cell->u + (uint64_t)(int64_t)SC);
    cell->i = B ? norm_int(v, B) : v;
    DISPATCH();
}
L_UPREF: RA = fr->cl->up[B]; DISPATCH();
L_NEWCELL: {
    Slot *c = gc_alloc(sizeof(Slot));
    *c = RB;
    RA.p = c;
    DISPATCH();
}
L_CELLGET: RA = *(Slot *)RB.p; DISPATCH();
L_CELLSET: *(Slot *)RA.p = RB; DISPATCH();
L_CELLCOPY: {
    Slot *c = gc_alloc(sizeof(Slot));
    *c = *(Slot *)RA.p;
    RA.p = c;
    DISPATCH();
}
L_CLOSURE: {
    Proto *p = K[C].p;
    Closure *cl = gc_alloc(sizeof(Closure) + p->ncaps * sizeof(Slot));
    cl->proto = p;
    cl->nup = p->ncaps;
    for (int i = 0; i < p->ncaps; i++)
        cl->up[i] = p->caps[i].from_up ? fr->cl->up[p->caps[i].index]
                                       : R[p->caps[i].index];
    RA.p = cl;
    DISPATCH();
}

/* memory */
L_LOAD: {
    Slot *p = RB.p;
    if (!p) THROW(panic_nil(f));
    RA = p[C];
    DISPATCH();
}
L_STORE: {
    Slot *p = RA.p;
    if (!p) THROW(panic_nil(f));
    p[B] = RC;
    DISPATCH();
}
L_ADDR: {
    Slot *p = RB.p;
    if (!p) THROW(panic_nil(f));
    RA.p = p + C;
    DISPATCH();
}
L_ADDRK: {
    Slot *p = RB.p;
    if (!p) THROW(panic_nil(f));
    RA.p = p + K[C].i;
    DISPATCH();
}
L_BOXNEWK: RA.p = gc_alloc((size_t)K[C].i * sizeof(Slot)); DISPATCH();
L_BOXCOPYK: {
    Slot *p = RB.p;
    if (!p) THROW(panic_nil(f));
    RA.p = box_copy(p, (size_t)K[C].i);
    DISPATCH();
}
L_COPYNK: {
    Slot *d = RA.p, *s = RB.p;
    if (!d || !s) THROW(panic_nil(f));
    memmove(d, s, (size_t)K[C].i * sizeof(Slot));
    DISPATCH();
}
L_AADDRK: {
    NEXT_EXTRA;
    Slot *a = RB.p;
    int64_t i = RC.i, n = K[XC].i;
    if (!a) THROW(panic_nil(f));
    if ((uint64_t)i >= (uint64_t)n) THROW(panic_index(f, i, n));
    RA.p = a + i * XB;
    DISPATCH();
}
L_NILCHK: if (!RA.p) THROW(panic_nil(f)); DISPATCH();
L_BOXNEW: RA.p = gc_alloc((C ? C : 1) * sizeof(Slot)); DISPATCH();
L_BOXCOPY: {
    Slot *p = RB.p;
    if (!p) THROW(panic_nil(f));
    RA.p = box_copy(p, C);
    DISPATCH();
}
L_COPYN: {
    Slot *d = RA.p, *s = RB.p;
    if (!d || !s) THROW(panic_nil(f));
    memmove(d, s, C * sizeof(Slot));
    DISPATCH();
}

/* integers */
L_ADD: RA.u = RB.u + RC.u; DISPATCH();
L_SUB: RA.u = RB.u - RC.u; DISPATCH();
L_MUL: RA.u = RB.u * RC.u; DISPATCH();
L_DIV: {
    int64_t y = RC.i, v = RB.i;
    if (y == 0) THROW(panic_divide(f));
    RA.i = y == -1 ? (int64_t)(0 - (uint64_t)v) : v / y;
    DISPATCH();
}
L_MOD: {
    int64_t y = RC.i, v = RB.i;
    if (y == 0) THROW(panic_divide(f));
    RA.i = y == -1 ? 0 : v % y;
    DISPATCH();
}
L_DIVU: {
    uint64_t y = RC.u;
    if (y == 0) THROW(panic_divide(f));
    RA.u = RB.u / y;
    DISPATCH();
}
L_MODU: {
    uint64_t y = RC.u;
    if (y == 0) THROW(panic_divide(f));
    RA.u = RB.u % y;
    DISPATCH();
}
L_AND: RA.u = RB.u & RC.u; DISPATCH();
L_OR: RA.u = RB.u | RC.u; DISPATCH();
L_XOR: RA.u = RB.u ^ RC.u; DISPATCH();
L_ANDNOT: RA.u = RB.u & ~RC.u; DISPATCH();
L_SHL: {
    int64_t c = RC.i;
    if (c < 0) THROW(rt_panic_runtime(f, "negative shift amount"));
    RA.u = c >= 64 ? 0 : RB.u << c;
    DISPATCH();
}
L_SHR: {
    int64_t c = RC.i, v = RB.i;
    if (c < 0) THROW(rt_panic_runtime(f, "negative shift amount"));
    /* >> of a negative value is arithmetic in GCC and Clang (documented
     * implementation-defined behaviour), as Go's signed shift is */
    // cppcheck-suppress shiftTooManyBitsSigned
    RA.i = c >= 64 ? (v < 0 ? -1 : 0) : v >> c;
    DISPATCH();
}
L_SHRU: {
    int64_t c = RC.i;
    if (c < 0) THROW(rt_panic_runtime(f, "negative shift amount"));
    RA.u = c >= 64 ? 0 : RB.u >> c;
    DISPATCH();
}
L_SHCLAMP: RA.u = RB.u > 255 ? 255 : RB.u; DISPATCH();
L_ADDI: RA.u = RB.u + (uint64_t)(int64_t)SC; DISPATCH();
L_MULI: RA.u = RB.u * (uint64_t)(int64_t)SC; DISPATCH();
L_SHLI: RA.u = RB.u << C; DISPATCH();
L_SHRI: RA.i = RB.i >> C; DISPATCH();
L_SHRUI: RA.u = RB.u >> C; DISPATCH();
L_ANDI: RA.i = RB.i & SC; DISPATCH();
L_NEG: RA.u = 0 - RB.u; DISPATCH();
L_BNOT: RA.u = ~RB.u; DISPATCH();
L_NOT: RA.i = !RB.i; DISPATCH();
L_NORM: RA.i = norm_int(RB.i, C); DISPATCH();

/* floats */
L_ADDF: RA.f = RB.f + RC.f; DISPATCH();
L_SUBF: RA.f = RB.f - RC.f; DISPATCH();
L_MULF: RA.f = RB.f * RC.f; DISPATCH();
L_DIVF: RA.f = RB.f / RC.f; DISPATCH();
L_NEGF: RA.f = -RB.f; DISPATCH();
L_F32: RA.f = (double)(float)RB.f; DISPATCH();
L_I2F: RA.f = (double)RB.i; DISPATCH();
L_U2F: RA.f = (double)RB.u; DISPATCH();
L_F2I: RA.i = float_to_int(RB.f, C); DISPATCH();
L_CPLX: RA.p = cplx_new(RB.f, RC.f); DISPATCH();
L_CPART: {
    Slot *b = RB.p;
    RA.f = b ? b[C].f : 0;
    DISPATCH();
}
L_ADDC: {
    double a, b, c, d;
    cplx_get(RB.p, &a, &b);
    cplx_get(RC.p, &c, &d);
    RA.p = cplx_new(a + c, b + d);
    DISPATCH();
}
L_SUBC: {
    double a, b, c, d;
    cplx_get(RB.p, &a, &b);
    cplx_get(RC.p, &c, &d);
    RA.p = cplx_new(a - c, b - d);
    DISPATCH();
}
L_MULC: RA.p = cplx_mul(RB.p, RC.p); DISPATCH();
L_DIVC: RA.p = cplx_div(RB.p, RC.p); DISPATCH();
L_NEGC: {
    double a, b;
    cplx_get(RB.p, &a, &b);
    RA.p = cplx_new(-a, -b);
    DISPATCH();
}
L_C64: {
    double a, b;
    cplx_get(RB.p, &a, &b);
    RA.p = cplx_new((double)(float)a, (double)(float)b);
    DISPATCH();
}

/* comparisons */
L_EQ: RA.i = RB.u == RC.u; DISPATCH();
L_NE: RA.i = RB.u != RC.u; DISPATCH();
L_LT: RA.i = RB.i < RC.i; DISPATCH();
L_LE: RA.i = RB.i <= RC.i; DISPATCH();
L_LTU: RA.i = RB.u < RC.u; DISPATCH();
L_LEU: RA.i = RB.u <= RC.u; DISPATCH();
L_EQF: RA.i = RB.f == RC.f; DISPATCH();
L_NEF: RA.i = RB.f != RC.f; DISPATCH();
L_LTF: RA.i = RB.f < RC.f; DISPATCH();
L_LEF: RA.i = RB.f <= RC.f; DISPATCH();
L_EQS: RA.i = str_equal(RB.p, RC.p); DISPATCH();
L_NES: RA.i = !str_equal(RB.p, RC.p); DISPATCH();
L_LTS: RA.i = str_compare(RB.p, RC.p) < 0; DISPATCH();
L_LES: RA.i = str_compare(RB.p, RC.p) <= 0; DISPATCH();
L_EQV: {
    NEXT_EXTRA;
    Type *t = K[XC].p, *bad = NULL;
    bool eq = rt_equal(t, rt_mem(t, &RB), rt_mem(t, &RC), &bad);
    if (bad)
        THROW(rt_panic_runtime(f, "comparing uncomparable type %s",
                               type_string(bad)));
    RA.i = XA ? !eq : eq;
    DISPATCH();
}
L_EQIF:
L_NEIF: {
    Type *bad = NULL;
    bool eq = rt_iface_equal(RB.p, RC.p, &bad);
    if (bad)
        THROW(rt_panic_runtime(f, "comparing uncomparable type %s",
                               type_string(bad)));
    RA.i = INS_OP(ins) == OP_EQIF ? eq : !eq;
    DISPATCH();
}

/* jumps */
/* A taken backward jump spends budget (preemption point, see Worker). */
#define JUMP_IF(cond)                                                        \
    do {                                                                     \
        if (cond) {                                                          \
            int off_ = SC;                                                   \
            pc += off_;                                                      \
            if (off_ < 0 && --budget < 0) goto yield;                        \
        }                                                                    \
        DISPATCH();                                                          \
    } while (0)
L_JMP: JUMP_IF(1);
L_JT: JUMP_IF(RA.i);
L_JF: JUMP_IF(!RA.i);
L_JEQ: JUMP_IF(RA.u == RB.u);
L_JNE: JUMP_IF(RA.u != RB.u);
L_JLT: JUMP_IF(RA.i < RB.i);
L_JLE: JUMP_IF(RA.i <= RB.i);
L_JLTU: JUMP_IF(RA.u < RB.u);
L_JLEU: JUMP_IF(RA.u <= RB.u);
L_JEQI: JUMP_IF(RA.i == SB);
L_JNEI: JUMP_IF(RA.i != SB);
L_JLTI: JUMP_IF(RA.i < SB);
L_JLEI: JUMP_IF(RA.i <= SB);
L_JGTI: JUMP_IF(RA.i > SB);
L_JGEI: JUMP_IF(RA.i >= SB);
L_JEQK: JUMP_IF(RA.i == K[B].i);
L_JNEK: JUMP_IF(RA.i != K[B].i);
L_JLTK: JUMP_IF(RA.i < K[B].i);
L_JLEK: JUMP_IF(RA.i <= K[B].i);
L_JGTK: JUMP_IF(RA.i > K[B].i);
L_JGEK: JUMP_IF(RA.i >= K[B].i);
/* a loop's "i++; i < n" (wrapping add, signed compare) */
L_FORLT: JUMP_IF((RA.i = (int64_t)(RA.u + 1)) < RB.i);
L_FORLTI: JUMP_IF((RA.i = (int64_t)(RA.u + 1)) < SB);
L_FORLTK: JUMP_IF((RA.i = (int64_t)(RA.u + 1)) < K[B].i);
L_JLTF: JUMP_IF(RA.f < RB.f);
L_JLEF: JUMP_IF(RA.f <= RB.f);
L_JNLTF: JUMP_IF(!(RA.f < RB.f));
L_JNLEF: JUMP_IF(!(RA.f <= RB.f));
L_JEQF: JUMP_IF(RA.f == RB.f);
L_JNEF: JUMP_IF(RA.f != RB.f);

/* strings */
L_CONCAT: RA.p = str_concat(RB.p, RC.p); DISPATCH();
L_LENS: RA.i = str_len(RB.p); DISPATCH();
L_STRIDX: {
    Str *s = RB.p;
    int64_t i = RC.i, n = str_len(s);
    if ((uint64_t)i >= (uint64_t)n) THROW(panic_index(f, i, n));
    RA.i = (unsigned char)s->data[i];
    DISPATCH();
}
L_SUBSTR: {
    Str *s = RB.p;
    int64_t lo = RC.i, hi = R[C + 1].i, n = str_len(s);
    if ((uint64_t)hi > (uint64_t)n) THROW(panic_slice(f, 0, hi, n));
    if ((uint64_t)lo > (uint64_t)hi) THROW(panic_slice(f, 2, lo, hi));
    RA.p = str_substr(s, lo, hi);
    DISPATCH();
}
L_STRNEXT: {
    Str *s = RB.p;
    int64_t i = RA.i, n = str_len(s);
    if (i >= n) { pc += SC; DISPATCH(); }
    unsigned char c = (unsigned char)s->data[i];
    int size = 1;
    int32_t r = c < 0x80 ? c : utf8_decode(s->data + i, n - i, &size);
    R[A + 1].i = i;
    R[A + 2].i = r;
    RA.i = i + size;
    DISPATCH();
}
L_RUNE2S: {
    int64_t v = RB.i;
    RA.p = str_from_rune(v < 0 || v > 0x10ffff ? 0xfffd : (int32_t)v);
    DISPATCH();
}
L_B2S: RA.p = str_from_bytes(RB.p); DISPATCH();
L_S2B: RA.p = str_to_bytes(RB.p); DISPATCH();
L_R2S: RA.p = str_from_runes(RB.p); DISPATCH();
L_S2R: RA.p = str_to_runes(RB.p); DISPATCH();

/* slices and arrays */
L_LEN: RA.i = slice_len(RB.p); DISPATCH();
L_CAP: { Slice *s = RB.p; RA.i = s ? s->cap : 0; DISPATCH(); }
L_SGET: {
    Slice *s = RB.p;
    int64_t i = RC.i, n = slice_len(s);
    if ((uint64_t)i >= (uint64_t)n) THROW(panic_index(f, i, n));
    RA = s->data[i];
    DISPATCH();
}
L_SSET: {
    Slice *s = RA.p;
    int64_t i = RB.i, n = slice_len(s);
    if ((uint64_t)i >= (uint64_t)n) THROW(panic_index(f, i, n));
    s->data[i] = RC;
    DISPATCH();
}
L_SADDR: {
    NEXT_EXTRA;
    Slice *s = RB.p;
    int64_t i = RC.i, n = slice_len(s);
    if ((uint64_t)i >= (uint64_t)n) THROW(panic_index(f, i, n));
    RA.p = s->data + i * XC;
    DISPATCH();
}
L_AADDR: {
    NEXT_EXTRA;
    Slot *a = RB.p;
    int64_t i = RC.i, n = XC;
    if (!a) THROW(panic_nil(f));
    if ((uint64_t)i >= (uint64_t)n) THROW(panic_index(f, i, n));
    RA.p = a + i * XB;
    DISPATCH();
}
L_S2A: {
    NEXT_EXTRA;
    Type *at = K[C].p;
    Slice *s = RB.p;
    int64_t n = slice_len(s);
    if (n < at->len) THROW(panic_convert(f, n, at->len));
    if (XA) RA.p = s ? s->data : NULL;
    else RA.p = at->size ? box_copy(s->data, at->size) : gc_alloc(sizeof(Slot));
    DISPATCH();
}
L_MKSLICE: {
    NEXT_EXTRA;
    Type *elem = K[XC].p;
    Slice *s = slice_new(elem, C, C);
    for (unsigned i = 0; i < C; i++)
        rt_store(elem, s->data + i * elem->size, R[B + i]);
    RA.p = s;
    DISPATCH();
}
L_MAKESLICE: {
    NEXT_EXTRA;
    Type *elem = K[XC].p;
    int64_t len = RB.i, cap = RC.i;
    int64_t gs = type_gosize(elem), limit = gs ? GO_MAX_ALLOC / gs : INT64_MAX;
    if (len < 0 || len > limit)
        THROW(rt_panic_runtime(f, "makeslice: len out of range"));
    if (cap < len || cap > limit)
        THROW(rt_panic_runtime(f, "makeslice: cap out of range"));
    RA.p = slice_new(elem, len, cap);
    DISPATCH();
}
L_SLICE: {
    NEXT_EXTRA;
    int err;
    Slice *r;
    SAVE_PC();
    if (XA & 1) {
        if (!RB.p) THROW(panic_nil(f));
        r = do_slice(f, NULL, RB.p, XA & 8 ? K[XC].i : XC, XB, RC.i, R[C + 1].i,
                     R[C + 2].i, XA & 7, &err);
    } else {
        r = do_slice(f, RB.p, NULL, 0, XB, RC.i, R[C + 1].i, R[C + 2].i,
                     XA, &err);
    }
    if (err) goto unwind;
    RA.p = r;
    DISPATCH();
}
/* The new length of an append overflows int (only slices of zero-size
 * elements get that long). */
#define APPEND_OVERFLOWS(s, n) \
    __builtin_expect(slice_len(s) > INT64_MAX - (int64_t)(n), 0)
L_APPEND: {
    NEXT_EXTRA;
    Type *elem = K[XC].p;
    if (APPEND_OVERFLOWS(RB.p, XB)) THROW(panic_growslice(f));
    RA.p = slice_append(elem, RB.p, regs_to_mem(elem, &RC, XB), XB);
    DISPATCH();
}
L_APPENDSL: {
    NEXT_EXTRA;
    Type *elem = K[XC].p;
    if (XA) {
        Str *s = RC.p;
        RA.p = slice_append(elem, RB.p, bytes_to_slots(s), str_len(s));
    } else {
        Slice *s = RC.p;
        if (s && APPEND_OVERFLOWS(RB.p, s->len)) THROW(panic_growslice(f));
        RA.p = s ? slice_append(elem, RB.p, s->data, s->len) : RB.p;
    }
    DISPATCH();
}
L_COPY: {
    NEXT_EXTRA;
    Slice *d = RB.p;
    int64_t n = slice_len(d);
    if (XA) {
        Str *s = RC.p;
        if (str_len(s) < n) n = str_len(s);
        for (int64_t i = 0; i < n; i++)
            d->data[i].u = (unsigned char)s->data[i];
    } else {
        Slice *s = RC.p;
        if (slice_len(s) < n) n = slice_len(s);
        if (n > 0)
            memmove(d->data, s->data, (size_t)n * XC * sizeof(Slot));
    }
    RA.i = n;
    DISPATCH();
}
L_CLEARS: {
    Slice *s = RA.p;
    if (s && s->len)
        memset(s->data, 0, (size_t)s->len * C * sizeof(Slot));
    DISPATCH();
}

/* maps */
L_MAKEMAP: {
    int64_t hint = RB.i;
    if (hint < 0) THROW(rt_panic_runtime(f, "makemap: size out of range"));
    RA.p = map_new(K[C].p, hint);
    DISPATCH();
}
L_MAPGET:
L_MAPGET2: {
    NEXT_EXTRA;
    Type *mt = K[XC].p, *bad = NULL;
    Map *m = RB.p;
    Slot *v = NULL;
    if (m) {
        SAVE_PC(); /* a map misuse fatal error names this line */
        v = map_get(m, rt_mem(mt->key, &RC), &bad);
        if (bad) THROW(map_bad_key(f, bad, m, true));
    } else {
        /* Go hashes the key even for a nil map: an unhashable dynamic
         * type still panics. */
        if (mt->key->kind == K_INTERFACE && RC.p) {
            rt_hash(mt->key, &RC, 0, &bad);
            if (bad) THROW(map_bad_key(f, bad, m, true));
        }
    }
    unsigned a = A;
    if (INS_OP(ins) == OP_MAPGET2)
        R[a + 1].i = v != NULL;
    R[a] = v ? rt_load(mt->elem, v) : zero_value(mt->elem);
    DISPATCH();
}
L_MAPSET: {
    Map *m = RA.p;
    Type *bad = NULL;
    if (!m) THROW(rt_panic_string(f, "assignment to entry in nil map"));
    Type *mt = map_type(m);
    SAVE_PC();
    Slot *v = map_set(m, rt_mem(mt->key, &RB), &bad);
    if (bad) THROW(map_bad_key(f, bad, m, false));
    rt_store(mt->elem, v, RC);
    DISPATCH();
}
L_MAPDEL: {
    Map *m = RA.p;
    Type *bad = NULL;
    if (m) {
        SAVE_PC();
        map_delete(m, rt_mem(map_type(m)->key, &RB), &bad);
        if (bad) THROW(map_bad_key(f, bad, m, true));
    } else if (RB.p && ((Type *)K[C].p)->key->kind == K_INTERFACE) {
        /* Go hashes the key even for a nil map: an unhashable dynamic
         * type still panics. */
        rt_hash(((Type *)K[C].p)->key, &RB, 0, &bad);
        if (bad) THROW(map_bad_key(f, bad, m, true));
    }
    DISPATCH();
}
L_LENMAP: RA.i = RB.p ? map_len(RB.p) : 0; DISPATCH();
L_MAPCLEAR: SAVE_PC(); if (RA.p) map_clear(RA.p); DISPATCH();
L_MAPITER: {
    Map *m = RB.p;
    MapIter *it = NULL;
    if (m) {
        it = gc_alloc(sizeof *it);
        map_iter_init(m, it, worker_rand(w));
    }
    RA.p = it;
    DISPATCH();
}
L_MAPNEXT: {
    MapIter *it = RA.p;
    Slot *k, *v;
    SAVE_PC();
    if (!it || !map_iter_next(it, &k, &v)) {
        pc += SC;
        DISPATCH();
    }
    Type *mt = map_type(it->m);
    unsigned a = A;
    R[a + 1] = rt_load(mt->key, k);
    R[a + 2] = rt_load(mt->elem, v);
    DISPATCH();
}

/* interfaces */
L_IFACE: RA.p = rt_iface(K[C].p, RB); DISPATCH();
L_ASSERT: {
    NEXT_EXTRA;
    Iface *it = RB.p;
    Type *t = K[C].p;
    if (t->kind == K_INTERFACE) {
        const char *missing = it ? vm_missing_method(it->type, t) : NULL;
        if (!it || missing)
            THROW(panic_assert(f, K[XC].p, it ? it->type : NULL, t, missing));
        RA.p = it;
    } else {
        if (!it || it->type != t)
            THROW(panic_assert(f, K[XC].p, it ? it->type : NULL, t, NULL));
        if (type_is_boxed(t))
            RA.p = box_copy(it->val.p, t->size);
        else
            RA = it->val;
    }
    DISPATCH();
}
L_ASSERT2: {
    Iface *it = RB.p;
    Type *t = K[C].p;
    unsigned a = A;
    bool ok = type_matches(it, t);
    R[a + 1].i = ok;
    if (t->kind == K_INTERFACE)
        R[a].p = ok ? it : NULL;
    else if (!ok)
        R[a] = zero_value(t);
    else if (type_is_boxed(t))
        R[a].p = box_copy(it->val.p, t->size);
    else
        R[a] = it->val;
    DISPATCH();
}
L_TYPEIS: RA.i = type_matches(RB.p, K[C].p); DISPATCH();
L_BIND: {
    Closure *cl = gc_alloc(sizeof(Closure) + sizeof(Slot));
    cl->proto = K[C].p;
    cl->nup = 1;
    cl->up[0] = RB;
    RA.p = cl;
    DISPATCH();
}

/* calls: each handler sets the call registers (see "Calls" at the top) and
 * jumps to call_native or call_proto, after the opcode handlers. */
/* The native's inline fast path (rt.h NativeFast) on receiver RECV; a
 * macro rather than a shared tail so that the receiver stays in a register
 * on the fast path. Falls to call_native with the receiver in R[A+1]. */
#define CALL_FAST(RECV)                                                      \
    do {                                                                     \
        Slot recv_ = (RECV);                                                 \
        Slot *m_ = recv_.p;                                                  \
        callee = K[C].p;                                                     \
        nfn = NULL;                                                          \
        if (m_ && !f->sched.param) {                                         \
            /* Unlock and RUnlock release (map.c's windows); a bump at       \
             * Lock too costs nothing and only closes windows early */       \
            sched_note_sync(&f->sched);                                      \
            int64_t *word_ = &m_[callee->fast_slot].i;                       \
            if (callee->fast_kind == FAST_CAS) {                             \
                int64_t expect_ = callee->fast_x;                            \
                if (__atomic_compare_exchange_n(word_, &expect_, callee->fast_y,  \
                                                false, __ATOMIC_SEQ_CST,     \
                                                __ATOMIC_SEQ_CST))           \
                    DISPATCH();                                              \
            } else {                                                         \
                int64_t r_ = __atomic_add_fetch(word_, callee->fast_x,       \
                                                __ATOMIC_SEQ_CST);           \
                if (r_ >= callee->fast_y)                                    \
                    DISPATCH();                                              \
                R[A + 2].i = r_;                                             \
                nfn = callee->fast_rest;                                     \
            }                                                                \
        }                                                                    \
        if (!nfn)                                                            \
            nfn = callee->native;                                            \
        R[A + 1] = recv_;                                                    \
        cbase = A;                                                           \
        recv_iface = NULL;                                                   \
        goto call_native;                                                    \
    } while (0)
L_CALLNFU:
    CALL_FAST(fr->cl->up[B]);    /* the receiver UPREF, fused */
L_CALLNF:
    CALL_FAST(RB);               /* the receiver MOVE, fused */
L_CALLNU:
    R[A + 1] = fr->cl->up[B];    /* the receiver UPREF, fused */
    goto calln;
L_CALLNR:
    R[A + 1] = RB;               /* the receiver MOVE, fused */
    /* fall through */
L_CALLN:
calln:
    callee = K[C].p;
    nfn = callee->native;
    cbase = A;
    recv_iface = NULL;
    goto call_native;
L_CALL:
    callcl = RA.p;
    if (!callcl) THROW(panic_nil(f));
    callee = callcl->proto;
    cbase = A;
    goto call_proto;
L_CALLKU:
    R[A + 1] = fr->cl->up[B];    /* the receiver UPREF, fused */
    goto callk;
L_CALLKR:
    R[A + 1] = RB;               /* the receiver MOVE, fused */
    /* fall through */
L_CALLK:
callk:
    callee = K[C].p;
    callcl = NULL;
    cbase = A;
    goto call_proto;
L_CALLI: {
    Slot *rv = &R[A + 1];
    Iface *it = rv->p;
    if (!it) THROW(panic_nil(f));
    Type *t = it->type;
    callee = lookup_method(&fr->proto->icache[C], t, K[B].p);
    if (!callee)
        THROW(rt_panic_string(f, "method %s not found for %s",
                              (const char *)K[B].p, type_string(t)));
    if (type_is_boxed(t))
        rv->p = box_copy(it->val.p, t->size);  /* callee owns its receiver */
    else
        *rv = it->val;
    cbase = A;
    if (callee->native) {
        nfn = callee->native;
        recv_iface = it;
        goto call_native;
    }
    callcl = NULL;
    goto call_proto;
}
L_RET: {
    unsigned a = A, n = B;
    Slot *dst = R - 1;
    for (unsigned i = 0; i < n; i++)
        dst[i] = R[a + i];
    uint32_t flags = fr->flags;
    f->nframes--;
    if (flags)
        goto ret_special;
    fr--;
    pc = fr->pc;
    R = f->stack + fr->base;
    K = fr->proto->k;
    DISPATCH();
}
ret_special: {
    uint32_t flags = fr->flags;
    if (flags & FR_BOUNDARY) {
        w->budget = budget;
        return VM_DONE;
    }
    if (flags & FR_PANIC_DEFER) {
        Panic *pn = f->panic;
        if (!pn || !pn->recovered)
            goto unwind;             /* not recovered: next deferred call */
        f->nframes = pn->frame + 1;  /* drop the frames that panicked */
        f->panic = pn->link;
        while (f->panic && f->panic->aborted)
            f->panic = f->panic->link;
        LOAD_STATE();
        pc = fr->proto->code + fr->proto->defer_ret_pc;
        DISPATCH();
    }
    LOAD_STATE();
    DISPATCH();
}
L_RUNDEFER: {
    Defer *d = fr->defers;
    if (!d)
        DISPATCH();
    fr->defers = d->next;
    fr->pc = pc - 1;                 /* come back here for the next one */
    if (vm_invoke_defer(f, f->nframes - 1, d, FR_DEFER) == DEFER_PANIC)
        goto unwind;
    LOAD_STATE();
    DISPATCH();
}
L_DEFER: {
    unsigned n = B;
    Defer *d = gc_alloc(sizeof(Defer) + n * sizeof(Slot));
    d->fn = RA.p;
    d->nargs = (int)n;
    memcpy(d->args, &R[A + 1], n * sizeof(Slot));
    d->next = fr->defers;
    fr->defers = d;
    DISPATCH();
}
L_FRAMETOK:
    RA.p = vm_defer_holder(fr);
    DISPATCH();
L_DEFERAT:
    vm_defer_at(R[C].p, RA.p, &R[A + 1], (int)B);
    DISPATCH();
L_RFPANIC: THROW(panic_rangefunc(f, RA.i));
L_RECOVER: {
    Panic *pn = f->panic;
    /* In a wrapper (`defer recover()`, compile_call.c) the one frame Go
     * counts is the function whose exit runs it, below: it must be a
     * deferred call of the panic (Go's gorecover wants exactly one
     * non-wrapper frame between it and gopanic). */
    uint32_t rf = !fr->proto->wrapper ? fr->flags
                  : (fr->flags & FR_DEFER) ? fr[-1].flags : 0;
    if ((rf & (FR_PANIC_DEFER | FR_RECOVER_OK)) && pn && !pn->recovered &&
        !pn->goexit) {
        pn->recovered = true;
        RA.p = pn->value;
    } else {
        RA.p = NULL;
    }
    DISPATCH();
}
L_PANIC: THROW(panic_value(f, RA.p));
L_UNSUP:
    THROW(rt_panic_string(f, "%s is not supported yet", (const char *)K[C].p));

/* goroutines and channels */
L_GO:
    SAVE_PC();
    if (!RA.p) THROW(panic_nil(f));
    vm_go(f, RA.p, &R[A + 1], (int)B);
    DISPATCH();
L_MAKECHAN: {
    Type *et = K[C].p;
    int64_t n = RB.i;
    int64_t gs = type_gosize(et), limit = gs ? (GO_MAX_ALLOC - 96) / gs : INT64_MAX;
    if (n < 0 || n > limit)
        THROW(panic_plain(f, "makechan: size out of range"));
    RA.p = chan_new(et, 0, n);
    DISPATCH();
}
L_SEND: {
    int st;
    if (f->resume) {
        f->resume = RESUME_NONE;
        st = chan_send_resume(&f->sched);
    } else {
        Chan *c = RA.p;
        st = chan_send(w, &f->sched, c, chan_slot(c, &RB, false), true);
    }
    if (st == CHAN_PARKED) PARK_AT(pc - 1);
    if (st != CHAN_OK) THROW(panic_chan(f, st));
    DISPATCH();
}
L_RECV: {
    unsigned a = A;
    bool ok = false;
    if (f->resume) {
        f->resume = RESUME_NONE;
        (void)chan_recv_resume(&f->sched, &ok);
    } else {
        Chan *c = RB.p;
        if (chan_recv(w, &f->sched, c, chan_slot(c, &R[a], true), &ok, true) ==
            CHAN_PARKED)
            PARK_AT(pc - 1);
    }
    if (C) R[a + 1].i = ok;
    DISPATCH();
}
L_CLOSE: {
    int st = chan_close(w, RA.p);
    if (st != CHAN_OK) THROW(panic_chan(f, st));
    DISPATCH();
}
L_LENCH: RA.i = chan_len(RB.p); DISPATCH();
L_CAPCH: RA.i = chan_cap(RB.p); DISPATCH();
L_SELECT: {
    NEXT_EXTRA;
    unsigned a = A, nsend = XA, n = XA + XB;
    int chosen = -1, st;
    bool ok = false;
    if (f->resume) {
        f->resume = RESUME_NONE;
        st = chan_select_resume(&f->sched, &chosen, &ok);
    } else {
        SelectCase *cs = sel_cases(f, n);
        for (unsigned i = 0; i < n; i++) {
            Slot *r = &R[a + 2 + 2 * i];
            cs[i].c = r[0].p;
            cs[i].elem = chan_slot(cs[i].c, &r[1], i >= nsend);
        }
        st = chan_select(w, &f->sched, cs, (int)nsend, (int)(n - nsend), !XC,
                         &chosen, &ok);
    }
    if (st == CHAN_PARKED) PARK_AT(pc - 2);
    R[a].i = chosen;
    R[a + 1].i = ok;
    if (st != CHAN_OK) THROW(panic_chan(f, st));
    DISPATCH();
}

/* builtins */
L_PRINT:
    if (C & 1) fputc(' ', stderr);
    vm_print_value(K[B].p, RA);
    if (C & 2) fputc('\n', stderr);
    DISPATCH();
L_MINMAX: minmax(&RA, RB, C); DISPATCH();

/* ---- the call machinery (entered from the CALL* handlers) ---------------- */

call_proto:
    /* callee: a csp function or a native reached through a closure/method. */
    if (callee->native) {
        nfn = callee->native;
        recv_iface = NULL;
        goto call_native;
    }
    SAVE_PC();
    fr = push_frame(f, fr, callee, callcl, cbase);
    pc = callee->code;
    R = f->stack + fr->base;
    K = callee->k;
    if (--budget < 0) goto yield;
    DISPATCH();

call_native: {
    /* nfn on the arguments at R[cbase+1..]. The common outcome (completed, no
     * nested vm_call moved the stack or the frame array) costs two
     * compares; everything else goes through native_settle. */
    Slot *args = R + cbase + 1, *old = f->stack;
    Frame *oframes = f->frames;
    SAVE_PC();
    int st = nfn(f, args);
    if (__builtin_expect(st == NATIVE_OK && f->stack == old &&
                             f->frames == oframes, 1)) {
        for (int i = 0; i < callee->nresults; i++)
            R[cbase + i] = args[i];
        DISPATCH();
    }
    st = native_settle(f, callee, cbase, args, old, st, recv_iface);
    fr = &f->frames[f->nframes - 1];
    R = f->stack + fr->base;
    if (st == NATIVE_OK) DISPATCH();
    if (st == NATIVE_PANIC) goto unwind;
    if (st == NATIVE_YIELD) goto yield;
    /* NATIVE_PARK: blocking natives are retried: the fiber resumes at this
     * call instruction and calls the native again once woken. */
    fr->pc = pc - 1;
    w->budget = budget;
    return VM_PARK;
}

/* -race: each RL_ handler reports the access the instruction is about to
 * make (race.c), then runs the ordinary handler, which finds ins and pc as
 * it would have. Accesses that will panic instead are not reported. */
#define RPC (pc - 1)
#define PEEK_EXTRA (*pc)
RL_GETG: race_read(f, RPC, &G[C]); goto L_GETG;
RL_SETG: race_write(f, RPC, &G[C]); goto L_SETG;
RL_GETUP: race_read(f, RPC, fr->cl->up[B].p); goto L_GETUP;
RL_SETUP: race_write(f, RPC, fr->cl->up[B].p); goto L_SETUP;
RL_ADDUP:
    race_read(f, RPC, fr->cl->up[A].p);
    race_write(f, RPC, fr->cl->up[A].p);
    goto L_ADDUP;
RL_CELLGET: race_read(f, RPC, RB.p); goto L_CELLGET;
RL_CELLSET: race_write(f, RPC, RA.p); goto L_CELLSET;
RL_CELLCOPY: race_read(f, RPC, RA.p); goto L_CELLCOPY;
RL_LOAD: if (RB.p) race_read(f, RPC, (Slot *)RB.p + C); goto L_LOAD;
RL_STORE: if (RA.p) race_write(f, RPC, (Slot *)RA.p + B); goto L_STORE;
RL_BOXCOPY: if (RB.p) race_read_range(f, RPC, RB.p, C); goto L_BOXCOPY;
RL_COPYN:
    if (RA.p && RB.p) {
        race_read_range(f, RPC, RB.p, C);
        race_write_range(f, RPC, RA.p, C);
    }
    goto L_COPYN;
RL_SGET: {
    Slice *s = RB.p;
    if ((uint64_t)RC.i < (uint64_t)slice_len(s))
        race_read(f, RPC, &s->data[RC.i]);
    goto L_SGET;
}
RL_SSET: {
    Slice *s = RA.p;
    if ((uint64_t)RB.i < (uint64_t)slice_len(s))
        race_write(f, RPC, &s->data[RB.i]);
    goto L_SSET;
}
RL_APPEND:
RL_APPENDSL: {
    /* In place (enough capacity): the new elements are writes, as in Go;
     * growing: the old elements are read by the copy. */
    Instr xx = PEEK_EXTRA;
    Type *elem = K[INS_C(xx)].p;
    Slice *d = RB.p, *src = NULL;
    int64_t n = INS_B(xx), es = elem->size;
    if (INS_OP(ins) == OP_APPENDSL) {
        if (INS_A(xx))
            n = str_len(RC.p);
        else
            src = RC.p, n = slice_len(src);
        if (src && n)
            race_read_range(f, RPC, src->data, n * es);
    }
    if (d && n && d->len + n <= d->cap)
        race_write_range(f, RPC, d->data + d->len * es, n * es);
    else if (d && n)
        race_read_range(f, RPC, d->data, d->len * es);
    if (INS_OP(ins) == OP_APPEND)
        goto L_APPEND;
    goto L_APPENDSL;
}
RL_S2A: {
    Type *at = K[C].p;
    Slice *s = RB.p;
    if (!INS_A(PEEK_EXTRA) && at->size && slice_len(s) >= at->len)
        race_read_range(f, RPC, s->data, at->size);
    goto L_S2A;
}
RL_COPY: {
    Instr xx = PEEK_EXTRA;
    Slice *d = RB.p;
    int64_t n = slice_len(d);
    if (INS_A(xx)) {
        if (str_len(RC.p) < n) n = str_len(RC.p);
    } else {
        if (slice_len(RC.p) < n) n = slice_len(RC.p);
        if (n > 0)
            race_read_range(f, RPC, ((Slice *)RC.p)->data, n * INS_C(xx));
    }
    if (n > 0)
        race_write_range(f, RPC, d->data, n * INS_C(xx));
    goto L_COPY;
}
RL_CLEARS: {
    Slice *s = RA.p;
    if (s && s->len)
        race_write_range(f, RPC, s->data, s->len * C);
    goto L_CLEARS;
}
RL_B2S:
RL_R2S: {
    Slice *s = RB.p;
    if (s && s->len)
        race_read_range(f, RPC, s->data, s->len);
    if (INS_OP(ins) == OP_B2S)
        goto L_B2S;
    goto L_R2S;
}
/* maps race as a whole, as in Go */
RL_MAPGET: if (RB.p) race_read(f, RPC, RB.p); goto L_MAPGET;
RL_MAPGET2: if (RB.p) race_read(f, RPC, RB.p); goto L_MAPGET2;
RL_MAPSET: if (RA.p) race_write(f, RPC, RA.p); goto L_MAPSET;
RL_MAPDEL: if (RA.p) race_write(f, RPC, RA.p); goto L_MAPDEL;
RL_LENMAP: if (RB.p) race_read(f, RPC, RB.p); goto L_LENMAP;
RL_MAPCLEAR: if (RA.p) race_write(f, RPC, RA.p); goto L_MAPCLEAR;
RL_MAPITER: if (RB.p) race_read(f, RPC, RB.p); goto L_MAPITER;
RL_MAPNEXT: {
    MapIter *it = RA.p;
    if (it)
        race_read(f, RPC, it->m);
    goto L_MAPNEXT;
}
/* no inline fast path: the natives do the sync hooks */
RL_CALLNF: goto L_CALLNR;
RL_CALLNFU: goto L_CALLNU;
#undef RPC
#undef PEEK_EXTRA

unwind:
    /* Runs the deferred calls of the panic's cursor frame (Panic.frame), or
     * moves the cursor down; see the file comment. The frames above the
     * cursor stay until a recover drops them (ret_special) or the unwind
     * leaves through a boundary. fr->pc of every frame is already saved. */
    for (;;) {
        Panic *pn = f->panic;
        int32_t i = pn->frame < f->nframes ? pn->frame : f->nframes - 1;
        pn->frame = i;
        fr = &f->frames[i];
        Defer *d = fr->defers;
        if (d) {
            fr->defers = d->next;
            if (vm_invoke_defer(f, i, d, FR_PANIC_DEFER) == DEFER_PUSHED) {
                LOAD_STATE();
                DISPATCH();
            }
            continue;   /* a native deferred call ran, or a new panic */
        }
        uint32_t flags = fr->flags;
        if ((flags & FR_PANIC_DEFER) && pn->link)
            pn->link->aborted = true;
        if (flags & FR_BOUNDARY) {
            f->nframes = i;
            w->budget = budget;
            if (pn->goexit && f->native_depth == 0) {
                f->panic = NULL;         /* runtime.Goexit finished */
                f->sched.goexited = true;
                return VM_DONE;
            }
            return VM_PANIC;
        }
        pn->frame = i - 1;
    }

yield:
    /* Budget spent: the fiber stops at pc (a loop head or a callee's first
     * instruction) and can be resumed there by any worker. */
    fr->pc = pc;
    w->budget = budget;
    return VM_YIELD;
}
