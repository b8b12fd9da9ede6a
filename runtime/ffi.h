/*
 * ffi.h — foreign calls: csp functions declared with `//csp:extern` and
 * called through libffi (runtime/ffi.c has the design notes).
 *
 *   //csp:extern LIB SYMBOL [variadic N] [free]
 *   func name(params) result
 *
 * The checker binds each such declaration once (ffi_bind: opens LIB, finds
 * SYMBOL, checks every parameter type); the compiler makes the bound
 * function the Proto's native (ffi_native). Calls then go through the
 * scheduler's syscall hand-off (sched_entersyscall / sched_exitsyscall).
 */
#ifndef CSP_FFI_H
#define CSP_FFI_H

#include <stddef.h>
#include <stdint.h>

#include "rt.h"

typedef struct FfiFn FfiFn;

/* Binds the function `fname` of signature sig (K_FUNC; pnames: its
 * parameter names, "_" when unnamed) to the directive text that follows
 * "//csp:extern". Returns NULL with a one-line message in err (no position:
 * the caller reports it at the directive) when the directive is malformed,
 * the library or symbol cannot be found (saying where it looked) or a
 * parameter or result type cannot cross to C (saying which and why). */
FfiFn *ffi_bind(const char *directive, const char *fname, Type *sig,
                const char *const *pnames, char *err, size_t errsize);
/* The native that calls fn (built once, any thread). */
NativeFn ffi_native(FfiFn *fn);
/* runtime.NumCgoCall: foreign calls made so far. */
int64_t ffi_num_calls(void);

#endif
