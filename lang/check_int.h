/*
 * check_int.h — what the checker's files share: scopes, the Checker state,
 * per-function context, and the chk_ functions one file offers another.
 * Not for use outside lang/check*.c and lang/universe.c.
 *
 * STATE: one Checker per check_program call, passed explicitly (no globals
 * besides the universe scope, which is built once under pthread_once and
 * read-only afterwards).
 *
 * SCOPES: universe <- package <- file (imports) <- function <- blocks.
 * Names are interned (str_intern) so lookup compares pointers.
 */
#ifndef CSP_CHECK_INT_H
#define CSP_CHECK_INT_H

#include "check.h"
#include "constant.h"

/* ast.c's printer and helpers (declared here in case no header does). */
const char *ast_expr_string(const Expr *x);

/* A scope's objects in declaration order; past SCOPE_INDEX_MIN of them an
 * open-addressing index on the interned name pointer (package scopes of
 * generated code hold 100,000 constants: a linear scan made them quadratic). */
struct Scope {
    Scope *parent;
    Object **objs;
    int n, cap;
    Object **index;          /* NULL, or hcap slots (a power of two) */
    int hcap;
    bool is_func;            /* outermost scope of a function body */
    bool is_file;            /* file scope: holds imports */
};

/* A package-level declaration, resolved on demand (see check.c). */
typedef struct DeclInfo {
    Object **objs;           /* objects this spec declares */
    int nobjs;
    ValueSpec *vspec;        /* D_VAR / D_CONST */
    ValueSpec *vsrc;         /* D_CONST: the spec supplying type and values
                                (itself, or an earlier one when repeated) */
    TypeSpec *tspec;         /* D_TYPE */
    Decl *fdecl;             /* D_FUNC */
    Scope *file;             /* file scope the declaration was written in */
    int color;               /* 0 unresolved, 1 in progress, 2 done */
    bool shell;              /* D_TYPE, color 1: only its named Type exists
                                (referenced through a pointer while another
                                type was resolved); resolved after that one */
    int order;               /* declaration order within the package */
    Object **deps;           /* package-level vars/funcs referenced */
    int ndeps, capdeps;
} DeclInfo;

/* break/continue targets, innermost last. */
typedef struct BranchCtx {
    Stmt *stmt;              /* S_FOR, S_RANGE, S_SWITCH, S_TYPESWITCH, S_SELECT */
    const char *label;       /* interned label name when labeled, else NULL */
    bool loop;
    bool plain;              /* a labeled statement that is no break target */
} BranchCtx;

typedef struct FuncCtx {
    FuncInfo *info;
    struct FuncCtx *outer;
    Type *sig;
    int nclosures;           /* for Go's closure names: func1, func2 / 1, 2 */
    int nranges;             /* range-over-func bodies: main.f-range1, ... */
    bool is_closure;
    Object **locals;         /* local variables, for "declared and not used" */
    int nlocals, caplocals;
    Object **labels;         /* OBJ_LABEL objects of this function */
    int nlabels, caplabels;
    bool *label_used;
    BranchCtx *branches;
    int nbranches, capbranches;
    const char *pending_label;  /* label of the statement being entered */
    Stmt **ft_ok;               /* fallthrough statements in legal places */
    int nft_ok, capft_ok;
    Stmt **ft_final;            /* fallthrough in the final switch clause */
    int nft_final, capft_final;
    Stmt **ft_tswitch;          /* fallthrough ending a type switch clause */
    int nft_tswitch, capft_tswitch;
    bool has_goto;              /* a goto to a defined label: check_gotos runs */
    FuncInfo *rf_body;          /* innermost range-over-func body being checked:
                                   its locals belong to it (captures) */
} FuncCtx;

typedef struct PtrMapEntry { const void *key; void *val; } PtrMapEntry;
typedef struct PtrMap { PtrMapEntry *e; size_t cap, n; } PtrMap;

/* An array type made before its element's size was known, and the type
 * expression that made it (check_type.c's array_type). */
typedef struct LazyArray { Type *t; Expr *at; } LazyArray;

