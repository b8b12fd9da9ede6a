/*
 * compile_stmt.c — statements: declarations, assignments (with Go's
 * two-phase order for tuple assignment), control flow (if, for, range,
 * switch, type switch, labels, break/continue/fallthrough), return with
 * the deferred-call epilogue, defer; and the capture analysis that decides
 * which locals live in heap cells.
 *
 * Loops are laid out with the condition at the bottom (one fused
 * compare-and-branch per iteration): init; JMP cond; body; continue: post;
 * cond: Jcc body. An "i < n; i++" loop is rotated instead: init; J!cc
 * exit; body; continue: FORLT* (i++ fused with the branch); exit. Go 1.22 loop variables: a captured or address-taken
 * variable declared by a 3-clause loop's init gets a fresh cell each
 * iteration (CELLCOPY before the post statement); range variables are
 * simply re-declared (a new cell) at the top of every iteration. Range
 * over a function is compile_range.c's.
 */
#include <string.h>

#include "compile_int.h"

static Expr *unparen(Expr *e) {
    while (e && e->kind == E_PAREN)
        e = e->u.paren.x;
    return e;
}

static bool is_blank(Expr *e) {
    e = unparen(e);
    return e && e->kind == E_IDENT && strcmp(e->u.ident.name, "_") == 0;
}

static void scope_end(FuncState *fs, int save) {
    fs->nactive = save;
    fs->freereg = save;
}

void cblock(FuncState *fs, Stmt **stmts, int n) {
    int save = fs->nactive;
    for (int i = 0; i < n; i++)
        cstmt(fs, stmts[i]);
    scope_end(fs, save);
}

/* ---- declarations and assignments ---------------------------------------------------------- */

static Type *lhs_type(Expr *e) {
    e = unparen(e);
    if (e->kind == E_IDENT && e->u.ident.obj)
        return e->u.ident.obj->type;
    return e->type;
}

int values_into_regs(FuncState *fs, Expr **rhs, int nrhs, Type **types, int n) {
    int base = fs->freereg;
    if (nrhs == n) {
        for (int i = 0; i < n; i++) {
            int r = alloc_reg(fs);
            cvalue(fs, rhs[i], types[i], r, true);
            fs->freereg = r + 1;
        }
        return base;
    }
    Expr *e = unparen(rhs[0]);
    if (e->kind == E_CALL && e->type && e->type->kind == K_TUPLE) {
        int b = ccall(fs, e, n);
        for (int i = 0; i < n; i++)
            convert_reg(fs, b + i, e->type->params[i], types[i]);
        return b;
    }
    alloc_regs(fs, 2);
    ccommaok(fs, e, base);
    fs->freereg = base + 2;
    if (types[0])
        convert_reg(fs, base, e->type, types[0]);
    if (types[1]) /* `v, ok = m[k]` with an interface-typed ok */
        convert_reg(fs, base + 1, type_basic(K_BOOL), types[1]);
    return base;
}

static void cvar_spec(FuncState *fs, ValueSpec *vs) {
    int n = vs->nnames;
    Type **types = gc_alloc((n + 1) * sizeof(Type *));
    for (int i = 0; i < n; i++)
        types[i] = vs->objs && vs->objs[i] ? vs->objs[i]->type : lhs_type(vs->names[i]);
    int base;
    if (vs->nvalues == 0) {
        base = fs->freereg;
        for (int i = 0; i < n; i++) {
            int r = alloc_reg(fs);
            emit_zero(fs, r, types[i]);
        }
    } else {
        comp_hoist(fs, vs->values, vs->nvalues, false);
        base = values_into_regs(fs, vs->values, vs->nvalues, types, n);
    }
    for (int i = 0; i < n; i++) {
        Object *o = vs->objs ? vs->objs[i] : vs->names[i]->u.ident.obj;
        if (o && strcmp(o->name, "_") != 0)
            declare_local(fs, o, base + i);
    }
    fs->nactive = fs->freereg = base + n;
}

static void cdecl(FuncState *fs, Decl *d) {
    if (d->kind == D_VAR) {
        for (int i = 0; i < d->u.vars.n; i++)
            cvar_spec(fs, &d->u.vars.specs[i]);
    } else if (d->kind == D_TYPE) {
        for (int i = 0; i < d->u.types.n; i++) {
            TypeSpec *ts = &d->u.types.specs[i];
            if (ts->obj && !ts->alias)
                comp_named_type(fs->C, ts->obj->type);
        }
    }
}

/* Whether evaluating lhs reads operands (a[i], p.f, *p) before the
 * right-hand side: then gc's order applies across the statement. */
static bool lhs_reads(Expr **lhs, int n) {
    for (int i = 0; i < n; i++) {
        Expr *x = unparen(lhs[i]);
        if (x->kind == E_INDEX || x->kind == E_STAR ||
            (x->kind == E_SELECTOR && x->u.sel.kind == SEL_FIELD))
            return true;
    }
    return false;
}

static void cdefine(FuncState *fs, Stmt *s) {
    int n = s->u.assign.nlhs;
    Expr **lhs = s->u.assign.lhs;
    comp_hoist(fs, s->u.assign.rhs, s->u.assign.nrhs, false);
    Type **types = gc_alloc((n + 1) * sizeof(Type *));
    for (int i = 0; i < n; i++)
        types[i] = lhs_type(lhs[i]);
    int base = values_into_regs(fs, s->u.assign.rhs, s->u.assign.nrhs, types, n);
    fs->freereg = base + n > fs->freereg ? base + n : fs->freereg;
    for (int i = 0; i < n; i++) {
        Expr *id = unparen(lhs[i]);
        if (is_blank(id) || id->kind != E_IDENT || !id->u.ident.obj)
            continue;
        Object *o = id->u.ident.obj;
        if (id->u.ident.is_def) {
            declare_local(fs, o, base + i);
        } else {
            LValue lv;
            lv_compile(fs, id, &lv, false);
            lv_store(fs, &lv, base + i);
        }
    }
    fs->nactive = fs->freereg = base + n;
}

/* The evaluation-order pass of an assignment (comp_hoist). gc orders the
 * left-hand side's operands first, then the right (walk/order.go OAS,
 * OAS2): `*f(), p = m[g()]` calls f before g. A comma-ok right-hand side
 * is entered but not hoisted itself (it is one MAPGET2 / RECV / ASSERT2
 * with its ok). Left-hand sides that read nothing (variables) are left
 * out, so `x = f()` needs no extra move. */
