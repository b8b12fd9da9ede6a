/* test_check.c — the type checker (lang/check*.c) end to end: small
 * programs are parsed and checked; tests assert Go's error messages (the
 * wording of Go 1.22's compiler) and the annotations the compiler relies on
 * (ast.h's CHECKER fields). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lang/check.h"
#include "../../lang/constant.h"
#include "../../lang/parse.h"
#include "../../runtime/gc.h"

/* A tiny stand-in for the standard library, so these tests do not depend
 * on the stdlib sources. */
static const char *const fake_std[][2] = {
    {"fmt", "package fmt\n"
            "func Println(a ...any) (n int, err error)\n"
            "func Sprintf(format string, a ...any) string\n"},
    {"os", "package os\nfunc Exit(code int)\n"},
    {"strings", "package strings\nfunc ToUpper(s string) string\n"
                "type Builder struct{ buf []byte }\n"
                "func (b *Builder) WriteString(s string) (int, error)\n"},
};

typedef struct Loader {
    Diag *d;
    Package *pkgs[8];
    int n;
} Loader;

static Package *load(void *ctx, const char *path) {
    Loader *l = ctx;
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->pkgs[i]->path, path) == 0) return l->pkgs[i];
    for (size_t i = 0; i < sizeof fake_std / sizeof fake_std[0]; i++) {
        if (strcmp(fake_std[i][0], path) != 0) continue;
        const char *src = fake_std[i][1];
        Package *p = gc_alloc(sizeof *p);
        p->path = path;
        SrcFile *f = parse_file(path, src, strlen(src), l->d);
        p->name = f->pkgname;
        p->files = gc_alloc(sizeof *p->files);
        p->files[0] = f;
        p->nfiles = 1;
        l->pkgs[l->n++] = p;
        return p;
    }
    return NULL;
}

typedef struct Result {
    bool ok;
    char out[4096];   /* "LINE:COL: msg" lines */
    Program prog;
    SrcFile *file;
} Result;

static Result *run(const char *src) {
    static Result r;
    static Loader l;
    static Diag d;
    memset(&r, 0, sizeof r);
    memset(&l, 0, sizeof l);
    diag_init(&d);
    l.d = &d;
    r.file = parse_file("t.go", src, strlen(src), &d);
    ck_assert_msg(diag_count(&d) == 0, "syntax error in test source");
    Package *p = gc_alloc(sizeof *p);
    p->path = "main";
    p->name = r.file->pkgname;
    p->files = gc_alloc(sizeof *p->files);
    p->files[0] = r.file;
    p->nfiles = 1;
    r.prog.main = p;
    r.prog.diag = &d;
    r.prog.load = load;
    r.prog.load_ctx = &l;
    r.ok = check_program(&r.prog);
    size_t n = 0;
    for (int i = 0; i < d.n && n < sizeof r.out - 200; i++)
        n += (size_t)snprintf(r.out + n, sizeof r.out - n, "%d:%d: %s\n", d.msgs[i].line,
                              d.msgs[i].col, d.msgs[i].msg);
    return &r;
}

#define PRELUDE "package main\n"

/* Asserts that checking src reports an error containing want. */
static void expect_error(const char *src, const char *want) {
    Result *r = run(src);
    ck_assert_msg(!r->ok, "expected an error for:\n%s", src);
    ck_assert_msg(strstr(r->out, want) != NULL, "want \"%s\", got:\n%s", want, r->out);
}

static void expect_ok(const char *src) {
    Result *r = run(src);
    ck_assert_msg(r->ok, "unexpected errors:\n%s", r->out);
}

static Decl *find_func(SrcFile *f, const char *name) {
    for (int i = 0; i < f->ndecls; i++) {
        Decl *d = f->decls[i];
        if (d->kind == D_FUNC && strcmp(d->u.func.name->u.ident.name, name) == 0) return d;
    }
    return NULL;
}

static Stmt *body_stmt(SrcFile *f, const char *fn, int i) {
    Decl *d = find_func(f, fn);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_gt(d->u.func.body->u.block.n, i);
    return d->u.func.body->u.block.stmts[i];
}

/* ---- valid programs ------------------------------------------------------------- */

