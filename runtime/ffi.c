/*
 * ffi.c — foreign calls (`//csp:extern`), the `cgo` of csp without a C
 * compiler: binding a declaration to a C symbol, converting values both
 * ways, callbacks from C into csp, and the crash report of a C function
 * that faults.
 *
 * BINDING (ffi_bind, at compile time): the directive names a library (a
 * soname or a path, dlopen'ed once and kept; `-` is the process itself) and
 * a symbol. Every parameter and the result get a conversion plan (FfiArg);
 * a type that cannot cross is an error naming the parameter. The libffi
 * call interface (ffi_cif) is prepared once. The Proto's native is a libffi
 * closure of signature NativeFn whose user data is the FfiFn: natives get
 * no pointer to their Proto, and the closure reaches every path a native
 * is called by (CALLN, go, defer, vm_call) without touching the VM.
 *
 * TYPES (csp -> C; little-endian, LP64):
 *   bool -> _Bool; intN/uintN -> intN_t/uintN_t; int, uint, uintptr -> 64
 *   bits (C's long; use int32 for C's int); float32/64 -> float/double.
 *   string -> const char *: a NUL-terminated copy valid during the call.
 *   A string result is a `const char *` copied into a csp string (NULL ->
 *   ""); with `free` in the directive it is then passed to free().
 *   []T of a scalar -> T *: in place when a register already holds T's C
 *   representation (8-byte kinds: int, int64, uint64, uintptr, float64),
 *   else copied to a C array before the call and back after it (a []byte
 *   is one slot per byte). A nil slice is NULL.
 *   *T of a scalar -> T *: in place or copied in and out the same way.
 *   struct{scalars} by value and *struct by pointer, in C's layout (libffi
 *   computes the offsets), copied in and out.
 *   func(...) -> a C function pointer (an ffi_closure), see CALLBACKS.
 *   Anything else (maps, channels, interfaces, nested pointers, csp
 *   variadics, more than one result) is refused at compile time.
 *   Register representation (value.h) is restored on the way back: an
 *   int8 result is sign-extended, a float32 widened to the float64 the
 *   register holds.
 *
 * A CALL (ffi_invoke): arguments converted into a per-call scratch area on
 * the C stack (malloc past SCRATCH_BYTES), the call recorded in the
 * thread's call chain (tls_call: callbacks and the crash handler find it
 * there), then sched_entersyscall, ffi_call, sched_exitsyscall — so a
 * foreign call that blocks hands its P to another M (sched.c, SYSTEM
 * CALLS) — then copy-outs and the result. Scalar-only signatures take a
 * path with no scratch at all: the argument registers are passed to libffi
 * in place (a register's first bytes hold the C value).
 *
 * CALLBACKS: a func argument becomes an ffi_closure made for the call and
 * retired after it: pointed at a handler that reports the misuse and kept
 * in a quarantine ring of the last 256 before it is freed (a C library
 * that keeps the pointer and calls it later gets a fatal error, not a jump
 * into reused memory — the rule is cgo's: a pointer passed to C is valid
 * during the call). When C calls it:
 *   - on a thread that is not in a foreign call of this goroutine (a thread
 *     C created, or after the call returned): `fatal error: callback from C
 *     on a thread csp did not create`, exit 2, never a crash;
 *   - else the M takes a P back (sched_exitsyscall), runs the csp function
 *     on the calling goroutine by a nested run (as fmt calls String()),
 *     and enters the call state again before returning to C. Pointer
 *     arguments (qsort's `const void *` into the array it sorts, declared
 *     `*int32`) become one-slot cells copied from the C memory before the
 *     callback and back after it, so reads and writes reach that memory.
 *   - It may block: the goroutine then parks with the foreign frame on its
 *     thread's stack, and the thread sleeps until it is woken (its P goes
 *     to another M meanwhile, sched_park_nested) — it works, at the price
 *     of a thread, as a blocking cgo callback does.
 *   - It may panic: a panic cannot unwind through C frames safely (they may
 *     hold locks or memory), so it waits: the callback returns zero to C,
 *     every later callback of the same foreign call returns zero at once
 *     without running csp code, and when the C function returns the panic
 *     goes on unwinding from the call site (deferred calls in the callback
 *     have already run; recover works as usual above the call).
 *
 * CRASHES: SIGSEGV, SIGBUS, SIGFPE and SIGILL raised while a thread is in C
 * code (tls_call set and not inside a callback) print `fatal error:
 * unexpected signal during foreign call`, the signal line and the
 * goroutine's csp stack, and exit 2, as Go does for a cgo crash. Each M
 * that makes a foreign call gets an alternate signal stack, so a C stack
 * overflow is reported too. Other faults keep the old disposition.
 *
 * REJECTED: generating C stubs (needs a C compiler at run time); passing
 * the Proto to every native (a VM change for one user); unwinding a
 * callback's panic through C frames with longjmp (C's locks and buffers
 * would leak or stay held: qsort's temporary array, a library's mutex).
 */
#include "ffi.h"

