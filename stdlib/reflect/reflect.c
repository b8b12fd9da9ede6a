/*
 * reflect.c — natives of package reflect (stdlib/reflect/reflect.go).
 *
 * TYPES are the runtime's descriptors (runtime/type.h): a reflect.Type is
 * a *rtype whose pointer IS the Type*, so interning gives Go's identity.
 *
 * VALUES: a reflect.Value is a 3-slot struct {Type*, Slot *mem, flag}
 * (reflect.go's Value: typ, ptr, flag), in a register a pointer to that box
 * (value.h). mem points to the value in memory representation: t->size
 * slots, exactly where the value lives when it is addressable (a pointer's
 * target, a slice element, a field of one of those), else a private copy
 * or an immutable interface payload, which nothing writes through since
 * the Set methods require flagAddr. A pointer's register is the address of
 * its target's first slot, so Addr and Elem are just mem and mem->p.
 * A method value (Value.Method) has the method's signature as its type and
 * mem -> {Proto *method, receiver's memory, receiver's Type*}; Call
 * prepends (a copy of) the receiver; as a func value (Interface, Set) it
 * becomes a closure of a native made at run time, as MakeFunc's functions
 * are (see "functions made at run time").
 *
 * CHECKS: reflect.go checks kinds, addressability, assignability and
 * indexes, and panics with Go's messages; these natives trust it.
 * Assigning to an interface type boxes the value (rt_iface), as the
 * compiler's implicit conversion does.
 *
 * SELECT (doSelect) is the runtime's select (chan_select), so it parks
 * like a select statement: on CHAN_PARKED the native returns NATIVE_PARK
 * and, called again once woken, finds its cases in the selectState the
 * Go side passed (the same arguments) and asks chan_select_resume.
 *
 * DEEPEQUAL follows Go's deepValueEqual, cycles included: pointers, maps,
 * slices and interfaces being compared are remembered (a hash set of
 * address pairs per type); meeting a pair again answers true. It walks
 * with an explicit stack (Work), not C recursion.
 */
#include <string.h>

#include "runtime/chan.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

enum { F_ADDR = 1, F_RO = 2, F_METHOD = 4 };   /* reflect.go's flag bits */
enum { VALUE_SLOTS = 3 };                       /* {typ, ptr, flag} */

typedef struct RV {
    Type *t;
    Slot *mem;
    uint64_t flag;
} RV;

/* ---- helpers ------------------------------------------------------------------ */

/* memcpy of n slots; n may be 0 with a NULL source (an empty value). */
static void slots_copy(Slot *dst, const Slot *src, int64_t n) {
    if (n > 0)
        memcpy(dst, src, (size_t)n * sizeof(Slot));
}

static RV rv_at(const Slot *s) {
    RV v = {NULL, NULL, 0};
    if (s) {
        v.t = s[0].p;
        v.mem = s[1].p;
        v.flag = s[2].u;
    }
    return v;
}

/* A Value argument (register: its box). */
static RV rv_arg(Slot a) { return rv_at(a.p); }

static void rv_put(Slot *s, Type *t, Slot *mem, uint64_t flag) {
    s[0].p = t;
    s[1].p = mem;
    s[2].u = flag;
}

/* A Value result (a fresh box). */
static Slot rv_box(Type *t, Slot *mem, uint64_t flag) {
    Slot *b = gc_alloc(VALUE_SLOTS * sizeof(Slot));
    rv_put(b, t, mem, flag);
    return (Slot){.p = b};
}

/* Zeroed memory for a value of t (at least one slot, so mem != NULL). */
static Slot *new_mem(Type *t) {
    return gc_alloc((size_t)(t->size ? t->size : 1) * sizeof(Slot));
}

/* One slot holding register r (a pointer, map, slice ... in memory). */
static Slot *cell(Slot r) {
    Slot *c = gc_alloc(sizeof(Slot));
    *c = r;
    return c;
}

/* A []Value of n elements (each VALUE_SLOTS slots inline). */
static Slice *values_slice(int64_t n) {
    Slice *s = gc_alloc(sizeof(Slice));
    s->data = gc_alloc((size_t)(n ? n : 1) * VALUE_SLOTS * sizeof(Slot));
    s->len = s->cap = n;
    return s;
}

static Closure *method_closure(RV v);

/* x's register (a copy of a boxed value; a method value's closure). */
static Slot load(RV x) {
    if (x.flag & F_METHOD)
        return (Slot){.p = method_closure(x)};
    return rt_load(x.t, x.mem);
}

/* x as a register of type dt: boxed into an interface when dt is one and
 * x's type is not (boxed values are copied: the callee owns its box). */
static Slot conv_reg(Type *dt, RV x) {
    Slot r = load(x);
    if (dt->kind == K_INTERFACE && x.t->kind != K_INTERFACE)
        r.p = rt_iface(x.t, r);
    return r;
}

/* Stores x into dt's memory at dst (converting as conv_reg). */
static void store_conv(Type *dt, Slot *dst, RV x) {
    if (dt->kind == K_INTERFACE || (x.flag & F_METHOD))
        *dst = conv_reg(dt, x);
    else
        memmove(dst, x.mem, (size_t)dt->size * sizeof(Slot));
}

/* x in dt's memory representation, read-only (map keys). */
static Slot *conv_mem(Type *dt, RV x) {
    if (dt->kind == K_INTERFACE && x.t->kind != K_INTERFACE)
        return cell((Slot){.p = rt_iface(x.t, load(x))});
    return x.mem;
}

static Str *S(const char *s) { return str_from_cstr(s ? s : ""); }

static bool exported(const char *name) { return name[0] >= 'A' && name[0] <= 'Z'; }

/* ---- kinds ---------------------------------------------------------------------- */

/* reflect.Kind's numbering (reflect.go) of each runtime Kind. */
enum {
    RK_INVALID, RK_BOOL, RK_INT, RK_INT8, RK_INT16, RK_INT32, RK_INT64,
    RK_UINT, RK_UINT8, RK_UINT16, RK_UINT32, RK_UINT64, RK_UINTPTR,
    RK_FLOAT32, RK_FLOAT64, RK_COMPLEX64, RK_COMPLEX128, RK_ARRAY, RK_CHAN,
    RK_FUNC, RK_INTERFACE, RK_MAP, RK_POINTER, RK_SLICE, RK_STRING, RK_STRUCT
};

static int64_t reflect_kind(const Type *t) {
    if (!t)
        return RK_INVALID;
    switch (t->kind) {
    case K_BOOL: return RK_BOOL;
    case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
        return RK_INT + (t->kind - K_INT);
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64:
    case K_UINTPTR:
        return RK_UINT + (t->kind - K_UINT);
    case K_FLOAT32: return RK_FLOAT32;
    case K_FLOAT64: return RK_FLOAT64;
    case K_COMPLEX64: return RK_COMPLEX64;
    case K_COMPLEX128: return RK_COMPLEX128;
    case K_STRING: return RK_STRING;
    case K_ARRAY: return RK_ARRAY;
    case K_SLICE: return RK_SLICE;
    case K_STRUCT: return RK_STRUCT;
    case K_POINTER: return RK_POINTER;
    case K_FUNC: return RK_FUNC;
    case K_INTERFACE: return RK_INTERFACE;
    case K_MAP: return RK_MAP;
    case K_CHAN: return RK_CHAN;
    default: return RK_INVALID;
    }
}

