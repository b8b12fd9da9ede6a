/* test_types.c — runtime/type.c (interning, named types, spellings, method
 * lookup) and lang/constant.c (literals, exact arithmetic, representability,
 * Go's spelling of constant values). Expected spellings are what Go prints
 * (%T for type_string, types2 messages for type_string_rel). */
#include <check.h>
#include <string.h>

#include "../../lang/constant.h"
#include "../../runtime/type.h"

static Type *INT(void) { return type_basic(K_INT); }
static Type *STR(void) { return type_basic(K_STRING); }

/* ---- interning ---------------------------------------------------------------- */

START_TEST(interning_gives_identity) {
    ck_assert_ptr_eq(type_slice(INT()), type_slice(INT()));
    ck_assert_ptr_eq(type_map(STR(), INT()), type_map(STR(), INT()));
    ck_assert_ptr_ne(type_slice(INT()), type_slice(STR()));
    ck_assert_ptr_eq(type_pointer(INT()), type_pointer(INT()));
    ck_assert_ptr_ne(type_chan(INT(), CHAN_BOTH), type_chan(INT(), CHAN_RECV));
    ck_assert_ptr_eq(type_array(INT(), 3), type_array(INT(), 3));
    ck_assert_ptr_ne(type_array(INT(), 3), type_array(INT(), 4));
    Type *ps[2] = {INT(), STR()};
    Type *ps2[2] = {INT(), STR()};
    ck_assert_ptr_eq(type_func(ps, 2, ps, 1, false), type_func(ps2, 2, ps2, 1, false));
    ck_assert_ptr_ne(type_func(ps, 2, NULL, 0, false), type_func(ps, 2, NULL, 0, true));
    ck_assert_ptr_eq(type_tuple(ps, 2), type_tuple(ps2, 2));
}
END_TEST

START_TEST(struct_offsets_and_identity) {
    Type *pt = type_struct((Field[]){{.name = "X", .type = INT()}, {.name = "Y", .type = INT()}}, 2);
    Field fs[2] = {{.name = "A", .type = type_array(INT(), 3)}, {.name = "B", .type = pt}};
    Type *t = type_struct(fs, 2);
    ck_assert_int_eq(t->size, 5);
    ck_assert_int_eq(t->fields[1].offset, 3);
    ck_assert_ptr_eq(t, type_struct(fs, 2));
    Field other[1] = {{.name = "A", .type = INT(), .embedded = true}};
    Field plain[1] = {{.name = "A", .type = INT()}};
    ck_assert_ptr_ne(type_struct(other, 1), type_struct(plain, 1));
    ck_assert_int_eq(type_struct(NULL, 0)->size, 0);
}
END_TEST

START_TEST(named_types_are_distinct) {
    Type *a = type_new_named("main", "T");
    Type *b = type_new_named("main", "T");
    ck_assert_ptr_ne(a, b);
    type_set_underlying(a, type_slice(INT()));
    ck_assert_int_eq(a->kind, K_SLICE);
    ck_assert_ptr_eq(a->elem, INT());
    ck_assert_ptr_eq(a->underlying, type_slice(INT()));
    ck_assert_ptr_eq(type_slice(INT())->underlying, type_slice(INT()));
    /* recursive: type List struct { next *List } */
    Type *l = type_new_named("main", "List");
    Field f = {.name = "next", .type = type_pointer(l)};
    type_set_underlying(l, type_struct(&f, 1));
    ck_assert_ptr_eq(l->fields[0].type->elem, l);
    ck_assert_int_eq(l->size, 1);
}
END_TEST

START_TEST(type_strings_reflect) {
    ck_assert_str_eq(type_string(type_slice(INT())), "[]int");
    ck_assert_str_eq(type_string(type_map(STR(), type_pointer(INT()))), "map[string]*int");
    Type *t = type_new_named("main", "Point");
    type_set_underlying(t, type_struct(NULL, 0));
    ck_assert_str_eq(type_string(type_pointer(t)), "*main.Point");
    ck_assert_str_eq(type_string(type_chan(INT(), CHAN_RECV)), "<-chan int");
    ck_assert_str_eq(type_string(type_chan(INT(), CHAN_SEND)), "chan<- int");
    ck_assert_str_eq(type_string(type_chan(type_chan(INT(), CHAN_RECV), CHAN_BOTH)),
                     "chan (<-chan int)");
    Type *ps[2] = {INT(), type_slice(STR())};
    Type *rs[2] = {INT(), type_error()};
    ck_assert_str_eq(type_string(type_func(ps, 2, rs, 2, true)),
                     "func(int, ...string) (int, error)");
    ck_assert_str_eq(type_string(type_func(NULL, 0, rs, 1, false)), "func() int");
    ck_assert_str_eq(type_string(type_any()), "interface {}");
    Field fs[2] = {{.name = "X", .type = INT()}, {.name = "s", .type = STR()}};
    ck_assert_str_eq(type_string(type_struct(fs, 2)), "struct { X int; s string }");
    ck_assert_str_eq(type_string(type_array(type_basic(K_UINT8), 4)), "[4]uint8");
}
END_TEST

