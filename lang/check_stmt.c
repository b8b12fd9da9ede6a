/*
 * check_stmt.c — statements and function bodies: scopes, local
 * declarations, assignments (=, :=, op=), control flow, branch targets and
 * labels, terminating-statement analysis ("missing return"), captured and
 * unused variables.
 *
 * Branch statements are checked here rather than in a separate pass (gc
 * checks them in the syntax package); the messages are gc's
 * ("break is not in a loop, switch, or select", "label L defined and not
 * used", ...).
 */
#include "check_int.h"

#include <stdio.h>
#include <string.h>

#include "../runtime/gc.h"

static void stmt(Checker *C, Stmt *s);

static void open_scope(Checker *C) { C->scope = chk_scope_new(C->scope); }
static void close_scope(Checker *C) { C->scope = C->scope->parent; }

static void stmt_list(Checker *C, Stmt **list, int n) {
    for (int i = 0; i < n; i++)
        if (list[i]) stmt(C, list[i]);
}

void chk_block_stmts(Checker *C, Stmt **list, int n) { stmt_list(C, list, n); }

/* ---- variables --------------------------------------------------------------------- */

static void add_capture(FuncInfo *f, Object *o) {
    for (int i = 0; i < f->ncaptures; i++)
        if (f->captures[i] == o) return;
    int cap = f->ncaptures;
    f->captures = chk_grow(f->captures, f->ncaptures, &cap, sizeof *f->captures);
    f->captures[f->ncaptures++] = o;
}

/* A reference to local variable o from the current function: closures
 * between here and o's owner capture it. A range-over-func body is a
 * closure too (compile_range.c), so a variable declared outside it and
 * used inside is captured; the lists of captures name real functions. */
static void capture(Checker *C, Object *o) {
    if (o->kind != OBJ_VAR || !o->owner || !C->fn) return;
    FuncInfo *cur = C->fn->rf_body ? C->fn->rf_body : C->fn->info;
    if (o->owner == cur) return;
    o->captured = true;
    FuncInfo *fn = o->owner;
    while (fn->rangefunc_body) fn = fn->outer;
    for (FuncCtx *f = C->fn; f && f->info != fn; f = f->outer) add_capture(f->info, o);
}

void chk_use_var(Checker *C, Object *obj) {
    obj->used = true;
    capture(C, obj);
}

void chk_add_local(Checker *C, Object *obj) {
    if (!C->fn || obj->name == str_intern("_")) return;
    obj->used = false;
    CHK_PUSH(C->fn->locals, C->fn->nlocals, C->fn->caplocals, obj);
}

static Object *new_var(Checker *C, Expr *id, Type *t) {
    Object *o = chk_obj_new(C, OBJ_VAR, chk_ident(id), id->pos, t);
    id->u.ident.obj = o;
    id->u.ident.is_def = true;
    id->mode = M_VAR;
    id->type = t;
    return o;
}

static void declare_local(Checker *C, Object *o) {
    if (chk_declare(C, C->scope, o)) chk_add_local(C, o);
}

/* ---- assignment helpers ---------------------------------------------------------------- */

static const char *plural(int n, const char *what) {
    char buf[64];
    snprintf(buf, sizeof buf, "%d %s%s", n, what, n == 1 ? "" : "s");
    return gc_strdup(buf);
}

static void assign_error(Checker *C, Expr **rhs, int nr, int nl, int nvals) {
    Expr *r0 = rhs[0];
    Expr *u = ast_unparen(r0);
    if (nr == 1 && u && u->kind == E_CALL)
        chk_error(C, chk_start(r0), "assignment mismatch: %s but %s returns %s",
                  plural(nl, "variable"), ast_expr_string(u->u.call.fun), plural(nvals, "value"));
    else
        chk_error(C, chk_start(r0), "assignment mismatch: %s but %s", plural(nl, "variable"),
                  plural(nvals, "value"));
}

/* The right-hand side of an n:m assignment, reduced to one value per lhs. */
typedef struct Rhs {
    Expr **exprs;     /* per lhs: the expression (the single one for tuples) */
    Type **types;     /* per lhs: the value type */
    bool tuple;       /* values come from one multi-value call */
    bool commaok;     /* v, ok = m[k] / x.(T) / <-c */
    bool ok;
} Rhs;

/* typed: every value goes to a location of known type (or blank), which
 * may instantiate a generic function operand (gen_assign). */
static Rhs eval_rhs(Checker *C, Expr **rhs, int nr, int nl, bool typed) {
    Rhs r = {0};
    r.exprs = gc_alloc(sizeof *r.exprs * (nl + 1));
    r.types = gc_alloc(sizeof *r.types * (nl + 1));
    if (nr == nl && !(nr == 1 && ast_unparen(rhs[0]) && ast_unparen(rhs[0])->kind == E_CALL)) {
        for (int i = 0; i < nr; i++) {
            C->generic_ok = typed ? rhs[i] : NULL;
            chk_expr(C, rhs[i]);
            C->generic_ok = NULL;
            r.exprs[i] = rhs[i];
            r.types[i] = rhs[i]->type;
        }
        r.ok = true;
        return r;
    }
    if (nr != 1) {
        for (int i = 0; i < nr; i++) chk_raw_expr(C, rhs[i], NULL, true);
        assign_error(C, rhs, nr, nl, nr);
        return r;
    }
    Expr *x = rhs[0];
    chk_expr_multi(C, x);
    if (x->mode == M_INVALID) return r;
    Type *t = x->type;
    int nvals = t->kind == K_TUPLE ? t->nparams : 1;
    if (t->kind == K_TUPLE && nvals == nl) {
        r.tuple = true;
        for (int i = 0; i < nl; i++) {
            r.exprs[i] = x;
            r.types[i] = t->params[i];
        }
        r.ok = true;
        return r;
    }
    if (nl == 1 && t->kind != K_TUPLE) {
        r.exprs[0] = x;
        r.types[0] = t;
        r.ok = true;
        return r;
    }
    if (nl == 2 && (x->mode == M_MAPINDEX || x->mode == M_COMMAOK)) {
        r.commaok = true;
        r.exprs[0] = r.exprs[1] = x;
        r.types[0] = t;
        r.types[1] = type_basic(K_UNTYPED_BOOL);
        r.ok = true;
        return r;
    }
    assign_error(C, rhs, nr, nl, nvals);
    return r;
}

/* Assigns value i of r to a location of type T (NULL: blank). */
static void assign_value(Checker *C, Rhs *r, int i, Type *T, const char *ctx) {
    Expr *x = r->exprs[i];
    if (!r->tuple && !(r->commaok && i == 1)) {
        if (!T) {
            if (x->mode == M_VALUE && gen_is_marker(x->type)) {
                gen_value_error(C, x);
                chk_invalid(x);
                return;
            }
            if (x->type->kind == K_UNTYPED_NIL)
                chk_error(C, chk_start(x), "use of untyped nil in %s", ctx);
            else chk_default(C, x);
            return;
        }
        chk_assign_to(C, x, T, ctx);
        return;
    }
    if (r->commaok && i == 0 && T) {
        chk_assign_to(C, x, T, ctx);
        return;
    }
    if (!T) return;
    Expr tmp = *x;
    tmp.type = r->types[i];
    tmp.mode = M_VALUE;
    const char *cause;
    if (!chk_assignable(C, &tmp, T, &cause)) {
        if (r->commaok) tmp.type = type_basic(K_UNTYPED_BOOL);
        chk_error(C, chk_start(x), "cannot use %s as %s value in %s%s%s", chk_operand(C, &tmp),
                  chk_tstr(C, T), ctx, cause ? ": " : "", cause ? cause : "");
    }
}

/* Type for a new variable from value i of r. */
static Type *value_type(Checker *C, Rhs *r, int i, const char *ctx) {
    Expr *x = r->exprs[i];
    if (r->tuple) return r->types[i];
    if (r->commaok) {
        if (i == 1) return type_basic(K_BOOL);
        return x->type;
    }
    if (x->mode == M_INVALID) return chk_invalid_type();
    if (x->type->kind == K_UNTYPED_NIL) {
        chk_error(C, chk_start(x), "use of untyped nil in %s", ctx);
        return chk_invalid_type();
    }
    if (type_is_untyped(x->type)) {
        Type *d = chk_default_type(x->type);
        if (!chk_assign_to(C, x, d, ctx)) return chk_invalid_type();
    }
    return x->type;
}

/* ---- declarations ----------------------------------------------------------------------- */

static bool is_const_type(Type *t) {
    return type_is_integer(t) || type_is_float(t) || type_is_complex(t) || t->kind == K_STRING ||
           t->kind == K_BOOL;
}

