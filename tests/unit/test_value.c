/* test_value.c — strings, UTF-8, slices (Go's growth) and value operations
 * (runtime/str.c, runtime/value.c). Expected capacities are what Go 1.19
 * prints for the same appends. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "../../runtime/rt.h"

static Str *S(const char *s) { return str_from_cstr(s); }

static Type *struct_of(Type **ts, int n) {
    static const char *names[] = {"A", "B", "C", "D"};
    Field f[4];
    memset(f, 0, sizeof f);
    for (int i = 0; i < n; i++) {
        f[i].name = str_intern(names[i]);
        f[i].type = ts[i];
    }
    return type_struct(f, n);
}

/* ---- strings --------------------------------------------------------------- */

START_TEST(test_str_basics) {
    ck_assert_ptr_null(str_new("x", 0));
    ck_assert_ptr_null(S(""));
    Str *a = S("hello"), *b = S(", world");
    Str *c = str_concat(a, b);
    ck_assert_int_eq(str_len(c), 12);
    ck_assert_str_eq(str_cstr(c), "hello, world");
    ck_assert_ptr_eq(str_concat(a, NULL), a);
    ck_assert_ptr_eq(str_concat(NULL, b), b);
    Str *sub = str_substr(c, 7, 12);
    ck_assert_ptr_eq(sub->data, c->data + 7); /* shares bytes */
    ck_assert(str_equal(sub, S("world")));
    ck_assert_ptr_null(str_substr(c, 3, 3));
    ck_assert(str_equal(NULL, S("")));
    ck_assert(!str_equal(a, b));
}
END_TEST

START_TEST(test_str_compare) {
    ck_assert_int_lt(str_compare(S("abc"), S("abd")), 0);
    ck_assert_int_gt(str_compare(S("abcd"), S("abc")), 0);
    ck_assert_int_eq(str_compare(S("abc"), S("abc")), 0);
    ck_assert_int_lt(str_compare(NULL, S("a")), 0);
    ck_assert_int_eq(str_compare(NULL, NULL), 0);
    /* bytes compare unsigned, like Go */
    ck_assert_int_gt(str_compare(S("\xff"), S("a")), 0);
}
END_TEST

START_TEST(test_utf8_decode) {
    int size;
    ck_assert_int_eq(utf8_decode("A", 1, &size), 'A');
    ck_assert_int_eq(size, 1);
    ck_assert_int_eq(utf8_decode("\xc3\xa9", 2, &size), 0xE9);
    ck_assert_int_eq(size, 2);
    ck_assert_int_eq(utf8_decode("\xe4\xb8\x96", 3, &size), 0x4E16);
    ck_assert_int_eq(size, 3);
    ck_assert_int_eq(utf8_decode("\xf0\x9f\x98\x80", 4, &size), 0x1F600);
    ck_assert_int_eq(size, 4);
    /* invalid: stray continuation, overlong, surrogate, truncated, > max */
    const char *bad[] = {"\x80", "\xc0\x80", "\xed\xa0\x80", "\xe4\xb8",
                         "\xf4\x90\x80\x80", "\xff"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(utf8_decode(bad[i], (int64_t)strlen(bad[i]), &size), 0xFFFD);
        ck_assert_int_eq(size, 1);
    }
}
END_TEST

START_TEST(test_utf8_encode) {
    char buf[4];
    ck_assert_int_eq(utf8_encode(buf, 0x7F), 1);
    ck_assert_int_eq(utf8_encode(buf, 0x20AC), 3);
    ck_assert(memcmp(buf, "\xe2\x82\xac", 3) == 0);
    ck_assert_int_eq(utf8_encode(buf, 0x10FFFF), 4);
    ck_assert_int_eq(utf8_encode(buf, 0xD800), 3); /* surrogate -> U+FFFD */
    ck_assert(memcmp(buf, "\xef\xbf\xbd", 3) == 0);
    ck_assert_int_eq(utf8_encode(buf, -1), 3);
    ck_assert(str_equal(str_from_rune(0x110000), S("\xef\xbf\xbd")));
    ck_assert(str_equal(str_from_rune(0x4E16), S("\xe4\xb8\x96")));
}
END_TEST

START_TEST(test_str_conversions) {
    Str *s = S("h\xc3\xa9!");
    Slice *b = str_to_bytes(s);
    ck_assert_int_eq(b->len, 4);
    ck_assert_int_eq(b->cap, 8); /* rounded to a size class, as Go */
    ck_assert_int_eq(b->data[1].i, 0xC3);
    ck_assert(str_equal(str_from_bytes(b), s));
    Slice *r = str_to_runes(s);
    ck_assert_int_eq(r->len, 3);
    ck_assert_int_eq(r->data[1].i, 0xE9);
    ck_assert(str_equal(str_from_runes(r), s));
    ck_assert_int_eq(slice_len(str_to_runes(S("a\xff"))), 2);
    ck_assert_ptr_null(str_from_bytes(NULL));
}
END_TEST

