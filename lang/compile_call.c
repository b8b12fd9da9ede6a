/*
 * compile_call.c — calls: method receivers (comp_recv, comp_iface_operand),
 * arguments (variadic packing, f(g()) spreading), the call instruction
 * itself (ccall picks CALL, CALLK, CALLI or a fused/native form), the
 * closure and arguments of a deferred or go'd call (cdefer_call, with a
 * wrapper thunk for builtins), and the builtins (comp_builtin).
 *
 * A call's frame is laid out from a base register: the closure (or
 * nothing, for CALLK) in R[base], the receiver and arguments after it,
 * and on return the results from R[base]. So ccall allocates base first
 * and compiles every argument into the next free register; the caller
 * keeps nwant results allocated. Thunks for method values and interface
 * methods are built in compile.c; this file only asks for them.
 * Register and boxing conventions: compile_int.h.
 */
#include <stdio.h>

#include "compile_int.h"

/* ---- receivers --------------------------------------------------------------- */

/* If the code since pc start ends "OP t, ...; MOVE dst, t" with t a
 * temporary (>= save) and OP one that only writes R[A], write dst directly
 * and drop the MOVE (a captured receiver: UPREF t; MOVE dst, t). The pair
 * was emitted back to back by the caller, so no jump targets the MOVE. */
static void retarget_move(FuncState *fs, int start, int save, int dst) {
    int n = fs->ncode;
    if (n - 2 < start)
        return;
    Instr mv = fs->code[n - 1], ld = fs->code[n - 2];
    unsigned op = INS_OP(ld);
    if (INS_OP(mv) != OP_MOVE || (int)INS_A(mv) != dst || INS_B(mv) != INS_A(ld) ||
        (int)INS_A(ld) < save || (int)INS_A(ld) == dst)
        return;
    if (op != OP_UPREF && op != OP_GETUP && op != OP_GETG)
        return;
    fs->code[n - 2] = ins_make(op, dst, INS_B(ld), INS_C(ld));
    fs->ncode--;
}

void comp_recv(FuncState *fs, Expr *sel, int dst) {
    Expr *x = sel->u.sel.x;
    Object *m = sel->u.sel.method;
    bool want_ptr = m->recv && m->recv->kind == K_POINTER;
    int save = fs->freereg;
    if (sel->u.sel.npath == 0) {
        Type *xt = x->type;
        if (want_ptr) {
            if (xt->kind == K_POINTER) {
                cexpr(fs, x, dst);
            } else {
                LValue lv;
                Expr *ux = ast_unparen(x);
                if (ux->kind == E_COMPOSITE || x->mode != M_VAR) {
                    cvalue(fs, x, xt, dst, true);
                    if (!type_is_boxed(xt)) {
                        int c = alloc_reg(fs);
                        emit(fs, OP_NEWCELL, c, dst, 0);
                        emit(fs, OP_MOVE, dst, c, 0);
                    }
                } else {
                    int start = here(fs);
                    lv_compile(fs, x, &lv, false);
                    addr_of(fs, &lv, dst);
                    retarget_move(fs, start, save, dst);
                }
            }
        } else if (xt->kind == K_POINTER) {
            int p = cexpr(fs, x, -1);
            if (type_is_boxed(xt->elem)) emit(fs, OP_BOXCOPY, dst, p, xt->elem->size);
            else emit(fs, OP_LOAD, dst, p, 0);
        } else {
            cvalue(fs, x, xt, dst, true);
        }
        fs->freereg = save;
        return;
    }
    Loc loc;
    walk_path(fs, x, sel->u.sel.path, sel->u.sel.npath, &loc, false);
    Type *have = loc.t;
    if (have->kind == K_POINTER) {
        int p = loc.reg;
        if (loc.is_addr) {
            p = alloc_reg(fs);
            emit(fs, OP_LOAD, p, loc.reg, loc.off);
        }
        if (want_ptr) emit(fs, OP_MOVE, dst, p, 0);
        else if (type_is_boxed(have->elem)) emit(fs, OP_BOXCOPY, dst, p, have->elem->size);
        else emit(fs, OP_LOAD, dst, p, 0);
    } else if (want_ptr) {
        emit(fs, OP_ADDR, dst, loc.reg, loc.off);
    } else if (type_is_boxed(have)) {
        int p = comp_loc_ptr(fs, loc.reg, loc.off);
        emit(fs, OP_BOXCOPY, dst, p, have->size);
    } else {
        emit(fs, OP_LOAD, dst, loc.reg, loc.off);
    }
    fs->freereg = save;
}

