/*
 * fiber.c — fibers (goroutines as data), their growable stacks and frame
 * arrays, workers, calls into csp from C (vm_call), and program start-up
 * (vm_run_main).
 *
 * A fiber starts with FIBER_INIT_SLOTS registers and FIBER_INIT_FRAMES
 * frames and doubles either array on demand up to FIBER_MAX_SLOTS /
 * FIBER_MAX_FRAMES (config.h); past that the program dies with Go's
 * "stack overflow" fatal error. Growth copies into a fresh array and leaves
 * the old one to the GC (see the invariant in vm.h).
 *
 * A future `go` statement is: fiber_new + fiber_push_call(FR_BOUNDARY) +
 * enqueue on a P; the scheduler then calls vm_execute on it.
 */
#include <string.h>
#include <time.h>

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

Fiber *fiber_new(CProgram *p, Worker *w) {
    Fiber *f = gc_alloc(sizeof *f);
    f->stack = gc_alloc(FIBER_INIT_SLOTS * sizeof(Slot));
    f->nslots = FIBER_INIT_SLOTS;
    f->frames = gc_alloc(FIBER_INIT_FRAMES * sizeof(Frame));
    f->cap_frames = FIBER_INIT_FRAMES;
    f->prog = p;
    f->w = w;
    f->id = 1;
    return f;
}

bool fiber_ensure_stack(Fiber *f, int64_t need) {
    if (need <= f->nslots)
        return true;
    if (need > FIBER_MAX_SLOTS)
        return false;
    int64_t n = f->nslots;
    while (n < need)
        n *= 2;
    if (n > FIBER_MAX_SLOTS)
        n = FIBER_MAX_SLOTS;
    Slot *s = gc_alloc((size_t)n * sizeof(Slot));
    memcpy(s, f->stack, (size_t)f->nslots * sizeof(Slot));
    f->stack = s;
    f->nslots = n;
    return true;
}

Frame *fiber_push_frame(Fiber *f) {
    if (f->nframes == f->cap_frames) {
        if (f->cap_frames >= FIBER_MAX_FRAMES)
            return NULL;
        int n = f->cap_frames * 2;
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

/* Runs a native with its own argument buffer (so a nested vm_call cannot
 * overwrite the arguments); results are copied to res. */
static int run_native(Fiber *f, Proto *p, const Slot *args, int nargs,
                      Slot *res, int nres) {
    int n = nargs > p->nresults ? nargs : p->nresults;
    Slot *buf = gc_alloc((size_t)(n + 1) * sizeof(Slot));
    memcpy(buf, args, (size_t)nargs * sizeof(Slot));
    int st = p->native(f, buf);
    if (res && st == NATIVE_OK)
        memcpy(res, buf, (size_t)nres * sizeof(Slot));
    return st;
}

int vm_invoke_defer(Fiber *f, Defer *d, uint32_t flags) {
    if (!d->fn) {
        panic_nil(f);
        return DEFER_PANIC;
    }
    Proto *p = d->fn->proto;
    if (p->native)
        return run_native(f, p, d->args, d->nargs, NULL, 0) == NATIVE_OK
                   ? DEFER_DONE : DEFER_PANIC;
    fiber_push_call(f, d->fn, p, d->args, d->nargs, flags);
    return DEFER_PUSHED;
}

int vm_call(Fiber *f, Proto *fn, Slot *args, int nargs, Slot *res, int nres) {
    if (fn->native)
        return run_native(f, fn, args, nargs, res, nres);
    if (f->native_depth >= VM_MAX_NATIVE_DEPTH)
        panic_stack_overflow(f);
    Closure *cl = vm_static_closure(fn);
    int64_t base = fiber_push_call(f, cl, fn, args, nargs, FR_BOUNDARY);
    f->native_depth++;
    int st;
    /* A nested run cannot be preempted: the native below it holds this
     * thread's C stack (documented limitation of vm_call). */
    int64_t saved = f->w->budget;
    f->w->budget = INT64_MAX;
    while ((st = vm_execute(f->w, f)) == VM_YIELD)
        f->w->budget = INT64_MAX;
    f->w->budget = saved;
    f->native_depth--;
    if (st != VM_DONE)
        return NATIVE_PANIC;
    if (nres)
        memcpy(res, f->stack + base - 1, (size_t)nres * sizeof(Slot));
    return NATIVE_OK;
}

/* ---- program start ------------------------------------------------------------ */

static int run_entry(Worker *w, Fiber *f, Proto *p) {
    fiber_push_call(f, NULL, p, NULL, 0, FR_BOUNDARY);
    int st;
    while ((st = vm_execute(w, f)) == VM_YIELD)
        w->budget = INT64_MAX;       /* single fiber: just go on */
    if (st == VM_PANIC) {
        panic_print(f);
        return 2;
    }
    return 0;
}

int vm_run_main(CProgram *p) {
    Worker w;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    worker_init(&w, (uint64_t)ts.tv_nsec * 6364136223846793005ull ^
                        (uint64_t)ts.tv_sec);
    Fiber *f = fiber_new(p, &w);
    for (int i = 0; i < p->ninits; i++)
        if (run_entry(&w, f, p->inits[i]))
            return 2;
    int rc = p->main ? run_entry(&w, f, p->main) : 0;
    fflush(stdout);
    return rc;
}