void chk_const_spec(Checker *C, ValueSpec *vs, ValueSpec *src, Object **objs) {
    bool saved_in = C->in_const;
    int64_t saved_iota = C->iota;
    C->in_const = true;
    C->iota = vs->iota;
    Type *T = NULL;
    if (src->type) {
        T = chk_type(C, src->type);
        if (T->kind != K_INVALID && !is_const_type(T)) {
            chk_error(C, chk_start(src->type), "invalid constant type %s", chk_tstr(C, T));
            T = chk_invalid_type();
        }
    }
    for (int i = 0; i < vs->nnames; i++) {
        Object *o = objs[i];
        o->type = chk_invalid_type();
        if (i >= src->nvalues) {
            if (i == src->nvalues)
                chk_error(C, vs->names[i]->pos, "missing init expr for %s", o->name);
            continue;
        }
        Expr *e = src->values[i];
        chk_expr(C, e);
        if (e->mode == M_INVALID) continue;
        if (e->mode != M_CONST || e->cv.kind == CV_NONE) {
            chk_error(C, chk_start(e), "%s is not constant", chk_operand(C, e));
            continue;
        }
        if (T && T->kind != K_INVALID) {
            if (!chk_assign_to(C, e, T, "constant declaration")) continue;
        } else if (T) {
            continue;
        }
        o->type = e->type;
        o->val = e->cv;
    }
    if (src == vs && vs->nvalues > vs->nnames)
        chk_error(C, chk_start(vs->values[vs->nnames]), "extra init expr");
    C->in_const = saved_in;
    C->iota = saved_iota;
}

void chk_var_spec(Checker *C, ValueSpec *vs, Object **objs, const char *ctx) {
    Type *T = vs->type ? chk_type(C, vs->type) : NULL;
    int nl = vs->nnames, nv = vs->nvalues;
    for (int i = 0; i < nl; i++) {
        objs[i]->type = T ? T : chk_invalid_type();
        objs[i]->gsrc = T ? vs->type : nl == nv ? vs->values[i] : NULL;
        objs[i]->gsrc_kind = T ? GS_TYPE : GS_INIT;
    }
    if (nv == 0) return;
    if (nl != nv && nv != 1) {
        for (int i = 0; i < nv; i++) chk_raw_expr(C, vs->values[i], NULL, true);
        if (nl < nv) chk_error(C, chk_start(vs->values[nl]), "extra init expr");
        else chk_error(C, vs->names[nv]->pos, "missing init expr for %s",
                       chk_ident(vs->names[nv]));
        return;
    }
    Rhs r = eval_rhs(C, vs->values, nv, nl, T != NULL);
    if (!r.ok) return;
    if (nl != nv || r.tuple) ctx = "assignment";
    for (int i = 0; i < nl; i++) {
        if (T) assign_value(C, &r, i, T, ctx);
        else objs[i]->type = value_type(C, &r, i, ctx);
    }
}

static void local_decl(Checker *C, Decl *d) {
    switch (d->kind) {
    case D_VAR:
        for (int i = 0; i < d->u.vars.n; i++) {
            ValueSpec *vs = &d->u.vars.specs[i];
            vs->objs = gc_alloc(sizeof *vs->objs * (vs->nnames + 1));
            for (int j = 0; j < vs->nnames; j++) vs->objs[j] = new_var(C, vs->names[j], NULL);
            chk_var_spec(C, vs, vs->objs, "variable declaration");
            for (int j = 0; j < vs->nnames; j++) {
                vs->names[j]->type = vs->objs[j]->type;
                declare_local(C, vs->objs[j]);
            }
        }
        break;
    case D_CONST: {
        ValueSpec *last = NULL;
        for (int i = 0; i < d->u.vars.n; i++) {
            ValueSpec *vs = &d->u.vars.specs[i];
            if (vs->nvalues > 0 || vs->type || !last) last = vs;
            vs->objs = gc_alloc(sizeof *vs->objs * (vs->nnames + 1));
            for (int j = 0; j < vs->nnames; j++) {
                Expr *id = vs->names[j];
                Object *o = chk_obj_new(C, OBJ_CONST, chk_ident(id), id->pos, NULL);
                o->used = true;
                id->u.ident.obj = o;
                id->u.ident.is_def = true;
                vs->objs[j] = o;
            }
            chk_const_spec(C, vs, last, vs->objs);
            for (int j = 0; j < vs->nnames; j++) chk_declare(C, C->scope, vs->objs[j]);
        }
        break;
    }
    case D_TYPE:
        for (int i = 0; i < d->u.types.n; i++) {
            TypeSpec *ts = &d->u.types.specs[i];
            Object *o = chk_obj_new(C, OBJ_TYPE, chk_ident(ts->name), ts->name->pos, NULL);
            o->used = true;
            ts->obj = o;
            ts->name->u.ident.obj = o;
            ts->name->u.ident.is_def = true;
            chk_declare(C, C->scope, o);
            o->tspec = ts;
            if (ts->tparams) gen_declare_type(C, o, ts, C->scope);
            chk_type_spec(C, ts, o);
        }
        break;
    case D_IMPORT:
        chk_error(C, d->pos, "imports must appear before other declarations");
        break;
    default:
        break;
    }
}

/* ---- assignments ------------------------------------------------------------------------ */

/* Records that the variable e names (if e is one) is assigned after its
 * declaration (Object.reassigned). */
static void mark_reassigned(Expr *e) {
    Expr *u = ast_unparen(e);
    if (u && u->kind == E_IDENT && u->u.ident.obj && u->u.ident.obj->kind == OBJ_VAR)
        u->u.ident.obj->reassigned = true;
}

static Type *lhs_type_raw(Checker *C, Expr *e);

/* Evaluates an assignment target; NULL for the blank identifier. Assigning
 * to a variable is not a use of it. */
static Type *lhs_type(Checker *C, Expr *e) {
    Type *t = lhs_type_raw(C, e);
    mark_reassigned(e);
    return t;
}

static Type *lhs_type_raw(Checker *C, Expr *e) {
    Expr *u = ast_unparen(e);
    if (!u) return chk_invalid_type();
    if (chk_is_blank(u)) {
        u->mode = M_VAR;
        u->type = NULL;
        return NULL;
    }
    if (u->kind == E_IDENT) {
        Object *o = chk_lookup(C, chk_ident(u));
        if (o && o->kind == OBJ_VAR) {
            bool was = o->used;
            chk_raw_expr(C, e, NULL, false);
            o->used = was;
            capture(C, o);
            return e->mode == M_INVALID ? chk_invalid_type() : e->type;
        }
    }
    chk_expr(C, e);
    if (e->mode == M_INVALID) return chk_invalid_type();
    if (e->mode == M_VAR || e->mode == M_MAPINDEX) return e->type;
    if (u->kind == E_SELECTOR && u->u.sel.x->mode == M_MAPINDEX) {
        chk_error(C, chk_start(e), "cannot assign to struct field %s in map", ast_expr_string(e));
        return chk_invalid_type();
    }
    chk_error(C, chk_start(e), "cannot assign to %s (neither addressable nor a map index expression)",
              ast_expr_string(e));
    return chk_invalid_type();
}

static void assign_plain(Checker *C, Stmt *s) {
    int nl = s->u.assign.nlhs, nr = s->u.assign.nrhs;
    Type **ts = gc_alloc(sizeof *ts * (nl + 1));
    for (int i = 0; i < nl; i++) ts[i] = lhs_type(C, s->u.assign.lhs[i]);
    Rhs r = eval_rhs(C, s->u.assign.rhs, nr, nl, true);
    if (!r.ok) return;
    for (int i = 0; i < nl; i++) {
        if (ts[i] && ts[i]->kind == K_INVALID) continue;
        assign_value(C, &r, i, ts[i], "assignment");
        Expr *l = s->u.assign.lhs[i];
        if (!ts[i] && ast_unparen(l)) ast_unparen(l)->type = r.types[i] && !type_is_untyped(r.types[i])
                                         ? r.types[i] : r.exprs[i]->type;
    }
}

/* Column of ":=" after the last lhs identifier, for gc's error position. */
static Pos define_pos(Stmt *s) {
    Expr *last = s->u.assign.lhs[s->u.assign.nlhs - 1];
    Pos p = s->pos;
    if (!last || last->kind != E_IDENT || !last->pos.file || !last->pos.file->src) return p;
    const char *src = last->pos.file->src;
    const char *line = src;
    for (int l = 1; l < last->pos.line && *line; line++)
        if (*line == '\n') l++;
    const char *q = line + last->pos.col - 1 + strlen(last->u.ident.name);
    while (*q == ' ' || *q == '\t') q++;
    if (q[0] == ':' && q[1] == '=') {
        p = last->pos;
        p.col = (int32_t)(q - line + 1);
    }
    return p;
}