Type *comp_iface_operand(FuncState *fs, Expr *sel, int dst) {
    int save = fs->freereg;
    Expr *x = sel->u.sel.x;
    if (sel->u.sel.npath == 0) {
        cexpr(fs, x, dst);
        fs->freereg = save;
        return x->type;
    }
    Loc loc;
    walk_path(fs, x, sel->u.sel.path, sel->u.sel.npath, &loc, false);
    if (loc.is_addr) emit(fs, OP_LOAD, dst, loc.reg, loc.off);
    else emit(fs, OP_MOVE, dst, loc.reg, 0);
    fs->freereg = save;
    return loc.t;
}

/* ---- calls ------------------------------------------------------------------- */

static Object *expr_obj(Expr *e) {
    e = ast_unparen(e);
    if (e->kind == E_IDENT)
        return e->u.ident.obj;
    if (e->kind == E_SELECTOR && e->u.sel.kind == SEL_PKG)
        return e->u.sel.sel->u.ident.obj;
    return NULL;
}

static Type *param_type(Type *sig, int i, bool spread) {
    if (sig->variadic && !spread && i >= sig->nparams - 1)
        return sig->params[sig->nparams - 1]->elem;
    return i < sig->nparams ? sig->params[i] : NULL;
}

/* Arguments of call e for signature sig into registers from freereg. */
static void cargs(FuncState *fs, Expr *e, Type *sig) {
    int nargs = e->u.call.nargs;
    Expr **args = e->u.call.args;
    bool spread = e->u.call.has_ellipsis;
    int np = sig->nparams;
    bool pack = sig->variadic && !spread;
    if (nargs == 1 && args[0]->type && args[0]->type->kind == K_TUPLE) {
        Type *tt = args[0]->type;
        int first = fs->freereg;
        int b = ccall(fs, args[0], tt->nparams);
        (void)first;
        for (int i = 0; i < tt->nparams; i++)
            convert_reg(fs, b + i, tt->params[i], param_type(sig, i, spread));
        if (pack) {
            int v = b + np - 1, k = tt->nparams - (np - 1);
            if (k <= 0) {
                emit(fs, OP_LOADI, v, 0, 0);
            } else {
                emit(fs, OP_MKSLICE, v, v, k);
                emit_extra(fs, 0, 0, k_ptr(fs, sig->params[np - 1]->elem, KT_TYPE));
            }
        }
        fs->freereg = b + np;
        if (fs->freereg > fs->maxregs) fs->maxregs = fs->freereg;
        return;
    }
    int nfixed = pack ? np - 1 : np;
    for (int i = 0; i < nfixed && i < nargs; i++) {
        int r = alloc_reg(fs);
        cvalue(fs, args[i], sig->params[i], r, true);
        fs->freereg = r + 1;
    }
    if (!pack)
        return;
    int v = alloc_reg(fs);
    int extra = nargs - nfixed;
    if (extra <= 0) {
        emit(fs, OP_LOADI, v, 0, 0);
        return;
    }
    Type *elem = sig->params[np - 1]->elem;
    for (int j = 0; j < extra; j++) {
        int r = alloc_reg(fs);
        cvalue(fs, args[nfixed + j], elem, r, false);
        fs->freereg = r + 1;
    }
    emit(fs, OP_MKSLICE, v, v + 1, extra);
    emit_extra(fs, 0, 0, k_ptr(fs, elem, KT_TYPE));
    fs->freereg = v + 1;
}

static Object *static_func(Expr *fn) {
    Object *o = expr_obj(fn);
    return o && o->kind == OBJ_FUNC ? o : NULL;
}