#include <dlfcn.h>
#include <ffi.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "vm.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
               "ffi.c passes a register's first bytes as the C value");

enum {
    FFI_MAX_ARGS = 32,     /* parameters of a foreign function or callback */
    SCRATCH_BYTES = 2048,  /* per-call copies on the C stack before malloc */
    SCRATCH_HEAP = 16,     /* malloc'ed blocks one call can hold */
    ALTSTACK_BYTES = 64 * 1024,
    RV_BYTES = 64,         /* a result on the C stack; larger: scratch */
};

/* How one parameter or result crosses. */
typedef enum ArgKind {
    A_SCALAR,       /* in place: the register's bytes */
    A_F32,          /* float32: narrowed into a float */
    A_STRING,       /* const char * copy */
    A_SLICE,        /* element pointer; copy when !same */
    A_PTR,          /* *scalar: pointer; copy when !same */
    A_STRUCT,       /* by value, C layout */
    A_STRUCT_PTR,   /* *struct, C layout, copied in and out */
    A_FUNC,         /* callback closure */
    A_VOID,         /* no result */
} ArgKind;

typedef struct FfiCb FfiCb;

typedef struct FfiArg {
    ArgKind kind;
    Type *t;            /* the csp type */
    ffi_type *ct;       /* what libffi passes (pointer for pointers) */
    Kind ek;            /* element / pointee scalar kind (A_SLICE, A_PTR) */
    size_t esize;       /* its C size */
    bool same;          /* the slots already hold the C representation */
    ffi_type *st;       /* struct: libffi's description */
    size_t *offs;       /* struct: C offset of each field */
    FfiCb *cb;          /* A_FUNC */
} FfiArg;

/* A callback's call interface (built with its FfiFn). */
struct FfiCb {
    ffi_cif cif;
    ffi_type *atypes[FFI_MAX_ARGS];
    FfiArg args[FFI_MAX_ARGS];
    FfiArg ret;
    int nargs;
};

struct FfiFn {
    FfiFn *next;        /* all_fns: the GC sees FfiFns only from there
                           (libffi's closures are not scanned) */
    const char *name;   /* the csp function, for messages */
    void *sym;
    ffi_cif cif;
    ffi_type *atypes[FFI_MAX_ARGS];
    FfiArg args[FFI_MAX_ARGS];
    FfiArg ret;
    int nargs;
    bool simple;        /* every argument A_SCALAR: no scratch needed */
    bool free_result;   /* `free`: the string result is free()d */
    _Atomic(NativeFn) native; /* the closure's code, built once */
};

/* One foreign call in progress on this thread (a chain: a callback may
 * make a foreign call of its own). */
typedef struct Call {
    struct Call *prev;
    Fiber *f;
    FfiFn *fn;
    bool in_c;          /* in C code (not in a callback): crashes are C's */
    bool panicking;     /* a callback panicked: later ones return zero */
} Call;

static _Thread_local Call *tls_call;
static _Thread_local bool tls_altstack;
static _Atomic int64_t ncalls; /* relaxed: a statistic */

int64_t ffi_num_calls(void) {
    return atomic_load_explicit(&ncalls, memory_order_relaxed);
}

/* ---- C scalars -------------------------------------------------------------- */

static ffi_type *scalar_type(Kind k) {
    switch (k) {
    case K_BOOL: case K_UINT8: return &ffi_type_uint8;
    case K_INT8: return &ffi_type_sint8;
    case K_INT16: return &ffi_type_sint16;
    case K_UINT16: return &ffi_type_uint16;
    case K_INT32: return &ffi_type_sint32;
    case K_UINT32: return &ffi_type_uint32;
    case K_INT: case K_INT64: return &ffi_type_sint64;
    case K_UINT: case K_UINT64: case K_UINTPTR: return &ffi_type_uint64;
    case K_FLOAT32: return &ffi_type_float;
    case K_FLOAT64: return &ffi_type_double;
    default: return NULL;
    }
}

static bool is_scalar(Type *t) { return scalar_type(t->kind) != NULL; }

/* A register of kind k holds the C value in its 8 bytes unchanged. */
static bool same_repr(Kind k) { return scalar_type(k)->size == 8 && k != K_FLOAT32; }

/* Writes register v of kind k as its C value at dst. */
static void to_c(Kind k, Slot v, void *dst) {
    switch (k) {
    case K_BOOL: *(uint8_t *)dst = v.i != 0; break;
    case K_INT8: case K_UINT8: *(uint8_t *)dst = (uint8_t)v.u; break;
    case K_INT16: case K_UINT16: *(uint16_t *)dst = (uint16_t)v.u; break;
    case K_INT32: case K_UINT32: *(uint32_t *)dst = (uint32_t)v.u; break;
    case K_FLOAT32: *(float *)dst = (float)v.f; break;
    default: memcpy(dst, &v, 8); break;
    }
}

