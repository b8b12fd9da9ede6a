/*
 * test_lex.c — unit tests for the lexer (lang/lex.c): token kinds and
 * values, automatic semicolons, literal decoding, positions, and Go's
 * wording for every lexical error.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../../lang/lex.h"
#include "../../runtime/gc.h"

enum { MAXTOK = 64 };

typedef struct Lexed {
    Token t[MAXTOK];
    int n;
    char errs[1024];   /* "line:col: msg\n" for each error */
} Lexed;

static void collect_error(void *ctx, int line, int col, const char *msg) {
    Lexed *l = ctx;
    size_t k = strlen(l->errs);
    snprintf(l->errs + k, sizeof l->errs - k, "%d:%d: %s\n", line, col, msg);
}

/* Lexes src to EOF (at most MAXTOK tokens, EOF included). */
static Lexed *lex_all(const char *src) {
    static Lexed l;
    Lexer lx;
    memset(&l, 0, sizeof l);
    lex_init(&lx, src, collect_error, &l);
    do {
        l.t[l.n] = lex_next(&lx);
    } while (l.t[l.n++].kind != T_EOF && l.n < MAXTOK);
    return &l;
}

/* The token kinds of src as a string of tok_names joined by spaces, with
 * automatic semicolons written as "NL". */
static const char *kinds(const char *src) {
    static char buf[1024];
    Lexed *l = lex_all(src);
    buf[0] = 0;
    for (int i = 0; i < l->n; i++) {
        const Token *t = &l->t[i];
        const char *s = tok_names[t->kind];
        if (t->kind == T_SEMICOLON && t->val && strcmp(t->val, ";") != 0) s = "NL";
        if (i) strcat(buf, " ");
        strcat(buf, s);
    }
    return buf;
}

static const char *errors_of(const char *src) { return lex_all(src)->errs; }

static void setup(void) { gc_init(); }

START_TEST(test_keywords_and_idents) {
    ck_assert_str_eq(kinds("func go chan select defer x _y z9"),
                     "func go chan select defer identifier identifier identifier NL EOF");
    ck_assert_str_eq(kinds("package import type var const"),
                     "package import type var const EOF");
    Lexed *l = lex_all("fallthrough");
    ck_assert_int_eq(l->t[0].kind, T_FALLTHROUGH);
    ck_assert_int_eq(l->t[1].kind, T_SEMICOLON); /* fallthrough ends a statement */
}
END_TEST

START_TEST(test_operators_longest_match) {
    ck_assert_str_eq(kinds("<-<<=&^=&^&&||...:=++--"),
                     "<- <<= &^= &^ && || ... := ++ -- NL EOF");
    ck_assert_str_eq(kinds("a.b..c"), "identifier . identifier . . identifier NL EOF");
    ck_assert_str_eq(kinds("~x >= >>= != !"), "~ identifier >= >>= != ! EOF");
}
END_TEST

START_TEST(test_semicolon_insertion) {
    ck_assert_str_eq(kinds("x\ny"), "identifier NL identifier NL EOF");
    ck_assert_str_eq(kinds("x +\ny"), "identifier + identifier NL EOF");
    ck_assert_str_eq(kinds("f(\n)\n"), "identifier ( ) NL EOF");
    ck_assert_str_eq(kinds("return\nbreak\ncontinue\n"), "return NL break NL continue NL EOF");
    ck_assert_str_eq(kinds("i++\n} ]\n"), "identifier ++ NL } ] NL EOF");
    ck_assert_str_eq(kinds("{\n"), "{ EOF");
    ck_assert_str_eq(kinds("x // c\ny"), "identifier NL identifier NL EOF");
    ck_assert_str_eq(kinds("x /* a\nb */ y"), "identifier NL identifier NL EOF");
    ck_assert_str_eq(kinds("x /* a b */ y"), "identifier identifier NL EOF");
    ck_assert_str_eq(kinds("x;y"), "identifier ; identifier NL EOF");
}
END_TEST

START_TEST(test_semicolon_values) {
    Lexed *l = lex_all("x\ny");
    ck_assert_str_eq(l->t[1].val, "\n");
    ck_assert_int_eq(l->t[1].line, 1);
    ck_assert_int_eq(l->t[1].col, 2);
    ck_assert_str_eq(l->t[3].val, "EOF");
    l = lex_all("a;");
    ck_assert_str_eq(l->t[1].val, ";");
}
END_TEST

START_TEST(test_positions) {
    Lexed *l = lex_all("package main\n\nfunc  f() {\n\tx := 1\n}");
    ck_assert_int_eq(l->t[3].kind, T_FUNC);
    ck_assert_int_eq(l->t[3].line, 3);
    ck_assert_int_eq(l->t[3].col, 1);
    ck_assert_int_eq(l->t[4].col, 7);           /* f after two blanks */
    ck_assert_int_eq(l->t[8].kind, T_IDENT);    /* x ("{" inserts no ';') */
    ck_assert_int_eq(l->t[8].line, 4);
    ck_assert_int_eq(l->t[8].col, 2);           /* a tab is one column */
    ck_assert_int_eq(l->t[9].kind, T_DEFINE);
    ck_assert_int_eq(l->t[9].col, 4);
    ck_assert_int_eq(l->t[9].len, 2);
}
END_TEST