START_TEST(type_strings_checker) {
    Type *t = type_new_named("main", "T");
    type_set_underlying(t, INT());
    ck_assert_str_eq(type_string_rel(type_slice(t), "main", 0), "[]T");
    ck_assert_str_eq(type_string_rel(type_slice(t), "fmt", 0), "[]main.T");
    ck_assert_str_eq(type_string_rel(type_any(), "main", 0), "any");
    Field fs[1] = {{.name = "X", .type = INT()}};
    ck_assert_str_eq(type_string_rel(type_struct(fs, 1), "main", 0), "struct{X int}");
    ck_assert_str_eq(type_string_rel(type_basic(K_UNTYPED_FLOAT), "main", 0), "untyped float");
    ck_assert_str_eq(type_string_rel(type_error(), "main", 0), "error");
    ck_assert_str_eq(type_string_rel(type_slice(type_basic(K_UINT8)), "main", TS_BYTE), "[]byte");
    ck_assert_str_eq(type_string_rel(type_basic(K_INT32), "main", TS_BYTE), "int32");
    ck_assert_str_eq(type_string_rel(type_basic(K_INT32), "main", TS_RUNE), "rune");
}
END_TEST

START_TEST(interfaces_sorted_and_error) {
    Type *sig = type_func(NULL, 0, NULL, 0, false);
    Method ms[3] = {{.name = "Z", .sig = sig}, {.name = "A", .sig = sig}, {.name = "M", .sig = sig}};
    Type *i = type_interface(ms, 3);
    ck_assert_str_eq(i->methods[0].name, "A");
    ck_assert_str_eq(i->methods[2].name, "Z");
    Method rev[3] = {ms[2], ms[1], ms[0]};
    ck_assert_ptr_eq(i, type_interface(rev, 3));
    Type *e = type_error();
    ck_assert_int_eq(e->kind, K_INTERFACE);
    ck_assert_int_eq(e->nmethods, 1);
    ck_assert_str_eq(e->methods[0].name, "Error");
    ck_assert_ptr_eq(type_interface(NULL, 0), type_any());
}
END_TEST

START_TEST(strings_and_methods) {
    char buf[8] = "hello";
    ck_assert_ptr_eq(str_intern("hello"), str_intern(buf));
    ck_assert_ptr_eq(str_intern_n("helloX", 5), str_intern("hello"));
    ck_assert_ptr_ne(str_intern("a"), str_intern("b"));
    RMethod rm[3] = {{str_intern("A"), (Proto *)1}, {str_intern("M"), (Proto *)2},
                     {str_intern("Z"), (Proto *)3}};
    Type t = {.rmethods = rm, .nrmethods = 3};
    ck_assert_ptr_eq(type_find_method(&t, str_intern("M")), (Proto *)2);
    ck_assert_ptr_eq(type_find_method(&t, str_intern("Z")), (Proto *)3);
    ck_assert_ptr_null(type_find_method(&t, str_intern("Q")));
    ck_assert_int_eq(type_int_bits(K_INT16), 16);
    ck_assert_int_eq(type_int_bits(K_UINTPTR), 64);
}
END_TEST

/* ---- constants ------------------------------------------------------------------- */

START_TEST(literals) {
    ConstVal v;
    ck_assert(cv_parse_int("0x1F", &v) && v.u.i == 31);
    ck_assert(cv_parse_int("0o17", &v) && v.u.i == 15);
    ck_assert(cv_parse_int("017", &v) && v.u.i == 15);
    ck_assert(cv_parse_int("0b101", &v) && v.u.i == 5);
    ck_assert(cv_parse_int("1_000_000", &v) && v.u.i == 1000000);
    ck_assert(!cv_parse_int("09", &v));
    ck_assert(cv_parse_float("1.5e3", &v) && cv_float64(v) == 1500);
    ck_assert(cv_parse_float("0x1p-2", &v) && cv_float64(v) == 0.25);
    ck_assert_int_eq((int)cv_parse_rune("\xe4\xb8\x96", 3).u.i, 0x4e16);
}
END_TEST