static void assign_define(Checker *C, Stmt *s) {
    int nl = s->u.assign.nlhs, nr = s->u.assign.nrhs;
    Expr **lhs = s->u.assign.lhs;
    for (int i = 0; i < nl; i++) {
        Expr *l = lhs[i];
        if (!l || l->kind != E_IDENT) {
            chk_error(C, l ? chk_start(l) : s->pos, "non-name %s on left side of :=",
                      l ? ast_expr_string(l) : "?");
            for (int j = 0; j < nr; j++) chk_raw_expr(C, s->u.assign.rhs[j], NULL, true);
            return;
        }
    }
    Rhs r = eval_rhs(C, s->u.assign.rhs, nr, nl, false);
    Object **news = gc_alloc(sizeof *news * (nl + 1));
    int nnew = 0;
    for (int i = 0; i < nl; i++) {
        Expr *id = lhs[i];
        const char *n = chk_ident(id);
        for (int j = 0; j < i; j++)
            if (lhs[j]->u.ident.name == n && n != str_intern("_")) {
                chk_error(C, id->pos, "%s repeated on left side of :=", n);
                break;
            }
        Object *old = n == str_intern("_") ? NULL : chk_scope_find(C->scope, n);
        if (old && old->kind == OBJ_VAR) {
            id->u.ident.obj = old;
            id->mode = M_VAR;
            id->type = old->type;
            old->reassigned = true;
            capture(C, old);
            if (r.ok) assign_value(C, &r, i, old->type, "assignment");
            continue;
        }
        Type *t = r.ok ? value_type(C, &r, i, "assignment") : chk_invalid_type();
        if (n == str_intern("_")) {
            id->mode = M_VAR;
            id->type = t;
            continue;
        }
        Object *o = new_var(C, id, t);
        if (nl == nr) {
            o->gsrc = s->u.assign.rhs[i];
            o->gsrc_kind = GS_INIT;
        }
        news[nnew++] = o;
    }
    if (nnew == 0) chk_error(C, define_pos(s), "no new variables on left side of :=");
    for (int i = 0; i < nnew; i++) declare_local(C, news[i]);
}

static void assign_op(Checker *C, Stmt *s) {
    if (s->u.assign.nlhs != 1 || s->u.assign.nrhs != 1) {
        chk_error(C, s->pos, "assignment operation %s requires single-valued expressions",
                  tok_names[s->u.assign.op]);
        return;
    }
    Expr *x = s->u.assign.lhs[0], *y = s->u.assign.rhs[0];
    chk_expr(C, x);
    chk_expr(C, y);
    mark_reassigned(x);
    if (x->mode == M_INVALID || y->mode == M_INVALID) return;
    Expr tmp = {.kind = E_BINARY, .pos = x->pos};
    tmp.u.binary.op = s->u.assign.op;
    tmp.u.binary.x = x;
    tmp.u.binary.y = y;
    chk_binary_operands(C, &tmp, x, y, tok_assign_base(s->u.assign.op));
    if (tmp.mode == M_INVALID) return;
    if (x->mode != M_VAR && x->mode != M_MAPINDEX) {
        chk_error(C, chk_start(x), "cannot assign to %s (neither addressable nor a map index expression)",
                  ast_expr_string(x));
        return;
    }
    chk_assign_to(C, &tmp, x->type, "assignment operation");
}

static void assign_stmt(Checker *C, Stmt *s) {
    if (s->u.assign.nlhs < 1 || s->u.assign.nrhs < 1) return;
    switch (s->u.assign.op) {
    case T_DEFINE: assign_define(C, s); break;
    case T_ASSIGN: assign_plain(C, s); break;
    default: assign_op(C, s); break;
    }
}

/* ---- simple statements ----------------------------------------------------------------- */

static void expr_stmt(Checker *C, Stmt *s) {
    Expr *x = s->u.expr.x;
    if (!x) return;
    chk_raw_expr(C, x, NULL, true);
    if (x->mode == M_INVALID) return;
    int kind = chk_expr_stmt_kind(x);
    if (kind == 2 && x->mode != M_TYPE && x->mode != M_BUILTIN) return;
    const char *msg = "is not used";
    if (x->mode == M_BUILTIN) msg = "must be called";
    else if (x->mode == M_TYPE) msg = "is not an expression";
    chk_error(C, chk_start(x), "%s %s", chk_operand(C, x), msg);
}

static void send_stmt(Checker *C, Stmt *s) {
    Expr *ch = s->u.send.ch, *v = s->u.send.value;
    chk_expr(C, ch);
    chk_expr(C, v);
    if (ch->mode == M_INVALID || v->mode == M_INVALID) return;
    Type *t = ch->type;
    if (t->kind != K_CHAN) {
        chk_error(C, chk_start(ch), "invalid operation: cannot send to non-channel %s",
                  chk_operand(C, ch));
        return;
    }
    if (t->dir == CHAN_RECV) {
        chk_error(C, chk_start(ch), "invalid operation: cannot send to receive-only channel %s",
                  chk_operand(C, ch));
        return;
    }
    chk_assign_to(C, v, t->elem, "send");
}

static void incdec_stmt(Checker *C, Stmt *s) {
    Expr *x = s->u.incdec.x;
    chk_expr(C, x);
    mark_reassigned(x);
    if (x->mode == M_INVALID) return;
    if (!type_is_integer(x->type) && !type_is_float(x->type) && !type_is_complex(x->type)) {
        chk_error(C, chk_start(x), "invalid operation: %s%s (non-numeric type %s)",
                  ast_expr_string(x), tok_names[s->u.incdec.op], chk_tstr(C, x->type));
        return;
    }
    if (x->mode != M_VAR && x->mode != M_MAPINDEX)
        chk_error(C, chk_start(x), "cannot assign to %s (neither addressable nor a map index expression)",
                  ast_expr_string(x));
}

static void go_defer_stmt(Checker *C, Stmt *s) {
    const char *kw = s->kind == S_GO ? "go" : "defer";
    if (s->kind == S_DEFER && C->fn) C->fn->info->has_defer = true;
    Expr *call = s->u.go_defer.call;
    if (!call) return;
    Expr *u = ast_unparen(call);
    if (!u || u->kind != E_CALL) {
        chk_error(C, chk_start(call), "expression in %s must be function call", kw);
        chk_raw_expr(C, call, NULL, true);
        return;
    }
    chk_raw_expr(C, call, NULL, true);
    if (call->mode == M_INVALID) return;
    int kind = chk_expr_stmt_kind(call);
    if (kind == 1)
        chk_error(C, chk_start(call), "%s requires function call, not conversion %s", kw,
                  chk_operand(C, call));
    else if (kind == 0)
        chk_error(C, chk_start(call), "%s discards result of %s", kw, chk_operand(C, call));
}

static void return_stmt(Checker *C, Stmt *s) {
    if (!C->fn) return;
    s->u.ret.func = C->fn->info;
    if (C->fn->rf_body) {
        /* the loop body stores the results, then the function returns */
        C->fn->info->rf_return = true;
        for (int i = 0; i < C->fn->info->nresults; i++) C->fn->info->results[i]->captured = true;
    }
    Type *sig = C->fn->sig;
    int want = sig->nresults, n = s->u.ret.nresults;
    if (n == 0) {
        if (want > 0 && !C->fn->info->named_results)
            chk_error(C, s->pos, "not enough return values\n\thave ()\n\twant %s",
                      chk_tstr(C, type_tuple(sig->results, want)));
        return;
    }
    Expr **rs = s->u.ret.results;
    Rhs r = {0};
    int have = n;
    Type **htypes = NULL;
    if (n == 1 && want != 1) {
        chk_expr_multi(C, rs[0]);
        if (rs[0]->mode == M_INVALID) return;
        Type *t = rs[0]->type;
        have = t->kind == K_TUPLE ? t->nparams : 1;
        htypes = t->kind == K_TUPLE ? t->params : &rs[0]->type;
        if (t->kind == K_TUPLE && have == want) {
            r.tuple = true;
            r.exprs = gc_alloc(sizeof *r.exprs * (want + 1));
            r.types = t->params;
            for (int i = 0; i < want; i++) r.exprs[i] = rs[0];
            r.ok = true;
        }
    } else {
        htypes = gc_alloc(sizeof *htypes * (n + 1));
        r.exprs = rs;
        r.types = htypes;
        for (int i = 0; i < n; i++) {
            C->generic_ok = n == want ? rs[i] : NULL;
            chk_expr(C, rs[i]);
            C->generic_ok = NULL;
            if (rs[i]->mode == M_INVALID) return;
            htypes[i] = rs[i]->type;
        }
        r.ok = have == want;
    }
    if (!r.ok) {
        Pos at = s->pos;
        if (have > want) at = chk_start(rs[n == have ? want : 0]);
        else if (n > 0) at = chk_start(rs[n - 1]);
        char *hs = gc_strdup(chk_tstr(C, type_tuple(htypes, have)));
        /* untyped constants print as "number" / their kind */
        for (int i = 0; i < have; i++)
            if (type_is_untyped(htypes[i])) {
                Type **tmp = gc_alloc(sizeof *tmp * (have + 1));
                memcpy(tmp, htypes, sizeof *tmp * have);
                hs = NULL;
                break;
            }
        if (!hs) {
            char buf[1024] = "(";
            for (int i = 0; i < have; i++) {
                if (i) strcat(buf, ", ");
                Type *t = htypes[i];
                const char *ts = type_is_untyped(t)
                    ? (type_is_integer(t) || type_is_float(t) ? "number" : chk_tstr(C, t) + 8)
                    : chk_tstr(C, t);
                strncat(buf, ts, sizeof buf - strlen(buf) - 2);
            }
            strcat(buf, ")");
            hs = gc_strdup(buf);
        }
        chk_error(C, at, "%s return values\n\thave %s\n\twant %s",
                  have > want ? "too many" : "not enough", hs,
                  chk_tstr(C, type_tuple(sig->results, want)));
        return;
    }
    for (int i = 0; i < want; i++) assign_value(C, &r, i, sig->results[i], "return statement");
}

