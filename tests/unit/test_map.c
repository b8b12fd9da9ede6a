/* test_map.c — runtime/map.c: insert, lookup, delete, clear, growth, keys of
 * every comparison kind, and iteration under concurrent modification. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../runtime/rt.h"

static Map *int_map(void) {
    return map_new(type_map(type_basic(K_INT), type_basic(K_INT)), 0);
}

static void put_int(Map *m, int64_t k, int64_t v) {
    Slot key = {.i = k};
    map_set(m, &key, NULL)->i = v;
}

static Slot *get_int(Map *m, int64_t k) {
    Slot key = {.i = k};
    return map_get(m, &key, NULL);
}

static Slot skey(const char *s) { return (Slot){.p = str_from_cstr(s)}; }

START_TEST(test_map_basic) {
    Map *m = int_map();
    ck_assert_int_eq(map_len(m), 0);
    ck_assert_ptr_null(get_int(m, 1));
    put_int(m, 1, 10);
    put_int(m, 2, 20);
    put_int(m, 1, 11); /* update, not insert */
    ck_assert_int_eq(map_len(m), 2);
    ck_assert_int_eq(get_int(m, 1)->i, 11);
    ck_assert_int_eq(get_int(m, 2)->i, 20);
    Slot k = {.i = 1};
    map_delete(m, &k, NULL);
    ck_assert_ptr_null(get_int(m, 1));
    ck_assert_int_eq(map_len(m), 1);
    map_delete(m, &k, NULL); /* deleting a missing key is a no-op */
    ck_assert_int_eq(map_len(m), 1);
    ck_assert_ptr_null(map_get(NULL, &k, NULL)); /* nil map reads */
    ck_assert_int_eq(map_len(NULL), 0);
}
END_TEST

START_TEST(test_map_new_entry_zero) {
    Map *m = map_new(type_map(type_basic(K_STRING), type_basic(K_INT)), 4);
    Slot k = skey("a");
    Slot *v = map_set(m, &k, NULL);
    ck_assert_int_eq(v->i, 0);
    v->i = 5;
    map_delete(m, &k, NULL);
    ck_assert_int_eq(map_set(m, &k, NULL)->i, 0); /* re-inserted: zero again */
}
END_TEST

START_TEST(test_map_growth) {
    Map *m = int_map();
    for (int i = 0; i < 100000; i++)
        put_int(m, i * 7, i);
    ck_assert_int_eq(map_len(m), 100000);
    for (int i = 0; i < 100000; i += 3) {
        Slot k = {.i = i * 7};
        map_delete(m, &k, NULL);
    }
    int ok = 1;
    for (int i = 0; i < 100000; i++) {
        Slot *v = get_int(m, i * 7);
        if (i % 3 == 0 ? v != NULL : (v == NULL || v->i != i))
            ok = 0;
    }
    ck_assert(ok);
    ck_assert_int_eq(map_len(m), 66666);
}
END_TEST

START_TEST(test_map_churn) {
    /* insert/delete churn at a steady size must keep working (rebuilds
     * that compact instead of growing) */
    Map *m = int_map();
    for (int i = 0; i < 200000; i++) {
        put_int(m, i, i);
        if (i >= 10) {
            Slot k = {.i = i - 10};
            map_delete(m, &k, NULL);
        }
    }
    ck_assert_int_eq(map_len(m), 10);
    ck_assert_int_eq(get_int(m, 199999)->i, 199999);
    ck_assert_ptr_null(get_int(m, 5));
}
END_TEST

START_TEST(test_map_string_keys) {
    Map *m = map_new(type_map(type_basic(K_STRING), type_basic(K_INT)), 0);
    char buf[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        Slot k = skey(buf);
        map_set(m, &k, NULL)->i = i;
    }
    Slot k = {.p = str_concat(str_from_cstr("key"), str_from_cstr("123"))};
    ck_assert_int_eq(map_get(m, &k, NULL)->i, 123);
    Slot empty = {.p = NULL};
    ck_assert_ptr_null(map_get(m, &empty, NULL));
    map_set(m, &empty, NULL)->i = -1;
    ck_assert_int_eq(map_get(m, &empty, NULL)->i, -1);
}
END_TEST

