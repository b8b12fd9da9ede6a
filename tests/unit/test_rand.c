/*
 * test_rand.c — unit tests of package math/rand's natives (stdlib/math/rand/rand.c).
 * Expected numbers are what Go 1.19 prints for the same seeds and calls
 * (rand.New(rand.NewSource(seed)) and the seeded top-level functions).
 * The natives are looked up in math_rand_natives directly, so the suite does not
 * depend on lib.c's registry. Panicking paths need a fiber: they are left to
 * the script tests.
 */
#include <check.h>
#include <string.h>
#include "../../stdlib/lib.h"

/* math_rand.c exports these for tests (not part of any header). */
extern const NativeEntry math_rand_natives[];
extern const int64_t rand_cooked[607];
void rand_compute_cooked(int64_t out[607]);

enum { RNG_SLOTS = 2 + 607 };

static NativeFn find(const char *name) {
    for (const NativeEntry *e = math_rand_natives; e->name; e++)
        if (strcmp(e->name, name) == 0)
            return e->fn;
    ck_abort_msg("native %s not in math_rand_natives", name);
    return NULL;
}

/* Calls a native with up to two arguments; returns the first result. */
static Slot call2(const char *name, Slot x, Slot y) {
    Slot a[4] = {x, y};
    ck_assert_int_eq(find(name)(NULL, a), NATIVE_OK);
    return a[0];
}

static Slot call1(const char *name, int64_t x) {
    return call2(name, (Slot){.i = x}, (Slot){0});
}

static Slot call0(const char *name) { return call1(name, 0); }

/* A fresh rngSource (its slots) seeded like rand.NewSource(seed). */
static Slot *new_source(int64_t seed) {
    Slot *s = gc_alloc(RNG_SLOTS * sizeof(Slot));
    call2("rand.(*rngSource).Seed", (Slot){.p = s}, (Slot){.i = seed});
    return s;
}

static int64_t src_int63(Slot *s) {
    return call2("rand.(*rngSource).Int63", (Slot){.p = s}, (Slot){0}).i;
}

/* ---- the generator ---------------------------------------------------------- */

START_TEST(t_cooked_table_is_regenerated) {
    int64_t *mine = gc_alloc(607 * sizeof(int64_t));
    rand_compute_cooked(mine);
    for (int i = 0; i < 607; i++)
        ck_assert_msg(mine[i] == rand_cooked[i], "cooked[%d] differs", i);
    ck_assert_int_eq(rand_cooked[0], -4181792142133755926LL);
}
END_TEST

START_TEST(t_source_sequences_match_go) {
    static const struct { int64_t seed, v[3]; } want[] = {
        {1, {5577006791947779410LL, 8674665223082153551LL, 6129484611666145821LL}},
        {42, {3440579354231278675LL, 608747136543856411LL, 5571782338101878760LL}},
        {-5, {1811683815564572222LL, 4427849682616757295LL, 188166459856594692LL}},
        {1LL << 40, {5470237361722394362LL, 6322525149314491254LL, 1177463506020107830LL}},
        {123456789, {7055677286880612149LL, 7426493329629827560LL, 7010594055596883021LL}},
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        Slot *s = new_source(want[k].seed);
        for (int i = 0; i < 3; i++)
            ck_assert_msg(src_int63(s) == want[k].v[i], "seed %lld value %d",
                          (long long)want[k].seed, i);
    }
}
END_TEST

/* Seed 0 and seed 2^31-1 both become the LCG's substitute seed. */
START_TEST(t_seed_zero_and_modulus_alias) {
    Slot *a = new_source(0), *b = new_source(2147483647);
    ck_assert_int_eq(src_int63(a), 8717895732742165505LL);
    ck_assert_int_eq(src_int63(b), 8717895732742165505LL);
    ck_assert_int_eq(src_int63(a), src_int63(b));
}
END_TEST

START_TEST(t_source_uint64_and_reseed) {
    Slot *s = new_source(7);
    uint64_t u = call2("rand.(*rngSource).Uint64", (Slot){.p = s}, (Slot){0}).u;
    Slot *t = new_source(7);
    ck_assert_uint_eq(u & INT64_MAX, (uint64_t)src_int63(t));
    call2("rand.(*rngSource).Seed", (Slot){.p = s}, (Slot){.i = 7});
    ck_assert_int_eq(src_int63(s), (int64_t)(u & INT64_MAX));
}
END_TEST

