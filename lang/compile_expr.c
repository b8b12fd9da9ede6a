/*
 * compile_expr.c — expressions proper: the cexpr dispatch, values of a
 * given type (cvalue), constants, identifiers, storable locations (lv_*,
 * walk_path), arithmetic, comparisons and conditional jumps (cjump),
 * unary operators, selectors, indexing, slicing and type assertions, and
 * the evaluation-order pass (comp_hoist).
 *
 * cexpr(fs, e, dst) is the one entry point: it handles constants and
 * hoisted operands, then dispatches on e->kind; calls and builtins go to
 * compile_call.c, conversions and literals to compile_lit.c, and those
 * come back here for their operands. Register and boxing conventions are
 * described in compile_int.h.
 */
#include <string.h>

#include "compile_int.h"
#include "constant.h"
#include "../runtime/cstack.h"

/* Default type of a constant (for constants typed as interfaces). */
Type *comp_const_type(Expr *e) {
    Type *t = e->type;
    if (t && t->kind != K_INTERFACE && !type_is_untyped(t))
        return t;
    switch (e->cv.kind) {
    case CV_BOOL: return type_basic(K_BOOL);
    case CV_INT:
        return t && t->kind == K_UNTYPED_RUNE ? type_basic(K_INT32) : type_basic(K_INT);
    case CV_FLOAT: return type_basic(K_FLOAT64);
    case CV_STRING: return type_basic(K_STRING);
    case CV_COMPLEX: return type_basic(K_COMPLEX128);
    default: return type_basic(K_INT);
    }
}

bool is_compare_op(TokKind op) {
    return op == T_EQL || op == T_NEQ || op == T_LSS || op == T_LEQ ||
           op == T_GTR || op == T_GEQ;
}

/* ---- variables -------------------------------------------------------------------- */

/* A captured scalar that never changes after its declaration (nor can be
 * reached through a pointer) is captured by value: closures copy the
 * register into their up[] and no cell is allocated. Named results are
 * excluded (RET writes them; deferred closures read them). */
bool var_by_value(Object *o) {
    return o->kind == OBJ_VAR && !o->is_global && o->captured && !o->addr_taken &&
           !o->reassigned && !o->is_result && !type_is_boxed(o->type);
}

bool var_in_cell(Object *o) {
    return o->kind == OBJ_VAR && !o->is_global && (o->captured || o->addr_taken) &&
           !type_is_boxed(o->type) && !var_by_value(o);
}

void declare_local(FuncState *fs, Object *o, int r) {
    o->reg = r;
    o->comp = fs;
    if (var_in_cell(o))
        emit(fs, OP_NEWCELL, r, r, 0);
}

int find_upval(FuncState *fs, Object *o) {
    for (int i = 0; i < fs->nups; i++)
        if (fs->ups[i].obj == o)
            return i;
    FuncState *p = fs->parent;
    CapDesc cap = {0, 0};
    if (!p) {
        comp_error(fs, o->pos, "internal error: variable %s not found", o->name);
    } else if (o->comp == p) {
        cap.index = (uint16_t)o->reg;
        if (!var_in_cell(o) && !type_is_boxed(o->type) && !var_by_value(o))
            comp_error(fs, o->pos, "internal error: captured %s not in a cell",
                       o->name);
    } else {
        cap.from_up = 1;
        cap.index = (uint16_t)find_upval(p, o);
    }
    if (fs->nups == fs->capups) {
        fs->capups = fs->capups ? fs->capups * 2 : 8;
        fs->ups = gc_realloc(fs->ups, fs->capups * sizeof(UpDesc));
    }
    fs->ups[fs->nups] = (UpDesc){o, cap};
    return fs->nups++;
}

void emit_zero(FuncState *fs, int dst, Type *t) {
    if (type_is_boxed(t))
        emit(fs, OP_BOXNEW, dst, 0, t->size);
    else
        emit(fs, OP_LOADI, dst, 0, 0);
}

void emit_copy_box(FuncState *fs, int dst, int src, Type *t) {
    emit(fs, OP_BOXCOPY, dst, src, t->size);
}

bool expr_is_fresh(Expr *e) {
    e = ast_unparen(e);
    switch (e->kind) {
    case E_COMPOSITE: case E_TYPEASSERT: case E_FUNCLIT: return true;
    case E_CALL:
        if (e->u.call.kind == CALL_CONV && e->u.call.nargs == 1)
            return expr_is_fresh(e->u.call.args[0]);
        return true;
    case E_INDEX:
        return e->u.index.x->type && e->u.index.x->type->kind == K_MAP;
    case E_UNARY:
        return e->u.unary.op == T_ARROW;   /* RECV fills a fresh box */
    default: return false;
    }
}

/* ---- evaluation order ---------------------------------------------------------------
 * The spec orders calls, method calls and receives of an expression list
 * left to right and leaves the rest open; gc's order pass (walk/order.go)
 * evaluates each call, receive, slicing, value-copying type assertion and
 * call-like builtin (len, append, make, ...) into a temporary first, in
 * source order, and reads the other operands (variables, fields, index
 * and deref expressions) afterwards: fmt.Println(x, f()) prints the x
 * that f left, and a[i] = bump(&i) stores at the bumped index. csp does
 * the same per list: comp_hoist compiles those operands into registers
 * ahead, and cexpr/ccall hand out the register when they reach the node.
 * Lists where no plain operand precedes such an operand compile as before
 * (no extra moves). An && or || expression is evaluated ahead as a whole
 * (gc gives it a temporary too), its operands in their own order, and
 * function literals are not entered. */

typedef struct Hoisted { Expr *e; int reg; } Hoisted;

static bool hoistable(Expr *e) {
    if (e->cv.kind != CV_NONE || e->mode == M_TYPE || !e->type || e->type->kind == K_TUPLE)
        return false;
    switch (e->kind) {
    case E_CALL:
        if (e->u.call.kind == CALL_CONV)
            return e->type->kind == K_SLICE && e->u.call.nargs == 1 &&
                   e->u.call.args[0]->type && e->u.call.args[0]->type->kind == K_STRING;
        return e->mode != M_NOVALUE;
    case E_UNARY: return e->u.unary.op == T_ARROW;
    case E_BINARY: return e->u.binary.op == T_LAND || e->u.binary.op == T_LOR;
    case E_SLICE: return true;
    case E_TYPEASSERT: {
        Kind k = e->type->kind;
        return e->u.assert.type && k != K_POINTER && k != K_MAP && k != K_CHAN &&
               k != K_FUNC;
    }
    default: return false;
    }
}

static int hoisted_find(FuncState *fs, Expr *e) {
    for (int i = 0; i < fs->nhoisted; i++)
        if (fs->hoisted[i].e == e)
            return i;
    return -1;
}

/* The register e was evaluated into, taking it out of the table; -1 when
 * e was not hoisted. */
int comp_hoisted_take(FuncState *fs, Expr *e) {
    int i = hoisted_find(fs, e);
    if (i < 0)
        return -1;
    int r = fs->hoisted[i].reg;
    fs->hoisted[i] = fs->hoisted[--fs->nhoisted];
    return r;
}

