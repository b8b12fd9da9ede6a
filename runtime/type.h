/*
 * type.h — Go types, shared by the type checker (which builds them) and the
 * runtime (which reads them to print, compare, hash, copy and dispatch).
 *
 * INVARIANTS
 *   - Types are interned: the constructors below return the same Type* for
 *     identical types, so Go type identity is pointer equality (t1 == t2).
 *     Named types are unique by construction (type_new_named).
 *   - t->kind is always the *underlying* kind. A named type has name != NULL
 *     and underlying pointing to the unnamed type it was declared with; an
 *     unnamed type has underlying == itself. After type_set_underlying the
 *     named type carries copies of the structural fields (elem, fields, ...)
 *     so runtime code can read them without following underlying.
 *   - size (in Slots, see value.h) is valid once the type is complete. It
 *     saturates at TYPE_SIZE_MAX: a type that large is one the checker has
 *     rejected ("larger than address space", type_gosize), so no size
 *     arithmetic on an accepted type overflows.
 *   - After compilation types are immutable, except rmethods which the
 *     compiler fills before the program starts.
 *
 * THREADING: the intern table is protected by a mutex (the REPL may compile
 *   while goroutines run); Type objects themselves are read-only once built.
 */
#ifndef CSP_TYPE_H
#define CSP_TYPE_H

#include "value.h"

typedef enum Kind {
    K_INVALID = 0,
    K_BOOL,
    K_INT, K_INT8, K_INT16, K_INT32, K_INT64,
    K_UINT, K_UINT8, K_UINT16, K_UINT32, K_UINT64, K_UINTPTR,
    K_FLOAT32, K_FLOAT64,
    K_COMPLEX64, K_COMPLEX128,   /* boxed: 2 slots, real then imaginary */
    K_STRING,
    K_ARRAY, K_SLICE, K_STRUCT, K_POINTER, K_FUNC, K_INTERFACE, K_MAP, K_CHAN,
    /* checker-only kinds */
    K_UNTYPED_BOOL, K_UNTYPED_INT, K_UNTYPED_RUNE, K_UNTYPED_FLOAT,
    K_UNTYPED_COMPLEX, K_UNTYPED_STRING, K_UNTYPED_NIL,
    K_TUPLE, /* multiple results of a call; elems in params/nparams */
    K_NKINDS
} Kind;

typedef enum ChanDir { CHAN_BOTH = 0, CHAN_SEND = 1, CHAN_RECV = 2 } ChanDir;

typedef struct Field {
    const char *name;  /* interned (see str_intern in type.c); embedded: type name */
    Type *type;
    int64_t offset;    /* in slots from the start of the struct */
    bool embedded;
    const char *pkg;   /* package of an unexported field name, else NULL */
    const char *tag;   /* the tag's value (interned), NULL when none or "";
                          part of the type's identity, read by encoding/json */
} Field;

/* A method of an interface (sig: K_FUNC without receiver) or a method
 * declared on a named type. */
typedef struct Method {
    const char *name;  /* interned */
    Type *sig;         /* K_FUNC type, receiver excluded */
    bool ptr_recv;     /* declared on *T */
    void *decl;        /* checker: the Object of the method (lang/ast.h) */
} Method;

/* Runtime method table entry, filled by the compiler for each type that has
 * methods (named T, *T, and types with promoted methods). fn takes the
 * receiver (in its register representation for this type) as the first
 * argument; thunks adapt value/pointer receivers and embedding. */
typedef struct RMethod {
    const char *name;  /* interned; the table is sorted by strcmp(name) */
    Proto *fn;
} RMethod;

struct Type {
    Kind kind;
    int64_t size;         /* slots; 0 for struct{} and [0]T; see INVARIANTS */
    const char *name;     /* named types only, e.g. "Point"; NULL otherwise */
    const char *pkg;      /* package name of a named type: "main", "time"... */
    Type *underlying;     /* self for unnamed types */

    Type *elem;           /* array, slice, pointer, map value, chan */
    Type *key;            /* map */
    int64_t len;          /* array */
    ChanDir dir;          /* chan */

    Field *fields;        /* struct */
    int nfields;

    Type **params;        /* func params, tuple elements */
    int nparams;
    Type **results;       /* func */
    int nresults;
    bool variadic;        /* func: last param is a slice ...T */

    Method *methods;      /* interface: all methods (embedded ones flattened),
                             sorted by name. named: declared methods, in
                             declaration order. */
    int nmethods;

    RMethod *rmethods;    /* runtime method set (compiler-filled), sorted by
                             strcmp(name); for T and for *T separately */
    int nrmethods;

    Type *ptr_to;         /* cache: interned *T */
    const char *str;      /* cache: type_string(t) */
    uint32_t hash;        /* structural hash used by the intern table */
    int64_t id;           /* unique integer, never reused in a process */
};

/* Predeclared types, indexed by Kind for basic kinds (bool..string and the
 * untyped kinds); byte == uint8 and rune == int32 are aliases. */
