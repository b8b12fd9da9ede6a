/*
 * lib.h — the standard library's registry: which packages exist, where their
 * Go source is, and which natives they bind.
 *
 * A standard package is Go source (stdlib/NAME.go, compiled into the binary
 * as build/stdlib_src.c, see LibSource) plus, optionally, C natives
 * (stdlib/NAME.c). A function declared without a body in the Go source is a
 * native; the compiler binds it with lib_find_native() by its qualified name,
 * Go's spelling: "strings.Contains", "strings.(*Builder).WriteString".
 * Package paths with a slash may be given in full ("unicode/utf8.RuneLen")
 * or by package name ("utf8.RuneLen"); both resolve.
 *
 * Every table below is terminated by {NULL, NULL} and is read-only.
 */
#ifndef CSP_LIB_H
#define CSP_LIB_H

#include <stdint.h>
#include "../runtime/rt.h"

/* ---- embedded sources -------------------------------------------------------
 * build/stdlib_src.c is generated from stdlib/NAME.go files by the Makefile: one entry
 * per file, path = import path ("unicode/utf8" from stdlib/unicode_utf8.go),
 * terminated by {NULL, NULL}. It should #include "stdlib/lib.h" and define
 *     const LibSource lib_sources[] = { {"errors", "..."}, ..., {NULL, NULL} };
 */
typedef struct LibSource {
    const char *path;
    const char *src;
} LibSource;
extern const LibSource lib_sources[];

/* The Go source of the standard package at import_path, or NULL when there
 * is no such package. */
const char *lib_source(const char *import_path);

/* ---- per-package native tables (each defined in stdlib/NAME.c) ------------- */
extern const NativeEntry errors_natives[];
extern const NativeEntry strings_natives[];
extern const NativeEntry strconv_natives[];
extern const NativeEntry math_natives[];
extern const NativeEntry os_natives[];
extern const NativeEntry unicode_natives[];
extern const NativeEntry utf8_natives[];
extern const NativeEntry sort_natives[];
extern const NativeEntry fmt_natives[];   /* stdlib/fmt.c */
extern const NativeEntry rand_natives[];  /* stdlib/math_rand.c */
extern const NativeEntry time_natives[];  /* stdlib/time.c */
extern const NativeEntry runtime_natives[]; /* stdlib/runtime.c */
extern const NativeEntry sync_natives[], atomic_natives[]; /* sync.c, sync_atomic.c */
extern const NativeFast sync_native_fast[];   /* sync.c: inline fast paths */

/* ---- os ---------------------------------------------------------------------
 * The driver calls this once, before the program starts, with the script
 * path first: os.Args = [script, args...]. The strings are copied. */
void os_set_args(int argc, char **argv);

/* ---- time --------------------------------------------------------------------
 * The REPL's Ctrl-C: if goroutine goid (record g) sleeps in time.Sleep, its
 * timer fires now. Returns whether it did. */
typedef struct GSched GSched;
bool time_wake_sleeper(GSched *g, int64_t goid);

/* ---- running programs one after another in one process ---------------------
 * csp explore: forgets what the previous run left in the natives' state
 * (the top-level math/rand source is seeded afresh, from the run's seed
 * under the simulation; sync's wait table is emptied: its waiters belong to
 * the previous run). Call with no program running. */
void lib_reset_run(void);
void rand_reset_global(void);   /* math_rand.c */
void sync_reset(void);          /* sync.c */

/* ---- helpers shared between packages (and usable by fmt) ------------------- */

/* unicode.c: Unicode classes. Latin-1 is exact; beyond it the tables cover
 * the common scripts (see unicode.c for the list). */
bool uni_is_letter(int32_t r);
bool uni_is_digit(int32_t r);
bool uni_is_number(int32_t r);
bool uni_is_space(int32_t r);
bool uni_is_upper(int32_t r);
bool uni_is_lower(int32_t r);
bool uni_is_punct(int32_t r);
bool uni_is_symbol(int32_t r);
bool uni_is_control(int32_t r);
bool uni_is_print(int32_t r);     /* Go's unicode.IsPrint / strconv.IsPrint */
bool uni_is_graphic(int32_t r);
int32_t uni_to_upper(int32_t r);
int32_t uni_to_lower(int32_t r);
int32_t uni_to_title(int32_t r);

/* strconv.c: Go's FormatFloat(v, fmtc, prec, bitsize) appended to b
 * (fmtc one of 'e' 'E' 'f' 'g' 'G'; prec -1 = shortest that round-trips). */
void strconv_format_float(StrBuf *b, double v, char fmtc, int prec, int bitsize);
/* Go's strconv.Quote (ascii_only: QuoteToASCII) appended to b; quote is '"'
 * for strings, '\'' for QuoteRune (then s holds one rune's UTF-8). */
void strconv_quote(StrBuf *b, const char *s, int64_t n, char quote,
                   bool ascii_only);

#endif
