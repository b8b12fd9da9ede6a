/*
 * os.c — natives of package os (stdlib/os/os.go): arguments, exit,
 * environment, and the system calls behind files, directories, pipes and
 * processes. Each system-call native returns an errno (0: none) beside its
 * results; os.go turns it into Go's error (*PathError, *LinkError,
 * *SyscallError) with Go's texts. Byte slices hold one slot a byte, so
 * reads and writes go through a C buffer.
 *
 * STATE: the script arguments are set once by the driver (os_set_args)
 * before any fiber runs, and only read afterwards; no lock is needed. The
 * SIGPIPE handler is installed once (pthread_once).
 *
 * BLOCKING: every call that may wait — read(2) on a terminal or pipe,
 * write(2) to a full pipe, open(2) of a FIFO, waitpid(2), any file-system
 * call on a slow disk — is bracketed by sched_entersyscall /
 * sched_exitsyscall (sched.h): the goroutine is in `syscall` state, and if
 * the call lasts more than ~20 us the monitor thread gives the P to another
 * M, so a goroutine waiting for stdin, a pipe or a child process does not
 * stop the others. EINTR is retried.
 *
 * Directories are read whole by sysReadDir (readdir(3) on a dup of the
 * descriptor); File keeps the entries and hands them out n at a time.
 * Processes start with posix_spawn (sysStartProcess), which reports a
 * failed exec as its result, so no child can fail silently.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runtime/sim.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

extern char **environ;

/* The C environment is not safe to change while another thread reads it:
 * every getenv/setenv/unsetenv/environ walk here holds env_lock. */
static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;

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
    pthread_mutex_lock(&env_lock);
    const char *v = getenv(str_cstr(a[0].p));
    a[0].p = v ? str_from_cstr(v) : NULL;
    pthread_mutex_unlock(&env_lock);
    return NATIVE_OK;
}

static int n_LookupEnv(Fiber *f, Slot *a) {
    pthread_mutex_lock(&env_lock);
    const char *v = getenv(str_cstr(a[0].p));
    a[0].p = v ? str_from_cstr(v) : NULL;
    a[1].i = v != NULL;
    pthread_mutex_unlock(&env_lock);
    return NATIVE_OK;
}

/* sysSetenv(key, value) errno: Go's rules (syscall.Setenv): an empty key,
 * or '=' or NUL in the key, or NUL in the value, is EINVAL. */
static int n_sysSetenv(Fiber *f, Slot *a) {
    Str *k = a[0].p, *v = a[1].p;
    int64_t kn = str_len(k), vn = str_len(v);
    if (kn == 0 || memchr(str_data(k), '=', (size_t)kn) ||
        memchr(str_data(k), 0, (size_t)kn) || (vn && memchr(str_data(v), 0, (size_t)vn))) {
        a[0].i = EINVAL;
        return NATIVE_OK;
    }
    pthread_mutex_lock(&env_lock);
    int r = setenv(str_cstr(k), str_cstr(v), 1);
    a[0].i = r < 0 ? errno : 0;
    pthread_mutex_unlock(&env_lock);
    return NATIVE_OK;
}

static int n_sysUnsetenv(Fiber *f, Slot *a) {
    pthread_mutex_lock(&env_lock);
    int r = unsetenv(str_cstr(a[0].p));
    a[0].i = r < 0 ? errno : 0;
    pthread_mutex_unlock(&env_lock);
    return NATIVE_OK;
}

static int n_Environ(Fiber *f, Slot *a) {
    pthread_mutex_lock(&env_lock);
    int64_t n = 0;
    while (environ && environ[n])
        n++;
    Slice *s = slice_new(type_basic(K_STRING), n, n);
    for (int64_t i = 0; i < n; i++)
        s->data[i].p = str_from_cstr(environ[i]);
    pthread_mutex_unlock(&env_lock);
    a[0].p = s;
    return NATIVE_OK;
}

static int n_Clearenv(Fiber *f, Slot *a) {
    pthread_mutex_lock(&env_lock);
    clearenv();
    pthread_mutex_unlock(&env_lock);
    return NATIVE_OK;
}

/* sysGetwd() (dir string, errno int) */
static int n_sysGetwd(Fiber *f, Slot *a) {
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) {
        a[0].p = NULL;
        a[1].i = errno;
    } else {
        a[0].p = str_from_cstr(buf);
        a[1].i = 0;
    }
    return NATIVE_OK;
}