/* Predeclared types (int, string, error ...) count as named (Go's
 * hasName), though only `error` has a name in its descriptor. */
static bool is_basic(const Type *t) {
    return t->kind >= K_BOOL && t->kind <= K_STRING && !t->name &&
           t == type_basic(t->kind);
}
static bool has_name(const Type *t) { return t->name || is_basic(t); }

/* ---- types ---------------------------------------------------------------------- */

static int typeString(Fiber *f, Slot *a) {
    a[0].p = S(type_string(a[0].p));
    return NATIVE_OK;
}

static int typeName(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    a[0].p = S(t->name ? t->name : is_basic(t) ? type_string(t) : "");
    return NATIVE_OK;
}

static int typePkgPath(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    a[0].p = S(t->name ? t->pkg : NULL);
    return NATIVE_OK;
}

static int typeKind(Fiber *f, Slot *a) {
    a[0].i = reflect_kind(a[0].p);
    return NATIVE_OK;
}

static int typeElem(Fiber *f, Slot *a) {
    a[0].p = ((Type *)a[0].p)->elem;
    return NATIVE_OK;
}

static int typeKey(Fiber *f, Slot *a) {
    a[0].p = ((Type *)a[0].p)->key;
    return NATIVE_OK;
}

static int typeLen(Fiber *f, Slot *a) {
    a[0].i = ((Type *)a[0].p)->len;
    return NATIVE_OK;
}

static int typeNumField(Fiber *f, Slot *a) {
    a[0].i = ((Type *)a[0].p)->nfields;
    return NATIVE_OK;
}

/* (name, pkgpath, type, tag, offset, embedded) of field i. */
static int typeField(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    int i = (int)a[1].i;
    Field *fd = &t->fields[i];
    a[0].p = S(fd->name);
    a[1].p = S(fd->pkg);
    a[2].p = fd->type;
    a[3].p = S(fd->tag);
    a[4].i = type_gooffset(t, i);
    a[5].i = fd->embedded;
    return NATIVE_OK;
}

static int typeNumIn(Fiber *f, Slot *a) {
    a[0].i = ((Type *)a[0].p)->nparams;
    return NATIVE_OK;
}

static int typeIn(Fiber *f, Slot *a) {
    a[0].p = ((Type *)a[0].p)->params[a[1].i];
    return NATIVE_OK;
}

static int typeNumOut(Fiber *f, Slot *a) {
    a[0].i = ((Type *)a[0].p)->nresults;
    return NATIVE_OK;
}

static int typeOut(Fiber *f, Slot *a) {
    a[0].p = ((Type *)a[0].p)->results[a[1].i];
    return NATIVE_OK;
}

static int typeVariadic(Fiber *f, Slot *a) {
    a[0].i = ((Type *)a[0].p)->variadic;
    return NATIVE_OK;
}

static int typeChanDir(Fiber *f, Slot *a) {
    ChanDir d = ((Type *)a[0].p)->dir;
    a[0].i = d == CHAN_SEND ? 2 : d == CHAN_RECV ? 1 : 3;  /* reflect.ChanDir */
    return NATIVE_OK;
}

static int typeComparable(Fiber *f, Slot *a) {
    a[0].i = rt_comparable(a[0].p);
    return NATIVE_OK;
}

static int typeSize(Fiber *f, Slot *a) {
    a[0].i = type_gosize(a[0].p);
    return NATIVE_OK;
}

static int typeAlign(Fiber *f, Slot *a) {
    a[0].i = type_goalign(a[0].p);
    return NATIVE_OK;
}

/* Methods: an interface's are its method list (all of them, as Go counts);
 * another type's are the exported entries of its runtime method set,
 * sorted by name as Go sorts them. */
static const RMethod *exported_method(const Type *t, int64_t i) {
    for (int k = 0; k < t->nrmethods; k++)
        if (exported(t->rmethods[k].name) && i-- == 0)
            return &t->rmethods[k];
    return NULL;
}

static int typeNumMethod(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    int64_t n = 0;
    if (t->kind == K_INTERFACE)
        n = t->nmethods;
    else
        for (int k = 0; k < t->nrmethods; k++)
            n += exported(t->rmethods[k].name);
    a[0].i = n;
    return NATIVE_OK;
}

/* The signature (receiver excluded) of t's method `name`. */
static Type *method_sig(Type *t, const RMethod *m) {
    if (m->fn->sig)
        return m->fn->sig;
    Type *named = t->kind == K_POINTER && !t->name ? t->elem : t;
    for (int i = 0; named && i < named->nmethods; i++)
        if (named->methods[i].name == m->name)
            return named->methods[i].sig;
    return type_func(NULL, 0, NULL, 0, false);
}

/* (name, method type, Func) of method i; Func has the receiver first. */
static int typeMethod(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    int64_t i = a[1].i;
    if (t->kind == K_INTERFACE) {
        a[0].p = S(t->methods[i].name);
        a[1].p = t->methods[i].sig;
        a[2] = rv_box(NULL, NULL, 0);
        return NATIVE_OK;
    }
    const RMethod *m = exported_method(t, i);
    Type *sig = method_sig(t, m);
    Type **params = gc_alloc((size_t)(sig->nparams + 1) * sizeof(Type *));
    params[0] = t;
    if (sig->nparams > 0) /* params may be NULL then */
        memcpy(params + 1, sig->params, (size_t)sig->nparams * sizeof(Type *));
    Type *mt = type_func(params, sig->nparams + 1, sig->results, sig->nresults,
                         sig->variadic);
    a[0].p = S(m->name);
    a[1].p = mt;
    a[2] = rv_box(mt, cell((Slot){.p = vm_static_closure(m->fn)}), 0);
    return NATIVE_OK;
}

static bool implements(Type *t, Type *u) {
    if (t->kind != K_INTERFACE)
        return vm_missing_method(t, u) == NULL;
    for (int i = 0; i < u->nmethods; i++) {
        bool found = false;
        for (int k = 0; k < t->nmethods && !found; k++)
            found = t->methods[k].name == u->methods[i].name &&
                    t->methods[k].sig == u->methods[i].sig;
        if (!found)
            return false;
    }
    return true;
}

/* Go's assignability of a value of type t to type u. */
static bool assignable(Type *t, Type *u) {
    if (t == u)
        return true;
    if (u->kind == K_INTERFACE)
        return implements(t, u);
    if (has_name(t) && has_name(u))
        return false;
    if (t->kind == K_CHAN && u->kind == K_CHAN && t->dir == CHAN_BOTH)
        return t->elem == u->elem;
    return t->underlying == u->underlying;
}

static bool is_numeric(const Type *t) {
    return t->kind >= K_INT && t->kind <= K_COMPLEX128;
}

