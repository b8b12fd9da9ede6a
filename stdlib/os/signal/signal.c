/*
 * signal.c — natives of package os/signal (stdlib/os/signal/signal.go).
 *
 * PROTOCOL: enableSignal installs on_signal, which writes the signal's
 * number (one byte) to a pipe and does nothing else (async-signal-safe,
 * errno kept). signalRecv, called by the package's one delivering
 * goroutine, reads that pipe in the syscall hand-off: its thread keeps no
 * P while it waits. The write end is non-blocking: with 64 KiB of signals
 * unread, more are dropped (Go coalesces pending signals too).
 *
 * The runtime's own signals are refused (allowed()): SIGQUIT belongs to
 * goroutine.c's dump thread, the faults to the FFI crash handler, SIGPWR
 * and SIGXCPU to libgc's stop-the-world, the real-time ones to glibc.
 *
 * STATE: the pipe is made once (pthread_once) and read-only afterwards.
 * saved[] (the disposition found before csp first changed a signal, for
 * Reset) is protected by sig_lock.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "runtime/sim.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

static int sig_pipe[2] = {-1, -1};
static pthread_once_t pipe_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t sig_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sigaction saved[32];  /* protected by sig_lock */
static bool saved_valid[32];        /* protected by sig_lock */

static void make_pipe(void) {
    if (pipe2(sig_pipe, O_CLOEXEC) < 0)
        rt_fatal("os/signal: pipe: %s", strerror(errno));
    fcntl(sig_pipe[1], F_SETFL, fcntl(sig_pipe[1], F_GETFL) | O_NONBLOCK);
}

static void on_signal(int sig) {
    int e = errno;
    unsigned char b = (unsigned char)sig;
    ssize_t r = write(sig_pipe[1], &b, 1);
    (void)r;
    errno = e;
}

/* May csp programs take signal [sig]? */
static bool allowed(int64_t sig) {
    switch (sig) {
    case SIGQUIT: case SIGKILL: case SIGSTOP: case SIGSEGV: case SIGBUS:
    case SIGFPE: case SIGILL: case SIGTRAP: case SIGABRT: case SIGPWR:
    case SIGXCPU: case SIGPROF:
        return false;
    default:
        return sig >= 1 && sig < 32;
    }
}

/* Remembers sig's first disposition, for Reset. Holds sig_lock. */
static void save(int sig) {
    if (!saved_valid[sig] && sigaction(sig, NULL, &saved[sig]) == 0)
        saved_valid[sig] = true;
}

static int n_enableSignal(Fiber *f, Slot *a) {
    int sig = (int)a[0].i;
    if (!allowed(sig))
        return NATIVE_OK;
    pthread_once(&pipe_once, make_pipe);
    pthread_mutex_lock(&sig_lock);
    save(sig);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
    pthread_mutex_unlock(&sig_lock);
    return NATIVE_OK;
}

/* Back to the disposition found before csp first changed it, if csp's
 * handler is installed: as Go's, Reset leaves an ignored signal ignored. */
static int n_disableSignal(Fiber *f, Slot *a) {
    int sig = (int)a[0].i;
    if (!allowed(sig))
        return NATIVE_OK;
    pthread_mutex_lock(&sig_lock);
    struct sigaction cur;
    if (saved_valid[sig] && sigaction(sig, NULL, &cur) == 0 &&
        cur.sa_handler == on_signal)
        sigaction(sig, &saved[sig], NULL);
    pthread_mutex_unlock(&sig_lock);
    return NATIVE_OK;
}

static int n_ignoreSignal(Fiber *f, Slot *a) {
    int sig = (int)a[0].i;
    if (!allowed(sig))
        return NATIVE_OK;
    pthread_mutex_lock(&sig_lock);
    save(sig);
    signal(sig, SIG_IGN);
    pthread_mutex_unlock(&sig_lock);
    return NATIVE_OK;
}

static int n_signalIgnored(Fiber *f, Slot *a) {
    int sig = (int)a[0].i;
    struct sigaction cur;
    a[0].i = sig >= 1 && sig < 65 && sigaction(sig, NULL, &cur) == 0 &&
             cur.sa_handler == SIG_IGN;
    return NATIVE_OK;
}

/* signalRecv() int: the next signal caught, waiting without a P. It
 * waits in poll, never in a blocking read: a read restarts after a handler
 * (SA_RESTART), and ThreadSanitizer runs a handler only when the thread
 * leaves an interceptor, so a signal that landed on this very thread sat
 * there while it waited for it. poll returns EINTR instead. */
static int n_signalRecv(Fiber *f, Slot *a) {
    pthread_once(&pipe_once, make_pipe);
    struct pollfd p = {.fd = sig_pipe[0], .events = POLLIN};
    unsigned char b = 0;
    ssize_t r;
    do {
        sched_entersyscall(f->w);
        r = poll(&p, 1, -1) == 1 ? read(sig_pipe[0], &b, 1) : -1;
        sched_exitsyscall(f->w);
    } while (r != 1);
    a[0].i = b;
    return NATIVE_OK;
}

/* signalPoll() int: the next signal caught, or -1 if none is pending
 * (never waits: the simulation's loop). */
static int n_signalPoll(Fiber *f, Slot *a) {
    pthread_once(&pipe_once, make_pipe);
    struct pollfd p = {.fd = sig_pipe[0], .events = POLLIN};
    unsigned char b = 0;
    a[0].i = poll(&p, 1, 0) == 1 && read(sig_pipe[0], &b, 1) == 1 ? b : -1;
    return NATIVE_OK;
}

/* simulated() bool: is the deterministic simulation (sim.h) on? */
static int n_simulated(Fiber *f, Slot *a) {
    a[0].i = sim_on;
    return NATIVE_OK;
}

const NativeEntry os_signal_natives[] = {
    {"signal.signalPoll", n_signalPoll},
    {"signal.simulated", n_simulated},
    {"signal.enableSignal", n_enableSignal},
    {"signal.disableSignal", n_disableSignal},
    {"signal.ignoreSignal", n_ignoreSignal},
    {"signal.signalIgnored", n_signalIgnored},
    {"signal.signalRecv", n_signalRecv},
    {NULL, NULL},
};
