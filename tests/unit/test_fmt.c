/* test_fmt.c — the fmt engine (stdlib/fmt/fmt.c) driven directly with
 * hand-built types and values. Every expected string is what Go 1.19 prints
 * for the same Sprintf (generated with `go run`). Methods (String/Error)
 * need the VM and are covered by the script tests. */
#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "../../runtime/rt.h"
#include "../../stdlib/fmt/fmt.h"

/* ---- value builders ------------------------------------------------------- */

static Iface *box(Type *t, Slot r) { return rt_iface(t, r); }
static Iface *I(int64_t v) { return box(type_basic(K_INT), (Slot){.i = v}); }
static Iface *F(double v) { return box(type_basic(K_FLOAT64), (Slot){.f = v}); }
static Iface *F32(float v) { return box(type_basic(K_FLOAT32), (Slot){.f = v}); }
static Iface *B(bool v) { return box(type_basic(K_BOOL), (Slot){.i = v}); }
static Iface *R(int32_t v) { return box(type_basic(K_INT32), (Slot){.i = v}); }
static Iface *S(const char *s) {
    return box(type_basic(K_STRING), (Slot){.p = str_from_cstr(s)});
}
static Iface *SN(const char *s, int64_t n) {
    return box(type_basic(K_STRING), (Slot){.p = str_new(s, n)});
}
static Iface *U(Kind k, uint64_t v) { return box(type_basic(k), (Slot){.u = v}); }

/* A slice of type []elem from n register values. */
static Slice *mkslice(Type *elem, int n, const Slot *vals) {
    Slice *s = slice_new(elem, n, n);
    for (int i = 0; i < n; i++)
        rt_store(elem, s->data + i * elem->size, vals[i]);
    return s;
}

