/* test_vm.c — the interpreter loop, fibers and panics: hand-assembled
 * Protos for instruction semantics (Go's wraparound, division, shifts,
 * conversions, stack growth), then small csp programs run to completion
 * whose results are read back from their package variables. */
#include <check.h>
#include <fcntl.h>
#include <unistd.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../../lang/check.h"
#include "../../lang/compile.h"
#include "../../lang/parse.h"
#include "../../runtime/vm.h"

/* ---- hand-assembled functions --------------------------------------------- */

typedef struct Asm {
    Proto *p;
    Instr code[64];
    int32_t lines[64];
    Slot k[8];
    uint8_t ktag[8];
    int n, nk;
} Asm;

static Asm *asm_new(int nparams, int nresults, int maxregs) {
    Asm *a = gc_alloc(sizeof *a);
    a->p = gc_alloc(sizeof(Proto));
    a->p->name = "test.f";
    a->p->file = "test.csp";
    a->p->nparams = nparams;
    a->p->nresults = nresults;
    a->p->maxregs = maxregs;
    a->p->defer_ret_pc = -1;
    return a;
}

static void I(Asm *a, unsigned op, unsigned x, unsigned y, int64_t z) {
    a->lines[a->n] = a->n + 1;
    a->code[a->n++] = ins_make(op, x, y, z);
}

static int K(Asm *a, Slot v, KTag t) {
    a->k[a->nk] = v;
    a->ktag[a->nk] = (uint8_t)t;
    return a->nk++;
}

static Proto *asm_done(Asm *a) {
    a->p->code = a->code;
    a->p->lines = a->lines;
    a->p->ncode = a->n;
    a->p->k = a->k;
    a->p->ktag = a->ktag;
    a->p->nk = a->nk;
    return a->p;
}

static CProgram empty_prog;

/* Runs p(args) on a fresh fiber; returns the VM status, results in res. */
static int run_proto(Proto *p, Slot *args, int nargs, Slot *res, Fiber **fp) {
    Worker w;
    worker_init(&w, 1);
    Fiber *f = fiber_new(&empty_prog, &w);
    int64_t base = fiber_push_call(f, NULL, p, args, nargs, FR_BOUNDARY);
    int st = vm_execute(&w, f);
    if (res)
        for (int i = 0; i < p->nresults; i++)
            res[i] = f->stack[base - 1 + i];
    if (fp)
        *fp = f;
    return st;
}

/* f(a, b) = a OP b */
static Slot binop(unsigned op, Slot x, Slot y, int *status) {
    Asm *a = asm_new(2, 1, 3);
    I(a, op, 2, 0, 1);
    I(a, OP_RET, 2, 1, 0);
    Slot args[2] = {x, y}, r = {0};
    int st = run_proto(asm_done(a), args, 2, &r, NULL);
    if (status)
        *status = st;
    return r;
}

static const char *panic_text(Fiber *f) {
    if (!f->panic || !f->panic->value)
        return "";
    Iface *v = f->panic->value;
    Str *msg = v->val.p; /* runtime errors hold their message (panic.c) */
    if (v->type->kind == K_POINTER) /* *runtime.TypeAssertionError: a box */
        msg = ((Slot *)v->val.p)[0].p;
    return str_cstr(msg);
}

START_TEST(int_wraparound) {
    Slot r = binop(OP_ADD, (Slot){.i = INT64_MAX}, (Slot){.i = 1}, NULL);
    ck_assert_int_eq(r.i, INT64_MIN);
    r = binop(OP_MUL, (Slot){.i = INT64_MAX}, (Slot){.i = 2}, NULL);
    ck_assert_int_eq(r.i, -2);
}
END_TEST

START_TEST(div_minint_by_minus_one) {
    int st;
    Slot r = binop(OP_DIV, (Slot){.i = INT64_MIN}, (Slot){.i = -1}, &st);
    ck_assert_int_eq(st, VM_DONE);
    ck_assert_int_eq(r.i, INT64_MIN);
    r = binop(OP_MOD, (Slot){.i = INT64_MIN}, (Slot){.i = -1}, &st);
    ck_assert_int_eq(r.i, 0);
    r = binop(OP_DIV, (Slot){.i = -7}, (Slot){.i = 2}, &st);
    ck_assert_int_eq(r.i, -3);   /* truncation */
    r = binop(OP_MOD, (Slot){.i = -7}, (Slot){.i = 2}, &st);
    ck_assert_int_eq(r.i, -1);
}
END_TEST

