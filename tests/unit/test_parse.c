/*
 * test_parse.c — unit tests for the parser (lang/parse.c), the expression
 * printer (lang/ast.c) and diagnostics (lang/diag.c): tree shapes for every
 * construct of the subset, Go's syntax error messages and positions, and
 * robustness on garbage and truncated input.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lang/parse.h"
#include "../../runtime/gc.h"

static Diag diag;

static void setup(void) { gc_init(); }

static SrcFile *parse(const char *src) {
    diag_init(&diag);
    return parse_file("t.go", src, strlen(src), &diag);
}

/* The printed diagnostics for src ("" when it parses cleanly). */
static const char *errors(const char *src) {
    static char *buf;
    size_t n;
    free(buf);
    buf = NULL;
    parse(src);
    FILE *f = open_memstream(&buf, &n);
    diag_print(&diag, f);
    fclose(f);
    return buf;
}

/* The body statements of the first function in a file made of
 * "package main\nfunc f() {\n" + body + "\n}\n". */
static Stmt **body(const char *stmts, int *n) {
    static char src[4096];
    snprintf(src, sizeof src, "package main\nfunc f() {\n%s\n}\n", stmts);
    SrcFile *f = parse(src);
    ck_assert_int_eq(diag_count(&diag), 0);
    ck_assert_int_ge(f->ndecls, 1);
    Decl *d = f->decls[f->ndecls - 1];
    ck_assert_int_eq(d->kind, D_FUNC);
    *n = d->u.func.body->u.block.n;
    return d->u.func.body->u.block.stmts;
}

static Stmt *stmt1(const char *src) {
    int n;
    Stmt **s = body(src, &n);
    ck_assert_int_ge(n, 1);
    return s[0];
}

/* Expression x from "_ = x". */
static Expr *expr(const char *x) {
    char buf[1024];
    snprintf(buf, sizeof buf, "_ = %s", x);
    Stmt *s = stmt1(buf);
    ck_assert_int_eq(s->kind, S_ASSIGN);
    return s->u.assign.rhs[0];
}

static const char *estr(const char *x) { return ast_expr_string(expr(x)); }

/* ---- declarations ---------------------------------------------------------- */

START_TEST(test_package_optional) {
    SrcFile *f = parse("func main() {}\n");
    ck_assert_str_eq(f->pkgname, "main");
    ck_assert_int_eq(f->ndecls, 1);
    f = parse("package foo\n");
    ck_assert_str_eq(f->pkgname, "foo");
    ck_assert_int_eq(diag_count(&diag), 0);
}
END_TEST

START_TEST(test_imports) {
    SrcFile *f = parse("package main\nimport \"fmt\"\nimport (\n\ts \"strings\"\n\t_ \"os\"\n"
                       "\t. \"sync/atomic\"\n)\n");
    ck_assert_int_eq(diag_count(&diag), 0);
    ck_assert_int_eq(f->ndecls, 2);
    ck_assert_str_eq(f->decls[0]->u.import.specs[0].path, "fmt");
    ck_assert_ptr_null(f->decls[0]->u.import.specs[0].name);
    ImportSpec *g = f->decls[1]->u.import.specs;
    ck_assert_int_eq(f->decls[1]->u.import.n, 3);
    ck_assert_str_eq(g[0].name->u.ident.name, "s");
    ck_assert_str_eq(g[1].name->u.ident.name, "_");
    ck_assert_str_eq(g[2].name->u.ident.name, ".");
    ck_assert_str_eq(g[2].path, "sync/atomic");
}
END_TEST

START_TEST(test_const_iota) {
    SrcFile *f = parse("package main\nconst (\n\tA = iota\n\tB\n\tC, D = 1, 2\n\tE\n)\n");
    Decl *d = f->decls[0];
    ck_assert_int_eq(d->kind, D_CONST);
    ck_assert_int_eq(d->u.vars.n, 4);
    ck_assert_int_eq(d->u.vars.specs[0].nvalues, 1);
    ck_assert_int_eq(d->u.vars.specs[1].nvalues, 0);   /* repeats A's */
    ck_assert_int_eq(d->u.vars.specs[1].iota, 1);
    ck_assert_int_eq(d->u.vars.specs[2].nnames, 2);
    ck_assert_int_eq(d->u.vars.specs[3].iota, 3);
}
END_TEST

