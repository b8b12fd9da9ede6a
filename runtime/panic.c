/*
 * panic.c — panics and runtime errors: creating them (rt_panic*, the
 * panic_* helpers of the VM), the runtime's error types, printing an
 * unrecovered panic and tracebacks in Go's format, fatal errors, and the
 * print/println builtins (which share Go's low-level value printing).
 *
 * Runtime errors are values of runtime-internal named types named as Go's
 * dynamic types are, so `%T` of a recovered error prints what Go prints:
 * runtime.boundsError (index and slice bounds), runtime.errorString
 * (other "runtime error: ..." panics), runtime.plainError (messages without
 * that prefix: closed channels, nil maps), *runtime.TypeAssertionError
 * and *runtime.PanicNilError (panic(nil), Go 1.21+). Each holds the whole
 * message as a string (the pointer types point at a one-slot box) and has
 * native Error and RuntimeError methods, so `recover()` gives an `error`
 * (and a runtime.Error) that fmt prints with Error() as Go does. Errors made by natives (rt_error_new) are
 * `*errors.errorString`, like errors.New's. Both types are built once,
 * on first use, and are immutable afterwards.
 *
 * Go's printpanics prints the chain oldest first: `panic: V [recovered]`
 * (or `[recovered, repanicked]` when the newer panic re-raised the same value),
 * then `\tpanic: V` for each newer one, then the goroutine's traceback.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim.h"
#include "vm.h"
#include "../stdlib/lib.h" /* strconv_format_float */

/* ---- runtime-internal types ----------------------------------------------------- */

/* The runtime's error types (RT_*), built once by build_types. */
enum { RT_BOUNDS, RT_ERRSTR, RT_PLAIN, RT_ASSERT, RT_PANICNIL, RT_NTYPES };
static Type *rterr_types[RT_NTYPES];
static Type *errstr_ptr;      /* *errors.errorString */
static pthread_once_t types_once = PTHREAD_ONCE_INIT;

static int rterr_error(Fiber *f, Slot *a) { return NATIVE_OK; } /* a[0] is it */
static int rterr_runtime(Fiber *f, Slot *a) { return NATIVE_OK; }
/* Error of the pointer types (and of *errors.errorString): the boxed string. */
static int errstr_error(Fiber *f, Slot *a) {
    a[0] = ((Slot *)a[0].p)[0];
    return NATIVE_OK;
}

static Proto *native_proto(const char *name, NativeFn fn, int nres, Type *sig) {
    Proto *p = gc_alloc(sizeof *p);
    p->name = name;
    p->file = "<runtime>";
    p->native = fn;
    p->nparams = 1;
    p->nresults = nres;
    p->maxregs = 1;
    p->sig = sig;
    return p;
}

/* runtime.NAME with underlying string; for a pointer type (ptr) the methods
 * are *runtime.NAME's and the value is a pointer to a one-slot box. */
static Type *rterr_new(const char *name, bool ptr, Type *sig_s, Type *sig_0) {
    Type *t = type_new_named("runtime", name);
    type_set_underlying(t, type_basic(K_STRING));
    Type *mt = ptr ? type_pointer(t) : t;
    RMethod *rm = gc_alloc(2 * sizeof *rm);
    rm[0] = (RMethod){str_intern("Error"),
                      native_proto("runtime.Error", ptr ? errstr_error : rterr_error,
                                   1, sig_s)};
    rm[1] = (RMethod){str_intern("RuntimeError"),
                      native_proto("runtime.RuntimeError", rterr_runtime, 0, sig_0)};
    mt->rmethods = rm;
    mt->nrmethods = 2;
    return mt;
}