START_TEST(div_by_zero_panics) {
    Asm *a = asm_new(2, 1, 3);
    I(a, OP_DIV, 2, 0, 1);
    I(a, OP_RET, 2, 1, 0);
    Slot args[2] = {{.i = 1}, {.i = 0}};
    Fiber *f;
    int st = run_proto(asm_done(a), args, 2, NULL, &f);
    ck_assert_int_eq(st, VM_PANIC);
    ck_assert_str_eq(panic_text(f), "runtime error: integer divide by zero");
    ck_assert_int_eq(f->panic->trace[0].line, 1);
}
END_TEST

START_TEST(shifts_go_semantics) {
    ck_assert_int_eq(binop(OP_SHL, (Slot){.i = 1}, (Slot){.i = 64}, NULL).i, 0);
    ck_assert_int_eq(binop(OP_SHL, (Slot){.i = 1}, (Slot){.i = 63}, NULL).i, INT64_MIN);
    ck_assert_int_eq(binop(OP_SHR, (Slot){.i = -8}, (Slot){.i = 100}, NULL).i, -1);
    ck_assert_int_eq(binop(OP_SHR, (Slot){.i = -8}, (Slot){.i = 1}, NULL).i, -4);
    ck_assert_int_eq(binop(OP_SHRU, (Slot){.i = -8}, (Slot){.i = 64}, NULL).i, 0);
    int st;
    binop(OP_SHL, (Slot){.i = 1}, (Slot){.i = -1}, &st);
    ck_assert_int_eq(st, VM_PANIC);
}
END_TEST

START_TEST(norm_sized_ints) {
    Asm *a = asm_new(1, 2, 3);
    I(a, OP_ADDI, 1, 0, 1);
    I(a, OP_NORM, 1, 1, K_INT8);
    I(a, OP_ADDI, 2, 0, 129);
    I(a, OP_NORM, 2, 2, K_UINT8);
    I(a, OP_MOVE, 0, 1, 0);
    I(a, OP_MOVE, 1, 2, 0);
    I(a, OP_RET, 0, 2, 0);
    Slot arg = {.i = 127}, r[2];
    run_proto(asm_done(a), &arg, 1, r, NULL);
    ck_assert_int_eq(r[0].i, -128);
    ck_assert_int_eq(r[1].i, 0);     /* 127 + 129 = 256 wraps to 0 */
}
END_TEST

START_TEST(float_to_int) {
    Asm *a = asm_new(1, 1, 2);
    I(a, OP_F2I, 1, 0, K_INT64);
    I(a, OP_RET, 1, 1, 0);
    Proto *p = asm_done(a);
    Slot arg = {.f = -3.7}, r;
    run_proto(p, &arg, 1, &r, NULL);
    ck_assert_int_eq(r.i, -3);
    arg.f = NAN;
    run_proto(p, &arg, 1, &r, NULL);
    ck_assert_int_eq(r.i, INT64_MIN);
}
END_TEST

/* sum of 0..n-1 with a fused compare-and-branch loop */
START_TEST(fused_loop) {
    Asm *a = asm_new(1, 1, 3);
    I(a, OP_LOADI, 1, 0, 0);          /* s */
    I(a, OP_LOADI, 2, 0, 0);          /* i */
    I(a, OP_JMP, 0, 0, 2);            /* -> cond */
    I(a, OP_ADD, 1, 1, 2);
    I(a, OP_ADDI, 2, 2, 1);
    I(a, OP_JLT, 2, 0, -3);           /* cond: i < n -> body */
    I(a, OP_RET, 1, 1, 0);
    Slot arg = {.i = 1000}, r;
    ck_assert_int_eq(run_proto(asm_done(a), &arg, 1, &r, NULL), VM_DONE);
    ck_assert_int_eq(r.i, 499500);
}
END_TEST