Type *type_basic(Kind k);
Type *type_error(void);          /* the predeclared `error` interface (named) */
Type *type_any(void);            /* interface{} */

/* Interning constructors. */
Type *type_pointer(Type *elem);
Type *type_slice(Type *elem);
Type *type_array(Type *elem, int64_t len);
/* Recomputes an array type's size from its element's: for an array made
 * while its element was a named type still being declared (the checker's
 * `type T *[10]T`, whose array needs no size until T is done). */
void type_array_relayout(Type *arr);
Type *type_map(Type *key, Type *val);
Type *type_chan(Type *elem, ChanDir dir);
Type *type_func(Type **params, int nparams, Type **results, int nresults,
                bool variadic);
Type *type_tuple(Type **elems, int n);
/* fields are copied; offsets are computed here. */
Type *type_struct(const Field *fields, int n);
/* methods are copied and sorted; embedded interfaces must already be
 * flattened by the caller. */
Type *type_interface(const Method *methods, int n);

/* Named types: create, then set underlying once known (recursive types). */
Type *type_new_named(const char *pkg, const char *name);
void type_set_underlying(Type *named, Type *under);
void type_add_method(Type *named, const Method *m);

const char *str_intern(const char *s);           /* stable, comparable by == */
const char *str_intern_n(const char *s, size_t n);

/* "[]int", "map[string]main.Point", "func(int) string", "*main.T" —
 * Go's %T spelling (qualified with the package name for named types). */
const char *type_string(Type *t);
/* The type checker's spelling for messages (Go's types2): named types of
 * package `pkg` unqualified, "struct{X int}", "interface{M()}", and the
 * empty interface as "any". aliases: TS_BYTE / TS_RUNE spell uint8 / int32
 * as byte / rune (interning cannot tell them apart; the checker decides
 * which spelling the program uses). Not cached; pkg may be NULL. */
enum { TS_BYTE = 1, TS_RUNE = 2 };
const char *type_string_rel(Type *t, const char *pkg, unsigned aliases);

/* Complex numbers are boxed like a struct { re, im float64 } (complex64:
 * both parts hold float32-rounded values): a complex needs 16 bytes, a
 * register has 8, and boxing reuses every path aggregates already have
 * (copies, fields, elements, map entries, interface payloads) where a
 * register pair would have touched every instruction that moves a value. */
static inline bool type_is_boxed(const Type *t) {
    return t->kind == K_STRUCT || t->kind == K_ARRAY ||
           t->kind == K_COMPLEX64 || t->kind == K_COMPLEX128;
}
static inline bool type_is_complex(const Type *t) {
    return t->kind == K_COMPLEX64 || t->kind == K_COMPLEX128 ||
           t->kind == K_UNTYPED_COMPLEX;
}
static inline bool type_is_integer(const Type *t) {
    return (t->kind >= K_INT && t->kind <= K_UINTPTR) ||
           t->kind == K_UNTYPED_INT || t->kind == K_UNTYPED_RUNE;
}
static inline bool type_is_unsigned(const Type *t) {
    return t->kind >= K_UINT && t->kind <= K_UINTPTR;
}
static inline bool type_is_float(const Type *t) {
    return t->kind == K_FLOAT32 || t->kind == K_FLOAT64 ||
           t->kind == K_UNTYPED_FLOAT;
}
static inline bool type_is_untyped(const Type *t) {
    return t->kind >= K_UNTYPED_BOOL && t->kind <= K_UNTYPED_NIL;
}
/* Go's limit on the size of a type on amd64 (cmd/compile's MaxWidth,
 * 1<<50 bytes): a larger type is "larger than address space". */
#define TYPE_GO_MAX_WIDTH (INT64_C(1) << 50)
/* Where Type.size saturates (slots); far above any accepted type's size. */
#define TYPE_SIZE_MAX (INT64_C(1) << 60)
/* The size in bytes Go gives t on amd64 (string 16, slice 24, interface
 * 16, struct fields aligned as gc lays them out), saturating at
 * TYPE_GO_MAX_WIDTH. The checker compares it with TYPE_GO_MAX_WIDTH; the
 * runtime uses it where Go's limits are in bytes (makeslice, makechan). */
int64_t type_gosize(const Type *t);
/* Go's alignment of t, and the byte offset of struct t's field i (amd64;
 * unsafe.Alignof and Offsetof, reflect's StructField.Offset); field ==
 * t->nfields: the end of the last field, before the trailing padding. */
int64_t type_goalign(const Type *t);
int64_t type_gooffset(const Type *t, int field);

/* Whether a value of t holds a pointer the collector must see (strings,
 * slices, maps, ... and aggregates of them); false for numbers and bools. */
bool type_has_pointers(const Type *t);

/* Bit width of a sized integer kind (int/uint/uintptr are 64). */
int type_int_bits(Kind k);

/* Runtime method lookup (binary search in rmethods). NULL if absent. */
Proto *type_find_method(const Type *t, const char *interned_name);

#endif