/* The fused call op (CALLKR, CALLKU) when a method call's receiver code was
 * one MOVE or UPREF into R[base+1] and nothing followed it (no arguments),
 * else 0: the call does the move, saving a dispatch per call (mu.Lock() in
 * a loop). One instruction emitted means no jump inside the receiver code
 * can target the call. */
static unsigned fuse_recv_op(FuncState *fs, int recv_pc, int base) {
    if (recv_pc < 0 || fs->ncode != recv_pc + 1)
        return 0;
    Instr mv = fs->code[recv_pc];
    if ((int)INS_A(mv) != base + 1)
        return 0;
    return INS_OP(mv) == OP_MOVE ? OP_CALLKR : INS_OP(mv) == OP_UPREF ? OP_CALLKU : 0;
}

/* The fused call op of native method p whose receiver comes from a register
 * (MOVE) or an upvalue (UPREF). */
static unsigned native_call_op(const Proto *p, bool upref) {
    if (p->fast_kind)
        return upref ? OP_CALLNFU : OP_CALLNF;
    return upref ? OP_CALLNU : OP_CALLNR;
}

/* The callee decides the instruction: a method (CALLK on its proto, the
 * receiver in R[base+1], fused into CALLKR/CALLKU when that was one move),
 * an interface method (CALLI with an inline cache), a static function
 * (CALLK, or CALLN/CALLNF for a native one), any other value (CALL on the
 * closure in R[base]). Conversions and builtins go to comp_conv and
 * comp_builtin; an operand hoisted by comp_hoist is just moved. */
int ccall(FuncState *fs, Expr *e, int nwant) {
    Expr *fn = ast_unparen(e->u.call.fun);
    if (fs->nhoisted) {
        int r = comp_hoisted_take(fs, e);
        if (r >= 0) {
            int b = alloc_reg(fs);
            emit(fs, OP_MOVE, b, r, 0);
            return b;
        }
    }
    if (e->u.call.kind != CALL_CONV)
        comp_hoist(fs, e->u.call.args, e->u.call.nargs, false);
    if (e->u.call.kind == CALL_CONV) {
        int b = fs->freereg;
        comp_conv(fs, e, alloc_reg(fs));
        return b;
    }
    if (e->u.call.kind == CALL_BUILTIN) {
        int b = alloc_reg(fs);
        comp_builtin(fs, e, b);
        fs->freereg = b + (nwant > 0 ? nwant : 0);
        return b;
    }
    int base = alloc_reg(fs);
    Type *sig = fn->type;
    Object *sf = static_func(fn);
    unsigned op, fop;
    int kidx = 0, cache = 0, recv_pc = -1;
    if (fn->kind == E_SELECTOR && fn->u.sel.kind == SEL_METHOD) {
        Object *m = fn->u.sel.method;
        int r = alloc_reg(fs);
        recv_pc = here(fs);
        comp_recv(fs, fn, r);
        op = OP_CALLK;
        kidx = k_ptr(fs, func_proto(fs->C, m), KT_PROTO);
        sig = m->type;
    } else if (fn->kind == E_SELECTOR && fn->u.sel.kind == SEL_IFACE) {
        int r = alloc_reg(fs);
        Type *it = comp_iface_operand(fs, fn, r);
        op = OP_CALLI;
        kidx = k_ptr(fs, (void *)it->methods[fn->u.sel.iface_index].name, KT_NAME);
        cache = fs->nicache++;
    } else if (sf) {
        op = OP_CALLK;
        kidx = k_ptr(fs, func_proto(fs->C, sf), KT_PROTO);
    } else {
        cexpr(fs, fn, base);
        op = OP_CALL;
    }
    if (!sig || sig->kind != K_FUNC) {
        comp_error(fs, e->pos, "internal error: call of non-function");
        return base;
    }
    cargs(fs, e, sig);
    /* A call's line is its '(' line, as gc's (`x.\n\tM()` is on M's line). */
    set_line(fs, e->u.call.lparen.line ? e->u.call.lparen : e->pos);
    /* A native callee known here gets the VM's frameless fast path. */
    bool native = op == OP_CALLK && ((Proto *)fs->k[kidx].p)->native;
    if (op == OP_CALLI) emit(fs, OP_CALLI, base, kidx, cache);
    else if ((fop = fuse_recv_op(fs, recv_pc, base)) != 0) {
        Instr mv = fs->code[--fs->ncode];
        if (native)
            fop = native_call_op(fs->k[kidx].p, fop == OP_CALLKU);
        emit(fs, fop, base, INS_B(mv), kidx);
    } else if (native && ((Proto *)fs->k[kidx].p)->fast_kind) {
        emit(fs, OP_CALLNF, base, base + 1, kidx);
    } else if (op == OP_CALLK) emit(fs, native ? OP_CALLN : OP_CALLK, base, 0, kidx);
    else emit(fs, OP_CALL, base, 0, 0);
    comp_reserve(fs, base + sig->nresults + 1);
    if (native && ((Proto *)fs->k[kidx].p)->fast_kind)
        comp_reserve(fs, base + 3);   /* a NativeFast rest's a[1] */
    fs->freereg = base + (nwant > 0 ? nwant : 0);
    return base;
}

