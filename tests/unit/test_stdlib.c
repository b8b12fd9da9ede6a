/*
 * test_stdlib.c — unit tests of the standard library natives (stdlib/PATH/NAME.c),
 * called directly through lib_find_native with hand-built argument slots.
 * Expected values are what Go 1.19 prints for the same calls.
 * Panicking paths are left to the script tests (they need a fiber).
 */
#include <check.h>
#include <math.h>
#include <string.h>
#include "../../stdlib/lib.h"

/* ---- helpers -------------------------------------------------------------- */

static Str *S(const char *s) { return str_new(s, (int64_t)strlen(s)); }

/* Calls the native named q with a[] (which receives the results). */
static void call(const char *q, Slot *a) {
    NativeFn fn = lib_find_native(q);
    ck_assert_msg(fn != NULL, "native %s not found", q);
    ck_assert_int_eq(fn(NULL, a), NATIVE_OK);
}

static bool str_is(Slot s, const char *want) {
    return str_equal(s.p, S(want));
}

#define ck_str(slot, want)                                              \
    ck_assert_msg(str_is(slot, want), "got \"%s\", want \"%s\"",         \
                  str_cstr((slot).p), want)

/* One-string-argument native returning a string. */
static Slot s1(const char *q, const char *x) {
    Slot a[4] = {{.p = S(x)}};
    call(q, a);
    return a[0];
}

static Slot s2(const char *q, const char *x, const char *y) {
    Slot a[4] = {{.p = S(x)}, {.p = S(y)}};
    call(q, a);
    return a[0];
}

static Slice *byte_slice(const char *s, int64_t n) {
    Slice *p = slice_new(type_basic(K_UINT8), n, n);
    for (int64_t i = 0; i < n; i++)
        p->data[i].u = (unsigned char)s[i];
    return p;
}

/* ---- registry -------------------------------------------------------------- */

START_TEST(t_registry_resolves_both_spellings) {
    ck_assert_ptr_nonnull(lib_find_native("strings.Contains"));
    ck_assert_ptr_nonnull(lib_find_native("unicode/utf8.RuneLen"));
    ck_assert_ptr_eq(lib_find_native("utf8.RuneLen"),
                     lib_find_native("unicode/utf8.RuneLen"));
    ck_assert_ptr_nonnull(lib_find_native("strings.(*Builder).WriteString"));
    ck_assert_ptr_eq(lib_find_native("strings.Builder.WriteString"),
                     lib_find_native("strings.(*Builder).WriteString"));
    ck_assert_ptr_null(lib_find_native("strings.NoSuchThing"));
    ck_assert_ptr_null(lib_find_native("strings.Builder.NoSuchThing"));
}
END_TEST

/* ---- strconv --------------------------------------------------------------- */

enum { OK, SYNTAX, RANGE, BASE, BITSIZE };

static void parse_int(const char *s, int64_t base, int64_t bits, int64_t want,
                      int code) {
    Slot a[3] = {{.p = S(s)}, {.i = base}, {.i = bits}};
    call("strconv.parseInt", a);
    ck_assert_msg(a[0].i == want && a[1].i == code,
                  "ParseInt(%s,%lld,%lld) = %lld code %lld", s,
                  (long long)base, (long long)bits, (long long)a[0].i,
                  (long long)a[1].i);
}