START_TEST(test_map_float_keys) {
    Map *m = map_new(type_map(type_basic(K_FLOAT64), type_basic(K_INT)), 0);
    Slot pz = {.f = 0.0}, nz = {.f = -0.0}, nan = {.f = NAN};
    map_set(m, &pz, NULL)->i = 1;
    ck_assert_int_eq(map_get(m, &nz, NULL)->i, 1); /* -0 == +0 */
    map_set(m, &nan, NULL)->i = 2;
    map_set(m, &nan, NULL)->i = 3; /* each NaN is a new key */
    ck_assert_int_eq(map_len(m), 3);
    ck_assert_ptr_null(map_get(m, &nan, NULL));
    int n = 0;
    MapIter it;
    Slot *k, *v;
    map_iter_init(m, &it, 12345);
    while (map_iter_next(&it, &k, &v))
        n++;
    ck_assert_int_eq(n, 3);
    map_clear(m);
    ck_assert_int_eq(map_len(m), 0);
}
END_TEST

START_TEST(test_map_struct_and_iface_keys) {
    Field f[2] = {{.name = str_intern("X"), .type = type_basic(K_INT)},
                  {.name = str_intern("S"), .type = type_basic(K_STRING)}};
    Type *pt = type_struct(f, 2);
    Map *m = map_new(type_map(pt, type_basic(K_INT)), 0);
    Slot k1[2] = {{.i = 1}, skey("a")}, k2[2] = {{.i = 1}, skey("a")};
    map_set(m, k1, NULL)->i = 7;
    ck_assert_int_eq(map_get(m, k2, NULL)->i, 7);
    Map *im = map_new(type_map(type_any(), type_basic(K_INT)), 0);
    Slot one = {.i = 1};
    Slot a = {.p = rt_iface(type_basic(K_INT), one)};
    Slot b = {.p = rt_iface(type_basic(K_INT64), one)};
    map_set(im, &a, NULL)->i = 1;
    map_set(im, &b, NULL)->i = 2;
    ck_assert_int_eq(map_len(im), 2); /* int(1) and int64(1) differ */
    Slot a2 = {.p = rt_iface(type_basic(K_INT), one)};
    ck_assert_int_eq(map_get(im, &a2, NULL)->i, 1);
    Type *bad = NULL;
    Type *sl = type_slice(type_basic(K_INT));
    Slot s = {.p = rt_iface(sl, (Slot){.p = NULL})};
    ck_assert_ptr_null(map_set(im, &s, &bad));
    ck_assert_ptr_eq(bad, sl); /* hash of unhashable type []int */
    ck_assert_int_eq(map_len(im), 2);
}
END_TEST

/* Iterates m fully; counts[k] gets how often key k was produced. */
static int iterate(Map *m, int *counts, int nkeys, uint64_t seed) {
    MapIter it;
    Slot *k, *v;
    int n = 0;
    map_iter_init(m, &it, seed);
    while (map_iter_next(&it, &k, &v)) {
        ck_assert_int_eq(k->i, v->i);
        if (k->i >= 0 && k->i < nkeys)
            counts[k->i]++;
        n++;
    }
    return n;
}

START_TEST(test_map_iter_all_once) {
    Map *m = int_map();
    for (int i = 0; i < 500; i++)
        put_int(m, i, i);
    int counts[500] = {0};
    ck_assert_int_eq(iterate(m, counts, 500, 77), 500);
    for (int i = 0; i < 500; i++)
        ck_assert_int_eq(counts[i], 1);
}
END_TEST

START_TEST(test_map_iter_random_order) {
    Map *m = int_map();
    for (int i = 0; i < 50; i++)
        put_int(m, i, i);
    int firsts[50] = {0}, distinct = 0;
    for (int r = 0; r < 40; r++) {
        MapIter it;
        Slot *k, *v;
        map_iter_init(m, &it, rt_rand64());
        ck_assert(map_iter_next(&it, &k, &v));
        if (firsts[k->i]++ == 0)
            distinct++;
    }
    ck_assert_int_gt(distinct, 5);
}
END_TEST