static void assign_hoist(FuncState *fs, Expr **lhs, int nl, Expr **rhs, int nr) {
    if (!lhs_reads(lhs, nl)) {
        comp_hoist(fs, rhs, nr, false);
        return;
    }
    Expr **list = gc_alloc((size_t)(nl + nr + 2) * sizeof(Expr *));
    int n = 0;
    for (int i = 0; i < nl; i++)
        list[n++] = lhs[i];
    Expr *r0 = nr == 1 ? unparen(rhs[0]) : NULL;
    if (nl == 2 && r0 && r0->kind == E_INDEX) {
        list[n++] = r0->u.index.x;
        list[n++] = r0->u.index.index;
    } else if (nl == 2 && r0 && r0->kind == E_TYPEASSERT) {
        list[n++] = r0->u.assert.x;
    } else if (nl == 2 && r0 && r0->kind == E_UNARY && r0->u.unary.op == T_ARROW) {
        list[n++] = r0->u.unary.x;
    } else {
        for (int i = 0; i < nr; i++)
            list[n++] = rhs[i];
    }
    comp_hoist(fs, list, n, false);
}

static void cassign(FuncState *fs, Stmt *s) {
    int nl = s->u.assign.nlhs, nr = s->u.assign.nrhs;
    Expr **lhs = s->u.assign.lhs, **rhs = s->u.assign.rhs;
    assign_hoist(fs, lhs, nl, rhs, nr);
    if (nl == 1 && nr == 1) {
        LValue lv;
        if (is_blank(lhs[0])) {
            Expr *e = unparen(rhs[0]);
            if (e->kind == E_CALL) ccall(fs, e, 0);
            else cexpr(fs, e, -1);
            return;
        }
        lv_compile(fs, lhs[0], &lv, false);
        if (lv.kind == LV_REG) {
            cvalue(fs, rhs[0], lv.type, lv.reg, true);
            return;
        }
        int r = cvalue(fs, rhs[0], lv.type, -1, false);
        lv_store(fs, &lv, r);
        return;
    }
    LValue *lvs = gc_alloc((nl + 1) * sizeof(LValue));
    Type **types = gc_alloc((nl + 1) * sizeof(Type *));
    for (int i = 0; i < nl; i++) {
        lv_compile(fs, lhs[i], &lvs[i], true);
        types[i] = lvs[i].kind == LV_BLANK ? NULL : lvs[i].type;
    }
    int base;
    if (nl == nr) {
        base = fs->freereg;
        for (int i = 0; i < nl; i++) {
            int r = alloc_reg(fs);
            /* a fresh register each: `a, b = b, a` must read both first */
            cvalue(fs, rhs[i], types[i], r, true);
            fs->freereg = r + 1;
        }
    } else {
        base = values_into_regs(fs, rhs, nr, types, nl);
    }
    fs->freereg = base + nl > fs->freereg ? base + nl : fs->freereg;
    for (int i = 0; i < nl; i++)
        lv_store(fs, &lvs[i], base + i);
}

/* x++, x--, x += c, x -= c on a captured integer: one ADDUP on the cell
 * instead of GETUP, ADDI (NORM), SETUP. Closures bumping a shared counter
 * (under a mutex, say) run this in their hot loop. */
static bool up_addi(FuncState *fs, LValue *lv, TokKind op, Expr *y, int delta) {
    int bits = type_int_bits(lv->type->kind);
    if (lv->kind != LV_UP || !bits || comp_sched_points(fs))
        return false; /* the simulation splits the read and the write */
    int64_t c = delta;
    if (y) {
        if ((op != T_ADD && op != T_SUB) || y->cv.kind != CV_INT ||
            y->cv.u.i < INS_MIN_SC + 1 || y->cv.u.i > INS_MAX_SC)
            return false;
        c = op == T_ADD ? (int64_t)y->cv.u.i : -(int64_t)y->cv.u.i;
    }
    emit(fs, OP_ADDUP, lv->off, bits < 64 ? lv->type->kind : 0, c);
    return true;
}

/* x op= y (also x++ / x-- with y == NULL and delta). */
static void copassign(FuncState *fs, Expr *x, TokKind op, Expr *y, int delta) {
    LValue lv;
    lv_compile(fs, x, &lv, false);
    if (up_addi(fs, &lv, op, y, delta))
        return;
    Type *t = lv.type;
    if (y)
        comp_hoist(fs, &y, 1, true);   /* x op= f(): x is read after f */
    int cur = lv_load(fs, &lv, -1);
    int d = lv.kind == LV_REG ? lv.reg : alloc_reg(fs);
    if (y) {
        carith(fs, op, t, d, cur, y);
    } else if (t->kind == K_FLOAT32 || t->kind == K_FLOAT64) {
        int one = alloc_reg(fs);
        emit(fs, OP_LOADK, one, 0, k_float(fs, 1.0));
        cbinop(fs, delta > 0 ? T_ADD : T_SUB, t, d, cur, one, NULL);
    } else if (type_is_complex(t)) {
        int one = alloc_regs(fs, 2);
        emit(fs, OP_LOADK, one, 0, k_float(fs, 1.0));
        emit(fs, OP_LOADI, one + 1, 0, 0);   /* the bits of +0.0 */
        emit(fs, OP_CPLX, one, one, one + 1);
        cbinop(fs, delta > 0 ? T_ADD : T_SUB, t, d, cur, one, NULL);
    } else {
        emit(fs, OP_ADDI, d, cur, delta);
        int bits = type_int_bits(t->kind);
        if (bits && bits < 64)
            emit(fs, OP_NORM, d, d, t->kind);
    }
    if (lv.kind != LV_REG)
        lv_store(fs, &lv, d);
}

/* ---- control flow ------------------------------------------------------------------------- */

static BreakCtx *push_ctx(FuncState *fs, BreakCtx *bc, Stmt *s, Stmt *label,
                          bool loop) {
    memset(bc, 0, sizeof *bc);
    bc->stmt = s;
    bc->label = label;
    bc->is_loop = loop;
    bc->prev = fs->breaks;
    fs->breaks = bc;
    return bc;
}

static void pop_ctx(FuncState *fs, BreakCtx *bc) {
    jl_patch_here(fs, &bc->breaks);
    fs->breaks = bc->prev;
}

