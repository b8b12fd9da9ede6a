/*
 * compile_int.h — state shared by the compiler's files (not a public API):
 * compile.c (program, functions, method tables, thunks, emission helpers),
 * compile_expr.c (expressions), compile_call.c (calls, defer/go operands,
 * builtins), compile_lit.c (conversions, composite and function literals),
 * compile_stmt.c (statements).
 *
 * REGISTER ALLOCATION is a stack discipline, as in Lua: locals occupy
 * registers in declaration order ([0, nactive)), temporaries live above
 * ([nactive, freereg)) and are released at the end of each statement (and
 * inside expressions once an operand has been consumed). An expression is
 * compiled with cexpr(fs, e, dst): dst >= 0 asks for the value in that
 * register; dst < 0 lets the compiler return any register that holds it —
 * a local variable's own register when e is that variable — so `a + b`
 * becomes one ADD with no moves.
 *
 * BOXED VALUES (structs, arrays; see runtime/value.h): a register holds a
 * pointer to a box. cexpr may return an *alias* (the box of a variable, or
 * memory inside another object). Consumers that bind a value to a new
 * owner (variables, arguments, results, receivers) take an owned copy
 * unless the expression is fresh (composite literal, call result, map
 * read, type assertion); consumers that store into memory copy the slots.
 *
 * ESCAPING LOCALS: a scalar variable with Object.captured or addr_taken
 * lives in a 1-slot heap cell; its register holds the cell pointer.
 */
#ifndef CSP_COMPILE_INT_H
#define CSP_COMPILE_INT_H

#include "compile.h"

typedef struct JumpList {
    int *pcs;
    int n, cap;
} JumpList;

/* A statement that break/continue can target. */
typedef struct BreakCtx {
    struct BreakCtx *prev;
    Stmt *stmt;              /* the loop/switch/select statement */
    Stmt *label;             /* the S_LABELED around it, or NULL */
    bool is_loop;
    JumpList breaks;
    JumpList continues;
} BreakCtx;

typedef struct UpDesc {
    Object *obj;
    CapDesc cap;
} UpDesc;

typedef struct Comp Comp;

typedef struct FuncState {
    struct FuncState *parent;
    Comp *C;
    Proto *proto;
    FuncInfo *info;
    Package *pkg;
    Instr *code;
    int32_t *lines;
    int ncode, capcode;
    uint32_t *uidx;          /* Proto.uidx, as it grows (comp_note_unsigned) */
    int nuidx, capuidx;
    Slot *k;
    uint8_t *ktag;
    int nk, capk;
    int nactive, freereg, maxregs;
    UpDesc *ups;
    int nups, capups;
    BreakCtx *breaks;
    int line;                /* current source line */
    bool has_defer;
    Object **results;        /* result variables (named or ~rN) */
    int nresults;
    JumpList to_epilogue;    /* returns in has_defer functions */
    int nicache;
    struct GotoLabel *glabels;  /* labels that gotos target (compile_stmt.c) */
    int nglabels, capglabels;
    struct Hoisted *hoisted;    /* calls evaluated ahead (comp_hoist) */
    int nhoisted, caphoisted;
    struct RangeFunc *rf;       /* this function is a range-over-func loop
                                   body (compile_range.c), else NULL */
} FuncState;

/* A thunk or wrapper already generated (cache keys). */
typedef struct ThunkEntry {
    int kind;
    void *a, *b;
    const char *name;
    Proto *p;
} ThunkEntry;

struct Comp {
    bool too_deep;           /* the C stack ran low in cexpr (reported) */
    Program *prog;
    Diag *d;
    CProgram *cp;
    Proto **protos;
    int nprotos, capprotos;
    GlobalInfo *ginfo;
    int nglobals, capglobals;
    ThunkEntry *thunks;
    int nthunks, capthunks;
    Type **named;            /* named types whose rmethods are built */
    int nnamed, capnamed;
    Package *pkg;            /* package being compiled */
    bool is_main;            /* compiling the user's package */
    struct RangeFunc *rf_pending; /* for the loop body comp_function is
                                     about to compile (compile_range.c) */
};

