/*
 * universe.c — the universe scope: predeclared types, constants, nil and
 * the builtin functions. Built once (pthread_once) and read-only after, so
 * every package checked by any thread shares it.
 */
#include <pthread.h>

#include "../runtime/gc.h"
#include "check_int.h"

static Scope *universe;
static Object *iota_obj;
static pthread_once_t universe_once = PTHREAD_ONCE_INIT;

static Object *add(ObjKind k, const char *name, Type *t) {
    Object *o = gc_alloc(sizeof *o);
    o->kind = k;
    o->name = str_intern(name);
    o->type = t;
    o->used = true;
    chk_scope_add(universe, o);
    return o;
}

static void add_types(void) {
    static const struct { const char *name; Kind k; } basics[] = {
        {"bool", K_BOOL}, {"int", K_INT}, {"int8", K_INT8},
        {"int16", K_INT16}, {"int32", K_INT32}, {"int64", K_INT64},
        {"uint", K_UINT}, {"uint8", K_UINT8}, {"uint16", K_UINT16},
        {"uint32", K_UINT32}, {"uint64", K_UINT64}, {"uintptr", K_UINTPTR},
        {"float32", K_FLOAT32}, {"float64", K_FLOAT64}, {"string", K_STRING},
        {"complex64", K_COMPLEX64}, {"complex128", K_COMPLEX128},
        {"byte", K_UINT8}, {"rune", K_INT32},
    };
    for (size_t i = 0; i < sizeof basics / sizeof basics[0]; i++)
        add(OBJ_TYPE, basics[i].name, type_basic(basics[i].k));
    add(OBJ_TYPE, "error", type_error());
    add(OBJ_TYPE, "any", type_any());
    /* constraint only (check_generic.c reads it by name) */
    Type *cmp = type_new_named(NULL, "comparable");
    type_set_underlying(cmp, type_any());
    add(OBJ_TYPE, "comparable", cmp);
}

static void add_builtins(void) {
    static const struct { const char *name; Builtin b; } fns[] = {
        {"append", BI_APPEND}, {"cap", BI_CAP}, {"clear", BI_CLEAR},
        {"close", BI_CLOSE}, {"copy", BI_COPY}, {"delete", BI_DELETE},
        {"len", BI_LEN}, {"make", BI_MAKE}, {"max", BI_MAX}, {"min", BI_MIN},
        {"new", BI_NEW}, {"panic", BI_PANIC}, {"print", BI_PRINT},
        {"println", BI_PRINTLN}, {"recover", BI_RECOVER},
        {"complex", BI_COMPLEX}, {"real", BI_REAL}, {"imag", BI_IMAG},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        add(OBJ_BUILTIN, fns[i].name, NULL)->builtin = fns[i].b;
}

static void build(void) {
    universe = chk_scope_new(NULL);
    add_types();
    add_builtins();
    Object *t = add(OBJ_CONST, "true", type_basic(K_UNTYPED_BOOL));
    t->val = cv_make_bool(true);
    Object *f = add(OBJ_CONST, "false", type_basic(K_UNTYPED_BOOL));
    f->val = cv_make_bool(false);
    iota_obj = add(OBJ_CONST, "iota", type_basic(K_UNTYPED_INT));
    iota_obj->val = cv_make_int(0);
    add(OBJ_NIL, "nil", type_basic(K_UNTYPED_NIL));
}

/* Package unsafe: csp keeps values in its own slot layout, not Go's bytes,
 * so only the functions that describe Go's layout exist (Sizeof, Alignof,
 * Offsetof: constants from runtime/type.c's amd64 sizes, as gc gives).
 * Pointer and the pointer-arithmetic functions are known by name only, so
 * a program using them is told they are missing (package_member). */
static Package *unsafe_pkg;
static pthread_once_t unsafe_once = PTHREAD_ONCE_INIT;

static void build_unsafe(void) {
    static const struct { const char *name; Builtin b; } fns[] = {
        {"Sizeof", BI_SIZEOF}, {"Alignof", BI_ALIGNOF}, {"Offsetof", BI_OFFSETOF},
        {"Pointer", BI_NONE}, {"Add", BI_NONE}, {"Slice", BI_NONE},
        {"SliceData", BI_NONE}, {"String", BI_NONE}, {"StringData", BI_NONE},
    };
    Package *p = gc_alloc(sizeof *p);
    p->path = p->name = str_intern("unsafe");
    p->checked = true;
    p->scope = chk_scope_new(NULL);
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        Object *o = gc_alloc(sizeof *o);
        o->kind = fns[i].b ? OBJ_BUILTIN : OBJ_BAD;
        o->name = str_intern(fns[i].name);
        o->builtin = fns[i].b;
        o->used = true;
        chk_scope_add(p->scope, o);
    }
    unsafe_pkg = p;
}

Package *chk_unsafe(void) {
    pthread_once(&unsafe_once, build_unsafe);
    return unsafe_pkg;
}

Scope *chk_universe(void) {
    pthread_once(&universe_once, build);
    return universe;
}

Object *chk_universe_iota(void) {
    pthread_once(&universe_once, build);
    return iota_obj;
}