/* The register of kind k for the C value at src. */
static Slot from_c(Kind k, const void *src) {
    Slot v;
    switch (k) {
    case K_BOOL: v.i = *(const uint8_t *)src != 0; break;
    case K_INT8: v.i = *(const int8_t *)src; break;
    case K_UINT8: v.u = *(const uint8_t *)src; break;
    case K_INT16: v.i = *(const int16_t *)src; break;
    case K_UINT16: v.u = *(const uint16_t *)src; break;
    case K_INT32: v.i = *(const int32_t *)src; break;
    case K_UINT32: v.u = *(const uint32_t *)src; break;
    case K_FLOAT32: v.f = *(const float *)src; break;
    default: memcpy(&v, src, 8); break;
    }
    return v;
}

/* ---- binding ------------------------------------------------------------------ */

typedef struct Err {
    char *buf;
    size_t size;
} Err;

__attribute__((format(printf, 2, 3)))
static bool fail(Err *e, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->buf, e->size, fmt, ap);
    va_end(ap);
    return false;
}

/* libffi's description of a struct of scalars, and its C field offsets. */
static bool struct_plan(FfiArg *a, Type *t, const char *what, Err *e) {
    if (t->nfields == 0 || t->nfields >= FFI_MAX_ARGS)
        return fail(e, "%s (type %s): only structs of 1 to %d scalar fields "
                    "cross to C", what, type_string(t), FFI_MAX_ARGS - 1);
    ffi_type *st = gc_alloc(sizeof *st);
    ffi_type **el = gc_alloc(sizeof *el * (size_t)(t->nfields + 1));
    for (int i = 0; i < t->nfields; i++) {
        Type *ft = t->fields[i].type;
        if (!is_scalar(ft))
            return fail(e, "%s (type %s): field %s (type %s) is not a "
                        "number or bool, so it has no C layout", what,
                        type_string(t), t->fields[i].name, type_string(ft));
        el[i] = scalar_type(ft->kind);
    }
    st->type = FFI_TYPE_STRUCT;
    st->elements = el;
    a->offs = gc_alloc(sizeof *a->offs * (size_t)t->nfields);
    if (ffi_get_struct_offsets(FFI_DEFAULT_ABI, st, a->offs) != FFI_OK)
        return fail(e, "%s (type %s): libffi cannot lay it out", what,
                    type_string(t));
    a->st = st;
    return true;
}

static bool cb_plan(FfiArg *a, Type *t, const char *what, Err *e);

/* The plan for a parameter (result: is_result) of type t. */
static bool arg_plan(FfiArg *a, Type *t, const char *what, bool is_result,
                     bool in_callback, Err *e) {
    a->t = t;
    if (is_scalar(t)) {
        a->kind = t->kind == K_FLOAT32 ? A_F32 : A_SCALAR;
        a->ct = scalar_type(t->kind);
        return true;
    }
    switch (t->kind) {
    case K_STRING:
        a->kind = A_STRING;
        a->ct = &ffi_type_pointer;
        return true;
    case K_SLICE:
        if (is_result || in_callback)
            break;
        if (!is_scalar(t->elem))
            return fail(e, "%s (type %s): only slices of numbers or bools "
                        "cross to C (as a pointer to their elements)", what,
                        type_string(t));
        a->kind = A_SLICE;
        a->ct = &ffi_type_pointer;
        a->ek = t->elem->kind;
        a->esize = scalar_type(a->ek)->size;
        a->same = same_repr(a->ek);
        return true;
    case K_POINTER:
        if (is_result)
            return fail(e, "%s (type %s): a pointer result has no csp "
                        "meaning; return uintptr for a C handle", what,
                        type_string(t));
        if (t->elem->kind == K_STRUCT && !in_callback) {
            a->kind = A_STRUCT_PTR;
            a->ct = &ffi_type_pointer;
            return struct_plan(a, t->elem, what, e);
        }
        if (!is_scalar(t->elem))
            return fail(e, "%s (type %s): only pointers to numbers, bools "
                        "and structs of them cross to C", what,
                        type_string(t));
        a->kind = A_PTR;
        a->ct = &ffi_type_pointer;
        a->ek = t->elem->kind;
        a->esize = scalar_type(a->ek)->size;
        a->same = same_repr(a->ek);
        return true;
    case K_STRUCT:
        if (in_callback)
            break;
        a->kind = A_STRUCT;
        if (!struct_plan(a, t, what, e))
            return false;
        a->ct = a->st;
        return true;
    case K_FUNC:
        if (is_result || in_callback)
            break;
        a->kind = A_FUNC;
        a->ct = &ffi_type_pointer;
        return cb_plan(a, t, what, e);
    default:
        break;
    }
    const char *why =
        t->kind == K_MAP ? "maps" : t->kind == K_CHAN ? "channels"
        : t->kind == K_INTERFACE ? "interfaces" : t->kind == K_ARRAY ? "arrays"
        : NULL;
    if (why)
        return fail(e, "%s (type %s): %s cannot be passed to C", what,
                    type_string(t), why);
    return fail(e, "%s (type %s): cannot cross to C %s", what, type_string(t),
                in_callback ? "in a callback" : is_result ? "as a result"
                                                          : "here");
}