typedef struct Checker Checker;
struct Checker {
    Program *prog;
    Diag *diag;
    Package *pkg;            /* package being checked */
    Scope *universe;
    Scope *scope;            /* innermost scope */
    Scope *file;             /* current file scope */
    FuncCtx *fn;             /* NULL at package level */
    DeclInfo *decl;          /* package-level declaration being checked */
    PtrMap info;             /* Object* -> DeclInfo* (package level) */
    DeclInfo **decls;        /* this package's declarations, in order */
    int ndecls, capdecls;
    int64_t iota;            /* current iota, valid when in_const */
    bool in_const;
    int nglobal_closures;    /* closures in package-level initializers */
    Object **imports;        /* import objects of the package, for "unused" */
    int nimports, capimports;
    unsigned aliases;        /* TS_BYTE/TS_RUNE: how messages spell uint8/int32 */
    Type **tstack;           /* named types whose underlying type is being */
    Object **ostack;         /*   evaluated (cycle detection), and objects */
    int ntstack, captstack, capostack;
    DeclInfo **shells;       /* type decls declared as shells, to resolve */
    int nshells, capshells;  /*   once tstack is empty again */
    struct LazyArray *lazy;  /* arrays of a named type still being declared, */
    int nlazy, caplazy;      /*   made under a pointer, slice, map, chan or
                                func: sized once tstack is empty */
    PtrMap cycles_reported;
    Checker *importer;       /* checker of the package importing this one */
    int in_constraint;       /* > 0: constraint interfaces may be named
                                (type parameter lists, embedding) */
    Expr *generic_ok;        /* an operand about to be assigned to a typed
                                target: it may denote a generic function,
                                instantiated from the target's type */
    bool too_deep;           /* the C stack ran low (chk_too_deep): stop */
};

