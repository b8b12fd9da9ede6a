/*
 * runtime.c — natives of package runtime (stub: stdlib/runtime.go): the
 * scheduler's knobs, answered by runtime/sched.c; callers and stacks;
 * memory statistics (runtime/gc.c) and finalizers.
 *
 * PROGRAM COUNTERS: pc = (proto index + 1) << 32 | (instruction offset + 1
 * past the call), in the calling fiber's program; the frames Go shows
 * that csp has no code for (runtime.Callers, runtime.main,
 * runtime.goexit, runtime.gopanic) have indexes of their own (SYN_*).
 * Frames of compiler-made wrappers are left out, as Go hides its wrappers.
 *
 * FINALIZERS: SetFinalizer registers a libgc finalizer (no order) whose
 * client data is a FinRec: the function and the types it needs, never the
 * object (libgc traces client data, so the object would stay reachable).
 * libgc runs finalizers on demand (runtime/leak.c: its own thread, or
 * runtime.GC's through leak_finalize_now); ours only queues the object
 * (fin_queue, under fin_lock) — that thread has no P and cannot start a
 * goroutine. The queue is drained by a running goroutine, each entry
 * becoming `go finalizer(obj)`: runtime.GC drains it after its collection,
 * and so do SetFinalizer, ReadMemStats and Gosched for collections the
 * allocator started. The queue is a list of GC-allocated records reached
 * from a static root, so queued objects stay alive until their goroutine
 * has them.
 *
 * Gosched returns NATIVE_YIELD: the call completes and the goroutine goes
 * to the back of the global run queue, as Go's Gosched does. Goexit starts
 * an unwinding that runs the deferred calls and ends the goroutine
 * normally (vm.c, panic_goexit).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "runtime/config.h"
#include "runtime/sim.h"
#include "runtime/ffi.h"
#include "runtime/leak.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

static int64_t ncpu(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

static int n_Version(Fiber *f, Slot *a) {
    a[0].p = str_from_cstr("csp " CSP_VERSION);
    return NATIVE_OK;
}

static int n_NumCPU(Fiber *f, Slot *a) {
    a[0].i = SIM_ON ? sim_nprocs() : ncpu(); /* a seed replays anywhere */
    return NATIVE_OK;
}

static int n_NumGoroutine(Fiber *f, Slot *a) {
    a[0].i = sched_num_goroutine();
    return NATIVE_OK;
}

static int n_NumCgoCall(Fiber *f, Slot *a) {
    a[0].i = ffi_num_calls();
    return NATIVE_OK;
}

/* GOMAXPROCS(n): n < 1 only asks. Go clamps to its own maximum too. */
static int n_GOMAXPROCS(Fiber *f, Slot *a) {
    int64_t n = a[0].i;
    if (n > SCHED_MAX_PROCS)
        n = SCHED_MAX_PROCS;
    a[0].i = sched_gomaxprocs(f->w, n < 1 ? 0 : (int)n);
    return NATIVE_OK;
}

static void fin_drain(Fiber *f);

static int n_Gosched(Fiber *f, Slot *a) {
    fin_drain(f);
    return NATIVE_YIELD;
}

static int n_Goexit(Fiber *f, Slot *a) { return panic_goexit(f); }

/* Also reports the goroutine leaks this collection found (runtime/leak.c);
 * in a simulated run the caller yields and the simulation checks. The
 * caller yields afterwards in any case, as a Go goroutine waits for its
 * collection while others run: a loop of runtime.GC() costs milliseconds
 * per call and few instructions, so the instruction budget alone would
 * let it hold its P for seconds (fixedbugs/issue25897a). */
static int n_GC(Fiber *f, Slot *a) {
    gc_note_forced();
    if (leak_collect(f, a))
        return NATIVE_YIELD;
    leak_finalize_now(); /* SetFinalizer's: their goroutines start now */
    fin_drain(f);
    return NATIVE_YIELD;
}

/* ---- program counters ------------------------------------------------------- */

enum { SYN_CALLERS = 0x7fff0001, SYN_MAIN, SYN_GOEXIT, SYN_GOPANIC };

/* The frames Go has and csp has no code for, with Go 1.26's files and
 * lines (runtime.Callers itself, what calls main.main, what a goroutine
 * returns to, what runs a panic's deferred calls). */
