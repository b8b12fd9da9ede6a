/*
 * sync_atomic.c — natives of package sync/atomic (stub:
 * stdlib/sync_atomic.go).
 *
 * A *int32 (or an atomic.Int32's receiver) is a pointer to one 64-bit Slot
 * whose value is kept normalised (value.h): sign-extended for int32,
 * zero-extended for uint32. Load, Store, Swap and CompareAndSwap work on
 * the whole slot (their operands are normalised already, so 64-bit
 * equality is 32-bit equality); And/Or of normalised values stay
 * normalised; Add on a 32-bit kind is a CAS loop that wraps the sum, so
 * the invariant holds even under races. Every operation is sequentially
 * consistent (__ATOMIC_SEQ_CST), like Go's.
 *
 * The package functions (AddInt32(addr, d)) and the methods
 * ((*Int32).Add(d)) share one native: a method's receiver is the pointer
 * to the struct's only slot, exactly where the function's addr is.
 *
 * Value holds an `any` (an immutable Iface*) in its slot and swaps the
 * pointer atomically; the panics are Go's.
 */
#include "runtime/vm.h"
#include "stdlib/lib.h"

#define SEQ __ATOMIC_SEQ_CST

static int64_t norm_i32(int64_t v) { return (int32_t)v; }
static int64_t norm_u32(int64_t v) { return (uint32_t)v; }
static int64_t norm_64(int64_t v) { return v; }

/* Adds with wrap-around in the kind's width; returns the new value. */
static int64_t add_norm(Slot *s, int64_t d, int64_t (*norm)(int64_t)) {
    int64_t old = __atomic_load_n(&s->i, SEQ);
    int64_t new;
    do
        new = norm((int64_t)((uint64_t)old + (uint64_t)d));
    while (!__atomic_compare_exchange_n(&s->i, &old, new, false, SEQ, SEQ));
    return new;
}

#define NIL_CHECK()          \
    do {                     \
        if (!a[0].p)         \
            return panic_nil(f); \
    } while (0)
#define ADDR ((Slot *)a[0].p)

/* Natives for one integer kind K with normaliser NORM. */
#define ATOMIC_KIND(K, NORM)                                                \
    static int n_Add##K(Fiber *f, Slot *a) {                                \
        NIL_CHECK();                                                        \
        a[0].i = add_norm(ADDR, a[1].i, NORM);                              \
        return NATIVE_OK;                                                   \
    }                                                                       \
    static int n_Load##K(Fiber *f, Slot *a) {                               \
        NIL_CHECK();                                                        \
        a[0].i = __atomic_load_n(&ADDR->i, SEQ);                            \
        return NATIVE_OK;                                                   \
    }                                                                       \
    static int n_Store##K(Fiber *f, Slot *a) {                              \
        NIL_CHECK();                                                        \
        __atomic_store_n(&ADDR->i, a[1].i, SEQ);                            \
        return NATIVE_OK;                                                   \
    }                                                                       \
    static int n_Swap##K(Fiber *f, Slot *a) {                               \
        NIL_CHECK();                                                        \
        a[0].i = __atomic_exchange_n(&ADDR->i, a[1].i, SEQ);                \
        return NATIVE_OK;                                                   \
    }                                                                       \
    static int n_CompareAndSwap##K(Fiber *f, Slot *a) {                     \
        NIL_CHECK();                                                        \
        int64_t old = a[1].i;                                               \
        a[0].i = __atomic_compare_exchange_n(&ADDR->i, &old, a[2].i, false, \
                                             SEQ, SEQ);                     \
        return NATIVE_OK;                                                   \
    }                                                                       \
    static int n_And##K(Fiber *f, Slot *a) {                                \
        NIL_CHECK();                                                        \
        a[0].i = __atomic_fetch_and(&ADDR->i, a[1].i, SEQ);                 \
        return NATIVE_OK;                                                   \
    }                                                                       \
    static int n_Or##K(Fiber *f, Slot *a) {                                 \
        NIL_CHECK();                                                        \
        a[0].i = __atomic_fetch_or(&ADDR->i, a[1].i, SEQ);                  \
        return NATIVE_OK;                                                   \
    }

ATOMIC_KIND(Int32, norm_i32)
ATOMIC_KIND(Int64, norm_64)
ATOMIC_KIND(Uint32, norm_u32)
ATOMIC_KIND(Uint64, norm_64)
ATOMIC_KIND(Uintptr, norm_64)

/* ---- Bool (one uint32 slot: 0 or 1) ----------------------------------------------- */

static int n_Bool_Load(Fiber *f, Slot *a) {
    NIL_CHECK();
    a[0].i = __atomic_load_n(&ADDR->i, SEQ) != 0;
    return NATIVE_OK;
}

static int n_Bool_Store(Fiber *f, Slot *a) {
    NIL_CHECK();
    __atomic_store_n(&ADDR->i, a[1].i != 0, SEQ);
    return NATIVE_OK;
}

static int n_Bool_Swap(Fiber *f, Slot *a) {
    NIL_CHECK();
    a[0].i = __atomic_exchange_n(&ADDR->i, (int64_t)(a[1].i != 0), SEQ) != 0;
    return NATIVE_OK;
}

