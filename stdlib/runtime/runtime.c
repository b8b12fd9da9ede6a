/*
 * runtime.c — natives of package runtime (stub: stdlib/runtime.go): the
 * scheduler's knobs, answered by runtime/sched.c.
 *
 * Gosched returns NATIVE_YIELD: the call completes and the goroutine goes
 * to the back of the global run queue, as Go's Gosched does. Goexit starts
 * an unwinding that runs the deferred calls and ends the goroutine
 * normally (vm.c, panic_goexit).
 */
#include <unistd.h>
#include "runtime/config.h"
#include "runtime/sim.h"
#include "runtime/ffi.h"
#include "runtime/leak.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

static int64_t ncpu(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

static int n_Version(Fiber *f, Slot *a) {
    a[0].p = str_from_cstr("csp " CSP_VERSION);
    return NATIVE_OK;
}

static int n_NumCPU(Fiber *f, Slot *a) {
    a[0].i = SIM_ON ? sim_nprocs() : ncpu(); /* a seed replays anywhere */
    return NATIVE_OK;
}

static int n_NumGoroutine(Fiber *f, Slot *a) {
    a[0].i = sched_num_goroutine();
    return NATIVE_OK;
}

static int n_NumCgoCall(Fiber *f, Slot *a) {
    a[0].i = ffi_num_calls();
    return NATIVE_OK;
}

/* GOMAXPROCS(n): n < 1 only asks. Go clamps to its own maximum too. */
static int n_GOMAXPROCS(Fiber *f, Slot *a) {
    int64_t n = a[0].i;
    if (n > SCHED_MAX_PROCS)
        n = SCHED_MAX_PROCS;
    a[0].i = sched_gomaxprocs(f->w, n < 1 ? 0 : (int)n);
    return NATIVE_OK;
}

static int n_Gosched(Fiber *f, Slot *a) { return NATIVE_YIELD; }

static int n_Goexit(Fiber *f, Slot *a) { return panic_goexit(f); }

/* Also reports the goroutine leaks this collection found (runtime/leak.c);
 * in a simulated run the caller yields and the simulation checks. */
static int n_GC(Fiber *f, Slot *a) {
    return leak_collect(f, a) ? NATIVE_YIELD : NATIVE_OK;
}

const NativeEntry runtime_natives[] = {
    {"runtime.Version", n_Version},
    {"runtime.NumCPU", n_NumCPU},
    {"runtime.NumGoroutine", n_NumGoroutine},
    {"runtime.NumCgoCall", n_NumCgoCall},
    {"runtime.GOMAXPROCS", n_GOMAXPROCS},
    {"runtime.Gosched", n_Gosched},
    {"runtime.Goexit", n_Goexit},
    {"runtime.GC", n_GC},
    {NULL, NULL},
};