/* ---- defer and go ------------------------------------------------------------ */

/* A wrapper function running builtin call e on parameters (for defer). */
static Proto *builtin_wrapper(FuncState *fs, Expr *e) {
    int n = e->u.call.nargs;
    FuncInfo *info = gc_alloc(sizeof *info);
    Type **pt = gc_alloc((n + 1) * sizeof(Type *));
    Object **po = gc_alloc((n + 1) * sizeof(Object *));
    Expr **args = gc_alloc((n + 1) * sizeof(Expr *));
    for (int i = 0; i < n; i++) {
        Expr *a = e->u.call.args[i];
        Type *t = a->cv.kind != CV_NONE ? comp_const_type(a) : a->type;
        if (a->mode == M_TYPE) {
            args[i] = a;
            pt[i] = NULL;
            continue;
        }
        pt[i] = t;
        Object *o = gc_alloc(sizeof *o);
        o->kind = OBJ_VAR;
        o->name = "~a";
        o->type = t;
        o->owner = info;
        po[i] = o;
        Expr *id = ast_expr(E_IDENT, a->pos);
        id->u.ident.name = "~a";
        id->u.ident.obj = o;
        id->type = t;
        id->mode = M_VAR;
        args[i] = id;
    }
    int np = 0;
    Object **params = gc_alloc((n + 1) * sizeof(Object *));
    Type **ptypes = gc_alloc((n + 1) * sizeof(Type *));
    for (int i = 0; i < n; i++)
        if (pt[i]) {
            params[np] = po[i];
            ptypes[np++] = pt[i];
        }
    info->sig = type_func(ptypes, np, NULL, 0, false);
    info->params = params;
    info->nparams = np;
    info->name = fs->proto->name;
    Expr *call = ast_expr(E_CALL, e->pos);
    call->u.call = e->u.call;
    call->u.call.args = args;
    call->u.call.tuple = NULL;          /* its results are the parameters */
    call->type = e->type;
    Stmt *st = ast_stmt(S_EXPR, e->pos);
    st->u.expr.x = call;
    char name[256];
    snprintf(name, sizeof name, "%s.deferwrap", fs->proto->name);
    info->name = gc_strdup(name);
    return comp_function(fs->C, fs, info, st, false, NULL, e->pos);
}