/* ---- branches and labels ----------------------------------------------------------------- */

static void push_branch(Checker *C, Stmt *s, bool loop) {
    BranchCtx b = {s, C->fn ? C->fn->pending_label : NULL, loop, false};
    if (!C->fn) return;
    C->fn->pending_label = NULL;
    CHK_PUSH(C->fn->branches, C->fn->nbranches, C->fn->capbranches, b);
}

static void pop_branch(Checker *C) {
    if (C->fn && C->fn->nbranches > 0) C->fn->nbranches--;
}

static int find_label(FuncCtx *f, const char *name) {
    for (int i = 0; i < f->nlabels; i++)
        if (f->labels[i]->name == name) return i;
    return -1;
}

static bool stmt_in(Stmt **list, int n, Stmt *s) {
    for (int i = 0; i < n; i++)
        if (list[i] == s) return true;
    return false;
}

static void fallthrough_stmt(Checker *C, Stmt *s) {
    FuncCtx *f = C->fn;
    if (stmt_in(f->ft_ok, f->nft_ok, s)) return;
    if (stmt_in(f->ft_final, f->nft_final, s))
        chk_error(C, s->pos, "cannot fallthrough final case in switch");
    else if (stmt_in(f->ft_tswitch, f->nft_tswitch, s))
        chk_error(C, s->pos, "cannot fallthrough in type switch");
    else
        chk_error(C, s->pos, "fallthrough statement out of place");
}

static void labeled_branch(Checker *C, Stmt *s, FuncCtx *f, bool is_break) {
    const char *name = chk_ident(s->u.branch.label);
    int li = find_label(f, name);
    /* gc's parser knows only the labels seen so far: one defined later is
     * "not defined" here (and stays unused), one defined earlier that does
     * not enclose the branch is "invalid" */
    Pos lp = li >= 0 ? f->labels[li]->pos : s->pos;
    bool seen = lp.line < s->pos.line || (lp.line == s->pos.line && lp.col < s->pos.col);
    if (seen) {
        f->label_used[li] = true;
        s->u.branch.label->u.ident.obj = f->labels[li];
    }
    const char *kw = is_break ? "break" : "continue";
    for (int i = f->nbranches - 1; i >= 0; i--) {
        BranchCtx *b = &f->branches[i];
        if (b->label != name) continue;
        if (b->plain || (!is_break && !b->loop)) {
            chk_error(C, s->u.branch.label->pos, "invalid %s label %s", kw, name);
            return;
        }
        s->u.branch.target = b->stmt;
        return;
    }
    if (seen)
        chk_error(C, s->u.branch.label->pos, "invalid %s label %s", kw, name);
    else
        chk_error(C, s->u.branch.label->pos, "%s label not defined: %s", kw, name);
}

static void branch_stmt(Checker *C, Stmt *s) {
    FuncCtx *f = C->fn;
    if (!f) return;
    TokKind tok = s->u.branch.tok;
    if (tok == T_GOTO) {
        const char *name = s->u.branch.label ? chk_ident(s->u.branch.label) : NULL;
        int li = name ? find_label(f, name) : -1;
        if (li >= 0) {
            f->label_used[li] = true;   /* even when the jump is invalid (Go) */
            s->u.branch.label->u.ident.obj = f->labels[li];
            f->has_goto = true;
        } else if (name) {
            chk_error(C, s->u.branch.label->pos, "label %s not defined", name);
        }
        return;
    }
    if (tok == T_FALLTHROUGH) {
        fallthrough_stmt(C, s);
        return;
    }
    bool is_break = tok == T_BREAK;
    if (s->u.branch.label) {
        labeled_branch(C, s, f, is_break);
        return;
    }
    for (int i = f->nbranches - 1; i >= 0; i--) {
        if (f->branches[i].plain || (!is_break && !f->branches[i].loop)) continue;
        s->u.branch.target = f->branches[i].stmt;
        return;
    }
    chk_error(C, s->pos, is_break ? "break is not in a loop, switch, or select"
                                  : "continue is not in a loop");
}

/* ---- goto ---------------------------------------------------------------------------------
 * cmd/compile's rules (syntax/branches.go), restated: one pass over the
 * body's blocks in source order. A goto whose label was already seen in
 * its own block or an enclosing one jumps backward and is fine. Any other
 * goto is "forward": it waits in its block's list and is resolved by the
 * first label of that name met later in the same block; when the block
 * ends, the waiting gotos move out to the enclosing block (jumping out of
 * a block is fine). A forward goto that was waiting when the block
 * declared a variable and is then resolved in that block jumps over the
 * declaration; one still unresolved at the end of the body targets a label
 * inside a block it is not in ("jumps into block"). Sets the goto's
 * branch.target to the labeled statement for the compiler. */

typedef struct GBlock { struct GBlock *parent; Pos start; } GBlock;
typedef struct GList { Stmt **v; int n, cap; } GList;
typedef struct GotoPass {
    Checker *C;
    FuncCtx *f;
    GBlock **lblock;         /* per label index: the block declaring it */
} GotoPass;

static void goto_block(GotoPass *g, GBlock *parent, Pos start, Stmt **list, int n,
                       GList *out);

static int goto_label_index(GotoPass *g, Stmt *br) {
    Object *o = br->u.branch.label->u.ident.obj;
    for (int i = 0; i < g->f->nlabels; i++)
        if (g->f->labels[i] == o) return i;
    return -1;
}

static bool block_encloses(GBlock *outer, GBlock *b) {
    for (; b; b = b->parent)
        if (b == outer) return true;
    return false;
}

static const char *pos_string(Pos p) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s:%d:%d", p.file ? p.file->path : "", p.line, p.col);
    return gc_strdup(buf);
}

/* Go's String() of a := left side: "x" or "a, b". */
static const char *lhs_string(Stmt *s) {
    char buf[512] = "";
    for (int i = 0; i < s->u.assign.nlhs; i++) {
        if (i) strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
        strncat(buf, ast_expr_string(s->u.assign.lhs[i]), sizeof buf - strlen(buf) - 1);
    }
    return gc_strdup(buf);
}

/* Everything goto_block tracks for the statement list of one block. */
typedef struct GState {
    GBlock *b;
    GList fwd, bad;          /* waiting gotos; those waiting at the last var decl */
    Pos var_pos;
    const char *var_name;    /* NULL: no variable declared yet */
} GState;

static void goto_inner(GotoPass *g, GState *st, Pos start, Stmt **list, int n) {
    GList moved = {0};
    goto_block(g, st->b, start, list, n, &moved);
    for (int i = 0; i < moved.n; i++) CHK_PUSH(st->fwd.v, st->fwd.n, st->fwd.cap, moved.v[i]);
}

static void goto_record_var(GState *st, Pos pos, const char *name) {
    st->var_pos = pos;
    st->var_name = name;
    st->bad.n = 0;
    for (int i = 0; i < st->fwd.n; i++) CHK_PUSH(st->bad.v, st->bad.n, st->bad.cap, st->fwd.v[i]);
}