START_TEST(test_var_and_type_decls) {
    SrcFile *f = parse("package main\nvar a, b int = 1, 2\nvar c = \"x\"\n"
                       "type T struct{ x int }\ntype A = T\ntype G[P any] struct{}\n");
    ck_assert_int_eq(diag_count(&diag), 0);
    ValueSpec *v = &f->decls[0]->u.vars.specs[0];
    ck_assert_int_eq(v->nnames, 2);
    ck_assert_str_eq(ast_expr_string(v->type), "int");
    ck_assert_ptr_null(f->decls[1]->u.vars.specs[0].type);
    ck_assert(!f->decls[2]->u.types.specs[0].alias);
    ck_assert(f->decls[3]->u.types.specs[0].alias);
    ck_assert(f->decls[4]->u.types.specs[0].has_tparams);
    ck_assert_str_eq(ast_expr_string(f->decls[4]->u.types.specs[0].type), "struct{}");
}
END_TEST

START_TEST(test_struct_fields) {
    SrcFile *f = parse("package main\ntype T struct {\n\ta, b int\n\t*U\n\tfmt.Stringer\n"
                       "\tc []string `json:\"c\"`\n}\n");
    Expr *st = f->decls[0]->u.types.specs[0].type;
    ck_assert_int_eq(st->kind, E_STRUCTTYPE);
    FieldList *fl = &st->u.structtype.fields;
    ck_assert_int_eq(fl->n, 4);
    ck_assert_int_eq(fl->list[0].nnames, 2);
    ck_assert_int_eq(fl->list[1].nnames, 0);           /* embedded *U */
    ck_assert_int_eq(fl->list[1].type->kind, E_STAR);
    ck_assert_int_eq(fl->list[2].type->kind, E_SELECTOR);
    ck_assert_str_eq(fl->list[3].tag, "`json:\"c\"`");
    ck_assert_str_eq(ast_expr_string(st),
                     "struct{a, b int; *U; fmt.Stringer; c []string `json:\"c\"`}");
}
END_TEST

START_TEST(test_interface_type) {
    SrcFile *f = parse("package main\ntype I interface {\n\tM(int) string\n\terror\n}\n");
    Expr *it = f->decls[0]->u.types.specs[0].type;
    ck_assert_int_eq(it->kind, E_INTERFACETYPE);
    ck_assert_int_eq(it->u.ifacetype.methods.n, 2);
    ck_assert_int_eq(it->u.ifacetype.methods.list[0].nnames, 1);
    ck_assert_int_eq(it->u.ifacetype.methods.list[1].nnames, 0);
    ck_assert_str_eq(ast_expr_string(it), "interface{M(int) string; error}");
}
END_TEST

START_TEST(test_func_decls) {
    SrcFile *f = parse("package main\nfunc (t *T) M(x, y int, z ...string) (r int, err error) {}\n"
                       "func g(int, string) error\nfunc F[T any](x T) {}\n");
    ck_assert_int_eq(diag_count(&diag), 0);
    Decl *m = f->decls[0];
    ck_assert_ptr_nonnull(m->u.func.recv);
    ck_assert_int_eq(m->u.func.recv->n, 1);
    ck_assert_str_eq(m->u.func.name->u.ident.name, "M");
    FieldList *ps = &m->u.func.type->u.functype.params;
    ck_assert_int_eq(ps->n, 2);
    ck_assert_int_eq(ps->list[0].nnames, 2);
    ck_assert_int_eq(ps->list[1].type->kind, E_ELLIPSIS);
    ck_assert_str_eq(ast_expr_string(m->u.func.type),
                     "func(x, y int, z ...string) (r int, err error)");
    Decl *g = f->decls[1];
    ck_assert_ptr_null(g->u.func.body);
    ck_assert_int_eq(g->u.func.type->u.functype.params.n, 2);
    ck_assert_int_eq(g->u.func.type->u.functype.params.list[0].nnames, 0);
    ck_assert_str_eq(ast_expr_string(g->u.func.type), "func(int, string) error");
    ck_assert(f->decls[2]->u.func.has_tparams);
}
END_TEST