static const struct {
    const char *name, *file;
    int line;
} synthetic[] = {
    {"runtime.Callers", "runtime/extern.go", 339},
    {"runtime.main", "runtime/proc.go", 290},
    {"runtime.goexit", "runtime/asm_amd64.s", 1771},
    {"runtime.gopanic", "runtime/panic.go", 860},
};

static uint64_t make_pc(int64_t index, int64_t off) {
    return (uint64_t)(index + 1) << 32 | (uint64_t)(off + 1);
}

/* The frames of f's stack as program counters, innermost first: the
 * csp frames (wrappers left out; runtime.gopanic below a deferred call a
 * panic runs, as Go shows it), then runtime.main for goroutine 1 and
 * runtime.goexit. Writes at most max; returns how many there are. */
static int64_t stack_pcs(Fiber *f, uint64_t *out, int64_t max) {
    int64_t n = 0;
    for (int i = f->nframes - 1; i >= 0; i--) {
        const Frame *fr = &f->frames[i];
        if (fr->proto && !fr->proto->wrapper) {
            int64_t off = fr->pc ? fr->pc - fr->proto->code : 1;
            if (n < max)
                out[n] = make_pc(fr->proto->index, off - 1);
            n++;
        }
        if (fr->flags & FR_PANIC_DEFER) {
            if (n < max)
                out[n] = make_pc(SYN_GOPANIC - 1, 0);
            n++;
        }
    }
    if (f->id == 1) {
        if (n < max)
            out[n] = make_pc(SYN_MAIN - 1, 0);
        n++;
    }
    if (n < max)
        out[n] = make_pc(SYN_GOEXIT - 1, 0);
    return n + 1;
}

/* What pc names: function name, file, line and entry pc. False when pc
 * names nothing in f's program. */
static bool pc_info(Fiber *f, uint64_t pc, const char **name, const char **file,
                    int64_t *line, uint64_t *entry) {
    int64_t index = (int64_t)(pc >> 32) - 1;
    int64_t off = (int64_t)(pc & 0xffffffffu) - 1;
    *entry = (uint64_t)(index + 1) << 32;
    if (index + 1 >= SYN_CALLERS && index + 1 <= SYN_GOPANIC) {
        int k = (int)(index + 1 - SYN_CALLERS);
        *name = synthetic[k].name;
        *file = synthetic[k].file;
        *line = synthetic[k].line;
        return true;
    }
    if (index < 0 || index >= f->prog->nprotos || off < 0)
        return false;
    const Proto *p = f->prog->protos[index];
    if (!p || p->native)
        return false;
    *name = p->name;
    *file = p->file;
    /* off is the call's return address less one: the call itself */
    if (p->lines && p->ncode)
        *line = p->lines[off < p->ncode ? off : p->ncode - 1];
    else
        *line = p->line;
    return true;
}

/* Caller(skip) (pc uintptr, file string, line int, ok bool) */
static int n_Caller(Fiber *f, Slot *a) {
    int64_t skip = a[0].i, n = stack_pcs(f, NULL, 0);
    a[0].u = 0;
    a[1].p = NULL;
    a[2].i = 0;
    a[3].i = 0;
    if (skip < 0 || skip >= n)
        return NATIVE_OK;
    uint64_t *pcs = gc_alloc_atomic((size_t)n * sizeof *pcs);
    stack_pcs(f, pcs, n);
    uint64_t pc = pcs[skip];
    const char *name, *file;
    int64_t line;
    uint64_t entry;
    if (!pc_info(f, pc, &name, &file, &line, &entry))
        return NATIVE_OK;
    a[0].u = pc;
    a[1].p = str_from_cstr(file);
    a[2].i = line;
    a[3].i = 1;
    return NATIVE_OK;
}

/* Callers(skip int, pc []uintptr) int: frame 0 is Callers itself. */
static int n_Callers(Fiber *f, Slot *a) {
    int64_t skip = a[0].i;
    Slice *out = a[1].p;
    int64_t cap = slice_len(out), n = 0;
    if (skip < 0)
        skip = 0;
    int64_t total = stack_pcs(f, NULL, 0) + 1; /* + runtime.Callers */
    uint64_t *pcs = gc_alloc_atomic((size_t)total * sizeof *pcs);
    pcs[0] = make_pc(SYN_CALLERS - 1, 0);
    stack_pcs(f, pcs + 1, total - 1);
    for (int64_t i = skip; i < total && n < cap; i++)
        out->data[n++].u = pcs[i];
    a[0].i = n;
    return NATIVE_OK;
}