/* Path system calls: (name...) errno int, each in the syscall hand-off
 * (a slow or network file system blocks). */
static int n_sysChdir(Fiber *f, Slot *a) {
    sched_entersyscall(f->w);
    int r = chdir(str_cstr(a[0].p));
    int e = errno;
    sched_exitsyscall(f->w);
    a[0].i = r < 0 ? e : 0;
    return NATIVE_OK;
}

static int n_sysMkdir(Fiber *f, Slot *a) {
    sched_entersyscall(f->w);
    int r = mkdir(str_cstr(a[0].p), (mode_t)a[1].u);
    int e = errno;
    sched_exitsyscall(f->w);
    a[0].i = r < 0 ? e : 0;
    return NATIVE_OK;
}

/* As Go's Remove: unlink, then rmdir; the rmdir error is reported unless
 * it is ENOTDIR (the name was a file: unlink's error says why). */
static int n_sysRemove(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    sched_entersyscall(f->w);
    int e = 0;
    if (unlink(name) < 0) {
        e = errno;
        if (rmdir(name) == 0)
            e = 0;
        else if (errno != ENOTDIR)
            e = errno;
    }
    sched_exitsyscall(f->w);
    a[0].i = e;
    return NATIVE_OK;
}

/* As Go's rename on Unix: renaming onto an existing directory is EEXIST
 * (even onto itself), not rename(2)'s replace, unless two different names
 * are the same file (a case-only rename on a case-insensitive disk). */
static int n_sysRename(Fiber *f, Slot *a) {
    const char *from = str_cstr(a[0].p), *to = str_cstr(a[1].p);
    struct stat sto, sfrom;
    int e = 0;
    sched_entersyscall(f->w);
    if (lstat(to, &sto) == 0 && S_ISDIR(sto.st_mode)) {
        if (lstat(from, &sfrom) < 0)
            e = errno;
        else if (strcmp(from, to) == 0 || sfrom.st_dev != sto.st_dev ||
                 sfrom.st_ino != sto.st_ino)
            e = EEXIST;
        else if (rename(from, to) < 0)
            e = errno;
    } else if (rename(from, to) < 0) {
        e = errno;
    }
    sched_exitsyscall(f->w);
    a[0].i = e;
    return NATIVE_OK;
}