START_TEST(valid_program) {
    expect_ok(PRELUDE
              "import \"fmt\"\n"
              "type P struct{ X, Y int }\n"
              "func (p P) String() string { return fmt.Sprintf(\"%d\", p.X) }\n"
              "func (p *P) Move(d int) { p.X += d }\n"
              "type S interface{ String() string }\n"
              "func main() {\n"
              "  p := P{1, 2}\n"
              "  p.Move(1)\n"
              "  var s S = p\n"
              "  ch := make(chan int, 1)\n"
              "  go func() { ch <- 1 }()\n"
              "  v, ok := <-ch\n"
              "  m := map[string][]int{\"a\": {1}}\n"
              "  for k, xs := range m { _, _ = k, xs }\n"
              "  for i := range 3 { _ = i }\n"
              "  switch t := s.(type) { case P: _ = t.Y; default: }\n"
              "  fmt.Println(s, v, ok, min(1, 2.5), len(\"abc\"))\n"
              "}\n");
}
END_TEST

/* ---- messages --------------------------------------------------------------------- */

START_TEST(operator_errors) {
    expect_error(PRELUDE "func main() { x := 1; s := \"a\"; _ = x + s }\n",
                 "invalid operation: x + s (mismatched types int and string)");
    expect_error(PRELUDE "func main() { x := 1; _ = !x }\n",
                 "invalid operation: operator ! not defined on x (variable of type int)");
    expect_error(PRELUDE "func main() { a, b := []int{}, []int{}; _ = a == b }\n",
                 "invalid operation: a == b (slice can only be compared to nil)");
    expect_error(PRELUDE "func main() { x := 1; _ = x / 0 }\n",
                 "invalid operation: division by zero");
    expect_error(PRELUDE "func main() { s := \"a\"; _ = -s }\n",
                 "operator - not defined on s (variable of type string)");
}
END_TEST

START_TEST(constant_errors) {
    expect_error(PRELUDE "func main() { var x int8 = 300; _ = x }\n",
                 "cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)");
    expect_error(PRELUDE "func main() { var x = 1 << 70; _ = x }\n",
                 "cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in variable declaration (overflows)");
    expect_error(PRELUDE "func main() { _ = byte(256) }\n", "constant 256 overflows byte");
    expect_error(PRELUDE "func main() { var i int = 1.5; _ = i }\n", "(truncated)");
    expect_error(PRELUDE "func main() { x := 1; const c = x; _ = c }\n",
                 "x (variable of type int) is not constant");
}
END_TEST

START_TEST(interface_errors) {
    const char *types = PRELUDE "type I interface{ M() }\ntype T struct{}\n";
    char buf[512];
    snprintf(buf, sizeof buf, "%sfunc (t *T) M() {}\nfunc main() { var t T; var i I; i = t; _ = i }\n",
             types);
    expect_error(buf, "cannot use t (variable of type T) as I value in assignment: "
                      "T does not implement I (method M has pointer receiver)");
    snprintf(buf, sizeof buf, "%sfunc main() { var i I = T{}; _ = i }\n", types);
    expect_error(buf, "T does not implement I (missing method M)");
    snprintf(buf, sizeof buf, "%sfunc main() { var i I; _ = i.(T) }\n", types);
    expect_error(buf, "impossible type assertion: i.(T)\n\tT does not implement I (missing method M)");
    expect_error(PRELUDE "func main() { x := 1; _ = x.(int) }\n",
                 "invalid operation: x (variable of type int) is not an interface");
}
END_TEST

START_TEST(call_errors) {
    expect_error(PRELUDE "func f(a, b int) {}\nfunc main() { f(1) }\n",
                 "not enough arguments in call to f\n\thave (number)\n\twant (int, int)");
    expect_error(PRELUDE "func f(a int) {}\nfunc main() { f(1, 2) }\n",
                 "too many arguments in call to f\n\thave (number, number)\n\twant (int)");
    expect_error(PRELUDE "func f() (int, int) { return 1, 2 }\nfunc main() { x := f(); _ = x }\n",
                 "assignment mismatch: 1 variable but f returns 2 values");
    expect_error(PRELUDE "func f() (int, int) { return 1, 2 }\nfunc main() { _ = f() + 1 }\n",
                 "multiple-value f() (value of type (int, int)) in single-value context");
    expect_error(PRELUDE "func f(s string) {}\nfunc main() { f(1) }\n",
                 "cannot use 1 (untyped int constant) as string value in argument to f");
    expect_error(PRELUDE "func main() { x := 1; x() }\n",
                 "invalid operation: cannot call non-function x (variable of type int)");
}
END_TEST