static const char *label_name(Stmt *lab) {
    if (!lab || !lab->u.labeled.label)
        return NULL;
    return lab->u.labeled.label->u.ident.name;
}

/* goto: each targeted label gets an entry (found by its S_LABELED) with
 * its pc once compiled, and the jumps that reached it earlier (forward
 * gotos) to patch then. The checker guarantees the jump leaves no
 * variable declaration unexecuted and enters no block, so a plain JMP is
 * all a goto is (a backward one preempts like any backward jump). */
typedef struct GotoLabel {
    Stmt *label;
    int pc;                  /* -1 until the label is compiled */
    JumpList pending;
} GotoLabel;

static GotoLabel *goto_label(FuncState *fs, Stmt *label) {
    for (int i = 0; i < fs->nglabels; i++)
        if (fs->glabels[i].label == label)
            return &fs->glabels[i];
    if (fs->nglabels == fs->capglabels) {
        fs->capglabels = fs->capglabels ? fs->capglabels * 2 : 4;
        fs->glabels = gc_realloc(fs->glabels, fs->capglabels * sizeof *fs->glabels);
    }
    GotoLabel *g = &fs->glabels[fs->nglabels++];
    memset(g, 0, sizeof *g);
    g->label = label;
    g->pc = -1;
    return g;
}

static void cgoto(FuncState *fs, Stmt *s) {
    GotoLabel *g = goto_label(fs, s->u.branch.target);
    int j = emit_jump(fs, OP_JMP, 0, 0);
    if (g->pc >= 0)
        patch_to(fs, j, g->pc);
    else
        jl_add(&g->pending, j);
}

/* A labeled statement: the gotos waiting for it land here. */
static void goto_land(FuncState *fs, Stmt *label) {
    for (int i = 0; i < fs->nglabels; i++)
        if (fs->glabels[i].label == label) {
            fs->glabels[i].pc = fs->ncode;
            jl_patch_here(fs, &fs->glabels[i].pending);
            return;
        }
    goto_label(fs, label)->pc = fs->ncode;
}

static void cbranch(FuncState *fs, Stmt *s) {
    TokKind tok = s->u.branch.tok;
    if (tok == T_FALLTHROUGH)
        return;                      /* handled by the switch layout */
    if (tok == T_GOTO) {
        if (!fs->rf || !comp_range_branch(fs, s))
            cgoto(fs, s);
        return;
    }
    const char *name = s->u.branch.label ? s->u.branch.label->u.ident.name : NULL;
    Stmt *target = s->u.branch.target;
    for (BreakCtx *bc = fs->breaks; bc; bc = bc->prev) {
        if (tok == T_CONTINUE && !bc->is_loop)
            continue;
        if (name || target) {
            bool match = (target && (target == bc->stmt || target == bc->label)) ||
                         (name && label_name(bc->label) &&
                          strcmp(label_name(bc->label), name) == 0);
            if (!match)
                continue;
        }
        int j = emit_jump(fs, OP_JMP, 0, 0);
        jl_add(tok == T_BREAK ? &bc->breaks : &bc->continues, j);
        return;
    }
    if (fs->rf && comp_range_branch(fs, s))
        return;
    comp_error(fs, s->pos, "%s is not in a loop, switch, or select",
               tok == T_BREAK ? "break" : "continue");
}

static void cif(FuncState *fs, Stmt *s) {
    int save = fs->nactive;
    cstmt(fs, s->u.if_.init);
    JumpList f = {0};
    cjump(fs, s->u.if_.cond, false, &f);
    cstmt(fs, s->u.if_.then);
    if (s->u.if_.els) {
        int j = emit_jump(fs, OP_JMP, 0, 0);
        jl_patch_here(fs, &f);
        cstmt(fs, s->u.if_.els);
        patch_here(fs, j);
    } else {
        jl_patch_here(fs, &f);
    }
    scope_end(fs, save);
}

/* Variables declared by a for statement's init that need a fresh cell or
 * box per iteration. */
static int loop_vars(Stmt *init, Object **out, int max) {
    int n = 0;
    if (!init)
        return 0;
    if (init->kind == S_ASSIGN && init->u.assign.op == T_DEFINE) {
        for (int i = 0; i < init->u.assign.nlhs && n < max; i++) {
            Expr *id = unparen(init->u.assign.lhs[i]);
            if (id->kind == E_IDENT && id->u.ident.obj && id->u.ident.is_def)
                out[n++] = id->u.ident.obj;
        }
    } else if (init->kind == S_DECL && init->u.decl.decl &&
               init->u.decl.decl->kind == D_VAR) {
        Decl *d = init->u.decl.decl;
        for (int i = 0; i < d->u.vars.n; i++)
            for (int j = 0; j < d->u.vars.specs[i].nnames && n < max; j++)
                if (d->u.vars.specs[i].objs && d->u.vars.specs[i].objs[j])
                    out[n++] = d->u.vars.specs[i].objs[j];
    }
    return n;
}

/* The fused increment-and-branch for a loop's bottom "ADDI r r 1; Jcc"
 * (signed <, against a register, an immediate or a constant), else 0. */
static unsigned fused_loop_op(Instr add, Instr jmp) {
    if (INS_OP(add) != OP_ADDI || INS_A(add) != INS_B(add) || INS_SC(add) != 1 ||
        INS_A(jmp) != INS_A(add))
        return 0;
    switch (INS_OP(jmp)) {
    case OP_JLT: return OP_FORLT;
    case OP_JLTI: return OP_FORLTI;
    case OP_JLTK: return OP_FORLTK;
    default: return 0;
    }
}

/* A condition "x < y" of identifiers and constants: cheap to test twice
 * (a rotated loop tests it on entry and at the bottom). A loop with such
 * a condition and an "i++" post statement is rotated, so that nothing but
 * the post statement reaches the bottom compare-and-branch, which then
 * fuses with the increment into one FORLT* when both are one instruction
 * on the same register. */
static bool is_simple_cond(Expr *c) {
    c = unparen(c);
    if (!c || c->kind != E_BINARY || c->u.binary.op != T_LSS)
        return false;
    for (int i = 0; i < 2; i++) {
        Expr *x = unparen(i ? c->u.binary.y : c->u.binary.x);
        if (x->cv.kind == CV_NONE && x->kind != E_IDENT)
            return false;
    }
    return true;
}

