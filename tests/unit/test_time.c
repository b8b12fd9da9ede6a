/*
 * test_time.c — unit tests of package time's natives (stdlib/time/time.c), called
 * through time_natives with hand-built Time/Location slots (layouts as in
 * time.go). Expected strings are what Go 1.19 prints for the same values.
 * Zone tests use fixed zones so they do not depend on the machine's TZ.
 */
#include <check.h>
#include <string.h>
#include "../../stdlib/lib.h"

extern const NativeEntry time_natives[];

/* Time and Location slot layouts (time.go). */
enum { T_SEC, T_NSEC, T_MONO, T_HASMONO, T_LOC, T_SLOTS };
#define UNIX_TO_INTERNAL 62135596800LL
#define MS 1000000LL
#define SEC 1000000000LL

static NativeFn find(const char *name) {
    for (const NativeEntry *e = time_natives; e->name; e++)
        if (strcmp(e->name, name) == 0)
            return e->fn;
    ck_abort_msg("native %s not in time_natives", name);
    return NULL;
}

static Str *S(const char *s) { return str_new(s, (int64_t)strlen(s)); }

static Slot call(const char *name, Slot x, Slot y) {
    Slot a[8] = {x, y};
    ck_assert_int_eq(find(name)(NULL, a), NATIVE_OK);
    return a[0];
}

#define ck_str(slot, want)                                                 \
    do {                                                                   \
        Str *got_ = (slot).p;                                              \
        ck_assert_msg(str_equal(got_, S(want)), "got \"%s\", want \"%s\"", \
                      str_cstr(got_), want);                               \
    } while (0)

/* Location: name, offset, local, tz (time.go). */
static Slot *fixed_zone(const char *name, int64_t offset) {
    Slot *l = gc_alloc(4 * sizeof(Slot));
    l[0].p = S(name);
    l[1].i = offset;
    return l;
}

/* A Time at Unix second `unix` + nsec, in loc (NULL = UTC). */
static Slot *mk_time(int64_t unix_sec, int64_t nsec, Slot *loc) {
    Slot *t = gc_alloc(T_SLOTS * sizeof(Slot));
    t[T_SEC].i = unix_sec + UNIX_TO_INTERNAL;
    t[T_NSEC].i = nsec;
    t[T_LOC].p = loc;
    return t;
}

static Slot format(Slot *t, const char *layout) {
    return call("time.Time.Format", (Slot){.p = t}, (Slot){.p = S(layout)});
}

static Slot dur_string(int64_t d) {
    return call("time.Duration.String", (Slot){.i = d}, (Slot){0});
}

/* ---- Duration --------------------------------------------------------------- */

START_TEST(t_duration_string) {
    ck_str(dur_string(0), "0s");
    ck_str(dur_string(1), "1ns");
    ck_str(dur_string(1000), "1\xc2\xb5s");
    ck_str(dur_string(1500), "1.5\xc2\xb5s");
    ck_str(dur_string(150 * MS), "150ms");
    ck_str(dur_string(1500 * MS), "1.5s");
    ck_str(dur_string(120 * SEC), "2m0s");
    ck_str(dur_string(3723 * SEC + 500 * MS), "1h2m3.5s");
    ck_str(dur_string(-1500 * MS), "-1.5s");
    ck_str(dur_string(100 * 3600 * SEC), "100h0m0s");
    ck_str(dur_string(INT64_MIN), "-2562047h47m16.854775808s");
    ck_str(dur_string(INT64_MAX), "2562047h47m16.854775807s");
    ck_str(dur_string(1001001), "1.001001ms");
}
END_TEST