/* Walks e in evaluation order. mode 0: sets *plain when a plain operand
 * is read and *need when a hoistable node follows one; mode 1: compiles
 * the hoistable nodes into fresh registers. */
static void hoist_walk(FuncState *fs, Expr *e, int mode, bool *plain, bool *need) {
    if (!e || e->cv.kind != CV_NONE || e->mode == M_TYPE)
        return;
    if (hoistable(e)) {
        if (mode == 0) {
            if (*plain)
                *need = true;
        } else if (hoisted_find(fs, e) < 0) {
            int r = alloc_reg(fs);
            cvalue(fs, e, e->type, r, false);
            fs->freereg = r + 1;
            if (fs->nhoisted == fs->caphoisted) {
                fs->caphoisted = fs->caphoisted ? 2 * fs->caphoisted : 4;
                fs->hoisted = gc_realloc(fs->hoisted, fs->caphoisted * sizeof(Hoisted));
            }
            fs->hoisted[fs->nhoisted++] = (Hoisted){e, r};
        }
        return;
    }
    switch (e->kind) {
    case E_IDENT:
        if (e->u.ident.obj && e->u.ident.obj->kind == OBJ_VAR)
            *plain = true;
        break;
    case E_PAREN: hoist_walk(fs, e->u.paren.x, mode, plain, need); break;
    case E_UNARY: hoist_walk(fs, e->u.unary.x, mode, plain, need); break;
    case E_STAR: hoist_walk(fs, e->u.star.x, mode, plain, need); *plain = true; break;
    case E_BINARY:   /* && and || are hoistable as a whole */
        hoist_walk(fs, e->u.binary.x, mode, plain, need);
        hoist_walk(fs, e->u.binary.y, mode, plain, need);
        break;
    case E_SELECTOR:
        if (e->u.sel.kind == SEL_PKG) {
            Object *o = e->u.sel.sel->u.ident.obj;
            if (o && o->kind == OBJ_VAR)
                *plain = true;
        } else if (e->u.sel.kind == SEL_FIELD) {
            hoist_walk(fs, e->u.sel.x, mode, plain, need);
            *plain = true;
        }
        break;
    case E_INDEX:
        hoist_walk(fs, e->u.index.x, mode, plain, need);
        hoist_walk(fs, e->u.index.index, mode, plain, need);
        *plain = true;
        break;
    case E_KEYVALUE:
        hoist_walk(fs, e->u.kv.key, mode, plain, need);
        hoist_walk(fs, e->u.kv.value, mode, plain, need);
        break;
    case E_COMPOSITE:
        for (int i = 0; i < e->u.composite.nelts; i++)
            hoist_walk(fs, e->u.composite.elts[i], mode, plain, need);
        break;
    case E_CALL:   /* a conversion: its operand */
        if (e->u.call.kind == CALL_CONV && e->u.call.nargs == 1)
            hoist_walk(fs, e->u.call.args[0], mode, plain, need);
        break;
    default: break;
    }
}

void comp_hoist(FuncState *fs, Expr **list, int n, bool lhs_first) {
    bool plain = lhs_first, need = false;
    for (int i = 0; i < n && !need; i++)
        hoist_walk(fs, list[i], 0, &plain, &need);
    if (!need)
        return;
    for (int i = 0; i < n; i++)
        hoist_walk(fs, list[i], 1, &plain, &need);
}

/* ---- constants -------------------------------------------------------------------- */

/* A complex constant: both parts into scratch registers, then a box. */
static void load_complex(FuncState *fs, int d, ConstVal cv, bool c64) {
    double re = cv_float64(cv), im = cv_imag64(cv);
    if (c64) re = (float)re, im = (float)im;
    if (re == 0) re = 0;             /* Go constants are exact: no -0 */
    if (im == 0) im = 0;
    int save = fs->freereg;
    int r = alloc_regs(fs, 2);
    emit(fs, OP_LOADK, r, 0, k_float(fs, re));
    emit(fs, OP_LOADK, r + 1, 0, k_float(fs, im));
    emit(fs, OP_CPLX, d, r, r + 1);
    fs->freereg = save > d ? save : d + 1;
}

int comp_load_const(FuncState *fs, Expr *e, Type *t, int dst) {
    int d = comp_target(fs, dst);
    ConstVal cv = e->cv;
    if (cv.kind == CV_COMPLEX && !type_is_complex(t))
        cv = cv_real(cv);                /* 2+0i given a real type */
    switch (t->kind) {
    case K_COMPLEX64: case K_COMPLEX128: case K_UNTYPED_COMPLEX:
        load_complex(fs, d, cv, t->kind == K_COMPLEX64);
        break;
    case K_FLOAT32: case K_FLOAT64: case K_UNTYPED_FLOAT: {
        double v = cv_float64(cv);
        if (t->kind == K_FLOAT32) v = (double)(float)v;
        if (v == 0) v = 0;           /* Go constants are exact: no -0 */
        emit(fs, OP_LOADK, d, 0, k_float(fs, v));
        break;
    }
    case K_STRING: case K_UNTYPED_STRING:
        if (cv.kind == CV_STRING && cv.u.str.len > 0)
            emit(fs, OP_LOADK, d, 0, k_str(fs, cv.u.str.s, cv.u.str.len));
        else
            emit(fs, OP_LOADI, d, 0, 0);
        break;
    case K_BOOL: case K_UNTYPED_BOOL:
        emit(fs, OP_LOADI, d, 0, cv.kind == CV_BOOL ? cv.u.b : 0);
        break;
    default: {
        ConstVal iv;                     /* 2.0 given an integer type */
        if (cv.kind == CV_FLOAT &&
            cv_represent(cv, type_basic(K_UNTYPED_INT), &iv) == CVR_OK)
            cv = iv;
        int64_t v = cv.kind == CV_BOOL ? cv.u.b
                  : cv.kind == CV_INT ? (int64_t)(uint64_t)cv.u.i : 0;
        load_int(fs, d, v);
    }
    }
    return d;
}

/* ---- identifiers -------------------------------------------------------------------- */

static int cident(FuncState *fs, Expr *e, int dst) {
    Object *o = e->u.ident.obj;
    if (!o) {
        comp_error(fs, e->pos, "internal error: unresolved identifier %s",
                   e->u.ident.name);
        return comp_target(fs, dst);
    }
    switch (o->kind) {
    case OBJ_VAR:
        if (o->is_global) {
            int d = comp_target(fs, dst);
            emit(fs, OP_GETG, d, 0, o->reg);
            if (comp_global_in_cell(fs->C, o))
                emit(fs, OP_LOAD, d, d, 0);
            return d;
        }
        if (o->comp == fs) {
            if (!var_in_cell(o))
                return comp_to_dst(fs, o->reg, dst);
            int d = comp_target(fs, dst);
            emit(fs, OP_CELLGET, d, o->reg, 0);
            return d;
        } else {
            int up = find_upval(fs, o);
            int d = comp_target(fs, dst);
            emit(fs, type_is_boxed(o->type) || var_by_value(o) ? OP_UPREF : OP_GETUP,
                 d, up, 0);
            return d;
        }
    case OBJ_FUNC: {
        int d = comp_target(fs, dst);
        Proto *p = func_proto(fs->C, o);
        emit(fs, OP_LOADK, d, 0, k_ptr(fs, vm_static_closure(p), KT_CLOSURE));
        return d;
    }
    case OBJ_CONST:
        return comp_load_const(fs, e, comp_const_type(e), dst);
    default: {
        int d = comp_target(fs, dst);
        emit(fs, OP_LOADI, d, 0, 0);   /* nil */
        return d;
    }
    }
}

