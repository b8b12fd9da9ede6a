/*
 * rand.c — rt_rand64, the runtime's fast pseudo-random numbers (map iteration
 * order, map hash seeds, select's case order).
 *
 * Each thread owns its generator (thread-local state, no locks, no sharing):
 * a Weyl sequence (add an odd constant) passed through a multiply-fold mix,
 * the "wyrand" construction. It is seeded lazily on a thread's first call
 * from the clock, the thread id and the state's own address, so two threads
 * (and two runs) start from different points. Not for cryptography.
 */
#include <pthread.h>
#include <time.h>

#include "rt.h"

#define WEYL_STEP 0xa0761d6478bd642full
#define MIX_XOR   0xe7037ed1a0b428dbull

static __thread uint64_t rand_state;
static __thread int rand_seeded;

static inline uint64_t fold(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static void rand_seed(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t s = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30);
    s ^= (uint64_t)pthread_self() * 0x9e3779b97f4a7c15ull;
    s ^= (uint64_t)(uintptr_t)&rand_state;
    rand_state = fold(s ^ MIX_XOR, WEYL_STEP);
    rand_seeded = 1;
}

uint64_t rt_rand64(void) {
    if (!rand_seeded)
        rand_seed();
    rand_state += WEYL_STEP;
    return fold(rand_state, rand_state ^ MIX_XOR);
}

/* The simulation (sim.c) seeds the simulating thread's generator from the
 * run's seed, so hash seeds and map layouts repeat with it. */
void rt_rand_seed(uint64_t seed) {
    rand_state = fold(seed ^ MIX_XOR, WEYL_STEP);
    rand_seeded = 1;
}