int cdefer_call(FuncState *fs, Expr *e, int *basep) {
    Expr *fn = ast_unparen(e->u.call.fun);
    int base = alloc_reg(fs);
    *basep = base;
    Type *sig = fn->type;
    if (e->u.call.kind == CALL_BUILTIN || e->u.call.kind == CALL_CONV) {
        Proto *w = builtin_wrapper(fs, e);
        /* `defer recover()`: a wrapper, transparent as Go's deferwrap, so
         * the recover counts as called by the function deferring it (it
         * stops a panic when that function is itself a deferred call the
         * panic runs, and never in the panicking function: vm.c RECOVER) */
        if (e->u.call.kind == CALL_BUILTIN && e->u.call.builtin == BI_RECOVER)
            w->wrapper = true;
        int nargs = 0;
        if (e->u.call.tuple) {          /* defer println(g()): g's results */
            ccall(fs, e->u.call.tuple, e->u.call.nargs);
            nargs = e->u.call.nargs;
        }
        for (int i = 0; i < e->u.call.nargs && !e->u.call.tuple; i++) {
            Expr *a = e->u.call.args[i];
            if (a->mode == M_TYPE)
                continue;
            int r = alloc_reg(fs);
            cvalue(fs, a, a->cv.kind != CV_NONE ? comp_const_type(a) : a->type, r, true);
            fs->freereg = r + 1;
            nargs++;
        }
        if (w->ncaps) emit(fs, OP_CLOSURE, base, 0, k_ptr(fs, w, KT_PROTO));
        else emit(fs, OP_LOADK, base, 0, k_ptr(fs, vm_static_closure(w), KT_CLOSURE));
        return nargs;
    }
    Object *sf = static_func(fn);
    if (fn->kind == E_SELECTOR && fn->u.sel.kind == SEL_METHOD) {
        Object *m = fn->u.sel.method;
        emit(fs, OP_LOADK, base, 0,
             k_ptr(fs, vm_static_closure(func_proto(fs->C, m)), KT_CLOSURE));
        int r = alloc_reg(fs);
        comp_recv(fs, fn, r);
        sig = m->type;
        cargs(fs, e, sig);
        return fs->freereg - base - 1;
    }
    if (fn->kind == E_SELECTOR && fn->u.sel.kind == SEL_IFACE) {
        int r = alloc_reg(fs);
        Type *it = comp_iface_operand(fs, fn, r);
        emit(fs, OP_NILCHK, r, 0, 0);
        Proto *th = thunk_iface_bound(fs->C, it, fn->u.sel.iface_index);
        emit(fs, OP_BIND, base, r, k_ptr(fs, th, KT_PROTO));
        fs->freereg = base + 1;
    } else if (sf) {
        emit(fs, OP_LOADK, base, 0,
             k_ptr(fs, vm_static_closure(func_proto(fs->C, sf)), KT_CLOSURE));
    } else {
        cexpr(fs, fn, base);
    }
    cargs(fs, e, sig);
    return fs->freereg - base - 1;
}

/* ---- builtins --------------------------------------------------------------- */

/* Each builtin helper gets the call e, its arguments and the destination
 * (dst < 0: any register); temporaries are released by the caller. */

static int bi_len(FuncState *fs, Expr *e, Expr **args, int dst) {
    Type *t = args[0]->type;
    if (t->kind == K_POINTER)
        t = t->elem;
    int d;
    if (t->kind == K_ARRAY) {
        if (e->cv.kind == CV_NONE) {     /* not constant: calls/receives run */
            int save = fs->freereg;
            cexpr(fs, args[0], -1);
            fs->freereg = save;
        }
        d = comp_target(fs, dst);
        load_int(fs, d, t->len);
        return d;
    }
    int save = fs->freereg;
    if (t->kind == K_CHAN) {
        int r = cexpr(fs, args[0], -1);
        fs->freereg = save;
        d = comp_target(fs, dst);
        emit(fs, e->u.call.builtin == BI_CAP ? OP_CAPCH : OP_LENCH, d, r, 0);
        return d;
    }
    int r = cexpr(fs, args[0], -1);
    fs->freereg = save;
    d = comp_target(fs, dst);
    unsigned op = t->kind == K_STRING ? OP_LENS : t->kind == K_MAP ? OP_LENMAP
                : e->u.call.builtin == BI_CAP ? OP_CAP : OP_LEN;
    emit(fs, op, d, r, 0);
    return d;
}

