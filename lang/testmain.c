/*
 * testmain.c — `csp test`: the go command's part of `go test x_test.go`.
 *
 * Two processes, as go test's: the parent is the go command, the child is
 * the test binary. The parent forks before the collector or any thread
 * exists (so fork is safe), then only reads the child's merged stdout and
 * stderr from a pipe and waits for it; at the end it prints Go's summary
 * line `ok  \tcommand-line-arguments\t0.012s` or the child's output and
 * `FAIL\tcommand-line-arguments\t0.012s` / `FAIL`. As go test does in
 * package-list mode, a passing run without -v shows only the ok line; -v,
 * -bench and -list stream everything. A child that could not build prints
 * the errors on stderr and exits with BUILD_FAILED; the parent adds
 * `[build failed]`. The time is the test binary's run: the child sends
 * its start, after the build, through a second pipe.
 *
 * The child parses the files (one package: `csp test stack.csp
 * stack_test.csp`), then generates one more file of the package (Go's
 * _testmain.go, here in memory) whose entry function ENTRY builds the
 * tables of the _test files' Test, Benchmark, Fuzz and Example functions, calls
 * testing.MainStart and m.Run (or the file's TestMain), and exits with
 * the result. The program starts in ENTRY rather than main
 * (Program.entry), so a test file may have its own main or none, and any
 * package name. Examples' expected output is read here from the last
 * comment group of their body (`// Output:` / `// Unordered output:`),
 * since the lexer drops comments.
 *
 * The test flags become the child's os.Args in Go's spelling
 * (-test.v=true, -test.run=RE ...), parsed by package testing with flag, so
 * a TestMain that calls flag.Parse sees them as Go's does. -race, -procs
 * and -leaks are csp's and act on the child itself.
 *
 * Rejected: running the tests in this process and printing the summary
 * from an exit hook. A passing run's output must then be held back, and a
 * panic, os.Exit or fatal error ends the process with output already
 * written; go test's own split into two processes gives all of its cases
 * (a test binary that dies, that exits 0 without PASS ...) for free.
 */
#include "testmain.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/gc.h"
#include "../runtime/leak.h"
#include "../runtime/race.h"
#include "../runtime/vm.h"
#include "../stdlib/lib.h"
#include "check.h"
#include "compile.h"
#include "diag.h"
#include "load.h"
#include "parse.h"

/* The child's exit status after printing compile errors; a test binary
 * exits 0, 1 or 2 (panic), 66 (race), never this. */
enum { BUILD_FAILED = 125 };
#define ENTRY "_cspTestMain"
#define PKG "command-line-arguments" /* go test's name for a file list */

typedef struct Opts {
    const char **files; /* the package's files, as given */
    int nfiles;
    bool verbose, race;
    int leaks;          /* -leaks=MODE (runtime/leak.h), default off */
    bool stream;        /* -v, -bench or -list: output as it comes (go
                           test's streamOutput and testShowPass), else
                           only for a failure */
    bool bench;         /* -bench or -fuzz: go test copies the output
                           straight through, so it names a failing exit
                           status */
    bool fuzz;          /* -fuzz: the child learns the file list too
                           (-test.fuzzfiles), for its "To re-run:" line */
    int procs;
    char **args;        /* the child's os.Args[1:]: -test.*, then what
                           follows -args */
    int nargs;
    int nowned;         /* args[0..nowned): add_arg's, malloc'd */
} Opts;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* realloc that never returns NULL: the driver cannot go on without
 * memory (and keeps no block a failure would leak). */
static void *grow(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q) {
        perror("csp test");
        exit(2);
    }
    return q;
}

static void push_arg(Opts *o, char *s) {
    o->args = grow(o->args, (o->nargs + 2) * sizeof *o->args);
    o->args[o->nargs++] = s;
    o->args[o->nargs] = NULL;
}

/* Adds -test.NAME=VAL to the child's arguments. */
static void add_arg(Opts *o, const char *name, const char *val) {
    size_t n = strlen(name) + strlen(val) + 16;
    char *s = grow(NULL, n);
    snprintf(s, n, "-test.%s=%s", name, val);
    push_arg(o, s);
    /* add_arg's are a prefix (before what -args gave): move s there */
    memmove(o->args + o->nowned + 1, o->args + o->nowned,
            (o->nargs - 1 - o->nowned) * sizeof *o->args);
    o->args[o->nowned++] = s;
}