START_TEST(test_strbuf) {
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < 100; i++)
        sb_putc(&b, 'x');
    sb_puts(&b, "yz");
    sb_printf(&b, "%d-%s", 42, "ok");
    ck_assert_int_eq(b.len, 107);
    Str *s = sb_str(&b);
    ck_assert(str_equal(str_substr(s, 100, 107), S("yz42-ok")));
    StrBuf big;
    sb_init(&big);
    char pad[600];
    memset(pad, 'p', sizeof pad - 1);
    pad[sizeof pad - 1] = 0;
    sb_printf(&big, "<%s>", pad); /* longer than the printf fast path */
    ck_assert_int_eq(big.len, 601);
}
END_TEST

/* ---- slices ---------------------------------------------------------------- */

START_TEST(test_grow_cap) {
    /* caps Go prints appending one element at a time */
    int64_t want_int[] = {1, 2, 4, 4, 8, 8, 8, 8, 16};
    Slice *s = NULL;
    Type *ti = type_basic(K_INT);
    for (int i = 0; i < 9; i++) {
        Slot v = {.i = i};
        s = slice_append(ti, s, &v, 1);
        ck_assert_int_eq(s->cap, want_int[i]);
    }
    ck_assert_int_eq(s->data[8].i, 8);
    ck_assert_int_eq(slice_grow_cap(0, 1, 1), 8);         /* []byte */
    ck_assert_int_eq(slice_grow_cap(0, 1, 16), 1);        /* []string */
    ck_assert_int_eq(slice_grow_cap(2, 3, 16), 4);
    ck_assert_int_eq(slice_grow_cap(256, 257, 8), 512);
    ck_assert_int_eq(slice_grow_cap(512, 513, 8), 848);   /* 1.25x + size class */
    ck_assert_int_eq(slice_grow_cap(5, 13, 8), 14);       /* append(5 elems, 8 more) */
    ck_assert_int_eq(slice_grow_cap(0, 3, 24), 3);
    ck_assert_int_eq(slice_grow_cap(4096, 4097, 8), 6144);  /* whole pages */
}
END_TEST

START_TEST(test_go_sizeof) {
    ck_assert_int_eq(type_gosize(type_basic(K_INT)), 8);
    ck_assert_int_eq(type_gosize(type_basic(K_UINT8)), 1);
    ck_assert_int_eq(type_gosize(type_basic(K_STRING)), 16);
    ck_assert_int_eq(type_gosize(type_slice(type_basic(K_INT))), 24);
    ck_assert_int_eq(type_gosize(type_any()), 16);
    Type *q[3] = {type_basic(K_UINT8), type_basic(K_INT32), type_basic(K_UINT8)};
    ck_assert_int_eq(type_gosize(struct_of(q, 3)), 12);
    ck_assert_int_eq(type_gosize(type_array(type_basic(K_INT16), 5)), 10);
}
END_TEST

START_TEST(test_append_shares_and_copies) {
    Type *ti = type_basic(K_INT);
    Slice *s = slice_new(ti, 2, 4);
    Slot v[2] = {{.i = 7}, {.i = 8}};
    Slice *t = slice_append(ti, s, v, 2);
    ck_assert_ptr_eq(t->data, s->data); /* fits: same backing array */
    ck_assert_int_eq(s->len, 2);        /* headers are immutable */
    Slice *u = slice_append(ti, t, v, 1);
    ck_assert_ptr_ne(u->data, t->data); /* grew: fresh array */
    ck_assert_int_eq(u->cap, 8);
    ck_assert_int_eq(u->data[3].i, 8);
    ck_assert_ptr_eq(slice_append(ti, NULL, v, 0), NULL);
    /* multi-slot elements */
    Type *p2[2] = {ti, ti};
    Type *pt = struct_of(p2, 2);
    Slot pv[6] = {{.i = 1}, {.i = 2}, {.i = 3}, {.i = 4}, {.i = 5}, {.i = 6}};
    Slice *ps = slice_append(pt, NULL, pv, 3);
    ck_assert_int_eq(ps->len, 3);
    ck_assert_int_eq(ps->cap, 3);
    ck_assert_int_eq(ps->data[5].i, 6);
}
END_TEST

/* ---- value ops --------------------------------------------------------------- */

START_TEST(test_load_store_iface) {
    Type *ti = type_basic(K_INT);
    Type *p2[2] = {ti, type_basic(K_STRING)};
    Type *pt = struct_of(p2, 2);
    Slot mem[2] = {{.i = 5}, {.p = S("x")}};
    Slot r = rt_load(pt, mem);
    ck_assert_ptr_ne(r.p, mem);
    ck_assert_int_eq(((Slot *)r.p)[0].i, 5);
    Slot dst[2] = {{0}};
    rt_store(pt, dst, r);
    ck_assert_int_eq(dst[0].i, 5);
    Iface *x = rt_iface(pt, r);
    ck_assert_ptr_eq(x->type, pt);
    ((Slot *)r.p)[0].i = 99; /* the interface holds its own copy */
    ck_assert_int_eq(((Slot *)x->val.p)[0].i, 5);
    Slot ir = {.p = x};
    ck_assert_ptr_eq(rt_iface(type_any(), ir), x);
    Slot three = {.i = 3};
    ck_assert_int_eq(rt_iface(ti, three)->val.i, 3);
}
END_TEST

