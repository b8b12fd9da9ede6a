/*
 * compile_range.c — range over a function (Go 1.23): `for k, v := range f`
 * where f is func(yield func(K, V) bool) (or fewer yield parameters).
 *
 * The loop body becomes a closure, the yield function, and the loop is the
 * call f(body). This follows the state machine of Go's rewrite
 * (cmd/compile/internal/rangefunc/rewrite.go), done here while emitting
 * bytecode instead of as a syntax rewrite:
 *
 *   #state: one cell per loop, in the function holding the loop statement,
 *     RF_READY before the call; the body checks it is READY on entry (else
 *     the iterator misbehaved: RFPANIC with the state, Go's texts) and sets
 *     RF_PANIC while it runs; it leaves with READY + `return true` (next
 *     iteration, `continue`) or DONE + `return false` (any exit). After f
 *     returns: still PANIC means the iterator recovered the body's panic
 *     (RFPANIC MISSING_PANIC); then EXHAUSTED, so a saved yield called later
 *     panics too.
 *   #next: one cell per nest of loops (a "group": the outermost loop and
 *     every loop in its bodies), in the function that holds the outermost
 *     loop. A body leaving for a target outside itself (return, labeled
 *     break/continue of an outer statement, goto) sets #next to a code, -1
 *     for return and a fresh positive one per branch statement, and returns
 *     false. After f returns, the code after the call compares #next with
 *     each code its body produced and performs the statement there (#next
 *     reset first): the same branch statement compiled again one function
 *     further out, which either jumps (its target is here) or leaves this
 *     body in turn. A return stores the results into the enclosing
 *     function's result variables (cells) first; the function then returns
 *     them (bind_results makes them variables when FuncInfo.rf_return).
 *   #defers: a defer in a body belongs to the enclosing function. At the
 *     start of a group whose bodies defer, FRAMETOK defers a holder on the
 *     function's own frame; the body's defer is DEFERAT onto the holder
 *     (runtime/vm.h, Defer), even from another goroutine, and the holder's
 *     calls run when the function's defers reach it, as Go's deferrangefunc.
 *
 * Iteration variables of the := form are the body's parameters, so each
 * iteration has fresh ones (Go 1.22 semantics); the = form assigns hidden
 * parameters to the targets at the top of the body. Which variables the
 * body captures is decided by the checker (the body is a FuncInfo with
 * rangefunc_body set: check_stmt.c).
 */
#include <string.h>

#include "compile_int.h"

/* Go's abi.RF_State values (RFPANIC's table in runtime/vm.c follows them). */
enum { RF_DONE, RF_READY, RF_PANIC, RF_EXHAUSTED, RF_MISSING_PANIC };

enum { CODE_RETURN = -1 };

/* A way out of a body that the code after the iterator call performs. */
typedef struct RfExit {
    int code;                /* #next value */
    Stmt *s;                 /* the S_RETURN / S_BRANCH */
} RfExit;

typedef struct RfGroup {
    Object *next;            /* #next */
    Object *defers;          /* #defers (a holder), NULL if no body defers */
    int ncodes;              /* branch codes handed out */
} RfGroup;

typedef struct RangeFunc {
    RfGroup *g;
    Stmt *loop, *label;      /* the S_RANGE and its S_LABELED (or NULL) */
    Object *state;           /* #state */
    Object *params[2];       /* = form: the hidden parameters */
    RfExit *exits;           /* codes this body (or bodies in it) set */
    int nexits, capexits;
} RangeFunc;

static Object *hidden_var(const char *name, Type *t) {
    Object *o = gc_alloc(sizeof *o);
    o->kind = OBJ_VAR;
    o->name = name;
    o->type = t;
    o->captured = true;      /* bodies reach it: a cell */
    o->reassigned = true;
    return o;
}

/* Declares hidden variable o, initialised from R[r] (fs->freereg - 1). */
static void declare_hidden(FuncState *fs, Object *o, int r) {
    declare_local(fs, o, r);
    fs->nactive = fs->freereg;
}

