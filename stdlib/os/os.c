/*
 * os.c — natives of package os (stub: stdlib/os.go): arguments, exit,
 * environment and plain read/write system calls.
 *
 * STATE: the script arguments are set once by the driver (os_set_args)
 * before any fiber runs, and only read afterwards; no lock is needed.
 *
 * BLOCKING: read(2) on a terminal or pipe and write(2) to a full pipe
 * block the calling thread. Each is bracketed by sched_entersyscall /
 * sched_exitsyscall (sched.h): the goroutine is in `syscall` state, and if
 * the call lasts more than ~20 us the monitor thread gives the P to another
 * M, so a goroutine waiting for stdin does not stop the others. Regular
 * files (ReadFile, WriteFile) are bracketed too: a slow disk blocks as well.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runtime/vm.h"
#include "stdlib/lib.h"

static int saved_argc;      /* written once by os_set_args, then read-only */
static char **saved_argv;

void os_set_args(int argc, char **argv) {
    char **copy = calloc((size_t)argc + 1, sizeof *copy);
    if (!copy)
        rt_fatal("out of memory");
    for (int i = 0; i < argc; i++)
        if (!(copy[i] = strdup(argv[i])))
            rt_fatal("out of memory");
    saved_argc = argc;
    saved_argv = copy;
}

static int n_runtimeArgs(Fiber *f, Slot *a) {
    Slice *s = slice_new(type_basic(K_STRING), saved_argc, saved_argc);
    for (int i = 0; i < saved_argc; i++)
        s->data[i].p = str_from_cstr(saved_argv[i]);
    a[0].p = s;
    return NATIVE_OK;
}

static int n_Exit(Fiber *f, Slot *a) {
    vm_exit((int)a[0].i); /* at once, as main returning: no other goroutine
                             runs on */
}

static int n_Getenv(Fiber *f, Slot *a) {
    const char *v = getenv(str_cstr(a[0].p));
    a[0].p = v ? str_from_cstr(v) : NULL;
    return NATIVE_OK;
}

static int n_LookupEnv(Fiber *f, Slot *a) {
    const char *v = getenv(str_cstr(a[0].p));
    a[0].p = v ? str_from_cstr(v) : NULL;
    a[1].i = v != NULL;
    return NATIVE_OK;
}

static int n_Getpid(Fiber *f, Slot *a) {
    a[0].i = getpid();
    return NATIVE_OK;
}

/* As Go (os.epipecheck): a write to a closed pipe on standard output or
 * error ends the program by SIGPIPE even when the parent ignores it, so
 * `prog | head -1` stops quietly with status 141 instead of looping on
 * EPIPE. Other descriptors get the error. */
static _Noreturn void die_of_sigpipe(void) {
    signal(SIGPIPE, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGPIPE);
    _exit(2); /* not reached */
}

/* Writes all n bytes (retrying short writes and EINTR), each write(2) in
 * the syscall hand-off of worker wk. Returns the bytes written and sets
 * *err to errno on failure. */
static int64_t write_all(Worker *wk, int fd, const char *p, int64_t n, int *err) {
    int64_t done = 0;
    *err = 0;
    while (done < n) {
        sched_entersyscall(wk);
        ssize_t w = write(fd, p + done, (size_t)(n - done));
        sched_exitsyscall(wk);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EPIPE && (fd == 1 || fd == 2))
                die_of_sigpipe();
            *err = errno;
            break;
        }
        done += w;
    }
    return done;
}

/* The bytes of a []byte (one slot each) as a C buffer. */
static char *bytes_of(const Slice *p) {
    int64_t n = slice_len(p);
    char *buf = gc_alloc_atomic((size_t)n + 1);
    for (int64_t i = 0; i < n; i++)
        buf[i] = (char)p->data[i].u;
    return buf;
}

static int n_sysWrite(Fiber *f, Slot *a) {
    Slice *p = a[1].p;
    int err;
    a[0].i = write_all(f->w, (int)a[0].i, bytes_of(p), slice_len(p), &err);
    a[1].i = err;
    return NATIVE_OK;
}

static int n_sysWriteString(Fiber *f, Slot *a) {
    Str *s = a[1].p;
    int err;
    a[0].i = write_all(f->w, (int)a[0].i, str_data(s), str_len(s), &err);
    a[1].i = err;
    return NATIVE_OK;
}

static int n_sysRead(Fiber *f, Slot *a) {
    Slice *p = a[1].p;
    int64_t n = slice_len(p);
    char *buf = gc_alloc_atomic((size_t)n + 1);
    ssize_t r;
    do {
        sched_entersyscall(f->w);
        r = read((int)a[0].i, buf, (size_t)n);
        sched_exitsyscall(f->w);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        a[0].i = 0;
        a[1].i = errno;
        return NATIVE_OK;
    }
    for (ssize_t i = 0; i < r; i++)
        p->data[i].u = (unsigned char)buf[i];
    a[0].i = r;
    a[1].i = 0;
    return NATIVE_OK;
}

static int n_sysReadFile(Fiber *f, Slot *a) {
    int fd = open(str_cstr(a[0].p), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        a[0].p = NULL;
        a[1].i = errno;
        return NATIVE_OK;
    }
    StrBuf b;
    sb_init(&b);
    char chunk[65536];
    int err = 0;
    for (;;) {
        sched_entersyscall(f->w);
        ssize_t r = read(fd, chunk, sizeof chunk);
        sched_exitsyscall(f->w);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            err = errno;
        if (r <= 0)
            break;
        sb_write(&b, chunk, r);
    }
    close(fd);
    Slice *s = slice_new(type_basic(K_UINT8), b.len, b.len);
    for (int64_t i = 0; i < b.len; i++)
        s->data[i].u = (unsigned char)b.data[i];
    a[0].p = err ? NULL : s;
    a[1].i = err;
    return NATIVE_OK;
}

static int n_sysWriteFile(Fiber *f, Slot *a) {
    int fd = open(str_cstr(a[0].p), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                  (mode_t)a[2].u);
    if (fd < 0) {
        a[0].i = errno;
        return NATIVE_OK;
    }
    Slice *p = a[1].p;
    int err;
    write_all(f->w, fd, bytes_of(p), slice_len(p), &err);
    if (close(fd) < 0 && !err)
        err = errno;
    a[0].i = err;
    return NATIVE_OK;
}

/* Go's errno texts are strerror's with a lower-case first letter
 * ("no such file or directory"). */
static int n_errnoString(Fiber *f, Slot *a) {
    char buf[256];
    const char *msg = strerror_r((int)a[0].i, buf, sizeof buf);
    Str *s = str_from_cstr(msg);
    if (s && s->data[0] >= 'A' && s->data[0] <= 'Z') {
        char *copy = gc_alloc_atomic((size_t)s->len);
        memcpy(copy, s->data, (size_t)s->len);
        copy[0] = (char)(copy[0] - 'A' + 'a');
        s = str_new(copy, s->len);
    }
    a[0].p = s;
    return NATIVE_OK;
}

const NativeEntry os_natives[] = {
    {"os.runtimeArgs", n_runtimeArgs},
    {"os.Exit", n_Exit},
    {"os.Getenv", n_Getenv},
    {"os.LookupEnv", n_LookupEnv},
    {"os.Getpid", n_Getpid},
    {"os.sysWrite", n_sysWrite},
    {"os.sysWriteString", n_sysWriteString},
    {"os.sysRead", n_sysRead},
    {"os.sysReadFile", n_sysReadFile},
    {"os.sysWriteFile", n_sysWriteFile},
    {"os.errnoString", n_errnoString},
    {NULL, NULL},
};
