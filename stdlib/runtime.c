/*
 * runtime.c — natives of package runtime (stub: stdlib/runtime.go).
 *
 * The scheduler's knobs answer for the single main goroutine until the M:N
 * runtime is wired in: NumGoroutine is 1, Gosched returns at once, and
 * GOMAXPROCS reports and records the requested count.
 */
#include <stdatomic.h>
#include <unistd.h>
#include "../runtime/config.h"
#include "lib.h"

static _Atomic int64_t maxprocs; /* 0 until first asked: then NumCPU */

static int64_t ncpu(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

static int n_Version(Fiber *f, Slot *a) {
    a[0].p = str_from_cstr("csp " CSP_VERSION);
    return NATIVE_OK;
}

static int n_NumCPU(Fiber *f, Slot *a) {
    a[0].i = ncpu();
    return NATIVE_OK;
}

static int n_NumGoroutine(Fiber *f, Slot *a) {
    a[0].i = 1;
    return NATIVE_OK;
}

static int n_GOMAXPROCS(Fiber *f, Slot *a) {
    int64_t old = atomic_load(&maxprocs);
    if (old == 0)
        old = ncpu();
    if (a[0].i > 0)
        atomic_store(&maxprocs, a[0].i);
    a[0].i = old;
    return NATIVE_OK;
}

static int n_Gosched(Fiber *f, Slot *a) { return NATIVE_OK; }

static int n_GC(Fiber *f, Slot *a) {
    GC_gcollect();
    return NATIVE_OK;
}

const NativeEntry runtime_natives[] = {
    {"runtime.Version", n_Version},
    {"runtime.NumCPU", n_NumCPU},
    {"runtime.NumGoroutine", n_NumGoroutine},
    {"runtime.GOMAXPROCS", n_GOMAXPROCS},
    {"runtime.Gosched", n_Gosched},
    {"runtime.GC", n_GC},
    {NULL, NULL},
};