static void free_opts(Opts *o) {
    for (int i = 0; i < o->nowned; i++)
        free(o->args[i]);
    free(o->args);
    free(o->files);
}

static void usage_exit(const char *msg, const char *arg) {
    fprintf(stderr, "csp test: %s%s\n"
            "usage: csp test [-v] [-run RE] [-skip RE] [-bench RE] [-benchtime D|Nx]\n"
            "                [-count N] [-failfast] [-short] [-timeout D] [-list RE]\n"
            "                [-fuzz RE] [-fuzztime D|Nx] [-fuzzminimizetime D|Nx]\n"
            "                [-race] [-procs N] [-leaks=on|off|fail]\n"
            "                [FILE.csp...] FILE_test.csp [-args ARGS...]\n", msg, arg);
    exit(2);
}

/* Flags with a value; the rest are booleans. */
static const char *const valued[] = {"run", "skip", "bench", "benchtime", "count",
                                     "timeout", "procs", "cpu", "list", "fuzz",
                                     "fuzztime", "fuzzminimizetime", NULL};

static bool is_valued(const char *name) {
    for (int i = 0; valued[i]; i++)
        if (strcmp(name, valued[i]) == 0)
            return true;
    return false;
}

static void parse_flags(Opts *o, int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-args") == 0 || strcmp(a, "--args") == 0) {
            for (i++; i < argc; i++)
                push_arg(o, argv[i]);
            break;
        }
        if (a[0] != '-' || a[1] == 0) {
            o->files = grow(o->files, (o->nfiles + 1) * sizeof *o->files);
            o->files[o->nfiles++] = a;
            continue;
        }
        char name[64];
        const char *flag = a + (a[1] == '-' ? 2 : 1), *val = NULL;
        if (strncmp(flag, "test.", 5) == 0)
            flag += 5;
        const char *eq = strchr(flag, '=');
        size_t n = eq ? (size_t)(eq - flag) : strlen(flag);
        if (n >= sizeof name)
            usage_exit("flag provided but not defined: ", a);
        memcpy(name, flag, n);
        name[n] = 0;
        if (eq)
            val = eq + 1;
        else if (is_valued(name)) {
            if (i + 1 >= argc)
                usage_exit("flag needs an argument: ", a);
            val = argv[++i];
        }
        if (strcmp(name, "race") == 0)
            o->race = !val || strcmp(val, "false") != 0;
        else if (strcmp(name, "leaks") == 0) {
            if (!val || strcmp(val, "on") == 0)
                o->leaks = LEAK_ON;
            else if (strcmp(val, "fail") == 0)
                o->leaks = LEAK_FAIL;
            else if (strcmp(val, "off") == 0)
                o->leaks = LEAK_OFF;
            else
                usage_exit("invalid value for -leaks (want on, off or fail): ", val);
        }
        else if (strcmp(name, "procs") == 0)
            o->procs = atoi(val);
        else if (strcmp(name, "v") == 0) {
            o->verbose = !val || strcmp(val, "false") != 0;
            add_arg(o, "v", o->verbose ? "true" : "false");
        } else if (is_valued(name)) {
            add_arg(o, name, val);
            bool shown = strcmp(name, "bench") == 0 || strcmp(name, "fuzz") == 0;
            if ((shown || strcmp(name, "list") == 0) && *val)
                o->stream = true; /* go test shows these outputs */
            if (shown)
                o->bench = *val != 0;
            if (strcmp(name, "fuzz") == 0)
                o->fuzz = *val != 0;
        }
        else if (strcmp(name, "failfast") == 0 || strcmp(name, "short") == 0 ||
                 strcmp(name, "benchmem") == 0)
            add_arg(o, name, val ? val : "true");
        else
            usage_exit("flag provided but not defined: ", a);
    }
    if (!o->nfiles)
        usage_exit("no test file", "");
    o->stream |= o->verbose;
    if (o->fuzz) { /* the command a failing input's report suggests */
        size_t n = 1; /* malloc'd: the collector does not exist yet */
        for (int i = 0; i < o->nfiles; i++)
            n += strlen(o->files[i]) + 1;
        char *files = grow(NULL, n);
        files[0] = 0;
        for (int i = 0; i < o->nfiles; i++)
            strcat(strcat(files, i ? " " : ""), o->files[i]);
        add_arg(o, "fuzzfiles", files);
        free(files);
    }
}

/* ---- the generated file ------------------------------------------------------ */

