/*
 * ast.h — the syntax tree, and the facts the type checker attaches to it.
 *
 * The parser (parse.c) builds nodes and fills the SYNTAX fields. The checker
 * (check.c) fills the CHECKER fields; the compiler (compile.c) reads both and
 * writes only the COMPILER scratch fields. Nodes are allocated from the GC
 * heap (gc.h) and never freed explicitly.
 *
 * CONTRACT between checker and compiler (what "checked" means):
 *   - Every expression that denotes a value has e->type set to a *typed* type:
 *     untyped constants are converted to the type their context gives them
 *     (or their default type), untyped nil gets the pointer/slice/map/chan/
 *     func/interface type it is assigned to. Only a constant that was never
 *     converted keeps its default type (int, float64, rune, string, bool).
 *   - e->mode says what the expression is (value, variable = addressable, type,
 *     package, builtin, no value).
 *   - Constant expressions have e->cv set (value already converted to e->type;
 *     the compiler loads it directly and ignores the sub-tree).
 *   - Implicit conversions to interface types are NOT rewritten into the tree:
 *     the compiler converts whenever a non-interface value is stored into an
 *     interface-typed location (assignment, argument, result, composite literal
 *     element, map key/value, send, return, comparison with an interface).
 *   - Identifiers have obj (the Object they denote); selectors have a SelKind;
 *     calls have a CallKind.
 */
#ifndef CSP_AST_H
#define CSP_AST_H

#include <stdio.h>

#include "../runtime/type.h"
#include "lex.h"

typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Decl Decl;
typedef struct Object Object;
typedef struct Scope Scope;
typedef struct Package Package;
typedef struct FuncInfo FuncInfo;
typedef struct TypeSpec TypeSpec;

/* A source position. file is the SrcFile the node came from. */
typedef struct Pos {
    const struct SrcFile *file;
    int32_t line, col;
} Pos;

/* ---- constants (exact arithmetic in the checker) ------------------------ */
typedef enum CvKind { CV_NONE = 0, CV_BOOL, CV_INT, CV_FLOAT, CV_STRING, CV_COMPLEX } CvKind;
/* An immutable 512-bit float (an MPFR number; constant.c owns it). */
typedef struct CvBig CvBig;
typedef struct ConstVal {
    CvKind kind;
    union {
        bool b;
        __int128 i;          /* CV_INT: integers and runes */
        const CvBig *f;      /* CV_FLOAT */
        struct { const char *s; int64_t len; } str;  /* CV_STRING */
        struct { const CvBig *re, *im; } c;           /* CV_COMPLEX */
    } u;
} ConstVal;

/* ---- objects: what an identifier denotes --------------------------------- */
typedef enum ObjKind {
    OBJ_BAD, OBJ_VAR, OBJ_CONST, OBJ_TYPE, OBJ_FUNC, OBJ_PKG, OBJ_BUILTIN,
    OBJ_NIL, OBJ_LABEL
} ObjKind;

typedef enum Builtin {
    BI_NONE, BI_APPEND, BI_CAP, BI_CLEAR, BI_CLOSE, BI_COPY, BI_DELETE, BI_LEN,
    BI_MAKE, BI_MAX, BI_MIN, BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN,
    BI_RECOVER, BI_COMPLEX, BI_REAL, BI_IMAG,
    BI_SIZEOF, BI_ALIGNOF, BI_OFFSETOF,   /* package unsafe's (universe.c) */
    BI_NBUILTINS
} Builtin;

struct Object {
    ObjKind kind;
    const char *name;        /* interned */
    Pos pos;
    Type *type;
    Package *pkg;            /* declaring package (NULL for universe) */

    /* OBJ_VAR */
    bool is_global;          /* package-level variable */
    bool is_param;           /* parameter or receiver */
    bool is_result;          /* named result */
    bool captured;           /* referenced by a closure nested in its function */
    bool addr_taken;         /* &x, x.PtrMethod(), x[:] on array, etc. */
    bool reassigned;         /* the variable itself is a target after its
                                declaration: =, op=, ++, --, a := that
                                redeclares it, range or select with = */
    bool used;               /* checker: for "declared and not used" */
    bool is_tparam;          /* OBJ_TYPE: a type parameter bound to its
                                argument in a generic instance */
    FuncInfo *owner;         /* function that declares it (NULL for globals) */
    /* OBJ_VAR of a function: where its type was written, so that
     * unsafe.Sizeof in a generic instance can tell a variable-size type
     * (check_generic.c, gen_var_size): a type expression, an initializer,
     * or the expression ranged over; NULL when none of these. */
    Expr *gsrc;
    enum { GS_TYPE, GS_INIT, GS_RANGE_KEY, GS_RANGE_VALUE } gsrc_kind;

