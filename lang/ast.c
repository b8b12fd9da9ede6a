/*
 * ast.c — syntax tree constructors and the expression printer.
 *
 * Owns: allocating nodes (GC heap, zeroed) and ast_expr_string, which prints
 * an expression the way cmd/compile's type checker (types2, via the syntax
 * package's ShortForm printer) does in its messages. The printer rules that
 * matter for byte-identical messages:
 *   - binary operators always have one blank on each side (`a + 1 * 2`: the
 *     tree's parentheses are printed, precedence is not re-derived);
 *   - non-empty composite literal and function literal bodies print as `…`
 *     (`&T{…}`, `func() {…}`), empty ones as `{}`;
 *   - struct and interface types print on one line with "; " between
 *     fields (`struct{a int; b string}`, `interface{M(int) string; error}`);
 *   - `chan (<-chan int)` keeps its parentheses.
 */
#include "ast.h"

#include <string.h>

#include "../runtime/gc.h"

Expr *ast_expr(ExprKind kind, Pos pos) {
    Expr *e = gc_alloc(sizeof *e);
    e->kind = kind;
    e->pos = pos;
    return e;
}

Stmt *ast_stmt(StmtKind kind, Pos pos) {
    Stmt *s = gc_alloc(sizeof *s);
    s->kind = kind;
    s->pos = pos;
    return s;
}

Decl *ast_decl(DeclKind kind, Pos pos) {
    Decl *d = gc_alloc(sizeof *d);
    d->kind = kind;
    d->pos = pos;
    return d;
}

Expr *ast_ident(const char *name, Pos pos) {
    Expr *e = ast_expr(E_IDENT, pos);
    e->u.ident.name = gc_strdup(name);
    return e;
}

Expr *ast_unparen(Expr *x) {
    while (x && x->kind == E_PAREN) x = x->u.paren.x;
    return x;
}

/* ---- the printer ------------------------------------------------------------ */

typedef struct Sb { char *b; size_t n, cap; } Sb;

static void put(Sb *sb, const char *s) {
    size_t k = strlen(s);
    if (sb->n + k + 1 > sb->cap) {
        size_t cap = sb->cap ? sb->cap * 2 : 64;
        while (cap < sb->n + k + 1) cap *= 2;
        char *nb = gc_alloc_atomic(cap);
        if (sb->n) memcpy(nb, sb->b, sb->n);
        sb->b = nb;
        sb->cap = cap;
    }
    memcpy(sb->b + sb->n, s, k);
    sb->n += k;
    sb->b[sb->n] = 0;
}

static void pexpr(Sb *sb, const Expr *x);

static void plist(Sb *sb, Expr *const *xs, int n) {
    for (int i = 0; i < n; i++) {
        if (i) put(sb, ", ");
        pexpr(sb, xs[i]);
    }
}

static void pnames(Sb *sb, const FieldDecl *f) {
    for (int i = 0; i < f->nnames; i++) {
        if (i) put(sb, ", ");
        pexpr(sb, f->names[i]);
    }
}

/* Parameter list: `(a, b int, c string)`, `(int, string)`. */
static void pparams(Sb *sb, const FieldList *fl) {
    put(sb, "(");
    for (int i = 0; i < fl->n; i++) {
        const FieldDecl *f = &fl->list[i];
        if (i) put(sb, ", ");
        if (f->nnames) { pnames(sb, f); put(sb, " "); }
        pexpr(sb, ast_unparen(f->type));
    }
    put(sb, ")");
}

static void psig(Sb *sb, const Expr *ft) {
    const FieldList *res = &ft->u.functype.results;
    pparams(sb, &ft->u.functype.params);
    if (res->n == 0) return;
    put(sb, " ");
    if (res->n == 1 && res->list[0].nnames == 0) pexpr(sb, res->list[0].type);
    else pparams(sb, res);
}

static void pfields(Sb *sb, const FieldList *fl) {
    for (int i = 0; i < fl->n; i++) {
        const FieldDecl *f = &fl->list[i];
        if (i) put(sb, "; ");
        if (f->nnames) { pnames(sb, f); put(sb, " "); }
        pexpr(sb, f->type);
        if (f->tag) { put(sb, " "); put(sb, f->tag); }
    }
}

static void pmethods(Sb *sb, const FieldList *fl) {
    for (int i = 0; i < fl->n; i++) {
        const FieldDecl *f = &fl->list[i];
        if (i) put(sb, "; ");
        if (f->nnames && f->type && f->type->kind == E_FUNCTYPE) {
            pexpr(sb, f->names[0]);
            psig(sb, f->type);
        } else {
            pexpr(sb, f->type);
        }
    }
}

static void pchan(Sb *sb, const Expr *x) {
    const Expr *el = x->u.chantype.elem;
    put(sb, x->u.chantype.dir == CHAN_RECV ? "<-chan " :
            x->u.chantype.dir == CHAN_SEND ? "chan<- " : "chan ");
    if (x->u.chantype.dir == CHAN_BOTH && el && el->kind == E_CHANTYPE &&
        el->u.chantype.dir == CHAN_RECV) {
        put(sb, "(");
        pexpr(sb, el);
        put(sb, ")");
    } else {
        pexpr(sb, el);
    }
}