static void goto_declare(GotoPass *g, GState *st, Stmt *s) {
    Object *o = s->u.labeled.obj;
    int li = -1;
    for (int i = 0; o && i < g->f->nlabels; i++)
        if (g->f->labels[i] == o) li = i;
    if (li < 0) return;      /* blank or duplicate label */
    g->lblock[li] = st->b;
    int keep = 0;
    for (int i = 0; i < st->fwd.n; i++) {
        Stmt *br = st->fwd.v[i];
        if (goto_label_index(g, br) != li) {
            st->fwd.v[keep++] = br;
            continue;
        }
        br->u.branch.target = s;
        if (st->var_name && stmt_in(st->bad.v, st->bad.n, br))
            chk_error(g->C, br->u.branch.label->pos, "goto %s jumps over declaration of %s at %s",
                      o->name, st->var_name, pos_string(st->var_pos));
    }
    st->fwd.n = keep;
}

static void goto_stmt(GotoPass *g, GState *st, Stmt *s) {
    if (!s) return;
    switch (s->kind) {
    case S_DECL: {
        Decl *d = s->u.decl.decl;
        if (d && d->kind == D_VAR && d->u.vars.n > 0 && d->u.vars.specs[0].nnames > 0) {
            Expr *id = d->u.vars.specs[0].names[0];
            goto_record_var(st, id->pos, chk_ident(id));
        }
        break;
    }
    case S_ASSIGN:
        if (s->u.assign.op == T_DEFINE) goto_record_var(st, s->u.assign.op_pos, lhs_string(s));
        break;
    case S_LABELED:
        goto_declare(g, st, s);
        goto_stmt(g, st, s->u.labeled.stmt);
        break;
    case S_BRANCH: {
        if (s->u.branch.tok != T_GOTO || !s->u.branch.label) break;
        int li = goto_label_index(g, s);
        if (li < 0) break;   /* undefined: reported by branch_stmt */
        if (g->lblock[li] && block_encloses(g->lblock[li], st->b))
            s->u.branch.target = g->f->labels[li]->label_stmt;
        else
            CHK_PUSH(st->fwd.v, st->fwd.n, st->fwd.cap, s);
        break;
    }
    case S_BLOCK: goto_inner(g, st, s->pos, s->u.block.stmts, s->u.block.n); break;
    case S_IF:
        if (s->u.if_.then && s->u.if_.then->kind == S_BLOCK)
            goto_inner(g, st, s->u.if_.then->pos, s->u.if_.then->u.block.stmts,
                       s->u.if_.then->u.block.n);
        if (s->u.if_.els) goto_inner(g, st, s->u.if_.els->pos, &s->u.if_.els, 1);
        break;
    case S_FOR: case S_RANGE: {
        Stmt *body = s->kind == S_FOR ? s->u.for_.body : s->u.range.body;
        if (body && body->kind == S_BLOCK)
            goto_inner(g, st, body->pos, body->u.block.stmts, body->u.block.n);
        break;
    }
    case S_SWITCH: case S_TYPESWITCH: case S_SELECT: {
        Stmt *body = s->kind == S_SWITCH ? s->u.switch_.body
                   : s->kind == S_TYPESWITCH ? s->u.typeswitch.body : s->u.select.body;
        for (int i = 0; body && body->kind == S_BLOCK && i < body->u.block.n; i++) {
            Stmt *c = body->u.block.stmts[i];
            if (c && c->kind == S_CASE) goto_inner(g, st, c->pos, c->u.case_.body, c->u.case_.nbody);
            else if (c && c->kind == S_COMM) goto_inner(g, st, c->pos, c->u.comm.body, c->u.comm.nbody);
        }
        break;
    }
    default: break;
    }
}

static void goto_block(GotoPass *g, GBlock *parent, Pos start, Stmt **list, int n,
                       GList *out) {
    GState st = {0};
    st.b = gc_alloc(sizeof *st.b);   /* outlives this call: labels point at it */
    st.b->parent = parent;
    st.b->start = start;
    for (int i = 0; i < n; i++) goto_stmt(g, &st, list[i]);
    *out = st.fwd;
}

/* Runs the goto pass over a function body (only when it has a goto). */
static void check_gotos(Checker *C, FuncCtx *f, Stmt *body) {
    GotoPass g = {C, f, gc_alloc(sizeof(GBlock *) * (f->nlabels + 1))};
    GList left = {0};
    if (body->kind == S_BLOCK) goto_block(&g, NULL, body->pos, body->u.block.stmts, body->u.block.n, &left);
    for (int i = 0; i < left.n; i++) {
        Stmt *br = left.v[i];
        int li = goto_label_index(&g, br);
        GBlock *lb = li >= 0 ? g.lblock[li] : NULL;
        chk_error(C, br->u.branch.label->pos, "goto %s jumps into block starting at %s",
                  f->labels[li]->name, lb ? pos_string(lb->start) : "?");
    }
}

/* Visits s and every statement nested in it (not into function literals). */
static void walk(Stmt *s, void (*fn)(Stmt *, void *), void *ctx) {
    if (!s) return;
    fn(s, ctx);
    switch (s->kind) {
    case S_LABELED: walk(s->u.labeled.stmt, fn, ctx); break;
    case S_BLOCK:
        for (int i = 0; i < s->u.block.n; i++) walk(s->u.block.stmts[i], fn, ctx);
        break;
    case S_IF: walk(s->u.if_.then, fn, ctx); walk(s->u.if_.els, fn, ctx); break;
    case S_SWITCH: walk(s->u.switch_.body, fn, ctx); break;
    case S_TYPESWITCH: walk(s->u.typeswitch.body, fn, ctx); break;
    case S_SELECT: walk(s->u.select.body, fn, ctx); break;
    case S_FOR: walk(s->u.for_.body, fn, ctx); break;
    case S_RANGE: walk(s->u.range.body, fn, ctx); break;
    case S_CASE:
        for (int i = 0; i < s->u.case_.nbody; i++) walk(s->u.case_.body[i], fn, ctx);
        break;
    case S_COMM:
        for (int i = 0; i < s->u.comm.nbody; i++) walk(s->u.comm.body[i], fn, ctx);
        break;
    default: break;
    }
}

static void collect_label(Stmt *s, void *ctx) {
    if (s->kind != S_LABELED || !s->u.labeled.label) return;
    Checker *C = ctx;
    FuncCtx *f = C->fn;
    const char *name = chk_ident(s->u.labeled.label);
    int prev = find_label(f, name);
    if (prev >= 0) {
        Pos p = f->labels[prev]->pos;
        chk_error(C, s->u.labeled.label->pos, "label %s already defined at %s:%d:%d", name,
                  p.file ? p.file->path : "", p.line, p.col);
        return;
    }
    Object *o = chk_obj_new(C, OBJ_LABEL, name, s->u.labeled.label->pos, NULL);
    o->label_stmt = s;
    s->u.labeled.obj = o;
    s->u.labeled.label->u.ident.obj = o;
    s->u.labeled.label->u.ident.is_def = true;
    int cap = f->caplabels;
    CHK_PUSH(f->labels, f->nlabels, f->caplabels, o);
    if (cap != f->caplabels) {
        bool *nu = gc_alloc(f->caplabels);
        if (f->label_used) memcpy(nu, f->label_used, f->nlabels - 1);
        f->label_used = nu;
    }
}

/* ---- terminating statements ---------------------------------------------------------------- */

typedef struct BreakSearch { Stmt *target; bool found; } BreakSearch;

static void find_break(Stmt *s, void *ctx) {
    BreakSearch *b = ctx;
    if (s->kind == S_BRANCH && s->u.branch.tok == T_BREAK && s->u.branch.target == b->target)
        b->found = true;
}

static bool has_break(Stmt *body, Stmt *target) {
    BreakSearch b = {target, false};
    walk(body, find_break, &b);
    return b.found;
}

static bool terminating(Stmt *s);

static bool list_terminating(Stmt **list, int n) {
    while (n > 0 && list[n - 1] && list[n - 1]->kind == S_EMPTY) n--;
    return n > 0 && terminating(list[n - 1]);
}

static bool clauses_terminate(Stmt *s, Stmt *body, bool need_default) {
    if (!body || body->kind != S_BLOCK || has_break(body, s)) return false;
    bool has_default = false;
    for (int i = 0; i < body->u.block.n; i++) {
        Stmt *c = body->u.block.stmts[i];
        if (!c) continue;
        Stmt **list;
        int n;
        if (c->kind == S_CASE) {
            list = c->u.case_.body;
            n = c->u.case_.nbody;
            if (c->u.case_.n == 0) has_default = true;
        } else if (c->kind == S_COMM) {
            list = c->u.comm.body;
            n = c->u.comm.nbody;
        } else {
            continue;
        }
        while (n > 0 && list[n - 1] && list[n - 1]->kind == S_EMPTY) n--;
        bool ft = n > 0 && list[n - 1]->kind == S_BRANCH &&
                  list[n - 1]->u.branch.tok == T_FALLTHROUGH;
        if (!ft && !list_terminating(list, n)) return false;
    }
    return has_default || !need_default;
}