static int n_sysHostname(Fiber *f, Slot *a) {
    char buf[HOST_NAME_MAX + 1];
    if (gethostname(buf, sizeof buf) < 0) {
        a[0].p = NULL;
        a[1].i = errno;
        return NATIVE_OK;
    }
    buf[HOST_NAME_MAX] = 0;
    a[0].p = str_from_cstr(buf);
    a[1].i = 0;
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

static void fill_bytes(Slice *p, const char *buf, ssize_t r);

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

/* Copies r bytes read into buf to the []byte p (one slot a byte). */
static void fill_bytes(Slice *p, const char *buf, ssize_t r) {
    for (ssize_t i = 0; i < r; i++)
        p->data[i].u = (unsigned char)buf[i];
}

/* sysReadFile(name) (data []byte, errno int, readErr bool): as Go's
 * ReadFile, open then read to the end; readErr says the read failed (a
 * directory: EISDIR) rather than the open. */
static int n_sysReadFile(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    int fd;
    do {
        sched_entersyscall(f->w);
        fd = open(name, O_RDONLY | O_CLOEXEC);
        sched_exitsyscall(f->w);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        a[0].p = NULL;
        a[1].i = errno;
        a[2].i = 0;
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
    fill_bytes(s, b.data, b.len);
    a[0].p = err ? NULL : s;
    a[1].i = err;
    a[2].i = err != 0;
    return NATIVE_OK;
}

/* sysWriteFile(name, data, perm) (errno, op int): op 0 open, 1 write,
 * 2 close, as Go's WriteFile reports them. */
static int n_sysWriteFile(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    int fd;
    do {
        sched_entersyscall(f->w);
        fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, (mode_t)a[2].u);
        sched_exitsyscall(f->w);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        a[0].i = errno;
        a[1].i = 0;
        return NATIVE_OK;
    }
    Slice *p = a[1].p;
    int err, op = 1;
    write_all(f->w, fd, bytes_of(p), slice_len(p), &err);
    if (close(fd) < 0 && !err) {
        err = errno;
        op = 2;
    }
    a[0].i = err;
    a[1].i = op;
    return NATIVE_OK;
}

/* SIGPIPE: as Go, a write to a pipe or FIFO whose reader is gone returns
 * EPIPE instead of killing the process (standard output and error excepted:
 * die_of_sigpipe). The handler does nothing; a handler, unlike SIG_IGN, is
 * reset by exec, so child processes start with the default. Installed the
 * first time a pipe or file is opened, unless SIGPIPE was ignored already. */
static void on_sigpipe(int sig) { (void)sig; }

static void install_sigpipe(void) {
    struct sigaction old, sa;
    if (sigaction(SIGPIPE, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigpipe;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPIPE, &sa, NULL);
}

static pthread_once_t sigpipe_once = PTHREAD_ONCE_INIT;

/* sysOpen(name, flag, perm) (fd, errno): open(2) with O_CLOEXEC, retried
 * on EINTR (a FIFO's open blocks until the other end opens). */
static int n_sysOpen(Fiber *f, Slot *a) {
    pthread_once(&sigpipe_once, install_sigpipe);
    const char *name = str_cstr(a[0].p);
    int fd;
    do {
        sched_entersyscall(f->w);
        fd = open(name, (int)a[1].i | O_CLOEXEC, (mode_t)a[2].u);
        sched_exitsyscall(f->w);
    } while (fd < 0 && errno == EINTR);
    a[0].i = fd < 0 ? -1 : fd;
    a[1].i = fd < 0 ? errno : 0;
    return NATIVE_OK;
}

/* sysClose(fd) errno. EINTR is not retried: the descriptor is gone either
 * way on Linux. */
static int n_sysClose(Fiber *f, Slot *a) {
    sched_entersyscall(f->w);
    int r = close((int)a[0].i);
    sched_exitsyscall(f->w);
    a[0].i = r < 0 && errno != EINTR ? errno : 0;
    return NATIVE_OK;
}

/* sysPread(fd, p, off) (n, errno): one pread(2). */
static int n_sysPread(Fiber *f, Slot *a) {
    Slice *p = a[1].p;
    int64_t n = slice_len(p);
    char *buf = gc_alloc_atomic((size_t)n + 1);
    ssize_t r;
    do {
        sched_entersyscall(f->w);
        r = pread((int)a[0].i, buf, (size_t)n, (off_t)a[2].i);
        sched_exitsyscall(f->w);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        a[0].i = 0;
        a[1].i = errno;
        return NATIVE_OK;
    }
    fill_bytes(p, buf, r);
    a[0].i = r;
    a[1].i = 0;
    return NATIVE_OK;
}

/* sysPwrite(fd, p, off) (n, errno): pwrite(2) until all is written. */
static int n_sysPwrite(Fiber *f, Slot *a) {
    Slice *p = a[1].p;
    int64_t n = slice_len(p), done = 0;
    const char *buf = bytes_of(p);
    int err = 0;
    while (done < n) {
        sched_entersyscall(f->w);
        ssize_t w = pwrite((int)a[0].i, buf + done, (size_t)(n - done),
                           (off_t)(a[2].i + done));
        sched_exitsyscall(f->w);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            err = errno;
            break;
        }
        done += w;
    }
    a[0].i = done;
    a[1].i = err;
    return NATIVE_OK;
}

/* sysSeek(fd, off, whence) (int64, errno) */
static int n_sysSeek(Fiber *f, Slot *a) {
    off_t r = lseek((int)a[0].i, (off_t)a[1].i, (int)a[2].i);
    a[0].i = r < 0 ? 0 : r;
    a[1].i = r < 0 ? errno : 0;
    return NATIVE_OK;
}

/* Calls that return 0 or -1 with errno, bracketed; result: the errno. */
#define ERRNO_CALL(f, call)                                                    \
    do {                                                                       \
        int r_;                                                                \
        do {                                                                   \
            sched_entersyscall((f)->w);                                        \
            r_ = (call);                                                       \
            sched_exitsyscall((f)->w);                                         \
        } while (r_ < 0 && errno == EINTR);                                    \
        a[0].i = r_ < 0 ? errno : 0;                                           \
    } while (0)

static int n_sysFsync(Fiber *f, Slot *a) {
    ERRNO_CALL(f, fsync((int)a[0].i));
    return NATIVE_OK;
}

static int n_sysFtruncate(Fiber *f, Slot *a) {
    ERRNO_CALL(f, ftruncate((int)a[0].i, (off_t)a[1].i));
    return NATIVE_OK;
}

static int n_sysTruncate(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    ERRNO_CALL(f, truncate(name, (off_t)a[1].i));
    return NATIVE_OK;
}

static int n_sysFchmod(Fiber *f, Slot *a) {
    ERRNO_CALL(f, fchmod((int)a[0].i, (mode_t)a[1].u));
    return NATIVE_OK;
}

static int n_sysChmod(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    ERRNO_CALL(f, chmod(name, (mode_t)a[1].u));
    return NATIVE_OK;
}

static int n_sysSymlink(Fiber *f, Slot *a) {
    const char *from = str_cstr(a[0].p), *to = str_cstr(a[1].p);
    ERRNO_CALL(f, symlink(from, to));
    return NATIVE_OK;
}

static int n_sysLink(Fiber *f, Slot *a) {
    const char *from = str_cstr(a[0].p), *to = str_cstr(a[1].p);
    ERRNO_CALL(f, link(from, to));
    return NATIVE_OK;
}

/* Results of the stat natives: (size, mode, sec, nsec, dev, ino, errno). */
static void put_stat(Slot *a, int r, const struct stat *st) {
    if (r < 0) {
        int e = errno;
        memset(a, 0, 6 * sizeof *a);
        a[6].i = e;
        return;
    }
    a[0].i = st->st_size;
    a[1].u = st->st_mode;
    a[2].i = st->st_mtim.tv_sec;
    a[3].i = st->st_mtim.tv_nsec;
    a[4].u = st->st_dev;
    a[5].u = st->st_ino;
    a[6].i = 0;
}

static int n_sysFstat(Fiber *f, Slot *a) {
    struct stat st;
    sched_entersyscall(f->w);
    int r = fstat((int)a[0].i, &st);
    sched_exitsyscall(f->w);
    put_stat(a, r, &st);
    return NATIVE_OK;
}

/* sysStat(name, follow): stat(2), or lstat(2) when !follow. */
static int n_sysStat(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    struct stat st;
    int r;
    do {
        sched_entersyscall(f->w);
        r = a[1].i ? stat(name, &st) : lstat(name, &st);
        sched_exitsyscall(f->w);
    } while (r < 0 && errno == EINTR);
    put_stat(a, r, &st);
    return NATIVE_OK;
}

/* d_type as st_mode's type bits (S_IFDIR …), -1 for DT_UNKNOWN. */
static int64_t dtype_mode(unsigned char t) {
    switch (t) {
    case DT_REG: return S_IFREG;
    case DT_DIR: return S_IFDIR;
    case DT_LNK: return S_IFLNK;
    case DT_FIFO: return S_IFIFO;
    case DT_SOCK: return S_IFSOCK;
    case DT_CHR: return S_IFCHR;
    case DT_BLK: return S_IFBLK;
    default: return -1;
    }
}

/* sysReadDir(fd) (names []string, types []int, errno): the entries from
 * the directory's offset to its end, "." and ".." left out, in the
 * order getdents(2) gives them (Go's order). Reads through a dup of fd,
 * which shares fd's offset, so fd stays open and a later call (after a
 * Seek back to 0) reads again. */
static int n_sysReadDir(Fiber *f, Slot *a) {
    int fd = (int)a[0].i, e = 0;
    StrBuf names;
    sb_init(&names);
    int64_t n = 0, cap = 16;
    int64_t *types = malloc((size_t)cap * sizeof *types);
    if (!types)
        rt_fatal("out of memory");
    sched_entersyscall(f->w);
    int dfd = dup(fd);
    DIR *d = dfd < 0 ? NULL : fdopendir(dfd);
    if (!d) {
        e = errno;
        if (dfd >= 0)
            close(dfd);
    }
    for (struct dirent *de; d;) {
        errno = 0;
        if (!(de = readdir(d))) {
            e = errno;
            break;
        }
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (n == cap) {
            int64_t *nt = realloc(types, (size_t)(cap *= 2) * sizeof *types);
            if (!nt)
                rt_fatal("out of memory");
            types = nt;
        }
        types[n++] = dtype_mode(de->d_type);
        sb_write(&names, de->d_name, (int64_t)strlen(de->d_name) + 1);
    }
    if (d)
        closedir(d);
    sched_exitsyscall(f->w);
    Slice *ns = slice_new(type_basic(K_STRING), n, n);
    Slice *ts = slice_new(type_basic(K_INT), n, n);
    const char *p = names.data;
    for (int64_t i = 0; i < n; i++) {
        ns->data[i].p = str_from_cstr(p);
        p += strlen(p) + 1;
        ts->data[i].i = types[i];
    }
    free(types);
    a[0].p = ns;
    a[1].p = ts;
    a[2].i = e;
    return NATIVE_OK;
}

/* readlink(2) into a growing buffer: the link's whole destination. */
static Str *read_link(const char *name, int *err) {
    for (size_t size = 256;; size *= 2) {
        char *buf = malloc(size);
        if (!buf)
            rt_fatal("out of memory");
        ssize_t r = readlink(name, buf, size);
        if (r >= 0 && (size_t)r < size) {
            Str *s = str_new(buf, r);
            free(buf);
            *err = 0;
            return s;
        }
        free(buf);
        if (r < 0) {
            *err = errno;
            return NULL;
        }
    }
}

static int n_sysReadlink(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    int err;
    sched_entersyscall(f->w);
    Str *s = read_link(name, &err);
    sched_exitsyscall(f->w);
    a[0].p = s;
    a[1].i = err;
    return NATIVE_OK;
}

static int n_sysExecutable(Fiber *f, Slot *a) {
    int err;
    a[0].p = read_link("/proc/self/exe", &err);
    a[1].i = err;
    return NATIVE_OK;
}

/* sysPipe() (r, w, errno): pipe2(2), both ends close-on-exec. */
static int n_sysPipe(Fiber *f, Slot *a) {
    pthread_once(&sigpipe_once, install_sigpipe);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        a[0].i = a[1].i = -1;
        a[2].i = errno;
        return NATIVE_OK;
    }
    a[0].i = fds[0];
    a[1].i = fds[1];
    a[2].i = 0;
    return NATIVE_OK;
}