/* A func parameter: the C function pointer's call interface. */
static bool cb_plan(FfiArg *a, Type *t, const char *what, Err *e) {
    FfiCb *cb = gc_alloc(sizeof *cb);
    if (t->nparams >= FFI_MAX_ARGS || t->nresults > 1 || t->variadic)
        return fail(e, "%s (type %s): a callback takes at most %d "
                    "parameters, returns at most one result and is not "
                    "variadic", what, type_string(t), FFI_MAX_ARGS - 1);
    char sub[160];
    for (int i = 0; i < t->nparams; i++) {
        snprintf(sub, sizeof sub, "%s: callback parameter %d", what, i + 1);
        if (!arg_plan(&cb->args[i], t->params[i], sub, false, true, e))
            return false;
        cb->atypes[i] = cb->args[i].ct;
    }
    cb->nargs = t->nparams;
    cb->ret.kind = A_VOID;
    cb->ret.ct = &ffi_type_void;
    if (t->nresults == 1) {
        snprintf(sub, sizeof sub, "%s: callback result", what);
        if (!arg_plan(&cb->ret, t->results[0], sub, true, true, e))
            return false;
        if (cb->ret.kind == A_STRING)
            return fail(e, "%s: a callback cannot return a string to C "
                        "(nobody would own its memory)", sub);
    }
    if (ffi_prep_cif(&cb->cif, FFI_DEFAULT_ABI, (unsigned)cb->nargs,
                     cb->ret.ct, cb->atypes) != FFI_OK)
        return fail(e, "%s: libffi cannot describe the callback", what);
    a->cb = cb;
    return true;
}

/* Libraries opened so far, by the name the directive gave. */
typedef struct Lib {
    struct Lib *next;
    const char *name;
    void *handle;
} Lib;
static pthread_mutex_t libs_lock = PTHREAD_MUTEX_INITIALIZER;
static Lib *libs; /* libs_lock */
static FfiFn *all_fns; /* libs_lock; a root for the GC (see FfiFn.next) */

static void *open_lib(const char *name, Err *e) {
    pthread_mutex_lock(&libs_lock);
    for (Lib *l = libs; l; l = l->next)
        if (strcmp(l->name, name) == 0) {
            pthread_mutex_unlock(&libs_lock);
            return l->handle;
        }
    void *h = strcmp(name, "-") == 0 ? dlopen(NULL, RTLD_NOW)
                                     : dlopen(name, RTLD_NOW | RTLD_GLOBAL);
    if (h) {
        Lib *l = calloc(1, sizeof *l);
        if (l) {
            l->name = strdup(name);
            l->handle = h;
            l->next = libs;
            libs = l;
        }
    }
    const char *why = h ? NULL : dlerror();
    pthread_mutex_unlock(&libs_lock);
    if (!h) {
        const char *colon = why ? strstr(why, ": ") : NULL;
        fail(e, "//csp:extern: cannot open library %s (%s): %s", name,
             strchr(name, '/') ? "the path given"
                               : "looked in LD_LIBRARY_PATH, the ld.so cache, "
                                 "/lib and /usr/lib",
             colon ? colon + 2 : why ? why : "unknown error");
    }
    return h;
}

static void *find_sym(void *h, const char *lib, const char *sym, Err *e) {
    dlerror();
    void *p = dlsym(h, sym);
    if (p)
        return p;
    if (strcmp(lib, "-") == 0) {
        fail(e, "//csp:extern: symbol %s not found in the csp process "
             "(libc, libm and the libraries csp links; name a library to "
             "look elsewhere)", sym);
        return NULL;
    }
    struct link_map *lm = NULL;
    const char *path = dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 && lm && lm->l_name
                           ? lm->l_name : lib;
    fail(e, "//csp:extern: symbol %s not found in %s (%s)", sym, lib, path);
    return NULL;
}

/* Directive words: LIB SYMBOL [variadic N] [free]. */
typedef struct Directive {
    char lib[256], sym[256];
    int nfixed;         /* -1: not variadic */
    bool free_result;
} Directive;

static bool parse_directive(const char *text, Directive *d, Err *e) {
    char words[6][256];
    int n = 0;
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r') p++;
        if (!*p) break;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r') p++;
        if (n == 6 || (size_t)(p - s) >= sizeof words[0])
            return fail(e, "//csp:extern: too many or too long words: want "
                        "LIB SYMBOL [variadic N] [free]");
        memcpy(words[n], s, (size_t)(p - s));
        words[n++][p - s] = 0;
    }
    if (n < 2)
        return fail(e, "//csp:extern: want LIB SYMBOL [variadic N] [free] "
                    "(LIB: a soname, a path, or - for the process itself)");
    strcpy(d->lib, words[0]);
    strcpy(d->sym, words[1]);
    d->nfixed = -1;
    d->free_result = false;
    for (int i = 2; i < n; i++) {
        if (strcmp(words[i], "free") == 0) {
            d->free_result = true;
        } else if (strcmp(words[i], "variadic") == 0 && i + 1 < n) {
            char *end;
            long v = strtol(words[++i], &end, 10);
            if (*end || v < 0 || v >= FFI_MAX_ARGS)
                return fail(e, "//csp:extern: variadic wants the number of "
                            "fixed C parameters, got %s", words[i]);
            d->nfixed = (int)v;
        } else {
            return fail(e, "//csp:extern: unknown option %s (want "
                        "variadic N or free)", words[i]);
        }
    }
    return true;
}