    /* OBJ_CONST */
    ConstVal val;

    /* OBJ_FUNC: decl is the D_FUNC (NULL for natives declared without body
     * in stdlib stubs: those have decl->body == NULL). Methods are OBJ_FUNC
     * with recv set. */
    Decl *decl;
    Type *recv;              /* method receiver type (T or *T) */

    /* OBJ_TYPE: the spec that declared it (constraint type sets are read
     * from its syntax, check_generic.c); NULL for predeclared types. */
    struct TypeSpec *tspec;
    /* OBJ_FUNC / OBJ_TYPE with type parameters (check_generic.c), else
     * NULL. Such objects have no ordinary type: only instances do. */
    struct Generic *generic;

    /* OBJ_PKG */
    Package *imported;

    /* OBJ_BUILTIN */
    Builtin builtin;

    /* OBJ_LABEL */
    Stmt *label_stmt;

    /* COMPILER scratch */
    int reg;                 /* local: register; global: global slot index */
    int index;               /* function: proto index */
    void *comp;
};

/* Per-function facts the checker records (FuncDecl and FuncLit). */
struct FuncInfo {
    Type *sig;               /* K_FUNC type */
    Object *recv;            /* receiver variable (may be NULL or unnamed "_") */
    Object **params;         /* one per parameter, unnamed ones get "_" */
    int nparams;
    Object **results;        /* named results, or generated "~r0".. for unnamed */
    int nresults;
    bool named_results;
    FuncInfo *outer;         /* enclosing function (closures) */
    Object **captures;       /* variables of outer functions this one uses */
    int ncaptures;
    bool has_defer;
    bool has_recover;        /* calls recover() directly */
    /* Range-over-func (compile_range.c): rangefunc_body marks the FuncInfo
     * the checker makes for a loop body (it becomes the yield closure;
     * outer is the function or body it sits in); rf_return marks a function
     * with a return inside such a body (the body stores the results). */
    bool rangefunc_body;
    bool rf_return;
    const char *name;        /* "main.main", "main.(*T).M", "main.main.func1" */
    void *comp;              /* COMPILER scratch */
};

/* ---- expressions ---------------------------------------------------------- */
typedef enum ExprKind {
    E_BAD,
    E_IDENT,        /* name */
    E_INTLIT, E_FLOATLIT, E_IMAGLIT, E_CHARLIT, E_STRINGLIT, /* lit */
    E_COMPOSITE,    /* typ{elts} (typ may be NULL when elided) */
    E_FUNCLIT,      /* func(...) {...} */
    E_PAREN,        /* (x) */
    E_SELECTOR,     /* x.sel */
    E_INDEX,        /* x[index]; also generic instantiation -> error */
    E_SLICE,        /* x[lo:hi:max] */
    E_TYPEASSERT,   /* x.(type_) ; type_ NULL means x.(type) in a type switch */
    E_CALL,         /* fun(args) */
    E_STAR,         /* *x : dereference or pointer type */
    E_UNARY,        /* op x : + - ! ^ & <- */
    E_BINARY,       /* x op y */
    E_KEYVALUE,     /* key: value (in composite literals) */
    E_ELLIPSIS,     /* ...T in parameter lists, [...]T array length */
    E_TUPLEREF,     /* CHECKER: result index of a multi-value call spread
                       into a builtin's arguments (copy(f()), println(g())) */
    /* type expressions */
    E_ARRAYTYPE,    /* [len]elem ; len NULL => slice */
    E_STRUCTTYPE,
    E_FUNCTYPE,
    E_INTERFACETYPE,
    E_MAPTYPE,
    E_CHANTYPE,
} ExprKind;