/* A spent budget stops the fiber at a loop head; resuming finishes it. */
START_TEST(budget_yields_and_resumes) {
    Asm *a = asm_new(1, 1, 3);
    I(a, OP_LOADI, 1, 0, 0);
    I(a, OP_LOADI, 2, 0, 0);
    I(a, OP_JMP, 0, 0, 2);
    I(a, OP_ADD, 1, 1, 2);
    I(a, OP_ADDI, 2, 2, 1);
    I(a, OP_JLT, 2, 0, -3);
    I(a, OP_RET, 1, 1, 0);
    Proto *p = asm_done(a);
    Worker w;
    worker_init(&w, 1);
    Fiber *f = fiber_new(&empty_prog, &w);
    Slot arg = {.i = 100};
    int64_t base = fiber_push_call(f, NULL, p, &arg, 1, FR_BOUNDARY);
    int yields = 0, st;
    for (;;) {
        w.budget = 10;
        if ((st = vm_execute(&w, f)) != VM_YIELD)
            break;
        yields++;
    }
    ck_assert_int_eq(st, VM_DONE);
    ck_assert_int_ge(yields, 9);
    ck_assert_int_eq(f->stack[base - 1].i, 4950);
}
END_TEST

/* rec(n) = n == 0 ? 0 : rec(n-1) + 1, deep enough to grow the fiber's
 * stack and frame array many times. */
START_TEST(deep_recursion_grows_stack) {
    Asm *a = asm_new(1, 1, 3);
    int self = K(a, (Slot){.p = a->p}, KT_PROTO);
    I(a, OP_JNEI, 0, 0, 1);
    I(a, OP_RET, 0, 1, 0);
    I(a, OP_ADDI, 2, 0, -1);
    I(a, OP_CALLK, 1, 0, self);
    I(a, OP_ADDI, 1, 1, 1);
    I(a, OP_RET, 1, 1, 0);
    Slot arg = {.i = 100000}, r;
    Fiber *f;
    ck_assert_int_eq(run_proto(asm_done(a), &arg, 1, &r, &f), VM_DONE);
    ck_assert_int_eq(r.i, 100000);
    ck_assert_int_gt(f->nslots, FIBER_INIT_SLOTS);
    ck_assert_int_gt(f->cap_frames, FIBER_INIT_FRAMES);
}
END_TEST

START_TEST(vm_call_from_c) {
    Asm *a = asm_new(2, 1, 3);
    I(a, OP_SUB, 2, 0, 1);
    I(a, OP_RET, 2, 1, 0);
    Proto *p = asm_done(a);
    Worker w;
    worker_init(&w, 1);
    Fiber *f = fiber_new(&empty_prog, &w);
    Slot args[2] = {{.i = 50}, {.i = 8}}, r;
    ck_assert_int_eq(vm_call(f, p, args, 2, &r, 1), NATIVE_OK);
    ck_assert_int_eq(r.i, 42);
    ck_assert_int_eq(f->nframes, 0);
}
END_TEST

START_TEST(bounds_message) {
    Asm *a = asm_new(2, 1, 3);
    I(a, OP_SGET, 2, 0, 1);
    I(a, OP_RET, 2, 1, 0);
    Slice *s = slice_new(type_basic(K_INT), 3, 3);
    Slot args[2] = {{.p = s}, {.i = 5}};
    Fiber *f;
    ck_assert_int_eq(run_proto(asm_done(a), args, 2, NULL, &f), VM_PANIC);
    ck_assert_str_eq(panic_text(f),
                     "runtime error: index out of range [5] with length 3");
}
END_TEST

START_TEST(worker_rand_varies) {
    Worker w;
    worker_init(&w, 42);
    uint64_t a = worker_rand(&w), b = worker_rand(&w);
    ck_assert(a != b);
}
END_TEST

/* ---- whole programs ---------------------------------------------------------- */

static Package *no_imports(void *ctx, const char *path) { return NULL; }