START_TEST(t_strconv_parse_int) {
    parse_int("123", 10, 0, 123, OK);
    parse_int("-9223372036854775808", 10, 64, INT64_MIN, OK);
    parse_int("9223372036854775808", 10, 64, INT64_MAX, RANGE);
    parse_int("-9223372036854775809", 0, 64, INT64_MIN, RANGE);
    parse_int("99999999999999999999x", 0, 64, INT64_MAX, RANGE);
    parse_int("0x1F", 0, 64, 31, OK);
    parse_int("0b101", 0, 64, 5, OK);
    parse_int("017", 0, 64, 15, OK);
    parse_int("0o17", 0, 64, 15, OK);
    parse_int("1_000", 0, 64, 1000, OK);
    parse_int("1_000", 10, 64, 0, SYNTAX);
    parse_int("_1", 0, 64, 0, SYNTAX);
    parse_int("1__0", 0, 64, 0, SYNTAX);
    parse_int("-0x_1", 0, 64, -1, OK);
    parse_int("", 10, 64, 0, SYNTAX);
    parse_int("+", 10, 64, 0, SYNTAX);
    parse_int("0x", 0, 64, 0, SYNTAX);
    parse_int("300", 10, 8, 127, RANGE);
    parse_int("-300", 10, 8, -128, RANGE);
    parse_int("1", 1, 8, 0, BASE);
    parse_int("1", 10, 65, 0, BITSIZE);
    parse_int("zz", 36, 64, 1295, OK);
}
END_TEST

START_TEST(t_strconv_parse_uint) {
    Slot a[3] = {{.p = S("-1")}, {.i = 10}, {.i = 64}};
    call("strconv.parseUint", a);
    ck_assert_int_eq(a[1].i, SYNTAX);
    Slot b[3] = {{.p = S("256")}, {.i = 10}, {.i = 8}};
    call("strconv.parseUint", b);
    ck_assert_uint_eq(b[0].u, 255);
    ck_assert_int_eq(b[1].i, RANGE);
    Slot c[3] = {{.p = S("18446744073709551615")}, {.i = 10}, {.i = 64}};
    call("strconv.parseUint", c);
    ck_assert(c[0].u == UINT64_MAX && c[1].i == OK);
}
END_TEST

static void parse_float(const char *s, int64_t bits, double want, int code) {
    Slot a[2] = {{.p = S(s)}, {.i = bits}};
    call("strconv.parseFloat", a);
    bool same = isnan(want) ? isnan(a[0].f) : a[0].f == want;
    ck_assert_msg(same && a[1].i == code, "ParseFloat(%s) = %g code %lld", s,
                  a[0].f, (long long)a[1].i);
}

START_TEST(t_strconv_parse_float) {
    parse_float("1.5", 64, 1.5, OK);
    parse_float(".5", 64, 0.5, OK);
    parse_float("5.", 64, 5, OK);
    parse_float("1_000", 64, 1000, OK);
    parse_float("1_0.5", 64, 10.5, OK);
    parse_float("0x1p-2", 64, 0.25, OK);
    parse_float("0X1.8P1", 64, 3, OK);
    parse_float("0x_1p0", 64, 1, OK);
    parse_float("0x10", 64, 0, SYNTAX);
    parse_float("1e", 64, 0, SYNTAX);
    parse_float("+.e1", 64, 0, SYNTAX);
    parse_float("", 64, 0, SYNTAX);
    parse_float("Inf", 64, INFINITY, OK);
    parse_float("-Infinity", 64, -INFINITY, OK);
    parse_float("infin", 64, 0, SYNTAX);
    parse_float("nan", 64, NAN, OK);
    parse_float("+nan", 64, 0, SYNTAX);
    parse_float("1e309", 64, INFINITY, RANGE);
    parse_float("-1e309", 64, -INFINITY, RANGE);
    parse_float("1e-400", 64, 0, OK);
    parse_float("1e+308", 32, INFINITY, RANGE);
    parse_float("1e-45", 32, (double)1e-45f, OK);
    parse_float("0.1", 32, (double)0.1f, OK);
}
END_TEST

static void format_float(double v, char fmt, int prec, int bits,
                         const char *want) {
    Slot a[4] = {{.f = v}, {.u = (unsigned char)fmt}, {.i = prec}, {.i = bits}};
    call("strconv.FormatFloat", a);
    ck_assert_msg(str_is(a[0], want), "FormatFloat(%.17g,%c,%d,%d) = %s want %s",
                  v, fmt, prec, bits, str_cstr(a[0].p), want);
}