START_TEST(declaration_errors) {
    expect_error(PRELUDE "func main() { x := 1 }\n", "declared and not used: x");
    expect_error(PRELUDE "import \"os\"\nfunc main() {}\n", "\"os\" imported and not used");
    expect_error(PRELUDE "func main() { x := 1; x := 2; _ = x }\n",
                 "no new variables on left side of :=");
    expect_error(PRELUDE "func main() { var x int; var x int; _ = x }\n",
                 "x redeclared in this block");
    expect_error(PRELUDE "func main() { _ = y }\n", "undefined: y");
    expect_error(PRELUDE "func f() int { }\nfunc main() {}\n", "missing return");
    expect_error(PRELUDE "func f() {}\n", "function main is undeclared in the main package");
    expect_error(PRELUDE "import \"foo\"\nfunc main() {}\n", "package foo is not in std");
    expect_error(PRELUDE "type T struct{ a int }\nfunc main() { var t T; _ = t.b }\n",
                 "t.b undefined (type T has no field or method b)");
}
END_TEST

START_TEST(statement_errors) {
    expect_error(PRELUDE "func main() { break }\n", "break is not in a loop, switch, or select");
    expect_error(PRELUDE "func main() { continue }\n", "continue is not in a loop");
    expect_error(PRELUDE "func main() {\nL:\n for {} }\n", "label L defined and not used");
    expect_error(PRELUDE "func main() {\nL:\n switch {} \n for { continue L } }\n",
                 "invalid continue label L");  /* gc's text (go 1.26) */
    expect_error(PRELUDE "func main() { var ch <-chan int; ch <- 1 }\n",
                 "invalid operation: cannot send to receive-only channel ch (variable of type <-chan int)");
    expect_error(PRELUDE "func main() { var ch chan<- int; <-ch }\n",
                 "invalid operation: cannot receive from send-only channel ch (variable of type chan<- int)");
    expect_error(PRELUDE "func main() { x := 1; switch x { case 1: case 1: } }\n",
                 "duplicate case 1 (constant of type int) in expression switch");
    expect_error(PRELUDE "func main() { s := \"abc\"; s[0] = 'x' }\n",
                 "cannot assign to s[0] (neither addressable nor a map index expression)");
    expect_error(PRELUDE "func main() { var a [3]int; _ = a[5] }\n",
                 "invalid argument: index 5 out of bounds [0:3]");
    expect_error(PRELUDE "func main() { x := 1; x + 1 }\n", "x + 1 (value of type int) is not used");
    expect_error(PRELUDE "func main() { defer len(\"a\") }\n", "defer discards result of len(\"a\")");
    expect_error(PRELUDE "func main() { var ch <-chan int; close(ch) }\n",
                 "invalid operation: cannot close receive-only channel ch");
    expect_error(PRELUDE "func main() { var x any; switch y := x.(type) { case int: } }\n",
                 "declared and not used: y");
}
END_TEST

START_TEST(unsupported_features) {
    expect_error(PRELUDE "func main() {\n goto L }\n", "label L not defined");
    expect_error(PRELUDE "import \"unsafe\"\nfunc main() { var p unsafe.Pointer; _ = p }\n",
                 "unsafe.Pointer is not supported by csp");
    expect_error(PRELUDE "func main() { var c complex128; _ = c < c }\n",
                 "operator < not defined on complex128");
    expect_error(PRELUDE "func f()\nfunc main() {}\n", "missing function body");
}
END_TEST

START_TEST(literal_and_builtin_errors) {
    const char *T = PRELUDE "type T struct{ A int; b string }\n";
    char buf[512];
    snprintf(buf, sizeof buf, "%sfunc main() { _ = T{1} }\n", T);
    expect_error(buf, "too few values in struct literal of type T");
    snprintf(buf, sizeof buf, "%sfunc main() { _ = T{a: 1} }\n", T);
    expect_error(buf, "unknown field a in struct literal of type T, but does have A");
    expect_error(PRELUDE "func main() { _ = map[string]int{\"a\": 1, \"a\": 2} }\n",
                 "duplicate key \"a\" in map literal");
    expect_error(PRELUDE "func main() { _ = [2]int{1, 2, 3} }\n", "index 2 is out of bounds (>= 2)");
    expect_error(PRELUDE "func main() { _ = make([]int) }\n",
                 "invalid operation: make([]int) expects 2 or 3 arguments; found 1");
    expect_error(PRELUDE "func main() { _ = append(1, 2) }\n",
                 "first argument to append must be a slice; have 1 (untyped int constant)");
    expect_error(PRELUDE "func main() { s := []int{}; copy(s, \"x\") }\n",
                 "have different element types int and byte");
    expect_error(PRELUDE "func main() { x := 3; _ = 1.0 << x }\n",
                 "invalid operation: shifted operand 1.0 (type float64) must be integer");
    expect_error(PRELUDE "func main() { var b []byte; var s string; _ = s + b }\n",
                 "mismatched types string and []byte");
}
END_TEST