/* A []string as a NULL-terminated C array of C strings (GC memory). */
static char **cstr_array(const Slice *s) {
    int64_t n = slice_len(s);
    char **v = gc_alloc((size_t)(n + 1) * sizeof *v);
    for (int64_t i = 0; i < n; i++)
        v[i] = str_cstr(s->data[i].p);
    v[n] = NULL;
    return v;
}

/* sysStartProcess(path, argv, envv, dir, fds) (pid, errno): posix_spawn,
 * which reports a failed exec (ENOENT, EACCES …) as its result. The child
 * gets fds[i] as descriptor i: each is first dup'ed above every number in
 * play, then moved down, so no move overwrites a descriptor still to be
 * moved. The child starts with no signal blocked (the Ms block SIGQUIT);
 * csp's handlers are reset by exec itself. */
static int n_sysStartProcess(Fiber *f, Slot *a) {
    const char *path = str_cstr(a[0].p);
    char **argv = cstr_array(a[1].p), **envv = cstr_array(a[2].p);
    Str *dir = a[3].p;
    Slice *fds = a[4].p;
    int64_t n = slice_len(fds);
    int base = (int)n;
    for (int64_t i = 0; i < n; i++)
        if (fds->data[i].i >= base)
            base = (int)fds->data[i].i + 1;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    for (int64_t i = 0; i < n; i++)
        if (fds->data[i].i >= 0)
            posix_spawn_file_actions_adddup2(&fa, (int)fds->data[i].i, base + (int)i);
    for (int64_t i = 0; i < n; i++) {
        if (fds->data[i].i >= 0) {
            posix_spawn_file_actions_adddup2(&fa, base + (int)i, (int)i);
            posix_spawn_file_actions_addclose(&fa, base + (int)i);
        } else {
            posix_spawn_file_actions_addclose(&fa, (int)i);
        }
    }
    if (str_len(dir))
        posix_spawn_file_actions_addchdir_np(&fa, str_cstr(dir));
    pid_t pid = 0;
    sched_entersyscall(f->w);
    int e = posix_spawn(&pid, path, &fa, &attr, argv, envv);
    sched_exitsyscall(f->w);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    a[0].i = e ? -1 : pid;
    a[1].i = e;
    return NATIVE_OK;
}