START_TEST(test_map_iter_delete_during) {
    Map *m = int_map();
    for (int i = 0; i < 100; i++)
        put_int(m, i, i);
    int seen[100] = {0}, deleted[100] = {0};
    MapIter it;
    Slot *k, *v;
    map_iter_init(m, &it, 5);
    while (map_iter_next(&it, &k, &v)) {
        int key = (int)k->i;
        ck_assert(!deleted[key]);
        seen[key]++;
        /* delete some other not-yet-seen key each step */
        for (int j = 0; j < 100; j++)
            if (!seen[j] && !deleted[j]) {
                Slot dk = {.i = j};
                map_delete(m, &dk, NULL);
                deleted[j] = 1;
                break;
            }
    }
    for (int i = 0; i < 100; i++)
        ck_assert_int_le(seen[i], 1);
}
END_TEST

START_TEST(test_map_iter_insert_during) {
    /* inserting forces several rebuilds mid-iteration: every original key
     * must still be produced exactly once */
    Map *m = int_map();
    for (int i = 0; i < 64; i++)
        put_int(m, i, i);
    int seen[64] = {0};
    MapIter it;
    Slot *k, *v;
    int next = 1000, n = 0;
    map_iter_init(m, &it, 99);
    while (map_iter_next(&it, &k, &v)) {
        if (k->i < 64)
            seen[k->i]++;
        for (int j = 0; j < 50; j++, next++)
            put_int(m, next, next);
        if (++n > 100000)
            break;
    }
    for (int i = 0; i < 64; i++)
        ck_assert_int_eq(seen[i], 1);
}
END_TEST

START_TEST(test_map_iter_delete_after_rebuild) {
    Map *m = int_map();
    for (int i = 0; i < 20; i++)
        put_int(m, i, i);
    MapIter it;
    Slot *k, *v;
    map_iter_init(m, &it, 0);
    ck_assert(map_iter_next(&it, &k, &v));
    int first = (int)k->i;
    for (int j = 100; j < 1000; j++) /* rebuild */
        put_int(m, j, j);
    for (int j = 0; j < 20; j++)
        if (j != first) {
            Slot dk = {.i = j};
            map_delete(m, &dk, NULL);
        }
    ck_assert(!map_iter_next(&it, &k, &v) || k->i >= 100);
}
END_TEST

START_TEST(test_map_clear_during_iter) {
    Map *m = int_map();
    for (int i = 0; i < 30; i++)
        put_int(m, i, i);
    MapIter it;
    Slot *k, *v;
    map_iter_init(m, &it, 3);
    ck_assert(map_iter_next(&it, &k, &v));
    map_clear(m);
    ck_assert(!map_iter_next(&it, &k, &v));
    ck_assert_int_eq(map_len(m), 0);
    put_int(m, 1, 1);
    ck_assert_int_eq(get_int(m, 1)->i, 1);
}
END_TEST

Suite *map_suite(void) {
    Suite *s = suite_create("map");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_map_basic);
    tcase_add_test(tc, test_map_new_entry_zero);
    tcase_add_test(tc, test_map_growth);
    tcase_add_test(tc, test_map_churn);
    tcase_add_test(tc, test_map_string_keys);
    tcase_add_test(tc, test_map_float_keys);
    tcase_add_test(tc, test_map_struct_and_iface_keys);
    tcase_add_test(tc, test_map_iter_all_once);
    tcase_add_test(tc, test_map_iter_random_order);
    tcase_add_test(tc, test_map_iter_delete_during);
    tcase_add_test(tc, test_map_iter_insert_during);
    tcase_add_test(tc, test_map_iter_delete_after_rebuild);
    tcase_add_test(tc, test_map_clear_during_iter);
    suite_add_tcase(s, tc);
    return s;
}
