/*
 * explore.c — `csp explore FILE`: search the schedules of a program for one
 * that fails, in one process.
 *
 * HOW: the program is compiled once, with the simulation's preemption
 * points (Program.sched_points). Run r (1-based) runs it under the
 * simulation (runtime/sim.h) with seed r: fake time, and a strategy the
 * seed chooses — PCT with the -depth given (three runs in four) or a plain
 * random walk — so `csp -seed r -procs P FILE` replays run r exactly.
 * Between runs everything a run leaves behind is reset: the program's
 * globals are zeroed (the package initialisers, which run again, make the
 * boxes and values), the timer heap is emptied (sim.c), and the natives'
 * state is reset (lib_reset_run). The run's stdout and stderr go to two
 * memory files (memfd), read back after the run; no process is started.
 *
 * A RUN FAILS on a panic, a fatal error, a deadlock, a race report (Go's
 * "WARNING: DATA RACE" on stderr, whichever detector prints it), a
 * goroutine leak (runtime/leak.c checks each run when main returns; not
 * with -leaks=off), a non-zero exit status, the wall-clock timeout (a livelock, or a goroutine that
 * never blocks), or, with -expect, stdout different from the file. The
 * first failure stops the search: its output and the replay command are
 * printed, and explore exits 1. Otherwise the distinct outcomes (exit
 * status and stdout) are listed with their counts and the first seed that
 * produced each, and explore exits 0.
 *
 * ALTERNATIVES REJECTED: fork+exec per schedule (a process start and a
 * compile cost more than a small program's run); fork without exec (the
 * collector's and stdio's state in the child, and still a page-table copy
 * per run).
 */
#include "explore.h"

#include "../runtime/race.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/gc.h"
#include "../runtime/leak.h"
#include "../runtime/sim.h"
#include "../runtime/vm.h"
#include "../stdlib/lib.h"
#include "diag.h"
#include "load.h"

/* Distinct outcomes listed; more are counted as "other outcomes". */
#define EXPLORE_MAX_OUTCOMES 32
/* Default per-run wall-clock limit: generous, since a run normally takes
 * microseconds to milliseconds; only a livelock reaches it. */
#define EXPLORE_DEFAULT_TIMEOUT_NS (10LL * 1000000000)
/* Progress line refresh on a terminal. */
#define EXPLORE_PROGRESS_NS (100LL * 1000000)

typedef struct Options {
    const char *file;
    long runs;
    int depth, procs;
    int64_t timeout_ns;
    const char *expect_path;
    bool race, json;
    uint64_t first_seed;
} Options;

typedef struct Outcome {
    char *out;             /* stdout (malloc) */
    size_t len;
    int end, code;
    long count;
    uint64_t seed;         /* first seed that produced it */
} Outcome;

typedef struct Capture {
    int fd;                /* memfd the run's output goes to */
    int saved;             /* the real descriptor, restored at the end */
    char *buf;             /* last run's bytes (malloc) */
    size_t len;
} Capture;

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- replay commands ----------------------------------------------------------- */

int explore_sim_procs(int procs) {
    if (procs > 0)
        return procs;
    const char *v = getenv("GOMAXPROCS");
    long n = v ? strtol(v, NULL, 10) : 0;
    return n > 0 && n <= 1024 ? (int)n : SIM_DEFAULT_PROCS;
}

/* Appends s to buf, quoted for a POSIX shell when it needs it. */
static void shell_word(char *buf, size_t size, const char *s) {
    bool plain = *s != 0;
    for (const char *p = s; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "0123456789_-./=:,+%@", *p))
            plain = false;
    size_t n = strlen(buf);
    if (plain) {
        snprintf(buf + n, size - n, " %s", s);
        return;
    }
    snprintf(buf + n, size - n, " '");
    for (const char *p = s; *p && strlen(buf) + 8 < size; p++) {
        n = strlen(buf);
        snprintf(buf + n, size - n, *p == '\'' ? "'\\''" : "%c", *p);
    }
    n = strlen(buf);
    snprintf(buf + n, size - n, "'");
}