/* In a REPL program every scalar global lives in a 1-slot box that G[i]
 * points to, as struct and array globals always do: the REPL can then hand
 * the next input's program the same boxes (repl.c), so goroutines of
 * earlier inputs and the new input's code share the variables. */
static inline bool comp_global_in_cell(const Comp *C, const Object *o) {
    return C->prog && C->prog->repl && !type_is_boxed(o->type);
}

/* ---- where a value can be stored (compile_expr.c) ------------------------ */
typedef enum LVKind {
    LV_BLANK, LV_REG, LV_CELL, LV_UP, LV_GLOBAL, LV_MEM, LV_SLICE, LV_MAP
} LVKind;

/* Records that the instructions from pc `from` to the last emitted one
 * check bounds with the unsigned 64-bit operands in mask (UIDX_*). */
void comp_note_unsigned(FuncState *fs, int from, unsigned mask);
/* UIDX_LO when e is a non-constant index of type uint, uint64 or uintptr
 * (shifted: UIDX_HI, UIDX_MAX by bit), else 0. */
unsigned comp_uidx(Expr *e, unsigned bit);

typedef struct LValue {
    LVKind kind;
    Type *type;              /* type of the stored value */
    int reg;                 /* REG/CELL: the register; MEM: pointer reg;
                                SLICE/MAP: the slice/map */
    int reg2;                /* SLICE: index; MAP: key */
    int off;                 /* MEM: slot offset; UP: upvalue; GLOBAL: index */
    Type *mtype;             /* MAP: the map type */
    unsigned uidx;           /* SLICE: UIDX_LO when the index is unsigned */
} LValue;

/* A location reached through embedded fields (walk_path). is_addr: R[reg].p
 * + off points at a value of type t; else R[reg] holds the value itself. */
typedef struct Loc {
    int reg, off;
    bool is_addr;
    Type *t;
} Loc;

/* ---- compile.c: emission and bookkeeping ---------------------------------- */
int emit(FuncState *fs, unsigned op, int64_t a, int64_t b, int64_t c);
int emit_raw(FuncState *fs, unsigned op, int64_t a, int64_t b, int64_t c);
bool comp_sched_points(FuncState *fs);
int emit_extra(FuncState *fs, int64_t a, int64_t b, int64_t c);
int emit_jump(FuncState *fs, unsigned op, unsigned a, unsigned b);
void patch_here(FuncState *fs, int pc);
void patch_to(FuncState *fs, int pc, int target);
void jl_add(JumpList *l, int pc);
void jl_patch_here(FuncState *fs, JumpList *l);
void jl_patch_to(FuncState *fs, JumpList *l, int target);
int here(FuncState *fs);
int alloc_reg(FuncState *fs);
int alloc_regs(FuncState *fs, int n);
void set_line(FuncState *fs, Pos pos);
int k_int(FuncState *fs, int64_t v);
int k_float(FuncState *fs, double v);
int k_str(FuncState *fs, const char *s, int64_t len);
int k_ptr(FuncState *fs, void *p, KTag tag);
/* k_ptr of a dynamic type t about to be stored in an interface (OP_IFACE):
 * also builds the method tables of an unnamed struct that embeds. */