START_TEST(t_duration_units) {
    ck_assert_double_eq(call("time.Duration.Seconds", (Slot){.i = 1500 * MS}, (Slot){0}).f, 1.5);
    ck_assert_double_eq(call("time.Duration.Minutes", (Slot){.i = 90 * SEC}, (Slot){0}).f, 1.5);
    ck_assert_double_eq(call("time.Duration.Hours", (Slot){.i = 5400 * SEC}, (Slot){0}).f, 1.5);
    /* whole units first keeps the low digits of huge durations */
    ck_assert_double_eq(call("time.Duration.Seconds", (Slot){.i = INT64_MAX}, (Slot){0}).f,
                        9223372036.854775807);
}
END_TEST

START_TEST(t_duration_round_truncate_abs) {
    Slot d = {.i = 1500 * MS}, s = {.i = SEC};
    ck_assert_int_eq(call("time.Duration.Round", d, s).i, 2 * SEC);
    ck_assert_int_eq(call("time.Duration.Round", (Slot){.i = -1500 * MS}, s).i, -2 * SEC);
    ck_assert_int_eq(call("time.Duration.Round", (Slot){.i = 1499 * MS}, s).i, SEC);
    ck_assert_int_eq(call("time.Duration.Truncate", d, s).i, SEC);
    ck_assert_int_eq(call("time.Duration.Truncate", (Slot){.i = -1500 * MS}, s).i, -SEC);
    ck_assert_int_eq(call("time.Duration.Round", d, (Slot){.i = 0}).i, 1500 * MS);
    /* saturates instead of overflowing */
    ck_assert_int_eq(call("time.Duration.Round", (Slot){.i = INT64_MAX}, s).i, INT64_MAX);
    ck_assert_int_eq(call("time.Duration.Abs", (Slot){.i = INT64_MIN}, (Slot){0}).i, INT64_MAX);
    ck_assert_int_eq(call("time.Duration.Abs", (Slot){.i = -5}, (Slot){0}).i, 5);
}
END_TEST

START_TEST(t_month_weekday_names) {
    ck_str(call("time.Month.String", (Slot){.i = 11}, (Slot){0}), "November");
    ck_str(call("time.Month.String", (Slot){.i = 13}, (Slot){0}), "%!Month(13)");
    ck_str(call("time.Weekday.String", (Slot){.i = 0}, (Slot){0}), "Sunday");
    ck_str(call("time.Weekday.String", (Slot){.i = -1}, (Slot){0}),
           "%!Weekday(18446744073709551615)");
}
END_TEST

/* ---- Format ------------------------------------------------------------------ */

/* Go's playground time: 2009-11-10 23:00:00 UTC, plus 123456789ns. */
START_TEST(t_format_common_layouts) {
    Slot *t = mk_time(1257894000, 123456789, NULL);
    ck_str(format(t, "2006-01-02T15:04:05Z07:00"), "2009-11-10T23:00:00Z");
    ck_str(format(t, "2006-01-02T15:04:05.999999999Z07:00"), "2009-11-10T23:00:00.123456789Z");
    ck_str(format(t, "3:04PM"), "11:00PM");
    ck_str(format(t, "15:04:05.000"), "23:00:00.123");
    ck_str(format(t, "Mon Jan _2 15:04:05 2006"), "Tue Nov 10 23:00:00 2009");
    ck_str(format(t, "Mon, 02 Jan 2006 15:04:05 MST"), "Tue, 10 Nov 2009 23:00:00 UTC");
    ck_str(format(t, "Jan _2 15:04:05"), "Nov 10 23:00:00");
    ck_str(format(t, "2006-01-02"), "2009-11-10");
}
END_TEST

START_TEST(t_format_zones) {
    Slot *t = mk_time(1257894000, 0, fixed_zone("CET", 3600));
    ck_str(format(t, "2006-01-02T15:04:05Z07:00"), "2009-11-11T00:00:00+01:00");
    ck_str(format(t, "-0700 -07 MST"), "+0100 +01 CET");
    Slot *u = mk_time(1257894000, 0, fixed_zone("", -(5 * 3600 + 30 * 60 + 15)));
    ck_str(format(u, "MST Z07:00:00 -070000"), "-0530 -05:30:15 -053015");
}
END_TEST