/* ---- statements ---------------------------------------------------------------- */

START_TEST(test_for_forms) {
    int n;
    Stmt **s = body("for {}\nfor x < 3 {}\nfor i := 0; i < 3; i++ {}\n"
                    "for range ch {}\nfor i := range 10 {}\nfor k, v = range m {}\n", &n);
    ck_assert_int_eq(n, 6);
    ck_assert_int_eq(s[0]->kind, S_FOR);
    ck_assert_ptr_null(s[0]->u.for_.cond);
    ck_assert_str_eq(ast_expr_string(s[1]->u.for_.cond), "x < 3");
    ck_assert_int_eq(s[2]->u.for_.init->kind, S_ASSIGN);
    ck_assert_int_eq(s[2]->u.for_.post->kind, S_INCDEC);
    ck_assert_int_eq(s[3]->kind, S_RANGE);
    ck_assert_ptr_null(s[3]->u.range.key);
    ck_assert(s[4]->u.range.define);
    ck_assert_str_eq(ast_expr_string(s[4]->u.range.x), "10");
    ck_assert(!s[5]->u.range.define);
    ck_assert_str_eq(s[5]->u.range.value->u.ident.name, "v");
    ck_assert_int_eq(s[5]->pos.col, 1);
}
END_TEST

START_TEST(test_switch_forms) {
    int n;
    Stmt **s = body("switch x := f(); x {\ncase 1, 2:\n\tfallthrough\ndefault:\n}\n"
                    "switch v := y.(type) {\ncase int, nil:\n}\nswitch y.(type) {}\n", &n);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(s[0]->kind, S_SWITCH);
    ck_assert_ptr_nonnull(s[0]->u.switch_.init);
    Stmt *c0 = s[0]->u.switch_.body->u.block.stmts[0];
    ck_assert_int_eq(c0->kind, S_CASE);
    ck_assert_int_eq(c0->u.case_.n, 2);
    ck_assert(c0->u.case_.fallthrough);
    ck_assert_int_eq(s[0]->u.switch_.body->u.block.stmts[1]->u.case_.n, 0);
    ck_assert_int_eq(s[1]->kind, S_TYPESWITCH);
    ck_assert_int_eq(s[1]->u.typeswitch.assign->kind, S_ASSIGN);
    ck_assert_int_eq(s[2]->kind, S_TYPESWITCH);
    ck_assert_int_eq(s[2]->u.typeswitch.assign->kind, S_EXPR);
}
END_TEST

START_TEST(test_select) {
    Stmt *s = stmt1("select {\ncase v, ok := <-ch:\ncase ch <- 1:\ncase <-done:\ndefault:\n}");
    ck_assert_int_eq(s->kind, S_SELECT);
    Stmt **cl = s->u.select.body->u.block.stmts;
    ck_assert_int_eq(s->u.select.body->u.block.n, 4);
    ck_assert_int_eq(cl[0]->u.comm.comm->kind, S_ASSIGN);
    ck_assert_int_eq(cl[0]->u.comm.comm->u.assign.op, T_DEFINE);
    ck_assert_int_eq(cl[1]->u.comm.comm->kind, S_SEND);
    ck_assert_int_eq(cl[2]->u.comm.comm->kind, S_EXPR);
    ck_assert_ptr_null(cl[3]->u.comm.comm);
}
END_TEST

START_TEST(test_simple_statements) {
    int n;
    Stmt **s = body("x++\ny -= 2\na, b = b, a\nc := 1\nch <- v\nf()\nL:\n\tfor {}\n"
                    "go f()\ndefer g()\nreturn 1, 2\nbreak L\ngoto M\nvar z int", &n);
    ck_assert_int_eq(n, 13);
    ck_assert_int_eq(s[0]->kind, S_INCDEC);
    ck_assert_int_eq(s[1]->u.assign.op, T_SUB_ASSIGN);
    ck_assert_int_eq(s[2]->u.assign.nlhs, 2);
    ck_assert_int_eq(s[3]->u.assign.op, T_DEFINE);
    ck_assert_int_eq(s[3]->u.assign.op_pos.col, 3);
    ck_assert_int_eq(s[4]->kind, S_SEND);
    ck_assert_int_eq(s[5]->kind, S_EXPR);
    ck_assert_int_eq(s[6]->kind, S_LABELED);
    ck_assert_int_eq(s[6]->u.labeled.stmt->kind, S_FOR);
    ck_assert_int_eq(s[7]->kind, S_GO);
    ck_assert_int_eq(s[8]->kind, S_DEFER);
    ck_assert_int_eq(s[9]->u.ret.nresults, 2);
    ck_assert_str_eq(s[10]->u.branch.label->u.ident.name, "L");
    ck_assert_int_eq(s[11]->u.branch.tok, T_GOTO);
    ck_assert_int_eq(s[12]->kind, S_DECL);
}
END_TEST

