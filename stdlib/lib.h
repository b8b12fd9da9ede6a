/*
 * lib.h — the standard library's registry: which packages exist, where their
 * Go source is, and which natives they bind.
 *
 * A standard package is a folder of stdlib/ named by its import path, as in
 * Go's source tree: its Go source (stdlib/sync/atomic/atomic.go, compiled
 * into the binary, see LibSource) plus, optionally, C natives
 * (stdlib/sync/atomic/atomic.c). A function declared without a body in the Go source is a
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
#include "runtime/rt.h"

/* ---- generated from the tree ------------------------------------------------
 * build/stdlib_src.c is written by stdlib/embed.sh, which walks stdlib/: one
 * folder per import path (stdlib/unicode/utf8/) holding the package's Go
 * source and, optionally, C natives. It defines both tables below. */
typedef struct LibSource {
    const char *path;   /* import path: "unicode/utf8" */
    const char *src;    /* the package's Go source */
} LibSource;
extern const LibSource lib_sources[];   /* ends with {NULL, NULL} */

/* The native table of each package with natives: [NAME]_natives, NAME the
 * import path with '/' as '_' (sync_atomic_natives), defined in the
 * package's .c file. Ends with {NULL, NULL}. */
typedef struct LibNatives {
    const char *path;
    const NativeEntry *table;
} LibNatives;
extern const LibNatives lib_natives[];

/* The Go source of the standard package at import_path, or NULL when there
 * is no such package. */
const char *lib_source(const char *import_path);

extern const NativeFast sync_native_fast[];   /* sync/sync.c: inline fast paths */

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
void rand_reset_global(void);   /* math/rand/rand.c */
void sync_reset(void);          /* sync/sync.c */
/* sync/pool.c: sync.(*Pool).get and Put, bound in sync.c's table. */
int sync_pool_get(Fiber *f, Slot *a);
int sync_pool_put(Fiber *f, Slot *a);

/* ---- helpers shared between packages (and usable by fmt) ------------------- */

/* reflect.c: when t is reflect.Value, the type (NULL: the zero Value),
 * memory and read-only flag (reached through an unexported
 * field) of the value held by the Value at mem; false for any other t. */
bool reflect_value_parts(Type *t, const Slot *mem, Type **vt, Slot **vmem,
                         bool *ro);

/* unicode.c: Unicode classes and case mapping, exactly Go's package
 * unicode's (the same tables: stdlib/unicode/tables.c). */
bool uni_is_letter(int32_t r);
bool uni_is_digit(int32_t r);
bool uni_is_number(int32_t r);
bool uni_is_space(int32_t r);
bool uni_is_upper(int32_t r);
bool uni_is_lower(int32_t r);
bool uni_is_title(int32_t r);
bool uni_is_punct(int32_t r);
bool uni_is_symbol(int32_t r);
bool uni_is_mark(int32_t r);
bool uni_is_control(int32_t r);
bool uni_is_print(int32_t r);     /* Go's unicode.IsPrint / strconv.IsPrint */
bool uni_is_graphic(int32_t r);
int32_t uni_to_upper(int32_t r);
int32_t uni_to_lower(int32_t r);
int32_t uni_to_title(int32_t r);
int32_t uni_simple_fold(int32_t r);   /* Go's unicode.SimpleFold */
/* Whether a and b are equal under simple case folding (one orbit), as
 * Go's strings.EqualFold compares runes. */
bool uni_equal_fold(int32_t a, int32_t b);
/* A table of package unicode (Go's *RangeTable, in C: unicode/tables.h). */
typedef struct UniTable UniTable;
bool uni_in(const UniTable *t, int32_t r);   /* Go's unicode.Is */
/* The table that Go's unicode.Categories (kind 'c'), Scripts ('s') or
 * Properties ('p') holds under the name name[0..n), or NULL; *fold (when
 * fold is not NULL) gets its FoldCategory / FoldScript table, NULL when
 * it has none. */
const UniTable *uni_lookup(char kind, const char *name, size_t n,
                           const UniTable **fold);
/* unicode.CategoryAliases' i-th entry (sorted by alias); false past the end. */
bool uni_category_alias(int i, const char **alias, const char **category);
/* Calls fn for the runs of t's runes in increasing order (a strided range
 * gives one call per rune). */
typedef void UniRangeFn(int32_t lo, int32_t hi, void *arg);
void uni_each_range(const UniTable *t, UniRangeFn *fn, void *arg);

/* strconv.c: Go's FormatFloat(v, fmtc, prec, bitsize) appended to b
 * (fmtc one of 'e' 'E' 'f' 'g' 'G' 'b' 'x' 'X'; prec -1 = shortest that
 * round-trips). */
void strconv_format_float(StrBuf *b, double v, char fmtc, int prec, int bitsize);
/* Go's strconv.Quote (ascii_only: QuoteToASCII) appended to b; quote is '"'
 * for strings, '\'' for QuoteRune (then s holds one rune's UTF-8). */
void strconv_quote(StrBuf *b, const char *s, int64_t n, char quote,
                   bool ascii_only);

#endif