/* The operand word of AADDR / SLICE on an array: element size in x.B
 * (16 bits), length in x.C (24 bits). */
void comp_note_unsigned(FuncState *fs, int from, unsigned mask) {
    if (!mask) return;
    for (int pc = from; pc < fs->ncode; pc++) {
        if (fs->nuidx == fs->capuidx) {
            fs->capuidx = fs->capuidx ? 2 * fs->capuidx : 8;
            uint32_t *n = gc_alloc((size_t)fs->capuidx * sizeof *n);
            if (fs->nuidx) memcpy(n, fs->uidx, (size_t)fs->nuidx * sizeof *n);
            fs->uidx = n;
        }
        fs->uidx[fs->nuidx++] = (uint32_t)pc << 3 | mask;
    }
}

unsigned comp_uidx(Expr *e, unsigned bit) {
    if (!e || e->cv.kind != CV_NONE || !e->type) return 0;
    Kind k = e->type->kind;
    return k == K_UINT || k == K_UINT64 || k == K_UINTPTR ? bit : 0;
}

void emit_array_extra(FuncState *fs, unsigned a, Type *at) {
    if (at->elem->size > 0xffff)
        comp_error(fs, (Pos){0}, "array type %s too large", type_string(at));
    if (at->len > INS_MAX_C) {   /* the length goes to K (AADDRK, SLICE mode 8) */
        Instr *prev = &fs->code[fs->ncode - 1];
        if (INS_OP(*prev) == OP_AADDR)
            *prev = ins_make(OP_AADDRK, INS_A(*prev), INS_B(*prev), INS_C(*prev));
        else
            a |= 8;
        emit_extra(fs, a, at->elem->size, k_int(fs, at->len));
        return;
    }
    emit_extra(fs, a, at->elem->size, at->len);
}

/* ---- locations ---------------------------------------------------------------------- */

static int stable_reg(FuncState *fs, int r, bool stable) {
    if (!stable || r >= fs->nactive)
        return r;
    int t = alloc_reg(fs);
    emit(fs, OP_MOVE, t, r, 0);
    return t;
}

static void lv_var(FuncState *fs, Object *o, LValue *lv) {
    lv->type = o->type;
    if (o->is_global) {
        if (type_is_boxed(o->type) || comp_global_in_cell(fs->C, o)) {
            lv->kind = LV_MEM;
            lv->reg = alloc_reg(fs);
            emit(fs, OP_GETG, lv->reg, 0, o->reg);
        } else {
            lv->kind = LV_GLOBAL;
            lv->off = o->reg;
        }
    } else if (o->comp == fs) {
        lv->reg = o->reg;
        lv->kind = type_is_boxed(o->type) ? LV_MEM : var_in_cell(o) ? LV_CELL : LV_REG;
    } else {
        int up = find_upval(fs, o);
        if (var_by_value(o))
            comp_error(fs, o->pos, "internal error: %s captured by value is assigned",
                       o->name);
        if (type_is_boxed(o->type)) {
            lv->kind = LV_MEM;
            lv->reg = alloc_reg(fs);
            emit(fs, OP_UPREF, lv->reg, up, 0);
        } else {
            lv->kind = LV_UP;
            lv->off = up;
        }
    }
}

void walk_path(FuncState *fs, Expr *x, int *path, int npath, Loc *loc,
               bool stable) {
    Type *xt = x->type;
    loc->off = 0;
    loc->t = xt;
    if (xt->kind == K_POINTER || !type_is_boxed(xt)) {
        loc->reg = stable_reg(fs, cexpr(fs, x, -1), stable);
        loc->is_addr = false;
    } else if (x->mode == M_VAR) {
        LValue lv;
        lv_compile(fs, x, &lv, stable);
        loc->reg = lv.reg;
        loc->off = lv.kind == LV_MEM ? lv.off : 0;
        loc->is_addr = true;
    } else {
        loc->reg = cexpr(fs, x, -1);
        loc->is_addr = true;
    }
    for (int i = 0; i < npath; i++) {
        Type *t = loc->t;
        if (t->kind == K_POINTER) {
            if (loc->is_addr) {
                int r = alloc_reg(fs);
                emit(fs, OP_LOAD, r, loc->reg, loc->off);
                loc->reg = r;
            }
            loc->off = 0;
            loc->is_addr = true;
            t = t->elem;
        } else if (!loc->is_addr) {
            loc->is_addr = true;     /* register holds the box */
        }
        Field *f = &t->fields[path[i]];
        loc->off += f->offset;
        loc->t = f->type;
    }
}

/* R[reg].p + off as a single pointer register. */
int comp_loc_ptr(FuncState *fs, int reg, int off) {
    if (off == 0)
        return reg;
    int r = alloc_reg(fs);
    emit(fs, OP_ADDR, r, reg, off);
    return r;
}

static void emit_load_mem(FuncState *fs, int d, int reg, int off, Type *t) {
    if (type_is_boxed(t)) {
        emit(fs, OP_ADDR, d, reg, off);
    } else if (off > INS_MAX_C) {    /* far into an array over 2^24 slots */
        emit(fs, OP_ADDR, d, reg, off);
        emit(fs, OP_LOAD, d, d, 0);
    } else {
        emit(fs, OP_LOAD, d, reg, off);
    }
}

static void index_loc(FuncState *fs, Expr *e, LValue *lv, bool stable) {
    Expr *x = e->u.index.x;
    Type *xt = x->type;
    lv->type = e->type;
    if (xt->kind == K_MAP) {
        lv->kind = LV_MAP;
        lv->mtype = xt;
        lv->reg = stable_reg(fs, cexpr(fs, x, -1), stable);
        lv->reg2 = stable_reg(fs, cvalue(fs, e->u.index.index, xt->key, -1, false),
                              stable);
        return;
    }
    if (xt->kind == K_SLICE) {
        int s = stable_reg(fs, cexpr(fs, x, -1), stable);
        int i = stable_reg(fs, cexpr(fs, e->u.index.index, -1), stable);
        if (!type_is_boxed(xt->elem)) {
            lv->kind = LV_SLICE;
            lv->reg = s;
            lv->reg2 = i;
            lv->uidx = comp_uidx(e->u.index.index, UIDX_LO);
            return;
        }
        lv->kind = LV_MEM;
        lv->reg = alloc_reg(fs);
        lv->off = 0;
        int pc0 = fs->ncode;
        emit(fs, OP_SADDR, lv->reg, s, i);
        emit_extra(fs, 0, 0, xt->elem->size);
        comp_note_unsigned(fs, pc0, comp_uidx(e->u.index.index, UIDX_LO));
        return;
    }
    /* arrays and pointers to arrays */
    Type *at = xt->kind == K_POINTER ? xt->elem : xt;
    Loc loc;
    walk_path(fs, x, NULL, 0, &loc, stable);
    if (!loc.is_addr)
        loc.off = 0;                 /* a pointer value or box: address */
    Expr *ix = e->u.index.index;
    unsigned es = at->elem->size;
    lv->kind = LV_MEM;
    if (ix->cv.kind == CV_INT) {
        lv->reg = loc.reg;
        lv->off = loc.off + (int)((int64_t)ix->cv.u.i * es);
        if (xt->kind == K_POINTER)
            emit(fs, OP_NILCHK, loc.reg, 0, 0);
        return;
    }
    int base = comp_loc_ptr(fs, loc.reg, loc.off);
    int i = cexpr(fs, ix, -1);
    lv->reg = alloc_reg(fs);
    lv->off = 0;
    int pc0 = fs->ncode;
    emit(fs, OP_AADDR, lv->reg, base, i);
    emit_array_extra(fs, 0, at);
    comp_note_unsigned(fs, pc0, comp_uidx(ix, UIDX_LO));
}

