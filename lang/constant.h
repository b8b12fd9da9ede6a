/*
 * constant.h — exact-enough constant arithmetic for the type checker.
 *
 * Go constants are arbitrary precision. csp keeps integers in an __int128
 * (the fast path: nearly every constant) and floats, complex parts and
 * integers past 2^127 as MPFR numbers with go/constant's 512-bit mantissa
 * and a practically unbounded exponent (1e646456992 / 1e646456991 is 10),
 * rounded once per operation. Conversion to float32/float64 rounds to
 * nearest-even from those 512 bits, so `1e23 + 1` is 1.0000000000000001e+23
 * and max float64 + half an ulp - a little still rounds to max float64.
 * Integrality follows go/constant's ToInt: a value within a few of its last
 * bits of an integer is that integer (0.0005 * 1e9 is 500000).
 *
 * Rejected: exact rationals (go/constant's small-value form) need huge
 * numerators for 1e1000000-style literals and a second representation;
 * long double (the earlier form) lost exactness past 64 bits.
 *
 * Values carry no type: the checker pairs a ConstVal with the operand's
 * Type and calls cv_represent to convert and range-check it.
 */
#ifndef CSP_CONSTANT_H
#define CSP_CONSTANT_H

#include "ast.h"

typedef enum CvErr {
    CVE_OK = 0,
    CVE_DIVZERO,     /* "invalid operation: division by zero" */
    CVE_OVERFLOW,    /* result outside the 128-bit range */
    CVE_BADOP,       /* operator not defined on these constant kinds */
} CvErr;

/* Result of checking a constant against a type (cv_represent). */
typedef enum CvRep {
    CVR_OK = 0,
    CVR_OVERFLOW,    /* "(overflows)" / "constant 300 overflows int8" */
    CVR_TRUNCATED,   /* float with a fraction as an integer: "(truncated)" */
    CVR_MISMATCH,    /* wrong kind altogether (string as int...) */
} CvRep;

ConstVal cv_make_bool(bool b);
ConstVal cv_make_int(__int128 i);
ConstVal cv_make_float(double f);
ConstVal cv_make_string(const char *s, int64_t len);
ConstVal cv_make_complex(double re, double im);
/* complex(re, im) of two int/float constants. */
ConstVal cv_complex(ConstVal re, ConstVal im);
/* real(v) / imag(v) of a numeric constant, as CV_FLOAT. */
ConstVal cv_real(ConstVal v);
ConstVal cv_imag(ConstVal v);
/* The real / imaginary part rounded to the nearest float64 (+-Inf past
 * its range). */
double cv_float64(ConstVal v);
double cv_imag64(ConstVal v);
/* An integer value: CV_INT, or an integer past 2^126 held as a float. */
bool cv_is_int(ConstVal v);
/* A numeric constant equal to 0. */
bool cv_is_zero(ConstVal v);
/* An int or float as a complex constant (a complex unchanged). */
ConstVal cv_to_complex(ConstVal v);

/* Literal text as written in the source (underscores, 0x/0o/0b/legacy
 * octal prefixes, hex floats). False when the text is malformed or the
 * integer does not fit in 128 bits. */
bool cv_parse_int(const char *text, ConstVal *out);
bool cv_parse_float(const char *text, ConstVal *out);
/* An imaginary literal ("2i", "1.5e3i", "0x1p-2i"): CV_COMPLEX 0+vi. */
bool cv_parse_imag(const char *text, ConstVal *out);
/* A rune literal from its decoded UTF-8 bytes (lit.val / lit.vlen). */
ConstVal cv_parse_rune(const char *utf8, int64_t len);

/* x op y for + - * / % & | ^ &^ && ||. int_div selects integer division for
 * two CV_INT operands (the operands' type is an integer type); otherwise an
 * int operand meeting a float is promoted. */
CvErr cv_binary(TokKind op, ConstVal x, ConstVal y, bool int_div,
                ConstVal *out);
/* x << s and x >> s, s >= 0. */
CvErr cv_shift(TokKind op, ConstVal x, uint64_t s, ConstVal *out);
/* x op y for == != < <= > >=. */
bool cv_compare(TokKind op, ConstVal x, ConstVal y);
/* + - ^ ! applied to x. unsigned_bits > 0: ^ complements within that many
 * bits (typed unsigned operands), else ^x = -x-1. */
CvErr cv_unary(TokKind op, ConstVal x, int unsigned_bits, ConstVal *out);

/* Converts v to the representation of type t (integer kinds: CV_INT,
 * floats: CV_FLOAT rounded to float32/float64, bool, string) and checks
 * range. *out is written only on CVR_OK. Untyped target kinds accept any
 * value of a compatible kind. */
CvRep cv_represent(ConstVal v, const Type *t, ConstVal *out);

/* Numeric helpers. cv_to_float: CV_INT -> CV_FLOAT. cv_is_integral: an int,
 * or a float with no fraction. */
ConstVal cv_to_float(ConstVal v);
bool cv_is_integral(ConstVal v);
/* Integer value if integral and within int64 (for indices, lengths, shift
 * counts); false otherwise. */
bool cv_int64(ConstVal v, int64_t *out);
bool cv_equal(ConstVal a, ConstVal b);

/* The value as Go's go/constant String() prints it in messages: integers
 * in decimal, floats with %.6g (integral ones as integers), strings quoted
 * and cut to 72 characters, bools as true/false. Result on the GC heap. */
const char *cv_string(ConstVal v);

#endif