static void cfor(FuncState *fs, Stmt *s, Stmt *label) {
    int save = fs->nactive;
    cstmt(fs, s->u.for_.init);
    Object *vars[16];
    int nv = loop_vars(s->u.for_.init, vars, 16);
    BreakCtx bc;
    push_ctx(fs, &bc, s, label, true);
    /* Rotation (see fused_loop_op) for an "i < n; i++" loop: the entry
     * test jumps out when false; the bottom test is then reached only by
     * falling through the post statement. */
    bool rotate = s->u.for_.cond && s->u.for_.post && is_simple_cond(s->u.for_.cond) &&
                  s->u.for_.post->kind == S_INCDEC;
    JumpList exits = {0};
    int jcond = -1;
    if (rotate) {
        set_line(fs, s->pos);
        cjump(fs, s->u.for_.cond, false, &exits);
    } else if (s->u.for_.cond) {
        jcond = emit_jump(fs, OP_JMP, 0, 0);
    }
    int top = here(fs);
    cstmt(fs, s->u.for_.body);
    jl_patch_here(fs, &bc.continues);
    for (int i = 0; i < nv; i++) {
        Object *o = vars[i];
        if (o->comp != fs)
            continue;
        if (var_in_cell(o))
            emit(fs, OP_CELLCOPY, o->reg, 0, 0);
        else if (type_is_boxed(o->type) && (o->captured || o->addr_taken))
            emit(fs, OP_BOXCOPY, o->reg, o->reg, o->type->size);
    }
    int post = here(fs);
    cstmt(fs, s->u.for_.post);
    if (rotate) {
        int cond = here(fs);
        set_line(fs, s->pos);
        JumpList t = {0};
        cjump(fs, s->u.for_.cond, true, &t);
        unsigned op;
        if (cond == post + 1 && here(fs) == cond + 1 && t.n == 1 && t.pcs[0] == cond &&
            (op = fused_loop_op(fs->code[post], fs->code[cond])) != 0) {
            Instr j = fs->code[cond];
            fs->ncode = post;
            patch_to(fs, emit_jump(fs, op, INS_A(j), INS_B(j)), top);
        } else {
            jl_patch_to(fs, &t, top);
        }
        jl_patch_here(fs, &exits);
    } else if (jcond >= 0) {
        patch_here(fs, jcond);
        set_line(fs, s->pos);
        JumpList t = {0};
        cjump(fs, s->u.for_.cond, true, &t);
        jl_patch_to(fs, &t, top);
    } else {
        patch_to(fs, emit_jump(fs, OP_JMP, 0, 0), top);
    }
    pop_ctx(fs, &bc);
    scope_end(fs, save);
}

/* The type of the key (or the value) a range statement produces. */
static Type *range_src_type(Stmt *s, bool value) {
    Type *t = s->u.range.x->type;
    if (t->kind == K_POINTER)
        t = t->elem;
    switch (t->kind) {
    case K_STRING: return type_basic(value ? K_INT32 : K_INT);
    case K_ARRAY: case K_SLICE: return value ? t->elem : type_basic(K_INT);
    case K_MAP: return value ? t->elem : t->key;
    case K_CHAN: return t->elem;
    case K_FUNC: return t->params[0]->params[value];
    default: return t;       /* an integer */
    }
}

/* R[src] converted for the range variable lv: boxed when lv is an
 * interface and the source is not. */
static int range_conv(FuncState *fs, Stmt *s, bool value, LValue *lv, int src) {
    Type *from = range_src_type(s, value);
    if (lv->type && lv->type->kind == K_INTERFACE && from->kind != K_INTERFACE) {
        int r = alloc_reg(fs);
        emit(fs, OP_IFACE, r, src, k_dyntype(fs, from));
        return r;
    }
    return src;
}

void range_store(FuncState *fs, Stmt *s, int ksrc, int vsrc) {
    Expr *e[2] = {s->u.range.key, s->u.range.value};
    int src[2] = {ksrc, vsrc};
    int save = fs->freereg;
    LValue lv[2];
    /* as an assignment statement: both targets' operands first (`for i,
     * x[i] = range` indexes x with the old i), then the stores in order */
    bool both = true;
    for (int i = 0; i < 2; i++)
        both = both && src[i] >= 0 && e[i] && !is_blank(e[i]);
    for (int i = 0; i < 2; i++)
        if (src[i] >= 0 && e[i] && !is_blank(e[i]))
            lv_compile(fs, e[i], &lv[i], both);
    for (int i = 0; i < 2; i++)
        if (src[i] >= 0 && e[i] && !is_blank(e[i]))
            lv_store(fs, &lv[i], range_conv(fs, s, i == 1, &lv[i], src[i]));
    fs->freereg = save;
}

/* Binds the range variables to R[ksrc] and R[vsrc] (-1: absent) at the top
 * of an iteration: new variables each time when the loop declares them,
 * else an assignment. */
static void range_assign(FuncState *fs, Stmt *s, int ksrc, int vsrc, int kr,
                         int vr) {
    if (!s->u.range.define) {
        range_store(fs, s, ksrc, vsrc);
        return;
    }
    Expr *e[2] = {s->u.range.key, s->u.range.value};
    Object *o[2] = {s->u.range.key_obj, s->u.range.value_obj};
    int src[2] = {ksrc, vsrc}, reg[2] = {kr, vr};
    for (int i = 0; i < 2; i++) {
        if (src[i] < 0 || !e[i] || is_blank(e[i]))
            continue;
        Object *obj = o[i] ? o[i] : unparen(e[i])->u.ident.obj;
        if (!obj)
            continue;
        emit(fs, OP_MOVE, reg[i], src[i], 0);
        declare_local(fs, obj, reg[i]);
    }
}

/* Registers for the range variables (declared by the loop). */
static void range_regs(FuncState *fs, Stmt *s, int *kr, int *vr) {
    *kr = *vr = -1;
    if (!s->u.range.define)
        return;
    *kr = alloc_reg(fs);
    *vr = alloc_reg(fs);
    fs->nactive = fs->freereg;
}

/* Range over an integer, a slice or an array (or a pointer to one):
 * hidden registers x (the operand), n (its length) and i (the index). */