static bool plan_all(FfiFn *fn, Type *sig, const char *const *pnames,
                     const Directive *d, Err *e) {
    if (sig->variadic)
        return fail(e, "//csp:extern %s: a csp variadic parameter cannot "
                    "cross to C: list the C arguments as parameters (and "
                    "use variadic N in the directive)", fn->name);
    if (sig->nparams >= FFI_MAX_ARGS)
        return fail(e, "//csp:extern %s: more than %d parameters", fn->name,
                    FFI_MAX_ARGS - 1);
    if (sig->nresults > 1)
        return fail(e, "//csp:extern %s: a C function returns at most one "
                    "result", fn->name);
    char what[160];
    fn->simple = true;
    for (int i = 0; i < sig->nparams; i++) {
        snprintf(what, sizeof what, "//csp:extern %s: parameter %s",
                 fn->name, pnames && pnames[i] ? pnames[i] : "_");
        FfiArg *a = &fn->args[i];
        if (!arg_plan(a, sig->params[i], what, false, false, e))
            return false;
        if (d->nfixed >= 0 && i >= d->nfixed &&
            (a->kind == A_STRUCT || a->kind == A_F32 ||
             (a->kind == A_SCALAR && a->ct->size < 4)))
            return fail(e, "%s (type %s): C promotes variadic arguments: "
                        "pass int32, int64, float64, string or a pointer",
                        what, type_string(a->t));
        fn->atypes[i] = a->ct;
        if (a->kind != A_SCALAR)
            fn->simple = false;
    }
    fn->nargs = sig->nparams;
    fn->ret.kind = A_VOID;
    fn->ret.ct = &ffi_type_void;
    if (sig->nresults == 1) {
        snprintf(what, sizeof what, "//csp:extern %s: result", fn->name);
        if (!arg_plan(&fn->ret, sig->results[0], what, true, false, e))
            return false;
    }
    if (fn->ret.kind == A_STRUCT && fn->ret.st->size > RV_BYTES)
        fn->simple = false; /* its result goes to the scratch area */
    if (d->free_result && fn->ret.kind != A_STRING)
        return fail(e, "//csp:extern %s: free applies to a string result",
                    fn->name);
    return true;
}

FfiFn *ffi_bind(const char *directive, const char *fname, Type *sig,
                const char *const *pnames, char *err, size_t errsize) {
    Err e = {err, errsize};
    Directive d;
    if (!parse_directive(directive, &d, &e))
        return NULL;
    FfiFn *fn = gc_alloc(sizeof *fn);
    fn->name = gc_strdup(fname);
    fn->free_result = d.free_result;
    if (d.nfixed > sig->nparams) {
        fail(&e, "//csp:extern %s: variadic %d: the function has only %d "
             "parameters", fname, d.nfixed, sig->nparams);
        return NULL;
    }
    if (!plan_all(fn, sig, pnames, &d, &e))
        return NULL;
    ffi_status st =
        d.nfixed >= 0
            ? ffi_prep_cif_var(&fn->cif, FFI_DEFAULT_ABI, (unsigned)d.nfixed,
                               (unsigned)fn->nargs, fn->ret.ct, fn->atypes)
            : ffi_prep_cif(&fn->cif, FFI_DEFAULT_ABI, (unsigned)fn->nargs,
                           fn->ret.ct, fn->atypes);
    if (st != FFI_OK) {
        fail(&e, "//csp:extern %s: libffi cannot describe this call", fname);
        return NULL;
    }
    void *h = open_lib(d.lib, &e);
    if (!h || !(fn->sym = find_sym(h, d.lib, d.sym, &e)))
        return NULL;
    pthread_mutex_lock(&libs_lock);
    fn->next = all_fns;
    all_fns = fn;
    pthread_mutex_unlock(&libs_lock);
    return fn;
}

/* ---- calls ---------------------------------------------------------------------- */

/* Per-call memory for copies: the C stack first, then malloc. */
typedef struct Scratch {
    size_t used;
    int nheap;
    void *heap[SCRATCH_HEAP];
    _Alignas(16) char buf[SCRATCH_BYTES];
} Scratch;

static void *scratch(Scratch *s, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (n <= SCRATCH_BYTES - s->used) {
        void *p = s->buf + s->used;
        s->used += n;
        return p;
    }
    if (s->nheap == SCRATCH_HEAP)
        rt_fatal("foreign call: too many large arguments");
    void *p = malloc(n ? n : 1);
    if (!p)
        rt_fatal("out of memory");
    /* kept in s->heap, freed by scratch_free (cppcheck does not follow) */
    // cppcheck-suppress memleak
    return s->heap[s->nheap++] = p;
}

static void scratch_free(Scratch *s) {
    for (int i = 0; i < s->nheap; i++)
        free(s->heap[i]);
}

