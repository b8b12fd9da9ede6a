/* test_compile.c — the bytecode compiler: instruction encoding, the opcode
 * table, the code shapes that matter for speed (fused loop branches, no
 * needless moves, static calls), escape analysis (cells), method tables,
 * line tables, the disassembler, and errors for unsupported features. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lang/check.h"
#include "../../lang/compile.h"
#include "../../lang/parse.h"

static Package *no_imports(void *ctx, const char *path) { return NULL; }

/* Parses, checks and compiles src; diagnostics go to *dp. */
static CProgram *compile_src(const char *src, Diag **dp) {
    Diag *d = gc_alloc(sizeof *d);
    diag_init(d);
    *dp = d;
    SrcFile *sf = parse_file("test.csp", src, strlen(src), d);
    Package *pkg = gc_alloc(sizeof *pkg);
    pkg->path = "main";
    pkg->name = "main";
    pkg->files = gc_alloc(sizeof(SrcFile *));
    pkg->files[0] = sf;
    pkg->nfiles = 1;
    Program prog = {.main = pkg, .diag = d, .load = no_imports};
    if (diag_count(d) || !check_program(&prog))
        return NULL;
    return comp_program(&prog, d);
}

static CProgram *compile_ok(const char *src) {
    Diag *d;
    CProgram *cp = compile_src(src, &d);
    if (!cp)
        diag_print(d, stderr);
    ck_assert_ptr_nonnull(cp);
    return cp;
}

static Proto *find_proto(CProgram *cp, const char *name) {
    for (int i = 0; i < cp->nprotos; i++)
        if (strcmp(cp->protos[i]->name, name) == 0)
            return cp->protos[i];
    ck_abort_msg("no function %s", name);
    return NULL;
}

static int count_op(Proto *p, unsigned op) {
    int n = 0;
    for (int i = 0; i < p->ncode; i++)
        n += INS_OP(p->code[i]) == op;
    return n;
}

START_TEST(encoding_roundtrip) {
    Instr i = ins_make(OP_JLT, 65535, 1234, -5);
    ck_assert_uint_eq(INS_OP(i), OP_JLT);
    ck_assert_uint_eq(INS_A(i), 65535);
    ck_assert_uint_eq(INS_B(i), 1234);
    ck_assert_int_eq(INS_SC(i), -5);
    i = ins_make(OP_JEQI, 3, (unsigned)-7 & 0xffff, INS_MAX_SC);
    ck_assert_int_eq(INS_SB(i), -7);
    ck_assert_int_eq(INS_SC(i), INS_MAX_SC);
    ck_assert_uint_eq(INS_C(ins_make(OP_LOADK, 0, 0, INS_MAX_C)), INS_MAX_C);
}
END_TEST

START_TEST(opcode_table_consistent) {
    for (int op = 0; op < OP_NOPCODES; op++) {
        size_t n = strlen(op_formats[op]);
        ck_assert_msg(n == 3 || (n == 8 && strncmp(op_formats[op] + 3, "x:", 2) == 0),
                      "bad format for %s", op_names[op]);
        ck_assert_ptr_nonnull(op_names[op]);
    }
    ck_assert_str_eq(op_names[OP_CALLK], "CALLK");
}
END_TEST

START_TEST(fib_uses_static_calls_and_immediates) {
    CProgram *cp = compile_ok(
        "package main\n"
        "func fib(n int) int {\n"
        "  if n < 2 { return n }\n"
        "  return fib(n-1) + fib(n-2)\n"
        "}\n"
        "func main() { _ = fib(10) }\n");
    Proto *p = find_proto(cp, "main.fib");
    ck_assert_int_eq(count_op(p, OP_CALLK), 2);
    ck_assert_int_eq(count_op(p, OP_JGEI), 1);   /* fused n < 2 */
    ck_assert_int_eq(count_op(p, OP_ADDI), 2);   /* n-1, n-2 */
    ck_assert_int_eq(count_op(p, OP_MOVE), 0);
    ck_assert_int_eq(count_op(p, OP_LOADK), 0);
}
END_TEST