const char *explore_replay_command(uint64_t seed, int procs, int depth,
                                   bool leakfail, int argc, char **argv) {
    char buf[4096];
    snprintf(buf, sizeof buf, "csp -seed %llu -procs %d",
             (unsigned long long)seed, procs);
    if (depth > 0 && depth != SIM_DEFAULT_DEPTH) {
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, " -depth %d", depth);
    }
    if (RACE_ON()) {
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, " -race");
    }
    if (leakfail) {
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, " -leaks=fail");
    }
    for (int i = 0; i < argc; i++)
        shell_word(buf, sizeof buf, argv[i]);
    return gc_strdup(buf);
}

/* ---- flags ------------------------------------------------------------------- */

static void usage(void) {
    fputs("usage: csp explore FILE.csp [-runs N] [-depth D] [-procs P]\n"
          "                   [-timeout T] [-expect FILE.out] [-race] [-json]\n"
          "                   [-seed S] [-leaks=off]\n"
          "  -runs N      schedules to try (default 1000)\n"
          "  -depth D     PCT bug depth: D-1 priority-change points (default 3)\n"
          "  -procs P     simulated Ps (default $GOMAXPROCS, else 2)\n"
          "  -timeout T   wall time one run may take: 10s, 500ms (default 10s)\n"
          "  -expect F    a run fails when its stdout differs from file F\n"
          "  -race        run with the race detector\n"
          "  -leaks=MODE  on (default): a goroutine leak fails the run; off\n"
          "  -json        print a machine-readable summary\n"
          "  -seed S      seed of the first run (default 1; run r uses S+r-1)\n",
          stderr);
}

static bool parse_long(const char *s, long *v) {
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (*s == 0 || *end != 0 || errno || n < 0)
        return false;
    *v = n;
    return true;
}

/* "10s", "500ms", "2m", "1.5s", or seconds without a unit. */
static bool parse_duration(const char *s, int64_t *ns) {
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (end == s || errno || x < 0)
        return false;
    double unit = 1e9;
    if (strcmp(end, "ms") == 0)
        unit = 1e6;
    else if (strcmp(end, "m") == 0)
        unit = 60e9;
    else if (strcmp(end, "us") == 0)
        unit = 1e3;
    else if (*end && strcmp(end, "s") != 0)
        return false;
    *ns = (int64_t)(x * unit);
    return true;
}

static bool bad_value(const char *flag, const char *v) {
    fprintf(stderr, "csp explore: invalid value \"%s\" for flag -%s\n", v, flag);
    return false;
}

static bool parse_options(int argc, char **argv, Options *o) {
    *o = (Options){.runs = 1000, .depth = SIM_DEFAULT_DEPTH,
                   .timeout_ns = EXPLORE_DEFAULT_TIMEOUT_NS, .first_seed = 1};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1]) {
            if (o->file) {
                fprintf(stderr, "csp explore: one file at a time (%s, %s)\n",
                        o->file, a);
                return false;
            }
            o->file = a;
            continue;
        }
        const char *flag = a + (a[1] == '-' ? 2 : 1);
        char name[32];
        const char *val = strchr(flag, '=');
        size_t n = val ? (size_t)(val - flag) : strlen(flag);
        if (n >= sizeof name)
            n = sizeof name - 1;
        memcpy(name, flag, n);
        name[n] = 0;
        if (strcmp(name, "race") == 0) {
            o->race = true;
            continue;
        }
        if (strcmp(name, "json") == 0) {
            o->json = true;
            continue;
        }
        if (strcmp(name, "h") == 0 || strcmp(name, "help") == 0) {
            usage();
            return false;
        }
        if (val)
            val++;
        else if (i + 1 < argc)
            val = argv[++i];
        else {
            fprintf(stderr, "csp explore: flag needs an argument: %s\n", a);
            return false;
        }
        long v;
        if (strcmp(name, "runs") == 0) {
            if (!parse_long(val, &v) || v < 1)
                return bad_value(name, val);
            o->runs = v;
        } else if (strcmp(name, "depth") == 0) {
            if (!parse_long(val, &v) || v < 1 || v > 64)
                return bad_value(name, val);
            o->depth = (int)v;
        } else if (strcmp(name, "procs") == 0) {
            if (!parse_long(val, &v) || v < 1 || v > 1024)
                return bad_value(name, val);
            o->procs = (int)v;
        } else if (strcmp(name, "seed") == 0) {
            if (!parse_long(val, &v))
                return bad_value(name, val);
            o->first_seed = (uint64_t)v;
        } else if (strcmp(name, "timeout") == 0) {
            if (!parse_duration(val, &o->timeout_ns))
                return bad_value(name, val);
        } else if (strcmp(name, "leaks") == 0) {
            if (strcmp(val, "off") == 0)
                leak_set_mode(LEAK_OFF);
            else if (strcmp(val, "on") == 0 || strcmp(val, "fail") == 0)
                leak_set_mode(LEAK_ON);
            else
                return bad_value(name, val);
        } else if (strcmp(name, "expect") == 0) {
            o->expect_path = val;
        } else {
            fprintf(stderr, "csp explore: flag provided but not defined: %s\n",
                    a);
            usage();
            return false;
        }
    }
    if (!o->file) {
        usage();
        return false;
    }
    o->procs = explore_sim_procs(o->procs);
    return true;
}