/* A zero rngSource (never seeded) yields zeros, as Go's does. */
START_TEST(t_zero_source_is_safe) {
    Slot *s = gc_alloc(RNG_SLOTS * sizeof(Slot));
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(src_int63(s), 0);
}
END_TEST

/* ---- derived values through the seeded global source -------------------------- */

static void seed_global(int64_t seed) { call1("rand.Seed", seed); }

START_TEST(t_global_seed_42_sequence) {
    seed_global(42);
    ck_assert_int_eq(call1("rand.Intn", 100).i, 5);
    ck_assert_int_eq(call0("rand.Int63").i, 608747136543856411LL);
    Slot p = call1("rand.Perm", 5);
    Slice *m = p.p;
    int64_t want[5] = {1, 3, 4, 2, 0};
    ck_assert_int_eq(m->len, 5);
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(m->data[i].i, want[i]);
    ck_assert_double_eq(call0("rand.Float64").f, 0.38444584994446157);
}
END_TEST

START_TEST(t_global_read_then_int) {
    seed_global(42);
    call1("rand.Intn", 100);
    call0("rand.Int63");
    call1("rand.Perm", 5);
    call0("rand.Float64");
    Slice *b = slice_new(type_basic(K_UINT8), 3, 3);
    Slot a[2] = {{.p = b}};
    ck_assert_int_eq(find("rand.Read")(NULL, a), NATIVE_OK);
    ck_assert_int_eq(a[0].i, 3);
    ck_assert_ptr_null(a[1].p);
    ck_assert_int_eq(b->data[0].u, 132);
    ck_assert_int_eq(b->data[1].u, 26);
    ck_assert_int_eq(b->data[2].u, 203);
    ck_assert_int_eq(call0("rand.Int").i, 5961769557461764184LL);
}
END_TEST

/* Every method in the order Go's test program called them (seed 1 and 7). */
static void check_methods(int64_t seed, const int64_t ints[14], double f1,
                          double f2, float f3, const int64_t perm[10]) {
    seed_global(seed);
    int64_t got[14] = {
        call1("rand.Intn", 100).i, call1("rand.Intn", 7).i,
        call1("rand.Intn", 1LL << 40).i, call1("rand.Intn", 1000000007).i,
        call1("rand.Int31n", 10).i, call1("rand.Int31n", 1 << 20).i,
        call1("rand.Int31n", 1000).i, call1("rand.Int63n", 1000000000000LL).i,
        call1("rand.Int63n", 1LL << 50).i, call1("rand.Int63n", 3).i,
        call0("rand.Int").i, call0("rand.Int31").i, call0("rand.Uint32").i,
        call0("rand.Uint64").i,
    };
    for (int i = 0; i < 14; i++)
        ck_assert_msg(got[i] == ints[i], "seed %lld: call %d = %lld, want %lld",
                      (long long)seed, i, (long long)got[i], (long long)ints[i]);
    ck_assert_double_eq(call0("rand.Float64").f, f1);
    ck_assert_double_eq(call0("rand.Float64").f, f2);
    ck_assert_float_eq((float)call0("rand.Float32").f, f3);
    Slice *m = call1("rand.Perm", 10).p;
    for (int i = 0; i < 10; i++)
        ck_assert_int_eq(m->data[i].i, perm[i]);
}

START_TEST(t_every_method_seed_1) {
    static const int64_t ints[14] = {
        81, 2, 856419562013LL, 939984059, 1, 643462, 425, 317331776148LL,
        421423150073760LL, 2, 4751997750760398084LL, 1747278511, 920256325,
        3510942875414458836LL};
    static const int64_t perm[10] = {0, 4, 5, 3, 1, 2, 6, 9, 7, 8};
    check_methods(1, ints, 0.31805817433032985, 0.4688898449024232,
                  0.28303415f, perm);
}
END_TEST