START_TEST(for_loop_fused_branch) {
    CProgram *cp = compile_ok(
        "package main\n"
        "var s int\n"
        "func main() {\n"
        "  n := 100\n"
        "  for i := 0; i < n; i++ { s += i }\n"
        "}\n");
    Proto *p = find_proto(cp, "main.main");
    /* rotated: one entry test (n <= i: out), and i++ fused with the
     * bottom compare-and-branch, which jumps backwards */
    ck_assert_int_eq(count_op(p, OP_FORLT), 1);
    ck_assert_int_eq(count_op(p, OP_JLE), 1);
    ck_assert_int_eq(count_op(p, OP_JLT), 0);
    ck_assert_int_eq(count_op(p, OP_ADDI), 0);
    ck_assert_int_eq(count_op(p, OP_JF), 0);
    ck_assert_int_eq(count_op(p, OP_LT), 0);
    for (int i = 0; i < p->ncode; i++) {
        if (INS_OP(p->code[i]) == OP_FORLT)
            ck_assert_int_lt(INS_SC(p->code[i]), 0);
        if (INS_OP(p->code[i]) == OP_JLE)
            ck_assert_int_gt(INS_SC(p->code[i]), 0);
    }
}
END_TEST

START_TEST(locals_need_no_moves) {
    CProgram *cp = compile_ok(
        "package main\n"
        "func add(a, b int) int { c := a + b; return c * a }\n"
        "func main() { _ = add(1, 2) }\n");
    Proto *p = find_proto(cp, "main.add");
    ck_assert_int_eq(count_op(p, OP_MOVE), 0);
    ck_assert_int_eq(count_op(p, OP_ADD), 1);
    ck_assert_int_le(p->maxregs, 4);
}
END_TEST

START_TEST(captured_variable_in_cell) {
    CProgram *cp = compile_ok(
        "package main\n"
        "func main() {\n"
        "  x := 1\n"
        "  f := func() int { x++; return x }\n"
        "  _ = f()\n"
        "}\n");
    Proto *m = find_proto(cp, "main.main");
    ck_assert_int_eq(count_op(m, OP_NEWCELL), 1);
    ck_assert_int_eq(count_op(m, OP_CLOSURE), 1);
    Proto *lit = find_proto(cp, "main.main.func1");
    ck_assert_int_eq(lit->ncaps, 1);
    ck_assert_int_ge(count_op(lit, OP_GETUP), 1);
    /* x++ on the captured int is one fused ADDUP on its cell */
    ck_assert_int_eq(count_op(lit, OP_ADDUP), 1);
    ck_assert_int_eq(count_op(lit, OP_SETUP), 0);
}
END_TEST

START_TEST(per_iteration_loop_var_copy) {
    CProgram *cp = compile_ok(
        "package main\n"
        "func main() {\n"
        "  var fs []func() int\n"
        "  for i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }\n"
        "}\n");
    ck_assert_int_eq(count_op(find_proto(cp, "main.main"), OP_CELLCOPY), 1);
}
END_TEST

START_TEST(line_table) {
    CProgram *cp = compile_ok(
        "package main\n"
        "var x int\n"
        "func main() {\n"
        "  x = 1\n"
        "\n"
        "  x = x * 3\n"
        "}\n");
    Proto *p = find_proto(cp, "main.main");
    bool saw4 = false, saw6 = false;
    for (int i = 0; i < p->ncode; i++) {
        saw4 |= p->lines[i] == 4;
        saw6 |= p->lines[i] == 6 && INS_OP(p->code[i]) == OP_MULI;
    }
    ck_assert(saw4);
    ck_assert(saw6);
}
END_TEST