static void build_types(void) {
    Type *str = type_basic(K_STRING);
    Type *sig_s = type_func(NULL, 0, &str, 1, false);
    Type *sig_0 = type_func(NULL, 0, NULL, 0, false);

    rterr_types[RT_BOUNDS] = rterr_new("boundsError", false, sig_s, sig_0);
    rterr_types[RT_ERRSTR] = rterr_new("errorString", false, sig_s, sig_0);
    rterr_types[RT_PLAIN] = rterr_new("plainError", false, sig_s, sig_0);
    rterr_types[RT_ASSERT] = rterr_new("TypeAssertionError", true, sig_s, sig_0);
    rterr_types[RT_PANICNIL] = rterr_new("PanicNilError", true, sig_s, sig_0);

    Type *es = type_new_named("errors", "errorString");
    Field fld = {.name = str_intern("s"), .type = str, .pkg = "errors"};
    type_set_underlying(es, type_struct(&fld, 1));
    errstr_ptr = type_pointer(es);
    RMethod *em = gc_alloc(sizeof *em);
    em[0] = (RMethod){str_intern("Error"),
                      native_proto("errors.(*errorString).Error", errstr_error,
                                   1, sig_s)};
    errstr_ptr->rmethods = em;
    errstr_ptr->nrmethods = 1;
}

Type *vm_runtime_error_type(void) {
    pthread_once(&types_once, build_types);
    return rterr_types[RT_ERRSTR];
}

Iface *rt_error_new(Str *msg) {
    pthread_once(&types_once, build_types);
    Slot *box = gc_alloc(sizeof(Slot));
    box[0].p = msg;
    Iface *it = gc_alloc(sizeof *it);
    it->type = errstr_ptr;
    it->val.p = box;
    return it;
}

/* ---- starting panics -------------------------------------------------------------- */

/* Frames a trace keeps, as Go prints them: the newest and oldest
 * TRACE_KEEP/2 each, and an entry with func NULL ("...additional frames
 * elided...") between. A panic deep in a recursion of millions of calls
 * then costs a hundred entries, not millions. */
enum { TRACE_KEEP = 100 };

/* Below a deferred call that a panic runs, Go's tracebacks show the
 * panic's own frame (`panic({0x4bb840?, 0x38a3a2520000?})`), then the
 * frames that panicked: they stay on the stack while the deferred calls
 * run (vm.c's unwind). */
static const TraceEntry gopanic_entry = {"panic", "<std>/runtime/panic.go", 860, "{...}"};

static void capture_trace(Fiber *f, Panic *p) {
    int n = f->nframes;
    bool elide = n > TRACE_KEEP;
    /* room for a gopanic_entry after each frame */
    p->trace = gc_alloc((size_t)(elide ? 2 * TRACE_KEEP + 1 : 2 * n + 1) *
                        sizeof(TraceEntry));
    for (int i = n - 1; i >= 0; i--) {
        if (elide && i == n - 1 - TRACE_KEEP / 2) {
            p->trace[p->ntrace++].func = NULL;
            i = TRACE_KEEP / 2 - 1;
        }
        Frame *fr = &f->frames[i];
        Proto *pr = fr->proto;
        /* Go hides wrappers, unless the panic is theirs */
        bool hide = pr->wrapper && i != n - 1;
        if (hide && (fr->flags & FR_PANIC_DEFER))
            p->trace[p->ntrace++] = gopanic_entry;
        if (hide)
            continue;
        TraceEntry *t = &p->trace[p->ntrace++];
        t->func = pr->name;
        t->file = pr->file;
        long pc = fr->pc ? fr->pc - pr->code - 1 : 0;
        if (pc < 0) pc = 0;
        t->line = pr->lines && pr->ncode ? pr->lines[pc < pr->ncode ? pc : pr->ncode - 1]
                                         : pr->line;
        t->args = pr->nparams > 0 ? "..." : "";
        if (fr->flags & FR_PANIC_DEFER)
            p->trace[p->ntrace++] = gopanic_entry;
    }
}

void panic_start(Fiber *f, Iface *v, bool sigsegv) {
    Panic *p = gc_alloc(sizeof *p);
    p->value = v;
    p->sigsegv = sigsegv;
    p->link = f->panic;
    p->frame = f->nframes - 1;
    capture_trace(f, p);
    f->panic = p;
}