static bool bytes_or_runes(const Type *t) {
    return t->kind == K_SLICE && !t->elem->name &&
           (t->elem->kind == K_UINT8 || t->elem->kind == K_INT32);
}

static bool convertible(Type *t, Type *u) {
    if (assignable(t, u) || t->underlying == u->underlying)
        return true;
    if (t->kind == K_POINTER && u->kind == K_POINTER && !t->name && !u->name)
        return t->elem->underlying == u->elem->underlying;
    if (is_numeric(t) && is_numeric(u))
        return type_is_complex(t) == type_is_complex(u);
    if (u->kind == K_STRING)
        return type_is_integer(t) || bytes_or_runes(t);
    if (t->kind == K_STRING)
        return bytes_or_runes(u);
    if (t->kind == K_SLICE && u->kind == K_ARRAY)
        return t->elem == u->elem;
    if (t->kind == K_SLICE && u->kind == K_POINTER && u->elem->kind == K_ARRAY)
        return t->elem == u->elem->elem;
    return false;
}

static int typeImplements(Fiber *f, Slot *a) {
    a[0].i = implements(a[0].p, a[1].p);
    return NATIVE_OK;
}

static int typeAssignable(Fiber *f, Slot *a) {
    a[0].i = assignable(a[0].p, a[1].p);
    return NATIVE_OK;
}

static int typeConvertible(Fiber *f, Slot *a) {
    a[0].i = convertible(a[0].p, a[1].p);
    return NATIVE_OK;
}

static int typePtrTo(Fiber *f, Slot *a) {
    a[0].p = type_pointer(a[0].p);
    return NATIVE_OK;
}

static int typeSliceOf(Fiber *f, Slot *a) {
    a[0].p = type_slice(a[0].p);
    return NATIVE_OK;
}

static int typeMapOf(Fiber *f, Slot *a) {
    a[0].p = type_map(a[0].p, a[1].p);
    return NATIVE_OK;
}

static int typeArrayOf(Fiber *f, Slot *a) {
    a[0].p = type_array(a[1].p, a[0].i);
    return NATIVE_OK;
}

static int typeChanOf(Fiber *f, Slot *a) {
    int64_t d = a[0].i;   /* reflect.ChanDir: 1 recv, 2 send, 3 both */
    a[0].p = type_chan(a[1].p, d == 1 ? CHAN_RECV : d == 2 ? CHAN_SEND : CHAN_BOTH);
    return NATIVE_OK;
}

/* A []*rtype's elements (one slot each) as a Type* array. */
static Type **types_of(const Slice *s) {
    int64_t n = slice_len(s);
    Type **v = gc_alloc((size_t)(n + 1) * sizeof(Type *));
    for (int64_t i = 0; i < n; i++)
        v[i] = s->data[i].p;
    return v;
}

static int typeFuncOf(Fiber *f, Slot *a) {
    const Slice *in = a[0].p, *out = a[1].p;
    a[0].p = type_func(types_of(in), (int)slice_len(in), types_of(out),
                       (int)slice_len(out), a[2].i != 0);
    return NATIVE_OK;
}

/* typeStructOf(names, pkgs, types, tags, embedded): reflect.go checked
 * the fields; the runtime interns the struct type. */
static int typeStructOf(Fiber *f, Slot *a) {
    const Slice *names = a[0].p, *pkgs = a[1].p, *types = a[2].p,
                *tags = a[3].p, *emb = a[4].p;
    int n = (int)slice_len(names);
    Field *fs = gc_alloc((size_t)(n + 1) * sizeof(Field));
    for (int i = 0; i < n; i++) {
        const Str *pkg = pkgs->data[i].p, *tag = tags->data[i].p;
        fs[i].name = str_cstr(names->data[i].p);
        fs[i].type = types->data[i].p;
        fs[i].pkg = pkg ? str_cstr(pkg) : NULL;
        fs[i].tag = tag ? str_intern(str_cstr(tag)) : NULL;
        fs[i].embedded = emb->data[i].i != 0;
    }
    a[0].p = type_struct(fs, n);
    return NATIVE_OK;
}

static int typeOf(Fiber *f, Slot *a) {
    Iface *x = a[0].p;
    a[0].p = x ? x->type : NULL;
    return NATIVE_OK;
}

/* ---- values: reading ------------------------------------------------------------ */

static int valueOf(Fiber *f, Slot *a) {
    Iface *x = a[0].p;
    a[0] = x ? rv_box(x->type, (Slot *)rt_iface_mem(x), 0) : rv_box(NULL, NULL, 0);
    return NATIVE_OK;
}

static int valueIface(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    a[0].p = rt_iface(v.t, load(v));
    return NATIVE_OK;
}

static int valueInt(Fiber *f, Slot *a) {
    a[0].i = rv_arg(a[0]).mem->i;   /* registers are kept normalised */
    return NATIVE_OK;
}

static int valueUint(Fiber *f, Slot *a) {
    a[0].u = rv_arg(a[0]).mem->u;
    return NATIVE_OK;
}

static int valueFloat(Fiber *f, Slot *a) {
    a[0].f = rv_arg(a[0]).mem->f;
    return NATIVE_OK;
}

static int valueComplex(Fiber *f, Slot *a) {
    Slot *m = rv_arg(a[0]).mem;
    a[0].p = cplx_new(m[0].f, m[1].f);
    return NATIVE_OK;
}

static int valueStr(Fiber *f, Slot *a) {
    a[0].p = rv_arg(a[0]).mem->p;
    return NATIVE_OK;
}

static int valueBool(Fiber *f, Slot *a) {
    a[0].i = rv_arg(a[0]).mem->i != 0;
    return NATIVE_OK;
}

static int valueLen(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    switch (v.t->kind) {
    case K_ARRAY: a[0].i = v.t->len; break;
    case K_SLICE: a[0].i = slice_len(v.mem->p); break;
    case K_STRING: a[0].i = str_len(v.mem->p); break;
    case K_MAP: a[0].i = v.mem->p ? map_len(v.mem->p) : 0; break;
    case K_CHAN: a[0].i = chan_len(v.mem->p); break;
    default: a[0].i = 0;
    }
    return NATIVE_OK;
}

static int valueCap(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    const Slice *s = v.mem->p;
    switch (v.t->kind) {
    case K_ARRAY: a[0].i = v.t->len; break;
    case K_SLICE: a[0].i = s ? s->cap : 0; break;
    case K_CHAN: a[0].i = chan_cap(v.mem->p); break;
    default: a[0].i = 0;
    }
    return NATIVE_OK;
}

static int valueIndex(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    int64_t i = a[1].i;
    uint64_t ro = v.flag & F_RO;
    switch (v.t->kind) {
    case K_SLICE: {
        const Slice *s = v.mem->p;
        a[0] = rv_box(v.t->elem, s->data + i * v.t->elem->size, F_ADDR | ro);
        break;
    }
    case K_ARRAY:
        a[0] = rv_box(v.t->elem, v.mem + i * v.t->elem->size,
                      v.flag & (F_ADDR | F_RO));
        break;
    default: { /* string: a byte, not addressable */
        const Str *s = v.mem->p;
        a[0] = rv_box(type_basic(K_UINT8),
                      cell((Slot){.u = (unsigned char)s->data[i]}), ro);
    }
    }
    return NATIVE_OK;
}