static char *c_string(Scratch *s, const Str *str) {
    int64_t n = str_len(str);
    char *c = scratch(s, (size_t)n + 1);
    memcpy(c, str_data(str), (size_t)n);
    c[n] = 0;
    return c;
}

static void struct_to_c(const FfiArg *a, Type *t, const Slot *box, char *dst) {
    memset(dst, 0, a->st->size);
    for (int i = 0; i < t->nfields; i++)
        to_c(t->fields[i].type->kind, box[t->fields[i].offset], dst + a->offs[i]);
}

static void struct_from_c(const FfiArg *a, Type *t, Slot *box, const char *src) {
    for (int i = 0; i < t->nfields; i++)
        box[t->fields[i].offset] = from_c(t->fields[i].type->kind, src + a->offs[i]);
}

static void cb_entry(ffi_cif *cif, void *ret, void **args, void *ud);

/* A callback's closure for this call (freed with the scratch). */
typedef struct CbCtx {
    Call *call;
    Closure *cl;
    FfiCb *cb;
    ffi_closure *clo;
    void *code;         /* clo's executable address */
} CbCtx;

/* A callback C calls after its foreign call returned (it kept the
 * pointer): a fatal error, not a jump through freed memory. */
static void stale_entry(ffi_cif *cif, void *ret, void **args, void *ud) {
    rt_fatal("callback from C on a thread csp did not create, or after the "
             "foreign call it was passed to returned");
}

/* Retired callback closures wait here, pointing at stale_entry, before
 * they are freed: a C library that keeps a callback pointer a little
 * too long gets the fatal error instead of running whatever reuses the
 * memory. A ring of CLOSURE_QUARANTINE, oldest freed first. */
enum { CLOSURE_QUARANTINE = 256 };
static pthread_mutex_t quarantine_lock = PTHREAD_MUTEX_INITIALIZER;
static ffi_closure *quarantine[CLOSURE_QUARANTINE]; /* quarantine_lock */
static unsigned quarantine_next;                     /* quarantine_lock */

static void closure_retire(CbCtx *x) {
    ffi_closure *clo = x->clo;
    if (ffi_prep_closure_loc(clo, &x->cb->cif, stale_entry, NULL, x->code) !=
        FFI_OK) {
        ffi_closure_free(clo);
        return;
    }
    pthread_mutex_lock(&quarantine_lock);
    ffi_closure *old = quarantine[quarantine_next % CLOSURE_QUARANTINE];
    quarantine[quarantine_next++ % CLOSURE_QUARANTINE] = clo;
    pthread_mutex_unlock(&quarantine_lock);
    if (old)
        ffi_closure_free(old);
}

/* Converts argument i into *slot (what libffi reads through av[i]). */
static void arg_in(const FfiArg *a, Slot v, void **av, Slot *cell, Scratch *s,
                   Call *c, CbCtx **cbs, int *ncbs) {
    switch (a->kind) {
    case A_SCALAR:
        *cell = v;
        break;
    case A_F32: {
        float x = (float)v.f;
        memcpy(cell, &x, sizeof x);
        break;
    }
    case A_STRING:
        cell->p = c_string(s, v.p);
        break;
    case A_SLICE: {
        Slice *sl = v.p;
        int64_t n = slice_len(sl);
        if (!sl) {
            cell->p = NULL;
        } else if (a->same) {
            cell->p = sl->data;
        } else {
            char *buf = scratch(s, (size_t)n * a->esize);
            for (int64_t i = 0; i < n; i++)
                to_c(a->ek, sl->data[i], buf + i * a->esize);
            cell->p = buf;
        }
        break;
    }
    case A_PTR:
        if (!v.p || a->same) {
            cell->p = v.p;
        } else {
            cell->p = scratch(s, 8);
            to_c(a->ek, *(Slot *)v.p, cell->p);
        }
        break;
    case A_STRUCT:
        *av = scratch(s, a->st->size);
        struct_to_c(a, a->t, v.p, *av);
        return;
    case A_STRUCT_PTR:
        cell->p = v.p ? scratch(s, a->st->size) : NULL;
        if (v.p)
            struct_to_c(a, a->t->elem, v.p, cell->p);
        break;
    case A_FUNC: {
        cell->p = NULL;
        if (!v.p)
            break;
        CbCtx *x = scratch(s, sizeof *x);
        x->call = c;
        x->cl = v.p;
        x->cb = a->cb;
        x->clo = ffi_closure_alloc(sizeof(ffi_closure), &x->code);
        if (!x->clo || ffi_prep_closure_loc(x->clo, &a->cb->cif, cb_entry, x,
                                            x->code) != FFI_OK)
            rt_fatal("foreign call: cannot make a callback closure");
        cbs[(*ncbs)++] = x;
        cell->p = x->code;
        break;
    }
    case A_VOID:
        break;
    }
    *av = cell;
}