static bool terminating(Stmt *s) {
    if (!s) return false;
    switch (s->kind) {
    case S_RETURN: return true;
    case S_BRANCH: return s->u.branch.tok == T_GOTO;
    case S_EXPR: {
        Expr *x = ast_unparen(s->u.expr.x);
        return x && x->kind == E_CALL && x->u.call.kind == CALL_BUILTIN &&
               x->u.call.builtin == BI_PANIC;
    }
    case S_BLOCK: return list_terminating(s->u.block.stmts, s->u.block.n);
    case S_IF: return s->u.if_.els && terminating(s->u.if_.then) && terminating(s->u.if_.els);
    case S_FOR: return !s->u.for_.cond && !has_break(s->u.for_.body, s);
    case S_LABELED: return terminating(s->u.labeled.stmt);
    case S_SWITCH: return clauses_terminate(s, s->u.switch_.body, true);
    case S_TYPESWITCH: return clauses_terminate(s, s->u.typeswitch.body, true);
    case S_SELECT: return clauses_terminate(s, s->u.select.body, false);
    default: return false;
    }
}

/* ---- control flow ----------------------------------------------------------------------- */

static void condition(Checker *C, Expr *cond, const char *what) {
    chk_expr(C, cond);
    if (cond->mode == M_INVALID) return;
    if (cond->type->kind != K_BOOL && cond->type->kind != K_UNTYPED_BOOL) {
        chk_error(C, chk_start(cond), "non-boolean condition in %s statement", what);
        return;
    }
    chk_default(C, cond);
}

static void if_stmt(Checker *C, Stmt *s) {
    open_scope(C);
    if (s->u.if_.init) stmt(C, s->u.if_.init);
    if (s->u.if_.cond) condition(C, s->u.if_.cond, "if");
    if (s->u.if_.then) stmt(C, s->u.if_.then);
    if (s->u.if_.els) stmt(C, s->u.if_.els);
    close_scope(C);
}

static void for_stmt(Checker *C, Stmt *s) {
    const char *label = C->fn ? C->fn->pending_label : NULL;
    if (C->fn) C->fn->pending_label = NULL;
    open_scope(C);
    if (s->u.for_.init) stmt(C, s->u.for_.init);
    if (s->u.for_.cond) condition(C, s->u.for_.cond, "for");
    if (s->u.for_.post) stmt(C, s->u.for_.post);
    if (C->fn) C->fn->pending_label = label;
    push_branch(C, s, true);
    if (s->u.for_.body) stmt(C, s->u.for_.body);
    pop_branch(C);
    close_scope(C);
}

/* Range over a function (Go 1.23): x must be func(yield func(...) bool)
 * with at most two yield parameters, which are the key and value types
 * (NULL where absent). Go's (types2) reasons on failure. */
static bool range_func_types(Checker *C, Stmt *s, Expr *x, Type **kt, Type **vt) {
    Type *t = x->type, *y = t->nparams == 1 ? t->params[0] : NULL;
    const char *why = NULL;
    if (t->nparams != 1) why = "wrong argument count";
    else if (t->nresults != 0) why = "unexpected results";
    else if (y->kind != K_FUNC) why = "argument is not func";
    else if (y->nparams > 2) why = "yield func has too many parameters";
    else if (y->nresults != 1 || y->results[0] != type_basic(K_BOOL))
        why = y->nresults == 1 && y->results[0]->kind == K_BOOL
                  ? "yield func returns user-defined boolean, not bool"
                  : "yield func does not return bool";
    if (why) {
        chk_error(C, chk_start(x), "cannot range over %s: func must be func(yield func(...) bool): %s",
                  chk_operand(C, x), why);
        return false;
    }
    *kt = y->nparams >= 1 ? y->params[0] : NULL;
    *vt = y->nparams >= 2 ? y->params[1] : NULL;
    Expr *extra = y->nparams == 0 ? s->u.range.key : y->nparams == 1 ? s->u.range.value : NULL;
    if (extra) {
        chk_error(C, chk_start(extra), "range over %s permits %s", chk_operand(C, x),
                  y->nparams == 0 ? "no iteration variables" : "only one iteration variable");
        return false;
    }
    return true;
}

/* Key and value types of `range x`; false (after an error) if x cannot be
 * ranged over. */
static bool range_types(Checker *C, Stmt *s, Expr *x, Type **kt, Type **vt) {
    Type *t = x->type;
    bool one_only = false;
    *vt = NULL;
    if (t->kind == K_POINTER && t->elem->kind == K_ARRAY) t = t->elem;
    switch (t->kind) {
    case K_STRING: case K_UNTYPED_STRING:
        *kt = type_basic(K_INT);
        *vt = type_basic(K_INT32);
        chk_default(C, x);
        return true;
    case K_ARRAY: case K_SLICE:
        *kt = type_basic(K_INT);
        *vt = t->elem;
        return true;
    case K_MAP:
        *kt = t->key;
        *vt = t->elem;
        return true;
    case K_CHAN:
        if (t->dir == CHAN_SEND) {
            chk_error(C, chk_start(x), "cannot range over %s (receive from send-only channel)",
                      chk_operand(C, x));
            return false;
        }
        *kt = t->elem;
        one_only = true;
        break;
    case K_FUNC:
        return range_func_types(C, s, x, kt, vt);
    default:
        if (type_is_integer(t)) {
            *kt = t;
            one_only = true;
            break;
        }
        chk_error(C, chk_start(x), "cannot range over %s", chk_operand(C, x));
        return false;
    }
    if (one_only && s->u.range.value) {
        chk_error(C, chk_start(s->u.range.value), "range over %s permits only one iteration variable",
                  chk_operand(C, x));
        return false;
    }
    return true;
}

static void range_define(Checker *C, Stmt *s, Type *kt, Type *vt) {
    Expr *vars[2] = {s->u.range.key, s->u.range.value};
    Type *types[2] = {kt, vt};
    Object *objs[2] = {NULL, NULL};
    for (int i = 0; i < 2; i++) {
        Expr *id = vars[i];
        if (!id) continue;
        if (id->kind != E_IDENT) {
            chk_error(C, chk_start(id), "non-name %s on left side of :=", ast_expr_string(id));
            continue;
        }
        Type *t = types[i] ? types[i] : chk_invalid_type();
        if (chk_is_blank(id)) {
            id->mode = M_VAR;
            id->type = t;
            continue;
        }
        objs[i] = new_var(C, id, t);
        objs[i]->gsrc = s->u.range.x;
        objs[i]->gsrc_kind = i == 0 ? GS_RANGE_KEY : GS_RANGE_VALUE;
    }
    s->u.range.key_obj = objs[0];
    s->u.range.value_obj = objs[1];
    for (int i = 0; i < 2; i++)
        if (objs[i]) declare_local(C, objs[i]);
}

/* `for k, v = range x`: each value must be assignable to its target.
 * types2 blames the range expression (xop: its operand string before an
 * untyped constant was converted) when ranging over an integer, else the
 * variable, "in assignment". */
static void range_assign(Checker *C, Stmt *s, Type *kt, Type *vt, const char *xop) {
    Expr *vars[2] = {s->u.range.key, s->u.range.value};
    Type *types[2] = {kt, vt};
    Expr *x = s->u.range.x;
    for (int i = 0; i < 2; i++) {
        if (!vars[i]) continue;
        Type *T = lhs_type(C, vars[i]);
        if (!T || T->kind == K_INVALID || !types[i]) continue;
        Expr tmp = {.kind = E_IDENT, .pos = vars[i]->pos, .mode = M_VALUE, .type = types[i]};
        tmp.u.ident.name = i == 0 ? "key" : "value";
        const char *cause;
        if (chk_assignable(C, &tmp, T, &cause)) continue;
        if (type_is_integer(x->type))
            chk_error(C, chk_start(x), "cannot use %s as %s value in range clause",
                      xop ? xop : chk_operand(C, x), chk_tstr(C, T));
        else
            chk_error(C, chk_start(vars[i]), "cannot use %s (value of type %s) as %s value in assignment",
                      ast_expr_string(vars[i]), chk_tstr(C, types[i]), chk_tstr(C, T));
    }
}