static int n_Bool_CompareAndSwap(Fiber *f, Slot *a) {
    NIL_CHECK();
    int64_t old = a[1].i != 0;
    a[0].i = __atomic_compare_exchange_n(&ADDR->i, &old, (int64_t)(a[2].i != 0),
                                         false, SEQ, SEQ);
    return NATIVE_OK;
}

/* ---- Value ------------------------------------------------------------------------ */

static Iface *vload(Slot *s) { return __atomic_load_n((Iface **)&s->p, SEQ); }

static bool vcas(Slot *s, Iface *old, Iface *new) {
    return __atomic_compare_exchange_n((Iface **)&s->p, &old, new, false, SEQ,
                                       SEQ);
}

static int n_Value_Load(Fiber *f, Slot *a) {
    NIL_CHECK();
    a[0].p = vload(ADDR);
    return NATIVE_OK;
}

/* Store and Swap: the first value fixes the type. op: "store" or "swap". */
static int value_put(Fiber *f, Slot *a, const char *op, Iface **old) {
    Iface *nv = a[1].p;
    if (!nv)
        return rt_panic_string(f, "sync/atomic: %s of nil value into Value", op);
    for (;;) {
        Iface *cur = vload(ADDR);
        if (cur && cur->type != nv->type)
            return rt_panic_string(
                f, "sync/atomic: %s of inconsistently typed value into Value",
                op);
        if (vcas(ADDR, cur, nv)) {
            *old = cur;
            return NATIVE_OK;
        }
    }
}

static int n_Value_Store(Fiber *f, Slot *a) {
    NIL_CHECK();
    Iface *old = NULL;
    return value_put(f, a, "store", &old);
}

static int n_Value_Swap(Fiber *f, Slot *a) {
    NIL_CHECK();
    Iface *old = NULL;
    int st = value_put(f, a, "swap", &old);
    if (st == NATIVE_OK)
        a[0].p = old;
    return st;
}

static int n_Value_CompareAndSwap(Fiber *f, Slot *a) {
    NIL_CHECK();
    Iface *old = a[1].p, *nv = a[2].p;
    if (!nv)
        return rt_panic_string(
            f, "sync/atomic: compare and swap of nil value into Value");
    if (old && old->type != nv->type)
        return rt_panic_string(
            f, "sync/atomic: compare and swap of inconsistently typed values");
    for (;;) {
        Iface *cur = vload(ADDR);
        if (!cur) {
            if (old) {
                a[0].i = 0;
                return NATIVE_OK;
            }
        } else {
            if (cur->type != nv->type)
                return rt_panic_string(f, "sync/atomic: compare and swap of "
                                          "inconsistently typed value into Value");
            Type *bad = NULL;
            bool eq = rt_iface_equal(cur, old, &bad);
            if (bad)
                return rt_panic_runtime(f, "comparing uncomparable type %s",
                                        type_string(bad));
            if (!eq) {
                a[0].i = 0;
                return NATIVE_OK;
            }
        }
        if (vcas(ADDR, cur, nv)) {
            a[0].i = 1;
            return NATIVE_OK;
        }
    }
}

#define KIND_ENTRIES(K)                                        \
    {"atomic.Add" #K, n_Add##K},                               \
    {"atomic.Load" #K, n_Load##K},                             \
    {"atomic.Store" #K, n_Store##K},                           \
    {"atomic.Swap" #K, n_Swap##K},                             \
    {"atomic.CompareAndSwap" #K, n_CompareAndSwap##K},         \
    {"atomic.And" #K, n_And##K},                               \
    {"atomic.Or" #K, n_Or##K},                                 \
    {"atomic.(*" #K ").Add", n_Add##K},                        \
    {"atomic.(*" #K ").Load", n_Load##K},                      \
    {"atomic.(*" #K ").Store", n_Store##K},                    \
    {"atomic.(*" #K ").Swap", n_Swap##K},                      \
    {"atomic.(*" #K ").CompareAndSwap", n_CompareAndSwap##K},  \
    {"atomic.(*" #K ").And", n_And##K},                        \
    {"atomic.(*" #K ").Or", n_Or##K}

const NativeEntry sync_atomic_natives[] = {
    KIND_ENTRIES(Int32),
    KIND_ENTRIES(Int64),
    KIND_ENTRIES(Uint32),
    KIND_ENTRIES(Uint64),
    KIND_ENTRIES(Uintptr),
    {"atomic.(*Bool).Load", n_Bool_Load},
    {"atomic.(*Bool).Store", n_Bool_Store},
    {"atomic.(*Bool).Swap", n_Bool_Swap},
    {"atomic.(*Bool).CompareAndSwap", n_Bool_CompareAndSwap},
    {"atomic.(*Value).Load", n_Value_Load},
    {"atomic.(*Value).Store", n_Value_Store},
    {"atomic.(*Value).Swap", n_Value_Swap},
    {"atomic.(*Value).CompareAndSwap", n_Value_CompareAndSwap},
    {NULL, NULL},
};
