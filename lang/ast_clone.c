/*
 * ast_clone.c — deep copies of syntax trees, for generic instantiation.
 *
 * Owns: ast_clone_expr / ast_clone_stmt / ast_clone_func_decl. A copy has
 * every SYNTAX field of the original and none of the CHECKER or COMPILER
 * fields (types, modes, constants, objects, selections, FuncInfos), so the
 * checker can check it as if it had been written out by hand with the type
 * parameters replaced (see check_generic.c). Positions are kept: errors
 * and stack traces in an instance point into the generic declaration, as
 * Go's do.
 *
 * Nodes are never shared between original and copy (the checker writes
 * into nodes), except interned/immutable strings and source positions.
 */
#include "ast_clone.h"

#include <string.h>

#include "../runtime/gc.h"

static Expr **clone_exprs(Expr **v, int n) {
    if (!v) return NULL;
    Expr **c = gc_alloc(sizeof *c * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) c[i] = ast_clone_expr(v[i]);
    return c;
}

static Stmt **clone_stmts(Stmt **v, int n) {
    if (!v) return NULL;
    Stmt **c = gc_alloc(sizeof *c * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) c[i] = ast_clone_stmt(v[i]);
    return c;
}

FieldList ast_clone_fields(FieldList fl) {
    FieldList c = {0};
    if (!fl.list) return c;
    c.n = fl.n;
    c.list = gc_alloc(sizeof *c.list * (size_t)(fl.n ? fl.n : 1));
    for (int i = 0; i < fl.n; i++) {
        c.list[i] = fl.list[i];
        c.list[i].names = clone_exprs(fl.list[i].names, fl.list[i].nnames);
        c.list[i].type = ast_clone_expr(fl.list[i].type);
    }
    return c;
}

Expr *ast_clone_expr(const Expr *e) {
    if (!e) return NULL;
    Expr *c = ast_expr(e->kind, e->pos);
    switch (e->kind) {
    case E_BAD: break;
    case E_TUPLEREF: c->u.tref = e->u.tref; break;   /* calls clone their source form */
    case E_IDENT: c->u.ident.name = e->u.ident.name; break;
    case E_INTLIT: case E_FLOATLIT: case E_IMAGLIT: case E_CHARLIT: case E_STRINGLIT:
        c->u.lit = e->u.lit;
        break;
    case E_COMPOSITE:
        c->u.composite = e->u.composite;
        c->u.composite.type = ast_clone_expr(e->u.composite.type);
        c->u.composite.elts = clone_exprs(e->u.composite.elts, e->u.composite.nelts);
        break;
    case E_FUNCLIT:
        c->u.funclit.type = ast_clone_expr(e->u.funclit.type);
        c->u.funclit.body = ast_clone_stmt(e->u.funclit.body);
        break;
    case E_PAREN: c->u.paren.x = ast_clone_expr(e->u.paren.x); break;
    case E_SELECTOR:
        c->u.sel.x = ast_clone_expr(e->u.sel.x);
        c->u.sel.sel = ast_clone_expr(e->u.sel.sel);
        break;
    case E_INDEX:
        c->u.index.x = ast_clone_expr(e->u.index.x);
        c->u.index.index = ast_clone_expr(e->u.index.index);
        c->u.index.rbrack = e->u.index.rbrack;
        c->u.index.more = clone_exprs(e->u.index.more, e->u.index.nmore);
        c->u.index.nmore = e->u.index.nmore;
        break;
    case E_SLICE:
        c->u.slice.x = ast_clone_expr(e->u.slice.x);
        c->u.slice.lo = ast_clone_expr(e->u.slice.lo);
        c->u.slice.hi = ast_clone_expr(e->u.slice.hi);
        c->u.slice.max = ast_clone_expr(e->u.slice.max);
        c->u.slice.three = e->u.slice.three;
        break;
    case E_TYPEASSERT:
        c->u.assert.x = ast_clone_expr(e->u.assert.x);
        c->u.assert.type = ast_clone_expr(e->u.assert.type);
        break;
    case E_CALL:
        c->u.call.fun = ast_clone_expr(e->u.call.fun);
        if (e->u.call.tuple) {         /* the source form: builtin(g()) */
            c->u.call.args = clone_exprs((Expr **)&e->u.call.tuple, 1);
            c->u.call.nargs = 1;
        } else {
            c->u.call.args = clone_exprs(e->u.call.args, e->u.call.nargs);
            c->u.call.nargs = e->u.call.nargs;
        }
        c->u.call.has_ellipsis = e->u.call.has_ellipsis;
        c->u.call.lparen = e->u.call.lparen;
        c->u.call.rparen = e->u.call.rparen;
        break;
    case E_STAR: c->u.star.x = ast_clone_expr(e->u.star.x); break;
    case E_UNARY:
        c->u.unary.op = e->u.unary.op;
        c->u.unary.x = ast_clone_expr(e->u.unary.x);
        break;
    case E_BINARY:
        c->u.binary.op = e->u.binary.op;
        c->u.binary.x = ast_clone_expr(e->u.binary.x);
        c->u.binary.y = ast_clone_expr(e->u.binary.y);
        break;
    case E_KEYVALUE:
        c->u.kv.key = ast_clone_expr(e->u.kv.key);
        c->u.kv.value = ast_clone_expr(e->u.kv.value);
        break;
    case E_ELLIPSIS: c->u.ellipsis.elt = ast_clone_expr(e->u.ellipsis.elt); break;
    case E_ARRAYTYPE:
        c->u.arraytype.len = ast_clone_expr(e->u.arraytype.len);
        c->u.arraytype.elem = ast_clone_expr(e->u.arraytype.elem);
        break;
    case E_STRUCTTYPE: c->u.structtype.fields = ast_clone_fields(e->u.structtype.fields); break;
    case E_FUNCTYPE:
        c->u.functype.params = ast_clone_fields(e->u.functype.params);
        c->u.functype.results = ast_clone_fields(e->u.functype.results);
        break;
    case E_INTERFACETYPE: c->u.ifacetype.methods = ast_clone_fields(e->u.ifacetype.methods); break;
    case E_MAPTYPE:
        c->u.maptype.key = ast_clone_expr(e->u.maptype.key);
        c->u.maptype.value = ast_clone_expr(e->u.maptype.value);
        break;
    case E_CHANTYPE:
        c->u.chantype.dir = e->u.chantype.dir;
        c->u.chantype.elem = ast_clone_expr(e->u.chantype.elem);
        break;
    }
    return c;
}