static void range_stmt(Checker *C, Stmt *s) {
    const char *label = C->fn ? C->fn->pending_label : NULL;
    if (C->fn) C->fn->pending_label = NULL;
    open_scope(C);
    Expr *x = s->u.range.x;
    Type *kt = NULL, *vt = NULL;
    bool ok = false;
    if (x) {
        chk_expr(C, x);
        if (x->mode != M_INVALID) ok = range_types(C, s, x, &kt, &vt);
    }
    const char *xop = NULL;
    if (ok && type_is_untyped(x->type)) {
        xop = chk_operand(C, x);
        /* range over an untyped constant int: the key's type decides */
        Type *want = NULL;
        if (!s->u.range.define && s->u.range.key && !chk_is_blank(s->u.range.key)) {
            Expr *k = ast_unparen(s->u.range.key);
            Object *o = k && k->kind == E_IDENT ? chk_lookup(C, chk_ident(k)) : NULL;
            if (o && o->kind == OBJ_VAR && o->type && type_is_integer(o->type)) want = o->type;
        }
        if (want) chk_convert_untyped(C, x, want);
        else chk_default(C, x);
        kt = x->type;
    }
    /* The body of a range over a func is a closure (compile_range.c):
     * the iteration variables are its parameters, and the assignments of
     * the `=` form run inside it. */
    FuncInfo *saved_rf = C->fn ? C->fn->rf_body : NULL;
    if (ok && x->type->kind == K_FUNC && C->fn) {
        FuncInfo *rf = gc_alloc(sizeof *rf);
        rf->rangefunc_body = true;
        rf->outer = saved_rf ? saved_rf : C->fn->info;
        char buf[600];
        const char *in = saved_rf ? saved_rf->name : C->fn->info->name;
        snprintf(buf, sizeof buf, "%s-range%d", in ? in : "?", ++C->fn->nranges);
        rf->name = gc_strdup(buf);
        s->u.range.rf = rf;
        C->fn->rf_body = rf;
    }
    if (s->u.range.define) range_define(C, s, ok ? kt : NULL, ok ? vt : NULL);
    else if (ok) range_assign(C, s, kt, vt, xop);
    if (C->fn) C->fn->pending_label = label;
    push_branch(C, s, true);
    if (s->u.range.body) stmt(C, s->u.range.body);
    pop_branch(C);
    if (C->fn) C->fn->rf_body = saved_rf;
    close_scope(C);
}

/* Marks the fallthrough statements of a switch body legal or not. */
static void classify_fallthrough(Checker *C, Stmt *body, bool type_switch) {
    FuncCtx *f = C->fn;
    int n = body->u.block.n;
    for (int i = 0; i < n; i++) {
        Stmt *c = body->u.block.stmts[i];
        if (!c || c->kind != S_CASE || c->u.case_.nbody == 0) continue;
        Stmt *last = c->u.case_.body[c->u.case_.nbody - 1];
        if (!last || last->kind != S_BRANCH || last->u.branch.tok != T_FALLTHROUGH) continue;
        if (type_switch) CHK_PUSH(f->ft_tswitch, f->nft_tswitch, f->capft_tswitch, last);
        else if (i == n - 1) CHK_PUSH(f->ft_final, f->nft_final, f->capft_final, last);
        else {
            CHK_PUSH(f->ft_ok, f->nft_ok, f->capft_ok, last);
            c->u.case_.fallthrough = true;
        }
    }
}

static void case_values(Checker *C, Stmt *c, Expr *tag, Expr ***seenp, int *nseen, int *capseen) {
    for (int j = 0; j < c->u.case_.n; j++) {
        Expr *v = c->u.case_.list[j];
        if (!v) continue;
        chk_expr(C, v);
        if (v->mode == M_INVALID) continue;
        if (!tag) {
            /* the tag is `true`: an interface bool implements compares too */
            bool iface_ok = v->type->kind == K_INTERFACE && v->type->nmethods == 0;
            if (v->type->kind != K_BOOL && v->type->kind != K_UNTYPED_BOOL && !iface_ok) {
                chk_error(C, chk_start(v), "invalid case %s in switch (mismatched types %s and bool)",
                          ast_expr_string(v), chk_tstr(C, v->type));
                continue;
            }
            chk_default(C, v);
        } else {
            if (tag->mode == M_INVALID) continue;
            if (!chk_convert_untyped(C, v, tag->type)) continue;
            if (!chk_comparison(C, NULL, v, tag, T_EQL, true)) continue;
        }
        /* gc reports repeated numbers and strings only: `case false:` twice
         * (constant conditions of a tagless switch) is accepted */
        if (v->mode != M_CONST || v->cv.kind == CV_NONE || v->cv.kind == CV_BOOL) continue;
        for (int k = 0; k < *nseen; k++) {
            Expr *p = (*seenp)[k];
            if (p->type == v->type && cv_equal(p->cv, v->cv)) {
                Pos pp = chk_start(p);
                chk_error(C, chk_start(v), "duplicate case %s in expression switch\n\t%s:%d:%d: previous case",
                          chk_operand(C, v), pp.file ? pp.file->path : "", pp.line, pp.col);
                break;
            }
        }
        CHK_PUSH(*seenp, *nseen, *capseen, v);
    }
}

static void switch_stmt(Checker *C, Stmt *s) {
    const char *label = C->fn ? C->fn->pending_label : NULL;
    if (C->fn) C->fn->pending_label = NULL;
    open_scope(C);
    if (s->u.switch_.init) stmt(C, s->u.switch_.init);
    Expr *tag = s->u.switch_.tag;
    if (tag) {
        chk_expr(C, tag);
        if (tag->mode != M_INVALID) {
            if (tag->type->kind == K_UNTYPED_NIL) {
                chk_error(C, chk_start(tag), "use of untyped nil in switch expression");
                chk_invalid(tag);
            } else {
                chk_default(C, tag);
                if (!chk_comparable(tag->type) && !chk_has_nil(tag->type)) {
                    chk_error(C, chk_start(tag), "cannot switch on %s", chk_operand(C, tag));
                    chk_invalid(tag);
                }
            }
        }
    }
    if (C->fn) C->fn->pending_label = label;
    push_branch(C, s, false);
    Stmt *body = s->u.switch_.body;
    if (body && body->kind == S_BLOCK) {
        if (C->fn) classify_fallthrough(C, body, false);
        Expr **seen = NULL;
        int nseen = 0, capseen = 0;
        Stmt *dflt = NULL;
        for (int i = 0; i < body->u.block.n; i++) {
            Stmt *c = body->u.block.stmts[i];
            if (!c || c->kind != S_CASE) continue;
            if (c->u.case_.n == 0) {
                if (dflt) chk_error(C, c->pos, "multiple defaults in switch");
                dflt = c;
            }
            case_values(C, c, tag, &seen, &nseen, &capseen);
            open_scope(C);
            stmt_list(C, c->u.case_.body, c->u.case_.nbody);
            close_scope(C);
        }
    }
    pop_branch(C);
    close_scope(C);
}

/* The x := y.(type) guard: returns y, sets *sym to the x identifier. */
static Expr *type_switch_guard(Checker *C, Stmt *g, Expr **sym) {
    *sym = NULL;
    Expr *a = NULL;
    if (g && g->kind == S_ASSIGN && g->u.assign.nlhs == 1 && g->u.assign.nrhs == 1) {
        *sym = g->u.assign.lhs[0];
        a = g->u.assign.rhs[0];
    } else if (g && g->kind == S_EXPR) {
        a = g->u.expr.x;
    }
    a = ast_unparen(a);
    if (!a || a->kind != E_TYPEASSERT) return NULL;
    a->mode = M_VALUE;
    return a->u.assert.x;
}

static Type *case_type(Checker *C, Expr *t, Expr *x, bool *is_nil) {
    *is_nil = false;
    Expr *u = ast_unparen(t);
    if (u && u->kind == E_IDENT) {
        Object *o = chk_lookup(C, chk_ident(u));
        if (o && o->kind == OBJ_NIL) {
            *is_nil = true;
            u->u.ident.obj = o;
            u->mode = M_VALUE;
            u->type = x->type;
            return NULL;
        }
    }
    Type *T = chk_type(C, t);
    if (T->kind == K_INVALID || x->mode == M_INVALID) return T;
    Expr *te = ast_unparen(t);    /* case P: a type parameter may be anything */
    bool tparam = te->kind == E_IDENT && te->u.ident.obj && te->u.ident.obj->is_tparam;
    if (T->kind != K_INTERFACE && !tparam) {
        const char *why = chk_missing_method(C, T, x->type);
        if (why)
            chk_error(C, chk_start(t), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s",
                      ast_expr_string(t), chk_operand(C, x), chk_tstr(C, T), why);
    }
    return T;
}