START_TEST(t_strconv_format_float) {
    format_float(0, 'g', -1, 64, "0");
    format_float(0, 'e', -1, 64, "0e+00");
    format_float(0, 'e', 3, 64, "0.000e+00");
    format_float(-0.0, 'g', -1, 64, "-0");
    format_float(0.1, 'g', -1, 64, "0.1");
    format_float(0.1, 'G', 10, 32, "0.1000000015");
    format_float(1.5, 'g', 0, 64, "2");
    format_float(123456789, 'g', -1, 64, "1.23456789e+08");
    format_float(123456789, 'f', -1, 64, "123456789");
    format_float(123456789, 'e', 3, 64, "1.235e+08");
    format_float(123456789, 'g', -1, 32, "1.2345679e+08");
    format_float(123456789, 'G', 10, 32, "123456792");
    format_float(1e21, 'g', -1, 64, "1e+21");
    format_float(1e21, 'f', -1, 64, "1000000000000000000000");
    format_float(1e6, 'g', -1, 64, "1e+06");
    format_float(100, 'g', 0, 64, "1e+02");
    format_float(1e-7, 'f', -1, 64, "0.0000001");
    format_float(0.0001, 'g', -1, 64, "0.0001");
    format_float(0.0001, 'G', 10, 32, "9.999999747E-05");
    format_float(2.5e-5, 'f', -1, 64, "0.000025");
    format_float(2.5e-5, 'g', 0, 64, "3e-05");
    format_float(3.14159265358979, 'g', 3, 64, "3.14");
    format_float(3.14159265358979, 'f', 3, 64, "3.142");
    format_float(5e-324, 'g', -1, 64, "5e-324");
    format_float(5e-324, 'g', 3, 64, "4.94e-324");
    format_float(1.7976931348623157e308, 'g', -1, 64, "1.7976931348623157e+308");
    format_float(1.7976931348623157e308, 'g', -1, 32, "+Inf");
    format_float(1.7976931348623157e308, 'g', 3, 64, "1.8e+308");
    format_float(-1, 'e', -1, 64, "-1e+00");
    format_float(NAN, 'g', -1, 64, "NaN");
    format_float(-INFINITY, 'f', 2, 64, "-Inf");
    format_float(1, 'f', 3, 64, "1.000");
}
END_TEST

START_TEST(t_strconv_format_int) {
    Slot a[2] = {{.i = -255}, {.i = 16}};
    call("strconv.FormatInt", a);
    ck_str(a[0], "-ff");
    Slot b[2] = {{.i = INT64_MIN}, {.i = 10}};
    call("strconv.FormatInt", b);
    ck_str(b[0], "-9223372036854775808");
    Slot c[2] = {{.u = UINT64_MAX}, {.i = 36}};
    call("strconv.FormatUint", c);
    ck_str(c[0], "3w5e11264sgsf");
    Slot d[2] = {{.i = 0}, {.i = 2}};
    call("strconv.FormatInt", d);
    ck_str(d[0], "0");
}
END_TEST

START_TEST(t_strconv_quote) {
    static const char in[] = "h\xc3\xa9llo\n\x00\x7f\xc2\x80\xe2\x80\x8b"
                             "\xe2\x98\xba\xf0\x9f\x98\x80\xff\"'";
    Slot q[1] = {{.p = str_new(in, sizeof in - 1)}};
    call("strconv.Quote", q);
    ck_str(q[0],
           "\"h\xc3\xa9llo\\n\\x00\\x7f\\u0080\\u200b\xe2\x98\xba"
           "\xf0\x9f\x98\x80\\xff\\\"'\"");
    ck_str(s1("strconv.QuoteToASCII", "h\xc3\xa9llo\xe2\x98\xba\xf0\x9f\x98\x80"),
           "\"h\\u00e9llo\\u263a\\U0001f600\"");
    Slot a[1] = {{.i = '\''}};
    call("strconv.QuoteRune", a);
    ck_str(a[0], "'\\''");
    Slot b[1] = {{.i = 0xD800}};
    call("strconv.QuoteRune", b);
    ck_str(b[0], "'\xef\xbf\xbd'");
    Slot c[1] = {{.i = 0x263A}};
    call("strconv.QuoteRuneToASCII", c);
    ck_str(c[0], "'\\u263a'");
}
END_TEST