/* funcInfo(pc uintptr) (name, file string, line int, entry uintptr, ok bool) */
static int n_funcInfo(Fiber *f, Slot *a) {
    const char *name, *file;
    int64_t line;
    uint64_t entry;
    bool ok = pc_info(f, a[0].u, &name, &file, &line, &entry);
    a[0].p = ok ? str_from_cstr(name) : NULL;
    a[1].p = ok ? str_from_cstr(file) : NULL;
    a[2].i = ok ? line : 0;
    a[3].u = ok ? entry : 0;
    a[4].i = ok;
    return NATIVE_OK;
}

/* ---- stacks -------------------------------------------------------------------- */

/* Stack(buf []byte, all bool) int: the caller's traceback as a panic
 * prints it (its top frame is the caller of runtime.Stack), then, with
 * all, every other goroutine's; as much as fits in buf. */
static int n_Stack(Fiber *f, Slot *a) {
    Slice *dst = a[0].p;
    bool all = a[1].i != 0;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        rt_out_of_memory(0);
    panic_write_goroutine(out, f, f->id, "running", true, true);
    if (all)
        vm_write_goroutines(out, f);
    fclose(out);
    int64_t n = slice_len(dst) < (int64_t)len ? slice_len(dst) : (int64_t)len;
    for (int64_t i = 0; i < n; i++)
        dst->data[i].i = (unsigned char)buf[i];
    free(buf);
    a[0].i = n;
    return NATIVE_OK;
}

/* What Go prints for its trap instruction when no debugger catches it;
 * csp raises no signal (it never dies by one): the text, the stack, exit 2. */
static int n_Breakpoint(Fiber *f, Slot *a) {
    panic_lock();
    fflush(stdout);
    fputs("SIGTRAP: trace trap\nPC=0x0 m=0 sigcode=128\n\n", stderr);
    panic_print_goroutine_call(f, "running");
    vm_fatal_exit();
}

/* ---- memory ---------------------------------------------------------------------- */

/* heapStats() (heapSize, freeBytes, unmapped, total, osBytes, numGC,
 * numForced, pauseTotal, lastGC uint64, cpuFraction float64, mallocs
 * uint64) */
static int n_heapStats(Fiber *f, Slot *a) {
    GcStats s;
    gc_stats(&s);
    a[0].u = s.heap_size;
    a[1].u = s.free_bytes;
    a[2].u = s.unmapped;
    a[3].u = s.total;
    a[4].u = s.os_bytes;
    a[5].u = s.ncollect;
    a[6].u = s.nforced;
    a[7].u = s.pause_total;
    a[8].u = s.last_end;
    a[9].f = s.cpu_fraction;
    a[10].u = s.mallocs;
    fin_drain(f);
    return NATIVE_OK;
}

/* pauses(i int) (pause, end uint64) */
static int n_pauses(Fiber *f, Slot *a) {
    uint64_t p, e;
    gc_pause((int)a[0].i, &p, &e);
    a[0].u = p;
    a[1].u = e;
    return NATIVE_OK;
}

/* ---- finalizers ---------------------------------------------------------------- */

typedef struct FinRec {
    Closure *fn;             /* immutable */
    Type *objtype;           /* obj's dynamic type (a pointer type) */
    bool iface_param;        /* fn takes an interface: obj goes boxed */
} FinRec;

typedef struct FinItem {
    struct FinItem *next;
    FinRec *rec;
    void *obj;
} FinItem;

/* Pushed and taken under fin_lock; fin_drain peeks without it first
 * (relaxed: an entry it misses is taken at the next drain). A GC root
 * (static data). */
static Lock fin_lock;
static FinItem *fin_queue;

/* libgc's finalizer: obj is unreachable. Any thread, no P: queue only. */
static void fin_found(void *obj, void *cd) {
    FinItem *it = gc_alloc(sizeof *it);
    it->rec = cd;
    it->obj = obj;
    lock_acquire(&fin_lock);
    it->next = fin_queue;
    __atomic_store_n(&fin_queue, it, __ATOMIC_RELAXED);
    lock_release(&fin_lock);
}

