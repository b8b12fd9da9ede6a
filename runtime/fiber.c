/*
 * fiber.c — fibers (goroutines as data), their growable stacks and frame
 * arrays, workers, calls into csp from C (vm_call), and program start-up
 * (vm_run_main).
 *
 * A fiber starts with FIBER_INIT_SLOTS registers and FIBER_INIT_FRAMES
 * frames and doubles either array on demand while the two together stay
 * within FIBER_MAX_STACK_BYTES (config.h; debug.SetMaxStack changes it);
 * past that the program dies with Go's "stack overflow" fatal error.
 * Growth copies into a fresh array and leaves the old one to the GC (see
 * the invariant in vm.h).
 *
 * A `go` statement (vm_go) reuses a dead fiber (sched_gfget) or makes a
 * new one, pushes the call as its FR_BOUNDARY frame and hands it to the
 * scheduler (sched_go); the scheduler's run hook (goroutine.c) then calls
 * vm_execute on it. A native started by `go` or `defer` runs through a
 * two-instruction trampoline Proto (CALL; RET) so that it gets a frame of
 * its own and may park like any call.
 */
#include <string.h>
#include <time.h>

#include "leak.h"
#include "race.h"
#include "vm.h"

/* ---- workers ------------------------------------------------------------------ */

void worker_init(Worker *w, uint64_t seed) {
    memset(w, 0, sizeof *w);
    w->rng = seed ? seed : 0x9e3779b97f4a7c15ull;
    w->budget = INT64_MAX;
}

/* xorshift64*: fast, good enough for map iteration order and select. */
uint64_t worker_rand(Worker *w) {
    uint64_t x = w->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    w->rng = x;
    return x * 0x2545f4914f6cdd1dull;
}

/* ---- fibers ------------------------------------------------------------------- */

static Fiber *fiber_alloc(CProgram *p, Worker *w, int64_t slots, int frames) {
    Fiber *f = gc_alloc(sizeof *f);
    f->stack = gc_alloc((size_t)slots * sizeof(Slot));
    f->nslots = slots;
    f->frames = gc_alloc((size_t)frames * sizeof(Frame));
    f->cap_frames = frames;
    f->prog = p;
    f->w = w;
    f->id = 1;
    leak_watch(f);
    return f;
}

Fiber *fiber_new(CProgram *p, Worker *w) {
    return fiber_alloc(p, w, FIBER_INIT_SLOTS, FIBER_INIT_FRAMES);
}

/* debug.SetMaxStack's limit (0: the default, FIBER_MAX_STACK_BYTES). Any
 * thread; relaxed: a growth that reads the old limit just before the
 * change is as if it had happened before it. */
static _Atomic int64_t max_stack;

int64_t fiber_set_max_stack(int64_t n) {
    int64_t old = atomic_exchange_explicit(&max_stack, n, memory_order_relaxed);
    return old ? old : GO_MAX_STACK_BYTES;
}

int64_t fiber_max_stack(void) {
    int64_t n = atomic_load_explicit(&max_stack, memory_order_relaxed);
    return n ? n : GO_MAX_STACK_BYTES;
}

static int64_t stack_limit(void) {
    int64_t n = atomic_load_explicit(&max_stack, memory_order_relaxed);
    return n ? n : FIBER_MAX_STACK_BYTES;
}

/* Bytes of the two stack arrays at these capacities (stack_limit). */
static int64_t stack_bytes(int64_t slots, int64_t frames) {
    return slots * (int64_t)sizeof(Slot) + frames * (int64_t)sizeof(Frame);
}

bool fiber_ensure_stack(Fiber *f, int64_t need) {
    if (need <= f->nslots)
        return true;
    /* As Go's newstack: the doubled size must fit, so at most half the
     * limit is ever in use when the overflow is reported. */
    int64_t n = f->nslots;
    while (n < need)
        n *= 2;
    if (stack_bytes(n, f->cap_frames) > stack_limit())
        return false;
    Slot *s = gc_alloc((size_t)n * sizeof(Slot));
    memcpy(s, f->stack, (size_t)f->nslots * sizeof(Slot));
    f->stack = s;
    f->nslots = n;
    return true;
}