int rt_panic(Fiber *f, Iface *v) {
    panic_start(f, v, false);
    return NATIVE_PANIC;
}

/* A panic with a runtime error of kind RT_* and message msg (complete). */
static int panic_rterr(Fiber *f, int kind, const char *msg, bool sigsegv) {
    pthread_once(&types_once, build_types);
    Type *t = rterr_types[kind];
    Slot s = {.p = str_from_cstr(msg)};
    if (t->kind == K_POINTER) {
        Slot *box = gc_alloc(sizeof(Slot));
        box[0] = s;
        s.p = box;
    }
    panic_start(f, rt_iface(t, s), sigsegv);
    return NATIVE_PANIC;
}

/* "runtime error: " + the formatted message, as a value of type RT_kind. */
static int panic_vrt(Fiber *f, int kind, const char *fmt, va_list ap) {
    char buf[512];
    int n = snprintf(buf, sizeof buf, "runtime error: ");
    vsnprintf(buf + n, sizeof buf - n, fmt, ap);
    return panic_rterr(f, kind, buf, false);
}

int rt_panic_runtime(Fiber *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = panic_vrt(f, RT_ERRSTR, fmt, ap);
    va_end(ap);
    return r;
}

static int panic_bounds(Fiber *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = panic_vrt(f, RT_BOUNDS, fmt, ap);
    va_end(ap);
    return r;
}

int rt_panic_string(Fiber *f, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* Go's own plain runtime panics (nil map write) are plainErrors. */
    if (strcmp(buf, "assignment to entry in nil map") == 0)
        return panic_rterr(f, RT_PLAIN, buf, false);
    Slot s = {.p = str_from_cstr(buf)};
    panic_start(f, rt_iface(type_basic(K_STRING), s), false);
    return NATIVE_PANIC;
}

int panic_plain(Fiber *f, const char *msg) {
    return panic_rterr(f, RT_PLAIN, msg, false);
}

int panic_value(Fiber *f, Iface *v) {
    if (!v)
        return panic_rterr(f, RT_PANICNIL, "panic called with nil argument", false);
    panic_start(f, v, false);
    return NATIVE_PANIC;
}

int panic_goexit(Fiber *f) {
    panic_start(f, NULL, false);
    f->panic->goexit = true;
    return NATIVE_PANIC;
}

int panic_nil(Fiber *f) {
    return panic_rterr(
        f, RT_ERRSTR,
        "runtime error: invalid memory address or nil pointer dereference", true);
}

int panic_rangefunc(Fiber *f, int64_t state) {
    /* Go's runtime.panicrangestate texts, indexed by abi.RF_* state */
    static const char *const why[] = {
        "range function continued iteration after function for loop body returned false",
        NULL, /* RF_READY: not an error */
        "range function continued iteration after loop body panic",
        "range function continued iteration after whole loop exit",
        "range function recovered a loop body panic and did not resume panicking",
    };
    if (state < 0 || state > 4 || !why[state])
        rt_fatal("unexpected state passed to panicrangestate");
    return rt_panic_runtime(f, "%s", why[state]);
}

int panic_divide(Fiber *f) {
    return rt_panic_runtime(f, "integer divide by zero");
}

/* Which index operands of the failing bounds check in f's innermost frame
 * are unsigned (UIDX_* bits; 0 in a native or without a Proto.uidx entry). */
static unsigned unsigned_operands(Fiber *f) {
    if (f->nframes < 1)
        return 0;
    const Frame *fr = &f->frames[f->nframes - 1];
    const Proto *p = fr->proto;
    if (!p || !p->nuidx || !fr->pc)
        return 0;
    uint32_t pc = (uint32_t)(fr->pc - p->code - 1);
    for (int i = 0; i < p->nuidx; i++)
        if (p->uidx[i] >> 3 == pc)
            return p->uidx[i] & 7;
    return 0;
}

