/*
 * value.h — how csp values are laid out in memory. Owned by the runtime;
 * the compiler, the VM and every native agree on this page.
 *
 * THE SLOT MODEL
 *   Memory is made of 8-byte Slots. Every Go type has a size in slots
 *   (Type.size): 1 for every scalar and reference type, the sum of the field
 *   sizes for a struct (flattened: a struct field of struct type is inline),
 *   len*elem->size for an array. A value of type T *in memory* (a struct
 *   field, an array/slice element, a map entry, a heap cell, an interface
 *   payload box) occupies exactly T->size consecutive slots.
 *
 *   A *register* is one Slot. For a type whose kind is K_STRUCT, K_ARRAY,
 *   K_COMPLEX64 or K_COMPLEX128 ("boxed" kinds, see type_is_boxed; a
 *   complex is a 2-slot box {re, im}, runtime/complex.c says why) the
 *   register holds a pointer to a box
 *   of T->size slots that the register owns exclusively; assignment copies
 *   the contents (value semantics). Every other type fits in the register:
 *
 *     bool            i (0/1)
 *     intN/uintN      i / u, kept normalised: an int8 register always holds a
 *                     sign-extended value in -128..127, a uint8 0..255, etc.
 *     float64         f;  float32: f holding a value already rounded to float
 *     string          p -> Str (NULL means "")
 *     pointer         p -> Slot* (the first slot of the pointee; NULL = nil).
 *                     &x of a scalar local: x lives in a 1-slot heap cell.
 *                     &s of a struct: the struct's box itself.
 *     slice           p -> Slice (immutable header; NULL = nil slice)
 *     map             p -> Map   (NULL = nil map)
 *     chan            p -> Chan  (NULL = nil chan)
 *     func            p -> Closure (NULL = nil func)
 *     interface       p -> Iface (NULL = nil interface)
 *
 *   Zero value = all slots zero, for every type. So calloc'd memory is a
 *   valid zero value of any type, and a fresh box needs no initialisation.
 *
 * GC: everything is allocated through gc.h (Boehm-Demers-Weiser, conservative,
 * interior pointers on). Slots may hold pointers into the middle of objects.
 *
 * TORN READS: every heap object a register can point to is immutable after
 * publication except through slots (Str, Slice headers, Iface are never
 * modified once built), so a racy program can read a stale pointer but never
 * a half-built object.
 */
#ifndef CSP_VALUE_H
#define CSP_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Type Type;
typedef struct Proto Proto;

typedef union Slot {
    int64_t i;
    uint64_t u;
    double f;
    void *p;
} Slot;

/* Immutable string. data need not be NUL-terminated; may point into another
 * string's bytes (substrings share). len > 0 whenever a Str exists: the empty
 * string is always represented by NULL. */
typedef struct Str {
    int64_t len;
    const char *data;
} Str;

/* Immutable slice header. data points at element 0 (inside a backing array of
 * at least cap*elem->size slots). Every element occupies elem->size slots,
 * []byte included (one slot per byte: uniformity over density for now). */
typedef struct Slice {
    Slot *data;
    int64_t len;
    int64_t cap;
} Slice;

/* Interface value: dynamic type + payload. For a boxed dynamic type, val.p
 * points to a private immutable copy of the value (type->size slots). */
typedef struct Iface {
    Type *type;
    Slot val;
} Iface;

/* Function value. Captured variables are reached through up[]; each up[i]
 * holds a pointer to a heap cell (Slot*) or to a box for boxed types, so
 * closures share variables by reference as Go requires. */
typedef struct Closure {
    Proto *proto;
    int32_t nup;
    Slot up[];
} Closure;

typedef struct Map Map;   /* runtime/map.c */
typedef struct Chan Chan; /* runtime/chan.c (runtime issue) */

#endif