static void unquote(const char *in, const char *want, bool ok) {
    Slot a[2] = {{.p = S(in)}};
    call("strconv.unquote", a);
    ck_assert_msg(a[1].i == ok, "Unquote(%s) ok=%lld", in, (long long)a[1].i);
    if (ok)
        ck_str(a[0], want);
}

START_TEST(t_strconv_unquote) {
    unquote("\"\\x41\\u00e9\\101\"", "A\xc3\xa9" "A", true);
    unquote("`a\rb`", "ab", true);
    unquote("'a'", "a", true);
    unquote("''", "", true);
    unquote("'ab'", "", false);
    unquote("\"\\'\"", "", false);
    unquote("'\\''", "'", true);
    unquote("\"a", "", false);
    unquote("\"\\xff\"", "\xff", true);
    unquote("\"\xff\"", "\xef\xbf\xbd", true);
    unquote("\"\\400\"", "", false);
    unquote("\"a\nb\"", "", false);
}
END_TEST

/* ---- strings ---------------------------------------------------------------- */

static Slice *split(const char *q, const char *s, const char *sep, int64_t n) {
    Slot a[3] = {{.p = S(s)}, {.p = S(sep)}, {.i = n}};
    call(q, a);
    return a[0].p;
}

static void ck_strings(Slice *got, int n, const char *const *want) {
    ck_assert_int_eq(slice_len(got), n);
    for (int i = 0; i < n; i++)
        ck_str(got->data[i], want[i]);
}

START_TEST(t_strings_split) {
    ck_strings(split("strings.Split", "a,b,c", ",", 0), 3,
               (const char *[]){"a", "b", "c"});
    ck_strings(split("strings.Split", "", ",", 0), 1, (const char *[]){""});
    ck_strings(split("strings.Split", "a\xe2\x98\xba" "b", "", 0), 3,
               (const char *[]){"a", "\xe2\x98\xba", "b"});
    ck_strings(split("strings.SplitN", "a,b,c", ",", 2), 2,
               (const char *[]){"a", "b,c"});
    ck_assert_ptr_null(split("strings.SplitN", "a,b,c", ",", 0));
    ck_strings(split("strings.SplitAfter", "a,b,c", ",", 0), 3,
               (const char *[]){"a,", "b,", "c"});
    Slot a[1] = {{.p = S("  a b\t c \xe3\x80\x80 d  ")}};
    call("strings.Fields", a);
    ck_strings(a[0].p, 4, (const char *[]){"a", "b", "c", "d"});
}
END_TEST