static void var_get(FuncState *fs, Object *o, int dst) {
    if (o->comp == fs)
        emit(fs, OP_CELLGET, dst, o->reg, 0);
    else
        emit(fs, OP_GETUP, dst, find_upval(fs, o), 0);
}

static void var_set(FuncState *fs, Object *o, int src) {
    if (o->comp == fs)
        emit(fs, OP_CELLSET, o->reg, src, 0);
    else
        emit(fs, OP_SETUP, src, find_upval(fs, o), 0);
}

static void var_seti(FuncState *fs, Object *o, int64_t v) {
    int save = fs->freereg;
    int r = alloc_reg(fs);
    load_int(fs, r, v);
    var_set(fs, o, r);
    fs->freereg = save;
}

/* #state = st; return ok (from the body). */
static void body_exit(FuncState *fs, int st, bool ok) {
    int save = fs->freereg;
    int r = alloc_reg(fs);
    load_int(fs, r, st);
    var_set(fs, fs->rf->state, r);
    load_int(fs, r, ok);
    emit(fs, OP_RET, r, 1, 0);
    fs->freereg = save;
}

/* Leaves the body for statement s outside it: #next = code (a new one
 * for a branch), recorded for the code after the iterator call. */
static void exit_outward(FuncState *fs, Stmt *s, int code) {
    RangeFunc *rf = fs->rf;
    bool known = false;
    for (int i = 0; i < rf->nexits && code == CODE_RETURN; i++)
        known |= rf->exits[i].code == CODE_RETURN;
    if (code != CODE_RETURN)
        code = ++rf->g->ncodes;
    if (!known) {
        if (rf->nexits == rf->capexits) {
            rf->capexits = rf->capexits ? 2 * rf->capexits : 4;
            rf->exits = gc_realloc(rf->exits, rf->capexits * sizeof *rf->exits);
        }
        rf->exits[rf->nexits++] = (RfExit){code, s};
    }
    var_seti(fs, rf->g->next, code);
    body_exit(fs, RF_DONE, false);
}

/* ---- statements inside a body ------------------------------------------------------ */

/* What contains() looks for: one statement, any defer, or any statement
 * that may leave a body for outside it (return, goto, labeled break or
 * continue). */
typedef enum { FIND_STMT, FIND_DEFER, FIND_EXIT } Find;

static bool contains(Stmt *s, Find what, Stmt *target);

static bool contains_list(Stmt **l, int n, Find what, Stmt *target) {
    for (int i = 0; i < n; i++)
        if (contains(l[i], what, target))
            return true;
    return false;
}

static bool is_found(Stmt *s, Find what, Stmt *target) {
    switch (what) {
    case FIND_STMT: return s == target;
    case FIND_DEFER: return s->kind == S_DEFER;
    default:
        return s->kind == S_RETURN ||
               (s->kind == S_BRANCH && (s->u.branch.label || s->u.branch.tok == T_GOTO));
    }
}

/* Whether statement s is or holds what is looked for. Only statements are
 * walked: function literals have their own frames. */
static bool contains(Stmt *s, Find what, Stmt *target) {
    if (!s)
        return false;
    if (is_found(s, what, target))
        return true;
    switch (s->kind) {
    case S_LABELED: return contains(s->u.labeled.stmt, what, target);
    case S_BLOCK: return contains_list(s->u.block.stmts, s->u.block.n, what, target);
    case S_IF:
        return contains(s->u.if_.then, what, target) || contains(s->u.if_.els, what, target);
    case S_FOR: return contains(s->u.for_.body, what, target);
    case S_RANGE: return contains(s->u.range.body, what, target);
    case S_SWITCH: return contains(s->u.switch_.body, what, target);
    case S_TYPESWITCH: return contains(s->u.typeswitch.body, what, target);
    case S_SELECT: return contains(s->u.select.body, what, target);
    case S_CASE: return contains_list(s->u.case_.body, s->u.case_.nbody, what, target);
    case S_COMM: return contains_list(s->u.comm.body, s->u.comm.nbody, what, target);
    default: return false;
    }
}