int k_dyntype(FuncState *fs, Type *t);
void load_int(FuncState *fs, int dst, int64_t v);
void comp_error(FuncState *fs, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A feature not implemented yet: compile error in user code, a runtime
 * panic (OP_UNSUP) in library code so unused library functions compile. */
void comp_unsupported(FuncState *fs, Pos pos, const char *what);

Proto *proto_new(Comp *C, const char *name, const char *file, int line);
Proto *comp_function(Comp *C, FuncState *parent, FuncInfo *info,
                     Stmt *body, bool has_recv, Proto *into, Pos pos);
Proto *func_proto(Comp *C, Object *fn);
/* Thunks (bytecode adapters). */
Proto *thunk_method(Comp *C, Type *recv, int *path, int npath, Object *m);
Proto *thunk_bound(Comp *C, Object *m);
Proto *thunk_iface_bound(Comp *C, Type *iface, int index);
void comp_named_type(Comp *C, Type *t);

/* ---- small helpers shared by the expression files ------------------------ */

/* dst itself, or a fresh temporary when dst < 0 (any register). */
static inline int comp_target(FuncState *fs, int dst) {
    return dst >= 0 ? dst : alloc_reg(fs);
}
/* The value in R[r] delivered as cexpr delivers it: r itself when dst < 0
 * (or dst == r), else moved into R[dst]. */
static inline int comp_to_dst(FuncState *fs, int r, int dst) {
    if (dst < 0 || dst == r)
        return r;
    emit(fs, OP_MOVE, dst, r, 0);
    return dst;
}
/* Registers up to (not including) upto are used by an instruction that
 * reads or writes a run of them (a call frame, MKSLICE, APPEND). */
static inline void comp_reserve(FuncState *fs, int upto) {
    if (upto > fs->maxregs)
        fs->maxregs = upto;
}
/* Typed kinds only (untyped constants never reach these tests). */
static inline bool comp_is_signed_int(Type *t) {
    return t->kind >= K_INT && t->kind <= K_INT64;
}
static inline bool comp_is_int(Type *t) {
    return t->kind >= K_INT && t->kind <= K_UINTPTR;
}
static inline bool comp_is_float(Type *t) {
    return t->kind == K_FLOAT32 || t->kind == K_FLOAT64;
}
/* An integer narrower than a register: results are NORMalized. */
static inline bool comp_is_sized(Type *t) {
    return comp_is_int(t) && type_int_bits(t->kind) < 64;
}

/* ---- compile_expr.c ---------------------------------------------------------- */
/* Compiles e; the value ends in R[dst], or any register when dst < 0. */
int cexpr(FuncState *fs, Expr *e, int dst);
/* e converted to type `to` (interface boxing) and, when owned, an owned
 * copy for boxed types. */
int cvalue(FuncState *fs, Expr *e, Type *to, int dst, bool owned);
/* gc's evaluation order (compile_expr.c): evaluates the calls, receives
 * and other "copied" operands of list[0..n) into temporaries ahead of the
 * rest when a plain operand would otherwise be read before one of them
 * (lhs_first: operands evaluated before the list, e.g. a[i] = f()). */
void comp_hoist(FuncState *fs, Expr **list, int n, bool lhs_first);
/* The register comp_hoist evaluated e into, taken out of the table; -1
 * when e was not hoisted. */
int comp_hoisted_take(FuncState *fs, Expr *e);
/* The type constant e is loaded as: its own, or its default type when it
 * is untyped or typed as an interface. */
Type *comp_const_type(Expr *e);
/* Loads constant e as a value of type t into R[dst] (dst < 0: a temp). */
int comp_load_const(FuncState *fs, Expr *e, Type *t, int dst);
/* R[reg].p + off as one pointer register (reg itself when off is 0). */
int comp_loc_ptr(FuncState *fs, int reg, int off);
/* Jumps to jl when condition e evaluates to `when`; falls through else. */
void cjump(FuncState *fs, Expr *e, bool when, JumpList *jl);
/* The location e denotes (stable: its registers survive later code). */
void lv_compile(FuncState *fs, Expr *e, LValue *lv, bool stable);
/* Stores R[src] into lv (boxed types: the slots are copied). */
void lv_store(FuncState *fs, LValue *lv, int src);
/* Loads lv's value into R[dst] (dst < 0: any register). */
int lv_load(FuncState *fs, LValue *lv, int dst);
/* R[dst] = R[x] op R[y], or op with immediate y when y < 0 (ye the
 * constant operand); narrow results normalized. */
int cbinop(FuncState *fs, TokKind op, Type *t, int dst, int x, int y,
           Expr *ye);
/* R[d] = R[xr] op y, with an immediate form when y is a small constant. */
int carith(FuncState *fs, TokKind op, Type *t, int d, int xr, Expr *y);
/* Whether e always yields a new value (a literal, a call result, a map
 * read, ...), so a consumer need not copy it to own it. */
bool expr_is_fresh(Expr *e);
/* Whether local o lives in a heap cell (captured or address taken). */
bool var_in_cell(Object *o);
/* Whether captured local o is copied into closures (never reassigned). */
bool var_by_value(Object *o);
/* Declares local o in register r (value already there): cells, owned. */
void declare_local(FuncState *fs, Object *o, int r);
/* The upvalue index of o in fs, adding it (and its parents') if new. */
int find_upval(FuncState *fs, Object *o);
/* R[dst] = an owned copy of the box in R[src]. */
void emit_copy_box(FuncState *fs, int dst, int src, Type *t);
/* R[dst] = the zero value of t (a new box for boxed types). */
void emit_zero(FuncState *fs, int dst, Type *t);
/* Comma-ok forms: v, ok := m[k] / x.(T); results at dst, dst+1. */
void ccommaok(FuncState *fs, Expr *e, int dst);
/* Is op a comparison? */
bool is_compare_op(TokKind op);
/* Follows the embedded fields path[0..npath) from x into loc. */
void walk_path(FuncState *fs, Expr *x, int *path, int npath, Loc *loc,
               bool stable);
/* R[dst] = the address of lv. */
void addr_of(FuncState *fs, LValue *lv, int dst);
/* The operand word (EXTRA) of AADDR/SLICE on array type at. */
void emit_array_extra(FuncState *fs, unsigned a, Type *at);

/* ---- compile_call.c ---------------------------------------------------------- */
/* Compiles a call; results in consecutive registers from the returned base;
 * nwant results are kept allocated. */
int ccall(FuncState *fs, Expr *e, int nwant);
/* Prepares a deferred call: closure in base, args after; returns nargs. */
int cdefer_call(FuncState *fs, Expr *call, int *base);
/* The receiver of method selector sel (SEL_METHOD) into R[dst], as the
 * method takes it: a pointer, or an owned copy of the value. */
void comp_recv(FuncState *fs, Expr *sel, int dst);
/* The interface operand of sel (SEL_IFACE) into R[dst]; returns its type. */
Type *comp_iface_operand(FuncState *fs, Expr *sel, int dst);
/* Builtin call e into R[dst] (dst < 0: any register). */
int comp_builtin(FuncState *fs, Expr *e, int dst);

/* ---- compile_lit.c ----------------------------------------------------------- */
/* Converts the value in reg (of type from) to type to in place. */
void convert_reg(FuncState *fs, int reg, Type *from, Type *to);
/* Conversion call T(x) into R[dst] (dst < 0: any register). */
int comp_conv(FuncState *fs, Expr *e, int dst);
/* Composite literal e into R[dst] as a fresh value. */
int comp_composite(FuncState *fs, Expr *e, int dst);
/* &T{...} (or an elided &T in a nested literal): a pointer to a fresh
 * literal into R[dst]. */
int comp_composite_addr(FuncState *fs, Expr *e, int dst);
/* Function literal e: its closure into R[dst]. */
int comp_funclit(FuncState *fs, Expr *e, int dst);

/* ---- compile_stmt.c ---------------------------------------------------------- */
void cstmt(FuncState *fs, Stmt *s);
void cblock(FuncState *fs, Stmt **stmts, int n);
void emit_return_epilogue(FuncState *fs);
/* Values of rhs (n of them, or one tuple / comma-ok producing n) into
 * consecutive registers from freereg, converted to types[i], owned. */
int values_into_regs(FuncState *fs, Expr **rhs, int nrhs, Type **types, int n);
/* `for k, v = range x`: stores R[ksrc] and R[vsrc] (-1: none) into their
 * targets, converted to the targets' types, as an assignment statement
 * would (both targets' operands are evaluated before either store). */
void range_store(FuncState *fs, Stmt *s, int ksrc, int vsrc);

/* ---- compile_range.c: range over a function ----------------------------------- */
void comp_range_loop(FuncState *fs, Stmt *s, Stmt *label);
/* The body's first and last code (comp_function calls them when fs->rf). */
void comp_range_prologue(FuncState *fs);
void comp_range_epilogue(FuncState *fs);
/* In a body: break/continue not aimed at a statement of the body, or any
 * goto (false: its label is in the body, an ordinary jump). */
bool comp_range_branch(FuncState *fs, Stmt *s);
void comp_range_return(FuncState *fs, Stmt *s);
/* defer in a body: onto the enclosing function's frame. */
void comp_range_defer(FuncState *fs, int base, int nargs);

#endif
