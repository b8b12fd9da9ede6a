/*
 * gc.h — allocation. csp uses the Boehm-Demers-Weiser collector (libgc):
 * conservative, thread-aware (every thread that touches the heap is
 * registered), interior pointers recognised. All csp objects come from here.
 */
#ifndef CSP_GC_H
#define CSP_GC_H

#include <stddef.h>
#include <string.h>
#define GC_THREADS 1
#include <gc/gc.h>

/* Go's `fatal error: runtime: out of memory`, exit 2 without atexit
 * handlers (rt_out_of_memory). Every allocation failure ends here. */
_Noreturn void gc_out_of_memory(size_t n);
/* Zeroed memory that may hold pointers. Never returns NULL (ends the
 * program with gc_out_of_memory). */
void *gc_alloc(size_t n);
/* Memory that holds no pointers (string bytes); NOT zeroed. */
void *gc_alloc_atomic(size_t n);
void *gc_realloc(void *p, size_t n);
char *gc_strdup(const char *s);
char *gc_strndup(const char *s, size_t n);
/* a, b and c joined into a new NUL-terminated string (the compiler's and
 * the REPL's messages and generated source). */
char *gc_strcat3(const char *a, const char *b, const char *c);
void gc_init(void);

#endif