/* ---- output capture -------------------------------------------------------------- */

static bool capture_open(Capture *c, int fd, const char *name) {
    c->fd = memfd_create(name, MFD_CLOEXEC);
    c->saved = dup(fd);
    c->buf = NULL;
    c->len = 0;
    if (c->fd < 0 || c->saved < 0 || dup2(c->fd, fd) < 0) {
        fprintf(stderr, "csp explore: cannot capture output: %s\n",
                strerror(errno));
        return false;
    }
    return true;
}

static void capture_rewind(Capture *c) {
    if (ftruncate(c->fd, 0) != 0 || lseek(c->fd, 0, SEEK_SET) != 0)
        abort(); /* a memfd: cannot fail */
}

/* Reads what the run wrote into c->buf. */
static void capture_read(Capture *c) {
    off_t n = lseek(c->fd, 0, SEEK_CUR);
    free(c->buf);
    c->buf = malloc((size_t)n + 1);
    if (!c->buf)
        abort();
    ssize_t got = n > 0 ? pread(c->fd, c->buf, (size_t)n, 0) : 0;
    c->len = got > 0 ? (size_t)got : 0;
    c->buf[c->len] = 0;
}

static void capture_close(Capture *c, int fd) {
    dup2(c->saved, fd);
    close(c->saved);
    close(c->fd);
    free(c->buf);
    c->buf = NULL;
}

/* ---- classifying runs ------------------------------------------------------------- */

enum { FAIL_NONE, FAIL_RUN, FAIL_RACE, FAIL_LEAK, FAIL_EXPECT };

static int classify(const SimResult *r, const Capture *out, const Capture *err,
                    const char *expect, size_t nexpect) {
    if (r->race || memmem(err->buf, err->len, "WARNING: DATA RACE", 18))
        return FAIL_RACE;
    if (r->end != SIM_OK || r->code != 0)
        return FAIL_RUN;
    if (r->leaks)
        return FAIL_LEAK;
    if (expect && (out->len != nexpect || memcmp(out->buf, expect, nexpect)))
        return FAIL_EXPECT;
    return FAIL_NONE;
}

static const char *end_name(int end, int code) {
    static char buf[32];
    switch (end) {
    case SIM_PANIC: return "panic";
    case SIM_FATAL: return "fatal error";
    case SIM_DEADLOCK: return "deadlock";
    case SIM_TIMEOUT: return "timeout";
    default:
        if (code == 0)
            return "ok";
        snprintf(buf, sizeof buf, "exit status %d", code);
        return buf;
    }
}

/* ---- outcomes --------------------------------------------------------------------- */