START_TEST(declaration_cycles_and_reserved_names) {
    expect_error(PRELUDE "type Bad struct{ inner Bad }\nfunc main() {}\n",
                 "invalid recursive type: Bad refers to itself");
    expect_error(PRELUDE "type A struct{ b B }\ntype B struct{ a A }\nfunc main() {}\n",
                 "invalid recursive type A\n\tt.go:2:6: A refers to B\n\tt.go:3:6: B refers to A");
    expect_ok(PRELUDE "type L struct{ next *L; kids []L; m map[string]L }\nfunc main() {}\n");
    expect_error(PRELUDE "var init = 1\nfunc main() {}\n", "cannot declare init - must be func");
    expect_error(PRELUDE "import \"foo\"\nfunc main() { foo.Bar() }\n", "package foo is not in std");
    Result *r = run(PRELUDE "import \"foo\"\nfunc main() { foo.Bar() }\n");
    ck_assert_msg(strstr(r->out, "undefined") == NULL, "cascade after a failed import:\n%s", r->out);
}
END_TEST

/* ---- annotations -------------------------------------------------------------------- */

START_TEST(untyped_constants_get_final_types) {
    Result *r = run(PRELUDE "func main() { var f float64 = 1 << 3; var a any = 'x'; _, _ = f, a }\n");
    ck_assert(r->ok);
    Stmt *s = body_stmt(r->file, "main", 0);
    Expr *v = s->u.decl.decl->u.vars.specs[0].values[0];
    ck_assert_int_eq(v->type->kind, K_FLOAT64);
    ck_assert_int_eq(v->cv.kind, CV_FLOAT);
    ck_assert(cv_float64(v->cv) == 8.0);
    Expr *a = body_stmt(r->file, "main", 1)->u.decl.decl->u.vars.specs[0].values[0];
    ck_assert_int_eq(a->type->kind, K_INT32);    /* default type of a rune constant */
}
END_TEST

START_TEST(iota_and_repetition) {
    Result *r = run(PRELUDE "const ( A = iota * 10; B; C )\nconst D, E = iota, 7\nfunc main() {}\n");
    ck_assert(r->ok);
    Object *c = check_lookup(r->prog.main, "C");
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->kind, OBJ_CONST);
    ck_assert(c->val.kind == CV_INT && c->val.u.i == 20);
    ck_assert_int_eq(c->type->kind, K_UNTYPED_INT);
    ck_assert(check_lookup(r->prog.main, "E")->val.u.i == 7);
}
END_TEST

START_TEST(closures_and_captures) {
    Result *r = run(PRELUDE "func main() {\n x := 1\n f := func() { g := func() { x++ }; g() }\n f()\n}\n");
    ck_assert(r->ok);
    Decl *m = find_func(r->file, "main");
    ck_assert_str_eq(m->u.func.info->name, "main.main");
    Stmt *s = body_stmt(r->file, "main", 1);
    Expr *lit = s->u.assign.rhs[0];
    FuncInfo *fi = lit->u.funclit.info;
    ck_assert_str_eq(fi->name, "main.main.func1");
    ck_assert_ptr_eq(fi->outer, m->u.func.info);
    ck_assert_int_eq(fi->ncaptures, 1);
    Object *x = body_stmt(r->file, "main", 0)->u.assign.lhs[0]->u.ident.obj;
    ck_assert(x->captured);
    ck_assert_ptr_eq(fi->captures[0], x);
    ck_assert_ptr_eq(x->owner, m->u.func.info);
}
END_TEST