START_TEST(t_format_tricky_elements) {
    Slot *t = mk_time(1257894000, 120000000, NULL);
    /* "Jan"/"Mon" followed by a lower-case letter are literal text */
    ck_str(format(t, "Janet Mond"), "Janet Mond");
    ck_str(format(t, "_2006 __2 002"), "_2009 314 314");
    ck_str(format(t, "05.999 05,000 .99x"), "00.12 00,120 .12x");
    /* a trimmed fraction of zero disappears with its separator */
    ck_str(format(mk_time(0, 0, NULL), "05.999|"), "00|");
    ck_str(format(mk_time(-62135596800LL, 0, NULL), "2006-01-02 Monday"), "0001-01-01 Monday");
}
END_TEST

START_TEST(t_time_string_with_monotonic) {
    Slot *t = mk_time(1257894000, 0, NULL);
    ck_str(call("time.Time.String", (Slot){.p = t}, (Slot){0}),
           "2009-11-10 23:00:00 +0000 UTC");
    t[T_HASMONO].i = 1;
    t[T_MONO].i = 1;
    ck_str(call("time.Time.String", (Slot){.p = t}, (Slot){0}),
           "2009-11-10 23:00:00 +0000 UTC m=+0.000000001");
    t[T_MONO].i = -(3 * SEC + 5);
    ck_str(call("time.Time.String", (Slot){.p = t}, (Slot){0}),
           "2009-11-10 23:00:00 +0000 UTC m=-3.000000005");
}
END_TEST

/* ---- calendar ------------------------------------------------------------------ */

START_TEST(t_fields) {
    Slot *t = mk_time(951782400 + 3 * 3600 + 4 * 60 + 5, 0, NULL); /* 2000-02-29 */
    Slot a[8] = {{.p = t}};
    ck_assert_int_eq(find("time.Time.Date")(NULL, a), NATIVE_OK);
    ck_assert(a[0].i == 2000 && a[1].i == 2 && a[2].i == 29);
    Slot c[8] = {{.p = t}};
    find("time.Time.Clock")(NULL, c);
    ck_assert(c[0].i == 3 && c[1].i == 4 && c[2].i == 5);
    ck_assert_int_eq(call("time.Time.YearDay", (Slot){.p = t}, (Slot){0}).i, 60);
    ck_assert_int_eq(call("time.Time.Weekday", (Slot){.p = t}, (Slot){0}).i, 2);
    Slot z[8] = {{.p = mk_time(0, 0, fixed_zone("X", -7200))}};
    find("time.Time.Zone")(NULL, z);
    ck_str(z[0], "X");
    ck_assert_int_eq(z[1].i, -7200);
}
END_TEST

/* date(...) normalises out-of-range fields and applies the zone. */
START_TEST(t_date_normalises) {
    Slot a[8] = {{.i = 2023}, {.i = 2}, {.i = 31}, {.i = 25}, {.i = 61},
                 {.i = -1}, {.i = SEC + 1}, {.p = fixed_zone("EST", -5 * 3600)}};
    ck_assert_int_eq(find("time.date")(NULL, a), NATIVE_OK);
    ck_assert_int_eq(a[0].i - UNIX_TO_INTERNAL, 1677913260); /* 2023-03-04 07:01 UTC */
    ck_assert_int_eq(a[1].i, 1);
    Slot b[8] = {{.i = 1}, {.i = 1}, {.i = 1}, {.i = 0}, {.i = 0}, {.i = 0},
                 {.i = 0}, {.p = fixed_zone("UTC", 0)}};
    find("time.date")(NULL, b);
    ck_assert_int_eq(b[0].i, 0); /* the zero Time */
}
END_TEST