static void range_counted(FuncState *fs, Stmt *s, Stmt *label, Type *xt) {
    Expr *x = s->u.range.x, *val = s->u.range.value;
    bool use_val = val && !is_blank(val);
    bool counted = xt->kind != K_SLICE && xt->kind != K_ARRAY;
    int hx = alloc_reg(fs), hn = alloc_reg(fs), hi = alloc_reg(fs), hp = -1;
    if (xt->kind == K_ARRAY) {
        if (use_val) {
            if (x->type->kind == K_POINTER) cexpr(fs, x, hx);
            else cvalue(fs, x, x->type, hx, true);  /* Go ranges over a copy */
            hp = alloc_reg(fs);
        } else if (check_has_call_or_recv(x)) {
            cexpr(fs, x, hx);            /* len(x) not constant: x runs once */
        }
        load_int(fs, hn, xt->len);
    } else if (counted) {
        cexpr(fs, x, hn);
    } else {
        cexpr(fs, x, hx);
        emit(fs, OP_LEN, hn, hx, 0);
        if (use_val && type_is_boxed(xt->elem))
            hp = alloc_reg(fs);
    }
    emit(fs, OP_LOADI, hi, 0, 0);
    fs->nactive = fs->freereg;
    int kr, vr;
    range_regs(fs, s, &kr, &vr);
    BreakCtx bc;
    push_ctx(fs, &bc, s, label, true);
    int jcond = emit_jump(fs, OP_JMP, 0, 0);
    int top = here(fs);
    int body_save = fs->nactive;
    int tmp = -1;
    if (use_val) {
        tmp = alloc_reg(fs);
        Type *et = xt->elem;
        if (xt->kind == K_SLICE && !type_is_boxed(et)) {
            emit(fs, OP_SGET, tmp, hx, hi);
        } else if (xt->kind == K_SLICE) {
            emit(fs, OP_SADDR, hp, hx, hi);
            emit_extra(fs, 0, 0, et->size);
            emit(fs, OP_BOXCOPY, tmp, hp, et->size);
        } else {
            emit(fs, OP_AADDR, hp, hx, hi);
            emit_array_extra(fs, 0, xt);
            if (type_is_boxed(et)) emit(fs, OP_BOXCOPY, tmp, hp, et->size);
            else emit(fs, OP_LOAD, tmp, hp, 0);
        }
    }
    range_assign(fs, s, hi, tmp, kr, vr);
    fs->freereg = fs->nactive;
    cstmt(fs, s->u.range.body);
    scope_end(fs, body_save);
    jl_patch_here(fs, &bc.continues);
    emit(fs, OP_ADDI, hi, hi, 1);
    patch_here(fs, jcond);
    patch_to(fs, emit(fs, OP_JLT, hi, hn, 0), top);
    pop_ctx(fs, &bc);
}

/* Range over a string (STRNEXT) or a map (MAPNEXT): a three-register
 * cursor whose step writes key and value after itself and jumps out at the
 * end. */
static void range_cursor(FuncState *fs, Stmt *s, Stmt *label, bool is_map) {
    Expr *val = s->u.range.value;
    int hx = alloc_reg(fs), cur = alloc_regs(fs, 3);
    cexpr(fs, s->u.range.x, hx);
    if (is_map) emit(fs, OP_MAPITER, cur, hx, 0);
    else emit(fs, OP_LOADI, cur, 0, 0);
    fs->nactive = fs->freereg;
    int kr, vr;
    range_regs(fs, s, &kr, &vr);
    BreakCtx bc;
    push_ctx(fs, &bc, s, label, true);
    int top = here(fs);
    int jexit = is_map ? emit(fs, OP_MAPNEXT, cur, 0, 0)
                       : emit(fs, OP_STRNEXT, cur, hx, 0);
    int body_save = fs->nactive;
    range_assign(fs, s, cur + 1, val && !is_blank(val) ? cur + 2 : -1, kr, vr);
    fs->freereg = fs->nactive;
    cstmt(fs, s->u.range.body);
    scope_end(fs, body_save);
    jl_patch_here(fs, &bc.continues);
    patch_to(fs, emit_jump(fs, OP_JMP, 0, 0), top);
    patch_here(fs, jexit);
    pop_ctx(fs, &bc);
}

/* Range over a channel: RECV with ok into two hidden registers until the
 * channel is closed and drained. The backward jump is a preemption point. */
static void range_chan(FuncState *fs, Stmt *s, Stmt *label) {
    int hx = alloc_reg(fs), hv = alloc_regs(fs, 2);
    cexpr(fs, s->u.range.x, hx);
    fs->nactive = fs->freereg;
    int kr, vr;
    range_regs(fs, s, &kr, &vr);
    BreakCtx bc;
    push_ctx(fs, &bc, s, label, true);
    int top = here(fs);
    emit(fs, OP_RECV, hv, hx, 1);
    int jexit = emit_jump(fs, OP_JF, hv + 1, 0);
    int body_save = fs->nactive;
    range_assign(fs, s, hv, -1, kr, vr);
    fs->freereg = fs->nactive;
    cstmt(fs, s->u.range.body);
    scope_end(fs, body_save);
    jl_patch_here(fs, &bc.continues);
    patch_to(fs, emit_jump(fs, OP_JMP, 0, 0), top);
    patch_here(fs, jexit);
    pop_ctx(fs, &bc);
}

static void crange(FuncState *fs, Stmt *s, Stmt *label) {
    int save = fs->nactive;
    Type *xt = s->u.range.x->type;
    if (xt->kind == K_POINTER)
        xt = xt->elem;
    if (type_is_integer(xt) || xt->kind == K_SLICE || xt->kind == K_ARRAY)
        range_counted(fs, s, label, xt);
    else if (xt->kind == K_STRING || xt->kind == K_MAP)
        range_cursor(fs, s, label, xt->kind == K_MAP);
    else if (xt->kind == K_CHAN)
        range_chan(fs, s, label);
    else if (xt->kind == K_FUNC)
        comp_range_loop(fs, s, label);
    else
        comp_unsupported(fs, s->pos, "this range loop");
    scope_end(fs, save);
}

static bool ends_in_fallthrough(Stmt *c) {
    if (c->u.case_.fallthrough)
        return true;
    int n = c->u.case_.nbody;
    if (n == 0)
        return false;
    Stmt *last = c->u.case_.body[n - 1];
    return last && last->kind == S_BRANCH && last->u.branch.tok == T_FALLTHROUGH;
}