typedef enum ExprMode {
    M_INVALID = 0, M_NOVALUE, M_VALUE, M_VAR /* addressable */, M_MAPINDEX,
    M_CONST, M_TYPE, M_PKG, M_BUILTIN, M_COMMAOK /* v, ok forms allowed */
} ExprMode;

typedef enum SelKind {
    SEL_NONE,
    SEL_PKG,         /* pkg.Name: obj is the member */
    SEL_FIELD,       /* x.f: path[] = field indices through embedded fields */
    SEL_METHOD,      /* x.m where m is a concrete method (call or value) */
    SEL_IFACE,       /* x.m where x is an interface: method index in methods[] */
    SEL_METHOD_EXPR, /* T.m or (*T).m: a function taking the receiver first */
} SelKind;

typedef enum CallKind {
    CALL_NONE, CALL_FUNC, CALL_METHOD, CALL_IFACE, CALL_CONV, CALL_BUILTIN
} CallKind;

/* A field/method field list entry (struct fields, params, results, methods). */
typedef struct FieldDecl {
    Expr **names;    /* may be 0 names (anonymous params, embedded fields) */
    int nnames;
    Expr *type;      /* for interface methods: an E_FUNCTYPE; embedded: name */
    const char *tag; /* struct tag (raw), or NULL */
    const char *tagval; /* struct tag's string value, or NULL when empty */
    Pos pos;
} FieldDecl;

typedef struct FieldList {
    FieldDecl *list;
    int n;
} FieldList;

struct Expr {
    ExprKind kind;
    Pos pos;
    /* CHECKER */
    Type *type;
    ExprMode mode;
    ConstVal cv;             /* cv.kind != CV_NONE for constants */
    bool prechecked;         /* CHECKER: checked already; the next check
                                keeps the result (and clears this) */

    union {
        struct { const char *name; Object *obj; bool is_def; } ident;
        /* raw literal text as written (the checker evaluates it); for
         * E_STRINGLIT/E_CHARLIT the lexer already decoded the value into
         * val/vlen (rune value in val[0..] as UTF-8 for chars) */
        struct { const char *text; const char *val; int64_t vlen; } lit;
        struct { Expr *type; Expr **elts; int nelts; Pos lbrace, rbrace; } composite;
        struct { Expr *type; Stmt *body; FuncInfo *info; } funclit;
        struct { Expr *x; } paren;
        struct {
            Expr *x; Expr *sel;          /* sel is an E_IDENT */
            SelKind kind;                /* CHECKER */
            int *path; int npath;        /* CHECKER: SEL_FIELD/SEL_METHOD:
                                            embedded field indices to walk
                                            (for SEL_FIELD the last one is the
                                            field itself) */
            Object *method;              /* CHECKER: SEL_METHOD/_EXPR target */
            int iface_index;             /* CHECKER: SEL_IFACE */
            bool recv_addr;              /* CHECKER: method wants *T, x is an
                                            addressable T: take &x */
            bool recv_deref;             /* CHECKER: method wants T, x is *T */
        } sel;
        /* x[index, more...]: more holds the type arguments after the
         * first of an instantiation (NULL/0 for a plain index). */
        struct { Expr *x; Expr *index; Pos rbrack; Expr **more; int nmore; } index;
        struct { Expr *x; Expr *lo, *hi, *max; bool three; } slice;
        struct { Expr *x; Expr *type; } assert;
        struct {
            Expr *fun; Expr **args; int nargs; bool has_ellipsis; Pos lparen, rparen;
            CallKind kind;               /* CHECKER */
            Builtin builtin;             /* CHECKER: CALL_BUILTIN */
            Expr *tuple;                 /* CHECKER: builtin(g()) with g
                                            multi-valued: g; args are then
                                            E_TUPLEREFs of its results */
            int64_t uval;                /* CHECKER: unsafe.Sizeof, Alignof,
                                            Offsetof not constant (variable
                                            size in an instance): the value */
        } call;
        /* reg: the result's register, set by the compiler when it has
         * evaluated call (before the builtin reads its arguments) */
        struct { Expr *call; int index; int reg; } tref;
        struct { Expr *x; } star;
        struct { TokKind op; Expr *x; } unary;
        struct { TokKind op; Expr *x, *y; } binary;
        struct { Expr *key, *value; } kv;
        struct { Expr *elt; } ellipsis;
        struct { Expr *len; Expr *elem; } arraytype;
        struct { FieldList fields; } structtype;
        struct { FieldList params, results; } functype;
        struct { FieldList methods; } ifacetype;  /* embedded: names empty */
        struct { Expr *key, *value; } maptype;
        struct { ChanDir dir; Expr *elem; } chantype;
    } u;
};

