/*
 * sched_config.h — every tunable of the scheduler (sched.c), the thread
 * parking layer (park_linux.c) and channels (chan.c), each with the reason
 * for its value. (runtime/config.h holds the compiler's and VM's limits.)
 *
 * CSP_TEST_BUILD shrinks the run queue so that the overflow-to-global and
 * steal paths run in the unit tests "to give bugs a chance".
 *
 * CSP_NO_GC: the scheduler's and channels' own records come from calloc
 * instead of libgc. Only for the ThreadSanitizer build of the scheduler and
 * channel unit tests (libgc's stop-the-world signals and its lock-free
 * allocator are reported by TSAN as races it cannot understand). Nothing is
 * freed in that build; the tests are short.
 */
#ifndef CSP_SCHED_CONFIG_H
#define CSP_SCHED_CONFIG_H

/* Slots of a P's local run queue ring (a power of two: indexes are taken
 * modulo the size with a mask). 256 as in Go: large enough that a burst of
 * `go` statements rarely spills to the global queue, small enough that
 * stealing half is cheap. */
#ifdef CSP_TEST_BUILD
#define SCHED_RUNQ_SIZE 4
#else
#define SCHED_RUNQ_SIZE 256
#endif

/* Every this many scheduling rounds a P takes one goroutine from the global
 * queue before its local one, so the global queue cannot starve. 61 is
 * Go's value: prime, so it does not resonate with periodic workloads. */
#define SCHED_GLOBAL_CHECK_TICKS 61

/* A goroutine woken by the running one goes to `runnext` and inherits the
 * time slice, so a ping-pong pair stays on one P. Without a timer thread to
 * preempt such a pair (Go's sysmon), a P ignores runnext after this many
 * consecutive runnext picks and takes its queue's head, so the other
 * goroutines of the P are not starved. */
#define SCHED_RUNNEXT_STREAK 64

/* Upper bound on GOMAXPROCS (Go's _MaxGomaxprocs). allp is sized to it. */
#define SCHED_MAX_PROCS 1024

/* Rounds over all Ps (in random order) a spinning M makes trying to steal
 * before it gives up and parks. Go uses 4. */
#define SCHED_STEAL_TRIES 4

/* Dead goroutine records kept on a P's free list; past this, half move to
 * the global free list so another P that spawns can reuse them. */
#define SCHED_GFREE_LOCAL_MAX 64

/* Goroutine ids a P takes from the global counter at a time, so that
 * spawning does not contend on one atomic. */
#define SCHED_GOID_BATCH 16

/* Spins of the futex lock (park_linux.c) before it sleeps: a channel
 * critical section is a few dozen instructions, so a short spin usually
 * wins the lock without a system call. */
#define LOCK_SPIN 64

/* The monitor thread (sysmon, see SYSTEM CALLS in sched.c). It polls every
 * SCHED_SYSMON_MIN_NS while it is retaking Ps, doubles its sleep after
 * SCHED_SYSMON_IDLE_CYCLES polls that did nothing, up to
 * SCHED_SYSMON_MAX_NS, and sleeps until woken once it sees no M in a call
 * at that slowest pace: Go's 20 us .. 10 ms, so a program that makes no
 * calls pays nothing and a busy one a few wake-ups a second. */
#define SCHED_SYSMON_MIN_NS 20000
#define SCHED_SYSMON_MAX_NS 10000000
#define SCHED_SYSMON_IDLE_CYCLES 50

/* A P whose M has been in a call this long (and at least one whole sysmon
 * poll) is retaken: 20 us as Go, about the cost of starting another M, so
 * a short call never pays for a hand-off and a long one soon gives its P
 * away. With no work for it and other Ps idle the P is left alone up to
 * SCHED_SYSCALL_FORCE_NS (Go's 10 ms): its M will likely want it back. */
#define SCHED_SYSCALL_RETAKE_NS 20000
#define SCHED_SYSCALL_FORCE_NS 10000000

/* How often (ns) an M that waits for the world to stop re-checks. */
#define SCHED_STW_POLL_NS 100000

#endif