/* Jumps to *jl when R[tag] (type tt) equals case expression e. */
static void case_jump(FuncState *fs, int tag, Type *tt, Expr *e, JumpList *jl) {
    int save = fs->freereg;
    Type *et = e->cv.kind != CV_NONE ? tt : e->type;
    int tr = tag, er;
    Type *ct = tt;
    if (tt->kind == K_INTERFACE) {
        er = cvalue(fs, e, tt, -1, false);
    } else if (et && et->kind == K_INTERFACE) {
        tr = alloc_reg(fs);
        emit(fs, OP_IFACE, tr, tag, k_dyntype(fs, tt));
        er = cexpr(fs, e, -1);
        ct = et;
    } else {
        er = cvalue(fs, e, tt, -1, false);
    }
    int r = alloc_reg(fs);
    if (ct->kind == K_INTERFACE) {
        emit(fs, OP_EQIF, r, tr, er);
    } else if (ct->kind == K_FLOAT32 || ct->kind == K_FLOAT64) {
        jl_add(jl, emit(fs, OP_JEQF, tr, er, 0));
        fs->freereg = save;
        return;
    } else if (ct->kind == K_STRING) {
        emit(fs, OP_EQS, r, tr, er);
    } else if (type_is_boxed(ct)) {
        emit(fs, OP_EQV, r, tr, er);
        emit_extra(fs, 0, 0, k_ptr(fs, ct, KT_TYPE));
    } else {
        jl_add(jl, emit(fs, OP_JEQ, tr, er, 0));
        fs->freereg = save;
        return;
    }
    jl_add(jl, emit(fs, OP_JT, r, 0, 0));
    fs->freereg = save;
}

static void cswitch(FuncState *fs, Stmt *s, Stmt *label) {
    int save = fs->nactive;
    cstmt(fs, s->u.switch_.init);
    Expr *tag = s->u.switch_.tag;
    int treg = -1;
    Type *tt = NULL;
    if (tag) {
        tt = tag->cv.kind != CV_NONE ? tag->type : tag->type;
        comp_hoist(fs, &tag, 1, false);
        treg = alloc_reg(fs);
        cvalue(fs, tag, tt, treg, false);
        fs->nactive = fs->freereg;
    }
    Stmt *body = s->u.switch_.body;
    int n = body ? body->u.block.n : 0;
    Stmt **cl = body ? body->u.block.stmts : NULL;
    JumpList *jls = gc_alloc((n + 1) * sizeof(JumpList));
    int def = -1;
    for (int i = 0; i < n; i++) {
        Stmt *c = cl[i];
        if (c->u.case_.n == 0) {
            def = i;
            continue;
        }
        for (int j = 0; j < c->u.case_.n; j++) {
            Expr *e = c->u.case_.list[j];
            set_line(fs, e->pos);
            if (tag) {
                case_jump(fs, treg, tt, e, &jls[i]);
            } else if (e->type && e->type->kind == K_INTERFACE) {
                /* `switch { case x:` with x an interface compares x == true */
                int t = alloc_reg(fs);
                emit(fs, OP_LOADI, t, 0, 1);
                case_jump(fs, t, type_basic(K_BOOL), e, &jls[i]);
                fs->freereg = t;
            } else {
                cjump(fs, e, true, &jls[i]);
            }
        }
    }
    int jdef = emit_jump(fs, OP_JMP, 0, 0);
    BreakCtx bc;
    push_ctx(fs, &bc, s, label, false);
    for (int i = 0; i < n; i++) {
        Stmt *c = cl[i];
        jl_patch_here(fs, &jls[i]);
        if (i == def)
            patch_here(fs, jdef);
        set_line(fs, c->pos);
        cblock(fs, c->u.case_.body, c->u.case_.nbody);
        if (!ends_in_fallthrough(c))
            jl_add(&bc.breaks, emit_jump(fs, OP_JMP, 0, 0));
    }
    if (def < 0)
        patch_here(fs, jdef);
    pop_ctx(fs, &bc);
    scope_end(fs, save);
}

static bool is_nil_case(Expr *e) {
    e = unparen(e);
    return (e->kind == E_IDENT && e->u.ident.obj && e->u.ident.obj->kind == OBJ_NIL) ||
           (e->type && e->type->kind == K_UNTYPED_NIL);
}

static void ctypeswitch(FuncState *fs, Stmt *s, Stmt *label) {
    int save = fs->nactive;
    cstmt(fs, s->u.typeswitch.init);
    Stmt *as = s->u.typeswitch.assign;
    Expr *ta = as->kind == S_ASSIGN ? as->u.assign.rhs[0] : as->u.expr.x;
    ta = unparen(ta);
    Expr *x = ta->u.assert.x;
    int xr = alloc_reg(fs);
    cexpr(fs, x, xr);
    fs->nactive = fs->freereg;
    Stmt *body = s->u.typeswitch.body;
    int n = body ? body->u.block.n : 0;
    Stmt **cl = body ? body->u.block.stmts : NULL;
    JumpList *jls = gc_alloc((n + 1) * sizeof(JumpList));
    int def = -1;
    for (int i = 0; i < n; i++) {
        Stmt *c = cl[i];
        if (c->u.case_.n == 0) {
            def = i;
            continue;
        }
        for (int j = 0; j < c->u.case_.n; j++) {
            Expr *te = c->u.case_.list[j];
            Type *t = is_nil_case(te) ? NULL : te->type;
            int r = alloc_reg(fs);
            emit(fs, OP_TYPEIS, r, xr, k_ptr(fs, t, KT_TYPE));
            jl_add(&jls[i], emit(fs, OP_JT, r, 0, 0));
            fs->freereg = fs->nactive;
        }
    }
    int jdef = emit_jump(fs, OP_JMP, 0, 0);
    BreakCtx bc;
    push_ctx(fs, &bc, s, label, false);
    for (int i = 0; i < n; i++) {
        Stmt *c = cl[i];
        jl_patch_here(fs, &jls[i]);
        if (i == def)
            patch_here(fs, jdef);
        int csave = fs->nactive;
        Object *o = c->u.case_.obj;
        if (o && strcmp(o->name, "_") != 0) {
            int r = alloc_reg(fs);
            Type *t = c->u.case_.n == 1 && !is_nil_case(c->u.case_.list[0])
                          ? c->u.case_.list[0]->type : NULL;
            if (t && t->kind != K_INTERFACE) {
                emit(fs, OP_ASSERT, r, xr, k_ptr(fs, t, KT_TYPE));
                emit_extra(fs, 0, 0, k_ptr(fs, x->type, KT_TYPE));
            } else {
                emit(fs, OP_MOVE, r, xr, 0);
            }
            declare_local(fs, o, r);
            fs->nactive = fs->freereg;
        }
        cblock(fs, c->u.case_.body, c->u.case_.nbody);
        scope_end(fs, csave);
        jl_add(&bc.breaks, emit_jump(fs, OP_JMP, 0, 0));
    }
    if (def < 0)
        patch_here(fs, jdef);
    pop_ctx(fs, &bc);
    scope_end(fs, save);
}