static int valueField(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    const Field *fd = &v.t->fields[a[1].i];
    uint64_t fl = (v.flag & (F_ADDR | F_RO)) | (fd->pkg ? F_RO : 0);
    a[0] = rv_box(fd->type, v.mem + fd->offset, fl);
    return NATIVE_OK;
}

static int valueElem(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    uint64_t ro = v.flag & F_RO;
    if (v.t->kind == K_POINTER) {
        Slot *p = v.mem->p;
        a[0] = p ? rv_box(v.t->elem, p, F_ADDR | ro) : rv_box(NULL, NULL, 0);
    } else {
        Iface *x = v.mem->p;
        a[0] = x ? rv_box(x->type, (Slot *)rt_iface_mem(x), ro)
                 : rv_box(NULL, NULL, 0);
    }
    return NATIVE_OK;
}

static int valueIsNil(Fiber *f, Slot *a) {
    a[0].i = rv_arg(a[0]).mem->p == NULL;
    return NATIVE_OK;
}

/* Every type's zero value is all-zero slots (value.h); -0.0 is not zero,
 * as in Go, which compares the float's bits too. */
static int valueIsZero(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    bool z = true;
    for (int64_t i = 0; i < v.t->size && z; i++)
        z = v.mem[i].u == 0;
    a[0].i = z;
    return NATIVE_OK;
}

static int valueAddr(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    a[0] = rv_box(type_pointer(v.t), cell((Slot){.p = v.mem}), v.flag & F_RO);
    return NATIVE_OK;
}

static int valueSlice(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    int64_t i = a[1].i, j = a[2].i;
    if (v.t->kind == K_STRING) {
        Str *s = v.mem->p;
        a[0] = rv_box(v.t, cell((Slot){.p = i == j ? NULL : str_substr(s, i, j)}),
                      v.flag & F_RO);
        return NATIVE_OK;
    }
    Type *st = v.t;
    Slice *r = gc_alloc(sizeof(Slice));
    if (v.t->kind == K_ARRAY) {
        st = type_slice(v.t->elem);
        r->data = v.mem + i * v.t->elem->size;
        r->cap = v.t->len - i;
    } else {
        const Slice *s = v.mem->p;
        r->data = s ? s->data + i * v.t->elem->size : NULL;
        r->cap = (s ? s->cap : 0) - i;
    }
    r->len = j - i;
    a[0] = rv_box(st, cell((Slot){.p = r}), v.flag & F_RO);
    return NATIVE_OK;
}

/* ---- values: writing ------------------------------------------------------------ */

static int valueSet(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    store_conv(v.t, v.mem, rv_arg(a[1]));
    return NATIVE_OK;
}

/* x truncated to t's width, sign- or zero-extended (the register
 * invariant, value.h). */
static uint64_t trunc_int(const Type *t, uint64_t x) {
    int bits = type_int_bits(t->kind);
    if (bits >= 64)
        return x;
    uint64_t m = (UINT64_C(1) << bits) - 1;
    x &= m;
    if (!type_is_unsigned(t) && (x >> (bits - 1)))
        x |= ~m;
    return x;
}

static int valueSetInt(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    v.mem->u = trunc_int(v.t, a[1].u);
    return NATIVE_OK;
}

static int valueSetFloat(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    v.mem->f = v.t->kind == K_FLOAT32 ? (double)(float)a[1].f : a[1].f;
    return NATIVE_OK;
}

static int valueSetComplex(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    double re, im;
    cplx_get(a[1].p, &re, &im);
    if (v.t->kind == K_COMPLEX64) {
        re = (float)re;
        im = (float)im;
    }
    v.mem[0].f = re;
    v.mem[1].f = im;
    return NATIVE_OK;
}

static int valueSetString(Fiber *f, Slot *a) {
    rv_arg(a[0]).mem->p = a[1].p;
    return NATIVE_OK;
}

static int valueSetBool(Fiber *f, Slot *a) {
    rv_arg(a[0]).mem->i = a[1].i != 0;
    return NATIVE_OK;
}

/* ---- maps ------------------------------------------------------------------------- */

static int panic_bad_key(Fiber *f, Type *bad) {
    return rt_panic_runtime(f, "hash of unhashable type %s", type_string(bad));
}

static int valueMapIndex(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]), k = rv_arg(a[1]);
    Map *m = v.mem->p;
    Type *bad = NULL;
    Slot *val = m ? map_get(m, conv_mem(v.t->key, k), &bad) : NULL;
    if (bad)
        return panic_bad_key(f, bad);
    if (!val) {
        a[0] = rv_box(NULL, NULL, 0);
        return NATIVE_OK;
    }
    Slot *copy = new_mem(v.t->elem);
    slots_copy(copy, val, v.t->elem->size);
    a[0] = rv_box(v.t->elem, copy, v.flag & F_RO);
    return NATIVE_OK;
}

static int valueMapKeys(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    Map *m = v.mem->p;
    Type *kt = v.t->key;
    int64_t n = m ? map_len(m) : 0, i = 0;
    Slice *out = values_slice(n);
    if (m) {
        MapIter it;
        Slot *k, *val;
        map_iter_init(m, &it, rt_rand64());
        while (i < n && map_iter_next(&it, &k, &val)) {
            Slot *copy = new_mem(kt);
            slots_copy(copy, k, kt->size);
            rv_put(out->data + i++ * VALUE_SLOTS, kt, copy, v.flag & F_RO);
        }
    }
    out->len = i;
    a[0].p = out;
    return NATIVE_OK;
}

/* mapIterStart(v) *mapIterState: a runtime iterator over map v (NULL for
 * a nil map), the same walk a range statement makes. */
static int mapIterStart(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    Map *m = v.mem->p;
    MapIter *it = NULL;
    if (m) {
        it = gc_alloc(sizeof *it);
        map_iter_init(m, it, rt_rand64());
    }
    a[0].p = it;
    return NATIVE_OK;
}

/* mapIterNext(v, it) (key, val Value, ok bool): the next live entry, copies
 * of its key and value (a NaN key too, which no lookup finds). */
static int mapIterNext(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    MapIter *it = a[1].p;
    Slot *k, *val;
    if (!it || !map_iter_next(it, &k, &val)) {
        a[0] = rv_box(NULL, NULL, 0);
        a[1] = rv_box(NULL, NULL, 0);
        a[2].i = 0;
        return NATIVE_OK;
    }
    Type *kt = v.t->key, *et = v.t->elem;
    Slot *kc = new_mem(kt), *vc = new_mem(et);
    slots_copy(kc, k, kt->size);
    slots_copy(vc, val, et->size);
    a[0] = rv_box(kt, kc, v.flag & F_RO);
    a[1] = rv_box(et, vc, v.flag & F_RO);
    a[2].i = 1;
    return NATIVE_OK;
}

