/*
 * rand.c — the native of package crypto/rand (rand.go): bytes from the
 * kernel's generator, getrandom(2), which blocks only until the pool is
 * first initialised at boot. Failing to get randomness is fatal, as in Go
 * 1.24+ (a program must never run on with predictable keys).
 */
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include "stdlib/lib.h"

/* fill(b []byte) */
static int n_fill(Fiber *f, Slot *a) {
    (void)f;
    Slice *s = a[0].p;
    uint8_t buf[256];
    for (int64_t i = 0, n = slice_len(s); i < n;) {
        size_t want = n - i < (int64_t)sizeof buf ? (size_t)(n - i) : sizeof buf;
        ssize_t got = getrandom(buf, want, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            rt_fatal("crypto/rand: failed to read random data (see https://go.dev/issue/66821): %s",
                     strerror(errno));
        }
        for (ssize_t k = 0; k < got; k++)
            s->data[i + k].u = buf[k];
        i += got;
    }
    return NATIVE_OK;
}

const NativeEntry crypto_rand_natives[] = {
    {"rand.fill", n_fill},
    {NULL, NULL},
};