static ValueSpec *clone_vspecs(const ValueSpec *v, int n) {
    ValueSpec *c = gc_alloc(sizeof *c * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) {
        c[i].names = clone_exprs(v[i].names, v[i].nnames);
        c[i].nnames = v[i].nnames;
        c[i].type = ast_clone_expr(v[i].type);
        c[i].values = clone_exprs(v[i].values, v[i].nvalues);
        c[i].nvalues = v[i].nvalues;
        c[i].iota = v[i].iota;
        c[i].pos = v[i].pos;
    }
    return c;
}

static Decl *clone_decl(const Decl *d) {
    if (!d) return NULL;
    Decl *c = ast_decl(d->kind, d->pos);
    switch (d->kind) {
    case D_CONST: case D_VAR:
        c->u.vars.specs = clone_vspecs(d->u.vars.specs, d->u.vars.n);
        c->u.vars.n = d->u.vars.n;
        break;
    case D_TYPE:
        c->u.types.n = d->u.types.n;
        c->u.types.specs = gc_alloc(sizeof *c->u.types.specs * (size_t)(d->u.types.n ? d->u.types.n : 1));
        for (int i = 0; i < d->u.types.n; i++) {
            const TypeSpec *s = &d->u.types.specs[i];
            TypeSpec *t = &c->u.types.specs[i];
            t->name = ast_clone_expr(s->name);
            t->type = ast_clone_expr(s->type);
            t->alias = s->alias;
            t->has_tparams = s->has_tparams;
            t->tparams = s->tparams;
            t->pos = s->pos;
        }
        break;
    case D_FUNC:
        return ast_clone_func_decl(d);
    default:
        c->u = d->u;
        break;
    }
    return c;
}

Decl *ast_clone_func_decl(const Decl *d) {
    Decl *c = ast_decl(D_FUNC, d->pos);
    if (d->u.func.recv) {
        c->u.func.recv = gc_alloc(sizeof *c->u.func.recv);
        *c->u.func.recv = ast_clone_fields(*d->u.func.recv);
    }
    c->u.func.name = ast_clone_expr(d->u.func.name);
    c->u.func.type = ast_clone_expr(d->u.func.type);
    c->u.func.body = ast_clone_stmt(d->u.func.body);
    return c;
}