/* Go's isTest: NAME is PREFIX, or PREFIX and then a non-lowercase rune. */
static bool is_test_name(const char *name, const char *prefix) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0)
        return false;
    return name[n] == 0 || !(name[n] >= 'a' && name[n] <= 'z');
}

static void quote(StrBuf *b, const char *s, size_t n) {
    sb_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            sb_putc(b, '\\'), sb_putc(b, (char)c);
        else if (c == '\n')
            sb_puts(b, "\\n");
        else if (c < 0x20 || c == 0x7f)
            sb_printf(b, "\\x%02x", c);
        else
            sb_putc(b, (char)c);
    }
    sb_putc(b, '"');
}

/* Start of line `line` (1-based) of src, or NULL. */
static const char *line_start(const char *src, int line) {
    for (int l = 1; l < line && src; l++) {
        src = strchr(src, '\n');
        if (src)
            src++;
    }
    return src;
}

/* The example's expected output: its body's last group of // lines when
 * that begins "Output:" or "Unordered output:" (any case). False when
 * there is none (Go compiles such an example but does not run it). */
static bool example_output(const SrcFile *f, const Decl *d, StrBuf *out,
                           bool *unordered) {
    const Stmt *body = d->u.func.body;
    if (!body || body->kind != S_BLOCK)
        return false;
    int first = body->pos.line, last = body->u.block.rbrace.line;
    int gstart = 0, gend = 0; /* the last comment group: lines */
    const char *p = line_start(f->src, first);
    for (int l = first; l <= last && p && *p; l++) {
        const char *q = p + strspn(p, " \t");
        bool comment = q[0] == '/' && q[1] == '/' && l > first;
        if (comment) {
            if (gend != l - 1)
                gstart = l;
            gend = l;
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!gstart)
        return false;
    StrBuf text;
    sb_init(&text);
    p = line_start(f->src, gstart);
    for (int l = gstart; l <= gend; l++) {
        const char *q = p + strspn(p, " \t") + 2, *e = strchr(q, '\n');
        if (!e)
            e = q + strlen(q);
        if (*q == ' ')
            q++;
        const char *t = e;
        while (t > q && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r'))
            t--;
        sb_write(&text, q, t - q);
        sb_putc(&text, '\n');
        p = *e ? e + 1 : e;
    }
    sb_putc(&text, 0);
    const char *s = text.data + strspn(text.data, " \t\n");
    *unordered = strncasecmp(s, "unordered output:", 17) == 0;
    if (*unordered)
        s += 17;
    else if (strncasecmp(s, "output:", 7) == 0)
        s += 7;
    else
        return false;
    s += strspn(s, " "); /* go/doc: spaces, then one newline */
    if (*s == '\n')
        s++;
    sb_puts(out, s);
    return true;
}

/* A _test file: go test takes tests only from those. */
static bool is_test_file(const char *path) {
    size_t n = strlen(path);
    return (n > 9 && strcmp(path + n - 9, "_test.csp") == 0) ||
           (n > 8 && strcmp(path + n - 8, "_test.go") == 0);
}

/* Adds the Test, Benchmark, Fuzz and Example functions of f to the tables. */
static void collect(const SrcFile *f, StrBuf *tests, StrBuf *benches,
                    StrBuf *fuzzes, StrBuf *examples, bool *has_testmain) {
    for (int i = 0; i < f->ndecls; i++) {
        const Decl *d = f->decls[i];
        if (d->kind != D_FUNC || d->u.func.recv || d->u.func.tparams || !d->u.func.body)
            continue;
        const char *name = d->u.func.name->u.ident.name;
        if (strcmp(name, "TestMain") == 0)
            *has_testmain = true;
        else if (is_test_name(name, "Test"))
            sb_printf(tests, "\t\t{\"%s\", %s},\n", name, name);
        else if (is_test_name(name, "Benchmark"))
            sb_printf(benches, "\t\t{\"%s\", %s},\n", name, name);
        else if (is_test_name(name, "Fuzz"))
            sb_printf(fuzzes, "\t\t{\"%s\", %s},\n", name, name);
        else if (is_test_name(name, "Example")) {
            StrBuf out;
            sb_init(&out);
            bool unordered;
            if (!example_output(f, d, &out, &unordered))
                continue;
            sb_printf(examples, "\t\t{\"%s\", %s, ", name, name);
            quote(examples, out.data ? out.data : "", out.len);
            sb_printf(examples, ", %s},\n", unordered ? "true" : "false");
        }
    }
}

/* Writes the generated file of the package of files[0..n) into b: the
 * tables of the _test files' functions (of every file when none is a
 * _test file), and the entry function. */
static void gen_main(SrcFile *const *files, int n, StrBuf *b) {
    StrBuf tests, benches, fuzzes, examples;
    sb_init(&tests);
    sb_init(&benches);
    sb_init(&fuzzes);
    sb_init(&examples);
    bool has_testmain = false, any_test_file = false;
    for (int i = 0; i < n; i++)
        any_test_file |= is_test_file(files[i]->path);
    for (int i = 0; i < n; i++)
        if (!any_test_file || is_test_file(files[i]->path))
            collect(files[i], &tests, &benches, &fuzzes, &examples, &has_testmain);
    const SrcFile *f = files[0];
    sb_printf(b, "package %s\n\nimport (\n\t_csptest_os \"os\"\n"
                 "\t_csptest_testing \"testing\"\n)\n\nfunc " ENTRY "() {\n"
                 "\tm := _csptest_testing.MainStart([]_csptest_testing.InternalTest{\n",
              f->pkgname);
    sb_write(b, tests.data ? tests.data : "", tests.len);
    sb_puts(b, "\t}, []_csptest_testing.InternalBenchmark{\n");
    sb_write(b, benches.data ? benches.data : "", benches.len);
    sb_puts(b, "\t}, []_csptest_testing.InternalFuzzTarget{\n");
    sb_write(b, fuzzes.data ? fuzzes.data : "", fuzzes.len);
    sb_puts(b, "\t}, []_csptest_testing.InternalExample{\n");
    sb_write(b, examples.data ? examples.data : "", examples.len);
    sb_puts(b, "\t})\n");
    if (has_testmain)
        sb_puts(b, "\tTestMain(m)\n\t_csptest_os.Exit(_csptest_testing.MainExitCode(m))\n}\n");
    else
        sb_puts(b, "\t_csptest_os.Exit(m.Run())\n}\n");
}

/* Parses the files into one package; false after an error (reported in
 * d, or on stderr for an unreadable file). */
static bool parse_all(const Opts *o, SrcFile **files, Diag *d) {
    for (int i = 0; i < o->nfiles; i++) {
        size_t len;
        char *src = load_read_file(o->files[i], &len);
        if (!src)
            return false;
        files[i] = parse_file(o->files[i], src, len, d);
        if (diag_count(d) > 0)
            return false;
        if (strcmp(files[i]->pkgname, files[0]->pkgname) != 0) {
            fprintf(stderr, "# " PKG "\nfound packages %s (%s) and %s (%s)\n",
                    files[0]->pkgname,
                    files[0]->path, files[i]->pkgname, files[i]->path);
            return false;
        }
    }
    return true;
}

/* Parses, generates, checks and compiles; NULL after printing errors. */
static CProgram *build_test(const Opts *o) {
    Diag diag;
    diag_init(&diag);
    Loader L = {.diag = &diag};
    SrcFile **files = gc_alloc((o->nfiles + 1) * sizeof *files);
    CProgram *cp = NULL;
    if (!parse_all(o, files, &diag) && diag_count(&diag) == 0)
        return NULL; /* reported */
    if (diag_count(&diag) == 0) {
        StrBuf gen;
        sb_init(&gen);
        gen_main(files, o->nfiles, &gen);
        files[o->nfiles] = parse_file("_testmain.go", gen.data, gen.len, &diag);
        Package *pkg = load_package_new("main", files[0]);
        pkg->files = files;
        pkg->nfiles = o->nfiles + 1;
        Program prog = {.main = pkg, .diag = &diag, .load = load_std,
                        .load_ctx = &L, .entry = ENTRY};
        if (diag_count(&diag) == 0 && check_program(&prog) && diag_count(&diag) == 0)
            cp = comp_program(&prog, &diag);
    }
    if (diag_count(&diag) > 0) { /* go test's header, then the errors */
        fprintf(stderr, "# " PKG " [" PKG ".test]\n");
        diag_print(&diag, stderr);
        return NULL;
    }
    return cp;
}

/* The test binary: never returns. It builds with the terminal's stderr
 * (compile errors go there, as go test's), writes the time it starts
 * running to time_fd, then its output into pipe_fd. */
static _Noreturn void child(Opts *o, int pipe_fd, int time_fd) {
    vm_block_sigquit();
    gc_init();
    leak_set_mode(o->leaks); /* off unless asked: go test reports none */
    if (o->race)
        race_enable(true);
    CProgram *cp = build_test(o);
    if (!cp) {
        fflush(stderr);
        _exit(BUILD_FAILED);
    }
    double t0 = now_s(); /* the run starts: go test times the binary only */
    if (write(time_fd, &t0, sizeof t0) != sizeof t0)
        t0 = 0; /* the parent then times from the fork */
    close(time_fd);
    dup2(pipe_fd, 1);
    dup2(pipe_fd, 2);
    close(pipe_fd);
    char **argv = grow(NULL, (o->nargs + 1) * sizeof *argv); /* copied */
    argv[0] = (char *)o->files[0];
    for (int i = 0; i < o->nargs; i++)
        argv[i + 1] = o->args[i];
    os_set_args(o->nargs + 1, argv);
    free(argv);
    vm_run_main_exit(cp, o->procs > 0 ? o->procs : 0);
}

/* ---- the go command's side --------------------------------------------------- */

/* go test's summary of the child's run (output buf[0..n), wait status,
 * seconds); returns go test's exit status. */
static int report(const Opts *o, int status, const char *buf, size_t n, double secs) {
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 2;
    /* go test's closing FAIL line, not printed under -fuzz (one package) */
    const char *last = o->fuzz ? "" : "FAIL\n";
    if (code == BUILD_FAILED) { /* the child printed the errors */
        printf("FAIL\t" PKG " [build failed]\n%s", last);
        return 1;
    }
    if (!o->stream && code != 0)
        fwrite(buf, 1, n, stdout);
    if ((o->stream || code != 0) && n > 0 && buf[n - 1] != '\n')
        putchar('\n'); /* as go test: the summary starts a line */
    if (WIFSIGNALED(status)) { /* Go's ProcessState text: "signal: killed" */
        char sig[64];
        snprintf(sig, sizeof sig, "%s", strsignal(WTERMSIG(status)));
        sig[0] = (char)tolower((unsigned char)sig[0]);
        printf("signal: %s\n", sig);
    } else if (code != 0 && o->bench) /* go test: its output went past it */
        printf("exit status %d\n", code);
    if (code != 0) {
        printf("FAIL\t" PKG "\t%.3fs\n%s", secs, last);
        return 1;
    }
    static const char none[] = "testing: warning: no tests to run";
    bool ran = !memmem(buf, n, none, sizeof none - 1);
    printf("ok  \t" PKG "\t%.3fs%s\n", secs, ran ? "" : " [no tests to run]");
    return 0;
}

int testmain_main(int argc, char **argv) {
    Opts o = {0};
    parse_flags(&o, argc, argv);
    for (int i = 0; i < o.nfiles; i++)
        if (access(o.files[i], R_OK) != 0) { /* go test's [setup failed] */
            fprintf(stderr, "# %s\ncsp: open %s: %s\n", o.files[i], o.files[i],
                    strerror(errno));
            printf("FAIL\t%s [setup failed]\nFAIL\n", o.files[i]);
            free_opts(&o);
            return 1;
        }
    fflush(stdout);
    int fds[2], tfds[2];
    if (pipe(fds) < 0 || pipe(tfds) < 0) {
        perror("csp test: pipe");
        free_opts(&o);
        return 2;
    }
    double start = now_s();
    pid_t pid = fork();
    if (pid < 0) {
        perror("csp test: fork");
        free_opts(&o);
        return 2;
    }
    if (pid == 0) {
        close(fds[0]);
        close(tfds[0]);
        child(&o, fds[1], tfds[1]);
    }
    close(fds[1]);
    close(tfds[1]);
    size_t cap = 1 << 16, n = 0;
    char *buf = grow(NULL, cap);
    ssize_t r;
    for (;;) {
        if (n == cap)
            buf = grow(buf, cap *= 2);
        r = read(fds[0], buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        if (o.stream) {
            fwrite(buf + n, 1, (size_t)r, stdout);
            fflush(stdout);
        }
        n += (size_t)r;
    }
    close(fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    double t0;
    if (read(tfds[0], &t0, sizeof t0) == sizeof t0 && t0 > start)
        start = t0;
    close(tfds[0]);
    int rc = report(&o, status, buf, n, now_s() - start);
    free(buf);
    free_opts(&o);
    return rc;
}