/* ---- return and defer --------------------------------------------------------------------------- */

/* Does returning e need a copy of its box? Not for a local that nothing
 * else can reach. */
static bool ret_owned(FuncState *fs, Expr *e) {
    Expr *u = unparen(e);
    if (u->kind == E_IDENT && u->u.ident.obj) {
        Object *o = u->u.ident.obj;
        if (o->kind == OBJ_VAR && !o->is_global && o->comp == fs && !o->captured &&
            !o->addr_taken)
            return false;
    }
    return true;
}

static int load_results(FuncState *fs) {
    int base = fs->freereg;
    for (int i = 0; i < fs->nresults; i++) {
        Object *o = fs->results[i];
        int r = alloc_reg(fs);
        if (type_is_boxed(o->type) && (o->captured || o->addr_taken))
            emit(fs, OP_BOXCOPY, r, o->reg, o->type->size);
        else if (var_in_cell(o))
            emit(fs, OP_CELLGET, r, o->reg, 0);
        else
            emit(fs, OP_MOVE, r, o->reg, 0);
    }
    return base;
}

void emit_return_epilogue(FuncState *fs) {
    Proto *p = fs->proto;
    if (fs->has_defer) {
        jl_patch_here(fs, &fs->to_epilogue);
        p->defer_ret_pc = here(fs);
        emit(fs, OP_RUNDEFER, 0, 0, 0);
    }
    fs->freereg = fs->nactive;
    if (fs->nresults > 0) {
        int b = load_results(fs);
        emit(fs, OP_RET, b, fs->nresults, 0);
    } else {
        emit(fs, OP_RET, 0, 0, 0);
    }
}

static void creturn(FuncState *fs, Stmt *s) {
    if (fs->rf) {
        comp_range_return(fs, s);
        return;
    }
    Type *sig = fs->info->sig;
    int nres = sig ? sig->nresults : 0;
    int n = s->u.ret.nresults;
    Expr **rs = s->u.ret.results;
    if (n == 0) {
        if (fs->has_defer) {
            jl_add(&fs->to_epilogue, emit_jump(fs, OP_JMP, 0, 0));
        } else if (fs->nresults > 0) {
            int b = load_results(fs);
            emit(fs, OP_RET, b, fs->nresults, 0);
        } else {
            emit(fs, OP_RET, 0, 0, 0);
        }
        return;
    }
    int base;
    comp_hoist(fs, rs, n, false);
    if (n == 1 && nres == 1 && !fs->has_defer) {
        int r = cvalue(fs, rs[0], sig->results[0], -1, ret_owned(fs, rs[0]));
        emit(fs, OP_RET, r, 1, 0);
        return;
    }
    base = values_into_regs(fs, rs, n, sig->results, nres);
    if (!fs->has_defer) {
        emit(fs, OP_RET, base, nres, 0);
        return;
    }
    for (int i = 0; i < nres; i++) {
        Object *o = fs->results[i];
        LValue lv = {.type = o->type, .reg = o->reg};
        lv.kind = type_is_boxed(o->type) ? LV_MEM : var_in_cell(o) ? LV_CELL : LV_REG;
        lv_store(fs, &lv, base + i);
    }
    jl_add(&fs->to_epilogue, emit_jump(fs, OP_JMP, 0, 0));
}

static void cdefer(FuncState *fs, Stmt *s) {
    Expr *call = unparen(s->u.go_defer.call);
    int base;
    if (call->kind == E_CALL && call->u.call.kind != CALL_CONV)
        comp_hoist(fs, call->u.call.args, call->u.call.nargs, false);
    int nargs = cdefer_call(fs, call, &base);
    if (nargs < 0)
        return;
    set_line(fs, s->pos);
    if (fs->rf)
        comp_range_defer(fs, base, nargs);
    else
        emit(fs, OP_DEFER, base, nargs, 0);
}

/* ---- goroutines and channels ------------------------------------------------------------------- */

/* go f(x, y): the function value and arguments are evaluated here, in the
 * caller (as for defer); GO copies them into the new goroutine's frame. */
static void cgo(FuncState *fs, Stmt *s) {
    Expr *call = unparen(s->u.go_defer.call);
    int base;
    if (call->kind == E_CALL && call->u.call.kind != CALL_CONV)
        comp_hoist(fs, call->u.call.args, call->u.call.nargs, false);
    int nargs = cdefer_call(fs, call, &base);
    if (nargs < 0)
        return;
    set_line(fs, s->pos);
    emit(fs, OP_GO, base, nargs, 0);
}

static void csend(FuncState *fs, Stmt *s) {
    Type *ct = s->u.send.ch->type;
    Expr *both[2] = {s->u.send.ch, s->u.send.value};
    comp_hoist(fs, both, 2, false);
    int c = alloc_reg(fs);
    cexpr(fs, s->u.send.ch, c);
    int v = cvalue(fs, s->u.send.value, ct->elem, -1, true);
    set_line(fs, s->pos);
    emit(fs, OP_SEND, c, v, 0);
}

/* The receive expression `<-c` of a select clause's comm statement. */
static Expr *comm_recv(Stmt *comm) {
    Expr *e = comm->kind == S_EXPR ? comm->u.expr.x : comm->u.assign.rhs[0];
    return unparen(e);
}

/* Start of a receive clause: binds or assigns the received value (in
 * R[val], of the channel's element type) and ok (R[ok]). The variables of
 * `v, ok := <-c` live in those very registers (inside the select's block,
 * which stays reserved while the clauses run). */
