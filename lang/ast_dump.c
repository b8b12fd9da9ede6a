/*
 * ast_dump.c — a debug printer for syntax trees (used by tests and when
 * debugging the parser).
 *
 * Output: one node per line, indented by depth, "Kind detail @line:col".
 * Expressions print their Go source (ast_expr_string) after the kind so a
 * dump stays short; statements and declarations print their structure.
 */
#include "ast.h"

static const char *const stmt_kind_names[] = {
    "Bad", "Decl", "Empty", "Labeled", "Expr", "Send", "IncDec", "Assign",
    "Go", "Defer", "Return", "Branch", "Block", "If", "Switch", "TypeSwitch",
    "Select", "For", "Range", "Case", "Comm",
};

static const char *const expr_kind_names[] = {
    "Bad", "Ident", "Int", "Float", "Imag", "Char", "String", "Composite",
    "FuncLit", "Paren", "Selector", "Index", "Slice", "TypeAssert", "Call",
    "Star", "Unary", "Binary", "KeyValue", "Ellipsis", "ArrayType",
    "StructType", "FuncType", "InterfaceType", "MapType", "ChanType",
};

static void indent(FILE *out, int depth) {
    for (int i = 0; i < depth; i++) fputs("  ", out);
}

static void dump_expr(const Expr *x, FILE *out, int depth, const char *role) {
    indent(out, depth);
    if (!x) { fprintf(out, "%s<nil>\n", role); return; }
    fprintf(out, "%s%s %s @%d:%d\n", role, expr_kind_names[x->kind],
            ast_expr_string(x), x->pos.line, x->pos.col);
}

static void dump_stmt(const Stmt *s, FILE *out, int depth);

static void dump_stmts(Stmt *const *v, int n, FILE *out, int depth) {
    for (int i = 0; i < n; i++) dump_stmt(v[i], out, depth);
}

static void dump_exprs(Expr *const *v, int n, FILE *out, int depth, const char *role) {
    for (int i = 0; i < n; i++) dump_expr(v[i], out, depth, role);
}

static void dump_decl(const Decl *d, FILE *out, int depth);

static void dump_stmt_body(const Stmt *s, FILE *out, int d) {
    switch (s->kind) {
    case S_DECL: dump_decl(s->u.decl.decl, out, d); break;
    case S_LABELED:
        dump_expr(s->u.labeled.label, out, d, "label: ");
        dump_stmt(s->u.labeled.stmt, out, d);
        break;
    case S_EXPR: dump_expr(s->u.expr.x, out, d, ""); break;
    case S_SEND:
        dump_expr(s->u.send.ch, out, d, "ch: ");
        dump_expr(s->u.send.value, out, d, "value: ");
        break;
    case S_INCDEC: dump_expr(s->u.incdec.x, out, d, tok_names[s->u.incdec.op]); break;
    case S_ASSIGN:
        indent(out, d);
        fprintf(out, "op %s\n", tok_names[s->u.assign.op]);
        dump_exprs(s->u.assign.lhs, s->u.assign.nlhs, out, d, "lhs: ");
        dump_exprs(s->u.assign.rhs, s->u.assign.nrhs, out, d, "rhs: ");
        break;
    case S_GO: case S_DEFER: dump_expr(s->u.go_defer.call, out, d, ""); break;
    case S_RETURN: dump_exprs(s->u.ret.results, s->u.ret.nresults, out, d, ""); break;
    case S_BRANCH:
        indent(out, d);
        fprintf(out, "%s %s\n", tok_names[s->u.branch.tok],
                s->u.branch.label ? s->u.branch.label->u.ident.name : "");
        break;
    case S_BLOCK: dump_stmts(s->u.block.stmts, s->u.block.n, out, d); break;
    case S_IF:
        if (s->u.if_.init) dump_stmt(s->u.if_.init, out, d);
        dump_expr(s->u.if_.cond, out, d, "cond: ");
        dump_stmt(s->u.if_.then, out, d);
        if (s->u.if_.els) dump_stmt(s->u.if_.els, out, d);
        break;
    case S_SWITCH:
        if (s->u.switch_.init) dump_stmt(s->u.switch_.init, out, d);
        if (s->u.switch_.tag) dump_expr(s->u.switch_.tag, out, d, "tag: ");
        dump_stmt(s->u.switch_.body, out, d);
        break;
    case S_TYPESWITCH:
        if (s->u.typeswitch.init) dump_stmt(s->u.typeswitch.init, out, d);
        dump_stmt(s->u.typeswitch.assign, out, d);
        dump_stmt(s->u.typeswitch.body, out, d);
        break;
    case S_SELECT: dump_stmt(s->u.select.body, out, d); break;
    case S_FOR:
        if (s->u.for_.init) dump_stmt(s->u.for_.init, out, d);
        if (s->u.for_.cond) dump_expr(s->u.for_.cond, out, d, "cond: ");
        if (s->u.for_.post) dump_stmt(s->u.for_.post, out, d);
        dump_stmt(s->u.for_.body, out, d);
        break;
    case S_RANGE:
        indent(out, d);
        fprintf(out, "define %d\n", s->u.range.define);
        if (s->u.range.key) dump_expr(s->u.range.key, out, d, "key: ");
        if (s->u.range.value) dump_expr(s->u.range.value, out, d, "value: ");
        dump_expr(s->u.range.x, out, d, "x: ");
        dump_stmt(s->u.range.body, out, d);
        break;
    case S_CASE:
        dump_exprs(s->u.case_.list, s->u.case_.n, out, d, "case: ");
        dump_stmts(s->u.case_.body, s->u.case_.nbody, out, d);
        break;
    case S_COMM:
        if (s->u.comm.comm) dump_stmt(s->u.comm.comm, out, d);
        dump_stmts(s->u.comm.body, s->u.comm.nbody, out, d);
        break;
    default: break;
    }
}