void lv_compile(FuncState *fs, Expr *e, LValue *lv, bool stable) {
    memset(lv, 0, sizeof *lv);
    e = ast_unparen(e);
    lv->type = e->type;
    switch (e->kind) {
    case E_IDENT:
        if (!e->u.ident.obj || strcmp(e->u.ident.name, "_") == 0) {
            lv->kind = LV_BLANK;
            return;
        }
        lv_var(fs, e->u.ident.obj, lv);
        return;
    case E_SELECTOR:
        if (e->u.sel.kind == SEL_PKG) {
            lv_var(fs, e->u.sel.sel->u.ident.obj, lv);
            return;
        }
        if (e->u.sel.kind == SEL_FIELD) {
            Loc loc;
            walk_path(fs, e->u.sel.x, e->u.sel.path, e->u.sel.npath, &loc, stable);
            lv->kind = LV_MEM;
            lv->reg = loc.reg;
            lv->off = loc.off;
            return;
        }
        break;
    case E_INDEX:
        index_loc(fs, e, lv, stable);
        return;
    case E_STAR:
        lv->kind = LV_MEM;
        lv->reg = stable_reg(fs, cexpr(fs, e->u.star.x, -1), stable);
        lv->off = 0;
        return;
    default:
        break;
    }
    comp_error(fs, e->pos, "cannot assign to %s", ast_expr_string(e));
    lv->kind = LV_BLANK;
}

void lv_store(FuncState *fs, LValue *lv, int src) {
    switch (lv->kind) {
    case LV_BLANK: return;
    case LV_REG:
        if (src != lv->reg) emit(fs, OP_MOVE, lv->reg, src, 0);
        return;
    case LV_CELL: emit(fs, OP_CELLSET, lv->reg, src, 0); return;
    case LV_UP: emit(fs, OP_SETUP, src, lv->off, 0); return;
    case LV_GLOBAL: emit(fs, OP_SETG, src, 0, lv->off); return;
    case LV_MEM:
        if (type_is_boxed(lv->type)) {
            if (lv->type->size)
                emit(fs, OP_COPYN, comp_loc_ptr(fs, lv->reg, lv->off), src, lv->type->size);
            else
                emit(fs, OP_NILCHK, lv->reg, 0, 0);
        } else if (lv->off > 0xffff) {
            emit(fs, OP_STORE, comp_loc_ptr(fs, lv->reg, lv->off), 0, src);
        } else {
            emit(fs, OP_STORE, lv->reg, lv->off, src);
        }
        return;
    case LV_SLICE: {
        int pc0 = fs->ncode;
        emit(fs, OP_SSET, lv->reg, lv->reg2, src);
        comp_note_unsigned(fs, pc0, lv->uidx);
        return;
    }
    case LV_MAP: emit(fs, OP_MAPSET, lv->reg, lv->reg2, src); return;
    }
}

int lv_load(FuncState *fs, LValue *lv, int dst) {
    switch (lv->kind) {
    case LV_REG: return comp_to_dst(fs, lv->reg, dst);
    default: break;
    }
    int d = comp_target(fs, dst);
    switch (lv->kind) {
    case LV_CELL: emit(fs, OP_CELLGET, d, lv->reg, 0); break;
    case LV_UP: emit(fs, OP_GETUP, d, lv->off, 0); break;
    case LV_GLOBAL: emit(fs, OP_GETG, d, 0, lv->off); break;
    case LV_MEM: emit_load_mem(fs, d, lv->reg, lv->off, lv->type); break;
    case LV_SLICE: {
        int pc0 = fs->ncode;
        emit(fs, OP_SGET, d, lv->reg, lv->reg2);
        comp_note_unsigned(fs, pc0, lv->uidx);
        break;
    }
    case LV_MAP:
        emit(fs, OP_MAPGET, d, lv->reg, lv->reg2);
        emit_extra(fs, 0, 0, k_ptr(fs, lv->mtype, KT_TYPE));
        break;
    default: emit(fs, OP_LOADI, d, 0, 0); break;
    }
    return d;
}

void addr_of(FuncState *fs, LValue *lv, int dst) {
    int d = comp_target(fs, dst);
    switch (lv->kind) {
    case LV_CELL: emit(fs, OP_MOVE, d, lv->reg, 0); break;
    case LV_UP: emit(fs, OP_UPREF, d, lv->off, 0); break;
    case LV_GLOBAL: emit(fs, OP_GADDR, d, 0, lv->off); break;
    case LV_MEM:
        if (lv->off) emit(fs, OP_ADDR, d, lv->reg, lv->off);
        else emit(fs, OP_MOVE, d, lv->reg, 0);
        break;
    case LV_SLICE: {
        int pc0 = fs->ncode;
        emit(fs, OP_SADDR, d, lv->reg, lv->reg2);
        emit_extra(fs, 0, 0, 1);
        comp_note_unsigned(fs, pc0, lv->uidx);
        break;
    }
    default:
        comp_error(fs, (Pos){0}, "internal error: cannot take address");
    }
}

/* ---- values of a given type ------------------------------------------------------- */

