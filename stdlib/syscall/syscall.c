/*
 * syscall.c — natives of package syscall (stdlib/syscall/syscall.go):
 * errno texts, kill(2), the process and user ids and the page size (os
 * calls these too). Nothing here blocks.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "stdlib/lib.h"

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

/* sysKill(pid, sig) errno */
static int n_sysKill(Fiber *f, Slot *a) {
    a[0].i = kill((pid_t)a[0].i, (int)a[1].i) < 0 ? errno : 0;
    return NATIVE_OK;
}

static int n_Getpid(Fiber *f, Slot *a) {
    a[0].i = getpid();
    return NATIVE_OK;
}

static int n_Getppid(Fiber *f, Slot *a) {
    a[0].i = getppid();
    return NATIVE_OK;
}

static int n_Getuid(Fiber *f, Slot *a) {
    a[0].i = getuid();
    return NATIVE_OK;
}

static int n_Geteuid(Fiber *f, Slot *a) {
    a[0].i = geteuid();
    return NATIVE_OK;
}

static int n_Getgid(Fiber *f, Slot *a) {
    a[0].i = getgid();
    return NATIVE_OK;
}

static int n_Getegid(Fiber *f, Slot *a) {
    a[0].i = getegid();
    return NATIVE_OK;
}

static int n_Getpagesize(Fiber *f, Slot *a) {
    a[0].i = sysconf(_SC_PAGESIZE);
    return NATIVE_OK;
}

const NativeEntry syscall_natives[] = {
    {"syscall.errnoString", n_errnoString},
    {"syscall.sysKill", n_sysKill},
    {"syscall.Getpid", n_Getpid},
    {"syscall.Getppid", n_Getppid},
    {"syscall.Getuid", n_Getuid},
    {"syscall.Geteuid", n_Geteuid},
    {"syscall.Getgid", n_Getgid},
    {"syscall.Getegid", n_Getegid},
    {"syscall.Getpagesize", n_Getpagesize},
    {NULL, NULL},
};