START_TEST(test_int_literals) {
    ck_assert_str_eq(kinds("42 0x1F 0o17 0b101 017 1_000_000 0X_ff"),
                     "int literal int literal int literal int literal int literal "
                     "int literal int literal NL EOF");
    Lexed *l = lex_all("0x_1F");
    ck_assert_int_eq(l->t[0].len, 5);
    ck_assert_str_eq(l->errs, "");
}
END_TEST

START_TEST(test_float_and_imag_literals) {
    ck_assert_str_eq(kinds("1.5 .5 1. 1e10 1E-3 0x1p-2 0x1.8p3 09.5"),
                     "float literal float literal float literal float literal "
                     "float literal float literal float literal float literal NL EOF");
    ck_assert_str_eq(kinds("2i 1.5i 0x1p1i"),
                     "imaginary literal imaginary literal imaginary literal NL EOF");
    ck_assert_str_eq(errors_of("1.5e+3 0x.8p0"), "");
}
END_TEST

START_TEST(test_rune_literals) {
    Lexed *l = lex_all("'a' '\\n' '\\x41' '\\101' '\\u00e9' '\\U0001F600' '日' '\\''");
    ck_assert_int_eq(l->t[0].kind, T_CHAR);
    ck_assert_int_eq(l->t[0].rune, 'a');
    ck_assert_int_eq(l->t[1].rune, '\n');
    ck_assert_int_eq(l->t[2].rune, 'A');
    ck_assert_int_eq(l->t[3].rune, 'A');
    ck_assert_int_eq(l->t[4].rune, 0xe9);
    ck_assert_str_eq(l->t[4].val, "\xc3\xa9");
    ck_assert_int_eq(l->t[5].rune, 0x1F600);
    ck_assert_int_eq(l->t[6].rune, 0x65E5);
    ck_assert_int_eq(l->t[6].vlen, 3);
    ck_assert_int_eq(l->t[7].rune, '\'');
    ck_assert_str_eq(l->errs, "");
}
END_TEST

START_TEST(test_string_escapes) {
    Lexed *l = lex_all("\"a\\tb\\n\\\\\\\"\\a\\b\\f\\r\\v\"");
    ck_assert_int_eq(l->t[0].kind, T_STRING);
    ck_assert_str_eq(l->t[0].val, "a\tb\n\\\"\a\b\f\r\v");
    l = lex_all("\"\\xff\\377\\u65e5\\U00010348\"");
    ck_assert_int_eq(l->t[0].vlen, 2 + 3 + 4);
    ck_assert_int_eq((unsigned char)l->t[0].val[0], 0xff);
    ck_assert_int_eq((unsigned char)l->t[0].val[1], 0xff);
    ck_assert_str_eq(l->t[0].val + 2, "\xe6\x97\xa5\xf0\x90\x8d\x88");
    l = lex_all("\"a\\x00b\"");
    ck_assert_int_eq(l->t[0].vlen, 3);     /* embedded NUL kept */
    ck_assert_int_eq(l->t[0].val[1], 0);
}
END_TEST

START_TEST(test_raw_strings) {
    Lexed *l = lex_all("`a\\n\r\nb` x");
    ck_assert_int_eq(l->t[0].kind, T_STRING);
    ck_assert_str_eq(l->t[0].val, "a\\n\nb");   /* \r stripped, no escapes */
    ck_assert_int_eq(l->t[1].line, 2);          /* lines counted inside */
    ck_assert_int_eq(l->t[1].col, 4);
}
END_TEST

START_TEST(test_unicode_identifiers) {
    Lexed *l = lex_all("héllo 日本語 Ωmega");
    ck_assert_int_eq(l->t[0].kind, T_IDENT);
    ck_assert_int_eq(l->t[0].len, 6);
    ck_assert_int_eq(l->t[1].kind, T_IDENT);
    ck_assert_int_eq(l->t[2].kind, T_IDENT);
    ck_assert_int_eq(l->t[2].col, 18);
    ck_assert_str_eq(l->errs, "");
}
END_TEST

START_TEST(test_shebang_and_bom) {
    ck_assert_str_eq(kinds("#!/usr/bin/env csp\nx"), "identifier NL EOF");
    Lexed *l = lex_all("#!/bin/csp\nx");
    ck_assert_int_eq(l->t[0].line, 2);
    ck_assert_str_eq(kinds("\xef\xbb\xbfx"), "identifier NL EOF");
}
END_TEST