/* After the call: what C wrote through pointers goes back to csp. */
static void arg_out(const FfiArg *a, Slot v, const Slot *cell) {
    switch (a->kind) {
    case A_SLICE: {
        Slice *sl = v.p;
        if (!sl || a->same)
            break;
        for (int64_t i = 0; i < sl->len; i++)
            sl->data[i] = from_c(a->ek, (char *)cell->p + i * a->esize);
        break;
    }
    case A_PTR:
        if (v.p && !a->same)
            *(Slot *)v.p = from_c(a->ek, cell->p);
        break;
    case A_STRUCT_PTR:
        if (v.p)
            struct_from_c(a, a->t->elem, v.p, cell->p);
        break;
    default:
        break;
    }
}

static Slot result_in(FfiFn *fn, void *rv) {
    const FfiArg *r = &fn->ret;
    Slot v = {0};
    switch (r->kind) {
    case A_SCALAR:
    case A_F32:
        /* libffi widens small integer results to ffi_arg: the low bytes,
         * which from_c reads, are the value */
        return from_c(r->t->kind, rv);
    case A_STRING: {
        char *s = *(char **)rv;
        v.p = s ? str_from_cstr(s) : NULL;
        if (s && fn->free_result)
            free(s);
        return v;
    }
    case A_STRUCT: {
        Slot *box = gc_alloc(r->t->size * sizeof(Slot));
        struct_from_c(r, r->t, box, rv);
        v.p = box;
        return v;
    }
    default:
        return v;
    }
}

static void altstack_once(void) {
    if (tls_altstack)
        return;
    tls_altstack = true;
    stack_t ss = {.ss_size = ALTSTACK_BYTES, .ss_sp = malloc(ALTSTACK_BYTES)};
    if (ss.ss_sp)
        sigaltstack(&ss, NULL);
}

/* Brackets the C call itself: the call state, the hand-off. */
static void call_c(FfiFn *fn, Call *c, void *rv, void **av) {
    c->prev = tls_call;
    tls_call = c;
    c->in_c = true;
    sched_entersyscall(c->f->w);
    ffi_call(&fn->cif, FFI_FN(fn->sym), rv, av);
    sched_exitsyscall(c->f->w);
    c->in_c = false;
    tls_call = c->prev;
}

static int ffi_invoke(FfiFn *fn, Fiber *f, Slot *a) {
    atomic_fetch_add_explicit(&ncalls, 1, memory_order_relaxed);
    altstack_once();
    Call c = {.f = f, .fn = fn};
    void *av[FFI_MAX_ARGS];
    /* the result: at least an ffi_arg, or the struct returned by value
     * (plan_all keeps a larger one off the simple path) */
    _Alignas(16) char rvbuf[RV_BYTES];
    void *rv = rvbuf;
    if (fn->simple) {
        for (int i = 0; i < fn->nargs; i++)
            av[i] = &a[i];
        call_c(fn, &c, rv, av);
        if (fn->ret.kind != A_VOID)
            a[0] = result_in(fn, rv);
        return NATIVE_OK;
    }
    Scratch s;
    s.used = 0;
    s.nheap = 0;
    Slot cells[FFI_MAX_ARGS];
    CbCtx *cbs[FFI_MAX_ARGS];
    int ncbs = 0;
    if (fn->ret.kind == A_STRUCT && fn->ret.st->size > sizeof rvbuf)
        rv = scratch(&s, fn->ret.st->size);
    for (int i = 0; i < fn->nargs; i++)
        arg_in(&fn->args[i], a[i], &av[i], &cells[i], &s, &c, cbs, &ncbs);
    call_c(fn, &c, rv, av);
    for (int i = 0; i < ncbs; i++)
        closure_retire(cbs[i]);
    for (int i = 0; i < fn->nargs; i++)
        arg_out(&fn->args[i], a[i], &cells[i]);
    Slot res = result_in(fn, rv);
    scratch_free(&s);
    if (c.panicking)
        return NATIVE_PANIC; /* the callback's panic goes on unwinding */
    if (fn->ret.kind != A_VOID)
        a[0] = res;
    return NATIVE_OK;
}

/* The libffi closure behind every bound function: NativeFn's signature. */
static void native_entry(ffi_cif *cif, void *ret, void **args, void *ud) {
    int st = ffi_invoke(ud, *(Fiber **)args[0], *(Slot **)args[1]);
    *(ffi_sarg *)ret = st;
}

/* ---- callbacks ------------------------------------------------------------------ */

static bool on_chain(const Call *c) {
    for (const Call *k = tls_call; k; k = k->prev)
        if (k == c)
            return true;
    return false;
}

/* Writes callback result v for C (small integers widened to ffi_arg). */
static void cb_result(const FfiArg *r, Slot v, void *ret) {
    if (r->kind == A_F32 || r->t->kind == K_FLOAT64)
        to_c(r->t->kind, v, ret);
    else if (r->t->kind == K_BOOL)
        *(ffi_arg *)ret = v.i != 0;
    else
        *(ffi_sarg *)ret = v.i; /* registers are normalised: sign or zero
                                   extension is already right */
}

