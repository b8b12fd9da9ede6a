/* test_repl.c — the REPL (lang/repl.c): input classification (complete,
 * incomplete, wrong) and what evaluating inputs prints: expression echo in
 * %v form, no echo for statements and fmt's print functions, persistence
 * of variables and declarations, redefinition, errors keeping the session.
 * Output is captured by pointing fd 1 (and 2) at temporary files. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lang/repl.h"

/* ---- classification --------------------------------------------------------- */

START_TEST(classify_complete) {
    ck_assert_int_eq(repl_classify("x := 1"), REPL_COMPLETE);
    ck_assert_int_eq(repl_classify("fmt.Println(6*7)"), REPL_COMPLETE);
    ck_assert_int_eq(repl_classify("func f() int { return 1 }"), REPL_COMPLETE);
    ck_assert_int_eq(repl_classify("type P struct{ X int }\np := P{1}"),
                     REPL_COMPLETE);
    ck_assert_int_eq(repl_classify("42"), REPL_COMPLETE);
}
END_TEST

START_TEST(classify_incomplete) {
    ck_assert_int_eq(repl_classify("func f() int {"), REPL_INCOMPLETE);
    ck_assert_int_eq(repl_classify("s := []int{1,"), REPL_INCOMPLETE);
    ck_assert_int_eq(repl_classify("fmt.Println(1,"), REPL_INCOMPLETE);
    ck_assert_int_eq(repl_classify("if true {\nx := 1"), REPL_INCOMPLETE);
    ck_assert_int_eq(repl_classify("s := `raw"), REPL_INCOMPLETE);
}
END_TEST

START_TEST(classify_error) {
    ck_assert_int_eq(repl_classify("x := )"), REPL_ERROR);
    ck_assert_int_eq(repl_classify("func ) {"), REPL_ERROR);
    ck_assert_int_eq(repl_classify("x := 1 2"), REPL_ERROR);
}
END_TEST

/* ---- evaluation -------------------------------------------------------------- */

/* Evaluates the inputs in one session; returns what went to fd `fd`. */
static char *eval_capture(const char *const *inputs, int fd) {
    char path[] = "/tmp/csp_repl_testXXXXXX";
    int tmp = mkstemp(path);
    ck_assert_int_ge(tmp, 0);
    fflush(stdout);
    fflush(stderr);
    int saved = dup(fd);
    dup2(tmp, fd);
    Repl *r = repl_new(2);
    for (int i = 0; inputs[i]; i++)
        repl_eval(r, inputs[i]);
    repl_end(r);
    fflush(stdout);
    fflush(stderr);
    dup2(saved, fd);
    close(saved);
    static char buf[8192];
    ssize_t n = pread(tmp, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = 0;
    close(tmp);
    unlink(path);
    return buf;
}

START_TEST(echo_values) {
    const char *in[] = {"6 * 7", "\"hi\"", "1.5", "[]int{1, 2}",
                        "map[string]int{\"a\": 1}", "true && false", NULL};
    ck_assert_str_eq(eval_capture(in, 1), "42\nhi\n1.5\n[1 2]\nmap[a:1]\nfalse\n");
}
END_TEST

START_TEST(no_echo_for_statements) {
    const char *in[] = {"fmt.Println(1)", "fmt.Printf(\"%d\\n\", 2)",
                        "func g() {}", "g()", "x := 3", "x++", NULL};
    ck_assert_str_eq(eval_capture(in, 1), "1\n2\n");
}
END_TEST

START_TEST(state_persists) {
    const char *in[] = {"x := 20", "func f() int { return x + 1 }", "x = 41",
                        "f()", "type P struct{ X, Y int }", "p := P{1, 2}",
                        "p.Y = 5", "p", "var s []string",
                        "s = append(s, \"a\")", "len(s)", NULL};
    ck_assert_str_eq(eval_capture(in, 1), "42\n{1 5}\n1\n");
}
END_TEST

START_TEST(each_input_runs_once) {
    const char *in[] = {"n := 0", "fmt.Println(\"side effect\")", "n++", "n++",
                        "n", NULL};
    ck_assert_str_eq(eval_capture(in, 1), "side effect\n2\n");
}
END_TEST

START_TEST(redefinition) {
    const char *in[] = {"func f() int { return 1 }", "f()",
                        "func f() int { return 2 }", "f()", "x := 1",
                        "x := \"now a string\"", "x", NULL};
    ck_assert_str_eq(eval_capture(in, 1), "1\n2\nnow a string\n");
}
END_TEST

START_TEST(errors_keep_session) {
    const char *in[] = {"x := 5", "y + 1", "var a []int", "a[3]", "x", NULL};
    ck_assert_str_eq(eval_capture(in, 1), "5\n");
    char *err = eval_capture(in, 2);
    ck_assert_ptr_nonnull(strstr(err, "<input>:1:1: undefined: y"));
    ck_assert_ptr_nonnull(strstr(err, "panic: runtime error: index out of range [3] "
                                      "with length 0"));
}
END_TEST

/* One scheduler serves the session: a goroutine started by one input
 * runs on while later inputs talk to it, and shares their variables. */
START_TEST(goroutines_outlive_inputs) {
    const char *in[] = {"in, out := make(chan int), make(chan int)",
                        "n := 0",
                        "go func() { for v := range in { n += v; out <- n } }()",
                        "in <- 40", "<-out", "in <- 2", "<-out", "n", NULL};
    ck_assert_str_eq(eval_capture(in, 1), "40\n42\n42\n");
}
END_TEST

/* A panic in a background goroutine ends only that goroutine. */
START_TEST(background_panic_keeps_session) {
    const char *in[] = {"done := make(chan bool)",
                        "go func() { defer close(done); var m map[string]int; m[\"a\"] = 1 }()",
                        "_ = <-done", "\"alive\"", NULL};
    ck_assert_str_eq(eval_capture(in, 1), "alive\n");
    char *err = eval_capture(in, 2);
    ck_assert_ptr_nonnull(strstr(err, "panic: assignment to entry in nil map"));
}
END_TEST

Suite *repl_suite(void) {
    Suite *s = suite_create("repl");
    TCase *tc = tcase_create("classify");
    tcase_add_test(tc, classify_complete);
    tcase_add_test(tc, classify_incomplete);
    tcase_add_test(tc, classify_error);
    suite_add_tcase(s, tc);
    tc = tcase_create("eval");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, echo_values);
    tcase_add_test(tc, no_echo_for_statements);
    tcase_add_test(tc, state_persists);
    tcase_add_test(tc, each_input_runs_once);
    tcase_add_test(tc, redefinition);
    tcase_add_test(tc, errors_keep_session);
    tcase_add_test(tc, goroutines_outlive_inputs);
    tcase_add_test(tc, background_panic_keeps_session);
    suite_add_tcase(s, tc);
    return s;
}
