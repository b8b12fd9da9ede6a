/*
 * debug.c — natives of package runtime/debug (stdlib/runtime/debug/debug.go):
 * the collector's percentage (runtime/gc.c, GC PERCENT), the goroutine
 * stack limit (runtime/fiber.c) and the memory limit, which is only
 * remembered (libgc has no soft limit to give it to).
 */
#include <stdatomic.h>
#include "runtime/vm.h"
#include "stdlib/lib.h"

/* Go's initial memory limit: math.MaxInt64 (no limit). Any thread. */
static _Atomic int64_t mem_limit = INT64_MAX;

static int n_SetGCPercent(Fiber *f, Slot *a) {
    a[0].i = gc_set_percent(a[0].i);
    return NATIVE_OK;
}

static int n_SetMaxStack(Fiber *f, Slot *a) {
    int64_t n = a[0].i;
    a[0].i = fiber_set_max_stack(n > 0 ? n : 1);
    return NATIVE_OK;
}

static int n_SetMemoryLimit(Fiber *f, Slot *a) {
    int64_t n = a[0].i;
    a[0].i = n < 0 ? atomic_load(&mem_limit) : atomic_exchange(&mem_limit, n);
    return NATIVE_OK;
}

static int n_FreeOSMemory(Fiber *f, Slot *a) {
    gc_collect(f->w, true);
    return NATIVE_OK;
}

const NativeEntry runtime_debug_natives[] = {
    {"debug.SetGCPercent", n_SetGCPercent},
    {"debug.SetMaxStack", n_SetMaxStack},
    {"debug.SetMemoryLimit", n_SetMemoryLimit},
    {"debug.FreeOSMemory", n_FreeOSMemory},
    {NULL, NULL},
};