START_TEST(t_every_method_seed_7) {
    static const int64_t ints[14] = {
        86, 6, 743472712662LL, 957564856, 2, 343284, 272, 52629424482LL,
        424104164654259LL, 1, 4231909740397749873LL, 835283281, 622577141,
        7828466657936733952LL};
    static const int64_t perm[10] = {3, 9, 2, 8, 1, 7, 4, 0, 5, 6};
    check_methods(7, ints, 0.14608054955231645, 0.18001912163068817,
                  0.6956891f, perm);
}
END_TEST

/* Uint64 on the global source is the full 64-bit word (top bit included). */
START_TEST(t_uint64_full_width_seed_minus_3) {
    static const int64_t ints[14] = {
        52, 2, 135797803633LL, 497176838, 7, 691155, 155, 43987110998LL,
        134447332783138LL, 0, 5996231596497750379LL, 438849072, 784941620,
        (int64_t)15224264436833136917ULL};
    static const int64_t perm[10] = {8, 4, 2, 3, 0, 1, 7, 6, 5, 9};
    check_methods(-3, ints, 0.03994999168568329, 0.5231862206985094,
                  0.5009126f, perm);
}
END_TEST

/* Unseeded, the global source starts somewhere random but stays in range. */
START_TEST(t_ranges_hold) {
    for (int i = 0; i < 2000; i++) {
        int64_t v = call1("rand.Intn", 10).i;
        ck_assert(v >= 0 && v < 10);
        double f = call0("rand.Float64").f;
        ck_assert(f >= 0 && f < 1);
        ck_assert_int_ge(call0("rand.Int63").i, 0);
        ck_assert_int_ge(call0("rand.Int31").i, 0);
    }
    Slice *m = call1("rand.Perm", 0).p;
    ck_assert_int_eq(slice_len(m), 0);
}
END_TEST

/* Perm(n) is a permutation of 0..n-1 for every n. */
START_TEST(t_perm_is_permutation) {
    for (int64_t n = 1; n <= 40; n++) {
        Slice *m = call1("rand.Perm", n).p;
        bool seen[40] = {false};
        for (int64_t i = 0; i < n; i++) {
            ck_assert(m->data[i].i >= 0 && m->data[i].i < n);
            ck_assert(!seen[m->data[i].i]);
            seen[m->data[i].i] = true;
        }
    }
}
END_TEST

/* Reseeding restarts the sequence, Read's leftover bytes included. */
START_TEST(t_reseed_restarts_read) {
    Slice *b1 = slice_new(type_basic(K_UINT8), 5, 5);
    Slice *b2 = slice_new(type_basic(K_UINT8), 5, 5);
    seed_global(11);
    Slot a[2] = {{.p = b1}};
    find("rand.Read")(NULL, a);
    seed_global(11);
    Slot c[2] = {{.p = b2}};
    find("rand.Read")(NULL, c);
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(b1->data[i].u, b2->data[i].u);
    int64_t x = call0("rand.Int63").i;
    seed_global(11);
    call0("rand.Int63");
    ck_assert_int_eq(call0("rand.Int63").i, x); /* 5 bytes used one draw */
}
END_TEST

Suite *rand_suite(void) {
    Suite *s = suite_create("rand");
    TCase *tc = tcase_create("math/rand");
    tcase_add_test(tc, t_cooked_table_is_regenerated);
    tcase_add_test(tc, t_source_sequences_match_go);
    tcase_add_test(tc, t_seed_zero_and_modulus_alias);
    tcase_add_test(tc, t_source_uint64_and_reseed);
    tcase_add_test(tc, t_zero_source_is_safe);
    tcase_add_test(tc, t_global_seed_42_sequence);
    tcase_add_test(tc, t_global_read_then_int);
    tcase_add_test(tc, t_every_method_seed_1);
    tcase_add_test(tc, t_every_method_seed_7);
    tcase_add_test(tc, t_uint64_full_width_seed_minus_3);
    tcase_add_test(tc, t_ranges_hold);
    tcase_add_test(tc, t_perm_is_permutation);
    tcase_add_test(tc, t_reseed_restarts_read);
    suite_add_tcase(s, tc);
    return s;
}