int panic_index(Fiber *f, int64_t i, int64_t len) {
    if (unsigned_operands(f) & UIDX_LO)
        return panic_bounds(f, "index out of range [%llu] with length %lld",
                            (unsigned long long)i, (long long)len);
    if (i < 0)
        return panic_bounds(f, "index out of range [%lld]", (long long)i);
    return panic_bounds(f, "index out of range [%lld] with length %lld",
                            (long long)i, (long long)len);
}

int panic_convert(Fiber *f, int64_t len, int64_t want) {
    return panic_bounds(f, "cannot convert slice with length %lld to array "
                           "or pointer to array with length %lld",
                        (long long)len, (long long)want);
}

int panic_slice(Fiber *f, int code, int64_t x, int64_t y) {
    static const char *const fmts[] = {
        "slice bounds out of range [:%s] with length %s",
        "slice bounds out of range [:%s] with capacity %s",
        "slice bounds out of range [%s:%s]",
        "slice bounds out of range [::%s] with length %s",
        "slice bounds out of range [::%s] with capacity %s",
        "slice bounds out of range [:%s:%s]",
        "slice bounds out of range [%s:%s:]",
    };
    static const char *const neg[] = {
        "slice bounds out of range [:%lld]",
        "slice bounds out of range [:%lld]",
        "slice bounds out of range [%lld:]",
        "slice bounds out of range [::%lld]",
        "slice bounds out of range [::%lld]",
        "slice bounds out of range [:%lld:]",
        "slice bounds out of range [%lld::]",
    };
    /* the operands x and y are, by code: hi and len/cap; lo and hi; max
     * and len/cap; hi and max; lo and hi */
    static const unsigned xop[] = {UIDX_HI, UIDX_HI, UIDX_LO, UIDX_MAX, UIDX_MAX,
                                   UIDX_HI, UIDX_LO};
    static const unsigned yop[] = {0, 0, UIDX_HI, 0, 0, UIDX_MAX, UIDX_HI};
    unsigned u = unsigned_operands(f);
    char buf[160], xs[24], ys[24];
    snprintf(xs, sizeof xs, u & xop[code] ? "%llu" : "%lld", (unsigned long long)x);
    snprintf(ys, sizeof ys, u & yop[code] ? "%llu" : "%lld", (unsigned long long)y);
    if (x < 0 && !(u & xop[code]))
        snprintf(buf, sizeof buf, neg[code], (long long)x);
    else
        snprintf(buf, sizeof buf, fmts[code], xs, ys);
    return panic_bounds(f, "%s", buf);
}

const char *vm_missing_method(Type *t, Type *want) {
    for (int i = 0; i < want->nmethods; i++) {
        Method *m = &want->methods[i];
        Proto *p = type_find_method(t, m->name);
        if (!p || (p->sig && m->sig && p->sig != m->sig))
            return m->name;
    }
    return NULL;
}

int panic_assert(Fiber *f, Type *static_t, Type *have, Type *want,
                 const char *missing) {
    char buf[512];
    const char *st = static_t ? type_string(static_t) : "interface {}";
    if (!have && want->kind == K_INTERFACE)
        snprintf(buf, sizeof buf, "interface conversion: interface is nil, not %s",
                 type_string(want));
    else if (!have)
        snprintf(buf, sizeof buf, "interface conversion: %s is nil, not %s", st,
                 type_string(want));
    else if (missing)
        snprintf(buf, sizeof buf,
                 "interface conversion: %s is not %s: missing method %s",
                 type_string(have), type_string(want), missing);
    else {
        const char *hs = type_string(have), *ws = type_string(want);
        /* Go's clearer message for two types spelled alike */
        const char *why = "";
        if (strcmp(hs, ws) == 0)
            why = have->pkg && want->pkg && strcmp(have->pkg, want->pkg) != 0
                      ? " (types from different packages)"
                      : " (types from different scopes)";
        snprintf(buf, sizeof buf, "interface conversion: %s is %s, not %s%s", st,
                 hs, ws, why);
    }
    return panic_rterr(f, RT_ASSERT, buf, false);
}