START_TEST(test_if_else_chain) {
    Stmt *s = stmt1("if x := 1; x > 0 {\n} else if y {\n} else {\n}");
    ck_assert_int_eq(s->kind, S_IF);
    ck_assert_ptr_nonnull(s->u.if_.init);
    ck_assert_int_eq(s->u.if_.els->kind, S_IF);
    ck_assert_int_eq(s->u.if_.els->u.if_.els->kind, S_BLOCK);
}
END_TEST

/* ---- expressions ------------------------------------------------------------------ */

START_TEST(test_precedence) {
    Expr *e = expr("a + b*c == d || !e && f");
    ck_assert_int_eq(e->kind, E_BINARY);
    ck_assert_int_eq(e->u.binary.op, T_LOR);
    ck_assert_int_eq(e->u.binary.x->u.binary.op, T_EQL);
    ck_assert_int_eq(e->u.binary.x->u.binary.x->u.binary.op, T_ADD);
    ck_assert_int_eq(e->u.binary.x->u.binary.x->u.binary.y->u.binary.op, T_MUL);
    ck_assert_int_eq(e->u.binary.y->u.binary.op, T_LAND);
    ck_assert_int_eq(expr("x << 1 + 2")->u.binary.op, T_ADD);
    ck_assert_int_eq(expr("a &^ b | c")->u.binary.op, T_OR);
    ck_assert_int_eq(expr("p.a + 1")->pos.col, 5);   /* left operand start */
}
END_TEST

START_TEST(test_composite_literals) {
    Expr *e = expr("[][]int{{1}, {2, 3}}");
    ck_assert_int_eq(e->kind, E_COMPOSITE);
    ck_assert_int_eq(e->u.composite.nelts, 2);
    ck_assert_ptr_null(e->u.composite.elts[0]->u.composite.type); /* elided */
    e = expr("map[string]T{\"a\": {1}}");
    ck_assert_int_eq(e->u.composite.elts[0]->kind, E_KEYVALUE);
    e = expr("&T{a: 1}");
    ck_assert_int_eq(e->kind, E_UNARY);
    ck_assert_int_eq(e->u.unary.x->kind, E_COMPOSITE);
    ck_assert_str_eq(ast_expr_string(e), "&T{…}");
    ck_assert_str_eq(estr("[...]int{1, 2}"), "[...]int{…}");
    ck_assert_str_eq(estr("pkg.T{}"), "pkg.T{}");
}
END_TEST

START_TEST(test_complit_in_control_clause) {
    /* `{` after T in a condition opens the block, inside parens a literal */
    Stmt *s = stmt1("if x == (T{}) {\n}");
    ck_assert_str_eq(ast_expr_string(s->u.if_.cond), "x == (T{})");
    s = stmt1("for _, v := range []int{1, 2} {\n}");
    ck_assert_int_eq(s->kind, S_RANGE);
    ck_assert_int_eq(s->u.range.x->kind, E_COMPOSITE);
    s = stmt1("switch x {\n}");
    ck_assert_str_eq(ast_expr_string(s->u.switch_.tag), "x");
}
END_TEST