START_TEST(test_equal) {
    Type *bad = NULL;
    Type *tf = type_basic(K_FLOAT64);
    Slot pz = {.f = 0.0}, nz = {.f = -0.0}, nan = {.f = NAN};
    ck_assert(rt_equal(tf, &pz, &nz, &bad));
    ck_assert(!rt_equal(tf, &nan, &nan, &bad));
    Type *ts = type_basic(K_STRING);
    Slot a = {.p = S("abc")}, b = {.p = str_concat(S("ab"), S("c"))};
    ck_assert(rt_equal(ts, &a, &b, &bad));
    Type *arr = type_array(type_basic(K_INT), 3);
    Slot x[3] = {{.i = 1}, {.i = 2}, {.i = 3}}, y[3] = {{.i = 1}, {.i = 2}, {.i = 4}};
    ck_assert(!rt_equal(arr, x, y, &bad));
    y[2].i = 3;
    ck_assert(rt_equal(arr, x, y, &bad));
    ck_assert_ptr_null(bad);
}
END_TEST

START_TEST(test_iface_equal) {
    Type *bad = NULL;
    Slot one = {.i = 1};
    Iface *i1 = rt_iface(type_basic(K_INT), one);
    Iface *i2 = rt_iface(type_basic(K_INT), one);
    Iface *i64 = rt_iface(type_basic(K_INT64), one);
    ck_assert(rt_iface_equal(i1, i2, &bad));
    ck_assert(!rt_iface_equal(i1, i64, &bad)); /* different dynamic types */
    ck_assert(!rt_iface_equal(i1, NULL, &bad));
    ck_assert(rt_iface_equal(NULL, NULL, &bad));
    Type *sl = type_slice(type_basic(K_INT));
    Slot sv = {.p = slice_new(type_basic(K_INT), 1, 1)};
    Iface *s1 = rt_iface(sl, sv), *s2 = rt_iface(sl, sv);
    ck_assert(!rt_iface_equal(s1, i1, &bad)); /* types differ: no panic */
    ck_assert_ptr_null(bad);
    rt_iface_equal(s1, s2, &bad);
    ck_assert_ptr_eq(bad, sl); /* comparing uncomparable []int */
}
END_TEST

START_TEST(test_hash) {
    Type *bad = NULL;
    Type *ts = type_basic(K_STRING), *tf = type_basic(K_FLOAT64);
    Slot a = {.p = S("some key")}, b = {.p = str_concat(S("some "), S("key"))};
    ck_assert_uint_eq(rt_hash(ts, &a, 1, &bad), rt_hash(ts, &b, 1, &bad));
    ck_assert_uint_ne(rt_hash(ts, &a, 1, &bad), rt_hash(ts, &a, 2, &bad));
    Slot pz = {.f = 0.0}, nz = {.f = -0.0};
    ck_assert_uint_eq(rt_hash(tf, &pz, 9, &bad), rt_hash(tf, &nz, 9, &bad));
    Slot one = {.i = 1};
    Slot i1 = {.p = rt_iface(type_basic(K_INT), one)};
    Slot i2 = {.p = rt_iface(type_basic(K_INT), one)};
    ck_assert_uint_eq(rt_hash(type_any(), &i1, 3, &bad), rt_hash(type_any(), &i2, 3, &bad));
    ck_assert_ptr_null(bad);
    Type *mt = type_map(ts, ts);
    Slot mv = {.p = rt_iface(mt, (Slot){.p = NULL})};
    rt_hash(type_any(), &mv, 3, &bad);
    ck_assert_ptr_eq(bad, mt);
}
END_TEST

Suite *value_suite(void) {
    Suite *s = suite_create("value");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_str_basics);
    tcase_add_test(tc, test_str_compare);
    tcase_add_test(tc, test_utf8_decode);
    tcase_add_test(tc, test_utf8_encode);
    tcase_add_test(tc, test_str_conversions);
    tcase_add_test(tc, test_strbuf);
    tcase_add_test(tc, test_grow_cap);
    tcase_add_test(tc, test_go_sizeof);
    tcase_add_test(tc, test_append_shares_and_copies);
    tcase_add_test(tc, test_load_store_iface);
    tcase_add_test(tc, test_equal);
    tcase_add_test(tc, test_iface_equal);
    tcase_add_test(tc, test_hash);
    suite_add_tcase(s, tc);
    return s;
}