int cvalue(FuncState *fs, Expr *e, Type *to, int dst, bool owned) {
    Type *from = e->type;
    if (e->cv.kind != CV_NONE) {
        Type *ct = comp_const_type(e);
        if (to && to->kind == K_INTERFACE) {
            int save = fs->freereg;
            int r = comp_load_const(fs, e, ct, -1);
            fs->freereg = save;
            int d = comp_target(fs, dst);
            emit(fs, OP_IFACE, d, r, k_dyntype(fs, ct));
            return d;
        }
        return comp_load_const(fs, e, to && !type_is_untyped(to) ? to : ct, dst);
    }
    if (to && to->kind == K_INTERFACE && from && from->kind != K_INTERFACE &&
        from->kind != K_UNTYPED_NIL) {
        int save = fs->freereg;
        int r = cexpr(fs, e, -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_IFACE, d, r, k_dyntype(fs, from));
        return d;
    }
    if (owned && from && type_is_boxed(from) && !expr_is_fresh(e)) {
        int save = fs->freereg;
        int r = cexpr(fs, e, -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit_copy_box(fs, d, r, from);
        return d;
    }
    return cexpr(fs, e, dst);
}

/* ---- arithmetic ---------------------------------------------------------------------- */

static bool small_imm(Expr *e, int64_t *v, int64_t lo, int64_t hi) {
    if (!e || e->cv.kind != CV_INT)
        return false;
    __int128 x = e->cv.u.i;
    if (x < lo || x > hi)
        return false;
    *v = (int64_t)x;
    return true;
}

int cbinop(FuncState *fs, TokKind op, Type *t, int d, int x, int y, Expr *ye) {
    if (type_is_complex(t)) {
        unsigned o = op == T_ADD ? OP_ADDC : op == T_SUB ? OP_SUBC
                   : op == T_MUL ? OP_MULC : OP_DIVC;
        emit(fs, o, d, x, y);
        if (t->kind == K_COMPLEX64)      /* computed in float64, then rounded */
            emit(fs, OP_C64, d, d, 0);
        return d;
    }
    if (comp_is_float(t)) {
        unsigned o = op == T_ADD ? OP_ADDF : op == T_SUB ? OP_SUBF
                   : op == T_MUL ? OP_MULF : OP_DIVF;
        emit(fs, o, d, x, y);
        if (t->kind == K_FLOAT32) emit(fs, OP_F32, d, d, 0);
        return d;
    }
    if (t->kind == K_STRING) {
        emit(fs, OP_CONCAT, d, x, y);
        return d;
    }
    bool uns = type_is_unsigned(t);
    int64_t imm = 0;
    bool norm = false;
    if (y < 0) {                     /* immediate forms (see cexpr_binary) */
        small_imm(ye, &imm, INS_MIN_SC, INS_MAX_SC);
        switch (op) {
        case T_ADD: emit(fs, OP_ADDI, d, x, imm); norm = true; break;
        case T_SUB: emit(fs, OP_ADDI, d, x, -imm); norm = true; break;
        case T_MUL: emit(fs, OP_MULI, d, x, imm); norm = true; break;
        case T_AND: emit(fs, OP_ANDI, d, x, imm); break;
        case T_SHL: emit(fs, OP_SHLI, d, x, imm); norm = true; break;
        case T_SHR: emit(fs, uns ? OP_SHRUI : OP_SHRI, d, x, imm); break;
        default: break;
        }
    } else {
        unsigned o = OP_NOP;
        switch (op) {
        case T_ADD: o = OP_ADD; norm = true; break;
        case T_SUB: o = OP_SUB; norm = true; break;
        case T_MUL: o = OP_MUL; norm = true; break;
        case T_QUO: o = uns ? OP_DIVU : OP_DIV; norm = !uns; break;
        case T_REM: o = uns ? OP_MODU : OP_MOD; break;
        case T_AND: o = OP_AND; break;
        case T_OR: o = OP_OR; break;
        case T_XOR: o = OP_XOR; break;
        case T_AND_NOT: o = OP_ANDNOT; break;
        case T_SHL: o = OP_SHL; norm = true; break;
        case T_SHR: o = uns ? OP_SHRU : OP_SHR; break;
        default: break;
        }
        emit(fs, o, d, x, y);
    }
    if (norm && comp_is_sized(t))
        emit(fs, OP_NORM, d, d, t->kind);
    return d;
}

static bool imm_op(TokKind op, Type *t, Expr *ye, int64_t *v) {
    if (!comp_is_int(t))
        return false;
    switch (op) {
    case T_ADD: case T_SUB: case T_MUL: case T_AND:
        return small_imm(ye, v, INS_MIN_SC + 1, INS_MAX_SC);
    case T_SHL: case T_SHR:
        return small_imm(ye, v, 0, 63);
    default: return false;
    }
}

/* A shift count of a 64-bit unsigned type may be >= 2^63: clamp it so the
 * VM's signed "negative shift" check does not fire (into a new temp). */
static int clamp_count(FuncState *fs, TokKind op, int yr, Expr *ye) {
    if (yr < 0 || (op != T_SHL && op != T_SHR) || !ye->type ||
        !type_is_unsigned(ye->type) || type_int_bits(ye->type->kind) != 64)
        return yr;
    int c = alloc_reg(fs);
    emit(fs, OP_SHCLAMP, c, yr, 0);
    return c;
}

int carith(FuncState *fs, TokKind op, Type *t, int d, int xr, Expr *y) {
    int64_t v;
    int yr = imm_op(op, t, y, &v) ? -1 : cexpr(fs, y, -1);
    yr = clamp_count(fs, op, yr, y);
    return cbinop(fs, op, t, d, xr, yr, y);
}

static int cexpr_arith(FuncState *fs, TokKind op, Type *t, Expr *x, Expr *y,
                       int dst) {
    int save = fs->freereg;
    int xr = cexpr(fs, x, -1);
    int64_t v;
    int yr = imm_op(op, t, y, &v) ? -1 : cexpr(fs, y, -1);
    yr = clamp_count(fs, op, yr, y);
    fs->freereg = save;
    int d = comp_target(fs, dst);
    return cbinop(fs, op, t, d, xr, yr, y);
}

/* ---- comparisons --------------------------------------------------------------------- */

typedef enum CmpClass { CC_INT, CC_UINT, CC_FLOAT, CC_STR, CC_IFACE, CC_VALUE } CmpClass;

static CmpClass cmp_class(Type *t) {
    if (comp_is_float(t)) return CC_FLOAT;
    if (t->kind == K_STRING) return CC_STR;
    if (t->kind == K_INTERFACE) return CC_IFACE;
    if (type_is_boxed(t)) return CC_VALUE;
    if (type_is_unsigned(t)) return CC_UINT;
    return CC_INT;
}

static TokKind mirror(TokKind op) {
    switch (op) {
    case T_LSS: return T_GTR;
    case T_GTR: return T_LSS;
    case T_LEQ: return T_GEQ;
    case T_GEQ: return T_LEQ;
    default: return op;
    }
}

static TokKind negate(TokKind op) {
    switch (op) {
    case T_EQL: return T_NEQ;
    case T_NEQ: return T_EQL;
    case T_LSS: return T_GEQ;
    case T_GEQ: return T_LSS;
    case T_GTR: return T_LEQ;
    case T_LEQ: return T_GTR;
    default: return op;
    }
}

/* The type both operands are compared as; *conv_x / *conv_y say whether a
 * concrete operand must be boxed into an interface first. */
static Type *cmp_type(Expr *x, Expr *y, bool *cx, bool *cy) {
    Type *xt = x->type, *yt = y->type;
    *cx = *cy = false;
    if (!xt || xt->kind == K_UNTYPED_NIL) return yt;
    if (!yt || yt->kind == K_UNTYPED_NIL) return xt;
    if (xt->kind == K_INTERFACE && yt->kind != K_INTERFACE) { *cy = true; return xt; }
    if (yt->kind == K_INTERFACE && xt->kind != K_INTERFACE) { *cx = true; return yt; }
    return xt;
}

static bool is_nil(Expr *e) {
    e = ast_unparen(e);
    return (e->kind == E_IDENT && e->u.ident.obj && e->u.ident.obj->kind == OBJ_NIL) ||
           (e->type && e->type->kind == K_UNTYPED_NIL);
}

static int operand(FuncState *fs, Expr *e, Type *t, bool conv) {
    if (is_nil(e)) {
        int r = alloc_reg(fs);
        emit(fs, OP_LOADI, r, 0, 0);
        return r;
    }
    return cvalue(fs, e, conv ? t : NULL, -1, false);
}

static int ccompare(FuncState *fs, Expr *e, int dst) {
    TokKind op = e->u.binary.op;
    Expr *x = e->u.binary.x, *y = e->u.binary.y;
    bool cx, cy;
    Type *t = cmp_type(x, y, &cx, &cy);
    int save = fs->freereg;
    int xr = operand(fs, x, t, cx);
    int yr = operand(fs, y, t, cy);
    fs->freereg = save;
    int d = comp_target(fs, dst);
    CmpClass cc = (is_nil(x) || is_nil(y)) && t->kind != K_INTERFACE ? CC_INT : cmp_class(t);
    if (is_nil(x) || is_nil(y))
        cc = t->kind == K_INTERFACE ? CC_INT : cc;  /* nil interface: pointer */
    if (op == T_GTR || op == T_GEQ) {
        int tmp = xr; xr = yr; yr = tmp;
        op = mirror(op);
    }
    static const unsigned ops[6][4] = {
        /*           EQ       NE       LT       LE     */
        [CC_INT] = {OP_EQ, OP_NE, OP_LT, OP_LE},
        [CC_UINT] = {OP_EQ, OP_NE, OP_LTU, OP_LEU},
        [CC_FLOAT] = {OP_EQF, OP_NEF, OP_LTF, OP_LEF},
        [CC_STR] = {OP_EQS, OP_NES, OP_LTS, OP_LES},
        [CC_IFACE] = {OP_EQIF, OP_NEIF, OP_NOP, OP_NOP},
        [CC_VALUE] = {OP_EQV, OP_EQV, OP_NOP, OP_NOP},
    };
    int col = op == T_EQL ? 0 : op == T_NEQ ? 1 : op == T_LSS ? 2 : 3;
    emit(fs, ops[cc][col], d, xr, yr);
    if (cc == CC_VALUE)
        emit_extra(fs, op == T_NEQ, 0, k_ptr(fs, t, KT_TYPE));
    return d;
}

static int clogical(FuncState *fs, Expr *e, int dst) {
    JumpList jl = {0};
    int d = comp_target(fs, dst);
    cjump(fs, e, false, &jl);
    emit(fs, OP_LOADI, d, 0, 1);
    int skip = emit_jump(fs, OP_JMP, 0, 0);
    jl_patch_here(fs, &jl);
    emit(fs, OP_LOADI, d, 0, 0);
    patch_here(fs, skip);
    return d;
}

/* Adds to jl a jump taken when condition e is `when`; falls through
 * otherwise. Cases: a constant (an unconditional jump or nothing); !x
 * (flips when); && and || (short circuit, with a local skip list); an
 * integer comparison (a fused JxxI immediate, JxxK constant or Jxx
 * register form, the operands mirrored or the test negated as needed); a
 * float comparison (JNLTF/JNLEF keep NaN false); anything else as a
 * value tested with JT/JF. */
void cjump(FuncState *fs, Expr *e, bool when, JumpList *jl) {
    e = ast_unparen(e);
    if (e->cv.kind == CV_BOOL) {
        if (e->cv.u.b == when)
            jl_add(jl, emit_jump(fs, OP_JMP, 0, 0));
        return;
    }
    if (e->kind == E_UNARY && e->u.unary.op == T_NOT) {
        cjump(fs, e->u.unary.x, !when, jl);
        return;
    }
    if (e->kind == E_BINARY && (e->u.binary.op == T_LAND || e->u.binary.op == T_LOR)) {
        bool is_and = e->u.binary.op == T_LAND;
        if (is_and != when) {        /* && false / || true: either side */
            cjump(fs, e->u.binary.x, when, jl);
            cjump(fs, e->u.binary.y, when, jl);
        } else {
            JumpList skip = {0};
            cjump(fs, e->u.binary.x, !when, &skip);
            cjump(fs, e->u.binary.y, when, jl);
            jl_patch_here(fs, &skip);
        }
        return;
    }
    if (e->kind == E_BINARY && is_compare_op(e->u.binary.op)) {
        Expr *x = e->u.binary.x, *y = e->u.binary.y;
        bool cx, cy;
        Type *t = cmp_type(x, y, &cx, &cy);
        CmpClass cc = cmp_class(t);
        TokKind op = e->u.binary.op;
        if ((cc == CC_INT || cc == CC_UINT) && !is_nil(x) && !is_nil(y)) {
            if (!when) op = negate(op);
            int save = fs->freereg;
            int64_t v;
            if (x->cv.kind == CV_INT && y->cv.kind != CV_INT) {
                Expr *tmp = x; x = y; y = tmp;
                op = mirror(op);
            }
            bool ok_op = cc == CC_INT || op == T_EQL || op == T_NEQ;
            bool imm = ok_op && small_imm(y, &v, INS_MIN_SB, INS_MAX_SB);
            /* A wider constant operand (a loop bound like 10000000) goes
             * through the constant pool: one fused JxxK instead of
             * LOADK + Jxx on every iteration. */
            bool kop = !imm && ok_op && small_imm(y, &v, INT64_MIN, INT64_MAX);
            int xr = cexpr(fs, x, -1);
            int ki = kop ? k_int(fs, v) : 0;
            if (kop && ki > 0xffff)
                kop = false;             /* B holds 16 bits only */
            if (imm) {
                unsigned o = op == T_EQL ? OP_JEQI : op == T_NEQ ? OP_JNEI
                           : op == T_LSS ? OP_JLTI : op == T_LEQ ? OP_JLEI
                           : op == T_GTR ? OP_JGTI : OP_JGEI;
                jl_add(jl, emit(fs, o, xr, (unsigned)(int)v & 0xffff, 0));
            } else if (kop) {
                unsigned o = op == T_EQL ? OP_JEQK : op == T_NEQ ? OP_JNEK
                           : op == T_LSS ? OP_JLTK : op == T_LEQ ? OP_JLEK
                           : op == T_GTR ? OP_JGTK : OP_JGEK;
                jl_add(jl, emit(fs, o, xr, (unsigned)ki, 0));
            } else {
                int yr = cexpr(fs, y, -1);
                bool u = cc == CC_UINT;
                if (op == T_GTR || op == T_GEQ) {
                    int tmp = xr; xr = yr; yr = tmp;
                    op = mirror(op);
                }
                unsigned o = op == T_EQL ? OP_JEQ : op == T_NEQ ? OP_JNE
                           : op == T_LSS ? (u ? OP_JLTU : OP_JLT)
                                         : (u ? OP_JLEU : OP_JLE);
                jl_add(jl, emit(fs, o, xr, yr, 0));
            }
            fs->freereg = save;
            return;
        }
        if (cc == CC_FLOAT) {
            int save = fs->freereg;
            int xr = cexpr(fs, x, -1), yr = cexpr(fs, y, -1);
            if (op == T_GTR || op == T_GEQ) {
                int tmp = xr; xr = yr; yr = tmp;
                op = mirror(op);
            }
            unsigned o;
            if (when)
                o = op == T_EQL ? OP_JEQF : op == T_NEQ ? OP_JNEF
                  : op == T_LSS ? OP_JLTF : OP_JLEF;
            else
                o = op == T_EQL ? OP_JNEF : op == T_NEQ ? OP_JEQF
                  : op == T_LSS ? OP_JNLTF : OP_JNLEF;
            jl_add(jl, emit(fs, o, xr, yr, 0));
            fs->freereg = save;
            return;
        }
    }
    int save = fs->freereg;
    int r = cexpr(fs, e, -1);
    fs->freereg = save;
    jl_add(jl, emit(fs, when ? OP_JT : OP_JF, r, 0, 0));
}

/* ---- unary ------------------------------------------------------------------------------ */

static int cunary(FuncState *fs, Expr *e, int dst) {
    TokKind op = e->u.unary.op;
    Expr *x = e->u.unary.x;
    if (op == T_AND) {
        Expr *ux = ast_unparen(x);
        if (ux->kind == E_COMPOSITE)
            return comp_composite_addr(fs, ux, dst);
        LValue lv;
        lv_compile(fs, ux, &lv, false);
        int d = comp_target(fs, dst);
        addr_of(fs, &lv, d);
        return d;
    }
    if (op == T_ARROW) {
        int save = fs->freereg;
        int r = cexpr(fs, x, -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_RECV, d, r, 0);
        return d;
    }
    int save = fs->freereg;
    int r = cexpr(fs, x, -1);
    fs->freereg = save;
    int d = comp_target(fs, dst);
    Type *t = e->type;
    switch (op) {
    case T_SUB:
        if (type_is_complex(t)) emit(fs, OP_NEGC, d, r, 0);
        else if (comp_is_float(t)) emit(fs, OP_NEGF, d, r, 0);
        else {
            emit(fs, OP_NEG, d, r, 0);
            if (comp_is_sized(t)) emit(fs, OP_NORM, d, d, t->kind);
        }
        break;
    case T_XOR:
        emit(fs, OP_BNOT, d, r, 0);
        if (comp_is_sized(t) && type_is_unsigned(t)) emit(fs, OP_NORM, d, d, t->kind);
        break;
    case T_NOT: emit(fs, OP_NOT, d, r, 0); break;
    default: comp_to_dst(fs, r, d); break;
    }
    return d;
}

/* ---- selectors, index, slice, assertions ----------------------------------------------- */

static int cselector(FuncState *fs, Expr *e, int dst) {
    switch (e->u.sel.kind) {
    case SEL_PKG: {
        Expr *id = e->u.sel.sel;
        if (e->cv.kind != CV_NONE)
            return comp_load_const(fs, e, comp_const_type(e), dst);
        id->type = id->type ? id->type : e->type;
        return cident(fs, id, dst);
    }
    case SEL_FIELD: {
        int save = fs->freereg;
        Loc loc;
        walk_path(fs, e->u.sel.x, e->u.sel.path, e->u.sel.npath, &loc, false);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        if (!loc.is_addr)
            comp_error(fs, e->pos, "internal error: field of a non-struct");
        else if (loc.off > 0xffffff)
            comp_error(fs, e->pos, "struct too large");
        emit_load_mem(fs, d, loc.reg, loc.off, e->type);
        return d;
    }
    case SEL_METHOD: {                /* method value: bind the receiver */
        Object *m = e->u.sel.method;
        int save = fs->freereg;
        int r = alloc_reg(fs);
        comp_recv(fs, e, r);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_BIND, d, r, k_ptr(fs, thunk_bound(fs->C, m), KT_PROTO));
        return d;
    }
    case SEL_IFACE: {
        int save = fs->freereg;
        int r = alloc_reg(fs);
        Type *it = comp_iface_operand(fs, e, r);
        emit(fs, OP_NILCHK, r, 0, 0);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        Proto *th = thunk_iface_bound(fs->C, it, e->u.sel.iface_index);
        emit(fs, OP_BIND, d, r, k_ptr(fs, th, KT_PROTO));
        return d;
    }
    case SEL_METHOD_EXPR: {
        Type *rt = e->u.sel.x->type;
        Object *m = e->u.sel.method;
        Proto *p;
        if (!m) {
            Object *fake = gc_alloc(sizeof *fake);
            fake->kind = OBJ_FUNC;
            fake->name = rt->methods[e->u.sel.iface_index].name;
            fake->type = rt->methods[e->u.sel.iface_index].sig;
            p = thunk_method(fs->C, rt, NULL, 0, fake);
        } else if (m->recv == rt && e->u.sel.npath == 0) {
            p = func_proto(fs->C, m);
        } else {
            p = thunk_method(fs->C, rt, e->u.sel.path, e->u.sel.npath, m);
        }
        int d = comp_target(fs, dst);
        emit(fs, OP_LOADK, d, 0, k_ptr(fs, vm_static_closure(p), KT_CLOSURE));
        return d;
    }
    default:
        comp_error(fs, e->pos, "internal error: unresolved selector");
        return comp_target(fs, dst);
    }
}