START_TEST(test_types_in_expressions) {
    ck_assert_str_eq(estr("[]byte(s)"), "[]byte(s)");
    ck_assert_str_eq(estr("(*T)(p)"), "(*T)(p)");
    ck_assert_int_eq(expr("(*T)(p)")->u.call.fun->kind, E_PAREN);
    ck_assert_str_eq(estr("make(chan<- int)"), "make(chan<- int)");
    ck_assert_str_eq(estr("make(<-chan int)"), "make(<-chan int)");
    ck_assert_str_eq(estr("make(chan (<-chan int))"), "make(chan (<-chan int))");
    ck_assert_str_eq(estr("map[string][]int(nil)"), "map[string][]int(nil)");
    Expr *c = expr("make(<-chan int)")->u.call.args[0];
    ck_assert_int_eq(c->kind, E_CHANTYPE);
    ck_assert_int_eq(c->u.chantype.dir, CHAN_RECV);
    ck_assert_int_eq(expr("<-ch")->kind, E_UNARY);
}
END_TEST

START_TEST(test_postfix_expressions) {
    Expr *e = expr("x.f[i]");
    ck_assert_int_eq(e->kind, E_INDEX);
    ck_assert_int_eq(e->u.index.x->kind, E_SELECTOR);
    e = expr("a[1:2:3]");
    ck_assert_int_eq(e->kind, E_SLICE);
    ck_assert(e->u.slice.three);
    ck_assert_str_eq(estr("a[:n]"), "a[:n]");
    ck_assert_str_eq(estr("a[lo:]"), "a[lo:]");
    e = expr("v.(int)");
    ck_assert_int_eq(e->kind, E_TYPEASSERT);
    ck_assert_str_eq(estr("f(a, b...)"), "f(a, b...)");
    ck_assert(expr("f(a, b...)")->u.call.has_ellipsis);
    ck_assert_str_eq(estr("-x.y"), "-x.y");
    ck_assert_str_eq(estr("*p"), "*p");
    ck_assert_int_eq(expr("*p")->kind, E_STAR);
}
END_TEST

START_TEST(test_func_literals_and_literals) {
    ck_assert_str_eq(estr("func(a, b int) (int, error) { return 0, nil }"),
                     "func(a, b int) (int, error) {…}");
    ck_assert_str_eq(estr("func() {}"), "func() {}");
    Expr *e = expr("\"a\\tb\"");
    ck_assert_int_eq(e->kind, E_STRINGLIT);
    ck_assert_str_eq(e->u.lit.text, "\"a\\tb\"");
    ck_assert_str_eq(e->u.lit.val, "a\tb");
    ck_assert_int_eq(expr("2i")->kind, E_IMAGLIT);
    ck_assert_int_eq(expr("'x'")->kind, E_CHARLIT);
    ck_assert_int_eq(expr("0x1p-2")->kind, E_FLOATLIT);
}
END_TEST

/* ---- errors -------------------------------------------------------------------------- */

START_TEST(test_error_missing_comma) {
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tx := []int{1, 2\n\t}\n}\n"),
        "t.go:3:17: syntax error: unexpected newline in composite literal; "
        "possibly missing comma or }\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tfoo(1, 2\n}\n"),
        "t.go:3:10: syntax error: unexpected newline in argument list; "
        "possibly missing comma or )\n");
}
END_TEST

START_TEST(test_error_outside_function) {
    ck_assert_str_eq(errors("package main\nx := 1\n"),
        "t.go:2:1: syntax error: non-declaration statement outside function body\n");
    ck_assert_str_eq(errors("package main\nfunc main()\n{\n}\n"),
        "t.go:3:1: syntax error: unexpected semicolon or newline before {\n");
    ck_assert_str_eq(errors("package main\nfunc main() {}\nimport \"os\"\n"),
        "t.go:3:1: syntax error: imports must appear before other declarations\n");
}
END_TEST

START_TEST(test_error_control_clauses) {
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tif true\n\t{\n\t}\n}\n"),
        "t.go:3:9: syntax error: unexpected newline, expected { after if clause\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tfor i := 0; i < 3; i++\n\t{\n\t}\n}\n"),
        "t.go:3:24: syntax error: unexpected newline, expected { after for clause\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tif {\n\t}\n}\n"),
        "t.go:3:5: syntax error: missing condition in if statement\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tif x = 1 {\n\t}\n}\n"),
        "t.go:3:7: syntax error: cannot use assignment x = 1 as value\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tif true {\n\t} else for {\n\t}\n}\n"),
        "t.go:4:9: syntax error: else must be followed by if or statement block\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tfor i := 0; i < 3; i := 1 {\n\t}\n}\n"),
        "t.go:3:23: syntax error: cannot declare in post statement of for loop\n");
}
END_TEST

