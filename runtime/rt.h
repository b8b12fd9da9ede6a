/*
 * rt.h — the runtime's API for natives (stdlib/PATH/NAME.c) and for the VM itself:
 * strings, maps, type-directed value operations, panics and calls back into
 * csp. Implemented by str.c, map.c, value.c (value library) and vm.c (panics,
 * calls).
 *
 * MEMORY REPRESENTATION vs REGISTER REPRESENTATION (see value.h): functions
 * here that take `const Slot *mem` want a pointer to t->size slots holding a
 * value of type t in memory layout. For a register `r` holding a value of type
 * t, rt_mem(t, &r) gives that pointer.
 */
#ifndef CSP_RT_H
#define CSP_RT_H

#include <stdarg.h>
#include "gc.h"
#include "type.h"
#include "value.h"

typedef struct Fiber Fiber;   /* runtime/vm.h */

/* ---- natives --------------------------------------------------------------
 * A native is a bodyless function declared in a stdlib stub (stdlib/PATH/NAME.go)
 * and bound by qualified name: "strings.Contains", "strings.(*Builder).Len"
 * (Go's spelling for methods). a[0..nparams) hold the arguments in register
 * representation (receiver first for methods; a variadic parameter arrives
 * as a Slice*). The native writes its results to a[0..nresults).
 * Returns NATIVE_OK, or NATIVE_PANIC after one of the rt_panic* calls.
 * NATIVE_PARK: the native blocked (it called sched_park, see sched.h): the
 * fiber parks and, once readied, calls the native again from the start
 * with the same arguments (it must keep its own progress, if any, in the
 * objects it works on). NATIVE_YIELD: the native completed (results
 * written) and the goroutine gives up its P (runtime.Gosched). */
enum { NATIVE_OK = 0, NATIVE_PANIC = 1, NATIVE_PARK = 2, NATIVE_YIELD = 3 };
typedef int (*NativeFn)(Fiber *f, Slot *a);
typedef struct NativeEntry {
    const char *name;
    NativeFn fn;
} NativeEntry;
/* stdlib/lib.c: finds a native by qualified name; NULL if there is none. */
NativeFn lib_find_native(const char *qualified_name);

/* An inline fast path of a native method without parameters or results
 * whose common case is one atomic operation on one slot of its receiver (a
 * pointer): sync.Mutex's uncontended Lock and Unlock, RWMutex's RLock and
 * RUnlock without a writer. Go inlines the same fast paths into callers;
 * here the VM runs them instead of calling the native (CALLNF, CALLNFU).
 *
 *   FAST_CAS: CAS receiver[slot] from x to y. Success: the call is done.
 *     Failure (nothing changed): the VM calls fn as usual. fn must behave,
 *     on a first call whose CAS would succeed, exactly as the CAS.
 *   FAST_ADD: r = (receiver[slot] += x). r >= y: the call is done. Else the
 *     add stays done and the VM calls `rest` with a[0] = the receiver and
 *     a[1].i = r: rest is fn's remainder after its own first step, which
 *     must be exactly that add (Go's `if atomic.Add(&x, d) < 0 { slow }`).
 *
 * Both atomics are seq_cst, as the natives' own. The VM skips the fast
 * path, calling fn, for a nil receiver (fn panics) and when the goroutine
 * is resuming a native wait (GSched.param != NULL): a native that parked
 * (fn or rest returned NATIVE_PARK) is called again from the start, and
 * must then find its wait record in param, never redo the fast path's
 * step. So fn and rest may park only with a record in param. */
typedef enum { FAST_CAS = 1, FAST_ADD = 2 } NativeFastKind;
typedef struct NativeFast {
    NativeFn fn;            /* the native this fast path belongs to */
    NativeFastKind kind;
    int slot;               /* the receiver's slot operated on */
    int64_t x, y;           /* CAS: old, new. ADD: delta, least fast result */
    NativeFn rest;          /* ADD: fn's remainder (see above) */
} NativeFast;
/* stdlib/lib.c: fn's inline fast path, or NULL if it has none. */
const NativeFast *lib_native_fast(NativeFn fn);