Frame *fiber_push_frame(Fiber *f) {
    if (f->nframes == f->cap_frames) {
        int n = f->cap_frames * 2;
        if (stack_bytes(f->nslots, n) > stack_limit())
            return NULL;
        Frame *fr = gc_alloc((size_t)n * sizeof(Frame));
        memcpy(fr, f->frames, (size_t)f->nframes * sizeof(Frame));
        f->frames = fr;
        f->cap_frames = n;
    }
    Frame *fr = &f->frames[f->nframes++];
    memset(fr, 0, sizeof *fr);
    return fr;
}

/* First free register above the top frame (its registers include the
 * argument areas of every call it makes, natives included). */
static int64_t free_base(Fiber *f) {
    if (f->nframes == 0)
        return 1;
    Frame *top = &f->frames[f->nframes - 1];
    return top->base + top->proto->maxregs + 1;
}

int64_t fiber_push_call(Fiber *f, Closure *cl, Proto *p, const Slot *args,
                        int nargs, uint32_t flags) {
    int64_t base = free_base(f);
    int64_t need = base + (p->maxregs > nargs ? p->maxregs : nargs);
    if (!fiber_ensure_stack(f, need))
        panic_stack_overflow(f);
    if (nargs)
        memmove(f->stack + base, args, (size_t)nargs * sizeof(Slot));
    Frame *fr = fiber_push_frame(f);
    if (!fr)
        panic_stack_overflow(f);
    fr->pc = p->code;
    fr->proto = p;
    fr->cl = cl;
    fr->base = (int32_t)base;
    fr->flags = flags;
    return base;
}

Closure *vm_static_closure(Proto *p) {
    if (!p->self) {
        Closure *cl = gc_alloc(sizeof(Closure));
        cl->proto = p;
        p->self = cl;
    }
    return p->self;
}

/* Runs native p of closure cl (NULL for a plain function) with its own
 * argument buffer (so a nested vm_call cannot overwrite the arguments);
 * results are copied to res. The closure sits just below the arguments,
 * where a CALL leaves it (a native made at run time, reflect.MakeFunc's,
 * finds its state there). */
static int run_native(Fiber *f, Closure *cl, Proto *p, const Slot *args,
                      int nargs, Slot *res, int nres) {
    int n = nargs > p->nresults ? nargs : p->nresults;
    Slot *buf = gc_alloc((size_t)(n + 2) * sizeof(Slot));
    buf[0].p = cl;
    memcpy(buf + 1, args, (size_t)nargs * sizeof(Slot));
    int st = p->native(f, buf + 1);
    if (res && st == NATIVE_OK)
        memcpy(res, buf + 1, (size_t)nres * sizeof(Slot));
    return st;
}

/* The trampoline of native p: R[0] holds p's closure, R[1..] its
 * arguments; `CALL 0; RET 0 0`. Built once per native (racing builders
 * make equal copies; one wins). */
static Proto *trampoline(Proto *p) {
    Proto *t = atomic_load_explicit(&p->tramp, memory_order_acquire);
    if (t)
        return t;
    t = gc_alloc(sizeof *t);
    t->name = p->name;
    t->file = p->file;
    t->line = p->line;
    t->code = gc_alloc(2 * sizeof(Instr));
    t->code[0] = ins_make(OP_CALL, 0, 0, 0);
    t->code[1] = ins_make(OP_RET, 0, 0, 0);
    t->lines = gc_alloc(2 * sizeof(int32_t));
    t->lines[0] = t->lines[1] = p->line;
    t->ncode = 2;
    t->nparams = p->nparams + 1;
    int n = p->nparams > p->nresults ? p->nparams : p->nresults;
    t->maxregs = n + 2;
    t->wrapper = true;
    t->index = -1;
    Proto *expected = NULL;
    if (!atomic_compare_exchange_strong_explicit(&p->tramp, &expected, t,
                                                 memory_order_acq_rel,
                                                 memory_order_acquire))
        t = expected;
    return t;
}