/* ---- statements ----------------------------------------------------------- */
typedef enum StmtKind {
    S_BAD, S_DECL, S_EMPTY, S_LABELED, S_EXPR, S_SEND, S_INCDEC, S_ASSIGN,
    S_GO, S_DEFER, S_RETURN, S_BRANCH, S_BLOCK, S_IF, S_SWITCH, S_TYPESWITCH,
    S_SELECT, S_FOR, S_RANGE, S_CASE, S_COMM
} StmtKind;

struct Stmt {
    StmtKind kind;
    Pos pos;
    union {
        struct { Decl *decl; } decl;
        struct { Expr *label; Stmt *stmt; Object *obj; } labeled;
        struct { Expr *x; } expr;
        struct { Expr *ch, *value; } send;
        struct { Expr *x; TokKind op; /* T_INC or T_DEC */ } incdec;
        /* op: T_ASSIGN (=), T_DEFINE (:=), or T_ADD_ASSIGN etc. */
        struct { Expr **lhs; int nlhs; TokKind op; Expr **rhs; int nrhs;
                 Pos op_pos; /* position of the operator (Go reports
                                "no new variables on left side of :=" there) */
        } assign;
        struct { Expr *call; } go_defer;  /* S_GO and S_DEFER */
        struct { Expr **results; int nresults; FuncInfo *func; /* CHECKER */ } ret;
        /* tok: T_BREAK, T_CONTINUE, T_GOTO, T_FALLTHROUGH; target CHECKER */
        struct { TokKind tok; Expr *label; Stmt *target; } branch;
        struct { Stmt **stmts; int n; Pos rbrace; } block;
        struct { Stmt *init; Expr *cond; Stmt *then; Stmt *els; } if_;
        /* S_SWITCH: tag may be NULL. body->u.block holds S_CASE clauses. */
        struct { Stmt *init; Expr *tag; Stmt *body; } switch_;
        /* S_TYPESWITCH: assign is `x := y.(type)` (S_ASSIGN with T_DEFINE) or
         * an S_EXPR of `y.(type)`. */
        struct { Stmt *init; Stmt *assign; Stmt *body; } typeswitch;
        struct { Stmt *body; /* S_COMM clauses */ } select;
        struct { Stmt *init; Expr *cond; Stmt *post; Stmt *body; } for_;
        /* S_RANGE: key/value may be NULL; define for :=. x is the operand. */
        struct {
            Expr *key, *value; bool define; Expr *x; Stmt *body;
            Object *key_obj, *value_obj; /* CHECKER (define only) */
            FuncInfo *rf;                /* CHECKER: range over a func */
        } range;
        /* S_CASE: list NULL/0 for default. In a type switch list holds type
         * expressions (E_IDENT "nil" allowed); obj is the clause's implicit
         * variable (CHECKER) when the switch declares one. */
        struct { Expr **list; int n; Stmt **body; int nbody; Object *obj;
                 bool fallthrough; } case_;
        /* S_COMM: comm is the S_SEND / S_EXPR(<-c) / S_ASSIGN(v[,ok] = <-c)
         * statement, NULL for default. */
        struct { Stmt *comm; Stmt **body; int nbody; } comm;
    } u;
};

/* ---- declarations --------------------------------------------------------- */
typedef enum DeclKind { D_BAD, D_IMPORT, D_CONST, D_VAR, D_TYPE, D_FUNC } DeclKind;

typedef struct ValueSpec {         /* one line of a var/const group */
    Expr **names; int nnames;
    Expr *type;                    /* may be NULL */
    Expr **values; int nvalues;    /* const: 0 means repeat the previous spec */
    int iota;                      /* const: index within the group */
    Object **objs;                 /* CHECKER: one per name */
    Pos pos;
} ValueSpec;