static void dump_stmt(const Stmt *s, FILE *out, int depth) {
    indent(out, depth);
    if (!s) { fputs("<nil stmt>\n", out); return; }
    fprintf(out, "%s @%d:%d\n", stmt_kind_names[s->kind], s->pos.line, s->pos.col);
    dump_stmt_body(s, out, depth + 1);
}

static void dump_value_specs(const Decl *d, FILE *out, int depth) {
    for (int i = 0; i < d->u.vars.n; i++) {
        const ValueSpec *v = &d->u.vars.specs[i];
        indent(out, depth);
        fprintf(out, "spec iota=%d\n", v->iota);
        dump_exprs(v->names, v->nnames, out, depth + 1, "name: ");
        if (v->type) dump_expr(v->type, out, depth + 1, "type: ");
        dump_exprs(v->values, v->nvalues, out, depth + 1, "value: ");
    }
}

static void dump_decl(const Decl *d, FILE *out, int depth) {
    static const char *const names[] = {"BadDecl", "Import", "Const", "Var", "Type", "Func"};
    indent(out, depth);
    fprintf(out, "%s @%d:%d\n", names[d->kind], d->pos.line, d->pos.col);
    switch (d->kind) {
    case D_IMPORT:
        for (int i = 0; i < d->u.import.n; i++) {
            indent(out, depth + 1);
            fprintf(out, "import %s \"%s\"\n", d->u.import.specs[i].name ?
                    d->u.import.specs[i].name->u.ident.name : "-", d->u.import.specs[i].path);
        }
        break;
    case D_CONST: case D_VAR: dump_value_specs(d, out, depth + 1); break;
    case D_TYPE:
        for (int i = 0; i < d->u.types.n; i++) {
            const TypeSpec *t = &d->u.types.specs[i];
            indent(out, depth + 1);
            fprintf(out, "type %s%s%s\n", t->name->u.ident.name, t->alias ? " =" : "",
                    t->has_tparams ? " [tparams]" : "");
            dump_expr(t->type, out, depth + 2, "");
        }
        break;
    case D_FUNC:
        indent(out, depth + 1);
        fprintf(out, "func %s%s\n", d->u.func.name->u.ident.name,
                d->u.func.recv ? " (method)" : "");
        dump_expr(d->u.func.type, out, depth + 1, "sig: ");
        if (d->u.func.body) dump_stmt(d->u.func.body, out, depth + 1);
        break;
    default: break;
    }
}

void ast_dump_file(const SrcFile *f, FILE *out) {
    fprintf(out, "package %s\n", f->pkgname);
    for (int i = 0; i < f->ndecls; i++) dump_decl(f->decls[i], out, 0);
}

void ast_dump_stmt(const Stmt *s, FILE *out) { dump_stmt(s, out, 0); }

void ast_dump_expr(const Expr *x, FILE *out) { dump_expr(x, out, 0, ""); }