static int cindex(FuncState *fs, Expr *e, int dst) {
    Expr *x = e->u.index.x;
    Type *xt = x->type;
    int save = fs->freereg;
    if (xt->kind == K_STRING) {
        int s = cexpr(fs, x, -1);
        int i = cexpr(fs, e->u.index.index, -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        int pc0 = fs->ncode;
        emit(fs, OP_STRIDX, d, s, i);
        comp_note_unsigned(fs, pc0, comp_uidx(e->u.index.index, UIDX_LO));
        return d;
    }
    if (xt->kind == K_MAP) {
        int m = cexpr(fs, x, -1);
        int k = cvalue(fs, e->u.index.index, xt->key, -1, false);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_MAPGET, d, m, k);
        emit_extra(fs, 0, 0, k_ptr(fs, xt, KT_TYPE));
        return d;
    }
    if (xt->kind == K_SLICE && !type_is_boxed(xt->elem)) {
        int s = cexpr(fs, x, -1);
        int i = cexpr(fs, e->u.index.index, -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        int pc0 = fs->ncode;
        emit(fs, OP_SGET, d, s, i);
        comp_note_unsigned(fs, pc0, comp_uidx(e->u.index.index, UIDX_LO));
        return d;
    }
    LValue lv;
    index_loc(fs, e, &lv, false);
    fs->freereg = save;
    int d = comp_target(fs, dst);
    emit_load_mem(fs, d, lv.reg, lv.off, e->type);
    return d;
}

static int cslice(FuncState *fs, Expr *e, int dst) {
    Expr *x = e->u.slice.x;
    Type *xt = x->type;
    int save = fs->freereg;
    int src;
    unsigned mode = 0, esize = 1;
    if (xt->kind == K_STRING) {
        src = cexpr(fs, x, -1);
    } else if (xt->kind == K_SLICE) {
        src = cexpr(fs, x, -1);
        esize = xt->elem->size;
    } else {
        Type *at = xt->kind == K_POINTER ? xt->elem : xt;
        mode = 1;
        esize = at->elem->size;
        if (xt->kind == K_POINTER) {
            src = cexpr(fs, x, -1);
        } else {
            LValue lv;
            lv_compile(fs, x, &lv, false);
            src = comp_loc_ptr(fs, lv.reg, lv.off);
        }
    }
    int lo = alloc_regs(fs, 3);
    if (e->u.slice.lo) cexpr(fs, e->u.slice.lo, lo);
    else emit(fs, OP_LOADI, lo, 0, 0);
    if (e->u.slice.hi) cexpr(fs, e->u.slice.hi, lo + 1);
    else if (xt->kind == K_STRING) emit(fs, OP_LENS, lo + 1, src, 0);
    else mode |= 4;
    if (e->u.slice.three && e->u.slice.max) {
        cexpr(fs, e->u.slice.max, lo + 2);
        mode |= 2;
    }
    fs->freereg = save;
    int d = comp_target(fs, dst);
    int pc0 = fs->ncode;
    if (xt->kind == K_STRING) {
        emit(fs, OP_SUBSTR, d, src, lo);
    } else {
        emit(fs, OP_SLICE, d, src, lo);
        if (mode & 1)
            emit_array_extra(fs, mode, xt->kind == K_POINTER ? xt->elem : xt);
        else
            emit_extra(fs, mode, esize, 0);
    }
    comp_note_unsigned(fs, pc0, comp_uidx(e->u.slice.lo, UIDX_LO) |
                                comp_uidx(e->u.slice.hi, UIDX_HI) |
                                comp_uidx(e->u.slice.max, UIDX_MAX));
    return d;
}

static int cassert(FuncState *fs, Expr *e, int dst) {
    int save = fs->freereg;
    int r = cexpr(fs, e->u.assert.x, -1);
    fs->freereg = save;
    int d = comp_target(fs, dst);
    emit(fs, OP_ASSERT, d, r, k_ptr(fs, e->type, KT_TYPE));
    emit_extra(fs, 0, 0, k_ptr(fs, e->u.assert.x->type, KT_TYPE));
    return d;
}

void ccommaok(FuncState *fs, Expr *e, int dst) {
    e = ast_unparen(e);
    int save = fs->freereg;
    if (e->kind == E_INDEX) {
        Type *mt = e->u.index.x->type;
        int m = cexpr(fs, e->u.index.x, -1);
        int k = cvalue(fs, e->u.index.index, mt->key, -1, false);
        emit(fs, OP_MAPGET2, dst, m, k);
        emit_extra(fs, 0, 0, k_ptr(fs, mt, KT_TYPE));
    } else if (e->kind == E_TYPEASSERT) {
        int r = cexpr(fs, e->u.assert.x, -1);
        emit(fs, OP_ASSERT2, dst, r, k_ptr(fs, e->u.assert.type->type ? e->u.assert.type->type : e->type, KT_TYPE));
    } else if (e->kind == E_UNARY && e->u.unary.op == T_ARROW) {
        int r = cexpr(fs, e->u.unary.x, -1);
        emit(fs, OP_RECV, dst, r, 1);
    } else {
        comp_error(fs, e->pos, "internal error: unexpected comma-ok form");
    }
    fs->freereg = save;
}

/* ---- dispatch -------------------------------------------------------------------------------- */

/* Kinds that write their destination only after reading every operand, so
 * the destination may be a variable the expression itself reads. */
static bool writes_dst_last(Expr *e) {
    switch (e->kind) {
    case E_IDENT: case E_INTLIT: case E_FLOATLIT: case E_CHARLIT: case E_STRINGLIT:
    case E_SELECTOR: case E_INDEX: case E_SLICE: case E_TYPEASSERT: case E_STAR:
    case E_FUNCLIT: case E_PAREN:
        return true;
    case E_UNARY: return e->u.unary.op != T_AND;
    case E_BINARY: return e->u.binary.op != T_LAND && e->u.binary.op != T_LOR;
    case E_CALL:
        return e->u.call.kind != CALL_BUILTIN || e->u.call.builtin != BI_MIN;
    default: return false;
    }
}

int cexpr(FuncState *fs, Expr *e, int dst) {
    if (fs->C->too_deep || cstack_low()) { /* see cstack.h */
        if (!fs->C->too_deep)
            comp_error(fs, e->pos, "exceeded max nesting depth");
        fs->C->too_deep = true;
        return comp_target(fs, dst);
    }
    if (e->cv.kind != CV_NONE && e->mode != M_TYPE)
        return comp_load_const(fs, e, comp_const_type(e), dst);
    if (fs->nhoisted) {
        int r = comp_hoisted_take(fs, e);
        if (r >= 0)
            return comp_to_dst(fs, r, dst);
    }
    if (dst >= 0 && dst < fs->nactive && !writes_dst_last(ast_unparen(e))) {
        int save = fs->freereg;
        int r = cexpr(fs, e, -1);
        emit(fs, OP_MOVE, dst, r, 0);
        fs->freereg = save;
        return dst;
    }
    switch (e->kind) {
    case E_IDENT: return cident(fs, e, dst);
    case E_PAREN: return cexpr(fs, e->u.paren.x, dst);
    case E_SELECTOR: return cselector(fs, e, dst);
    case E_INDEX: return cindex(fs, e, dst);
    case E_SLICE: return cslice(fs, e, dst);
    case E_TYPEASSERT: return cassert(fs, e, dst);
    case E_STAR: {
        int save = fs->freereg;
        int p = cexpr(fs, e->u.star.x, -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        if (type_is_boxed(e->type)) {
            emit(fs, OP_NILCHK, p, 0, 0);
            comp_to_dst(fs, p, d);
        } else {
            emit(fs, OP_LOAD, d, p, 0);
        }
        return d;
    }
    case E_UNARY: return cunary(fs, e, dst);
    case E_BINARY: {
        TokKind op = e->u.binary.op;
        if (op == T_LAND || op == T_LOR)
            return clogical(fs, e, dst);
        if (is_compare_op(op))
            return ccompare(fs, e, dst);
        return cexpr_arith(fs, op, e->type, e->u.binary.x, e->u.binary.y, dst);
    }
    case E_CALL: {
        if (e->u.call.kind == CALL_CONV)
            return comp_conv(fs, e, dst);
        if (e->u.call.kind == CALL_BUILTIN)
            return comp_builtin(fs, e, dst);
        int b = ccall(fs, e, 1);
        if (dst >= 0 && dst != b) {
            emit(fs, OP_MOVE, dst, b, 0);
            fs->freereg = b;
            return dst;
        }
        return b;
    }
    case E_COMPOSITE:
        return e->type->kind == K_POINTER ? comp_composite_addr(fs, e, dst) : comp_composite(fs, e, dst);
    case E_FUNCLIT: return comp_funclit(fs, e, dst);
    case E_TUPLEREF: return comp_to_dst(fs, e->u.tref.reg, dst);
    default:
        comp_error(fs, e->pos, "unsupported expression");
        return comp_target(fs, dst);
    }
}
