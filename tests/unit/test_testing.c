/*
 * test_testing.c — unit tests of package testing's pattern matcher
 * (stdlib/testing/match.c, the -run/-bench regexps): search results and
 * parse errors, each as Go's regexp.MatchString / regexp.Compile gives them
 * (table printed by Go 1.26).
 */
#include <check.h>
#include <string.h>
#include "../../stdlib/lib.h"

static Str *S(const char *s) { return str_new(s, (int64_t)strlen(s)); }

/* matchString(pat, s): matched, and the error text ("" when none). */
static bool match(const char *pat, const char *s, const char **err) {
    NativeFn fn = lib_find_native("testing.matchString");
    ck_assert_ptr_nonnull(fn);
    Slot a[4] = {{.p = S(pat)}, {.p = S(s)}};
    ck_assert_int_eq(fn(NULL, a), NATIVE_OK);
    *err = a[1].p ? str_cstr(a[1].p) : "";
    return a[0].i != 0;
}

static const struct { const char *pat, *s; bool want; } searches[] = {
	{"", "anything", true},
	{"abc", "xxabcxx", true},
	{"abc", "abd", false},
	{"^abc", "xabc", false},
	{"^abc$", "abc", true},
	{"a.c", "abc", true},
	{"a.c", "a\nc", false},
	{"a.c", "aéc", true},
	{"ab*c", "ac", true},
	{"ab+c", "ac", false},
	{"ab?c", "abbc", false},
	{"(ab)+$", "xababab", true},
	{"(?:ab|cd)e", "cde", true},
	{"x(a|b|)y", "xy", true},
	{"[a-c]+z", "abcz", true},
	{"[^a-c]", "abc", false},
	{"[^a-c]", "abcd", true},
	{"[]a]", "]", true},
	{"\\d{3}", "ab12c", false},
	{"\\d{3}", "a123", true},
	{"^\\w+$", "Test_1", true},
	{"^\\w+$", "Test-1", false},
	{"\\s", "a b", true},
	{"\\S+", "   ", false},
	{"a{2,}", "caab", true},
	{"a{2,3}b", "ab", false},
	{"^a{0}b", "b", true},
	{"x{", "x{", true},
	{"\\.", "a.b", true},
	{"\\.", "ab", false},
	{"(a*)*b", "aaab", true},
	{"(a*)+$", "b", true},
	{"é+", "ééé", true},
	{"[é-ë]", "ê", true},
	{"Test.*Sub", "TestFooSub", true},
	{"a|b|c", "zzc", true},
	{"^(a|ab)c$", "abc", true},
	{"\\D", "123", false},
	{"\\W", "a_b", false},
	{"[\\d.]+$", "v1.2", true},
	{"a*?b", "aab", true},
};

static const struct { const char *pat, *err; } errors[] = {
	{"a(", "error parsing regexp: missing closing ): `a(`"},
	{"a)", "error parsing regexp: unexpected ): `a)`"},
	{"[a", "error parsing regexp: missing closing ]: `[a`"},
	{"*a", "error parsing regexp: missing argument to repetition operator: `*`"},
	{"a**", "error parsing regexp: invalid nested repetition operator: `**`"},
	{"\\q", "error parsing regexp: invalid escape sequence: `\\q`"},
	{"x{2,1}", "error parsing regexp: invalid repeat count: `{2,1}`"},
	{"a\\", "error parsing regexp: trailing backslash at end of expression: ``"},
};

START_TEST(t_match_search) {
    const char *err;
    bool got = match(searches[_i].pat, searches[_i].s, &err);
    ck_assert_msg(*err == 0, "/%s/: unexpected error %s", searches[_i].pat, err);
    ck_assert_msg(got == searches[_i].want, "/%s/ on \"%s\": got %d, Go says %d",
                  searches[_i].pat, searches[_i].s, got, searches[_i].want);
}
END_TEST

START_TEST(t_match_errors) {
    const char *err;
    ck_assert(!match(errors[_i].pat, "x", &err));
    ck_assert_str_eq(err, errors[_i].err);
}
END_TEST

/* Exponential backtracking stops with an error instead of hanging. */
START_TEST(t_match_gives_up) {
    const char *err;
    ck_assert(!match("(a*)*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &err));
    ck_assert_msg(strstr(err, "takes too long") != NULL, "error: %s", err);
}
END_TEST

Suite *testing_suite(void) {
    Suite *s = suite_create("testing");
    TCase *tc = tcase_create("match");
    tcase_add_loop_test(tc, t_match_search, 0, (int)(sizeof searches / sizeof searches[0]));
    tcase_add_loop_test(tc, t_match_errors, 0, (int)(sizeof errors / sizeof errors[0]));
    tcase_add_test(tc, t_match_gives_up);
    suite_add_tcase(s, tc);
    return s;
}
