/* main.c — runs every Check suite of tests/unit (one per module). */
#include <check.h>
#include <stdlib.h>

#include "../../runtime/gc.h"

Suite *lex_suite(void);
Suite *parse_suite(void);
Suite *types_suite(void);
Suite *check_suite(void);
Suite *value_suite(void);
Suite *map_suite(void);
Suite *fmt_suite(void);
Suite *stdlib_suite(void);
Suite *rand_suite(void);
Suite *time_suite(void);
Suite *timer_suite(void);
Suite *sched_suite(void);
Suite *chan_suite(void);
Suite *compile_suite(void);
Suite *vm_suite(void);
Suite *repl_suite(void);
Suite *testing_suite(void);

int main(void) {
    gc_init();
    SRunner *sr = srunner_create(lex_suite());
    srunner_add_suite(sr, parse_suite());
    srunner_add_suite(sr, types_suite());
    srunner_add_suite(sr, check_suite());
    srunner_add_suite(sr, value_suite());
    srunner_add_suite(sr, map_suite());
    srunner_add_suite(sr, fmt_suite());
    srunner_add_suite(sr, stdlib_suite());
    srunner_add_suite(sr, rand_suite());
    srunner_add_suite(sr, time_suite());
    srunner_add_suite(sr, timer_suite());
    srunner_add_suite(sr, sched_suite());
    srunner_add_suite(sr, chan_suite());
    srunner_add_suite(sr, compile_suite());
    srunner_add_suite(sr, vm_suite());
    srunner_add_suite(sr, repl_suite());
    srunner_add_suite(sr, testing_suite());
    /* No fork: libgc and the runtime's threads do not survive fork well. */
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