START_TEST(t_strings_search) {
    ck_assert_int_eq(s2("strings.Index", "chicken", "ken").i, 4);
    ck_assert_int_eq(s2("strings.Index", "chicken", "dmr").i, -1);
    ck_assert_int_eq(s2("strings.LastIndex", "go gopher", "go").i, 3);
    ck_assert_int_eq(s2("strings.LastIndex", "go", "").i, 2);
    ck_assert_int_eq(s2("strings.IndexAny", "golang", "y\xe2\x98\xbal").i, 2);
    ck_assert_int_eq(s2("strings.LastIndexAny", "go gopher", "go").i, 4);
    ck_assert_int_eq(s2("strings.Count", "cheese", "e").i, 3);
    ck_assert_int_eq(s2("strings.Count", "five", "").i, 5);
    ck_assert_int_eq(s2("strings.Contains", "seafood", "foo").i, 1);
    ck_assert_int_eq(s2("strings.ContainsAny", "failure", "ui").i, 1);
    ck_assert_int_eq(s2("strings.ContainsAny", "", "").i, 0);
    ck_assert_int_eq(s2("strings.HasSuffix", "Amigo", "go").i, 1);
    ck_assert_int_eq(s2("strings.Compare", "a", "b").i, -1);
    ck_assert_int_eq(s2("strings.EqualFold", "G\xc3\xb6", "g\xc3\x96").i, 1);
    ck_assert_int_eq(s2("strings.EqualFold", "Go", "Goo").i, 0);
    Slot a[2] = {{.p = S("chicken")}, {.i = 'k'}};
    call("strings.IndexRune", a);
    ck_assert_int_eq(a[0].i, 4);
    Slot b[2] = {{.p = S("a\xffz")}, {.i = 0xFFFD}};
    call("strings.IndexRune", b);
    ck_assert_int_eq(b[0].i, 1);
}
END_TEST

START_TEST(t_strings_transform) {
    Slot a[4] = {{.p = S("aaaa")}, {.p = S("a")}, {.p = S("b")}, {.i = 2}};
    call("strings.Replace", a);
    ck_str(a[0], "bbaa");
    Slot b[3] = {{.p = S("ab")}, {.p = NULL}, {.p = S("-")}};
    call("strings.ReplaceAll", b);
    ck_str(b[0], "-a-b-");
    Slot c[2] = {{.p = S("ab")}, {.i = 3}};
    call("strings.Repeat", c);
    ck_str(c[0], "ababab");
    ck_str(s1("strings.Title", "hello wor-ld \xc3\xa9t\xc3\xa9"),
           "Hello Wor-Ld \xc3\x89t\xc3\xa9");
    ck_str(s1("strings.ToUpper", "h\xc3\xa9llo \xcf\x83"),
           "H\xc3\x89LLO \xce\xa3");
    ck_str(s1("strings.ToLower", "\xc4\xb0X"), "ix");
    ck_str(s1("strings.ToUpper", "a\xff"), "A\xef\xbf\xbd");
    ck_str(s1("strings.TrimSpace", " \t\n Hello, Gophers \n\t\r\n"),
           "Hello, Gophers");
    ck_str(s2("strings.Trim", "\xc2\xa1\xc2\xa1Hello!!", "!\xc2\xa1"), "Hello");
    ck_str(s2("strings.TrimLeft", "xxhixx", "x"), "hixx");
    ck_str(s2("strings.TrimRight", "xxhixx", "x"), "xxhi");
    ck_str(s2("strings.TrimPrefix", "prefix-body", "prefix-"), "body");
    ck_str(s2("strings.TrimSuffix", "body.go", ".go"), "body");
    Slice *parts = slice_new(type_basic(K_STRING), 3, 3);
    parts->data[0].p = S("a");
    parts->data[1].p = NULL;
    parts->data[2].p = S("c");
    Slot d[2] = {{.p = parts}, {.p = S(", ")}};
    call("strings.Join", d);
    ck_str(d[0], "a, , c");
}
END_TEST

START_TEST(t_strings_builder) {
    Slot box[4] = {{0}};
    Slot a[2] = {{.p = box}, {.p = S("hello")}};
    call("strings.(*Builder).WriteString", a);
    ck_assert_int_eq(a[0].i, 5);
    Slot b[2] = {{.p = box}, {.u = ','}};
    call("strings.(*Builder).WriteByte", b);
    Slot c[2] = {{.p = box}, {.i = 0x263A}};
    call("strings.(*Builder).WriteRune", c);
    ck_assert_int_eq(c[0].i, 3);
    Slot d[2] = {{.p = box}, {.p = byte_slice("!?", 2)}};
    call("strings.(*Builder).Write", d);
    Slot e[1] = {{.p = box}};
    call("strings.(*Builder).String", e);
    ck_str(e[0], "hello,\xe2\x98\xba!?");
    Slot first = e[0];
    Slot g[2] = {{.p = box}, {.p = S("more text that forces growth")}};
    call("strings.(*Builder).WriteString", g);
    ck_str(first, "hello,\xe2\x98\xba!?");   /* earlier String unchanged */
    Slot h[1] = {{.p = box}};
    call("strings.(*Builder).Len", h);
    ck_assert_int_eq(h[0].i, 11 + 28);
}
END_TEST