typedef struct Tally {
    Outcome v[EXPLORE_MAX_OUTCOMES];
    int n;
    long other;
} Tally;

static void tally_add(Tally *t, const SimResult *r, const Capture *out,
                      uint64_t seed) {
    for (int i = 0; i < t->n; i++) {
        Outcome *o = &t->v[i];
        if (o->end == (int)r->end && o->code == r->code && o->len == out->len &&
            memcmp(o->out, out->buf, out->len) == 0) {
            o->count++;
            return;
        }
    }
    if (t->n == EXPLORE_MAX_OUTCOMES) {
        t->other++;
        return;
    }
    Outcome *o = &t->v[t->n++];
    o->out = malloc(out->len + 1);
    if (!o->out)
        abort();
    memcpy(o->out, out->buf, out->len + 1);
    o->len = out->len;
    o->end = (int)r->end;
    o->code = r->code;
    o->count = 1;
    o->seed = seed;
}

static int by_count(const void *a, const void *b) {
    const Outcome *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return x->seed < y->seed ? -1 : x->seed > y->seed;
}

/* The output as one short line: newlines as " | ", cut at max bytes. */
static void summary_line(FILE *fp, const char *s, size_t n, size_t max) {
    while (n && s[n - 1] == '\n')
        n--;
    if (n == 0) {
        fputs("(no output)", fp);
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n && k < max; i++, k++) {
        if (s[i] == '\n') {
            fputs(" | ", fp);
            k += 2;
        } else {
            fputc((unsigned char)s[i] < ' ' ? '?' : s[i], fp);
        }
    }
    if (k >= max)
        fputs("...", fp);
}

static void json_string(FILE *fp, const char *s, size_t n) {
    fputc('"', fp);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(fp, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", fp);
        else if (c < ' ')
            fprintf(fp, "\\u%04x", c);
        else
            fputc(c, fp);
    }
    fputc('"', fp);
}

/* ---- the search ------------------------------------------------------------------- */

typedef struct Search {
    Options o;
    CProgram *cp;
    char *expect;
    size_t nexpect;
    Capture out, err;
    FILE *tty;              /* progress (the real stderr when a terminal) */
    FILE *report;           /* the real stdout */
    FILE *ereport;          /* the real stderr */
    Tally tally;
    long done;
    int64_t start, last_progress;
} Search;

static const char *replay(Search *s, uint64_t seed, bool leakfail) {
    char *argv[1] = {(char *)s->o.file};
    return explore_replay_command(seed, s->o.procs, s->o.depth, leakfail, 1,
                                  argv);
}

/* Runs the program once under seed; returns its failure class. */
static int run_once(Search *s, uint64_t seed, const SimResult **res) {
    SimConfig c = {.seed = seed, .procs = s->o.procs, .depth = s->o.depth,
                   .timeout_ns = s->o.timeout_ns};
    sim_setup(&c);
    lib_reset_run();
    memset(s->cp->globals, 0, (size_t)s->cp->nglobals * sizeof(Slot));
    if (RACE_ON()) /* the last run's accesses to them are not this run's */
        race_alloc(s->cp->globals, (size_t)s->cp->nglobals * sizeof(Slot));
    capture_rewind(&s->out);
    capture_rewind(&s->err);
    vm_run_main(s->cp, s->o.procs);
    fflush(stdout);
    fflush(stderr);
    capture_read(&s->out);
    capture_read(&s->err);
    *res = sim_result();
    return classify(*res, &s->out, &s->err, s->expect, s->nexpect);
}

static void progress(Search *s, bool last) {
    if (!s->tty)
        return;
    int64_t t = now_ns();
    if (!last && t - s->last_progress < EXPLORE_PROGRESS_NS)
        return;
    s->last_progress = t;
    double secs = (double)(t - s->start) / 1e9;
    fprintf(s->tty, "\r\033[Kexplore: %ld/%ld schedules, %.0f/s, %d outcome%s",
            s->done, s->o.runs, secs > 0 ? (double)s->done / secs : 0.0,
            s->tally.n, s->tally.n == 1 ? "" : "s");
    if (last)
        fputs("\r\033[K", s->tty);
    fflush(s->tty);
}