START_TEST(test_error_statements) {
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tx y\n}\n"),
        "t.go:3:4: syntax error: unexpected name y at end of statement\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tx := 1 +\n}\n"),
        "t.go:4:1: syntax error: unexpected }, expected expression\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tgo f\n}\n"),
        "t.go:3:5: expression in go must be function call\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tdefer (f())\n}\n"),
        "t.go:3:8: expression in defer must not be parenthesized\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\ta[1:2:]\n}\n"),
        "t.go:3:8: final index required in 3-index slice\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tL:\n}\nfunc g() {\n\tswitch {\n\tfoo:\n\t}\n}\n"),
        "t.go:7:2: syntax error: unexpected name foo, expected case or default or }\n");
}
END_TEST

START_TEST(test_error_declarations) {
    ck_assert_str_eq(errors("package main\nfunc f(a int, string) {}\n"),
        "t.go:2:21: syntax error: missing parameter type\n");
    ck_assert_str_eq(errors("package main\nfunc (a, b T) f() {}\n"),
        "t.go:2:15: method has multiple receivers\n");
    ck_assert_str_eq(errors("package main\nimport fmt\n"),
        "t.go:2:11: syntax error: missing import path\n");
    ck_assert_str_eq(errors("package main\ntype T struct {\n\ta int,\n}\n"),
        "t.go:3:7: syntax error: unexpected comma in struct type; "
        "possibly missing semicolon or newline or }\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tvar c <-chan <-chan int\n}\n"), "");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\tvar x chan\n}\n"),
        "t.go:4:1: syntax error: missing channel element type\n");
}
END_TEST

START_TEST(test_error_lexical_in_parse) {
    ck_assert_str_eq(errors("package main\nfunc main() {\n\t_ = \"a\\qb\"\n}\n"),
        "t.go:3:9: unknown escape\n");
    ck_assert_str_eq(errors("package main\nfunc main() {\n\t_ = @\n}\n"),
        "t.go:3:6: invalid character U+0040 '@'\n"
        "t.go:4:1: syntax error: unexpected }, expected expression\n");
}
END_TEST

START_TEST(test_diag_sorting_and_limit) {
    Diag d;
    diag_init(&d);
    diag_error_at(&d, "b.go", 1, 1, "second file");
    diag_error_at(&d, "a.go", 5, 2, "later");
    diag_error_at(&d, "a.go", 2, 9, "earlier");
    diag_error_at(&d, "a.go", 2, 9, "earlier");           /* duplicate dropped */
    diag_error_at(&d, "a.go", 3, 1, "syntax error: one");
    diag_error_at(&d, "a.go", 3, 7, "syntax error: two"); /* 1 per line */
    ck_assert_int_eq(diag_count(&d), 4);
    char *buf = NULL;
    size_t n;
    FILE *f = open_memstream(&buf, &n);
    diag_print(&d, f);
    fclose(f);
    ck_assert_str_eq(buf, "a.go:2:9: earlier\na.go:3:1: syntax error: one\n"
                          "a.go:5:2: later\nb.go:1:1: second file\n");
    free(buf);
    diag_init(&d);
    for (int i = 1; i <= 12; i++) diag_error_at(&d, "x.go", i, 1, "err %d", i);
    ck_assert_int_eq(diag_count(&d), DIAG_LIMIT);
    f = open_memstream(&buf, &n);
    diag_print(&d, f);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(buf, "x.go:10:1: err 10\nx.go:10:1: too many errors\n"));
    ck_assert_ptr_null(strstr(buf, "err 11"));
    free(buf);
}
END_TEST

START_TEST(test_repl_parse) {
    Diag d;
    Stmt **stmts;
    int n;
    const char *src = "x := 1\nfunc f() int { return 2 }\nfmt.Println(x)\n"
                      "func() { println() }()\ntype T int\nfunc (T) M() {}\n";
    diag_init(&d);
    SrcFile *f = parse_repl("<repl>", src, strlen(src), &d, &stmts, &n);
    ck_assert_int_eq(diag_count(&d), 0);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(stmts[0]->kind, S_ASSIGN);
    ck_assert_int_eq(stmts[2]->kind, S_EXPR);
    ck_assert_int_eq(f->ndecls, 3);
    ck_assert_int_eq(f->decls[0]->kind, D_FUNC);
    ck_assert_int_eq(f->decls[1]->kind, D_TYPE);
    ck_assert_ptr_nonnull(f->decls[2]->u.func.recv);
}
END_TEST