static Iface *ints(int n, ...) {
    Slot v[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        v[i].i = va_arg(ap, int);
    va_end(ap);
    Type *ti = type_basic(K_INT);
    return box(type_slice(ti), (Slot){.p = mkslice(ti, n, v)});
}

static Iface *bytes(const char *s, int n) {
    Slot v[32];
    for (int i = 0; i < n; i++)
        v[i].i = (unsigned char)s[i];
    Type *tb = type_basic(K_UINT8);
    return box(type_slice(tb), (Slot){.p = mkslice(tb, n, v)});
}

static Type *point_type(void) {
    static Type *t;
    if (!t) {
        Field f[2] = {{.name = "X", .type = type_basic(K_INT)},
                      {.name = "Y", .type = type_basic(K_INT)}};
        t = type_new_named("main", "Point");
        type_set_underlying(t, type_struct(f, 2));
    }
    return t;
}

static Slot point(int64_t x, int64_t y) {
    Slot *b = gc_alloc(2 * sizeof(Slot));
    b[0].i = x;
    b[1].i = y;
    return (Slot){.p = b};
}

/* Sprintf with n interface arguments (NULL = nil interface). */
static const char *spf(const char *format, int n, ...) {
    Slot v[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        v[i].p = va_arg(ap, Iface *);
    va_end(ap);
    int st = -1;
    Str *s = fmt_sprintf(NULL, str_from_cstr(format), mkslice(type_any(), n, v), &st);
    ck_assert_int_eq(st, NATIVE_OK);
    return str_cstr(s);
}

static const char *sprint(bool ln, int n, ...) {
    Slot v[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        v[i].p = va_arg(ap, Iface *);
    va_end(ap);
    int st;
    return str_cstr(fmt_sprint(NULL, mkslice(type_any(), n, v), ln, &st));
}

/* ---- integers, floats, strings ------------------------------------------------ */

START_TEST(test_fmt_integers) {
    ck_assert_str_eq(spf("%d|%5d|%-5d|%05d|%+d|%x|%X|%o|%O|%b|%#x|%#o|% d", 13,
                         I(42), I(42), I(42), I(-42), I(42), I(255), I(255), I(8),
                         I(8), I(5), I(255), I(8), I(7)),
                     "42|   42|42   |-0042|+42|ff|FF|10|0o10|101|0xff|010| 7");
    ck_assert_str_eq(spf("%v|%v|%d|%#v", 4, U(K_UINT8, 200), box(type_basic(K_INT8), (Slot){.i = -5}),
                         U(K_UINT64, UINT64_MAX), U(K_UINT, 7)),
                     "200|-5|18446744073709551615|0x7");
    ck_assert_str_eq(spf("%6.2v|%.0d|%.3d|%3c|%-4q|", 5, F(3.14159), I(0), I(7),
                         R('x'), R('y')),
                     "   3.1||007|  x|'y' |");
    ck_assert_str_eq(spf("%c|%q|%U|%#U|%x", 5, R('A'), R(0xE9), R(0x1F600), R('x'), R('A')),
                     "A|'\xc3\xa9'|U+1F600|U+0078 'x'|41");
    ck_assert_str_eq(spf("%x|%-010d|%+05d", 3, I(-255), I(3), I(42)),
                     "-ff|3         |+0042");
}
END_TEST

START_TEST(test_fmt_floats) {
    ck_assert_str_eq(spf("%v|%.2f|%8.3f|%-8.2f|%e|%E|%g|%G|%.3g|%+.1f|%08.2f", 11,
                         F(3.14159), F(3.14159), F(3.14159), F(3.14159), F(1234.5678),
                         F(1234.5678), F(1e-7), F(1e21), F(1234.5678), F(2.0), F(-3.5)),
                     "3.14159|3.14|   3.142|3.14    |1.234568e+03|1.234568E+03|"
                     "1e-07|1E+21|1.23e+03|+2.0|-0003.50");
    ck_assert_str_eq(sprint(false, 12, F(1e6), F(123456.0), F(1e20), F(1e21), F(1e-5),
                            F(0.0001), F32(0.1f), F(0.1 + 0.2), F(100.0),
                            F(INFINITY), F(NAN), F(-0.0)),
                     "1e+06 123456 1e+20 1e+21 1e-05 0.0001 0.1 "
                     "0.30000000000000004 100 +Inf NaN -0");
    ck_assert_str_eq(spf("%v|%v|%v", 3, F32(3.4028235e38f), F32(1e-7f), F32(16777216.0f)),
                     "3.4028235e+38|1e-07|1.6777216e+07");
    ck_assert_str_eq(spf("%#g|%#.3g|%#e|%#.0f|%#v", 5, F(1), F(2), F(3), F(4), F(5)),
                     "1.00000|2.00|3.000000e+00|4.|5");
    ck_assert_str_eq(spf("%b|%b|%b", 3, F(4), F32(1), I(5)),
                     "4503599627370496p-50|8388608p-23|101");
    ck_assert_str_eq(spf("%5.1f|%-7.2e|%+g|% g|%010.3f", 5, F(-2.345), F(0.000123),
                         F(5), F(5), F(-1.5)),
                     " -2.3|1.23e-04|+5| 5|-00001.500");
    ck_assert_str_eq(spf("%v %.2v %10.4v|%-10v|", 4, F(1e100), F(123456.0), F(M_PI), F(2.5)),
                     "1e+100 1.2e+05      3.142|2.5       |");
    ck_assert_str_eq(spf("%x", 1, F(3.5)), "0x1.cp+01");
}
END_TEST

START_TEST(test_fmt_strings) {
    ck_assert_str_eq(spf("%s|%q|%v|%x|% X|%10s|%-10s|%.2s|%#q|%+q", 10, S("h\xc3\xa9llo"),
                         S("a\"b\n"), S("x"), S("hi"), S("hi"), S("right"), S("left"),
                         S("truncate"), S("back`q"), S("\xe6\x97\xa5\xe6\x9c\xac")),
                     "h\xc3\xa9llo|\"a\\\"b\\n\"|x|6869|68 69|     right|left      |tr|"
                     "\"back`q\"|\"\\u65e5\\u672c\"");
    ck_assert_str_eq(spf("%q|%#q|%+q", 3, SN("\x00\x7f\xff", 3), S("tab\there"), S("\xe2\x98\xba")),
                     "\"\\x00\\x7f\\xff\"|`tab\there`|\"\\u263a\"");
    ck_assert_str_eq(spf("%.3s|%.10s|%5.2s|%x", 4,
                         S("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5"), S("ab"),
                         S("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"), S("\xe6\x97\xa5")),
                     "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e|ab|   \xe6\x97\xa5\xe6\x9c\xac|e697a5");
    ck_assert_str_eq(spf("%t|%v|%5t", 3, B(true), B(false), B(true)), "true|false| true");
    ck_assert_str_eq(spf("%X|%#x|%#X", 3, S("Hi"), S("Hi"), bytes("\x0a\x0b", 2)),
                     "4869|0x4869|0X0A0B");
}
END_TEST

/* ---- composite values ------------------------------------------------------------------ */

START_TEST(test_fmt_structs) {
    Type *pt = point_type();
    ck_assert_str_eq(spf("%v|%+v|%#v|%T", 4, box(pt, point(1, 2)), box(pt, point(1, 2)),
                         box(pt, point(1, 2)), box(pt, point(1, 2))),
                     "{1 2}|{X:1 Y:2}|main.Point{X:1, Y:2}|main.Point");
    Type *pp = type_pointer(pt);
    Slot ps = {.p = mkslice(pt, 1, (Slot[]){point(1, 2)})};
    ck_assert_str_eq(spf("%v|%+v|%#v", 3, box(pp, point(3, 4)), box(pp, point(3, 4)),
                         box(type_slice(pt), ps)),
                     "&{3 4}|&{X:3 Y:4}|[]main.Point{main.Point{X:1, Y:2}}");
    /* unexported field p: printed (no methods), named in %+v */
    Field f[2] = {{.name = "Name", .type = type_basic(K_STRING)},
                  {.name = "p", .type = type_pointer(type_basic(K_INT)), .pkg = "main"}};
    Type *inner = type_new_named("main", "Inner");
    type_set_underlying(inner, type_struct(f, 2));
    Slot *ib = gc_alloc(2 * sizeof(Slot));
    ib[0].p = str_from_cstr("n");
    Iface *iv = box(inner, (Slot){.p = ib});
    ck_assert_str_eq(spf("%v|%+v|%#v", 3, iv, iv, iv),
                     "{n <nil>}|{Name:n p:<nil>}|main.Inner{Name:\"n\", p:(*int)(nil)}");
    Type *empty = type_struct(NULL, 0);
    Field fa = {.name = "A", .type = type_slice(type_basic(K_INT))};
    ck_assert_str_eq(spf("%v|%v", 2, box(empty, (Slot){.p = NULL}),
                         box(type_struct(&fa, 1), (Slot){.p = NULL})),
                     "{}|{[]}");
    /* a nested pointer prints as an address, not &{...} */
    Field fp = {.name = "P", .type = pp};
    Slot *nb = gc_alloc(sizeof(Slot));
    nb[0] = point(1, 1);
    const char *out = spf("%v", 1, box(type_struct(&fp, 1), (Slot){.p = nb}));
    ck_assert(strncmp(out, "{0x", 3) == 0);
}
END_TEST

START_TEST(test_fmt_slices) {
    ck_assert_str_eq(spf("%v|%d|%x|%#v|%T", 5, ints(3, 1, 2, 3), ints(2, 10, 20),
                         ints(2, 255, 16), ints(1, 1), ints(0)),
                     "[1 2 3]|[10 20]|[ff 10]|[]int{1}|[]int");
    ck_assert_str_eq(spf("%v|%s|%x|%X|%q|%#v", 6, bytes("hi", 2), bytes("hi", 2),
                         bytes("hi", 2), bytes("\x01\xab", 2), bytes("q", 1),
                         bytes("\x01\x02", 2)),
                     "[104 105]|hi|6869|01AB|\"q\"|[]byte{0x1, 0x2}");
    Type *ti = type_basic(K_INT);
    Slot arr[3] = {{.i = 1}, {.i = 2}, {.i = 3}};
    Type *a3 = type_array(ti, 3);
    ck_assert_str_eq(spf("%v|%v", 2, box(a3, (Slot){.p = arr}),
                         box(type_array(ti, 0), (Slot){.p = NULL})),
                     "[1 2 3]|[]");
    Type *ts = type_basic(K_STRING);
    Slot strs[2] = {{.p = str_from_cstr("a")}, {.p = str_from_cstr("b")}};
    Iface *sl = box(type_slice(ts), (Slot){.p = mkslice(ts, 2, strs)});
    ck_assert_str_eq(spf("%v|%q|%s|%d", 4, sl, sl, sl, sl),
                     "[a b]|[\"a\" \"b\"]|[a b]|[%!d(string=a) %!d(string=b)]");
    Slot anys[4] = {{.p = I(1)}, {.p = S("a")}, {.p = NULL}, {.p = F(2.5)}};
    Iface *al = box(type_slice(type_any()), (Slot){.p = mkslice(type_any(), 4, anys)});
    Iface *al3 = box(type_slice(type_any()), (Slot){.p = mkslice(type_any(), 3, anys)});
    ck_assert_str_eq(spf("%v|%#v", 2, al, al3),
                     "[1 a <nil> 2.5]|[]interface {}{1, \"a\", interface {}(nil)}");
}
END_TEST

static Map *string_int_map(int n, const char **keys, const int *vals) {
    Map *m = map_new(type_map(type_basic(K_STRING), type_basic(K_INT)), 0);
    for (int i = 0; i < n; i++) {
        Slot k = {.p = str_from_cstr(keys[i])};
        map_set(m, &k, NULL)->i = vals[i];
    }
    return m;
}

START_TEST(test_fmt_maps) {
    Type *mt = type_map(type_basic(K_STRING), type_basic(K_INT));
    Map *m = string_int_map(3, (const char *[]){"b", "a", "c"}, (const int[]){2, 1, 3});
    Map *m2 = string_int_map(2, (const char *[]){"z", "y"}, (const int[]){1, 2});
    ck_assert_str_eq(spf("%v|%#v|%#v|%v", 4, box(mt, (Slot){.p = m}), box(mt, (Slot){.p = m2}),
                         box(mt, (Slot){.p = NULL}), box(mt, (Slot){.p = NULL})),
                     "map[a:1 b:2 c:3]|map[string]int{\"y\":2, \"z\":1}|"
                     "map[string]int(nil)|map[]");
    /* interface keys: nil first, then by type, then by value */
    Type *am = type_map(type_any(), type_basic(K_INT));
    Map *mi = map_new(am, 0);
    Iface *keys[4] = {S("b"), I(2), S("a"), I(1)};
    for (int i = 0; i < 4; i++) {
        Slot k = {.p = keys[i]};
        map_set(mi, &k, NULL)->i = i + 1;
    }
    ck_assert_str_eq(spf("%v", 1, box(am, (Slot){.p = mi})), "map[1:4 2:2 a:3 b:1]");
    /* float keys: NaN first */
    Type *fm = type_map(type_basic(K_FLOAT64), type_basic(K_INT));
    Map *mf = map_new(fm, 0);
    double fk[3] = {1, NAN, -1};
    for (int i = 0; i < 3; i++) {
        Slot k = {.f = fk[i]};
        map_set(mf, &k, NULL)->i = 3 - i;
    }
    ck_assert_str_eq(spf("%v", 1, box(fm, (Slot){.p = mf})), "map[NaN:2 -1:1 1:3]");
    /* struct keys field by field */
    Type *pm = type_map(point_type(), type_basic(K_STRING));
    Map *mp = map_new(pm, 0);
    map_set(mp, point(2, 1).p, NULL)->p = str_from_cstr("b");
    map_set(mp, point(1, 2).p, NULL)->p = str_from_cstr("a");
    ck_assert_str_eq(spf("%v|%d", 2, box(pm, (Slot){.p = mp}), box(mt, (Slot){.p = m2})),
                     "map[{1 2}:a {2 1}:b]|map[%!d(string=y):2 %!d(string=z):1]");
}
END_TEST

START_TEST(test_fmt_nil_values) {
    Type *pp = type_pointer(point_type());
    Type *sl = type_slice(type_basic(K_INT));
    ck_assert_str_eq(spf("%v|%#v|%v|%#v|%v|%+v", 6, box(sl, (Slot){.p = NULL}),
                         box(sl, (Slot){.p = NULL}), box(pp, (Slot){.p = NULL}),
                         box(pp, (Slot){.p = NULL}), NULL, NULL),
                     "[]|[]int(nil)|<nil>|(*main.Point)(nil)|<nil>|<nil>");
    ck_assert_str_eq(spf("%d", 1, NULL), "%!d(<nil>)");
    ck_assert_str_eq(spf("%T|%T", 2, NULL, F(1)), "<nil>|float64");
}
END_TEST

START_TEST(test_fmt_named_basic) {
    Type *c = type_new_named("main", "Celsius");
    type_set_underlying(c, type_basic(K_FLOAT64));
    Iface *v = box(c, (Slot){.f = 21.5});
    ck_assert_str_eq(spf("%v|%.1f|%#v|%T", 4, v, v, v, v), "21.5|21.5|21.5|main.Celsius");
}
END_TEST

/* ---- errors in the format ------------------------------------------------------------------ */

START_TEST(test_fmt_bad_formats) {
    ck_assert_str_eq(spf("%d %s", 2, S("str"), I(5)), "%!d(string=str) %!s(int=5)");
    ck_assert_str_eq(spf("%d", 3, I(1), S("extra"), NULL), "1%!(EXTRA string=extra, <nil>)");
    ck_assert_str_eq(spf("%d %d %d", 1, I(1)), "1 %!d(MISSING) %!d(MISSING)");
    ck_assert_str_eq(spf("%!|%z|100%%|%", 1, I(3)), "%!!(int=3)|%!z(MISSING)|100%|%!(NOVERB)");
    ck_assert_str_eq(spf("%[2]d %[1]d %d|%[5]d|%[x]d", 2, I(1), I(2)),
                     "2 1 2|%!d(BADINDEX)|%!d(BADINDEX)");
    ck_assert_str_eq(spf("%*d|%-*d|%.*f|%*d", 8, I(5), I(1), I(4), I(2), I(2), F(3.14159),
                         S("x"), I(3)),
                     "    1|2   |3.14|%!(BADWIDTH)3");
    ck_assert_str_eq(spf("%w", 1, I(1)), "%!w(int=1)"); /* %w outside Errorf */
    ck_assert_str_eq(spf("%p", 1, I(1)), "%!p(int=1)");
}
END_TEST

START_TEST(test_fmt_sprint_spacing) {
    /* Sprint: a space only between two non-string operands */
    ck_assert_str_eq(sprint(false, 7, S("a"), I(1), I(2), S("b"), F(3.5), NULL, S("\n")),
                     "a1 2b3.5 <nil>\n");
    ck_assert_str_eq(sprint(true, 3, S("a"), I(1), S("b")), "a 1 b\n");
    ck_assert_str_eq(sprint(true, 0), "\n");
}
END_TEST

START_TEST(test_fmt_value_api) {
    StrBuf b;
    sb_init(&b);
    Slot mem[2] = {{.i = 5}, {.i = 6}};
    fmt_value(&b, point_type(), mem, '+');
    sb_putc(&b, ' ');
    fmt_value(&b, point_type(), mem, '#');
    sb_putc(&b, ' ');
    fmt_value(&b, type_basic(K_INT), mem, 'x');
    ck_assert_str_eq(str_cstr(sb_str(&b)), "{X:5 Y:6} main.Point{X:5, Y:6} 5");
}
END_TEST

Suite *fmt_suite(void) {
    Suite *s = suite_create("fmt");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_fmt_integers);
    tcase_add_test(tc, test_fmt_floats);
    tcase_add_test(tc, test_fmt_strings);
    tcase_add_test(tc, test_fmt_structs);
    tcase_add_test(tc, test_fmt_slices);
    tcase_add_test(tc, test_fmt_maps);
    tcase_add_test(tc, test_fmt_nil_values);
    tcase_add_test(tc, test_fmt_named_basic);
    tcase_add_test(tc, test_fmt_bad_formats);
    tcase_add_test(tc, test_fmt_sprint_spacing);
    tcase_add_test(tc, test_fmt_value_api);
    suite_add_tcase(s, tc);
    return s;
}
