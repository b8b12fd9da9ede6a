/*
 * sort.c — the two natives sort.Slice needs to treat any slice generically
 * (stub: stdlib/sort.go; Go's reflectlite.Swapper does this job in Go).
 * An element of a slice of T occupies T->size slots (value.h), so a swap
 * exchanges two slot ranges.
 */
#include <string.h>
#include "stdlib/lib.h"

/* reflect.Kind names for the panic message. */
static const char *kind_name(const Type *t) {
    static const char *const names[K_NKINDS] = {
        [K_BOOL] = "bool", [K_INT] = "int", [K_INT8] = "int8",
        [K_INT16] = "int16", [K_INT32] = "int32", [K_INT64] = "int64",
        [K_UINT] = "uint", [K_UINT8] = "uint8", [K_UINT16] = "uint16",
        [K_UINT32] = "uint32", [K_UINT64] = "uint64",
        [K_UINTPTR] = "uintptr", [K_FLOAT32] = "float32",
        [K_FLOAT64] = "float64", [K_STRING] = "string",
        [K_ARRAY] = "array", [K_STRUCT] = "struct", [K_POINTER] = "ptr",
        [K_FUNC] = "func", [K_INTERFACE] = "interface", [K_MAP] = "map",
        [K_CHAN] = "chan",
    };
    const char *n = t->kind < K_NKINDS ? names[t->kind] : NULL;
    return n ? n : "invalid";
}

/* The slice inside x, or a panic like reflect's for a non-slice. */
static int get_slice(Fiber *f, Iface *x, Slice **out) {
    if (x == NULL)
        return rt_panic_string(f, "reflect: call of Swapper on zero Value");
    if (x->type->kind != K_SLICE)
        return rt_panic_string(f, "reflect: call of Swapper on %s Value",
                               kind_name(x->type));
    *out = x->val.p;
    return NATIVE_OK;
}

static int n_sliceLen(Fiber *f, Slot *a) {
    Slice *s = NULL;
    if (get_slice(f, a[0].p, &s))
        return NATIVE_PANIC;
    a[0].i = slice_len(s);
    return NATIVE_OK;
}

static int n_sliceSwap(Fiber *f, Slot *a) {
    Iface *x = a[0].p;
    Slice *s = NULL;
    if (get_slice(f, x, &s))
        return NATIVE_PANIC;
    int64_t i = a[1].i, j = a[2].i, n = slice_len(s);
    if (i < 0 || j < 0 || i >= n || j >= n)
        return rt_panic_string(f, "reflect: slice index out of range");
    size_t size = x->type->elem->size;
    Slot *p = s->data + i * (int64_t)size, *q = s->data + j * (int64_t)size;
    for (size_t k = 0; k < size; k++) {
        Slot t = p[k];
        p[k] = q[k];
        q[k] = t;
    }
    return NATIVE_OK;
}

const NativeEntry sort_natives[] = {
    {"sort.sliceLen", n_sliceLen},
    {"sort.sliceSwap", n_sliceSwap},
    {NULL, NULL},
};