/* Pushes a frame calling cl with args; natives through their trampoline. */
static void push_closure_call(Fiber *f, Closure *cl, const Slot *args,
                              int nargs, uint32_t flags) {
    Proto *p = cl->proto;
    if (!p->native) {
        fiber_push_call(f, cl, p, args, nargs, flags);
        return;
    }
    Proto *t = trampoline(p);
    int64_t base = fiber_push_call(f, NULL, t, NULL, 0, flags);
    f->stack[base].p = cl;
    if (nargs) /* args may be NULL then: memcpy's pointers must be valid */
        memcpy(f->stack + base + 1, args, (size_t)nargs * sizeof(Slot));
}

/* A deferred holder's list is poisoned with this once spliced. */
#define HOLDER_SPENT ((void *)1)

Defer *vm_defer_holder(Frame *fr) {
    Defer *h = gc_alloc(sizeof(Defer) + sizeof(Slot));
    h->nargs = DEFER_HOLDER;
    h->next = fr->defers;
    fr->defers = h;
    return h;
}

void vm_defer_at(Defer *holder, Closure *fn, const Slot *args, int nargs) {
    Defer *d = gc_alloc(sizeof(Defer) + (size_t)nargs * sizeof(Slot));
    d->fn = fn;
    d->nargs = nargs;
    if (nargs)
        memcpy(d->args, args, (size_t)nargs * sizeof(Slot));
    /* release: the call's fields are visible to whoever splices it */
    void *head = __atomic_load_n(&holder->args[0].p, __ATOMIC_ACQUIRE);
    do {
        if (head == HOLDER_SPENT)
            rt_fatal("defer after range func returned");
        d->next = head;
    } while (!__atomic_compare_exchange_n(&holder->args[0].p, &head, d, true,
                                          __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
}

/* Puts the holder's calls (newest first) in front of frame owner's
 * remaining deferred calls. */
static void splice_holder(Fiber *f, int32_t owner, Defer *h) {
    Defer *list = __atomic_exchange_n((Defer **)&h->args[0].p, HOLDER_SPENT,
                                      __ATOMIC_ACQ_REL);
    if (!list)
        return;
    Frame *fr = &f->frames[owner];
    Defer *last = list;
    while (last->next)
        last = last->next;
    last->next = fr->defers;
    fr->defers = list;
}

int vm_invoke_defer(Fiber *f, int32_t owner, Defer *d, uint32_t flags) {
    if (d->nargs == DEFER_HOLDER) {
        splice_holder(f, owner, d);
        return DEFER_SPLICED;
    }
    if (!d->fn) {
        panic_nil(f);
        return DEFER_PANIC;
    }
    push_closure_call(f, d->fn, d->args, d->nargs, flags);
    return DEFER_PUSHED;
}

/* A new goroutine's fiber starts with just the registers its first frame
 * needs (rounded up) and GO_INIT_FRAMES frames: most goroutines are small
 * loops around a channel operation, and a parked one should cost little.
 * Both arrays double on demand like any fiber's. */
static Fiber *go_fiber(CProgram *p, Worker *w, Proto *fn) {
    int64_t need = 1 + (fn->native ? fn->nparams + fn->nresults + 2
                                   : fn->maxregs);
    int64_t slots = (need + GO_SLOT_ROUND - 1) / GO_SLOT_ROUND * GO_SLOT_ROUND;
    return fiber_alloc(p, w, slots, GO_INIT_FRAMES);
}

void vm_go(Fiber *parent, Closure *cl, const Slot *args, int nargs) {
    Worker *w = parent->w;
    GSched *g = sched_gfget(w);
    Fiber *f = g ? fiber_of(g) : go_fiber(parent->prog, w, cl->proto);
    f->prog = parent->prog; /* a recycled fiber may come from another
                               program of a REPL session */
    push_closure_call(f, cl, args, nargs, FR_BOUNDARY);
    Frame *fr = &parent->frames[parent->nframes - 1];
    f->parent_goid = parent->id;
    f->creator = fr->proto;
    long pc = fr->pc - fr->proto->code - 1;
    f->creator_line = fr->proto->lines && pc >= 0 && pc < fr->proto->ncode
                          ? fr->proto->lines[pc] : fr->proto->line;
    if (parent->race)
        race_go(parent, f);
    sched_note_sync(&parent->sched); /* the go statement releases */
    sched_go(w, &f->sched);
}

void vm_go_detached(Worker *w, CProgram *prog, Closure *cl) {
    GSched *g = sched_gfget(w);
    Fiber *f = g ? fiber_of(g) : go_fiber(prog, w, cl->proto);
    f->prog = prog;
    push_closure_call(f, cl, NULL, 0, FR_BOUNDARY);
    f->parent_goid = 0;
    f->creator = NULL;
    f->creator_line = 0;
    if (RACE_ON())
        race_thread_start(f, cl);  /* AfterFunc's call released into cl */
    sched_go(w, &f->sched);
}

int vm_call(Fiber *f, Proto *fn, Slot *args, int nargs, Slot *res, int nres) {
    if (fn->native)
        return run_native(f, NULL, fn, args, nargs, res, nres);
    return vm_call_closure(f, vm_static_closure(fn), args, nargs, res, nres);
}

/* vm_call_closure of a csp function, its boundary frame flagged flags. */
static int call_nested(Fiber *f, Closure *cl, Slot *args, int nargs, Slot *res,
                       int nres, uint32_t flags) {
    Proto *fn = cl->proto;
    if (f->native_depth >= VM_MAX_NATIVE_DEPTH)
        panic_stack_overflow(f);
    int64_t base = fiber_push_call(f, cl, fn, args, nargs, flags);
    f->native_depth++;
    int st;
    /* A nested run is not preempted: the native below it holds this
     * thread's C stack. If it blocks, the goroutine waits on this thread,
     * which hands its P to another M meanwhile (as a blocking system call
     * does), so the rest of the program runs on. */
    int64_t saved = f->w->budget;
    f->w->budget = INT64_MAX;
    while ((st = vm_execute(f->w, f)) == VM_YIELD || st == VM_PARK) {
        if (st == VM_PARK)
            sched_park_nested(f->w, &f->sched);
        f->w->budget = INT64_MAX;
    }
    f->w->budget = saved;
    f->native_depth--;
    if (st != VM_DONE)
        return NATIVE_PANIC;
    if (nres)
        memcpy(res, f->stack + base - 1, (size_t)nres * sizeof(Slot));
    return NATIVE_OK;
}

int vm_call_closure(Fiber *f, Closure *cl, Slot *args, int nargs, Slot *res,
                    int nres) {
    if (cl->proto->native)
        return run_native(f, cl, cl->proto, args, nargs, res, nres);
    return call_nested(f, cl, args, nargs, res, nres, FR_BOUNDARY);
}

int vm_call_wrapped(Fiber *f, Proto *self, Closure *cl, Slot *args, int nargs,
                    Slot *res, int nres) {
    if (cl->proto->native)
        return run_native(f, cl, cl->proto, args, nargs, res, nres);
    /* self deferred: its trampoline's frame is the top one (natives have
     * none of their own) and carries the panic's flags */
    const Frame *top = &f->frames[f->nframes - 1];
    Proto *t = atomic_load_explicit(&self->tramp, memory_order_acquire);
    uint32_t flags = FR_BOUNDARY;
    if (t && top->proto == t && (top->flags & (FR_PANIC_DEFER | FR_RECOVER_OK)))
        flags |= FR_RECOVER_OK;
    return call_nested(f, cl, args, nargs, res, nres, flags);
}

/* The panic vm_call returned NATIVE_PANIC for is the newest on f (the
 * unwind stopped at the call's boundary frame); popping it is what
 * recover() would do there. */
Iface *vm_take_panic(Fiber *f) {
    Panic *p = f->panic;
    if (!p)
        return NULL;
    f->panic = p->link;
    return p->value;
}