static int valueSetMapIndex(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]), k = rv_arg(a[1]), e = rv_arg(a[2]);
    Map *m = v.mem->p;
    Type *bad = NULL;
    Slot *key = conv_mem(v.t->key, k);
    if (!e.t) {
        if (m)
            map_delete(m, key, &bad);
    } else if (!m) {
        return panic_plain(f, "assignment to entry in nil map");
    } else {
        Slot *slot = map_set(m, key, &bad);
        if (!bad)
            store_conv(v.t->elem, slot, e);
    }
    return bad ? panic_bad_key(f, bad) : NATIVE_OK;
}

/* ---- functions -------------------------------------------------------------------- */

/* The i'th exported method of v, bound to v's value. */
static int valueMethod(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    int64_t i = a[1].i;
    Slot *bound = gc_alloc(3 * sizeof(Slot));
    Type *sig, *rt = v.t;
    const Slot *recv = v.mem;
    if (v.t->kind == K_INTERFACE) {
        Iface *x = v.mem->p;
        const Method *im = &v.t->methods[i];
        sig = im->sig;
        rt = x->type;
        recv = rt_iface_mem(x);
        bound[0].p = type_find_method(rt, im->name);
    } else {
        const RMethod *m = exported_method(v.t, i);
        sig = method_sig(v.t, m);
        bound[0].p = m->fn;
    }
    /* the receiver is evaluated now, as a method value's is */
    Slot *copy = new_mem(rt);
    slots_copy(copy, recv, rt->size);
    bound[1].p = copy;
    bound[2].p = rt;
    a[0] = rv_box(sig, bound, F_METHOD | (v.flag & F_RO));
    return NATIVE_OK;
}

/* ---- functions made at run time ---------------------------------------------------- *
 * MakeFunc's functions and method values as func values are closures of a
 * native Proto made here for the function type; the native finds its
 * closure below its arguments (a[-1], rt.h) and the state in its upvalues. */

static Proto *stub_proto(Type *sig, const char *name, NativeFn fn) {
    Proto *p = gc_alloc(sizeof *p);
    p->name = name;
    p->file = "<autogenerated>";
    p->line = 1;
    p->native = fn;
    p->nparams = sig->nparams;
    p->nresults = sig->nresults;
    p->maxregs = sig->nparams > sig->nresults ? sig->nparams : sig->nresults;
    p->variadic = sig->variadic;
    p->sig = sig;
    p->index = -1;
    return p;
}

static Closure *stub_closure(Proto *p, int nup) {
    Closure *cl = gc_alloc(sizeof(Closure) + (size_t)nup * sizeof(Slot));
    cl->proto = p;
    cl->nup = nup;
    return cl;
}

/* A method value's body: up = {method Proto, receiver memory, its type}. */
static int method_stub(Fiber *f, Slot *a) {
    Closure *cl = a[-1].p;
    Proto *m = cl->up[0].p;
    int n = cl->proto->nparams;
    Slot *args = gc_alloc((size_t)(n + 2) * sizeof(Slot));
    args[0] = rt_load(cl->up[2].p, cl->up[1].p);
    slots_copy(args + 1, a, n);
    /* transparent to recover() as Go's methodValueCall */
    return vm_call_wrapped(f, cl->proto, vm_static_closure(m), args, n + 1, a,
                           cl->proto->nresults);
}

static Closure *method_closure(RV v) {
    Closure *cl = stub_closure(stub_proto(v.t, "reflect.methodValueCall",
                                          method_stub), 3);
    memcpy(cl->up, v.mem, 3 * sizeof(Slot));
    return cl;
}

/* A MakeFunc function's body: up = {fn func([]Value) []Value}; its
 * arguments become Values, fn's results are checked as Go does. */
static int make_func_stub(Fiber *f, Slot *a) {
    Closure *cl = a[-1].p;
    Type *t = cl->proto->sig;
    Slice *in = values_slice(t->nparams);
    for (int i = 0; i < t->nparams; i++) {
        Type *pt = t->params[i];
        Slot *mem = new_mem(pt);
        rt_store(pt, mem, a[i]);
        rv_put(in->data + i * VALUE_SLOTS, pt, mem, 0);
    }
    Slot arg = {.p = in}, res = {.p = NULL};
    int st = vm_call_wrapped(f, cl->proto, cl->up[0].p, &arg, 1, &res, 1);
    if (st != NATIVE_OK)
        return st;
    const Slice *out = res.p;
    if (slice_len(out) != t->nresults)
        return rt_panic_string(f, "reflect: wrong return count from function created by MakeFunc");
    /* Go names fn "closure" here (its funcName never finds a name) */
    const char *fname = "closure";
    for (int i = 0; i < t->nresults; i++) {
        RV r = rv_at(out->data + i * VALUE_SLOTS);
        Type *want = t->results[i];
        if (!r.t)
            return rt_panic_string(
                f, "reflect: function created by MakeFunc using %s returned zero Value",
                fname);
        if (r.flag & F_RO)
            return rt_panic_string(
                f, "reflect: function created by MakeFunc using %s returned value "
                   "obtained from unexported field", fname);
        if (!assignable(r.t, want))
            return rt_panic_string(
                f, "reflect.MakeFunc: value of type %s is not assignable to type %s",
                type_string(r.t), type_string(want));
        a[i] = conv_reg(want, r);
    }
    return NATIVE_OK;
}

/* makeFunc(t, fn) Value */
static int makeFunc(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    Closure *cl = stub_closure(stub_proto(t, "reflect.makeFuncStub",
                                          make_func_stub), 1);
    cl->up[0] = a[1];
    a[0] = rv_box(t, cell((Slot){.p = cl}), 0);
    return NATIVE_OK;
}

/* valueCall(v, in, slice): calls v with in (checked by reflect.go:
 * counts and assignability); a variadic function gets its extra arguments
 * as a slice, as Go's Call builds it, unless slice (CallSlice: the last
 * argument is that slice). */
static int valueCall(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    const Slice *in = a[1].p;
    Type *t = v.t;
    bool pack = t->variadic && !a[2].i;
    int nfixed = pack ? t->nparams - 1 : t->nparams;
    int recv = (v.flag & F_METHOD) ? 1 : 0;
    int nargs = recv + t->nparams;
    int nres = t->nresults;
    Slot *args = gc_alloc((size_t)(nargs + nres + 1) * sizeof(Slot));
    Closure *cl;
    if (recv) {
        cl = vm_static_closure(v.mem[0].p);
        args[0] = rt_load(v.mem[2].p, v.mem[1].p);   /* a copy per call */
    } else {
        cl = v.mem->p;
    }
    for (int i = 0; i < nfixed; i++)
        args[recv + i] = conv_reg(t->params[i], rv_at(in->data + i * VALUE_SLOTS));
    if (pack) {
        Type *et = t->params[nfixed]->elem;
        int64_t n = slice_len(in) - nfixed;
        Slice *rest = n > 0 ? slice_new(et, n, n) : NULL;
        for (int64_t j = 0; j < n; j++)
            store_conv(et, rest->data + j * et->size,
                       rv_at(in->data + (nfixed + j) * VALUE_SLOTS));
        args[recv + nfixed].p = rest;
    }
    Slot *res = gc_alloc((size_t)(nres + 1) * sizeof(Slot));
    int st = vm_call_closure(f, cl, args, nargs, res, nres);
    if (st != NATIVE_OK)
        return st;
    Slice *out = values_slice(nres);
    for (int i = 0; i < nres; i++) {
        Type *rt = t->results[i];
        Slot *mem = new_mem(rt);
        rt_store(rt, mem, res[i]);
        rv_put(out->data + i * VALUE_SLOTS, rt, mem, 0);
    }
    a[0].p = out;
    return NATIVE_OK;
}