/* ---- printing values (print/println and panic values) ----------------------------- */

/* Go 1.26's runtime prints a float as strconv's shortest %g for its size
 * (print.go: AppendFloat(v, 'g', -1, 64 or 32)); Go 1.25 and older printed
 * +d.dddddde+ddd. The runtime borrows strconv's formatter as Go's does. */
static void print_float(FILE *out, double v, int bits) {
    StrBuf b;
    sb_init(&b);
    strconv_format_float(&b, v, 'g', -1, bits);
    fwrite(b.data, 1, (size_t)b.len, out);
}

/* Go's runtime prints pointers as 0x... (also 0x0 for nil). */
static void print_ptr(FILE *out, const void *p) {
    fprintf(out, "0x%lx", (unsigned long)(uintptr_t)p);
}

/* strconv.FormatComplex(c, 'g', -1, bits): the imaginary part always
 * carries a sign. */
static void print_complex(FILE *out, const Slot *box, int bits) {
    double re, im;
    cplx_get(box, &re, &im);
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '(');
    strconv_format_float(&b, re, 'g', -1, bits);
    int64_t at = b.len;
    strconv_format_float(&b, im, 'g', -1, bits);
    if (b.data[at] != '+' && b.data[at] != '-') {
        sb_putc(&b, ' ');
        memmove(b.data + at + 1, b.data + at, (size_t)(b.len - at - 1));
        b.data[at] = '+';
    }
    sb_puts(&b, "i)");
    fwrite(b.data, 1, (size_t)b.len, out);
}

static void print_scalar(FILE *out, Type *t, Slot v) {
    switch (t->kind) {
    case K_COMPLEX64: print_complex(out, v.p, 32); break;
    case K_COMPLEX128: print_complex(out, v.p, 64); break;
    case K_BOOL: fputs(v.i ? "true" : "false", out); break;
    case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
        fprintf(out, "%lld", (long long)v.i); break;
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64:
    case K_UINTPTR:
        fprintf(out, "%llu", (unsigned long long)v.u); break;
    case K_FLOAT32: print_float(out, v.f, 32); break;
    case K_FLOAT64: print_float(out, v.f, 64); break;
    case K_STRING: fwrite(str_data(v.p), 1, (size_t)str_len(v.p), out); break;
    case K_SLICE: {
        Slice *s = v.p;
        fprintf(out, "[%lld/%lld]", (long long)slice_len(s),
                (long long)(s ? s->cap : 0));
        print_ptr(out, s ? (void *)s->data : NULL);
        break;
    }
    case K_INTERFACE: {
        Iface *it = v.p;
        fputc('(', out);
        print_ptr(out, it ? (void *)it->type : NULL);
        fputc(',', out);
        print_ptr(out, it ? it->val.p : NULL);
        fputc(')', out);
        break;
    }
    default:
        print_ptr(out, v.p);
    }
}

void vm_print_value(Type *t, Slot v) { print_scalar(stderr, t, v); }

Str *vm_error_string(Fiber *f, Iface *v) {
    if (!v)
        return NULL;
    Proto *p = type_find_method(v->type, str_intern("Error"));
    if (!p)
        return NULL;
    /* the method owns its receiver: give it a copy of a boxed payload */
    Slot arg = type_is_boxed(v->type) ? rt_load(v->type, v->val.p) : v->val;
    Slot res;
    if (vm_call(f, p, &arg, 1, &res, 1) != NATIVE_OK)
        return NULL;
    return res.p;
}

static void print_trace(FILE *out, const TraceEntry *t, int n);
static void print_created_by(FILE *out, Fiber *f);

/* Go's preprintpanics: the Error()/String() text of every value in the
 * chain, computed before anything is printed. A method that panics is
 * Go's fatal "panic while printing panic value" (its value if a plain
 * string, else its type). f->panic is NULL meanwhile (panic_print). */