static void pslice(Sb *sb, const Expr *x) {
    pexpr(sb, x->u.slice.x);
    put(sb, "[");
    if (x->u.slice.lo) pexpr(sb, x->u.slice.lo);
    put(sb, ":");
    if (x->u.slice.hi) pexpr(sb, x->u.slice.hi);
    if (x->u.slice.max) { put(sb, ":"); pexpr(sb, x->u.slice.max); }
    put(sb, "]");
}

static void pcall(Sb *sb, const Expr *x) {
    pexpr(sb, x->u.call.fun);
    put(sb, "(");
    if (x->u.call.tuple) pexpr(sb, x->u.call.tuple);
    else plist(sb, x->u.call.args, x->u.call.nargs);
    if (x->u.call.has_ellipsis) put(sb, "...");
    put(sb, ")");
}

static void pbody(Sb *sb, bool empty) { put(sb, empty ? "{}" : "{…}"); }

/* Literals, operators and the simple postfix forms. */
static bool pexpr_simple(Sb *sb, const Expr *x) {
    switch (x->kind) {
    case E_IDENT: put(sb, x->u.ident.name ? x->u.ident.name : "_"); return true;
    case E_INTLIT: case E_FLOATLIT: case E_IMAGLIT: case E_CHARLIT: case E_STRINGLIT:
        put(sb, x->u.lit.text ? x->u.lit.text : ""); return true;
    case E_PAREN: put(sb, "("); pexpr(sb, x->u.paren.x); put(sb, ")"); return true;
    case E_SELECTOR:
        pexpr(sb, x->u.sel.x); put(sb, "."); pexpr(sb, x->u.sel.sel); return true;
    case E_INDEX:
        pexpr(sb, x->u.index.x); put(sb, "["); pexpr(sb, x->u.index.index); put(sb, "]");
        return true;
    case E_SLICE: pslice(sb, x); return true;
    case E_TYPEASSERT:
        pexpr(sb, x->u.assert.x); put(sb, ".(");
        if (x->u.assert.type) pexpr(sb, x->u.assert.type); else put(sb, "type");
        put(sb, ")");
        return true;
    case E_CALL: pcall(sb, x); return true;
    case E_STAR: put(sb, "*"); pexpr(sb, x->u.star.x); return true;
    case E_UNARY: put(sb, tok_names[x->u.unary.op]); pexpr(sb, x->u.unary.x); return true;
    case E_BINARY:
        pexpr(sb, x->u.binary.x); put(sb, " "); put(sb, tok_names[x->u.binary.op]);
        put(sb, " "); pexpr(sb, x->u.binary.y);
        return true;
    case E_KEYVALUE:
        pexpr(sb, x->u.kv.key); put(sb, ": "); pexpr(sb, x->u.kv.value); return true;
    case E_ELLIPSIS: put(sb, "..."); if (x->u.ellipsis.elt) pexpr(sb, x->u.ellipsis.elt);
        return true;
    default: return false;
    }
}

/* Literals with bodies and type expressions. */
static void pexpr_type(Sb *sb, const Expr *x) {
    switch (x->kind) {
    case E_COMPOSITE:
        if (x->u.composite.type) pexpr(sb, x->u.composite.type);
        pbody(sb, x->u.composite.nelts == 0);
        break;
    case E_FUNCLIT: {
        const Stmt *b = x->u.funclit.body;
        pexpr(sb, x->u.funclit.type);
        put(sb, " ");
        pbody(sb, !b || b->kind != S_BLOCK || b->u.block.n == 0);
        break;
    }
    case E_ARRAYTYPE:
        put(sb, "[");
        if (x->u.arraytype.len) pexpr(sb, x->u.arraytype.len);
        put(sb, "]");
        pexpr(sb, x->u.arraytype.elem);
        break;
    case E_STRUCTTYPE:
        put(sb, "struct{"); pfields(sb, &x->u.structtype.fields); put(sb, "}"); break;
    case E_FUNCTYPE: put(sb, "func"); psig(sb, x); break;
    case E_INTERFACETYPE:
        put(sb, "interface{"); pmethods(sb, &x->u.ifacetype.methods); put(sb, "}"); break;
    case E_MAPTYPE:
        put(sb, "map["); pexpr(sb, x->u.maptype.key); put(sb, "]");
        pexpr(sb, x->u.maptype.value);
        break;
    case E_CHANTYPE: pchan(sb, x); break;
    default: put(sb, "<bad expr>"); break;
    }
}

static void pexpr(Sb *sb, const Expr *x) {
    if (!x) { put(sb, "<bad expr>"); return; }
    if (!pexpr_simple(sb, x)) pexpr_type(sb, x);
}

const char *ast_expr_string(const Expr *x) {
    Sb sb = {0};
    put(&sb, "");
    pexpr(&sb, x);
    return sb.b;
}