/* ---- conversions ------------------------------------------------------------------ */

static bool is_intlike(const Type *t) { return t->kind >= K_INT && t->kind <= K_UINTPTR; }

/* A number of kind k at m as a double / as an integer (Go's conversion
 * rules: floats truncate toward zero). */
static double num_float(const Type *t, const Slot *m) {
    if (type_is_float(t))
        return m->f;
    return type_is_unsigned(t) ? (double)m->u : (double)m->i;
}

static uint64_t num_int(const Type *t, const Slot *m) {
    if (!type_is_float(t))
        return m->u;
    if (m->f != m->f)   /* NaN: implementation-defined in Go; keep it 0 */
        return 0;
    if (type_is_unsigned(t) || m->f >= 9223372036854775808.0)
        return (uint64_t)m->f;
    return (uint64_t)(int64_t)m->f;
}

/* v converted to t (reflect.go checked it is convertible and that a
 * slice is long enough for the array). */
static int valueConvert(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    Type *t = a[1].p, *s = v.t;
    Slot *mem = new_mem(t);
    const Slice *sl = s->kind == K_SLICE ? v.mem->p : NULL;
    if (t->kind == K_INTERFACE || (v.flag & F_METHOD)) {
        mem->p = conv_reg(t, v).p;
    } else if ((is_intlike(s) || type_is_float(s)) && is_intlike(t)) {
        mem->u = trunc_int(t, num_int(s, v.mem));
    } else if ((is_intlike(s) || type_is_float(s)) && type_is_float(t)) {
        double d = num_float(s, v.mem);
        mem->f = t->kind == K_FLOAT32 ? (double)(float)d : d;
    } else if (type_is_complex(s) && type_is_complex(t)) {
        bool c64 = t->kind == K_COMPLEX64;
        mem[0].f = c64 ? (double)(float)v.mem[0].f : v.mem[0].f;
        mem[1].f = c64 ? (double)(float)v.mem[1].f : v.mem[1].f;
    } else if (is_intlike(s) && t->kind == K_STRING) {
        int64_t r = v.mem->i;
        bool valid = type_is_unsigned(s) ? v.mem->u <= 0x10FFFF : r >= 0 && r <= 0x10FFFF;
        mem->p = str_from_rune(valid ? (int32_t)r : 0xFFFD);
    } else if (s->kind == K_STRING && t->kind == K_SLICE) {
        mem->p = t->elem->kind == K_UINT8 ? str_to_bytes(v.mem->p)
                                          : str_to_runes(v.mem->p);
    } else if (s->kind == K_SLICE && t->kind == K_STRING) {
        mem->p = s->elem->kind == K_UINT8 ? str_from_bytes(sl) : str_from_runes(sl);
    } else if (s->kind == K_SLICE && t->kind == K_ARRAY) {
        if (sl)
            slots_copy(mem, sl->data, t->size);
    } else if (s->kind == K_SLICE && t->kind == K_POINTER) {
        /* a pointer to an array is the address of its first slot */
        mem->p = !sl ? NULL : sl->data ? sl->data : new_mem(t->elem);
    } else {
        memmove(mem, v.mem, (size_t)t->size * sizeof(Slot));
    }
    a[0] = rv_box(t, mem, v.flag & F_RO);
    return NATIVE_OK;
}

/* valuePointer(v Value) uintptr: what Value.Pointer reports — a slice's
 * or string's data, a func's code (its Proto: every closure of one
 * function literal has the same, as Go's code pointer), else the pointer
 * itself (pointer, map, channel). 0 for nil. */
static int valuePointer(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    const void *p = v.mem->p;
    switch (v.t->kind) {
    case K_SLICE:
        p = p ? ((const Slice *)p)->data : NULL;
        break;
    case K_STRING:
        p = p ? ((const Str *)p)->data : NULL;
        break;
    case K_FUNC:
        p = p ? (const void *)((const Closure *)p)->proto : NULL;
        break;
    default:
        break;
    }
    a[0].u = (uint64_t)(uintptr_t)p;
    return NATIVE_OK;
}

static int valueEqual(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]), u = rv_arg(a[1]);
    Type *bad = NULL;
    a[0].i = rt_equal(v.t, v.mem, u.mem, &bad);
    return NATIVE_OK;
}

/* SetLen (isCap false) or SetCap: a new header over the same array. */
static int valueSetLen(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    const Slice *s = v.mem->p;
    Slice *r = gc_alloc(sizeof(Slice));
    if (s)
        *r = *s;
    if (a[2].i)
        r->cap = a[1].i;
    else
        r->len = a[1].i;
    v.mem->p = r;
    return NATIVE_OK;
}

/* A byte slice is its own header; an (addressable) byte array becomes a
 * slice over it (csp keeps one slot per byte either way). */
static int valueBytes(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    if (v.t->kind == K_SLICE) {
        a[0] = *v.mem;
        return NATIVE_OK;
    }
    Slice *s = gc_alloc(sizeof(Slice));
    s->data = v.mem;
    s->len = s->cap = v.t->len;
    a[0].p = s;
    return NATIVE_OK;
}

static int valueSetBytes(Fiber *f, Slot *a) {
    rv_arg(a[0]).mem->p = a[1].p;
    return NATIVE_OK;
}

/* valueGrow(v, n): room for n more elements, grown as append grows. */
static int valueGrow(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    Type *et = v.t->elem;
    int64_t n = a[1].i, len = slice_len(v.mem->p);
    int64_t gs = type_gosize(et);
    if (gs && n > GO_MAX_ALLOC / gs - len)
        return rt_panic_runtime(f, "growslice: len out of range");
    Slot *zeros = gc_alloc((size_t)(n * et->size + 1) * sizeof(Slot));
    Slice *r = slice_append(et, v.mem->p, zeros, n);
    r->len = len;   /* r is a fresh header: append had to grow */
    v.mem->p = r;
    return NATIVE_OK;
}

static int valueClear(Fiber *f, Slot *a) {
    RV v = rv_arg(a[0]);
    if (v.t->kind == K_MAP) {
        if (v.mem->p)
            map_clear(v.mem->p);
    } else if (v.mem->p) {
        const Slice *s = v.mem->p;
        memset(s->data, 0, (size_t)(s->len * v.t->elem->size) * sizeof(Slot));
    }
    return NATIVE_OK;
}