struct TypeSpec {
    Expr *name;                    /* E_IDENT */
    Expr *type;
    bool alias;                    /* type A = B */
    bool has_tparams;              /* generic type: tparams != NULL */
    FieldList *tparams;            /* type parameters, or NULL */
    Object *obj;                   /* CHECKER */
    Pos pos;
};

typedef struct ImportSpec {
    Expr *name;                    /* explicit local name, or NULL; "_"/"." too */
    const char *path;              /* decoded, e.g. "sync/atomic" */
    Object *obj;                   /* CHECKER */
    Pos pos;
} ImportSpec;

struct Decl {
    DeclKind kind;
    Pos pos;
    union {
        struct { ImportSpec *specs; int n; } import;
        struct { ValueSpec *specs; int n; } vars;     /* D_CONST and D_VAR */
        struct { TypeSpec *specs; int n; } types;
        struct {
            FieldList *recv;       /* NULL for plain functions */
            Expr *name;            /* E_IDENT */
            Expr *type;            /* E_FUNCTYPE */
            Stmt *body;            /* NULL: a native (stdlib stubs only) */
            bool has_tparams;      /* generic function: tparams != NULL */
            FieldList *tparams;    /* type parameters, or NULL */
            /* `//csp:extern LIB SYMBOL ...` in the comment lines just
             * above: the text after "//csp:extern", and where the
             * directive starts (errors point there). NULL: none. */
            const char *ext;
            Pos ext_pos;
            void *ffi;             /* CHECKER: the bound FfiFn (runtime/ffi.h) */
            Object *obj;           /* CHECKER */
            FuncInfo *info;        /* CHECKER */
        } func;
    } u;
};

/* One parsed file. */
typedef struct SrcFile {
    const char *path;              /* as given on the command line */
    const char *src;               /* whole text, NUL-terminated */
    size_t len;
    const char *pkgname;           /* "main" if the package clause is omitted */
    Decl **decls;
    int ndecls;
} SrcFile;

/* A package: the user's main package, or a standard-library package whose
 * source is compiled into the binary (stdlib/PATH/NAME.go, bodyless functions are
 * natives bound by "path.Name" or "path.Type.Method"). */
struct Package {
    const char *path;              /* "main", "fmt", "sync/atomic" */
    const char *name;              /* "main", "fmt", "atomic" */
    SrcFile **files;
    int nfiles;
    Scope *scope;                  /* CHECKER: package scope */
    ValueSpec **inits;             /* CHECKER: package-level var specs in
                                      initialization order (dependency
                                      order, as Go's spec defines it) */
    int ninits;
    Decl **init_funcs;             /* CHECKER: func init() decls, in order */
    int ninit_funcs;
    /* CHECKER: instances of this package's generic functions and methods
     * (cloned D_FUNC decls, checked) and generic types (named types), made
     * by any package that instantiates them; the compiler compiles them
     * with the package's own declarations (check_generic.c). */
    Decl **inst_decls;
    int ninst_decls, capinst_decls;
    Type **inst_types;
    int ninst_types, capinst_types;
    bool checked;
};

/* ---- constructors and helpers (ast.c, ast_dump.c) ------------------------ */
/* Zeroed nodes on the GC heap with kind and pos set. */
Expr *ast_expr(ExprKind kind, Pos pos);
Stmt *ast_stmt(StmtKind kind, Pos pos);
Decl *ast_decl(DeclKind kind, Pos pos);
/* An E_IDENT; name is copied to the GC heap (not interned). */
Expr *ast_ident(const char *name, Pos pos);
/* x with any enclosing E_PAREN removed. */
Expr *ast_unparen(Expr *x);
/* x printed as Go source the way cmd/compile's types2 prints expressions in
 * messages: `x.f[i]`, `f(a, b...)`, `a + b`, `&T{…}`, `func() {…}`,
 * `struct{a int; b string}`, `chan (<-chan int)`. GC heap string. */
const char *ast_expr_string(const Expr *x);
/* Debug dump of a file's tree (ast_dump.c), one node per line, indented. */
void ast_dump_file(const SrcFile *f, FILE *out);
void ast_dump_stmt(const Stmt *s, FILE *out);
void ast_dump_expr(const Expr *x, FILE *out);

#endif