/* ---- panics (vm.c) -------------------------------------------------------- */
/* panic(v): v is an interface value (may be NULL for panic(nil)). */
int rt_panic(Fiber *f, Iface *v);
/* A runtime.Error: Error() returns "runtime error: " + formatted message,
 * e.g. rt_panic_runtime(f, "index out of range [%lld] with length %lld"). */
int rt_panic_runtime(Fiber *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* panic with a plain string value, e.g. "sync: negative WaitGroup counter". */
int rt_panic_string(Fiber *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Go's `fatal error: MSG` (unrecoverable): prints and exits 2. */
_Noreturn void rt_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* Go's `fatal error: runtime: out of memory` for a failed allocation of
 * n bytes: prints the running goroutine and _exits 2 whatever the caller
 * holds (gc.c, sched_alloc). */
_Noreturn void rt_out_of_memory(size_t n);
/* An error value (Iface of a runtime-internal *errorString type) whose
 * Error() returns msg. Used by natives that must return an `error`. */
Iface *rt_error_new(Str *msg);

/* ---- calls back into csp (vm.c) -------------------------------------------
 * Runs fn to completion on a nested interpreter loop (used by fmt for
 * String()/Error() methods). args in register representation; results
 * copied to res. Returns NATIVE_OK, or NATIVE_PANIC if the callee panicked
 * (the panic is then in progress on f and the native must return
 * NATIVE_PANIC). A callee that blocks parks the goroutine with its thread:
 * the thread hands its P to another M meanwhile (sched_park_nested). */
int vm_call(Fiber *f, Proto *fn, Slot *args, int nargs, Slot *res, int nres);
/* The same for a function value (a closure: its upvalues are used). A
 * native called through a closure finds it just below its arguments,
 * a[-1].p, as a CALL instruction leaves it (and vm_call_closure too). */
int vm_call_closure(Fiber *f, Closure *cl, Slot *args, int nargs, Slot *res,
                    int nres);
/* vm_call_closure for a native that is a transparent wrapper (reflect's
 * method values and MakeFunc functions), self its closure's Proto: when
 * self runs as a deferred call of a panic, recover() works in cl as if the
 * panic had called cl directly. */
int vm_call_wrapped(Fiber *f, Proto *self, Closure *cl, Slot *args, int nargs,
                    Slot *res, int nres);
/* After vm_call returned NATIVE_PANIC: stops that panic as recover() would
 * and returns its value (NULL for panic(nil)), so a native can report it
 * instead (fmt prints "%!v(PANIC=String method: ...)" as Go does). */
Iface *vm_take_panic(Fiber *f);

/* ---- strings (str.c) ------------------------------------------------------ */
static inline int64_t str_len(const Str *s) { return s ? s->len : 0; }
static inline const char *str_data(const Str *s) { return s ? s->data : ""; }
Str *str_new(const char *data, int64_t len);      /* copies; NULL when len 0 */
Str *str_from_cstr(const char *s);
Str *str_concat(const Str *a, const Str *b);
Str *str_substr(Str *s, int64_t lo, int64_t hi);  /* shares bytes; unchecked */
bool str_equal(const Str *a, const Str *b);
int str_compare(const Str *a, const Str *b);      /* <0, 0, >0 like memcmp */
char *str_cstr(const Str *s);                     /* NUL-terminated copy */
Str *str_from_rune(int32_t r);                    /* invalid -> U+FFFD */
Str *str_from_bytes(const Slice *b);              /* string([]byte) */
Slice *str_to_bytes(const Str *s);                /* []byte(s) */
Str *str_from_runes(const Slice *r);              /* string([]rune) */
Slice *str_to_runes(const Str *s);                /* []rune(s) */
/* UTF-8: decode one rune at p (n bytes available): returns the rune and sets
 * *size (1 and U+FFFD for invalid input, as Go's utf8.DecodeRune). */
int32_t utf8_decode(const char *p, int64_t n, int *size);
int utf8_encode(char buf[4], int32_t r);          /* returns byte count */

/* Growable byte buffer for natives that build text (fmt, strconv). */
typedef struct StrBuf {
    char *data;
    int64_t len, cap;
} StrBuf;
void sb_init(StrBuf *b);
void sb_putc(StrBuf *b, char c);
void sb_write(StrBuf *b, const char *p, int64_t n);
void sb_puts(StrBuf *b, const char *s);
void sb_printf(StrBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
Str *sb_str(StrBuf *b);                            /* copies out */

/* ---- slices (value.c) ------------------------------------------------------ */
static inline int64_t slice_len(const Slice *s) { return s ? s->len : 0; }
Slice *slice_new(Type *elem, int64_t len, int64_t cap);

/* complex.c: complex values are 2-slot boxes {re, im} (a NULL box is 0). */
Slot *cplx_new(double re, double im);
void cplx_get(const Slot *box, double *re, double *im);
Slot *cplx_mul(const Slot *x, const Slot *y);
Slot *cplx_div(const Slot *x, const Slot *y);   /* Go's complex128div */
/* Go's append growth (runtime.growslice of Go 1.19+: double below 256, then
 * ~1.25x, rounded up to malloc size classes, so len/cap print as in Go). */
Slice *slice_append(Type *elem, Slice *s, const Slot *vals, int64_t n);
int64_t slice_grow_cap(int64_t oldcap, int64_t needed, int64_t elem_bytes);

/* ---- type-directed value operations (value.c) ------------------------------ */
static inline Slot *rt_mem(const Type *t, Slot *reg) {
    return type_is_boxed(t) ? (Slot *)reg->p : reg;
}
/* Register value of type t from memory: scalars are loaded, boxed values are
 * copied into a fresh box. */
Slot rt_load(Type *t, const Slot *mem);
/* Store register value r of type t into memory (copies boxed values). */
void rt_store(Type *t, Slot *mem, Slot r);
/* Boxes a register value into an interface (copies boxed values; an
 * interface value is returned unchanged — converting interface to interface
 * keeps the dynamic type). */
Iface *rt_iface(Type *t, Slot r);
/* The dynamic value of the non-nil interface x, in memory representation
 * (zeroed memory for a boxed payload that was never set: rt_iface never
 * makes one, but a torn or foreign Iface must not send a reader to NULL). */
const Slot *rt_iface_mem(Iface *x);
/* Whether == is defined on values of t (Go's comparable; an interface
 * type is, its dynamic values are checked by rt_equal). */
bool rt_comparable(const Type *t);
/* Equality by type. Sets *bad to the offending dynamic type when comparing
 * interfaces whose dynamic type is not comparable (the caller panics with
 * "runtime error: comparing uncomparable type T"). */
bool rt_equal(Type *t, const Slot *a, const Slot *b, Type **bad);
bool rt_iface_equal(const Iface *a, const Iface *b, Type **bad);
/* Hash by type (maps). *bad as above ("hash of unhashable type T"). */
uint64_t rt_hash(Type *t, const Slot *mem, uint64_t seed, Type **bad);

/* ---- maps (map.c) ---------------------------------------------------------
 * Keys and values are in memory representation (t->key->size and
 * t->elem->size slots). Iteration order is randomised per range loop, like
 * Go; entries deleted during iteration and not yet reached are not produced,
 * entries added may or may not be. */
Map *map_new(Type *maptype, int64_t hint);
int64_t map_len(const Map *m);
/* Pointer to the value slots, or NULL if absent. */
Slot *map_get(Map *m, const Slot *key, Type **bad);
/* Find or insert (a new entry's value is zero); pointer to its value slots. */
Slot *map_set(Map *m, const Slot *key, Type **bad);
void map_delete(Map *m, const Slot *key, Type **bad);
void map_clear(Map *m);
Type *map_type(const Map *m);

typedef struct MapIter {
    Map *m;
    void *state[6];   /* private to map.c */
} MapIter;
void map_iter_init(Map *m, MapIter *it, uint64_t random);
/* Next entry; false at the end. key/val point into the map's storage. */
bool map_iter_next(MapIter *it, Slot **key, Slot **val);

/* ---- randomness ----------------------------------------------------------- */
uint64_t rt_rand64(void);   /* fast thread-local PRNG (map order, select) */
void rt_rand_seed(uint64_t seed); /* this thread's generator (sim.c) */

#endif