/* ---- making values ------------------------------------------------------------------ */

static int valueNew(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    a[0] = rv_box(type_pointer(t), cell((Slot){.p = new_mem(t)}), 0);
    return NATIVE_OK;
}

static int valueZero(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    a[0] = rv_box(t, new_mem(t), 0);
    return NATIVE_OK;
}

static int valueMakeSlice(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    int64_t gs = type_gosize(t->elem);
    if (gs && a[2].i > GO_MAX_ALLOC / gs)
        return panic_plain(f, "runtime: allocation size out of range");
    Slice *s = slice_new(t->elem, a[1].i, a[2].i);
    a[0] = rv_box(t, cell((Slot){.p = s}), 0);
    return NATIVE_OK;
}

static int valueMakeMap(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    int64_t hint = a[1].i < 0 ? 0 : a[1].i;   /* Go ignores a bad hint */
    a[0] = rv_box(t, cell((Slot){.p = map_new(t, hint)}), 0);
    return NATIVE_OK;
}

static int valueMakeChan(Fiber *f, Slot *a) {
    Type *t = a[0].p;
    int64_t gs = type_gosize(t->elem);
    if (gs && a[1].i > (GO_MAX_ALLOC - 96) / gs)   /* as the VM's make */
        return panic_plain(f, "makechan: size out of range");
    Chan *c = chan_new(t->elem, t->elem->size, a[1].i);
    a[0] = rv_box(t, cell((Slot){.p = c}), 0);
    return NATIVE_OK;
}

static int valueAppend(Fiber *f, Slot *a) {
    RV s = rv_arg(a[0]);
    const Slice *x = a[1].p;
    Type *et = s.t->elem;
    int64_t n = slice_len(x);
    Slot *vals = gc_alloc((size_t)(n * et->size + 1) * sizeof(Slot));
    for (int64_t i = 0; i < n; i++)
        store_conv(et, vals + i * et->size, rv_at(x->data + i * VALUE_SLOTS));
    Slice *r = slice_append(et, s.mem->p, vals, n);
    a[0] = rv_box(s.t, cell((Slot){.p = r}), 0);
    return NATIVE_OK;
}

static int valueClose(Fiber *f, Slot *a) {
    int st = chan_close(f->w, rv_arg(a[0]).mem->p);
    return st == CHAN_OK ? NATIVE_OK : panic_plain(f, chan_panic_msg(st));
}

/* ---- Select ---------------------------------------------------------------------------- */

/* A Select in progress (kept in reflect.go's selectState across a park). */
typedef struct SelState {
    SelectCase *cs;     /* sends first, then receives (chan_select) */
    int *orig;          /* cs[i]'s index in the caller's cases */
    Type **elem;        /* receives: the element type */
    int nsend, nrecv;
    int dflt;           /* index of the default case, -1 if none */
} SelState;

enum { SC_SLOTS = 1 + 2 * VALUE_SLOTS, SEL_SEND = 1, SEL_RECV = 2 };

static SelState *sel_build(const Slice *cases) {
    int n = (int)slice_len(cases);
    SelState *s = gc_alloc(sizeof *s);
    s->cs = gc_alloc((size_t)(n + 1) * sizeof(SelectCase));
    s->orig = gc_alloc((size_t)(n + 1) * sizeof(int));
    s->elem = gc_alloc((size_t)(n + 1) * sizeof(Type *));
    s->dflt = -1;
    for (int pass = SEL_SEND; pass <= SEL_RECV; pass++) {
        for (int i = 0; i < n; i++) {
            const Slot *c = cases->data + i * SC_SLOTS;
            if (c[0].i != pass) {
                if (c[0].i != SEL_SEND && c[0].i != SEL_RECV)
                    s->dflt = i;
                continue;
            }
            RV ch = rv_at(c + 1);
            int k = s->nsend + s->nrecv;
            s->orig[k] = i;
            s->cs[k].c = ch.t ? ch.mem->p : NULL;
            if (pass == SEL_SEND) {
                RV x = rv_at(c + 1 + VALUE_SLOTS);
                Slot *buf = ch.t ? new_mem(ch.t->elem) : NULL;
                if (buf)
                    store_conv(ch.t->elem, buf, x);
                s->cs[k].elem = buf;
                s->nsend++;
            } else {
                s->elem[k] = ch.t ? ch.t->elem : NULL;
                s->cs[k].elem = ch.t ? new_mem(ch.t->elem) : NULL;
                s->nrecv++;
            }
        }
    }
    return s;
}

/* doSelect(cases, state) (chosen, recv, recvOK). */
static int doSelect(Fiber *f, Slot *a) {
    Slot *state = a[1].p;
    SelState *s = state->p;
    int chosen = -1, st;
    bool ok = false;
    if (!s) {
        s = sel_build(a[0].p);
        state->p = s;
        st = chan_select(f->w, &f->sched, s->cs, s->nsend, s->nrecv,
                         s->dflt < 0, &chosen, &ok);
    } else {
        st = chan_select_resume(&f->sched, &chosen, &ok);
    }
    if (st == CHAN_PARKED)
        return NATIVE_PARK;   /* called again, with s, once woken */
    if (st != CHAN_OK)
        return panic_plain(f, chan_panic_msg(st));
    if (chosen < 0) {
        a[0].i = s->dflt;
        a[1] = rv_box(NULL, NULL, 0);
        a[2].i = 0;
        return NATIVE_OK;
    }
    a[0].i = s->orig[chosen];
    a[1] = chosen >= s->nsend ? rv_box(s->elem[chosen], s->cs[chosen].elem, 0)
                              : rv_box(NULL, NULL, 0);
    a[2].i = chosen >= s->nsend && ok;
    return NATIVE_OK;
}

/* ---- DeepEqual ------------------------------------------------------------------------- */

typedef struct Visit {
    const void *a, *b;
    Type *t;
} Visit;

typedef struct Visited {
    Visit *tab;         /* open addressing; a == NULL: empty */
    int64_t n, cap;     /* cap: a power of two */
} Visited;

static uint64_t visit_hash(const Visit *v) {
    uint64_t h = (uint64_t)(uintptr_t)v->a * 0x9E3779B97F4A7C15u;
    h ^= (uint64_t)(uintptr_t)v->b * 0xC2B2AE3D27D4EB4Fu;
    h ^= (uint64_t)(uintptr_t)v->t;
    return h ^ (h >> 29);
}

/* Adds v; returns whether it was there already. */
static bool visit(Visited *s, Visit v) {
    if (2 * (s->n + 1) > s->cap) {
        Visited g = {NULL, 0, s->cap ? 2 * s->cap : 64};
        g.tab = gc_alloc((size_t)g.cap * sizeof(Visit));
        for (int64_t i = 0; i < s->cap; i++)
            if (s->tab[i].a)
                visit(&g, s->tab[i]);
        *s = g;
    }
    for (uint64_t i = visit_hash(&v) & (uint64_t)(s->cap - 1);;
         i = (i + 1) & (uint64_t)(s->cap - 1)) {
        Visit *e = &s->tab[i];
        if (!e->a) {
            *e = v;
            s->n++;
            return false;
        }
        if (e->a == v.a && e->b == v.b && e->t == v.t)
            return true;
    }
}