static void cb_entry(ffi_cif *cif, void *ret, void **args, void *ud) {
    CbCtx *x = ud;
    Call *c = x->call;
    if (!on_chain(c))
        rt_fatal("callback from C on a thread csp did not create, or after "
                 "the foreign call it was passed to returned");
    FfiCb *cb = x->cb;
    if (cb->ret.kind != A_VOID)
        memset(ret, 0, cb->ret.ct->size < sizeof(ffi_arg) ? sizeof(ffi_arg)
                                                          : cb->ret.ct->size);
    if (c->panicking)
        return; /* a callback of this call panicked: see CALLBACKS */
    Fiber *f = c->f;
    bool in_c = tls_call->in_c;
    tls_call->in_c = false;
    sched_exitsyscall(f->w);
    Slot sa[FFI_MAX_ARGS];
    for (int i = 0; i < cb->nargs; i++) {
        const FfiArg *a = &cb->args[i];
        void *p = args[i];
        if (a->kind == A_STRING) {
            const char *cs = *(const char **)p;
            sa[i].p = cs ? str_from_cstr(cs) : NULL;
        } else if (a->kind == A_PTR) {
            void *cp = *(void **)p;
            sa[i].p = NULL;
            if (cp) { /* a one-slot cell with the pointee (see CALLBACKS) */
                Slot *cell = gc_alloc(sizeof(Slot));
                *cell = from_c(a->ek, cp);
                sa[i].p = cell;
            }
        } else {
            sa[i] = from_c(a->t->kind, p);
        }
    }
    Slot res = {0};
    int st = vm_call_closure(f, x->cl, sa, cb->nargs, &res,
                             cb->ret.kind != A_VOID);
    for (int i = 0; i < cb->nargs; i++) {
        const FfiArg *a = &cb->args[i];
        void *cp = a->kind == A_PTR ? *(void **)args[i] : NULL;
        if (cp && sa[i].p)
            to_c(a->ek, *(Slot *)sa[i].p, cp);
    }
    if (st != NATIVE_OK)
        c->panicking = true;
    else if (cb->ret.kind != A_VOID)
        cb_result(&cb->ret, res, ret);
    sched_entersyscall(f->w);
    tls_call->in_c = in_c;
}

/* ---- crashes in C --------------------------------------------------------------- */

static struct sigaction old_actions[NSIG]; /* written once, before use */

static const char *sig_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV: segmentation violation";
    case SIGBUS: return "SIGBUS: bus error";
    case SIGFPE: return "SIGFPE: floating-point exception";
    default: return "SIGILL: illegal instruction";
    }
}

static void *fault_pc(void *uc) {
#if defined(__x86_64__)
    return (void *)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    return (void *)((ucontext_t *)uc)->uc_mcontext.pc;
#else
    return NULL;
#endif
}

static void crash_handler(int sig, siginfo_t *si, void *uc) {
    Call *c = tls_call;
    if (!c || !c->in_c) { /* not C's fault: the old disposition */
        struct sigaction *old = &old_actions[sig];
        if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
            old->sa_sigaction(sig, si, uc);
            return;
        }
        if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
            old->sa_handler(sig);
            return;
        }
        signal(sig, SIG_DFL); /* the fault repeats and ends the process */
        return;
    }
    c->in_c = false;
    panic_lock();
    fflush(stdout);
    fprintf(stderr,
            "fatal error: unexpected signal during foreign call\n"
            "[signal %s code=%#x addr=%p pc=%p]\n\n",
            sig_name(sig), (unsigned)si->si_code, si->si_addr, fault_pc(uc));
    c->f->id = c->f->sched.goid;
    panic_print_goroutine_call(c->f, "syscall");
    fflush(stderr);
    vm_exit(2);
}

static void install_handlers(void) {
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = crash_handler;
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, &old_actions[sigs[i]]);
    }
}

/* ---- the native ------------------------------------------------------------------- */

static ffi_cif native_cif; /* int (*)(Fiber *, Slot *): built once */

static void native_once(void) {
    static ffi_type *types[2] = {&ffi_type_pointer, &ffi_type_pointer};
    if (ffi_prep_cif(&native_cif, FFI_DEFAULT_ABI, 2, &ffi_type_sint, types) !=
        FFI_OK)
        rt_fatal("libffi cannot describe a native");
    install_handlers();
}

NativeFn ffi_native(FfiFn *fn) {
    NativeFn n = atomic_load_explicit(&fn->native, memory_order_acquire);
    if (n)
        return n;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, native_once);
    void *code;
    ffi_closure *clo = ffi_closure_alloc(sizeof(ffi_closure), &code);
    if (!clo ||
        ffi_prep_closure_loc(clo, &native_cif, native_entry, fn, code) != FFI_OK)
        rt_fatal("//csp:extern %s: cannot make the native closure", fn->name);
    NativeFn expected = NULL;
    n = (NativeFn)code;
    if (!atomic_compare_exchange_strong_explicit(&fn->native, &expected, n,
                                                 memory_order_acq_rel,
                                                 memory_order_acquire)) {
        ffi_closure_free(clo);
        n = expected;
    }
    return n;
}