static void comm_assign(FuncState *fs, Stmt *comm, int val, int ok) {
    if (comm->kind != S_ASSIGN)
        return;
    Type *et = comm_recv(comm)->type;
    int src[2] = {val, ok};
    for (int i = 0; i < comm->u.assign.nlhs; i++) {
        Expr *lhs = unparen(comm->u.assign.lhs[i]);
        if (is_blank(lhs))
            continue;
        if (comm->u.assign.op == T_DEFINE && lhs->kind == E_IDENT &&
            lhs->u.ident.is_def && lhs->u.ident.obj) {
            declare_local(fs, lhs->u.ident.obj, src[i]);
            continue;
        }
        int save = fs->freereg;
        LValue lv;
        lv_compile(fs, lhs, &lv, false);
        convert_reg(fs, src[i], i == 0 ? et : type_basic(K_BOOL), lv.type);
        lv_store(fs, &lv, src[i]);
        fs->freereg = save;
    }
}

/* select: every channel and send value is evaluated in source order into a
 * block of registers (R[b] chosen, R[b+1] ok, then a (chan, value) pair per
 * case, sends first as chan_select wants), SELECT runs the select, and a
 * chain of JEQI on R[b] dispatches to the chosen clause. */
static void cselect(FuncState *fs, Stmt *s, Stmt *label) {
    int save = fs->nactive;
    Stmt *body = s->u.select.body;
    int n = body ? body->u.block.n : 0;
    Stmt **cl = body ? body->u.block.stmts : NULL;
    int nsend = 0, nrecv = 0, def = -1;
    for (int i = 0; i < n; i++) {
        Stmt *comm = cl[i]->u.comm.comm;
        if (!comm) def = i;
        else if (comm->kind == S_SEND) nsend++;
        else nrecv++;
    }
    int *slot = gc_alloc((n + 1) * sizeof(int));
    int b = alloc_regs(fs, 2 + 2 * (nsend + nrecv));
    for (int i = 0, ks = 0, kr = nsend; i < n; i++) {
        Stmt *comm = cl[i]->u.comm.comm;
        if (!comm)
            continue;
        set_line(fs, comm->pos);
        if (comm->kind == S_SEND) {
            slot[i] = ks++;
            int r = b + 2 + 2 * slot[i];
            cexpr(fs, comm->u.send.ch, r);
            cvalue(fs, comm->u.send.value, comm->u.send.ch->type->elem, r + 1,
                   true);
        } else {
            slot[i] = kr++;
            cexpr(fs, comm_recv(comm)->u.unary.x, b + 2 + 2 * slot[i]);
        }
        fs->freereg = b + 2 + 2 * (nsend + nrecv);
    }
    set_line(fs, s->pos);
    emit(fs, OP_SELECT, b, 0, 0);
    emit_extra(fs, nsend, nrecv, def >= 0);
    fs->nactive = fs->freereg = b + 2 + 2 * (nsend + nrecv);
    int *jumps = gc_alloc((n + 1) * sizeof(int));
    for (int i = 0; i < n; i++)
        if (i != def)
            jumps[i] = emit_jump(fs, OP_JEQI, b, slot[i]);
    BreakCtx bc;
    push_ctx(fs, &bc, s, label, false);
    JumpList ends = {0};
    for (int k = -1; k < n; k++) {
        /* the default clause (or nothing) first: SELECT falls into it */
        int i = k < 0 ? def : k;
        if (k >= 0 && i == def)
            continue;
        if (i < 0) {
            jl_add(&ends, emit_jump(fs, OP_JMP, 0, 0));
            continue;
        }
        if (k >= 0)
            patch_here(fs, jumps[i]);
        int csave = fs->nactive;
        Stmt *comm = cl[i]->u.comm.comm;
        if (comm && comm->kind != S_SEND)
            comm_assign(fs, comm, b + 3 + 2 * slot[i], b + 1);
        fs->freereg = fs->nactive;
        cblock(fs, cl[i]->u.comm.body, cl[i]->u.comm.nbody);
        scope_end(fs, csave);
        jl_add(&ends, emit_jump(fs, OP_JMP, 0, 0));
    }
    jl_patch_here(fs, &ends);
    pop_ctx(fs, &bc);
    scope_end(fs, save);
}

/* ---- dispatch ------------------------------------------------------------------------------------ */

static void clabeled(FuncState *fs, Stmt *s) {
    Stmt *inner = s->u.labeled.stmt;
    goto_land(fs, s);
    if (!inner)
        return;
    set_line(fs, inner->pos);
    switch (inner->kind) {
    case S_FOR: cfor(fs, inner, s); break;
    case S_RANGE: crange(fs, inner, s); break;
    case S_SWITCH: cswitch(fs, inner, s); break;
    case S_TYPESWITCH: ctypeswitch(fs, inner, s); break;
    case S_SELECT: cselect(fs, inner, s); break;
    default: cstmt(fs, inner); break;
    }
}

void cstmt(FuncState *fs, Stmt *s) {
    if (!s)
        return;
    set_line(fs, s->pos);
    switch (s->kind) {
    case S_EMPTY: case S_BAD: break;
    case S_BLOCK: cblock(fs, s->u.block.stmts, s->u.block.n); break;
    case S_EXPR: {
        Expr *e = unparen(s->u.expr.x);
        if (e->kind == E_CALL) ccall(fs, e, 0);
        else cexpr(fs, e, -1);
        break;
    }
    case S_DECL: cdecl(fs, s->u.decl.decl); break;
    case S_ASSIGN:
        if (s->u.assign.op == T_DEFINE) cdefine(fs, s);
        else if (s->u.assign.op == T_ASSIGN) cassign(fs, s);
        else copassign(fs, s->u.assign.lhs[0], tok_assign_base(s->u.assign.op),
                       s->u.assign.rhs[0], 0);
        break;
    case S_INCDEC:
        copassign(fs, s->u.incdec.x, T_ADD, NULL, s->u.incdec.op == T_INC ? 1 : -1);
        break;
    case S_IF: cif(fs, s); break;
    case S_FOR: cfor(fs, s, NULL); break;
    case S_RANGE: crange(fs, s, NULL); break;
    case S_SWITCH: cswitch(fs, s, NULL); break;
    case S_TYPESWITCH: ctypeswitch(fs, s, NULL); break;
    case S_LABELED: clabeled(fs, s); break;
    case S_BRANCH: cbranch(fs, s); break;
    case S_RETURN: creturn(fs, s); break;
    case S_DEFER: cdefer(fs, s); break;
    case S_GO: cgo(fs, s); break;
    case S_SEND: csend(fs, s); break;
    case S_SELECT: cselect(fs, s, NULL); break;
    default: comp_error(fs, s->pos, "unsupported statement"); break;
    }
    fs->freereg = fs->nactive;
    fs->nhoisted = 0;               /* every hoisted operand was used */
}