/* sysWait(pid, block) (status, done, errno): waitpid(2) without a P;
 * !block: WNOHANG, done false while the child runs. */
static int n_sysWait(Fiber *f, Slot *a) {
    int status = 0;
    pid_t r;
    do {
        sched_entersyscall(f->w);
        r = waitpid((pid_t)a[0].i, &status, a[1].i ? 0 : WNOHANG);
        sched_exitsyscall(f->w);
    } while (r < 0 && errno == EINTR);
    a[0].u = (uint32_t)status;
    a[1].i = r > 0;
    a[2].i = r < 0 ? errno : 0;
    return NATIVE_OK;
}

/* sysReadable(fd) bool: would a read return at once (data, EOF or an
 * error)? poll(2) with no timeout. */
static int n_sysReadable(Fiber *f, Slot *a) {
    struct pollfd p = {.fd = (int)a[0].i, .events = POLLIN};
    a[0].i = poll(&p, 1, 0) != 0;
    return NATIVE_OK;
}

/* simulated() bool: is the deterministic simulation (sim.h) on? */
static int n_simulated(Fiber *f, Slot *a) {
    a[0].i = sim_on;
    return NATIVE_OK;
}

/* sysChtimes(name, asec, ansec, msec, mnsec) errno: a negative nsec
 * leaves that time as it is (UTIME_OMIT). */