START_TEST(t_strings_replacer) {
    Slot r[1];
    Slice *on = slice_new(type_basic(K_STRING), 4, 4);
    on->data[0].p = S("a");
    on->data[1].p = S("1");
    on->data[2].p = S("aa");
    on->data[3].p = S("2");
    r[0].p = on;
    Slot a[2] = {{.p = r}, {.p = S("aaa")}};
    call("strings.(*Replacer).Replace", a);
    ck_str(a[0], "111");
    Slice *empty = slice_new(type_basic(K_STRING), 2, 2);
    empty->data[0].p = NULL;
    empty->data[1].p = S("X");
    Slot r2[1] = {{.p = empty}};
    Slot b[2] = {{.p = r2}, {.p = S("ab")}};
    call("strings.(*Replacer).Replace", b);
    ck_str(b[0], "XaXbX");
}
END_TEST

/* ---- unicode/utf8 ---------------------------------------------------------- */

START_TEST(t_utf8_natives) {
    Slot a[1] = {{.i = 0x263A}};
    call("utf8.RuneLen", a);
    ck_assert_int_eq(a[0].i, 3);
    Slot b[1] = {{.i = 0xD800}};
    call("utf8.RuneLen", b);
    ck_assert_int_eq(b[0].i, -1);
    Slot c[2] = {{.p = S("\xe2\x98")}};
    call("utf8.DecodeRuneInString", c);
    ck_assert(c[0].i == 0xFFFD && c[1].i == 1);
    Slot d[2] = {{.p = NULL}};
    call("utf8.DecodeRuneInString", d);
    ck_assert(d[0].i == 0xFFFD && d[1].i == 0);
    Slot e[2] = {{.p = S("a\xe2\x98\xba")}};
    call("utf8.DecodeLastRuneInString", e);
    ck_assert(e[0].i == 0x263A && e[1].i == 3);
    Slot g[2] = {{.p = S("a\x98\xba")}};
    call("utf8.DecodeLastRuneInString", g);
    ck_assert(g[0].i == 0xFFFD && g[1].i == 1);
    ck_assert_int_eq(s1("utf8.RuneCountInString", "h\xc3\xa9\xff").i, 3);
    ck_assert_int_eq(s1("utf8.ValidString", "h\xc3\xa9").i, 1);
    ck_assert_int_eq(s1("utf8.ValidString", "\xed\xa0\x80").i, 0);
    ck_assert_int_eq(s1("utf8.FullRuneInString", "\xe2\x98").i, 0);
    ck_assert_int_eq(s1("utf8.FullRuneInString", "\xe2\x41").i, 1);
    Slice *buf = slice_new(type_basic(K_UINT8), 4, 4);
    Slot h[2] = {{.p = buf}, {.i = 0xE9}};
    call("utf8.EncodeRune", h);
    ck_assert(h[0].i == 2 && buf->data[0].u == 0xC3 && buf->data[1].u == 0xA9);
    Slot k[2] = {{.p = byte_slice("x", 1)}, {.i = 0x1F600}};
    call("utf8.AppendRune", k);
    ck_assert_int_eq(slice_len(k[0].p), 5);
    Slot m[1] = {{.p = byte_slice("\xc3\xa9z", 3)}};
    call("utf8.RuneCount", m);
    ck_assert_int_eq(m[0].i, 2);
}
END_TEST

/* ---- unicode ------------------------------------------------------------- */