bool comp_range_branch(FuncState *fs, Stmt *s) {
    RangeFunc *rf = fs->rf;
    Stmt *target = s->u.branch.target;
    if (s->u.branch.tok == T_GOTO) {
        if (contains(rf->loop->u.range.body, FIND_STMT, target))
            return false;
        exit_outward(fs, s, 0);
        return true;
    }
    /* no statement of the body matched (cbranch): this loop, or outside */
    if (!s->u.branch.label || target == rf->loop || (target && target == rf->label)) {
        if (s->u.branch.tok == T_BREAK)
            body_exit(fs, RF_DONE, false);
        else
            body_exit(fs, RF_READY, true);
        return true;
    }
    exit_outward(fs, s, 0);
    return true;
}

static FuncState *enclosing_func(FuncState *fs) {
    while (fs->rf)
        fs = fs->parent;
    return fs;
}

void comp_range_return(FuncState *fs, Stmt *s) {
    FuncState *top = enclosing_func(fs);
    Type *sig = top->info->sig;
    int n = s->u.ret.nresults, nres = sig ? sig->nresults : 0;
    if (n > 0) {
        comp_hoist(fs, s->u.ret.results, n, false);
        int base = values_into_regs(fs, s->u.ret.results, n, sig->results, nres);
        for (int i = 0; i < nres; i++) {
            Object *o = top->results[i];
            Expr id = {.kind = E_IDENT, .pos = s->pos, .mode = M_VAR, .type = o->type};
            id.u.ident.name = o->name;
            id.u.ident.obj = o;
            LValue lv;
            lv_compile(fs, &id, &lv, false);
            lv_store(fs, &lv, base + i);
        }
    }
    exit_outward(fs, s, CODE_RETURN);
}

void comp_range_defer(FuncState *fs, int base, int nargs) {
    int t = alloc_reg(fs);
    var_get(fs, fs->rf->g->defers, t);
    emit(fs, OP_DEFERAT, base, nargs, t);
}

/* ---- the body function ----------------------------------------------------------------- */

static Object *param_obj(const char *name, Type *t) {
    Object *o = gc_alloc(sizeof *o);
    o->kind = OBJ_VAR;
    o->name = name;
    o->type = t;
    o->is_param = true;
    return o;
}

/* The yield function's FuncInfo: the checker's, with the signature and
 * parameters filled in. */
static FuncInfo *body_info(Stmt *s, RangeFunc *rf) {
    FuncInfo *info = s->u.range.rf;
    Type *yt = s->u.range.x->type->params[0];
    Expr *vars[2] = {s->u.range.key, s->u.range.value};
    Object *objs[2] = {s->u.range.key_obj, s->u.range.value_obj};
    info->sig = yt;
    info->nparams = yt->nparams;
    info->params = gc_alloc((yt->nparams + 1) * sizeof(Object *));
    for (int i = 0; i < yt->nparams; i++) {
        Expr *v = vars[i];
        bool blank = !v || (v->kind == E_IDENT && strcmp(v->u.ident.name, "_") == 0);
        Object *o;
        if (blank)
            o = param_obj("_", yt->params[i]);
        else if (s->u.range.define)
            o = objs[i];
        else
            o = rf->params[i] = param_obj(i ? "#p2" : "#p1", yt->params[i]);
        info->params[i] = o ? o : param_obj("_", yt->params[i]);
    }
    return info;
}