static int bi_append(FuncState *fs, Expr *e, Expr **args, int n, int dst) {
    Type *elem = e->type->elem;
    int save = fs->freereg;
    int s = cexpr(fs, args[0], -1);
    if (e->u.call.has_ellipsis && n == 2) {
        int r = cexpr(fs, args[1], -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_APPENDSL, d, s, r);
        bool str = args[1]->type->kind == K_STRING || args[1]->cv.kind == CV_STRING;
        emit_extra(fs, str, 0, k_ptr(fs, elem, KT_TYPE));
        return d;
    }
    if (n == 1) {
        fs->freereg = save;
        return comp_to_dst(fs, s, comp_target(fs, dst));
    }
    int first = fs->freereg;
    for (int i = 1; i < n; i++) {
        int r = alloc_reg(fs);
        cvalue(fs, args[i], elem, r, false);
        fs->freereg = r + 1;
    }
    fs->freereg = save;
    int d = comp_target(fs, dst);
    comp_reserve(fs, first + n);
    emit(fs, OP_APPEND, d, s, first);
    emit_extra(fs, 0, n - 1, k_ptr(fs, elem, KT_TYPE));
    return d;
}

static int bi_make(FuncState *fs, Expr *e, Expr **args, int n, int dst) {
    Type *t = args[0]->type;
    int save = fs->freereg;
    if (t->kind == K_SLICE) {
        int l = cexpr(fs, args[1], -1);
        int c = n > 2 ? cexpr(fs, args[2], -1) : l;
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_MAKESLICE, d, l, c);
        emit_extra(fs, 0, 0, k_ptr(fs, t->elem, KT_TYPE));
        return d;
    }
    /* map: a size hint; chan: a buffer size; 0 when absent */
    int h;
    if (n > 1) {
        h = cexpr(fs, args[1], -1);
    } else {
        h = alloc_reg(fs);
        emit(fs, OP_LOADI, h, 0, 0);
    }
    fs->freereg = save;
    int d = comp_target(fs, dst);
    if (t->kind == K_MAP)
        emit(fs, OP_MAKEMAP, d, h, k_ptr(fs, t, KT_TYPE));
    else
        emit(fs, OP_MAKECHAN, d, h, k_ptr(fs, t->elem, KT_TYPE));
    return d;
}

static void bi_print(FuncState *fs, Expr *e, Expr **args, int n) {
    bool ln = e->u.call.builtin == BI_PRINTLN;
    int save = fs->freereg;
    for (int i = 0; i < n; i++) {
        Type *t = args[i]->cv.kind != CV_NONE ? comp_const_type(args[i]) : args[i]->type;
        int r = cvalue(fs, args[i], t, -1, false);
        unsigned flags = (ln && i > 0 ? 1 : 0) | (ln && i == n - 1 ? 2 : 0);
        emit(fs, OP_PRINT, r, k_ptr(fs, t, KT_TYPE), flags);
        fs->freereg = save;
    }
    if (ln && n == 0) {
        int r = alloc_reg(fs);
        emit(fs, OP_LOADI, r, 0, 0);    /* "" then the newline */
        emit(fs, OP_PRINT, r, k_ptr(fs, type_basic(K_STRING), KT_TYPE), 2);
        fs->freereg = save;
    }
}

static int bi_minmax(FuncState *fs, Expr *e, Expr **args, int n, int dst) {
    Type *t = e->type;
    unsigned mode = comp_is_float(t) ? 4 : t->kind == K_STRING ? 6
                  : type_is_unsigned(t) ? 2 : 0;
    mode += e->u.call.builtin == BI_MAX;
    int save = fs->freereg;
    int acc = alloc_reg(fs);
    cvalue(fs, args[0], t, acc, false);
    for (int i = 1; i < n; i++) {
        int r = cvalue(fs, args[i], t, -1, false);
        emit(fs, OP_MINMAX, acc, r, mode);
        fs->freereg = acc + 1;
    }
    fs->freereg = save;
    return comp_to_dst(fs, acc, comp_target(fs, dst));
}

/* new(expr) (Go 1.26): an owned copy of the value is the new variable for
 * boxed types; any other value goes into a fresh 1-slot cell. */
static int cnew_value(FuncState *fs, Expr *x, int dst) {
    if (type_is_boxed(x->type))
        return cvalue(fs, x, x->type, dst, true);
    int save = fs->freereg;
    int d = comp_target(fs, dst);
    int v = alloc_reg(fs);
    cvalue(fs, x, x->type, v, false);
    emit(fs, OP_NEWCELL, d, v, 0);
    fs->freereg = save > d ? save : d + 1;
    return d;
}