static int64_t r1(const char *q, int32_t r) {
    Slot a[1] = {{.i = r}};
    call(q, a);
    return a[0].i;
}

START_TEST(t_unicode_classes) {
    ck_assert(r1("unicode.IsUpper", 0xC4));
    ck_assert(!r1("unicode.IsUpper", 0xE4));
    ck_assert(r1("unicode.IsLower", 0xDF));
    ck_assert(!r1("unicode.IsLower", 0xAA));
    ck_assert(r1("unicode.IsLetter", 0xE9));
    ck_assert(r1("unicode.IsLetter", 0x4E16));
    ck_assert(!r1("unicode.IsLetter", 0xD7));
    ck_assert(r1("unicode.IsDigit", 0x663));
    ck_assert(r1("unicode.IsNumber", 0xBD));
    ck_assert(!r1("unicode.IsDigit", 0xBD));
    ck_assert(r1("unicode.IsSpace", 0x3000));
    ck_assert(r1("unicode.IsSpace", 0x85));
    ck_assert(!r1("unicode.IsSpace", 0x200B));
    ck_assert(r1("unicode.IsPunct", '!'));
    ck_assert(!r1("unicode.IsPunct", '+'));
    ck_assert(r1("unicode.IsSymbol", '+'));
    ck_assert(r1("unicode.IsControl", 0x9F));
    ck_assert(!r1("unicode.IsPrint", 0xAD));
    ck_assert(r1("unicode.IsPrint", 0x1F600));
    ck_assert_int_eq(r1("unicode.ToLower", 0x3A3), 0x3C3);
    ck_assert_int_eq(r1("unicode.ToUpper", 0x3C2), 0x3A3);
    ck_assert_int_eq(r1("unicode.ToUpper", 0xFF), 0x178);
    ck_assert_int_eq(r1("unicode.ToUpper", 0x101), 0x100);
    ck_assert_int_eq(r1("unicode.ToLower", 0x139), 0x13A);
    ck_assert_int_eq(r1("unicode.ToTitle", 0x1C6), 0x1C5);
    ck_assert_int_eq(r1("unicode.ToUpper", 0x44F), 0x42F);
}
END_TEST

/* ---- math ------------------------------------------------------------------- */

static double m1(const char *q, double x) {
    Slot a[2] = {{.f = x}};
    call(q, a);
    return a[0].f;
}

static double m2(const char *q, double x, double y) {
    Slot a[2] = {{.f = x}, {.f = y}};
    call(q, a);
    return a[0].f;
}

START_TEST(t_math_natives) {
    ck_assert(isnan(m2("math.Max", 1, NAN)));
    ck_assert(m2("math.Max", NAN, INFINITY) == INFINITY);
    ck_assert(!signbit(m2("math.Max", -0.0, 0.0)));
    ck_assert(signbit(m2("math.Min", 0.0, -0.0)));
    ck_assert(m1("math.Log10", 1000) == 3);
    ck_assert(m1("math.Log2", 10) == 3.321928094887362);
    ck_assert(m1("math.Log2", 8) == 3);
    ck_assert(m1("math.Round", -2.5) == -3);
    ck_assert(m1("math.RoundToEven", 2.5) == 2);
    ck_assert(m2("math.Mod", -7, 3) == -1);
    ck_assert(m1("math.Sqrt", 2) == 1.4142135623730951);
    ck_assert(m1("math.Trunc", -1.7) == -1);
    Slot a[1] = {{.f = 1.0}};
    call("math.Float64bits", a);
    ck_assert(a[0].u == 0x3ff0000000000000ULL);
    Slot b[1] = {{.f = (double)1.5f}};
    call("math.Float32bits", b);
    ck_assert_uint_eq(b[0].u, 0x3fc00000);
    Slot c[2] = {{.f = INFINITY}, {.i = -1}};
    call("math.IsInf", c);
    ck_assert_int_eq(c[0].i, 0);
    Slot d[2] = {{.f = -3.5}};
    call("math.Modf", d);
    ck_assert(d[0].f == -3 && d[1].f == -0.5);
}
END_TEST