static void preprint(Fiber *f, Panic *chain) {
    for (Panic *q = chain; q; q = q->link) {
        Iface *v = q->value;
        Proto *p = NULL;
        if (v && !(p = type_find_method(v->type, str_intern("Error"))))
            p = type_find_method(v->type, str_intern("String"));
        if (!p || p->nparams != 1 || p->nresults != 1)
            continue;
        Slot arg = type_is_boxed(v->type) ? rt_load(v->type, v->val.p) : v->val;
        Slot res;
        if (vm_call(f, p, &arg, 1, &res, 1) == NATIVE_OK) {
            q->text = res.p;
            q->has_text = true;
            continue;
        }
        Iface *r = vm_take_panic(f);
        f->panic = NULL;
        fputs("fatal error: panic while printing panic value: ", stderr);
        if (r && r->type == type_basic(K_STRING))
            fwrite(str_data(r->val.p), 1, (size_t)str_len(r->val.p), stderr);
        else
            fprintf(stderr, "type %s", r ? type_string(r->type) : "*runtime.PanicNilError");
        /* the frames are unwound: the stack is the one the panic recorded */
        fprintf(stderr, "\n\ngoroutine %lld [running]:\n", (long long)f->id);
        print_trace(stderr, chain->trace, chain->ntrace);
        print_created_by(stderr, f);
        vm_fatal_exit();
    }
}

/* Go's printpanicval after preprintpanics (Error()/String() applied). */
static void print_panic_value(FILE *out, Panic *q) {
    Iface *v = q->value;
    if (!v) { fputs("nil", out); return; }
    if (q->has_text) {
        fwrite(str_data(q->text), 1, (size_t)str_len(q->text), out);
        return;
    }
    Type *t = v->type;
    if (t->kind <= K_STRING && t->kind != K_INVALID) {
        if (t->name) {
            fprintf(out, "%s(", type_string(t));
            if (t->kind == K_STRING) fputc('"', out);
            print_scalar(out, t, v->val);
            if (t->kind == K_STRING) fputc('"', out);
            fputc(')', out);
        } else {
            print_scalar(out, t, v->val);
        }
        return;
    }
    fprintf(out, "(%s) ", type_string(t));
    print_ptr(out, v->val.p);
}

/* Go 1.25+ prints a panic whose value is the very interface word of the
 * next newer one once, marked `[recovered, repanicked]`, and skips the newer
 * (preprintpanics compares the two eface words). csp's nearest equivalent:
 * the same type and value bits; runtime errors with a fixed text (Go: static
 * plainError/errorString data) compare by text, but bounds errors (`[i]`)
 * and conversion errors, which Go allocates anew, never match. */
static bool same_panic_value(const Iface *a, const Iface *b) {
    if (a == b)
        return true;
    if (!a || !b || a->type != b->type)
        return false;
    if (a->val.u == b->val.u)
        return true;
    if (a->type != rterr_types[RT_ERRSTR] && a->type != rterr_types[RT_PLAIN])
        return false;
    const Str *x = a->val.p, *y = b->val.p;
    return str_len(x) == str_len(y) &&
           memcmp(str_data(x), str_data(y), (size_t)str_len(x)) == 0 &&
           !memchr(str_data(x), '[', (size_t)str_len(x)) &&
           strncmp(str_data(x), "interface conversion", 20) != 0;
}

/* Prints p's chain oldest first; newer is the panic p is the link of. */
static void print_chain(FILE *out, Fiber *f, Panic *p, const Panic *newer) {
    if (p->link) {
        print_chain(out, f, p->link, p);
        if (same_panic_value(p->link->value, p->value))
            return;
        if (!p->link->goexit)
            fputc('\t', out);
    }
    if (p->goexit) /* a Goexit under way is no panic: Go prints nothing */
        return;
    fputs("panic: ", out);
    print_panic_value(out, p);
    if (p->recovered && newer && same_panic_value(p->value, newer->value))
        fputs(" [recovered, repanicked]", out);
    else if (p->recovered)
        fputs(" [recovered]", out);
    fputc('\n', out);
}