START_TEST(t_time_truncate_round) {
    Slot *t = mk_time(1257894000 + 90, 500000000, NULL); /* +1m30.5s */
    t[T_HASMONO].i = 1;
    t[T_MONO].i = 42;
    Slot *r = call("time.Time.Round", (Slot){.p = t}, (Slot){.i = 60 * SEC}).p;
    ck_assert_int_eq(r[T_SEC].i - UNIX_TO_INTERNAL, 1257894000 + 120);
    ck_assert_int_eq(r[T_HASMONO].i, 0);
    Slot *tr = call("time.Time.Truncate", (Slot){.p = t}, (Slot){.i = 60 * SEC}).p;
    ck_assert_int_eq(tr[T_SEC].i - UNIX_TO_INTERNAL, 1257894000 + 60);
    ck_assert_int_eq(tr[T_NSEC].i, 0);
    Slot *r0 = call("time.Time.Round", (Slot){.p = t}, (Slot){.i = 0}).p;
    ck_assert(r0[T_SEC].i == t[T_SEC].i && r0[T_NSEC].i == 500000000 &&
              r0[T_HASMONO].i == 0);
}
END_TEST

START_TEST(t_now_is_sane) {
    Slot a[3];
    ck_assert_int_eq(find("time.now")(NULL, a), NATIVE_OK);
    ck_assert_int_gt(a[0].i - UNIX_TO_INTERNAL, 1600000000); /* after 2020 */
    ck_assert(a[1].i >= 0 && a[1].i < SEC);
    ck_assert_int_ge(a[2].i, 1);
    Slot b[3];
    find("time.now")(NULL, b);
    ck_assert_int_ge(b[2].i, a[2].i); /* monotonic */
}
END_TEST

START_TEST(t_before_epoch_and_year_one) {
    Slot *t = mk_time(-1, 999999999, NULL);
    ck_str(format(t, "2006-01-02 15:04:05.000000000 Monday"),
           "1969-12-31 23:59:59.999999999 Wednesday");
    Slot *z = mk_time(-UNIX_TO_INTERNAL, 0, NULL); /* the zero Time */
    ck_str(call("time.Time.String", (Slot){.p = z}, (Slot){0}),
           "0001-01-01 00:00:00 +0000 UTC");
    ck_assert_int_eq(call("time.Time.Year", (Slot){.p = z}, (Slot){0}).i, 1);
}
END_TEST

START_TEST(t_format_rfc_family) {
    Slot *t = mk_time(1700000000, 0, fixed_zone("CET", 3600));
    ck_str(format(t, "02 Jan 06 15:04 MST"), "14 Nov 23 23:13 CET");
    ck_str(format(t, "Monday, 02-Jan-06 15:04:05 MST"), "Tuesday, 14-Nov-23 23:13:20 CET");
    ck_str(format(t, "Mon Jan 02 15:04:05 -0700 2006"), "Tue Nov 14 23:13:20 +0100 2023");
    ck_str(format(t, "01/02 03:04:05PM '06 -0700"), "11/14 11:13:20PM '23 +0100");
}
END_TEST

Suite *time_suite(void) {
    Suite *s = suite_create("time");
    TCase *tc = tcase_create("time");
    tcase_add_test(tc, t_duration_string);
    tcase_add_test(tc, t_duration_units);
    tcase_add_test(tc, t_duration_round_truncate_abs);
    tcase_add_test(tc, t_month_weekday_names);
    tcase_add_test(tc, t_format_common_layouts);
    tcase_add_test(tc, t_format_zones);
    tcase_add_test(tc, t_format_tricky_elements);
    tcase_add_test(tc, t_time_string_with_monotonic);
    tcase_add_test(tc, t_fields);
    tcase_add_test(tc, t_date_normalises);
    tcase_add_test(tc, t_time_truncate_round);
    tcase_add_test(tc, t_now_is_sane);
    tcase_add_test(tc, t_before_epoch_and_year_one);
    tcase_add_test(tc, t_format_rfc_family);
    suite_add_tcase(s, tc);
    return s;
}