START_TEST(test_never_crashes) {
    static const char prog[] =
        "package main\nimport \"fmt\"\ntype T struct{ a []int; m map[string]chan<- int }\n"
        "func (t *T) f(x ...int) (r int) {\n\tfor i, v := range x {\n\t\tswitch y := "
        "interface{}(v).(type) {\n\t\tcase int:\n\t\t\tr += y * i\n\t\t}\n\t}\n"
        "\tselect {\n\tcase <-t.m[\"a\"]:\n\tdefault:\n\t}\n\treturn\n}\n"
        "func main() { go func() { defer fmt.Println(T{a: []int{1}}) }() }\n";
    size_t len = strlen(prog);
    /* every truncation */
    for (size_t i = 0; i <= len; i++) {
        Diag d;
        diag_init(&d);
        ck_assert_ptr_nonnull(parse_file("t.go", prog, i, &d));
    }
    /* random token soup and random bytes */
    static const char *const pieces[] = {
        "(", ")", "{", "}", "[", "]", "func", "x", ",", ";", "\n", ":=", "=", "for",
        "range", "if", "else", "switch", "case", "select", "chan", "<-", "*", "&",
        "T", ".", "...", "struct", "interface", "map", "1", "\"s\"", "type", "var",
        "go", "defer", ":", "+", "return", "import", "package", "'c'", "`r`", "/*",
    };
    unsigned seed = 42;
    char buf[2048];
    for (int round = 0; round < 400; round++) {
        size_t n = 0;
        int count = round % 120;
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *pc = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t pl = strlen(pc);
            memcpy(buf + n, pc, pl);
            n += pl;
            buf[n++] = ' ';
        }
        Diag d;
        diag_init(&d);
        parse_file("t.go", buf, n, &d);
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[k] = (char)(seed >> 16);
        }
        parse_file("t.go", buf, n, &d);
    }
    /* deep nesting ends in an error, not a stack overflow */
    static char deep[200100];
    memcpy(deep, "package main\nvar x = ", 21);
    memset(deep + 21, '(', 200000);
    Diag d;
    diag_init(&d);
    parse_file("t.go", deep, 200021, &d);
    ck_assert_int_ge(diag_count(&d), 1);
}
END_TEST

Suite *parse_suite(void) {
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("parse");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_package_optional);
    tcase_add_test(tc, test_imports);
    tcase_add_test(tc, test_const_iota);
    tcase_add_test(tc, test_var_and_type_decls);
    tcase_add_test(tc, test_struct_fields);
    tcase_add_test(tc, test_interface_type);
    tcase_add_test(tc, test_func_decls);
    tcase_add_test(tc, test_for_forms);
    tcase_add_test(tc, test_switch_forms);
    tcase_add_test(tc, test_select);
    tcase_add_test(tc, test_simple_statements);
    tcase_add_test(tc, test_if_else_chain);
    tcase_add_test(tc, test_precedence);
    tcase_add_test(tc, test_composite_literals);
    tcase_add_test(tc, test_complit_in_control_clause);
    tcase_add_test(tc, test_types_in_expressions);
    tcase_add_test(tc, test_postfix_expressions);
    tcase_add_test(tc, test_func_literals_and_literals);
    tcase_add_test(tc, test_error_missing_comma);
    tcase_add_test(tc, test_error_outside_function);
    tcase_add_test(tc, test_error_control_clauses);
    tcase_add_test(tc, test_error_statements);
    tcase_add_test(tc, test_error_declarations);
    tcase_add_test(tc, test_error_lexical_in_parse);
    tcase_add_test(tc, test_diag_sorting_and_limit);
    tcase_add_test(tc, test_repl_parse);
    tcase_add_test(tc, test_never_crashes);
    suite_add_tcase(s, tc);
    return s;
}