/* Builtin call e: a constant result (len of an array, min or max
 * of constants) is loaded; len, cap, append, make, min, max and
 * print have helpers above; the rest (copy, delete, new, panic, recover,
 * complex, real, imag, clear, close) are handled inline. */
int comp_builtin(FuncState *fs, Expr *e, int dst) {
    Expr **args = e->u.call.args;
    int n = e->u.call.nargs;
    int save = fs->freereg;
    if (e->cv.kind != CV_NONE)
        return comp_load_const(fs, e, comp_const_type(e), dst);
    if (e->u.call.tuple) {              /* builtin(g()): g's results first */
        int b = ccall(fs, e->u.call.tuple, n);
        for (int i = 0; i < n; i++) args[i]->u.tref.reg = b + i;
    }
    switch (e->u.call.builtin) {
    case BI_LEN: case BI_CAP: return bi_len(fs, e, args, dst);
    case BI_SIZEOF: case BI_ALIGNOF: case BI_OFFSETOF: {   /* variable size */
        int d = comp_target(fs, dst);
        load_int(fs, d, e->u.call.uval);
        return d;
    }
    case BI_APPEND: return bi_append(fs, e, args, n, dst);
    case BI_MAKE: return bi_make(fs, e, args, n, dst);
    case BI_MIN: case BI_MAX: return bi_minmax(fs, e, args, n, dst);
    case BI_PRINT: case BI_PRINTLN:
        bi_print(fs, e, args, n);
        return comp_target(fs, dst);
    case BI_COPY: {
        int a = cexpr(fs, args[0], -1);
        int b = cexpr(fs, args[1], -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_COPY, d, a, b);
        emit_extra(fs, args[1]->type->kind == K_STRING, 0,
                   args[0]->type->elem->size);
        return d;
    }
    case BI_DELETE: {
        int m = cexpr(fs, args[0], -1);
        int k = cvalue(fs, args[1], args[0]->type->key, -1, false);
        emit(fs, OP_MAPDEL, m, k, k_ptr(fs, args[0]->type, KT_TYPE));
        fs->freereg = save;
        return comp_target(fs, dst);
    }
    case BI_NEW: {
        Type *t = args[0]->type;
        if (args[0]->mode != M_TYPE)
            return cnew_value(fs, args[0], dst);
        int d = comp_target(fs, dst);
        emit(fs, OP_BOXNEW, d, 0, t->size ? t->size : 1);
        return d;
    }
    case BI_PANIC: {
        int r = cvalue(fs, args[0], type_any(), -1, false);
        emit(fs, OP_PANIC, r, 0, 0);
        fs->freereg = save;
        return comp_target(fs, dst);
    }
    case BI_RECOVER: {
        int d = comp_target(fs, dst);
        emit(fs, OP_RECOVER, d, 0, 0);
        return d;
    }
    case BI_COMPLEX: {
        int re = cvalue(fs, args[0], args[0]->type, -1, false);
        int im = cvalue(fs, args[1], args[1]->type, -1, false);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_CPLX, d, re, im);
        return d;
    }
    case BI_REAL: case BI_IMAG: {
        int r = cexpr(fs, args[0], -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit(fs, OP_CPART, d, r, e->u.call.builtin == BI_IMAG);
        return d;
    }
    case BI_CLEAR: {
        Type *t = args[0]->type;
        int r = cexpr(fs, args[0], -1);
        if (t->kind == K_MAP) emit(fs, OP_MAPCLEAR, r, 0, 0);
        else emit(fs, OP_CLEARS, r, 0, t->elem->size);
        fs->freereg = save;
        return comp_target(fs, dst);
    }
    case BI_CLOSE: {
        int r = cexpr(fs, args[0], -1);
        emit(fs, OP_CLOSE, r, 0, 0);
        fs->freereg = save;
        return comp_target(fs, dst);
    }
    default:
        comp_error(fs, e->pos, "internal error: unknown builtin");
        return comp_target(fs, dst);
    }
}