START_TEST(arithmetic) {
    ConstVal r;
    ck_assert_int_eq(cv_binary(T_QUO, cv_make_int(7), cv_make_int(2), true, &r), CVE_OK);
    ck_assert(r.kind == CV_INT && r.u.i == 3);
    ck_assert_int_eq(cv_binary(T_QUO, cv_make_int(7), cv_make_int(2), false, &r), CVE_OK);
    ck_assert(r.kind == CV_FLOAT && cv_float64(r) == 3.5);
    ck_assert_int_eq(cv_binary(T_QUO, cv_make_int(1), cv_make_int(0), true, &r), CVE_DIVZERO);
    ck_assert_int_eq(cv_binary(T_REM, cv_make_int(-7), cv_make_int(3), true, &r), CVE_OK);
    ck_assert(r.u.i == -1);
    ck_assert_int_eq(cv_binary(T_AND_NOT, cv_make_int(0xF), cv_make_int(0x3), true, &r), CVE_OK);
    ck_assert(r.u.i == 0xC);
    ck_assert_int_eq(cv_shift(T_SHL, cv_make_int(1), 70, &r), CVE_OK);
    ck_assert_str_eq(cv_string(r), "1180591620717411303424");
    ck_assert_int_eq(cv_shift(T_SHL, cv_make_int(1), 200, &r), CVE_OK);   /* beyond 128 bits */
    ck_assert_int_eq(cv_shift(T_SHR, r, 199, &r), CVE_OK);
    ck_assert(r.kind == CV_INT && r.u.i == 2);
    ck_assert_int_eq(cv_shift(T_SHL, cv_make_int(1), 20000, &r), CVE_OVERFLOW);
    ck_assert_int_eq(cv_shift(T_SHR, cv_make_int(-8), 1, &r), CVE_OK);
    ck_assert(r.u.i == -4);
    ck_assert_int_eq(cv_binary(T_ADD, cv_make_string("ab", 2), cv_make_string("c", 1), false, &r),
                     CVE_OK);
    ck_assert_int_eq((int)r.u.str.len, 3);
    ck_assert(memcmp(r.u.str.s, "abc", 3) == 0);
    ck_assert_int_eq(cv_unary(T_XOR, cv_make_int(1), 8, &r), CVE_OK);
    ck_assert(r.u.i == 254);
    ck_assert_int_eq(cv_unary(T_XOR, cv_make_int(1), 0, &r), CVE_OK);
    ck_assert(r.u.i == -2);
    ck_assert(cv_compare(T_LSS, cv_make_int(1), cv_make_float(1.5)));
    ck_assert(cv_compare(T_GTR, cv_make_string("b", 1), cv_make_string("abc", 3)));
}
END_TEST

START_TEST(representability) {
    ConstVal out;
    ck_assert_int_eq(cv_represent(cv_make_int(300), type_basic(K_INT8), &out), CVR_OVERFLOW);
    ck_assert_int_eq(cv_represent(cv_make_int(-128), type_basic(K_INT8), &out), CVR_OK);
    ck_assert_int_eq(cv_represent(cv_make_int(256), type_basic(K_UINT8), &out), CVR_OVERFLOW);
    ck_assert_int_eq(cv_represent(cv_make_int(-1), type_basic(K_UINT), &out), CVR_OVERFLOW);
    ck_assert_int_eq(cv_represent(cv_make_float(1.5), INT(), &out), CVR_TRUNCATED);
    ck_assert_int_eq(cv_represent(cv_make_float(2.0), INT(), &out), CVR_OK);
    ck_assert(out.kind == CV_INT && out.u.i == 2);
    ck_assert_int_eq(cv_represent(cv_make_int(3), type_basic(K_FLOAT64), &out), CVR_OK);
    ck_assert(out.kind == CV_FLOAT && cv_float64(out) == 3.0);
    ck_assert_int_eq(cv_represent(cv_make_string("a", 1), INT(), &out), CVR_MISMATCH);
    ck_assert_int_eq(cv_represent(cv_make_float(1e39), type_basic(K_FLOAT32), &out), CVR_OVERFLOW);
    ck_assert_int_eq(cv_represent(cv_make_int((__int128)1 << 70), type_basic(K_UNTYPED_INT), &out),
                     CVR_OK);
}
END_TEST

START_TEST(value_spelling) {
    ck_assert_str_eq(cv_string(cv_make_int(-42)), "-42");
    ck_assert_str_eq(cv_string(cv_make_float(1.5)), "1.5");
    ck_assert_str_eq(cv_string(cv_make_float(300.0)), "300");
    ck_assert_str_eq(cv_string(cv_make_float(0.1)), "0.1");
    ck_assert_str_eq(cv_string(cv_make_bool(true)), "true");
    ck_assert_str_eq(cv_string(cv_make_string("a\"b\n", 4)), "\"a\\\"b\\n\"");
    char long_s[100];
    memset(long_s, 'x', sizeof long_s);
    const char *q = cv_string(cv_make_string(long_s, 100));
    ck_assert_int_eq((int)strlen(q), 72);
    ck_assert_str_eq(q + 69, "...");
}
END_TEST

Suite *types_suite(void) {
    Suite *s = suite_create("types");
    TCase *tc = tcase_create("types");
    tcase_add_test(tc, interning_gives_identity);
    tcase_add_test(tc, struct_offsets_and_identity);
    tcase_add_test(tc, named_types_are_distinct);
    tcase_add_test(tc, type_strings_reflect);
    tcase_add_test(tc, type_strings_checker);
    tcase_add_test(tc, interfaces_sorted_and_error);
    tcase_add_test(tc, strings_and_methods);
    tcase_add_test(tc, literals);
    tcase_add_test(tc, arithmetic);
    tcase_add_test(tc, representability);
    tcase_add_test(tc, value_spelling);
    suite_add_tcase(s, tc);
    return s;
}