static void report_failure(Search *s, int fail, const SimResult *r,
                           uint64_t seed) {
    FILE *fp = s->ereport;
    const char *what;
    char buf[256];
    switch (fail) {
    case FAIL_RACE: what = "data race"; break;
    case FAIL_LEAK:
        snprintf(buf, sizeof buf, "goroutine leak (%lld goroutine%s blocked "
                 "for ever)", (long long)r->leaks, r->leaks == 1 ? "" : "s");
        what = buf;
        break;
    case FAIL_EXPECT:
        snprintf(buf, sizeof buf, "output differs from %s", s->o.expect_path);
        what = buf;
        break;
    default:
        if (r->end == SIM_TIMEOUT) {
            snprintf(buf, sizeof buf,
                     "timeout: still running after %.3gs of wall time "
                     "(a livelock, or a goroutine that never stops)",
                     (double)s->o.timeout_ns / 1e9);
            what = buf;
        } else {
            what = end_name(r->end, r->code);
        }
    }
    double secs = (double)(now_ns() - s->start) / 1e9;
    if (s->o.json) {
        fprintf(s->report, "{\"file\": ");
        json_string(s->report, s->o.file, strlen(s->o.file));
        fprintf(s->report, ", \"runs\": %ld, \"seconds\": %.3f, \"failure\": "
                "{\"run\": %ld, \"seed\": %llu, \"kind\": ",
                s->done, secs, s->done, (unsigned long long)seed);
        json_string(s->report, what, strlen(what));
        fprintf(s->report, ", \"exit\": %d, \"stdout\": ", r->code);
        json_string(s->report, s->out.buf, s->out.len);
        fprintf(s->report, ", \"stderr\": ");
        json_string(s->report, s->err.buf, s->err.len);
        fprintf(s->report, ", \"replay\": ");
        const char *rp = replay(s, seed, fail == FAIL_LEAK);
        json_string(s->report, rp, strlen(rp));
        fprintf(s->report, "}}\n");
        fflush(s->report);
        return;
    }
    fprintf(fp, "csp explore: %s: schedule %ld of %ld failed (%.2fs): %s\n",
            s->o.file, s->done, s->o.runs, secs, what);
    if (s->out.len) {
        fprintf(fp, "--- stdout ---\n");
        fwrite(s->out.buf, 1, s->out.len, fp);
        if (s->out.buf[s->out.len - 1] != '\n')
            fputc('\n', fp);
    }
    if (fail == FAIL_EXPECT) {
        fprintf(fp, "--- expected (%s) ---\n", s->o.expect_path);
        fwrite(s->expect, 1, s->nexpect, fp);
        if (s->nexpect && s->expect[s->nexpect - 1] != '\n')
            fputc('\n', fp);
    }
    if (s->err.len) {
        fprintf(fp, "--- stderr ---\n");
        fwrite(s->err.buf, 1, s->err.len, fp);
        if (s->err.buf[s->err.len - 1] != '\n')
            fputc('\n', fp);
    }
    fprintf(fp, "csp: replay with: %s\n", replay(s, seed, fail == FAIL_LEAK));
    fflush(fp);
}