Stmt *ast_clone_stmt(const Stmt *s) {
    if (!s) return NULL;
    Stmt *c = ast_stmt(s->kind, s->pos);
    switch (s->kind) {
    case S_BAD: case S_EMPTY: break;
    case S_DECL: c->u.decl.decl = clone_decl(s->u.decl.decl); break;
    case S_LABELED:
        c->u.labeled.label = ast_clone_expr(s->u.labeled.label);
        c->u.labeled.stmt = ast_clone_stmt(s->u.labeled.stmt);
        break;
    case S_EXPR: c->u.expr.x = ast_clone_expr(s->u.expr.x); break;
    case S_SEND:
        c->u.send.ch = ast_clone_expr(s->u.send.ch);
        c->u.send.value = ast_clone_expr(s->u.send.value);
        break;
    case S_INCDEC:
        c->u.incdec.x = ast_clone_expr(s->u.incdec.x);
        c->u.incdec.op = s->u.incdec.op;
        break;
    case S_ASSIGN:
        c->u.assign = s->u.assign;
        c->u.assign.lhs = clone_exprs(s->u.assign.lhs, s->u.assign.nlhs);
        c->u.assign.rhs = clone_exprs(s->u.assign.rhs, s->u.assign.nrhs);
        break;
    case S_GO: case S_DEFER: c->u.go_defer.call = ast_clone_expr(s->u.go_defer.call); break;
    case S_RETURN:
        c->u.ret.results = clone_exprs(s->u.ret.results, s->u.ret.nresults);
        c->u.ret.nresults = s->u.ret.nresults;
        break;
    case S_BRANCH:
        c->u.branch.tok = s->u.branch.tok;
        c->u.branch.label = ast_clone_expr(s->u.branch.label);
        break;
    case S_BLOCK:
        c->u.block.stmts = clone_stmts(s->u.block.stmts, s->u.block.n);
        c->u.block.n = s->u.block.n;
        c->u.block.rbrace = s->u.block.rbrace;
        break;
    case S_IF:
        c->u.if_.init = ast_clone_stmt(s->u.if_.init);
        c->u.if_.cond = ast_clone_expr(s->u.if_.cond);
        c->u.if_.then = ast_clone_stmt(s->u.if_.then);
        c->u.if_.els = ast_clone_stmt(s->u.if_.els);
        break;
    case S_SWITCH:
        c->u.switch_.init = ast_clone_stmt(s->u.switch_.init);
        c->u.switch_.tag = ast_clone_expr(s->u.switch_.tag);
        c->u.switch_.body = ast_clone_stmt(s->u.switch_.body);
        break;
    case S_TYPESWITCH:
        c->u.typeswitch.init = ast_clone_stmt(s->u.typeswitch.init);
        c->u.typeswitch.assign = ast_clone_stmt(s->u.typeswitch.assign);
        c->u.typeswitch.body = ast_clone_stmt(s->u.typeswitch.body);
        break;
    case S_SELECT: c->u.select.body = ast_clone_stmt(s->u.select.body); break;
    case S_FOR:
        c->u.for_.init = ast_clone_stmt(s->u.for_.init);
        c->u.for_.cond = ast_clone_expr(s->u.for_.cond);
        c->u.for_.post = ast_clone_stmt(s->u.for_.post);
        c->u.for_.body = ast_clone_stmt(s->u.for_.body);
        break;
    case S_RANGE:
        c->u.range.key = ast_clone_expr(s->u.range.key);
        c->u.range.value = ast_clone_expr(s->u.range.value);
        c->u.range.define = s->u.range.define;
        c->u.range.x = ast_clone_expr(s->u.range.x);
        c->u.range.body = ast_clone_stmt(s->u.range.body);
        break;
    case S_CASE:
        c->u.case_.list = clone_exprs(s->u.case_.list, s->u.case_.n);
        c->u.case_.n = s->u.case_.n;
        c->u.case_.body = clone_stmts(s->u.case_.body, s->u.case_.nbody);
        c->u.case_.nbody = s->u.case_.nbody;
        c->u.case_.fallthrough = s->u.case_.fallthrough;
        break;
    case S_COMM:
        c->u.comm.comm = ast_clone_stmt(s->u.comm.comm);
        c->u.comm.body = clone_stmts(s->u.comm.body, s->u.comm.nbody);
        c->u.comm.nbody = s->u.comm.nbody;
        break;
    }
    return c;
}