static int n_sysChtimes(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    struct timespec ts[2] = {
        {(time_t)a[1].i, a[2].i < 0 ? UTIME_OMIT : (long)a[2].i},
        {(time_t)a[3].i, a[4].i < 0 ? UTIME_OMIT : (long)a[4].i},
    };
    ERRNO_CALL(f, utimensat(AT_FDCWD, name, ts, 0));
    return NATIVE_OK;
}

/* sysChown(name, uid, gid, follow) errno: chown(2), or lchown(2). */
static int n_sysChown(Fiber *f, Slot *a) {
    const char *name = str_cstr(a[0].p);
    uid_t uid = (uid_t)a[1].i;
    gid_t gid = (gid_t)a[2].i;
    bool follow = a[3].i != 0;
    ERRNO_CALL(f, follow ? chown(name, uid, gid) : lchown(name, uid, gid));
    return NATIVE_OK;
}

/* The random part of CreateTemp and MkdirTemp's names. */
static int n_sysRandom(Fiber *f, Slot *a) {
    a[0].u = (uint32_t)rt_rand64();
    return NATIVE_OK;
}

const NativeEntry os_natives[] = {
    {"os.runtimeArgs", n_runtimeArgs},
    {"os.Exit", n_Exit},
    {"os.Getenv", n_Getenv},
    {"os.LookupEnv", n_LookupEnv},
    {"os.sysSetenv", n_sysSetenv},
    {"os.sysUnsetenv", n_sysUnsetenv},
    {"os.Environ", n_Environ},
    {"os.Clearenv", n_Clearenv},
    {"os.sysGetwd", n_sysGetwd},
    {"os.sysChdir", n_sysChdir},
    {"os.sysMkdir", n_sysMkdir},
    {"os.sysRemove", n_sysRemove},
    {"os.sysRename", n_sysRename},
    {"os.sysHostname", n_sysHostname},
    {"os.sysWrite", n_sysWrite},
    {"os.sysWriteString", n_sysWriteString},
    {"os.sysRead", n_sysRead},
    {"os.sysReadFile", n_sysReadFile},
    {"os.sysWriteFile", n_sysWriteFile},
    {"os.sysOpen", n_sysOpen},
    {"os.sysClose", n_sysClose},
    {"os.sysPread", n_sysPread},
    {"os.sysPwrite", n_sysPwrite},
    {"os.sysSeek", n_sysSeek},
    {"os.sysFsync", n_sysFsync},
    {"os.sysFtruncate", n_sysFtruncate},
    {"os.sysTruncate", n_sysTruncate},
    {"os.sysFchmod", n_sysFchmod},
    {"os.sysChmod", n_sysChmod},
    {"os.sysFstat", n_sysFstat},
    {"os.sysStat", n_sysStat},
    {"os.sysReadDir", n_sysReadDir},
    {"os.sysSymlink", n_sysSymlink},
    {"os.sysLink", n_sysLink},
    {"os.sysReadlink", n_sysReadlink},
    {"os.sysExecutable", n_sysExecutable},
    {"os.sysRandom", n_sysRandom},
    {"os.sysPipe", n_sysPipe},
    {"os.sysChtimes", n_sysChtimes},
    {"os.sysChown", n_sysChown},
    {"os.sysStartProcess", n_sysStartProcess},
    {"os.sysWait", n_sysWait},
    {"os.simulated", n_simulated},
    {"os.sysReadable", n_sysReadable},
    {NULL, NULL},
};
