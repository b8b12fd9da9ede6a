/* cstack.c — the C stack left to the current thread; see cstack.h. */
#include "cstack.h"

#include <pthread.h>
#include <stdint.h>

enum { CSTACK_RESERVE = 1 << 20 };

/* The thread's stack [lo, hi) and the address below which it is low;
 * computed at the thread's first call (lo == 0: not yet, hi == 0: unknown). */
static _Thread_local uintptr_t st_lo, st_hi, st_limit;

static void cstack_init(void) {
    pthread_attr_t a;
    void *addr = NULL;
    size_t size = 0;
    st_lo = 1;
    if (pthread_getattr_np(pthread_self(), &a) != 0)
        return;
    if (pthread_attr_getstack(&a, &addr, &size) == 0 && addr && size) {
        st_lo = (uintptr_t)addr;
        st_hi = st_lo + size;
        size_t reserve = size / 4 < CSTACK_RESERVE ? size / 4 : CSTACK_RESERVE;
        st_limit = st_lo + reserve;
    }
    pthread_attr_destroy(&a);
}

bool cstack_low(void) {
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (!st_lo)
        cstack_init();
    return sp < st_limit && sp >= st_lo && sp < st_hi;
}