static void type_clause(Checker *C, Stmt *c, Expr *x, Expr *sym, Type ***seen, int *nseen,
                        int *capseen, bool *any_used) {
    Type *single = NULL;
    int ntypes = 0;
    for (int j = 0; j < c->u.case_.n; j++) {
        bool is_nil;
        Type *T = case_type(C, c->u.case_.list[j], x, &is_nil);
        ntypes++;
        single = is_nil ? NULL : T;
        if (!T && !is_nil) continue;
        for (int k = 0; k < *nseen; k++)
            if ((*seen)[k] == T) {
                if (is_nil) chk_error(C, chk_start(c->u.case_.list[j]), "multiple nil cases in type switch");
                else chk_error(C, chk_start(c->u.case_.list[j]), "duplicate case %s in type switch",
                               chk_tstr(C, T));
                break;
            }
        CHK_PUSH(*seen, *nseen, *capseen, T);
    }
    open_scope(C);
    if (sym && !chk_is_blank(sym)) {
        Type *t = (ntypes == 1 && single) ? single : x->type;
        Object *o = chk_obj_new(C, OBJ_VAR, chk_ident(sym), sym->pos, t);
        c->u.case_.obj = o;
        chk_declare(C, C->scope, o);
        stmt_list(C, c->u.case_.body, c->u.case_.nbody);
        if (o->used) *any_used = true;
    } else {
        stmt_list(C, c->u.case_.body, c->u.case_.nbody);
    }
    close_scope(C);
}

static void type_switch_stmt(Checker *C, Stmt *s) {
    const char *label = C->fn ? C->fn->pending_label : NULL;
    if (C->fn) C->fn->pending_label = NULL;
    open_scope(C);
    if (s->u.typeswitch.init) stmt(C, s->u.typeswitch.init);
    Expr *sym;
    Expr *x = type_switch_guard(C, s->u.typeswitch.assign, &sym);
    if (!x) {
        chk_error(C, s->pos, "invalid type switch guard");
        close_scope(C);
        return;
    }
    chk_expr(C, x);
    if (x->mode != M_INVALID && x->type->kind != K_INTERFACE) {
        chk_error(C, chk_start(x), "%s is not an interface", chk_operand(C, x));
        chk_invalid(x);
    }
    if (sym) {
        chk_ident(sym);
        sym->u.ident.is_def = true;
        if (chk_is_blank(sym)) chk_error(C, sym->pos, "no new variable on left side of :=");
    }
    if (C->fn) C->fn->pending_label = label;
    push_branch(C, s, false);
    Stmt *body = s->u.typeswitch.body;
    bool any_used = false;
    int nclauses = 0;
    if (body && body->kind == S_BLOCK) {
        if (C->fn) classify_fallthrough(C, body, true);
        Type **seen = NULL;
        int nseen = 0, capseen = 0;
        bool dflt = false;
        for (int i = 0; i < body->u.block.n; i++) {
            Stmt *c = body->u.block.stmts[i];
            if (!c || c->kind != S_CASE) continue;
            nclauses++;
            if (c->u.case_.n == 0) {
                if (dflt) chk_error(C, c->pos, "multiple defaults in switch");
                dflt = true;
            }
            type_clause(C, c, x, sym, &seen, &nseen, &capseen, &any_used);
        }
    }
    if (sym && !chk_is_blank(sym) && !any_used && x->mode != M_INVALID &&
        !C->prog->repl)
        chk_error(C, sym->pos, "declared and not used: %s", sym->u.ident.name);
    (void)nclauses;
    pop_branch(C);
    close_scope(C);
}

static bool is_receive(Expr *e) {
    e = ast_unparen(e);
    return e && e->kind == E_UNARY && e->u.unary.op == T_ARROW;
}

static void select_stmt(Checker *C, Stmt *s) {
    push_branch(C, s, false);
    Stmt *body = s->u.select.body;
    bool dflt = false;
    for (int i = 0; body && body->kind == S_BLOCK && i < body->u.block.n; i++) {
        Stmt *c = body->u.block.stmts[i];
        if (!c || c->kind != S_COMM) continue;
        Stmt *comm = c->u.comm.comm;
        open_scope(C);
        if (!comm) {
            if (dflt) chk_error(C, c->pos, "multiple defaults in select");
            dflt = true;
        } else {
            bool ok = comm->kind == S_SEND ||
                      (comm->kind == S_EXPR && is_receive(comm->u.expr.x)) ||
                      (comm->kind == S_ASSIGN && comm->u.assign.nrhs == 1 &&
                       is_receive(comm->u.assign.rhs[0]) && comm->u.assign.nlhs <= 2 &&
                       (comm->u.assign.op == T_ASSIGN || comm->u.assign.op == T_DEFINE));
            if (ok)
                stmt(C, comm);
            else
                chk_error(C, comm->pos, "select case must be receive, send or assign recv");
        }
        stmt_list(C, c->u.comm.body, c->u.comm.nbody);
        close_scope(C);
    }
    pop_branch(C);
}

static void labeled_stmt(Checker *C, Stmt *s) {
    Stmt *inner = s->u.labeled.stmt;
    if (!inner) return;
    if (!C->fn || !s->u.labeled.label) {
        stmt(C, inner);
        return;
    }
    const char *name = chk_ident(s->u.labeled.label);
    StmtKind k = inner->kind;
    if (k == S_FOR || k == S_RANGE || k == S_SWITCH || k == S_TYPESWITCH || k == S_SELECT) {
        C->fn->pending_label = name;
        stmt(C, inner);
        C->fn->pending_label = NULL;
        return;
    }
    BranchCtx b = {inner, name, false, true};
    CHK_PUSH(C->fn->branches, C->fn->nbranches, C->fn->capbranches, b);
    stmt(C, inner);
    pop_branch(C);
}

static void stmt(Checker *C, Stmt *s) {
    if (s->kind != S_FOR && s->kind != S_RANGE && s->kind != S_SWITCH &&
        s->kind != S_TYPESWITCH && s->kind != S_SELECT && s->kind != S_LABELED && C->fn)
        C->fn->pending_label = NULL;
    switch (s->kind) {
    case S_DECL: if (s->u.decl.decl) local_decl(C, s->u.decl.decl); break;
    case S_LABELED: labeled_stmt(C, s); break;
    case S_EXPR: expr_stmt(C, s); break;
    case S_SEND: send_stmt(C, s); break;
    case S_INCDEC: incdec_stmt(C, s); break;
    case S_ASSIGN: assign_stmt(C, s); break;
    case S_GO: case S_DEFER: go_defer_stmt(C, s); break;
    case S_RETURN: return_stmt(C, s); break;
    case S_BRANCH: branch_stmt(C, s); break;
    case S_BLOCK:
        open_scope(C);
        stmt_list(C, s->u.block.stmts, s->u.block.n);
        close_scope(C);
        break;
    case S_IF: if_stmt(C, s); break;
    case S_SWITCH: switch_stmt(C, s); break;
    case S_TYPESWITCH: type_switch_stmt(C, s); break;
    case S_SELECT: select_stmt(C, s); break;
    case S_FOR: for_stmt(C, s); break;
    case S_RANGE: range_stmt(C, s); break;
    case S_CASE: case S_COMM:
        chk_error(C, s->pos, "case outside switch or select");
        break;
    default: break;
    }
}

/* ---- function bodies --------------------------------------------------------------------- */

static void declare_params(Checker *C, FuncInfo *info) {
    if (info->recv) chk_declare(C, C->scope, info->recv);
    for (int i = 0; i < info->nparams; i++) chk_declare(C, C->scope, info->params[i]);
    for (int i = 0; i < info->nresults; i++)
        if (info->results[i]->name[0] != '~') chk_declare(C, C->scope, info->results[i]);
}

static void report_unused(Checker *C, FuncCtx *f) {
    for (int i = 0; i < f->nlocals; i++) {
        Object *o = f->locals[i];
        if (!o->used && !C->prog->repl && o->type != chk_invalid_type())
            chk_error(C, o->pos, "declared and not used: %s", o->name);
    }
    for (int i = 0; i < f->nlabels; i++)
        if (!f->label_used[i])
            chk_error(C, f->labels[i]->pos, "label %s defined and not used", f->labels[i]->name);
}

void chk_func_body(Checker *C, FuncInfo *info, Stmt *body, FuncCtx *outer, bool is_closure,
                   Pos end) {
    FuncCtx fc = {0};
    fc.info = info;
    fc.outer = outer;
    fc.sig = info->sig ? info->sig : type_func(NULL, 0, NULL, 0, false);
    fc.is_closure = is_closure;
    FuncCtx *saved_fn = C->fn;
    Scope *saved_scope = C->scope;
    C->fn = &fc;
    C->scope = chk_scope_new(C->scope);
    C->scope->is_func = true;
    declare_params(C, info);
    walk(body, collect_label, C);
    if (body->kind == S_BLOCK) stmt_list(C, body->u.block.stmts, body->u.block.n);
    else stmt(C, body);
    if (fc.sig->nresults > 0 && !terminating(body)) chk_error(C, end, "missing return");
    if (fc.has_goto) check_gotos(C, &fc, body);
    report_unused(C, &fc);
    C->fn = saved_fn;
    C->scope = saved_scope;
}