static void print_trace(FILE *out, const TraceEntry *t, int n) {
    for (int i = 0; i < n; i++) {
        if (!t[i].func) {   /* capture_trace elided the middle, as Go does */
            fprintf(out, "...additional frames elided...\n");
            continue;
        }
        fprintf(out, "%s(%s)\n\t%s:%d +0x0\n", t[i].func, t[i].args,
                t[i].file, t[i].line);
    }
}

/* Fatal output of different threads must not interleave: the first thread
 * to print a panic or fatal error takes this lock and never releases it
 * (it exits the process); any other thread that wants to print one waits
 * for ever, so its message is never mixed into the first one. A process
 * that keeps running after a panic (vm_run_main in tests) releases it. */
static Lock fatal_lock;
static _Atomic(pthread_t *) fatal_owner;
static __thread pthread_t self_id;

void panic_lock(void) {
    self_id = pthread_self();
    pthread_t *o = atomic_load(&fatal_owner);
    if (o && pthread_equal(*o, self_id))
        return;                  /* a nested fatal error of the same thread */
    lock_acquire(&fatal_lock);
    atomic_store(&fatal_owner, &self_id);
}

void panic_unlock(void) {
    atomic_store(&fatal_owner, NULL);
    lock_release(&fatal_lock);
}

int panic_frame_line(const Frame *fr, bool top) {
    Proto *pr = fr->proto;
    if (!pr->lines || !pr->ncode)
        return pr->line;
    long pc = fr->pc ? fr->pc - pr->code - (top ? 0 : 1) : 0;
    if (pc < 0) pc = 0;
    if (pc >= pr->ncode) pc = pr->ncode - 1;
    return pr->lines[pc];
}

static void print_created_by(FILE *out, Fiber *f) {
    if (!f->creator)
        return;
    fprintf(out, "created by %s in goroutine %lld\n\t%s:%d +0x0\n",
            f->creator->name, (long long)f->parent_goid, f->creator->file,
            f->creator_line);
}

/* in_native: f is inside a native call, its top frame's pc already past
 * the call instruction. */
static void print_frames(FILE *out, Fiber *f, bool in_native);

static void print_goroutine(FILE *out, Fiber *f, int64_t goid,
                            const char *status, bool stack, bool in_native) {
    fprintf(out, "goroutine %lld [%s]:\n", (long long)goid, status);
    if (!stack) {
        fputs("\tgoroutine running on other thread; stack unavailable\n", out);
        return;
    }
    print_frames(out, f, in_native);
}

void panic_print_frames(Fiber *f) { print_frames(stderr, f, false); }

/* f's frames, innermost first, then its `created by` lines. */
static void print_frames(FILE *out, Fiber *f, bool in_native) {
    /* Read once: the frame array is replaced, never modified in place
     * beyond nframes, when it grows (a racy reader sees an old copy). */
    Frame *frames = f->frames;
    int n = f->nframes;
    if (n > f->cap_frames) n = f->cap_frames;
    enum { MAX_SHOWN = 100 };
    for (int i = n - 1, k = 0; i >= 0; i--, k++) {
        if (n > MAX_SHOWN && k == MAX_SHOWN / 2) {
            fprintf(out, "...additional frames elided...\n");
            i = MAX_SHOWN / 2;
            continue;
        }
        const Frame *fr = &frames[i];
        if (!fr->proto)
            continue;
        /* Go hides wrappers (method values, promoted methods), unless
         * the innermost frame is one */
        if (!fr->proto->wrapper || i == n - 1)
            fprintf(out, "%s(%s)\n\t%s:%d +0x0\n", fr->proto->name,
                    fr->proto->nparams > 0 ? "..." : "", fr->proto->file,
                    panic_frame_line(fr, i == n - 1 && !in_native));
        if (fr->flags & FR_PANIC_DEFER)
            fprintf(out, "%s(%s)\n\t%s:%d +0x0\n", gopanic_entry.func,
                    gopanic_entry.args, gopanic_entry.file, gopanic_entry.line);
    }
    print_created_by(out, f);
}