/* ---- check.c ---- */
void chk_error(Checker *C, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
Pos chk_start(const Expr *e);          /* leftmost position of e */
void *chk_grow(void *arr, int n, int *cap, size_t elem);
#define CHK_PUSH(arr, n, cap, v) \
    ((arr) = chk_grow((arr), (n), &(cap), sizeof *(arr)), (arr)[(n)++] = (v))
Scope *chk_scope_new(Scope *parent);
Object *chk_scope_find(Scope *s, const char *name);   /* this scope only */
void chk_scope_add(Scope *s, Object *obj);             /* no redeclaration check */
Object *chk_lookup(Checker *C, const char *name);     /* chain */
/* Declares obj in s; reports "x redeclared in this block" on a clash. */
bool chk_declare(Checker *C, Scope *s, Object *obj);
Object *chk_obj_new(Checker *C, ObjKind k, const char *name, Pos pos, Type *t);
void chk_resolve(Checker *C, Object *obj);            /* package-level lazy */
/* Declares the unresolved type obj as a named shell (see check.c); false
 * when it is not one to defer (then resolve it now). */
bool chk_declare_shell(Checker *C, Object *obj);
void chk_use_global(Checker *C, Object *obj);         /* record a dependency */
void *chk_map_get(PtrMap *m, const void *key);
void chk_map_put(PtrMap *m, const void *key, void *val);
const char *chk_ident(Expr *id);                      /* interned name */
/* A type declaration (package level or local); obj is already declared. */
void chk_type_spec(Checker *C, TypeSpec *ts, Object *obj);
void chk_named_underlying(Checker *C, Type *named, Object *obj, Expr *texpr);

/* ---- universe.c ---- */
Scope *chk_universe(void);
Object *chk_universe_iota(void);
/* The package unsafe (its Sizeof, Alignof, Offsetof). */
Package *chk_unsafe(void);

/* ---- check_type.c ---- */
Type *chk_invalid_type(void);     /* the type of erroneous operands */
bool chk_is_invalid(Type *t);     /* invalid, or built from an invalid type */
Type *chk_type(Checker *C, Expr *e);                   /* type expression */
Type *chk_type_full(Checker *C, Expr *e, bool need_complete);
/* Sizes the arrays whose element was still being declared (check_type.c's
 * array_type), once no type declaration is in progress. */
void chk_size_lazy_arrays(Checker *C);
Type *chk_signature(Checker *C, Expr *ftype, FuncInfo *info, FieldList *recv);
const char *chk_tstr(Checker *C, Type *t);             /* message spelling */
bool chk_identical(Type *a, Type *b);
bool chk_comparable(Type *t);
bool chk_has_nil(Type *t);
bool chk_is_named(Type *t);
Type *chk_default_type(Type *t);
/* Selection of a field or method by name (Go's LookupFieldOrMethod). */
typedef struct Selection {
    enum { LK_NONE, LK_FIELD, LK_METHOD, LK_IFACE, LK_AMBIG } kind;
    int *path;
    int npath;
    Field *field;            /* LK_FIELD */
    Method *method;          /* LK_METHOD (declared Method) / LK_IFACE */
    int iface_index;
    bool indirect;           /* a pointer was followed along the path */
    Type *recv_base;         /* type holding the method / field at the end
                                of the path (E or *E as embedded) */
} Selection;
void chk_lookup_field_or_method(Checker *C, Type *T, const char *name,
                                Selection *out);
/* The same, matching names case-insensitively (for "but does have ..."). */
void chk_lookup_fold(Checker *C, Type *T, const char *name, Selection *out);
/* types2's lookupError: why sel is not found in T ("type T has no field or
 * method x, but does have field X"); struct_lit words it for literals. */
const char *chk_lookup_error(Checker *C, Type *T, const char *sel, bool struct_lit);
/* Why V does not implement interface T: NULL if it does, else a cause like
 * "(missing method M)". */
const char *chk_missing_method(Checker *C, Type *V, Type *T);
/* Assignability; *cause gets an explanation or NULL. */
bool chk_assignable(Checker *C, Expr *x, Type *T, const char **cause);
bool chk_convertible(Checker *C, Type *V, Type *T);
const char *chk_func_string(Checker *C, const char *name, Type *sig);

/* ---- check_expr.c ---- */
void chk_expr(Checker *C, Expr *e);                    /* single value */
void chk_expr_multi(Checker *C, Expr *e);              /* tuple allowed */
void chk_expr_or_type(Checker *C, Expr *e);
void chk_raw_expr(Checker *C, Expr *e, Type *hint, bool allow_tuple);
/* Assignment of x to a location of type T in `context` ("assignment",
 * "variable declaration", "argument to f", ...); converts untyped x. */
bool chk_assign_to(Checker *C, Expr *x, Type *T, const char *context);
void chk_default(Checker *C, Expr *x);                 /* untyped -> default */
void chk_set_type(Checker *C, Expr *e, Type *t);       /* finalise untyped */
const char *chk_operand(Checker *C, Expr *e);          /* "x (variable of ...)" */
bool chk_convert_untyped(Checker *C, Expr *x, Type *target);
/* x op y with operands already checked (e prints the expression). */
void chk_binary_operands(Checker *C, Expr *e, Expr *x, Expr *y, TokKind op);
bool chk_comparison(Checker *C, Expr *e, Expr *x, Expr *y, TokKind op,
                    bool switch_case);
void chk_funclit_body(Checker *C, Expr *e);
void chk_invalid(Expr *e);
/* Whether the recursion must stop here: the C stack is low (cstack.h), or
 * was once in this package. The first time reports "exceeded max nesting
 * depth" at pos; later calls are silent (everything after it is invalid). */
bool chk_too_deep(Checker *C, Pos pos);
bool chk_is_blank(Expr *e);
/* Expression kind for statement contexts: 0 expression, 1 conversion,
 * 2 statement (calls, receives). */
int chk_expr_stmt_kind(Expr *call);
void chk_mark_used_expr(Checker *C, Expr *e);

/* ---- check_generic.c ---- */
typedef struct Generic Generic;
void gen_declare_func(Checker *C, Object *obj, Decl *decl, Scope *file);
bool gen_is_marker(Type *t);             /* an uninstantiated generic func */
Generic *gen_func_of(Expr *fun);
void gen_index(Checker *C, Expr *e);     /* f[A, B] */
void gen_value_error(Checker *C, Expr *e); /* f or f[A] not called */
/* Infers, instantiates, rewrites the callee; NULL after an error. */
Type *gen_call(Checker *C, Expr *call, Expr **xs, Type **ts, int n);
void gen_drain(Checker *C);              /* check pending instance bodies */
void gen_declare_type(Checker *C, Object *obj, TypeSpec *ts, Scope *file);
bool gen_add_method(Checker *C, Generic *g, Decl *decl, Scope *file, bool ptr);
bool gen_is_type_marker(Type *t);        /* a generic type's bare name */
const char *gen_type_string(Generic *g); /* "Stack[T any]" */
Type *gen_type_index(Checker *C, Expr *e); /* T[A, B] */
/* Instantiates the methods of type instances C's package requested. */
void gen_flush_methods(Checker *C);
/* Marks used the imports that generic declarations name (checked per
 * instance, they may not have been checked at all). */
void gen_mark_imports(Checker *C, Object **imports, int n);
/* Go's reason a type name may not be used outside a constraint, or NULL. */
const char *gen_constraint_only(Checker *C, Object *o);
/* x denotes a generic function (or a partial instantiation) assigned to
 * type T: instantiates it from T (Go 1.21's inference from assignment);
 * false after reporting an error. */
bool gen_assign(Checker *C, Expr *x, Type *T);
/* Whether the checked operand x (offsetof_base: the struct, or pointer to
 * it, of an Offsetof selector) has a type of variable size: written with a
 * type parameter of the instance being checked (unsafe.Sizeof & co. are
 * then not constant). */
bool gen_var_size(Expr *x, bool offsetof_base);
void gen_type_value_error(Checker *C, Expr *e); /* generic type, no [args] */

/* ---- check_call.c ---- */
void chk_call(Checker *C, Expr *e, bool allow_tuple);

/* ---- check_stmt.c ---- */
void chk_func_body(Checker *C, FuncInfo *info, Stmt *body, FuncCtx *outer,
                   bool is_closure, Pos end);
/* Const/var specs, shared by package-level and local declarations. */
void chk_const_spec(Checker *C, ValueSpec *vs, ValueSpec *src, Object **objs);
void chk_var_spec(Checker *C, ValueSpec *vs, Object **objs, const char *ctx);
void chk_block_stmts(Checker *C, Stmt **list, int n);
void chk_use_var(Checker *C, Object *obj);             /* marks captures */
void chk_add_local(Checker *C, Object *obj);

#endif