/* The pairs still to compare: an explicit stack, so a list a million
 * nodes long costs heap, not C stack. The answer is the conjunction over
 * every pair reached, so the order they are compared in does not matter. */
typedef struct Pair {
    Type *t;
    const Slot *a, *b;
} Pair;

typedef struct Work {
    Pair *v;
    int64_t n, cap;
} Work;

static void push(Work *w, Type *t, const Slot *a, const Slot *b) {
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 64;
        w->v = gc_realloc(w->v, (size_t)w->cap * sizeof(Pair));
    }
    w->v[w->n++] = (Pair){t, a, b};
}

static void push_list(Work *w, Type *et, const Slot *a, const Slot *b,
                      int64_t n) {
    for (int64_t i = n - 1; i >= 0; i--)
        push(w, et, a + i * et->size, b + i * et->size);
}

static bool expand_map(Work *w, Type *t, Map *x, Map *y) {
    if (map_len(x) != map_len(y))
        return false;
    if (x == y)
        return true;
    MapIter it;
    Slot *k, *v;
    map_iter_init(x, &it, 0);
    while (map_iter_next(&it, &k, &v)) {
        Type *bad = NULL;
        Slot *u = map_get(y, k, &bad);
        if (!u)
            return false;
        push(w, t->elem, v, u);
    }
    return true;
}

/* One step of Go's deepValueEqual on pair p: false when p differs here,
 * else its components are pushed on w. Pointers, maps, slices and
 * interfaces met again (a cycle) are taken as equal. */
static bool expand(Work *w, Visited *seen, Pair p) {
    Type *t = p.t;
    const Slot *a = p.a, *b = p.b;
    switch (t->kind) {
    case K_POINTER: case K_MAP: case K_SLICE: case K_INTERFACE:
        if (a->p && b->p) {
            bool byaddr = t->kind == K_SLICE || t->kind == K_INTERFACE;
            const void *x = byaddr ? (const void *)a : a->p;
            const void *y = byaddr ? (const void *)b : b->p;
            if ((uintptr_t)x > (uintptr_t)y) {
                const void *tmp = x;
                x = y;
                y = tmp;
            }
            if (visit(seen, (Visit){x, y, t}))
                return true;
        }
        break;
    default:
        break;
    }
    switch (t->kind) {
    case K_ARRAY:
        push_list(w, t->elem, a, b, t->len);
        return true;
    case K_STRUCT:
        for (int i = t->nfields - 1; i >= 0; i--) {
            const Field *fd = &t->fields[i];
            push(w, fd->type, a + fd->offset, b + fd->offset);
        }
        return true;
    case K_SLICE: {
        const Slice *x = a->p, *y = b->p;
        if (!x != !y || slice_len(x) != slice_len(y))
            return false;
        if (x && x->data != y->data)
            push_list(w, t->elem, x->data, y->data, x->len);
        return true;
    }
    case K_INTERFACE: {
        Iface *x = a->p, *y = b->p;
        if (!x || !y)
            return x == y;
        if (x->type != y->type)
            return false;
        push(w, x->type, rt_iface_mem(x), rt_iface_mem(y));
        return true;
    }
    case K_POINTER:
        if (a->p != b->p) {
            if (!a->p || !b->p)
                return false;
            push(w, t->elem, a->p, b->p);
        }
        return true;
    case K_MAP:
        if (!a->p != !b->p)
            return false;
        return !a->p || expand_map(w, t, a->p, b->p);
    case K_FUNC:
        return !a->p && !b->p;
    default: { /* numbers, strings, bools, channels: == (never *bad) */
        Type *bad = NULL;
        return rt_equal(t, a, b, &bad);
    }
    }
}

static bool deep_equal(Type *t, const Slot *a, const Slot *b) {
    Visited seen = {NULL, 0, 0};
    Work w = {NULL, 0, 0};
    push(&w, t, a, b);
    while (w.n > 0)
        if (!expand(&w, &seen, w.v[--w.n]))
            return false;
    return true;
}

static int deepEqual(Fiber *f, Slot *a) {
    Iface *x = a[0].p, *y = a[1].p;
    if (!x || !y) {
        a[0].i = x == y;
        return NATIVE_OK;
    }
    a[0].i = x->type == y->type &&
             deep_equal(x->type, rt_iface_mem(x), rt_iface_mem(y));
    return NATIVE_OK;
}

/* ---- fmt's view (a reflect.Value operand prints its value) ------------------------- */

bool reflect_value_parts(Type *t, const Slot *mem, Type **vt, Slot **vmem,
                         bool *ro) {
    if (!t->name || strcmp(t->name, "Value") != 0 || !t->pkg ||
        strcmp(t->pkg, "reflect") != 0 || t->size != VALUE_SLOTS)
        return false;
    RV v = rv_at(mem);
    *vt = v.t;
    *vmem = (v.flag & F_METHOD) ? cell(load(v)) : v.mem;
    *ro = (v.flag & F_RO) != 0;
    return true;
}

#define N(name) {"reflect." #name, name}
const NativeEntry reflect_natives[] = {
    N(typeString), N(typeName), N(typePkgPath), N(typeKind), N(typeElem),
    N(typeKey), N(typeLen), N(typeNumField), N(typeField), N(typeNumIn),
    N(typeIn), N(typeNumOut), N(typeOut), N(typeVariadic), N(typeChanDir),
    N(typeComparable), N(typeSize), N(typeAlign), N(typeNumMethod),
    N(typeMethod), N(typeImplements), N(typeAssignable), N(typeConvertible),
    N(typePtrTo), N(typeSliceOf), N(typeMapOf), N(typeOf),
    N(valueOf), N(valueIface), N(valueInt), N(valueUint), N(valueFloat),
    N(valueComplex), N(valueStr), N(valueBool), N(valueLen), N(valueCap),
    N(valueIndex), N(valueField), N(valueElem), N(valueIsNil), N(valueIsZero),
    N(valueAddr), N(valueSlice), N(valueSet), N(valueSetInt),
    {"reflect.valueSetUint", valueSetInt}, N(valueSetFloat),
    N(valueSetComplex), N(valueSetString), N(valueSetBool), N(valueMapIndex),
    N(valueMapKeys), N(mapIterStart), N(mapIterNext), N(valueSetMapIndex), N(valueMethod), N(valueCall),
    N(valueNew), N(valueZero), N(valueMakeSlice), N(valueMakeMap),
    N(valueMakeChan), N(valueAppend), N(valueClose), N(doSelect),
    N(deepEqual), N(valueConvert), N(valuePointer), N(valueEqual),
    N(valueSetLen), N(valueClear), N(valueGrow),
    N(valueBytes), N(valueSetBytes), N(typeArrayOf), N(typeChanOf),
    N(typeFuncOf), N(typeStructOf), N(makeFunc),
    {NULL, NULL},
};