static void fin_drain(Fiber *f) {
    if (!__atomic_load_n(&fin_queue, __ATOMIC_RELAXED))
        return;
    lock_acquire(&fin_lock);
    FinItem *list = fin_queue;
    __atomic_store_n(&fin_queue, NULL, __ATOMIC_RELAXED);
    lock_release(&fin_lock);
    FinItem *rev = NULL; /* oldest first */
    while (list) {
        FinItem *next = list->next;
        list->next = rev;
        rev = list;
        list = next;
    }
    for (FinItem *it = rev; it; it = it->next) {
        Slot arg = {.p = it->obj};
        if (it->rec->iface_param)
            arg.p = rt_iface(it->rec->objtype, arg);
        vm_go(f, it->rec->fn, &arg, 1);
    }
}

/* SetFinalizer(obj any, finalizer any): Go's checks are fatal errors. */
static int n_SetFinalizer(Fiber *f, Slot *a) {
    Iface *obj = a[0].p, *fin = a[1].p;
    fin_drain(f);
    if (!obj)
        rt_fatal("runtime.SetFinalizer: first argument is nil");
    if (obj->type->underlying->kind != K_POINTER)
        rt_fatal("runtime.SetFinalizer: first argument is %s, not pointer",
                 type_string(obj->type));
    void *p = obj->val.p;
    if (!p)
        rt_fatal("runtime.SetFinalizer: pointer not in allocated block");
    void *base = GC_base(p);
    if (!base)
        return NATIVE_OK; /* a global or a zero-sized object: never collected */
    if (base != p)
        rt_fatal("runtime.SetFinalizer: pointer not at beginning of allocated block");
    if (!fin || !fin->val.p) {
        GC_register_finalizer_no_order(p, NULL, NULL, NULL, NULL);
        return NATIVE_OK;
    }
    Type *ft = fin->type->underlying;
    if (ft->kind != K_FUNC)
        rt_fatal("runtime.SetFinalizer: second argument is %s, not a function",
                 type_string(fin->type));
    if (ft->nparams != 1 || ft->variadic)
        rt_fatal("runtime.SetFinalizer: cannot pass %s to finalizer %s",
                 type_string(obj->type), type_string(fin->type));
    Type *pt = ft->params[0];
    bool iface = pt->underlying->kind == K_INTERFACE;
    if (!iface && pt != obj->type && pt->underlying != obj->type->underlying)
        rt_fatal("runtime.SetFinalizer: cannot pass %s to finalizer %s",
                 type_string(obj->type), type_string(fin->type));
    FinRec *r = gc_alloc(sizeof *r);
    r->fn = fin->val.p;
    r->objtype = obj->type;
    r->iface_param = iface;
    GC_register_finalizer_no_order(p, fin_found, r, NULL, NULL);
    return NATIVE_OK;
}

/* keepAlive(x any): x was an argument: it was reachable until now. */
static int n_keepAlive(Fiber *f, Slot *a) {
    __asm__ volatile("" : : "r"(a[0].p) : "memory");
    return NATIVE_OK;
}

const NativeEntry runtime_natives[] = {
    {"runtime.Caller", n_Caller},
    {"runtime.Callers", n_Callers},
    {"runtime.funcInfo", n_funcInfo},
    {"runtime.Stack", n_Stack},
    {"runtime.Breakpoint", n_Breakpoint},
    {"runtime.heapStats", n_heapStats},
    {"runtime.pauses", n_pauses},
    {"runtime.SetFinalizer", n_SetFinalizer},
    {"runtime.keepAlive", n_keepAlive},
    {"runtime.Version", n_Version},
    {"runtime.NumCPU", n_NumCPU},
    {"runtime.NumGoroutine", n_NumGoroutine},
    {"runtime.NumCgoCall", n_NumCgoCall},
    {"runtime.GOMAXPROCS", n_GOMAXPROCS},
    {"runtime.Gosched", n_Gosched},
    {"runtime.Goexit", n_Goexit},
    {"runtime.GC", n_GC},
    {NULL, NULL},
};