void comp_range_prologue(FuncState *fs) {
    RangeFunc *rf = fs->rf;
    int save = fs->freereg;
    int st = alloc_reg(fs), r = alloc_reg(fs);
    var_get(fs, rf->state, st);
    load_int(fs, r, RF_PANIC);
    var_set(fs, rf->state, r);
    int j = emit_jump(fs, OP_JEQI, st, RF_READY);
    emit(fs, OP_RFPANIC, st, 0, 0);
    patch_here(fs, j);
    fs->freereg = save;
    /* one assignment per variable, in order, as Go's rewrite does
     * (rangefunc/rewrite.go): `for i, x[i] = range f` indexes with the new i */
    for (int i = 0; i < 2; i++)
        if (rf->params[i])
            range_store(fs, rf->loop, i == 0 ? rf->params[0]->reg : -1,
                        i == 1 ? rf->params[1]->reg : -1);
}

void comp_range_epilogue(FuncState *fs) {
    body_exit(fs, RF_READY, true);
}

/* ---- the loop --------------------------------------------------------------------------- */

/* After the iterator returned: its misuse checks, then the exits. */
static void after_call(FuncState *fs, RangeFunc *rf) {
    int r = alloc_reg(fs);
    var_get(fs, rf->state, r);
    int j = emit_jump(fs, OP_JNEI, r, RF_PANIC);
    load_int(fs, r, RF_MISSING_PANIC);
    emit(fs, OP_RFPANIC, r, 0, 0);
    patch_here(fs, j);
    load_int(fs, r, RF_EXHAUSTED);
    var_set(fs, rf->state, r);
    if (!rf->nexits)
        return;
    var_get(fs, rf->g->next, r);
    int none = emit_jump(fs, OP_JEQI, r, 0);
    for (int i = 0; i < rf->nexits; i++) {
        RfExit *e = &rf->exits[i];
        int skip = emit(fs, OP_JNEI, r, e->code, 0);  /* code may be -1 */
        if (e->code == CODE_RETURN) {
            if (fs->rf) {
                exit_outward(fs, e->s, CODE_RETURN);
            } else {
                Stmt ret = {.kind = S_RETURN, .pos = e->s->pos};
                cstmt(fs, &ret);
            }
        } else {
            var_seti(fs, rf->g->next, 0);
            cstmt(fs, e->s);
        }
        fs->freereg = r + 1;
        patch_here(fs, skip);
    }
    patch_here(fs, none);
}

void comp_range_loop(FuncState *fs, Stmt *s, Stmt *label) {
    RangeFunc *rf = gc_alloc(sizeof *rf);
    rf->loop = s;
    rf->label = label;
    rf->g = fs->rf ? fs->rf->g : NULL;
    Type *int_t = type_basic(K_INT);
    if (!rf->g) {
        /* the hidden variables only a body that needs them pays for */
        RfGroup *g = rf->g = gc_alloc(sizeof *g);
        if (contains(s->u.range.body, FIND_EXIT, NULL)) {
            g->next = hidden_var("#next", int_t);
            int r = alloc_reg(fs);
            load_int(fs, r, 0);
            declare_hidden(fs, g->next, r);
        }
        if (contains(s->u.range.body, FIND_DEFER, NULL)) {
            g->defers = hidden_var("#defers", type_pointer(int_t));
            int r = alloc_reg(fs);
            emit(fs, OP_FRAMETOK, r, 0, 0);
            declare_hidden(fs, g->defers, r);
        }
    }
    rf->state = hidden_var("#state", int_t);
    int r = alloc_reg(fs);
    load_int(fs, r, RF_READY);
    declare_hidden(fs, rf->state, r);

    int base = alloc_reg(fs);
    cexpr(fs, s->u.range.x, base);
    int cl = alloc_reg(fs);
    FuncInfo *info = body_info(s, rf);
    fs->C->rf_pending = rf;
    Proto *p = comp_function(fs->C, fs, info, s->u.range.body, false, NULL, s->pos);
    if (p->ncaps == 0)
        emit(fs, OP_LOADK, cl, 0, k_ptr(fs, vm_static_closure(p), KT_CLOSURE));
    else
        emit(fs, OP_CLOSURE, cl, 0, k_ptr(fs, p, KT_PROTO));
    set_line(fs, s->pos);
    emit(fs, OP_CALL, base, 0, 0);
    fs->freereg = base;
    after_call(fs, rf);
}