static CProgram *build(const char *src) {
    Diag *d = gc_alloc(sizeof *d);
    diag_init(d);
    SrcFile *sf = parse_file("test.csp", src, strlen(src), d);
    Package *pkg = gc_alloc(sizeof *pkg);
    pkg->path = "main";
    pkg->name = "main";
    pkg->files = gc_alloc(sizeof(SrcFile *));
    pkg->files[0] = sf;
    pkg->nfiles = 1;
    Program prog = {.main = pkg, .diag = d, .load = no_imports};
    CProgram *cp = NULL;
    if (diag_count(d) == 0 && check_program(&prog))
        cp = comp_program(&prog, d);
    if (!cp)
        diag_print(d, stderr);
    return cp;
}

static Slot global(CProgram *cp, const char *name) {
    char full[128];
    snprintf(full, sizeof full, "main.%s", name);
    for (int i = 0; i < cp->nglobals; i++)
        if (strcmp(cp->ginfo[i].name, full) == 0)
            return cp->globals[i];
    ck_abort_msg("no global %s", name);
    return (Slot){0};
}

static CProgram *run_src(const char *src) {
    CProgram *cp = build(src);
    ck_assert_ptr_nonnull(cp);
    ck_assert_int_eq(vm_run_main(cp, 1), 0);
    return cp;
}

START_TEST(prog_fib) {
    CProgram *cp = run_src(
        "package main\n"
        "var r int\n"
        "func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }\n"
        "func main() { r = fib(20) }\n");
    ck_assert_int_eq(global(cp, "r").i, 6765);
}
END_TEST

START_TEST(prog_defer_recover_named_result) {
    CProgram *cp = run_src(
        "package main\n"
        "var r, order int\n"
        "func f() (x int) {\n"
        "  defer func() { if recover() != nil { x = 7 } }()\n"
        "  defer func() { order = order*10 + 2 }()\n"
        "  var a []int\n"
        "  return a[3]\n"
        "}\n"
        "func main() { defer func() { order = order*10 + 1 }(); r = f() }\n");
    ck_assert_int_eq(global(cp, "r").i, 7);
    ck_assert_int_eq(global(cp, "order").i, 21);  /* LIFO, main last */
}
END_TEST

START_TEST(prog_closures_per_iteration) {
    CProgram *cp = run_src(
        "package main\n"
        "var r, c int\n"
        "func counter() func() int { n := 0; return func() int { n++; return n } }\n"
        "func main() {\n"
        "  var fs []func() int\n"
        "  for i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }\n"
        "  for _, f := range fs { r = r*10 + f() }\n"
        "  next := counter(); next(); next(); c = next()\n"
        "}\n");
    ck_assert_int_eq(global(cp, "r").i, 12);   /* 0, 1, 2: Go 1.22 loop vars */
    ck_assert_int_eq(global(cp, "c").i, 3);
}
END_TEST

START_TEST(prog_struct_copy_and_methods) {
    CProgram *cp = run_src(
        "package main\n"
        "type P struct{ X, Y int }\n"
        "func (p *P) Move(d int) { p.X += d }\n"
        "func (p P) Sum() int { return p.X + p.Y }\n"
        "type Q struct { P; Name string }\n"
        "type S interface{ Sum() int }\n"
        "var a, b, c, d int\n"
        "func main() {\n"
        "  p := P{1, 2}; q := p; q.X = 10\n"
        "  p.Move(5)\n"
        "  a = p.X*100 + q.X\n"
        "  e := Q{P{3, 4}, \"e\"}\n"
        "  var s S = e\n"
        "  e.Move(100)\n"
        "  b = s.Sum()\n"
        "  c = e.Sum()\n"
        "  f := p.Sum; p.X = 0; d = f()\n"
        "}\n");
    ck_assert_int_eq(global(cp, "a").i, 610);
    ck_assert_int_eq(global(cp, "b").i, 7);    /* the interface holds a copy */
    ck_assert_int_eq(global(cp, "c").i, 107);  /* promoted through embedding */
    ck_assert_int_eq(global(cp, "d").i, 8);    /* method value bound a copy */
}
END_TEST