START_TEST(constants_pooled) {
    CProgram *cp = compile_ok(
        "package main\n"
        "var a, b string\n"
        "func main() { a = \"hello\"; b = \"hello\" + a }\n");
    Proto *p = find_proto(cp, "main.main");
    int strs = 0;
    for (int i = 0; i < p->nk; i++)
        strs += p->ktag[i] == KT_STR;
    ck_assert_int_eq(strs, 1);
}
END_TEST

START_TEST(method_tables) {
    CProgram *cp = compile_ok(
        "package main\n"
        "type T struct{ n int }\n"
        "func (t T) B() int { return t.n }\n"
        "func (t *T) A() { t.n++ }\n"
        "var v any = T{}\n"
        "var p any = &T{}\n"
        "func main() {}\n");
    /* run the package init so v and p hold interfaces, then inspect */
    ck_assert_int_eq(vm_run_main(cp, 1), 0);
    Iface *iv = cp->globals[cp->nglobals - 2].p;
    Iface *ip = cp->globals[cp->nglobals - 1].p;
    ck_assert_ptr_nonnull(iv);
    ck_assert_ptr_nonnull(ip);
    ck_assert_int_eq(iv->type->nrmethods, 1);          /* T: B only */
    ck_assert_int_eq(ip->type->nrmethods, 2);          /* *T: A, B */
    ck_assert_str_eq(ip->type->rmethods[0].name, "A"); /* sorted */
    ck_assert_ptr_nonnull(type_find_method(ip->type, str_intern("B")));
    /* *T's B adapts the receiver: a thunk, not T.B itself */
    ck_assert_ptr_ne(type_find_method(ip->type, str_intern("B")),
                     type_find_method(iv->type, str_intern("B")));
}
END_TEST

/* Does p's code contain opcode op? */
static bool has_op(Proto *p, unsigned op) {
    for (int i = 0; i < p->ncode; i++)
        if (INS_OP(p->code[i]) == op)
            return true;
    return false;
}

START_TEST(go_and_channels_compile) {
    Diag *d;
    CProgram *cp = compile_src(
        "package main\n"
        "func f(c chan int) { c <- 1 }\n"
        "func main() {\n"
        "  c := make(chan int, 1)\n"
        "  go f(c)\n"
        "  select {\n"
        "  case v := <-c: _ = v\n"
        "  default:\n"
        "  }\n"
        "  close(c)\n"
        "}\n", &d);
    ck_assert_ptr_nonnull(cp);
    ck_assert(has_op(cp->main, OP_GO));
    ck_assert(has_op(cp->main, OP_MAKECHAN));
    ck_assert(has_op(cp->main, OP_SELECT));
    ck_assert(has_op(cp->main, OP_CLOSE));
    ck_assert(!has_op(cp->main, OP_UNSUP));
}
END_TEST

START_TEST(disasm_readable) {
    CProgram *cp = compile_ok(
        "package main\n"
        "func main() { x := 3; _ = x + 4 }\n");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    disasm_program(cp, out);
    fclose(out);
    ck_assert_ptr_nonnull(strstr(buf, "func main.main (test.csp:2)"));
    ck_assert_ptr_nonnull(strstr(buf, "ADDI"));
    ck_assert_ptr_nonnull(strstr(buf, "RET"));
    free(buf);
}
END_TEST

Suite *compile_suite(void) {
    Suite *s = suite_create("compile");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, encoding_roundtrip);
    tcase_add_test(tc, opcode_table_consistent);
    tcase_add_test(tc, fib_uses_static_calls_and_immediates);
    tcase_add_test(tc, for_loop_fused_branch);
    tcase_add_test(tc, locals_need_no_moves);
    tcase_add_test(tc, captured_variable_in_cell);
    tcase_add_test(tc, per_iteration_loop_var_copy);
    tcase_add_test(tc, line_table);
    tcase_add_test(tc, constants_pooled);
    tcase_add_test(tc, method_tables);
    tcase_add_test(tc, go_and_channels_compile);
    tcase_add_test(tc, disasm_readable);
    suite_add_tcase(s, tc);
    return s;
}