/* ---- sort and errors (reflective natives) --------------------------------- */

START_TEST(t_sort_slice_natives) {
    Type elem = {.kind = K_STRUCT, .size = 2};
    Type sl = {.kind = K_SLICE, .size = 1, .elem = &elem};
    Slice s = {gc_alloc(6 * sizeof(Slot)), 3, 3};
    for (int i = 0; i < 6; i++)
        s.data[i].i = i;
    Iface x = {&sl, {.p = &s}};
    Slot a[1] = {{.p = &x}};
    call("sort.sliceLen", a);
    ck_assert_int_eq(a[0].i, 3);
    Slot b[3] = {{.p = &x}, {.i = 0}, {.i = 2}};
    call("sort.sliceSwap", b);
    ck_assert(s.data[0].i == 4 && s.data[1].i == 5 && s.data[4].i == 0 &&
              s.data[5].i == 1 && s.data[2].i == 2);
}
END_TEST

START_TEST(t_errors_natives) {
    Type sl = {.kind = K_SLICE, .size = 1};
    Iface e1 = {&sl, {.p = NULL}};
    Slot a[1] = {{.p = &e1}};
    call("errors.comparable", a);
    ck_assert_int_eq(a[0].i, 0);

    /* err of dynamic type *T; target of type **T: assignable, stored. */
    Type t = {.kind = K_STRUCT, .size = 1};
    Type pt = {.kind = K_POINTER, .size = 1, .elem = &t};
    pt.underlying = &pt;
    Type ppt = {.kind = K_POINTER, .size = 1, .elem = &pt};
    Slot payload = {.i = 42};
    Iface err = {&pt, {.p = &payload}};
    Slot cell = {.p = NULL};
    Iface target = {&ppt, {.p = &cell}};
    Slot b[2] = {{.p = &err}, {.p = &target}};
    call("errors.assignTo", b);
    ck_assert_int_eq(b[0].i, 1);
    ck_assert_ptr_eq(cell.p, &payload);

    /* target *U with U an unrelated type: not assignable. */
    Type u = {.kind = K_INT, .size = 1};
    u.underlying = &u;
    Type pu = {.kind = K_POINTER, .size = 1, .elem = &u};
    Slot cell2 = {.i = 7};
    Iface target2 = {&pu, {.p = &cell2}};
    Slot c[2] = {{.p = &err}, {.p = &target2}};
    call("errors.assignTo", c);
    ck_assert_int_eq(c[0].i, 0);
    ck_assert_int_eq(cell2.i, 7);
}
END_TEST

Suite *stdlib_suite(void) {
    Suite *s = suite_create("stdlib");
    TCase *tc = tcase_create("natives");
    tcase_add_test(tc, t_registry_resolves_both_spellings);
    tcase_add_test(tc, t_strconv_parse_int);
    tcase_add_test(tc, t_strconv_parse_uint);
    tcase_add_test(tc, t_strconv_parse_float);
    tcase_add_test(tc, t_strconv_format_float);
    tcase_add_test(tc, t_strconv_format_int);
    tcase_add_test(tc, t_strconv_quote);
    tcase_add_test(tc, t_strconv_unquote);
    tcase_add_test(tc, t_strings_split);
    tcase_add_test(tc, t_strings_search);
    tcase_add_test(tc, t_strings_transform);
    tcase_add_test(tc, t_strings_builder);
    tcase_add_test(tc, t_strings_replacer);
    tcase_add_test(tc, t_utf8_natives);
    tcase_add_test(tc, t_unicode_classes);
    tcase_add_test(tc, t_math_natives);
    tcase_add_test(tc, t_sort_slice_natives);
    tcase_add_test(tc, t_errors_natives);
    suite_add_tcase(s, tc);
    return s;
}