START_TEST(prog_maps_strings_switch) {
    CProgram *cp = run_src(
        "package main\n"
        "var n, runes, cls int\n"
        "var s string\n"
        "func classify(v any) int {\n"
        "  switch x := v.(type) { case int: return x; case string: return len(x); case nil: return -1 }\n"
        "  return -2\n"
        "}\n"
        "func main() {\n"
        "  m := map[string]int{}\n"
        "  for _, w := range []string{\"a\", \"b\", \"a\"} { m[w]++ }\n"
        "  n = m[\"a\"]*10 + len(m)\n"
        "  for range \"h\\u00e9llo\" { runes++ }\n"
        "  s = \"x\" + \"yz\"[1:]\n"
        "  cls = classify(5)*100 + classify(\"abc\")*10 + classify(nil)\n"
        "}\n");
    ck_assert_int_eq(global(cp, "n").i, 22);
    ck_assert_int_eq(global(cp, "runes").i, 5);
    ck_assert_str_eq(str_cstr(global(cp, "s").p), "xz");
    ck_assert_int_eq(global(cp, "cls").i, 529);
}
END_TEST

/* A panic that reaches the top: VM_PANIC with the value and a traceback. */
START_TEST(prog_unrecovered_panic) {
    CProgram *cp = build(
        "package main\n"
        "func g(m map[string]int) { m[\"k\"] = 1 }\n"
        "func main() {\n"
        "  var m map[string]int\n"
        "  g(m)\n"
        "}\n");
    ck_assert_ptr_nonnull(cp);
    Worker w;
    worker_init(&w, 1);
    Fiber *f = fiber_new(cp, &w);
    fiber_push_call(f, NULL, cp->main, NULL, 0, FR_BOUNDARY);
    ck_assert_int_eq(vm_execute(&w, f), VM_PANIC);
    ck_assert_str_eq(panic_text(f), "assignment to entry in nil map");
    ck_assert_int_eq(f->panic->ntrace, 2);
    ck_assert_str_eq(f->panic->trace[0].func, "main.g");
    ck_assert_int_eq(f->panic->trace[0].line, 2);
    ck_assert_int_eq(f->panic->trace[1].line, 5);
}
END_TEST

START_TEST(prog_assert_message) {
    CProgram *cp = build(
        "package main\n"
        "func main() { var x any = \"s\"; _ = x.(int) }\n");
    ck_assert_ptr_nonnull(cp);
    Worker w;
    worker_init(&w, 1);
    Fiber *f = fiber_new(cp, &w);
    fiber_push_call(f, NULL, cp->main, NULL, 0, FR_BOUNDARY);
    ck_assert_int_eq(vm_execute(&w, f), VM_PANIC);
    ck_assert_str_eq(panic_text(f),
                     "interface conversion: interface {} is string, not int");
}
END_TEST

/* ---- goroutines, channels, select (through the scheduler) --------------------- */

static CProgram *run_src_procs(const char *src, int procs) {
    CProgram *cp = build(src);
    ck_assert_ptr_nonnull(cp);
    ck_assert_int_eq(vm_run_main(cp, procs), 0);
    return cp;
}

static const char *pool_src =
    "package main\n"
    "var sum, closed, picked int\n"
    "type job struct{ id, n int }\n"
    "func worker(jobs <-chan job, res chan<- int) {\n"
    "  for j := range jobs { res <- j.id * j.n }\n"
    "}\n"
    "func main() {\n"
    "  jobs, res := make(chan job, 4), make(chan int)\n"
    "  for i := 0; i < 8; i++ { go worker(jobs, res) }\n"
    "  go func() {\n"
    "    for i := 1; i <= 100; i++ { jobs <- job{i, 2} }\n"
    "    close(jobs)\n"
    "  }()\n"
    "  for i := 0; i < 100; i++ { sum += <-res }\n"
    "  c := make(chan int)\n"
    "  close(c)\n"
    "  if _, ok := <-c; !ok { closed = 1 }\n"
    "  a, b := make(chan int, 1), make(chan int, 1)\n"
    "  b <- 7\n"
    "  select {\n"
    "  case v := <-a: picked = v\n"
    "  case v, ok := <-b: if ok { picked = v * 10 }\n"
    "  }\n"
    "}\n";