static void report_summary(Search *s) {
    Tally *t = &s->tally;
    qsort(t->v, (size_t)t->n, sizeof t->v[0], by_count);
    double secs = (double)(now_ns() - s->start) / 1e9;
    double rate = secs > 0 ? (double)s->done / secs : 0;
    FILE *fp = s->report;
    if (s->o.json) {
        fprintf(fp, "{\"file\": ");
        json_string(fp, s->o.file, strlen(s->o.file));
        fprintf(fp, ", \"runs\": %ld, \"seconds\": %.3f, \"per_second\": %.0f, "
                "\"failure\": null, \"outcomes\": [",
                s->done, secs, rate);
        for (int i = 0; i < t->n; i++) {
            Outcome *o = &t->v[i];
            const char *rp = replay(s, o->seed, false);
            fprintf(fp, "%s{\"count\": %ld, \"seed\": %llu, \"exit\": %d, "
                    "\"stdout\": ", i ? ", " : "", o->count,
                    (unsigned long long)o->seed, o->code);
            json_string(fp, o->out, o->len);
            fprintf(fp, ", \"replay\": ");
            json_string(fp, rp, strlen(rp));
            fputc('}', fp);
        }
        fprintf(fp, "], \"other\": %ld}\n", t->other);
        fflush(fp);
        return;
    }
    fprintf(fp, "csp explore: %s: %ld schedules in %.2fs (%.0f/s), no failure; "
            "%d distinct outcome%s\n", s->o.file, s->done, secs, rate,
            t->n + (t->other > 0), t->n + (t->other > 0) == 1 ? "" : "s");
    for (int i = 0; i < t->n; i++) {
        Outcome *o = &t->v[i];
        fprintf(fp, "  %6ld of %ld  ", o->count, s->done);
        summary_line(fp, o->out, o->len, 60);
        fprintf(fp, "\n          replay: %s\n", replay(s, o->seed, false));
    }
    if (t->other)
        fprintf(fp, "  %6ld of %ld  (other outcomes)\n", t->other, s->done);
    fflush(fp);
}

/* Reads the -expect file; false after printing why not. */
static bool read_expect(Search *s) {
    if (!s->o.expect_path)
        return true;
    s->expect = load_read_file(s->o.expect_path, &s->nexpect);
    return s->expect != NULL;
}

/* -race: the detector is on for every schedule. Its state needs no reset
 * between runs: each run's goroutines get fresh thread ids and its memory
 * is freshly allocated (race_alloc clears the shadow of reused memory), and
 * the search stops at the first run that reports a race. */
static bool enable_race(void) {
    race_enable(true);
    return true;
}

static int search(Search *s) {
    FILE *real_out = fdopen(dup(s->out.saved), "w");
    FILE *real_err = fdopen(dup(s->err.saved), "w");
    if (!real_out || !real_err)
        return 2;
    s->report = real_out;
    s->ereport = real_err;
    s->tty = !s->o.json && isatty(s->err.saved) ? real_err : NULL;
    s->start = s->last_progress = now_ns();
    int rc = 0;
    for (long r = 0; r < s->o.runs; r++) {
        uint64_t seed = s->o.first_seed + (uint64_t)r;
        const SimResult *res;
        int fail = run_once(s, seed, &res);
        s->done++;
        if (fail != FAIL_NONE) {
            progress(s, true);
            report_failure(s, fail, res, seed);
            rc = 1;
            break;
        }
        tally_add(&s->tally, res, &s->out, seed);
        progress(s, false);
    }
    if (rc == 0) {
        progress(s, true);
        report_summary(s);
    }
    sim_teardown();
    for (int i = 0; i < s->tally.n; i++)
        free(s->tally.v[i].out);
    fclose(real_out);
    fclose(real_err);
    return rc;
}

int explore_main(int argc, char **argv) {
    Search *s = gc_alloc(sizeof *s); /* scanned: it holds the program */
    if (!parse_options(argc, argv, &s->o))
        return 2;
    if (s->o.race && !enable_race())
        fprintf(stderr, "csp explore: -race: this csp has no race detector "
                        "yet; exploring without it\n");
    Diag diag;
    diag_init(&diag);
    Loader L = {.diag = &diag};
    bool unreadable;
    s->cp = load_build(s->o.file, &L, true, &unreadable);
    if (!s->cp)
        return unreadable ? 2 : 1;
    if (!read_expect(s))
        return 2;
    char *args[1] = {(char *)s->o.file};
    os_set_args(1, args);
    fflush(stdout);
    fflush(stderr);
    if (!capture_open(&s->out, 1, "csp-explore-stdout") ||
        !capture_open(&s->err, 2, "csp-explore-stderr"))
        return 2;
    int rc = search(s);
    capture_close(&s->out, 1);
    capture_close(&s->err, 2);
    return rc;
}