START_TEST(methods_and_selectors) {
    Result *r = run(PRELUDE "type T struct{ n int }\nfunc (t *T) Inc() { t.n++ }\n"
                    "func (t T) Get() int { return t.n }\n"
                    "func main() { var t T; t.Inc(); p := &t; _ = p.Get() }\n");
    ck_assert(r->ok);
    Decl *inc = find_func(r->file, "Inc");
    ck_assert_str_eq(inc->u.func.info->name, "main.(*T).Inc");
    ck_assert_str_eq(find_func(r->file, "Get")->u.func.info->name, "main.T.Get");
    Expr *call = body_stmt(r->file, "main", 1)->u.expr.x;
    ck_assert_int_eq(call->u.call.kind, CALL_METHOD);
    Expr *sel = call->u.call.fun;
    ck_assert_int_eq(sel->u.sel.kind, SEL_METHOD);
    ck_assert(sel->u.sel.recv_addr);
    ck_assert_ptr_eq(sel->u.sel.method, inc->u.func.obj);
    ck_assert(sel->u.sel.x->u.ident.obj->addr_taken);
    Expr *get = body_stmt(r->file, "main", 3)->u.assign.rhs[0]->u.call.fun;
    ck_assert(get->u.sel.recv_deref);
    Type *T = check_lookup(r->prog.main, "T")->type;
    ck_assert_int_eq(T->nmethods, 2);
    ck_assert_ptr_eq(T->methods[0].decl, inc->u.func.obj);
}
END_TEST

START_TEST(init_order_follows_dependencies) {
    Result *r = run(PRELUDE "var a = b + 1\nvar b = f()\nvar c = 3\nfunc f() int { return c }\n"
                    "func main() {}\n");
    ck_assert(r->ok);
    Package *p = r->prog.main;
    ck_assert_int_eq(p->ninits, 3);
    ck_assert_str_eq(p->inits[0]->names[0]->u.ident.name, "c");
    ck_assert_str_eq(p->inits[1]->names[0]->u.ident.name, "b");
    ck_assert_str_eq(p->inits[2]->names[0]->u.ident.name, "a");
    ck_assert_ptr_eq(r->prog.pkgs[r->prog.npkgs - 1], p);
}
END_TEST

START_TEST(range_and_typeswitch_objects) {
    Result *r = run(PRELUDE "func main() {\n var x any = 1\n"
                    " switch v := x.(type) { case int, string: _ = v; case error: _ = v }\n"
                    " for i, c := range \"hé\" { _, _ = i, c }\n}\n");
    ck_assert(r->ok);
    Stmt *sw = body_stmt(r->file, "main", 1);
    Stmt *c0 = sw->u.typeswitch.body->u.block.stmts[0];
    Stmt *c1 = sw->u.typeswitch.body->u.block.stmts[1];
    ck_assert_int_eq(c0->u.case_.obj->type->kind, K_INTERFACE);   /* two types: operand type */
    ck_assert_ptr_eq(c1->u.case_.obj->type, type_error());
    Stmt *rg = body_stmt(r->file, "main", 2);
    ck_assert_int_eq(rg->u.range.key_obj->type->kind, K_INT);
    ck_assert_int_eq(rg->u.range.value_obj->type->kind, K_INT32);
}
END_TEST

START_TEST(branch_targets) {
    Result *r = run(PRELUDE "func main() {\nouter:\n for i := 0; i < 3; i++ {\n"
                    "  for { break outer }\n  switch { default: break }\n }\n}\n");
    ck_assert(r->ok);
    Stmt *lab = body_stmt(r->file, "main", 0);
    Stmt *outer = lab->u.labeled.stmt;
    Stmt *inner = outer->u.for_.body->u.block.stmts[0];
    Stmt *brk = inner->u.for_.body->u.block.stmts[0];
    ck_assert_ptr_eq(brk->u.branch.target, outer);
    Stmt *sw = outer->u.for_.body->u.block.stmts[1];
    Stmt *brk2 = sw->u.switch_.body->u.block.stmts[0]->u.case_.body[0];
    ck_assert_ptr_eq(brk2->u.branch.target, sw);
}
END_TEST

Suite *check_suite(void) {
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("check");
    tcase_add_test(tc, valid_program);
    tcase_add_test(tc, operator_errors);
    tcase_add_test(tc, constant_errors);
    tcase_add_test(tc, interface_errors);
    tcase_add_test(tc, call_errors);
    tcase_add_test(tc, declaration_errors);
    tcase_add_test(tc, statement_errors);
    tcase_add_test(tc, unsupported_features);
    tcase_add_test(tc, literal_and_builtin_errors);
    tcase_add_test(tc, declaration_cycles_and_reserved_names);
    tcase_add_test(tc, untyped_constants_get_final_types);
    tcase_add_test(tc, iota_and_repetition);
    tcase_add_test(tc, closures_and_captures);
    tcase_add_test(tc, methods_and_selectors);
    tcase_add_test(tc, init_order_follows_dependencies);
    tcase_add_test(tc, range_and_typeswitch_objects);
    tcase_add_test(tc, branch_targets);
    suite_add_tcase(s, tc);
    return s;
}