/* The same program at 1 and 4 Ps: vm_run_main shuts the scheduler down
 * and can run again. */
START_TEST(prog_goroutines_channels) {
    for (int procs = 1; procs <= 4; procs += 3) {
        CProgram *cp = run_src_procs(pool_src, procs);
        ck_assert_int_eq(global(cp, "sum").i, 10100);
        ck_assert_int_eq(global(cp, "closed").i, 1);
        ck_assert_int_eq(global(cp, "picked").i, 70);
    }
}
END_TEST

/* go evaluates the function value and the arguments in the caller: later
 * changes are not seen; methods (pointer receiver) and closures work. */
START_TEST(prog_go_args_in_caller) {
    CProgram *cp = run_src_procs(
        "package main\n"
        "var got, total int\n"
        "type acc struct{ n int }\n"
        "func (a *acc) add(k int, done chan bool) { a.n += k; done <- true }\n"
        "func main() {\n"
        "  c := make(chan int)\n"
        "  x := 5\n"
        "  f := func(v int) { c <- v }\n"
        "  go f(x)\n"
        "  x = 6\n"
        "  f = nil\n"
        "  got = <-c\n"
        "  a := &acc{}\n"
        "  done := make(chan bool)\n"
        "  for i := 1; i <= 10; i++ { go a.add(i, done); <-done }\n"
        "  total = a.n\n"
        "}\n", 2);
    ck_assert_int_eq(global(cp, "got").i, 5);
    ck_assert_int_eq(global(cp, "total").i, 55);
}
END_TEST

/* Runs src with stderr sent to /dev/null; returns vm_run_main's status. */
static int run_quiet(const char *src) {
    CProgram *cp = build(src);
    ck_assert_ptr_nonnull(cp);
    fflush(stderr);
    int saved = dup(2);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 2);
    close(null);
    int rc = vm_run_main(cp, 2);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    return rc;
}

/* A deadlock and a panic in a goroutine end the program with status 2. */
START_TEST(prog_deadlock_and_goroutine_panic) {
    ck_assert_int_eq(run_quiet("package main\n"
                               "func main() { c := make(chan int); c <- 1 }\n"),
                     2);
    ck_assert_int_eq(run_quiet("package main\n"
                               "func main() {\n"
                               "  go func() { panic(\"boom\") }()\n"
                               "  select {}\n"
                               "}\n"),
                     2);
}
END_TEST

Suite *vm_suite(void) {
    Suite *s = suite_create("vm");
    TCase *tc = tcase_create("instructions");
    tcase_add_test(tc, int_wraparound);
    tcase_add_test(tc, div_minint_by_minus_one);
    tcase_add_test(tc, div_by_zero_panics);
    tcase_add_test(tc, shifts_go_semantics);
    tcase_add_test(tc, norm_sized_ints);
    tcase_add_test(tc, float_to_int);
    tcase_add_test(tc, fused_loop);
    tcase_add_test(tc, budget_yields_and_resumes);
    tcase_add_test(tc, deep_recursion_grows_stack);
    tcase_add_test(tc, vm_call_from_c);
    tcase_add_test(tc, bounds_message);
    tcase_add_test(tc, worker_rand_varies);
    suite_add_tcase(s, tc);
    TCase *tp = tcase_create("programs");
    tcase_set_timeout(tp, 30);
    tcase_add_test(tp, prog_fib);
    tcase_add_test(tp, prog_defer_recover_named_result);
    tcase_add_test(tp, prog_closures_per_iteration);
    tcase_add_test(tp, prog_struct_copy_and_methods);
    tcase_add_test(tp, prog_maps_strings_switch);
    tcase_add_test(tp, prog_unrecovered_panic);
    tcase_add_test(tp, prog_assert_message);
    tcase_add_test(tp, prog_goroutines_channels);
    tcase_add_test(tp, prog_go_args_in_caller);
    tcase_add_test(tp, prog_deadlock_and_goroutine_panic);
    suite_add_tcase(s, tp);
    return s;
}