START_TEST(test_string_errors) {
    ck_assert_str_eq(errors_of("\"abc\ndef"), "1:5: newline in string\n");
    ck_assert_str_eq(errors_of("x \"abc"), "1:3: string not terminated\n");
    ck_assert_str_eq(errors_of("`abc"), "1:1: string not terminated\n");
    ck_assert_str_eq(errors_of("\"a\\qb\""), "1:4: unknown escape\n");
    ck_assert_str_eq(errors_of("\"\\uD800\""), "1:8: escape is invalid Unicode code point U+D800\n");
    ck_assert_str_eq(errors_of("\"\\400\""), "1:6: octal escape value 256 > 255\n");
    ck_assert_str_eq(errors_of("\"\\xzz\""), "1:4: invalid character 'z' in hexadecimal escape\n");
}
END_TEST

START_TEST(test_rune_errors) {
    ck_assert_str_eq(errors_of("'ab'"), "1:1: more than one character in rune literal\n");
    ck_assert_str_eq(errors_of("''"), "1:2: empty rune literal or unescaped '\n");
    ck_assert_str_eq(errors_of("'a"), "1:1: rune literal not terminated\n");
    ck_assert_str_eq(errors_of("'a\nb"), "1:3: newline in rune literal\n");
}
END_TEST

START_TEST(test_number_errors) {
    ck_assert_str_eq(errors_of("0x"), "1:3: hexadecimal literal has no digits\n");
    ck_assert_str_eq(errors_of("09"), "1:2: invalid digit '9' in octal literal\n");
    ck_assert_str_eq(errors_of("0b102"), "1:5: invalid digit '2' in binary literal\n");
    ck_assert_str_eq(errors_of("1__2"), "1:3: '_' must separate successive digits\n");
    ck_assert_str_eq(errors_of("1_"), "1:2: '_' must separate successive digits\n");
    ck_assert_str_eq(errors_of("0x1.5"), "1:6: hexadecimal mantissa requires a 'p' exponent\n");
    ck_assert_str_eq(errors_of("1e+"), "1:4: exponent has no digits\n");
    ck_assert_str_eq(errors_of("0b1.0"), "1:4: invalid radix point in binary literal\n");
    ck_assert_str_eq(errors_of("0x1p"), "1:5: exponent has no digits\n");
}
END_TEST

START_TEST(test_char_errors) {
    ck_assert_str_eq(errors_of("a @ b"), "1:3: invalid character U+0040 '@'\n");
    ck_assert_str_eq(kinds("a @ b"), "identifier identifier NL EOF"); /* skipped */
    ck_assert_str_eq(errors_of("x·y"), "1:2: invalid character U+00B7 '·' in identifier\n");
    ck_assert_str_eq(errors_of("/* abc"), "1:1: comment not terminated\n");
    ck_assert_str_eq(errors_of("a\x01"), "1:2: invalid character U+0001\n");
}
END_TEST

START_TEST(test_tok_names) {
    ck_assert_str_eq(tok_names[T_ARROW], "<-");
    ck_assert_str_eq(tok_names[T_AND_NOT_ASSIGN], "&^=");
    ck_assert_str_eq(tok_names[T_VAR], "var");
    ck_assert_str_eq(tok_names[T_IDENT], "identifier");
}
END_TEST

START_TEST(test_garbage_never_crashes) {
    /* Every byte value and truncation: the lexer must always reach EOF. */
    char buf[300];
    unsigned seed = 12345;
    for (int round = 0; round < 300; round++) {
        int n = round % 200;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)((seed >> 16) & 0xff);
            if (buf[i] == 0) buf[i] = '"';
        }
        buf[n] = 0;
        Lexer lx;
        Lexed sink;
        memset(&sink, 0, sizeof sink);
        lex_init(&lx, buf, NULL, NULL);
        int count = 0;
        while (lex_next(&lx).kind != T_EOF) ck_assert_int_lt(++count, 1000);
    }
}
END_TEST

Suite *lex_suite(void) {
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("lex");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_keywords_and_idents);
    tcase_add_test(tc, test_operators_longest_match);
    tcase_add_test(tc, test_semicolon_insertion);
    tcase_add_test(tc, test_semicolon_values);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_int_literals);
    tcase_add_test(tc, test_float_and_imag_literals);
    tcase_add_test(tc, test_rune_literals);
    tcase_add_test(tc, test_string_escapes);
    tcase_add_test(tc, test_raw_strings);
    tcase_add_test(tc, test_unicode_identifiers);
    tcase_add_test(tc, test_shebang_and_bom);
    tcase_add_test(tc, test_string_errors);
    tcase_add_test(tc, test_rune_errors);
    tcase_add_test(tc, test_number_errors);
    tcase_add_test(tc, test_char_errors);
    tcase_add_test(tc, test_tok_names);
    tcase_add_test(tc, test_garbage_never_crashes);
    suite_add_tcase(s, tc);
    return s;
}