void panic_write_goroutine(FILE *out, Fiber *f, int64_t goid,
                           const char *status, bool stack, bool in_native) {
    print_goroutine(out, f, goid, status, stack, in_native);
}

void panic_print_goroutine(Fiber *f, const char *status, bool stack) {
    print_goroutine(stderr, f, f->id, status, stack, false);
}

void panic_dump_goroutine(Fiber *f, int64_t goid, const char *status,
                          bool stack) {
    print_goroutine(stderr, f, goid, status, stack, false);
}

void panic_print_goroutine_call(Fiber *f, const char *status) {
    print_goroutine(stderr, f, f->id, status, true, true);
}

void panic_print(Fiber *f) {
    fflush(stdout);
    Panic *top = f->panic;
    if (!top)
        return;
    /* Printing may call Error() methods: keep the chain stable. */
    f->panic = NULL;
    preprint(f, top);
    /* The report goes out in one write: a reader of fd 2 must not get it
     * in pieces (the REPL's terminal pump redraws its prompt after output
     * that does not end a line, and put it between "panic: " and the value
     * on a loaded machine: tests/repl/terminal.py). */
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        out = stderr;
    print_chain(out, f, top, NULL);
    if (top->sigsegv)
        fputs("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n",
              out);
    fprintf(out, "\ngoroutine %lld [running]:\n", (long long)f->id);
    print_trace(out, top->trace, top->ntrace);
    print_created_by(out, f);
    if (out != stderr) {
        fclose(out);
        fwrite(buf, 1, len, stderr);
        free(buf);
    }
    f->panic = top;
    fflush(stderr);
}

_Noreturn void panic_stack_overflow(Fiber *f) {
    panic_lock();
    fflush(stdout);
    fprintf(stderr,
            "runtime: goroutine stack exceeds %ld-byte limit\n"
            "fatal error: stack overflow\n\n"
            "goroutine %lld [running]:\n",
            (long)fiber_max_stack(), (long long)f->id);
    Panic p = {0};
    capture_trace(f, &p);
    print_trace(stderr, p.trace, p.ntrace);
    print_created_by(stderr, f);
    vm_fatal_exit();
}

/* The one exit for a failed allocation, from any thread and any lock
 * state: Go's message and the failing goroutine's stack, then _exit(2)
 * (vm_exit: no atexit handlers, no unwinding into a session, which could
 * hold any lock here). print_goroutine allocates nothing. A second thread
 * running out of memory meanwhile waits for the first to exit. */
_Noreturn void rt_out_of_memory(size_t n) {
    static atomic_flag reporting = ATOMIC_FLAG_INIT;
    if (atomic_flag_test_and_set(&reporting))
        for (;;)
            pause();
    fflush(stdout);
    fputs("fatal error: runtime: out of memory\n", stderr);
    Fiber *f = vm_running_fiber();
    if (f) {
        fputc('\n', stderr);
        print_goroutine(stderr, f, f->id, "running", true, true);
    }
    (void)n;
    if (sim_in_run()) { /* csp explore, the fuzzer: only this run ends */
        fflush(stderr);
        atomic_flag_clear(&reporting);
        sim_exit(SIM_FATAL, 2);
    }
    vm_exit(2);
}

_Noreturn void rt_fatal(const char *fmt, ...) {
    panic_lock();
    fflush(stdout);
    va_list ap;
    va_start(ap, fmt);
    fputs("fatal error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    Fiber *f = vm_running_fiber();
    if (f) { /* as Go: the goroutine that failed */
        fputc('\n', stderr);
        print_goroutine(stderr, f, f->id, "running", true, true);
    }
    vm_fatal_exit();
}
